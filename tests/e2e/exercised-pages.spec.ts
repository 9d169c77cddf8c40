import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

import { builtRoutes, expandEverything, runEverything, sidewaysScroll } from './fixtures.ts';

/**
 * Every built page in the state a reader leaves it in: every step expanded, every snippet run
 * (the terminal open, its output on screen). At a phone's and a laptop's width, in both themes,
 * nothing scrolls sideways and axe finds nothing, including the snippets of the hard-way pages
 * (their steps render only near the viewport, which once laid code over later Run buttons).
 */
const routes = builtRoutes();
const CHUNKS = 4;
const chunks = Array.from({ length: CHUNKS }, (_, i) => routes.filter((_, j) => j % CHUNKS === i));
const WIDTHS = [375, 1280] as const;

/** The theme the page shows now. */
function theme(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('data-theme');
}

/**
 * Axe's violations, one line per rule with its nodes. Every rule at 375 px in the light theme;
 * colour contrast otherwise (themes change colours only, and a11y.spec.ts runs every rule at
 * 1,280 px on the pages as first loaded): four full scans of each page would double the suite.
 */
async function violations(page: Page, width: number, where: string): Promise<string[]> {
  const dark = (await theme(page)) === 'dark';
  const axe = new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
  const results = await (
    !dark && width === 375 ? axe : axe.withRules(['color-contrast'])
  ).analyze();
  return results.violations.map(
    (v) =>
      `${where} ${dark ? 'dark' : 'light'} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** Flips the theme with the header's button (a toggle named "Dark theme"), as a reader does. */
async function switchTheme(page: Page): Promise<void> {
  const before = (await theme(page)) ?? '';
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', before);
}

for (const [index, chunk] of chunks.entries()) {
  test(`every page, expanded and run, neither scrolls sideways nor has axe violations at 375 and 1,280 px in both themes (part ${index + 1} of ${CHUNKS})`, async ({
    page,
  }) => {
    // A hang guard only: a hard-way page's replay and four scans take a while with both cores busy.
    test.setTimeout(60_000 + chunk.length * 60_000);
    const failures: string[] = [];

    for (const route of chunk) {
      await page.setViewportSize({ width: 375, height: 740 });
      await page.goto(route);
      await expandEverything(page);
      await runEverything(page);
      // Both widths in the page's theme, then the other theme from 1,280 px (where the header
      // shows the theme button) back to 375 px.
      for (const widths of [WIDTHS, [...WIDTHS].reverse()]) {
        for (const width of widths) {
          await page.setViewportSize({ width, height: 900 });
          const overflow = await sidewaysScroll(page);
          if (overflow > 0) failures.push(`${route} at ${width}px: ${overflow}px sideways`);
          failures.push(...(await violations(page, width, `${route} at ${width}px`)));
        }
        if (widths === WIDTHS) await switchTheme(page);
      }
    }

    expect(failures).toEqual([]);
  });
}
