import { Combine } from '../pt/combine';
import { ConnectionDetail } from '../pt/connection-detail';
import { EnvironmentPatch } from '../pt/environment-patch';
import { lintPatchFindings } from '../pt/lint';
import { LintRule } from '../pt/lint-rule';
import { Patch } from '../pt/patch';
import { FromFieldPathPolicy, PatchOptions, ToFieldPathPolicy } from '../pt/patch-policy';
import { PatchSet } from '../pt/patch-set';
import { ReadinessCheck } from '../pt/readiness-check';
import { MatchPattern, Transform } from '../pt/transform';
import { arr, call, Expr, obj, raw, val } from './_code-writer';
import { canonicalJson } from './emit-schema';
import { JsonSchema } from '../schema/json-schema';

/**
 * Code for function-patch-and-transform values (`Patch.*`, `Transform.*`, `ReadinessCheck.*`,
 * `ConnectionDetail.*`, `PatchSet.of`, `EnvironmentPatch.*`). As for schemas, every value is
 * also built here with the same arguments and its wire format compared with the input (after
 * P&T's Go defaults, reference §3.1); anything that does not come back equal is reported as
 * {@link NotExpressible}, and the caller keeps that part as raw YAML instead.
 */

type Obj = Record<string, unknown>;

/** Thrown (internally) when a P&T element cannot be written with the builders. */
export class NotExpressible extends Error {
  public constructor(public readonly field: string, public readonly reason: string) {
    super(`${field} ${reason}`);
    this.name = 'NotExpressible';
  }
}

/** An emitted value: the code and what it evaluates to. */
export interface Emitted<T> {
  /** The expression. */
  readonly expr: Expr;
  /** The value the expression evaluates to. */
  readonly value: T;
}

/** What the emitters need to know about the module being written. */
export interface PtContext {
  /** Names imported from the library, filled in as the code uses them. */
  readonly imports: Set<string>;
  /** Patch set name -> identifier of its `const` in the module. */
  readonly patchSetIds: ReadonlyMap<string, string>;
  /** Patch set name -> the built value (for `Patch.patchSet(const)`). */
  readonly patchSetValues: ReadonlyMap<string, PatchSet>;
  /**
   * The XR schema, so that the synth-time findings Crossplane accepts (a `%d` on an XR number)
   * are known here and written as named suppressions.
   * @default - only findings that need no schema are known
   */
  readonly xrSchema?: JsonSchema;
}

/** What the code says beside a suppression: what Crossplane does with the patch as written. */
function suppressionComment(rule: LintRule, message: string): string {
  if (rule === LintRule.NUMBER_FORMAT) {
    const printed = /Go prints (%!\S+?\(\w+=N\))/.exec(message)?.[1];
    return printed
      ? `kept as written: Crossplane prints ${printed.replace('=N', '=<value>')} here, since XR numbers arrive as float64`
      : 'kept as written: Crossplane prints values of 1000000 or more as 1e+06 here, since XR numbers arrive as float64';
  }
  if (rule === LintRule.XR_NON_STATUS_WRITE) return 'kept as written: Crossplane drops this write, since only the XR status persists from a pipeline';
  return 'kept as written';
}

const FROM_POLICY: Record<string, string> = { Optional: 'OPTIONAL', Required: 'REQUIRED' };
const TO_POLICY: Record<string, string> = {
  Replace: 'REPLACE', MergeObjects: 'MERGE_OBJECTS', MergeObjectsAppendArrays: 'MERGE_OBJECTS_APPEND_ARRAYS',
  ForceMergeObjects: 'FORCE_MERGE_OBJECTS', ForceMergeObjectsAppendArrays: 'FORCE_MERGE_OBJECTS_APPEND_ARRAYS',
};
const PATCH_FACTORY: Record<string, string> = {
  FromCompositeFieldPath: 'fromCompositeFieldPath', ToCompositeFieldPath: 'toCompositeFieldPath',
  FromEnvironmentFieldPath: 'fromEnvironmentFieldPath', ToEnvironmentFieldPath: 'toEnvironmentFieldPath',
  CombineFromComposite: 'combineFromComposite', CombineToComposite: 'combineToComposite',
  CombineFromEnvironment: 'combineFromEnvironment', CombineToEnvironment: 'combineToEnvironment',
};
const ENV_PATCH_FACTORY: Record<string, string> = {
  FromCompositeFieldPath: 'fromCompositeFieldPath', ToCompositeFieldPath: 'toCompositeFieldPath',
  FromEnvironmentFieldPath: 'fromEnvironmentFieldPath', ToEnvironmentFieldPath: 'toEnvironmentFieldPath',
  CombineFromComposite: 'combineFromComposite', CombineToComposite: 'combineToComposite',
};

/**
 * A P&T element with the defaults P&T applies in Go made explicit or removed, so that two
 * elements that behave the same compare equal (reference §3.1): patch `type` defaults to
 * FromCompositeFieldPath; empty `policy` and `transforms` are nothing; a match `fallbackTo`
 * other than `Input` behaves as `Value`; a match `fallbackValue: null` is no fallback value.
 */
export function normalizePt(v: unknown, what: 'patch' | 'transform' | 'other'): unknown {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
  const o: Obj = { ...(v as Obj) };
  if (what === 'patch') {
    if (o.type === undefined) o.type = 'FromCompositeFieldPath';
    if (o.policy !== undefined && o.policy !== null && typeof o.policy === 'object' && Object.keys(o.policy as Obj).length === 0) delete o.policy;
    if (Array.isArray(o.transforms)) {
      if (o.transforms.length === 0) delete o.transforms;
      else o.transforms = o.transforms.map(t => normalizePt(t, 'transform'));
    }
  }
  if (what === 'transform' && o.type === 'match' && o.match !== null && typeof o.match === 'object') {
    const m: Obj = { ...(o.match as Obj) };
    if (m.fallbackTo !== undefined && m.fallbackTo !== 'Input') delete m.fallbackTo;
    // An absent fallbackValue is Go's nil, the same as an explicit null (and cdk8s drops nulls).
    if (m.fallbackValue === null) delete m.fallbackValue;
    o.match = m;
  }
  return o;
}

function verify<T extends { _toJson(): Obj }>(e: Emitted<T>, input: unknown, what: 'patch' | 'transform' | 'other', where: string): Emitted<T> {
  if (canonicalJson(e.value._toJson()) !== canonicalJson(normalizePt(input, what))) {
    throw new NotExpressible(where, 'is written differently by the builders; kept as YAML');
  }
  return e;
}

function build<T>(where: string, f: () => T): T {
  try {
    return f();
  } catch (err) {
    throw new NotExpressible(where, `is rejected by the builders (${(err as Error).message.split('\n')[0]})`);
  }
}

function asObj(v: unknown, where: string): Obj {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new NotExpressible(where, `must be an object, got '${JSON.stringify(v)}'`);
  return v as Obj;
}

function str(v: unknown, where: string): string {
  if (typeof v !== 'string') throw new NotExpressible(where, `must be a string, got '${JSON.stringify(v)}'`);
  return v;
}

/** `Transform.*` for one transform. */
export function emitTransform(input: unknown, where: string, ctx: PtContext): Emitted<Transform> {
  const t = asObj(input, where);
  ctx.imports.add('Transform');
  let e: Emitted<Transform>;
  switch (t.type) {
    case 'map': {
      const m = asObj(t.map, `${where}.map`);
      e = { expr: call('Transform.map', val(m)), value: build(where, () => Transform.map(m)) };
      break;
    }
    case 'match': {
      const m = asObj(t.match, `${where}.match`);
      if (!Array.isArray(m.patterns)) throw new NotExpressible(`${where}.match.patterns`, 'must be a list');
      const patterns = m.patterns;
      ctx.imports.add('MatchPattern');
      const pats = patterns.map((p, i) => {
        const po = asObj(p, `${where}.match.patterns[${i}]`);
        if (po.type === 'literal') return { expr: call('MatchPattern.literal', val(po.literal), val(po.result)), value: build(where, () => MatchPattern.literal(po.literal as string, po.result)) };
        if (po.type === 'regexp') return { expr: call('MatchPattern.regexp', val(po.regexp), val(po.result)), value: build(where, () => MatchPattern.regexp(po.regexp as string, po.result)) };
        throw new NotExpressible(`${where}.match.patterns[${i}].type`, `must be literal or regexp, got '${String(po.type)}'`);
      });
      const options: { fallbackValue?: unknown; fallbackToInput?: boolean } = {};
      if (m.fallbackTo === 'Input') options.fallbackToInput = true;
      if (m.fallbackValue !== undefined && m.fallbackValue !== null) options.fallbackValue = m.fallbackValue;
      const args: Expr[] = [arr(pats.map(p => p.expr))];
      if (Object.keys(options).length > 0) args.push(val(options));
      e = { expr: call('Transform.match', ...args), value: build(where, () => Transform.match(pats.map(p => p.value), options)) };
      break;
    }
    case 'math': {
      const m = asObj(t.math, `${where}.math`);
      const kinds: Record<string, string> = { Multiply: 'multiply', ClampMin: 'clampMin', ClampMax: 'clampMax' };
      const field = kinds[m.type as string];
      if (!field) throw new NotExpressible(`${where}.math.type`, `must be Multiply, ClampMin or ClampMax, got '${String(m.type)}'`);
      const n = m[field] as number;
      e = { expr: call(`Transform.math.${field}`, val(n)), value: build(where, () => (Transform.math as Record<string, (x: number) => Transform>)[field](n)) };
      break;
    }
    case 'string': {
      const s = asObj(t.string, `${where}.string`);
      e = stringTransform(s, where);
      break;
    }
    case 'convert': {
      const c = asObj(t.convert, `${where}.convert`);
      const args: Expr[] = [val(c.toType)];
      if (c.format !== undefined) args.push(obj({ format: val(c.format) }));
      e = { expr: call('Transform.convert', ...args), value: build(where, () => Transform.convert(c.toType as any, c.format !== undefined ? { format: c.format as any } : {})) };
      break;
    }
    default:
      throw new NotExpressible(`${where}.type`, `is not a P&T transform type, got '${String(t.type)}'`);
  }
  return verify(e, input, 'transform', where);
}

function stringTransform(s: Obj, where: string): Emitted<Transform> {
  const S = Transform.string;
  switch (s.type) {
    case 'Format': return { expr: call('Transform.string.format', val(s.fmt)), value: build(where, () => S.format(s.fmt as string)) };
    case 'Convert': return { expr: call('Transform.string.convert', val(s.convert)), value: build(where, () => S.convert(s.convert as any)) };
    case 'TrimPrefix': return { expr: call('Transform.string.trimPrefix', val(s.trim)), value: build(where, () => S.trimPrefix(s.trim as string)) };
    case 'TrimSuffix': return { expr: call('Transform.string.trimSuffix', val(s.trim)), value: build(where, () => S.trimSuffix(s.trim as string)) };
    case 'Regexp': {
      const r = asObj(s.regexp, `${where}.string.regexp`);
      const args: Expr[] = [val(r.match)];
      if (r.group !== undefined) args.push(val(r.group));
      return { expr: call('Transform.string.regexp', ...args), value: build(where, () => S.regexp(r.match as string, r.group as number | undefined)) };
    }
    case 'Join': {
      const j = asObj(s.join, `${where}.string.join`);
      return { expr: call('Transform.string.join', val(j.separator)), value: build(where, () => S.join(j.separator as string)) };
    }
    case 'Replace': {
      const r = asObj(s.replace, `${where}.string.replace`);
      return { expr: call('Transform.string.replace', val(r.search), val(r.replace)), value: build(where, () => S.replace(r.search as string, r.replace as string)) };
    }
  }
  throw new NotExpressible(`${where}.string.type`, `is not a P&T string transform type, got '${String(s.type)}'`);
}

function patchOptions(p: Obj, where: string, ctx: PtContext, suppress: readonly { rule: LintRule; message: string }[] = []): { expr?: Expr; value: PatchOptions } {
  const entries: Record<string, Expr | undefined> = {};
  const value: { transforms?: Transform[]; fromFieldPathPolicy?: FromFieldPathPolicy; toFieldPathPolicy?: ToFieldPathPolicy; suppress?: LintRule[] } = {};
  if (Array.isArray(p.transforms) && p.transforms.length > 0) {
    const ts = p.transforms.map((t, i) => emitTransform(t, `${where}.transforms[${i}]`, ctx));
    entries.transforms = arr(ts.map(t => t.expr));
    value.transforms = ts.map(t => t.value);
  }
  const policy = p.policy === undefined || p.policy === null ? {} : asObj(p.policy, `${where}.policy`);
  if (policy.fromFieldPath !== undefined) {
    const member = FROM_POLICY[policy.fromFieldPath as string];
    if (!member) throw new NotExpressible(`${where}.policy.fromFieldPath`, `must be Optional or Required, got '${String(policy.fromFieldPath)}'`);
    ctx.imports.add('FromFieldPathPolicy');
    entries.fromFieldPathPolicy = raw(`FromFieldPathPolicy.${member}`);
    value.fromFieldPathPolicy = policy.fromFieldPath as FromFieldPathPolicy;
  }
  if (policy.toFieldPath !== undefined) {
    const member = TO_POLICY[policy.toFieldPath as string];
    if (!member) throw new NotExpressible(`${where}.policy.toFieldPath`, `is not a P&T toFieldPath policy, got '${String(policy.toFieldPath)}'`);
    ctx.imports.add('ToFieldPathPolicy');
    entries.toFieldPathPolicy = raw(`ToFieldPathPolicy.${member}`);
    value.toFieldPathPolicy = policy.toFieldPath as ToFieldPathPolicy;
  }
  if (suppress.length > 0) {
    ctx.imports.add('LintRule');
    const member = (r: LintRule) => `LintRule.${Object.entries(LintRule).find(([, v]) => v === r)![0]}`;
    entries.suppress = arr(suppress.map(s => raw(`${member(s.rule)} /* ${suppressionComment(s.rule, s.message)} */`)));
    value.suppress = suppress.map(s => s.rule);
  }
  return { expr: Object.keys(entries).length > 0 ? obj(entries) : undefined, value };
}

function combineOf(p: Obj, where: string, ctx: PtContext): Emitted<Combine> {
  const c = asObj(p.combine, `${where}.combine`);
  if (c.strategy !== 'string') throw new NotExpressible(`${where}.combine.strategy`, `must be string, got '${String(c.strategy)}'`);
  const fmt = str(asObj(c.string, `${where}.combine.string`).fmt, `${where}.combine.string.fmt`);
  const vars = (Array.isArray(c.variables) ? c.variables : []).map((v, i) => str(asObj(v, `${where}.combine.variables[${i}]`).fromFieldPath, `${where}.combine.variables[${i}].fromFieldPath`));
  ctx.imports.add('Combine');
  return { expr: call('Combine.string', val(fmt), val(vars)), value: build(`${where}.combine`, () => Combine.string(fmt, vars)) };
}

/** `Patch.*` for a composed-resource patch (or `EnvironmentPatch.*` when `environment`). */
export function emitPatch(input: unknown, where: string, ctx: PtContext, environment = false): Emitted<Patch | EnvironmentPatch> {
  const first = emitPatchWith(input, where, ctx, environment, []);
  // A finding Crossplane accepts is kept as a named suppression, so the code synthesizes the
  // YAML it was converted from and the finding stays visible where it applies.
  const findings = lintPatchFindings(first.value, { xrSchema: ctx.xrSchema, where });
  const suppress = findings.filter((f): f is { rule: LintRule; message: string } => f.rule !== undefined)
    .filter((f, i, all) => all.findIndex(g => g.rule === f.rule) === i);
  return suppress.length === 0 ? first : emitPatchWith(input, where, ctx, environment, suppress);
}

function emitPatchWith(
  input: unknown, where: string, ctx: PtContext, environment: boolean, suppress: readonly { rule: LintRule; message: string }[],
): Emitted<Patch | EnvironmentPatch> {
  const p = asObj(input, where);
  const type = (p.type ?? 'FromCompositeFieldPath') as string;
  const cls = environment ? 'EnvironmentPatch' : 'Patch';
  const factories = environment ? ENV_PATCH_FACTORY : PATCH_FACTORY;
  const target: Record<string, (...args: any[]) => Patch | EnvironmentPatch> = environment ? EnvironmentPatch as any : Patch as any;
  ctx.imports.add(cls);
  let e: Emitted<Patch | EnvironmentPatch>;
  if (type === 'PatchSet' && !environment) {
    const name = str(p.patchSetName, `${where}.patchSetName`);
    const id = ctx.patchSetIds.get(name);
    const set = ctx.patchSetValues.get(name);
    e = { expr: call('Patch.patchSet', id ? raw(id) : val(name)), value: build(where, () => Patch.patchSet(set ?? name)) };
  } else {
    const factory = factories[type];
    if (!factory) throw new NotExpressible(`${where}.type`, `is not a P&T ${environment ? 'environment ' : ''}patch type, got '${type}'`);
    const opts = patchOptions(p, where, ctx, suppress);
    if (type.startsWith('Combine')) {
      const c = combineOf(p, where, ctx);
      const to = str(p.toFieldPath, `${where}.toFieldPath`);
      const args: Expr[] = [c.expr, val(to)];
      if (opts.expr) args.push(opts.expr);
      e = { expr: call(`${cls}.${factory}`, ...args), value: build(where, () => target[factory](c.value, to, opts.value)) };
    } else {
      const from = str(p.fromFieldPath, `${where}.fromFieldPath`);
      const to = p.toFieldPath === undefined ? undefined : str(p.toFieldPath, `${where}.toFieldPath`);
      const args: Expr[] = [val(from)];
      if (to !== undefined || opts.expr) args.push(to === undefined ? raw('undefined') : val(to));
      if (opts.expr) args.push(opts.expr);
      e = { expr: call(`${cls}.${factory}`, ...args), value: build(where, () => target[factory](from, to, opts.value)) };
    }
  }
  return verify(e, input, 'patch', where);
}

/** `PatchSet.of(name, [...])`. */
export function emitPatchSet(input: unknown, where: string, ctx: PtContext): Emitted<PatchSet> {
  const s = asObj(input, where);
  const name = str(s.name, `${where}.name`);
  const patches = (Array.isArray(s.patches) ? s.patches : []).map((p, i) => emitPatch(p, `${where}.patches[${i}]`, ctx) as Emitted<Patch>);
  ctx.imports.add('PatchSet');
  const value = build(where, () => PatchSet.of(name, patches.map(p => p.value)));
  const e = { expr: call('PatchSet.of', val(name), arr(patches.map(p => p.expr))), value };
  if (s.patches !== undefined && !Array.isArray(s.patches)) throw new NotExpressible(`${where}.patches`, 'must be a list');
  const json = { name, patches: ((s.patches ?? []) as unknown[]).map(p => normalizePt(p, 'patch')) };
  if (canonicalJson(value._toJson()) !== canonicalJson(json) || Object.keys(s).some(k => k !== 'name' && k !== 'patches')) {
    throw new NotExpressible(where, 'is written differently by the builders; kept as YAML');
  }
  return e;
}

/** `ReadinessCheck.*`. */
export function emitReadinessCheck(input: unknown, where: string, ctx: PtContext): Emitted<ReadinessCheck> {
  const r = asObj(input, where);
  ctx.imports.add('ReadinessCheck');
  const fp = () => str(r.fieldPath, `${where}.fieldPath`);
  let e: Emitted<ReadinessCheck>;
  switch (r.type) {
    case 'None': e = { expr: call('ReadinessCheck.none'), value: ReadinessCheck.none() }; break;
    case 'NonEmpty': { const f = fp(); e = { expr: call('ReadinessCheck.nonEmpty', val(f)), value: build(where, () => ReadinessCheck.nonEmpty(f)) }; break; }
    case 'MatchString': { const f = fp(); e = { expr: call('ReadinessCheck.matchString', val(f), val(r.matchString)), value: build(where, () => ReadinessCheck.matchString(f, r.matchString as string)) }; break; }
    case 'MatchInteger': { const f = fp(); e = { expr: call('ReadinessCheck.matchInteger', val(f), val(r.matchInteger)), value: build(where, () => ReadinessCheck.matchInteger(f, r.matchInteger as number)) }; break; }
    case 'MatchTrue': { const f = fp(); e = { expr: call('ReadinessCheck.matchTrue', val(f)), value: build(where, () => ReadinessCheck.matchTrue(f)) }; break; }
    case 'MatchFalse': { const f = fp(); e = { expr: call('ReadinessCheck.matchFalse', val(f)), value: build(where, () => ReadinessCheck.matchFalse(f)) }; break; }
    case 'MatchCondition': {
      const mc = r.matchCondition === undefined ? {} : asObj(r.matchCondition, `${where}.matchCondition`);
      const options: Obj = {};
      if (mc.type !== undefined && mc.type !== 'Ready') options.type = mc.type;
      if (mc.status !== undefined && mc.status !== 'True') options.status = mc.status;
      e = {
        expr: call('ReadinessCheck.matchCondition', ...(Object.keys(options).length > 0 ? [val(options)] : [])),
        value: build(where, () => ReadinessCheck.matchCondition(options as any)),
      };
      break;
    }
    default:
      throw new NotExpressible(`${where}.type`, `is not a P&T readiness check type, got '${String(r.type)}'`);
  }
  return verify(e, input, 'other', where);
}

/** `ConnectionDetail.*`. */
export function emitConnectionDetail(input: unknown, where: string, ctx: PtContext): Emitted<ConnectionDetail> {
  const d = asObj(input, where);
  ctx.imports.add('ConnectionDetail');
  const name = str(d.name, `${where}.name`);
  let e: Emitted<ConnectionDetail>;
  switch (d.type) {
    case 'FromConnectionSecretKey': {
      const key = str(d.fromConnectionSecretKey, `${where}.fromConnectionSecretKey`);
      e = { expr: call('ConnectionDetail.fromConnectionSecretKey', val(name), val(key)), value: build(where, () => ConnectionDetail.fromConnectionSecretKey(name, key)) };
      break;
    }
    case 'FromFieldPath': {
      const f = str(d.fromFieldPath, `${where}.fromFieldPath`);
      e = { expr: call('ConnectionDetail.fromFieldPath', val(name), val(f)), value: build(where, () => ConnectionDetail.fromFieldPath(name, f)) };
      break;
    }
    case 'FromValue': {
      const v = str(d.value, `${where}.value`);
      e = { expr: call('ConnectionDetail.fromValue', val(name), val(v)), value: build(where, () => ConnectionDetail.fromValue(name, v)) };
      break;
    }
    default:
      throw new NotExpressible(`${where}.type`, `is not a P&T connection detail type, got '${String(d.type)}'`);
  }
  return verify(e, input, 'other', where);
}
