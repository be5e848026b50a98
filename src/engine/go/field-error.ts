/**
 * Field errors as k8s.io/apimachinery `field.Error` prints them:
 * `<field>: <type>[: <value>][: <detail>]`. Validators build them relative to the object they
 * check and prefix where that object sits with {@link FieldError.under}
 * (`resources[0].patches[2].transforms[0].math.type`).
 */
import { formatV, sprintf } from './fmt';
import { goQuote } from './strconv';
import { Value } from './values';

/** The kind of a field error, as apimachinery names it. */
export type FieldErrorType = 'Required value' | 'Invalid value' | 'Unsupported value';

const NO_VALUE = Symbol('no value');

/** One validation error of a field (apimachinery `field.Error`). */
export class FieldError {
  /** `<field>: Required value: <detail>`. */
  public static required(field: string, detail: string): FieldError {
    return new FieldError('Required value', field, NO_VALUE, detail);
  }

  /** `<field>: Invalid value: <value>: <detail>` (strings quoted, null as `null`). */
  public static invalid(field: string, value: unknown, detail: string): FieldError {
    return new FieldError('Invalid value', field, value, detail);
  }

  /** `<field>: Unsupported value: <value>: supported values: "a", "b"`. */
  public static notSupported(field: string, value: unknown, valid: readonly string[]): FieldError {
    const detail = valid.length > 0 ? 'supported values: ' + valid.map((v) => goQuote(v)).join(', ') : '';
    return new FieldError('Unsupported value', field, value, detail);
  }

  private constructor(
    public readonly type: FieldErrorType,
    public readonly field: string,
    private readonly badValue: unknown,
    public readonly detail: string,
  ) {}

  /** The text after `<field>: ` (apimachinery `ErrorBody`). */
  public get body(): string {
    let s: string = this.type;
    if (this.badValue !== NO_VALUE) s += ': ' + formatBadValue(this.badValue);
    if (this.detail.length > 0) s += ': ' + this.detail;
    return s;
  }

  /** The same error with `prefix` in front of its field (P&T `WrapFieldError`). */
  public under(prefix: string): FieldError {
    return new FieldError(this.type, prefixFieldPath(prefix, this.field), this.badValue, this.detail);
  }

  /** `<field>: <body>`, as `field.Error.Error()` prints it. */
  public toString(): string {
    return `${this.field}: ${this.body}`;
  }
}

function formatBadValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  switch (typeof v) {
    case 'string':
      return goQuote(v);
    case 'number':
    case 'bigint':
    case 'boolean':
      return formatV(v);
    default:
      return sprintf('%#v', v as Value);
  }
}

/** `prefix.field` the way apimachinery's `path.Child(field)` renders it. */
export function prefixFieldPath(prefix: string, field: string): string {
  if (prefix.length === 0) return field;
  if (field.length === 0) return prefix;
  return `${prefix}.${field}`;
}
