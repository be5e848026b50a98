/** Field paths (P&T syntax) where two JSON values differ. */
import type { ObjectValue, Value } from '../engine/go/values';
import { deepEqual, isObject } from '../engine/go/values';

const SIMPLE_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function join(prefix: string, key: string): string {
  if (SIMPLE_KEY.test(key)) return prefix ? `${prefix}.${key}` : key;
  return `${prefix}[${key}]`;
}

/** Every path where `a` and `b` differ, depth first, in key order; arrays compare whole. */
export function changedPaths(a: Value | undefined, b: Value | undefined, prefix = '', out: string[] = []): string[] {
  if (a === undefined && b === undefined) return out;
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) changedPaths((a as ObjectValue)[k], (b as ObjectValue)[k], join(prefix, k), out);
    return out;
  }
  if (a === undefined || b === undefined || !deepEqual(a, b)) out.push(prefix);
  return out;
}
