import { JsonSchema } from '../../src/schema/json-schema';
import { applyDefaults, compileSchema, validateObject } from '../../src/validate/object-validator';

const root = (spec: JsonSchema, extra: Record<string, JsonSchema> = {}): JsonSchema => ({
  type: 'object',
  properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' }, spec, ...extra },
});
const obj = (spec: unknown, metadata: unknown = { name: 'x' }) => ({ apiVersion: 'x.example.org/v1', kind: 'X', metadata, spec });
const issues = (schema: JsonSchema, spec: unknown, metadata?: unknown) => validateObject(obj(spec, metadata), schema, { cel: false });

describe('OpenAPI validation with API-server semantics', () => {
  test('unknown fields are reported where pruning would drop them', () => {
    const s = root({ type: 'object', properties: { a: { type: 'object', properties: { b: { type: 'string' } } } } });
    expect(issues(s, { a: { b: 'x', c: 1 }, d: 2 }).sort((x, y) => (x.path < y.path ? -1 : 1))).toEqual([
      { path: 'spec.a.c', rule: 'unknown-field', message: 'unknown field "c"', severity: 'error' },
      { path: 'spec.d', rule: 'unknown-field', message: 'unknown field "d"', severity: 'error' },
    ]);
  });

  test('x-kubernetes-preserve-unknown-fields keeps unknown fields', () => {
    const s = root({ type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { a: { type: 'string' } } });
    expect(issues(s, { a: 'x', anything: { deep: 1 } })).toEqual([]);
  });

  test('an object schema without properties accepts no fields (pruning drops them all)', () => {
    expect(issues(root({ type: 'object' }), { x: 1 })).toEqual([expect.objectContaining({ path: 'spec.x', rule: 'unknown-field' })]);
  });

  test('embedded resources always allow apiVersion, kind and metadata', () => {
    const s = root({ type: 'object', properties: { t: { type: 'object', 'x-kubernetes-embedded-resource': true, properties: { spec: { type: 'object', properties: { a: { type: 'string' } } } } } } });
    expect(issues(s, { t: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', labels: { x: 'y' } }, spec: { a: 'b' } } })).toEqual([]);
  });

  test('int-or-string accepts both and nothing else', () => {
    const s = root({ type: 'object', properties: { p: { 'x-kubernetes-int-or-string': true } } });
    expect(issues(s, { p: 80 })).toEqual([]);
    expect(issues(s, { p: 'http' })).toEqual([]);
    expect(issues(s, { p: true })).toHaveLength(1);
  });

  test('nullable allows null; a null in a non-nullable field is pruned like the API server does', () => {
    const s = root({ type: 'object', required: ['b'], properties: { a: { type: 'string', nullable: true }, b: { type: 'string' } } });
    expect(issues(s, { a: null, b: 'x' })).toEqual([]);
    expect(issues(s, { a: 'x', b: null })).toEqual([{ path: 'spec.b', rule: 'required', message: 'Required value', severity: 'error' }]);
  });

  test('type errors use the API server wording', () => {
    const s = root({ type: 'object', properties: { n: { type: 'integer' } } });
    expect(issues(s, { n: 'three' })[0].message).toBe('Invalid value: "three": spec.n in body must be of type integer: "string"');
  });

  test('enum errors list the supported values', () => {
    const s = root({ type: 'object', properties: { e: { type: 'string', enum: ['A', 'B'] } } });
    expect(issues(s, { e: 'C' })[0].message).toBe('Unsupported value: "C": supported values: "A", "B"');
  });

  test('OpenAPI 3.0 boolean exclusiveMinimum is honoured', () => {
    const s = root({ type: 'object', properties: { n: { type: 'integer', minimum: 1, exclusiveMinimum: true } as JsonSchema } });
    expect(issues(s, { n: 1 })).toHaveLength(1);
    expect(issues(s, { n: 2 })).toEqual([]);
  });

  test('formats are checked as Kubernetes checks them and unknown formats are ignored', () => {
    const s = root({ type: 'object', properties: { t: { type: 'string', format: 'date-time' }, u: { type: 'string', format: 'no-such-format' }, i: { type: 'integer', format: 'int32' } } });
    expect(issues(s, { t: '2024-01-01T00:00:00Z', u: 'anything', i: 5 })).toEqual([]);
    expect(issues(s, { t: 'yesterday' })).toEqual([expect.objectContaining({ path: 'spec.t', rule: 'schema' })]);
  });

  test('list-type map rejects duplicate keys and list-type set duplicate items', () => {
    const s = root({ type: 'object', properties: {
      m: { type: 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['step'], items: { type: 'object', properties: { step: { type: 'string' } } } },
      s: { type: 'array', 'x-kubernetes-list-type': 'set', items: { type: 'string' } },
    } });
    expect(issues(s, { m: [{ step: 'a' }, { step: 'a' }], s: ['x', 'y', 'x'] }).map((i) => i.path)).toEqual(['spec.m[1]', 'spec.s[2]']);
  });

  test('metadata names, labels and annotations follow the API server rules', () => {
    const s = root({ type: 'object' });
    expect(issues(s, {}, { name: 'Not_Valid' })).toEqual([expect.objectContaining({ path: 'metadata.name', rule: 'metadata' })]);
    expect(issues(s, {}, { name: 'ok', labels: { 'bad key/x/y': 'v', good: 'has space' } }).map((i) => i.path)).toEqual(['metadata.labels', 'metadata.labels']);
    expect(issues(s, {}, { generateName: 'gen-' })).toEqual([]);
    expect(issues(s, {}, {})).toEqual([expect.objectContaining({ message: 'Required value: name or generateName is required' })]);
  });

  test('XR names longer than the XR schema allows are rejected', () => {
    const s: JsonSchema = { type: 'object', required: ['spec'], properties: { metadata: { type: 'object', properties: { name: { type: 'string', maxLength: 63 } } }, spec: { type: 'object' } } };
    const r = validateObject({ apiVersion: 'a/v1', kind: 'X', metadata: { name: 'a'.repeat(64) }, spec: {} }, s);
    expect(r).toEqual([{ path: 'metadata.name', rule: 'schema', message: 'Too long: may not be more than 63 bytes', severity: 'error' }]);
  });
});

// kube-openapi validates `pattern` with Go's regexp.MatchString (RE2): unanchored, Go syntax,
// linear time.
describe('OpenAPI pattern is a Go regexp', () => {
  const str = (pattern: string) => root({ type: 'object', properties: { s: { type: 'string', pattern } } });
  test('Go-only syntax means what Go means (\\z, (?i), (?P<name>))', () => {
    expect(issues(str('^[a-z]+\\z'), { s: 'abc' })).toEqual([]);
    expect(issues(str('^[a-z]+\\z'), { s: 'abc\n' })).toHaveLength(1);
    expect(issues(str('(?i)^abc$'), { s: 'ABC' })).toEqual([]);
    expect(issues(str('^(?P<n>[a-z])-\\d$'), { s: 'a-1' })).toEqual([]);
  });
  test('a pattern is unanchored, as Go matches it', () => {
    expect(issues(str('[0-9]'), { s: 'abc1' })).toEqual([]);
  });
  test('a catastrophic pattern on a long value returns at once and reports the API server\'s message', () => {
    const t0 = performance.now();
    const found = issues(str('^(a+)+$'), { s: 'a'.repeat(40) + 'b' });
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(found).toEqual([{ path: 'spec.s', rule: 'schema', severity: 'error', message: `Invalid value: "${'a'.repeat(40)}b": spec.s in body should match '^(a+)+$'` }]);
  });
  test('a pattern Go rejects is not checked (the API server refuses the CRD itself)', () => {
    expect(issues(str('a(?=b)'), { s: 'zzz' })).toEqual([]);
  });
});

describe('structural defaulting', () => {
  const s: JsonSchema = { type: 'object', properties: {
    a: { type: 'string', default: 'dflt' },
    parent: { type: 'object', properties: { child: { type: 'integer', default: 3 } } },
    list: { type: 'array', items: { type: 'object', properties: { k: { type: 'string', default: 'v' } } } },
  } };

  test('defaults are applied to absent fields but missing parents are not created', () => {
    const v: Record<string, unknown> = { list: [{}, { k: 'given' }] };
    applyDefaults(v, s);
    expect(v).toEqual({ a: 'dflt', list: [{ k: 'v' }, { k: 'given' }] });
  });

  test('defaults fill existing parents and are applied before validation', () => {
    const v: Record<string, unknown> = { parent: {} };
    applyDefaults(v, s);
    expect(v.parent).toEqual({ child: 3 });
    const enumSchema = root({ type: 'object', properties: { p: { type: 'string', enum: ['Auto'], default: 'Auto' } } });
    expect(issues(enumSchema, {})).toEqual([]);
  });
});

describe('compiled validator cache', () => {
  test('the same schema object, and an equal schema rebuilt later, reuse one compiled validator', () => {
    const make = (): JsonSchema => root({ type: 'object', properties: { cacheProbe: { type: 'string' } } });
    const a = make();
    const first = compileSchema(a);
    expect(compileSchema(a)).toBe(first);
    expect(compileSchema(make())).toBe(first);
    expect(compileSchema(root({ type: 'object', properties: { other: { type: 'string' } } }))).not.toBe(first);
  });
});
