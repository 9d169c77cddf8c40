/**
 * kubectl's generic printers: `-o json|yaml|name|jsonpath=…` over the objects of
 * kubectl-resources.ts, and the error for an output format no printer matches.
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/cmd/get/get.go (printGeneric: one object when a single
 * name was given, otherwise a v1 List), get_flags.go (AllowedFormats, ToPrinter),
 * staging/src/k8s.io/cli-runtime/pkg/genericclioptions/print_flags.go (NoCompatiblePrinterError,
 * sorted list), json_yaml_flags.go (yml alias, kyaml since v1.34), printers/json.go and yaml.go
 * (objects are Unstructured maps, so keys come out sorted), k8s.io/client-go/util/jsonpath.
 */
import { stringify } from 'yaml';
import { parseVersion } from '../../src/index.ts';
import type { Invocation } from '../types.ts';
import type { Connect } from './kubectl-node.ts';
import { resolveResource } from './kubectl-resources.ts';
import { str, bool, type ParsedFlags } from '../flags.ts';
import { findMachine } from '../../src/index.ts';

type Obj = Record<string, unknown>;

/** What `-o` asks for. */
export type OutputFormat =
  | { readonly kind: 'table' | 'wide' | 'json' | 'yaml' | 'name' }
  | { readonly kind: 'jsonpath'; readonly template: string }
  | { readonly kind: 'unsupported'; readonly format: string }
  | { readonly kind: 'error'; readonly message: string };

const TEMPLATE_FORMATS = [
  'go-template',
  'go-template-file',
  'template',
  'templatefile',
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
  'custom-columns',
  'custom-columns-file',
];

/** `kubectl get`'s allowed formats, sorted as NoCompatiblePrinterError prints them. */
export function allowedFormats(kubectlVersion: string): string[] {
  let minor = 99;
  try {
    minor = parseVersion(kubectlVersion).minor;
  } catch {
    // unknown client version: newest behaviour
  }
  return [
    'json',
    'yaml',
    ...(minor >= 34 ? ['kyaml'] : []),
    'name',
    ...TEMPLATE_FORMATS,
    'wide',
  ].sort();
}

/** Parses an `-o` value the way get_flags.go's ToPrinter tries each printer family. */
export function parseOutput(value: string | undefined, kubectlVersion: string): OutputFormat {
  const v = value ?? '';
  if (v === '') return { kind: 'table' };
  if (v === 'wide') return { kind: 'wide' };
  const lower = v.toLowerCase();
  if (lower === 'json' || lower === 'yaml' || lower === 'yml')
    return { kind: lower === 'json' ? 'json' : 'yaml' };
  if (v === 'name') return { kind: 'name' };
  const eq = v.indexOf('=');
  const family = eq >= 0 ? v.slice(0, eq) : v;
  if (family === 'jsonpath' && eq >= 0) return { kind: 'jsonpath', template: v.slice(eq + 1) };
  if (
    TEMPLATE_FORMATS.includes(family) ||
    (lower === 'kyaml' && allowedFormats(kubectlVersion).includes('kyaml'))
  )
    return { kind: 'unsupported', format: family };
  return {
    kind: 'error',
    message: `error: unable to match a printer suitable for the output format "${v}", allowed formats are: ${allowedFormats(kubectlVersion).join(',')}`,
  };
}

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

/** The object kubectl prints: the item itself when one name was asked for, otherwise a List. */
export function printedValue(objects: readonly Obj[], single: boolean): Obj {
  return single && objects.length === 1
    ? (objects[0] ?? {})
    : { apiVersion: 'v1', items: [...objects], kind: 'List', metadata: { resourceVersion: '' } };
}

/** JSON as printers.JSONPrinter writes it (4-space indent, sorted keys of Unstructured maps). */
export function renderJson(value: Obj): string {
  return JSON.stringify(sortDeep(value), null, 4);
}

/** YAML as printers.YAMLPrinter writes it (sorted keys, unindented sequences, quoted timestamps). */
export function renderYaml(value: Obj): string {
  return stringify(sortDeep(value), { indentSeq: false, lineWidth: 0 })
    .replace(/\n$/, '')
    .replace(/: (\d{4}-\d\d-\d\dT[\d:]+(?:\.\d+)?Z)$/gm, ': "$1"');
}

type Step = { readonly field: string } | { readonly index: number | '*' };

/** Parses one `{…}` expression: `.a.b`, `.items[*].x`, `.items[0].x`, `['dotted.key']`. */
function parsePath(expr: string): Step[] | null {
  const steps: Step[] = [];
  let i = 0;
  const s = expr.trim();
  while (i < s.length) {
    const ch = s[i];
    if (ch === '.') {
      const m = /^[A-Za-z0-9_-]*/.exec(s.slice(i + 1));
      const name = m?.[0] ?? '';
      if (name !== '') steps.push({ field: name });
      i += 1 + name.length;
    } else if (ch === '[') {
      const close = s.indexOf(']', i);
      if (close < 0) return null;
      const inner = s.slice(i + 1, close).trim();
      const quoted = /^'(.*)'$/.exec(inner) ?? /^"(.*)"$/.exec(inner);
      if (quoted) steps.push({ field: quoted[1] ?? '' });
      else if (inner === '*') steps.push({ index: '*' });
      else if (/^-?\d+$/.test(inner)) steps.push({ index: Number(inner) });
      else return null;
      i = close + 1;
    } else return null;
  }
  return steps;
}

function evaluate(root: unknown, steps: readonly Step[]): unknown[] {
  let current: unknown[] = [root];
  for (const step of steps) {
    const next: unknown[] = [];
    for (const v of current) {
      if ('field' in step) {
        if (v !== null && typeof v === 'object' && !Array.isArray(v) && step.field in (v as Obj))
          next.push((v as Obj)[step.field]);
      } else if (Array.isArray(v)) {
        const items = v as unknown[];
        if (step.index === '*') next.push(...items);
        else {
          const item = items[step.index < 0 ? items.length + step.index : step.index];
          if (item !== undefined) next.push(item);
        }
      }
    }
    current = next;
  }
  return current;
}

function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v !== null && typeof v === 'object') return JSON.stringify(sortDeep(v));
  return String(v);
}

/**
 * A minimal client-go jsonpath: literal text plus `{path}` actions; several results of one action
 * are joined by spaces; missing keys print nothing (kubectl get's --allow-missing-template-keys
 * defaults to true). No range/filters/functions.
 */
export function renderJsonpath(
  template: string,
  value: unknown,
): { ok: true; text: string } | { ok: false; message: string } {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      out += template.slice(i);
      break;
    }
    out += template.slice(i, open);
    const close = template.indexOf('}', open);
    if (close < 0)
      return { ok: false, message: `error: error parsing jsonpath ${template}, unclosed action` };
    const expr = template.slice(open + 1, close).trim();
    const literal = /^"((?:[^"\\]|\\.)*)"$/.exec(expr);
    if (literal) out += (literal[1] ?? '').replace(/\\n/g, '\n').replace(/\\t/g, '\t');
    else {
      const steps = parsePath(expr);
      if (steps === null)
        return {
          ok: false,
          message: `error: error parsing jsonpath ${template}, unrecognized character in action: ${expr}`,
        };
      out += evaluate(value, steps).map(text).join(' ');
    }
    i = close + 1;
  }
  return { ok: true, text: out };
}

function outputOf(inv: Invocation, p: ParsedFlags): OutputFormat {
  const version = findMachine(inv.ctx.state, inv.machine)?.packages.kubectl?.version ?? '';
  return parseOutput(str(p, 'output'), `v${version.replace(/-.*$/, '')}`);
}

/** True when `kubectl get KIND -o …` is a generic (non-table) print of a resource this module knows. */
export function handlesGeneric(inv: Invocation, p: ParsedFlags, kind: string): boolean {
  const format = outputOf(inv, p);
  return (
    format.kind !== 'table' &&
    format.kind !== 'wide' &&
    resolveResource(inv.ctx.state, kind) !== null
  );
}

/**
 * `kubectl get KIND [NAME…] -o json|yaml|name|jsonpath=…` for every resource kubectl-resources.ts
 * knows (see {@link handlesGeneric}).
 */
export async function getGeneric(
  inv: Invocation,
  p: ParsedFlags,
  kind: string,
  names: readonly string[],
  connect: Connect,
): Promise<number> {
  const format = outputOf(inv, p);
  if (!connect(inv, p)) return 1;
  const state = inv.ctx.state;
  const type = resolveResource(state, kind);
  if (type === null || format.kind === 'table' || format.kind === 'wide') {
    inv.io.err(`error: the server doesn't have a resource type "${kind}"`);
    return 1;
  }
  if (format.kind === 'error') {
    inv.io.err(format.message);
    return 1;
  }
  if (format.kind === 'unsupported') {
    inv.io.err(
      `kubectl: this simulator does not implement -o ${format.format} (it prints json, yaml, name, wide and jsonpath={…})`,
    );
    return 1;
  }
  const all = bool(p, 'all-namespaces');
  const namespace = type.namespaced && !all ? (str(p, 'namespace') ?? 'default') : null;
  const listed = type.list(state, namespace);
  const nameOf = (o: Obj): string => {
    const name = (o['metadata'] as Obj | undefined)?.['name'];
    return typeof name === 'string' ? name : '';
  };
  const found =
    names.length > 0
      ? names
          .map((n) => listed.find((o) => nameOf(o) === n))
          .filter((o): o is Obj => o !== undefined)
      : listed;
  const missing = names.filter((n) => !listed.some((o) => nameOf(o) === n));
  for (const n of missing)
    inv.io.err(`Error from server (NotFound): ${type.resource} "${n}" not found`);
  const code = missing.length > 0 ? 1 : 0;
  if (names.length === 1 && found.length === 0) return 1;
  if (format.kind === 'name') {
    for (const o of found) inv.io.out(`${type.namePrefix}/${nameOf(o)}`);
    return code;
  }
  const value = printedValue(found, names.length === 1);
  let output: string;
  if (format.kind === 'json') output = renderJson(value);
  else if (format.kind === 'yaml') output = renderYaml(value);
  else if (format.kind === 'jsonpath') {
    const r = renderJsonpath(format.template, value);
    if (!r.ok) {
      inv.io.err(r.message);
      return 1;
    }
    // kubectl prints jsonpath results without a trailing newline; the terminal line ends here.
    if (r.text === '') return code;
    output = r.text.replace(/\n$/, '');
  } else return code;
  inv.io.out(await inv.ctx.materialize(state, inv.machine, output));
  return code;
}
