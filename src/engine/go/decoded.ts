/**
 * Reading decoded function input and objects as Go code reads its structs: an absent field is
 * the zero value (`''`, an empty object), never an error. One copy for every reader in the
 * engine. Not part of the public API.
 * @internal
 */
import type { ObjectValue, Value } from './values';
import { isObject } from './values';

/** Whether a field is set (Go: a non-nil pointer). */
export function present(v: unknown): boolean {
  return v !== undefined && v !== null;
}

/** An object field, or an empty object when absent or not an object. */
export function obj(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** A string field of a decoded Go struct (absent -> ''). */
export function str(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

/** The value at a path of object keys, or undefined when any step is missing or not an object. */
export function valueAt(o: ObjectValue, ...path: string[]): Value | undefined {
  let cur: Value | undefined = o;
  for (const p of path) {
    if (!isObject(cur)) return undefined;
    cur = cur[p];
  }
  return cur;
}

/** `v` when it is a string, else `''` (a field read into a Go string). */
export function stringValue(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** The string at a path of object keys, or `''` when it is missing or not a string. */
export function stringAt(o: ObjectValue, ...path: string[]): string {
  return stringValue(valueAt(o, ...path));
}
