/**
 * P&T transforms (`map`, `match`, `math`, `string`, `convert`) with P&T's exact results and
 * error texts (reference §3.8; P&T transforms.go). Inputs keep Go's number types: float64 is a
 * JS number, int64 a bigint (see values.ts), because the output depends on it.
 */
import { createHash } from 'node:crypto';
import { UserError } from '../../../errors';
import { obj, present, str } from '../../go/decoded';
import { formatV, sprintf } from '../../go/fmt';
import { goJsonUnmarshal } from '../../go/json';
import { quantityToFloat64 } from '../../go/quantity';
import { compileGoRegexp, type GoRegexp } from '../../go/regexp';
import { adler32 } from '../../go/adler32';
import { decodeBase64 } from '../../go/base64';
import { float64ToInt64 } from '../../go/convert';
import { formatFloat, goQuote, parseBool, parseFloat64, parseInt64 } from '../../go/strconv';
import { toLower, toUpper } from '../../go/strings';
import { fromStruct, goJsonMarshal, goTypeName, Value } from '../../go/values';
import { validateConvert, validateMath } from './validate';

/**
 * A transform failed; the message is P&T's text. A user error: it reaches users directly from
 * the exported `resolveTransform(s)`, and as a fatal result's text from a render.
 */
export class TransformError extends UserError {
  public constructor(message: string) {
    super(message);
    this.name = 'TransformError';
  }
}

type Raw = Record<string, unknown>;

function fail(message: string): never {
  throw new TransformError(message);
}

/** An int64 field of the input (YAML numbers may arrive as number or bigint). */
function int64Field(v: unknown, name: string): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  return fail(`json: cannot unmarshal ${typeof v === 'number' ? `number ${v}` : typeof v} into Go struct field MathTransform.${name} of type int64`);
}

/**
 * Runs P&T transforms in order; throws TransformError with P&T's exact message text
 * ("transform at index 0 returned error: map transform could not resolve: ...").
 */
export function resolveTransforms(transforms: readonly unknown[], input: Value): Value {
  let v = input;
  for (let i = 0; i < transforms.length; i++) {
    try {
      v = resolveTransform(transforms[i], v);
    } catch (e) {
      throw new TransformError(`transform at index ${i} returned error: ${(e as Error).message}`);
    }
  }
  return v;
}

/** Runs one P&T transform (P&T `Resolve`). */
export function resolveTransform(t: unknown, input: Value): Value {
  const tr = obj(t);
  const type = str(tr.type);
  const resolvers: Record<string, (cfg: Raw, input: Value) => Value> = RESOLVERS;
  const resolver = Object.prototype.hasOwnProperty.call(resolvers, type) ? resolvers[type] : undefined;
  if (resolver === undefined) return fail(`transform type ${type} is not supported`);
  const cfg = tr[type];
  if (!present(cfg)) return fail(`given transform type ${type} requires configuration`);
  try {
    return resolver(obj(cfg), input);
  } catch (e) {
    throw new TransformError(`${type} transform could not resolve: ${(e as Error).message}`);
  }
}

const RESOLVERS: Record<string, (cfg: Raw, input: Value) => Value> = {
  math: resolveMath,
  map: resolveMap,
  match: resolveMatch,
  string: resolveString,
  convert: resolveConvert,
};

function resolveMath(m: Raw, input: Value): Value {
  const invalid = validateMath(m);
  if (invalid) fail(invalid.toString());
  if (typeof input !== 'number' && typeof input !== 'bigint') {
    fail(`input is required to be a number for math transformer, got ${goTypeName(input)}`);
  }
  const type = str(m.type);
  if (type === 'Multiply') {
    const by = int64Field(m.multiply, 'multiply');
    return typeof input === 'bigint' ? BigInt.asIntN(64, input * by) : input * Number(by);
  }
  const n = typeof input === 'bigint' ? input : float64ToInt64(input);
  if (type === 'ClampMin') {
    const min = int64Field(m.clampMin, 'clampMin');
    return n < min ? min : input;
  }
  const max = int64Field(m.clampMax, 'clampMax');
  return n > max ? max : input;
}

function resolveMap(pairs: Raw, input: Value): Value {
  if (typeof input !== 'string') return fail(`type ${goTypeName(input)} is not supported for map transform`);
  if (!Object.prototype.hasOwnProperty.call(pairs, input)) return fail(`key ${input} is not found in map`);
  // A null value is dropped when the input is decoded (extv1.JSON keeps no bytes for null), so
  // decoding it later fails.
  if (pairs[input] === null || pairs[input] === undefined) {
    return fail(`value for key ${input} is not valid JSON: unexpected end of JSON input`);
  }
  // The pairs are raw JSON decoded by encoding/json: numbers are float64.
  return fromStruct(pairs[input]);
}

function matches(p: Raw, input: Value): boolean {
  const type = str(p.type);
  if (type === 'literal') {
    if (!present(p.literal)) fail('literal is required by type literal');
    if (typeof input !== 'string') fail(`unsupported input type '${goTypeName(input)}'`);
    return input === str(p.literal);
  }
  if (type === 'regexp') {
    if (!present(p.regexp)) fail('regexp is required by type regexp');
    let re: GoRegexp;
    try {
      re = compileGoRegexp(str(p.regexp));
    } catch (e) {
      return fail(`cannot compile regexp: ${(e as Error).message}`);
    }
    if (input === null) fail("unsupported input type 'null'");
    if (typeof input !== 'string') fail(`unsupported input type '${goTypeName(input)}'`);
    return re.test(input);
  }
  return fail(`unsupported pattern type '${type}'`);
}

function resolveMatch(m: Raw, input: Value): Value {
  const patterns = Array.isArray(m.patterns) ? m.patterns : [];
  for (let i = 0; i < patterns.length; i++) {
    const p = obj(patterns[i]);
    let ok: boolean;
    try {
      ok = matches(p, input);
    } catch (e) {
      throw new TransformError(`cannot match pattern at index ${i}: ${(e as Error).message}`);
    }
    if (ok) return present(p.result) ? fromStruct(p.result) : null;
  }
  if (m.fallbackTo === 'Input') {
    if (present(m.fallbackValue)) fail('cannot set both a fallback value and the fallback to input flag');
    return input;
  }
  return present(m.fallbackValue) ? fromStruct(m.fallbackValue) : null;
}

function hashInput(input: Value): Buffer {
  if (typeof input === 'string') return Buffer.from(input, 'utf8');
  try {
    return Buffer.from(goJsonMarshal(input), 'utf8');
  } catch (e) {
    return fail(`cannot generate hash: cannot marshal to JSON: ${(e as Error).message}`);
  }
}

function stringConvert(conv: string, input: Value): string {
  const s = formatV(input);
  switch (conv) {
    case 'ToUpper': return toUpper(s);
    case 'ToLower': return toLower(s);
    case 'ToJson':
      try {
        return goJsonMarshal(input);
      } catch (e) {
        return fail(`cannot marshal to JSON: ${(e as Error).message}`);
      }
    case 'ToBase64': return Buffer.from(s, 'utf8').toString('base64');
    case 'FromBase64':
      try {
        return decodeBase64(s);
      } catch (e) {
        return fail(`string is not valid base64: ${(e as Error).message}`);
      }
    case 'ToSha1': return createHash('sha1').update(hashInput(input)).digest('hex');
    case 'ToSha256': return createHash('sha256').update(hashInput(input)).digest('hex');
    case 'ToSha512': return createHash('sha512').update(hashInput(input)).digest('hex');
    case 'ToAdler32': {
      let b: Buffer;
      try {
        b = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(goJsonMarshal(input), 'utf8');
      } catch (e) {
        return fail(`unable to generate Adler checksum: cannot marshal to JSON: ${(e as Error).message}`);
      }
      return String(adler32(b));
    }
    default: return fail(`type ${conv} is not supported for string convert`);
  }
}

function resolveString(t: Raw, input: Value): Value {
  const type = str(t.type);
  switch (type) {
    case 'Format':
      if (!present(t.fmt)) fail(`string transform of type ${type} fmt is not set`);
      return sprintf(str(t.fmt), input);
    case 'Convert':
      if (!present(t.convert)) fail(`string transform of type ${type} convert is not set`);
      return stringConvert(str(t.convert), input);
    case 'TrimPrefix':
    case 'TrimSuffix': {
      if (!present(t.trim)) fail(`string transform of type ${type} trim is not set`);
      const s = formatV(input);
      const trim = str(t.trim);
      if (type === 'TrimPrefix') return s.startsWith(trim) ? s.slice(trim.length) : s;
      return s.endsWith(trim) ? s.slice(0, s.length - trim.length) : s;
    }
    case 'Regexp': {
      if (!present(t.regexp)) fail(`string transform of type ${type} regexp is not set`);
      const r = obj(t.regexp);
      const match = str(r.match);
      let re: GoRegexp;
      try {
        re = compileGoRegexp(match);
      } catch (e) {
        return fail(`could not compile regexp: ${(e as Error).message}`);
      }
      const groups = re.findStringSubmatch(formatV(input));
      const g = present(r.group) ? Number(r.group) : 0;
      if (groups === null || g >= groups.length) fail(`regexp ${goQuote(match)} had no matches for group ${g}`);
      if (g < 0) fail(`regexp ${goQuote(match)} group ${g} is negative`);
      return groups[g];
    }
    case 'Join': {
      if (!present(t.join)) fail(`string transform of type ${type} join is not set`);
      if (!Array.isArray(input)) return fail('could not parse input array');
      if (input.length === 0) return '';
      const sep = str(obj(t.join).separator);
      let result = '';
      for (const v of input) result += formatV(v) + sep;
      if (sep.length === 0) return result;
      // P&T drops the last byte (not rune) of the result.
      const bytes = Buffer.from(result, 'utf8');
      return new TextDecoder('utf-8').decode(bytes.subarray(0, bytes.length - 1));
    }
    case 'Replace': {
      if (!present(t.replace)) fail(`string transform of type ${type} replace is not set`);
      const r = obj(t.replace);
      const search = str(r.search);
      const text = formatV(input);
      // Go's ReplaceAll with an empty search inserts the replacement around every rune.
      if (search === '') return str(r.replace) + [...text].join(str(r.replace)) + (text.length > 0 ? str(r.replace) : '');
      return text.split(search).join(str(r.replace));
    }
    default:
      return fail(`type ${type} is not supported for string transform type`);
  }
}

const FROM_TYPES = new Set(['string', 'bool', 'int', 'int64', 'float64']);

function convertValue(from: string, to: string, format: string, input: Value): Value {
  const key = `${from}>${to}>${format}`;
  switch (key) {
    case 'string>int64>none': return parseInt64(input as string);
    case 'string>bool>none': return parseBool(input as string);
    case 'string>float64>none': return parseFloat64(input as string);
    case 'string>float64>quantity': return quantityToFloat64(input as string);
    case 'string>object>json': return goJsonUnmarshal(input as string, 'object');
    case 'string>array>json': return goJsonUnmarshal(input as string, 'array');
    case 'int64>string>none': return (input as bigint).toString();
    case 'int64>bool>none': return input === 1n;
    case 'int64>float64>none': return Number(input as bigint);
    case 'bool>string>none': return input ? 'true' : 'false';
    case 'bool>int64>none': return input ? 1n : 0n;
    case 'bool>float64>none': return input ? 1 : 0;
    case 'float64>string>none': return formatFloat(input as number, 'f', -1);
    case 'float64>int64>none': return float64ToInt64(input as number);
    case 'float64>bool>none': return input === 1;
    default: return fail(`conversion from ${from} to ${to} is not supported with format ${format}`);
  }
}

function resolveConvert(c: Raw, input: Value): Value {
  const invalid = validateConvert(c);
  if (invalid) fail(invalid.toString());
  const from = goTypeName(input);
  if (!FROM_TYPES.has(from)) return fail(`invalid input type ${from}`);
  const to0 = str(c.toType);
  const to = to0 === 'int' ? 'int64' : to0;
  if (to === from) return input;
  const format = present(c.format) ? str(c.format) : 'none';
  return convertValue(from, to, format, input);
}
