import { expect, test, type Page } from '@playwright/test';

import { terminal, transcript, typeCommand } from './fixtures.ts';

/**
 * Holds back every bundled script of the page (`/_astro/*.js`: the terminal element, the snippet
 * buttons' listener and what they import) until `release()`; `/head-init.js` still loads. This is
 * a slow network as a reader on a phone has it: the page is painted and its buttons can be
 * clicked before its modules have run.
 */
async function holdModules(page: Page): Promise<{ held: () => number; release: () => void }> {
  let release = (): void => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  await page.route('**/_astro/*.js', async (route) => {
    held++;
    await released;
    await route.continue();
  });
  return { held: () => held, release };
}

/** Opens a leaf page without waiting for its scripts (they are held back). */
async function openHeld(page: Page, path: string): Promise<{ release: () => void }> {
  const modules = await holdModules(page);
  await page.goto(path, { waitUntil: 'commit' });
  await expect.poll(modules.held).toBeGreaterThan(0);
  return modules;
}

/** Whether the terminal's custom element has been defined (its module has run). */
function upgraded(page: Page): Promise<boolean> {
  return page.evaluate(() => customElements.get('kubelife-terminal') !== undefined);
}

test.describe('clicks before the page script has run', () => {
  test('an early click on Open terminal shows it is starting and opens the terminal once the script runs', async ({
    page,
  }) => {
    const modules = await openHeld(page, '/guides/install/prepare-machines/');
    const open = page.getByRole('button', { name: 'Open terminal' });

    await open.click();
    expect(await upgraded(page)).toBe(false);
    const starting = page.getByRole('button', { name: 'Starting…' });
    await expect(starting).toHaveAttribute('aria-busy', 'true');
    // The dock stays one slim bar while it waits: no Backend setting that then disappears.
    await expect(terminal(page).getByRole('combobox', { name: 'Backend' })).toBeHidden();
    modules.release();

    await expect(terminal(page)).toContainText('root@cp-1:~#');
    await typeCommand(page, 'hostname');
    await expect(transcript(page)).toContainText('hostname\ncp-1');
  });

  test('an early click on Run runs the snippet once the script runs', async ({ page }) => {
    const modules = await openHeld(page, '/guides/install/prepare-machines/');
    const run = page.getByRole('button', { name: /^Run: swapoff -a/ });

    await run.click();
    expect(await upgraded(page)).toBe(false);
    await expect(run).toHaveAttribute('aria-busy', 'true');
    await expect(run).toHaveText('Starting…');
    modules.release();

    await expect(transcript(page)).toContainText('swapoff -a');
    await expect(run).toHaveText('Run');
    await expect(run).not.toHaveAttribute('aria-busy');
    await expect(page.getByRole('figure').filter({ has: run })).toContainText('ran');
  });

  test('two early clicks on Run all up to here replay its snippets once, in order', async ({
    page,
  }) => {
    const modules = await openHeld(page, '/guides/install/prepare-machines/');
    const runAll = page
      .getByRole('button', { name: /^Run all up to here: apt-get update/ })
      .first();

    await runAll.click();
    await runAll.click();
    expect(await upgraded(page)).toBe(false);
    modules.release();

    await page.waitForFunction(() => performance.getEntriesByName('kubelife:run-done').length > 0);
    await expect(transcript(page)).toContainText('tee /etc/apt/sources.list.d/kubernetes.list');
    const text = (await transcript(page).textContent()) ?? '';
    expect(text.split('swapoff -a').length - 1).toBe(1);
    expect(text.indexOf('swapoff -a')).toBeLessThan(text.indexOf('apt-get update'));
  });
});
