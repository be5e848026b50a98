/**
 * The values a template sees, modelled on what Go's reflect shows for JSON-like data:
 * `undefined` is the invalid reflect.Value (a missing map key, printed `<no value>`), `null` is a
 * nil `interface{}` (a JSON null inside a map or list), `number` is float64, `bigint` is a signed
 * integer (Kubernetes' JSON decoder turns integral numbers into int64), arrays are
 * `[]interface{}`, plain objects `map[string]interface{}`, and `GoFunc` is a callable value.
 */
import { formatV, sprintf } from '../fmt';
import type { Value as GoValue } from '../values';

export type TV = null | boolean | string | number | bigint | TV[] | { [key: string]: TV } | GoFunc;

/** A value that may also be invalid (Go's zero reflect.Value). */
export type MaybeTV = TV | undefined;

/** Go parameter types the engine checks arguments against (reflect assignability). */
export type ParamType =
  | 'any' // interface{}
  | 'rv' // reflect.Value (builtins see the raw, possibly invalid value)
  | 'string'
  | 'int'
  | 'int64'
  | 'float64'
  | 'bool'
  | 'list' // []interface{}
  | 'map' // map[string]interface{}
  | 'strings'; // []string

/** A Go function value: its signature and an implementation over TVs. */
export class GoFunc {
  public constructor(
    public readonly params: readonly ParamType[],
    public readonly impl: (...args: MaybeTV[]) => MaybeTV,
    /** Type of the trailing `...T` parameter, when variadic. */
    public readonly variadic?: ParamType,
  ) {}
}

/** An error a Go function returns (or panics with); the engine wraps it as `error calling NAME: ...`. */
export class GoError extends Error {}

export function isMap(v: MaybeTV): v is { [key: string]: TV } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoFunc);
}

export const PARAM_TYPE_NAMES: Record<ParamType, string> = {
  any: 'interface {}',
  rv: 'reflect.Value',
  string: 'string',
  int: 'int',
  int64: 'int64',
  float64: 'float64',
  bool: 'bool',
  list: '[]interface {}',
  map: 'map[string]interface {}',
  strings: '[]string',
};

/** reflect's Type().String() for a value (null is a nil interface{}). */
export function typeName(v: MaybeTV): string {
  switch (typeof v) {
    case 'undefined':
      return '<invalid>';
    case 'boolean':
      return 'bool';
    case 'string':
      return 'string';
    case 'number':
      return 'float64';
    case 'bigint':
      return 'int64';
    default:
      if (v === null) return 'interface {}';
      if (Array.isArray(v)) return BYTE_SLICES.has(v) ? '[]uint8' : STRING_SLICES.has(v) ? '[]string' : '[]interface {}';
      if (v instanceof GoFunc) return 'func(...)';
      return GO_STRUCTS.get(v)?.typeName ?? 'map[string]interface {}';
  }
}

/** Replace invalid values and functions by what fmt would print for them. */
function toFmt(v: MaybeTV): GoValue {
  if (v === undefined) return null;
  if (v instanceof GoFunc) return '<func>';
  if (Array.isArray(v)) return v.map(toFmt);
  if (v !== null && typeof v === 'object') {
    const o: { [k: string]: GoValue } = {};
    for (const k of Object.keys(v)) o[k] = toFmt(v[k]);
    return o;
  }
  return v;
}

/** fmt.Sprint of one value. */
export function fmtValue(v: MaybeTV): string {
  if (v === undefined || v === null) return '<nil>';
  return formatV(toFmt(v));
}

/** fmt.Sprintf. */
export function fmtSprintf(format: string, args: readonly MaybeTV[]): string {
  return sprintf(format, ...args.map(toFmt));
}

/** fmt.Sprint: spaces between operands when neither side is a string. */
export function fmtSprint(args: readonly MaybeTV[]): string {
  let out = '';
  let prevString = false;
  args.forEach((a, i) => {
    const isString = typeof a === 'string';
    if (i > 0 && !isString && !prevString) out += ' ';
    out += fmtValue(a);
    prevString = isString;
  });
  return out;
}

/** fmt.Sprintln: always spaces, then a newline. */
export function fmtSprintln(args: readonly MaybeTV[]): string {
  return args.map(fmtValue).join(' ') + '\n';
}

/** text/template's isTrue (the value is already past indirectInterface). */
export function isTrue(v: MaybeTV): { truth: boolean; ok: boolean } {
  if (v === undefined || v === null) return { truth: false, ok: true };
  switch (typeof v) {
    case 'boolean':
      return { truth: v, ok: true };
    case 'string':
      return { truth: v.length > 0, ok: true };
    case 'number':
      return { truth: v !== 0, ok: true };
    case 'bigint':
      return { truth: v !== 0n, ok: true };
    default:
      if (Array.isArray(v)) return { truth: v.length > 0, ok: true };
      if (v instanceof GoFunc) return { truth: true, ok: true };
      return { truth: Object.keys(v).length > 0, ok: true };
  }
}

/** A nil interface is invalid once looked through (indirectInterface). */
export function indirectInterface(v: MaybeTV): MaybeTV {
  return v === null ? undefined : v;
}

/** Byte length of a string in UTF-8, as Go's len() counts it. */
export function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Lists that Go holds as []string (results of functions such as splitList), not []interface{}. */
export const STRING_SLICES = new WeakSet<TV[]>();

/** Lists that Go holds as []byte (getCredentialData's values): printed as numbers, converted by string(). */
export const BYTE_SLICES = new WeakSet<TV[]>();

/** A field of a Go struct that templates see as a map keyed by field name (`.Status`). */
export interface GoStructField {
  /** The Go field name: the map key templates use. */
  readonly name: string;
  /** encoding/json's name for it (the `json:"..."` tag). */
  readonly json: string;
  /** `omitempty` in the json tag: a zero value is left out of JSON. */
  readonly omitEmpty?: boolean;
  /**
   * A metav1.Time, held as its MarshalText form (RFC 3339): JSON writes the zero time as null
   * and other times to the second.
   */
  readonly time?: boolean;
}

/** A Go struct type, as functions that return structs describe their result. */
export interface GoStructType {
  /** reflect's type name, e.g. `v1.Condition`. */
  readonly typeName: string;
  /** The fields in declaration order (the order yaml.v3 writes them). */
  readonly fields: readonly GoStructField[];
}

/** Maps that Go holds as structs (what getResourceCondition returns), with their type. */
export const GO_STRUCTS = new WeakMap<object, GoStructType>();
