/**
 * The `printf` builtin (`%s %d %i %u %x %X %o %c %b %q %f %e %g %%`, flags, width, precision,
 * `-v var`, the format reused for remaining arguments) and `echo -e` escapes, as bash 5.2 does.
 */
import type { Fds, Interpreter } from './exec.ts';
import { ansiC } from './word.ts';

/** `echo -e` escapes; `\c` stops output (and the newline). */
export function echoEscapes(text: string): { text: string; stop: boolean } {
  const c = text.indexOf('\\c');
  const body = c >= 0 ? text.slice(0, c) : text;
  return { text: ansiC(body.replace(/\\0([0-7]{1,3})/g, '\\$1')), stop: c >= 0 };
}

function shellQuote(v: string): string {
  if (v === '') return "''";
  return v.replace(/[^A-Za-z0-9_./:=@%^,+-]/g, '\\$&');
}

/** Runs `printf [-v var] FORMAT [ARGS…]`. */
export function formatPrintf(sh: Interpreter, argv: readonly string[], fds: Fds): number {
  let args = [...argv];
  let target: string | undefined;
  if (args[0] === '-v') {
    target = args[1];
    args = args.slice(2);
  }
  if (args[0] === '--') args = args.slice(1);
  const format = args[0];
  if (format === undefined) {
    fds.err.write('printf: usage: printf [-v var] format [arguments]\n');
    return 2;
  }
  let rest = args.slice(1);
  /** Widths are capped just past a line's output bound, so the line stops instead of hanging. */
  const MAX_PAD = 4 * 1024 * 1024 + 1;
  let out = '';
  let status = 0;
  const number = (v: string | undefined): number => {
    if (v === undefined || v === '') return 0;
    const ch = /^['"](.)/.exec(v);
    if (ch) return (ch[1] ?? '').charCodeAt(0);
    const n = /^\s*[-+]?(0x[0-9a-fA-F]+|0[0-7]*|[0-9]+)\s*$/.test(v) ? Number(v.trim()) : NaN;
    if (Number.isNaN(n)) {
      fds.err.write(`bash: printf: ${v}: invalid number\n`);
      status = 1;
      const lead = /^\s*[-+]?[0-9]+/.exec(v);
      return lead ? Number(lead[0]) : 0;
    }
    // Past int64 bash reports ERANGE and uses the nearest int64 (builtins/printf.def getintmax).
    if (Math.abs(n) > 9223372036854775807) {
      fds.err.write(`bash: printf: ${v}: Numerical result out of range\n`);
      status = 1;
      return n < 0 ? -9223372036854775808 : 9223372036854775807;
    }
    return n;
  };
  do {
    let used = 0;
    const next = (): string | undefined => {
      const v = rest[used];
      if (v !== undefined) used++;
      return v;
    };
    const re =
      /%([-+ #0]*)(\*|[0-9]+)?(?:\.(\*|[0-9]+))?([diouxXcsbqfeEgG%])|\\(?:[0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)|[^%\\]+|%/gs;
    for (const m of format.matchAll(re)) {
      const tok = m[0];
      if (tok.startsWith('\\')) {
        out += echoEscapes(tok).text;
        continue;
      }
      if (!m[4]) {
        out += tok;
        continue;
      }
      const conv = m[4];
      if (conv === '%') {
        out += '%';
        continue;
      }
      const flags = m[1] ?? '';
      // Field widths and precisions past a line's output bound stop the line there (session.ts).
      const width = Math.min(m[2] === '*' ? number(next()) : m[2] ? Number(m[2]) : 0, MAX_PAD);
      const rawPrec = m[3] === '*' ? number(next()) : m[3] !== undefined ? Number(m[3]) : undefined;
      const prec = rawPrec === undefined ? undefined : Math.min(rawPrec, MAX_PAD);
      const arg = next();
      let s: string;
      switch (conv) {
        case 's':
          s = arg ?? '';
          if (prec !== undefined) s = s.slice(0, prec);
          break;
        case 'b':
          s = echoEscapes(arg ?? '').text;
          break;
        case 'q':
          s = shellQuote(arg ?? '');
          break;
        case 'c':
          s = (arg ?? '').slice(0, 1) || '\0';
          break;
        case 'd':
        case 'i':
        case 'u': {
          const n = int64(number(arg));
          s = String(n < 0n ? -n : n);
          if (prec !== undefined) s = s.padStart(prec, '0');
          s = (n < 0n ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + s;
          break;
        }
        case 'x':
        case 'X':
        case 'o': {
          const n = int64(number(arg));
          s = BigInt.asUintN(64, n).toString(conv === 'o' ? 8 : 16);
          if (conv === 'X') s = s.toUpperCase();
          if (flags.includes('#') && n !== 0n)
            s = (conv === 'o' ? '0' : conv === 'x' ? '0x' : '0X') + s;
          break;
        }
        default: {
          const parsed = arg === undefined || arg === '' ? 0 : Number(arg);
          const n = Number.isNaN(parsed) ? 0 : parsed;
          if (Number.isNaN(parsed)) {
            fds.err.write(`bash: printf: ${arg ?? ''}: invalid number\n`);
            status = 1;
          }
          // JavaScript formats at most 100 digits; further digits of a double are zeros here.
          const p = prec ?? 6;
          const digits = Math.min(p, 100);
          const zeros = '0'.repeat(p - digits);
          s =
            conv === 'f'
              ? Number.isFinite(n)
                ? n.toFixed(digits) + zeros
                : String(n)
              : conv === 'e' || conv === 'E'
                ? n.toExponential(digits).replace(/e/, `${zeros}e`)
                : String(Number(n.toPrecision(Math.max(1, digits))));
          if (conv === 'E') s = s.toUpperCase();
          if (conv === 'e' || conv === 'E')
            s = s.replace(/e([+-])(\d)$/i, (_x, sign: string, d: string) => `${conv}${sign}0${d}`);
        }
      }
      if (s.length < width) {
        if (flags.includes('-')) s = s.padEnd(width);
        else if (flags.includes('0') && /[diouxXfeEgG]/.test(conv)) {
          const sign = /^[-+ ]/.test(s) ? (s[0] ?? '') : '';
          s = sign + s.slice(sign.length).padStart(width - sign.length, '0');
        } else s = s.padStart(width);
      }
      out += s;
    }
    rest = rest.slice(used);
    if (used === 0) break;
  } while (rest.length > 0);
  if (target !== undefined) sh.setScalar(target, out);
  else fds.out.write(out);
  return status;
}

/** A printf number as an int64: saturated at its ends (a double rounds 2^63 - 1 up to 2^63). */
function int64(n: number): bigint {
  if (n >= 2 ** 63) return 9223372036854775807n;
  if (n <= -(2 ** 63)) return -9223372036854775808n;
  return BigInt(Math.trunc(n));
}
