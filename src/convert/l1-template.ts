import * as fs from 'node:fs';
import * as path from 'node:path';
import { L1_CLASSES, L1_PROPERTY_NAMES, SCHEMA_DIR } from '../../imports/schemas';
import { importedGroup } from '../schema/imported-schemas';
import { JsonSchema } from '../schema/json-schema';
import { NameAllocator, pascalCase } from './_code-writer';

/**
 * Composed resources as generated L1 classes: `addResource('network', Network, { spec: ... })`
 * instead of a plain object, when `imports/` has a class for the base's apiVersion and kind.
 *
 * The props are the base without `apiVersion` and `kind`, with field names as the class names
 * them (`roleARN` is `roleArn`, from `L1_PROPERTY_NAMES`). A base is written this way only when
 * both hold:
 * - its values have the types the generated props declare (walked against the CRD schema the
 *   class was generated from, following the rules `cdk8s import` types a schema by), so the
 *   generated code type-checks: every field known, strings where strings are declared, enum
 *   values among the enum's, no `null`, no field typed as a class (`Date`, int-or-string unions);
 * - the class renders the props back to exactly the base (`Class.manifest(props)`), so the
 *   synthesized Composition is the one a plain object would give.
 * Anything else stays a plain object, which always round-trips.
 */

type Obj = Record<string, unknown>;

/** A base written with its generated class. */
export interface L1Base {
  /** Module under `imports/` (the API group). */
  readonly module: string;
  /** Exported class name in that module. */
  readonly className: string;
  /** The base as props of the class: no apiVersion and kind, field names as the props type has them. */
  readonly props: Obj;
}

/** The key of {@link L1_CLASSES}. */
function gvkKey(apiVersion: string, kind: string): string {
  return `${apiVersion}, Kind=${kind}`;
}

/** Thrown inside the walk when a value does not fit the generated props type. */
class NotTyped extends Error {}

const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The base as props of its generated L1 class, or undefined when there is no class for its
 * apiVersion and kind or the base is not exactly expressible with it (see the file comment).
 */
export function l1Base(base: Obj): L1Base | undefined {
  if (typeof base.apiVersion !== 'string' || typeof base.kind !== 'string') return undefined;
  const ref = L1_CLASSES[gvkKey(base.apiVersion, base.kind)];
  if (!ref) return undefined;
  const schema = versionSchema(base.apiVersion, base.kind);
  if (!schema) return undefined;
  let props: Obj;
  try {
    props = toProps(base, schema);
  } catch (e) {
    if (e instanceof NotTyped) return undefined;
    throw e;
  }
  return rendersBack(ref.module, ref.className, props, base) ? { module: ref.module, className: ref.className, props } : undefined;
}

/** A class of a repository's generated imports folder: the module to import it from and its name. */
export interface ProjectL1Class {
  /** Import specifier of the module (`./imports/sql.gcp.upbound.io`, relative to the converted file). */
  readonly module: string;
  /** Exported class name. */
  readonly className: string;
}

// What `cdk8s import` writes for every kind and version: the class, then its GVK.
const GENERATED_CLASS = /export class (\w+) extends ApiObject \{[\s\S]*?GVK: GroupVersionKind = \{\s*apiVersion: '([^']+)',\s*kind: '([^']+)'/g;

/**
 * The classes of a repository's imports folder, as `cdk8s-crossplane import` generated them from
 * the CRDs in its cdk8s.yaml: a lookup by apiVersion and kind, read from the module of the API
 * group (`<dir>/<group>.ts`), which is imported as `<specifier>/<group>`.
 */
export function projectL1Classes(dir: string, specifier: string): (apiVersion: string, kind: string) => ProjectL1Class | undefined {
  const byModule = new Map<string, Map<string, string>>();
  return (apiVersion, kind) => {
    const slash = apiVersion.lastIndexOf('/');
    if (slash < 0) return undefined;
    const group = apiVersion.slice(0, slash);
    let classes = byModule.get(group);
    if (!classes) {
      classes = new Map();
      const file = path.join(dir, `${group}.ts`);
      const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
      for (const m of text.matchAll(GENERATED_CLASS)) classes.set(`${m[2]}, Kind=${m[3]}`, m[1]);
      byModule.set(group, classes);
    }
    const className = classes.get(gvkKey(apiVersion, kind));
    return className ? { module: `${specifier}/${group}`, className } : undefined;
  };
}

/**
 * The props name `cdk8s import` gives a schema field, when it is sure: a renamed name it is
 * known to write, or a lowerCamel name (no two capitals in a row, no `_`, `-`, `/`, `$`) that its
 * camel-casing keeps as it is. Anything else is not typed, and the base stays a plain object.
 */
function certainPropName(schemaName: string): string {
  if (Object.prototype.hasOwnProperty.call(L1_PROPERTY_NAMES, schemaName)) return L1_PROPERTY_NAMES[schemaName];
  if (!/^[a-z][a-zA-Z0-9]*$/.test(schemaName) || /[A-Z]{2}/.test(schemaName) || ['build', 'equals', 'hashcode'].includes(schemaName.toLowerCase())) throw new NotTyped();
  return schemaName;
}

/**
 * The base as props of a class of the repository's imports folder, generated from `schema` (the
 * CRD version the class was made from), or undefined when the base is not certainly expressible
 * with it. The module cannot be loaded here (it is TypeScript), so names must be certain (see
 * {@link certainPropName}); a field the class would still not know stays in the synthesized
 * base (the Composition keeps props fields its class drops), so nothing is lost.
 */
export function projectL1Base(base: Obj, cls: ProjectL1Class, schema: JsonSchema): L1Base | undefined {
  try {
    return { module: cls.module, className: cls.className, props: toProps(base, schema, certainPropName) };
  } catch (e) {
    if (e instanceof NotTyped) return undefined;
    throw e;
  }
}

function versionSchema(apiVersion: string, kind: string): JsonSchema | undefined {
  const slash = apiVersion.indexOf('/');
  if (slash < 0) return undefined;
  const version = importedGroup(apiVersion.slice(0, slash))?.kinds.find(k => k.kind === kind)?.versions.find(v => v.name === apiVersion.slice(slash + 1));
  return version?.schema ?? undefined;
}

/** The top level: `cdk8s import` drops apiVersion, kind and status from the props and types metadata as cdk8s' ApiObjectMetadata. */
function toProps(base: Obj, schema: JsonSchema, name: (schemaName: string) => string = propName): Obj {
  const props: Obj = {};
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  for (const [key, value] of Object.entries(base)) {
    if (key === 'apiVersion' || key === 'kind') continue;
    if (key === 'metadata') props.metadata = metadata(value);
    else if (key !== 'status' && Object.prototype.hasOwnProperty.call(properties, key)) props[name(key)] = typed(value, properties[key], name);
    else throw new NotTyped();
  }
  return props;
}

function propName(schemaName: string): string {
  return Object.prototype.hasOwnProperty.call(L1_PROPERTY_NAMES, schemaName) ? L1_PROPERTY_NAMES[schemaName] : schemaName;
}

/** ApiObjectMetadata: string maps for labels and annotations, strings for names, anything else free-form. */
function metadata(value: unknown): Obj {
  if (!isObject(value)) throw new NotTyped();
  for (const [key, v] of Object.entries(value)) {
    if (v === null) throw new NotTyped();
    if ((key === 'labels' || key === 'annotations') && !(isObject(v) && Object.values(v).every(x => typeof x === 'string'))) throw new NotTyped();
    if ((key === 'name' || key === 'namespace') && typeof v !== 'string') throw new NotTyped();
    if (key === 'finalizers' && !(Array.isArray(v) && v.every(x => typeof x === 'string'))) throw new NotTyped();
    // A typed struct of cdk8s (OwnerReference); composed resources do not set it.
    if (key === 'ownerReferences') throw new NotTyped();
  }
  return value;
}

const PRIMITIVE = ['string', 'number', 'integer', 'boolean'];

/**
 * `value` as the props type generated from `schema` holds it, in the order `cdk8s import` (json2jsii)
 * decides a schema's type: unions of primitives and date-times become classes, enums become
 * TypeScript enums, `properties` a struct (renamed fields), object `additionalProperties` a map,
 * then the primitive types and arrays; anything else is `any`.
 */
function typed(value: unknown, schema: JsonSchema | undefined, name: (schemaName: string) => string = propName): unknown {
  if (value === null || value === undefined) throw new NotTyped();
  if (!schema || typeof schema !== 'object') return value;
  const options = (schema.oneOf ?? schema.anyOf) as JsonSchema[] | undefined;
  if (Array.isArray(options) && options.every(o => typeof o?.type === 'string' && PRIMITIVE.includes(o.type))) throw new NotTyped();
  if (schema.format === 'date-time') throw new NotTyped();
  const values = schema.enum as unknown[] | undefined;
  if (Array.isArray(values) && values.length > 0 && values.every(v => typeof v === 'string' || typeof v === 'number')) {
    // Members whose value repeats another's but for case are left out of the generated enum.
    const kept = values.filter((v, i) => values.findIndex(w => String(w).toLowerCase() === String(v).toLowerCase()) === i);
    // Numeric enums are written as members, not literals: keep those bases plain.
    if (typeof value !== 'string' || !kept.includes(value)) throw new NotTyped();
    return value;
  }
  if (isObject(schema.properties)) {
    if (!isObject(value)) throw new NotTyped();
    const properties = schema.properties as Record<string, JsonSchema>;
    const out: Obj = {};
    for (const [key, v] of Object.entries(value)) {
      if (!Object.prototype.hasOwnProperty.call(properties, key)) throw new NotTyped();
      out[name(key)] = typed(v, properties[key], name);
    }
    return out;
  }
  if (isObject(schema.additionalProperties)) {
    if (!isObject(value)) throw new NotTyped();
    const item = schema.additionalProperties as JsonSchema;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typed(v, item, name)]));
  }
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') throw new NotTyped();
      return value;
    case 'number':
    case 'integer':
      if (typeof value !== 'number') throw new NotTyped();
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw new NotTyped();
      return value;
    case 'array': {
      if (!Array.isArray(value)) throw new NotTyped();
      const items = isObject(schema.items) ? schema.items as JsonSchema : undefined;
      return value.map(v => typed(v, items, name));
    }
    default:
      // Free-form (`any`): kept as is, names included.
      if (containsNull(value)) throw new NotTyped();
      return value;
  }
}

function containsNull(v: unknown): boolean {
  if (v === null) return true;
  if (Array.isArray(v)) return v.some(containsNull);
  return isObject(v) && Object.values(v).some(containsNull);
}

/** The generated modules are large: each is loaded once, and only when a base needs it. */
const modules = new Map<string, Record<string, unknown>>();

/**
 * Whether `Class.manifest(props)` gives back exactly `base` (the generated `toJson_*` functions
 * drop fields they do not know and rename the others): the proof that the class keeps the base.
 */
function rendersBack(module: string, className: string, props: Obj, base: Obj): boolean {
  let mod = modules.get(module);
  if (!mod) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require(path.join(path.dirname(SCHEMA_DIR), module)) as Record<string, unknown>;
    modules.set(module, mod);
  }
  const cls = mod[className] as { manifest?: (p: Obj) => unknown } | undefined;
  if (typeof cls?.manifest !== 'function') return false;
  let rendered: unknown;
  try {
    rendered = cls.manifest(props);
  } catch {
    return false; // a generated check rejected a value: the plain object keeps it
  }
  return sameJson(rendered, base);
}

/** Deep equality of JSON values; object key order does not matter, array order does. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const ka = Object.keys(a).filter(k => a[k] !== undefined);
  const kb = Object.keys(b).filter(k => b[k] !== undefined);
  return ka.length === kb.length && ka.every(k => Object.prototype.hasOwnProperty.call(b, k) && sameJson(a[k], b[k]));
}

/**
 * The names generated modules import from the library and from constructs: reserved in every
 * module before any L1 class is named, so that a class such as `Composition` (of
 * apiextensions.crossplane.io) is imported under another name.
 */
export const LIBRARY_NAMES: readonly string[] = [
  'AutoReady', 'Combine', 'CompositeDeletePolicy', 'CompositeResourceDefinition', 'Composition', 'CompositionUpdatePolicy',
  'ConnectionDetail', 'Construct', 'EnvironmentPatch', 'FromFieldPathPolicy', 'FunctionPackage', 'LintRule', 'MatchPattern', 'Patch',
  'PatchSet', 'ReadinessCheck', 'Schema', 'ToFieldPathPolicy', 'Transform', 'XrdApiVersion', 'XrdScope',
];

/**
 * The L1 classes one generated module imports, each under a name unique in that module: the class
 * name itself, or, when another module's class or a name of the module already has it, the class
 * name prefixed with its API group's service labels (`ComputeGcpMNetwork`).
 */
export class L1Imports {
  private readonly byModule = new Map<string, Map<string, string>>();

  /** `names` hands out the module's identifiers; the library's names must be reserved in it. */
  public constructor(private readonly names: NameAllocator) {}

  /** The local name of `className` from `module`, imported on first use. */
  public use(module: string, className: string): string {
    const classes = this.byModule.get(module) ?? new Map<string, string>();
    this.byModule.set(module, classes);
    const known = classes.get(className);
    if (known) return known;
    const local = this.names.isFree(className) ? this.names.allocate(className) : this.names.allocate(`${groupPrefix(module)}${className}`);
    classes.set(className, local);
    return local;
  }

  /** Import lines, one per module in module order, classes in name order: `import { A, B as C } from '<lib>/imports/<module>';`. */
  public lines(libraryModule: string): string[] {
    return [...this.byModule.keys()].sort().map(module => {
      const classes = this.byModule.get(module)!;
      const specifiers = [...classes.keys()].sort().map(c => (classes.get(c) === c ? c : `${c} as ${classes.get(c)}`));
      // A repository's own imports folder is named by a relative specifier; bundled groups by name.
      const from = module.startsWith('.') || module.startsWith('/') ? module : `${libraryModule}/imports/${module}`;
      return `import { ${specifiers.join(', ')} } from '${from}';`;
    });
  }
}

/** `compute.gcp.m.upbound.io` -> `ComputeGcpM`: the labels before the provider's domain. */
function groupPrefix(module: string): string {
  const labels = module.slice(module.lastIndexOf('/') + 1).split('.');
  return pascalCase((labels.length > 2 ? labels.slice(0, -2) : labels).join('-'));
}
