/**
 * Plain scalars and mapping keys as Kubernetes reads YAML: sigs.k8s.io/yaml (v1.6.0, yaml.go)
 * decodes with go.yaml.in/yaml/v2 into interface{} and then makes every key a JSON string in
 * `convertToJSONableObject`:
 *
 * - go-yaml's `resolve` (resolve.go) types a plain scalar: YAML 1.1 booleans (`yes`, `on`,
 *   `True`) are bool, `~`/`null`/empty are nil, `.inf`/`.nan` float, and a scalar starting
 *   with a digit or sign is an int when `strconv.ParseInt(s, 0, 64)` reads it (underscores
 *   dropped, so `0x1f`, `0o17`, `0b101` and `0777` are ints), else a uint64 when
 *   `ParseUint` does, else a float when it looks like one (`1.5`, `1e+36`, and integers too
 *   large for int64). Timestamps and everything else stay strings.
 * - `convertToJSONableObject` then writes int keys in decimal, bool keys as `true`/`false`, and
 *   float keys with `strconv.FormatFloat(f, 'g', -1, 32)` (float32 precision: `1.2`, `1e+36`,
 *   `3.1415927`; infinities `.inf`/`-.inf`, NaN `.nan`). A nil or uint64 key fails:
 *   `unsupported map key of type: %s, key: %+#v, value: %+#v`.
 * - A mapping or sequence used as a key fails earlier, in go-yaml's decoder (decode.go,
 *   `d.mapping`): `yaml: invalid map key: %#v`.
 */
import { formatFloat, goQuote } from './strconv';
import { parseInt64, parseUint64 } from './template/literals';

/** A value as go-yaml v2 decodes it into interface{}. */
export type GoYamlValue =
  | { readonly t: 'string'; readonly v: string }
  | { readonly t: 'int'; readonly v: bigint }
  | { readonly t: 'uint64'; readonly v: bigint }
  | { readonly t: 'float'; readonly v: number }
  | { readonly t: 'bool'; readonly v: boolean }
  | { readonly t: 'nil' }
  | { readonly t: 'map'; readonly entries: ReadonlyArray<readonly [GoYamlValue, GoYamlValue]> }
  | { readonly t: 'slice'; readonly items: readonly GoYamlValue[] };

const BOOLS: Record<string, boolean> = {};
for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) BOOLS[s] = true;
for (const s of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) BOOLS[s] = false;
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const SPECIAL_FLOATS: Record<string, number> = {
  '.nan': NaN, '.NaN': NaN, '.NAN': NaN,
  '.inf': Infinity, '.Inf': Infinity, '.INF': Infinity, '+.inf': Infinity, '+.Inf': Infinity, '+.INF': Infinity,
  '-.inf': -Infinity, '-.Inf': -Infinity, '-.INF': -Infinity,
};
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** go-yaml v2's `resolve` of an untagged plain scalar, as decoded into interface{}. */
export function resolveGoYamlPlain(s: string): GoYamlValue {
  if (Object.prototype.hasOwnProperty.call(BOOLS, s)) return { t: 'bool', v: BOOLS[s] };
  if (NULLS.has(s)) return { t: 'nil' };
  if (Object.prototype.hasOwnProperty.call(SPECIAL_FLOATS, s)) return { t: 'float', v: SPECIAL_FLOATS[s] };
  const c = s[0];
  if (c === '.') {
    // strconv.ParseFloat: an error (syntax, or out of range) leaves the scalar a string.
    if (/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s) && Number.isFinite(Number(s))) return { t: 'float', v: Number(s) };
    return { t: 'string', v: s };
  }
  if (!(c === '+' || c === '-' || (c >= '0' && c <= '9'))) return { t: 'string', v: s };
  // go-yaml drops underscores, then tries strconv.ParseInt and ParseUint with base 0.
  const plain = s.replace(/_/g, '');
  const i = parseInt64(plain);
  if (i !== undefined) return { t: 'int', v: i };
  const u = parseUint64(plain);
  if (u !== undefined) return { t: 'uint64', v: u };
  if (YAML_STYLE_FLOAT.test(plain) && Number.isFinite(Number(plain))) return { t: 'float', v: Number(plain) };
  return { t: 'string', v: s };
}

/**
 * The value an untagged plain scalar has once Kubernetes has read it: {@link resolveGoYamlPlain}
 * as a JSON-like value, integers as bigint when `bigInts` (the int64 the Kubernetes JSON
 * decoder keeps), else as numbers. Not YAML 1.1's own rules: go-yaml has no base 60 (`1:20`
 * is a string), reads `0o17` as 15, and leaves a number it cannot hold (`1e400`) a string.
 */
export function goYamlPlainValue(s: string, bigInts: boolean): unknown {
  const c = s.charCodeAt(0);
  // Most scalars are words or small decimals: answer those without the full resolution.
  if (!(c === 43 || c === 45 || c === 46 || (c >= 48 && c <= 57))) {
    if (Object.prototype.hasOwnProperty.call(BOOLS, s)) return BOOLS[s];
    return NULLS.has(s) ? null : s;
  }
  if (/^-?(0|[1-9][0-9]{0,14})$/.test(s)) return bigInts ? BigInt(s) : Number(s);
  const v = resolveGoYamlPlain(s);
  switch (v.t) {
    case 'int':
    case 'uint64':
      return bigInts ? v.v : Number(v.v);
    case 'float':
    case 'bool':
    case 'string':
      return v.v;
    default:
      return null;
  }
}

/** The JSON key sigs.k8s.io/yaml makes of a scalar key, or the Go type it refuses. */
export function goJsonKey(key: GoYamlValue): { key: string } | { unsupported: string } {
  switch (key.t) {
    case 'string': return { key: key.v };
    case 'int': return { key: key.v.toString() };
    case 'bool': return { key: key.v ? 'true' : 'false' };
    case 'float': {
      const s = formatFloat(key.v, 'g', -1, 32);
      return { key: s === '+Inf' ? '.inf' : s === '-Inf' ? '-.inf' : s === 'NaN' ? '.nan' : s };
    }
    case 'nil': return { unsupported: '%!s(<nil>)' };
    case 'uint64': return { unsupported: 'uint64' };
    default: return { unsupported: key.t === 'map' ? 'map[interface {}]interface {}' : '[]interface {}' };
  }
}

const TYPE_ORDER: Record<GoYamlValue['t'], number> = { nil: 0, bool: 1, int: 2, uint64: 3, float: 4, string: 5, map: 6, slice: 7 };

function compareKeys(a: GoYamlValue, b: GoYamlValue): number {
  if (a.t !== b.t) return TYPE_ORDER[a.t] - TYPE_ORDER[b.t];
  if (a.t === 'string' || a.t === 'int' || a.t === 'uint64' || a.t === 'float' || a.t === 'bool') {
    const x = a.v;
    const y = (b as typeof a).v;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return 0;
}

/**
 * fmt's `%#v` of a decoded value, as go-yaml and sigs.k8s.io/yaml print keys and values in
 * their errors. Map entries are sorted as fmt sorts them; keys of different types (which fmt
 * orders by the address of their type) come nil, bool, int, float, string.
 */
export function goSharpV(v: GoYamlValue, inInterface = false, decoder: 'v2' | 'v3' = 'v2'): string {
  switch (v.t) {
    case 'string': return goQuote(v.v);
    case 'int': return v.v.toString();
    case 'uint64': return `0x${v.v.toString(16)}`;
    case 'float': return formatFloat(v.v, 'g', -1);
    case 'bool': return String(v.v);
    case 'nil': return inInterface ? 'interface {}(nil)' : '<nil>';
    case 'map': {
      const entries = [...v.entries].sort((a, b) => compareKeys(a[0], b[0]));
      // yaml.v3 decodes a mapping whose keys are all strings as map[string]interface {}.
      const stringKeys = decoder === 'v3' && entries.every(([k]) => k.t === 'string');
      const type = stringKeys ? 'map[string]interface {}' : 'map[interface {}]interface {}';
      return `${type}{${entries.map(([k, x]) => `${goSharpV(k, !stringKeys, decoder)}:${goSharpV(x, true, decoder)}`).join(', ')}}`;
    }
    case 'slice': return `[]interface {}{${v.items.map((x) => goSharpV(x, true, decoder)).join(', ')}}`;
  }
}
