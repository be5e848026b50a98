import { validate } from '../../src/validate/validate';

const xrd = (spec: Record<string, unknown>, versionSchema: unknown = { type: 'object', properties: { spec: { type: 'object', properties: { a: { type: 'string' } } } } }, name = 'xs.example.org') => ({
  apiVersion: 'apiextensions.crossplane.io/v2',
  kind: 'CompositeResourceDefinition',
  metadata: { name },
  spec: { group: 'example.org', scope: 'Namespaced', names: { kind: 'X', plural: 'xs' }, versions: [{ name: 'v1', served: true, referenceable: true, schema: { openAPIV3Schema: versionSchema } }], ...spec },
});
const by = (o: unknown, rule: string) => validate(o, { registerObjects: false }).filter((f) => f.rule === rule);

describe('XRD checks', () => {
  test('a well-formed v2 XRD has no findings', () => {
    expect(validate(xrd({}), { registerObjects: false })).toEqual([]);
  });

  test('a non-structural version schema is reported at its path', () => {
    const f = by(xrd({}, { type: 'object', properties: { spec: { type: 'object', properties: { a: { description: 'no type' } } } } }), 'xrd-structural');
    expect(f.length).toBeGreaterThan(0);
    expect(f[0].path).toContain('spec.versions[0].schema.openAPIV3Schema');
    expect(f[0].severity).toBe('error');
  });

  test('exactly one version must be referenceable', () => {
    const x = xrd({});
    (x.spec.versions as any).push({ name: 'v2', served: true, referenceable: true, schema: { openAPIV3Schema: { type: 'object' } } });
    expect(by(x, 'xrd').map((f) => f.path)).toEqual(['spec.versions']);
  });

  test('a name other than plural.group is a warning (Crossplane cannot apply the generated CRD)', () => {
    expect(by(xrd({}, undefined, 'wrong.example.org'), 'xrd')).toEqual([expect.objectContaining({ path: 'metadata.name', severity: 'warning' })]);
  });

  test('a v2 XRD without scope gets the offline-tool warning', () => {
    const x = xrd({});
    delete (x.spec as any).scope;
    expect(by(x, 'xrd')).toEqual([expect.objectContaining({ path: 'spec.scope', severity: 'warning' })]);
  });

  test('a version without schema is accepted with a warning', () => {
    const x = xrd({});
    delete (x.spec.versions as any)[0].schema;
    expect(by(x, 'xrd')).toEqual([expect.objectContaining({ path: 'spec.versions[0].schema.openAPIV3Schema', severity: 'warning' })]);
  });

  test('v2 forbids claimNames (XRD CRD CEL rule)', () => {
    expect(validate(xrd({ claimNames: { kind: 'C', plural: 'cs' } }), { registerObjects: false }).filter((f) => f.rule === 'cel').map((f) => f.path)).toEqual(['spec']);
  });
});

describe('what the API server accepts and drops', () => {
  test('an unknown schema keyword (a misspelt description) is a warning: the XRD works in a cluster', () => {
    // crossplane/crossplane-runtime 4e7ed235565d, pkg/xcrd/crd.go parseSchema: json.Unmarshal
    // into JSONSchemaProps ignores unknown keys, so the generated CRD simply lacks the keyword.
    const f = by(xrd({}, { type: 'object', properties: { spec: { type: 'object', properties: { a: { type: 'string', decription: 'x' } } } } }), 'xrd-structural');
    expect(f).toEqual([expect.objectContaining({ path: 'spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.a.decription', severity: 'warning' })]);
  });

  test('a root, spec and status without type: object are accepted (Crossplane supplies the object types)', () => {
    const f = validate(xrd({}, { properties: { spec: { properties: { a: { type: 'string' } } }, status: { properties: { b: { type: 'string' } } } } }), { registerObjects: false });
    expect(f).toEqual([]);
  });
});
