/**
 * Fresh copies of one value, made over and over: a P&T base template is copied for every render
 * of its Composition, and its patches then write to the copy.
 *
 * Copying key by key adds each property to a new object, which the JavaScript engine pays for
 * property by property, with a lookup for every key. An object literal written in code is
 * created from a template the engine keeps for that literal: one allocation and a copy. So after
 * a few copies made the first way (one render, or a test, never pays for more), the copier
 * writes the value as JavaScript source once and makes every later copy by evaluating it.
 */
import type { Value } from './values';

/** Copies made the ordinary way before the copier compiles the value. */
export const COPIES_BEFORE_COMPILING = 3;

/**
 * Values too large or too deep to compile are copied the ordinary way: their source would cost
 * more to compile and keep than it saves (their copies are dominated by their size anyway).
 */
const MAX_SOURCE_LENGTH = 64 * 1024;
const MAX_DEPTH = 64;

/** A source too large or too deep (see {@link MAX_SOURCE_LENGTH}). */
class TooLarge extends Error {}

/**
 * JavaScript source of an expression that evaluates to a fresh copy of `v`. Strings and keys
 * are written as JSON strings (valid JavaScript string literals, lone surrogates escaped);
 * numbers in their shortest round-tripping form (`-0` kept); int64s as BigInt literals; a key
 * `__proto__` as a computed key, which defines a property instead of setting the prototype.
 */
function sourceOf(v: Value, depth: number, budget: { left: number }): string {
  if (depth > MAX_DEPTH) throw new TooLarge();
  if (typeof v === 'object' && v !== null) {
    if (Array.isArray(v)) {
      const items: string[] = [];
      // A hole stays a hole (`[1,,3]`), as a copy made by Array.prototype.map keeps it.
      for (let i = 0; i < v.length; i++) items.push(i in v ? sourceOf(v[i], depth + 1, budget) : '');
      return `[${items.join(',')}${v.length > 0 && !(v.length - 1 in v) ? ',' : ''}]`;
    }
    const fields: string[] = [];
    for (const k of Object.keys(v)) {
      const key = k === '__proto__' ? '["__proto__"]' : JSON.stringify(k);
      fields.push(`${spend(key, budget)}:${sourceOf(v[k], depth + 1, budget)}`);
    }
    return `{${fields.join(',')}}`;
  }
  switch (typeof v) {
    case 'string':
      return spend(JSON.stringify(v), budget);
    case 'number':
      return Object.is(v, -0) ? '-0' : String(v);
    case 'bigint':
      return spend(`${v}n`, budget);
    case 'boolean':
      return v ? 'true' : 'false';
    default:
      return 'null';
  }
}

/** `text`, counted against the source's budget (keys and strings: the bulk of a source). */
function spend(text: string, budget: { left: number }): string {
  budget.left -= text.length + 2;
  if (budget.left < 0) throw new TooLarge();
  return text;
}

/** A function returning a fresh copy of `v` on every call, or undefined when `v` is too large to compile. */
export function compileCopy(v: Value): (() => Value) | undefined {
  let source: string;
  try {
    source = sourceOf(v, 0, { left: MAX_SOURCE_LENGTH });
  } catch (e) {
    if (e instanceof TooLarge) return undefined;
    throw e;
  }
  // The source holds nothing but literals built from the value above: no code of the caller's.
  return new Function(`"use strict"; return (${source});`) as () => Value;
}

/**
 * Copies of the value `make` returns (a fresh one on every call): by `make` for the first
 * {@link COPIES_BEFORE_COMPILING} copies, then by a function compiled from the last of them,
 * taken before the caller could change it.
 */
export class Copier {
  private made = 0;
  /** The compiled copy; null when the value is too large to compile. */
  private compiled: (() => Value) | null | undefined;

  public constructor(private readonly make: () => Value) {}

  /** A fresh copy, the caller's to change. */
  public copy(): Value {
    if (this.compiled) return this.compiled();
    const v = this.make();
    if (this.compiled === undefined && ++this.made >= COPIES_BEFORE_COMPILING) this.compiled = compileCopy(v) ?? null;
    return v;
  }
}
