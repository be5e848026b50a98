import { arr, camelCase, Expr, NameAllocator, obj, pascalCase, raw, val } from './_code-writer';
import { emitSchema, SchemaFallback } from './emit-schema';
import { ConversionWarning } from './resources-to-pipeline';

/**
 * `new CompositeResourceDefinition(...)` code for an XRD document (v1 or v2), with its schemas
 * as `Schema.*` consts. The construct writes `openAPIV3Schema` as `{type: object, properties:
 * {metadata?, spec, status?}}` (the only parts Crossplane reads, reference §1.5); anything else
 * in the input is reported in `warnings`.
 */

type Obj = Record<string, unknown>;

/** The code of one XRD. */
export interface XrdCode {
  /** `const` statements (the schemas), in order. */
  readonly statements: string[];
  /** The construct expression, to be assigned to `variable`. */
  readonly construct: Expr;
  /** Identifier the module gives the construct. */
  readonly variable: string;
  /** Library names used. */
  readonly imports: Set<string>;
  /** What the construct cannot carry, by field. */
  readonly warnings: ConversionWarning[];
  /** Schema nodes written with `Schema.fromJson`. */
  readonly fallbacks: SchemaFallback[];
  /** `<group>/<referenceable version>` and kind: what Compositions reference. */
  readonly compositeApiVersion: string;
  /** XR kind. */
  readonly kind: string;
}

const SCOPE: Record<string, string> = { Namespaced: 'NAMESPACED', Cluster: 'CLUSTER', LegacyCluster: 'LEGACY_CLUSTER' };
const HANDLED_SPEC = new Set([
  'group', 'names', 'scope', 'versions', 'claimNames', 'connectionSecretKeys', 'defaultCompositionRef', 'enforcedCompositionRef',
  'defaultCompositionUpdatePolicy', 'defaultCompositeDeletePolicy', 'defaultCompositionRevisionSelector', 'metadata', 'conversion',
]);
const HANDLED_VERSION = new Set(['name', 'referenceable', 'served', 'schema', 'additionalPrinterColumns', 'deprecated', 'deprecationWarning']);

/** Where the phases of one XRD's emission put what they produce. */
interface XrdEmission {
  /** The module's identifiers. */
  readonly names: NameAllocator;
  readonly imports: Set<string>;
  readonly statements: string[];
  readonly warnings: ConversionWarning[];
  readonly fallbacks: SchemaFallback[];
}

type Props = Record<string, Expr | undefined>;

/**
 * Emits the construct for `xrd`; never throws on user data (problems become warnings). The
 * phases run in the order of the construct's props, which is the order the code prints them:
 * fields left out, the referenceable version, scope and API version, each version's schemas
 * and options, then the XRD-wide options.
 */
export function emitXrd(xrd: Obj, names: NameAllocator): XrdCode {
  const out: XrdEmission = { names, imports: new Set<string>(['CompositeResourceDefinition']), statements: [], warnings: [], fallbacks: [] };
  const spec = (xrd.spec ?? {}) as Obj;
  const isV1 = xrd.apiVersion === 'apiextensions.crossplane.io/v1';
  const namesObj = (spec.names ?? {}) as Obj;
  const kind = String(namesObj.kind ?? 'Unknown');
  const base = camelCase(kind);
  const variable = names.allocate(base);

  warnFieldsLeftOut(xrd, out);
  const versions = (Array.isArray(spec.versions) ? spec.versions : []) as Obj[];
  const refIndex = referenceableIndex(versions, out);
  const ref = versions[refIndex] ?? { name: 'v1' };
  const schemaPrefix = (v: Obj) => (versions.length > 1 ? `${base}${pascalCase(String(v.name))}` : base);

  const props: Props = {};
  props.group = val(spec.group);
  props.names = namesExpr(namesObj);
  props.version = val(ref.name);
  Object.assign(props, scopeProps(spec, isV1, out));
  Object.assign(props, versionProps(ref, refIndex, true, schemaPrefix(ref), out));
  const others = versions.map((v, i) => ({ v, i })).filter(x => x.v !== ref);
  if (others.length > 0) {
    props.versions = arr(others.map(({ v, i }) => obj({ name: val(v.name), ...versionProps(v, i, false, schemaPrefix(v), out) })));
  }
  Object.assign(props, xrdWideProps(spec, out));

  // The construct id is the kind: Compositions, whose ids are their names, may share the XRD's name.
  const construct: Expr = { kind: 'call', callee: 'new CompositeResourceDefinition', args: [raw('scope'), val(kind), obj(props)] };
  const { statements, imports, warnings, fallbacks } = out;
  return { statements, construct, variable, imports, warnings, fallbacks, compositeApiVersion: `${String(spec.group)}/${String(ref.name)}`, kind };
}

function warn(out: XrdEmission, field: string, message: string): void {
  out.warnings.push({ field, message });
}

/** Spec fields the construct does not know, and object metadata beyond the name. */
function warnFieldsLeftOut(xrd: Obj, out: XrdEmission): void {
  for (const key of Object.keys((xrd.spec ?? {}) as Obj)) if (!HANDLED_SPEC.has(key)) warn(out, `spec.${key}`, 'not an XRD field the construct knows; left out');
  const meta = (xrd.metadata ?? {}) as Obj;
  for (const key of Object.keys(meta)) if (key !== 'name') warn(out, `metadata.${key}`, 'XRD object metadata is not carried by the construct; left out (use ApiObject.of(xrd) to add it back)');
}

/** Index of the referenceable version; the first one (with a warning) when none is marked. */
function referenceableIndex(versions: readonly Obj[], out: XrdEmission): number {
  const refIndex = versions.findIndex(v => v?.referenceable === true);
  if (refIndex >= 0) return refIndex;
  warn(out, 'spec.versions', 'no referenceable version; the first version is used as the referenceable one');
  return 0;
}

/** `scope` and `apiVersion`, written only where they differ from the construct's defaults. */
function scopeProps(spec: Obj, isV1: boolean, out: XrdEmission): Props {
  const props: Props = {};
  const scope = (spec.scope as string | undefined) ?? (isV1 ? 'LegacyCluster' : 'Namespaced');
  const defaultScope = 'Namespaced';
  if (scope !== defaultScope) {
    if (!SCOPE[scope]) warn(out, 'spec.scope', `unknown scope '${scope}'; left to the construct default`);
    else {
      out.imports.add('XrdScope');
      props.scope = raw(`XrdScope.${SCOPE[scope]}`);
    }
  }
  const defaultApi = scope === 'LegacyCluster' ? 'v1' : 'v2';
  const api = isV1 ? 'v1' : 'v2';
  if (api !== defaultApi) {
    out.imports.add('XrdApiVersion');
    props.apiVersion = raw(`XrdApiVersion.${api.toUpperCase()}`);
  }
  return props;
}

/** The construct options of version `v` (`spec.versions[i]`): its schemas, then its flags. */
function versionProps(v: Obj, i: number, referenceable: boolean, prefix: string, out: XrdEmission): Props {
  const where = `spec.versions[${i}]`;
  for (const key of Object.keys(v)) if (!HANDLED_VERSION.has(key)) warn(out, `${where}.${key}`, 'not a version field the construct knows; left out');
  const schema = ((v.schema ?? {}) as Obj).openAPIV3Schema as Obj | undefined;
  if (!schema || typeof schema !== 'object') {
    warn(out, `${where}.schema.openAPIV3Schema`, 'missing: Crossplane cannot generate the XR CRD without it; an empty spec schema is written');
    out.imports.add('Schema');
    return { spec: raw('Schema.object({})') };
  }
  const props = schemaProps(schema, where, prefix, out);
  if (Array.isArray(v.additionalPrinterColumns) && v.additionalPrinterColumns.length > 0) props.printerColumns = val(v.additionalPrinterColumns);
  if (v.deprecated === true) props.deprecated = val(true);
  if (v.deprecationWarning !== undefined) props.deprecationWarning = val(v.deprecationWarning);
  if (referenceable && v.served === false) warn(out, `${where}.served`, 'false, but the construct always serves the referenceable version');
  if (!referenceable && v.served === false) props.served = val(false);
  return props;
}

/**
 * `spec` and `status` as `Schema.*` consts, and `maxNameLength` from the metadata schema: the
 * parts of `openAPIV3Schema` Crossplane reads (reference §1.5); everything else is a warning.
 */
function schemaProps(schema: Obj, where: string, prefix: string, out: XrdEmission): Props {
  const props: Props = {};
  const properties = (schema.properties ?? {}) as Obj;
  for (const key of Object.keys(schema)) {
    if (key !== 'type' && key !== 'properties') warn(out, `${where}.schema.openAPIV3Schema.${key}`, key === 'description' || key === 'x-kubernetes-validations'
      ? 'top-level keyword the construct does not write; left out'
      : 'ignored by Crossplane when it generates the XR CRD (reference §1.5); left out');
  }
  for (const key of Object.keys(properties)) {
    if (!['spec', 'status', 'metadata', 'apiVersion', 'kind'].includes(key)) {
      warn(out, `${where}.schema.openAPIV3Schema.properties.${key}`, 'ignored by Crossplane when it generates the XR CRD (reference §1.5); left out');
    }
  }
  for (const part of ['spec', 'status'] as const) {
    const s = properties[part] as Obj | undefined;
    if (s === undefined) continue;
    const id = out.names.allocate(`${prefix}${part === 'spec' ? 'Spec' : 'Status'}`);
    const e = emitSchema(s as any, 0);
    out.imports.add('Schema');
    out.fallbacks.push(...e.fallbacks.map(f => ({ path: `${where}.${part}${f.path === '<root>' ? '' : `.${f.path}`}`, reason: f.reason })));
    out.statements.push(`const ${id} = ${e.code};`);
    props[part] = raw(id);
  }
  if (props.spec === undefined) {
    warn(out, `${where}.schema.openAPIV3Schema.properties.spec`, 'missing; an empty object schema is written');
    out.imports.add('Schema');
    props.spec = raw('Schema.object({})');
  }
  const metaSchema = properties.metadata as Obj | undefined;
  if (metaSchema) {
    const max = (((metaSchema.properties ?? {}) as Obj).name as Obj | undefined)?.maxLength;
    if (typeof max === 'number') props.maxNameLength = val(max);
    const expected = JSON.stringify({ type: 'object', properties: { name: { type: 'string', maxLength: max } } });
    if (typeof max !== 'number' || JSON.stringify(sortKeys(metaSchema)) !== JSON.stringify(sortKeys(JSON.parse(expected)))) {
      warn(out, `${where}.schema.openAPIV3Schema.properties.metadata`, 'only metadata.name.maxLength is used by Crossplane (reference §1.5); the rest is left out');
    }
  }
  return props;
}

/** The XRD-wide options: Composition selection and policies, metadata, conversion, claims, connection keys. */
function xrdWideProps(spec: Obj, out: XrdEmission): Props {
  const props: Props = {};
  if (spec.defaultCompositionRef !== undefined) props.defaultCompositionRef = val(spec.defaultCompositionRef);
  if (spec.enforcedCompositionRef !== undefined) props.enforcedCompositionRef = val(spec.enforcedCompositionRef);
  if (spec.defaultCompositionUpdatePolicy !== undefined) {
    out.imports.add('CompositionUpdatePolicy');
    props.defaultCompositionUpdatePolicy = raw(`CompositionUpdatePolicy.${String(spec.defaultCompositionUpdatePolicy).toUpperCase()}`);
  }
  if (spec.defaultCompositeDeletePolicy !== undefined) {
    out.imports.add('CompositeDeletePolicy');
    props.defaultCompositeDeletePolicy = raw(`CompositeDeletePolicy.${String(spec.defaultCompositeDeletePolicy).toUpperCase()}`);
  }
  if (spec.defaultCompositionRevisionSelector !== undefined) props.defaultCompositionRevisionSelector = val(spec.defaultCompositionRevisionSelector);
  if (spec.metadata !== undefined) props.metadata = val(spec.metadata);
  if (spec.conversion !== undefined) {
    const c = spec.conversion as Obj;
    if (c.strategy === 'Webhook' && c.webhook) {
      const w = c.webhook as Obj;
      props.conversionWebhook = val({ ...(w.clientConfig as Obj ?? {}), ...(w.conversionReviewVersions ? { conversionReviewVersions: w.conversionReviewVersions } : {}) });
    } else {
      warn(out, 'spec.conversion', `strategy '${String(c.strategy)}' left out: only Webhook conversion is written`);
    }
  }
  if (spec.claimNames !== undefined) props.claimNames = namesExpr(spec.claimNames as Obj);
  if (spec.connectionSecretKeys !== undefined) props.connectionSecretKeys = val(spec.connectionSecretKeys);
  return props;
}

function namesExpr(n: Obj): Expr {
  return val(n);
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') {
    const out: Obj = {};
    for (const k of Object.keys(v as Obj).sort()) out[k] = sortKeys((v as Obj)[k]);
    return out;
  }
  return v;
}
