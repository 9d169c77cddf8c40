import { expect, test } from '@playwright/test';

test.describe('upgrade planner', () => {
  test('refuses a two-minor jump with kubeadm reason and plans one minor at a time', async ({
    page,
  }) => {
    await page.goto('/tools/upgrade-planner/');
    const current = page.getByRole('combobox', { name: 'Current version' });
    const target = page.getByRole('combobox', { name: 'Target version' });
    const options = await current
      .locator('optgroup')
      .evaluateAll((groups) =>
        groups.map((g) => g.querySelector('option')?.getAttribute('value') ?? ''),
      );
    const [newest, , twoOlder] = options;

    await current.selectOption(twoOlder ?? '');
    await target.selectOption(newest ?? '');
    await page.getByRole('button', { name: 'Plan the upgrade' }).click();

    const plan = page.getByRole('region', { name: 'Upgrade plan' });
    await expect(plan).toContainText('kubeadm can upgrade only 1 minor version at a time');
    await expect(plan.getByRole('heading', { name: /Upgrade path: \d+ steps/ })).toBeVisible();
    await expect(plan.getByRole('listitem').filter({ hasText: '(minor upgrade)' })).toHaveCount(2);
  });

  test('accepts a patch upgrade directly', async ({ page }) => {
    await page.goto('/tools/upgrade-planner/');
    const current = page.getByRole('combobox', { name: 'Current version' });
    const values = await current
      .locator('optgroup')
      .first()
      .locator('option')
      .evaluateAll((o) => o.map((x) => x.getAttribute('value') ?? ''));

    await current.selectOption(values.at(-1) ?? '');
    await page.getByRole('combobox', { name: 'Target version' }).selectOption(values[0] ?? '');
    await page.getByRole('button', { name: 'Plan the upgrade' }).click();

    await expect(page.getByRole('region', { name: 'Upgrade plan' })).toContainText(
      'accepts this in one go',
    );
  });
});

test.describe('upgrade planner commands', () => {
  test('switches the pkgs.k8s.io repository before a minor upgrade installs kubeadm', async ({
    page,
  }) => {
    await page.goto('/tools/upgrade-planner/');
    const current = page.getByRole('combobox', { name: 'Current version' });
    const groups = await current
      .locator('optgroup')
      .evaluateAll((all) => all.map((g) => g.querySelector('option')?.getAttribute('value') ?? ''));
    const [newest, previous] = groups;
    const minorOf = (v: string) => v.split('.').slice(0, 2).join('.');

    await current.selectOption(previous ?? '');
    await page.getByRole('combobox', { name: 'Target version' }).selectOption(newest ?? '');
    await page.getByRole('button', { name: 'Plan the upgrade' }).click();
    const plan = page.getByRole('region', { name: 'Upgrade plan' });
    await plan
      .getByText(/^Commands \(\d+\)$/)
      .first()
      .click();

    const commands = plan.getByRole('listitem').filter({ hasText: 'kubernetes.list' });
    await expect(commands.first()).toContainText(
      `sed -i 's/${minorOf(previous ?? '')}/${minorOf(newest ?? '')}/' /etc/apt/sources.list.d/kubernetes.list`,
    );
  });

  test('says a same-version plan has nothing to upgrade', async ({ page }) => {
    await page.goto('/tools/upgrade-planner/');
    const current = page.getByRole('combobox', { name: 'Current version' });
    const version = (await current.inputValue()) ?? '';

    await page.getByRole('combobox', { name: 'Target version' }).selectOption(version);
    await page.getByRole('button', { name: 'Plan the upgrade' }).click();

    const plan = page.getByRole('region', { name: 'Upgrade plan' });
    await expect(plan.getByRole('heading', { name: `Already at ${version}` })).toBeVisible();
    await expect(plan).not.toContainText('accepts this in one go');
  });
});

test('lists every component in the skew matrix', async ({ page }) => {
  await page.goto('/tools/version-skew/');

  const table = page.getByRole('table');

  for (const component of ['kube-apiserver', 'kubelet', 'kube-proxy', 'kubectl']) {
    await expect(table.getByRole('rowheader', { name: component, exact: true })).toBeVisible();
  }
  await expect(table.getByRole('columnheader', { name: /kube-apiserver 1\.\d+/ })).toHaveCount(4);
});

test.describe('search', () => {
  test('finds a leaf page from the header dialog', async ({ page }) => {
    await page.goto('/');

    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('searchbox', { name: 'Search the handbook' }).fill('flannel');

    const dialog = page.getByRole('dialog', { name: 'Search the handbook' });
    const hit = dialog.getByRole('link', { name: /Install a Pod network/ });
    await expect(hit).toBeVisible();
    await hit.click();
    await expect(page).toHaveURL(/\/guides\/install\/install-cni\/$/);
  });

  test('opens with the / and Ctrl+K shortcuts', async ({ page }) => {
    await page.goto('/guides/install/');
    const dialog = page.getByRole('dialog', { name: 'Search the handbook' });

    await page.keyboard.press('/');

    await expect(dialog).toBeVisible();
    await expect(page.getByRole('searchbox', { name: 'Search the handbook' })).toBeFocused();

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await page.keyboard.press('Control+k');

    await expect(dialog).toBeVisible();
  });
});

test('prints a hard-way page without sidebar, terminal or buttons', async ({ page }) => {
  await page.goto('/hard-way/install/');

  await page.emulateMedia({ media: 'print' });

  await expect(page.getByRole('navigation', { name: 'Guides' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Terminal: simulated cluster' })).toBeHidden();
  await expect(page.getByRole('button', { name: /^Run: / }).first()).toBeHidden();
  await expect(page.getByRole('heading', { name: /Step 1\. Prepare the machines/ })).toBeVisible();
});
