// Cases ported from crossplane-contrib/function-patch-and-transform pt/validate_test.go (TestValidateTransform).
import { validateTransform } from '../../../../src/engine/functions/patch-and-transform/validate';

describe('ValidateTransform (TestValidateTransform)', () => {
  test.each<[string, unknown]>([
    ['math Multiply with multiply', { type: 'math', math: { type: 'Multiply', multiply: 2 } }],
    ['math ClampMin with clampMin', { type: 'math', math: { type: 'ClampMin', clampMin: 10 } }],
    ['map with a pair', { type: 'map', map: { foo: 'bar' } }],
    ['match with a regexp pattern', { type: 'match', match: { patterns: [{ type: 'regexp', regexp: '.*' }] } }],
    ['match with literal patterns (type defaults to literal)', { type: 'match', match: { patterns: [{ type: 'literal', literal: 'foo' }, { literal: 'bar' }] } }],
    ['string Format with fmt', { type: 'string', string: { type: 'Format', fmt: 'foo' } }],
    ['convert with format none and toType int', { type: 'convert', convert: { format: 'none', toType: 'int' } }],
  ])('%s is valid', (_name, t) => {
    expect(validateTransform(t)).toBeUndefined();
  });

  test.each<[string, unknown, string]>([
    ['math Multiply without multiply', { type: 'math', math: { type: 'Multiply', clampMin: 10 } },
      'math.multiply: Required value: must specify a value if a multiply math transform is specified'],
    ['math without configuration', { type: 'math' }, 'math: Required value: given transform type math requires configuration'],
    ['map without configuration', { type: 'map', map: null }, 'map: Required value: given transform type map requires configuration'],
    ['map without pairs', { type: 'map', map: {} }, 'map.pairs: Required value: at least one pair must be specified if a map transform is specified'],
    ['match without configuration', { type: 'match' }, 'match: Required value: given transform type match requires configuration'],
    ['match without patterns', { type: 'match', match: {} }, 'match.patterns: Required value: at least one pattern must be specified if a match transform is specified'],
    ['match with an invalid regexp', { type: 'match', match: { patterns: [{ type: 'regexp', regexp: '?' }] } }, 'match.patterns[0].regexp: Invalid value: "?": invalid regexp'],
    ['string without configuration', { type: 'string' }, 'string: Required value: given transform type string requires configuration'],
    ['convert without configuration', { type: 'convert' }, 'convert: Required value: given transform type convert requires configuration'],
    ['convert with an unknown format', { type: 'convert', convert: { format: 'foo' } }, 'convert.format: Invalid value: "foo": invalid format'],
    ['convert with an unknown toType', { type: 'convert', convert: { toType: 'foo' } }, 'convert.toType: Invalid value: "foo": invalid type'],
  ])('%s is invalid', (_name, t, want) => {
    expect(validateTransform(t)?.toString()).toBe(want);
  });
});

describe('ValidateTransform: remaining P&T rules', () => {
  test.each<[string, unknown, string]>([
    ['an unknown transform type', { type: 'nope' }, 'type: Invalid value: "nope": unknown transform type'],
    ['a missing transform type', {}, 'type: Invalid value: "": unknown transform type'],
    ['math without type', { type: 'math', math: { multiply: 2 } }, 'math.type: Required value: math transform type is required'],
    ['math with an unknown type', { type: 'math', math: { type: 'Divide' } }, 'math.type: Invalid value: "Divide": unknown math transform type'],
    ['math ClampMax without clampMax', { type: 'math', math: { type: 'ClampMax' } }, 'math.clampMax: Required value: must specify a value if a clamp max math transform is specified'],
    ['match literal without literal', { type: 'match', match: { patterns: [{ type: 'literal' }] } }, 'match.patterns[0].literal: Required value: literal pattern type requires a literal'],
    ['match regexp without regexp', { type: 'match', match: { patterns: [{ literal: 'a' }, { type: 'regexp' }] } }, 'match.patterns[1].regexp: Required value: regexp pattern type requires a regexp'],
    ['match with an unknown pattern type', { type: 'match', match: { patterns: [{ type: 'glob' }] } }, 'match.patterns[0].type: Invalid value: "glob": unknown pattern type'],
    ['string without type', { type: 'string', string: { fmt: 'x' } }, 'string.type: Required value: string transform type is required'],
    ['string Format without fmt', { type: 'string', string: { type: 'Format' } }, 'string.fmt: Required value: format transform requires a format'],
    ['string Convert without convert', { type: 'string', string: { type: 'Convert' } }, 'string.convert: Required value: convert transform requires a conversion type'],
    ['string TrimPrefix without trim', { type: 'string', string: { type: 'TrimPrefix' } }, 'string.trim: Required value: trim transform requires a trim value'],
    ['string Regexp without regexp', { type: 'string', string: { type: 'Regexp' } }, 'string.regexp: Required value: regexp transform requires a regexp'],
    ['string Regexp without match', { type: 'string', string: { type: 'Regexp', regexp: {} } }, 'string.regexp.match: Required value: regexp transform requires a match'],
    ['string Regexp with an invalid match', { type: 'string', string: { type: 'Regexp', regexp: { match: '(a' } } }, 'string.regexp.match: Invalid value: "(a": invalid regexp'],
    ['string Join without join', { type: 'string', string: { type: 'Join' } }, 'string.join: Required value: join transform requires a join'],
    ['string Replace without replace', { type: 'string', string: { type: 'Replace' } }, 'string.replace: Required value: replace transform requires a replace'],
    ['string Replace without search', { type: 'string', string: { type: 'Replace', replace: { replace: 'x' } } }, 'string.replace.search: Required value: replace transform requires a search'],
    ['string with an unknown type', { type: 'string', string: { type: 'Reverse' } }, 'string.type: Invalid value: "Reverse": unknown string transform type'],
    ['convert with an empty format', { type: 'convert', convert: { format: '', toType: 'string' } }, 'convert.format: Invalid value: "": invalid format'],
  ])('%s is invalid', (_name, t, want) => {
    expect(validateTransform(t)?.toString()).toBe(want);
  });

  test('a regexp that Go accepts but JS cannot express is not reported as invalid', () => {
    expect(validateTransform({ type: 'match', match: { patterns: [{ type: 'regexp', regexp: 'a(?i:b)' }] } })).toBeUndefined();
  });
});
