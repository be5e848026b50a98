// What a Kubernetes object can hold, and what every entry point does with input beyond it:
// a UserError (or finding) naming the file, the document and the field path, or a result;
// never a RangeError, a BigInt serialization error or a Go emulation error.
// The API server's depth limit: k8s.io/apimachinery pkg/util/json/json.go `const maxDepth =
// 10000` ("exceeded max depth of 10000"), read at kubernetes/kubernetes commit 17c28f0e. The
// offline tools stop at 500 (src/yaml/limits.ts says why).
import { parseYamlDocuments, render } from '../../src/engine';
import { UserError } from '../../src/errors';
import { validate } from '../../src/validate/validate';
import { parseYamlStream } from '../../src/yaml';
import { deepestPath, documentLimitProblem, KUBERNETES_MAX_DEPTH, MAX_NESTING_DEPTH } from '../../src/yaml/limits';
import { composition, ptStep, XR } from '../engine/pipeline/_fixtures';

/** `{a: {a: ... {a: leaf}}}`, `depth` containers deep, built without recursion. */
function nested(depth: number, leaf: unknown = 1): Record<string, unknown> {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v as Record<string, unknown>;
}

const INTERNAL = /call stack|RangeError|serialize a BigInt|GoJsonError|TypeError|Cannot read prop|is not a function/;

/** Runs `fn`; a UserError is a clean outcome, anything else fails the test with its stack. */
function outcome(fn: () => unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (e instanceof UserError) return { ok: false, message: e.message };
    throw e;
  }
}

describe('documentLimitProblem', () => {
  test(`${MAX_NESTING_DEPTH} levels are taken; one more is reported at its field, with the API server's own limit`, () => {
    expect(documentLimitProblem(nested(MAX_NESTING_DEPTH))).toBeUndefined();
    const p = documentLimitProblem({ spec: nested(MAX_NESTING_DEPTH) });
    expect(p?.path).toBe(`spec${'.a'.repeat(MAX_NESTING_DEPTH - 1)}`.slice(0, 100) + '...');
    expect(p?.message).toBe('nests 501 levels deep, more than the 500 levels the offline tools follow (the Kubernetes API server decodes up to 10000; real objects rarely pass 30): flatten the data');
  });

  test(`beyond the API server's ${KUBERNETES_MAX_DEPTH} levels, the message says the API server would refuse it too`, () => {
    expect(documentLimitProblem(nested(KUBERNETES_MAX_DEPTH + 5))?.message).toMatch(/^nests 10005 levels deep, more than the 10000 levels the Kubernetes API server decodes/);
  });

  test.each<[unknown, string, RegExp]>([
    [{ spec: { v: Infinity } }, 'spec.v', /\.inf \(infinity\)/],
    [{ spec: { list: [1, -Infinity] } }, 'spec.list[1]', /-\.inf/],
    [{ data: { 'a.b': NaN } }, 'data["a.b"]', /\.nan/],
  ])('a number JSON cannot hold is reported at its path (%p)', (value, path, message) => {
    const p = documentLimitProblem(value);
    expect(p?.path).toBe(path);
    expect(p?.message).toMatch(message);
    expect(p?.message).toMatch(/write a finite number, or quote it/);
  });

  test('deepestPath walks without recursion', () => {
    expect(deepestPath({ x: 1, y: { z: [{}] } })).toEqual({ depth: 4, path: 'y.z[0]' });
    expect(deepestPath('scalar')).toEqual({ depth: 0, path: '' });
    expect(deepestPath(nested(50000)).depth).toBe(50000);
  });
});

describe('reading YAML', () => {
  test.each<[string, string]>([
    ['v: .inf', 'spec.v holds .inf (infinity)'],
    ['v: -.Inf', 'spec.v holds -.inf (minus infinity)'],
    ['v: .nan', 'spec.v holds .nan (not a number)'],
    ['v: [1, .INF]', 'spec.v[1] holds .inf (infinity)'],
  ])('%s gives a problem naming file, document and field', (line, message) => {
    const text = `a: 1\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\nspec:\n  ${line}\n`;
    const r = parseYamlStream(text, 'in.yaml', { intAsBigInt: true });
    expect(r.problems).toEqual([{ source: 'in.yaml', index: 1, message: expect.stringContaining(message) }]);
    expect(r.documents).toHaveLength(1);
  });

  test('integers beyond int64 are read (as the Kubernetes decoder falls back to float64)', () => {
    const r = parseYamlStream('spec: {v: 18446744073709551616, w: -99999999999999999999}\n', 'in.yaml', { intAsBigInt: true });
    expect(r.problems).toEqual([]);
  });

  test.each([
    ['flow', (n: number) => `spec: ${'['.repeat(n)}${']'.repeat(n)}\n`],
    ['json', (n: number) => `spec: ${'{"a":'.repeat(n)}1${'}'.repeat(n)}\n`],
    ['block', (n: number) => `spec:\n${Array.from({ length: n }, (_, i) => `${' '.repeat(2 + i)}a:\n`).join('')}${' '.repeat(2 + n)}b: 1\n`],
  ])('a %s document nested 20000 deep is a clean problem, not a stack overflow', (_style, make) => {
    const r = parseYamlStream(make(20000), 'deep.yaml', { intAsBigInt: true });
    expect(r.documents).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ source: 'deep.yaml', index: 0 });
    expect(r.problems[0].message).toMatch(/nests (too deeply|deeper than 10000)/);
    expect(r.problems[0].message).not.toMatch(INTERNAL);
  });

  test('render\'s loader throws a UserError naming the file, the document and the field', () => {
    expect(() => parseYamlDocuments('apiVersion: v1\nkind: X\nspec: {replicas: .nan}\n', 'xr.yaml'))
      .toThrow(new UserError('xr.yaml: document 0: spec.replicas holds .nan (not a number), which JSON and so Kubernetes objects cannot hold: write a finite number, or quote it to keep it as a string'));
  });
});

describe('render never crashes on hostile input', () => {
  const comp = composition([ptStep([{
    name: 'cm', base: { apiVersion: 'v1', kind: 'ConfigMap', data: {} },
    patches: [{ fromFieldPath: 'spec.payload', toFieldPath: 'data.payload' }, { fromFieldPath: 'spec.region', toFieldPath: 'metadata.labels.region' }],
  }])]);

  test('an XR nested far deeper than the engine recurses gives a RenderError naming the field', () => {
    const r = outcome(() => render({ xr: { ...XR, spec: { payload: nested(800) } }, composition: comp }).toYaml());
    if (!r.ok) {
      expect(r.message).toMatch(/^xr\.spec\.payload(\.a)+(\.\.\.)? nests 802 levels deep, more than the 500 levels the offline tools follow/);
      expect(r.message).not.toMatch(INTERNAL);
    }
  });

  test('integers beyond 2^63 render as the float64 Kubernetes decodes them to', () => {
    // Named `net`, not `n`: a bare `n` is YAML 1.1's false, which is no XR name.
    const xr = parseYamlDocuments('apiVersion: example.org/v1\nkind: XNetwork\nmetadata: {name: net}\nspec: {payload: 18446744073709551616}\n', 'xr.yaml')[0].object;
    expect(render({ xr, composition: comp }).toYaml()).toContain('payload: 1.8446744073709552e+19');
  });

  test.each<[string, unknown]>([
    ['a number', 12],
    ['a mapping', { a: 1 }],
    ['a list', ['a']],
    ['null', null],
  ])('an XR whose metadata.name is %s renders or fails cleanly', (_what, name) => {
    const r = outcome(() => render({ xr: { ...XR, metadata: { name } }, composition: comp }).toYaml());
    if (!r.ok) expect(r.message).not.toMatch(INTERNAL);
  });

  test('a label value that is not a string renders or fails cleanly', () => {
    const r = outcome(() => render({ xr: { ...XR, spec: { region: { nested: 1n } } }, composition: comp }).toYaml());
    if (!r.ok) expect(r.message).not.toMatch(INTERNAL);
  });
});

describe('validate never throws and never reports an internal error', () => {
  test.each<[string, unknown]>([
    ['nested 800 levels', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: nested(800) }],
    ['a 100,000-element list', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { a: 'b' }, extra: Array.from({ length: 100000 }, (_, i) => i) }],
    ['a numeric name', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 5 } }],
    ['a list as kind', { apiVersion: 'v1', kind: ['ConfigMap'], metadata: { name: 'x' } }],
    ['a bigint beyond int64', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { replicas: 2n ** 70n, selector: {}, template: {} } }],
    ['a non-finite number', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { replicas: Infinity, selector: {}, template: {} } }],
  ])('%s', (_what, obj) => {
    const findings = validate([obj]);
    for (const f of findings) {
      expect(f.message).not.toMatch(INTERNAL);
      expect(f.rule).not.toBe('internal');
    }
  });

  test('YAML text with .inf is a document finding naming the field', () => {
    const findings = validate('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: .inf}\n');
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining('data.a holds .inf (infinity)')]);
  });
});
