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
    // The click starts the navigation; the next page's dock is the one to open once it has loaded.
    await page.waitForURL('**/guides/install/install-cni/');
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
    test.setTimeout(240_000);
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

test.describe('terminal dock size', () => {
  test('grows with the keyboard from its separator and keeps the height on the next page', async ({
    page,
  }) => {
    await page.goto('/guides/install/verify/');
    await openTerminal(page);
    const screen = terminal(page).locator('[data-screen]');
    const before = (await screen.boundingBox())?.height ?? 0;

    const separator = page.getByRole('separator', { name: 'Resize terminal' });
    await separator.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');

    await expect
      .poll(async () => (await screen.boundingBox())?.height ?? 0)
      .toBeCloseTo(before + 64, 0);
    await expect(separator).toHaveAttribute('aria-valuenow', String(Math.round(before + 64)));

    await page.goto('/guides/install/join-workers/');
    await openTerminal(page);
    await expect
      .poll(async () => (await terminal(page).locator('[data-screen]').boundingBox())?.height ?? 0)
      .toBeCloseTo(before + 64, 0);
  });

  test('is resized by dragging its separator', async ({ page }) => {
    await page.goto('/guides/install/verify/');
    await openTerminal(page);
    const screen = terminal(page).locator('[data-screen]');
    const before = (await screen.boundingBox())?.height ?? 0;
    const box = await page.getByRole('separator', { name: 'Resize terminal' }).boundingBox();
    if (!box) throw new Error('separator not laid out');

    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y - 100, { steps: 5 });
    await page.mouse.up();

    await expect
      .poll(async () => (await screen.boundingBox())?.height ?? 0)
      .toBeGreaterThan(before + 80);
  });
});

test.describe('Tab completion', () => {
  test('completes a resource type and node names typed with the keyboard', async ({ page }) => {
    await page.goto('/guides/install/verify/');
    await openTerminal(page);

    await page.keyboard.type('kubectl get no');
    await page.keyboard.press('Tab');
    await page.keyboard.type('w');
    await page.keyboard.press('Tab');
    await expect(terminal(page)).toContainText('kubectl get nodes worker-');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(terminal(page)).toContainText('worker-1  worker-2');
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');

    await expect(transcript(page)).toContainText('root@cp-1:~# kubectl get nodes worker-1');
    await expect(transcript(page)).toContainText(/worker-1\s+Ready/);
  });

  test('completes subcommands, flags and file paths', async ({ page }) => {
    await page.goto('/guides/install/verify/');
    await openTerminal(page);

    await page.keyboard.type('kubeadm ver');
    await page.keyboard.press('Tab');
    await page.keyboard.type('--out');
    await page.keyboard.press('Tab');
    await page.keyboard.type('short');
    await page.keyboard.press('Enter');
    await page.keyboard.type('cat /etc/kubernetes/adm');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    await expect(transcript(page)).toContainText('root@cp-1:~# kubeadm version --output short');
    await expect(transcript(page)).toContainText('root@cp-1:~# cat /etc/kubernetes/admin.conf');
    await expect(transcript(page)).toContainText('kind: Config');
  });
});
