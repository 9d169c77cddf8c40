import { expect, test, type Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

import { openTerminal, releasePicker, transcript, typeCommand } from './fixtures.ts';

/** Every page of the built site, as a URL path (dist/**\/index.html). */
function builtPages(dir = 'dist'): string[] {
  const pages: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('_') && entry.name !== 'pagefind')
      pages.push(...builtPages(path));
    else if (entry.name === 'index.html')
      pages.push(`/${relative('dist', dir)}/`.replace('//', '/'));
  }
  return pages;
}

/** Collects Content-Security-Policy violations the page reports, from its first script on. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return () =>
    page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

test.describe('Content-Security-Policy', () => {
  test('every built page carries the policy and loads without a violation', async ({ page }) => {
    test.setTimeout(600_000);
    const violations = await watchViolations(page);
    const pages = builtPages();
    expect(pages.length).toBeGreaterThan(20);

    const found: string[] = [];
    for (const path of pages) {
      await page.goto(path);
      await expect(page.locator('meta[http-equiv="content-security-policy"]')).toHaveCount(1);
      found.push(...(await violations()).map((v) => `${path}: ${v}`));
    }

    expect(found).toEqual([]);
  });

  test('keeps the terminal, search and release picker working without a violation', async ({
    page,
  }) => {
    const violations = await watchViolations(page);
    await page.goto('/guides/install/init-control-plane/');

    await openTerminal(page);
    await typeCommand(page, 'kubeadm version -o short');
    await expect(transcript(page)).toContainText('kubeadm version -o short\nv1.');
    await releasePicker(page).selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('searchbox', { name: 'Search the handbook' }).fill('flannel');
    const hit = page.getByRole('dialog', { name: 'Search the handbook' }).getByRole('link', {
      name: /Install a Pod network/,
    });
    await expect(hit).toBeVisible();
    await expect(hit.locator('mark').first()).toBeVisible();

    expect(await violations()).toEqual([]);
  });
});
