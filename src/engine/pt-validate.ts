/**
 * P&T's input validation (`ValidateResources` in P&T's validate.go, reference §3.2): the first
 * problem found, as a Kubernetes field error with P&T's paths
 * (`resources[0].patches[2].transforms[0].math.type`). Transforms are validated by
 * `validateTransform` from field-error.ts.
 */
import { goQuote } from './_errors';
import { validateTransform } from './field-error';
import type { PtConnectionDetail, PtInput, PtPatch, PtReadinessCheck } from './pt-input';
import { decodePtInput, patchFrom, patchTo, patchType } from './pt-input';
import type { ObjectValue } from './values';

/** A field error as k8s.io/apimachinery prints it: `<field>: <Required value|Invalid value: "v">: <detail>`. */
export class PtFieldError {
  /** `Required value: detail`. */
  public static required(field: string, detail: string): PtFieldError {
    return new PtFieldError(field, detail ? `Required value: ${detail}` : 'Required value');
  }

  /** `Invalid value: "value": detail`. */
  public static invalid(field: string, value: string, detail: string): PtFieldError {
    return new PtFieldError(field, `Invalid value: ${goQuote(value)}${detail ? `: ${detail}` : ''}`);
  }

  private constructor(
    /** The field path. */
    public readonly field: string,
    /** Everything after `<field>: `. */
    public readonly body: string,
  ) {}

  /** The same error under `prefix` (P&T's `WrapFieldError`: `prefix.field`). */
  public under(prefix: string): PtFieldError {
    return new PtFieldError(this.field ? `${prefix}.${this.field}` : prefix, this.body);
  }

  /** `<field>: <body>`. */
  public toString(): string {
    return `${this.field}: ${this.body}`;
  }

  /** Adapts a field error from the transform validator. */
  public static from(err: { field: string; toString(): string }): PtFieldError {
    const text = err.toString();
    const body = text.startsWith(`${err.field}: `) ? text.slice(err.field.length + 2) : text;
    return new PtFieldError(err.field, body);
  }
}

const ENV_PATCH_TYPES = new Set([
  'FromCompositeFieldPath', 'ToCompositeFieldPath', 'CombineFromComposite', 'CombineToComposite',
  'FromEnvironmentFieldPath', 'ToEnvironmentFieldPath',
]);
const TO_POLICIES = new Set([
  'Replace', 'MergeObjects', 'MergeObjectsAppendArrays', 'ForceMergeObjects', 'ForceMergeObjectsAppendArrays',
  'MergeObject', 'AppendArray',
]);
const READINESS_TYPES = new Set(['None', 'NonEmpty', 'MatchString', 'MatchInteger', 'MatchTrue', 'MatchFalse', 'MatchCondition']);
const CONNECTION_TYPES = new Set(['FromConnectionSecretKey', 'FromFieldPath', 'FromValue']);

/** Validates the whole input; returns the first error, or undefined. */
export function validatePtInput(r: PtInput): PtFieldError | undefined {
  for (const ps of r.patchSets ?? []) {
    if (!ps.name) return PtFieldError.required('name', 'name is required');
    const err = validatePatches(ps.patches);
    if (err) return err;
  }
  const resources = r.resources ?? [];
  if (resources.length === 0 && (r.environment?.patches ?? []).length === 0) {
    return PtFieldError.required('resources', 'resources or environment patches are required');
  }
  for (let i = 0; i < resources.length; i++) {
    const t = resources[i] ?? {};
    const err = validateTemplate(t);
    if (err) return err.under(`resources[${i}]`);
  }
  const envPatches = r.environment?.patches ?? [];
  for (let i = 0; i < envPatches.length; i++) {
    const p = envPatches[i] ?? {};
    if (!ENV_PATCH_TYPES.has(patchType(p))) {
      return PtFieldError.invalid(`patches[${i}][type]`, patchType(p), 'invalid environment patch type').under('environment');
    }
    const err = validatePatch(p, false);
    if (err) return err.under(`patches[${i}]`).under('environment');
  }
  return undefined;
}

function validatePatches(patches: PtPatch[] | undefined): PtFieldError | undefined {
  const list = patches ?? [];
  for (let i = 0; i < list.length; i++) {
    const err = validatePatch(list[i] ?? {}, true);
    if (err) return err.under(`patches[${i}]`);
  }
  return undefined;
}

function validateTemplate(t: NonNullable<PtInput['resources']>[number]): PtFieldError | undefined {
  if (!t.name) return PtFieldError.required('name', 'name is required');
  const perr = validatePatches(t.patches);
  if (perr) return perr;
  const cds = t.connectionDetails ?? [];
  for (let i = 0; i < cds.length; i++) {
    const err = validateConnectionDetail(cds[i] ?? {});
    if (err) return err.under(`connectionDetails[${i}]`);
  }
  const rcs = t.readinessChecks ?? [];
  for (let i = 0; i < rcs.length; i++) {
    const err = validateReadinessCheck(rcs[i] ?? {});
    if (err) return err.under(`readinessChecks[${i}]`);
  }
  return undefined;
}

/**
 * Validates one patch. `composed` says whether the patch type supports `PatchSet` (composed
 * patches do; environment patches do not).
 */
export function validatePatch(p: PtPatch, composed: boolean): PtFieldError | undefined {
  const type = patchType(p);
  switch (type) {
    case 'FromCompositeFieldPath':
    case 'ToCompositeFieldPath':
    case 'FromEnvironmentFieldPath':
    case 'ToEnvironmentFieldPath':
      if (patchFrom(p) === '') return PtFieldError.required('fromFieldPath', `fromFieldPath must be set for patch type ${type}`);
      break;
    case 'PatchSet':
      if (!composed) return PtFieldError.invalid('type', type, `patch type *v1beta1.EnvironmentPatch does not support patch of type ${type}`);
      if (!p.patchSetName) return PtFieldError.required('patchSetName', `patchSetName must be set for patch type ${type}`);
      break;
    case 'CombineFromComposite':
    case 'CombineToComposite':
    case 'CombineFromEnvironment':
    case 'CombineToEnvironment': {
      if (p.combine === undefined || p.combine === null) return PtFieldError.required('combine', `combine must be set for patch type ${type}`);
      if (patchTo(p) === '') return PtFieldError.required('toFieldPath', `toFieldPath must be set for patch type ${type}`);
      const err = validateCombine(p.combine);
      return err ? err.under('combine') : undefined;
    }
    default:
      return PtFieldError.invalid('type', type, 'unknown patch type');
  }
  const transforms = p.transforms ?? [];
  for (let i = 0; i < transforms.length; i++) {
    const err = validateTransform(transforms[i]);
    if (err) return PtFieldError.from(err).under(`transforms[${i}]`);
  }
  if (p.policy !== undefined && p.policy !== null) {
    const to = p.policy.toFieldPath ?? 'Replace';
    if (!TO_POLICIES.has(to)) return PtFieldError.invalid('policy.toFieldPathPolicy', to, 'unknown toFieldPathPolicy');
    const from = p.policy.fromFieldPath ?? 'Optional';
    if (from !== 'Optional' && from !== 'Required') return PtFieldError.invalid('policy.fromFieldPathPolicy', from, 'unknown fromFieldPathPolicy');
  }
  return undefined;
}

function validateCombine(c: NonNullable<PtPatch['combine']>): PtFieldError | undefined {
  const strategy = c.strategy ?? '';
  if (strategy === 'string') {
    if (c.string === undefined || c.string === null) return PtFieldError.required('string', 'string must be set for combine strategy string');
  } else if (strategy === '') {
    return PtFieldError.required('strategy', 'a combine strategy must be provided');
  } else {
    return PtFieldError.invalid('strategy', strategy, 'unknown strategy type');
  }
  const vars = c.variables ?? [];
  if (vars.length === 0) return PtFieldError.required('variables', 'at least one variable must be provided');
  for (let i = 0; i < vars.length; i++) {
    if (!vars[i]?.fromFieldPath) return PtFieldError.required(`variables[${i}].fromFieldPath`, 'fromFieldPath must be set for each combine variable');
  }
  return undefined;
}

/** P&T's `ValidateReadinessCheck`. */
export function validateReadinessCheck(r: PtReadinessCheck): PtFieldError | undefined {
  const type = r.type ?? '';
  if (!READINESS_TYPES.has(type)) return PtFieldError.invalid('type', type, 'unknown readiness check type');
  switch (type) {
    case 'None':
      return undefined;
    case 'MatchString':
      if (r.matchString === undefined || r.matchString === null) return PtFieldError.required('matchString', 'cannot be nil for type MatchString');
      break;
    case 'MatchInteger':
      if (r.matchInteger === undefined || r.matchInteger === null) return PtFieldError.required('matchInteger', 'cannot be nil for type MatchInteger');
      break;
    case 'MatchCondition': {
      const m = r.matchCondition;
      if (m === undefined || m === null) return undefined;
      if (!m.type) return PtFieldError.required('type', 'cannot be empty for type MatchCondition').under('matchCondition');
      if (!m.status) return PtFieldError.required('status', 'cannot be empty for type MatchCondition').under('matchCondition');
      return undefined;
    }
    default:
      break;
  }
  if (r.fieldPath === undefined || r.fieldPath === null) return PtFieldError.required('fieldPath', 'cannot be empty');
  return undefined;
}

/** P&T's `ValidateConnectionDetail`. */
export function validateConnectionDetail(cd: PtConnectionDetail): PtFieldError | undefined {
  const type = cd.type ?? '';
  if (type === '') return PtFieldError.required('type', 'connection detail type is required');
  if (!CONNECTION_TYPES.has(type)) return PtFieldError.invalid('type', type, 'unknown connection detail type');
  if (!cd.name) return PtFieldError.required('name', 'name is required');
  switch (type) {
    case 'FromValue':
      if (cd.value === undefined || cd.value === null) return PtFieldError.required('value', 'value connection detail requires a value');
      break;
    case 'FromConnectionSecretKey':
      if (cd.fromConnectionSecretKey === undefined || cd.fromConnectionSecretKey === null) {
        return PtFieldError.required('fromConnectionSecretKey', 'from connection secret key connection detail requires a key');
      }
      break;
    case 'FromFieldPath':
      if (cd.fromFieldPath === undefined || cd.fromFieldPath === null) {
        return PtFieldError.required('fromFieldPath', 'from field path connection detail requires a field path');
      }
      break;
  }
  return undefined;
}

/**
 * What function-patch-and-transform would say of an input before running anything: the
 * decoding error (unknown or mistyped fields) or the first validation error, with the field
 * path relative to the input (empty for decoding errors). Undefined when P&T accepts it.
 */
export function ptInputProblem(input: ObjectValue): { readonly field: string; readonly message: string } | undefined {
  const decoded = decodePtInput(input);
  if ('error' in decoded) return { field: '', message: `cannot get Function input: ${decoded.error}` };
  const err = validatePtInput(decoded.input);
  return err ? { field: err.field, message: `invalid Function input: ${err.body}` } : undefined;
}
