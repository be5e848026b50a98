/**
 * shopspring/decimal as Sprig's float helpers use it (addf, subf, mulf, divf, add1f): each float
 * becomes the exact decimal of its shortest text, sums and products are exact, division rounds
 * half away from zero to 16 places (decimal.DivisionPrecision), and the result is read back as
 * float64. This is why `addf 0.1 0.2` is 0.3 in Go while JS gives 0.30000000000000004.
 */
import { GoError } from '../template';

interface Dec {
  readonly m: bigint; // value = m * 10^-s
  readonly s: number;
}

function fromFloat(f: number): Dec {
  if (!Number.isFinite(f)) return { m: 0n, s: 0 };
  const t = String(f);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(t);
  if (!m) return { m: 0n, s: 0 };
  const frac = m[3] ?? '';
  let mant = BigInt(m[2] + frac);
  let scale = frac.length - Number(m[4] ?? 0);
  if (scale < 0) {
    mant *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { m: m[1] === '-' ? -mant : mant, s: scale };
}

function align(a: Dec, b: Dec): [bigint, bigint, number] {
  const s = Math.max(a.s, b.s);
  return [a.m * 10n ** BigInt(s - a.s), b.m * 10n ** BigInt(s - b.s), s];
}

function toFloat(d: Dec): number {
  const neg = d.m < 0n;
  let digits = (neg ? -d.m : d.m).toString();
  if (d.s > 0) {
    digits = digits.padStart(d.s + 1, '0');
    digits = digits.slice(0, digits.length - d.s) + '.' + digits.slice(digits.length - d.s);
  }
  return Number((neg ? '-' : '') + digits);
}

const DIVISION_PRECISION = 16;

function div(a: Dec, b: Dec): Dec {
  if (b.m === 0n) throw new GoError('decimal division by 0');
  // a/b = (a.m / b.m) * 10^(b.s - a.s); compute with DIVISION_PRECISION places, round half away from zero.
  const shift = DIVISION_PRECISION + 1 + b.s - a.s;
  const num = shift >= 0 ? a.m * 10n ** BigInt(shift) : a.m / 10n ** BigInt(-shift);
  let q = num / b.m; // truncated, one extra digit
  const neg = q < 0n;
  if (neg) q = -q;
  const last = q % 10n;
  q = q / 10n + (last >= 5n ? 1n : 0n);
  return { m: neg ? -q : q, s: DIVISION_PRECISION };
}

export type DecimalOp = 'add' | 'sub' | 'mul' | 'div';

/** execDecimalOp(a, b, op) of Sprig's numeric.go. */
export function decimalOp(a: number, rest: readonly number[], op: DecimalOp): number {
  let acc = fromFloat(a);
  for (const x of rest) {
    const d = fromFloat(x);
    if (op === 'div') acc = div(acc, d);
    else if (op === 'mul') acc = { m: acc.m * d.m, s: acc.s + d.s };
    else {
      const [p, q, s] = align(acc, d);
      acc = { m: op === 'add' ? p + q : p - q, s };
    }
  }
  return toFloat(acc);
}
