/**
 * A deep copy of a JSON value (objects, arrays, strings, numbers, booleans, null).
 *
 * Not `structuredClone`: under jest's node environment its copies come from another realm, so
 * `toStrictEqual` on our output would fail in users' tests for a reason they cannot see.
 */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = cloneJson(v);
    return out as T;
  }
  return value;
}
