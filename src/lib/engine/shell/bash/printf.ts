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
      const width = m[2] === '*' ? number(next()) : m[2] ? Number(m[2]) : 0;
      const prec = m[3] === '*' ? number(next()) : m[3] !== undefined ? Number(m[3]) : undefined;
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
          const n = Math.trunc(number(arg));
          s = String(Math.abs(n));
          if (prec !== undefined) s = s.padStart(prec, '0');
          s = (n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + s;
          break;
        }
        case 'x':
        case 'X':
        case 'o': {
          const n = Math.trunc(number(arg));
          s = (n < 0 ? BigInt.asUintN(64, BigInt(n)) : BigInt(n)).toString(conv === 'o' ? 8 : 16);
          if (conv === 'X') s = s.toUpperCase();
          if (flags.includes('#') && n !== 0)
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
          const p = prec ?? 6;
          s =
            conv === 'f'
              ? n.toFixed(p)
              : conv === 'e' || conv === 'E'
                ? n.toExponential(p)
                : String(Number(n.toPrecision(p || 1)));
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
