import { fieldPathOf, formatFieldPath, parseFieldPath } from '../../src/pt';

describe('parseFieldPath follows crossplane-runtime fieldpath.Parse (reference §3.7)', () => {
  test.each<[string, unknown[]]>([
    ['spec.region', [{ kind: 'field', name: 'spec', bracketed: false }, { kind: 'field', name: 'region', bracketed: false }]],
    ['a[0]', [{ kind: 'field', name: 'a', bracketed: false }, { kind: 'index', index: 0 }]],
    ['a[0][1]', [{ kind: 'field', name: 'a', bracketed: false }, { kind: 'index', index: 0 }, { kind: 'index', index: 1 }]],
    ['a[0].b', [{ kind: 'field', name: 'a', bracketed: false }, { kind: 'index', index: 0 }, { kind: 'field', name: 'b', bracketed: false }]],
    ['a[0]b', [{ kind: 'field', name: 'a', bracketed: false }, { kind: 'index', index: 0 }, { kind: 'field', name: 'b', bracketed: false }]],
    ['data[.config.yml]', [{ kind: 'field', name: 'data', bracketed: false }, { kind: 'field', name: '.config.yml', bracketed: true }]],
    ['metadata.annotations[crossplane.io/external-name]', [
      { kind: 'field', name: 'metadata', bracketed: false }, { kind: 'field', name: 'annotations', bracketed: false },
      { kind: 'field', name: 'crossplane.io/external-name', bracketed: true }]],
    ["a['b.c']", [{ kind: 'field', name: 'a', bracketed: false }, { kind: 'field', name: 'b.c', bracketed: true }]],
    ['a["b"]', [{ kind: 'field', name: 'a', bracketed: false }, { kind: 'field', name: 'b', bracketed: true }]],
    ["a['0']", [{ kind: 'field', name: 'a', bracketed: false }, { kind: 'field', name: '0', bracketed: true }]],
    ['a[*].b', [{ kind: 'field', name: 'a', bracketed: false }, { kind: 'field', name: '*', bracketed: true }, { kind: 'field', name: 'b', bracketed: false }]],
    ['a.*', [{ kind: 'field', name: 'a', bracketed: false }, { kind: 'field', name: '*', bracketed: false }]],
    ['a[4294967296]', [{ kind: 'field', name: 'a', bracketed: false }, { kind: 'field', name: '4294967296', bracketed: true }]],
  ])('parses %s', (path, expected) => {
    expect(parseFieldPath(path)).toStrictEqual(expected);
  });

  test.each([
    ['.a', /unexpected '\.' at position 0/],
    ['a.', /unexpected '\.' at position 1/],
    ['a..b', /unexpected '\.' at position 2/],
    ['a.[0]', /unexpected '\[' at position 2/],
    ['a]', /unexpected '\]' at position 1/],
    ['a[]', /unexpected '\]' at position 2/],
    ['a[0', /unterminated '\['/],
    ['a[b[0]]', /unexpected '\[' at position 3/],
    ['', /empty/],
  ])('rejects %s', (path, msg) => {
    expect(parseFieldPath(path)).toEqual({ message: expect.stringMatching(msg) });
  });

  test('formatting a parsed path gives the canonical form back', () => {
    for (const p of ['spec.items[0].name', 'metadata.annotations[crossplane.io/external-name]', 'spec.list[*].x', 'data[.config.yml]']) {
      const parsed = parseFieldPath(p);
      expect(Array.isArray(parsed) && formatFieldPath(parsed)).toBe(p);
    }
  });
});

describe('fieldPathOf records property access', () => {
  test.each<[string, (x: any) => unknown, string]>([
    ['plain fields', x => x.spec.parameters.region, 'spec.parameters.region'],
    ['an index', x => x.spec.items[0].name, 'spec.items[0].name'],
    ['nested indexes', x => x.a[1][2], 'a[1][2]'],
    ['a key with dots and a slash', x => x.metadata.annotations['crossplane.io/external-name'], 'metadata.annotations[crossplane.io/external-name]'],
    ['a key with a dot', x => x.data['config.yml'], 'data[config.yml]'],
    ['a key with a space', x => x.data['a b'], 'data[a b]'],
    ['a key with dashes', x => x.metadata.labels['app-name'], 'metadata.labels.app-name'],
    ['a wildcard', x => x.spec.items['*'].name, 'spec.items[*].name'],
    ['a top-level field', x => x.region, 'region'],
    ['a top-level index', x => x[0], '[0]'],
  ])('%s', (_name, lambda, expected) => {
    expect(fieldPathOf(lambda)).toBe(expected);
  });

  test('recorded paths parse back to the same segments', () => {
    const p = fieldPathOf((x: any) => x.metadata.annotations['crossplane.io/external-name']);
    expect(parseFieldPath(p)).toEqual([
      { kind: 'field', name: 'metadata', bracketed: false }, { kind: 'field', name: 'annotations', bracketed: false },
      { kind: 'field', name: 'crossplane.io/external-name', bracketed: true },
    ]);
  });

  test('the same lambda can be recorded twice', () => {
    const lambda = (x: any) => x.spec.a;
    expect([fieldPathOf(lambda), fieldPathOf(lambda)]).toEqual(['spec.a', 'spec.a']);
  });

  test('fails if the lambda returns something that is not a recorded path', () => {
    expect(() => fieldPathOf(() => 'spec.region')).toThrow(/must return a property of its argument, got 'spec.region'/);
  });
  test('fails if the lambda returns its argument', () => {
    expect(() => fieldPathOf((x: any) => x)).toThrow(/returned its argument itself/);
  });
  test('fails if the lambda calls a method', () => {
    expect(() => fieldPathOf((x: any) => x.spec.name.toUpperCase())).toThrow(/called a function at 'spec.name.toUpperCase'/);
  });
  test('fails if the lambda converts a path to a string', () => {
    expect(() => fieldPathOf((x: any) => `${x.spec}`)).toThrow(/may only read properties/);
  });
  test('fails if a key contains a bracket', () => {
    expect(() => fieldPathOf((x: any) => x.data['a]b'])).toThrow(/must not contain '\[' or '\]', got 'a\]b'/);
  });
});

describe('parseFieldPath agrees with the render engine (crossplane-runtime) on every path', () => {
  const { parseFieldPath: runtimeParse } = require('../../src/engine/runtime/fieldpath');
  const runtime = (p: string): string => { try { return JSON.stringify(runtimeParse(p)); } catch (e) { return (e as Error).message; } };
  const ours = (p: string): string => {
    const r = parseFieldPath(p);
    return Array.isArray(r) ? JSON.stringify(r.map(s => (s.kind === 'index' ? { type: 'index', index: s.index } : { type: 'field', field: s.name }))) : r.message;
  };
  test.each([
    'spec.a[0].b', "metadata.annotations['crossplane.io/name']", 'data[.config.yml]', 'a[0][1]', 'a[0]b',
    'spé..x', '.a', 'a.', 'a..b', 'a.[0]', 'a]', 'a[]', 'a[0', 'a[[0]]', "a['0']", 'a[4294967296]', "a.''b''",
  ])('%s', (p) => {
    expect(ours(p)).toBe(runtime(p));
  });

  test('keeps which fields were written in brackets, which the runtime does not', () => {
    expect(parseFieldPath('a[*].b.*')).toEqual([
      { kind: 'field', name: 'a', bracketed: false },
      { kind: 'field', name: '*', bracketed: true },
      { kind: 'field', name: 'b', bracketed: false },
      { kind: 'field', name: '*', bracketed: false },
    ]);
  });
});
