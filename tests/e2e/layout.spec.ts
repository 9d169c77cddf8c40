import { expect, test, type Page } from '@playwright/test';

import { builtRoutes } from './fixtures.ts';

/** How far the page scrolls sideways (0: not at all). */
function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

/** Opens every disclosure on the page: "Expand all steps" buttons and every <details>. */
async function expandEverything(page: Page): Promise<void> {
  for (const button of await page.getByRole('button', { name: 'Expand all steps' }).all())
    await button.click();
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
}

/** Runs every snippet of the page with its last "Run all up to here" and waits for the end. */
async function runEverything(page: Page): Promise<void> {
  const runAll = page.getByRole('button', { name: /^Run all up to here/ });
  const count = await runAll.count();
  if (count === 0) return;
  await runAll.nth(count - 1).click();
  await page.waitForFunction(() => performance.getEntriesByName('kubelife:run-done').length > 0);
}

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

const routes = builtRoutes();
const CHUNKS = 4;
const chunks = Array.from({ length: CHUNKS }, (_, i) => routes.filter((_, j) => j % CHUNKS === i));

for (const [index, chunk] of chunks.entries()) {
  test(`no page scrolls sideways at 375 or 1,280 px with every step expanded and every snippet run (part ${index + 1} of ${CHUNKS})`, async ({
    page,
  }) => {
    test.setTimeout(60_000 + chunk.length * 30_000);
    const failures: string[] = [];

    for (const route of chunk) {
      await page.setViewportSize({ width: 375, height: 740 });
      await page.goto(route);
      await expandEverything(page);
      await runEverything(page);
      for (const width of [375, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        const overflow = await sidewaysScroll(page);
        if (overflow > 0) failures.push(`${route} at ${width}px: ${overflow}px sideways`);
      }
    }

    expect(failures).toEqual([]);
  });
}
