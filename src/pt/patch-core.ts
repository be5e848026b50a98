import { UserError } from '../errors';
import { Combine } from './combine';
import { AnyPathArg, resolvePathArg } from './field-path';
import { checkSuppressions, LintRule } from './lint-rule';
import { FromFieldPathPolicy, PatchEnd, PatchOptions, PatchType, ToFieldPathPolicy } from './patch-policy';
import { Transform, transformChainProblems } from './transform';

/**
 * What a PatchSet patch needs of the set it splices in: its name, and the XR type carried over
 * to the patch. `PatchSet` is one.
 */
export interface IPatchSetRef<XR = any> {
  /** The name templates reference. */
  readonly name: string;
  /** Type-only marker carrying `XR`; never set at run time. */
  readonly __xr?: (xr: XR) => void;
}

/**
 * What lints and serialisers need of a patch, whether it is a composed-resource patch or an
 * environment patch.
 */
export interface IPatch {
  /** The P&T patch type. */
  readonly type: PatchType;
  /** The object the patch reads from (undefined for a PatchSet reference). */
  readonly readsFrom: PatchEnd | undefined;
  /** The object the patch writes to (undefined for a PatchSet reference). */
  readonly writesTo: PatchEnd | undefined;
  /** Every path read: `fromFieldPath`, or each combine variable. */
  readonly fromFieldPaths: string[];
  /** The destination path (defaults to `fromFieldPath` as in P&T); undefined for PatchSet. */
  readonly toFieldPath: string | undefined;
  /** The transforms, in order. */
  readonly transforms: Transform[];
  /** The combine, for Combine* patches. */
  readonly combine: Combine | undefined;
  /** The referenced patch set, for PatchSet patches. */
  readonly patchSetName: string | undefined;
  /**
   * The lint findings accepted on this patch.
   * @default - none
   */
  readonly suppressions?: readonly LintRule[];
  /** @internal */
  _toJson(): Record<string, unknown>;
}

/** Where each patch type reads and writes in `resources[].patches` (reference §3.4). */
export const COMPOSED_PATCH_ENDS: Readonly<Record<string, readonly [PatchEnd, PatchEnd]>> = {
  [PatchType.FROM_COMPOSITE_FIELD_PATH]: [PatchEnd.COMPOSITE, PatchEnd.COMPOSED],
  [PatchType.COMBINE_FROM_COMPOSITE]: [PatchEnd.COMPOSITE, PatchEnd.COMPOSED],
  [PatchType.FROM_ENVIRONMENT_FIELD_PATH]: [PatchEnd.ENVIRONMENT, PatchEnd.COMPOSED],
  [PatchType.COMBINE_FROM_ENVIRONMENT]: [PatchEnd.ENVIRONMENT, PatchEnd.COMPOSED],
  [PatchType.TO_COMPOSITE_FIELD_PATH]: [PatchEnd.COMPOSED, PatchEnd.COMPOSITE],
  [PatchType.COMBINE_TO_COMPOSITE]: [PatchEnd.COMPOSED, PatchEnd.COMPOSITE],
  [PatchType.TO_ENVIRONMENT_FIELD_PATH]: [PatchEnd.COMPOSED, PatchEnd.ENVIRONMENT],
  [PatchType.COMBINE_TO_ENVIRONMENT]: [PatchEnd.COMPOSED, PatchEnd.ENVIRONMENT],
};

/** Where each patch type reads and writes in `environment.patches` (reference §3.4). */
export const ENVIRONMENT_PATCH_ENDS: Readonly<Record<string, readonly [PatchEnd, PatchEnd]>> = {
  [PatchType.FROM_COMPOSITE_FIELD_PATH]: [PatchEnd.COMPOSITE, PatchEnd.ENVIRONMENT],
  [PatchType.TO_ENVIRONMENT_FIELD_PATH]: [PatchEnd.COMPOSITE, PatchEnd.ENVIRONMENT],
  [PatchType.COMBINE_FROM_COMPOSITE]: [PatchEnd.COMPOSITE, PatchEnd.ENVIRONMENT],
  [PatchType.TO_COMPOSITE_FIELD_PATH]: [PatchEnd.ENVIRONMENT, PatchEnd.COMPOSITE],
  [PatchType.FROM_ENVIRONMENT_FIELD_PATH]: [PatchEnd.ENVIRONMENT, PatchEnd.COMPOSITE],
  [PatchType.COMBINE_TO_COMPOSITE]: [PatchEnd.ENVIRONMENT, PatchEnd.COMPOSITE],
};

/**
 * The resolved content of a patch, shared by Patch and EnvironmentPatch.
 *
 * @internal
 */
export interface PatchData {
  readonly type: PatchType;
  readonly from?: string;
  readonly to?: string;
  readonly combine?: Combine;
  readonly patchSetName?: string;
  readonly transforms: readonly Transform[];
  readonly fromPolicy?: FromFieldPathPolicy;
  readonly toPolicy?: ToFieldPathPolicy;
  readonly suppress?: readonly LintRule[];
}

/**
 * Resolves and checks the arguments of a field patch factory; throws a {@link UserError} for
 * anything P&T would reject. `what` names the factory (`Patch.fromCompositeFieldPath`).
 *
 * @internal
 */
export function buildFieldPatch(
  what: string, type: PatchType, from: AnyPathArg, to: AnyPathArg | undefined, options: PatchOptions | undefined,
): PatchData {
  const fromPath = resolvePathArg(from, `${what} fromFieldPath`);
  const toPath = to === undefined ? undefined : resolvePathArg(to, `${what} toFieldPath`);
  return { type, from: fromPath, to: toPath, ...checkOptions(what, options) };
}

/** @internal As {@link buildFieldPatch} for Combine* patches, whose `toFieldPath` P&T requires. */
export function buildCombinePatch(what: string, type: PatchType, combine: Combine, to: AnyPathArg, options: PatchOptions | undefined): PatchData {
  if (!(combine instanceof Combine)) throw new UserError(`${what} combine must be built with Combine.string(fmt, variables), got '${String(combine)}'`);
  if (to === undefined || to === '') throw new UserError(`${what} toFieldPath is required, got '${String(to)}': P&T rejects combine patches without an explicit toFieldPath`);
  return { type, combine, to: resolvePathArg(to, `${what} toFieldPath`), ...checkOptions(what, options) };
}

function checkOptions(what: string, options: PatchOptions | undefined): Pick<PatchData, 'transforms' | 'fromPolicy' | 'toPolicy' | 'suppress'> {
  const transforms = [...(options?.transforms ?? [])];
  transforms.forEach((t, i) => {
    if (!(t instanceof Transform)) throw new UserError(`${what} transforms[${i}] must be built with a Transform factory, got '${JSON.stringify(t)}'`);
  });
  const problems = transformChainProblems(transforms, `${what} `);
  if (problems.length > 0) throw new UserError(problems.join('\n'));
  const fromPolicy = options?.fromFieldPathPolicy;
  if (fromPolicy !== undefined && !Object.values(FromFieldPathPolicy).includes(fromPolicy)) {
    throw new UserError(`${what} fromFieldPathPolicy must be one of ${Object.values(FromFieldPathPolicy).join(', ')}, got '${fromPolicy}'`);
  }
  const toPolicy = options?.toFieldPathPolicy;
  if (toPolicy !== undefined && !Object.values(ToFieldPathPolicy).includes(toPolicy)) {
    throw new UserError(`${what} toFieldPathPolicy must be one of ${Object.values(ToFieldPathPolicy).join(', ')}, got '${toPolicy}'`);
  }
  const suppress = checkSuppressions(what, options?.suppress);
  return { transforms, fromPolicy, toPolicy, ...(suppress.length ? { suppress } : {}) };
}

/** @internal The effective destination: P&T writes to `fromFieldPath` when `toFieldPath` is unset. */
export function effectiveToFieldPath(d: PatchData): string | undefined {
  return d.to ?? d.from;
}

/** @internal The read paths of a patch. */
export function readPaths(d: PatchData): string[] {
  if (d.combine) return d.combine.variables;
  return d.from === undefined ? [] : [d.from];
}

/** @internal The P&T wire format of a patch; only fields the user set (or P&T requires) are written. */
export function patchDataToJson(d: PatchData): Record<string, unknown> {
  const json: Record<string, unknown> = { type: d.type };
  if (d.patchSetName !== undefined) json.patchSetName = d.patchSetName;
  if (d.from !== undefined) json.fromFieldPath = d.from;
  if (d.combine !== undefined) json.combine = d.combine._toJson();
  if (d.to !== undefined) json.toFieldPath = d.to;
  if (d.transforms.length > 0) json.transforms = d.transforms.map(t => t._toJson());
  if (d.fromPolicy !== undefined || d.toPolicy !== undefined) {
    const policy: Record<string, unknown> = {};
    if (d.fromPolicy !== undefined) policy.fromFieldPath = d.fromPolicy;
    if (d.toPolicy !== undefined) policy.toFieldPath = d.toPolicy;
    json.policy = policy;
  }
  return json;
}
