/**
 * The functions a kubectl go-template can call: Go's text/template builtins (comparisons with
 * their kind rules, index, len, slice, not, print, printf, println, html, js, urlquery, call) and
 * kubectl's own `exists` and `base64decode`. `and` and `or` short-circuit in the executor.
 *
 * upstream: Go src/text/template/funcs.go (builtins, eq, lt, le, index, indexArg, length,
 * slice, HTMLEscape, JSEscape, evalArgs, errBadComparison…),
 * staging/src/k8s.io/cli-runtime/pkg/printers/template.go (exists, base64decode).
 */
import { fromBase64, fromUtf8, utf8 } from '../../src/pki/der.ts';
import { formatValue, sprint, sprintf, sprintln } from './go-fmt.ts';
import { GoInt, goType, isMap, isSlice, isTrue, type GoValue } from './values.ts';

/** The names a template may call. */
export const BUILTINS = [
  'and',
  'or',
  'not',
  'len',
  'index',
  'slice',
  'print',
  'printf',
  'println',
  'html',
  'js',
  'urlquery',
  'call',
  'eq',
  'ne',
  'lt',
  'le',
  'gt',
  'ge',
  'exists',
  'base64decode',
] as const;

/** One of {@link BUILTINS}. */
export type Builtin = (typeof BUILTINS)[number];

/**
 * Each function's parameters as Go declares them: a fixed count, or `[n]` for at least n then
 * variadic (evalCall checks the count before calling).
 */
export const ARITY: Readonly<Record<Builtin, number | readonly [number]>> = {
  and: [1],
  or: [1],
  not: 1,
  len: 1,
  index: [1],
  slice: [1],
  print: [0],
  printf: [1],
  println: [0],
  html: [0],
  js: [0],
  urlquery: [0],
  call: [1],
  eq: [1],
  ne: 2,
  lt: 2,
  le: 2,
  gt: 2,
  ge: 2,
  exists: [1],
  base64decode: 1,
};

/** A call's result, or its error (`argIndex`: the argument whose type was wrong). */
export type CallResult =
  | { readonly ok: true; readonly value: GoValue }
  | { readonly ok: false; readonly message: string; readonly argIndex?: number };

const ok = (value: GoValue): CallResult => ({ ok: true, value });
const err = (message: string): CallResult => ({ ok: false, message });

type Kind = 'bool' | 'int' | 'float' | 'string' | 'invalid';

function basicKind(v: GoValue): Kind {
  if (v instanceof GoInt) return 'int';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return 'invalid';
}

const raw = (v: GoValue): unknown => (v instanceof GoInt ? v.value : v);

function eq(args: readonly GoValue[]): CallResult {
  const [a, ...rest] = args;
  if (rest.length === 0) return err('missing argument for comparison');
  const k1 = basicKind(a);
  for (const b of rest) {
    const k2 = basicKind(b);
    if (k1 !== k2) {
      if (a !== undefined && a !== null && b !== undefined && b !== null)
        return err('incompatible types for comparison');
      continue;
    }
    if (k1 === 'invalid') {
      const nilA = a === undefined || a === null;
      const nilB = b === undefined || b === null;
      if (!nilA || !nilB) {
        if (nilA || nilB) continue;
        return err(`non-comparable type ${formatValue(b, 'v')}: ${goType(b)}`);
      }
      return ok(true);
    }
    if (raw(a) === raw(b)) return ok(true);
  }
  return ok(false);
}

function lt(a: GoValue, b: GoValue): CallResult {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 === 'invalid' || k2 === 'invalid') return err('invalid type for comparison');
  if (k1 !== k2) return err('incompatible types for comparison');
  if (k1 === 'bool') return err('invalid type for comparison');
  return ok((raw(a) as number | string) < (raw(b) as number | string));
}

function length(v: GoValue): CallResult {
  if (v === null || v === undefined) return err('len of nil pointer');
  if (typeof v === 'string') return ok(new GoInt(utf8(v).length));
  if (isSlice(v)) return ok(new GoInt(v.length));
  if (isMap(v)) return ok(new GoInt(Object.keys(v).length));
  return err(`len of type ${goType(v)}`);
}

function indexArg(i: GoValue, cap: number): number | string {
  if (i === undefined || i === null) return 'cannot index slice/array with nil';
  if (!(i instanceof GoInt)) return `cannot index slice/array with type ${goType(i)}`;
  if (i.value < 0 || i.value > cap) return `index out of range: ${i.value}`;
  return i.value;
}

function index(item: GoValue, indexes: readonly GoValue[]): CallResult {
  if (item === undefined || item === null) return err('index of untyped nil');
  let cur: GoValue = item;
  for (const i of indexes) {
    if (cur === null || cur === undefined) return err('index of nil pointer');
    if (typeof cur === 'string' || isSlice(cur)) {
      const bytes: Uint8Array | null = typeof cur === 'string' ? utf8(cur) : null;
      const len: number = bytes ? bytes.length : (cur as readonly GoValue[]).length;
      const x = indexArg(i, len);
      if (typeof x === 'string') return err(x);
      if (x === len) return err(`reflect: ${bytes ? 'string' : 'slice'} index out of range`);
      cur = bytes ? new GoInt(bytes[x] ?? 0) : ((cur as readonly GoValue[])[x] ?? null);
    } else if (isMap(cur)) {
      if (typeof i !== 'string')
        return err(
          i === undefined || i === null
            ? 'value is nil; should be of type string'
            : `value has type ${goType(i)}; should be string`,
        );
      cur = i in cur ? (cur[i] ?? null) : null;
    } else return err(`can't index item of type ${goType(cur)}`);
  }
  return ok(cur);
}

function slice(item: GoValue, indexes: readonly GoValue[]): CallResult {
  if (item === undefined || item === null) return err('slice of untyped nil');
  if (indexes.length > 3) return err(`too many slice indexes: ${indexes.length}`);
  if (typeof item !== 'string' && !isSlice(item))
    return err(`can't slice item of type ${goType(item)}`);
  if (typeof item === 'string' && indexes.length > 2) return err('cannot 3-index slice a string');
  const bytes = typeof item === 'string' ? utf8(item) : null;
  const len = bytes ? bytes.length : (item as readonly GoValue[]).length;
  const idx: number[] = [0, len];
  for (let k = 0; k < indexes.length; k++) {
    const x = indexArg(indexes[k], len);
    if (typeof x === 'string') return err(x);
    idx[k] = x;
  }
  const [i = 0, j = len] = idx;
  if (i > j) return err(`invalid slice index: ${i} > ${j}`);
  return ok(bytes ? fromUtf8(bytes.subarray(i, j)) : (item as readonly GoValue[]).slice(i, j));
}

function exists(item: GoValue, indexes: readonly GoValue[]): boolean {
  let cur: GoValue = item;
  for (const i of indexes) {
    if (cur === null || cur === undefined) return false;
    if (typeof cur === 'string' || isSlice(cur)) {
      if (!(i instanceof GoInt) || i.value < 0 || i.value >= cur.length) return false;
      cur = typeof cur === 'string' ? new GoInt(cur.charCodeAt(i.value)) : (cur[i.value] ?? null);
    } else if (isMap(cur)) {
      if (typeof i !== 'string' && i !== undefined && i !== null) return false;
      const key = typeof i === 'string' ? i : '';
      cur = key in cur ? (cur[key] ?? null) : null;
    } else return false;
  }
  return cur !== null && cur !== undefined;
}

/** The string the escaping functions escape: the one string argument, else Sprint of all. */
function evalArgs(args: readonly GoValue[]): string {
  return args.length === 1 && typeof args[0] === 'string' ? args[0] : sprint(args);
}

function htmlEscape(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/'/g, '&#39;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&#34;')
    .replace(/\0/g, '\uFFFD');
}

function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (ch === '"') out += '\\"';
    else if (ch === '<') out += '\\u003C';
    else if (ch === '>') out += '\\u003E';
    else if (ch === '&') out += '\\u0026';
    else if (ch === '=') out += '\\u003D';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20) out += `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}

/** url.QueryEscape. */
function queryEscape(s: string): string {
  return [...utf8(s)]
    .map((b) => {
      const c = String.fromCharCode(b);
      if (/[A-Za-z0-9\-_.~]/.test(c)) return c;
      if (c === ' ') return '+';
      return `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

function base64decode(v: GoValue): CallResult {
  if (v === undefined) return { ok: false, message: 'invalid value; expected string', argIndex: 0 };
  if (typeof v !== 'string')
    return {
      ok: false,
      message: `wrong type for value; expected string; got ${v === null ? 'interface {}' : goType(v)}`,
      argIndex: 0,
    };
  const clean = v.replace(/[\r\n]/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) {
    const bad = clean.search(/[^A-Za-z0-9+/=]|=[^=]/);
    const at = bad >= 0 ? bad : clean.length - (clean.length % 4);
    return err(`base64 decode failed: illegal base64 data at input byte ${at}`);
  }
  return ok(fromUtf8(fromBase64(clean)));
}

/** Calls builtin `name` with evaluated arguments (missing keys already nil). */
export function callBuiltin(name: Builtin, args: readonly GoValue[]): CallResult {
  const nilled = args.map((a) => (a === undefined ? null : a));
  const [a, b] = nilled;
  switch (name) {
    case 'and':
    case 'or':
      return ok(a ?? null);
    case 'not':
      return ok(!isTrue(a));
    case 'len':
      // A missing key reaches len as reflect's zero Value.
      if (args[0] === undefined) return err('reflect: call of reflect.Value.Type on zero Value');
      return length(a ?? null);
    case 'index':
      return index(a ?? null, nilled.slice(1));
    case 'slice':
      return slice(a ?? null, nilled.slice(1));
    case 'print':
      return ok(sprint(nilled));
    case 'println':
      return ok(sprintln(nilled));
    case 'printf':
      if (typeof a !== 'string')
        return {
          ok: false,
          message: `wrong type for value; expected string; got ${goType(a ?? null)}`,
          argIndex: 0,
        };
      return ok(sprintf(a, nilled.slice(1)));
    case 'html':
      return ok(htmlEscape(evalArgs(nilled)));
    case 'js':
      return ok(jsEscape(evalArgs(nilled)));
    case 'urlquery':
      return ok(queryEscape(evalArgs(nilled)));
    case 'call':
      return a === null || a === undefined
        ? err('call of nil')
        : err(`non-function of type ${goType(a)}`);
    case 'eq':
      return eq(nilled);
    case 'ne': {
      const r = eq(nilled);
      return r.ok ? ok(!r.value) : r;
    }
    case 'lt':
    case 'ge': {
      const r = lt(a ?? null, b ?? null);
      return r.ok && name === 'ge' ? ok(!r.value) : r;
    }
    case 'le':
    case 'gt': {
      const l = lt(a ?? null, b ?? null);
      if (!l.ok) return l;
      const e = l.value === true ? ok(true) : eq([a ?? null, b ?? null]);
      if (!e.ok) return e;
      return ok(name === 'le' ? e.value === true : e.value !== true);
    }
    case 'exists':
      return ok(exists(a ?? null, nilled.slice(1)));
    case 'base64decode':
      return base64decode(args[0]);
  }
}
