/**
 * Checks on Composition objects that need more than their own schema (reference 8, items
 * 7-16): the composite type is a referenceable XRD version, every `functionRef` names a
 * Function (when Functions are among the objects), P&T input is valid as P&T itself would
 * judge it, composed-side patch paths exist in the composed kind's schema,
 * ToCompositeFieldPath targets exist in the XR schema (status), and a namespaced XR composes
 * only namespaced kinds (reference 5).
 */
import { PT_BEHAVIOUR } from '../engine/functions/patch-and-transform/input';
import { ptInputProblem } from '../engine/functions/patch-and-transform/validate';
import type { ObjectValue } from '../engine/go/values';
import { Finding, FindingObject } from './finding';
import { isRecord } from './_util';
import { splitApiVersion } from '../schema/imported-schemas';
import { SchemaRegistry } from './registry';
import { checkFieldPath, FieldPathProblem } from '../pt/path-check';
import { JsonSchema } from '../schema/json-schema';

type Rec = Record<string, unknown>;

/** Why `path` cannot exist in objects of `schema` (with a did-you-mean), or undefined. */
function pathProblem(schema: unknown, path: string): { message: string } | undefined {
  let prob: FieldPathProblem | undefined;
  try {
    prob = checkFieldPath(path, schema as JsonSchema);
  } catch (err) {
    return { message: (err as Error).message };
  }
  return prob && { message: prob.suggestion ? `${prob.message}: ${prob.suggestion}` : prob.message };
}

const COMPOSED_TO = new Set(['FromCompositeFieldPath', 'CombineFromComposite', 'FromEnvironmentFieldPath', 'CombineFromEnvironment']);
const COMPOSED_FROM = new Set(['ToCompositeFieldPath', 'CombineToComposite', 'ToEnvironmentFieldPath', 'CombineToEnvironment']);

/**
 * P&T's decoding error, saying whose behaviour it is: the field fails the step in every P&T
 * release since v0.8.0, but a reader who knows an older one should see which release we mean.
 */
function strictDecodingMessage(message: string): string {
  return `${message} (function-patch-and-transform ${PT_BEHAVIOUR.version} decodes its input strictly, through function-sdk-go ${PT_BEHAVIOUR.sdkVersion}: `
    + 'the step fails with this error; remove the field or fix its name or type)';
}

/** Options of {@link checkComposition}. */
export interface CompositionCheckContext {
  readonly registry: SchemaRegistry;
  /** Names of the Function objects among the validated objects; undefined when there are none. */
  readonly functionNames?: ReadonlySet<string>;
  /**
   * How to report a composed kind without a schema (its paths cannot be checked).
   * @default - a warning
   */
  readonly missingSchemaSeverity?: (group: string, kind: string) => 'error' | 'warning';
}

type Add = (path: string, rule: string, message: string, severity?: 'error' | 'warning') => void;

/** What the checks of one Composition know of the XR it composes. */
interface CompositeTarget {
  readonly refApi: string;
  readonly refKind: string;
  /** The XR schema; undefined when the XR kind is unknown. */
  readonly xrSchema: unknown;
  /** Whether the XRD makes the XR namespaced; undefined without its XRD. */
  readonly xrNamespaced: boolean | undefined;
}

/**
 * Runs the cross-object checks on one Composition. Never throws on user data. The checks run
 * from the outside in: the composite type, then each pipeline step, then each resource of a
 * P&T step and its patches, readiness checks and connection details.
 */
export function checkCompositionReferences(comp: Rec, object: FindingObject, ctx: CompositionCheckContext): Finding[] {
  const out: Finding[] = [];
  const add: Add = (path, rule, message, severity = 'error') => out.push({ object, path, rule, message, severity });
  const spec = isRecord(comp.spec) ? comp.spec : undefined;
  if (!spec) return out;
  const target = checkCompositeTypeRef(spec, ctx, add);
  const steps = Array.isArray(spec.pipeline) ? spec.pipeline : [];
  steps.forEach((step: unknown, i: number) => checkStep(step, `spec.pipeline[${i}]`, target, ctx, add));
  return out;
}

/** The composite type must be an XR kind at a referenceable version of its XRD. */
function checkCompositeTypeRef(spec: Rec, ctx: CompositionCheckContext, add: Add): CompositeTarget {
  const ref = isRecord(spec.compositeTypeRef) ? spec.compositeTypeRef : {};
  const refApi = typeof ref.apiVersion === 'string' ? ref.apiVersion : '';
  const refKind = typeof ref.kind === 'string' ? ref.kind : '';
  const { group, version } = splitApiVersion(refApi);
  const xrd = refKind ? ctx.registry.xrdFor(group, refKind) : undefined;
  // The API server admits a Composition whatever type it names (Crossplane v2 has no
  // Composition webhook, reference 2.2); XRs just never select it. A likely mistake, so a
  // warning: an end-to-end test may well apply it before the XRD changes its referenceable version.
  if (xrd && xrd.kind === refKind && !xrd.referenceableVersions.includes(version)) {
    const want = xrd.referenceableVersions[0];
    add('spec.compositeTypeRef.apiVersion', 'composition', `Invalid value: "${refApi}": XRD ${xrd.name} has no referenceable version ${version}, so no XR selects this Composition${want ? `: set apiVersion to ${group}/${want}` : ': mark one version referenceable'}`, 'warning');
  }
  if (xrd && xrd.kind !== refKind) {
    add('spec.compositeTypeRef.kind', 'composition', `Invalid value: "${refKind}": ${refKind} is the claim kind of XRD ${xrd.name}, so no XR selects this Composition: reference the XR kind ${xrd.kind}`, 'warning');
  }
  const xrSchema = refApi && refKind ? ctx.registry.lookup(refApi, refKind)?.schema : undefined;
  return { refApi, refKind, xrSchema, xrNamespaced: xrd ? xrd.scope === 'Namespaced' : undefined };
}

/** A pipeline step at `sp`: its Function exists; a P&T step's input is valid and its resources check out. */
function checkStep(step: unknown, sp: string, target: CompositeTarget, ctx: CompositionCheckContext, add: Add): void {
  if (!isRecord(step)) return;
  const fnName = isRecord(step.functionRef) ? step.functionRef.name : undefined;
  if (ctx.functionNames && typeof fnName === 'string' && !ctx.functionNames.has(fnName)) {
    // Admitted by the API server (no webhook in v2, reference 2.2), and often right: a
    // package's dependsOn installs Functions that no file of the repository declares.
    add(`${sp}.functionRef.name`, 'composition-function', `Invalid value: "${fnName}": no Function named "${fnName}" among the objects (known: ${[...ctx.functionNames].sort().join(', ') || 'none'}): install a Function with that metadata.name (or have a package dependency install it) or fix the reference`, 'warning');
  }
  const input = isRecord(step.input) ? step.input : undefined;
  if (!input || input.kind !== 'Resources' || typeof input.apiVersion !== 'string' || !input.apiVersion.startsWith('pt.fn.crossplane.io/')) return;
  const ip = `${sp}.input`;
  const problem = ptInputProblem(input as ObjectValue);
  if (problem) add(problem.field ? `${ip}.${problem.field}` : ip, 'pt-input', problem.field === '' ? strictDecodingMessage(problem.message) : problem.message);
  const patchSets = new Map<string, unknown[]>();
  for (const ps of Array.isArray(input.patchSets) ? input.patchSets : []) {
    if (isRecord(ps) && typeof ps.name === 'string') patchSets.set(ps.name, Array.isArray(ps.patches) ? ps.patches : []);
  }
  const resources = Array.isArray(input.resources) ? input.resources : [];
  resources.forEach((r: unknown, j: number) => checkResource(r, `${ip}.resources[${j}]`, patchSets, target, ctx, add));
}

/**
 * A P&T resource at `rp`: its kind has a schema (and a namespaced XR composes it only when it
 * is namespaced), and the paths of its patches (patch sets expanded), readiness checks and
 * connection details exist on the side each one reads or writes.
 */
function checkResource(r: unknown, rp: string, patchSets: ReadonlyMap<string, unknown[]>, target: CompositeTarget, ctx: CompositionCheckContext, add: Add): void {
  if (!isRecord(r)) return;
  const { refApi, refKind, xrSchema, xrNamespaced } = target;
  const base = isRecord(r.base) ? r.base : undefined;
  if (!base || typeof base.apiVersion !== 'string' || typeof base.kind !== 'string') return;
  const entry = ctx.registry.lookup(base.apiVersion, base.kind);
  if (!entry) {
    const { group: bg } = splitApiVersion(base.apiVersion);
    const known = ctx.registry.versionsOf(bg, base.kind);
    if (known.length) add(`${rp}.base.apiVersion`, 'missing-schema', `Invalid value: "${base.apiVersion}": ${base.kind} has no schema at this version (known: ${known.map((v) => `${bg}/${v}`).join(', ')}): providers that no longer serve it reject the composed resource; use a known version`, 'warning');
    else {
      const severity = ctx.missingSchemaSeverity?.(bg, base.kind) ?? 'warning';
      add(`${rp}.base`, 'missing-schema', `could not find CRD/XRD for: ${base.apiVersion}, Kind=${base.kind}: composed-side paths not checked; `
        + `pass its CRD to check them${severity === 'error' ? `, or allow it with allowMissingSchemas: ['${base.kind}']` : ''}`, severity);
    }
  } else if (xrNamespaced && entry.scope === 'Cluster') {
    add(`${rp}.base`, 'composition-scope', `Invalid value: "${base.apiVersion}, Kind=${base.kind}": a Namespaced XR can only compose namespaced kinds, and ${base.kind} is cluster scoped: use the namespaced variant (e.g. a .m. provider group)`);
  }
  const composedSchema = entry?.schema;
  const patches: { p: Rec; at: string }[] = [];
  (Array.isArray(r.patches) ? r.patches : []).forEach((p: unknown, k: number) => {
    if (!isRecord(p)) return;
    if (p.type === 'PatchSet' && typeof p.patchSetName === 'string') {
      (patchSets.get(p.patchSetName) ?? []).forEach((q, m) => { if (isRecord(q)) patches.push({ p: q, at: `${rp}.patches[${k}] (patchSet ${p.patchSetName}[${m}])` }); });
    } else patches.push({ p, at: `${rp}.patches[${k}]` });
  });
  const checkComposed = (fieldAt: string, path: unknown) => {
    if (!composedSchema || typeof path !== 'string' || path === '') return;
    const prob = pathProblem(composedSchema, path);
    if (prob) add(fieldAt, 'composition-patch-path', `Invalid value: "${path}": path does not exist in ${base.apiVersion}, Kind=${base.kind}: ${prob.message}`);
  };
  const checkXr = (fieldAt: string, path: unknown) => {
    if (typeof path !== 'string' || path === '') return;
    if (!/^(status|metadata)\b/.test(path)) {
      add(fieldAt, 'composition-patch-path', `Invalid value: "${path}": Crossplane persists only the XR status from a pipeline, so a patch to ${path.split(/[.[]/)[0]} is lost: patch a status field instead`, 'warning');
    }
    if (!xrSchema) return;
    const prob = pathProblem(xrSchema, path);
    if (prob) add(fieldAt, 'composition-patch-path', `Invalid value: "${path}": path does not exist in the XR schema of ${refApi}, Kind=${refKind}: ${prob.message}; declare it in the XRD${path.startsWith('status') ? ' status schema' : ''}`);
  };
  // An XR-side source the XR schema cannot hold is never set (the API server prunes it), so
  // the patch never applies: a warning, since Optional patches then silently do nothing.
  const checkXrSource = (fieldAt: string, path: unknown) => {
    if (!xrSchema || typeof path !== 'string' || path === '') return;
    const prob = pathProblem(xrSchema, path);
    if (prob) add(fieldAt, 'composition-patch-path', `Invalid value: "${path}": path does not exist in the XR schema of ${refApi}, Kind=${refKind}, so this patch never applies: ${prob.message}`, 'warning');
  };
  for (const { p, at } of patches) {
    const type = typeof p.type === 'string' && p.type !== '' ? p.type : 'FromCompositeFieldPath';
    const to = typeof p.toFieldPath === 'string' ? p.toFieldPath : p.fromFieldPath;
    if (type === 'FromCompositeFieldPath') checkXrSource(`${at}.fromFieldPath`, p.fromFieldPath);
    if (type === 'CombineFromComposite') {
      const vars = isRecord(p.combine) && Array.isArray(p.combine.variables) ? p.combine.variables : [];
      vars.forEach((v: unknown, n: number) => { if (isRecord(v)) checkXrSource(`${at}.combine.variables[${n}].fromFieldPath`, v.fromFieldPath); });
    }
    if (COMPOSED_TO.has(type)) checkComposed(`${at}.toFieldPath`, to);
    if (COMPOSED_FROM.has(type)) {
      if (type.startsWith('Combine')) {
        const vars = isRecord(p.combine) && Array.isArray(p.combine.variables) ? p.combine.variables : [];
        vars.forEach((v: unknown, n: number) => { if (isRecord(v)) checkComposed(`${at}.combine.variables[${n}].fromFieldPath`, v.fromFieldPath); });
      } else checkComposed(`${at}.fromFieldPath`, p.fromFieldPath);
      if (type === 'ToCompositeFieldPath' || type === 'CombineToComposite') checkXr(`${at}.toFieldPath`, to);
    }
  }
  (Array.isArray(r.readinessChecks) ? r.readinessChecks : []).forEach((c: unknown, k: number) => {
    if (isRecord(c) && c.type !== 'MatchCondition' && c.type !== 'None') checkComposed(`${rp}.readinessChecks[${k}].fieldPath`, c.fieldPath);
  });
  (Array.isArray(r.connectionDetails) ? r.connectionDetails : []).forEach((c: unknown, k: number) => {
    if (isRecord(c) && c.type === 'FromFieldPath') checkComposed(`${rp}.connectionDetails[${k}].fromFieldPath`, c.fromFieldPath);
  });
}
