import {
  conversionProblem, ConvertFormat, ConvertToType, MatchPattern, StringConversion, Transform, transformChainProblems, TransformType,
} from '../../src/pt';

describe('Transform factories emit the P&T wire format (reference §3.8)', () => {
  test.each<[string, () => Transform, Record<string, unknown>]>([
    ['map', () => Transform.map({ eu: 'europe-west1', us: 'us-east1' }), { type: 'map', map: { eu: 'europe-west1', us: 'us-east1' } }],
    ['map with non-string values', () => Transform.map({ small: 1, big: { cpu: 4 } }), { type: 'map', map: { small: 1, big: { cpu: 4 } } }],
    ['match literal', () => Transform.match([MatchPattern.literal('a', 'x')]),
      { type: 'match', match: { patterns: [{ type: 'literal', literal: 'a', result: 'x' }] } }],
    ['match regexp with fallback value', () => Transform.match([MatchPattern.regexp('^eu-', 'EU')], { fallbackValue: 'other' }),
      { type: 'match', match: { patterns: [{ type: 'regexp', regexp: '^eu-', result: 'EU' }], fallbackValue: 'other' } }],
    ['match falling back to input', () => Transform.match([MatchPattern.literal('a', 1)], { fallbackToInput: true }),
      { type: 'match', match: { patterns: [{ type: 'literal', literal: 'a', result: 1 }], fallbackTo: 'Input' } }],
    ['match with null fallback', () => Transform.match([MatchPattern.literal('a', 'b')], { fallbackValue: null }),
      { type: 'match', match: { patterns: [{ type: 'literal', literal: 'a', result: 'b' }], fallbackValue: null } }],
    ['math multiply', () => Transform.math.multiply(1024), { type: 'math', math: { type: 'Multiply', multiply: 1024 } }],
    ['math clampMin', () => Transform.math.clampMin(1), { type: 'math', math: { type: 'ClampMin', clampMin: 1 } }],
    ['math clampMax', () => Transform.math.clampMax(-5), { type: 'math', math: { type: 'ClampMax', clampMax: -5 } }],
    ['string format', () => Transform.string.format('%s-sa'), { type: 'string', string: { type: 'Format', fmt: '%s-sa' } }],
    ['string trimPrefix', () => Transform.string.trimPrefix('projects/'), { type: 'string', string: { type: 'TrimPrefix', trim: 'projects/' } }],
    ['string trimSuffix', () => Transform.string.trimSuffix('.com'), { type: 'string', string: { type: 'TrimSuffix', trim: '.com' } }],
    ['string regexp', () => Transform.string.regexp('^projects/(.+)$'), { type: 'string', string: { type: 'Regexp', regexp: { match: '^projects/(.+)$' } } }],
    ['string regexp with group', () => Transform.string.regexp('^projects/(.+)$', 1),
      { type: 'string', string: { type: 'Regexp', regexp: { match: '^projects/(.+)$', group: 1 } } }],
    ['string regexp with group 0', () => Transform.string.regexp('a', 0), { type: 'string', string: { type: 'Regexp', regexp: { match: 'a', group: 0 } } }],
    ['string join', () => Transform.string.join(','), { type: 'string', string: { type: 'Join', join: { separator: ',' } } }],
    ['string join with empty separator', () => Transform.string.join(''), { type: 'string', string: { type: 'Join', join: { separator: '' } } }],
    ['string replace', () => Transform.string.replace('_', '-'), { type: 'string', string: { type: 'Replace', replace: { search: '_', replace: '-' } } }],
    ['string replace with empty replacement', () => Transform.string.replace('-dev', ''),
      { type: 'string', string: { type: 'Replace', replace: { search: '-dev', replace: '' } } }],
    ['convert to string', () => Transform.convert(ConvertToType.STRING), { type: 'convert', convert: { toType: 'string' } }],
    ['convert with a literal type', () => Transform.convert('int64'), { type: 'convert', convert: { toType: 'int64' } }],
    ['convert quantity', () => Transform.convert(ConvertToType.FLOAT64, { format: ConvertFormat.QUANTITY }),
      { type: 'convert', convert: { toType: 'float64', format: 'quantity' } }],
    ['convert json', () => Transform.convert('object', { format: 'json' }), { type: 'convert', convert: { toType: 'object', format: 'json' } }],
    ['convert explicit none', () => Transform.convert('bool', { format: 'none' }), { type: 'convert', convert: { toType: 'bool', format: 'none' } }],
  ])('%s', (_name, build, expected) => {
    expect(build()._toJson()).toStrictEqual(expected);
  });

  test.each(Object.values(StringConversion))('string convert %s', conversion => {
    expect(Transform.string.convert(conversion)._toJson()).toStrictEqual({ type: 'string', string: { type: 'Convert', convert: conversion } });
  });

  test('ToAdler32 is offered although the input CRD does not list it', () => {
    expect(Transform.string.convert('ToAdler32')._toJson()).toStrictEqual({ type: 'string', string: { type: 'Convert', convert: 'ToAdler32' } });
  });

  test('the type getter names the P&T transform type', () => {
    expect(Transform.math.multiply(2).type).toBe(TransformType.MATH);
    expect(Transform.convert('string').type).toBe(TransformType.CONVERT);
  });

  test('values are copied, so later changes to the input do not leak in', () => {
    const pairs: Record<string, unknown> = { a: { x: 1 } };
    const t = Transform.map(pairs);
    (pairs.a as { x: number }).x = 2;
    const json = t._toJson();
    (json.map as Record<string, unknown>).b = 1;
    expect(t._toJson()).toStrictEqual({ type: 'map', map: { a: { x: 1 } } });
  });
});

describe('Transform eager validation (what P&T rejects)', () => {
  test('fails if a map has no pairs', () => {
    expect(() => Transform.map({})).toThrow(/Transform.map pairs must have at least one entry, got '\{\}'/);
  });
  test('fails if a map value is not JSON', () => {
    expect(() => Transform.map({ a: undefined })).toThrow(/must be a JSON value/);
  });
  test('fails if a match has no patterns', () => {
    expect(() => Transform.match([])).toThrow(/at least one pattern/);
  });
  test('fails if a match sets both fallbackValue and fallbackToInput', () => {
    expect(() => Transform.match([MatchPattern.literal('a', 'b')], { fallbackValue: 'x', fallbackToInput: true })).toThrow(/cannot set both/);
  });
  // Other syntax errors carry Go's regexp/syntax text (ErrMissingParen: "missing closing )").
  test.each([
    ['(unclosed', /error parsing regexp: missing closing \): `\(unclosed`/],
    ['(?<=behind)', /lookahead and lookbehind/],
    ['(?=ahead)', /lookahead/],
    ['(a)\\1', /backreferences/],
    ['a{1001}', /1000/],
    ['a++', /possessive/],
    ['\\u0041', /invalid escape sequence '\\u'/],
    ['\\Z', /invalid escape sequence/],
    ['(?<name>a)\\k<name>', /invalid escape sequence '\\k'/],
  ])('fails if a match regexp is not valid RE2: %s', (re, msg) => {
    expect(() => MatchPattern.regexp(re, 'x')).toThrow(msg);
  });
  test.each(['(?i)^eu', '(?P<region>[a-z]+)-\\d', '\\Aabc\\z', '[[:alpha:]]+', '\\pL+', '(?s:.)', '\\p{Greek}+', '\\Qa.b(c\\E', '\\\\1', '[\\d\\pN]'])('accepts the Go-only regexp syntax %s', re => {
    expect(() => MatchPattern.regexp(re, 'x')).not.toThrow();
  });
  test('fails if a literal pattern is not a string', () => {
    expect(() => MatchPattern.literal(1 as unknown as string, 'x')).toThrow(/MatchPattern.literal value must be a string, got '1'/);
  });
  test('fails if a math operand is not an integer', () => {
    expect(() => Transform.math.multiply(1.5)).toThrow(/operand must be an integer, got '1.5'/);
  });
  test('fails if a regexp transform has an empty match', () => {
    expect(() => Transform.string.regexp('')).toThrow(/must be a non-empty regular expression/);
  });
  test('fails if a regexp transform does not compile', () => {
    expect(() => Transform.string.regexp('[a-')).toThrow(/must be a valid Go regular expression, got '\[a-'/);
  });
  test('fails if a regexp group is negative', () => {
    expect(() => Transform.string.regexp('a', -1)).toThrow(/group must be a non-negative integer/);
  });
  test('fails if a replace search is empty', () => {
    expect(() => Transform.string.replace('', 'x')).toThrow(/search must be a non-empty string/);
  });
  test('fails if a string conversion is unknown', () => {
    expect(() => Transform.string.convert('ToTitle' as StringConversion)).toThrow(/conversion must be one of .*ToAdler32, got 'ToTitle'/);
  });
  test('fails if a convert type is unknown', () => {
    expect(() => Transform.convert('uint' as ConvertToType)).toThrow(/toType must be one of/);
  });
  test('fails if a convert format is unknown', () => {
    expect(() => Transform.convert('string', { format: 'yaml' as ConvertFormat })).toThrow(/format must be one of/);
  });
});

describe('convert table (reference §3.8)', () => {
  test.each([
    ['string', 'int64', 'none'], ['string', 'int', 'none'], ['string', 'bool', 'none'], ['string', 'float64', 'none'],
    ['string', 'float64', 'quantity'], ['string', 'object', 'json'], ['string', 'array', 'json'],
    ['int64', 'string', 'none'], ['int64', 'bool', 'none'], ['int64', 'float64', 'none'],
    ['bool', 'string', 'none'], ['bool', 'int64', 'none'], ['bool', 'float64', 'none'],
    ['float64', 'string', 'none'], ['float64', 'int64', 'none'], ['float64', 'bool', 'none'],
    ['string', 'string', 'none'], ['float64', 'float64', 'none'],
  ] as const)('%s to %s with format %s is supported', (from, to, format) => {
    expect(conversionProblem(from, to, format)).toBeUndefined();
  });
  test.each([
    ['string', 'object', 'none', /use format 'json'/],
    ['string', 'float64', 'json', /use format 'none' or 'quantity'/],
    ['float64', 'object', 'none', /not in P&T's convert table/],
    ['bool', 'array', 'json', /not supported with format json/],
    ['int64', 'string', 'quantity', /use format 'none'/],
    ['object', 'string', 'none', /cannot take a map input/],
  ] as const)('%s to %s with format %s is rejected', (from, to, format, msg) => {
    expect(conversionProblem(from, to, format)).toMatch(msg);
  });
});

describe('transform chains', () => {
  test('fails if a string transform feeds a math transform', () => {
    expect(transformChainProblems([Transform.string.format('%s'), Transform.math.multiply(2)], 'p.')).toEqual([
      expect.stringMatching(/^p.transforms\[1\] a math transform needs a number input, got string: insert Transform.convert/),
    ]);
  });
  test('fails if a math transform feeds a map transform', () => {
    expect(transformChainProblems([Transform.math.multiply(2), Transform.map({ a: 'b' })], '')).toEqual([
      expect.stringMatching(/transforms\[1\] a map transform needs a string input, got float64/),
    ]);
  });
  test('fails if a string is converted to an object without format json', () => {
    expect(transformChainProblems([Transform.string.trimPrefix('x'), Transform.convert('object')], '')[0]).toMatch(/use format 'json'/);
  });
  test('fails if a string transform feeds a join', () => {
    expect(transformChainProblems([Transform.string.trimPrefix('x'), Transform.string.join(',')], '')[0]).toMatch(/Join transform needs an array input/);
  });
  test('a map with string values may feed a match', () => {
    expect(transformChainProblems([Transform.map({ a: 'b' }), Transform.match([MatchPattern.literal('b', 'c')])], '')).toEqual([]);
  });
  test('a map with number values may not feed a match', () => {
    expect(transformChainProblems([Transform.map({ a: 1 }), Transform.match([MatchPattern.literal('b', 'c')])], '')).toHaveLength(1);
  });
  test('a convert to string may feed a map', () => {
    expect(transformChainProblems([Transform.convert('string'), Transform.map({ '3': 'c' })], '')).toEqual([]);
  });
  test('a map with mixed values is not checked further', () => {
    expect(transformChainProblems([Transform.map({ a: 1, b: 'x' }), Transform.math.multiply(2)], '')).toEqual([]);
  });
});
