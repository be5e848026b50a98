/**
 * The conversions Sprig v3 leans on: spf13/cast's ToInt64 / ToFloat64 (errors ignored, so
 * anything unconvertible is 0), Sprig's `strval`, and Go's `%v`.
 */
import { float64ToInt64 } from '../convert';
import { BYTE_SLICES, fmtValue, GoError, GoFunc, isMap, MaybeTV, TV } from '../template';
import { parseInt64 } from '../template/literals';

function trimZeroDecimal(s: string): string {
  // cast's trimZeroDecimal: "10.00" -> "10", but "10.5" stays.
  const m = /^([^.]*)\.0+$/.exec(s);
  return m ? m[1] : s;
}

export function toInt64(v: MaybeTV): bigint {
  switch (typeof v) {
    case 'bigint':
      return v;
    case 'number':
      return float64ToInt64(v);
    case 'boolean':
      return v ? 1n : 0n;
    case 'string': {
      const r = parseInt64(trimZeroDecimal(v));
      return r ?? 0n;
    }
    default:
      return 0n;
  }
}

export function toFloat64(v: MaybeTV): number {
  switch (typeof v) {
    case 'number':
      return v;
    case 'bigint':
      return Number(v);
    case 'boolean':
      return v ? 1 : 0;
    case 'string': {
      const t = v.trim() === v ? v : '';
      if (/^[+-]?(inf|infinity)$/i.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
      if (/^nan$/i.test(t)) return NaN;
      if (!/^[+-]?(\d[\d_]*\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return 0;
      return Number(t.replace(/_/g, ''));
    }
    default:
      return 0;
  }
}

/** Sprig's strval: strings as they are, everything else as fmt's %v. */
export function strval(v: MaybeTV): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && BYTE_SLICES.has(v)) return Buffer.from(v.map((b) => Number(b))).toString('utf8');
  return fmtValue(v === undefined ? null : v);
}

/** Sprig's strslice (toStrings): a list becomes its non-nil elements as strings. */
export function strslice(v: MaybeTV): string[] {
  if (Array.isArray(v)) return v.filter((e) => e !== null).map(strval);
  if (v === undefined || v === null) return [];
  return [strval(v)];
}

/** reflect.TypeOf(x).Kind() as Sprig's list helpers print it in their errors. */
export function kindName(v: MaybeTV): string {
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'number':
      return 'float64';
    case 'bigint':
      return 'int64';
    case 'boolean':
      return 'bool';
    default:
      if (Array.isArray(v)) return 'slice';
      if (v instanceof GoFunc) return 'func';
      if (isMap(v)) return 'map';
      return 'invalid';
  }
}

/** reflect.TypeOf(nil).Kind() dereferences a nil Type: Go panics with this runtime error. */
export function nilTypePanic(): GoError {
  return new GoError('runtime error: invalid memory address or nil pointer dereference');
}

/** The elements of a slice argument, or Sprig's "Cannot <verb> on type <kind>" error. */
export function listOf(v: MaybeTV, message: (kind: string) => string): TV[] {
  if (v === undefined || v === null) throw nilTypePanic();
  if (Array.isArray(v)) return v;
  throw new GoError(message(kindName(v)));
}

/** reflect.DeepEqual over JSON-like values (int64 and float64 are different types). */
export function deepEqualTV(a: MaybeTV, b: MaybeTV): boolean {
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (typeof a !== typeof b) return false;
  if (a === null || b === null) return a === b;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqualTV(x, b[i]));
  }
  if (isMap(a)) {
    if (!isMap(b)) return false;
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqualTV(a[k], b[k]));
  }
  if (Array.isArray(b) || isMap(b)) return false;
  if (typeof a === 'number') return a === b;
  return a === b;
}

/** Go's `empty` test of Sprig (text/template's truth, negated; structs never empty). */
export function isEmpty(v: MaybeTV): boolean {
  if (v === undefined || v === null) return true;
  switch (typeof v) {
    case 'string':
      return v.length === 0;
    case 'boolean':
      return !v;
    case 'number':
      return v === 0;
    case 'bigint':
      return v === 0n;
    default:
      if (Array.isArray(v)) return v.length === 0;
      if (v instanceof GoFunc) return false;
      return Object.keys(v).length === 0;
  }
}
