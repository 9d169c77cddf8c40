import { expect, test } from '@playwright/test';

import { openTerminal, sidewaysScroll, terminal } from './fixtures.ts';

test.describe('overview previews', () => {
  for (const width of [1280, 375]) {
    test(`"Show this step here" never widens the overview at ${width}px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/guides/install/');

      for (const summary of await page.getByText('Show this step here').all())
        await summary.click();

      expect(await sidewaysScroll(page)).toBe(0);
      const toc = page.getByRole('navigation', { name: 'On this page' });
      if (width === 1280 && (await toc.isVisible())) {
        const card = await page.getByRole('main').locator('ol li').nth(1).boundingBox();
        const nav = await toc.boundingBox();
        expect((card?.x ?? 0) + (card?.width ?? 0)).toBeLessThanOrEqual(nav?.x ?? 0);
      }
    });
  }
});

test('a running terminal never widens the page when the window narrows', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/guides/install/prepare-machines/');
  await openTerminal(page);
  // xterm has filled the wide dock, far wider than a phone.
  const screen = terminal(page).locator('.xterm-screen');
  await expect.poll(async () => (await screen.boundingBox())?.width ?? 0).toBeGreaterThan(600);
  // Until xterm refits (after the layout of the first narrow frame) its screen keeps the old
  // width: every frame from the resize on records how far the page could scroll sideways.
  await page.evaluate(() => {
    const probe = window as unknown as { sideways: number; frames: number };
    probe.sideways = 0;
    probe.frames = 0;
    const sample = (): void => {
      const root = document.documentElement;
      probe.sideways = Math.max(probe.sideways, root.scrollWidth - root.clientWidth);
      if (++probe.frames < 10) requestAnimationFrame(sample);
    };
    window.addEventListener('resize', () => requestAnimationFrame(sample), { once: true });
  });

  await page.setViewportSize({ width: 375, height: 740 });

  await page.waitForFunction(() => (window as unknown as { frames: number }).frames >= 10);
  expect(await page.evaluate(() => (window as unknown as { sideways: number }).sideways)).toBe(0);
  expect(await sidewaysScroll(page)).toBe(0);
});
