/** Go's numeric conversions where they differ from JavaScript's. */

const INT64_MIN = -(2n ** 63n);
const TWO_63 = 9223372036854775808;

/** Go int64(f) as amd64 does it: truncation, and the minimum int64 when out of range. */
export function float64ToInt64(f: number): bigint {
  if (Number.isNaN(f) || f >= TWO_63 || f < -TWO_63) return INT64_MIN;
  return BigInt(Math.trunc(f));
}
