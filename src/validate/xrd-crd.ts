/**
 * Builds the CustomResourceDefinition Crossplane generates for the composite resources (and,
 * for legacy XRDs with `claimNames`, the claims) of an XRD, as reference section 1.5/1.6
 * describes (`ForCompositeResource`/`ForCompositeResourceClaim`). The scope is the one the
 * cluster gives the XRD: the API server defaults a missing `spec.scope` per served version
 * (`Namespaced` for `apiextensions.crossplane.io/v2`, `LegacyCluster` for `v1`, reference 1.1).
 * `crossplane resource validate` differs here (it decodes every XRD as v1, reference 4.5);
 * `xrd-checks.ts` and `validate.ts` warn where that changes its verdict.
 */
import { JsonSchema } from '../schema/json-schema';
import { isRecord } from './_util';

type Mutable = Record<string, unknown>;

/** Scope of an XRD's composite resources, as read through the v1 API (reference 1.1). */
export type XrdReadScope = 'Namespaced' | 'Cluster' | 'LegacyCluster';

/** One problem met while generating the CRD, with the XRD field it is about. */
export interface XrdCrdProblem {
  /** Field path in the XRD. */
  readonly path: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
  /** Errors make the XRD unusable; warnings leave the XRD accepted but its CRD not generated. */
  readonly severity: 'error' | 'warning';
}

/** The generated CRD(s) of one XRD. */
export interface XrdCrds {
  /** Scope the XRD is read with. */
  readonly scope: XrdReadScope;
  /** The XR CRD (`apiextensions.k8s.io/v1` CustomResourceDefinition, plain object). */
  readonly composite?: Record<string, unknown>;
  /** The claim CRD, for a legacy XRD with `claimNames`. */
  readonly claim?: Record<string, unknown>;
  /** Why a CRD could not be generated (or is suspicious). */
  readonly problems: readonly XrdCrdProblem[];
}

const str = (): Mutable => ({ type: 'string' });
const nameRef = (): Mutable => ({ type: 'object', required: ['name'], properties: { name: str() } });
const labelSelector = (): Mutable => ({ type: 'object', required: ['matchLabels'], properties: { matchLabels: { type: 'object', additionalProperties: str() } } });

function resourceRefs(withNamespace: boolean): Mutable {
  const props: Mutable = { apiVersion: str(), kind: str(), name: str() };
  if (withNamespace) props.namespace = str();
  return { type: 'array', 'x-kubernetes-list-type': 'atomic', items: { type: 'object', required: ['kind'], properties: props } };
}

function machinerySpecProps(updatePolicyDefault: string, refsWithNamespace: boolean): Mutable {
  return {
    compositionRef: nameRef(),
    compositionSelector: labelSelector(),
    compositionRevisionRef: nameRef(),
    compositionRevisionSelector: labelSelector(),
    compositionUpdatePolicy: { type: 'string', enum: ['Automatic', 'Manual'], default: updatePolicyDefault },
    resourceRefs: resourceRefs(refsWithNamespace),
  };
}

function conditions(): Mutable {
  return {
    type: 'array',
    'x-kubernetes-list-type': 'map',
    'x-kubernetes-list-map-keys': ['type'],
    items: {
      type: 'object',
      required: ['lastTransitionTime', 'reason', 'status', 'type'],
      properties: {
        lastTransitionTime: { type: 'string', format: 'date-time' },
        message: str(),
        observedGeneration: { type: 'integer', format: 'int64' },
        reason: str(),
        status: str(),
        type: str(),
      },
    },
  };
}

function legacyStatusProps(): Mutable {
  return {
    conditions: conditions(),
    connectionDetails: { type: 'object', properties: { lastPublishedTime: { type: 'string', format: 'date-time' } } },
    claimConditionTypes: { type: 'array', 'x-kubernetes-list-type': 'set', items: str() },
  };
}

/**
 * The scope the API server gives an XRD: `spec.scope` when set, else the default of the
 * apiVersion it was written with (`Namespaced` for v2, `LegacyCluster` for v1).
 */
export function xrdReadScope(xrd: unknown): XrdReadScope {
  const spec = isRecord(xrd) && isRecord(xrd.spec) ? xrd.spec : {};
  if (spec.scope === 'Namespaced' || spec.scope === 'Cluster' || spec.scope === 'LegacyCluster') return spec.scope;
  return isV2WithoutScope(xrd) ? 'Namespaced' : 'LegacyCluster';
}

/**
 * Whether an XRD is `apiextensions.crossplane.io/v2` without `spec.scope`: Namespaced in a
 * cluster, but LegacyCluster to `crossplane resource validate`, which decodes XRDs as v1.
 */
export function isV2WithoutScope(xrd: unknown): boolean {
  const spec = isRecord(xrd) && isRecord(xrd.spec) ? xrd.spec : undefined;
  return isRecord(xrd) && xrd.apiVersion === 'apiextensions.crossplane.io/v2' && spec !== undefined && (spec.scope === undefined || spec.scope === null);
}

/**
 * Merges the user's version schema into Crossplane's base schema (reference 1.5 steps 1-3).
 * `specProps`/`statusProps` are the machinery properties, which override user properties.
 */
export function buildXrSchema(user: unknown, specProps: Mutable, statusProps: Mutable): JsonSchema {
  const u = isRecord(user) ? user : {};
  const uProps = isRecord(u.properties) ? u.properties : {};
  let nameMax = 63;
  const um = isRecord(uProps.metadata) && isRecord(uProps.metadata.properties) ? uProps.metadata.properties : {};
  if (isRecord(um.name) && typeof um.name.maxLength === 'number' && um.name.maxLength < nameMax) nameMax = um.name.maxLength;

  const spec: Mutable = { type: 'object' };
  const us = isRecord(uProps.spec) ? uProps.spec : {};
  const specRequired = Array.isArray(us.required) ? [...us.required] : [];
  if (specRequired.length) spec.required = specRequired;
  if (us['x-kubernetes-preserve-unknown-fields'] !== undefined) spec['x-kubernetes-preserve-unknown-fields'] = us['x-kubernetes-preserve-unknown-fields'];
  if (Array.isArray(us['x-kubernetes-validations'])) spec['x-kubernetes-validations'] = [...us['x-kubernetes-validations']];
  if (Array.isArray(us.oneOf)) spec.oneOf = [...us.oneOf];
  if (typeof us.description === 'string') spec.description = us.description;
  spec.properties = { ...(isRecord(us.properties) ? us.properties : {}), ...specProps };

  const status: Mutable = { type: 'object' };
  const ust = isRecord(uProps.status) ? uProps.status : {};
  if (Array.isArray(ust.required)) status.required = [...ust.required];
  if (Array.isArray(ust['x-kubernetes-validations'])) status['x-kubernetes-validations'] = [...ust['x-kubernetes-validations']];
  if (Array.isArray(ust.oneOf)) status.oneOf = [...ust.oneOf];
  if (typeof ust.description === 'string') status.description = ust.description;
  if (ust['x-kubernetes-preserve-unknown-fields'] !== undefined) status['x-kubernetes-preserve-unknown-fields'] = ust['x-kubernetes-preserve-unknown-fields'];
  status.properties = { ...(isRecord(ust.properties) ? ust.properties : {}), ...statusProps };

  const root: Mutable = {
    type: 'object',
    required: ['spec'],
    properties: {
      apiVersion: str(),
      kind: str(),
      metadata: { type: 'object', properties: { name: { type: 'string', maxLength: nameMax } } },
      spec,
      status,
    },
  };
  if (typeof u.description === 'string') root.description = u.description;
  if (Array.isArray(u['x-kubernetes-validations'])) root['x-kubernetes-validations'] = [...u['x-kubernetes-validations']];
  return root as JsonSchema;
}

/** Generates the XR CRD (and claim CRD) of an XRD object; never throws on bad input. */
export function crdsForXrd(xrd: unknown): XrdCrds {
  const problems: XrdCrdProblem[] = [];
  const scope = xrdReadScope(xrd);
  const x = isRecord(xrd) ? xrd : {};
  const spec = isRecord(x.spec) ? x.spec : {};
  const meta = isRecord(x.metadata) ? x.metadata : {};
  const names = isRecord(spec.names) ? spec.names : undefined;
  if (typeof spec.group !== 'string' || spec.group === '') problems.push({ path: 'spec.group', message: 'Required value: set the API group of the XR, e.g. platform.example.org', severity: 'error' });
  if (!names || typeof names.kind !== 'string' || typeof names.plural !== 'string') problems.push({ path: 'spec.names', message: 'Required value: set names.kind and names.plural', severity: 'error' });
  const versions = Array.isArray(spec.versions) ? spec.versions : [];
  if (versions.length === 0) problems.push({ path: 'spec.versions', message: 'Required value: declare at least one version', severity: 'error' });
  if (problems.length) return { scope, problems };

  const legacy = scope === 'LegacyCluster';
  const updateDefault = typeof spec.defaultCompositionUpdatePolicy === 'string' ? spec.defaultCompositionUpdatePolicy : 'Automatic';
  const xrSpecProps: Mutable = legacy
    ? {
      ...machinerySpecProps(updateDefault, true),
      claimRef: { type: 'object', required: ['apiVersion', 'kind', 'namespace', 'name'], properties: { apiVersion: str(), kind: str(), name: str(), namespace: str() } },
      writeConnectionSecretToRef: { type: 'object', required: ['name', 'namespace'], properties: { name: str(), namespace: str() } },
    }
    : { crossplane: { type: 'object', properties: machinerySpecProps(updateDefault, scope === 'Cluster') } };
  const xrStatusProps: Mutable = legacy ? legacyStatusProps() : { conditions: conditions() };

  const crdVersions: Mutable[] = [];
  const claimVersions: Mutable[] = [];
  versions.forEach((v: unknown, i: number) => {
    const ver = isRecord(v) ? v : {};
    const schema = isRecord(ver.schema) ? ver.schema.openAPIV3Schema : undefined;
    if (!isRecord(schema)) {
      problems.push({ path: `spec.versions[${i}].schema.openAPIV3Schema`, message: 'custom resource validation cannot be nil: the XRD is accepted, but Crossplane cannot generate its CRD until every version has a schema.openAPIV3Schema', severity: 'warning' });
      return;
    }
    const base = {
      name: ver.name,
      served: ver.served,
      storage: ver.referenceable,
      ...(ver.deprecated !== undefined ? { deprecated: ver.deprecated } : {}),
      ...(ver.deprecationWarning !== undefined ? { deprecationWarning: ver.deprecationWarning } : {}),
    };
    crdVersions.push({ ...base, schema: { openAPIV3Schema: buildXrSchema(schema, xrSpecProps, xrStatusProps) } });
    if (legacy && isRecord(spec.claimNames)) {
      const claimSpec: Mutable = {
        ...machinerySpecProps(updateDefault, true),
        compositeDeletePolicy: { type: 'string', enum: ['Background', 'Foreground'], default: typeof spec.defaultCompositeDeletePolicy === 'string' ? spec.defaultCompositeDeletePolicy : 'Background' },
        resourceRef: { type: 'object', required: ['apiVersion', 'kind', 'name'], properties: { apiVersion: str(), kind: str(), name: str() } },
        writeConnectionSecretToRef: { type: 'object', required: ['name'], properties: { name: str() } },
      };
      delete (claimSpec.compositionUpdatePolicy as Mutable).default;
      delete claimSpec.resourceRefs;
      claimVersions.push({ ...base, schema: { openAPIV3Schema: buildXrSchema(schema, claimSpec, legacyStatusProps()) } });
    }
  });

  const composite = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: meta.name },
    spec: { group: spec.group, names: { ...names, categories: [...(Array.isArray(names!.categories) ? names!.categories : []), 'composite'] }, scope: scope === 'Namespaced' ? 'Namespaced' : 'Cluster', versions: crdVersions },
  };
  let claim: Record<string, unknown> | undefined;
  if (legacy && isRecord(spec.claimNames)) {
    const cn = spec.claimNames;
    for (const key of ['kind', 'plural', 'singular', 'listKind']) {
      const v = cn[key];
      if (typeof v === 'string' && v !== '' && v === names![key]) {
        problems.push({ path: `spec.claimNames.${key}`, message: `invalid resource claim names: "${v}" conflicts with composite resource name: choose claim names that differ from spec.names`, severity: 'error' });
      }
    }
    claim = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: `${cn.plural}.${spec.group}` },
      spec: { group: spec.group, names: { ...cn, categories: [...(Array.isArray(cn.categories) ? cn.categories : []), 'claim'] }, scope: 'Namespaced', versions: claimVersions },
    };
  }
  return { scope, composite, claim, problems };
}
