/**
 * Benchmark of the browser terminal in the built site: click-to-first-output of a snippet's Run
 * button (cold and warm), keystroke echo, and the replay of the whole-site /hard-way/ page with its
 * last "Run all up to here" button.
 *
 * Usage (no npm script on purpose; run from the repository root):
 *
 *   npx astro build                               # once, or after site changes
 *   npx node scripts/bench-terminal.ts [runs] [url]   # Node 24; default 7 runs, port 4322
 *
 * If nothing answers at the URL it starts `astro preview` itself (and stops it afterwards).
 * "cold" = a fresh page: the xterm chunk, the engine worker and the scenario load, then the first
 * command. "warm" = the same snippet clicked again in an already started terminal. Timings come
 * from the page's own `kubelife:run` / `kubelife:first-output` / `kubelife:run-done` performance
 * marks. "echo" = from a typed character's input event to xterm drawing it (a MutationObserver on
 * the rows). This prints tables; performance is never asserted in tests (project rule).
 */

import { chromium, type Page } from '@playwright/test';

import { startPreview } from './lib/preview.ts';

const runs = Number(process.argv[2] ?? 7);
const base = process.argv[3] ?? 'http://127.0.0.1:4322';
const path = '/guides/install/prepare-machines/';

/** Milliseconds between the last `kubelife:run` mark and the last `kubelife:first-output` mark. */
async function lastSpan(page: Page): Promise<number> {
  await page.waitForFunction(() => {
    const runs = performance.getEntriesByName('kubelife:run');
    const outs = performance.getEntriesByName('kubelife:first-output');
    return runs.length > 0 && outs.length > 0 && outs.at(-1)!.startTime >= runs.at(-1)!.startTime;
  });
  return page.evaluate(() => {
    const start = performance.getEntriesByName('kubelife:run').at(-1)?.startTime ?? NaN;
    const end = performance.getEntriesByName('kubelife:first-output').at(-1)?.startTime ?? NaN;
    return end - start;
  });
}

/** Types `count` characters into the started terminal; milliseconds until each one is drawn. */
async function echoTimes(page: Page, count: number): Promise<number[]> {
  await page.getByRole('textbox', { name: 'Terminal input' }).focus();
  return page.evaluate(async (n) => {
    const input = document.querySelector<HTMLTextAreaElement>('.xterm-helper-textarea');
    const rows = document.querySelector('.xterm-rows');
    if (!input || !rows) return [];
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const before = rows.textContent ?? '';
      const drawn = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if ((rows.textContent ?? '') === before) return;
          observer.disconnect();
          resolve(performance.now());
        });
        observer.observe(rows, { subtree: true, childList: true, characterData: true });
      });
      const start = performance.now();
      input.dispatchEvent(new InputEvent('input', { data: 'x', inputType: 'insertText' }));
      times.push((await drawn) - start);
    }
    return times;
  }, count);
}

function stats(values: number[]): { min: number; median: number; p95: number; max: number } {
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { min: s[0] ?? NaN, median: at(0.5), p95: at(0.95), max: s.at(-1) ?? NaN };
}

const preview = await startPreview(base);
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const cold: number[] = [];
const warm: number[] = [];
const echo: number[] = [];
const replay: Array<{ commands: number; ms: number }> = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(base + path);
    const run = page.getByRole('button', { name: /^Run: / }).first();
    await run.click();
    cold.push(await lastSpan(page));
    await page.evaluate(() => performance.clearMarks());
    await run.click();
    warm.push(await lastSpan(page));
    echo.push(...(await echoTimes(page, 20)));
    await context.close();
  }
  for (let i = 0; i < Math.min(runs, 3); i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/hard-way/`);
    const buttons = page.getByRole('button', { name: /^Run all up to here/ });
    await buttons.nth((await buttons.count()) - 1).click();
    await page.waitForFunction(
      () => performance.getEntriesByName('kubelife:run-done').length > 0,
      null,
      {
        timeout: 180_000,
      },
    );
    replay.push(
      await page.evaluate(() => {
        const start = performance.getEntriesByName('kubelife:run')[0]?.startTime ?? NaN;
        const end = performance.getEntriesByName('kubelife:run-done')[0]?.startTime ?? NaN;
        const text = document.querySelector('[data-progress-text]')?.textContent ?? '';
        return { commands: Number(/of (\d+)/.exec(text)?.[1] ?? NaN), ms: end - start };
      }),
    );
    await context.close();
  }
} finally {
  await browser.close();
  if (preview?.pid !== undefined) process.kill(-preview.pid);
}

/** Targets of issue 13 on this machine: the p95 of each case (ms). */
const rows = [
  ['cold (xterm + worker + scenario)', stats(cold), 500],
  ['warm (worker running)', stats(warm), 50],
  ['keystroke echo', stats(echo), 16],
] as const;
console.log(`click-to-first-output on ${path}, ${runs} runs each (ms)\n`);
console.log('| case | min | median | p95 | max | target (p95) |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const [name, s, target] of rows) {
  const f = (n: number): string => n.toFixed(1);
  console.log(
    `| ${name} | ${f(s.min)} | ${f(s.median)} | ${f(s.p95)} | ${f(s.max)} | ≤ ${target} |`,
  );
}

console.log(
  `\nRun all up to here (last button) on /hard-way/, ${replay.length} runs (target ≤ 3 s)\n`,
);
console.log('| run | commands | seconds | commands/s |');
console.log('| ---: | ---: | ---: | ---: |');
for (const [i, r] of replay.entries())
  console.log(
    `| ${i + 1} | ${r.commands} | ${(r.ms / 1000).toFixed(2)} | ${((r.commands * 1000) / r.ms).toFixed(0)} |`,
  );
