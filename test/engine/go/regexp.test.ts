// Go's regexp package (RE2). Tables ported from golang/go src/regexp (find_test.go `findTests`,
// all_test.go `badRe`, `replaceTests`, `replaceLiteralTests`, `splitTests`, `metaTests`,
// `subexpCases`; read at commit 11d83d11 of all_test.go and 0b434f31 of find_test.go). Go's
// offsets are UTF-8 byte offsets and ours UTF-16 ones, so only rows whose text is ASCII are
// compared by offset; rows with multibyte text are compared by the substrings they delimit.
import { compileGoRegexp, GoRegexpSyntaxError, goRegexpSyntaxError, quoteMeta } from '../../../src/engine/go/regexp';

/** Go's `build(n, x...)`: n matches of len(x)/n offsets each. */
function build(n: number, ...x: number[]): number[][] {
  const len = x.length / n;
  return Array.from({ length: n }, (_, i) => x.slice(i * len, (i + 1) * len));
}

describe('FindAllStringSubmatchIndex (find_test.go findTests, ASCII rows)', () => {
  test.each<[string, string, number, number[][] | null]>([
    ['', '', -1, build(1, 0, 0)],
    ['^abcdefg', 'abcdefg', -1, build(1, 0, 7)],
    ['a+', 'baaab', -1, build(1, 1, 4)],
    ['a', 'bababaab', -1, build(4, 1, 2, 3, 4, 5, 6, 6, 7)],
    ['a', 'bababaab', 0, null],
    ['a', 'bababaab', 2, build(2, 1, 2, 3, 4)],
    ['a', 'bababaab', 5, build(4, 1, 2, 3, 4, 5, 6, 6, 7)],
    ['x', 'y', -1, null],
    ['$', 'abcde', -1, build(1, 5, 5)],
    ['^abcd$', 'abcde', -1, null],
    ['a*', 'baaab', -1, build(3, 0, 0, 1, 4, 5, 5)],
    ['[a\\-\\]z]+', 'az]-bcz', -1, build(2, 0, 4, 6, 7)],
    ['[^\\n]+', 'abcd\n', -1, build(1, 0, 4)],
    ['()', '', -1, build(1, 0, 0, 0, 0)],
    ['(([^xyz]*)(d))', 'abcd', -1, build(1, 0, 4, 0, 4, 0, 3, 3, 4)],
    ['((a|b|c)*(d))', 'abcd', -1, build(1, 0, 4, 0, 4, 2, 3, 3, 4)],
    ['\\a\\f\\n\\r\\t\\v', '\x07\f\n\r\t\v', -1, build(1, 0, 6)],
    ['a*(|(b))c*', 'aacc', -1, build(1, 0, 4, 2, 2, -1, -1)],
    ['/$', '/abc', -1, null],
    ['a(b*)', 'abbaab', -1, build(3, 0, 3, 1, 3, 3, 4, 4, 4, 4, 6, 5, 6)],
    ['(aa)*$', 'a', -1, build(1, 1, 1, -1, -1)],
    ['(?:.|(?:.a))', '', -1, null],
    ['(a){0}', '', -1, build(1, 0, 0, -1, -1)],
    ['(?-s)(?:(?:^).)', '\n', -1, null],
    ['(?s)(?:(?:^).)', '\n', -1, build(1, 0, 1)],
    ['\\b', 'xx yy', -1, build(4, 0, 0, 2, 2, 3, 3, 5, 5)],
    ['\\B', 'xx yy', -1, build(2, 1, 1, 4, 4)],
    ['(|a)*', 'aa', -1, build(3, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2)],
    ['0A|0[aA]', '0a', -1, build(1, 0, 2)],
    ['[^\\S\\s]', 'abcd', -1, null],
    ['[^\\D[:digit:]]', 'abcd', -1, null],
    ['(?i)\\W', 'k', -1, null],
    ['\\!\\"\\#\\$\\%\\&\\\'\\(\\)\\*\\+\\,\\-\\.\\/\\:\\;\\<\\=\\>\\?\\@\\[\\\\\\]\\^\\_\\{\\|\\}\\~', '!"#$%&\'()*+,-./:;<=>?@[\\]^_{|}~', -1, build(1, 0, 31)],
    ['\\`', '`', -1, build(1, 0, 1)],
  ])('%s on %p (max %p)', (pat, text, max, want) => {
    const re = compileGoRegexp(pat);
    expect(re.toString()).toBe(pat);
    expect(re.findAllStringSubmatchIndex(text, max)).toEqual(want);
    expect(re.test(text)).toBe(want !== null || max === 0);
  });

  test('multibyte text: matches never split a character (findTests "[^\\u65e5]")', () => {
    expect(compileGoRegexp('[^\u65e5]').findAllString('abc\u65e5def', -1)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(compileGoRegexp('[a-c]*').findAllString('\u65e5', -1)).toEqual(['', '']);
    expect(compileGoRegexp('(.)(.)').findStringSubmatch('日a')).toEqual(['日a', '日', 'a']);
  });

  test('FindStringSubmatch gives "" for a group that did not take part, FindString "" for no match', () => {
    expect(compileGoRegexp('a*(|(b))c*').findStringSubmatch('aacc')).toEqual(['aacc', '', '']);
    expect(compileGoRegexp('x').findStringSubmatch('y')).toBeNull();
    expect(compileGoRegexp('x').findString('y')).toBe('');
  });

  test('leftmost-first submatches', () => {
    expect(compileGoRegexp('(a|ab)(c|bcd)').findStringSubmatch('abcd')).toEqual(['abcd', 'a', 'bcd']);
  });
});

describe('Go syntax and semantics beyond JavaScript RegExp', () => {
  test.each<[string, string, boolean]>([
    ['(?P<name>\\w+)-\\d', 'abc-1', true],
    ['(?<name>\\w+)-\\d', 'abc-1', true],
    ['\\Aab\\z', 'ab', true],
    ['\\Aab\\z', 'ab\n', false],
    ['a$', 'a\n', false],
    ['a.b', 'a\rb', true],
    ['a.b', 'a\nb', false],
    ['(?s)a.b', 'a\nb', true],
    ['^\\s$', '\x0b', false],
    ['^[\\s]$', '\u00a0', false],
    ['^[[:alpha:]]+$', 'abc', true],
    ['^[[:^digit:]]+$', 'ab1', false],
    ['^\\Q.*\\E$', '.*', true],
    ['^\\pL+$', 'héllo', true],
    ['^\\p{Greek}+$', 'αβγ', true],
    ['^a{,2}$', 'a{,2}', true],
    ['^\\x{41}\\x42\\101$', 'ABA', true],
    ['(?i)abc', 'xABCx', true],
    ['a(?i:b)c', 'aBc', true],
    ['a(?i:b)c', 'aBC', false],
    ['(?m)^b$', 'a\nb\nc', true],
    ['^.$', '😀', true],
    ['^[^\\n]$', '\r', true],
    ['^*a', 'a', true],
  ])('%s matching %p is %p', (re, input, want) => {
    expect(compileGoRegexp(re).test(input)).toBe(want);
  });

  test('(?U) swaps greedy and lazy repetition', () => {
    expect(compileGoRegexp('(?U)a+').findString('aaa')).toBe('a');
    expect(compileGoRegexp('(?U)a+?').findString('aaa')).toBe('aaa');
  });

  test('SubexpNames (all_test.go subexpCases)', () => {
    const re = compileGoRegexp('(?P<foo>.*)(?P<bar>(a)b)(?P<baz>.*)a');
    expect(re.numSubexp()).toBe(4);
    expect(re.subexpNames()).toEqual(['', 'foo', 'bar', '', 'baz']);
  });
});

describe('syntax errors (all_test.go badRe and Go parse errors)', () => {
  test.each<[string, string]>([
    ['*', 'missing argument to repetition operator: `*`'],
    ['+', 'missing argument to repetition operator: `+`'],
    ['?', 'missing argument to repetition operator: `?`'],
    ['(abc', 'missing closing ): `(abc`'],
    ['abc)', 'unexpected ): `abc)`'],
    ['x[a-z', 'missing closing ]: `[a-z`'],
    ['[z-a]', 'invalid character class range: `z-a`'],
    ['abc\\', 'trailing backslash at end of expression: ``'],
    ['a**', 'invalid nested repetition operator: `**`'],
    ['a*+', 'invalid nested repetition operator: `*+`'],
    ['\\x', 'invalid escape sequence: `\\x`'],
    // What JavaScript users write and Go does not have.
    ['(?=a)', 'invalid or unsupported Perl syntax: `(?=`'],
    ['(?!a)', 'invalid or unsupported Perl syntax: `(?!`'],
    ['(?<=a)b', 'invalid named capture: `(?<=a)b`'],
    ['(a)\\1', 'invalid escape sequence: `\\1`'],
    ['\\k<n>', 'invalid escape sequence: `\\k`'],
    ['a{1001}', 'invalid repeat count: `{1001}`'],
    ['(a{1000}){1000}', 'invalid repeat count: `{1000}`'],
  ])('%s is rejected', (re, message) => {
    expect(() => compileGoRegexp(re)).toThrow(new GoRegexpSyntaxError(`error parsing regexp: ${message}`));
    expect(goRegexpSyntaxError(re)?.message).toBe(`error parsing regexp: ${message}`);
  });

  test('nesting deeper than Go\'s limit of 1000 reports the whole pattern', () => {
    const re = '('.repeat(1001) + ')'.repeat(1001);
    expect(goRegexpSyntaxError(re)?.message).toBe(`error parsing regexp: expression nests too deeply: \`${re}\``);
  });

  test('accepted patterns give no syntax error', () => {
    expect(goRegexpSyntaxError('^[a-z0-9]([-a-z0-9]*[a-z0-9])?$')).toBeUndefined();
  });
});

describe('ReplaceAllString (all_test.go replaceTests)', () => {
  // The rows with a group name used twice, `(?P<x>hi)|(?P<x>bye)`, are not ported: re2js
  // rejects duplicate names ("duplicate capture group name"), as Go releases before that
  // change did.
  test.each<[string, string, string, string]>([
    ['', '', '', ''],
    ['', 'x', '', 'x'],
    ['', 'x', 'abc', 'xaxbxcx'],
    ['b', 'x', 'abc', 'axc'],
    ['y', 'x', 'abc', 'abc'],
    ['[a-c]*', 'x', '\u65e5', 'x\u65e5x'],
    ['[^\u65e5]', 'x', 'abc\u65e5def', 'xxx\u65e5xxx'],
    ['^[a-c]*', 'x', 'abcdabc', 'xdabc'],
    ['[a-c]*$', 'x', 'abcdabc', 'abcdx'],
    ['^[a-c]*$', 'x', 'abcdabc', 'abcdabc'],
    ['[a-c]*$', 'x', 'dabce', 'dabcex'],
    ['^[a-c]*', 'x', '', 'x'],
    ['[a-c]+$', 'x', '', ''],
    ['x', 'xXx', 'xxxXxxx', 'xXxxXxxXxXxXxxXxxXx'],
    ['[a-c]*', 'x', 'def', 'xdxexfx'],
    ['[a-c]+', 'x', 'abcbcdcdedef', 'xdxdedef'],
    ['[a-c]*', 'x', 'abcbcdcdedef', 'xdxdxexdxexfx'],
    ['a+', '($0)', 'banana', 'b(a)n(a)n(a)'],
    ['a+', '(${0})$0', 'banana', 'b(a)an(a)an(a)a'],
    ['hello, (.+)', 'goodbye, ${1}', 'hello, world', 'goodbye, world'],
    ['hello, (.+)', 'goodbye, $1x', 'hello, world', 'goodbye, '],
    ['hello, (.+)', 'goodbye, ${1}x', 'hello, world', 'goodbye, worldx'],
    ['hello, (.+)', '<$0><$1><$2><$3>', 'hello, world', '<hello, world><world><><>'],
    ['hello, (?P<noun>.+)', 'goodbye, $noun!', 'hello, world', 'goodbye, world!'],
    ['hello, (?P<noun>.+)', 'goodbye, ${noun}', 'hello, world', 'goodbye, world'],
    ['a+', '${oops', 'aaa', '${oops'],
    ['a+', '$$', 'aaa', '$'],
    ['a+', '$', 'aaa', '$'],
    ['(x)?', '$1', '123', '123'],
    ['(a)(b){0}(c)', '.$1|$3.', 'xacxacx', 'x.a|c.x.a|c.x'],
    ['((a(b){0}){3}){5}(h)', 'y caramb$2', 'say aaaaaaaaaaaaaaaah', 'say ay caramba'],
  ])('%s with %p on %p gives %p', (pattern, repl, input, output) => {
    expect(compileGoRegexp(pattern).replaceAllString(input, repl)).toBe(output);
  });

  test.each<[string, string, string, string]>([
    ['a+', '(${0})$0', 'banana', 'b(${0})$0n(${0})$0n(${0})$0'],
    ['hello, (?P<noun>.+)', 'goodbye, $noun!', 'hello, world', 'goodbye, $noun!'],
    ['a+', '$$', 'aaa', '$$'],
  ])('ReplaceAllLiteralString %s with %p on %p gives %p (replaceLiteralTests)', (pattern, repl, input, output) => {
    expect(compileGoRegexp(pattern).replaceAllLiteralString(input, repl)).toBe(output);
  });
});

describe('Split (all_test.go splitTests)', () => {
  test.each<[string, string, number, string[]]>([
    ['foo:and:bar', ':', -1, ['foo', 'and', 'bar']],
    ['foo:and:bar', ':', 2, ['foo', 'and:bar']],
    ['foo:and:bar', 'foo', -1, ['', ':and:bar']],
    ['baabaab', 'a*', -1, ['b', 'b', 'b']],
    ['baabaab', 'ba*', -1, ['', '', '', '']],
    ['foobar', 'f*b*', -1, ['', 'o', 'o', 'a', 'r']],
    ['a,b,c,d,e,f', ',', 0, []],
    ['', ',', -1, ['']],
    ['', '', -1, []],
    ['foobar', '', -1, ['f', 'o', 'o', 'b', 'a', 'r']],
    ['abaabaccadaaae', 'a*', 5, ['', 'b', 'b', 'c', 'cadaaae']],
    [':x:y:z:', ':', -1, ['', 'x', 'y', 'z', '']],
  ])('%p split by %s (n=%p)', (s, r, n, out) => {
    expect(compileGoRegexp(r).split(s, n)).toEqual(out);
  });
});

describe('QuoteMeta (all_test.go metaTests)', () => {
  test.each<[string, string]>([
    ['foo', 'foo'],
    ['日本語+', '日本語\\+'],
    ['foo\\.\\$', 'foo\\\\\\.\\\\\\$'],
    ['!@#$%^&*()_+-=[{]}\\|,<.>/?~', '!@#\\$%\\^&\\*\\(\\)_\\+-=\\[\\{\\]\\}\\\\\\|,<\\.>/\\?~'],
  ])('%s', (pattern, quoted) => {
    expect(quoteMeta(pattern)).toBe(quoted);
    expect(compileGoRegexp(quoted).replaceAllString(`abc${pattern}def`, 'xyz')).toBe('abcxyzdef');
  });
});

describe('linear time', () => {
  // A backtracking engine needs ~2^40 steps for these; RE2 needs one pass over the input.
  test.each(['(a+)+$', '(a|a)+$', '(a*)*$', '(?:a|aa)+$', '^(a+)+b$'])('%s against 40 a\'s and a b returns at once', (pattern) => {
    const re = compileGoRegexp(pattern);
    const input = 'a'.repeat(40) + 'b';
    const t0 = performance.now();
    re.test(input);
    re.findStringSubmatch(input);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
