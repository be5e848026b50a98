import { cloneJson } from '../_clone-json';
import { UserError } from '../errors';
import { re2SyntaxProblem } from './re2';

/** The transform types of function-patch-and-transform (reference §3.8). */
export enum TransformType {
  MAP = 'map',
  MATCH = 'match',
  MATH = 'math',
  STRING = 'string',
  CONVERT = 'convert',
}

/** Conversions of a `string` transform of type `Convert` (reference §3.8). */
export enum StringConversion {
  TO_UPPER = 'ToUpper',
  TO_LOWER = 'ToLower',
  TO_BASE64 = 'ToBase64',
  FROM_BASE64 = 'FromBase64',
  /** `json.Marshal` of the input: strings come out quoted. */
  TO_JSON = 'ToJson',
  TO_SHA1 = 'ToSha1',
  TO_SHA256 = 'ToSha256',
  TO_SHA512 = 'ToSha512',
  /** Decimal Adler-32 checksum; accepted by P&T although its input CRD does not list it. */
  TO_ADLER32 = 'ToAdler32',
}

/** Target types of a `convert` transform. `int` behaves as `int64`. */
export enum ConvertToType {
  STRING = 'string',
  INT = 'int',
  INT64 = 'int64',
  BOOL = 'bool',
  FLOAT64 = 'float64',
  /** Needs a string input and `ConvertFormat.JSON`. */
  OBJECT = 'object',
  /** Needs a string input and `ConvertFormat.JSON`. */
  ARRAY = 'array',
}

/** How a `convert` transform reads its input. */
export enum ConvertFormat {
  NONE = 'none',
  /** A Kubernetes quantity (`500m`, `1Gi`); only for string to float64. */
  QUANTITY = 'quantity',
  /** A JSON document; only for string to object or array. */
  JSON = 'json',
}

/**
 * The Go type of a value flowing through transforms, as P&T sees it (reference §3.7: every
 * number read from an XR or an observed resource is `float64`).
 */
export type GoValueType = 'string' | 'bool' | 'int64' | 'float64' | 'object' | 'array';

/** Options of {@link Transform.match}. */
export interface MatchOptions<F = unknown> {
  /**
   * Value returned when no pattern matches.
   *
   * @default - null: the patch writes a JSON null at its destination
   */
  readonly fallbackValue?: F;
  /**
   * Return the input unchanged when no pattern matches (`fallbackTo: Input`). Cannot be
   * combined with `fallbackValue`.
   *
   * @default false
   */
  readonly fallbackToInput?: boolean;
}

/** Options of {@link Transform.convert}. */
export interface ConvertOptions {
  /**
   * How to read the input: `quantity` (string to float64) or `json` (string to object/array).
   *
   * @default - not written; P&T uses `none`
   */
  readonly format?: ConvertFormat | `${ConvertFormat}`;
}

/**
 * One pattern of a `match` transform: a literal or an (unanchored, RE2) regular expression.
 * `R` is the type of its result, which types the patch value after the match.
 */
export class MatchPattern<R = any> {
  /** Matches when the input string equals `literal` exactly (case sensitive). */
  public static literal<R>(literal: string, result: R): MatchPattern<R> {
    if (typeof literal !== 'string') throw new UserError(`MatchPattern.literal value must be a string, got '${String(literal)}': match inputs are strings`);
    return new MatchPattern({ type: 'literal', literal, result: checkJson(result, 'MatchPattern.literal result') });
  }

  /**
   * Matches when the Go regular expression finds a match anywhere in the input (add `^...$`
   * to anchor it).
   */
  public static regexp<R>(regexp: string, result: R): MatchPattern<R> {
    const problem = re2SyntaxProblem(regexp);
    if (problem) throw new UserError(`MatchPattern.regexp must be a valid Go regular expression, got '${regexp}': ${problem}`);
    return new MatchPattern({ type: 'regexp', regexp, result: checkJson(result, 'MatchPattern.regexp result') });
  }

  /** Type-only marker carrying `R`; never set at run time. */
  public readonly __result?: R;

  private constructor(private readonly json: Record<string, unknown>) {}

  /** @internal */
  public _toJson(): Record<string, unknown> {
    return cloneJson(this.json);
  }
}

/** What a match transform returns when no pattern matches, as a type (the input is a string). */
export type MatchFallback<O> =
  | (O extends { readonly fallbackToInput: true } ? string : never)
  | (O extends { readonly fallbackValue: infer F } ? F : never);

/** The TypeScript type a `convert` transform produces for each target type. */
export type ConvertOutput<K> = K extends 'string' ? string
  : K extends 'int' | 'int64' | 'float64' ? number
    : K extends 'bool' ? boolean
      // JSON documents: their shape is only known at run time.
      : any;

const CONVERSIONS: ReadonlySet<string> = new Set([
  'string>int64>none', 'string>bool>none', 'string>float64>none', 'string>float64>quantity',
  'string>object>json', 'string>array>json',
  'int64>string>none', 'int64>bool>none', 'int64>float64>none',
  'bool>string>none', 'bool>int64>none', 'bool>float64>none',
  'float64>string>none', 'float64>int64>none', 'float64>bool>none',
]);

/**
 * Why P&T's convert table rejects converting a `from` value to `toType` with `format`, or
 * undefined when it is supported (reference §3.8).
 */
export function conversionProblem(from: GoValueType, toType: string, format: string = 'none'): string | undefined {
  const to = toType === 'int' ? 'int64' : toType;
  if (from === 'object' || from === 'array') return `convert cannot take a ${from === 'object' ? 'map' : 'slice'} input (only string, bool, int64 and float64)`;
  if (from === to) return undefined;
  if (CONVERSIONS.has(`${from}>${to}>${format}`)) return undefined;
  const supported = [...CONVERSIONS].filter(c => c.startsWith(`${from}>${to}>`)).map(c => c.split('>')[2]);
  const hint = supported.length > 0 ? `use format '${supported.join("' or '")}'` : `${from} to ${to} is not in P&T's convert table`;
  return `conversion from ${from} to ${to} is not supported with format ${format}: ${hint}`;
}

/**
 * A function-patch-and-transform transform: one step that turns the patch value into another
 * (reference §3.8). Build with the static factories; the value is immutable. `O` is the
 * TypeScript type of what it produces, which types-checks the patch destination.
 */
export class Transform<O = any> {
  /** Looks the (string) input up in `pairs` and returns the value found; a missing key fails the patch. */
  public static map<V>(pairs: Readonly<Record<string, V>>): Transform<V> {
    if (pairs === null || typeof pairs !== 'object' || Array.isArray(pairs) || Object.keys(pairs).length === 0) {
      throw new UserError(`Transform.map pairs must have at least one entry, got '${JSON.stringify(pairs)}': P&T rejects an empty map transform`);
    }
    const map: Record<string, unknown> = {};
    for (const k of Object.keys(pairs)) map[k] = checkJson(pairs[k], `Transform.map value of '${k}'`);
    return new Transform(TransformType.MAP, { map }, mapOutputType(Object.values(map)));
  }

  /** Tests `patterns` in order on the (string) input and returns the result of the first match. */
  public static match<R, const O extends MatchOptions = {}>(patterns: readonly MatchPattern<R>[], options: O = {} as O): Transform<R | MatchFallback<O>> {
    if (!Array.isArray(patterns) || patterns.length === 0) {
      throw new UserError('Transform.match patterns must have at least one pattern, got \'[]\': add MatchPattern.literal(...) or MatchPattern.regexp(...)');
    }
    if (options.fallbackToInput && options.fallbackValue !== undefined) {
      throw new UserError('Transform.match cannot set both fallbackValue and fallbackToInput: keep one of them');
    }
    const match: Record<string, unknown> = { patterns: patterns.map(p => p._toJson()) };
    if (options.fallbackValue !== undefined) match.fallbackValue = checkJson(options.fallbackValue, 'Transform.match fallbackValue');
    if (options.fallbackToInput) match.fallbackTo = 'Input';
    const results = patterns.map(p => p._toJson().result);
    if (!options.fallbackToInput && options.fallbackValue !== undefined) results.push(match.fallbackValue);
    return new Transform(TransformType.MATCH, { match }, options.fallbackToInput || options.fallbackValue === undefined ? undefined : mapOutputType(results));
  }

  /** Integer math on numeric inputs; `math.type` is always written (P&T has no Go default). */
  public static readonly math = {
    /** Multiplies the input by `factor` (an int64). */
    multiply: (factor: number): Transform<number> => Transform.mathOf('Multiply', 'multiply', factor),
    /** Raises inputs below `min` to `min`. */
    clampMin: (min: number): Transform<number> => Transform.mathOf('ClampMin', 'clampMin', min),
    /** Lowers inputs above `max` to `max`. */
    clampMax: (max: number): Transform<number> => Transform.mathOf('ClampMax', 'clampMax', max),
  };

  /** String transforms; `string.type` is always written (P&T has no Go default). */
  public static readonly string = {
    /** `fmt.Sprintf(fmt, input)`: exactly one argument. XR numbers are float64, so prefer `%s` after a convert to string. */
    format: (fmt: string): Transform<string> => {
      if (typeof fmt !== 'string') throw new UserError(`Transform.string.format fmt must be a string, got '${String(fmt)}'`);
      return Transform.stringOf({ type: 'Format', fmt });
    },
    /** Case, base64, JSON or hash conversion. */
    convert: (conversion: StringConversion | `${StringConversion}`): Transform<string> => {
      if (!Object.values(StringConversion).includes(conversion as StringConversion)) {
        throw new UserError(`Transform.string.convert conversion must be one of ${Object.values(StringConversion).join(', ')}, got '${conversion}'`);
      }
      return Transform.stringOf({ type: 'Convert', convert: conversion });
    },
    /** Removes one leading occurrence of `prefix`. */
    trimPrefix: (prefix: string): Transform<string> => Transform.stringOf({ type: 'TrimPrefix', trim: requireString(prefix, 'Transform.string.trimPrefix prefix') }),
    /** Removes one trailing occurrence of `suffix`. */
    trimSuffix: (suffix: string): Transform<string> => Transform.stringOf({ type: 'TrimSuffix', trim: requireString(suffix, 'Transform.string.trimSuffix suffix') }),
    /**
     * Returns capture group `group` (0: the whole match) of the first match of the Go regular
     * expression; no match fails the patch.
     *
     * @param group capture group; default: not written, P&T uses 0
     */
    regexp: (match: string, group?: number): Transform<string> => {
      if (typeof match !== 'string' || match === '') {
        throw new UserError(`Transform.string.regexp match must be a non-empty regular expression, got '${String(match)}': P&T requires a match`);
      }
      const problem = re2SyntaxProblem(match);
      if (problem) throw new UserError(`Transform.string.regexp match must be a valid Go regular expression, got '${match}': ${problem}`);
      if (group !== undefined && (!Number.isInteger(group) || group < 0)) {
        throw new UserError(`Transform.string.regexp group must be a non-negative integer, got '${group}': 0 is the whole match, 1 the first group`);
      }
      const regexp: Record<string, unknown> = { match };
      if (group !== undefined) regexp.group = group;
      return Transform.stringOf({ type: 'Regexp', regexp });
    },
    /**
     * Joins an array input with `separator`. P&T removes only the final byte after the last
     * element, so a multi-byte separator like `', '` leaves a trailing `,` (reference §3.8).
     */
    join: (separator: string): Transform<string> => Transform.stringOf({ type: 'Join', join: { separator: requireString(separator, 'Transform.string.join separator') } }),
    /** Replaces every occurrence of `search` (non-empty) with `replace`. */
    replace: (search: string, replace: string): Transform<string> => {
      if (typeof search !== 'string' || search === '') {
        throw new UserError(`Transform.string.replace search must be a non-empty string, got '${String(search)}': P&T requires a search string`);
      }
      return Transform.stringOf({ type: 'Replace', replace: { search, replace: requireString(replace, 'Transform.string.replace replace') } });
    },
  };

  /**
   * Converts the input to `toType` (reference §3.8 lists which conversions exist). XR numbers
   * are float64: `Transform.convert(ConvertToType.STRING)` prints them without exponent.
   */
  public static convert<K extends ConvertToType | `${ConvertToType}`>(toType: K, options: ConvertOptions = {}): Transform<ConvertOutput<`${K}`>> {
    if (!Object.values(ConvertToType).includes(toType as ConvertToType)) {
      throw new UserError(`Transform.convert toType must be one of ${Object.values(ConvertToType).join(', ')}, got '${toType}'`);
    }
    if (options.format !== undefined && !Object.values(ConvertFormat).includes(options.format as ConvertFormat)) {
      throw new UserError(`Transform.convert format must be one of ${Object.values(ConvertFormat).join(', ')}, got '${options.format}'`);
    }
    const convert: Record<string, unknown> = { toType };
    if (options.format !== undefined) convert.format = options.format;
    const out: GoValueType = toType === 'int' ? 'int64' : toType as GoValueType;
    return new Transform(TransformType.CONVERT, { convert }, out);
  }

  private static mathOf(type: string, field: string, operand: number): Transform {
    if (!Number.isSafeInteger(operand)) {
      throw new UserError(`Transform.math.${field} operand must be an integer, got '${operand}': P&T math operands are int64`);
    }
    return new Transform(TransformType.MATH, { math: { type, [field]: operand } }, 'float64');
  }

  private static stringOf(spec: Record<string, unknown>): Transform<string> {
    return new Transform(TransformType.STRING, { string: spec }, 'string');
  }

  /** Type-only marker carrying `O`; never set at run time. */
  public readonly __output?: O;

  private constructor(
    /** The P&T transform type. */
    public readonly type: TransformType,
    private readonly body: Record<string, unknown>,
    /** @internal Go type of the output when it is known statically. */
    public readonly _outputType: GoValueType | undefined,
  ) {}

  /**
   * The Go type this transform needs as input, when it needs a specific one.
   *
   * @internal
   */
  public _inputProblem(input: GoValueType): string | undefined {
    const json = this._toJson();
    switch (this.type) {
      case TransformType.MAP:
      case TransformType.MATCH:
        return input === 'string' ? undefined : `a ${this.type} transform needs a string input, got ${input}`;
      case TransformType.MATH:
        return input === 'int64' || input === 'float64' ? undefined : `a math transform needs a number input, got ${input}`;
      case TransformType.CONVERT: {
        const c = json.convert as { toType: string; format?: string };
        return conversionProblem(input, c.toType, c.format);
      }
      case TransformType.STRING: {
        const s = json.string as { type: string };
        return s.type === 'Join' && input !== 'array' ? `a string Join transform needs an array input, got ${input}` : undefined;
      }
    }
  }

  /** @internal The exact P&T wire format, e.g. `{ type: 'map', map: {...} }`. */
  public _toJson(): Record<string, unknown> {
    return { type: this.type, ...cloneJson(this.body) };
  }
}

/**
 * Checks that each transform can take what the previous one produces, where that is known
 * statically (e.g. a string transform followed by a math transform always fails in P&T).
 * Returns messages naming `where.transforms[i]`.
 */
export function transformChainProblems(transforms: readonly Transform[], where: string, first?: GoValueType): string[] {
  const problems: string[] = [];
  let current: GoValueType | undefined = first;
  transforms.forEach((t, i) => {
    if (current !== undefined) {
      const problem = t._inputProblem(current);
      if (problem) problems.push(`${where}transforms[${i}] ${problem}: ${fixFor(t, current)}`);
    }
    current = t._outputType;
  });
  return problems;
}

function fixFor(t: Transform, input: GoValueType): string {
  if (t.type === TransformType.MAP || t.type === TransformType.MATCH) return `insert Transform.convert(ConvertToType.STRING) before it`;
  if (t.type === TransformType.MATH && input === 'string') return `insert Transform.convert(ConvertToType.FLOAT64) (or INT64) before it`;
  if (t.type === TransformType.CONVERT && input === 'string') return 'set the format the table needs, or convert to an intermediate type first';
  return 'change the order or the types of the transforms';
}

function mapOutputType(values: readonly unknown[]): GoValueType | undefined {
  const types = new Set(values.map(v => typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'bool' : typeof v === 'number' ? 'float64' : 'other'));
  if (types.size !== 1) return undefined;
  const only = [...types][0];
  return only === 'other' ? undefined : only as GoValueType;
}

function requireString(v: unknown, what: string): string {
  if (typeof v !== 'string') throw new UserError(`${what} must be a string, got '${String(v)}'`);
  return v;
}

function checkJson(v: unknown, what: string): unknown {
  if (v === undefined) throw new UserError(`${what} must be a JSON value, got 'undefined': use null for an explicit null`);
  if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') throw new UserError(`${what} must be a JSON value, got a ${typeof v}`);
  if (typeof v === 'number' && !Number.isFinite(v)) throw new UserError(`${what} must be a finite number, got '${v}'`);
  return cloneJson(v);
}
