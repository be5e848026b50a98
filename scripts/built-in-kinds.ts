/**
 * Writes the schemas of built-in Kubernetes kinds (Deployment, Service, ...) to
 * `imports/schemas/<group>.json`, in the same layout as the CRD groups, so that the validator
 * checks rendered built-in objects instead of reporting them as missing schemas; one set per
 * Kubernetes release in {@link KUBERNETES_SCHEMA_SOURCES}.
 *
 * Source: the `kubernetes-models` devDependencies (exact versions pinned in package.json). Their
 * declaration files (`apps/v1/DeploymentSpec.d.ts`) give each definition's properties, which are
 * required (no `?`), string enums and references; their compiled validators (`_schemas/*.js`)
 * give what the declarations cannot: which numbers are integers and which strings are base64
 * (`byte`) or `date-time`. The result is a self-contained structural schema per kind, the shape
 * a CRD's openAPIV3Schema has: references inlined (a reference back to a definition being
 * inlined, such as JSONSchemaProps in itself, becomes an object that keeps unknown fields),
 * optional fields `nullable` (JSON null decodes to their zero value), IntOrString
 * `x-kubernetes-int-or-string`, Quantity a number or a string, free-form objects (RawExtension,
 * FieldsV1) keep unknown fields, and the object's own `metadata` is a plain object (the
 * validator applies the API server's metadata rules itself, as for CRDs).
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

/** One Kubernetes release whose built-in schemas are written, and the package they come from. */
export interface KubernetesSchemaSource {
  /** `major.minor`, e.g. `1.34`. */
  readonly version: string;
  /** The devDependency (kubernetes-models, possibly under an npm alias) generated from that release. */
  readonly pkg: string;
}

/**
 * The Kubernetes releases validate knows, newest first; the first is the default and is written
 * to `imports/schemas/<group>.json`, the others to `imports/schemas/kubernetes-<version>/`.
 * kubernetes-models states no Kubernetes version of its own past 4.x's stale README badge;
 * the release was identified by the API fields each package has: 5.1.0 has resource.k8s.io/v1
 * and PodSpec.hostnameOverride (both new in 1.34), 4.5.1 has Lifecycle.stopSignal (1.33) but
 * neither of those.
 */
export const KUBERNETES_SCHEMA_SOURCES: readonly KubernetesSchemaSource[] = [
  { version: '1.34', pkg: 'kubernetes-models' },
  { version: '1.33', pkg: 'kubernetes-models-1.33' },
];

/** A parsed type expression of kubernetes-models' declaration files. */
type TypeNode =
  | { readonly t: 'string' | 'number' | 'boolean' | 'any' }
  | { readonly t: 'enum'; readonly values: readonly string[] }
  | { readonly t: 'array'; readonly items: TypeNode }
  | { readonly t: 'map'; readonly values: TypeNode }
  | { readonly t: 'object'; readonly props: readonly Member[] }
  | { readonly t: 'ref'; readonly name: string; readonly file: string };

/** One property of an interface or inline object type. */
interface Member { readonly name: string; readonly optional: boolean; readonly type: TypeNode }

/** The members of an interface or inline object body (`"a"?: T; "b": U;`), split at top-level `;`. */
function parseMembers(body: string, imports: Map<string, string>, file: string): Member[] {
  const out: Member[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '{' || c === '<' || c === '(') depth++;
    else if (c === '}' || c === '>' || c === ')') depth--;
    else if (c === ';' && depth === 0) {
      const m = /^\s*"([^"]+)"(\?)?:\s*([\s\S]*)$/.exec(body.slice(start, i));
      if (!m) throw new Error(`unexpected member ${JSON.stringify(body.slice(start, i))} in ${file}`);
      out.push({ name: m[1], optional: m[2] === '?', type: parseType(m[3], imports, file) });
      start = i + 1;
    }
  }
  if (body.slice(start).trim() !== '') throw new Error(`unterminated member ${JSON.stringify(body.slice(start))} in ${file}`);
  return out;
}

/** One declaration: an interface (properties) or a type alias, with its compiled validator's file. */
interface Declaration {
  readonly props?: readonly Member[];
  readonly alias?: TypeNode;
  /** `IoK8sApi...`: the module of its compiled validator under `_schemas/`. */
  readonly id: string;
  readonly dir: string;
}

function packageDir(root: string, name: string, from?: string): string {
  for (const base of [from, root].filter((d): d is string => d !== undefined)) {
    for (let d = base; ; d = path.dirname(d)) {
      const candidate = path.join(d, 'node_modules', name);
      if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
      if (path.dirname(d) === d) break;
    }
  }
  throw new Error(`${name} is not installed (run npm ci)`);
}

/** The declaration file an import specifier names, seen from `file`. */
function resolveImport(spec: string, file: string, root: string, pkgDir: string): string {
  if (spec.startsWith('.')) return path.resolve(path.dirname(file), spec.replace(/\.js$/, '') + '.d.ts');
  const m = /^(@kubernetes-models\/[^/]+)\/(.*)$/.exec(spec);
  if (!m) throw new Error(`unexpected import ${spec} in ${file}`);
  return path.join(packageDir(root, m[1], pkgDir), m[2].replace(/\.js$/, '') + '.d.ts');
}

/** Parses one type expression (no generics other than Array, no intersections: the files have none). */
function parseType(text: string, imports: Map<string, string>, file: string): TypeNode {
  const x = text.trim().replace(/;$/, '').trim();
  if (x === 'string' || x === 'number' || x === 'boolean') return { t: x };
  // `number | string` only declares Quantity and IntOrString, which schemaOf knows by name.
  if (x === 'any' || x === 'object' || x === 'unknown' || x === '{}' || x === 'number | string' || x === 'string | number') return { t: 'any' };
  if (/\["(apiVersion|kind)"\]$/.test(x)) return { t: 'string' };
  if (/^"[^"]*"(\s*\|\s*"[^"]*")*$/.test(x)) return { t: 'enum', values: [...x.matchAll(/"([^"]*)"/g)].map((m) => m[1]) };
  const arr = /^Array<(.*)>$/s.exec(x);
  if (arr) return { t: 'array', items: parseType(arr[1], imports, file) };
  const map = /^\{\s*\[key: string\]:\s*(.*?);?\s*\}$/s.exec(x);
  if (map) return { t: 'map', values: parseType(map[1], imports, file) };
  if (/^\{\s*"/.test(x) && x.endsWith('}')) return { t: 'object', props: parseMembers(x.slice(1, -1), imports, file) };
  if (/^\w+$/.test(x)) {
    const from = imports.get(x);
    return { t: 'ref', name: x, file: from ?? file };
  }
  throw new Error(`unsupported type ${JSON.stringify(x)} in ${file}`);
}

const declarations = new Map<string, Declaration>();

/** Reads the declaration of `name` (an interface or alias exported by `file`). */
function declaration(name: string, file: string, root: string, pkgDir: string): Declaration {
  const key = `${file}#${name}`;
  const hit = declarations.get(key);
  if (hit) return hit;
  const text = fs.readFileSync(file, 'utf8').replace(/\/\*\*[\s\S]*?\*\//g, '').split('\n').filter((l) => l.trim() !== '').join('\n');
  const imports = new Map<string, string>();
  for (const m of text.matchAll(/import \{([^}]*)\} from "([^"]+)";/g)) {
    if (m[2].startsWith('@kubernetes-models/base')) continue;
    for (const n of m[1].split(',').map((s) => s.trim()).filter((s) => s)) imports.set(n, resolveImport(m[2], file, root, pkgDir));
  }
  // `export type { IDeploymentSpec as IIoK8sApiAppsV1DeploymentSpec, DeploymentSpec as IoK8sApiAppsV1DeploymentSpec }`
  const exp = /export (?:type )?\{\s*(\w+) as (\w+),\s*\w+ as (\w+)\s*\}/.exec(text);
  if (!exp) throw new Error(`no export of ${name} in ${file}`);
  const local = exp[1];
  const id = exp[3];
  let decl: Declaration;
  const iface = new RegExp(`export interface ${local}(?: extends [\\w, ]+)? \\{([\\s\\S]*?)\\n\\}`).exec(text);
  if (iface) {
    const props = parseMembers(iface[1], imports, file);
    decl = { props, id, dir: path.dirname(file) };
  } else {
    const alias = new RegExp(`export (?:declare )?type ${local} = ([^;]+);`).exec(text);
    if (!alias) throw new Error(`no interface or type ${local} in ${file}`);
    decl = { alias: parseType(alias[1], imports, file), id, dir: path.dirname(file) };
  }
  declarations.set(key, decl);
  return decl;
}
/**
 * Quantities are strings (`500m`) or numbers: the API server decodes `cpu: 0.5` too, so an
 * int-or-string schema would reject manifests the cluster accepts. Kubernetes' own OpenAPI v3
 * document gives Quantity the same two types.
 */
const QUANTITY = 'IoK8sApimachineryPkgApiResourceQuantity';
const INT_OR_STRING = 'IoK8sApimachineryPkgUtilIntstrIntOrString';

/** The folder of compiled validators (`_schemas/`) of the package a declaration belongs to. */
function validatorsDir(dir: string): string {
  for (let d = dir; path.dirname(d) !== d; d = path.dirname(d)) if (fs.existsSync(path.join(d, '_schemas'))) return path.join(d, '_schemas');
  throw new Error(`no _schemas folder above ${dir}`);
}

/**
 * What the declaration files do not say, read from the package's compiled validator of the same
 * definition: which numbers are integers and which strings carry a format (byte, date-time).
 * The validator checks each property with a local function (`void 0===data.x||validate23(...)`,
 * or `void 0!==data.x&&(validate1(...)` in kubernetes-models 5)
 * whose body names the type and format it checks; functions it calls are followed one level.
 */
function scalarChecks(decl: Declaration): Map<string, { integer: boolean; format?: string }> {
  const out = new Map<string, { integer: boolean; format?: string }>();
  let code: string;
  try {
    code = fs.readFileSync(path.join(validatorsDir(decl.dir), `${decl.id}.js`), 'utf8');
  } catch {
    return out;
  }
  const bodies = new Map<string, string>();
  const starts = [...code.matchAll(/function (validate\d+)\(/g)];
  starts.forEach((m, i) => bodies.set(m[1], code.slice(m.index!, i + 1 < starts.length ? starts[i + 1].index : code.length)));
  for (const m of code.matchAll(/void 0(?:===|!==)data(?:\.([\w$]+)|\["([^"]+)"\])(?:\|\||&&\()(validate\d+)\(/g)) {
    const prop = m[1] ?? m[2];
    let body = bodies.get(m[3]) ?? '';
    for (const c of body.matchAll(/\b(validate\d+)\(data/g)) if (c[1] !== m[3]) body += bodies.get(c[1]) ?? '';
    const format = /params:\{format:"(byte|date-time|int32|int64|double|float)"\}/.exec(body)?.[1];
    out.set(prop, { integer: body.includes('params:{type:"integer"}'), ...(format ? { format } : {}) });
  }
  return out;
}

/** The structural schema of a type; `inlining` holds the declarations being inlined. */
function schemaOf(t: TypeNode, root: string, pkgDir: string, inlining: readonly string[], check?: { integer: boolean; format?: string }): Record<string, unknown> {
  switch (t.t) {
    case 'string': return { type: 'string', ...(check?.format === 'byte' || check?.format === 'date-time' ? { format: check.format } : {}) };
    case 'number': return check?.integer ? { type: 'integer', ...(check.format ? { format: check.format } : {}) } : { type: 'number', ...(check?.format ? { format: check.format } : {}) };
    case 'boolean': return { type: 'boolean' };
    case 'any': return { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true };
    case 'enum': return { type: 'string', enum: [...t.values] };
    case 'array': return { type: 'array', items: schemaOf(t.items, root, pkgDir, inlining, check) };
    case 'map': return { type: 'object', additionalProperties: schemaOf(t.values, root, pkgDir, inlining, check) };
    case 'object': return membersSchema(t.props, new Map(), root, pkgDir, inlining);
    case 'ref': {
      const decl = declaration(t.name, t.file, root, pkgDir);
      if (decl.id === QUANTITY) return { anyOf: [{ type: 'number' }, { type: 'string' }] };
      if (decl.id === INT_OR_STRING) return { 'x-kubernetes-int-or-string': true };
      if (decl.alias) return schemaOf(decl.alias, root, pkgDir, [...inlining, decl.id], check);
      // A definition that contains itself (JSONSchemaProps) cannot be inlined: keep its content.
      if (inlining.includes(decl.id)) return { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true };
      return objectSchema(decl, root, pkgDir, [...inlining, decl.id]);
    }
  }
}

/** An interface as an object schema. */
function objectSchema(decl: Declaration, root: string, pkgDir: string, inlining: readonly string[]): Record<string, unknown> {
  return membersSchema(decl.props ?? [], scalarChecks(decl), root, pkgDir, inlining);
}

/** Members as an object schema: required = the non-optional ones, optional ones nullable. */
function membersSchema(members: readonly Member[], checks: Map<string, { integer: boolean; format?: string }>, root: string, pkgDir: string, inlining: readonly string[]): Record<string, unknown> {
  // A free-form object (RawExtension, FieldsV1): the API server keeps whatever it holds.
  if (members.length === 0) return { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true };
  const required = members.filter((p) => !p.optional).map((p) => p.name).sort();
  const properties: Record<string, unknown> = {};
  for (const p of [...members].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const schema = schemaOf(p.type, root, pkgDir, inlining, checks.get(p.name));
    if (p.optional) {
      // JSON null decodes to the zero value of an optional field; a quantity has no `type` to widen.
      if (schema.type === undefined && Array.isArray(schema.anyOf)) schema.anyOf = [...schema.anyOf, { type: 'null' }];
      schema.nullable = true;
    }
    properties[p.name] = schema;
  }
  return { type: 'object', ...(required.length ? { required } : {}), properties };
}

/** The openAPIV3Schema of one kind: its definition made structural, `metadata` a plain object. */
function kindSchema(k: BuiltInKind, root: string, pkgDir: string): Record<string, unknown> {
  const dir = k.group === '' ? k.version : `${k.group}/${k.version}`;
  const file = path.join(pkgDir, dir, `${k.kind}.d.ts`);
  const decl = declaration(`I${k.kind}`, file, root, pkgDir);
  const schema = objectSchema(decl, root, pkgDir, [decl.id]);
  const props = schema.properties as Record<string, Record<string, unknown>>;
  // apiVersion and kind are exactly the kind's own, as in the OpenAPI definitions.
  props.apiVersion = { type: 'string', enum: [k.group === '' ? k.version : `${k.group}/${k.version}`] };
  props.kind = { type: 'string', enum: [k.kind] };
  props.metadata = { type: 'object' };
  return schema;
}

/**
 * Writes one `<group>.json` per API group of the built-in kinds into `schemasDir` (for the
 * default Kubernetes release) and into `schemasDir/kubernetes-<version>/` (for the others), and
 * returns the file names written, relative to `schemasDir` and without `.json`. `crdGroups` are
 * the groups imported from CRDs, which must not share a file with a built-in group.
 */
export function writeBuiltInSchemas(root: string, schemasDir: string, crdGroups: readonly string[] = []): string[] {
  const list = kinds();
  const byGroup = new Map<string, BuiltInKind[]>();
  for (const k of list) byGroup.set(k.group, [...(byGroup.get(k.group) ?? []), k]);
  const written: string[] = [];
  KUBERNETES_SCHEMA_SOURCES.forEach((source, index) => {
    const pkgDir = packageDir(root, source.pkg);
    const pkgVersion = (JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
    const sub = index === 0 ? '' : `kubernetes-${source.version}`;
    fs.mkdirSync(path.join(schemasDir, sub), { recursive: true });
    for (const group of [...byGroup.keys()].sort()) {
      // One entry per kind, with every listed version; the last listed is the storage version.
      const byKind = new Map<string, BuiltInKind[]>();
      for (const k of byGroup.get(group)!) byKind.set(k.kind, [...(byKind.get(k.kind) ?? []), k]);
      const groupKinds = [...byKind.keys()].sort().map((kind) => byKind.get(kind)!);
      const doc = {
        $comment: `generated by \`npm run import\` from the Kubernetes ${source.version} API in kubernetes-models ${pkgVersion} (built-in kinds listed in scripts/built-in-kinds.ts); do not edit`,
        group,
        kubernetesVersion: source.version,
        kinds: groupKinds.map((versions) => ({
          kind: versions[0].kind,
          plural: versions[0].plural,
          scope: versions[0].scope,
          source: versions.map((v) => `kubernetes-models@${pkgVersion}/${v.id}`).join(', '),
          versions: versions.map((v, i) => ({ name: v.version, served: true, storage: i === versions.length - 1, schema: kindSchema(v, root, pkgDir) })),
        })),
      };
      const name = builtInFileName(group);
      if (crdGroups.includes(name)) throw new Error(`CRD group ${name} clashes with the built-in Kubernetes group ${group === '' ? 'core' : group}`);
      fs.writeFileSync(path.join(schemasDir, sub, `${name}.json`), JSON.stringify(doc) + '\n');
      written.push(sub ? `${sub}/${name}` : name);
      process.stdout.write(`${group === '' ? 'core' : group} (built-in, Kubernetes ${source.version}): ${groupKinds.map((v) => v[0].kind).join(', ')}\n`);
    }
  });
  return written;
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  writeBuiltInSchemas(root, path.join(root, 'imports', 'schemas'));
}
