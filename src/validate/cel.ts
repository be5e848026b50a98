/**
 * CEL evaluation of `x-kubernetes-validations` with Kubernetes semantics (reference 4.5):
 * `self` is the value at the node carrying the rule, values are typed from the schema
 * (integer fields are CEL ints, number fields doubles), property names are escaped as the API
 * server escapes them (`namespace` -> `__namespace__`, `-` -> `__dash__`), transition rules
 * (`oldSelf`) are skipped because there is no old object, exactly like
 * `crossplane resource validate`. A rule that uses something the evaluator does not support is
 * reported as "not evaluated" (warning), never passed silently.
 *
 * The evaluator is `@bufbuild/cel`, loaded lazily: when it is not installed every rule is
 * reported as not evaluated.
 */
import { compileGoRegexp, type GoRegexp } from '../engine/go/regexp';
import { JsonSchema } from '../schema/json-schema';
import { isRecord } from './_util';

/** Outcome of one rule on one value. */
export type CelOutcome =
  | { readonly kind: 'pass' }
  | { readonly kind: 'fail'; readonly message: string }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'not-evaluated'; readonly message: string };

/** One `x-kubernetes-validations` entry. */
export interface CelRule {
  /** The CEL expression. */
  readonly rule: string;
  /**
   * Message on failure.
   * @default - `failed rule: <rule>`
   */
  readonly message?: string;
  /**
   * CEL expression giving the message.
   * @default - use `message`
   */
  readonly messageExpression?: string;
  /**
   * `FieldValueInvalid`, `FieldValueRequired`, `FieldValueForbidden` or `FieldValueDuplicate`.
   * @default FieldValueInvalid
   */
  readonly reason?: string;
  /**
   * Path (relative to the node) the failure is reported at.
   * @default - the node itself
   */
  readonly fieldPath?: string;
  /**
   * Evaluate the transition rule even without an old object.
   * @default false
   */
  readonly optionalOldSelf?: boolean;
}

/** Parses a Kubernetes quantity (`500m`, `2Gi`, `1e3`) to a float; NaN when malformed. */
export function parseQuantity(text: string): number {
  const m = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/.exec(text);
  if (!m || !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(m[1])) return NaN;
  const n = Number(m[1]);
  const suffix = m[2];
  const bin: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
  const dec: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
  if (suffix in bin) return n * bin[suffix];
  if (suffix in dec) return n * dec[suffix];
  const e = /^[eE]([-+]?[0-9]+)$/.exec(suffix);
  return e ? n * 10 ** Number(e[1]) : NaN;
}

interface CelLib {
  celEnv(opts: { funcs?: unknown[]; re2?: { compile(pattern: string): { test(text: string): boolean } } }): unknown;
  parse(expr: string): unknown;
  plan(env: unknown, parsed: unknown): (bindings: Record<string, unknown>) => unknown;
  isCelError(v: unknown): v is { message: string };
  celMethod(name: string, target: unknown, args: unknown[], result: unknown, impl: (this: any, ...a: any[]) => unknown): unknown;
  celFunc(name: string, args: unknown[], result: unknown, impl: (...a: any[]) => unknown): unknown;
  listType(t: unknown): unknown;
  mapType(k: unknown, v: unknown): unknown;
  CelScalar: Record<'INT' | 'UINT' | 'BOOL' | 'STRING' | 'BYTES' | 'DOUBLE' | 'NULL' | 'DYN' | 'TYPE', unknown>;
}

let lib: CelLib | null | undefined;
let libEnv: unknown;
let loadError = '';

/** The name of the CEL package the validator uses. */
export const CEL_PACKAGE = '@bufbuild/cel';

function loadLib(): CelLib | null {
  if (lib !== undefined) return lib;
  try {
    // Loaded by name at run time so the package stays optional.
    const req: NodeRequire = require;
    const core = req(CEL_PACKAGE) as CelLib;
    const ext = req(`${CEL_PACKAGE}/ext`) as { strings: unknown[] };
    lib = core;
    // `matches()` runs on the same Go regexp engine as every other pattern (RE2, linear time).
    libEnv = core.celEnv({ funcs: [...ext.strings, ...kubernetesLibrary(core)], re2: { compile: compileGoRegexp } });
  } catch (err) {
    lib = null;
    loadError = (err as Error).message.split('\n')[0];
  }
  return lib;
}

/** Whether a CEL evaluator is available; when not, {@link celUnavailableReason} says why. */
export function celAvailable(): boolean {
  return loadLib() !== null;
}

/** Why CEL rules cannot be evaluated (empty when they can). */
export function celUnavailableReason(): string {
  loadLib();
  return lib ? '' : `the CEL evaluator ${CEL_PACKAGE} is not installed (${loadError})`;
}

/** A Go regexp for the regex library, failing as it does: `Illegal regex: <Go's error>`. */
function celRegexp(re: string): GoRegexp {
  try {
    return compileGoRegexp(re);
  } catch (e) {
    throw new Error(`Illegal regex: ${(e as Error).message}`);
  }
}

/** Kubernetes CEL library functions (lists, regex) that plain CEL does not have. */
function kubernetesLibrary(c: CelLib): unknown[] {
  const S = c.CelScalar;
  const list = c.listType(S.DYN);
  const arr = (v: Iterable<unknown>): unknown[] => [...v];
  const lt = (a: unknown, b: unknown): boolean => (a as number) < (b as number);
  const out: unknown[] = [
    c.celMethod('isSorted', list, [], S.BOOL, function () {
      const a = arr(this);
      for (let i = 1; i < a.length; i++) if (lt(a[i], a[i - 1])) return false;
      return true;
    }),
    c.celMethod('indexOf', list, [S.DYN], S.INT, function (x: unknown) { return BigInt(arr(this).findIndex((e) => e === x)); }),
    c.celMethod('lastIndexOf', list, [S.DYN], S.INT, function (x: unknown) { const a = arr(this); for (let i = a.length - 1; i >= 0; i--) if (a[i] === x) return BigInt(i); return -1n; }),
    // k8s.io/apiserver/pkg/cel/library/regex.go: Go's FindString / FindAllString.
    c.celMethod('find', S.STRING, [S.STRING], S.STRING, function (re: string) { return celRegexp(re).findString(this); }),
    c.celMethod('findAll', S.STRING, [S.STRING], c.listType(S.STRING), function (re: string) { return celRegexp(re).findAllString(this, -1) ?? []; }),
    c.celMethod('findAll', S.STRING, [S.STRING, S.INT], c.listType(S.STRING), function (re: string, n: bigint) {
      return celRegexp(re).findAllString(this, n < 0n ? -1 : Number(n)) ?? [];
    }),
  ];
  for (const [name, pick] of [['min', (a: any, b: any) => (b < a ? b : a)], ['max', (a: any, b: any) => (b > a ? b : a)]] as const) {
    out.push(c.celMethod(name, list, [], S.DYN, function () {
      const a = arr(this);
      if (a.length === 0) throw new Error(`${name} called on empty list`);
      return a.reduce(pick);
    }));
  }
  // Kubernetes quantity library: a quantity is carried as a one-entry map holding its value
  // as a float (comparisons and arithmetic are approximate beyond 2^53).
  const Q = c.mapType(S.STRING, S.DOUBLE);
  const KEY = '__quantity__';
  const q = (text: string): Map<string, number> => {
    const v = parseQuantity(text);
    if (Number.isNaN(v)) throw new Error(`invalid quantity: ${JSON.stringify(text)}`);
    return new Map([[KEY, v]]);
  };
  const val = (m: any): number => m.get(KEY) as number;
  out.push(
    c.celFunc('quantity', [S.STRING], Q, (t: string) => q(t)),
    c.celFunc('isQuantity', [S.STRING], S.BOOL, (t: string) => !Number.isNaN(parseQuantity(t))),
    c.celMethod('isGreaterThan', Q, [Q], S.BOOL, function (o: unknown) { return val(this) > val(o); }),
    c.celMethod('isLessThan', Q, [Q], S.BOOL, function (o: unknown) { return val(this) < val(o); }),
    c.celMethod('compareTo', Q, [Q], S.INT, function (o: unknown) { return BigInt(Math.sign(val(this) - val(o))); }),
    c.celMethod('add', Q, [Q], Q, function (o: unknown) { return new Map([[KEY, val(this) + val(o)]]); }),
    c.celMethod('add', Q, [S.INT], Q, function (o: bigint) { return new Map([[KEY, val(this) + Number(o)]]); }),
    c.celMethod('sub', Q, [Q], Q, function (o: unknown) { return new Map([[KEY, val(this) - val(o)]]); }),
    c.celMethod('sub', Q, [S.INT], Q, function (o: bigint) { return new Map([[KEY, val(this) - Number(o)]]); }),
    c.celMethod('asApproximateFloat', Q, [], S.DOUBLE, function () { return val(this); }),
    c.celMethod('isInteger', Q, [], S.BOOL, function () { return Number.isInteger(val(this)); }),
    c.celMethod('asInteger', Q, [], S.INT, function () { const v = val(this); if (!Number.isInteger(v)) throw new Error('cannot convert value to integer'); return BigInt(v); }),
    c.celMethod('sign', Q, [], S.INT, function () { return BigInt(Math.sign(val(this))); }),
  );
  out.push(c.celMethod('sum', list, [], S.DYN, function () {
    const a = arr(this);
    if (a.length === 0) return 0n;
    return a.reduce((x: any, y: any) => x + y);
  }));
  return out;
}

type Program = (bindings: Record<string, unknown>) => unknown;
const programs = new Map<string, Program | { error: string }>();

function compile(expr: string): Program | { error: string } {
  const hit = programs.get(expr);
  if (hit) return hit;
  const c = loadLib()!;
  let p: Program | { error: string };
  try {
    p = c.plan(libEnv, c.parse(expr)) as Program;
  } catch (err) {
    p = { error: `cannot compile: ${(err as Error).message.split('\n')[0]}` };
  }
  // Bounded: every distinct rule text compiles to a program, and a long session (or a
  // generated schema) brings an unbounded number of them.
  if (programs.size >= 1000) programs.clear();
  programs.set(expr, p);
  return p;
}

const GO_REGEXP_ERROR = /^(Illegal regex: )?error parsing regexp: /;
const UNSUPPORTED = /unbound function|no matching overload|unsupported|not supported|unknown (function|type)/i;

/** Whether a rule refers to the old object (a transition rule). */
export function isTransitionRule(rule: string): boolean {
  return /\boldSelf\b/.test(rule);
}

/**
 * Evaluates one rule on `self` (already converted with {@link toCelValue}).
 * Transition rules must be filtered out by the caller.
 */
export function evaluateRule(r: CelRule, self: unknown, typeName: string): CelOutcome {
  const c = loadLib();
  if (!c) return { kind: 'not-evaluated', message: `rule not evaluated: ${celUnavailableReason()}: ${r.rule}` };
  const p = compile(r.rule);
  if (typeof p !== 'function') return { kind: 'not-evaluated', message: `rule not evaluated (${p.error}): ${r.rule}` };
  let res: unknown;
  try {
    res = p({ self });
  } catch (err) {
    return { kind: 'not-evaluated', message: `rule not evaluated (${(err as Error).message}): ${r.rule}` };
  }
  if (c.isCelError(res)) {
    const msg = res.message;
    // A pattern Go rejects ("invalid or unsupported Perl syntax") is the rule's own error.
    if (UNSUPPORTED.test(msg) && !GO_REGEXP_ERROR.test(msg)) return { kind: 'not-evaluated', message: `rule not evaluated (${msg}): ${r.rule}` };
    const text = msg.replace(/^field not found: /, 'no such key: ');
    return { kind: 'error', message: `Invalid value: "${typeName}": ${text} evaluating rule: ${r.rule}` };
  }
  if (res === true) return { kind: 'pass' };
  if (res !== false) return { kind: 'not-evaluated', message: `rule not evaluated (it returned a ${typeof res}, not a bool): ${r.rule}` };
  let message = r.message !== undefined && r.message !== '' ? r.message : `failed rule: ${r.rule}`;
  if (r.messageExpression) {
    const mp = compile(r.messageExpression);
    if (typeof mp === 'function') {
      const m = mp({ self });
      if (typeof m === 'string' && m.trim() !== '' && !m.includes('\n')) message = m;
    }
  }
  const prefix = r.reason === 'FieldValueRequired' ? 'Required value' : r.reason === 'FieldValueForbidden' ? 'Forbidden' : r.reason === 'FieldValueDuplicate' ? `Duplicate value: "${typeName}"` : `Invalid value: "${typeName}"`;
  return { kind: 'fail', message: `${prefix}: ${message}` };
}

const RESERVED = new Set(['true', 'false', 'null', 'in', 'as', 'break', 'const', 'continue', 'else', 'for', 'function', 'if', 'import', 'let', 'loop', 'package', 'namespace', 'return', 'var', 'void', 'while']);

/** Escapes a property name as Kubernetes does for CEL; undefined when it cannot be accessed. */
export function escapePropertyName(name: string): string | undefined {
  if (RESERVED.has(name)) return `__${name}__`;
  if (/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name) && !name.includes('__')) return name;
  const escaped = name.replace(/__/g, '__underscores__').replace(/\./g, '__dot__').replace(/-/g, '__dash__').replace(/\//g, '__slash__');
  return /^[a-zA-Z_][a-zA-Z0-9_]*$/.test(escaped) ? escaped : undefined;
}

/** Converts a JSON value into the CEL value Kubernetes would bind for `schema`. */
export function toCelValue(v: unknown, s: JsonSchema | undefined): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    if (s?.type === 'number') return v;
    return Number.isInteger(v) ? BigInt(v) : v;
  }
  if (Array.isArray(v)) {
    const items = s?.items;
    return v.map((x) => toCelValue(x, items));
  }
  if (isRecord(v)) {
    const out: Record<string, unknown> = {};
    const props = s?.properties;
    const addl = s && isRecord(s.additionalProperties) ? s.additionalProperties as JsonSchema : undefined;
    if (props) {
      for (const k of Object.keys(v)) {
        const name = escapePropertyName(k);
        if (name !== undefined) out[name] = toCelValue(v[k], props[k]);
      }
    } else {
      for (const k of Object.keys(v)) out[k] = toCelValue(v[k], addl);
    }
    return out;
  }
  return v;
}

/** The type name Kubernetes prints in `Invalid value: "<type>"` for a schema node. */
export function celTypeName(s: JsonSchema | undefined, v: unknown): string {
  if (s?.type) return s.type;
  if (Array.isArray(v)) return 'array';
  if (isRecord(v)) return 'object';
  return typeof v === 'number' ? 'number' : typeof v;
}
