/**
 * crossplane-runtime's `pkg/resource` name lists (`FirstNAndSomeMore`, `StableNAndSomeMore`),
 * which Crossplane uses for the XR's "Unready resources: ..." and "Unsynced resources: ..."
 * condition messages.
 */
import { compareGoStrings } from '../go/values';

/** How many names Crossplane lists before ", and N more" (`resource.DefaultFirstN`). */
export const DEFAULT_FIRST_N = 3;

/**
 * The first `n` names, then `, and <count> more`; exactly `n` names read `a, b, and c`.
 * `n <= 0` gives only the count. The names are taken in the given order.
 */
export function firstNAndSomeMore(n: number, names: readonly string[]): string {
  if (n <= 0) return String(names.length);
  if (names.length > n) return `${names.slice(0, n).join(', ')}, and ${names.length - n} more`;
  if (names.length === n) return `${names.slice(0, n - 1).join(', ')}, and ${names[n - 1]}`;
  return names.join(', ');
}

/** {@link firstNAndSomeMore} of the names sorted as Go's `sort.Strings` sorts them (bytewise). */
export function stableNAndSomeMore(n: number, names: readonly string[]): string {
  return firstNAndSomeMore(n, [...names].sort(compareGoStrings));
}
