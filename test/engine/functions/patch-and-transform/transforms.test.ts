// Cases ported from crossplane-contrib/function-patch-and-transform pt/transforms_test.go (plus reference §3.8 rules and property tests).
// Go's `int` inputs of the upstream cases are int64 here (the engine never sees Go `int`), so type names read int64.
import fc from 'fast-check';
import { resolveTransform, resolveTransforms, TransformError } from '../../../../src/engine/functions/patch-and-transform/transforms';
import { Value } from '../../../../src/engine/go/values';

function run(type: string, cfg: unknown, input: Value): Value {
  return resolveTransform({ type, [type]: cfg }, input);
}

function fails(type: string, cfg: unknown, input: Value, cause: string): void {
  expect(() => run(type, cfg, input)).toThrow(new TransformError(`${type} transform could not resolve: ${cause}`));
}

describe('map (TestMapResolve)', () => {
  test('a non-string input is rejected', () => fails('map', {}, 5n, 'type int64 is not supported for map transform'));
  test('a missing key is reported', () => fails('map', {}, 'ola', 'key ola is not found in map'));
  test.each<[string, unknown, Value]>([
    ['a string value', 'voila', 'voila'],
    ['a number value as float64', 1.0, 1],
    ['a boolean value', true, true],
    ['an object value', { foo: 'bar' }, { foo: 'bar' }],
    ['an array value', ['foo', 'bar'], ['foo', 'bar']],
  ])('returns %s', (_name, value, want) => {
    expect(run('map', { ola: value }, 'ola')).toStrictEqual(want);
  });
  test('a null value cannot be decoded (extv1.JSON drops null)', () => {
    fails('map', { a: null }, 'a', 'value for key a is not valid JSON: unexpected end of JSON input');
  });
  test('integral values are float64 even when the input holds int64 (encoding/json decodes them)', () => {
    expect(run('map', { a: 5n }, 'a')).toBe(5);
  });
});

describe('match (TestMatchResolve)', () => {
  const lit = (literal: string, result?: unknown): Record<string, unknown> => ({ type: 'literal', literal, ...(result === undefined ? {} : { result }) });
  test('a non-string input fails the literal pattern', () => {
    fails('match', { patterns: [lit('5')] }, 5n, "cannot match pattern at index 0: unsupported input type 'int64'");
  });
  test('fallbackValue and fallbackTo Input together fail', () => {
    fails('match', { patterns: [], fallbackValue: 'foo', fallbackTo: 'Input' }, 'foo', 'cannot set both a fallback value and the fallback to input flag');
  });
  test.each<[string, Record<string, unknown>, Value, Value]>([
    ['no patterns fall back to the value', { patterns: [], fallbackValue: 'bar' }, 'foo', 'bar'],
    ['fallbackTo Value uses the value', { patterns: [], fallbackValue: 'bar', fallbackTo: 'Value' }, 'foo', 'bar'],
    ['a null fallback value gives null', { patterns: [], fallbackValue: null }, 'foo', null],
    ['fallbackTo Input returns the input', { patterns: [], fallbackTo: 'Input' }, 'foo', 'foo'],
    ['fallbackTo Input with a null fallback value returns the input', { patterns: [], fallbackValue: null, fallbackTo: 'Input' }, 'foo', 'foo'],
    ['a literal match returns its result', { patterns: [lit('foo', 'bar')] }, 'foo', 'bar'],
    ['the first matching pattern wins', { patterns: [lit('foo', 'bar'), lit('foo', 'not this')] }, 'foo', 'bar'],
    ['an object result', { patterns: [lit('foo', { Hello: 'World' })] }, 'foo', { Hello: 'World' }],
    ['an array result', { patterns: [lit('foo', ['Hello', 'World'])] }, 'foo', ['Hello', 'World']],
    ['a number result as float64', { patterns: [lit('foo', 5)] }, 'foo', 5],
    ['a boolean result', { patterns: [lit('foo', true)] }, 'foo', true],
    ['a null result', { patterns: [lit('foo', null)] }, 'foo', null],
    ['a regexp match', { patterns: [{ type: 'regexp', regexp: '^foo.*$', result: 'Hello World' }] }, 'foobar', 'Hello World'],
  ])('%s', (_name, cfg, input, want) => {
    expect(run('match', cfg, input)).toStrictEqual(want);
  });
  test('a regexp pattern without regexp fails', () => {
    fails('match', { patterns: [{ type: 'regexp' }] }, null, 'cannot match pattern at index 0: regexp is required by type regexp');
  });
  test('an invalid regexp fails with Go\'s parse error', () => {
    fails('match', { patterns: [{ type: 'regexp', regexp: '?=' }] }, null,
      'cannot match pattern at index 0: cannot compile regexp: error parsing regexp: missing argument to repetition operator: `?`');
  });
  test('a literal pattern without literal fails', () => {
    fails('match', { patterns: [{ type: 'literal' }] }, null, 'cannot match pattern at index 0: literal is required by type literal');
  });
});

describe('match: reference §3.8 rules', () => {
  test('regexp matching is unanchored', () => expect(run('match', { patterns: [{ type: 'regexp', regexp: 'b', result: 1 }] }, 'abc')).toBe(1));
  test('a null input to a regexp pattern reports null', () => {
    fails('match', { patterns: [{ type: 'regexp', regexp: 'a' }] }, null, "cannot match pattern at index 0: unsupported input type 'null'");
  });
  test('a pattern type must be literal or regexp', () => {
    fails('match', { patterns: [{ literal: 'a' }] }, 'a', "cannot match pattern at index 0: unsupported pattern type ''");
  });
  test('no match and no fallback gives null', () => expect(run('match', { patterns: [lit2('x')] }, 'y')).toBeNull());
  function lit2(l: string): Record<string, unknown> {
    return { type: 'literal', literal: l, result: 'r' };
  }
});

describe('math (TestMathResolve)', () => {
  test('an unknown math type fails validation', () => fails('math', { type: 'bad' }, 25n, 'type: Invalid value: "bad": unknown math transform type'));
  test('a non-number input fails', () => fails('math', { type: 'Multiply', multiply: 2 }, 'ola', 'input is required to be a number for math transformer, got string'));
  test('Multiply without multiply fails', () => fails('math', { type: 'Multiply' }, 25n, 'multiply: Required value: must specify a value if a multiply math transform is specified'));
  test('ClampMin without clampMin fails', () => fails('math', { type: 'ClampMin' }, 25n, 'clampMin: Required value: must specify a value if a clamp min math transform is specified'));
  test('ClampMax without clampMax fails', () => fails('math', { type: 'ClampMax' }, 25n, 'clampMax: Required value: must specify a value if a clamp max math transform is specified'));
  test.each<[string, Record<string, unknown>, Value, Value]>([
    ['Multiply of an int gives int64', { type: 'Multiply', multiply: 2 }, 3n, 6n],
    ['Multiply of an int64 gives int64', { type: 'Multiply', multiply: 2n }, 3n, 6n],
    ['ClampMin raises a smaller value to the bound', { type: 'ClampMin', clampMin: 2 }, 1n, 2n],
    ['ClampMin keeps a larger int', { type: 'ClampMin', clampMin: 2 }, 3n, 3n],
    ['ClampMin keeps a larger int64', { type: 'ClampMin', clampMin: 2n }, 3n, 3n],
    ['ClampMin raises an int64', { type: 'ClampMin', clampMin: 2 }, 1n, 2n],
    ['ClampMax lowers a larger value to the bound', { type: 'ClampMax', clampMax: 2 }, 3n, 2n],
    ['ClampMax keeps a smaller value', { type: 'ClampMax', clampMax: 2 }, 1n, 1n],
    ['ClampMax lowers an int64', { type: 'ClampMax', clampMax: 2n }, 3n, 2n],
  ])('%s', (_name, cfg, input, want) => {
    expect(run('math', cfg, input)).toStrictEqual(want);
  });
});

describe('math: reference §3.8 rules', () => {
  test('Multiply of a float64 gives float64', () => expect(run('math', { type: 'Multiply', multiply: 2 }, 1.5)).toBe(3));
  test('ClampMax leaves 5.5 unchanged with bound 5 (int64 truncation compares 5)', () => expect(run('math', { type: 'ClampMax', clampMax: 5 }, 5.5)).toBe(5.5));
  test('ClampMax returns the int64 bound when clamping a float64', () => expect(run('math', { type: 'ClampMax', clampMax: 4 }, 5.5)).toBe(4n));
  test('ClampMin compares the truncated value (-0.5 is not below 0)', () => expect(run('math', { type: 'ClampMin', clampMin: 0 }, -0.5)).toBe(-0.5));
  test('math.type is required (no default)', () => fails('math', { multiply: 2 }, 1n, 'type: Required value: math transform type is required'));
  test('int64 overflow wraps like Go', () => expect(run('math', { type: 'Multiply', multiply: 2 }, 2n ** 62n)).toBe(-(2n ** 63n)));
  test('a null input reports <nil>', () => fails('math', { type: 'Multiply', multiply: 2 }, null, 'input is required to be a number for math transformer, got <nil>'));
});

describe('string (TestStringResolve)', () => {
  const s = (cfg: Record<string, unknown>, input: Value): Value => run('string', cfg, input);
  const sFails = (cfg: Record<string, unknown>, input: Value, cause: string): void => fails('string', cfg, input, cause);
  test('an unknown type fails', () => sFails({ type: 'Something' }, 'value', 'type Something is not supported for string transform type'));
  test('Format without fmt fails', () => sFails({ type: 'Format' }, 'value', 'string transform of type Format fmt is not set'));
  test('Format formats a string', () => expect(s({ type: 'Format', fmt: 'verycool%s' }, 'thing')).toBe('verycoolthing'));
  test('Format formats an integer with %d', () => expect(s({ type: 'Format', fmt: 'the largest %d' }, 8n)).toBe('the largest 8'));
  test('Convert without convert fails', () => sFails({ type: 'Convert' }, 'crossplane', 'string transform of type Convert convert is not set'));
  test('an unknown conversion fails', () => sFails({ type: 'Convert', convert: 'Something' }, 'crossplane', 'type Something is not supported for string convert'));
  test.each<[string, string, Value, string]>([
    ['ToUpper', 'ToUpper', 'crossplane', 'CROSSPLANE'],
    ['ToLower', 'ToLower', 'CrossPlane', 'crossplane'],
    ['ToBase64', 'ToBase64', 'CrossPlane', 'Q3Jvc3NQbGFuZQ=='],
    ['FromBase64', 'FromBase64', 'Q3Jvc3NQbGFuZQ==', 'CrossPlane'],
    ['ToSha1', 'ToSha1', 'Crossplane', '3b683dc8ff44122b331a5e4f253dd69d90726d75'],
    ['ToSha256', 'ToSha256', 'Crossplane', '19c8a7c24ed0067f606815b59e5b82d92935ff69deed04171457a55018e31224'],
    ['ToSha512', 'ToSha512', 'Crossplane', '0016037c62c92b5cc4a282fbe30cdd228fa001624b26fd31baa9fcb76a9c60d48e2e7a16cf8729a2d9cba3d23e1d846e7721a5381b9a92dd813178e9a6686205'],
    ['ToSha512 of an integer hashes its JSON', 'ToSha512', 1234n, 'd404559f602eab6fd602ac7680dacbfaadd13630335e951f097af3900e9de176b6db28512f2e000b9d04fba5133e8b1c6e8df59db3a8ab9d60be4b97cc9e81db'],
    ['ToSha512 of a numeric string', 'ToSha512', '1234', 'd404559f602eab6fd602ac7680dacbfaadd13630335e951f097af3900e9de176b6db28512f2e000b9d04fba5133e8b1c6e8df59db3a8ab9d60be4b97cc9e81db'],
    ['ToAdler32', 'ToAdler32', 'Crossplane', '373097499'],
    ['ToAdler32 of unicode text', 'ToAdler32', '⡌⠁⠧⠑ ⠼⠁⠒  ⡍⠜⠇⠑⠹⠰⠎ ⡣⠕⠌', '4110427190'],
    ['ToJson of an object', 'ToJson', { foo: 'bar' }, '{"foo":"bar"}'],
  ])('Convert %s', (_name, convert, input, want) => {
    expect(s({ type: 'Convert', convert }, input)).toBe(want);
  });
  test('FromBase64 of invalid text fails with the offending byte', () => {
    sFails({ type: 'Convert', convert: 'FromBase64' }, 'ThisStringIsNotBase64', 'string is not valid base64: illegal base64 data at input byte 20');
  });
  test.each<[string, Record<string, unknown>, Value, string]>([
    ['TrimPrefix removes the prefix', { type: 'TrimPrefix', trim: 'https://' }, 'https://crossplane.io', 'crossplane.io'],
    ['TrimSuffix removes the suffix', { type: 'TrimSuffix', trim: '-test' }, 'my-string-test', 'my-string'],
    ['TrimPrefix without a match keeps the input', { type: 'TrimPrefix', trim: 'https://' }, 'crossplane.io', 'crossplane.io'],
    ['TrimSuffix without a match keeps the input', { type: 'TrimSuffix', trim: '-test' }, 'my-string', 'my-string'],
    ['Regexp returns the whole match', { type: 'Regexp', regexp: { match: '[0-9]' } }, 'my-1-string', '1'],
    ['Regexp returns a capture group', { type: 'Regexp', regexp: { match: 'my-([0-9]+)-string', group: 1 } }, 'my-1-string', '1'],
    ['Join joins with the separator', { type: 'Join', join: { separator: ',' } }, ['cross', 'plane'], 'cross,plane'],
    ['Join with an empty separator concatenates', { type: 'Join', join: { separator: '' } }, ['cross', 'plane'], 'crossplane'],
    ['Join prints other types with %v', { type: 'Join', join: { separator: '-' } }, ['cross', 'plane', 42n], 'cross-plane-42'],
    ['Replace replaces the search string', { type: 'Replace', replace: { search: 'Cr', replace: 'B' } }, 'Crossplane', 'Bossplane'],
    ['Replace without a match keeps the input', { type: 'Replace', replace: { search: 'xx', replace: 'zz' } }, 'Crossplane', 'Crossplane'],
    ['Replace with an empty replacement removes', { type: 'Replace', replace: { search: 'ss', replace: '' } }, 'Crossplane', 'Croplane'],
  ])('%s', (_name, cfg, input, want) => {
    expect(s(cfg, input)).toBe(want);
  });
  test('Regexp that does not compile fails', () => {
    sFails({ type: 'Regexp', regexp: { match: '[a-z' } }, 'my-string', 'could not compile regexp: error parsing regexp: missing closing ]: `[a-z`');
  });
  test('Regexp with a missing group fails', () => {
    sFails({ type: 'Regexp', regexp: { match: 'my-([0-9]+)-string', group: 2 } }, 'my-1-string', 'regexp "my-([0-9]+)-string" had no matches for group 2');
  });
});

describe('string: reference §3.8 rules', () => {
  const s = (cfg: Record<string, unknown>, input: Value): Value => run('string', cfg, input);
  test('%d of an XR number (float64) prints Go\'s bad-verb text', () => expect(s({ type: 'Format', fmt: 'n-%d' }, 3)).toBe('n-%!d(float64=3)'));
  test('%s of a large XR number uses exponent form', () => expect(s({ type: 'Format', fmt: '%v' }, 1000000)).toBe('1e+06'));
  test('Join drops only the last byte of a multi-byte separator', () => expect(s({ type: 'Join', join: { separator: ', ' } }, ['a', 'b'])).toBe('a, b,'));
  test('Join of an empty array is empty', () => expect(s({ type: 'Join', join: { separator: ',' } }, [])).toBe(''));
  test('Join of a non-array fails', () => fails('string', { type: 'Join', join: { separator: ',' } }, 'a', 'could not parse input array'));
  test('ToJson quotes strings', () => expect(s({ type: 'Convert', convert: 'ToJson' }, 'a<b')).toBe('"a\\u003cb"'));
  test('ToUpper acts on %v of a number', () => expect(s({ type: 'Convert', convert: 'ToUpper' }, 1e21)).toBe('1E+21'));
  test('ToBase64 of a float64 encodes its %v text', () => expect(s({ type: 'Convert', convert: 'ToBase64' }, 1000000)).toBe(Buffer.from('1e+06').toString('base64')));
  test('FromBase64 requires padding', () => fails('string', { type: 'Convert', convert: 'FromBase64' }, 'YQ', 'string is not valid base64: illegal base64 data at input byte 0'));
  test('FromBase64 ignores newlines', () => expect(s({ type: 'Convert', convert: 'FromBase64' }, 'YW\nJj')).toBe('abc'));
  test('TrimPrefix removes one occurrence only', () => expect(s({ type: 'TrimPrefix', trim: 'a' }, 'aab')).toBe('ab'));
  test('Regexp runs on %v of the input', () => expect(s({ type: 'Regexp', regexp: { match: '^[0-9]+' } }, 42n)).toBe('42'));
  test('Regexp with Go named groups works', () => expect(s({ type: 'Regexp', regexp: { match: '(?P<n>[a-z]+)-\\d', group: 1 } }, 'ab-1')).toBe('ab'));
  test('Regexp without a match fails', () => fails('string', { type: 'Regexp', regexp: { match: 'x' } }, 'abc', 'regexp "x" had no matches for group 0'));
  test('Replace with an empty search inserts around every rune like strings.ReplaceAll', () => {
    expect(s({ type: 'Replace', replace: { search: '', replace: '-' } }, 'aé')).toBe('-a-é-');
  });
  test('an unmatched optional group gives the empty string', () => expect(s({ type: 'Regexp', regexp: { match: 'a(x)?', group: 1 } }, 'a')).toBe(''));
});

// P&T compiles both kinds of pattern with Go's regexp.Compile and wraps its error
// (function-patch-and-transform v0.10.8 transforms.go: errMatchRegexpCompile "cannot compile
// regexp", errStringTransformTypeRegexpFailed "could not compile regexp"; tests ErrInvalidRegexp
// and RegexpNotCompiling). Go's regexp is RE2: no lookaround, no backreferences, linear time.
describe('regexps are Go regexps (RE2)', () => {
  const slow = 'a'.repeat(40) + 'b';
  test.each(['(a+)+$', '(a|a)+$', '(a|aa)+$'])('match pattern %s on 40 a\'s and a b returns at once', (re) => {
    const t0 = performance.now();
    expect(run('match', { patterns: [{ type: 'regexp', regexp: re, result: 'hit' }], fallbackValue: 'miss' }, slow)).toBe('miss');
    expect(performance.now() - t0).toBeLessThan(500);
  });
  test('a string Regexp transform with a catastrophic pattern returns at once', () => {
    const t0 = performance.now();
    fails('string', { type: 'Regexp', regexp: { match: '^(a+)+$' } }, slow, 'regexp "^(a+)+$" had no matches for group 0');
    expect(performance.now() - t0).toBeLessThan(500);
  });
  test.each<[string, string]>([
    ['(?=a)', 'invalid or unsupported Perl syntax: `(?=`'],
    ['(?<!a)b', 'invalid named capture: `(?<!a)b`'],
    ['(a)\\1', 'invalid escape sequence: `\\1`'],
  ])('match pattern %s fails as P&T fails', (re, cause) => {
    fails('match', { patterns: [{ type: 'regexp', regexp: re }] }, 'a', `cannot match pattern at index 0: cannot compile regexp: error parsing regexp: ${cause}`);
  });
  test('a string Regexp transform with lookahead fails as P&T fails', () => {
    fails('string', { type: 'Regexp', regexp: { match: 'a(?=b)' } }, 'ab', 'could not compile regexp: error parsing regexp: invalid or unsupported Perl syntax: `(?=`');
  });
  test('\\z, (?i) and (?P<name>) mean what Go means', () => {
    expect(run('match', { patterns: [{ type: 'regexp', regexp: '(?i)^prod\\z', result: 1 }], fallbackValue: 0 }, 'PROD')).toBe(1);
    expect(run('match', { patterns: [{ type: 'regexp', regexp: '^prod\\z', result: 1 }], fallbackValue: 0 }, 'prod\n')).toBe(0);
    expect(run('string', { type: 'Regexp', regexp: { match: '(?P<env>[a-z]+)-(?P<n>\\d+)', group: 2 } }, 'x prod-42')).toBe('42');
  });
});

describe('convert (TestConvertResolve)', () => {
  test.each<[string, Record<string, unknown>, Value, Value]>([
    ['string to bool', { toType: 'bool' }, 'true', true],
    ['string to float64', { toType: 'float64' }, '1000', 1000],
    ['a quantity string to float64', { toType: 'float64', format: 'quantity' }, '1000m', 1],
    ['the same type is a no-op', { toType: 'bool' }, true, true],
    ['int is an alias of int64', { toType: 'int' }, 1n, 1n],
    ['a JSON string to an object', { toType: 'object', format: 'json' }, '{"foo":"bar"}', { foo: 'bar' }],
    ['a JSON string to an array', { toType: 'array', format: 'json' }, '["foo", "bar", "baz"]', ['foo', 'bar', 'baz']],
    ['float64 to int64 truncates', { toType: 'int64' }, 1.1, 1n],
  ])('%s', (_name, cfg, input, want) => {
    expect(run('convert', cfg, input)).toStrictEqual(want);
  });
  test('an invalid quantity fails', () => {
    fails('convert', { toType: 'float64', format: 'quantity' }, '1000 blabla',
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
  });
  test('an array input is not supported', () => fails('convert', { toType: 'string' }, [64n], 'invalid input type []interface {}'));
  test('an unsupported format for a pair fails', () => fails('convert', { toType: 'string', format: 'quantity' }, 100n, 'conversion from int64 to string is not supported with format quantity'));
  test('an unknown toType fails validation', () => fails('convert', { toType: '[]int' }, '[64]', 'toType: Invalid value: "[]int": invalid type'));
});

describe('convert pairs (TestConvertTransformGetConversionFunc)', () => {
  test.each<[string, Record<string, unknown>, Value, Value]>([
    ['int64 to string', { toType: 'string' }, 5n, '5'],
    ['int64 to int', { toType: 'int' }, 5n, 5n],
    ['int64 to int64', { toType: 'int64' }, 5n, 5n],
    ['int64 to int via the alias', { toType: 'int' }, 7n, 7n],
    ['float64 to int', { toType: 'int' }, 2.9, 2n],
    ['bool to int', { toType: 'int' }, true, 1n],
    ['a JSON string to an object', { toType: 'object', format: 'json' }, '{}', {}],
    ['a JSON string to an array', { toType: 'array', format: 'json' }, '[]', []],
  ])('%s is supported', (_name, cfg, input, want) => {
    expect(run('convert', cfg, input)).toStrictEqual(want);
  });
  test('string to object needs the json format', () => fails('convert', { toType: 'object' }, '{}', 'conversion from string to object is not supported with format none'));
});

describe('convert: reference §3.8 table', () => {
  test.each<[string, Record<string, unknown>, Value, Value]>([
    ['string to int64', { toType: 'int64' }, '-42', -42n],
    ['string to bool accepts T', { toType: 'bool' }, 'T', true],
    ['string to bool accepts 0', { toType: 'bool' }, '0', false],
    ['string to float64 accepts exponents', { toType: 'float64' }, '1.5e3', 1500],
    ['500m quantity', { toType: 'float64', format: 'quantity' }, '500m', 0.5],
    ['1Gi quantity', { toType: 'float64', format: 'quantity' }, '1Gi', 1073741824],
    ['1.5 quantity is approximate like apimachinery', { toType: 'float64', format: 'quantity' }, '1.5', 15 * 0.1],
    ['1e3 quantity', { toType: 'float64', format: 'quantity' }, '1e3', 1000],
    ['int64 to bool is true only for 1', { toType: 'bool' }, 2n, false],
    ['int64 to float64', { toType: 'float64' }, 3n, 3],
    ['bool to string', { toType: 'string' }, false, 'false'],
    ['bool to float64', { toType: 'float64' }, true, 1],
    ['float64 to string never uses exponents', { toType: 'string' }, 1e21, '1000000000000000000000'],
    ['float64 to string is shortest', { toType: 'string' }, 0.1, '0.1'],
    ['float64 to int64 truncates toward zero', { toType: 'int64' }, -2.7, -2n],
    ['float64 to bool is true only for 1', { toType: 'bool' }, 1, true],
    ['JSON object numbers are float64', { toType: 'object', format: 'json' }, '{"a":1}', { a: 1 }],
    ['JSON null gives null', { toType: 'object', format: 'json' }, 'null', null],
  ])('%s', (_name, cfg, input, want) => {
    expect(run('convert', cfg, input)).toStrictEqual(want);
  });
  test.each<[string, Record<string, unknown>, Value, string]>([
    ['string to int64 with a bad number', { toType: 'int64' }, '1.5', 'strconv.ParseInt: parsing "1.5": invalid syntax'],
    ['string to int64 out of range', { toType: 'int64' }, '9223372036854775808', 'strconv.ParseInt: parsing "9223372036854775808": value out of range'],
    ['string to bool with yes', { toType: 'bool' }, 'yes', 'strconv.ParseBool: parsing "yes": invalid syntax'],
    ['string to float64 with text', { toType: 'float64' }, 'abc', 'strconv.ParseFloat: parsing "abc": invalid syntax'],
    ['string to float64 out of range', { toType: 'float64' }, '1e400', 'strconv.ParseFloat: parsing "1e400": value out of range'],
    ['null input', { toType: 'string' }, null, 'invalid input type <nil>'],
    ['object input', { toType: 'string' }, { a: 1 }, 'invalid input type map[string]interface {}'],
    ['bad JSON', { toType: 'object', format: 'json' }, '{"a":}', "invalid character '}' looking for beginning of value"],
    ['truncated JSON', { toType: 'object', format: 'json' }, '{"a":1', 'unexpected end of JSON input'],
    ['JSON of the wrong kind', { toType: 'object', format: 'json' }, '[1]', 'json: cannot unmarshal array into Go value of type map[string]interface {}'],
    ['JSON array of the wrong kind', { toType: 'array', format: 'json' }, '{}', 'json: cannot unmarshal object into Go value of type []interface {}'],
    ['an invalid format', { toType: 'string', format: 'yaml' }, 'a', 'format: Invalid value: "yaml": invalid format'],
    ['bool to object', { toType: 'object' }, true, 'conversion from bool to object is not supported with format none'],
  ])('%s fails', (_name, cfg, input, cause) => {
    fails('convert', cfg, input, cause);
  });
});

describe('Resolve and ResolveTransforms', () => {
  test('transforms run in order, each output feeding the next', () => {
    const out = resolveTransforms([
      { type: 'map', map: { a: 'b' } },
      { type: 'string', string: { type: 'Format', fmt: 'x-%s' } },
      { type: 'string', string: { type: 'Convert', convert: 'ToUpper' } },
    ], 'a');
    expect(out).toBe('X-B');
  });
  test('errors name the index of the failing transform', () => {
    expect(() => resolveTransforms([{ type: 'map', map: { a: 'b' } }, { type: 'map', map: { a: 'b' } }], 'a')).toThrow(
      new TransformError('transform at index 1 returned error: map transform could not resolve: key b is not found in map'),
    );
  });
  test('an unknown transform type is not supported', () => {
    expect(() => resolveTransforms([{ type: 'nope' }], 'a')).toThrow('transform at index 0 returned error: transform type nope is not supported');
  });
  test('a missing configuration is reported without the resolve wrapper', () => {
    expect(() => resolveTransforms([{ type: 'math' }], 1n)).toThrow('transform at index 0 returned error: given transform type math requires configuration');
  });
  test('no transforms return the input', () => expect(resolveTransforms([], 5n)).toBe(5n));
});

describe('properties', () => {
  const value = fc.jsonValue({ maxDepth: 2 }).map((v) => v as Value);
  const transform = fc.oneof(
    fc.record({ type: fc.constant('map'), map: fc.dictionary(fc.string({ maxLength: 3 }), fc.jsonValue({ maxDepth: 1 })) }),
    fc.record({ type: fc.constant('math'), math: fc.record({ type: fc.constantFrom('Multiply', 'ClampMin', 'ClampMax', '', 'x'), multiply: fc.oneof(fc.integer(), fc.double()), clampMin: fc.integer(), clampMax: fc.integer() }, { requiredKeys: [] }) }),
    fc.record({ type: fc.constant('string'), string: fc.record({
      type: fc.constantFrom('Format', 'Convert', 'TrimPrefix', 'TrimSuffix', 'Regexp', 'Join', 'Replace', 'x'),
      fmt: fc.string({ maxLength: 6 }), convert: fc.constantFrom('ToUpper', 'ToLower', 'ToJson', 'ToBase64', 'FromBase64', 'ToSha1', 'ToAdler32', 'x'),
      trim: fc.string({ maxLength: 3 }), regexp: fc.record({ match: fc.string({ maxLength: 6 }), group: fc.integer({ min: -1, max: 3 }) }),
      join: fc.record({ separator: fc.string({ maxLength: 2 }) }), replace: fc.record({ search: fc.string({ maxLength: 2 }), replace: fc.string({ maxLength: 2 }) }),
    }, { requiredKeys: ['type'] }) }),
    fc.record({ type: fc.constant('convert'), convert: fc.record({ toType: fc.constantFrom('string', 'int', 'int64', 'bool', 'float64', 'object', 'array', 'x'), format: fc.constantFrom('none', 'quantity', 'json', 'x') }, { requiredKeys: ['toType'] }) }),
    fc.record({ type: fc.constant('match'), match: fc.record({ patterns: fc.array(fc.record({ type: fc.constantFrom('literal', 'regexp', ''), literal: fc.string({ maxLength: 3 }), regexp: fc.string({ maxLength: 5 }), result: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: [] }), { maxLength: 2 }), fallbackTo: fc.constantFrom('Value', 'Input'), fallbackValue: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: [] }) }),
  );
  test('resolveTransform throws nothing but TransformError', () => {
    fc.assert(
      fc.property(transform, value, (t, input) => {
        try {
          resolveTransform(t, input);
        } catch (e) {
          if (!(e instanceof TransformError)) throw e;
        }
      }),
      { numRuns: 400 },
    );
  });
});
