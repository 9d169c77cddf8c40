import { expect, test, type Page } from '@playwright/test';

import { focusTerminal, terminal, transcript } from './fixtures.ts';

/** Starts the longest replay there is: the last "Run all up to here" of the whole-site page. */
async function startLongReplay(page: Page): Promise<void> {
  await page.goto('/hard-way/');
  const runAll = page.getByRole('button', { name: /^Run all up to here/ });
  await runAll.nth((await runAll.count()) - 1).click();
  await expect(page.getByRole('progressbar', { name: 'Commands replayed' })).toBeVisible();
}

test.describe('Run all up to here deep in the hard way', () => {
  test('shows its progress and stops with the Stop button', async ({ page }) => {
    await startLongReplay(page);

    await terminal(page).getByRole('button', { name: 'Stop' }).click();

    await expect(page.getByRole('progressbar', { name: 'Commands replayed' })).toBeHidden();
    await expect(terminal(page).getByText(/^Stopped after \d+ of \d+ commands$/)).toBeAttached();
    await expect(transcript(page)).not.toContainText('kubelet --version');
  });

  test('stops with Ctrl-C typed in the terminal', async ({ page }) => {
    await startLongReplay(page);
    await focusTerminal(page);

    await page.keyboard.press('Control+C');

    await expect(page.getByRole('progressbar', { name: 'Commands replayed' })).toBeHidden();
    await expect(terminal(page).locator('.xterm-rows')).toContainText('^C');
    await expect(transcript(page)).not.toContainText('kubelet --version');
  });

  test('replays every command when left alone and says so', async ({ page }) => {
    test.setTimeout(60_000);
    await startLongReplay(page);

    await expect(page.getByRole('progressbar', { name: 'Commands replayed' })).toBeHidden({
      timeout: 45_000,
    });

    await expect(transcript(page)).toContainText('kubelet --version');
    await expect(terminal(page).getByText(/^Replayed \d+ commands$/)).toBeAttached();
  });
});
