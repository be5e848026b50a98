/**
 * The `reason` a CEL rule reports to the client when it fails (Kubernetes' `FieldValue*` causes).
 */
export enum ValidationReason {
  /** HTTP 422, the default. */
  FIELD_VALUE_INVALID = 'FieldValueInvalid',
  /** HTTP 422, a forbidden value. */
  FIELD_VALUE_FORBIDDEN = 'FieldValueForbidden',
  /** HTTP 422, a missing value. */
  FIELD_VALUE_REQUIRED = 'FieldValueRequired',
  /** HTTP 422, a duplicated value. */
  FIELD_VALUE_DUPLICATE = 'FieldValueDuplicate',
}

/**
 * One CEL rule of a schema node, written to `x-kubernetes-validations`.
 *
 * @see https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation-rules
 */
export interface ValidationRule {
  /** The CEL expression; `self` is the value of the node, `oldSelf` the previous value on update. */
  readonly rule: string;
  /**
   * Message shown when the rule fails.
   *
   * @default - the API server reports `failed rule: <rule>`
   */
  readonly message?: string;
  /**
   * CEL expression that builds the message; wins over `message` when it evaluates to a string.
   *
   * @default - `message` is used
   */
  readonly messageExpression?: string;
  /**
   * Machine-readable cause reported to the client.
   *
   * @default ValidationReason.FIELD_VALUE_INVALID
   */
  readonly reason?: ValidationReason;
  /**
   * Relative JSON path (starting with `.`) of the field reported as invalid, e.g. `.spec.size`.
   *
   * @default - the node that holds the rule
   */
  readonly fieldPath?: string;
  /**
   * Whether a transition rule also runs on create, with `oldSelf` as an optional value.
   *
   * @default false
   */
  readonly optionalOldSelf?: boolean;
}

/** Reasons the API server accepts in `x-kubernetes-validations[].reason`. */
export const VALIDATION_REASONS: readonly string[] = Object.values(ValidationReason);
