/**
 * JSON values with Go's number types.
 *
 * Crossplane functions see numbers as Go `float64` or `int64` depending on where a value came
 * from (reference §3.7): observed objects arrive through protobuf `Struct` (every number is
 * float64), base templates and anything written through a field path go through the Kubernetes
 * JSON decoder (integral numbers become int64). The difference is visible in output
 * (`%v` of float64 1000000 is `1e+06`), so the engine keeps it: a JS `number` is a Go float64
 * and a JS `bigint` is a Go int64.
 */

/** A JSON value with Go's number types: `number` is Go float64, `bigint` is Go int64. */
export type Value = null | boolean | string | number | bigint | Value[] | { [key: string]: Value };

/** A JSON object (Go `map[string]interface{}`). */
export type ObjectValue = { [key: string]: Value };

/** A Go value could not be encoded as JSON (NaN or an infinity), as encoding/json reports it. */
export class GoJsonError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'GoJsonError';
  }
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const TWO_63 = 9223372036854775808;

/**
 * Sets `o[k] = v` as an own property even for the key `__proto__` (which plain assignment
 * would turn into a prototype change).
 */
export function setKey(o: ObjectValue, k: string, v: Value): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

/**
 * An object whose for-in lists exactly the own enumerable keys of `o`, in Object.keys order:
 * `o` itself when it is a plain object (plain objects inherit no enumerable keys), else a plain
 * copy of its own fields (another prototype may carry enumerable keys of its own). Engine values
 * are plain, so walks over them use for-in, which reads V8's key cache of the object's shape
 * instead of making a key array per object as Object.keys does.
 */
export function plainFields<T>(o: { readonly [key: string]: T }): { readonly [key: string]: T } {
  return Object.getPrototypeOf(o) === Object.prototype ? o : Object.fromEntries(Object.entries(o));
}

/** Whether `v` is a JSON object (not an array, not null). */
export function isObject(v: Value | undefined): v is ObjectValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Go type name as fmt's %T / P&T messages print it: 'float64', 'int64', 'string', 'bool',
 * 'map[string]interface {}', '[]interface {}', and '<nil>' (callers needing 'null' map it).
 */
export function goTypeName(v: Value): string {
  switch (typeof v) {
    case 'number':
      return 'float64';
    case 'bigint':
      return 'int64';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    default:
      if (v === null || v === undefined) return '<nil>';
      return Array.isArray(v) ? '[]interface {}' : 'map[string]interface {}';
  }
}

/** Observed objects, context and environment arrive via protobuf Struct: every number float64. */
export function fromStruct(json: unknown): Value {
  if (json === null || json === undefined) return null;
  switch (typeof json) {
    case 'number':
      return json;
    case 'bigint':
      return Number(json);
    case 'string':
    case 'boolean':
      return json;
    case 'object': {
      if (Array.isArray(json)) return json.map((e) => fromStruct(e));
      const src = plainFields(json as Record<string, unknown>);
      const out: ObjectValue = {};
      for (const k in src) {
        const e = src[k];
        if (e !== undefined) setKey(out, k, fromStruct(e));
      }
      return out;
    }
    default:
      return null;
  }
}

/** The Kubernetes decoder's number rule: an integral value that fits int64 is int64. */
function k8sNumber(n: number): number | bigint {
  if (Number.isInteger(n) && n >= -TWO_63 && n < TWO_63) return BigInt(n);
  return n;
}

/**
 * Base templates / anything decoded by the Kubernetes JSON decoder: integral -> int64 (bigint),
 * others float64. Also what a JSON round trip (json.Marshal then k8s decode) produces.
 *
 * The input is already parsed, so a JSON text `2.0` (float64 in Go) cannot be told apart from
 * `2` (int64); both become int64 here.
 */
export function fromKubernetesJson(json: unknown): Value {
  if (json === null || json === undefined) return null;
  switch (typeof json) {
    case 'number':
      return k8sNumber(json);
    case 'bigint':
      return json >= INT64_MIN && json <= INT64_MAX ? json : Number(json);
    case 'string':
    case 'boolean':
      return json;
    case 'object': {
      if (Array.isArray(json)) return json.map((e) => fromKubernetesJson(e));
      const src = plainFields(json as Record<string, unknown>);
      const out: ObjectValue = {};
      for (const k in src) {
        const e = src[k];
        if (e !== undefined) setKey(out, k, fromKubernetesJson(e));
      }
      return out;
    }
    default:
      return null;
  }
}

/**
 * Go json.Marshal followed by the Kubernetes JSON decoder, as crossplane-runtime's SetValue does
 * (reference §3.7). Whole float64 values within int64 range become int64; NaN and infinities
 * throw {@link GoJsonError} like json.Marshal.
 */
export function jsonRoundTrip(v: Value): Value {
  switch (typeof v) {
    case 'number':
      if (!Number.isFinite(v)) throw unsupportedFloat(v);
      return k8sNumber(v);
    case 'object': {
      if (v === null) return null;
      if (Array.isArray(v)) return v.map((e) => jsonRoundTrip(e));
      const out: ObjectValue = {};
      for (const k of Object.keys(v)) setKey(out, k, jsonRoundTrip(v[k]));
      return out;
    }
    default:
      return v;
  }
}

function unsupportedFloat(f: number): GoJsonError {
  const text = Number.isNaN(f) ? 'NaN' : f > 0 ? '+Inf' : '-Inf';
  return new GoJsonError(`json: unsupported value: ${text}`);
}

/** Compares strings by their UTF-8 bytes, the order Go uses for sorted map keys. */
export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca === cb) continue;
    // UTF-16 code-unit order equals UTF-8 byte order except that surrogates (astral code
    // points) sort after U+E000..U+FFFF in UTF-8.
    if (ca >= 0xd800 && cb >= 0xd800) {
      const sa = ca < 0xe000 ? 1 : 0;
      const sb = cb < 0xe000 ? 1 : 0;
      if (sa !== sb) return sa - sb;
    }
    return ca - cb;
  }
  return a.length - b.length;
}

/** Sorted keys of a Go map. */
export function sortedKeys(o: ObjectValue): string[] {
  return Object.keys(o).sort(compareGoStrings);
}

/** Go encoding/json text of a float64. */
export function goJsonFloat(f: number): string {
  if (!Number.isFinite(f)) throw unsupportedFloat(f);
  if (Object.is(f, -0)) return '-0';
  // JS shortest formatting switches to exponent form at the same bounds as encoding/json
  // (abs < 1e-6 or abs >= 1e21) and prints the exponent the same way (1e+21, 1e-7).
  return String(f);
}

const HEX = '0123456789abcdef';

/** Go encoding/json text of a string (HTML-safe escaping, as json.Marshal does). */
export function goJsonString(s: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | undefined;
    if (c < 0x20 || c === 0x22 || c === 0x5c || c === 0x3c || c === 0x3e || c === 0x26) {
      switch (c) {
        case 0x22: esc = '\\"'; break;
        case 0x5c: esc = '\\\\'; break;
        case 0x0a: esc = '\\n'; break;
        case 0x0d: esc = '\\r'; break;
        case 0x09: esc = '\\t'; break;
        case 0x08: esc = '\\b'; break;
        case 0x0c: esc = '\\f'; break;
        default: esc = '\\u00' + HEX[c >> 4] + HEX[c & 0xf];
      }
    } else if (c === 0x2028 || c === 0x2029) {
      esc = c === 0x2028 ? '\\u2028' : '\\u2029';
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const next = s.charCodeAt(i + 1);
      if (c < 0xdc00 && next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      // A lone surrogate is invalid UTF-8 in Go, which writes the replacement character.
      esc = '\ufffd';
    }
    if (esc !== undefined) {
      out += s.slice(start, i) + esc;
      start = i + 1;
    }
  }
  return out + s.slice(start) + '"';
}

/** Go encoding/json text of a value (float64 formatting as Go: 1e+21, 1e-7, 0.1, 3). */
export function goJsonMarshal(v: Value): string {
  switch (typeof v) {
    case 'number':
      return goJsonFloat(v);
    case 'bigint':
      return v.toString();
    case 'string':
      return goJsonString(v);
    case 'boolean':
      return v ? 'true' : 'false';
    default: {
      if (v === null || v === undefined) return 'null';
      if (Array.isArray(v)) return '[' + v.map((e) => goJsonMarshal(e)).join(',') + ']';
      const parts: string[] = [];
      for (const k of sortedKeys(v)) parts.push(goJsonString(k) + ':' + goJsonMarshal(v[k]));
      return '{' + parts.join(',') + '}';
    }
  }
}

/** Plain JS for YAML/JSON output: bigint -> number when safe (else kept bigint). */
export function toPlain(v: Value): unknown {
  switch (typeof v) {
    case 'bigint':
      return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
    case 'object': {
      if (v === null) return null;
      if (Array.isArray(v)) return v.map((e) => toPlain(e));
      const out: ObjectValue = {};
      for (const k of Object.keys(v)) setKey(out, k, toPlain(v[k]) as Value);
      return out;
    }
    default:
      return v;
  }
}

/** A deep copy of `v` (numbers keep their Go type). */
export function deepCopy<T extends Value>(v: T): T {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) {
    const out: Value[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = deepCopy(v[i]);
    return out as T;
  }
  const src = plainFields(v as ObjectValue);
  const out: ObjectValue = {};
  for (const k in src) setKey(out, k, deepCopy(src[k]));
  return out as T;
}

/** Go reflect.DeepEqual on JSON values: int64 1 and float64 1 differ. */
export function deepEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b) return false;
  if (typeof a === 'number') return Number.isNaN(a) && Number.isNaN(b as number) ? false : a === b;
  if (typeof a !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const bo = b as ObjectValue;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(bo).length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(bo, k) || !deepEqual(a[k], bo[k])) return false;
  }
  return true;
}
