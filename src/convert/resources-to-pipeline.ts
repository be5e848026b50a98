/**
 * Turns a Resources-mode Composition (Crossplane v1's native patch-and-transform, with or
 * without `spec.mode`) into the Pipeline Composition that Crossplane's own converter
 * (`crossplane beta convert pipeline-composition`, v1.14 to v1.20) produced, at the YAML level.
 * Reference §2.2 lists the fields v2 removed; §3.1 the P&T input they move into.
 *
 * Every rule, in the order it is applied (the tests are named after these rules):
 *
 * | rule | input | output |
 * |---|---|---|
 * | R1 | `spec.mode: Pipeline` | unchanged; `changed: false` |
 * | R2 | `spec.mode` absent or any other value | `spec.mode: Pipeline` |
 * | R3 | - | one step `patch-and-transform`, `functionRef.name: function-patch-and-transform`, input `pt.fn.crossplane.io/v1beta1` `Resources` |
 * | R4 | `spec.environment.patches` | input `environment.patches`, each patch migrated by R8-R10 |
 * | R5 | `spec.patchSets` | input `patchSets` (same order), each patch migrated by R8-R10 |
 * | R6 | `spec.resources` | input `resources` (same order); a template without a name (absent or empty) is named `resource-<index>` |
 * | R7 | connection detail | `type` inferred from the field set: `value` -> FromValue, else `fromFieldPath` -> FromFieldPath, else `fromConnectionSecretKey` -> FromConnectionSecretKey; a FromConnectionSecretKey detail without `name` is named after its key |
 * | R8 | patch without `type` | `type: FromCompositeFieldPath` |
 * | R9 | `policy.mergeOptions` | removed; `policy.toFieldPath` from the table: keepMapValues & appendSlice -> MergeObjectsAppendArrays; keepMapValues -> MergeObjects; appendSlice -> ForceMergeObjectsAppendArrays; neither (present but false/empty) -> ForceMergeObjects |
 * | R10 | transform without `type` | `math` present -> `math`; `string` present -> `string` (wins over math); a math transform without `math.type` gets ClampMin/ClampMax/Multiply from the operand set (in that order); a string transform without `string.type` gets Format/Convert/Regexp from `fmt`/`convert`/`regexp` (in that order) |
 * | R11 | `spec.environment.environmentConfigs`, `.defaultData`, `.policy.resolution` | a step `environment-configs` (`functionRef.name: function-environment-configs`) placed before P&T, input `environmentconfigs.fn.crossplane.io/v1beta1` `Input` with `spec.environmentConfigs`, `spec.defaultData`, `spec.policy.resolution` copied verbatim; `spec.environment` removed |
 * | R12 | `metadata`, `spec.compositeTypeRef`, `spec.writeConnectionSecretsToNamespace`, any other spec field | kept as is |
 *
 * Where we knowingly differ from Crossplane's converter, and say so in `warnings`:
 * - Crossplane dropped `spec.environment.policy.resolve` (and any other environment field)
 *   without a word when it created the environment step, and left a resolve-only environment in
 *   the output; we always remove `spec.environment` (v2 has no such field) and warn.
 * - Crossplane's typed connection-detail conversion dropped an explicit `type` it could not
 *   infer; we keep it when nothing can be inferred, and warn.
 * - The v1.17+ converter kept an empty `name: ""`; the v1.14 one renamed it; we rename (P&T
 *   requires a name) as the v1.14 one did.
 *
 * Anything else the converter does not understand is kept as is and listed in `warnings`.
 */
import { cloneJson } from '../_clone-json';

/** A note about something the conversion kept, dropped or could not interpret. */
export interface ConversionWarning {
  /** Field path in the input document, e.g. `spec.resources[2].patches[0].policy`. */
  readonly field: string;
  /** What was found and what happened to it. */
  readonly message: string;
}

/** Options of {@link convertResourcesToPipeline}. */
export interface ResourcesToPipelineOptions {
  /**
   * `functionRef.name` of the patch-and-transform step.
   *
   * @default 'function-patch-and-transform'
   */
  readonly patchAndTransformFunction?: string;
  /**
   * `functionRef.name` of the environment-configs step.
   *
   * @default 'function-environment-configs'
   */
  readonly environmentConfigsFunction?: string;
}

/** What {@link convertResourcesToPipeline} returns. */
export interface ResourcesToPipelineResult {
  /** The converted Composition (a new object; the input is not modified). */
  readonly composition: Record<string, unknown>;
  /** False when the input already was a Pipeline Composition (returned as a copy). */
  readonly changed: boolean;
  /** Everything kept without being understood, or changed beyond Crossplane's rules. */
  readonly warnings: ConversionWarning[];
}

/** Step name Crossplane's converter gave the P&T step. */
export const PT_STEP_NAME = 'patch-and-transform';
/** Step name Crossplane's converter gave the environment step. */
export const ENVIRONMENT_STEP_NAME = 'environment-configs';
/** apiVersion of function-patch-and-transform's input. */
export const PT_INPUT_API_VERSION = 'pt.fn.crossplane.io/v1beta1';
/** apiVersion of function-environment-configs' input. */
export const ENVIRONMENT_INPUT_API_VERSION = 'environmentconfigs.fn.crossplane.io/v1beta1';

type Obj = Record<string, unknown>;

const KNOWN_SPEC_KEYS = new Set([
  'mode', 'compositeTypeRef', 'resources', 'patchSets', 'environment', 'writeConnectionSecretsToNamespace',
  'publishConnectionDetailsWithStoreConfigRef', 'pipeline', 'revisionActivationPolicy',
]);
const KNOWN_TEMPLATE_KEYS = new Set(['name', 'base', 'patches', 'connectionDetails', 'readinessChecks']);
const KNOWN_PATCH_KEYS = new Set(['type', 'fromFieldPath', 'toFieldPath', 'combine', 'transforms', 'policy', 'patchSetName']);
const KNOWN_DETAIL_KEYS = new Set(['name', 'type', 'value', 'fromFieldPath', 'fromConnectionSecretKey']);

/** Whether a Composition document is in Resources mode (no `spec.mode`, or not `Pipeline`). */
export function isResourcesMode(composition: unknown): boolean {
  const spec = asObj(asObj(composition)?.spec);
  return spec?.mode !== 'Pipeline';
}

/**
 * Converts a Resources-mode Composition into a Pipeline Composition following the rules in
 * this file's header (R1-R12). Never throws on user data: what it cannot interpret is kept and
 * reported in `warnings`.
 */
export function convertResourcesToPipeline(composition: Obj, options: ResourcesToPipelineOptions = {}): ResourcesToPipelineResult {
  const out = cloneJson(composition);
  const warnings: ConversionWarning[] = [];
  const warn = (field: string, message: string) => warnings.push({ field, message });
  let spec = asObj(out.spec);
  if (!spec) {
    warn('spec', `expected an object, got '${short(out.spec)}': the Composition has nothing to convert`);
    spec = {};
    out.spec = spec;
  }
  // R1
  if (spec.mode === 'Pipeline') return { composition: out, changed: false, warnings };
  if (spec.mode !== undefined && spec.mode !== 'Resources') {
    warn('spec.mode', `unknown mode '${short(spec.mode)}' treated as Resources, as Crossplane's converter did`);
  }
  for (const key of Object.keys(spec)) {
    if (!KNOWN_SPEC_KEYS.has(key)) warn(`spec.${key}`, 'unknown Composition field kept as is');
  }
  if (spec.publishConnectionDetailsWithStoreConfigRef !== undefined) {
    warn('spec.publishConnectionDetailsWithStoreConfigRef', 'kept as Crossplane\'s converter did, but Crossplane v2 removed external secret stores: delete it before applying to a v2 cluster');
  }
  if (spec.revisionActivationPolicy !== undefined) {
    warn('spec.revisionActivationPolicy', 'kept as is; Crossplane v2 Compositions have no such field');
  }
  if (spec.pipeline !== undefined) {
    warn('spec.pipeline', 'a Resources-mode Composition had a pipeline: it is replaced by the converted steps, as Crossplane\'s converter did');
  }

  // R2, R3
  const input: Obj = { apiVersion: PT_INPUT_API_VERSION, kind: 'Resources' };
  const env = asObj(spec.environment);
  if (spec.environment !== undefined && !env) warn('spec.environment', `expected an object, got '${short(spec.environment)}': dropped`);

  // R4
  if (env && env.patches !== undefined) {
    input.environment = { patches: migratePatchList(env.patches, 'spec.environment.patches', warn) };
  }
  // R5
  if (spec.patchSets !== undefined) {
    input.patchSets = asList(spec.patchSets, 'spec.patchSets', warn).map((ps, i) => {
      const set = asObj(ps);
      const where = `spec.patchSets[${i}]`;
      if (!set) {
        warn(where, `expected an object, got '${short(ps)}': kept as is`);
        return ps;
      }
      const copy: Obj = { ...set };
      if (set.patches !== undefined) copy.patches = migratePatchList(set.patches, `${where}.patches`, warn);
      for (const key of Object.keys(set)) if (key !== 'name' && key !== 'patches') warn(`${where}.${key}`, 'unknown patch set field kept as is');
      return copy;
    });
  }
  // R6
  if (spec.resources !== undefined) {
    input.resources = asList(spec.resources, 'spec.resources', warn).map((r, i) => migrateTemplate(r, i, warn));
  }

  const steps: Obj[] = [];
  // R11
  if (env) {
    const envInput = environmentStepInput(env, warn);
    if (envInput) {
      steps.push({
        step: ENVIRONMENT_STEP_NAME,
        functionRef: { name: options.environmentConfigsFunction ?? 'function-environment-configs' },
        input: envInput,
      });
    }
  }
  steps.push({ step: PT_STEP_NAME, functionRef: { name: options.patchAndTransformFunction ?? 'function-patch-and-transform' }, input });

  // Rebuild spec keeping the input's key order for what stays (R12).
  const next: Obj = {};
  for (const [key, value] of Object.entries(spec)) {
    if (key === 'resources' || key === 'patchSets' || key === 'environment' || key === 'pipeline' || key === 'mode') continue;
    next[key] = value;
  }
  next.mode = 'Pipeline';
  next.pipeline = steps;
  out.spec = next;
  return { composition: out, changed: true, warnings };
}

type Warn = (field: string, message: string) => void;

function environmentStepInput(env: Obj, warn: Warn): Obj | undefined {
  const spec: Obj = {};
  if (env.defaultData !== undefined) spec.defaultData = env.defaultData;
  if (env.environmentConfigs !== undefined) spec.environmentConfigs = env.environmentConfigs;
  const policy = asObj(env.policy);
  if (policy && typeof policy.resolution === 'string') spec.policy = { resolution: policy.resolution };
  if (policy) {
    for (const key of Object.keys(policy)) {
      if (key === 'resolution') continue;
      warn(`spec.environment.policy.${key}`, key === 'resolve'
        ? `dropped: function-environment-configs selects EnvironmentConfigs on every run, so resolve '${short(policy.resolve)}' has no equivalent`
        : 'unknown environment policy field dropped');
    }
  } else if (env.policy !== undefined) {
    warn('spec.environment.policy', `expected an object, got '${short(env.policy)}': dropped`);
  }
  for (const key of Object.keys(env)) {
    if (!['defaultData', 'environmentConfigs', 'policy', 'patches'].includes(key)) {
      warn(`spec.environment.${key}`, 'unknown environment field dropped: Crossplane v2 Compositions have no spec.environment');
    }
  }
  if (Object.keys(spec).length === 0) return undefined;
  return { apiVersion: ENVIRONMENT_INPUT_API_VERSION, kind: 'Input', spec };
}

function migrateTemplate(r: unknown, index: number, warn: Warn): unknown {
  const where = `spec.resources[${index}]`;
  const t = asObj(r);
  if (!t) {
    warn(where, `expected a resource template object, got '${short(r)}': kept as is`);
    return r;
  }
  const out: Obj = { ...t };
  if (t.name === undefined || t.name === null || t.name === '') {
    out.name = `resource-${index}`;
  } else if (typeof t.name !== 'string') {
    warn(`${where}.name`, `expected a string, got '${short(t.name)}': kept as is`);
  }
  for (const key of Object.keys(t)) if (!KNOWN_TEMPLATE_KEYS.has(key)) warn(`${where}.${key}`, 'unknown resource template field kept as is');
  if (t.connectionDetails !== undefined) {
    out.connectionDetails = asList(t.connectionDetails, `${where}.connectionDetails`, warn)
      .map((d, i) => migrateConnectionDetail(d, `${where}.connectionDetails[${i}]`, warn));
  }
  if (t.patches !== undefined) out.patches = migratePatchList(t.patches, `${where}.patches`, warn);
  if (t.readinessChecks !== undefined) asList(t.readinessChecks, `${where}.readinessChecks`, warn);
  return out;
}

/** R7. */
export function migrateConnectionDetail(d: unknown, where: string, warn: Warn): unknown {
  const cd = asObj(d);
  if (!cd) {
    warn(where, `expected a connection detail object, got '${short(d)}': kept as is`);
    return d;
  }
  const out: Obj = {};
  for (const key of Object.keys(cd)) {
    if (KNOWN_DETAIL_KEYS.has(key)) out[key] = cd[key];
    else warn(`${where}.${key}`, 'unknown connection detail field kept as is');
  }
  for (const key of Object.keys(cd)) if (!KNOWN_DETAIL_KEYS.has(key)) out[key] = cd[key];
  let inferred: string | undefined;
  if (cd.value !== undefined && cd.value !== null) inferred = 'FromValue';
  else if (cd.fromFieldPath !== undefined && cd.fromFieldPath !== null) inferred = 'FromFieldPath';
  else if (cd.fromConnectionSecretKey !== undefined && cd.fromConnectionSecretKey !== null) inferred = 'FromConnectionSecretKey';
  if (inferred) {
    if (cd.type !== undefined && cd.type !== inferred) {
      warn(`${where}.type`, `'${short(cd.type)}' replaced by '${inferred}', inferred from the field that is set, as Crossplane's converter did`);
    }
    out.type = inferred;
  } else {
    warn(where, 'none of value, fromFieldPath or fromConnectionSecretKey is set: P&T will reject this connection detail');
  }
  if ((out.name === undefined || out.name === null) && out.type === 'FromConnectionSecretKey') out.name = cd.fromConnectionSecretKey;
  if (out.name === undefined || out.name === null) warn(`${where}.name`, 'missing: P&T requires a name for every connection detail; add one');
  return out;
}

function migratePatchList(list: unknown, where: string, warn: Warn): unknown[] {
  return asList(list, where, warn).map((p, i) => migratePatch(p, `${where}[${i}]`, warn));
}

/** R8, R9, R10. */
export function migratePatch(p: unknown, where: string, warn: Warn): unknown {
  const patch = asObj(p);
  if (!patch) {
    warn(where, `expected a patch object, got '${short(p)}': kept as is`);
    return p;
  }
  const out: Obj = { ...patch };
  for (const key of Object.keys(patch)) if (!KNOWN_PATCH_KEYS.has(key)) warn(`${where}.${key}`, 'unknown patch field kept as is');
  if (patch.type === undefined) out.type = 'FromCompositeFieldPath'; // R8
  const policy = asObj(patch.policy);
  if (policy && 'mergeOptions' in policy) { // R9
    const { mergeOptions, ...rest } = policy;
    const mo = asObj(mergeOptions);
    const next: Obj = { ...rest };
    if (mo) {
      next.toFieldPath = mergeOptionsToPolicy(mo);
      for (const key of Object.keys(mo)) {
        if (key !== 'keepMapValues' && key !== 'appendSlice') warn(`${where}.policy.mergeOptions.${key}`, 'unknown merge option dropped');
      }
      if (rest.toFieldPath !== undefined && rest.toFieldPath !== next.toFieldPath) {
        warn(`${where}.policy.toFieldPath`, `'${short(rest.toFieldPath)}' replaced by '${String(next.toFieldPath)}' derived from mergeOptions, as Crossplane's converter did`);
      }
    } else if (mergeOptions !== null && mergeOptions !== undefined) {
      warn(`${where}.policy.mergeOptions`, `expected an object, got '${short(mergeOptions)}': dropped`);
    }
    out.policy = next;
  }
  if (patch.transforms !== undefined) {
    out.transforms = asList(patch.transforms, `${where}.transforms`, warn).map((t, i) => migrateTransform(t, `${where}.transforms[${i}]`, warn));
  }
  return out;
}

/** R9: Crossplane's mapping of the native `mergeOptions` onto P&T's `toFieldPath` policies. */
export function mergeOptionsToPolicy(mo: Obj): string {
  const keep = mo.keepMapValues === true;
  const append = mo.appendSlice === true;
  if (keep) return append ? 'MergeObjectsAppendArrays' : 'MergeObjects';
  return append ? 'ForceMergeObjectsAppendArrays' : 'ForceMergeObjects';
}

/** R10. */
export function migrateTransform(t: unknown, where: string, warn: Warn): unknown {
  const tr = asObj(t);
  if (!tr) {
    warn(where, `expected a transform object, got '${short(t)}': kept as is`);
    return t;
  }
  const out: Obj = { ...tr };
  if (out.type === undefined || out.type === '') {
    if (tr.math !== undefined && tr.math !== null) out.type = 'math';
    if (tr.string !== undefined && tr.string !== null) out.type = 'string';
    if (out.type === undefined || out.type === '') warn(`${where}.type`, 'missing and cannot be inferred (only math and string transforms can): P&T will reject this transform');
  }
  const math = asObj(tr.math);
  if (out.type === 'math') {
    if (!math) {
      warn(`${where}.math`, 'missing: a math transform needs a math object');
    } else if (math.type === undefined || math.type === '') {
      const type = math.clampMin !== undefined && math.clampMin !== null ? 'ClampMin'
        : math.clampMax !== undefined && math.clampMax !== null ? 'ClampMax'
          : math.multiply !== undefined && math.multiply !== null ? 'Multiply' : undefined;
      if (type) out.math = { ...math, type };
      else warn(`${where}.math.type`, 'missing and no operand set: P&T will reject this transform');
    }
  }
  const str = asObj(tr.string);
  if (out.type === 'string') {
    if (!str) {
      warn(`${where}.string`, 'missing: a string transform needs a string object');
    } else if (str.type === undefined || str.type === '') {
      const type = str.fmt !== undefined && str.fmt !== null ? 'Format'
        : str.convert !== undefined && str.convert !== null ? 'Convert'
          : str.regexp !== undefined && str.regexp !== null ? 'Regexp' : undefined;
      if (type) out.string = { ...str, type };
      else warn(`${where}.string.type`, 'missing and cannot be inferred from fmt, convert or regexp: P&T will reject this transform');
    }
  }
  return out;
}

function asObj(v: unknown): Obj | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? v as Obj : undefined;
}

function asList(v: unknown, where: string, warn: Warn): unknown[] {
  if (Array.isArray(v)) return v;
  if (v !== null && v !== undefined) warn(where, `expected a list, got '${short(v)}': dropped`);
  return [];
}

function short(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
