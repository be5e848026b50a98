import { CommonOptions } from './schema-options';
import { OptionalMarker, Static, TypedSchema } from './schema-types';

/** Options of `Schema.intOrString()`. */
export interface IntOrStringOptions extends CommonOptions {
  /**
   * Value the API server sets when the field is absent.
   *
   * @default - no default
   */
  readonly default?: number | string;
}

/** Options of `Schema.unknown()`. */
export interface UnknownOptions extends CommonOptions {}

/** The schema of an optional property: same JSON, plus the non-enumerable `~optional` marker. */
export type OptionalSchema<S> = TypedSchema<Static<S>> & OptionalMarker;

/** The schema of a nullable node; stays optional if the input was. */
export type NullableSchema<S> = S extends OptionalMarker
  ? TypedSchema<Static<S> | null> & OptionalMarker
  : TypedSchema<Static<S> | null>;
