import { CommonOptions } from './schema-options';

/**
 * String formats the Kubernetes API server recognises (others are accepted but not checked).
 *
 * @see https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#format
 */
export type StringFormat =
  | 'bsonobjectid' | 'uri' | 'email' | 'hostname' | 'ipv4' | 'ipv6' | 'cidr' | 'mac' | 'uuid' | 'uuid3'
  | 'uuid4' | 'uuid5' | 'isbn' | 'isbn10' | 'isbn13' | 'creditcard' | 'ssn' | 'hexcolor' | 'rgbcolor'
  | 'byte' | 'password' | 'date' | 'duration' | 'datetime' | 'date-time';

/** Options of `Schema.string()`. `E` is the tuple of allowed values when `enum` is given. */
export interface StringOptions<E extends readonly string[] = readonly string[]> extends CommonOptions {
  /**
   * The allowed values; the static type becomes their union (`'small' | 'large'`).
   *
   * @default - any string
   */
  readonly enum?: E;
  /**
   * Value the API server sets when the field is absent.
   *
   * @default - no default
   */
  readonly default?: StringStatic<E>;
  /**
   * Format the API server checks (`date-time`, `email`, ...).
   *
   * @default - no format
   */
  readonly format?: StringFormat;
  /**
   * ECMA 262 regular expression the value must match.
   *
   * @default - no pattern
   */
  readonly pattern?: string;
  /**
   * Minimum length in characters.
   *
   * @default - no minimum
   */
  readonly minLength?: number;
  /**
   * Maximum length in characters.
   *
   * @default - no maximum
   */
  readonly maxLength?: number;
}

/** Options of `Schema.integer()` and `Schema.number()`. */
export interface NumberOptions extends CommonOptions {
  /**
   * Value the API server sets when the field is absent.
   *
   * @default - no default
   */
  readonly default?: number;
  /**
   * Smallest allowed value.
   *
   * @default - no minimum
   */
  readonly minimum?: number;
  /**
   * Largest allowed value.
   *
   * @default - no maximum
   */
  readonly maximum?: number;
  /**
   * Whether `minimum` itself is excluded.
   *
   * @default false
   */
  readonly exclusiveMinimum?: boolean;
  /**
   * Whether `maximum` itself is excluded.
   *
   * @default false
   */
  readonly exclusiveMaximum?: boolean;
  /**
   * The value must be a multiple of this.
   *
   * @default - no constraint
   */
  readonly multipleOf?: number;
  /**
   * Storage hint: `int32`/`int64` for integers, `float`/`double` for numbers.
   *
   * @default - no format
   */
  readonly format?: 'int32' | 'int64' | 'float' | 'double';
}

/** Options of `Schema.boolean()`. */
export interface BooleanOptions extends CommonOptions {
  /**
   * Value the API server sets when the field is absent.
   *
   * @default - no default
   */
  readonly default?: boolean;
}

/** The static type of a string schema: the enum's union when given, else `string`. */
export type StringStatic<E extends readonly string[]> = [E] extends [never] ? string : E[number];
