import { expect, test, type Page } from '@playwright/test';

import { openTerminal, terminal, transcript, typeCommand } from './fixtures.ts';

/** The terminal's keyboard input (xterm's textarea). */
function terminalInput(page: Page) {
  return page.getByRole('textbox', { name: 'Terminal input' });
}

/** Presses Tab until a link of "On this page" has focus; returns how many presses it took. */
async function tabToTableOfContents(page: Page, limit = 40): Promise<number> {
  const toc = page.getByRole('navigation', { name: 'On this page' });
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if (await toc.evaluate((nav) => nav.contains(document.activeElement))) return presses;
  }
  return -1;
}

test.describe('keyboard way out of the terminal', () => {
  test('keeps Tab in the terminal but leaves it with Esc then Tab, announced and shown', async ({
    page,
  }) => {
    await page.goto('/guides/install/verify/');
    await openTerminal(page);
    await expect(terminalInput(page)).toBeFocused();

    await page.keyboard.press('Tab');
    await expect(terminalInput(page)).toBeFocused();
    const hint = terminal(page).getByText('leaves the terminal');
    await expect(hint).toBeVisible();
    await expect(terminalInput(page)).toHaveAccessibleDescription(/Esc then Tab/);

    await page.keyboard.press('Escape');
    const announcement = terminal(page).getByText(
      'Press Tab or Shift+Tab now to move out of the terminal',
    );
    await expect(announcement).toHaveAttribute('aria-live', 'polite');
    const presses = await tabToTableOfContents(page);

    expect(presses).toBeGreaterThan(0);
    await expect(terminalInput(page)).not.toBeFocused();
  });

  test('leaves backwards with Esc then Shift+Tab onto the dock buttons', async ({ page }) => {
    await page.goto('/guides/install/verify/');
    await openTerminal(page);

    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+Tab');

    await expect(terminalInput(page)).not.toBeFocused();
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
  });

  test('leaves with Esc then Tab in screen-reader mode too', async ({ page }) => {
    await page.goto('/guides/install/verify/');
    await openTerminal(page);
    await page.getByRole('button', { name: 'Screen reader' }).click();
    await expect(terminal(page).locator('.xterm-accessibility-tree')).toBeAttached();
    await terminalInput(page).focus();

    await page.keyboard.press('Escape');
    const presses = await tabToTableOfContents(page);

    expect(presses).toBeGreaterThan(0);
  });

  test('keeps focus on "Open terminal" when tabbed onto, and Enter moves it into the terminal', async ({
    page,
  }) => {
    await page.goto('/guides/install/verify/');
    const open = page.getByRole('button', { name: 'Open terminal' });

    await open.focus();
    // Focusing preloads the terminal code; wait until that settled, then focus must still be there.
    await page.waitForLoadState('networkidle');
    await expect(open).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(terminalInput(page)).toBeFocused();
    await expect(terminal(page)).toContainText('root@cp-1:~#');
  });
});

test.describe('focus after running snippets', () => {
  test('moves focus into the terminal after Run, so Enter does not run the snippet again', async ({
    page,
  }) => {
    await page.goto('/guides/install/verify/');

    await page.getByRole('button', { name: 'Run: kubectl get nodes -o wide' }).click();
    await expect(terminalInput(page)).toBeFocused();
    await expect(transcript(page)).toContainText('worker-2');
    await typeCommand(page, 'hostname');

    await expect(transcript(page)).toContainText('hostname\ncp-1');
    expect(
      ((await transcript(page).textContent()) ?? '').split('kubectl get nodes -o wide\n'),
    ).toHaveLength(2);
  });

  test('moves focus into the terminal after Run all up to here', async ({ page }) => {
    await page.goto('/guides/install/install-cni/');

    await page
      .getByRole('button', { name: /^Run all up to here: kubelife clock advance 30s/ })
      .click();

    await expect(terminalInput(page)).toBeFocused();
    await expect(transcript(page)).toContainText(/cp-1\s+Ready\s+control-plane/);
  });
});
