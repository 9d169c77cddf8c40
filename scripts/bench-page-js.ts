/**
 * Benchmark: JavaScript each page type loads before any interaction, read from the built dist/.
 *
 * Usage (from the repository root, after `npx astro build && npx pagefind --site dist`):
 *
 *   npx node scripts/bench-page-js.ts
 *
 * Initial JavaScript of a page = its inline scripts + the module scripts its HTML references +
 * every module those import statically (followed transitively, each file counted once). Dynamic
 * `import()` is not followed: those chunks, and the engine worker, are listed separately as the
 * lazily loaded parts, each with its own static closure. Sizes are raw bytes and gzip (level 9,
 * roughly what a static host serves). This prints a table; sizes are never asserted in tests.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = 'dist';

/** Representative built page of each page type. */
const PAGES: ReadonlyArray<readonly [string, string]> = [
  ['home', '/'],
  ['overview', '/guides/install/'],
  ['leaf', '/guides/install/init-control-plane/'],
  ['hard-way guide', '/hard-way/install/'],
  ['hard-way site', '/hard-way/'],
  ['tool: upgrade planner', '/tools/upgrade-planner/'],
  ['tool: version skew', '/tools/version-skew/'],
];

interface Size {
  raw: number;
  gzip: number;
}

function sizeOf(text: string | Buffer): Size {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

function add(a: Size, b: Size): Size {
  return { raw: a.raw + b.raw, gzip: a.gzip + b.gzip };
}

/** Site path (`/_astro/x.js`, or relative to `from`) → file in dist/. */
function fileOf(specifier: string, from: string): string {
  const path = specifier.startsWith('/')
    ? specifier
    : posix.join(posix.dirname(from), specifier).replace(/^\.?\/?/, '/');
  return path;
}

function read(sitePath: string): string {
  return readFileSync(join(DIST, sitePath), 'utf8');
}

/** Static import/export-from specifiers of a module (minified or not); never `import(…)`. */
function staticImports(code: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'`]([^"'`]+)["'`]/g,
    /\bexport\s*(?:\*|\{[^}]*\})\s*from\s*["'`]([^"'`]+)["'`]/g,
  ];
  for (const pattern of patterns)
    for (const match of code.matchAll(pattern)) if (match[1]) found.add(match[1]);
  return [...found];
}

/** Dynamic `import("…")` specifiers with a literal string. */
function dynamicImports(code: string): string[] {
  return [...code.matchAll(/\bimport\(\s*["'`]([^"'`$]+)["'`]\s*\)/g)].flatMap((m) =>
    m[1] ? [m[1]] : [],
  );
}

/** Worker entry points (`new Worker(new URL("…", import.meta.url))`). */
function workers(code: string): string[] {
  return [...code.matchAll(/new Worker\(\s*new URL\(\s*["'`]([^"'`]+)["'`]/g)].flatMap((m) =>
    m[1] ? [m[1]] : [],
  );
}

/** A module and everything it imports statically, as site paths. */
function closure(entries: readonly string[], seen = new Set<string>()): Set<string> {
  const queue = [...entries];
  while (queue.length > 0) {
    const path = queue.pop() ?? '';
    if (seen.has(path) || !existsSync(join(DIST, path))) continue;
    seen.add(path);
    for (const spec of staticImports(read(path))) queue.push(fileOf(spec, path));
  }
  return seen;
}

function total(paths: Iterable<string>): Size {
  let sum: Size = { raw: 0, gzip: 0 };
  for (const path of paths) sum = add(sum, sizeOf(readFileSync(join(DIST, path))));
  return sum;
}

/** Initial JavaScript of one built page, plus the lazy entry points its modules reference. */
function analysePage(route: string): {
  inline: Size;
  modules: Set<string>;
  lazy: Set<string>;
} {
  const html = read(join(route, 'index.html'));
  let inline: Size = { raw: 0, gzip: 0 };
  const entries: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attributes = match[1] ?? '';
    const body = match[2] ?? '';
    const type = /\btype="([^"]*)"/.exec(attributes)?.[1];
    if (type !== undefined && type !== 'module' && type !== 'text/javascript') continue;
    const src = /\bsrc="([^"]*)"/.exec(attributes)?.[1];
    if (src !== undefined) entries.push(src);
    else {
      inline = add(inline, sizeOf(body));
      for (const spec of staticImports(body)) entries.push(fileOf(spec, route));
    }
  }
  const modules = closure(entries);
  const lazy = new Set<string>();
  const sources = [html, ...[...modules].map(read)];
  for (const code of sources) {
    for (const spec of dynamicImports(code)) lazy.add(fileOf(spec, '/_astro/x.js'));
    for (const spec of workers(code)) lazy.add(fileOf(spec, '/_astro/x.js'));
  }
  return { inline, modules, lazy };
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function row(cells: readonly string[], widths: readonly number[]): string {
  return `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(' | ')} |`;
}

function table(header: readonly string[], rows: readonly string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const rule = `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [row(header, widths), rule, ...rows.map((r) => row(r, widths))].join('\n');
}

if (!existsSync(join(DIST, 'index.html'))) {
  console.error('dist/ has no index.html: run `npx astro build && npx pagefind --site dist` first');
  process.exit(1);
}

const lazyEntries = new Set<string>();
const initialRows = PAGES.map(([name, route]) => {
  const { inline, modules, lazy } = analysePage(route);
  for (const entry of lazy) lazyEntries.add(entry);
  const external = total(modules);
  const all = add(inline, external);
  return [
    name,
    route,
    kb(inline.raw),
    String(modules.size),
    kb(external.raw),
    kb(all.raw),
    kb(all.gzip),
  ];
});

console.log('Initial JavaScript per page type (before any interaction)\n');
console.log(
  table(
    ['page type', 'example', 'inline', 'modules', 'module bytes', 'total raw', 'total gzip'],
    initialRows,
  ),
);

/** Names a lazily loaded entry point by what it is. */
function label(path: string): string {
  if (path.includes('/mount.')) return 'terminal: xterm + mount (on first Run / Open terminal)';
  if (path.includes('engine-worker')) return 'engine worker (with the terminal)';
  // The planner element plans its form's default versions in connectedCallback, so on the planner
  // page these two are fetched right after load, not on interaction.
  if (path.includes('upgrade-planner')) return 'upgrade planner: engine policy (planner page load)';
  if (path.includes('render-plan')) return 'upgrade planner: rendering (planner page load)';
  if (path.includes('x509')) return 'engine worker: X.509 library (first certificate)';
  if (path.includes('Reflect')) return 'engine worker: reflect-metadata (with X.509)';
  if (path.includes('schemas-data'))
    return 'engine worker: OpenAPI schemas (first kubectl explain)';
  if (path.includes('pagefind')) return 'search: pagefind (on first search)';
  return path;
}

// Lazy chunks load more lazily (mount → engine worker → X.509): follow them to a fixed point,
// remembering which chunk loads which, so each row counts only the bytes it adds on top of what
// its loader (and every page's initial JavaScript) already brought.
const initial = new Set<string>();
for (const [, route] of PAGES) for (const path of analysePage(route).modules) initial.add(path);
const loader = new Map<string, string>();
const expanded = new Set<string>();
for (let entry = [...lazyEntries].find((e) => !expanded.has(e)); entry !== undefined;) {
  expanded.add(entry);
  for (const path of closure([entry])) {
    const code = read(path);
    for (const spec of [...dynamicImports(code), ...workers(code)]) {
      const child = fileOf(spec, path);
      if (!lazyEntries.has(child)) loader.set(child, entry);
      lazyEntries.add(child);
    }
  }
  entry = [...lazyEntries].find((e) => !expanded.has(e));
}

/** Files already in memory when `entry` starts loading. */
function loadedBefore(entry: string): Set<string> {
  const loaded = new Set(initial);
  for (let parent = loader.get(entry); parent !== undefined; parent = loader.get(parent))
    for (const path of closure([parent])) loaded.add(path);
  return loaded;
}

const lazyRows: string[][] = [];
/** Rows in loading order: terminal, its worker and the worker's X.509, then the planner. */
const ORDER = [
  '/mount.',
  'engine-worker',
  'x509',
  'Reflect',
  'schemas-data',
  'upgrade-planner',
  'render-plan',
];
const rank = (entry: string): number => {
  const index = ORDER.findIndex((part) => entry.includes(part));
  return index === -1 ? ORDER.length : index;
};
for (const entry of [...lazyEntries].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))) {
  if (entry.startsWith('/pagefind/')) continue;
  const before = loadedBefore(entry);
  const files = [...closure([entry])].filter((path) => !before.has(path));
  const size = total(files);
  lazyRows.push([label(entry), entry.replace(/^\/_astro\//, ''), kb(size.raw), kb(size.gzip)]);
}

// Pagefind's runtime: its module, its web worker and the English wasm plus the metadata file, all
// fetched on the first search; index chunks and result fragments come per query on top.
const pagefindDir = join(DIST, 'pagefind');
if (existsSync(pagefindDir)) {
  const names = readdirSync(pagefindDir).filter(
    (name) =>
      name === 'pagefind.js' ||
      name === 'pagefind-worker.js' ||
      name === 'wasm.en.pagefind' ||
      name.endsWith('.pf_meta'),
  );
  const size = total(names.map((name) => `/pagefind/${name}`));
  lazyRows.push([
    'search: pagefind runtime (on first search)',
    names.join(' + '),
    kb(size.raw),
    kb(size.gzip),
  ]);
}

console.log('\nLazily loaded chunks (bytes each adds: its static imports minus what is loaded)\n');
console.log(table(['what', 'file(s)', 'raw', 'gzip'], lazyRows));
console.log(
  `\n(read from ${dirname(join(DIST, 'index.html'))}/; pagefind's wasm is counted although it is not JS)`,
);
