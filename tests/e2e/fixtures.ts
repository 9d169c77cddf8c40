import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

import { expect, type Locator, type Page } from '@playwright/test';

/** The page's terminal dock (a labelled region). */
export function terminal(page: Page): Locator {
  return page.getByRole('region', { name: 'Terminal: simulated cluster' });
}

/**
 * The terminal's plain-text transcript (every prompt, command and output), which holds text that
 * has scrolled out of xterm's rendered viewport.
 */
export function transcript(page: Page): Locator {
  return page.getByRole('log', { name: 'Terminal transcript', includeHidden: true });
}

/** Opens the terminal with its button and waits for the prompt. */
export async function openTerminal(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open terminal' }).click();
  await expect(terminal(page)).toContainText('root@cp-1:~#');
}

/** Moves keyboard focus into the started terminal (Run buttons leave focus where it was). */
export async function focusTerminal(page: Page): Promise<void> {
  await page.getByRole('textbox', { name: 'Terminal input' }).focus();
}

/** Types a command with the keyboard into the focused terminal and presses Enter. */
export async function typeCommand(page: Page, command: string): Promise<void> {
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

/**
 * Clicks every Run button on the page in order, waiting for each snippet's last expected line.
 * Only the snippets of the reader's release are visible; the other releases' variants are skipped.
 */
export async function runAllSnippets(page: Page): Promise<void> {
  const figures = page.locator('figure[data-snippet-figure]:visible');
  const count = await figures.count();
  let runs = 0;
  for (let i = 0; i < count; i++) {
    const figure = figures.nth(i);
    if ((await figure.getAttribute('data-snippet-figure')) !== 'run') continue;
    const output = figures.nth(i + 1);
    const expected = ((await output.locator('pre').textContent()) ?? '').trimEnd().split('\n');
    const lastLine = expected
      .filter((line) => line.trim() !== '')
      .at(-1)
      ?.trim();
    await figure.getByRole('button', { name: /^Run: / }).click();
    runs++;
    if (lastLine !== undefined) await expect(transcript(page)).toContainText(lastLine);
  }
  expect(runs).toBeGreaterThan(0);
}

/** The header's release picker (which Kubernetes minor guides and terminals follow). */
export function releasePicker(page: Page): Locator {
  return page.getByRole('combobox', { name: 'Kubernetes' });
}

/** Every built page (dist/**\/index.html, plus 404), as site paths, sorted. */
export function builtRoutes(dir = 'dist'): string[] {
  const routes: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === '_astro' || name === 'pagefind') continue;
    if (statSync(path).isDirectory()) routes.push(...builtRoutes(path));
    else if (name === 'index.html')
      routes.push(`/${relative('dist', dir)}/`.replace(/^\/+\/?/, '/'));
  }
  return routes.sort();
}

/** How far the page scrolls sideways (0: not at all). */
export function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

/** Opens every disclosure on the page: "Expand all steps" buttons and every <details>. */
export async function expandEverything(page: Page): Promise<void> {
  for (const button of await page.getByRole('button', { name: 'Expand all steps' }).all())
    await button.click();
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
}

/** Runs every snippet of the page with its last "Run all up to here" and waits for the end. */
export async function runEverything(page: Page): Promise<void> {
  const runAll = page.getByRole('button', { name: /^Run all up to here/ });
  const count = await runAll.count();
  if (count === 0) return;
  await runAll.nth(count - 1).click();
  await page.waitForFunction(() => performance.getEntriesByName('kubelife:run-done').length > 0);
}
