/**
 * The input of function-patch-and-transform (`pt.fn.crossplane.io/v1beta1`, `Resources`,
 * reference §3.1) as typed objects, and the type-level decoding P&T does before validation
 * (`request.GetInput`). Only JSON type mismatches fail here (`cannot get Function input`);
 * everything else is left to `validatePtInput`, as in P&T.
 */
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

type Shape =
  | 'string' | 'int' | 'bool' | 'raw' | 'any'
  | { array: Shape; goType: string }
  | { struct: string; fields: Record<string, Shape>; open?: boolean };

const struct = (name: string, fields: Record<string, Shape>, open = false): Shape => ({ struct: name, fields, open });
const list = (item: Shape, goType: string): Shape => ({ array: item, goType });

const POLICY = struct('PatchPolicy', { fromFieldPath: 'string', toFieldPath: 'string' });
const COMBINE = struct('Combine', {
  strategy: 'string',
  string: struct('StringCombine', { fmt: 'string' }),
  variables: list(struct('CombineVariable', { fromFieldPath: 'string' }), '[]v1beta1.CombineVariable'),
});
const TRANSFORM = struct('Transform', {
  type: 'string',
  math: struct('MathTransform', { type: 'string', multiply: 'int', clampMin: 'int', clampMax: 'int' }),
  // The pairs of a map transform are the object itself.
  map: struct('MapTransform', {}, true),
  match: struct('MatchTransform', {
    patterns: list(struct('MatchTransformPattern', { type: 'string', literal: 'string', regexp: 'string', result: 'raw' }), '[]v1beta1.MatchTransformPattern'),
    fallbackValue: 'raw',
    fallbackTo: 'string',
  }),
  string: struct('StringTransform', {
    type: 'string', fmt: 'string', convert: 'string', trim: 'string',
    regexp: struct('StringTransformRegexp', { match: 'string', group: 'int' }),
    join: struct('StringTransformJoin', { separator: 'string' }),
    replace: struct('StringTransformReplace', { search: 'string', replace: 'string' }),
  }),
  convert: struct('ConvertTransform', { toType: 'string', format: 'string' }),
});
const patchFields = (extra: Record<string, Shape>): Record<string, Shape> => ({
  type: 'string', fromFieldPath: 'string', toFieldPath: 'string', combine: COMBINE,
  transforms: list(TRANSFORM, '[]v1beta1.Transform'), policy: POLICY, ...extra,
});
const COMPOSED_PATCHES = list(struct('ComposedPatch', patchFields({ patchSetName: 'string' })), '[]v1beta1.ComposedPatch');

const INPUT: Shape = struct('Resources', {
  apiVersion: 'string',
  kind: 'string',
  metadata: 'any',
  resources: list(struct('ComposedTemplate', {
    name: 'string',
    base: 'raw',
    patches: COMPOSED_PATCHES,
    connectionDetails: list(struct('ConnectionDetail', { name: 'string', type: 'string', fromConnectionSecretKey: 'string', fromFieldPath: 'string', value: 'string' }), '[]v1beta1.ConnectionDetail'),
    readinessChecks: list(struct('ReadinessCheck', {
      type: 'string', fieldPath: 'string', matchString: 'string', matchInteger: 'int',
      matchCondition: struct('MatchConditionReadinessCheck', { type: 'string', status: 'string' }),
    }), '[]v1beta1.ReadinessCheck'),
  }), '[]v1beta1.ComposedTemplate'),
  patchSets: list(struct('PatchSet', {
    name: 'string',
    patches: list(struct('PatchSetPatch', patchFields({ patchSetName: 'string' })), '[]v1beta1.PatchSetPatch'),
  }), '[]v1beta1.PatchSet'),
  environment: struct('Environment', { patches: list(struct('EnvironmentPatch', patchFields({})), '[]v1beta1.EnvironmentPatch') }),
  writeConnectionSecretToRef: struct('WriteConnectionSecretToRef', {
    name: 'string', namespace: 'string',
    patches: list(struct('ConnectionSecretPatch', patchFields({})), '[]v1beta1.ConnectionSecretPatch'),
  }),
});

function jsonKind(v: Value): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number' || typeof v === 'bigint') return 'number';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

function goTypeOf(shape: Shape): string {
  if (shape === 'string') return 'string';
  if (shape === 'int') return 'int64';
  if (shape === 'bool') return 'bool';
  if (shape === 'raw') return 'runtime.RawExtension';
  if (shape === 'any') return 'interface {}';
  if ('array' in shape) return shape.goType;
  return `v1beta1.${shape.struct}`;
}

// go-json-experiment's SemanticError text (the SDK decodes inputs with it, rejecting unknown
// members since function-sdk-go PR #124). The JSON pointer is built only when there is an error.
function pointerOf(path: readonly (string | number)[]): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function within(path: readonly (string | number)[]): string {
  return path.length > 0 ? ` within ${JSON.stringify(pointerOf(path))}` : '';
}

function mismatch(kind: string, path: readonly (string | number)[], shape: Shape): string {
  return `json: cannot unmarshal JSON ${kind} into Go ${goTypeOf(shape)}${within(path)}`;
}

function check(v: Value | undefined, shape: Shape, path: (string | number)[]): string | undefined {
  // JSON null decodes to the zero value of any Go type.
  if (v === undefined || v === null || shape === 'any' || shape === 'raw') return undefined;
  if (shape === 'string') return typeof v === 'string' ? undefined : mismatch(jsonKind(v), path, shape);
  if (shape === 'bool') return typeof v === 'boolean' ? undefined : mismatch(jsonKind(v), path, shape);
  if (shape === 'int') {
    if (typeof v === 'bigint') return undefined;
    if (typeof v !== 'number') return mismatch(jsonKind(v), path, shape);
    if (!Number.isInteger(v)) return `json: cannot unmarshal JSON number ${v} into Go int64${within(path)}`;
    return undefined;
  }
  if ('array' in shape) {
    if (!Array.isArray(v)) return mismatch(jsonKind(v), path, shape);
    for (let i = 0; i < v.length; i++) {
      path.push(i);
      const err = check(v[i], shape.array, path);
      path.pop();
      if (err) return err;
    }
    return undefined;
  }
  if (typeof v !== 'object' || Array.isArray(v)) return mismatch(jsonKind(v), path, shape);
  if (shape.open) return undefined;
  const obj = v as ObjectValue;
  for (const key in obj) {
    if (!Object.prototype.hasOwnProperty.call(shape.fields, key)) {
      return `json: cannot unmarshal into Go v1beta1.${shape.struct}: unknown object member name ${JSON.stringify(key)}${within(path)}`;
    }
    path.push(key);
    const err = check(obj[key], shape.fields[key], path);
    path.pop();
    if (err) return err;
  }
  return undefined;
}

/**
 * Decodes a step input into P&T's input type, as the function SDK does: JSON types must match
 * and unknown fields are rejected. Returns the error text (P&T then reports
 * `cannot get Function input: ...`).
 */
export function decodePtInput(input: ObjectValue | undefined): { input: PtInput } | { error: string } {
  if (!input) return { input: {} };
  const err = check(input, INPUT, []);
  if (err) return { error: `cannot get function input *v1beta1.Resources from *v1.RunFunctionRequest: cannot unmarshal JSON from *structpb.Struct into *v1beta1.Resources: ${err}` };
  return { input: input as unknown as PtInput };
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
