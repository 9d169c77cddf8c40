import { expect, test } from '@playwright/test';

import { openTerminal, terminal, typeCommand } from './fixtures.ts';

test.describe('the dock on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('is a slim bar until started, a third of the screen when running, one row when hidden', async ({
    page,
  }) => {
    await page.goto('/guides/install/verify/');
    const dock = terminal(page);

    const closed = (await dock.boundingBox())?.height ?? 0;
    expect(closed).toBeLessThanOrEqual(740 * 0.15);
    await openTerminal(page);
    const running = (await dock.boundingBox())?.height ?? 0;
    expect(running).toBeLessThanOrEqual(740 * 0.42);
    await dock.getByRole('button', { name: 'Hide' }).click();

    await expect(dock.getByRole('button', { name: 'Show' })).toBeVisible();
    await expect(dock.getByRole('combobox', { name: 'Backend' })).toBeHidden();
    await expect(dock.getByRole('button', { name: 'Reset' })).toBeHidden();
    expect((await dock.boundingBox())?.height ?? 0).toBeLessThanOrEqual(80);
  });
});

test('shows no backend setting or COOP/COEP note on an ordinary desktop page', async ({ page }) => {
  await page.goto('/guides/install/verify/');

  await openTerminal(page);

  await expect(terminal(page).getByRole('combobox', { name: 'Backend' })).toBeHidden();
  await expect(terminal(page).getByText(/COOP\/COEP/)).toBeHidden();
});

test.describe('search', () => {
  test('reaches every result with "Show more" and keeps button labels out of excerpts', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.goto('/');
    await page.getByRole('button', { name: 'Search' }).click();
    const dialog = page.getByRole('dialog', { name: 'Search the handbook' });

    await dialog.getByRole('searchbox').fill('upgrade');
    await expect(dialog.getByRole('status')).toContainText(/\d+ results for “upgrade”/);
    const total = Number(
      /(\d+) results/.exec((await dialog.getByRole('status').textContent()) ?? '')?.[1],
    );
    const results = dialog.getByRole('listitem');
    const more = dialog.getByRole('button', { name: /^Show \d+ more/ });
    let shown = Math.min(8, total);
    await expect(results).toHaveCount(shown);
    while (shown < total) {
      await more.click();
      shown = Math.min(shown + 8, total);
      await expect(results).toHaveCount(shown);
    }

    expect(total).toBeGreaterThan(8);
    await expect(more).toBeHidden();
    await expect(dialog.getByRole('list')).not.toContainText('Run all up to here');
    await expect(dialog.getByRole('list')).not.toContainText('TerminalRun');
  });
});

test.describe('navigation for newcomers', () => {
  test('has a /guides/ page listing every guide from the introduction, linked from the header', async ({
    page,
  }) => {
    await page.goto('/');

    await page
      .getByRole('navigation', { name: 'Site' })
      .getByRole('link', { name: 'Guides' })
      .click();

    await expect(page).toHaveURL(/\/guides\/$/);
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 1, name: 'Guides' })).toBeVisible();
    await expect(
      main.getByRole('link', { name: 'Introduction to cluster lifecycle' }),
    ).toBeVisible();
    await expect(main.getByRole('link', { name: 'Install a cluster with kubeadm' })).toBeVisible();
  });

  test('opens the site menu on a phone home page', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto('/');

    await page.getByRole('button', { name: 'Menu' }).click();

    await expect(
      page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'The hard way' }),
    ).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('navigation', { name: 'Site' })).toBeHidden();
  });

  test('shows no terminal on a page without runnable snippets', async ({ page }) => {
    await page.goto('/guides/intro/glossary/');

    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(terminal(page)).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Start from this step' })).toHaveCount(0);
  });

  test('starts the solution block with its first command, not indented', async ({ page }) => {
    await page.goto('/guides/install/init-control-plane/');

    await page.getByRole('button', { name: 'Show solution' }).click();

    const solution = page
      .getByRole('complementary', { name: 'Goal of this step' })
      .locator('pre:visible');
    expect(((await solution.textContent()) ?? '').startsWith('kubeadm init')).toBe(true);
  });
});

test.describe('terminal colours and progress marks', () => {
  test('colours the prompt and kubectl warnings and marks run snippets', async ({ page }) => {
    await page.goto('/guides/install/verify/');

    await page.getByRole('button', { name: 'Run: kubectl get nodes -o wide' }).click();
    await expect(terminal(page).locator('.xterm-rows')).toContainText('worker-2');
    await typeCommand(page, 'kubectl get endpoints kubernetes');

    const figure = page.locator('figure[data-snippet-figure="run"]').first();
    await expect(figure).toContainText('ran');
    const rows = terminal(page).locator('.xterm-rows');
    await expect(rows.locator('span', { hasText: 'root@cp-1' }).first()).toHaveClass(
      /xterm-fg-(2|10)\b/,
    );
    await expect(rows.locator('span', { hasText: /^Warning:$/ }).first()).toHaveClass(
      /xterm-fg-(3|11)\b/,
    );
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('hides Run, Copy, Reset and Open terminal and says why', async ({ page }) => {
    await page.goto('/guides/install/verify/');

    await expect(
      page.getByText('The terminal and the Run, Copy and Reset buttons need JavaScript'),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: /^Run: / }).first()).toBeHidden();
    await expect(page.getByRole('button', { name: 'Open terminal' })).toBeHidden();
  });
});
