import { expect, test } from '@playwright/test';

test.describe('site navigation', () => {
  test('highlights the current page in the sidebar and expands its guide', async ({ page }) => {
    await page.goto('/guides/install/join-workers/');

    const sidebar = page.getByRole('navigation', { name: 'Guides' });
    const current = sidebar.getByRole('link', { name: 'Join the worker nodes' });

    await expect(current).toHaveAttribute('aria-current', 'page');
    await expect(current).toBeVisible();
    await expect(sidebar.locator('[aria-current="page"]')).toHaveCount(1);
  });

  test('shows breadcrumbs and previous/next links within the guide', async ({ page }) => {
    await page.goto('/guides/install/install-cni/');

    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    const pager = page.getByRole('navigation', { name: 'Previous and next pages' });

    await expect(
      crumbs.getByRole('link', { name: 'Install a cluster with kubeadm' }),
    ).toBeVisible();
    await expect(
      pager.getByRole('link', { name: /Previous.*Initialise the control plane/ }),
    ).toBeVisible();
    await expect(pager.getByRole('link', { name: /Next.*Join the worker nodes/ })).toBeVisible();
  });

  test('lists the leaves with their descriptions on the overview page', async ({ page }) => {
    await page.goto('/guides/install/');

    const main = page.getByRole('main');

    await expect(
      main.getByRole('link', { name: 'Prepare the machines', exact: true }),
    ).toBeVisible();
    await expect(main.getByRole('link', { name: 'Verify the cluster', exact: true })).toBeVisible();
    await expect(
      main.getByRole('listitem').filter({ hasText: 'Join the worker nodes' }),
    ).toContainText('kubeadm join');
  });

  test('switches the theme and remembers the choice', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/');
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');

    await toggle.click();
    await page.goto('/guides/install/');

    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  test('follows prefers-color-scheme until the reader chooses', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });

    await page.goto('/');

    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });

  test('keeps the terminal code out of the initial page load', async ({ page }) => {
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));

    await page.goto('/guides/install/init-control-plane/');
    await page.waitForLoadState('networkidle');

    expect(requested.filter((url) => /mount|engine-worker|xterm/.test(url))).toEqual([]);
  });

  test('reaches the content with the skip link', async ({ page }) => {
    await page.goto('/guides/install/');

    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(/#main-content$/);
  });

  for (const path of [
    '/',
    '/guides/install/',
    '/guides/install/join-workers/',
    '/hard-way/install/',
  ]) {
    test(`fits a 375px phone without horizontal scrolling: ${path}`, async ({ page }) => {
      await page.setViewportSize({ width: 375, height: 812 });

      await page.goto(path);

      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        375,
      );
    });
  }

  // Just above the menu breakpoint the header carries the whole nav, search, release and theme.
  for (const width of [900, 1100]) {
    test(`keeps the header on one line without horizontal scrolling at ${width}px`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 700 });

      await page.goto('/guides/upgrade/apply/');

      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      );
      const header = await page.locator('header').first().boundingBox();
      expect(header?.height ?? 0).toBeLessThanOrEqual(60);
    });
  }
});
