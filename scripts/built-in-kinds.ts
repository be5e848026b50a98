/**
 * Writes the schemas of built-in Kubernetes kinds (Deployment, Service, ...) to
 * `imports/schemas/<group>.json`, in the same layout as the CRD groups, so that the validator
 * checks rendered built-in objects instead of reporting them as missing schemas.
 *
 * Source: the OpenAPI definitions shipped by the `kubernetes-models` devDependency (exact
 * version pinned in package.json). kubernetes-models 4.1.0 was generated from Kubernetes
 * v1.25.2 (the version its README states); bump the package to follow newer clusters.
 *
 * The definitions reference each other by id (`$ref: "<id>#"`) and mark optional fields as
 * `oneOf: [<schema>, {type: null}]` or `nullable: true`. They are turned into self-contained
 * structural schemas, the shape a CRD's openAPIV3Schema has: references inlined (a reference
 * back to a definition being inlined, such as JSONSchemaProps in itself, becomes an object
 * that keeps unknown fields), null alternatives become `nullable`, IntOrString becomes
 * `x-kubernetes-int-or-string`, Quantity a number or a string, free-form objects (RawExtension, FieldsV1) keep
 * unknown fields, and the object's own `metadata` is a plain object (the validator applies
 * the API server's metadata rules itself, as for CRDs).
 *
 * Run by `npm run import`; `tsx scripts/built-in-kinds.ts` rewrites only these files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** One built-in kind to write. */
interface BuiltInKind {
  /** API group, '' for the core group. */
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly plural: string;
  readonly scope: 'Namespaced' | 'Cluster';
  /** Definition id in the Kubernetes OpenAPI document. */
  readonly id: string;
}

/**
 * Built-in kinds platform APIs compose or render (cdk8s-plus output, provider-kubernetes
 * Objects, Helm-less workloads). Not listed in cdk8s.yaml: `cdk8s import` would generate
 * classes for them, which cdk8s-plus and cdk8s' own k8s imports already provide. Scopes are
 * those of the Kubernetes API (Namespace and the cluster RBAC kinds are cluster-scoped).
 */
const BUILT_IN_KINDS: readonly (readonly [apiVersion: string, kind: string, plural: string, scope: 'Namespaced' | 'Cluster', pkg: string])[] = [
  ['v1', 'ConfigMap', 'configmaps', 'Namespaced', 'core'],
  ['v1', 'Secret', 'secrets', 'Namespaced', 'core'],
  ['v1', 'Service', 'services', 'Namespaced', 'core'],
  ['v1', 'ServiceAccount', 'serviceaccounts', 'Namespaced', 'core'],
  ['v1', 'Namespace', 'namespaces', 'Cluster', 'core'],
  ['v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', 'Namespaced', 'core'],
  ['v1', 'PersistentVolume', 'persistentvolumes', 'Cluster', 'core'],
  ['v1', 'Pod', 'pods', 'Namespaced', 'core'],
  ['v1', 'LimitRange', 'limitranges', 'Namespaced', 'core'],
  ['v1', 'ResourceQuota', 'resourcequotas', 'Namespaced', 'core'],
  ['apps/v1', 'Deployment', 'deployments', 'Namespaced', 'apps'],
  ['apps/v1', 'StatefulSet', 'statefulsets', 'Namespaced', 'apps'],
  ['apps/v1', 'DaemonSet', 'daemonsets', 'Namespaced', 'apps'],
  ['apps/v1', 'ReplicaSet', 'replicasets', 'Namespaced', 'apps'],
  ['batch/v1', 'Job', 'jobs', 'Namespaced', 'batch'],
  ['batch/v1', 'CronJob', 'cronjobs', 'Namespaced', 'batch'],
  // Both served by Kubernetes; v2 is the newer one (listed last: it is marked storage).
  ['autoscaling/v1', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', 'Namespaced', 'autoscaling'],
  ['autoscaling/v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', 'Namespaced', 'autoscaling'],
  ['networking.k8s.io/v1', 'Ingress', 'ingresses', 'Namespaced', 'networking'],
  ['networking.k8s.io/v1', 'IngressClass', 'ingressclasses', 'Cluster', 'networking'],
  ['networking.k8s.io/v1', 'NetworkPolicy', 'networkpolicies', 'Namespaced', 'networking'],
  ['policy/v1', 'PodDisruptionBudget', 'poddisruptionbudgets', 'Namespaced', 'policy'],
  ['rbac.authorization.k8s.io/v1', 'Role', 'roles', 'Namespaced', 'rbac'],
  ['rbac.authorization.k8s.io/v1', 'RoleBinding', 'rolebindings', 'Namespaced', 'rbac'],
  ['rbac.authorization.k8s.io/v1', 'ClusterRole', 'clusterroles', 'Cluster', 'rbac'],
  ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'clusterrolebindings', 'Cluster', 'rbac'],
  ['storage.k8s.io/v1', 'StorageClass', 'storageclasses', 'Cluster', 'storage'],
];

/** File name (without `.json`) of a group's schemas; the core group has no name of its own. */
export function builtInFileName(group: string): string {
  return group === '' ? 'core' : group;
}

function kinds(): BuiltInKind[] {
  return BUILT_IN_KINDS.map(([apiVersion, kind, plural, scope, pkg]) => {
    const slash = apiVersion.lastIndexOf('/');
    const group = slash < 0 ? '' : apiVersion.slice(0, slash);
    const version = apiVersion.slice(slash + 1);
    return { group, version, kind, plural, scope, id: `io.k8s.api.${pkg}.${version}.${kind}` };
  });
}

/** Module file of a definition id: `io.k8s.api.apps.v1.Deployment` -> `IoK8sApiAppsV1Deployment`. */
function moduleName(id: string): string {
  return id.split('.').map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');
}

/**
 * Every definition the listed kinds need, by id. Each kubernetes-models schema module
 * registers its definition (after its dependencies) through `register(id, schema)` of
 * @kubernetes-models/validate; that function is replaced by a collector while the modules
 * load, so no validator is built and nothing is fetched.
 */
function collectDefinitions(root: string, ids: readonly string[]): Map<string, Record<string, unknown>> {
  const defs = new Map<string, Record<string, unknown>>();
  // The packages export no `_schemas/*` subpaths: their files are loaded by absolute path.
  const pkgDir = path.dirname(require.resolve('kubernetes-models', { paths: [root] }));
  const machineryDir = path.dirname(require.resolve('@kubernetes-models/apimachinery', { paths: [pkgDir] }));
  for (const from of [pkgDir, machineryDir]) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const validate = require(require.resolve('@kubernetes-models/validate', { paths: [from] }));
    validate.register = (id: string, schema: Record<string, unknown>) => { if (!defs.has(id)) defs.set(id, schema); };
  }
  for (const id of ids) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(pkgDir, '_schemas', `${moduleName(id)}.js`));
    mod.addSchema();
    if (!defs.has(id)) throw new Error(`kubernetes-models has no definition ${id}`);
  }
  return defs;
}

const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
/**
 * Quantities are strings (`500m`) or numbers: the API server decodes `cpu: 0.5` too, so an
 * int-or-string schema would reject manifests the cluster accepts. Kubernetes' own OpenAPI v3
 * document gives Quantity the same two types.
 */
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

/** Keywords kept as they are (descriptions and the like are dropped, as in the stored CRDs). */
const KEEP = ['type', 'format', 'enum', 'required', 'nullable', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties', 'multipleOf', 'default'];

function isRecord(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function refId(ref: string): string {
  return ref.endsWith('#') ? ref.slice(0, -1) : ref;
}

/** The structural form of one schema node; `inlining` holds the definitions being inlined. */
function structural(node: Record<string, any>, defs: Map<string, Record<string, unknown>>, inlining: readonly string[]): Record<string, unknown> {
  if (typeof node.$ref === 'string') {
    const id = refId(node.$ref);
    if (id === INT_OR_STRING) return { 'x-kubernetes-int-or-string': true };
    if (id === QUANTITY) return { anyOf: [{ type: 'number' }, { type: 'string' }] };
    // A definition that contains itself (JSONSchemaProps) cannot be inlined: keep its content.
    if (inlining.includes(id)) return { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true };
    const def = defs.get(id);
    if (!def) throw new Error(`definition ${id} referenced but not registered`);
    return structural(def, defs, [...inlining, id]);
  }
  if (Array.isArray(node.oneOf)) {
    const rest = node.oneOf.filter((x: unknown) => !(isRecord(x) && x.type === 'null' && Object.keys(x).length === 1));
    if (rest.length === 1 && rest.length < node.oneOf.length) {
      const inner = structural(rest[0], defs, inlining);
      // `nullable` only widens a `type`; a quantity has none, so null is one of its choices.
      if (inner.type === undefined && Array.isArray(inner.anyOf)) inner.anyOf = [...inner.anyOf, { type: 'null' }];
      return { ...inner, nullable: true };
    }
    throw new Error(`unsupported oneOf: ${JSON.stringify(node.oneOf)}`);
  }
  const out: Record<string, unknown> = {};
  for (const k of KEEP) if (node[k] !== undefined) out[k] = node[k];
  for (const k of Object.keys(node)) if (k.startsWith('x-kubernetes-')) out[k] = node[k];
  if (isRecord(node.properties)) {
    const props: Record<string, unknown> = {};
    for (const k of Object.keys(node.properties).sort()) props[k] = structural(node.properties[k], defs, inlining);
    out.properties = props;
  }
  if (isRecord(node.additionalProperties)) out.additionalProperties = structural(node.additionalProperties, defs, inlining);
  else if (typeof node.additionalProperties === 'boolean') out.additionalProperties = node.additionalProperties;
  if (isRecord(node.items)) out.items = structural(node.items, defs, inlining);
  // A free-form object (RawExtension, FieldsV1): the API server keeps whatever it holds.
  if (node.type === 'object' && !isRecord(node.properties) && node.additionalProperties === undefined) out['x-kubernetes-preserve-unknown-fields'] = true;
  return out;
}

/** The openAPIV3Schema of one kind: its definition made structural, `metadata` a plain object. */
function kindSchema(id: string, defs: Map<string, Record<string, unknown>>): Record<string, unknown> {
  const schema = structural(defs.get(id)!, defs, [id]);
  const props = schema.properties as Record<string, unknown>;
  props.metadata = { type: 'object' };
  return schema;
}

/**
 * Writes one `<group>.json` per API group of the built-in kinds into `schemasDir` and returns
 * the file names written (without `.json`). `crdGroups` are the groups imported from CRDs,
 * which must not share a file with a built-in group.
 */
export function writeBuiltInSchemas(root: string, schemasDir: string, crdGroups: readonly string[] = []): string[] {
  const list = kinds();
  const defs = collectDefinitions(root, list.map((k) => k.id));
  const byGroup = new Map<string, BuiltInKind[]>();
  for (const k of list) byGroup.set(k.group, [...(byGroup.get(k.group) ?? []), k]);
  const written: string[] = [];
  for (const group of [...byGroup.keys()].sort()) {
    // One entry per kind, with every listed version; the last listed is the storage version.
    const byKind = new Map<string, BuiltInKind[]>();
    for (const k of byGroup.get(group)!) byKind.set(k.kind, [...(byKind.get(k.kind) ?? []), k]);
    const groupKinds = [...byKind.keys()].sort().map((kind) => byKind.get(kind)!);
    const doc = {
      $comment: 'generated by `npm run import` from the Kubernetes v1.25.2 OpenAPI definitions in kubernetes-models (built-in kinds listed in scripts/built-in-kinds.ts); do not edit',
      group,
      kinds: groupKinds.map((versions) => ({
        kind: versions[0].kind,
        plural: versions[0].plural,
        scope: versions[0].scope,
        source: versions.map((v) => `kubernetes-models/${v.id}`).join(', '),
        versions: versions.map((v, i) => ({ name: v.version, served: true, storage: i === versions.length - 1, schema: kindSchema(v.id, defs) })),
      })),
    };
    const name = builtInFileName(group);
    if (crdGroups.includes(name)) throw new Error(`CRD group ${name} clashes with the built-in Kubernetes group ${group === '' ? 'core' : group}`);
    fs.writeFileSync(path.join(schemasDir, `${name}.json`), JSON.stringify(doc) + '\n');
    written.push(name);
    process.stdout.write(`${group === '' ? 'core' : group} (built-in): ${groupKinds.map((v) => v[0].kind).join(', ')}\n`);
  }
  return written;
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  writeBuiltInSchemas(root, path.join(root, 'imports', 'schemas'));
}
