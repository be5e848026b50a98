// Go RE2 syntax and semantics (expectations follow Go's regexp package), no upstream test file.
import { compileGoRegexp, GoRegexpSyntaxError, GoRegexpUnsupportedError } from '../../../src/engine/go/regexp';

describe('Go regexp semantics', () => {
  test.each<[string, string, boolean]>([
    ['(?P<name>\\w+)-\\d', 'abc-1', true],
    ['\\Aab\\z', 'ab', true],
    ['\\Aab\\z', 'ab\n', false],
    ['a$', 'a\n', false],
    ['a.b', 'a\rb', true],
    ['a.b', 'a\nb', false],
    ['(?s)a.b', 'a\nb', true],
    ['^\\s$', '\x0b', false],
    ['^\\s$', '\t', true],
    ['^[\\s]$', '\u00a0', false],
    ['^[[:alpha:]]+$', 'abc', true],
    ['^[[:^digit:]]+$', 'ab1', false],
    ['^\\Q.*\\E$', '.*', true],
    ['^\\Q.*\\E$', 'ab', false],
    ['^\\pL+$', 'héllo', true],
    ['^\\p{Greek}+$', 'αβγ', true],
    ['^x{2,3}$', 'xxx', true],
    ['^a{,2}$', 'a{,2}', true],
    ['^\\x{41}\\x42$', 'AB', true],
    ['^\\101$', 'A', true],
    ['^\\-\\#$', '-#', true],
    ['(?i)abc', 'xABCx', true],
    ['(?m)^b$', 'a\nb\nc', true],
    ['^b', 'a\nb', false],
    ['^.$', '😀', true],
    ['a]', 'a]', true],
    ['a+?b', 'aab', true],
    ['^[a-b-c]+$', 'a-c', true],
    ['^[\\d-z]+$', '1-z', true],
    ['^[\\d-z]+$', 'y', false],
    ['^[\\x41-\\x43]+$', 'ABC', true],
    ['^[^\\n]$', '\r', true],
  ])('%s matching %p is %p', (re, input, want) => {
    expect(compileGoRegexp(re).test(input)).toBe(want);
  });

  test('submatches follow leftmost-first semantics', () => {
    expect(compileGoRegexp('(a|ab)(c|bcd)').exec('abcd')?.slice(0, 3)).toEqual(['abcd', 'a', 'bcd']);
  });
});

describe('Go regexp syntax errors', () => {
  test.each<[string, string]>([
    ['(abc', 'error parsing regexp: missing closing ): `(abc`'],
    ['a)', 'error parsing regexp: unexpected ): `a)`'],
    ['a**', 'error parsing regexp: invalid nested repetition operator: `**`'],
    ['*', 'error parsing regexp: missing argument to repetition operator: `*`'],
    ['?=', 'error parsing regexp: missing argument to repetition operator: `?`'],
    ['[a-z', 'error parsing regexp: missing closing ]: `[a-z`'],
    ['\\1', 'error parsing regexp: invalid escape sequence: `\\1`'],
    ['(?=a)', 'error parsing regexp: invalid or unsupported Perl syntax: `(?=`'],
    ['a{1001}', 'error parsing regexp: invalid repeat count: `{1001}`'],
  ])('%s is rejected', (re, message) => {
    expect(() => compileGoRegexp(re)).toThrow(new GoRegexpSyntaxError(message));
  });
  test('an inverted class range is rejected', () => {
    expect(() => compileGoRegexp('[z-a]')).toThrow(new GoRegexpSyntaxError('error parsing regexp: invalid character class range: `z-a`'));
  });
});

describe('Go syntax that cannot be evaluated faithfully', () => {
  test.each(['a(?i:b)', '(?U)a*', 'x(?s)y', '^*a'])('%s is reported instead of silently differing', (re) => {
    expect(() => compileGoRegexp(re)).toThrow(GoRegexpUnsupportedError);
  });
});
