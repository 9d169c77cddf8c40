/**
 * Kubernetes resource quantities (`250m`, `2`, `128Mi`, `1.5Gi`, `1e3`, `4010276Ki`) as numbers,
 * for the scheduler's resource fit and the printers' sums. Values are floats of the base unit
 * (cores, bytes); `milliValue` rounds up as Quantity.MilliValue does.
 *
 * upstream: staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go (the serialization
 * format: sign, digits, optional fraction, then a binary SI suffix, a decimal SI suffix or a
 * decimal exponent), suffix.go.
 */

const BINARY: Readonly<Record<string, number>> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const DECIMAL: Readonly<Record<string, number>> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

const FORMAT = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?\d+))?$/;

/** The quantity's value in base units, or null when `text` is not a quantity. */
export function parseQuantity(text: unknown): number | null {
  if (typeof text === 'number') return Number.isFinite(text) ? text : null;
  if (typeof text !== 'string') return null;
  const m = FORMAT.exec(text);
  if (!m) return null;
  const [, sign, digits, suffix, exponent] = m;
  const magnitude = Number(digits);
  const unit =
    exponent !== undefined
      ? 10 ** Number(exponent)
      : Object.hasOwn(BINARY, suffix ?? '')
        ? (BINARY[suffix ?? ''] ?? 1)
        : (DECIMAL[suffix ?? ''] ?? 1);
  return (sign === '-' ? -1 : 1) * magnitude * unit;
}

/** Quantity.MilliValue: thousandths, rounded up; 0 for an absent or malformed quantity. */
export function milliValue(text: unknown): number {
  const v = parseQuantity(text);
  return v === null ? 0 : Math.ceil(Math.round(v * 1e9) / 1e6);
}

/** Quantity.Value: whole base units, rounded up; 0 for an absent or malformed quantity. */
export function quantityValue(text: unknown): number {
  const v = parseQuantity(text);
  return v === null ? 0 : Math.ceil(Math.round(v * 1e3) / 1e3);
}

const DECIMAL_EXP: Readonly<Record<string, number>> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const EXP_SUFFIX = ['n', 'u', 'm', '', 'k', 'M', 'G', 'T', 'P', 'E'];
const BINARY_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

/** m × 10^e in DecimalSI: the exponent a multiple of 3 between n and E, rounding up below n. */
function decimalSI(neg: boolean, m: bigint, e: number): string {
  if (m === 0n) return '0';
  let mantissa = m;
  let exp = e;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exp++;
  }
  while (((exp % 3) + 3) % 3 !== 0) {
    mantissa *= 10n;
    exp--;
  }
  if (exp < -9) {
    const drop = 10n ** BigInt(-9 - exp);
    mantissa = (mantissa + drop - 1n) / drop;
    exp = -9;
  }
  if (exp > 18) {
    mantissa *= 10n ** BigInt(exp - 18);
    exp = 18;
  }
  return `${neg ? '-' : ''}${mantissa}${EXP_SUFFIX[(exp + 9) / 3] ?? ''}`;
}

/** m × 10^e in DecimalExponent form (`1e3`, `15e2`), the exponent a multiple of 3. */
function decimalExponent(neg: boolean, m: bigint, e: number): string {
  const si = decimalSI(neg, m, e);
  const suffix = /[a-zA-Z]$/.exec(si)?.[0] ?? '';
  const exp = suffix === '' ? 0 : (EXP_SUFFIX.indexOf(suffix) - 3) * 3;
  const digits = suffix === '' ? si : si.slice(0, -1);
  return exp === 0 ? digits : `${digits}e${exp}`;
}

/**
 * Quantity.String() after parsing: the canonical form the API server stores and kubectl sends
 * (`1.5` → `1500m`, `2000m` → `2`, `1024Mi` → `1Gi`, `1.5Gi` → `1536Mi`, `1000` → `1k`); the
 * text itself when it is not a quantity. Binary quantities below 1024 or with a fraction are
 * written in DecimalSI, as upstream does.
 */
export function canonicalQuantity(text: string): string {
  const m = FORMAT.exec(text);
  if (!m) return text;
  const [, sign, digits = '0', suffix, exponent] = m;
  const [whole = '', fraction = ''] = digits.split('.');
  let mantissa = BigInt(`${whole}${fraction}` || '0');
  let exp = -fraction.length;
  const neg = sign === '-' && mantissa !== 0n;
  if (exponent !== undefined) return decimalExponent(neg, mantissa, exp + Number(exponent));
  if (Object.hasOwn(DECIMAL_EXP, suffix ?? '')) exp += DECIMAL_EXP[suffix ?? ''] ?? 0;
  else {
    mantissa *= 1024n ** BigInt(BINARY_SUFFIX.indexOf(suffix ?? ''));
    let bytes: bigint | null = null;
    if (exp >= 0) bytes = mantissa * 10n ** BigInt(exp);
    else if (mantissa % 10n ** BigInt(-exp) === 0n) bytes = mantissa / 10n ** BigInt(-exp);
    if (bytes !== null && bytes >= 1024n) return binaryBytes(neg, bytes);
  }
  return decimalSI(neg, mantissa, exp);
}

/** A quantity's serialization format (Quantity.Format), from the suffix it was written with. */
export type QuantityFormat = 'BinarySI' | 'DecimalSI' | 'DecimalExponent';

/** The format `text` was written in: `Ki`…`Ei` binary, `e`/`E` exponent, otherwise decimal. */
export function quantityFormat(text: unknown): QuantityFormat {
  const m = typeof text === 'string' ? FORMAT.exec(text) : null;
  if (m?.[4] !== undefined) return 'DecimalExponent';
  return m?.[3]?.endsWith('i') ? 'BinarySI' : 'DecimalSI';
}

/**
 * Quantity.String() of `milli` thousandths of a unit (an integer) kept in `format`, as a sum of
 * quantities prints (Quantity.Add keeps the first addend's format): `350m`, `114Mi`, `1536Mi`.
 */
export function formatQuantity(milli: number, format: QuantityFormat): string {
  const neg = milli < 0;
  const m = BigInt(Math.round(Math.abs(milli)));
  if (format === 'DecimalExponent') return decimalExponent(neg, m, -3);
  if (format === 'BinarySI' && m % 1000n === 0n) return binaryBytes(neg, m / 1000n);
  return decimalSI(neg, m, -3);
}

/** A whole number of bytes in BinarySI: the largest exact power-of-1024 suffix from 1024 up. */
function binaryBytes(neg: boolean, bytes: bigint): string {
  if (bytes < 1024n) return decimalSI(neg, bytes, 0);
  let b = bytes;
  let power = 0;
  while (b % 1024n === 0n && power < 6) {
    b /= 1024n;
    power++;
  }
  return `${neg ? '-' : ''}${b}${BINARY_SUFFIX[power] ?? ''}`;
}
