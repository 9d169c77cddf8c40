import { expect, test } from '@playwright/test';

import {
  focusTerminal,
  openTerminal,
  runAllSnippets,
  terminal,
  transcript,
  typeCommand,
} from './fixtures.ts';

test.describe('terminal', () => {
  test('runs the kubeadm init snippet and shows its phase output', async ({ page }) => {
    await page.goto('/guides/install/init-control-plane/');

    await page.getByRole('button', { name: /^Run: kubeadm init/ }).click();

    await expect(transcript(page)).toContainText('[certs] Generating "ca" certificate and key');
    // The end of the output is on screen in xterm itself (earlier lines scrolled into its scrollback).
    await expect(terminal(page).locator('.xterm-rows')).toContainText(
      'kubeadm join 10.0.0.11:6443',
    );
  });

  test('shows the node table for kubectl get nodes typed with the keyboard', async ({ page }) => {
    await page.goto('/guides/install/verify/');
    await openTerminal(page);

    await typeCommand(page, 'kubectl get nodes');

    const screen = terminal(page);
    await expect(screen).toContainText('NAME');
    await expect(screen).toContainText('STATUS');
    await expect(screen).toContainText('worker-2');
  });

  test('starts a leaf opened directly from its declared scenario', async ({ page }) => {
    await page.goto('/guides/install/init-control-plane/');

    await openTerminal(page);
    await typeCommand(page, 'kubectl get nodes');

    await expect(terminal(page)).toContainText('scenario: packages-installed');
    await expect(transcript(page)).toContainText(
      'The connection to the server localhost:8080 was refused',
    );
  });

  test('keeps the cluster when moving on to the next leaf', async ({ page }) => {
    await page.goto('/guides/install/init-control-plane/');
    await runAllSnippets(page);
    await focusTerminal(page);
    await typeCommand(page, 'mkdir -p /root/from-previous-leaf');
    await expect(transcript(page)).toContainText('mkdir -p /root/from-previous-leaf');

    await page.getByRole('link', { name: /Next.*Install a Pod network/ }).click();
    await openTerminal(page);
    await typeCommand(page, 'ls /root');

    await expect(terminal(page)).toContainText('continues: Initialise the control plane');
    await expect(transcript(page)).toContainText('ls /root\nfrom-previous-leaf');
  });

  test('starts from the scenario when the saved cluster came from an unrelated leaf', async ({
    page,
  }) => {
    await page.goto('/guides/install/prepare-machines/');
    await openTerminal(page);
    await typeCommand(page, 'mkdir -p /root/from-an-unrelated-leaf');
    await expect(transcript(page)).toContainText('mkdir -p /root/from-an-unrelated-leaf');

    await page.goto('/guides/install/install-cni/');
    await openTerminal(page);
    await typeCommand(page, 'ls /root');

    await expect(terminal(page)).toContainText('scenario: control-plane-initialized');
    await expect(transcript(page)).not.toContainText('from-an-unrelated-leaf');
  });

  test('resets to the page scenario', async ({ page }) => {
    await page.goto('/guides/install/init-control-plane/');
    await runAllSnippets(page);

    await page.getByRole('button', { name: 'Reset' }).click();
    await focusTerminal(page);
    await typeCommand(page, 'kubectl get nodes');

    await expect(transcript(page)).toContainText(
      'The connection to the server localhost:8080 was refused',
    );
  });

  test('runs every snippet of the hard-way page in order against one cluster', async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto('/hard-way/install/');

    await runAllSnippets(page);

    await expect(transcript(page)).not.toContainText('command not found');
    await expect(terminal(page)).toContainText('root@cp-1:~#');
  });

  test('turns on xterm screen reader mode from its toggle', async ({ page }) => {
    await page.goto('/guides/install/verify/');
    await openTerminal(page);
    const toggle = page.getByRole('button', { name: 'Screen reader' });

    await toggle.click();

    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(terminal(page).locator('.xterm-accessibility-tree')).toBeAttached();
  });

  test('copies a snippet command to the clipboard', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/guides/install/verify/');

    await page.getByRole('button', { name: 'Copy: kubectl get nodes -o wide' }).click();

    await expect(page.getByRole('button', { name: 'Copy: kubectl get nodes -o wide' })).toHaveText(
      'Copied',
    );
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'kubectl get nodes -o wide',
    );
  });
});
