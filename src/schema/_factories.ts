import { node } from './_node';
import { JsonSchema } from './json-schema';
import { ArrayOptions, ItemKeys } from './array';
import { IntOrStringOptions, NullableSchema, OptionalSchema, UnknownOptions } from './modifiers';
import { EmbeddedResource, EmbeddedResourceOptions, MapOptions, ObjectOptions, ObjectStatic } from './object';
import { BooleanOptions, NumberOptions, StringOptions, StringStatic } from './scalar';
import { toPlainSchema } from './schema-options';
import { AnySchema, SchemaProperties, Static, TypedSchema } from './schema-types';

/*
 * The factories behind the `Schema` namespace (schema.ts). Kept out of the barrel so that the
 * package root does not export bare `string`, `object`, `map`... next to `Schema.string`, etc.
 */

/** `type: string`, optionally restricted to an enum of literals (which gives a union static type). */
export function string<const E extends readonly string[] = never>(options?: StringOptions<E>): TypedSchema<StringStatic<E>> {
  return node({
    type: 'string',
    enum: options?.enum ? [...options.enum] : undefined,
    default: options?.default,
    format: options?.format,
    pattern: options?.pattern,
    minLength: options?.minLength,
    maxLength: options?.maxLength,
  }, options);
}

/** `type: integer` (JSON numbers without a fraction). */
export function integer(options?: NumberOptions): TypedSchema<number> {
  return numeric('integer', options);
}

/** `type: number`. */
export function number(options?: NumberOptions): TypedSchema<number> {
  return numeric('number', options);
}

/** `type: boolean`. */
export function boolean(options?: BooleanOptions): TypedSchema<boolean> {
  return node({ type: 'boolean', default: options?.default }, options);
}

function numeric(type: 'integer' | 'number', options: NumberOptions | undefined): TypedSchema<number> {
  return node({
    type,
    default: options?.default,
    format: options?.format,
    minimum: options?.minimum,
    exclusiveMinimum: options?.exclusiveMinimum,
    maximum: options?.maximum,
    exclusiveMaximum: options?.exclusiveMaximum,
    multipleOf: options?.multipleOf,
  }, options);
}

/**
 * `type: object` with named properties. A property is required unless wrapped with
 * `Schema.optional()`; the `required` list is derived from that.
 */
export function object<const P extends SchemaProperties, const O extends ObjectOptions = {}>(
  properties: P, options?: O): TypedSchema<ObjectStatic<P, O>> {
  const props: Record<string, unknown> = {};
  const required: string[] = [];
  for (const [name, schema] of Object.entries(properties)) {
    props[name] = toPlainSchema(schema);
    if (!isOptional(schema)) { required.push(name); }
  }
  return node({
    type: 'object',
    properties: props,
    required: required.length > 0 ? required : undefined,
    default: options?.default,
    minProperties: options?.minProperties,
    maxProperties: options?.maxProperties,
    'x-kubernetes-preserve-unknown-fields': options?.preserveUnknownFields ? true : undefined,
    'x-kubernetes-map-type': options?.mapType,
  }, options);
}

/** `type: object` with arbitrary keys whose values all follow `values` (`additionalProperties`). */
export function map<const V extends AnySchema>(values: V, options?: MapOptions): TypedSchema<Record<string, Static<V>>> {
  return node({
    type: 'object',
    additionalProperties: toPlainSchema(values),
    default: options?.default,
    minProperties: options?.minProperties,
    maxProperties: options?.maxProperties,
    'x-kubernetes-map-type': options?.mapType,
  }, options);
}

/**
 * A complete Kubernetes object as a field value (e.g. a manifest to apply): `type: object` with
 * `x-kubernetes-embedded-resource` and `x-kubernetes-preserve-unknown-fields`, so the API server
 * checks `apiVersion`, `kind` and `metadata` and keeps everything else.
 */
export function embeddedResource(options?: EmbeddedResourceOptions): TypedSchema<EmbeddedResource> {
  return node({
    'type': 'object',
    'x-kubernetes-embedded-resource': true,
    'x-kubernetes-preserve-unknown-fields': true,
  }, options);
}

/** Whether a property schema was marked optional (ours or TypeBox's `~optional`). */
export function isOptional(schema: AnySchema): boolean {
  return (schema as { '~optional'?: unknown })['~optional'] === true;
}

/** `type: array` whose items all follow `items`. */
export function array<const I extends AnySchema>(items: I, options?: ArrayOptions<ItemKeys<I>>): TypedSchema<Static<I>[]> {
  return node({
    'type': 'array',
    'items': toPlainSchema(items),
    'default': options?.default,
    'minItems': options?.minItems,
    'maxItems': options?.maxItems,
    'x-kubernetes-list-type': options?.listType,
    'x-kubernetes-list-map-keys': options?.listMapKeys ? [...options.listMapKeys] : undefined,
  }, options);
}

/**
 * Marks a property of `Schema.object()` as optional: it is left out of `required` and its static
 * type gets `?`. The JSON of the node itself is unchanged.
 */
export function optional<const S extends AnySchema>(schema: S): OptionalSchema<S> {
  return withOptional(toPlainSchema(schema), true) as OptionalSchema<S>;
}

/**
 * Allows `null` as a value (`nullable: true`); the static type gets `| null`. Without it the API
 * server prunes explicit nulls from the object.
 */
export function nullable<const S extends AnySchema>(schema: S): NullableSchema<S> {
  return withOptional({ ...toPlainSchema(schema), nullable: true }, isOptional(schema)) as NullableSchema<S>;
}

/**
 * An integer or a string (`x-kubernetes-int-or-string`), e.g. a port or a percentage. The node has
 * no `type`, as the API server requires.
 */
export function intOrString(options?: IntOrStringOptions): TypedSchema<number | string> {
  return node({ 'x-kubernetes-int-or-string': true, 'default': options?.default }, options);
}

/**
 * Any JSON value, kept as is (`x-kubernetes-preserve-unknown-fields` without a `type`). For an
 * object with some known fields and free extra keys, use `Schema.object(props, { preserveUnknownFields: true })`.
 */
export function unknown(options?: UnknownOptions): TypedSchema<unknown> {
  return node({ 'x-kubernetes-preserve-unknown-fields': true }, options);
}

/**
 * A schema written as plain JSON (e.g. pasted from an existing XRD), with its static type given
 * explicitly. The JSON is copied as is and checked like any other node when the XRD synthesizes.
 */
export function fromJson<T = unknown>(schema: JsonSchema): TypedSchema<T> {
  return toPlainSchema(schema) as TypedSchema<T>;
}

function withOptional(schema: JsonSchema, isOpt: boolean): JsonSchema {
  if (isOpt) {
    Object.defineProperty(schema, '~optional', { value: true, enumerable: false });
  }
  return schema;
}
