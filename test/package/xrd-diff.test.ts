// The breaking-change rules of `diff` for XRDs. Expectations follow what the API server does
// with the XR CRD Crossplane derives from an XRD (kubernetes apiextensions: an object stored
// under the old schema must stay valid under the new one, pruning drops unknown fields; CRD
// versions that are removed or unserved fail their clients) and the Kubernetes API change
// guidelines (contributors/devel/sig-architecture/api_changes.md: "removing a field", "making a
// field required", "narrowing enums" are incompatible).
import { diffXrd, XrdChange } from '../../src/package/xrd-diff';

type Obj = Record<string, any>;

function xrd(props: Obj, opts: { required?: string[]; versions?: Obj[]; scope?: string; apiVersion?: string; claimNames?: Obj } = {}): Obj {
  return {
    apiVersion: opts.apiVersion ?? 'apiextensions.crossplane.io/v2',
    kind: 'CompositeResourceDefinition',
    metadata: { name: 'xbuckets.example.org' },
    spec: {
      group: 'example.org',
      names: { kind: 'XBucket', plural: 'xbuckets' },
      ...(opts.scope ? { scope: opts.scope } : {}),
      ...(opts.claimNames ? { claimNames: opts.claimNames } : {}),
      versions: opts.versions ?? [{
        name: 'v1alpha1', served: true, referenceable: true,
        schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', required: opts.required, properties: props } } } },
      }],
    },
  };
}

const BASE_PROPS = {
  region: { type: 'string', enum: ['eu', 'us', 'asia'] },
  size: { type: 'integer', minimum: 1, maximum: 10 },
  name: { type: 'string', maxLength: 63 },
  tags: { type: 'object', additionalProperties: { type: 'string' } },
  rules: { type: 'array', items: { type: 'object', properties: { port: { type: 'integer' }, cidr: { type: 'string' } } } },
};
const base = xrd(BASE_PROPS, { required: ['region'] });

const breaking = (changes: XrdChange[]) => changes.filter((c) => c.severity === 'breaking').map((c) => `${c.path}: ${c.message}`);
const nonBreaking = (changes: XrdChange[]) => changes.filter((c) => c.severity !== 'breaking');

test('the same XRD has no changes', () => {
  expect(diffXrd(base, structuredClone(base))).toStrictEqual([]);
});

test.each<[string, Obj, RegExp]>([
  ['a removed field', xrd({ ...BASE_PROPS, name: undefined }), /^spec\.name: field removed/],
  ['a removed nested field in array items', xrd({ ...BASE_PROPS, rules: { type: 'array', items: { type: 'object', properties: { port: { type: 'integer' } } } } }), /^spec\.rules\[\*\]\.cidr: field removed/],
  ['a renamed field (removed, with a hint)', xrd({ ...BASE_PROPS, name: undefined, displayName: { type: 'string' } }), /^spec\.name: field removed \(renamed to "displayName"\?\)/],
  ['a changed type', xrd({ ...BASE_PROPS, size: { type: 'string' } }), /^spec\.size: type changed from "integer" to "string"/],
  ['narrowing number to integer', xrd({ ...BASE_PROPS, size: { type: 'number' } }, { required: ['region'] }), /./],
  ['a new required field without a default', xrd({ ...BASE_PROPS, tier: { type: 'string' } }, { required: ['region', 'tier'] }), /^spec\.tier: new required field without a default/],
  ['an existing field made required', xrd(BASE_PROPS, { required: ['region', 'name'] }), /^spec\.name: now required, without a default/],
  ['a narrowed enum', xrd({ ...BASE_PROPS, region: { type: 'string', enum: ['eu', 'us'] } }), /^spec\.region: enum narrowed: "asia" no longer allowed/],
  ['an enum added to a free field', xrd({ ...BASE_PROPS, name: { type: 'string', maxLength: 63, enum: ['a'] } }), /^spec\.name: enum \["a"\] added/],
  ['a lowered maximum', xrd({ ...BASE_PROPS, size: { type: 'integer', minimum: 1, maximum: 5 } }), /^spec\.size: maximum tightened from 10 to 5/],
  ['a raised minimum', xrd({ ...BASE_PROPS, size: { type: 'integer', minimum: 2, maximum: 10 } }), /^spec\.size: minimum tightened from 1 to 2/],
  ['a shorter maxLength', xrd({ ...BASE_PROPS, name: { type: 'string', maxLength: 20 } }), /^spec\.name: maxLength tightened from 63 to 20/],
  ['map values with a changed type', xrd({ ...BASE_PROPS, tags: { type: 'object', additionalProperties: { type: 'integer' } } }), /^spec\.tags\{\*\}: type changed/],
])('%s is breaking', (_name, head, message) => {
  const found = breaking(diffXrd(base, head));
  if (_name.startsWith('narrowing number')) {
    // Base integer, head number is widening; the reverse narrows.
    expect(breaking(diffXrd(head, base))).toStrictEqual(['spec.size: type changed from "number" to "integer"']);
    expect(found).toStrictEqual([]);
    return;
  }
  expect(found.length).toBeGreaterThan(0);
  expect(found.some((m) => message.test(m))).toBe(true);
});

test('a removed version is breaking; an unserved one too; a new version is not', () => {
  const v = (name: string, served = true) => ({ name, served, referenceable: name === 'v1', schema: { openAPIV3Schema: { type: 'object' } } });
  const two = xrd({}, { versions: [v('v1alpha1'), v('v1')] });
  expect(breaking(diffXrd(two, xrd({}, { versions: [v('v1')] })))).toStrictEqual(['spec.versions["v1alpha1"]: version removed: clients and stored XRs of this version fail']);
  expect(breaking(diffXrd(two, xrd({}, { versions: [v('v1alpha1', false), v('v1')] })))).toStrictEqual(['spec.versions["v1alpha1"].served: version no longer served: clients of this version fail']);
  const added = diffXrd(xrd({}, { versions: [v('v1')] }), two);
  expect(breaking(added)).toStrictEqual([]);
  expect(added).toStrictEqual([{ severity: 'info', version: 'v1alpha1', path: 'spec.versions["v1alpha1"]', message: 'version added' }]);
  // A version that was not served has no clients: removing it breaks nothing.
  expect(breaking(diffXrd(xrd({}, { versions: [v('v1alpha1', false), v('v1')] }), xrd({}, { versions: [v('v1')] })))).toStrictEqual([]);
});

test('a scope change is breaking, also from the legacy v1 default', () => {
  expect(breaking(diffXrd(base, xrd(BASE_PROPS, { required: ['region'], scope: 'Cluster' })))).toStrictEqual([
    'spec.scope: scope changed from Namespaced to Cluster: existing XRs cannot move',
  ]);
  const legacy = xrd(BASE_PROPS, { required: ['region'], apiVersion: 'apiextensions.crossplane.io/v1' });
  expect(breaking(diffXrd(legacy, base))).toStrictEqual(['spec.scope: scope changed from LegacyCluster to Namespaced: existing XRs cannot move']);
  expect(diffXrd(legacy, xrd(BASE_PROPS, { required: ['region'], scope: 'LegacyCluster' }))).toStrictEqual([]);
});

test('a changed kind, and removed claim names, are breaking', () => {
  const renamed = structuredClone(base);
  renamed.spec.names.kind = 'XStorage';
  expect(breaking(diffXrd(base, renamed))).toStrictEqual(['spec.names.kind: changed from "XBucket" to "XStorage": it is a different API']);
  const withClaims = xrd(BASE_PROPS, { required: ['region'], apiVersion: 'apiextensions.crossplane.io/v1', claimNames: { kind: 'Bucket', plural: 'buckets' } });
  const without = xrd(BASE_PROPS, { required: ['region'], apiVersion: 'apiextensions.crossplane.io/v1' });
  expect(breaking(diffXrd(withClaims, without))).toStrictEqual(['spec.claimNames: claims ("Bucket") removed: existing claims are orphaned']);
});

test('additions are not breaking: optional fields, required fields with a default, widened enums and bounds, dropped requirements', () => {
  const head = xrd({
    ...BASE_PROPS,
    region: { type: 'string', enum: ['eu', 'us', 'asia', 'africa'] },
    size: { type: 'integer', minimum: 0, maximum: 20 },
    tier: { type: 'string', default: 'standard' },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
  }, { required: ['tier'] });
  const changes = diffXrd(base, head);
  expect(breaking(changes)).toStrictEqual([]);
  expect(nonBreaking(changes).map((c) => `${c.path}: ${c.message}`)).toStrictEqual([
    'spec.tier: new required field, with a default',
    'spec.labels: new optional field',
    'spec.region: no longer required',
    'spec.region: enum widened: "africa" allowed',
    'spec.size: minimum relaxed from 1 to 0',
    'spec.size: maximum relaxed from 10 to 20',
  ]);
  expect(changes.every((c) => c.version === 'v1alpha1')).toBe(true);
});

test('status: removed fields break readers; new required status fields do not break writers of XRs', () => {
  const withStatus = (props: Obj, required?: string[]) => {
    const x = xrd(BASE_PROPS, { required: ['region'] });
    x.spec.versions[0].schema.openAPIV3Schema.properties.status = { type: 'object', required, properties: props };
    return x;
  };
  const b = withStatus({ endpoint: { type: 'string' } });
  expect(breaking(diffXrd(b, withStatus({})))).toStrictEqual(['status.endpoint: field removed: XRs that set it are rejected or lose the value']);
  expect(breaking(diffXrd(b, withStatus({ endpoint: { type: 'string' }, ready: { type: 'boolean' } }, ['ready'])))).toStrictEqual([]);
});

test('warnings: a new CEL rule, a changed pattern, a changed default may break some XRs', () => {
  const head = xrd({
    ...BASE_PROPS,
    name: { type: 'string', maxLength: 63, pattern: '^[a-z]+$', 'x-kubernetes-validations': [{ rule: 'self != "admin"' }] },
    region: { type: 'string', enum: ['eu', 'us', 'asia'], default: 'eu' },
  }, { required: ['region'] });
  const base2 = xrd({ ...BASE_PROPS, region: { type: 'string', enum: ['eu', 'us', 'asia'], default: 'us' } }, { required: ['region'] });
  const changes = diffXrd(base2, head);
  expect(breaking(changes)).toStrictEqual([]);
  expect(changes.filter((c) => c.severity === 'warning').map((c) => c.path)).toStrictEqual(['spec.region', 'spec.name', 'spec.name']);
});

test('preserve-unknown-fields: dropping it prunes what was kept; removing a field under it only stops validating', () => {
  const open = xrd({ ...BASE_PROPS, extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { a: { type: 'string' } } } });
  const closed = xrd({ ...BASE_PROPS, extra: { type: 'object', properties: { a: { type: 'string' } } } });
  expect(breaking(diffXrd(open, closed))).toStrictEqual(['spec.extra: x-kubernetes-preserve-unknown-fields removed: unknown fields set before are pruned']);
  const loosened = xrd({ ...BASE_PROPS, extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } });
  const changes = diffXrd(open, loosened);
  expect(breaking(changes)).toStrictEqual([]);
  expect(changes.map((c) => `${c.severity} ${c.path}`)).toStrictEqual(['warning spec.extra.a']);
});
