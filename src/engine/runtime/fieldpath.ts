/**
 * Field paths exactly as crossplane-runtime `pkg/fieldpath` reads and writes them (reference
 * §3.7): the `Parse` lexer with its error positions, `Paved` GetValue / SetValue / MergeValue /
 * ExpandWildcards and their error texts. P&T tells "not found" errors (a missing source, treated
 * by its policies) from every other error (fatal), so the two are separate classes here.
 */
import { wrap, WrappedError } from '../go/errors';
import { goQuote } from '../go/strconv';
import { isObject, type ObjectValue, setKey, sortedKeys, type Value } from '../go/values';
import { mergeValues, type MergeOptions } from './merge';

export type { MergeOptions } from './merge';

/** One step of a field path: an object field or an array index. */
export type Segment =
  | { readonly type: 'field'; readonly field: string }
  | { readonly type: 'index'; readonly index: number };

/** A field path could not be parsed, or a value on the way has the wrong type (fatal in P&T). */
export class FieldPathError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'FieldPathError';
  }
}

/** A field or array element does not exist (crossplane-runtime `IsNotFound` errors). */
export class NotFoundError extends Error {
  public constructor(message: string) {
    // A missing optional field is ordinary control flow (every unset XR parameter of every
    // patch), not a bug to trace: capturing a stack made it the render's hottest spot.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.name = 'NotFoundError';
  }
}

/** Whether `err` says that a field path was not found (and is not a fatal error). */
export function isNotFound(err: unknown): boolean {
  return err instanceof NotFoundError;
}

/** Whether `err` or any error it wraps is a "not found" error (Go's `errors.As` through wraps). */
export function isNotFoundDeep(err: unknown): boolean {
  let e: unknown = err;
  for (let i = 0; i < 32 && e !== undefined; i++) {
    if (isNotFound(e)) return true;
    e = e instanceof WrappedError ? e.cause : undefined;
  }
  return false;
}

/** The default and largest index SetValue accepts (crossplane-runtime DefaultMaxFieldPathIndex). */
export const DEFAULT_MAX_FIELD_PATH_INDEX = 1024;

const MAX_UINT32 = 4294967295;
const WILDCARD = '*';

/** A field segment, with surrounding quotes removed as the runtime does. */
export function fieldSegment(s: string): Segment {
  return { type: 'field', field: trimQuotes(s) };
}

/** A bracket segment: an index when `s` is an unsigned 32-bit decimal, else a field. */
export function fieldOrIndexSegment(s: string): Segment {
  if (s.length > 0 && s.length <= 10 && /^[0-9]+$/.test(s)) {
    const n = Number(s);
    if (n <= MAX_UINT32) return { type: 'index', index: n };
  }
  return fieldSegment(s);
}

function trimQuotes(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && (s[a] === "'" || s[a] === '"')) a++;
  while (b > a && (s[b - 1] === "'" || s[b - 1] === '"')) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** The runtime's text for segments: `spec.containers[0].name`, `data[.config.yml]`. */
export function formatFieldPath(segments: readonly Segment[]): string {
  let out = '';
  for (const s of segments) {
    if (s.type === 'index') {
      out += `[${s.index}]`;
    } else if (s.field === WILDCARD || s.field.includes('.')) {
      out += `[${s.field}]`;
    } else {
      out += '.' + s.field;
    }
  }
  return out.startsWith('.') ? out.slice(1) : out;
}

/** Go reports lexer positions in bytes of the UTF-8 path. */
function bytePosition(path: string, index: number): number {
  return Buffer.byteLength(path.slice(0, index), 'utf8');
}

function lexError(path: string, index: number, what: string): string {
  return `${what} at position ${bytePosition(path, index)}`;
}

/** Parses without cache; returns the segments or the runtime's error text. */
function lex(path: string): Segment[] | string {
  const segments: Segment[] = [];
  const n = path.length;
  let pos = 0;
  for (;;) {
    // Field state: read up to the next '.' or '['; ']' is not allowed in a field name.
    let i = pos;
    let next = '';
    for (; i < n; i++) {
      const c = path[i];
      if (c === ']') return lexError(path, i, "unexpected ']'");
      if (c === '[' || c === '.') {
        next = c;
        break;
      }
    }
    if (i > pos) segments.push(fieldSegment(path.slice(pos, i)));
    pos = i;
    if (next === '') return segments;
    if (next === '.') {
      if (pos === 0 || pos === n - 1) return lexError(path, pos, "unexpected '.'");
      pos++;
      const r = path[pos];
      if (r === '.') return lexError(path, pos, "unexpected '.'");
      if (r === '[') return lexError(path, pos, "unexpected '['");
      continue;
    }
    // Left bracket: a right bracket must follow somewhere.
    const close = path.indexOf(']', pos);
    if (close < 0) return lexError(path, pos, "unterminated '['");
    pos++;
    if (close === pos) return lexError(path, pos, "unexpected ']'");
    const open = path.indexOf('[', pos);
    if (open >= 0 && open < close) return lexError(path, open, "unexpected '['");
    segments.push(fieldOrIndexSegment(path.slice(pos, close)));
    pos = close + 1;
  }
}

const CACHE_LIMIT = 4096;
const cache = new Map<string, Segment[] | string>();

function lexCached(path: string): Segment[] | string {
  let r = cache.get(path);
  if (r === undefined) {
    r = lex(path);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(path, r);
  }
  return r;
}

/**
 * Parses a field path like crossplane-runtime `fieldpath.Parse`. Throws {@link FieldPathError}
 * with the runtime's bare message (`unexpected '.' at position 2`); the Paved methods add
 * `cannot parse path "<path>": ` in front, as the runtime does.
 */
export function parseFieldPath(path: string): Segment[] {
  const r = lexCached(path);
  if (typeof r === 'string') throw new FieldPathError(r);
  return r.slice();
}

function parseForPaved(path: string): readonly Segment[] {
  const r = lexCached(path);
  if (typeof r === 'string') throw new FieldPathError(`cannot parse path ${goQuote(path)}: ${r}`);
  return r;
}

/** Options of a {@link Paved} object. */
export interface PavedOptions {
  /**
   * Largest array index SetValue accepts; 0 disables the limit.
   * @default 1024
   */
  readonly maxFieldPathIndex?: number;
}

/**
 * A field or element that {@link Paved.lookup} did not find: the not-found error, not built yet.
 * Patches read many unset optional fields, and throwing (even a stackless error) costs about a
 * microsecond each, so the render's patch loop asks for this value instead of catching.
 */
export class MissingField {
  /**
   * `upTo` segments were looked up; `nilParent` when the last of them is a field of a null
   * value (reported at its parent, as the runtime does).
   */
  public constructor(private readonly segments: readonly Segment[], private readonly upTo: number, private readonly nilParent = false) {}

  /** The error crossplane-runtime returns for this lookup. */
  public error(): NotFoundError {
    if (this.nilParent) return new NotFoundError(`${formatFieldPath(this.segments.slice(0, this.upTo - 1))}: expected map, got nil`);
    const cur = this.segments[this.upTo - 1];
    const what = cur.type === 'index' ? 'no such element' : 'no such field';
    return new NotFoundError(`${formatFieldPath(this.segments.slice(0, this.upTo))}: ${what}`);
  }
}

function find(root: Value, s: readonly Segment[], upTo: number): Value | MissingField {
  let it: Value = root;
  for (let i = 0; i < upTo; i++) {
    const cur = s[i];
    if (cur.type === 'index') {
      if (!Array.isArray(it)) throw new FieldPathError(`${formatFieldPath(s.slice(0, i))}: not an array`);
      if (cur.index >= it.length) return new MissingField(s, i + 1);
      it = it[cur.index];
    } else {
      // A field of null is "not found" (getValueFromInterface's `case nil`), so an Optional
      // patch from below a null parent is skipped; an index into null stays "not an array".
      if (it === null) return new MissingField(s, i + 1, true);
      if (!isObject(it)) throw new FieldPathError(`${formatFieldPath(s.slice(0, i))}: not an object`);
      if (!Object.prototype.hasOwnProperty.call(it, cur.field)) return new MissingField(s, i + 1);
      it = it[cur.field];
    }
  }
  return it;
}

function getFrom(root: Value, s: readonly Segment[], upTo: number = s.length): Value {
  const v = find(root, s, upTo);
  if (v instanceof MissingField) throw v.error();
  return v;
}

function nulls(n: number): Value[] {
  return new Array<Value>(n).fill(null);
}

/** A JSON object whose values can be read and written by field path (runtime `Paved`). */
export class Paved {
  /** The object read and written (modified in place). */
  public readonly object: ObjectValue;
  private readonly maxIndex: number;

  public constructor(object: ObjectValue, options: PavedOptions = {}) {
    this.object = object;
    this.maxIndex = options.maxFieldPathIndex ?? DEFAULT_MAX_FIELD_PATH_INDEX;
  }

  /**
   * The value at `path` (the stored value itself, not a copy). An empty path gives null.
   * Throws {@link NotFoundError} for a missing field or element, {@link FieldPathError} for a
   * malformed path or a value of the wrong type on the way.
   */
  public getValue(path: string): Value {
    const s = parseForPaved(path);
    if (s.length === 0) return null;
    return getFrom(this.object, s);
  }

  /**
   * Like {@link getValue}, but a missing field or element is returned as a {@link MissingField}
   * instead of thrown (malformed paths and wrong types still throw).
   */
  public lookup(path: string): Value | MissingField {
    const s = parseForPaved(path);
    if (s.length === 0) return null;
    return find(this.object, s, s.length);
  }

  /** Whether `path` exists (any value, even null); fatal errors still throw. */
  public hasValue(path: string): boolean {
    return !(this.lookup(path) instanceof MissingField);
  }

  /** The string at `path` (`<path>: not a string` otherwise). */
  public getString(path: string): string {
    const v = this.getValue(path);
    if (typeof v !== 'string') throw new FieldPathError(`${path}: not a string`);
    return v;
  }

  /** The bool at `path` (`<path>: not a bool` otherwise). */
  public getBool(path: string): boolean {
    const v = this.getValue(path);
    if (typeof v !== 'boolean') throw new FieldPathError(`${path}: not a bool`);
    return v;
  }

  /** The float64 at `path` (`<path>: not a (float64) number` otherwise). */
  public getNumber(path: string): number {
    const v = this.getValue(path);
    if (typeof v !== 'number') throw new FieldPathError(`${path}: not a (float64) number`);
    return v;
  }

  /** The int64 at `path` (`<path>: not a (int64) number` otherwise). */
  public getInteger(path: string): bigint {
    const v = this.getValue(path);
    if (typeof v !== 'bigint') throw new FieldPathError(`${path}: not a (int64) number`);
    return v;
  }

  /** The array of strings at `path`. */
  public getStringArray(path: string): string[] {
    const v = this.getValue(path);
    if (!Array.isArray(v)) throw new FieldPathError(`${path}: not an array`);
    if (!v.every((e) => typeof e === 'string')) throw new FieldPathError(`${path}: not an array of strings`);
    return v as string[];
  }

  /** The object of strings at `path`. */
  public getStringObject(path: string): Record<string, string> {
    const v = this.getValue(path);
    if (!isObject(v)) throw new FieldPathError(`${path}: not an object`);
    if (!Object.values(v).every((e) => typeof e === 'string')) {
      throw new FieldPathError(`${path}: not an object with string field values`);
    }
    return v as Record<string, string>;
  }

  /**
   * Writes `value` at `path`, creating intermediate objects and arrays and padding arrays with
   * nulls. The value is stored as given: Crossplane JSON round-trips every written value, so
   * callers pass it through `jsonRoundTrip` first.
   */
  public setValue(path: string, value: Value): void {
    const s = parseForPaved(path);
    this.setSegments(s, value);
  }

  private setSegments(s: readonly Segment[], value: Value): void {
    if (this.maxIndex > 0) {
      for (const seg of s) {
        if (seg.type === 'index' && seg.index > this.maxIndex) {
          throw new FieldPathError(`index ${seg.index} is greater than max allowed index ${this.maxIndex}`);
        }
      }
    }
    let into: Value = this.object;
    for (let i = 0; i < s.length; i++) {
      const cur = s[i];
      const final = i === s.length - 1;
      if (cur.type === 'index') {
        if (!Array.isArray(into)) throw new FieldPathError(`${formatFieldPath(s.slice(0, i))} is not an array`);
        if (final) {
          into[cur.index] = value;
          return;
        }
        prepare(into, cur.index, s[i + 1], into[cur.index] === null || into[cur.index] === undefined);
        into = into[cur.index];
      } else {
        if (!isObject(into)) throw new FieldPathError(`${formatFieldPath(s.slice(0, i))} is not an object`);
        if (final) {
          setKey(into, cur.field, value);
          return;
        }
        prepare(into, cur.field, s[i + 1], !Object.prototype.hasOwnProperty.call(into, cur.field));
        into = into[cur.field];
      }
    }
  }

  /**
   * Merges `value` into what is at `path` (runtime MergeValue, mergo semantics); with no
   * options the value replaces what is there.
   */
  public mergeValue(path: string, value: Value, options?: MergeOptions | null): void {
    let dst: Value = null;
    try {
      dst = this.getValue(path);
    } catch (e) {
      if (!(isNotFound(e) || options === undefined || options === null)) throw e;
    }
    if (options === undefined || options === null) dst = null;
    const merged = mergeValues(dst, value, options ?? undefined);
    this.setValue(path, merged);
  }

  /**
   * Expands `[*]` segments against this object: over array indexes and object keys (keys in
   * sorted order; the runtime's map order is random). A missing prefix expands to nothing.
   */
  public expandWildcards(path: string): string[] {
    const s = parseForPaved(path);
    let expanded: Segment[][];
    try {
      expanded = expand(this.object, s);
    } catch (e) {
      throw wrapExpansion(e, `cannot expand wildcards for segments: ${goQuote(formatFieldPath(s))}`);
    }
    return expanded.map((x) => formatFieldPath(x));
  }
}

/** Creates or grows the container at `key` of `parent` for the next segment (runtime prepare*). */
function prepare(parent: Value[] | ObjectValue, key: number | string, next: Segment, missing: boolean): void {
  if (missing) {
    put(parent, key, next.type === 'index' ? nulls(next.index + 1) : {});
    return;
  }
  if (next.type !== 'index') return;
  const existing = (parent as Record<string | number, Value>)[key];
  if (!Array.isArray(existing) || next.index < existing.length) return;
  put(parent, key, existing.concat(nulls(next.index - existing.length + 1)));
}

function put(parent: Value[] | ObjectValue, key: number | string, v: Value): void {
  if (typeof key === 'number') (parent as Value[])[key] = v;
  else setKey(parent as ObjectValue, key, v);
}

/**
 * An expansion error with context. A not-found cause is wrapped, so it stays visible to
 * {@link isNotFoundDeep} as through Go's errors.Wrapf; any other becomes a FieldPathError.
 */
function wrapExpansion(e: unknown, message: string): Error {
  return isNotFoundDeep(e) ? wrap(e, message) : new FieldPathError(`${message}: ${(e as Error).message}`);
}

function expand(data: ObjectValue, segments: readonly Segment[]): Segment[][] {
  let it: Value = data;
  for (let i = 0; i < segments.length; i++) {
    const cur = segments[i];
    if (cur.type === 'field' && cur.field === WILDCARD) {
      const res: Segment[][] = [];
      let replacements: Segment[];
      if (Array.isArray(it)) {
        replacements = it.map((_, ix) => ({ type: 'index', index: ix }) as Segment);
      } else if (isObject(it)) {
        replacements = sortedKeys(it).map((k) => fieldSegment(k));
      } else if (it === null) {
        // expandWildcards' `case nil`: not found, which P&T treats as a missing source.
        throw new NotFoundError(`wildcard field ${goQuote(formatFieldPath(segments.slice(0, i)))} is not found in the path`);
      } else {
        throw new FieldPathError(`${goQuote(formatFieldPath(segments.slice(0, i)))}: unexpected wildcard usage`);
      }
      for (const r of replacements) {
        const ex = segments.slice();
        ex[i] = r;
        try {
          res.push(...expand(data, ex));
        } catch (e) {
          throw wrapExpansion(e, `${goQuote(formatFieldPath(ex))}: cannot expand wildcards`);
        }
      }
      return res;
    }
    const v = find(data, segments, i + 1);
    if (v instanceof MissingField) return [];
    it = v;
  }
  return [segments.slice()];
}
