import { CommonOptions } from './schema-options';
import { Evaluate, StaticProperties } from './schema-types';

/** How the API server merges an object on server-side apply (`x-kubernetes-map-type`). */
export type MapType = 'atomic' | 'granular';

/** Options of `Schema.object()`. */
export interface ObjectOptions extends CommonOptions {
  /**
   * Keep fields that are not declared in `properties` (`x-kubernetes-preserve-unknown-fields`);
   * the static type then also allows any extra key.
   *
   * @default false
   */
  readonly preserveUnknownFields?: boolean;
  /**
   * Server-side apply granularity (`x-kubernetes-map-type`).
   *
   * @default - granular: each field is merged on its own
   */
  readonly mapType?: MapType;
  /**
   * Value the API server sets when the field is absent (e.g. `{}` so nested defaults apply).
   *
   * @default - no default
   */
  readonly default?: Record<string, unknown>;
  /**
   * Minimum number of keys.
   *
   * @default - no minimum
   */
  readonly minProperties?: number;
  /**
   * Maximum number of keys.
   *
   * @default - no maximum
   */
  readonly maxProperties?: number;
}

/** Options of `Schema.map()`. */
export interface MapOptions extends Omit<ObjectOptions, 'preserveUnknownFields'> {}

/** Options of `Schema.embeddedResource()`. */
export interface EmbeddedResourceOptions extends CommonOptions {}

/** The static type of `Schema.object(P, O)`. */
export type ObjectStatic<P, O> = O extends { readonly preserveUnknownFields: true }
  ? Evaluate<StaticProperties<P> & { [key: string]: unknown }>
  : StaticProperties<P>;

/** A Kubernetes object embedded as a field value (`x-kubernetes-embedded-resource`). */
export interface EmbeddedResource {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [key: string]: unknown;
}
