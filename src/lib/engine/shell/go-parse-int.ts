/**
 * Go's strconv.ParseInt(s, 0, bits), what pflag's IntVar/Int32Var/Int64Var run on a flag's value:
 * an optional sign, then decimal, `0x` hex, `0o` or leading-`0` octal, or `0b` binary, with `_`
 * allowed between digits (base 0's underscoreOK: `1_000`, `0x_1f`). Its errors read
 * `strconv.ParseInt: parsing "<s>": invalid syntax` or `…: value out of range`.
 *
 * upstream: go/src/strconv/atoi.go (ParseInt, ParseUint, underscoreOK),
 * github.com/spf13/pflag int.go / int32.go / int64.go (Set).
 */

/** The integer, or Go's error text. */
export type GoInt = { readonly value: number } | { readonly error: string };

const DIGITS: Readonly<Record<string, RegExp>> = {
  '16': /^[0-9a-f]+$/i,
  '10': /^[0-9]+$/,
  '8': /^[0-7]+$/,
  '2': /^[01]+$/,
};

/** underscoreOK: each `_` follows a digit (or the base prefix) and is followed by a digit. */
function underscoreOk(body: string, prefixed: boolean): boolean {
  if (!body.includes('_')) return true;
  return (prefixed || !body.startsWith('_')) && !body.endsWith('_') && !body.includes('__');
}

/** strconv.ParseInt(s, 0, bits). */
export function goParseInt(s: string, bits: 32 | 64 = 64): GoInt {
  const syntax = { error: `strconv.ParseInt: parsing "${s}": invalid syntax` };
  const neg = s.startsWith('-');
  let rest = s.startsWith('-') || s.startsWith('+') ? s.slice(1) : s;
  if (rest === '') return syntax;
  let base = 10;
  let prefixed = false;
  const lower = rest.toLowerCase();
  if (lower.startsWith('0x') || lower.startsWith('0o') || lower.startsWith('0b')) {
    base = lower[1] === 'x' ? 16 : lower[1] === 'o' ? 8 : 2;
    rest = rest.slice(2);
    prefixed = true;
  } else if (rest.length > 1 && rest.startsWith('0')) {
    base = 8;
    rest = rest.slice(1);
    prefixed = true;
  }
  if (!underscoreOk(rest, prefixed)) return syntax;
  const digits = rest.replace(/_/g, '');
  if (!(DIGITS[String(base)] ?? DIGITS['10'])?.test(digits)) return syntax;
  const magnitude = [...digits.toLowerCase()].reduce(
    (v, d) => v * BigInt(base) + BigInt(parseInt(d, 16)),
    0n,
  );
  const limit = 1n << BigInt(bits - 1);
  if (neg ? magnitude > limit : magnitude >= limit)
    return { error: `strconv.ParseInt: parsing "${s}": value out of range` };
  return { value: Number(neg ? -magnitude : magnitude) };
}

/**
 * An integer flag's value as pflag parses it, or the error kubectl prints for it (after
 * `error: `): `invalid argument "<raw>" for "<flag>" flag: <ParseInt's error>` and the usage hint
 * kubectl's flag error function adds (`See '<command path> --help' for usage.`).
 */
export function intFlagValue(
  raw: string,
  flag: string,
  commandPath: string,
  bits: 32 | 64 = 64,
): GoInt {
  const r = goParseInt(raw, bits);
  return 'error' in r
    ? {
        error: `invalid argument "${raw}" for "${flag}" flag: ${r.error}\nSee '${commandPath} --help' for usage.`,
      }
    : r;
}
