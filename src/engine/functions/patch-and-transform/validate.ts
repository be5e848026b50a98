/**
 * P&T's input validation (`ValidateResources` and `ValidateTransform` in P&T's validate.go,
 * reference §3.2/§3.8): the first problem found, as a Kubernetes field error with P&T's paths
 * (`resources[0].patches[2].transforms[0].math.type`).
 */
import { obj, present, str } from '../../go/decoded';
import { FieldError } from '../../go/field-error';
import { goRegexpSyntaxError } from '../../go/regexp';
import type { ObjectValue } from '../../go/values';
import type { PtConnectionDetail, PtInput, PtPatch, PtReadinessCheck } from './input';
import { decodePtInput, patchFrom, patchTo, patchType } from './input';

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
export function validatePtInput(r: PtInput): FieldError | undefined {
  for (const ps of r.patchSets ?? []) {
    if (!ps.name) return FieldError.required('name', 'name is required');
    const err = validatePatches(ps.patches);
    if (err) return err;
  }
  const resources = r.resources ?? [];
  if (resources.length === 0 && (r.environment?.patches ?? []).length === 0) {
    return FieldError.required('resources', 'resources or environment patches are required');
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
      return FieldError.invalid(`patches[${i}][type]`, patchType(p), 'invalid environment patch type').under('environment');
    }
    const err = validatePatch(p, false);
    if (err) return err.under(`patches[${i}]`).under('environment');
  }
  return undefined;
}

function validatePatches(patches: PtPatch[] | undefined): FieldError | undefined {
  const list = patches ?? [];
  for (let i = 0; i < list.length; i++) {
    const err = validatePatch(list[i] ?? {}, true);
    if (err) return err.under(`patches[${i}]`);
  }
  return undefined;
}

function validateTemplate(t: NonNullable<PtInput['resources']>[number]): FieldError | undefined {
  if (!t.name) return FieldError.required('name', 'name is required');
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
export function validatePatch(p: PtPatch, composed: boolean): FieldError | undefined {
  const type = patchType(p);
  switch (type) {
    case 'FromCompositeFieldPath':
    case 'ToCompositeFieldPath':
    case 'FromEnvironmentFieldPath':
    case 'ToEnvironmentFieldPath':
      if (patchFrom(p) === '') return FieldError.required('fromFieldPath', `fromFieldPath must be set for patch type ${type}`);
      break;
    case 'PatchSet':
      if (!composed) return FieldError.invalid('type', type, `patch type *v1beta1.EnvironmentPatch does not support patch of type ${type}`);
      if (!p.patchSetName) return FieldError.required('patchSetName', `patchSetName must be set for patch type ${type}`);
      break;
    case 'CombineFromComposite':
    case 'CombineToComposite':
    case 'CombineFromEnvironment':
    case 'CombineToEnvironment': {
      if (p.combine === undefined || p.combine === null) return FieldError.required('combine', `combine must be set for patch type ${type}`);
      if (patchTo(p) === '') return FieldError.required('toFieldPath', `toFieldPath must be set for patch type ${type}`);
      const err = validateCombine(p.combine);
      return err ? err.under('combine') : undefined;
    }
    default:
      return FieldError.invalid('type', type, 'unknown patch type');
  }
  const transforms = p.transforms ?? [];
  for (let i = 0; i < transforms.length; i++) {
    const err = validateTransform(transforms[i]);
    if (err) return err.under(`transforms[${i}]`);
  }
  if (p.policy !== undefined && p.policy !== null) {
    const to = p.policy.toFieldPath ?? 'Replace';
    if (!TO_POLICIES.has(to)) return FieldError.invalid('policy.toFieldPathPolicy', to, 'unknown toFieldPathPolicy');
    const from = p.policy.fromFieldPath ?? 'Optional';
    if (from !== 'Optional' && from !== 'Required') return FieldError.invalid('policy.fromFieldPathPolicy', from, 'unknown fromFieldPathPolicy');
  }
  return undefined;
}

function validateCombine(c: NonNullable<PtPatch['combine']>): FieldError | undefined {
  const strategy = c.strategy ?? '';
  if (strategy === 'string') {
    if (c.string === undefined || c.string === null) return FieldError.required('string', 'string must be set for combine strategy string');
  } else if (strategy === '') {
    return FieldError.required('strategy', 'a combine strategy must be provided');
  } else {
    return FieldError.invalid('strategy', strategy, 'unknown strategy type');
  }
  const vars = c.variables ?? [];
  if (vars.length === 0) return FieldError.required('variables', 'at least one variable must be provided');
  for (let i = 0; i < vars.length; i++) {
    if (!vars[i]?.fromFieldPath) return FieldError.required(`variables[${i}].fromFieldPath`, 'fromFieldPath must be set for each combine variable');
  }
  return undefined;
}

/** P&T's `ValidateReadinessCheck`. */
export function validateReadinessCheck(r: PtReadinessCheck): FieldError | undefined {
  const type = r.type ?? '';
  if (!READINESS_TYPES.has(type)) return FieldError.invalid('type', type, 'unknown readiness check type');
  switch (type) {
    case 'None':
      return undefined;
    case 'MatchString':
      if (r.matchString === undefined || r.matchString === null) return FieldError.required('matchString', 'cannot be nil for type MatchString');
      break;
    case 'MatchInteger':
      if (r.matchInteger === undefined || r.matchInteger === null) return FieldError.required('matchInteger', 'cannot be nil for type MatchInteger');
      break;
    case 'MatchCondition': {
      const m = r.matchCondition;
      if (m === undefined || m === null) return undefined;
      if (!m.type) return FieldError.required('type', 'cannot be empty for type MatchCondition').under('matchCondition');
      if (!m.status) return FieldError.required('status', 'cannot be empty for type MatchCondition').under('matchCondition');
      return undefined;
    }
    default:
      break;
  }
  if (r.fieldPath === undefined || r.fieldPath === null) return FieldError.required('fieldPath', 'cannot be empty');
  return undefined;
}

/** P&T's `ValidateConnectionDetail`. */
export function validateConnectionDetail(cd: PtConnectionDetail): FieldError | undefined {
  const type = cd.type ?? '';
  if (type === '') return FieldError.required('type', 'connection detail type is required');
  if (!CONNECTION_TYPES.has(type)) return FieldError.invalid('type', type, 'unknown connection detail type');
  if (!cd.name) return FieldError.required('name', 'name is required');
  switch (type) {
    case 'FromValue':
      if (cd.value === undefined || cd.value === null) return FieldError.required('value', 'value connection detail requires a value');
      break;
    case 'FromConnectionSecretKey':
      if (cd.fromConnectionSecretKey === undefined || cd.fromConnectionSecretKey === null) {
        return FieldError.required('fromConnectionSecretKey', 'from connection secret key connection detail requires a key');
      }
      break;
    case 'FromFieldPath':
      if (cd.fromFieldPath === undefined || cd.fromFieldPath === null) {
        return FieldError.required('fromFieldPath', 'from field path connection detail requires a field path');
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
  if (err) return { field: err.field, message: `invalid Function input: ${err.body}` };
  return patchSetProblem(decoded.input);
}

/**
 * What P&T's ComposedTemplates (patches.go) rejects after validation, when it resolves PatchSet
 * patches: a PatchSet patch inside a patch set, and a reference to a patch set that does not
 * exist. RunFunction reports either as `cannot resolve PatchSets: <error>`.
 */
function patchSetProblem(input: PtInput): { readonly field: string; readonly message: string } | undefined {
  const sets = input.patchSets ?? [];
  for (let i = 0; i < sets.length; i++) {
    const patches = sets[i].patches ?? [];
    for (let j = 0; j < patches.length; j++) {
      if (patchType(patches[j]) === 'PatchSet') return { field: `patchSets[${i}].patches[${j}].type`, message: 'cannot resolve PatchSets: a patch in a PatchSet cannot be of type PatchSet' };
    }
  }
  const names = new Set(sets.map((ps) => ps.name));
  const resources = input.resources ?? [];
  for (let i = 0; i < resources.length; i++) {
    const patches = resources[i].patches ?? [];
    for (let j = 0; j < patches.length; j++) {
      const p = patches[j];
      if (patchType(p) === 'PatchSet' && p.patchSetName !== undefined && !names.has(p.patchSetName)) {
        return { field: `resources[${i}].patches[${j}].patchSetName`, message: `cannot resolve PatchSets: cannot find PatchSet by name ${p.patchSetName}` };
      }
    }
  }
  return undefined;
}

const TRANSFORM_TYPES = ['math', 'map', 'match', 'string', 'convert'];
const CONVERT_FORMATS = new Set(['none', 'quantity', 'json']);
const IO_TYPES = new Set(['string', 'bool', 'int', 'int64', 'float64', 'object', 'array']);

/**
 * P&T's `ValidateTransform`: the first problem of one transform, with a field path relative to
 * the transform (`math.type`), or undefined when it is valid.
 */
export function validateTransform(t: unknown): FieldError | undefined {
  const tr = obj(t);
  const type = str(tr.type);
  if (!TRANSFORM_TYPES.includes(type)) return FieldError.invalid('type', type, 'unknown transform type');
  const cfg = tr[type];
  if (!present(cfg)) return FieldError.required(type, `given transform type ${type} requires configuration`);
  let err: FieldError | undefined;
  switch (type) {
    case 'math': err = validateMath(obj(cfg)); break;
    case 'map': err = Object.keys(obj(cfg)).length === 0
      ? FieldError.required('pairs', 'at least one pair must be specified if a map transform is specified')
      : undefined; break;
    case 'match': err = validateMatch(obj(cfg)); break;
    case 'string': err = validateString(obj(cfg)); break;
    default: err = validateConvert(obj(cfg)); break;
  }
  return err?.under(type);
}

/** P&T's `ValidateMathTransform` (also run before a math transform resolves). */
export function validateMath(m: Record<string, unknown>): FieldError | undefined {
  const type = str(m.type);
  if (type === '') return FieldError.required('type', 'math transform type is required');
  switch (type) {
    case 'Multiply':
      if (!present(m.multiply)) return FieldError.required('multiply', 'must specify a value if a multiply math transform is specified');
      break;
    case 'ClampMin':
      if (!present(m.clampMin)) return FieldError.required('clampMin', 'must specify a value if a clamp min math transform is specified');
      break;
    case 'ClampMax':
      if (!present(m.clampMax)) return FieldError.required('clampMax', 'must specify a value if a clamp max math transform is specified');
      break;
    default:
      return FieldError.invalid('type', type, 'unknown math transform type');
  }
  return undefined;
}

function validateMatch(m: Record<string, unknown>): FieldError | undefined {
  const patterns = Array.isArray(m.patterns) ? m.patterns : [];
  if (patterns.length === 0) {
    return FieldError.required('patterns', 'at least one pattern must be specified if a match transform is specified');
  }
  for (let i = 0; i < patterns.length; i++) {
    const p = obj(patterns[i]);
    const type = str(p.type);
    let err: FieldError | undefined;
    if (type === 'literal' || type === '') {
      if (!present(p.literal)) err = FieldError.required('literal', 'literal pattern type requires a literal');
    } else if (type === 'regexp') {
      if (!present(p.regexp)) err = FieldError.required('regexp', 'regexp pattern type requires a regexp');
      else if (goRegexpSyntaxError(str(p.regexp))) err = FieldError.invalid('regexp', str(p.regexp), 'invalid regexp');
    } else {
      err = FieldError.invalid('type', type, 'unknown pattern type');
    }
    if (err) return err.under(`patterns[${i}]`);
  }
  return undefined;
}

function validateString(s: Record<string, unknown>): FieldError | undefined {
  const type = str(s.type);
  if (type === '') return FieldError.required('type', 'string transform type is required');
  switch (type) {
    case 'Format':
      if (!present(s.fmt)) return FieldError.required('fmt', 'format transform requires a format');
      break;
    case 'Convert':
      if (!present(s.convert)) return FieldError.required('convert', 'convert transform requires a conversion type');
      break;
    case 'TrimPrefix':
    case 'TrimSuffix':
      if (!present(s.trim)) return FieldError.required('trim', 'trim transform requires a trim value');
      break;
    case 'Regexp': {
      if (!present(s.regexp)) return FieldError.required('regexp', 'regexp transform requires a regexp');
      const match = str(obj(s.regexp).match);
      if (match === '') return FieldError.required('regexp.match', 'regexp transform requires a match');
      if (goRegexpSyntaxError(match)) return FieldError.invalid('regexp.match', match, 'invalid regexp');
      break;
    }
    case 'Join':
      if (!present(s.join)) return FieldError.required('join', 'join transform requires a join');
      break;
    case 'Replace':
      if (!present(s.replace)) return FieldError.required('replace', 'replace transform requires a replace');
      if (str(obj(s.replace).search) === '') return FieldError.required('replace.search', 'replace transform requires a search');
      break;
    default:
      return FieldError.invalid('type', type, 'unknown string transform type');
  }
  return undefined;
}

/** P&T's `ValidateConvertTransform` (also run before a convert transform resolves). */
export function validateConvert(c: Record<string, unknown>): FieldError | undefined {
  const format = present(c.format) ? str(c.format) : 'none';
  if (!CONVERT_FORMATS.has(format)) return FieldError.invalid('format', format, 'invalid format');
  const toType = str(c.toType);
  if (!IO_TYPES.has(toType)) return FieldError.invalid('toType', toType, 'invalid type');
  return undefined;
}
