/**
 * Kubernetes `resource.ParseQuantity` followed by `AsApproximateFloat64`, as P&T's
 * `convert` transform with `format: quantity` uses them (reference §3.8). The float is computed
 * the way apimachinery does (`value * math.Pow10(scale)`), so `"1.5"` gives
 * 1.5000000000000002 exactly like Crossplane.
 */

/** The quantity text is malformed (apimachinery's error texts). */
export class QuantityError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'QuantityError';
  }
}

const ERR_FORMAT = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const ERR_NUMERIC = 'unable to parse numeric part of quantity';
const ERR_SUFFIX = "unable to parse quantity's suffix";

const DEC_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BIN_SUFFIX: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

const POW10TAB: number[] = [];
for (let i = 0; i < 32; i++) POW10TAB.push(Number(`1e${i}`));
const POW10POS32 = [1e0, 1e32, 1e64, 1e96, 1e128, 1e160, 1e192, 1e224, 1e256, 1e288];
const POW10NEG32 = [1e-0, 1e-32, 1e-64, 1e-96, 1e-128, 1e-160, 1e-192, 1e-224, 1e-256, 1e-288, 1e-320];

/** Go math.Pow10 (table based, so results match Go bit for bit). */
export function pow10(n: number): number {
  if (n >= 0 && n <= 308) return POW10POS32[Math.floor(n / 32)] * POW10TAB[n % 32];
  if (n >= -323 && n <= 0) return POW10NEG32[Math.floor(-n / 32)] / POW10TAB[-n % 32];
  return n > 0 ? Infinity : 0;
}

const INT64_MAX = 2n ** 63n - 1n;
const DIGIT = /[0-9]/;

interface Parsed {
  positive: boolean;
  value: string;
  num: string;
  denom: string;
  suffix: string;
}

function parseQuantityString(str: string): Parsed {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (str[0] === '-') {
    positive = false;
    pos++;
  } else if (str[0] === '+') {
    pos++;
  }
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' };
  let i = pos;
  while (i < end && DIGIT.test(str[i])) i++;
  let num = str.slice(pos, i);
  if (i >= end) return { positive, value: str, num, denom: '', suffix: '' };
  pos = i;
  if (num.length === 0) num = '0';
  let denom = '';
  if (str[pos] === '.') {
    pos++;
    i = pos;
    while (i < end && DIGIT.test(str[i])) i++;
    denom = str.slice(pos, i);
    if (i >= end) return { positive, value: str, num, denom, suffix: '' };
    pos = i;
  }
  const value = str.slice(0, pos);
  const suffixStart = pos;
  i = pos;
  while (i < end && 'eEinumkKMGTP'.includes(str[i])) i++;
  if (i >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart) };
  pos = i;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  i = pos;
  while (i < end && DIGIT.test(str[i])) i++;
  if (i >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart) };
  throw new QuantityError(ERR_FORMAT);
}

function interpretSuffix(s: string): { base: number; exponent: number; format: 'DecimalSI' | 'BinarySI' | 'DecimalExponent' } {
  if (s in DEC_SUFFIX) return { base: 10, exponent: DEC_SUFFIX[s], format: 'DecimalSI' };
  if (s in BIN_SUFFIX) return { base: 2, exponent: BIN_SUFFIX[s], format: 'BinarySI' };
  if (s.length > 1 && (s[0] === 'E' || s[0] === 'e') && /^[+-]?[0-9]+$/.test(s.slice(1))) {
    const parsed = BigInt(s.slice(1));
    if (parsed <= INT64_MAX && parsed >= -INT64_MAX - 1n) {
      return { base: 10, exponent: Number(BigInt.asIntN(32, parsed)), format: 'DecimalExponent' };
    }
  }
  throw new QuantityError(ERR_SUFFIX);
}

/** Parses a Kubernetes quantity and returns its approximate float64 value. */
export function quantityToFloat64(str: string): number {
  if (str.length === 0) throw new QuantityError(ERR_FORMAT);
  if (str === '0') return 0;
  const p = parseQuantityString(str);
  const { base, exponent, format } = interpretSuffix(p.suffix);
  let precision = 0;
  let scale = 0;
  let mantissa = 1n;
  if (format === 'DecimalExponent' || format === 'DecimalSI') {
    scale = exponent;
    precision = 18 - (p.num.length + p.denom.length);
  } else if (exponent >= 0 && p.denom.length === 0) {
    mantissa = 1n << BigInt(exponent);
    precision = 15 - p.num.length - Math.trunc(Math.fround(Math.fround(exponent * 3) / 10)) - 1;
  } else {
    precision = -1;
  }
  if (precision >= 0) {
    scale -= p.denom.length;
    if (scale >= -9) {
      const shifted = p.num + p.denom;
      if (!/^[0-9]+$/.test(shifted) || BigInt(shifted) > INT64_MAX) throw new QuantityError(ERR_NUMERIC);
      const result = BigInt(shifted) * mantissa;
      if (result <= INT64_MAX) {
        const signed = p.positive ? result : -result;
        return scale === 0 ? Number(signed) : Number(signed) * pow10(scale);
      }
    }
  }
  // Arbitrary precision path (inf.Dec): unscaled integer and decimal scale.
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?$/.exec(p.value);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new QuantityError(ERR_NUMERIC);
  let unscaled = BigInt((m[2] || '0') + (m[3] ?? ''));
  let decScale = (m[3] ?? '').length;
  if (base === 10) decScale -= exponent;
  else unscaled *= 1n << BigInt(exponent);
  // inf.Dec Round(x, 9, RoundUp): a non-zero value always ends up with exactly nine decimal
  // places, rounding its magnitude up when it had more.
  if (unscaled !== 0n) {
    if (decScale > 9) {
      const div = 10n ** BigInt(decScale - 9);
      const q = unscaled / div;
      unscaled = q * div === unscaled ? q : q + 1n;
    } else if (decScale < 9) {
      unscaled *= 10n ** BigInt(9 - decScale);
    }
    decScale = 9;
  }
  // BinarySI values are capped at the largest int64 (which then has scale 0).
  if (format === 'BinarySI' && unscaled > INT64_MAX * 10n ** BigInt(decScale)) {
    unscaled = INT64_MAX;
    decScale = 0;
  }
  const signed = m[1] === '-' ? -unscaled : unscaled;
  const baseF = Number(signed);
  const exp = -decScale;
  return exp === 0 ? baseF : baseF * pow10(exp);
}
