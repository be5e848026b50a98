import { JsonSchema } from './json-schema';
import { AnySchema } from './schema-types';
import { ValidationRule } from './validation-rule';

/** Options every `Schema.*` factory accepts. */
export interface CommonOptions {
  /**
   * Human description; `kubectl explain` and the generated docs show it.
   *
   * @default - no description
   */
  readonly description?: string;
  /**
   * CEL rules for this node (`x-kubernetes-validations`).
   *
   * @default - no CEL rules
   */
  readonly validations?: readonly ValidationRule[];
  /**
   * Value validations of which exactly one must hold (e.g. `[{ required: ['a'] }, { required: ['b'] }]`).
   * Branches may only restrict values: no `type`, `default`, `description` or `nullable`.
   *
   * @default - none
   */
  readonly oneOf?: readonly JsonSchema[];
  /**
   * Value validations of which at least one must hold (same restrictions as `oneOf`).
   *
   * @default - none
   */
  readonly anyOf?: readonly JsonSchema[];
  /**
   * Value validations that must all hold (same restrictions as `oneOf`).
   *
   * @default - none
   */
  readonly allOf?: readonly JsonSchema[];
  /**
   * A value validation that must not hold (same restrictions as `oneOf`).
   *
   * @default - none
   */
  readonly not?: JsonSchema;
}

/** Deep copy of a schema with only its enumerable JSON keys: drops TypeBox's brands and `~optional`. */
export function toPlainSchema(schema: AnySchema): JsonSchema {
  return JSON.parse(JSON.stringify(schema)) as JsonSchema;
}
