import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

import { builtRoutes } from './fixtures.ts';

const routes = builtRoutes();

test('finds the built pages to scan', () => {
  expect(routes).toContain('/');
  expect(routes).toContain('/hard-way/');
});

/** Routes split in chunks so the two workers share the scan. */
const CHUNKS = 3;
const chunks = Array.from({ length: CHUNKS }, (_, i) => routes.filter((_, j) => j % CHUNKS === i));

for (const theme of ['light', 'dark'] as const)
  for (const [index, chunk] of chunks.entries()) {
    test(`built pages (part ${index + 1} of ${CHUNKS}) have no axe violations in the ${theme} theme`, async ({
      page,
    }) => {
      // A hang guard only: one page's scan took about 20 s with both cores busy.
      test.setTimeout(60_000 + chunk.length * 30_000);
      await page.emulateMedia({ colorScheme: theme });
      const failures: string[] = [];

      for (const route of chunk) {
        await page.goto(route);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        // Themes change colours only: the dark pass checks contrast, the light pass everything.
        // Snippets repeated on hard-way pages and overview previews are scanned on their leaf pages.
        const axe = new AxeBuilder({ page })
          .exclude('.hard-way-step figure')
          .exclude('details[data-preview] .preview-body');
        const results = await (
          theme === 'dark' ? axe.withRules(['color-contrast']) : axe
        ).analyze();
        for (const v of results.violations) {
          failures.push(`${route} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        }
      }

      expect(failures).toEqual([]);
    });
  }

test('leaf page with a started terminal and the solution shown has no axe violations', async ({
  page,
}) => {
  await page.goto('/guides/install/init-control-plane/');
  await page.getByRole('button', { name: 'Open terminal' }).click();
  await expect(page.getByRole('region', { name: 'Terminal: simulated cluster' })).toContainText(
    'root@cp-1:~#',
  );
  await page.getByRole('button', { name: 'Show solution' }).click();

  const results = await new AxeBuilder({ page }).analyze();

  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
});

test.describe('as Lighthouse audits a phone (412×823, 1.75 device pixels, touch)', () => {
  test.use({
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    isMobile: true,
    hasTouch: true,
  });

  // Off-screen steps render only near the viewport; their placeholders once laid one step's code
  // over a later step's Run button for anything reading the layout, as axe does.
  for (const theme of ['light', 'dark'] as const)
    test(`the whole-site hard-way page as loaded has no axe violations in the ${theme} theme, off-screen steps included`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto('/hard-way/');
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);

      const results = await new AxeBuilder({ page })
        .options({ resultTypes: ['violations'] })
        .analyze();

      expect(
        results.violations.map(
          (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        ),
      ).toEqual([]);
    });
});
