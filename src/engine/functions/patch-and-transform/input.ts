/**
 * The input of function-patch-and-transform (`pt.fn.crossplane.io/v1beta1`, `Resources`,
 * reference §3.1) as typed objects, and the type-level decoding P&T does before validation
 * (`request.GetInput`). Only JSON type mismatches fail here (`cannot get Function input`);
 * everything else is left to `validatePtInput`, as in P&T.
 */
import type { InputShape } from '../../go/input-shape';
import { goSlice, goStruct, inputDecodeError, withGoZeroValues } from '../../go/input-shape';
import type { ObjectValue, Value } from '../../go/values';

/**
 * The release whose behaviour this engine reproduces, and the function SDK it decodes its input
 * with (P&T v0.10.8's go.mod). The SDK has unmarshalled input with `RejectUnknownMembers` since
 * v0.4.0 (function-sdk-go `resource/resource.go` `AsObject`), so P&T v0.8.0 and later fail a
 * step whose input has a field they do not know. Keep in step with the stock function package
 * (`FunctionPackage.PATCH_AND_TRANSFORM`).
 */
export const PT_BEHAVIOUR = { version: 'v0.10.8', sdkVersion: 'v0.5.0' } as const;

/** A patch's policy. */
export interface PtPolicy { fromFieldPath?: string; toFieldPath?: string }

/** A combine variable. */
export interface PtCombineVariable { fromFieldPath?: string }

/** A combine block. */
export interface PtCombine { variables?: PtCombineVariable[]; strategy?: string; string?: { fmt?: string } }

/** Any P&T patch (composed, patch-set, environment or connection-secret patch). */
export interface PtPatch {
  type?: string;
  fromFieldPath?: string;
  toFieldPath?: string;
  combine?: PtCombine;
  transforms?: Value[];
  policy?: PtPolicy;
  patchSetName?: string;
}

/** A readiness check. */
export interface PtReadinessCheck {
  type?: string;
  fieldPath?: string;
  matchString?: string;
  matchInteger?: number | bigint;
  matchCondition?: { type?: string; status?: string };
}

/** A connection detail. */
export interface PtConnectionDetail {
  name?: string;
  type?: string;
  fromConnectionSecretKey?: string;
  fromFieldPath?: string;
  value?: string;
}

/** A composed resource template. */
export interface PtComposedTemplate {
  name?: string;
  base?: ObjectValue;
  patches?: PtPatch[];
  connectionDetails?: PtConnectionDetail[];
  readinessChecks?: PtReadinessCheck[];
}

/** The whole input. */
export interface PtInput {
  resources?: PtComposedTemplate[];
  patchSets?: { name?: string; patches?: PtPatch[] }[];
  environment?: { patches?: PtPatch[] };
  writeConnectionSecretToRef?: { name?: string; namespace?: string; patches?: PtPatch[] };
}

const POLICY = goStruct('v1beta1.PatchPolicy', { fromFieldPath: 'string', toFieldPath: 'string' });
const COMBINE = goStruct('v1beta1.Combine', {
  strategy: 'string',
  string: goStruct('v1beta1.StringCombine', { fmt: 'string' }),
  variables: goSlice(goStruct('v1beta1.CombineVariable', { fromFieldPath: 'string' }), '[]v1beta1.CombineVariable'),
});
const TRANSFORM = goStruct('v1beta1.Transform', {
  type: 'string',
  math: goStruct('v1beta1.MathTransform', { type: 'string', multiply: 'int', clampMin: 'int', clampMax: 'int' }),
  // The pairs of a map transform are the object itself.
  map: goStruct('v1beta1.MapTransform', {}, true),
  match: goStruct('v1beta1.MatchTransform', {
    patterns: goSlice(goStruct('v1beta1.MatchTransformPattern', { type: 'string', literal: 'string', regexp: 'string', result: 'raw' }), '[]v1beta1.MatchTransformPattern'),
    fallbackValue: 'raw',
    fallbackTo: 'string',
  }),
  string: goStruct('v1beta1.StringTransform', {
    type: 'string', fmt: 'string', convert: 'string', trim: 'string',
    regexp: goStruct('v1beta1.StringTransformRegexp', { match: 'string', group: 'int' }),
    join: goStruct('v1beta1.StringTransformJoin', { separator: 'string' }),
    replace: goStruct('v1beta1.StringTransformReplace', { search: 'string', replace: 'string' }),
  }),
  convert: goStruct('v1beta1.ConvertTransform', { toType: 'string', format: 'string' }),
});
const patchFields = (extra: Record<string, InputShape>): Record<string, InputShape> => ({
  type: 'string', fromFieldPath: 'string', toFieldPath: 'string', combine: COMBINE,
  transforms: goSlice(TRANSFORM, '[]v1beta1.Transform'), policy: POLICY, ...extra,
});
const COMPOSED_PATCHES = goSlice(goStruct('v1beta1.ComposedPatch', patchFields({ patchSetName: 'string' })), '[]v1beta1.ComposedPatch');

const INPUT = goStruct('v1beta1.Resources', {
  apiVersion: 'string',
  kind: 'string',
  metadata: 'any',
  resources: goSlice(goStruct('v1beta1.ComposedTemplate', {
    name: 'string',
    base: 'raw',
    patches: COMPOSED_PATCHES,
    connectionDetails: goSlice(goStruct('v1beta1.ConnectionDetail', { name: 'string', type: 'string', fromConnectionSecretKey: 'string', fromFieldPath: 'string', value: 'string' }), '[]v1beta1.ConnectionDetail'),
    readinessChecks: goSlice(goStruct('v1beta1.ReadinessCheck', {
      type: 'string', fieldPath: 'string', matchString: 'string', matchInteger: 'int',
      matchCondition: goStruct('v1beta1.MatchConditionReadinessCheck', { type: 'string', status: 'string' }),
    }), '[]v1beta1.ReadinessCheck'),
  }), '[]v1beta1.ComposedTemplate'),
  patchSets: goSlice(goStruct('v1beta1.PatchSet', {
    name: 'string',
    patches: goSlice(goStruct('v1beta1.PatchSetPatch', patchFields({ patchSetName: 'string' })), '[]v1beta1.PatchSetPatch'),
  }), '[]v1beta1.PatchSet'),
  environment: goStruct('v1beta1.Environment', { patches: goSlice(goStruct('v1beta1.EnvironmentPatch', patchFields({})), '[]v1beta1.EnvironmentPatch') }),
  writeConnectionSecretToRef: goStruct('v1beta1.WriteConnectionSecretToRef', {
    name: 'string', namespace: 'string',
    patches: goSlice(goStruct('v1beta1.ConnectionSecretPatch', patchFields({})), '[]v1beta1.ConnectionSecretPatch'),
  }),
});

/**
 * Decodes a step input into P&T's input type, as the function SDK does: JSON types must match
 * and unknown fields are rejected. Returns the error text (P&T then reports
 * `cannot get Function input: ...`).
 */
export function decodePtInput(input: ObjectValue | undefined): { input: PtInput } | { error: string } {
  const err = inputDecodeError(input, INPUT);
  if (err) return { error: err };
  return { input: withGoZeroValues(input ?? {}, INPUT) as unknown as PtInput };
}

/** The patch type, defaulted as P&T's getter does. */
export function patchType(p: PtPatch): string {
  return p.type || 'FromCompositeFieldPath';
}

/** `fromFieldPath`, or empty. */
export function patchFrom(p: PtPatch): string {
  return p.fromFieldPath ?? '';
}

/** `toFieldPath`, defaulting to `fromFieldPath` when absent (not when empty). */
export function patchTo(p: PtPatch): string {
  return p.toFieldPath ?? patchFrom(p);
}

/** `policy.fromFieldPath`, defaulting to Optional. */
export function fromPolicy(p: PtPatch): string {
  return p.policy?.fromFieldPath ?? 'Optional';
}

/** `policy.toFieldPath`, defaulting to Replace. */
export function toPolicy(p: PtPatch): string {
  return p.policy?.toFieldPath ?? 'Replace';
}
