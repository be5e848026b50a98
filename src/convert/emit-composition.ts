import { arr, call, camelCase, Expr, NameAllocator, obj, raw, render, val } from './_code-writer';
import { emitConnectionDetail, emitPatch, emitPatchSet, emitReadinessCheck, NotExpressible, PtContext } from './emit-pt';
import { L1Base, L1Imports, l1Base } from './l1-template';
import { PatchSet } from '../pt/patch-set';
import { ConversionWarning, PT_INPUT_API_VERSION } from './resources-to-pipeline';
import { JsonSchema } from '../schema/json-schema';

/** What is known of a composed kind at one version, from `--crds` or the schema lookup. */
export interface ComposedKindVersion {
  /** Whether any schema of the kind is known. */
  readonly known: boolean;
  /** Whether the version is served. */
  readonly served: boolean;
  /** The versions that are served, for notes. */
  readonly servedVersions: readonly string[];
  /** Whether the kind comes from the CRDs given to convert (its L1 classes are the repository's own). */
  readonly fromCrds: boolean;
}

/** Options of {@link emitComposition}. */
export interface EmitCompositionOptions {
  /**
   * The XR schema (referenceable version), for the lints whose findings become suppressions.
   * @default - only findings that need no schema
   */
  readonly xrSchema?: JsonSchema;
  /**
   * Rename `functionRef` names of stock functions to their stock names.
   * @default false
   */
  readonly renameFunctions?: boolean;
  /**
   * What is known of a composed kind's version.
   * @default - nothing: every base is checked against the L1 classes only
   */
  readonly composedKind?: (apiVersion: string, kind: string) => ComposedKindVersion;
  /**
   * A base of a kind the given CRDs define, as props of the repository's own L1 class (its
   * imports folder); a note saying why it stays a plain object; or undefined when the class
   * cannot express it exactly (a plain object always can).
   * @default - such bases stay plain objects
   */
  readonly projectL1?: (base: Obj) => L1Base | string | undefined;
}

/**
 * Code for a Pipeline Composition with the `Composition` construct: the P&T step becomes
 * `addResource(...)` calls with `Patch.*` builders and patch sets as `const`s; every other step
 * is kept verbatim with `addStep(...)`. A composed resource whose kind `imports/` has is written
 * with its L1 class (`addResource('network', Network, { spec: ... })`), any other as a plain
 * object (l1-template.ts says when a base stays plain). This is the only file that knows the
 * Composition API, so it is the one to adapt when that API changes.
 *
 * When a P&T element cannot be written with the builders, the whole P&T input is kept as a
 * verbatim step instead (nothing is lost) and the element is reported.
 */

type Obj = Record<string, unknown>;

/** The code of one Composition. */
export interface CompositionCode {
  /** Statements, in order, for the body of the module's define function. */
  readonly statements: string[];
  /** Library names used. */
  readonly imports: Set<string>;
  /** What could not be carried over as is. */
  readonly warnings: ConversionWarning[];
}

/** Step and function names function-auto-ready gets from the construct. */
const AUTO_READY_STEP = 'automatically-detect-ready-composed-resources';
const AUTO_READY_FUNCTION = 'function-auto-ready';
const PT_FUNCTION = 'function-patch-and-transform';
/** functionRef names of the stock packages, and the static member naming each. */
const STOCK: Record<string, string> = {
  'function-patch-and-transform': 'PATCH_AND_TRANSFORM',
  'function-auto-ready': 'AUTO_READY',
  'function-go-templating': 'GO_TEMPLATING',
  'function-environment-configs': 'ENVIRONMENT_CONFIGS',
  'function-kcl': 'KCL',
  'function-sequencer': 'SEQUENCER',
  'function-cel-filter': 'CEL_FILTER',
};
const HANDLED_SPEC = new Set(['compositeTypeRef', 'mode', 'pipeline', 'writeConnectionSecretsToNamespace']);

/**
 * Emits statements creating the Composition in `scope` for the XRD held in `xrdVariable`.
 * `composition` must be in Pipeline mode (convert Resources mode first). L1 classes used are
 * registered in `l1` (one per generated module, sharing `names`).
 */
export function emitComposition(
  composition: Obj, xrdVariable: string, xrdName: string, names: NameAllocator, constructIds: NameAllocator, l1: L1Imports, options: EmitCompositionOptions = {},
): CompositionCode {
  const imports = new Set<string>(['Composition', 'AutoReady']);
  const renameFunctions = options.renameFunctions === true;
  const warnings: ConversionWarning[] = [];
  const warn = (field: string, message: string) => warnings.push({ field, message });
  const statements: string[] = [];
  const meta = (composition.metadata ?? {}) as Obj;
  const spec = (composition.spec ?? {}) as Obj;
  const name = String(meta.name ?? xrdName);
  for (const key of Object.keys(spec)) if (!HANDLED_SPEC.has(key)) warn(`spec.${key}`, 'not a field of Crossplane v2 Compositions the construct writes; left out');
  for (const key of Object.keys(meta)) if (key !== 'name' && key !== 'labels') warn(`metadata.${key}`, 'not carried by the construct; left out (use ApiObject.of(composition.resource) to add it back)');

  const steps = (Array.isArray(spec.pipeline) ? spec.pipeline : []) as Obj[];
  const ptIndexes = steps.map((s, i) => ({ s, i })).filter(x => (x.s.input as Obj | undefined)?.apiVersion === PT_INPUT_API_VERSION && (x.s.input as Obj).kind === 'Resources');
  if (ptIndexes.length > 1) warn('spec.pipeline', 'several patch-and-transform steps; only the first is written with builders, the others are kept verbatim');
  const pt = ptIndexes[0];
  let ptPlan: PtPlan | undefined;
  let ptFunction: Expr | undefined;
  if (pt) {
    const fn = ((pt.s.functionRef ?? {}) as Obj).name;
    if (fn !== PT_FUNCTION && options.renameFunctions) {
      warn(`spec.pipeline[${pt.i}].functionRef.name`, `'${String(fn)}' is written as '${PT_FUNCTION}' (renameFunctions): the Function of that name must exist in the cluster`);
    } else if (fn !== PT_FUNCTION) {
      // Kept as written: the cluster's Function has this name.
      imports.add('FunctionPackage');
      ptFunction = call('FunctionPackage.PATCH_AND_TRANSFORM.withName', val(String(fn)));
    }
    try {
      ptPlan = planPt(pt.s.input as Obj, `spec.pipeline[${pt.i}].input`, names, imports, warnings, l1, options);
    } catch (e) {
      if (!(e instanceof NotExpressible)) throw e;
      warn(e.field, `${e.reason}; the whole patch-and-transform step is kept verbatim`);
    }
    for (const key of ['credentials', 'requirements']) {
      if (pt.s[key] !== undefined) warn(`spec.pipeline[${pt.i}].${key}`, 'not supported on the patch-and-transform step by the construct; left out');
    }
  }
  const usesBuilders = pt !== undefined && ptPlan !== undefined;

  // function-auto-ready as the last step, as the construct writes it, becomes AutoReady.ON.
  const last = steps[steps.length - 1];
  const autoReadyLast = last !== undefined && last.step === AUTO_READY_STEP && ((last.functionRef ?? {}) as Obj).name === AUTO_READY_FUNCTION
    && last.input === undefined && last.credentials === undefined && last.requirements === undefined;

  // `xnetworks.aws.example.org` for the XRD `xnetworks.example.org` is the `aws` Composition.
  const xrdLabels = new Set(xrdName.split('.'));
  const distinct = name.split('.').filter(l => !xrdLabels.has(l)).join('-');
  const compId = names.allocate(distinct === '' ? 'composition' : `${camelCase(distinct)}Composition`);
  const props: Record<string, Expr | undefined> = { xrd: raw(xrdVariable) };
  // Construct ids are unique per scope; a second Composition of the same name gets `<name>2`.
  const constructId = constructIds.allocate(name);
  if (constructId !== name) warn('metadata.name', `another Composition in this batch is also named '${name}': both are written and would replace each other in a cluster`);
  if (name !== xrdName || constructId !== name) props.name = val(name);
  if (meta.labels !== undefined) props.labels = val(meta.labels);
  props.autoReady = raw(autoReadyLast ? 'AutoReady.ON' : 'AutoReady.OFF');
  if (usesBuilders && pt!.s.step !== 'patch-and-transform') props.patchAndTransformStep = val(pt!.s.step);
  if (usesBuilders && ptFunction) props.patchAndTransformFunction = ptFunction;
  if (ptPlan?.writeConnectionSecretToRef) props.writeConnectionSecretToRef = ptPlan.writeConnectionSecretToRef;
  // A verbatim step may take the name the construct gives its own P&T step: the construct then
  // names its (unused) step otherwise, so that the two cannot collide.
  if (!usesBuilders && steps.some(s => s.step === 'patch-and-transform')) props.patchAndTransformStep = val(unusedStepName(steps));
  if (ptPlan && ptPlan.patchSetIds.length > 0) props.patchSets = arr(ptPlan.patchSetIds.map(raw));
  if (ptPlan && ptPlan.environmentPatches.length > 0) props.environmentPatches = arr(ptPlan.environmentPatches);
  if (spec.writeConnectionSecretsToNamespace !== undefined) props.writeConnectionSecretsToNamespace = val(spec.writeConnectionSecretsToNamespace);

  if (ptPlan) statements.push(...ptPlan.patchSetStatements);
  statements.push(`const ${compId} = ${render(call('new Composition', raw('scope'), val(constructId), obj(props)))};`);
  if (ptPlan) {
    for (const r of ptPlan.resources) statements.push(`${compId}.${render(r)};`);
  }
  const ptStepName = usesBuilders ? String(pt!.s.step) : undefined;
  let beforePt = usesBuilders;
  steps.forEach((s, i) => {
    if (usesBuilders && i === pt!.i) {
      beforePt = false;
      return;
    }
    if (autoReadyLast && i === steps.length - 1) return;
    statements.push(`${compId}.${render(addStepCall(s, i, renameFunctions, beforePt ? ptStepName : undefined, imports, warn))};`);
  });
  return { statements, imports, warnings };
}

/**
 * The `addStep` call of a step written as it is (every step but the patch-and-transform step
 * written with builders), placed `before` that step when it came before it.
 */
function addStepCall(s: Obj, i: number, renameFunctions: boolean, before: string | undefined, imports: Set<string>, warn: (field: string, message: string) => void): Expr {
  const fnName = String(((s.functionRef ?? {}) as Obj).name);
  imports.add('FunctionPackage');
  const stock = Object.keys(STOCK).find(n => fnName === n || fnName.endsWith(`-${n}`));
  const member = stock ? STOCK[stock] : undefined;
  if (member && stock !== fnName && renameFunctions) {
    warn(`spec.pipeline[${i}].functionRef.name`, `'${fnName}' is written as '${stock}' (renameFunctions): the Function of that name must exist in the cluster`);
  }
  const pkg = !member
    ? call('FunctionPackage.of', val({ name: fnName, repository: `xpkg.crossplane.io/crossplane-contrib/${fnName}`, version: 'v0.0.0' }))
    : stock === fnName || renameFunctions ? raw(`FunctionPackage.${member}`) : call(`FunctionPackage.${member}.withName`, val(fnName));
  if (!member) {
    warn(`spec.pipeline[${i}].functionRef.name`, `'${fnName}' is not a stock function: its package repository and version are placeholders, set them in the generated code`);
  }
  const stepOptions: Record<string, Expr | undefined> = { step: val(s.step), function: pkg };
  if (s.input !== undefined) stepOptions.input = val(s.input);
  if (Array.isArray(s.credentials)) {
    // The library always writes `source: Secret` (the only source Crossplane admits, §2.1).
    stepOptions.credentials = val(s.credentials.map((c: any) => {
      if (c?.source !== undefined && c.source !== 'Secret') warn(`spec.pipeline[${i}].credentials`, `source '${c.source}' cannot be admitted by Crossplane (only Secret); written as Secret`);
      const { source: _source, ...rest } = c ?? {};
      return rest;
    }));
  }
  if (s.requirements !== undefined) stepOptions.requirements = val(s.requirements);
  for (const key of Object.keys(s)) if (!['step', 'functionRef', 'input', 'credentials', 'requirements'].includes(key)) warn(`spec.pipeline[${i}].${key}`, 'not a pipeline step field; left out');
  const args: Expr[] = [obj(stepOptions)];
  if (before !== undefined) args.push(obj({ before: val(before) }));
  return call('addStep', ...args);
}

/** A step name the pipeline does not use, for the construct's own P&T step. */
function unusedStepName(steps: readonly Obj[]): string {
  const taken = new Set(steps.map(s => String(s.step)));
  let name = 'patch-and-transform-builders';
  for (let n = 2; taken.has(name); n++) name = `patch-and-transform-builders-${n}`;
  return name;
}

interface PtPlan {
  readonly writeConnectionSecretToRef?: Expr;
  readonly patchSetStatements: string[];
  readonly patchSetIds: string[];
  readonly environmentPatches: Expr[];
  readonly resources: Expr[];
}

function list(v: unknown, where: string): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new NotExpressible(where, `must be a list, got '${JSON.stringify(v)}'`);
  return v;
}

function hasNull(v: unknown): boolean {
  if (v === null) return true;
  if (Array.isArray(v)) return v.some(hasNull);
  return typeof v === 'object' && Object.values(v as Obj).some(hasNull);
}

function planPt(
  input: Obj, where: string, names: NameAllocator, imports: Set<string>, warnings: ConversionWarning[], l1: L1Imports, options: EmitCompositionOptions,
): PtPlan {
  for (const key of Object.keys(input)) {
    if (!['apiVersion', 'kind', 'resources', 'patchSets', 'environment', 'writeConnectionSecretToRef'].includes(key)) {
      throw new NotExpressible(`${where}.${key}`, 'is not a P&T input field');
    }
  }
  const ids = new Map<string, string>();
  const values = new Map<string, PatchSet>();
  const ctx: PtContext = { imports, patchSetIds: ids, patchSetValues: values, xrSchema: options.xrSchema };
  let writeConnectionSecretToRef: Expr | undefined;
  if (input.writeConnectionSecretToRef !== undefined) {
    const at = `${where}.writeConnectionSecretToRef`;
    const ref = input.writeConnectionSecretToRef;
    if (ref === null || typeof ref !== 'object' || Array.isArray(ref)) throw new NotExpressible(at, 'must be an object');
    const r = ref as Obj;
    for (const key of Object.keys(r)) if (!['name', 'namespace', 'patches'].includes(key)) throw new NotExpressible(`${at}.${key}`, 'is not a writeConnectionSecretToRef field');
    const entries: Record<string, Expr | undefined> = {};
    for (const key of ['name', 'namespace']) {
      if (r[key] === undefined) continue;
      if (typeof r[key] !== 'string') throw new NotExpressible(`${at}.${key}`, 'must be a string');
      entries[key] = val(r[key]);
    }
    const patches = list(r.patches, `${at}.patches`).map((p, j) => emitPatch(p, `${at}.patches[${j}]`, ctx).expr);
    if (patches.length > 0) entries.patches = arr(patches);
    writeConnectionSecretToRef = obj(entries);
  }
  const patchSetStatements: string[] = [];
  const patchSetIds: string[] = [];
  list(input.patchSets, `${where}.patchSets`).forEach((s, i) => {
    const e = emitPatchSet(s, `${where}.patchSets[${i}]`, ctx);
    const id = names.allocate(`${camelCase(e.value.name)}PatchSet`);
    ids.set(e.value.name, id);
    values.set(e.value.name, e.value);
    patchSetIds.push(id);
    patchSetStatements.push(`const ${id} = ${render(e.expr)};`);
  });
  const env = (input.environment ?? {}) as Obj;
  if (typeof env !== 'object' || Array.isArray(env)) throw new NotExpressible(`${where}.environment`, 'must be an object');
  for (const key of Object.keys(env)) if (key !== 'patches') throw new NotExpressible(`${where}.environment.${key}`, 'is not a P&T environment field');
  const environmentPatches = list(env.patches, `${where}.environment.patches`).map((p, i) => emitPatch(p, `${where}.environment.patches[${i}]`, ctx, true).expr);
  // Every template is checked before any L1 class is imported: a template the builders cannot
  // express keeps the whole step verbatim, and must not leave an unused import behind.
  const templates = list(input.resources, `${where}.resources`).map((r, i) => {
    const at = `${where}.resources[${i}]`;
    if (r === null || typeof r !== 'object' || Array.isArray(r)) throw new NotExpressible(at, 'is not a resource template');
    const t = r as Obj;
    for (const key of Object.keys(t)) if (!['name', 'base', 'patches', 'readinessChecks', 'connectionDetails'].includes(key)) throw new NotExpressible(`${at}.${key}`, 'is not a resource template field');
    if (typeof t.name !== 'string') throw new NotExpressible(`${at}.name`, 'must be a string');
    const base = t.base as Obj | undefined;
    if (!base || typeof base.apiVersion !== 'string' || typeof base.kind !== 'string') throw new NotExpressible(`${at}.base`, 'must be an object with apiVersion and kind');
    const known = options.composedKind?.(base.apiVersion, base.kind);
    // The bundled L1 classes are one provider version: a kind the given CRDs define is written
    // with the repository's own class (generated from those CRDs) when there is one, a version
    // the known schemas do not serve as a plain object.
    let l1Template: L1Base | undefined;
    if (known?.fromCrds) {
      const own = known.served ? options.projectL1?.(base) : undefined;
      if (typeof own === 'string') warnings.push({ field: `${at}.base`, message: own });
      else l1Template = own;
    } else if (!(known && known.known && !known.served)) {
      l1Template = l1Base(base);
    }
    if (!l1Template && hasNull(base)) warnings.push({ field: `${at}.base`, message: 'holds null values, which cdk8s leaves out when it synthesizes (the API server prunes them too)' });
    const resourceOptions: Record<string, Expr | undefined> = {};
    const patches = list(t.patches, `${at}.patches`).map((p, j) => emitPatch(p, `${at}.patches[${j}]`, ctx).expr);
    if (patches.length > 0) resourceOptions.patches = arr(patches);
    if (t.readinessChecks !== undefined) {
      const checks = list(t.readinessChecks, `${at}.readinessChecks`).map((c, j) => emitReadinessCheck(c, `${at}.readinessChecks[${j}]`, ctx).expr);
      if (checks.length === 0) throw new NotExpressible(`${at}.readinessChecks`, 'is an empty list, which the construct writes as no list');
      resourceOptions.readinessChecks = arr(checks);
    }
    const details = list(t.connectionDetails, `${at}.connectionDetails`).map((d, j) => emitConnectionDetail(d, `${at}.connectionDetails[${j}]`, ctx).expr);
    if (details.length > 0) resourceOptions.connectionDetails = arr(details);
    if (known && known.known && !known.served) {
      const served = known.servedVersions.map(v => `${String(base.apiVersion).split('/')[0]}/${v}`).join(', ') || 'none';
      if (known.fromCrds) {
        // The provider the user runs does not serve it: left to fail synth, as it would fail to apply.
        warnings.push({ field: `${at}.base.apiVersion`, message: `'${base.apiVersion}' is not served by the given CRDs (served: ${served}): the API server rejects it; use a served version` });
      } else {
        imports.add('LintRule');
        resourceOptions.suppress = arr([raw(`LintRule.UNSERVED_VERSION /* the bundled schemas serve ${served}; the provider this was written for serves ${base.apiVersion} */`)]);
        warnings.push({
          field: `${at}.base.apiVersion`,
          message: `'${base.apiVersion}' is not served by the bundled schemas (served: ${served}): written as a plain object with LintRule.UNSERVED_VERSION; `
            + 'pass the CRDs of the provider version you run with --crds (and list them in the imports of cdk8s.yaml) to check it',
        });
      }
    }
    return { name: t.name, base, l1Template, options: resourceOptions };
  });
  const resources = templates.map(({ name, base, l1Template, options }) => {
    const hasOptions = Object.keys(options).length > 0;
    const args: Expr[] = [val(name)];
    if (l1Template) {
      args.push(raw(l1.use(l1Template.module, l1Template.className)));
      if (Object.keys(l1Template.props).length > 0 || hasOptions) args.push(val(l1Template.props));
    } else {
      args.push(val(base));
    }
    if (hasOptions) args.push(obj(options));
    return call('addResource', ...args);
  });
  return { writeConnectionSecretToRef, patchSetStatements, patchSetIds, environmentPatches, resources };
}

