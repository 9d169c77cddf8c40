/**
 * `-o custom-columns=HEADER:.path,…`, `-o custom-columns-file=FILE` and `--sort-by=JSONPATH`: columns and sort keys are jsonpath
 * expressions over each object (a bare `.a.b` is wrapped in `{…}`); a column without results
 * prints `<none>`, several results are joined by commas with fmt.Sprint.
 *
 * upstream: staging/src/k8s.io/cli-runtime/pkg/printers/... kubectl/pkg/cmd/get/customcolumn.go
 * (NewCustomColumnsPrinterFromSpec, printOneObject), customcolumn_flags.go, sorter.go
 * (RelaxedJSONPathExpression, isLess), printers/tabwriter.go (minwidth 6, padding 3).
 */
import { findResults, Float64 } from '../jsonpath/execute.ts';
import { parseJsonpath } from '../jsonpath/parse.ts';
import type { ApiObject } from '../../src/index.ts';
import { tabwrite } from './kubectl-tabwriter.ts';
import type { ColumnsSource } from './kubectl-print.ts';

/** RelaxedJSONPathExpression: `.a.b`, `a.b` and `{.a.b}` all mean `{.a.b}`. */
export function relaxedJsonpath(path: string): string {
  const p = path.trim();
  if (p.startsWith('{') && p.endsWith('}')) return p;
  return `{${p.startsWith('.') ? '' : '.'}${p}}`;
}

/** Go's fmt.Sprint of an unstructured value. */
function sprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (v instanceof Float64) return String(v.value);
  if (Array.isArray(v)) return `[${v.map(sprint).join(' ')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `map[${Object.keys(o)
      .sort()
      .map((k) => `${k}:${sprint(o[k])}`)
      .join(' ')}]`;
  }
  return typeof v === 'string'
    ? v
    : typeof v === 'number' || typeof v === 'boolean'
      ? String(v)
      : '';
}

type Columns = Array<{ header: string; template: ReturnType<typeof parseJsonpath> }>;
type Failure = { ok: false; message: string };

function column(header: string, path: string): Columns[number] | Failure {
  try {
    return { header, template: parseJsonpath(relaxedJsonpath(path)) };
  } catch (error) {
    return { ok: false, message: `error: ${(error as Error).message}` };
  }
}

/** NewCustomColumnsPrinterFromSpec: `HEADER:path` pairs separated by commas. */
function columnsOfSpec(spec: string): Columns | Failure {
  if (spec === '')
    return {
      ok: false,
      message: 'error: custom-columns format specified but no custom columns given',
    };
  const columns: Columns = [];
  for (const part of spec.split(',')) {
    const colon = part.indexOf(':');
    if (colon < 0)
      return {
        ok: false,
        message: `error: unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`,
      };
    const c = column(part.slice(0, colon), part.slice(colon + 1));
    if ('ok' in c) return c;
    columns.push(c);
  }
  return columns;
}

const TEMPLATE_FORMAT =
  'Expected format is one line of space separated headers, one line of space separated column specs.';

/**
 * NewCustomColumnsPrinterFromTemplate: a file whose first line holds the headers and second line
 * the field specs, both separated by white space (bufio.ScanLines, then ScanWords).
 */
function columnsOfFile(path: string, content: string | null): Columns | Failure {
  if (content === null)
    return {
      ok: false,
      message: `error: error reading template ${path}, open ${path}: no such file or directory`,
    };
  const lines = content === '' ? [] : content.split('\n').map((l) => l.replace(/\r$/, ''));
  if (content.endsWith('\n')) lines.pop();
  const words = (l: string | undefined) => (l ?? '').split(/[ \t\n\v\f\r]+/).filter(Boolean);
  if (lines.length < 1)
    return {
      ok: false,
      message: `error: invalid template, missing header line. ${TEMPLATE_FORMAT}`,
    };
  if (lines.length < 2)
    return { ok: false, message: `error: invalid template, missing spec line. ${TEMPLATE_FORMAT}` };
  const headers = words(lines[0]);
  const specs = words(lines[1]);
  if (headers.length !== specs.length)
    return {
      ok: false,
      message: `error: number of headers (${headers.length}) and field specifications (${specs.length}) don't match`,
    };
  const columns: Columns = [];
  for (const [i, header] of headers.entries()) {
    const c = column(header, specs[i] ?? '');
    if ('ok' in c) return c;
    columns.push(c);
  }
  return columns;
}

/**
 * The printed table, or kubectl's error for a malformed spec or file. A file's columns always
 * print their headers (the template printer is built with NoHeaders false).
 */
export function renderCustomColumns(
  source: ColumnsSource,
  objects: readonly ApiObject[],
  noHeaders: boolean,
): { ok: true; text: string } | Failure {
  const columns =
    'spec' in source ? columnsOfSpec(source.spec) : columnsOfFile(source.path, source.content);
  if ('ok' in columns) return columns;
  const withHeaders = 'spec' in source ? !noHeaders : true;
  const rows = objects.map((o) =>
    columns.map((c) => {
      let values: unknown[][];
      try {
        values = findResults(c.template, o);
      } catch {
        values = [];
      }
      const flat = values.flat();
      return values.length === 0 || (values[0] ?? []).length === 0
        ? '<none>'
        : flat.map(sprint).join(',');
    }),
  );
  return { ok: true, text: tabwrite(withHeaders ? [columns.map((c) => c.header), ...rows] : rows) };
}

/**
 * Objects sorted by a jsonpath field (sorter.go: numbers numerically, strings lexically, stable);
 * the error when no object has the field.
 */
export function sortObjects(
  objects: readonly ApiObject[],
  field: string,
): { ok: true; objects: ApiObject[] } | { ok: false; message: string } {
  const expr = relaxedJsonpath(field);
  let template: ReturnType<typeof parseJsonpath>;
  try {
    template = parseJsonpath(expr);
  } catch (error) {
    return { ok: false, message: `error: ${(error as Error).message}` };
  }
  const keyed = objects.map((o) => {
    const r = findResults(template, o).flat();
    return { o, key: r[0] };
  });
  if (objects.length > 0 && keyed.every((k) => k.key === undefined))
    return {
      ok: false,
      message: `error: couldn't find any field with path "${expr}" in the list of objects`,
    };
  const rank = (v: unknown): number | string =>
    v instanceof Float64 ? v.value : typeof v === 'number' ? v : v === undefined ? '' : sprint(v);
  const sorted = [...keyed].sort((a, b) => {
    const x = rank(a.key);
    const y = rank(b.key);
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    const sx = String(x);
    const sy = String(y);
    return sx < sy ? -1 : sx > sy ? 1 : 0;
  });
  return { ok: true, objects: sorted.map((k) => k.o) };
}
