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
 * command, the click landing as the pointer arrives (Playwright's click); "cold, pointer on Run"
 * = the same after the pointer rested on Run first, as a reader's does (the terminal starts
 * loading on hover). "warm" = the same snippet clicked again in an already started terminal.
 * Timings come from the page's own `kubelife:run` / `kubelife:first-output` / `kubelife:run-done`
 * performance marks. This prints tables; performance is never asserted in tests (project rule).
 *
 * Keystroke echo is measured with the Event Timing API (`PerformanceEventTiming.duration`, what
 * INP is built from): from the key's `timeStamp` (when the browser got the key) to the
 * presentation of the next frame after its handlers ran, i.e. when that frame reached the screen.
 * A key's duration is the longest of its keydown, keypress, beforeinput and input events (as INP
 * takes an interaction's). The web API rounds to 8 ms and reports nothing under 16 ms, so the
 * bench reads the same durations unrounded from Chromium's trace ("EventTiming" events) and prints
 * the API's own view beside them. Event Timing ends at the first frame after the key; the bench
 * checks that the glyph was drawn in that frame (last column), so the duration is the glyph's.
 * The earlier measure of this bench, "main-thread paint end" (a message posted from the animation
 * frame that drew the glyph), is printed too: it stops when the main thread has recorded the
 * frame, before raster, draw and display, and in traces read 1-5 ms short of Event Timing for the
 * terminal (whose frame rasters and draws more than a textarea's) and about 1 ms for the textarea:
 * Event Timing is what a reader sees. Both are shown next to a plain <textarea> on the same page:
 * no page can echo before the first frame after the key (at 60 Hz up to 16.7 ms later, plus that
 * frame's work), so the textarea's p95 is the floor on this machine.
 */

import { chromium, type BrowserContext, type Locator, type Page } from '@playwright/test';

import { startPreview } from './lib/preview.ts';

const runs = Number(process.argv[2] ?? 7);
const base = process.argv[3] ?? 'http://127.0.0.1:4322';
const path = '/guides/install/prepare-machines/';
/** How long the pointer rests on Run before the click in the "after hover" cold case (ms). */
const HOVER_MS = 300;

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

/**
 * One keystroke's echo, in milliseconds from the key event (the keydown's `timeStamp`): the glyph
 * in the DOM, the end of the main thread's rendering update that drew it ("painted", the
 * bench's earlier measure), the end of the first rendering update after the key (whatever it
 * drew), and the Event Timing duration of the key: unrounded from Chromium's trace, and as the
 * web API reports it (rounded to 8 ms; undefined when under its 16 ms minimum threshold).
 */
interface Echo {
  readonly key: number;
  readonly dom: number;
  readonly painted: number;
  readonly firstPaint: number;
  readonly eventTiming: number;
  readonly eventTimingApi: number | undefined;
}

/** One Event Timing entry: the event's type, its `timeStamp` and duration (ms). */
interface Timed {
  readonly type: string;
  readonly start: number;
  readonly duration: number;
}

/** The events a typed key dispatches whose next paint shows it (keyup comes after the glyph). */
const KEY_EVENTS = new Set(['keydown', 'keypress', 'beforeinput', 'input']);

/**
 * Event Timing duration of the key pressed at `key` (its keydown's timeStamp): the longest of its
 * events, as INP takes an interaction's duration. Each event's duration runs from its timeStamp to
 * the presentation of the next frame after its handlers ran.
 * (The page sees timeStamps coarsened to 0.1 ms, the trace has them exact: hence the margin.)
 */
function keyDuration(entries: readonly Timed[], key: number): number | undefined {
  const own = entries.filter(
    (e) => KEY_EVENTS.has(e.type) && e.start > key - 0.2 && e.start < key + 8,
  );
  return own.length === 0 ? undefined : Math.max(...own.map((e) => e.duration));
}

/** The unrounded Event Timing entries Chromium wrote to a trace ("EventTiming", devtools.timeline). */
function traceEventTimings(trace: Buffer): Timed[] {
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  return events
    .filter((e) => e.name === 'EventTiming' && e.ph === 'b' && e.args?.data?.type !== undefined)
    .map((e) => ({
      type: e.args?.data?.type ?? '',
      start: e.args?.data?.timeStamp ?? NaN,
      duration: e.args?.data?.duration ?? NaN,
    }));
}

/** The part of a Chromium trace event read here. */
interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly args?: { readonly data?: { type?: string; timeStamp?: number; duration?: number } };
}

/**
 * Installs the echo probes in the page: `window.__echoArm(kind)` prepares the next keystroke's
 * measurement and `window.__echoResult` resolves to it. The start is the trusted keydown's
 * `timeStamp` (when the browser received the key); "dom" is when the glyph is in the document,
 * "painted" is the end of the rendering update that drew it (a message posted from an animation
 * frame callback runs after that frame's style, layout and paint), "firstPaint" the end of the
 * first rendering update after the key: the earliest any page can show a keystroke. The xterm
 * side watches its rows; the baseline is a plain <textarea> on the same page.
 */
async function installEchoProbes(page: Page): Promise<void> {
  await page.evaluate(() => {
    const rows = document.querySelector('.xterm-rows');
    const xtermInput = document.querySelector<HTMLTextAreaElement>('.xterm-helper-textarea');
    const baseline = document.createElement('textarea');
    baseline.setAttribute('aria-label', 'Echo baseline');
    baseline.style.cssText = 'position:fixed;top:8px;left:8px;width:200px;height:40px;z-index:99';
    document.body.append(baseline);
    const w = window as unknown as {
      __echoArm: (kind: 'xterm' | 'baseline') => void;
      __echoResult: Promise<{ key: number; dom: number; painted: number; firstPaint: number }>;
      __eventTimings: Array<{ type: string; start: number; duration: number }>;
    };
    // The web-exposed Event Timing entries (what INP is computed from): 16 ms is the API's
    // lowest threshold, shorter events are not reported.
    w.__eventTimings = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        w.__eventTimings.push({ type: e.name, start: e.startTime, duration: e.duration });
    }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
    /** Resolves with performance.now() after the current rendering update (paint included). */
    const afterPaint = (resolve: (at: number) => void): void => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    };
    let keyAt = NaN;
    let firstPaint = Promise.resolve(NaN);
    const onKey = (event: KeyboardEvent): void => {
      keyAt = event.timeStamp;
      firstPaint = new Promise((resolve) => requestAnimationFrame(() => afterPaint(resolve)));
    };
    xtermInput?.addEventListener('keydown', onKey, { capture: true });
    baseline.addEventListener('keydown', onKey, { capture: true });
    w.__echoArm = (kind) => {
      const drawn = new Promise<{ dom: number; painted: number }>((resolve) => {
        if (kind === 'baseline') {
          baseline.addEventListener(
            'input',
            () => {
              const dom = performance.now();
              requestAnimationFrame(() =>
                afterPaint((at) => resolve({ dom: dom - keyAt, painted: at - keyAt })),
              );
            },
            { once: true },
          );
          return;
        }
        const before = rows?.textContent ?? '';
        const observer = new MutationObserver(() => {
          if ((rows?.textContent ?? '') === before) return;
          observer.disconnect();
          const dom = performance.now();
          // xterm renders in an animation frame callback: this frame paints the glyph.
          afterPaint((at) => resolve({ dom: dom - keyAt, painted: at - keyAt }));
        });
        if (rows) observer.observe(rows, { subtree: true, childList: true, characterData: true });
      });
      w.__echoResult = drawn.then(async (echo) => ({
        ...echo,
        key: keyAt,
        firstPaint: (await firstPaint) - keyAt,
      }));
    };
  });
}

/**
 * Presses `count` keys (trusted input through the browser, as a reader types) into the started
 * terminal, or into the baseline textarea; a random pause between keys so they land anywhere in
 * the frame, as a reader's do.
 */
async function echoTimes(page: Page, count: number, kind: 'xterm' | 'baseline'): Promise<Probe[]> {
  const target =
    kind === 'xterm'
      ? page.getByRole('textbox', { name: 'Terminal input' })
      : page.getByRole('textbox', { name: 'Echo baseline' });
  await target.focus();
  const times: Probe[] = [];
  for (let i = 0; i < count; i++) {
    await page.evaluate(
      (k) => (window as unknown as { __echoArm: (k: string) => void }).__echoArm(k),
      kind,
    );
    await page.keyboard.press('x');
    times.push(
      await page.evaluate(
        () => (window as unknown as { __echoResult: Promise<Probe> }).__echoResult,
      ),
    );
    await page.waitForTimeout(20 + Math.random() * 30);
  }
  return times;
}

/** What the page's probes measured of one key (see installEchoProbes). */
type Probe = Omit<Echo, 'eventTiming' | 'eventTimingApi'>;

/**
 * Types into the terminal and then the baseline while Chromium traces, and adds each key's Event
 * Timing duration (from the trace, and from the page's PerformanceObserver) to its probe.
 */
async function typeAndTime(
  page: Page,
  count: number,
): Promise<{ xterm: Echo[]; baseline: Echo[] }> {
  await browser.startTracing(page, { categories: ['devtools.timeline'] });
  const typed = {
    xterm: await echoTimes(page, count, 'xterm'),
    baseline: await echoTimes(page, count, 'baseline'),
  };
  // The last key's frame is presented (and its entry dispatched) a frame or two after it painted.
  await page.waitForTimeout(200);
  const traced = traceEventTimings(await browser.stopTracing());
  const api = await page.evaluate(
    () => (window as unknown as { __eventTimings: Timed[] }).__eventTimings,
  );
  const time = (probe: Probe): Echo => ({
    ...probe,
    eventTiming: keyDuration(traced, probe.key) ?? NaN,
    eventTimingApi: keyDuration(api, probe.key),
  });
  return { xterm: typed.xterm.map(time), baseline: typed.baseline.map(time) };
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
/** The guide in a new browser context (empty cache and storage) and its first Run button. */
async function freshGuide(): Promise<{ context: BrowserContext; page: Page; run: Locator }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + path);
  return { context, page, run: page.getByRole('button', { name: /^Run: / }).first() };
}

const cold: number[] = [];
const coldAfterHover: number[] = [];
const warm: number[] = [];
const echo: Echo[] = [];
const baseline: Echo[] = [];
const replay: Array<{ commands: number; ms: number }> = [];
try {
  for (let i = 0; i < runs; i++) {
    const { context, page, run } = await freshGuide();
    await run.click();
    cold.push(await lastSpan(page));
    await page.evaluate(() => performance.clearMarks());
    await run.click();
    warm.push(await lastSpan(page));
    await installEchoProbes(page);
    const typed = await typeAndTime(page, 20);
    echo.push(...typed.xterm);
    baseline.push(...typed.baseline);
    await context.close();
  }
  // A reader's pointer reaches Run before the click: the terminal starts loading on hover.
  for (let i = 0; i < runs; i++) {
    const { context, page, run } = await freshGuide();
    await run.hover();
    await page.waitForTimeout(HOVER_MS);
    await run.click();
    coldAfterHover.push(await lastSpan(page));
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
  [`cold, pointer on Run ${HOVER_MS} ms before the click`, stats(coldAfterHover), 500],
  ['warm (worker running)', stats(warm), 50],
  [
    'keystroke echo (Event Timing: key → frame presented)',
    stats(echo.map((e) => e.eventTiming)),
    16,
  ],
] as const;
const f = (n: number): string => n.toFixed(1);
console.log(`click-to-first-output on ${path}, ${runs} runs each (ms)\n`);
console.log('| case | min | median | p95 | max | target (p95) |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const [name, s, target] of rows)
  console.log(
    `| ${name} | ${f(s.min)} | ${f(s.median)} | ${f(s.p95)} | ${f(s.max)} | ≤ ${target} |`,
  );

/**
 * Two measures of each keystroke, side by side (see the header): Event Timing, the standard one,
 * runs to the frame's presentation; "main-thread paint end" (this bench's earlier measure) stops
 * when the main thread has recorded the frame, before raster, draw and display. A browser shows a
 * key at the earliest in the first frame after it (60 Hz: up to 16.7 ms later, plus that frame's
 * work), whatever the page does: the textarea baseline shows that floor on the same page. The last
 * column says whether each glyph made that first frame (Event Timing ends at that frame's
 * presentation: it is the glyph's only when the glyph is in it).
 */
const echoRows = [
  ['xterm terminal', echo],
  ['plain textarea (baseline)', baseline],
] as const;
console.log(
  `\nkeystroke echo on ${path}, ${echo.length} trusted key presses each (ms from the keydown's timeStamp)\n`,
);
console.log(
  '| input | Event Timing median | Event Timing p95 | Event Timing p95 as the API reports it (8 ms steps, ≥ 16 ms only) | main-thread paint end median | main-thread paint end p95 | in DOM p95 | glyph in the first frame after the key |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [name, list] of echoRows) {
  const timing = stats(list.map((e) => e.eventTiming));
  // Keys the API did not report took under 16 ms: they sort below every reported one.
  const api = stats(list.map((e) => e.eventTimingApi ?? 0));
  const reported = list.filter((e) => e.eventTimingApi !== undefined).length;
  const dom = stats(list.map((e) => e.dom));
  const painted = stats(list.map((e) => e.painted));
  // Both are measured after a rendering update; a glyph in a later frame is ≥ 16 ms behind.
  const inFirst = list.filter((e) => e.painted - e.firstPaint < 8).length;
  console.log(
    `| ${name} | ${f(timing.median)} | ${f(timing.p95)} | ${api.p95 === 0 ? '< 16' : f(api.p95)} (${reported} of ${list.length} reported) | ${f(painted.median)} | ${f(painted.p95)} | ${f(dom.p95)} | ${inFirst} of ${list.length} |`,
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
