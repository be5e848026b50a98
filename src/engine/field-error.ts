/**
 * Field errors as k8s.io/apimachinery `field.Error` prints them, and P&T's transform validation
 * (`ValidateTransform` in P&T's validate.go, reference §3.2/§3.8) which reports them.
 *
 * P&T stops at the first error and prints `<field>: <type>[: <value>][: <detail>]`, with the
 * field path prefixed by where the transform sits (`resources[0].patches[2].transforms[0].
 * math.type`); {@link FieldError.under} adds such a prefix.
 */
import { GoRegexpSyntaxError, compileGoRegexp } from './go-regexp';
import { formatV, goQuote, sprintf } from './gofmt';
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

const TRANSFORM_TYPES = ['math', 'map', 'match', 'string', 'convert'];
const CONVERT_FORMATS = new Set(['none', 'quantity', 'json']);
const IO_TYPES = new Set(['string', 'bool', 'int', 'int64', 'float64', 'object', 'array']);

function present(v: unknown): boolean {
  return v !== undefined && v !== null;
}

function obj(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** A string field of the decoded Go struct (absent -> ''). */
function str(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

function goRegexpInvalid(re: string): boolean {
  try {
    compileGoRegexp(re);
    return false;
  } catch (e) {
    return e instanceof GoRegexpSyntaxError;
  }
}

/**
 * P&T's `ValidateTransform`: the first problem of one transform, with a field path relative to
 * the transform (`math.type`), or undefined when it is valid.
 */
export function validateTransform(t: unknown): FieldError | undefined {
  const tr = obj(t);
  const type = str(tr.type);
  if (!TRANSFORM_TYPES.includes(type)) return FieldError.invalid('type', type, 'unknown transform type');
  const cfg = tr[type];
  if (!present(cfg)) return FieldError.required(type, `given transform type ${type} requires configuration`);
  let err: FieldError | undefined;
  switch (type) {
    case 'math': err = validateMath(obj(cfg)); break;
    case 'map': err = Object.keys(obj(cfg)).length === 0
      ? FieldError.required('pairs', 'at least one pair must be specified if a map transform is specified')
      : undefined; break;
    case 'match': err = validateMatch(obj(cfg)); break;
    case 'string': err = validateString(obj(cfg)); break;
    default: err = validateConvert(obj(cfg)); break;
  }
  return err?.under(type);
}

/** P&T's `ValidateMathTransform` (also run before a math transform resolves). */
export function validateMath(m: Record<string, unknown>): FieldError | undefined {
  const type = str(m.type);
  if (type === '') return FieldError.required('type', 'math transform type is required');
  switch (type) {
    case 'Multiply':
      if (!present(m.multiply)) return FieldError.required('multiply', 'must specify a value if a multiply math transform is specified');
      break;
    case 'ClampMin':
      if (!present(m.clampMin)) return FieldError.required('clampMin', 'must specify a value if a clamp min math transform is specified');
      break;
    case 'ClampMax':
      if (!present(m.clampMax)) return FieldError.required('clampMax', 'must specify a value if a clamp max math transform is specified');
      break;
    default:
      return FieldError.invalid('type', type, 'unknown math transform type');
  }
  return undefined;
}

function validateMatch(m: Record<string, unknown>): FieldError | undefined {
  const patterns = Array.isArray(m.patterns) ? m.patterns : [];
  if (patterns.length === 0) {
    return FieldError.required('patterns', 'at least one pattern must be specified if a match transform is specified');
  }
  for (let i = 0; i < patterns.length; i++) {
    const p = obj(patterns[i]);
    const type = str(p.type);
    let err: FieldError | undefined;
    if (type === 'literal' || type === '') {
      if (!present(p.literal)) err = FieldError.required('literal', 'literal pattern type requires a literal');
    } else if (type === 'regexp') {
      if (!present(p.regexp)) err = FieldError.required('regexp', 'regexp pattern type requires a regexp');
      else if (goRegexpInvalid(str(p.regexp))) err = FieldError.invalid('regexp', str(p.regexp), 'invalid regexp');
    } else {
      err = FieldError.invalid('type', type, 'unknown pattern type');
    }
    if (err) return err.under(`patterns[${i}]`);
  }
  return undefined;
}

function validateString(s: Record<string, unknown>): FieldError | undefined {
  const type = str(s.type);
  if (type === '') return FieldError.required('type', 'string transform type is required');
  switch (type) {
    case 'Format':
      if (!present(s.fmt)) return FieldError.required('fmt', 'format transform requires a format');
      break;
    case 'Convert':
      if (!present(s.convert)) return FieldError.required('convert', 'convert transform requires a conversion type');
      break;
    case 'TrimPrefix':
    case 'TrimSuffix':
      if (!present(s.trim)) return FieldError.required('trim', 'trim transform requires a trim value');
      break;
    case 'Regexp': {
      if (!present(s.regexp)) return FieldError.required('regexp', 'regexp transform requires a regexp');
      const match = str(obj(s.regexp).match);
      if (match === '') return FieldError.required('regexp.match', 'regexp transform requires a match');
      if (goRegexpInvalid(match)) return FieldError.invalid('regexp.match', match, 'invalid regexp');
      break;
    }
    case 'Join':
      if (!present(s.join)) return FieldError.required('join', 'join transform requires a join');
      break;
    case 'Replace':
      if (!present(s.replace)) return FieldError.required('replace', 'replace transform requires a replace');
      if (str(obj(s.replace).search) === '') return FieldError.required('replace.search', 'replace transform requires a search');
      break;
    default:
      return FieldError.invalid('type', type, 'unknown string transform type');
  }
  return undefined;
}

/** P&T's `ValidateConvertTransform` (also run before a convert transform resolves). */
export function validateConvert(c: Record<string, unknown>): FieldError | undefined {
  const format = present(c.format) ? str(c.format) : 'none';
  if (!CONVERT_FORMATS.has(format)) return FieldError.invalid('format', format, 'invalid format');
  const toType = str(c.toType);
  if (!IO_TYPES.has(toType)) return FieldError.invalid('toType', toType, 'invalid type');
  return undefined;
}
