/**
 * awk's C-style formatting: printf/sprintf conversions (%d %i %o %x %X %u %c %s %e %E %f %F %g
 * %G %%, flags `-+ #0`, width and precision, `*`), and number-to-string conversion (integers
 * as `%d`, others with CONVFMT/OFMT, `%.6g` by default).
 *
 * upstream: POSIX.1-2017 awk "Output Statements" and "Expressions in awk" (conversion of
 * numbers to strings); C99 7.19.6.1 fprintf.
 */

/** C's %e exponent: at least two digits, with its sign. */
function cExp(s: string): string {
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

/** %g: precision P significant digits, trailing zeros removed unless `#`. */
function gFormat(n: number, precision: number, alt: boolean, upper: boolean): string {
  const p = precision === 0 ? 1 : precision;
  if (n === 0) return alt ? (0).toFixed(p - 1) : '0';
  const exp = Math.floor(Math.log10(Math.abs(Number(n.toPrecision(p)))));
  let s: string;
  if (exp < -4 || exp >= p) {
    s = cExp(n.toExponential(p - 1));
    if (!alt) s = s.replace(/\.?0+e/, 'e');
  } else {
    s = n.toFixed(Math.max(0, p - 1 - exp));
    if (!alt && s.includes('.')) s = s.replace(/\.?0+$/, '');
  }
  return upper ? s.toUpperCase() : s;
}

/** A number as awk prints it: integral values as integers, others through `fmt`. */
export function numberText(n: number, fmt: string): string {
  if (Number.isNaN(n)) return n > 0 ? 'nan' : '-nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return String(n);
  return sprintf(fmt, [n], (v) => (typeof v === 'number' ? v : Number(v)), String);
}

/**
 * sprintf(fmt, args): each conversion takes the next argument, read as a number (`num`) or a
 * string (`str`); missing arguments are empty.
 */
export function sprintf(
  fmt: string,
  args: readonly unknown[],
  num: (v: unknown) => number,
  str: (v: unknown) => string,
): string {
  let out = '';
  let ai = 0;
  const nextArg = (): unknown => args[ai++];
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i] ?? '';
    if (c !== '%') {
      out += c;
      continue;
    }
    const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([a-zA-Z%])/.exec(fmt.slice(i));
    if (!m) {
      out += c;
      continue;
    }
    i += m[0].length - 1;
    const flags = m[1] ?? '';
    const conv = m[4] ?? '';
    if (conv === '%') {
      out += '%';
      continue;
    }
    let width = m[2] === '*' ? num(nextArg()) : m[2] === undefined ? 0 : Number(m[2]);
    let left = flags.includes('-');
    if (width < 0) {
      left = true;
      width = -width;
    }
    const precText = m[3];
    const precision =
      precText === '*' ? num(nextArg()) : precText === undefined ? -1 : Number(precText || '0');
    const arg = nextArg();
    let body: string;
    let numeric = true;
    switch (conv) {
      case 'd':
      case 'i':
      case 'u': {
        const n = Math.trunc(num(arg));
        body = String(Math.abs(n));
        if (precision >= 0) body = body.padStart(precision, '0');
        if (precision === 0 && n === 0) body = '';
        body = (n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + body;
        break;
      }
      case 'o':
      case 'x':
      case 'X': {
        const n = Math.trunc(num(arg));
        body = (n < 0 ? n + 2 ** 64 : n).toString(conv === 'o' ? 8 : 16);
        if (conv === 'X') body = body.toUpperCase();
        if (precision >= 0) body = body.padStart(precision, '0');
        if (flags.includes('#') && n !== 0)
          body = (conv === 'o' ? '0' : conv === 'x' ? '0x' : '0X') + body;
        break;
      }
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G': {
        const n = num(arg);
        const p = precision < 0 ? 6 : precision;
        const abs = Math.abs(n);
        if (!Number.isFinite(n)) body = Number.isNaN(n) ? 'nan' : 'inf';
        else if (conv === 'f' || conv === 'F') body = abs.toFixed(p);
        else if (conv === 'e' || conv === 'E') body = cExp(abs.toExponential(p));
        else body = gFormat(abs, p, flags.includes('#'), conv === 'G');
        if (conv === 'E') body = body.toUpperCase();
        body =
          (n < 0 || Object.is(n, -0)
            ? '-'
            : flags.includes('+')
              ? '+'
              : flags.includes(' ')
                ? ' '
                : '') + body;
        break;
      }
      case 'c': {
        numeric = false;
        body =
          typeof arg === 'number'
            ? String.fromCodePoint(Math.trunc(arg) & 0x1fffff)
            : str(arg).slice(0, 1);
        break;
      }
      case 's': {
        numeric = false;
        body = str(arg);
        if (precision >= 0) body = body.slice(0, precision);
        break;
      }
      default:
        numeric = false;
        body = m[0];
    }
    if (body.length < width) {
      if (left) body = body.padEnd(width, ' ');
      else if (numeric && flags.includes('0') && (precision < 0 || 'eEfFgG'.includes(conv))) {
        const sign = /^[-+ ]|^0[xX]/.exec(body)?.[0] ?? '';
        body = sign + body.slice(sign.length).padStart(width - sign.length, '0');
      } else body = body.padStart(width, ' ');
    }
    out += body;
  }
  return out;
}
