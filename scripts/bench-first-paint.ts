/**
 * Benchmark of first paint in the built site, as a phone would see it: Chromium with its CPU slowed
 * down four times (Lighthouse's mobile setting), the page loaded cold from `astro preview`. For each
 * page it prints First Contentful Paint, Largest Contentful Paint, Total Blocking Time (the part of
 * every main-thread task beyond 50 ms, from navigation to load + 1 s), the number of DOM elements
 * and the HTML's size. Lighthouse, where it is installed, reads the same quantities; this script
 * needs nothing beyond Playwright and Debian's Chromium.
 *
 * Usage (no npm script on purpose; run from the repository root, after `npm run build`):
 *
 *   npx node scripts/bench-first-paint.ts [runs] [url]   # default 3 runs, port 4322
 *
 * If nothing answers at the URL it starts `astro preview` itself (and stops it afterwards).
 * Medians over the runs. This prints a table; performance is never asserted in tests.
 */
import { gzipSync } from 'node:zlib';

import { chromium, type Browser } from '@playwright/test';

import { startPreview } from './lib/preview.ts';

const runs = Number(process.argv[2] ?? 3);
const base = process.argv[3] ?? 'http://127.0.0.1:4322';
const PAGES = ['/hard-way/', '/hard-way/install/', '/guides/install/init-control-plane/', '/'];

interface Sample {
  fcp: number;
  lcp: number;
  tbt: number;
  elements: number;
}

/** Loads `path` once in a fresh context with a 4× slower CPU and reads the paint metrics. */
async function measure(browser: Browser, path: string): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[]; __lcp: number };
    w.__longTasks = [];
    w.__lcp = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__lcp = entry.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await page.goto(base + path, { waitUntil: 'load' });
  await page.waitForTimeout(1000);
  const sample = await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[]; __lcp: number };
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
    return {
      fcp,
      lcp: w.__lcp,
      tbt: w.__longTasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
      elements: document.querySelectorAll('*').length,
    };
  });
  await context.close();
  return sample;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

const preview = await startPreview(base);
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const rows: string[] = [];
try {
  for (const path of PAGES) {
    const html = Buffer.from(await (await fetch(base + path)).arrayBuffer());
    const samples: Sample[] = [];
    for (let i = 0; i < runs; i++) samples.push(await measure(browser, path));
    const m = (key: keyof Sample): number => median(samples.map((s) => s[key]));
    rows.push(
      `| ${path} | ${m('fcp').toFixed(0)} | ${m('lcp').toFixed(0)} | ${m('tbt').toFixed(0)} | ` +
        `${m('elements')} | ${(html.length / 1024).toFixed(0)} | ` +
        `${(gzipSync(html, { level: 9 }).length / 1024).toFixed(0)} |`,
    );
  }
} finally {
  await browser.close();
  if (preview?.pid !== undefined) process.kill(-preview.pid);
}

console.log(`First paint with a 4× slower CPU, median of ${runs} cold loads\n`);
console.log('| page | FCP ms | LCP ms | TBT ms | DOM elements | HTML KiB | gzip KiB |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) console.log(row);
