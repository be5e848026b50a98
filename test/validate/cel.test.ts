import { JsonSchema } from '../../src/schema/json-schema';
import { escapePropertyName, toCelValue } from '../../src/validate/cel';
import { validateObject } from '../../src/validate/object-validator';
import { validate } from '../../src/validate/validate';
import { celTest } from './helpers';

const iam = (forProvider: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'cloudplatform.gcp.m.upbound.io/v1beta1',
  kind: 'ProjectIAMMember',
  metadata: { name: 'iam', namespace: 'team' },
  spec: { forProvider, ...extra },
});

const celOf = <T extends { rule: string }>(findings: T[]) => findings.filter((f) => f.rule === 'cel');

describe('upjet required-parameter rules', () => {
  celTest('a ProjectIAMMember without role fails with the provider message', () => {
    const f = celOf(validate(iam({ member: 'serviceAccount:a@b.iam.gserviceaccount.com', project: 'p' })));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ path: 'spec', severity: 'error', message: 'Invalid value: "object": spec.forProvider.role is a required parameter' });
  });

  celTest('the same rule fires for the cluster-scoped v1beta2 kind', () => {
    const obj = { ...iam({ role: 'roles/viewer' }), apiVersion: 'cloudplatform.gcp.upbound.io/v1beta2', metadata: { name: 'iam' } };
    expect(celOf(validate(obj)).map((f) => f.message)).toEqual(['Invalid value: "object": spec.forProvider.member is a required parameter']);
  });

  celTest('a parameter given in initProvider satisfies the rule', () => {
    expect(celOf(validate(iam({ member: 'm' }, { initProvider: { role: 'roles/viewer' } })))).toEqual([]);
  });

  celTest('observe-only management policies do not require parameters', () => {
    expect(celOf(validate(iam({}, { managementPolicies: ['Observe'] })))).toEqual([]);
  });
});

const schemaWith = (node: Record<string, unknown>): JsonSchema => ({
  type: 'object',
  properties: { metadata: { type: 'object' }, apiVersion: { type: 'string' }, kind: { type: 'string' }, spec: node as JsonSchema },
});
const obj = (spec: unknown) => ({ apiVersion: 'x.example.org/v1', kind: 'X', metadata: { name: 'x' }, spec });
const cel = (schema: JsonSchema, spec: unknown) => validateObject(obj(spec), schema).filter((i) => i.rule.startsWith('cel'));

describe('Kubernetes CEL semantics', () => {
  celTest('transition rules (oldSelf) are skipped because there is no old object', () => {
    const s = schemaWith({ type: 'object', properties: { a: { type: 'string' } }, 'x-kubernetes-validations': [{ rule: 'self == oldSelf', message: 'immutable' }] });
    expect(cel(s, { a: 'x' })).toEqual([]);
  });

  celTest('a failing rule without message reports the rule text', () => {
    const s = schemaWith({ type: 'object', properties: { a: { type: 'integer' } }, 'x-kubernetes-validations': [{ rule: 'self.a > 2' }] });
    expect(cel(s, { a: 1 })).toEqual([{ path: 'spec', rule: 'cel', severity: 'error', message: 'Invalid value: "object": failed rule: self.a > 2' }]);
    expect(cel(s, { a: 3 })).toEqual([]);
  });

  celTest('messageExpression is evaluated and used as the message', () => {
    const s = schemaWith({ type: 'object', properties: { a: { type: 'string' } }, 'x-kubernetes-validations': [{ rule: 'self.a.size() < 3', messageExpression: "'a is too long: ' + self.a" }] });
    expect(cel(s, { a: 'abcd' })[0].message).toBe('Invalid value: "object": a is too long: abcd');
  });

  celTest('rules on array items are evaluated per item with the item path', () => {
    const s = schemaWith({ type: 'object', properties: { items: { type: 'array', items: { type: 'object', properties: { n: { type: 'string' } }, 'x-kubernetes-validations': [{ rule: 'self.n.lowerAscii() == self.n', message: 'n must be lowercase' }] } } } });
    const r = cel(s, { items: [{ n: 'ok' }, { n: 'NotOk' }, { n: 'fine' }] });
    expect(r.map((i) => i.path)).toEqual(['spec.items[1]']);
  });

  celTest('rules on map values are evaluated per value', () => {
    const s = schemaWith({ type: 'object', properties: { m: { type: 'object', additionalProperties: { type: 'string', 'x-kubernetes-validations': [{ rule: "self.startsWith('v')" }] } } } });
    expect(cel(s, { m: { a: 'v1', b: 'x' } }).map((i) => i.path)).toEqual(['spec.m[b]']);
  });

  celTest('integer fields are CEL ints so int comparisons and arithmetic work', () => {
    const s = schemaWith({ type: 'object', properties: { min: { type: 'integer' }, max: { type: 'integer' } }, 'x-kubernetes-validations': [{ rule: 'self.min + 1 <= self.max' }] });
    expect(cel(s, { min: 1, max: 2 })).toEqual([]);
    expect(cel(s, { min: 5, max: 2 })).toHaveLength(1);
  });

  celTest('list macros all/exists/map/filter and has() behave as in Kubernetes', () => {
    const s = schemaWith({
      type: 'object',
      properties: { l: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, port: { type: 'integer' } } } }, opt: { type: 'string' } },
      'x-kubernetes-validations': [
        { rule: "self.l.all(x, x.port > 0) && self.l.exists(x, x.name == 'http')", message: 'ports' },
        { rule: 'self.l.map(x, x.name).size() == self.l.filter(x, has(x.name)).size()', message: 'names' },
        { rule: "!has(self.opt) || self.opt != ''", message: 'opt' },
      ],
    });
    expect(cel(s, { l: [{ name: 'http', port: 80 }, { name: 'b', port: 1 }] })).toEqual([]);
    expect(cel(s, { l: [{ name: 'a', port: 0 }], opt: '' }).map((i) => i.message)).toEqual(['Invalid value: "object": ports', 'Invalid value: "object": opt']);
  });

  celTest('property names that are CEL keywords are escaped (__namespace__)', () => {
    const s = schemaWith({ type: 'object', properties: { ref: { type: 'object', properties: { name: { type: 'string' }, namespace: { type: 'string' } } } }, 'x-kubernetes-validations': [{ rule: '!has(self.ref.__namespace__)', message: 'no namespace' }] });
    expect(cel(s, { ref: { name: 'a', namespace: 'b' } })).toHaveLength(1);
    expect(cel(s, { ref: { name: 'a' } })).toEqual([]);
  });

  celTest('the Crossplane duration rules compare durations', () => {
    const s = schemaWith({ type: 'object', properties: { d: { type: 'string', 'x-kubernetes-validations': [{ rule: "duration(self) >= duration('1s')", message: 'at least 1s' }] } } });
    expect(cel(s, { d: '500ms' })).toHaveLength(1);
    expect(cel(s, { d: '2m' })).toEqual([]);
  });

  celTest('a rule using a function the evaluator lacks is reported as not evaluated, never passed', () => {
    const s = schemaWith({ type: 'object', properties: { u: { type: 'string' } }, 'x-kubernetes-validations': [{ rule: "url(self.u).getHost() == 'example.com'" }] });
    const r = cel(s, { u: 'https://example.com/x' });
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ rule: 'cel-not-evaluated', severity: 'warning' });
    expect(r[0].message).toContain('url(self.u)');
  });

  celTest('optional-field syntax the parser does not support is reported as not evaluated', () => {
    const s = schemaWith({ type: 'object', properties: { a: { type: 'string' } }, 'x-kubernetes-validations': [{ rule: "self.?a.orValue('') != 'x'" }] });
    expect(cel(s, { a: 'x' })).toEqual([expect.objectContaining({ rule: 'cel-not-evaluated', severity: 'warning' })]);
  });

  celTest('the quantity library compares Kubernetes quantities', () => {
    const s = schemaWith({ type: 'object', properties: { mem: { type: 'string' } }, 'x-kubernetes-validations': [{ rule: "isQuantity(self.mem) && quantity(self.mem).isGreaterThan(quantity('1Gi')) && quantity('1500m').compareTo(quantity('1')) == 1", message: 'more than 1Gi' }] });
    expect(cel(s, { mem: '2Gi' })).toEqual([]);
    expect(cel(s, { mem: '512Mi' })).toHaveLength(1);
  });

  celTest('Kubernetes list and regex library functions are available', () => {
    const s = schemaWith({ type: 'object', properties: { l: { type: 'array', items: { type: 'integer' } }, s: { type: 'string' } }, 'x-kubernetes-validations': [{ rule: "self.l.isSorted() && self.l.sum() == 6 && self.l.min() == 1 && self.l.max() == 3 && self.s.find('[0-9]+') == '42' && self.s.findAll('[a-z]').size() == 3" }] });
    expect(cel(s, { l: [1, 2, 3], s: 'abc42' })).toEqual([]);
    expect(cel(s, { l: [3, 2, 1], s: 'abc42' })).toHaveLength(1);
  });

  // k8s.io/apiserver/pkg/cel/library/regex.go: find/findAll are Go's FindString/FindAllString,
  // a pattern Go rejects is `Illegal regex: <Go's error>`; matches() is cel-go's RE2 match.
  celTest('regex functions use Go regexp semantics', () => {
    const rule = (r: string) => schemaWith({ type: 'object', properties: { s: { type: 'string' } }, 'x-kubernetes-validations': [{ rule: r }] });
    expect(cel(rule("self.s.findAll('[0-9]+', 2) == ['1', '22'] && self.s.findAll('x') == [] && self.s.find('x') == ''"), { s: 'a1b22c333' })).toEqual([]);
    expect(cel(rule("self.s.matches('^prod\\\\z')"), { s: 'prod' })).toEqual([]);
    expect(cel(rule("self.s.matches('(?i)^PROD$')"), { s: 'prod' })).toEqual([]);
    const bad = cel(rule("self.s.find('a(?=b)') == ''"), { s: 'ab' });
    expect(bad.map((f) => f.message)).toEqual(['Invalid value: "object": Illegal regex: error parsing regexp: invalid or unsupported Perl syntax: `(?=` evaluating rule: self.s.find(\'a(?=b)\') == \'\'']);
    const badMatch = cel(rule("self.s.matches('(a)\\\\1')"), { s: 'aa' });
    expect(badMatch.map((f) => [f.severity, f.message])).toEqual([['error', 'Invalid value: "object": error parsing regexp: invalid escape sequence: `\\1` evaluating rule: self.s.matches(\'(a)\\\\1\')']]);
  });

  celTest('a catastrophic pattern in matches() returns at once', () => {
    const s = schemaWith({ type: 'object', properties: { s: { type: 'string' } }, 'x-kubernetes-validations': [{ rule: "!self.s.matches('^(a+)+$')", message: 'all a' }] });
    const t0 = performance.now();
    expect(cel(s, { s: 'a'.repeat(40) + 'b' })).toEqual([]);
    expect(cel(s, { s: 'a'.repeat(40) })).toHaveLength(1);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  celTest('a missing field read without has() is an error, as in Kubernetes', () => {
    const s = schemaWith({ type: 'object', properties: { a: { type: 'string' } }, 'x-kubernetes-validations': [{ rule: "self.a == 'x'" }] });
    const r = cel(s, {});
    expect(r).toHaveLength(1);
    expect(r[0].severity).toBe('error');
    expect(r[0].message).toContain('no such key');
  });

  celTest('an XRD with an uppercase plural is rejected by the XRD CRD rule', () => {
    const xrd = { apiVersion: 'apiextensions.crossplane.io/v2', kind: 'CompositeResourceDefinition', metadata: { name: 'Xs.example.org' }, spec: { group: 'example.org', scope: 'Namespaced', names: { kind: 'X', plural: 'Xs' }, versions: [{ name: 'v1', served: true, referenceable: true, schema: { openAPIV3Schema: { type: 'object' } } }] } };
    const f = validate(xrd, { registerObjects: false }).filter((x) => x.rule === 'cel');
    expect(f.map((x) => x.path)).toContain('spec.names');
  });
});

describe('CEL value conversion', () => {
  test('property names are escaped as the API server escapes them', () => {
    expect(escapePropertyName('namespace')).toBe('__namespace__');
    expect(escapePropertyName('a-b')).toBe('a__dash__b');
    expect(escapePropertyName('a.b/c')).toBe('a__dot__b__slash__c');
    expect(escapePropertyName('ok_name')).toBe('ok_name');
    expect(escapePropertyName('with space')).toBeUndefined();
  });

  test('integers become CEL ints, numbers stay doubles, map keys are not escaped', () => {
    const s: JsonSchema = { type: 'object', properties: { i: { type: 'integer' }, d: { type: 'number' }, m: { type: 'object', additionalProperties: { type: 'string' } } } };
    expect(toCelValue({ i: 3, d: 3, m: { 'a-b': 'x' } }, s)).toEqual({ i: 3n, d: 3, m: { 'a-b': 'x' } });
  });
});
