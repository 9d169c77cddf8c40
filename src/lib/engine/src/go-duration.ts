/**
 * Go's time.ParseDuration, faithfully: the grammar (`[-+]` then number+unit pairs, fractions
 * allowed, units ns us µs μs ms s m h), the int64-nanosecond range (about 292 years) and the
 * error texts, which tools built on pflag (kubeadm's `--ttl`, `--token-ttl`) print after
 * `invalid argument "…" for "--ttl" flag: `.
 * upstream: golang/go src/time/format.go (ParseDuration, leadingInt, leadingFraction, quote).
 */

const UNITS: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n, // U+00B5 micro sign
  μs: 1_000n, // U+03BC Greek small letter mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

const MAX = 1n << 63n;

/** The result: nanoseconds (int64 range), or Go's error text. */
export type GoDurationResult =
  | { readonly ok: true; readonly ns: bigint; readonly ms: number }
  | { readonly ok: false; readonly error: string };

/** UTF-8 bytes of one code point (the lib is ES2022: no TextEncoder type). */
function utf8(cp: number): number[] {
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 63)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
}

/** Go's time.quote: `"…"`, with `"` and `\` escaped and non-ASCII or control bytes as `\xNN`. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0x80 || cp < 0x20)
      for (const b of utf8(cp)) out += `\\x${b.toString(16).padStart(2, '0')}`;
    else out += ch === '"' || ch === '\\' ? `\\${ch}` : ch;
  }
  return `${out}"`;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** Parses a Go duration string ("1h30m", "24h0m0s", "-1.5s", "0"). */
export function parseGoTimeDuration(text: string): GoDurationResult {
  const invalid = { ok: false, error: `time: invalid duration ${goQuote(text)}` } as const;
  let s = text;
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, ns: 0n, ms: 0 };
  if (s === '') return invalid;
  let d = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || isDigit(s[0]))) return invalid;
    let i = 0;
    let v = 0n;
    while (isDigit(s[i])) {
      if (v > MAX / 10n) return invalid; // leadingInt overflow
      v = v * 10n + BigInt(Number(s[i]));
      if (v > MAX) return invalid;
      i++;
    }
    const pre = i > 0;
    let frac = 0n;
    let scale = 1n;
    let post = false;
    if (s[i] === '.') {
      i++;
      const start = i;
      let overflow = false;
      while (isDigit(s[i])) {
        // leadingFraction stops accumulating (keeps reading digits) once it would overflow.
        if (!overflow && frac <= (MAX - 1n) / 10n) {
          frac = frac * 10n + BigInt(Number(s[i]));
          scale *= 10n;
        } else overflow = true;
        i++;
      }
      post = i > start;
    }
    if (!pre && !post) return invalid;
    s = s.slice(i);
    let u = 0;
    while (u < s.length && !(s[u] === '.' || isDigit(s[u]))) u++;
    if (u === 0) return { ok: false, error: `time: missing unit in duration ${goQuote(text)}` };
    const name = s.slice(0, u);
    s = s.slice(u);
    const unit = UNITS[name];
    if (unit === undefined)
      return {
        ok: false,
        error: `time: unknown unit ${goQuote(name)} in duration ${goQuote(text)}`,
      };
    if (v > MAX / unit) return invalid;
    v *= unit;
    if (frac > 0n) {
      // Go computes float64(f) * (float64(unit) / scale); integer arithmetic differs at most in
      // the last nanosecond, which no simulated clock shows.
      v += (frac * unit) / scale;
      if (v > MAX) return invalid;
    }
    d += v;
    if (d > MAX) return invalid;
  }
  if (!neg && d > MAX - 1n) return invalid;
  const ns = neg ? -d : d;
  return { ok: true, ns, ms: Number(ns / 1_000_000n) };
}
