import {
  array, boolean, embeddedResource, fromJson, integer, intOrString, map, nullable, number, object, optional, string, unknown,
} from './_factories';

/**
 * Builders for XRD schemas. Each returns a plain structural JSON schema object (what goes into
 * `openAPIV3Schema`) whose static type `Static<typeof node>` is the TypeScript type of the values.
 *
 * @example
 * const spec = Schema.object({
 *   region: Schema.string({ enum: ['eu', 'us'] }),
 *   nodeCount: Schema.optional(Schema.integer({ minimum: 1, default: 3 })),
 * });
 * type Spec = Static<typeof spec>; // { region: 'eu' | 'us'; nodeCount?: number }
 */
export const Schema = {
  /** `type: object` with named properties (required unless wrapped in `Schema.optional`). */
  object,
  /** `type: object` with free keys and values of one schema (`additionalProperties`). */
  map,
  /** A full Kubernetes object as a value (`x-kubernetes-embedded-resource`). */
  embeddedResource,
  /** `type: array`, with list type and list-map keys for server-side apply. */
  array,
  /** `type: string`, with enum (a literal union static type), format, pattern and lengths. */
  string,
  /** `type: integer`. */
  integer,
  /** `type: number`. */
  number,
  /** `type: boolean`. */
  boolean,
  /** An integer or a string (`x-kubernetes-int-or-string`). */
  intOrString,
  /** Any JSON value, kept as is (`x-kubernetes-preserve-unknown-fields`). */
  unknown,
  /** Marks an object property as not required. */
  optional,
  /** Allows `null` (`nullable: true`). */
  nullable,
  /** Plain JSON schema with an explicit static type. */
  fromJson,
} as const;
