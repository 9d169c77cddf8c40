import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const pages = [
  ['home', '/'],
  ['overview', '/guides/install/'],
  ['leaf', '/guides/install/init-control-plane/'],
  ['hard-way', '/hard-way/install/'],
] as const;

for (const theme of ['light', 'dark'] as const) {
  for (const [name, path] of pages) {
    test(`${name} page has no axe violations in the ${theme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);

      const results = await new AxeBuilder({ page }).analyze();

      expect(
        results.violations.map(
          (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        ),
      ).toEqual([]);
    });
  }
}

test('leaf page with a started terminal has no axe violations', async ({ page }) => {
  await page.goto('/guides/install/init-control-plane/');
  await page.getByRole('button', { name: 'Open terminal' }).click();
  await expect(page.getByRole('region', { name: 'Terminal: simulated cluster' })).toContainText(
    'root@cp-1:~#',
  );

  const results = await new AxeBuilder({ page }).analyze();

  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
});
