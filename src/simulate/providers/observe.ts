/**
 * The simulated providers: what the cluster reports for a composed resource Crossplane has
 * applied, by the first that applies of: the kind's provider rules (the user's, then the
 * package's), merged over the defaults of a managed resource, provider-kubernetes' `Object`, or
 * a built-in Kubernetes kind. The package's rules cover the GCP, AWS and Azure kinds it imports.
 */
import type { ObjectValue, Value } from '../../engine/go/values';
import { deepCopy, fromStruct, isObject, toPlain } from '../../engine/go/values';
import { AWS_RULES } from './aws';
import { AZURE_RULES } from './azure';
import { GCP_RULES, stableHash } from './gcp';
import { isBuiltInKind, isKubernetesObject, observeBuiltIn, observeKubernetesObject } from './kubernetes';
import { externalNameOf, isManaged, observeManaged } from './managed';
import type { ProviderReport, ProviderRule, SimulatedResource } from './provider-rule';
import type { ResourceOutcome } from './resource-outcome';

/** The rules the package ships, for the kinds it imports. */
export const BUILT_IN_PROVIDER_RULES: readonly ProviderRule[] = [...GCP_RULES, ...AWS_RULES, ...AZURE_RULES];

/** An observed composed resource and its provider's connection details. */
export interface ObservedResource {
  /** The object as observed (Struct form: numbers are float64). */
  readonly resource: ObjectValue;
  /** Connection details, as plain text. */
  readonly connectionDetails: Record<string, string>;
}

/** Deep-merges `from` into `into` (objects merge, everything else replaces). */
function mergeInto(into: ObjectValue, from: ObjectValue): void {
  for (const [k, v] of Object.entries(from)) {
    const cur = into[k];
    if (isObject(v) && isObject(cur)) mergeInto(cur, v);
    else into[k] = deepCopy(v);
  }
}

function view(o: ObjectValue, resourceName: string): SimulatedResource {
  const meta = isObject(o.metadata) ? o.metadata : {};
  return {
    apiVersion: String(o.apiVersion ?? ''),
    kind: String(o.kind ?? ''),
    metadata: {
      name: String(meta.name ?? ''),
      namespace: typeof meta.namespace === 'string' ? meta.namespace : undefined,
      annotations: (toPlain(isObject(meta.annotations) ? meta.annotations : {}) as Record<string, string>),
      labels: (toPlain(isObject(meta.labels) ? meta.labels : {}) as Record<string, string>),
    },
    spec: toPlain(isObject(o.spec) ? o.spec : {}) as SimulatedResource['spec'],
    resourceName,
    externalName: externalNameOf(o),
  };
}

function applyReport(o: ObjectValue, report: ProviderReport, details: Record<string, string>): void {
  if (report.spec) mergeInto(o.spec as ObjectValue, fromStruct(report.spec as unknown) as ObjectValue);
  if (!isObject(o.status)) o.status = {};
  const status = o.status as ObjectValue;
  if (report.status) mergeInto(status, fromStruct(report.status) as ObjectValue);
  if (report.atProvider) {
    if (!isObject(status.atProvider)) status.atProvider = {};
    mergeInto(status.atProvider as ObjectValue, fromStruct(report.atProvider) as ObjectValue);
  }
  Object.assign(details, report.connectionDetails ?? {});
}

/**
 * The observed twin of an applied composed resource, or undefined when the API server rejects
 * it (a failing Kubernetes kind). `rules` are searched in order; `stable` names the resource
 * for made-up values (addresses) that must not change between reconciles.
 */
export function observeComposed(applied: ObjectValue, resourceName: string, rules: readonly ProviderRule[], outcome: ResourceOutcome | undefined): ObservedResource | undefined {
  const o = deepCopy(applied);
  if (!isObject(o.metadata)) o.metadata = {};
  if (!isObject(o.spec)) o.spec = {};
  const stable = stableHash(`${String(o.kind)}/${String((o.metadata as ObjectValue).namespace ?? '')}/${String((o.metadata as ObjectValue).name ?? '')}`);
  const details: Record<string, string> = {};
  const managed = isManaged(o);
  if (!managed && outcome?.kind === 'fail') return undefined;
  if (managed) {
    observeManaged(o, outcome);
    if (outcome?.kind === 'fail') return { resource: o, connectionDetails: details };
    if (isKubernetesObject(o) && outcome?.kind !== 'unready') observeKubernetesObject(o, stable);
  } else if (isBuiltInKind(o) && outcome?.kind !== 'unready') {
    observeBuiltIn(o, stable);
  }
  const apiVersion = String(o.apiVersion ?? '');
  const kind = String(o.kind ?? '');
  const rule = rules.find((r) => r.matches(apiVersion, kind));
  if (rule && outcome?.kind !== 'unready') applyReport(o, rule._report(view(o, resourceName)), details);
  return { resource: fromStruct(o as Value) as ObjectValue, connectionDetails: details };
}
