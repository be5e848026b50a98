/**
 * P&T patches (reference §3.4–§3.6; P&T's patches.go): reading from observed objects, writing to
 * desired ones, combine, `toFieldPath` policies and patch-set resolution.
 *
 * Every function throws on failure; callers tell a missing source (`isNotFoundDeep`) from other
 * errors, as P&T does with `fieldpath.IsNotFound`.
 */
import { UserError } from '../../../errors';
import { wrap } from '../../go/errors';
import { sprintf } from '../../go/fmt';
import type { ObjectValue, Value } from '../../go/values';
import { jsonRoundTrip } from '../../go/values';
import { MergeOptions, MissingField, Paved } from '../../runtime/fieldpath';
import type { PtComposedTemplate, PtInput, PtPatch } from './input';
import { patchFrom, patchTo, patchType } from './input';
import { resolveTransforms } from './transforms';

/**
 * A patch error that is not about a missing source. A user error: it reaches users as a fatal
 * result's text from a render.
 */
export class PatchError extends UserError {
  public constructor(message: string) {
    super(message);
    this.name = 'PatchError';
  }
}

/** Merge options for a patch's `policy.toFieldPath` (P&T's `toMergeOption`, reference §3.5). */
export function toMergeOptions(p: PtPatch): MergeOptions | undefined {
  if (p.policy === undefined || p.policy === null) return undefined;
  switch (p.policy.toFieldPath ?? 'Replace') {
    case 'Replace':
      return undefined;
    case 'MergeObjects':
    case 'MergeObject':
      return { keepMapValues: true };
    case 'MergeObjectsAppendArrays':
      return { keepMapValues: true, appendSlice: true };
    case 'ForceMergeObjects':
      return { keepMapValues: false };
    case 'ForceMergeObjectsAppendArrays':
    case 'AppendArray':
      return { appendSlice: true };
    default:
      throw new PatchError(`invalid patch policy ${p.policy.toFieldPath}`);
  }
}

function transformsOf(p: PtPatch): Value[] {
  return p.transforms ?? [];
}

/** Writes `value` at `path` on `to`, with the patch's policy. */
function patchValueToObject(path: string, value: Value, to: ObjectValue, mo: MergeOptions | undefined): void {
  const paved = new Paved(to);
  try {
    if (mo === undefined) paved.setValue(path, value);
    else paved.mergeValue(path, value, mo);
  } catch (err) {
    throw wrap(err, 'cannot patch to object');
  }
}

/** `FromCompositeFieldPath`-style patch: one field of `from`, transformed, into `to`. */
export function applyFromFieldPathPatch(p: PtPatch, from: ObjectValue, to: ObjectValue): void {
  throwMissing(fromFieldPathPatch(p, from, to));
}

function throwMissing(missing: MissingField | undefined): void {
  if (missing !== undefined) throw missing.error();
}

/** {@link applyFromFieldPathPatch} that returns a missing source instead of throwing it. */
function fromFieldPathPatch(p: PtPatch, from: ObjectValue, to: ObjectValue): MissingField | undefined {
  const input = new Paved(from).lookup(patchFrom(p));
  if (input instanceof MissingField) return input;
  const out = resolveTransforms(transformsOf(p), input);
  // The value goes through json.Marshal and the Kubernetes decoder: whole numbers become int64.
  let v: Value;
  try {
    v = jsonRoundTrip(out);
  } catch (err) {
    throw wrap(err, 'cannot marshal value to JSON');
  }
  const mo = toMergeOptions(p);
  const toPath = patchTo(p);
  // P&T switches to wildcard expansion only for the literal text `[*]` (reference §3.7).
  if (toPath.includes('[*]')) {
    const paved = new Paved(to);
    const paths = paved.expandWildcards(toPath);
    if (paths.length === 0) throw new PatchError(`cannot expand ToFieldPath ${toPath}`);
    for (const path of paths) {
      if (mo === undefined) paved.setValue(path, v);
      else paved.mergeValue(path, v, mo);
    }
    return undefined;
  }
  patchValueToObject(toPath, v, to, mo);
  return undefined;
}

/** Combine patch: every variable from `from`, formatted, transformed, into `to` (§3.6). */
export function applyCombinePatch(p: PtPatch, from: ObjectValue, to: ObjectValue): void {
  throwMissing(combinePatch(p, from, to));
}

/** {@link applyCombinePatch} that returns a missing variable instead of throwing it. */
function combinePatch(p: PtPatch, from: ObjectValue, to: ObjectValue): MissingField | undefined {
  const c = p.combine ?? {};
  const paved = new Paved(from);
  const vars: Value[] = [];
  for (const variable of c.variables ?? []) {
    const v = paved.lookup(variable.fromFieldPath ?? '');
    if (v instanceof MissingField) return v;
    vars.push(v);
  }
  let combined: Value;
  if (c.strategy === 'string') {
    if (c.string === undefined || c.string === null) throw new PatchError('given combine strategy string requires configuration');
    combined = sprintf(c.string.fmt ?? '', ...vars);
  } else {
    throw new PatchError(`combine strategy ${c.strategy ?? ''} is not supported`);
  }
  const out = resolveTransforms(transformsOf(p), combined);
  const mo = toMergeOptions(p);
  patchValueToObject(patchTo(p), out, to, mo);
  return undefined;
}

/**
 * One `environment.patches` entry: from the observed XR to the environment, or from the
 * environment to the desired XR.
 */
export function applyEnvironmentPatch(p: PtPatch, env: ObjectValue, oxr: ObjectValue, dxr: ObjectValue): void {
  switch (patchType(p)) {
    case 'FromCompositeFieldPath':
    case 'ToEnvironmentFieldPath':
      return applyFromFieldPathPatch(p, oxr, env);
    case 'CombineFromComposite':
      return applyCombinePatch(p, oxr, env);
    case 'ToCompositeFieldPath':
    case 'FromEnvironmentFieldPath':
      return applyFromFieldPathPatch(p, env, dxr);
    case 'CombineToComposite':
      return applyCombinePatch(p, env, dxr);
    default:
      return undefined;
  }
}

/** Whether the patch writes to the composed resource (rather than reading from it). */
export function toComposedResource(p: PtPatch): boolean {
  switch (patchType(p)) {
    case 'FromCompositeFieldPath':
    case 'CombineFromComposite':
    case 'FromEnvironmentFieldPath':
    case 'CombineFromEnvironment':
      return true;
    default:
      return false;
  }
}

/**
 * One composed-resource patch. `ocd` is the observed composed resource, absent when it does not
 * exist yet (patches reading from it are then skipped).
 */
export function applyComposedPatch(
  p: PtPatch, ocd: ObjectValue | undefined, dcd: ObjectValue, oxr: ObjectValue, dxr: ObjectValue, env: ObjectValue,
): void {
  throwMissing(composedPatch(p, ocd, dcd, oxr, dxr, env));
}

/**
 * {@link applyComposedPatch} that returns a missing source (field path not found) instead of
 * throwing it; every other error still throws.
 */
export function composedPatch(
  p: PtPatch, ocd: ObjectValue | undefined, dcd: ObjectValue, oxr: ObjectValue, dxr: ObjectValue, env: ObjectValue,
): MissingField | undefined {
  if (ocd === undefined && !toComposedResource(p)) return undefined;
  switch (patchType(p)) {
    case 'ToCompositeFieldPath':
      return fromFieldPathPatch(p, ocd!, dxr);
    case 'CombineToComposite':
      return combinePatch(p, ocd!, dxr);
    case 'ToEnvironmentFieldPath':
      return fromFieldPathPatch(p, ocd!, env);
    case 'CombineToEnvironment':
      return combinePatch(p, ocd!, env);
    case 'FromCompositeFieldPath':
      return fromFieldPathPatch(p, oxr, dcd);
    case 'CombineFromComposite':
      return combinePatch(p, oxr, dcd);
    case 'FromEnvironmentFieldPath':
      return fromFieldPathPatch(p, env, dcd);
    case 'CombineFromEnvironment':
      return combinePatch(p, env, dcd);
    default:
      return undefined;
  }
}

/**
 * The templates with `PatchSet` patches replaced, in place, by the patches of the named set
 * (P&T's `ComposedTemplates`).
 */
export function resolvePatchSets(input: PtInput): PtComposedTemplate[] {
  const sets = new Map<string, PtPatch[]>();
  for (const s of input.patchSets ?? []) {
    for (const p of s.patches ?? []) {
      if (patchType(p) === 'PatchSet') throw new PatchError('a patch in a PatchSet cannot be of type PatchSet');
    }
    sets.set(s.name ?? '', s.patches ?? []);
  }
  return (input.resources ?? []).map((t) => {
    const patches: PtPatch[] = [];
    for (const p of t.patches ?? []) {
      if (patchType(p) !== 'PatchSet') {
        patches.push(p);
        continue;
      }
      if (p.patchSetName === undefined || p.patchSetName === null) throw new PatchError('PatchSetName is required by type PatchSet');
      const set = sets.get(p.patchSetName);
      if (!set) throw new PatchError(`cannot find PatchSet by name ${p.patchSetName}`);
      patches.push(...set);
    }
    return { ...t, patches };
  });
}
