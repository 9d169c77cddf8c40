/**
 * Go's float64 formatting (strconv.FormatFloat with 'e', 'f', 'g' and 'x', as fmt uses it):
 * `%v` of a float64 is the shortest 'g', which switches to an exponent from 1e+06 on, so a
 * template printing a JSON number shows `2e+09` where JavaScript would show 2000000000.
 *
 * upstream: Go src/strconv/ftoa.go (formatDigits, fmtE, fmtF, %e exponent of at least two
 * digits), src/strconv/ftoa.go fmtX (hexadecimal mantissa, `p` exponent).
 */

/** Decimal digits and the decimal point position (value = 0.d1d2… × 10^dp). */
interface Digits {
  readonly digits: string;
  readonly dp: number;
}

/** Shortest round-trip digits, or `precision` significant digits rounded. */
function digitsOf(x: number, precision?: number): Digits {
  if (x === 0) return { digits: '0', dp: 1 };
  const text = precision === undefined ? x.toExponential() : x.toExponential(precision - 1);
  const [mantissa = '0', exp = '0'] = text.split('e');
  const digits = mantissa.replace('.', '').replace(/0+$/, '') || '0';
  return { digits, dp: Number(exp) + 1 };
}

function withSign(x: number, body: string): string {
  return (x < 0 || Object.is(x, -0) ? '-' : '') + body;
}

function special(x: number): string | null {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  return null;
}

function exponent(e: number): string {
  const abs = String(Math.abs(e)).padStart(2, '0');
  return `${e < 0 ? '-' : '+'}${abs}`;
}

/** %e: one digit, `precision` fraction digits (shortest when undefined), e±dd. */
export function formatE(x: number, precision?: number, upper = false): string {
  const s = special(x);
  if (s !== null) return s;
  const a = Math.abs(x);
  const d = digitsOf(a, precision === undefined ? undefined : precision + 1);
  const digits = precision === undefined ? d.digits : d.digits.padEnd(precision + 1, '0');
  const frac = digits.slice(1);
  const e = a === 0 ? 0 : d.dp - 1;
  return withSign(
    x,
    `${digits[0] ?? '0'}${frac ? `.${frac}` : ''}${upper ? 'E' : 'e'}${exponent(e)}`,
  );
}

/** %f: `precision` fraction digits. */
export function formatF(x: number, precision: number): string {
  const s = special(x);
  if (s !== null) return s;
  const a = Math.abs(x);
  if (a >= 1e21) {
    const intPart = BigInt(a).toString();
    return withSign(x, precision > 0 ? `${intPart}.${'0'.repeat(precision)}` : intPart);
  }
  return withSign(x, a.toFixed(Math.min(precision, 100)));
}

/** %g: shortest (or `precision` significant digits), %e from exponent < -4 or ≥ the precision. */
export function formatG(x: number, precision?: number, upper = false): string {
  const s = special(x);
  if (s !== null) return s;
  const a = Math.abs(x);
  const p = precision === undefined ? undefined : Math.max(precision, 1);
  const d = digitsOf(a, p);
  const nd = d.digits.length;
  let eprec = p ?? nd;
  if (p !== undefined && eprec > nd && nd >= d.dp) eprec = nd;
  if (p === undefined) eprec = 6;
  const exp = a === 0 ? 0 : d.dp - 1;
  if (exp < -4 || exp >= eprec) {
    const frac = d.digits.slice(1);
    return withSign(
      x,
      `${d.digits[0] ?? '0'}${frac ? `.${frac}` : ''}${upper ? 'E' : 'e'}${exponent(exp)}`,
    );
  }
  if (d.dp <= 0) return withSign(x, `0.${'0'.repeat(-d.dp)}${d.digits}`);
  const intPart = d.digits.slice(0, d.dp).padEnd(d.dp, '0');
  const frac = d.digits.slice(d.dp);
  return withSign(x, frac ? `${intPart}.${frac}` : intPart);
}

/** %x of a float64: 0x1.<hex mantissa without trailing zeros>p±dd. */
export function formatHexFloat(x: number, upper = false): string {
  const s = special(x);
  if (s !== null) return s;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  let exp = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let body: string;
  if (exp === 0 && mant === 0n) body = '0x0p+00';
  else {
    if (exp === 0) {
      // subnormal: normalise
      exp = 1;
      while ((mant & (1n << 52n)) === 0n) {
        mant <<= 1n;
        exp--;
      }
      mant &= (1n << 52n) - 1n;
    }
    const hex = mant.toString(16).padStart(13, '0').replace(/0+$/, '');
    body = `0x1${hex ? `.${hex}` : ''}p${exponent(exp - 1023)}`;
  }
  body = upper ? body.toUpperCase() : body;
  return withSign(x, body);
}
