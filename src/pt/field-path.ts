import { FieldPathError, parseFieldPath as parseRuntimePath, Segment as RuntimeSegment } from '../engine/runtime/fieldpath';
import { UserError } from '../errors';

/**
 * One segment of a P&T field path: a field name (`spec`, `crossplane.io/external-name`, `*`)
 * or an array index. A `*` field is a wildcard when it came from `[*]` (reference §3.7).
 */
export type FieldPathSegment =
  | { readonly kind: 'field'; readonly name: string; readonly bracketed: boolean }
  | { readonly kind: 'index'; readonly index: number };

/** A parse failure of a string field path, in the words crossplane-runtime uses. */
export interface FieldPathSyntaxError {
  /** What is wrong, e.g. `unexpected '.' at position 5`. */
  readonly message: string;
}

/** The largest array index a field path can hold (an unsigned 32-bit integer). */
const MAX_UINT32 = 4294967295;

/**
 * Splits a field path with the render engine's parser, which follows crossplane-runtime's
 * `fieldpath.Parse` (reference §3.7), so the constructs accept exactly the paths Crossplane
 * does. The runtime forgets which fields were written in brackets; P&T's wildcard handling
 * depends on it (`[*]` expands, `.*` is a literal key), so it is read back from the text.
 *
 * Returns the segments, or a syntax error in the runtime's words.
 */
export function parseFieldPath(path: string): FieldPathSegment[] | FieldPathSyntaxError {
  if (path === '') return { message: 'path is empty' };
  let segments: RuntimeSegment[];
  try {
    segments = parseRuntimePath(path);
  } catch (err) {
    if (err instanceof FieldPathError) return { message: err.message };
    throw err;
  }
  // The syntax is valid here: each segment is either `[...]` or a name up to `.` or `[`.
  let at = 0;
  return segments.map((seg) => {
    if (path[at] === '.') at++;
    const bracketed = path[at] === '[';
    at = bracketed ? path.indexOf(']', at) + 1 : nextDelimiter(path, at);
    return seg.type === 'index' ? { kind: 'index', index: seg.index } : { kind: 'field', name: seg.field, bracketed };
  });
}

function nextDelimiter(path: string, from: number): number {
  for (let i = from; i < path.length; i++) if (path[i] === '.' || path[i] === '[') return i;
  return path.length;
}

/** Whether `segments` came from parsing (not a syntax error). */
export function isParsedPath(p: FieldPathSegment[] | FieldPathSyntaxError): p is FieldPathSegment[] {
  return Array.isArray(p);
}

/** Whether the segment is a `[*]` wildcard (the only form P&T expands, reference §3.7). */
export function isBracketWildcard(s: FieldPathSegment): boolean {
  return s.kind === 'field' && s.name === '*' && s.bracketed;
}

/** Whether the segment is a `.*` segment, which P&T writes as a literal key `*` (reference §3.7). */
export function isDotWildcard(s: FieldPathSegment): boolean {
  return s.kind === 'field' && s.name === '*' && !s.bracketed;
}

/**
 * Writes segments back as a P&T field path: plain names joined by `.`, anything else
 * (dots, slashes, other punctuation) in brackets, indexes as `[n]`, wildcards as `[*]`.
 */
export function formatFieldPath(segments: readonly FieldPathSegment[]): string {
  let out = '';
  for (const s of segments) {
    if (s.kind === 'index') {
      out += `[${s.index}]`;
    } else if (s.name !== '*' && /^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(s.name) && !s.bracketed) {
      out += out === '' ? s.name : `.${s.name}`;
    } else {
      out += `[${s.name}]`;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Typed views used by property-access lambdas

/**
 * The value a path lambda reached, as the types see it: `__leafType` is what reading it gives,
 * `__accepts` what writing it takes. Both are type-only markers, never present at run time.
 * `__accepts` is a function type so that TypeScript checks it the other way round: a patch
 * destination accepts a value when the value is assignable to the field.
 */
export interface FieldPathValue<T> {
  /** Type-only marker: the type read at this path; never present at run time. */
  readonly __leafType?: T;
  /** Type-only marker: the type a patch may write at this path; never present at run time. */
  readonly __accepts?: (value: Writable<T>) => void;
}

/**
 * What a patch may write into a field of type `T`. A string enum field takes any string and a
 * numeric one any number (P&T copies values without knowing the enum; the API server checks
 * the members), so enums widen to their primitive, at any depth. A quantity or int-or-string
 * field (cdk8s' `Quantity`, `IntOrString`: a class holding `value`) takes a plain string or
 * number, which is what the object holds once synthesized.
 */
export type Writable<T> = T extends string ? string
  : T extends number ? number
    : T extends boolean ? boolean
      : T extends { readonly value: string | number } ? T | string | number
        : T extends readonly (infer E)[] ? readonly Writable<E>[]
          : T extends object ? { readonly [K in keyof T]: Writable<T[K]> }
            : T;

/** Marker type of a scalar reached by a path lambda; it has no further fields. */
export interface FieldPathLeaf<T> extends FieldPathValue<T> {}

/** The view of an untyped (free-form) value: any key, any index, at any depth; any value. */
export interface UntypedFieldPathView {
  readonly [key: string]: UntypedFieldPathView;
  readonly [index: number]: UntypedFieldPathView;
  /** Type-only marker: a free-form value may be anything. */
  readonly __leafType?: any;
  /** Type-only marker: a free-form field takes anything. */
  readonly __accepts?: any;
}

/** The view of an array: `[n]` for one element, `['*']` for every element (`[*]`). */
export interface ArrayFieldPathView<E> extends FieldPathValue<E[]> {
  readonly [index: number]: FieldPathView<E>;
  /** Every element of the array; recorded as `[*]` (only valid in a `toFieldPath`). */
  readonly '*': FieldPathView<E>;
}

type IsAny<T> = 0 extends 1 & T ? true : false;

/**
 * What a path lambda receives for a value of type `T`: every field present (no optional
 * chaining needed), arrays indexable by number or `'*'`, scalars as leaves. Only property
 * access is recorded, so the lambda must do nothing but walk fields.
 */
export type FieldPathView<T> = IsAny<T> extends true
  ? UntypedFieldPathView
  : [T] extends [readonly (infer E)[]]
    ? ArrayFieldPathView<Exclude<E, null | undefined>>
    : [T] extends [string | number | boolean | bigint | symbol | null | undefined]
      ? FieldPathLeaf<T>
      : unknown extends T
        ? UntypedFieldPathView
        : { readonly [K in keyof T]-?: FieldPathView<Exclude<T[K], null | undefined>> } & FieldPathValue<T>;

/**
 * `T` with every field optional at every depth: the shape of a base template, which
 * patches fill in at render time.
 *
 * String enums of generated props types also accept their values as plain strings
 * (`deletionPolicy: 'Delete'` as well as `NetworkSpecDeletionPolicy.DELETE`), as a base copied
 * from YAML writes them; a string outside the enum is still an error.
 */
export type DeepPartial<T> = IsAny<T> extends true
  ? T
  : T extends string
    // `${E}` turns a string enum member into its literal value; a plain string stays string.
    ? T | `${T}`
    : T extends readonly (infer E)[]
      ? readonly DeepPartial<E>[]
      : T extends object
        ? { readonly [K in keyof T]?: DeepPartial<T[K]> }
        : T;

/**
 * A composed resource's type as patches see it: its props plus a free-form `status` (generated
 * props types describe what you write, while patches also read what the provider reports).
 */
export type ComposedView<T> = IsAny<T> extends true ? any : T extends { readonly status?: unknown } ? T : T & { readonly status?: any };

/**
 * A field path argument: a P&T path string (`spec.parameters.region`,
 * `metadata.annotations[crossplane.io/external-name]`, `spec.items[*].name`) or a
 * property-access lambda over the typed object (`xr => xr.spec.parameters.region`).
 */
export type PathArg<T> = string | ((view: FieldPathView<T>) => unknown);

/**
 * A source path argument whose lambda returns the node `F` it reached; {@link PathValue}
 * reads the value type back from `F`.
 */
export type SourcePathArg<T, F> = string | ((view: FieldPathView<T>) => F);

/**
 * A destination path argument that must be able to take a value of type `V`: a string (checked
 * at synth time against the schemas) or a lambda reaching a field whose type accepts `V`.
 */
export type DestinationPathArg<T, V> = string | ((view: FieldPathView<T>) => { readonly __accepts?: (value: V) => void });

/**
 * The value type at the node a source lambda returned: `any` for a string path or a free-form
 * field (checked at synth time, not by TypeScript).
 */
export type PathValue<F> = 0 extends 1 & F ? any : F extends string ? any : F extends { readonly __leafType?: infer V } ? Exclude<V, undefined> : any;

/** A path argument of any typing: what the factories accept once types have been checked. */
export type AnyPathArg = string | ((view: never) => unknown);

const PATH = Symbol('cdk8s-crossplane.fieldPath');

function recorder(segments: readonly FieldPathSegment[]): unknown {
  // A function target lets users accidentally call a leaf; we reject that with a clear message.
  return new Proxy(function fieldPathRecorder() { /* never called */ }, {
    get(_target, key) {
      if (key === PATH) return segments;
      if (typeof key === 'symbol') {
        throw new UserError(`field path lambda used '${String(key)}' after '${formatFieldPath(segments)}': `
          + 'a path lambda may only read properties, e.g. xr => xr.spec.parameters.region');
      }
      return recorder([...segments, keySegment(key, segments)]);
    },
    apply() {
      throw new UserError(`field path lambda called a function at '${formatFieldPath(segments)}': `
        + 'a path lambda may only read properties, e.g. xr => xr.spec.parameters.region');
    },
    set() {
      throw new UserError(`field path lambda assigned at '${formatFieldPath(segments)}': a path lambda may only read properties`);
    },
  });
}

function keySegment(key: string, before: readonly FieldPathSegment[]): FieldPathSegment {
  if (key === '') throw new UserError(`field path lambda read an empty key after '${formatFieldPath(before)}': keys must not be empty`);
  if (key.includes('[') || key.includes(']')) {
    throw new UserError(`field path lambda key must not contain '[' or ']', got '${key}': P&T field paths cannot address such keys`);
  }
  if (key === '*') return { kind: 'field', name: '*', bracketed: true };
  if (/^[0-9]+$/.test(key) && Number(key) <= MAX_UINT32) return { kind: 'index', index: Number(key) };
  return { kind: 'field', name: key, bracketed: !/^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(key) };
}

/**
 * Records the property accesses of `lambda` and returns them as a P&T field path:
 * `fieldPathOf(x => x.spec.items[0].name)` is `spec.items[0].name`,
 * `fieldPathOf(x => x.metadata.annotations['crossplane.io/external-name'])` is
 * `metadata.annotations[crossplane.io/external-name]`, `x.list['*']` becomes `list[*]`.
 * All-digit keys are array indexes.
 */
export function fieldPathOf<T = any>(lambda: (view: FieldPathView<T>) => unknown): string {
  const result = lambda(recorder([]) as FieldPathView<T>);
  const segments = (result !== null && (typeof result === 'object' || typeof result === 'function'))
    ? (result as { [PATH]?: FieldPathSegment[] })[PATH] : undefined;
  if (!segments) {
    throw new UserError(`field path lambda must return a property of its argument, got '${String(result)}': `
      + 'write it as x => x.spec.field, or pass the path as a string');
  }
  if (segments.length === 0) throw new UserError('field path lambda returned its argument itself: name a field, e.g. x => x.spec.field');
  return formatFieldPath(segments);
}

/**
 * Resolves a path argument to a P&T path string, throwing a {@link UserError} naming `what`
 * when a string path does not parse.
 */
export function resolvePathArg(arg: AnyPathArg, what: string): string {
  if (typeof arg === 'function') return fieldPathOf(arg as (view: any) => unknown);
  if (typeof arg !== 'string') throw new UserError(`${what} must be a string or a path lambda, got '${String(arg)}'`);
  const parsed = parseFieldPath(arg);
  if (!isParsedPath(parsed)) {
    throw new UserError(`${what} must be a valid field path, got '${arg}': ${parsed.message} `
      + '(use dots between fields, [n] for indexes and [key.with.dots] for keys with dots)');
  }
  return arg;
}
