import { expect, test } from '@playwright/test';

import { openTerminal, releasePicker, terminal, transcript, typeCommand } from './fixtures.ts';

test.describe('release picker', () => {
  test('offers the newest three minors with the newest chosen', async ({ page }) => {
    await page.goto('/guides/upgrade/plan/');

    const picker = releasePicker(page);
    await expect(picker).toHaveValue('v1.37');
    await expect(picker.getByRole('option')).toHaveText(['v1.37 (newest)', 'v1.36', 'v1.35']);
    await expect(picker).toHaveAccessibleDescription(/v1\.37 is v1\.37\.1, v1\.36 is v1\.36\.4/);
  });

  test('switches prose, commands and expected output to the chosen release', async ({ page }) => {
    await page.goto('/guides/upgrade/plan/');
    const main = page.getByRole('main');
    await expect(main.getByText('kubeadm upgrade apply v1.37.1').first()).toBeVisible();

    await releasePicker(page).selectOption('v1.35');

    await expect(main.getByText('kubeadm upgrade apply v1.35.8').first()).toBeVisible();
    await expect(main.getByText('kubeadm upgrade apply v1.37.1').first()).toBeHidden();
    // Prose variables: only the chosen release's value is rendered (innerText skips hidden ones).
    await expect(main.locator('p').filter({ hasText: 'upgrade-kubeadm-upgraded' })).toContainText(
      'kubeadm v1.35.8 on cp-1',
      { useInnerText: true },
    );
  });

  test('remembers the choice across pages', async ({ page }) => {
    await page.goto('/guides/upgrade/plan/');
    await releasePicker(page).selectOption('v1.36');

    await page.goto('/guides/upgrade/apply/');

    await expect(releasePicker(page)).toHaveValue('v1.36');
    await expect(page.locator('html')).toHaveAttribute('data-release', 'v1.36');
  });

  test('runs a snippet against a cluster of the chosen release', async ({ page }) => {
    await page.goto('/guides/upgrade/plan/');
    await releasePicker(page).selectOption('v1.35');

    await page.getByRole('button', { name: 'Run: kubeadm upgrade plan' }).click();

    await expect(transcript(page)).toContainText('[upgrade/versions] Target version: v1.35.8');
    await expect(transcript(page)).toContainText('Cluster version: 1.34.11');
  });

  test('restarts an open terminal in the release picked afterwards', async ({ page }) => {
    await page.goto('/guides/upgrade/plan/');
    await openTerminal(page);
    await typeCommand(page, 'kubectl version');
    await expect(transcript(page)).toContainText('Server Version: v1.36.4');

    await releasePicker(page).selectOption('v1.36');
    await expect(terminal(page)).toContainText('Kubernetes v1.36: starting again');
    await page.getByRole('textbox', { name: 'Terminal input' }).focus();
    await typeCommand(page, 'kubectl version');

    await expect(transcript(page)).toContainText('Server Version: v1.35.8');
  });
});

test.describe('release picker on a hard-way page', () => {
  test('runs the whole upgrade guide on an older release with "Run all up to here"', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await page.goto('/hard-way/upgrade/');
    await releasePicker(page).selectOption('v1.35');

    const runAll = page.getByRole('button', { name: /^Run all up to here: / });
    await runAll.last().click();

    // The last snippet of the guide ran on the v1.35 track: its expected output (the v1.35
    // variant, the one on screen) ends the transcript.
    const lastOutput = page.locator('figure[data-snippet-figure="output"]:visible').last();
    const lines = ((await lastOutput.locator('pre').textContent()) ?? '')
      .split('\n')
      .filter((l) => l.trim() !== '');
    await expect(transcript(page)).toContainText(lines.at(-1)?.trim() ?? '', { timeout: 180_000 });
    await expect(transcript(page)).toContainText(
      '[upgrade] SUCCESS! A control plane node of your cluster was upgraded to "v1.35.8".',
    );
    await expect(transcript(page)).not.toContainText('command not found');
  });
});

test.describe('release picker on the whole-site hard-way page', () => {
  // The page ships the newest release's variants only; the others load when the reader picks one.
  // kubeadm upgrade apply v1.34.11 is the v1.35 track's upgrade (from v1.34 to v1.35) only.
  const older = 'Run: kubeadm upgrade apply v1.34.11 -y';

  test('brings in the chosen release’s commands and outputs when the reader picks it', async ({
    page,
  }) => {
    await page.goto('/hard-way/');
    await expect(
      page.getByRole('button', { name: 'Run: kubeadm upgrade apply v1.37.1 -y' }).first(),
    ).toBeAttached();
    await expect(page.getByRole('button', { name: older })).toHaveCount(0);

    await releasePicker(page).selectOption('v1.35');

    const run = page.getByRole('button', { name: older }).first();
    await run.scrollIntoViewIfNeeded();
    await expect(run).toBeVisible();
    await expect(
      page.getByRole('button', { name: 'Run: kubeadm upgrade apply v1.37.1 -y' }).first(),
    ).toBeHidden();
  });

  test('shows the remembered release on arrival and runs its snippets', async ({ page }) => {
    await page.goto('/hard-way/');
    await releasePicker(page).selectOption('v1.35');
    await page.reload();

    const run = page.getByRole('button', { name: older }).first();
    await run.scrollIntoViewIfNeeded();
    await run.click();

    await expect(transcript(page)).toContainText('kubeadm upgrade apply v1.34.11 -y');
  });
});
