/**
 * Merging a value into an existing one as crossplane-runtime `fieldpath.MergeValue` does with
 * mergo (used by P&T's `toFieldPath` policies, reference §3.5/§3.7).
 *
 * The runtime wraps both values in a one-key map and calls `mergo.Merge` with `WithOverride`
 * unless `keepMapValues` is set, and `WithAppendSlice` when `appendSlice` is set. Before
 * appending, top-level source array elements already present in the destination are dropped.
 * mergo's rules for `map[string]interface{}` are reproduced below, quirks included: without
 * override, "empty" destination values (null, "", 0, false, empty array or object) are still
 * replaced; nested arrays are replaced (or appended) and never merged element by element.
 */
import { deepCopy, deepEqual, goTypeName, isObject, ObjectValue, setKey, Value } from '../go/values';

/** How to merge (runtime `MergeOptions`); `undefined` passed to merge means replace. */
export interface MergeOptions {
  /**
   * Keep values already present in destination objects (merge without override).
   * @default false
   */
  readonly keepMapValues?: boolean;
  /**
   * Append source arrays to destination arrays instead of replacing them.
   * @default false
   */
  readonly appendSlice?: boolean;
}

/** The merge failed (mergo error), with the runtime's `failed to merge values: ` prefix. */
export class MergeError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'MergeError';
  }
}

interface Config {
  readonly overwrite: boolean;
  readonly append: boolean;
}

/** mergo's isEmptyValue on a JSON value (dereferencing interfaces). */
function isEmpty(v: Value | undefined): boolean {
  switch (typeof v) {
    case 'string':
      return v.length === 0;
    case 'number':
      return v === 0;
    case 'bigint':
      return v === 0n;
    case 'boolean':
      return !v;
    case 'undefined':
      return true;
    default:
      if (v === null) return true;
      if (Array.isArray(v)) return v.length === 0;
      return Object.keys(v).length === 0;
  }
}

/**
 * Merges `src` onto `dst` (runtime `merge`). A null `dst` or `src`, or no options, gives `src`.
 * `dst` may be modified; `src` is copied first so the result never aliases it.
 */
export function mergeValues(dst: Value, src: Value, options?: MergeOptions): Value {
  if (options === undefined || dst === null || src === null) return src;
  const cfg: Config = { overwrite: !options.keepMapValues, append: !!options.appendSlice };
  let s = deepCopy(src);
  if (cfg.append && Array.isArray(dst) && Array.isArray(s)) {
    const d = dst;
    s = s.filter((e) => !d.some((x) => deepEqual(e, x)));
  }
  const wrapper: ObjectValue = { arg: dst };
  try {
    mergeMap(wrapper, { arg: s }, cfg);
  } catch (e) {
    throw new MergeError(`failed to merge values: ${(e as Error).message}`);
  }
  return wrapper.arg;
}

function mergeMap(dst: ObjectValue, src: ObjectValue, cfg: Config): void {
  for (const key of Object.keys(src)) {
    const s = src[key];
    const has = Object.prototype.hasOwnProperty.call(dst, key);
    const d = has ? dst[key] : undefined;
    if (s === null) {
      if (cfg.overwrite) setKey(dst, key, null);
      continue;
    }
    if (isObject(s)) {
      if (isObject(d)) mergeMap(d, s, cfg);
    } else if (Array.isArray(s)) {
      let slice: Value = d === undefined || d === null ? [] : d;
      if ((cfg.overwrite || Object.keys(dst).length === 0) && !cfg.append) {
        slice = s;
      } else if (cfg.append) {
        if (!Array.isArray(slice)) {
          throw new Error(`cannot append two slices with different type ([]interface {}, ${goTypeName(slice)})`);
        }
        slice = slice.concat(s);
      }
      setKey(dst, key, slice);
    }
    if (has && !isEmpty(d)) {
      if (Array.isArray(s)) continue;
      if (isObject(s) && isObject(d)) continue;
    }
    if (cfg.overwrite || !has || isEmpty(d)) setKey(dst, key, s);
  }
}

/**
 * `mergo.Merge(&dst, src, mergo.WithOverride)` on JSON maps (dario.cat/mergo v1.0.2 `deepMerge`
 * on `map[string]any`), as go-templating merges a template's XR status and context and the render
 * CLI merges `--include-full-xr`: for every key of `src`, a nested object merges into a `dst`
 * object that is not empty; anything else (a list, a scalar, even an empty one, or null)
 * replaces the value. Keys only `dst` has stay. Modifies and returns `dst`.
 */
export function mergeOverride(dst: ObjectValue, src: ObjectValue): ObjectValue {
  for (const k of Object.keys(src)) {
    const s = src[k];
    const d = dst[k];
    if (isObject(s) && isObject(d) && Object.keys(d).length > 0) mergeOverride(d, s);
    else dst[k] = s;
  }
  return dst;
}
