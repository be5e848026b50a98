/**
 * The YAML writer reproduces go-yaml v2 as used by `crossplane render` (through
 * sigs.k8s.io/yaml): key order, quoting, literal blocks, numbers, empty collections.
 * Expected texts are what kubectl/crossplane print for these values.
 */
import { toGoYaml, yamlKeyLess } from '../../../src/engine/go/yaml';
import { fromKubernetesJson } from '../../../src/engine/go/values';
import type { Value } from '../../../src/engine/go/values';

const y = (v: unknown) => toGoYaml(fromKubernetesJson(v) as Value);

describe('go-yaml writer', () => {
  test('strings that read back as other types are double-quoted', () => {
    expect(y({ a: 'true', b: '123', c: '', d: 'null', e: '2024-01-01T00:00:00Z', f: '1.5', g: 'on', h: '0x1F', i: '~' }))
      .toBe('a: "true"\nb: "123"\nc: ""\nd: "null"\ne: "2024-01-01T00:00:00Z"\nf: "1.5"\ng: "on"\nh: "0x1F"\ni: "~"\n');
  });

  test('strings plain style cannot carry are single-quoted', () => {
    expect(y({ a: 'Unready resources: a', b: '- x', c: '*star', d: ' lead', e: "it's: x", f: 'a #b' }))
      .toBe("a: 'Unready resources: a'\nb: '- x'\nc: '*star'\nd: ' lead'\ne: 'it''s: x'\nf: 'a #b'\n");
  });

  test('ordinary strings stay plain', () => {
    expect(y({ a: '10.0.0.0/16', b: 'us-east-1', c: 'a:b', d: 'x-#', e: 'crossplane.io/composite' }))
      .toBe('a: 10.0.0.0/16\nb: us-east-1\nc: a:b\nd: x-#\ne: crossplane.io/composite\n');
  });

  test('strings with line breaks use literal style with the right chomping', () => {
    expect(y({ a: 'x\ny', b: 'x\ny\n', c: 'x\n\n' })).toBe('a: |-\n  x\n  y\nb: |\n  x\n  y\nc: |+\n  x\n\n');
  });

  test('control characters force double quotes with escapes', () => {
    expect(y({ a: 'tab\there' })).toBe('a: "tab\\there"\n');
  });

  test('sequences in maps are not indented; maps in sequences start on the dash line', () => {
    expect(y({ l: [{ a: 1, b: [1, 2] }, 'x', [], {}] })).toBe('l:\n- a: 1\n  b:\n  - 1\n  - 2\n- x\n- []\n- {}\n');
  });

  test('empty collections and null', () => {
    expect(y({ a: {}, b: [], c: null })).toBe('a: {}\nb: []\nc: null\n');
  });

  test('numbers: integers plain, float64 with Go %g after JSON', () => {
    expect(toGoYaml({ a: 1e6, b: 0.1, c: 1.5e-7, d: 2n ** 62n, e: 1e21, f: -0 })).toBe('a: 1000000\nb: 0.1\nc: 1.5e-07\nd: 4611686018427387904\ne: 1e+21\nf: 0\n');
  });

  test('long plain strings wrap at the first space past column 80, indented under the key', () => {
    const words = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    const out = y({ description: words });
    const lines = out.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[1].startsWith('  word')).toBe(true);
    expect(lines.join(' ').replace(/\s+/g, ' ').replace('description: ', '')).toBe(words);
  });

  test('the same long string wraps by where it starts, each time it is written', () => {
    // libyaml's plain writer (yaml_emitter_write_plain_scalar) breaks at a space once the column
    // is past best_width (80) and the next character is not a space; continuation lines are
    // indented under the key. The writer remembers a scalar's style, never its breaks.
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    const out = y({ a: words, deep: { deeper: { x: words } }, z: words });
    const lines = out.trimEnd().split('\n');
    const valueLines = (first: string, indent: number) => {
      const start = lines.findIndex((l) => l.startsWith(first));
      const rest = lines.slice(start + 1);
      const n = rest.findIndex((l) => !l.startsWith(' '.repeat(indent)) || /^\s*\w+:( |$)/.test(l));
      return [lines[start], ...rest.slice(0, n < 0 ? rest.length : n)];
    };
    for (const [first, indent] of [['a: ', 2], ['    x: ', 6], ['z: ', 2]] as const) {
      const value = valueLines(first, indent);
      expect(value.length).toBeGreaterThan(1);
      expect(value.map((l) => l.trim()).join(' ').replace(/^\w+: /, '')).toBe(words);
      for (const line of value.slice(0, -1)) {
        // Broken at the first space past column 80: longer than 80, and not yet at the space before.
        expect(line.length).toBeGreaterThan(80);
        expect(line.slice(0, line.lastIndexOf(' ')).length).toBeLessThanOrEqual(80);
      }
      for (const line of value.slice(1)) expect(line.startsWith(' '.repeat(indent)) && line[indent] !== ' ').toBe(true);
    }
  });

  test('every mapping sorts its own keys, however deep, however many, whatever its prototype', () => {
    // Twenty keys k19..k0: digit runs compare by value, so k2 comes before k10.
    const many: Record<string, number> = {};
    for (let i = 19; i >= 0; i--) many[`k${i}`] = i;
    const expected = Array.from({ length: 20 }, (_, i) => `  k${i}: ${i}\n`).join('');
    expect(y({ many })).toBe(`many:\n${expected}`);
    // Sibling and nested mappings at the same and at other depths each keep their own order.
    expect(y({ z: { b: { d: 1, c: 2 }, a: [{ y: 1, x: { q: 1, p: 2 } }] }, a: { o: 1, m: 2 } }))
      .toBe('a:\n  m: 2\n  o: 1\nz:\n  a:\n  - x:\n      p: 2\n      q: 1\n    "y": 1\n  b:\n    c: 2\n    d: 1\n');
    // A null-prototype object is a mapping like any other; inherited keys are not its own.
    const bare = Object.assign(Object.create(null), { b: 1, a: 2 }) as Value;
    const inherited = Object.assign(Object.create({ hidden: 1 }), { b: 1, a: 2 }) as Value;
    expect(toGoYaml({ bare, inherited } as Value)).toBe('bare:\n  a: 2\n  b: 1\ninherited:\n  a: 2\n  b: 1\n');
  });

  test('keys that are not plain names are quoted as values are, first in their mapping or not, at any depth', () => {
    // go-yaml v2 emits keys with the same scalar rules: `123` and `y` would read back as an int
    // and a bool (double-quoted), a leading space needs single quotes, the empty key is `""`.
    // Order: keyList.Less puts non-letters first and compares digit runs by value (0 < 123).
    expect(y({ true: 1, a: { y: 'z', '': 'x', b: 1 }, '123': 3, ' lead': 2 }))
      .toBe('\' lead\': 2\n"123": 3\na:\n  "": x\n  b: 1\n  "y": z\n"true": 1\n');
  });

  test('keys sort in go-yaml natural order: digits by value, non-letters before letters', () => {
    const keys = ['a10', 'a2', 'b', 'A', 'a-b', 'a.b', 'ab'];
    expect([...keys].sort((p, q) => (yamlKeyLess(p, q) ? -1 : yamlKeyLess(q, p) ? 1 : 0))).toEqual(['A', 'a-b', 'a.b', 'a2', 'a10', 'ab', 'b']);
  });
});
