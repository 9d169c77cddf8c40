/**
 * Go's fmt for template values: `%v` (what `{{.x}}` prints: `map[a:1 b:2]`, `[x y]`, `<nil>`),
 * Sprint, Sprintln and Sprintf with its verbs, flags, width and precision, and fmt's own
 * complaints (`%!d(string=x)`, `%!s(MISSING)`, `%!(EXTRA int=1)`).
 *
 * upstream: Go src/fmt/print.go (printArg, printValue, badVerb, doPrintf, doPrint, doPrintln),
 * src/fmt/format.go (padding, fmtInteger, fmtQ), src/strconv/quote.go (Quote).
 */
import { utf8 } from '../../src/pki/der.ts';
import { formatE, formatF, formatG, formatHexFloat } from './go-float.ts';
import { GoInt, goType, isMap, isSlice, sortedKeys, type GoValue } from './values.ts';

/** Parsed flags, width and precision of one verb. */
interface Spec {
  readonly minus: boolean;
  readonly plus: boolean;
  readonly sharp: boolean;
  readonly space: boolean;
  readonly zero: boolean;
  readonly width?: number;
  readonly precision?: number;
}

const PLAIN: Spec = { minus: false, plus: false, sharp: false, space: false, zero: false };

/** strconv.Quote: Go escapes, printable Unicode kept. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\v') out += '\\v';
    else if (ch === ' ' || !/[\p{C}\p{Z}]/u.test(ch)) out += ch;
    else if (c < 0x80) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c < 0x10000) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += `\\U${c.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

function pad(text: string, spec: Spec, numeric: boolean): string {
  const width = spec.width ?? 0;
  if (text.length >= width) return text;
  if (spec.minus) return text.padEnd(width, ' ');
  if (spec.zero) {
    const sign = numeric && /^[+\- ]/.test(text) ? (text[0] ?? '') : '';
    return sign + text.slice(sign.length).padStart(width - sign.length, '0');
  }
  return text.padStart(width, ' ');
}

function signed(text: string, negative: boolean, spec: Spec): string {
  if (negative) return `-${text}`;
  return spec.plus ? `+${text}` : spec.space ? ` ${text}` : text;
}

function badVerb(verb: string, v: GoValue): string {
  if (v === undefined || v === null) return `%!${verb}(<nil>)`;
  return `%!${verb}(${goType(v)}=${formatValue(v, 'v', PLAIN)})`;
}

function formatInt(n: number, verb: string, spec: Spec): string | null {
  const abs = Math.abs(n);
  const neg = n < 0;
  switch (verb) {
    case 'v':
    case 'd':
      return pad(signed(String(abs), neg, spec), spec, true);
    case 'b':
      return pad(signed(abs.toString(2), neg, spec), spec, true);
    case 'o':
      return pad(signed((spec.sharp ? '0' : '') + abs.toString(8), neg, spec), spec, true);
    case 'O':
      return pad(signed(`0o${abs.toString(8)}`, neg, spec), spec, true);
    case 'x':
    case 'X': {
      const h = verb === 'x' ? abs.toString(16) : abs.toString(16).toUpperCase();
      return pad(
        signed((spec.sharp ? (verb === 'x' ? '0x' : '0X') : '') + h, neg, spec),
        spec,
        true,
      );
    }
    case 'c':
      return pad(String.fromCodePoint(n), spec, false);
    case 'q':
      return pad(`'${String.fromCodePoint(n)}'`, spec, false);
    case 'U':
      return pad(`U+${abs.toString(16).toUpperCase().padStart(4, '0')}`, spec, false);
    default:
      return null;
  }
}

function formatFloat(x: number, verb: string, spec: Spec): string | null {
  let text: string;
  switch (verb) {
    case 'v':
    case 'g':
      text = formatG(x, spec.precision);
      break;
    case 'G':
      text = formatG(x, spec.precision, true);
      break;
    case 'e':
    case 'E':
      text = formatE(x, spec.precision ?? 6, verb === 'E');
      break;
    case 'f':
    case 'F':
      text = formatF(x, spec.precision ?? 6);
      break;
    case 'x':
    case 'X':
      text = formatHexFloat(x, verb === 'X');
      break;
    default:
      return null;
  }
  if (!text.startsWith('-') && /^\d/.test(text)) text = signed(text, false, spec);
  return pad(text, spec, true);
}

function formatString(s: string, verb: string, spec: Spec): string | null {
  const cut = spec.precision === undefined ? s : [...s].slice(0, spec.precision).join('');
  switch (verb) {
    case 'v':
    case 's':
      return pad(cut, spec, false);
    case 'q':
      return pad(goQuote(cut), spec, false);
    case 'x':
    case 'X': {
      const hex = [...utf8(cut)]
        .map((b) => b.toString(16).padStart(2, '0'))
        .join(spec.space ? ' ' : '');
      return pad(verb === 'X' ? hex.toUpperCase() : hex, spec, false);
    }
    default:
      return null;
  }
}

/** One value under one verb, as fmt's printValue does (maps sorted, elements by the same verb). */
export function formatValue(v: GoValue, verb: string, spec: Spec = PLAIN): string {
  if (verb === 'T') return pad(goType(v), spec, false);
  if (v === undefined || v === null)
    return verb === 'v' ? pad('<nil>', spec, false) : badVerb(verb, v);
  if (v instanceof GoInt) return formatInt(v.value, verb, spec) ?? badVerb(verb, v);
  if (typeof v === 'number') return formatFloat(v, verb, spec) ?? badVerb(verb, v);
  if (typeof v === 'string') return formatString(v, verb, spec) ?? badVerb(verb, v);
  if (typeof v === 'boolean')
    return verb === 'v' || verb === 't' ? pad(String(v), spec, false) : badVerb(verb, v);
  const elem = (x: GoValue): string => (x === null ? '<nil>' : formatValue(x, verb, spec));
  if (isSlice(v)) return `[${v.map(elem).join(' ')}]`;
  if (isMap(v))
    return `map[${sortedKeys(v)
      .map((k) => `${formatValue(k, verb, spec)}:${elem(v[k])}`)
      .join(' ')}]`;
  return badVerb(verb, v);
}

/** fmt.Sprint: operands by %v, a space between two operands when neither is a string. */
export function sprint(args: readonly GoValue[]): string {
  let out = '';
  args.forEach((a, i) => {
    const prev = args[i - 1];
    if (i > 0 && typeof a !== 'string' && typeof prev !== 'string') out += ' ';
    out += formatValue(a, 'v');
  });
  return out;
}

/** fmt.Sprintln: operands by %v, always separated by spaces, then a newline. */
export function sprintln(args: readonly GoValue[]): string {
  return `${args.map((a) => formatValue(a, 'v')).join(' ')}\n`;
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: readonly GoValue[]): string {
  let out = '';
  let argi = 0;
  let i = 0;
  while (i < format.length) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    i = pct + 1;
    const flags = { minus: false, plus: false, sharp: false, space: false, zero: false };
    for (; i < format.length; i++) {
      const f = format[i];
      if (f === '-') flags.minus = true;
      else if (f === '+') flags.plus = true;
      else if (f === '#') flags.sharp = true;
      else if (f === ' ') flags.space = true;
      else if (f === '0') flags.zero = !flags.minus;
      else break;
    }
    const num = (): number | undefined => {
      const m = /^\d+/.exec(format.slice(i));
      if (!m) return undefined;
      i += m[0].length;
      return Number(m[0]);
    };
    const width = num();
    let precision: number | undefined;
    if (format[i] === '.') {
      i++;
      precision = num() ?? 0;
    }
    const verb = [...format.slice(i)][0];
    if (verb === undefined) {
      out += '%!(NOVERB)';
      break;
    }
    i += verb.length;
    if (verb === '%') {
      out += '%';
      continue;
    }
    const spec: Spec = {
      ...flags,
      ...(width !== undefined ? { width } : {}),
      ...(precision !== undefined ? { precision } : {}),
    };
    if (argi >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    out += formatValue(args[argi++], verb, spec);
  }
  if (argi < args.length)
    out += `%!(EXTRA ${args
      .slice(argi)
      .map((a) => (a === null || a === undefined ? '<nil>' : `${goType(a)}=${formatValue(a, 'v')}`))
      .join(', ')})`;
  return out;
}
