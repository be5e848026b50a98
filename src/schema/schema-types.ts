import type { Static as TypeBoxStatic, TSchema } from 'typebox';
import { JsonSchema } from './json-schema';

/**
 * A JSON schema node that also carries, for the type checker only, the TypeScript type of the
 * values it accepts. Every `Schema.*` factory returns one; `Static<typeof node>` reads the type.
 *
 * The `~static` member is never set at run time: the value is a plain JSON schema object.
 */
export interface TypedSchema<T> extends JsonSchema {
  /** Type-level carrier of the static type; always `undefined` at run time. */
  readonly '~static'?: T;
}

/**
 * Marker that `Schema.optional()` puts on a property schema (non-enumerable, so it never reaches
 * the YAML). TypeBox's `Type.Optional()` uses the same key, so both kinds of schema mix.
 */
export interface OptionalMarker {
  /** Set (non-enumerable) on schemas wrapped with `Schema.optional()`. */
  readonly '~optional': true;
}

/** A TypeBox schema, recognised by its `~kind` brand. */
export type TypeBoxSchema = TSchema & { readonly '~kind': string };

/** Any schema a property, an item or an XRD version may hold: ours, TypeBox's, or plain JSON. */
export type AnySchema = JsonSchema | TypeBoxSchema;

/**
 * The TypeScript type of the values a schema accepts.
 *
 * Works on `Schema.*` nodes, on TypeBox schemas (`Type.Object(...)`), and gives `unknown` for
 * plain JSON objects typed only as `JsonSchema`.
 */
export type Static<S> = S extends { readonly '~static'?: infer T }
  ? unknown extends T ? FallbackStatic<S> : T
  : FallbackStatic<S>;

/** TypeBox schemas carry a `~kind` brand; anything else has no static type. */
type FallbackStatic<S> = S extends { readonly '~kind': string } ? TypeBoxStatic<S & TSchema> : unknown;

/** Flattens an intersection so editor tooltips show one object type. */
export type Evaluate<T> = T extends object ? { [K in keyof T]: T[K] } & {} : T;

/** Keys of a property map whose schema was wrapped with `Schema.optional()`. */
type OptionalKeys<P> = { [K in keyof P]: P[K] extends OptionalMarker ? K : never }[keyof P];

/** The static type of an object schema built from a property map. */
export type StaticProperties<P> = Evaluate<
  { -readonly [K in Exclude<keyof P, OptionalKeys<P>>]: Static<P[K]> } &
  { -readonly [K in OptionalKeys<P>]?: Static<P[K]> }
>;

/** A map of property names to schemas, as given to `Schema.object()`. */
export type SchemaProperties = { readonly [name: string]: AnySchema };
