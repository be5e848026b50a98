import { cloneJson } from '../_clone-json';
import { JsonSchema } from '../schema/json-schema';
import { Schema } from '../schema/schema';
import { literal, propertyKey } from './_code-writer';

/**
 * Turns an XRD's OpenAPI schema into `Schema.*` builder code. Every node is built twice: as
 * code and, with the very same arguments, by calling the builder here; a node whose built
 * value differs from the input (a keyword the builder cannot express, `required` naming a
 * missing property, ...) is emitted as `Schema.fromJson(...)` instead, and reported. So the
 * emitted code always evaluates back to the input schema (up to key order and the order of
 * `required`, which the API server treats as a set).
 */

/** The result of {@link emitSchema}. */
export interface SchemaCode {
  /** A TypeScript expression using `Schema` (import it from 'cdk8s-crossplane'). */
  readonly code: string;
  /** The schema the expression evaluates to (equal to the input up to key order). */
  readonly value: JsonSchema;
  /** Paths (`spec.parameters.tags`) of nodes written with `Schema.fromJson`, with why. */
  readonly fallbacks: SchemaFallback[];
}

/** A schema node the builders could not express. */
export interface SchemaFallback {
  /** Dotted property path from the schema root (`<root>` for the root). */
  readonly path: string;
  /** Why it was written as plain JSON. */
  readonly reason: string;
}

interface Built {
  readonly code: string;
  readonly value: JsonSchema;
}

type Obj = Record<string, unknown>;

const COMMON = ['description', 'x-kubernetes-validations', 'oneOf', 'anyOf', 'allOf', 'not'];
const RULE_KEYS = new Set(['rule', 'message', 'messageExpression', 'reason', 'fieldPath', 'optionalOldSelf']);
const REASONS = new Set(['FieldValueInvalid', 'FieldValueForbidden', 'FieldValueRequired', 'FieldValueDuplicate']);
const ALLOWED: Record<string, string[]> = {
  string: ['type', 'enum', 'default', 'format', 'pattern', 'minLength', 'maxLength'],
  integer: ['type', 'default', 'format', 'minimum', 'exclusiveMinimum', 'maximum', 'exclusiveMaximum', 'multipleOf'],
  number: ['type', 'default', 'format', 'minimum', 'exclusiveMinimum', 'maximum', 'exclusiveMaximum', 'multipleOf'],
  boolean: ['type', 'default'],
  object: ['type', 'properties', 'required', 'default', 'minProperties', 'maxProperties', 'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-map-type'],
  map: ['type', 'additionalProperties', 'default', 'minProperties', 'maxProperties', 'x-kubernetes-map-type'],
  embedded: ['type', 'x-kubernetes-embedded-resource', 'x-kubernetes-preserve-unknown-fields'],
  array: ['type', 'items', 'default', 'minItems', 'maxItems', 'x-kubernetes-list-type', 'x-kubernetes-list-map-keys'],
  intOrString: ['x-kubernetes-int-or-string', 'default'],
  unknown: ['x-kubernetes-preserve-unknown-fields'],
};

/**
 * Builder code for `schema`, indented for a line at `indent` levels of two spaces.
 */
export function emitSchema(schema: JsonSchema, indent = 0): SchemaCode {
  const fallbacks: SchemaFallback[] = [];
  const built = node(schema as Obj, '<root>', indent, fallbacks);
  return { code: built.code, value: built.value, fallbacks };
}

function node(s: Obj, path: string, indent: number, fallbacks: SchemaFallback[]): Built {
  // A node written as JSON contains its children: forget what they reported.
  const mark = fallbacks.length;
  const fallback = (reason: string): Built => {
    fallbacks.length = mark;
    fallbacks.push({ path, reason });
    return { code: `Schema.fromJson(${literal(s, indent)})`, value: Schema.fromJson(cloneJson(s) as JsonSchema) };
  };
  if (s === null || typeof s !== 'object' || Array.isArray(s)) {
    fallbacks.push({ path, reason: 'not a schema object' });
    return { code: literal(s ?? null, indent), value: (s ?? null) as unknown as JsonSchema };
  }
  if (s.nullable === true) {
    const { nullable: _n, ...inner } = s;
    const b = node(inner, path, indent, fallbacks);
    if (b.code.startsWith('Schema.fromJson(')) {
      return fallback('nullable node whose inner schema the builders cannot express');
    }
    const value = Schema.nullable(b.value);
    return checked({ code: `Schema.nullable(${b.code})`, value }, s, fallback);
  }
  const shape = shapeOf(s);
  if (!shape) {
    return fallback(s.type === 'object' && s.properties === undefined && s.additionalProperties === undefined
      ? 'an object without properties (Schema.object always writes properties)'
      : 'no builder has this combination of keywords');
  }
  const extra = Object.keys(s).filter(k => !ALLOWED[shape].includes(k) && !COMMON.includes(k));
  if (extra.length > 0) return fallback(`keyword${extra.length > 1 ? 's' : ''} ${extra.join(', ')} not expressible with Schema.${shape === 'embedded' ? 'embeddedResource' : shape}`);
  const common = commonOptions(s);
  if (typeof common === 'string') return fallback(common);
  const opts = (specific: Obj): { code: string; value: Obj } | undefined => {
    const value: Obj = {};
    for (const [k, v] of Object.entries(specific)) if (v !== undefined) value[k] = v;
    Object.assign(value, common);
    if (Object.keys(value).length === 0) return undefined;
    return { code: literal(value, indent), value };
  };
  switch (shape) {
    case 'string': {
      if (s.enum !== undefined && !(Array.isArray(s.enum) && s.enum.every(e => typeof e === 'string'))) return fallback('enum with non-string values');
      const o = opts({ enum: s.enum, default: s.default, format: s.format, pattern: s.pattern, minLength: s.minLength, maxLength: s.maxLength });
      return checked({ code: `Schema.string(${o?.code ?? ''})`, value: Schema.string(o?.value as any) }, s, fallback);
    }
    case 'integer':
    case 'number': {
      const o = opts({
        default: s.default, format: s.format, minimum: s.minimum, exclusiveMinimum: s.exclusiveMinimum,
        maximum: s.maximum, exclusiveMaximum: s.exclusiveMaximum, multipleOf: s.multipleOf,
      });
      const value = shape === 'integer' ? Schema.integer(o?.value as any) : Schema.number(o?.value as any);
      return checked({ code: `Schema.${shape}(${o?.code ?? ''})`, value }, s, fallback);
    }
    case 'boolean': {
      const o = opts({ default: s.default });
      return checked({ code: `Schema.boolean(${o?.code ?? ''})`, value: Schema.boolean(o?.value as any) }, s, fallback);
    }
    case 'intOrString': {
      const o = opts({ default: s.default });
      return checked({ code: `Schema.intOrString(${o?.code ?? ''})`, value: Schema.intOrString(o?.value as any) }, s, fallback);
    }
    case 'unknown': {
      const o = opts({});
      return checked({ code: `Schema.unknown(${o?.code ?? ''})`, value: Schema.unknown(o?.value as any) }, s, fallback);
    }
    case 'embedded': {
      const o = opts({});
      return checked({ code: `Schema.embeddedResource(${o?.code ?? ''})`, value: Schema.embeddedResource(o?.value as any) }, s, fallback);
    }
    case 'array': {
      const items = node(s.items as Obj, `${path}[]`, indent, fallbacks);
      const o = opts({
        listType: s['x-kubernetes-list-type'], listMapKeys: s['x-kubernetes-list-map-keys'], minItems: s.minItems, maxItems: s.maxItems, default: s.default,
      });
      return checked({ code: `Schema.array(${items.code}${o ? `, ${o.code}` : ''})`, value: Schema.array(items.value, o?.value as any) }, s, fallback);
    }
    case 'map': {
      const values = node(s.additionalProperties as Obj, `${path}{}`, indent, fallbacks);
      const o = opts({ default: s.default, minProperties: s.minProperties, maxProperties: s.maxProperties, mapType: s['x-kubernetes-map-type'] });
      return checked({ code: `Schema.map(${values.code}${o ? `, ${o.code}` : ''})`, value: Schema.map(values.value, o?.value as any) }, s, fallback);
    }
    case 'object':
      return objectNode(s, path, indent, fallbacks, fallback, opts);
  }
  return fallback('no builder has this combination of keywords');
}

/** `Schema.object(...)` for an object node; each property through {@link node}, one level deeper. */
function objectNode(
  s: Obj, path: string, indent: number, fallbacks: SchemaFallback[],
  fallback: (reason: string) => Built, opts: (specific: Obj) => { code: string; value: Obj } | undefined,
): Built {
  const props = (s.properties ?? {}) as Obj;
  const required = (s.required ?? []) as unknown[];
  if (!Array.isArray(required) || required.some(r => typeof r !== 'string' || !(r in props))) return fallback('required names a property that is not declared');
  if (Array.isArray(s.required) && s.required.length === 0) return fallback('empty required list');
  if (s['x-kubernetes-preserve-unknown-fields'] !== undefined && s['x-kubernetes-preserve-unknown-fields'] !== true) return fallback('x-kubernetes-preserve-unknown-fields: false');
  const names = Object.keys(props);
  const lines: string[] = [];
  const values: Record<string, JsonSchema> = {};
  const pad = '  '.repeat(indent + 1);
  for (const name of names) {
    const child = node(props[name] as Obj, path === '<root>' ? name : `${path}.${name}`, indent + 1, fallbacks);
    const isRequired = required.includes(name);
    const code = isRequired ? child.code : `Schema.optional(${child.code})`;
    values[name] = isRequired ? child.value : Schema.optional(child.value);
    lines.push(`${pad}${propertyKey(name)}: ${code},`);
  }
  const o = opts({
    preserveUnknownFields: s['x-kubernetes-preserve-unknown-fields'], mapType: s['x-kubernetes-map-type'],
    default: s.default, minProperties: s.minProperties, maxProperties: s.maxProperties,
  });
  const body = names.length === 0 ? '{}' : `{\n${lines.join('\n')}\n${'  '.repeat(indent)}}`;
  return checked({ code: `Schema.object(${body}${o ? `, ${o.code}` : ''})`, value: Schema.object(values, o?.value as any) }, s, fallback);
}

function shapeOf(s: Obj): string | undefined {
  if (s['x-kubernetes-int-or-string'] === true) return 'intOrString';
  if (s['x-kubernetes-embedded-resource'] === true) return s.type === 'object' && s['x-kubernetes-preserve-unknown-fields'] === true ? 'embedded' : undefined;
  switch (s.type) {
    case 'string': case 'integer': case 'number': case 'boolean': return s.type;
    case 'array': return s.items !== null && typeof s.items === 'object' && !Array.isArray(s.items) ? 'array' : undefined;
    case 'object':
      if (s.additionalProperties !== undefined) {
        const ap = s.additionalProperties;
        return s.properties === undefined && ap !== null && typeof ap === 'object' ? 'map' : undefined;
      }
      return s.properties !== undefined && s.properties !== null && typeof s.properties === 'object' ? 'object' : undefined;
    case undefined:
      return s['x-kubernetes-preserve-unknown-fields'] === true ? 'unknown' : undefined;
  }
  return undefined;
}

function commonOptions(s: Obj): Obj | string {
  const out: Obj = {};
  if (s.description !== undefined) {
    if (typeof s.description !== 'string') return 'description is not a string';
    out.description = s.description;
  }
  if (s['x-kubernetes-validations'] !== undefined) {
    const rules = s['x-kubernetes-validations'];
    if (!Array.isArray(rules)) return 'x-kubernetes-validations is not a list';
    for (const r of rules) {
      if (r === null || typeof r !== 'object' || typeof (r as Obj).rule !== 'string') return 'a validation rule without a rule string';
      if (Object.keys(r as Obj).some(k => !RULE_KEYS.has(k))) return 'a validation rule with unknown keys';
      const reason = (r as Obj).reason;
      if (reason !== undefined && !REASONS.has(reason as string)) return `validation reason '${String(reason)}' is not one the API server accepts`;
    }
    out.validations = rules;
  }
  for (const k of ['oneOf', 'anyOf', 'allOf']) {
    if (s[k] !== undefined) {
      if (!Array.isArray(s[k])) return `${k} is not a list`;
      out[k] = s[k];
    }
  }
  if (s.not !== undefined) out.not = s.not;
  return out;
}

function checked(b: Built, input: Obj, fallback: (reason: string) => Built): Built {
  return schemaEqual(b.value, input) ? b : fallback('the builder writes this node differently');
}

/**
 * Whether two schemas are the same up to key order and the order of `required` lists (a set
 * for the API server).
 */
export function schemaEqual(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** A canonical JSON string: keys sorted, `required` lists sorted. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(sortDeep(v, undefined));
}

function sortDeep(v: unknown, key: string | undefined): unknown {
  if (Array.isArray(v)) {
    const items = v.map(x => sortDeep(x, undefined));
    return key === 'required' && items.every(x => typeof x === 'string') ? [...items].sort() : items;
  }
  if (v !== null && typeof v === 'object') {
    const out: Obj = {};
    for (const k of Object.keys(v as Obj).sort()) out[k] = sortDeep((v as Obj)[k], k);
    return out;
  }
  return v;
}
