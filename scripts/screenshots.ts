/**
 * Regenerates the README screenshots in docs/screenshots/ from the built site.
 *
 * Usage (from the repository root, after `npx astro build`):
 *
 *   npx node scripts/screenshots.ts
 *
 * Starts its own `astro preview` on a free port (with --ignore-lock, so a preview or e2e run already
 * going in this folder does not stop it), drives Debian's /usr/bin/chromium with Playwright and stops
 * the preview afterwards. Desktop shots are 1440×900, phone shots 375×812 (both at device scale 1 so
 * the PNGs stay small); the theme comes from prefers-color-scheme, as for a first-time visitor.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';

import { chromium, expect, type Browser, type Page } from '@playwright/test';

const OUT = 'docs/screenshots';
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 375, height: 812 };

type Theme = 'light' | 'dark';
type Viewport = typeof DESKTOP;

/** One screenshot: file name, viewport, theme, page and what to do before the shot. */
interface Shot {
  readonly name: string;
  readonly viewport: Viewport;
  readonly theme: Theme;
  readonly path: string;
  readonly prepare?: (page: Page) => Promise<void>;
}

/** A port nobody listens on right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function reachable(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

async function startPreview(port: number): Promise<ChildProcess> {
  const child = spawn(
    'npx',
    ['astro', 'preview', '--port', String(port), '--host', '127.0.0.1', '--ignore-lock'],
    { stdio: 'ignore', detached: true },
  );
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 150 && !(await reachable(url)); i++)
    await new Promise((resolve) => setTimeout(resolve, 200));
  if (!(await reachable(url))) throw new Error(`astro preview did not answer at ${url}`);
  return child;
}

/** Runs the `kubeadm init` snippet and waits until its last line is in the terminal. */
async function runKubeadmInit(page: Page): Promise<void> {
  const figure = page
    .locator('figure[data-snippet-figure="run"]')
    .filter({ hasText: 'kubeadm init' })
    .first();
  await figure.getByRole('button', { name: /^Run: kubeadm init/ }).click();
  await expect(
    page.getByRole('log', { name: 'Terminal transcript', includeHidden: true }),
  ).toContainText('--discovery-token-ca-cert-hash');
  // Start the view at the step's heading: its text, the snippet and the first output lines stay
  // visible above the terminal dock.
  await page.getByRole('heading', { name: /Run kubeadm init/ }).evaluate((heading) => {
    const header = document.querySelector('.site-header')?.getBoundingClientRect().height ?? 0;
    window.scrollTo(0, heading.getBoundingClientRect().top + window.scrollY - header - 16);
  });
}

/** Plans a two-minor upgrade, which the planner splits into one-minor steps. */
async function planUpgrade(page: Page): Promise<void> {
  const current = page.getByRole('combobox', { name: 'Current version' });
  const newestPerMinor = await current
    .locator('optgroup')
    .evaluateAll((groups) =>
      groups.map((group) => group.querySelector('option')?.getAttribute('value') ?? ''),
    );
  const [newest, , twoOlder] = newestPerMinor;
  await current.selectOption(twoOlder ?? '');
  await page.getByRole('combobox', { name: 'Target version' }).selectOption(newest ?? '');
  await page.getByRole('button', { name: 'Plan the upgrade' }).click();
  await expect(page.getByRole('region', { name: 'Upgrade plan' })).toBeVisible();
}

/** Opens "Show this step here" of the overview's second step (the wide kubeadm init output). */
async function expandStep(page: Page): Promise<void> {
  await page.getByText('Show this step here').nth(1).click();
  await page.getByRole('main').locator('details[open]').first().scrollIntoViewIfNeeded();
}

/** Runs a snippet and types a command whose output kubectl prefixes with a coloured Warning:. */
async function colouredTerminal(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Run: kubectl get nodes -o wide' }).click();
  const log = page.getByRole('log', { name: 'Terminal transcript', includeHidden: true });
  await expect(log).toContainText('worker-2');
  await page.keyboard.type('kubectl get endpoints kubernetes');
  await page.keyboard.press('Enter');
  await expect(log).toContainText('EndpointSlice');
}

/** Types the start of a command and presses Tab: completed words, then the choices listed. */
async function tabCompletion(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open terminal' }).click();
  const screen = page.getByRole('region', { name: 'Terminal: simulated cluster' });
  await expect(screen).toContainText('root@cp-1:~#');
  await page.keyboard.type('kubectl get no');
  await page.keyboard.press('Tab');
  await page.keyboard.type('w');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(screen).toContainText('worker-1  worker-2');
}

/** Starts the terminal with Run on a phone, to show how much of the screen the dock takes. */
async function runOnPhone(page: Page): Promise<void> {
  await page
    .getByRole('button', { name: /^Run: / })
    .first()
    .click();
  await expect(
    page.getByRole('log', { name: 'Terminal transcript', includeHidden: true }),
  ).toContainText('root@cp-1:~#');
}

const LEAF = '/guides/install/init-control-plane/';
const OVERVIEW = '/guides/install/';
const HARD_WAY = '/hard-way/install/';

const shots: readonly Shot[] = [
  { name: 'leaf-light', viewport: DESKTOP, theme: 'light', path: LEAF, prepare: runKubeadmInit },
  { name: 'leaf-dark', viewport: DESKTOP, theme: 'dark', path: LEAF, prepare: runKubeadmInit },
  { name: 'leaf-phone', viewport: PHONE, theme: 'light', path: LEAF, prepare: runKubeadmInit },
  { name: 'overview-light', viewport: DESKTOP, theme: 'light', path: OVERVIEW },
  { name: 'overview-dark', viewport: DESKTOP, theme: 'dark', path: OVERVIEW },
  { name: 'overview-phone', viewport: PHONE, theme: 'light', path: OVERVIEW },
  { name: 'hard-way-light', viewport: DESKTOP, theme: 'light', path: HARD_WAY },
  { name: 'hard-way-dark', viewport: DESKTOP, theme: 'dark', path: HARD_WAY },
  { name: 'hard-way-phone', viewport: PHONE, theme: 'light', path: HARD_WAY },
  {
    name: 'overview-expanded',
    viewport: DESKTOP,
    theme: 'light',
    path: OVERVIEW,
    prepare: expandStep,
  },
  { name: 'dock-phone-closed', viewport: PHONE, theme: 'light', path: '/guides/install/verify/' },
  {
    name: 'dock-phone-running',
    viewport: PHONE,
    theme: 'light',
    path: '/guides/install/verify/',
    prepare: runOnPhone,
  },
  {
    name: 'terminal-colours',
    viewport: DESKTOP,
    theme: 'dark',
    path: '/guides/install/verify/',
    prepare: colouredTerminal,
  },
  {
    name: 'terminal-completion',
    viewport: DESKTOP,
    theme: 'dark',
    path: '/guides/install/verify/',
    prepare: tabCompletion,
  },
  {
    name: 'upgrade-planner-light',
    viewport: DESKTOP,
    theme: 'light',
    path: '/tools/upgrade-planner/',
    prepare: planUpgrade,
  },
];

async function take(browser: Browser, base: string, shot: Shot): Promise<void> {
  const context = await browser.newContext({
    viewport: shot.viewport,
    colorScheme: shot.theme,
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  await page.goto(base + shot.path);
  await expect(page.locator('html')).toHaveAttribute('data-theme', shot.theme);
  await shot.prepare?.(page);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${OUT}/${shot.name}.png`, animations: 'disabled', caret: 'hide' });
  await context.close();
  console.log(`${OUT}/${shot.name}.png`);
}

const port = await freePort();
const preview = await startPreview(port);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  mkdirSync(OUT, { recursive: true });
  for (const shot of shots) await take(browser, `http://127.0.0.1:${port}`, shot);
} finally {
  await browser.close();
  // The preview runs in its own process group (detached): stop npx and astro together.
  if (preview.pid !== undefined) process.kill(-preview.pid, 'SIGTERM');
}
