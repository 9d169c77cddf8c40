/**
 * kubectl's jsonpath printer: parses the template, executes it and prints the results the way
 * client-go's PrintResults does (scalars with fmt.Print, maps and slices as compact JSON with
 * sorted keys and Go's HTML escaping, several results of one action joined by spaces), or as
 * indented JSON for `-o jsonpath-as-json`. Errors carry kubectl's wording.
 *
 * upstream: staging/src/k8s.io/client-go/util/jsonpath/jsonpath.go (PrintResults, evalToText),
 * staging/src/k8s.io/cli-runtime/pkg/printers/jsonpath.go (PrintObj's execution error),
 * staging/src/k8s.io/cli-runtime/pkg/genericclioptions/jsonpath_flags.go (parse error).
 */
import { findResults, Float64 } from './execute.ts';
import { parseJsonpath } from './parse.ts';

type Obj = Record<string, unknown>;

function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v === null || typeof v !== 'object') return v;
  const o = v as Obj;
  return Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, sortDeep(o[k])]),
  );
}

/** encoding/json's Marshal: sorted map keys, `<`, `>`, `&` escaped for HTML. */
export function goJson(v: unknown, indent?: string): string {
  return JSON.stringify(sortDeep(v), null, indent)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** fmt.Print of a scalar (numbers from unstructured JSON are int64 or float64). */
function scalarText(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (v instanceof Float64) return scalarText(v.value);
  if (typeof v === 'number' && !Number.isInteger(v)) {
    const s = String(v);
    return /e/.test(s) ? s.replace(/e([+-])(\d)$/, 'e$10$2') : s;
  }
  if (typeof v === 'string') return v;
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

/** Go's %#v of an unstructured value (the debugging dump of a failed execution). */
function goSyntax(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSyntax).join(', ')}}`;
  if (typeof v === 'object') {
    const o = v as Obj;
    return `map[string]interface {}{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${goSyntax(o[k])}`)
      .join(', ')}}`;
  }
  if (typeof v === 'string') return JSON.stringify(v);
  return scalarText(v);
}

/** The outcome of printing: the text, or kubectl's error message (without `error: `). */
export type JsonpathOutput = { ok: true; text: string } | { ok: false; message: string };

/** Parses a template; the error is jsonpath_flags.go's "error parsing jsonpath T, REASON". */
export function checkJsonpath(template: string): string | null {
  try {
    parseJsonpath(template);
    return null;
  } catch (error) {
    return `error parsing jsonpath ${template}, ${(error as Error).message}`;
  }
}

/** Prints `value` through `template` (`asJson`: `-o jsonpath-as-json`). */
export function renderJsonpath(template: string, value: unknown, asJson = false): JsonpathOutput {
  let results: unknown[][];
  try {
    results = findResults(parseJsonpath(template), value);
  } catch (error) {
    const reason = (error as Error).message;
    const parseError = checkJsonpath(template);
    if (parseError !== null) return { ok: false, message: parseError };
    return {
      ok: false,
      message: `error executing jsonpath ${JSON.stringify(template)}: Error executing template: ${reason}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${template}\n\tobject given to jsonpath engine was:\n\t\t${goSyntax(value)}\n\n`,
    };
  }
  let out = '';
  for (const list of results) {
    const items = asJson ? [list] : list;
    out += items
      .map((r) =>
        asJson
          ? `${goJson(r, '    ')}\n`
          : r !== null && typeof r === 'object' && !(r instanceof Float64)
            ? goJson(r)
            : scalarText(r),
      )
      .join(' ');
  }
  return { ok: true, text: out };
}
