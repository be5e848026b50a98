// Sprig v3.3.0 functions as function-go-templating registers them, checked against Sprig's own
// tests (github.com/Masterminds/sprig, tag v3.3.0, commit e708470d529a10ac1a3f02ab6fdd339b65958372):
// every runt case (sprig-cases.ts), the runtv cases with their data, and regex_test.go's direct
// calls written as templates. Nondeterministic functions are checked for shape only.
import { sprigFunctions } from '../../../../src/engine/go/sprig';
import { BYTE_SLICES, GO_STRUCTS, MaybeTV, STRING_SLICES, Template, TV } from '../../../../src/engine/go/template';
import { SPRIG_CASES, SPRIG_SKIPPED } from './sprig-cases';

const FUNCS = sprigFunctions();

function run(tpl: string, data: MaybeTV = {}): string {
  return Template.create('test').funcs(FUNCS).parse(tpl).execute(data);
}

describe('runt cases', () => {
  test.each(SPRIG_CASES)('%s %s: %s', (_file, _name, tpl, want) => {
    expect(run(tpl)).toBe(want);
  });
  test('cases left out are listed with their reason', () => {
    for (const [name, why] of Object.entries(SPRIG_SKIPPED)) console.log(`sprig ${name} not ported: ${why}`);
    expect(SPRIG_CASES.length).toBeGreaterThan(250);
  });
});

describe('runtv cases (with data)', () => {
  const top: TV = { top: {} };
  const strs = (xs: string[]): TV[] => {
    STRING_SLICES.add(xs);
    return xs;
  };
  test.each<[string, string, string, TV]>([
    ['TestEmpty', '{{if empty .top.NoSuchThing}}1{{else}}0{{end}}', '1', top],
    ['TestEmpty', '{{if empty .bottom.NoSuchThing}}1{{else}}0{{end}}', '1', top],
    ['TestCoalesce', '{{ coalesce .top.NoSuchThing .bottom .bottom.dollar "airplane"}}', 'airplane', top],
    ['TestAll', '{{ all .top.NoSuchThing .bottom .bottom.dollar "airplane"}}', 'false', top],
    ['TestAny', '{{ any .top.NoSuchThing .bottom .bottom.dollar "airplane"}}', 'true', top],
    ['TestFromJson', '{{.Input | fromJson}}', 'map[foo:55]', { Input: '{"foo": 55}' }],
    ['TestFromJson', '{{(.Input | fromJson).foo}}', '55', { Input: '{"foo": 55}' }],
    ['TestToJson', '{{.Top | toJson}}', '{"bool":true,"number":42,"string":"test"}', { Top: { bool: true, string: 'test', number: 42n } }],
    ['TestToPrettyJson', '{{.Top | toPrettyJson}}', '{\n  "bool": true,\n  "number": 42,\n  "string": "test"\n}', { Top: { bool: true, string: 'test', number: 42n } }],
    ['TestToRawJson', '{{.Top | toRawJson}}', '{"bool":true,"html":"<HEAD>","number":42,"string":"test"}', { Top: { bool: true, string: 'test', number: 42n, html: '<HEAD>' } }],
    ['TestQuote', '{{ .value | quote }}', '', { value: null }],
    ['TestSquote', '{{ .value | squote }}', '', { value: null }],
    ['TestToStrings', '{{ list 1 .value 2 | toStrings }}', '[1 2]', { value: null }],
    ['TestJoin', '{{ join "-" .V }}', 'a-b-c', { V: strs(['a', 'b', 'c']) }],
    ['TestJoin', '{{ join "-" .V }}', 'abc', { V: 'abc' }],
    ['TestJoin', '{{ join "-" .V }}', '1-2-3', { V: [1n, 2n, 3n] }],
    ['TestJoin', '{{ join "-" .value }}', '1-2', { value: ['1', null, '2'] }],
    ['TestCat', '{{ .value | cat "a" "b"}}', 'a b', { value: null }],
  ])('%s: %s', (_name, tpl, want, data) => {
    expect(run(tpl, data)).toBe(want);
  });
});

describe('regex_test.go (direct calls written as templates)', () => {
  const email = '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}';
  test.each([
    ['test@acme.com', 'true'], ['Test@Acme.Com', 'true'], ['test', 'false'], ['test.com', 'false'], ['test@acme', 'false'],
  ])('TestRegexMatch %s', (input, want) => {
    expect(run('{{ regexMatch .re .s }}', { re: email, s: input })).toBe(want);
    expect(run('{{ mustRegexMatch .re .s }}', { re: email, s: input })).toBe(want);
  });
  test.each<[string, string, number, number]>([
    ['a{2}', 'aa', -1, 1], ['a{2}', 'aaaaaaaa', 1, 1], ['a{2}', 'aaaa', -1, 2], ['a{2}', 'none', -1, 0],
  ])('TestRegexFindAll %s %s %d', (re, s, n, want) => {
    expect(run('{{ len (regexFindAll .re .s .n) }}', { re, s, n: BigInt(n) })).toBe(String(want));
    expect(run('{{ len (mustRegexFindAll .re .s .n) }}', { re, s, n: BigInt(n) })).toBe(String(want));
  });
  test.each([['foorbar', 'foo'], ['foo foe fome', 'foo'], ['none', '']])('TestRegexFind %s', (s, want) => {
    expect(run('{{ regexFind "fo.?" .s }}', { s })).toBe(want);
    expect(run('{{ mustRegexFind "fo.?" .s }}', { s })).toBe(want);
  });
  test.each([['T', '-T-T-'], ['$1', '--xx-'], ['$1W', '---'], ['${1}W', '-W-xxW-']])('TestRegexReplaceAll %s', (repl, want) => {
    expect(run('{{ regexReplaceAll "a(x*)b" "-ab-axxb-" .r }}', { r: repl })).toBe(want);
    expect(run('{{ mustRegexReplaceAll "a(x*)b" "-ab-axxb-" .r }}', { r: repl })).toBe(want);
  });
  test.each([['T', '-T-T-'], ['$1', '-$1-$1-'], ['${1}', '-${1}-${1}-']])('TestRegexReplaceAllLiteral %s', (repl, want) => {
    expect(run('{{ regexReplaceAllLiteral "a(x*)b" "-ab-axxb-" .r }}', { r: repl })).toBe(want);
    expect(run('{{ mustRegexReplaceAllLiteral "a(x*)b" "-ab-axxb-" .r }}', { r: repl })).toBe(want);
  });
  test.each<[string, string, number, number]>([
    ['a', 'banana', -1, 4], ['a', 'banana', 0, 0], ['a', 'banana', 1, 1], ['a', 'banana', 2, 2],
    ['z+', 'pizza', -1, 2], ['z+', 'pizza', 0, 0], ['z+', 'pizza', 1, 1], ['z+', 'pizza', 2, 2],
  ])('TestRegexSplit %s %s %d', (re, s, n, want) => {
    expect(run('{{ len (regexSplit .re .s .n) }}', { re, s, n: BigInt(n) })).toBe(String(want));
    expect(run('{{ len (mustRegexSplit .re .s .n) }}', { re, s, n: BigInt(n) })).toBe(String(want));
  });
  test('TestRegexQuoteMeta', () => {
    expect(run('{{ regexQuoteMeta "1.2.3" }}|{{ regexQuoteMeta "pretzel" }}')).toBe('1\\.2\\.3|pretzel');
  });
  test('an invalid pattern: must* returns the error, the plain function panics with MustCompile\'s text', () => {
    expect(() => run('{{ mustRegexFind "a(" "x" }}')).toThrow(/error calling mustRegexFind: error parsing regexp: missing closing \)/);
    expect(() => run('{{ regexFind "a(" "x" }}')).toThrow(/error calling regexFind: regexp: Compile\("a\("\): error parsing regexp/);
  });
});

describe('shape of nondeterministic functions', () => {
  test('random strings have the asked length and alphabet', () => {
    expect(run('{{ randAlphaNum 12 }}')).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(run('{{ randAlpha 7 }}')).toMatch(/^[A-Za-z]{7}$/);
    expect(run('{{ randNumeric 5 }}')).toMatch(/^[0-9]{5}$/);
    expect(run('{{ randAscii 9 | len }}')).toBe('9');
  });
  test('uuidv4 is a version 4 UUID', () => {
    expect(run('{{ uuidv4 }}')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
  test('shuffle is a permutation (TestShuffle)', () => {
    const out = run('{{ shuffle "Hello World" }}');
    expect(Array.from(out).sort().join('')).toBe(Array.from('Hello World').sort().join(''));
  });
  test('functions that are not available offline say so by name', () => {
    expect(() => run('{{ now }}')).toThrow('error calling now: now is not available in offline render: date and time functions are not implemented offline');
  });
});

describe('Go argument checking on Sprig signatures', () => {
  test('a float64 value for an int parameter is Go\'s type error', () => {
    expect(() => run('{{ indent .n "x" }}', { n: 2.5 })).toThrow('template: test:1:10: executing "test" at <.n>: wrong type for value; expected int; got float64');
  });
  test('a missing value for a string parameter', () => {
    expect(() => run('{{ upper .missing }}')).toThrow('template: test:1:9: executing "test" at <.missing>: invalid value; expected string');
  });
  test('sprig overrides the builtin slice', () => {
    expect(run('{{ slice (list 1 2 3) 1 }}')).toBe('[2 3]');
  });
});

// typeOf is fmt.Sprintf("%T", v) (sprig v3.3.0 reflect.go typeOf): reflect's type name, so a
// []string from splitList, a []byte and a struct keep their Go types.
describe('typeOf prints the Go type', () => {
  const bytes: TV[] = [104, 105];
  BYTE_SLICES.add(bytes);
  const condition: TV = { Type: 'Ready', Status: 'True' };
  GO_STRUCTS.set(condition as object, { typeName: 'v1.Condition', fields: [{ name: 'Type', json: 'type' }, { name: 'Status', json: 'status' }] });
  test.each<[string, string]>([
    ['{{ typeOf (splitList "," "a,b") }}', '[]string'],
    ['{{ typeOf .bytes }}', '[]uint8'],
    ['{{ typeOf .condition }}', 'v1.Condition'],
    ['{{ typeIs "v1.Condition" .condition }}', 'true'],
    ['{{ typeOf (list 1 2) }}', '[]interface {}'],
    ['{{ typeOf nil }}', '<nil>'],
    ['{{ typeOf 1.5 }}', 'float64'],
    ['{{ typeOf (dict "a" 1) }}', 'map[string]interface {}'],
  ])('%s', (tpl, want) => {
    expect(run(tpl, { bytes, condition })).toBe(want);
  });
});
