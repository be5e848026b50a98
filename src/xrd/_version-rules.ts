import { JsonSchema } from '../schema/json-schema';
import { toPlainSchema } from '../schema/schema-options';
import { checkStructural, formatViolation } from '../schema/structural';
import { PrinterColumn, PrinterColumnType, XrdVersionSchemaOptions } from './xrd-version';
import { XrdScope } from './xrd-ref';

/*
 * Rendering and rules of one XRD version (reference §1.2, §1.4, §1.5). Private to the XRD
 * construct: the barrel does not export this file.
 */

/** A version as the XRD holds it. */
export interface ResolvedVersion {
  readonly name: string;
  readonly referenceable: boolean;
  readonly served: boolean;
  readonly options: XrdVersionSchemaOptions;
  readonly openAPIV3Schema: JsonSchema;
}

/** Properties Crossplane adds to every XR spec/status; a user property of the same name is overridden (§1.5). */
const INJECTED_MODERN_SPEC = ['crossplane'];
const INJECTED_LEGACY_SPEC = [
  'compositionRef', 'compositionSelector', 'compositionRevisionRef', 'compositionRevisionSelector',
  'compositionUpdatePolicy', 'resourceRefs', 'claimRef', 'writeConnectionSecretToRef',
];
const INJECTED_STATUS = ['conditions'];
const INJECTED_LEGACY_STATUS = ['connectionDetails', 'claimConditionTypes'];

/** Keywords of `spec`/`status` that Crossplane copies into the XR CRD; it drops every other one (§1.5 step 2). */
const USED_SPEC_KEYWORDS = ['type', 'properties', 'required', 'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-validations', 'oneOf', 'description'];
const USED_STATUS_KEYWORDS = ['type', 'properties', 'required', 'x-kubernetes-validations', 'oneOf', 'description'];

const COLUMN_FORMATS = ['int32', 'int64', 'float', 'double', 'byte', 'date', 'date-time', 'password'];
const MAX_NAME_LENGTH = 63;
const MAX_DEPRECATION_WARNING = 256;

/** The `openAPIV3Schema` Crossplane reads: `type: object` with `spec`, `status` and an optional name limit. */
export function buildOpenApiSchema(options: XrdVersionSchemaOptions): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  if (options.maxNameLength !== undefined) {
    properties.metadata = { type: 'object', properties: { name: { type: 'string', maxLength: options.maxNameLength } } };
  }
  properties.spec = toPlainSchema(options.spec);
  if (options.status !== undefined) { properties.status = toPlainSchema(options.status); }
  return { type: 'object', properties };
}

/**
 * Every rule on one version; messages are prefixed with `field` (e.g. `versions[1]`). What the
 * API server accepts but drops (an unknown schema keyword) goes to `warnings` instead.
 */
export function checkVersion(v: ResolvedVersion, scope: XrdScope, field: string, warnings: string[] = []): string[] {
  const errors: string[] = [];
  const o = v.options;
  const schemaPath = `${field}.schema.openAPIV3Schema`;
  const spec = v.openAPIV3Schema.properties?.spec;
  const status = v.openAPIV3Schema.properties?.status;
  const legacy = scope === XrdScope.LEGACY_CLUSTER;

  if (o.deprecationWarning !== undefined) {
    if (!o.deprecated) {
      errors.push(`${field}.deprecationWarning must only be set on a deprecated version, got '${o.deprecationWarning}' with deprecated unset: set deprecated: true or remove the warning`);
    }
    if (o.deprecationWarning.length > MAX_DEPRECATION_WARNING) {
      errors.push(`${field}.deprecationWarning must be at most ${MAX_DEPRECATION_WARNING} characters, got ${o.deprecationWarning.length}: shorten it`);
    }
  }
  if (o.maxNameLength !== undefined && (!Number.isInteger(o.maxNameLength) || o.maxNameLength < 1 || o.maxNameLength > MAX_NAME_LENGTH)) {
    errors.push(`${field}.maxNameLength must be an integer from 1 to ${MAX_NAME_LENGTH}, got '${o.maxNameLength}': Crossplane caps XR names at 63 and ignores larger values; omit it to keep 63`);
  }
  errors.push(...checkColumns(o.printerColumns ?? [], `${field}.additionalPrinterColumns`));

  if (spec) {
    errors.push(...checkPart(spec, `${schemaPath}.properties.spec`, USED_SPEC_KEYWORDS,
      legacy ? [...INJECTED_MODERN_SPEC, ...INJECTED_LEGACY_SPEC] : INJECTED_MODERN_SPEC, scope));
  }
  if (status) {
    errors.push(...checkPart(status, `${schemaPath}.properties.status`, USED_STATUS_KEYWORDS,
      legacy ? [...INJECTED_STATUS, ...INJECTED_LEGACY_STATUS] : INJECTED_STATUS, scope));
  }
  for (const viol of checkStructural(v.openAPIV3Schema, schemaPath, { xrd: true })) {
    (viol.severity === 'warning' ? warnings : errors).push(formatViolation(viol));
  }
  return errors;
}

function checkPart(part: JsonSchema, path: string, used: string[], injected: string[], scope: XrdScope): string[] {
  const errors: string[] = [];
  if (part.type !== undefined && part.type !== 'object') {
    errors.push(`${path}.type must be 'object', got '${String(part.type)}': Crossplane always makes it an object; use Schema.object()`);
  }
  for (const k of Object.keys(part)) {
    if (!used.includes(k)) {
      errors.push(`${path}.${k} must not be set, got '${short(part[k])}': Crossplane drops it when it generates the XR CRD `
        + `(only ${used.filter(u => u !== 'type').join(', ')} are used here); move the constraint into a property or a CEL rule (x-kubernetes-validations)`);
    }
  }
  for (const name of Object.keys(part.properties ?? {})) {
    if (injected.includes(name)) {
      errors.push(`${path}.properties.${name} must not be declared, got '${name}': Crossplane injects it into every ${scope} XR and overrides a user field of that name; rename the field`);
    }
  }
  return errors;
}

function checkColumns(columns: readonly PrinterColumn[], field: string): string[] {
  const errors: string[] = [];
  const types: string[] = Object.values(PrinterColumnType);
  const seen = new Set<string>();
  columns.forEach((c, i) => {
    const at = `${field}[${i}]`;
    if (c.name.trim() === '') {
      errors.push(`${at}.name must not be empty, got '': give the column a header like 'REGION'`);
    } else if (seen.has(c.name)) {
      errors.push(`${at}.name must be unique, got '${c.name}' twice: rename one of the columns`);
    }
    seen.add(c.name);
    if (!types.includes(c.type)) {
      errors.push(`${at}.type must be one of ${types.join(', ')}, got '${c.type}': use PrinterColumnType`);
    }
    if (!c.jsonPath.startsWith('.')) {
      errors.push(`${at}.jsonPath must be a JSONPath starting with '.', got '${c.jsonPath}': write it like '.spec.parameters.region'`);
    }
    if (c.format !== undefined && !COLUMN_FORMATS.includes(c.format)) {
      errors.push(`${at}.format must be one of ${COLUMN_FORMATS.join(', ')}, got '${c.format}': use one of them or omit format`);
    }
    if (c.priority !== undefined && (!Number.isInteger(c.priority) || c.priority < 0)) {
      errors.push(`${at}.priority must be a non-negative integer, got '${c.priority}': use 0 for the default view, 1 for -o wide`);
    }
  });
  return errors;
}

/**
 * The `versions[]` entry in the shape of the generated L1 props: the L1 renames `openApiv3Schema`
 * to the wire key `openAPIV3Schema` and drops keys it does not know.
 */
export function renderVersion(v: ResolvedVersion): Record<string, unknown> {
  const o = v.options;
  return {
    name: v.name,
    referenceable: v.referenceable,
    served: v.served,
    deprecated: o.deprecated,
    deprecationWarning: o.deprecationWarning,
    additionalPrinterColumns: o.printerColumns && o.printerColumns.length > 0
      ? o.printerColumns.map(c => ({ ...c }))
      : undefined,
    schema: { openApiv3Schema: v.openAPIV3Schema },
  };
}

function short(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
