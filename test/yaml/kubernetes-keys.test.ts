/**
 * Plain values and mapping keys as Kubernetes reads them. Expectations from upstream:
 * - kubernetes-sigs/yaml, commit 53ce8bbaa29cd2c835bc0a96e6a849774442d67b, goyaml.v2/decode_test.go
 *   `unmarshalTests`, the rows decoded into interface{} (map[string]interface{} or M): ints,
 *   floats, bools from the spec, "Base 60 floats are obsolete and unsupported" (`1:1` is a
 *   string), bug 1243827 (`-b_c`), timestamps into interface{} stay strings; and
 *   goyaml.v2/resolve.go (commit 742f5e6f06b9847d2d7e4efa2fe6587f64897ad0) `resolve`, where a
 *   number strconv cannot hold (`1e400`: ParseFloat's range error) stays a string.
 * - kubernetes-sigs/yaml, commit aadfabb7d36952151672ec164d4220a6f0e31f63 (v1.6.0 + 5),
 *   yaml_test.go TestYAMLToJSON: the cases "boolean key", "boolean key (no)", "integer key",
 *   "float key", "large integer key", "large integer key (scientific notation)", "string key
 *   (...)", and "~ key" / "null key" (errors).
 * - the same commit, yaml.go convertToJSONableObject: int keys in decimal, float keys with
 *   strconv.FormatFloat(f, 'g', -1, 32) (+Inf as .inf, -Inf as -.inf, NaN as .nan), bool keys
 *   true/false, any other type `unsupported map key of type: %s, key: %+#v, value: %+#v`;
 *   go.yaml.in/yaml/v2 resolve.go (the copy in the same repository, goyaml.v2/resolve.go) types
 *   plain scalars: strconv.ParseInt(s, 0, 64) after dropping `_`, then ParseUint (uint64, which
 *   the conversion refuses), then floats.
 * - gopkg.in/yaml.v2 v2.4.0 decode.go (d.mapping, line 672) and gopkg.in/yaml.v3 decode.go
 *   (d.mapping): a mapping or sequence key decoded into interface{} fails with
 *   `invalid map key: %#v`, behind failf's `yaml: ` prefix.
 */
import { decodeManifests } from '../../src/engine/functions/go-templating/decode';
import { newTemplate } from '../../src/engine/functions/go-templating';
import { parsePlainYamlStream } from '../../src/yaml/plain-yaml';
import { parseYamlStream } from '../../src/yaml/read-yaml';

const read = (text: string) => parseYamlStream(text, 'keys.yaml', { intAsBigInt: true });
const valueOf = (text: string) => {
  const r = read(text);
  expect(r.problems).toEqual([]);
  return r.documents[0].value;
};
const manifest = (body: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n${body}`;

describe('plain values are typed as go-yaml v2 types them, by both readers', () => {
  test.each<[string, unknown]>([
    // decode_test.go unmarshalTests, into interface{}
    ['v: 10', 10n],
    ['v: 0b10', 2n],
    ['v: 0xA', 10n],
    ['v: 0.1', 0.1],
    ['v: .1', 0.1],
    ['v: -10', -10n],
    ['v: -.1', -0.1],
    ['canonical: 6.8523e+5', 6.8523e5],
    ['expo: 685.230_15e+03', 685.23015e3],
    ['fixed: 685_230.15', 685230.15],
    ['canonical: y', true],
    ['answer: NO', false],
    ['logical: True', true],
    ['option: on', true],
    ['canonical: 685230', 685230n],
    ['decimal: +685_230', 685230n],
    ['octal: 02472256', 685230n],
    ['hexa: 0x_0A_74_AE', 685230n],
    ['bin: 0b1010_0111_0100_1010_1110', 685230n],
    ['bin: -0b101010', -42n],
    ['english: null', null],
    ['a: -b_c', '-b_c'],
    ['a: +b_c', '+b_c'],
    ['a: 50cent_of_dollar', '50cent_of_dollar'],
    ['a: 1:1', '1:1'],
    ['a: 123456e1', 123456e1],
    ['a: 2015-01-01', '2015-01-01'],
    // resolve.go: strconv base 0 (Go 1.13 prefixes), no base 60, out-of-range floats are strings
    ['a: 0o17', 15n],
    ['a: 1:20', '1:20'],
    ['a: 12:30:45', '12:30:45'],
    ['a: 1e400', '1e400'],
    ['a: 08', 8],
    ['a: E0', 'E0'],
    ['a: =', '='],
  ])('%s', (text, expected) => {
    const key = text.slice(0, text.indexOf(':'));
    // The same text, once as the plain reader takes it and once behind an anchor, which only
    // the full reader reads.
    expect(valueOf(`${text}\n`)).toEqual({ [key]: expected });
    expect(valueOf(`${text}\nz: &x 1\nw: *x\n`)).toEqual({ [key]: expected, z: 1n, w: 1n });
    expect(decodeManifests(manifest(`  ${text}\n`))[0].data).toEqual({ [key]: expected });
  });
});

describe('scalar keys become the strings sigs.k8s.io/yaml makes of them', () => {
  test.each([
    // TestYAMLToJSON
    ['True: a', 'true'],
    ['no: a', 'false'],
    ['1: a', '1'],
    ['1.2: a', '1.2'],
    ['1000000000000000000000000000000000000: a', '1e+36'],
    ['1e+36: a', '1e+36'],
    ['"1e+36": a', '1e+36'],
    ['"1.2": a', '1.2'],
    // convertToJSONableObject and go-yaml v2's resolve
    ['yes: a', 'true'],
    ['on: a', 'true'],
    ['1.0: a', '1'],
    ['3.14159265358979: a', '3.1415927'],
    ['1234567: a', '1234567'],
    ['1234567.0: a', '1.234567e+06'],
    ['0x1f: a', '31'],
    ['0o17: a', '15'],
    ['0777: a', '511'],
    ['08: a', '8'],
    ['1_000: a', '1000'],
    ['-5: a', '-5'],
    ['.5: a', '0.5'],
    ['.inf: a', '.inf'],
    ['-.inf: a', '-.inf'],
    ['.nan: a', '.nan'],
    ['1e39: a', '.inf'],
    ['18446744073709551616: a', '1.8446744e+19'],
    ['2001-12-14: a', '2001-12-14'],
    ['1:20: a', '1:20'],
    ['"true": a', 'true'],
    ['abc: a', 'abc'],
  ])('%s -> %j', (text, key) => {
    expect(valueOf(`${text}\n`)).toEqual({ [key]: 'a' });
    expect(decodeManifests(manifest(`  ${text}\n`))[0].data).toEqual({ [key]: 'a' });
  });

  test('the plain reader leaves converted keys to the full reader', () => {
    for (const text of ['1: a\n', 'yes: a\n', '0o17: a\n', '08: a\n', '1.2: a\n']) expect(parsePlainYamlStream(text, false)).toBeUndefined();
    expect(parsePlainYamlStream('2001-12-14: a\n', false)).toEqual([{ '2001-12-14': 'a' }]);
  });

  test('nested and in sequences, merge keys untouched', () => {
    expect(valueOf('a:\n  - 1: x\n    b:\n      true: yy\nc: &m {2: z}\nd:\n  <<: *m\n')).toEqual({ a: [{ 1: 'x', b: { true: 'yy' } }], c: { 2: 'z' }, d: { 2: 'z' } });
  });
});

describe('keys Kubernetes refuses', () => {
  test.each([
    ['? {a: 1}\n: x\n', 1, 'a mapping', 'yaml: invalid map key: map[interface {}]interface {}{"a":1}'],
    ['[a, b]: x\n', 1, 'a sequence', 'yaml: invalid map key: []interface {}{"a", "b"}'],
    ['top:\n  ? - a\n    - 1\n  : v\n', 2, 'a sequence', 'yaml: invalid map key: []interface {}{"a", 1}'],
    ['x: &k {b: ~, a: yes}\n*k : 2\n', 2, 'a mapping', 'yaml: invalid map key: map[interface {}]interface {}{"a":true, "b":interface {}(nil)}'],
    ['~: a\n', 1, 'null', 'unsupported map key of type: %!s(<nil>), key: <nil>, value: "a"'],
    ['a: 1\nnull: [1, x]\n', 2, 'null', 'unsupported map key of type: %!s(<nil>), key: <nil>, value: []interface {}{1, "x"}'],
    ['9223372036854775808: a\n', 1, 'an integer beyond int64', 'unsupported map key of type: uint64, key: 0x8000000000000000, value: "a"'],
  ])('%j: line %d, %s', (text, line, found, go) => {
    const r = read(text);
    expect(r.documents).toEqual([]);
    expect(r.problems).toEqual([{ source: 'keys.yaml', index: 0, message: expect.stringContaining(`a mapping key at line ${line} is ${found}, which Kubernetes cannot read (${go})`) }]);
  });

  test('a collection key fails before an earlier null key, as go-yaml decodes before keys are converted', () => {
    expect(read('~: a\nb:\n  [c]: d\n').problems[0].message).toContain('at line 3 is a sequence');
  });

  test('the line counts from the start of the stream, in later documents too', () => {
    const r = read('a: 1\n---\nb: 2\n[c]: d\n');
    expect(r.documents).toHaveLength(1);
    expect(r.problems).toEqual([{ source: 'keys.yaml', index: 1, message: expect.stringMatching(/^a mapping key at line 4 is a sequence, .*: write the key as a string/) }]);
  });

  test('go-templating fails as function-go-templating does, with sigs.k8s.io/yaml\'s text', () => {
    expect(() => decodeManifests(manifest('  ? {a: 1}\n  : x\n'))).toThrow('error converting YAML to JSON: yaml: invalid map key: map[interface {}]interface {}{"a":1}');
    expect(() => decodeManifests(manifest('  ~: x\n'))).toThrow('error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: "x"');
  });

  test('fromYaml (yaml.v3) refuses collection keys; v3 decodes string-keyed mappings as map[string]interface {}', () => {
    const run = (text: string, data: string) => newTemplate({}).parse(text).execute(data);
    expect(() => run('{{ fromYaml . }}', '? {a: 1}\n: x\n')).toThrow('yaml: invalid map key: map[string]interface {}{"a":1}');
    expect(() => run('{{ fromYaml . }}', '[a, 1]: x\n')).toThrow('yaml: invalid map key: []interface {}{"a", 1}');
  });
});
