/**
 * Sizes of protobuf encodings as Go's protobuf (google.golang.org/protobuf) marshals them, for
 * `google.protobuf.Struct` values (struct.proto: `Struct { map<string, Value> fields = 1 }`,
 * `Value { oneof kind: null_value = 1, number_value = 2, string_value = 3, bool_value = 4,
 * struct_value = 5, list_value = 6 }`, `ListValue { repeated Value values = 1 }`) and the
 * message framing around them. Nothing is encoded: sizes are added up from the wire format
 * rules (a field is a tag varint, then a varint, 8 bytes, or a length varint and that many
 * bytes; map entries are messages with the key as field 1 and the value as field 2, both
 * always written; a oneof member is written even when it holds its zero value).
 *
 * Strings can be counted three ways, so a caller can bound a size without paying for UTF-8:
 * `lower` counts UTF-16 code units (never more than the UTF-8 bytes), `upper` three bytes per
 * code unit (never fewer), `exact` the UTF-8 bytes Go writes (a lone surrogate as the three
 * bytes of U+FFFD, as Go's conversion to string does).
 */
import type { Value } from './values';

/** How string bytes are counted: a bound below, a bound above, or the UTF-8 length. */
export type StringCount = 'lower' | 'upper' | 'exact';

/** Bytes of a varint holding `n` (a non-negative integer below 2^53). */
export function varintSize(n: number): number {
  if (n < 0x80) return 1;
  if (n < 0x4000) return 2;
  if (n < 0x200000) return 3;
  if (n < 0x10000000) return 4;
  let size = 5;
  for (let rest = Math.floor(n / 0x800000000); rest > 0; rest = Math.floor(rest / 0x80)) size++;
  return size;
}

/** Bytes of a length-delimited field with a one-byte tag (field numbers 1-15): tag, length, content. */
export function delimitedSize(contentSize: number): number {
  return 1 + varintSize(contentSize) + contentSize;
}

/** Bytes of a string's content as `count` counts them. */
export function stringBytes(s: string, count: StringCount): number {
  if (count === 'lower') return s.length;
  if (count === 'upper') return s.length * 3;
  return Buffer.byteLength(s, 'utf8');
}

/** Bytes of a `google.protobuf.Value` message holding `v` (without its own tag and length). */
export function valueSize(v: Value, count: StringCount): number {
  if (count === 'upper') return valueUpper(v);
  switch (typeof v) {
    case 'string':
      return delimitedSize(stringBytes(v, count));
    case 'number':
    case 'bigint':
      // number_value: a double, a one-byte tag and eight bytes.
      return 9;
    case 'boolean':
      return 2;
    default:
      break;
  }
  if (v === null) return 2; // null_value: the enum's zero, written because it is a oneof member.
  if (Array.isArray(v)) return delimitedSize(listSize(v, count));
  return delimitedSize(structSize(v, count));
}

/** Bytes of a `google.protobuf.ListValue` holding `list`. */
export function listSize(list: readonly Value[], count: StringCount): number {
  let size = 0;
  for (let i = 0; i < list.length; i++) size += delimitedSize(valueSize(list[i] ?? null, count));
  return size;
}

/**
 * Bytes of a `google.protobuf.Struct` holding the object's fields. Fields whose value is
 * `undefined` are left out, as JSON leaves them out on the way to a Struct.
 */
export function structSize(o: { readonly [key: string]: Value | undefined }, count: StringCount): number {
  if (count === 'upper') return structUpper(o);
  let size = 0;
  for (const k in o) {
    const v = o[k];
    if (v === undefined) continue;
    size += delimitedSize(delimitedSize(stringBytes(k, count)) + delimitedSize(valueSize(v, count)));
  }
  return size;
}

// The `upper` count on its own, without the per-node choice of count: it runs on every message
// of every render, so it is kept small for the engine to inline.
function valueUpper(v: Value): number {
  if (typeof v === 'string') return upperDelimited(v.length * 3);
  if (typeof v === 'object' && v !== null) return upperDelimited(Array.isArray(v) ? listUpper(v) : structUpper(v));
  return typeof v === 'boolean' || v === null ? 2 : 9;
}

function listUpper(list: readonly Value[]): number {
  let size = 0;
  for (let i = 0; i < list.length; i++) size += upperDelimited(valueUpper(list[i] ?? null));
  return size;
}

function structUpper(o: { readonly [key: string]: Value | undefined }): number {
  let size = 0;
  for (const k in o) {
    const v = o[k];
    if (v === undefined) continue;
    size += upperDelimited(upperDelimited(k.length * 3) + upperDelimited(valueUpper(v)));
  }
  return size;
}

/**
 * The `upper` {@link structSize} of one of the engine's own objects, whose int64 (bigint) values
 * become float64 in place as they are counted: the object is then what a Struct carries, at the
 * same size (both travel as a double). One walk instead of a conversion and a measurement.
 */
export function structUpperToStruct(o: { [key: string]: Value }): number {
  let size = 0;
  for (const k in o) {
    const v = o[k];
    if (v === undefined) continue;
    if (typeof v === 'bigint') o[k] = Number(v);
    size += upperDelimited(upperDelimited(k.length * 3) + upperDelimited(valueUpperToStruct(v)));
  }
  return size;
}

function listUpperToStruct(list: Value[]): number {
  let size = 0;
  for (let i = 0; i < list.length; i++) {
    const v = list[i] ?? null;
    if (typeof v === 'bigint') list[i] = Number(v);
    size += upperDelimited(valueUpperToStruct(v));
  }
  return size;
}

/** {@link valueUpper} of a field or item, converting what is inside it (the caller replaces an int64 itself: both count 9). */
function valueUpperToStruct(v: Value): number {
  if (typeof v === 'object' && v !== null) return upperDelimited(Array.isArray(v) ? listUpperToStruct(v) : structUpperToStruct(v));
  return valueUpper(v);
}

/**
 * The `upper` size of a `google.protobuf.Value` holding `v` when `v` already is what a
 * Struct holds (plain objects and arrays of strings, booleans, null and numbers, with nothing
 * undefined, bigint or missing), else -1. One walk answers both questions for the caller's
 * objects that a render reads in place. The loops below test for strings, the commonest kind,
 * themselves before they call it.
 */
export function structFormValueUpper(v: unknown): number {
  if (typeof v === 'string') return upperDelimited(v.length * 3);
  if (typeof v === 'object') {
    if (v === null) return 2;
    const n = Array.isArray(v) ? structFormListUpper(v) : structFormFieldsUpper(v);
    return n < 0 ? -1 : upperDelimited(n);
  }
  if (typeof v === 'number') return 9;
  if (typeof v === 'boolean') return 2;
  return -1;
}

function structFormListUpper(list: readonly unknown[]): number {
  let size = 0;
  for (let i = 0; i < list.length; i++) {
    // A hole reads as undefined, which is not in Struct form.
    const n = structFormValueUpper(list[i]);
    if (n < 0) return -1;
    size += upperDelimited(n);
  }
  return size;
}

/** The `upper` size of the Struct holding a plain object's fields, or -1 (see {@link structFormValueUpper}). */
export function structFormFieldsUpper(o: object): number {
  if (Object.getPrototypeOf(o) !== Object.prototype) return -1;
  let size = 0;
  // for-in sees the own enumerable keys here (Object.prototype has none) and allocates nothing.
  for (const k in o) {
    const v = (o as Record<string, unknown>)[k];
    const n = typeof v === 'string' ? upperDelimited(v.length * 3) : structFormValueUpper(v);
    if (n < 0) return -1;
    size += upperDelimited(upperDelimited(k.length * 3) + upperDelimited(n));
  }
  return size;
}

/**
 * Whether `json` already is what `fromStruct` (values.ts) would return for it: plain objects and
 * arrays of strings, booleans, null and numbers, with nothing undefined, bigint or missing.
 * Such a value can be read as is instead of copied (as long as nothing writes to it).
 * The walk that checks it also measures it (see {@link structFormValueUpper}).
 */
export function isStructForm(json: unknown): boolean {
  return structFormValueUpper(json) >= 0;
}

/** {@link delimitedSize} with the common one- and two-byte lengths first. */
function upperDelimited(n: number): number {
  return n < 0x80 ? n + 2 : n < 0x4000 ? n + 3 : delimitedSize(n);
}
