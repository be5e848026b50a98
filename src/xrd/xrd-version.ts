import { AnySchema } from '../schema/schema-types';

/** Column types `kubectl get` can print. */
export enum PrinterColumnType {
  /** A whole number. */
  INTEGER = 'integer',
  /** A number. */
  NUMBER = 'number',
  /** A string. */
  STRING = 'string',
  /** A boolean. */
  BOOLEAN = 'boolean',
  /** A timestamp, printed as an age (`5m`). */
  DATE = 'date',
}

/** An extra `kubectl get` column for the XR (Crossplane appends SYNCED, READY, COMPOSITION, AGE). */
export interface PrinterColumn {
  /** Column header, e.g. `REGION`. */
  readonly name: string;
  /** How the value is printed. */
  readonly type: PrinterColumnType;
  /** JSONPath into the XR, starting with `.`, e.g. `.spec.parameters.region`. */
  readonly jsonPath: string;
  /**
   * Human description of the column.
   *
   * @default - none
   */
  readonly description?: string;
  /**
   * Format hint (`int32`, `int64`, `float`, `double`, `byte`, `date`, `date-time`, `password`).
   *
   * @default - none
   */
  readonly format?: string;
  /**
   * 0 shows the column in the default view; higher numbers only with `-o wide`.
   *
   * @default 0
   */
  readonly priority?: number;
}

/** What every XRD version declares: its schemas, columns and deprecation. */
export interface XrdVersionSchemaOptions<Spec extends AnySchema = AnySchema, Status extends AnySchema = AnySchema> {
  /** Schema of the XR's `spec` (an object schema, e.g. `Schema.object({...})`). */
  readonly spec: Spec;
  /**
   * Schema of the XR's `status`: the fields Compositions may write back with ToCompositeFieldPath.
   *
   * @default - no `status` property is declared; Crossplane still adds `status.conditions`
   */
  readonly status?: Status;
  /**
   * Extra `kubectl get` columns, printed before Crossplane's own.
   *
   * @default - only Crossplane's columns
   */
  readonly printerColumns?: readonly PrinterColumn[];
  /**
   * Whether this version is deprecated (clients get a warning).
   *
   * @default false
   */
  readonly deprecated?: boolean;
  /**
   * Warning returned to clients of a deprecated version (at most 256 characters).
   *
   * @default - the API server's generic deprecation warning
   */
  readonly deprecationWarning?: string;
  /**
   * Maximum length of XR names, written as `metadata.name.maxLength`; Crossplane only honours values
   * below its own limit of 63 (reference §1.3).
   *
   * @default - 63, enforced by Crossplane
   */
  readonly maxNameLength?: number;
}

/** A further version of the XRD, added with `addVersion()`; it is served but not referenceable. */
export interface XrdVersionOptions<Spec extends AnySchema = AnySchema, Status extends AnySchema = AnySchema>
  extends XrdVersionSchemaOptions<Spec, Status> {
  /** Version name, e.g. `v1alpha1`. */
  readonly name: string;
  /**
   * Whether the API server serves this version.
   *
   * @default true
   */
  readonly served?: boolean;
}
