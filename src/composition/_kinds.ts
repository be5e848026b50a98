/**
 * What the Composition knows about the kinds it composes: their CRD schema and scope, read from
 * the generated `imports/schemas/<group>.json` files (`importedGroup`), plus a small table of core Kubernetes
 * kinds. Private to this folder (not exported by the barrel).
 */
import { importedGroup, splitApiVersion } from '../schema/imported-schemas';
import { JsonSchema } from '../schema/json-schema';

/** Scope and (when known) schema of one apiVersion + kind. */
export interface KindInfo {
  /** `Namespaced` or `Cluster`. */
  readonly scope: 'Namespaced' | 'Cluster';
  /** `openAPIV3Schema` of that version, when imported. */
  readonly schema?: JsonSchema;
  /** Whether the version is served (false: the API server rejects the object). */
  readonly served: boolean;
  /** Versions of the kind that are served, for messages. */
  readonly servedVersions: readonly string[];
}

/**
 * Scopes of built-in kinds that have no generated schema (the common ones are in
 * `imports/schemas`, scope included: see scripts/built-in-kinds.ts). Group '' is the core group;
 * kinds in neither place are not checked.
 */
const CLUSTER_KINDS: Readonly<Record<string, readonly string[]>> = {
  '': ['Node'],
  'storage.k8s.io': ['CSIDriver', 'VolumeAttachment'],
  'apiextensions.k8s.io': ['CustomResourceDefinition'],
  'admissionregistration.k8s.io': ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
  'scheduling.k8s.io': ['PriorityClass'],
};
const NAMESPACED_KINDS: Readonly<Record<string, readonly string[]>> = {
  '': ['Endpoints'],
};

/** What is known of `apiVersion` + `kind`; undefined when nothing is. */
export function kindInfo(apiVersion: string, kind: string): KindInfo | undefined {
  const { group, version } = splitApiVersion(apiVersion);
  const file = importedGroup(group);
  const k = file?.kinds.find(x => x.kind === kind);
  if (k) {
    const v = k.versions.find(x => x.name === version);
    return { scope: k.scope, schema: v?.schema ?? undefined, served: v?.served ?? false, servedVersions: k.versions.filter(x => x.served).map(x => x.name) };
  }
  if (CLUSTER_KINDS[group]?.includes(kind)) return { scope: 'Cluster', served: true, servedVersions: [] };
  if (NAMESPACED_KINDS[group]?.includes(kind)) return { scope: 'Namespaced', served: true, servedVersions: [] };
  return undefined;
}

/** Whether `group` holds Crossplane namespaced managed resources (`<service>.<provider>.m.<domain>`, reference §5). */
export function isNamespacedMrGroup(group: string): boolean {
  return /(^|\.)m\.(upbound\.io|crossplane\.io)$/.test(group);
}

/**
 * Whether `group` is a built-in Kubernetes API group (core, `apps`, `batch`, `*.k8s.io`...):
 * those kinds have no `Ready` condition, so P&T never marks them ready without a custom check,
 * while function-auto-ready knows their health (reference §4.3).
 */
export function isBuiltinKubernetesGroup(group: string): boolean {
  return group === '' || !group.includes('.') || group.endsWith('.k8s.io');
}
