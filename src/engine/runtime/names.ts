/**
 * crossplane-runtime's name lists for messages (pkg/resource/resource.go FirstNAndSomeMore,
 * StableNAndSomeMore): Crossplane's composite reconciler writes the XR's "Unready resources: ..."
 * and "Unsynced resources: ..." condition messages with them, listing DefaultFirstN (3) names.
 */

/** How many names Crossplane lists before "and N more" (resource.DefaultFirstN). */
export const DEFAULT_FIRST_N = 3;

/** Go's string order: by bytes of the UTF-8 encoding, which is code point order. */
function byCodePoint(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/**
 * The first `n` names, `a, b, and c` when there are exactly `n`, `a, b, c, and 2 more` when
 * there are more; the count alone when `n` is 0 or less.
 */
export function firstNAndSomeMore(n: number, names: readonly string[]): string {
  if (n <= 0) return String(names.length);
  if (names.length > n) return `${names.slice(0, n).join(', ')}, and ${names.length - n} more`;
  if (names.length === n) return `${names.slice(0, n - 1).join(', ')}, and ${names[n - 1]}`;
  return names.join(', ');
}

/** {@link firstNAndSomeMore} over the names sorted as Go's sort.Strings sorts them. */
export function stableNAndSomeMore(n: number, names: readonly string[]): string {
  return firstNAndSomeMore(n, [...names].sort(byCodePoint));
}
