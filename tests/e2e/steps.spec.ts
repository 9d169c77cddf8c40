import { expect, test } from '@playwright/test';

import { focusTerminal, openTerminal, terminal, transcript, typeCommand } from './fixtures.ts';

test.describe('hard-way pages', () => {
  test('puts every guide on the whole-site page with one terminal', async ({ page }) => {
    await page.goto('/hard-way/');

    const main = page.getByRole('main');

    await expect(
      main.getByRole('heading', { level: 2, name: 'Install a cluster with kubeadm' }),
    ).toBeVisible();
    await expect(
      main.getByRole('heading', { level: 3, name: /Step 1\. Prepare the machines/ }),
    ).toBeVisible();
    await expect(page.getByRole('region', { name: 'Terminal: simulated cluster' })).toHaveCount(1);
    await expect(main.getByText('This step starts from scenario').first()).toBeVisible();
  });

  test('loads the scenario of a step that starts somewhere else', async ({ page }) => {
    await page.goto('/hard-way/install/');
    const step = page.getByRole('region', {
      name: /Initialise the control plane phase by phase|phase by phase/i,
    });
    await expect(step.getByText('This step starts from scenario')).toBeVisible();

    await step
      .getByRole('button', { name: /^Run: / })
      .first()
      .click();

    await expect(transcript(page)).toContainText(
      'kubelife: this step starts from scenario packages-installed',
    );
    await expect(terminal(page)).toContainText('scenario: packages-installed');
  });
});

test.describe('step controls', () => {
  test('runs all earlier snippets of a leaf from its scenario', async ({ page }) => {
    await page.goto('/guides/install/install-cni/');

    await page
      .getByRole('button', { name: /^Run all up to here: kubelife clock advance 30s/ })
      .click();

    await expect(transcript(page)).toContainText(
      'kubelife: starting again from scenario control-plane-initialized',
    );
    await expect(transcript(page)).toContainText('kube-flannel.yml');
    await expect(transcript(page)).toContainText(/cp-1\s+Ready\s+control-plane/);
  });

  test('starts a leaf again from its precondition scenario', async ({ page }) => {
    await page.goto('/guides/install/init-control-plane/');
    await openTerminal(page);
    await typeCommand(page, 'mkdir -p /root/scratch');

    await page.getByRole('button', { name: 'Start from this step' }).click();
    await focusTerminal(page);
    await typeCommand(page, 'ls /root');

    await expect(transcript(page)).toContainText(
      'kubelife: starting again from scenario packages-installed',
    );
    await expect(transcript(page)).not.toContainText('ls /root\nscratch');
  });

  test('expands and collapses every step on an overview page with the keyboard', async ({
    page,
  }) => {
    await page.goto('/guides/install/');
    const expand = page.getByRole('button', { name: 'Expand all steps' });

    await expand.focus();
    await page.keyboard.press('Enter');

    await expect(page.getByRole('button', { name: 'Collapse all steps' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(
      page.getByRole('main').getByText('kubeadm init --pod-network-cidr').first(),
    ).toBeVisible();

    await page.keyboard.press('Enter');

    await expect(page.getByRole('button', { name: 'Expand all steps' })).toBeVisible();
    await expect(
      page.getByRole('main').getByText('kubeadm init --pod-network-cidr').first(),
    ).toBeHidden();
  });
});

test.describe('goals', () => {
  test('marks the goal done once the reader types the commands themselves', async ({ page }) => {
    await page.goto('/guides/install/install-cni/');
    const status = page
      .getByRole('complementary', { name: 'Goal of this step' })
      .getByRole('status');
    await openTerminal(page);
    await expect(status).toContainText('Not yet: cp-1 is NotReady');

    await typeCommand(
      page,
      'kubectl apply -f https://github.com/flannel-io/flannel/releases/latest/download/kube-flannel.yml',
    );

    await expect(status).toContainText('✓ done');
  });

  test('shows the solution and runs it', async ({ page }) => {
    await page.goto('/guides/install/init-control-plane/');
    const panel = page.getByRole('complementary', { name: 'Goal of this step' });

    await panel.getByRole('button', { name: 'Show solution' }).click();

    await expect(panel.getByText('kubeadm init --pod-network-cidr')).toBeVisible();

    await panel.getByRole('button', { name: 'Run the solution' }).click();

    await expect(panel.getByRole('status')).toContainText('✓ done', { timeout: 120_000 });
  });
});

test.describe('goals judge the outcome', () => {
  test('accepts export KUBECONFIG=/etc/kubernetes/admin.conf as a working kubectl', async ({
    page,
  }) => {
    await page.goto('/guides/install/init-control-plane/');
    await page.getByRole('button', { name: /^Run: kubeadm init/ }).click();
    await expect(transcript(page)).toContainText('kubeadm join 10.0.0.11:6443');
    const status = page
      .getByRole('complementary', { name: 'Goal of this step' })
      .getByRole('status');
    await expect(status).toContainText('Not yet');

    await focusTerminal(page);
    await typeCommand(page, 'export KUBECONFIG=/etc/kubernetes/admin.conf');
    await typeCommand(page, 'kubectl get nodes');

    await expect(transcript(page)).toContainText(/cp-1\s+NotReady\s+control-plane/);
    await expect(status).toContainText('✓ done');
  });
});
