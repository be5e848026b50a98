import { importedGroup } from '../../src/schema/imported-schemas';
import { crdsForXrd, xrdReadScope } from '../../src/validate/xrd-crd';

// Reference section 1.5: how Crossplane turns an XRD into the XR CRD (and 1.6 for claims).
const xrd = (spec: Record<string, unknown>, apiVersion = 'apiextensions.crossplane.io/v2', schema: unknown = {
  type: 'object',
  required: ['ignoredTopLevel'],
  properties: {
    metadata: { type: 'object', properties: { name: { type: 'string', maxLength: 40 }, labels: { type: 'object' } } },
    spec: { type: 'object', required: ['region'], properties: { region: { type: 'string' }, crossplane: { type: 'string' } }, 'x-kubernetes-validations': [{ rule: 'true' }] },
    status: { type: 'object', properties: { id: { type: 'string' } } },
    extra: { type: 'string' },
  },
}) => ({
  apiVersion,
  kind: 'CompositeResourceDefinition',
  metadata: { name: 'xnets.example.org' },
  spec: { group: 'example.org', names: { kind: 'XNet', plural: 'xnets' }, versions: [{ name: 'v1', served: true, referenceable: true, schema: { openAPIV3Schema: schema } }], ...spec },
});

const schemaOf = (crd: any) => crd.spec.versions[0].schema.openAPIV3Schema;

describe('XR CRD generation', () => {
  test('without spec.scope, the scope is the default of the XRD apiVersion, as the API server sets it', () => {
    // The XRD CRD defaults spec.scope per version: Namespaced in v2, LegacyCluster in v1
    // (crossplane/crossplane 2d040d2daf4e, cluster/crds/apiextensions.crossplane.io_compositeresourcedefinitions.yaml,
    // the `default` of spec.scope in each version; read here from the imported copy of that CRD).
    const crd = importedGroup('apiextensions.crossplane.io')!.kinds.find((k) => k.kind === 'CompositeResourceDefinition')!;
    const defaultOf = (v: string) => (crd.versions.find((x) => x.name === v)!.schema as any).properties.spec.properties.scope.default;
    expect(defaultOf('v2')).toBe('Namespaced');
    expect(defaultOf('v1')).toBe('LegacyCluster');
    expect(xrdReadScope(xrd({}))).toBe(defaultOf('v2'));
    expect(xrdReadScope(xrd({}, 'apiextensions.crossplane.io/v1'))).toBe(defaultOf('v1'));
    expect(crdsForXrd(xrd({})).composite!.spec).toMatchObject({ scope: 'Namespaced' });
  });

  test('a v1 XRD without spec.scope is LegacyCluster: machinery fields directly under spec', () => {
    const v1 = xrd({}, 'apiextensions.crossplane.io/v1');
    expect(crdsForXrd(v1).composite!.spec).toMatchObject({ scope: 'Cluster' });
    const spec = schemaOf(crdsForXrd(v1).composite).properties.spec.properties;
    expect(spec.compositionRef).toEqual({ type: 'object', required: ['name'], properties: { name: { type: 'string' } } });
    // No spec.crossplane is injected: the user's own property of that name is left alone.
    expect(spec.crossplane).toEqual({ type: 'string' });
  });

  test('the base schema requires spec and keeps only metadata.name maxLength (smaller than 63)', () => {
    const s = schemaOf(crdsForXrd(xrd({ scope: 'Namespaced' })).composite);
    expect(s.required).toEqual(['spec']);
    expect(s.properties.metadata).toEqual({ type: 'object', properties: { name: { type: 'string', maxLength: 40 } } });
    expect(s.properties.extra).toBeUndefined();
    const big = schemaOf(crdsForXrd(xrd({ scope: 'Namespaced' }, undefined, { type: 'object', properties: { metadata: { type: 'object', properties: { name: { type: 'string', maxLength: 100 } } } } })).composite);
    expect(big.properties.metadata.properties.name.maxLength).toBe(63);
  });

  test('user spec required, rules and properties are merged; machinery overrides same-named properties', () => {
    const s = schemaOf(crdsForXrd(xrd({ scope: 'Namespaced' })).composite);
    expect(s.properties.spec.required).toEqual(['region']);
    expect(s.properties.spec['x-kubernetes-validations']).toEqual([{ rule: 'true' }]);
    expect(s.properties.spec.properties.region).toEqual({ type: 'string' });
    expect(s.properties.spec.properties.crossplane.type).toBe('object');
    expect(s.properties.status.properties.id).toEqual({ type: 'string' });
    expect(s.properties.status.properties.conditions.items.required).toEqual(['lastTransitionTime', 'reason', 'status', 'type']);
  });

  test('Cluster-scoped XRs have namespace in resourceRefs, Namespaced XRs do not', () => {
    const refs = (scope: string) => schemaOf(crdsForXrd(xrd({ scope })).composite).properties.spec.properties.crossplane.properties.resourceRefs.items.properties;
    expect(Object.keys(refs('Cluster')).sort()).toEqual(['apiVersion', 'kind', 'name', 'namespace']);
    expect(Object.keys(refs('Namespaced')).sort()).toEqual(['apiVersion', 'kind', 'name']);
  });

  test('compositionUpdatePolicy defaults to the XRD default', () => {
    const s = schemaOf(crdsForXrd(xrd({ scope: 'Cluster', defaultCompositionUpdatePolicy: 'Manual' })).composite);
    expect(s.properties.spec.properties.crossplane.properties.compositionUpdatePolicy).toEqual({ type: 'string', enum: ['Automatic', 'Manual'], default: 'Manual' });
  });

  test('legacy XRs get machinery fields directly under spec, claimRef and connection status', () => {
    const s = schemaOf(crdsForXrd(xrd({}, 'apiextensions.crossplane.io/v1')).composite);
    expect(Object.keys(s.properties.spec.properties)).toEqual(expect.arrayContaining(['compositionRef', 'resourceRefs', 'claimRef', 'writeConnectionSecretToRef']));
    expect(s.properties.status.properties.connectionDetails.properties.lastPublishedTime.format).toBe('date-time');
  });

  test('legacy claimNames produce a namespaced claim CRD with claim machinery', () => {
    const r = crdsForXrd(xrd({ claimNames: { kind: 'Net', plural: 'nets' } }, 'apiextensions.crossplane.io/v1'));
    expect(r.claim!.metadata).toEqual({ name: 'nets.example.org' });
    expect(r.claim!.spec).toMatchObject({ scope: 'Namespaced', names: { kind: 'Net', plural: 'nets', categories: ['claim'] } });
    const props = schemaOf(r.claim).properties.spec.properties;
    expect(props.compositeDeletePolicy.default).toBe('Background');
    expect(props.resourceRef.required).toEqual(['apiVersion', 'kind', 'name']);
    expect(props.compositionUpdatePolicy.default).toBeUndefined();
  });

  test('claim names colliding with XR names are a problem', () => {
    const r = crdsForXrd(xrd({ claimNames: { kind: 'XNet', plural: 'claims' } }, 'apiextensions.crossplane.io/v1'));
    expect(r.problems).toEqual([expect.objectContaining({ path: 'spec.claimNames.kind', severity: 'error' })]);
  });

  test('a version without schema is reported with its path', () => {
    const x = xrd({ scope: 'Namespaced' });
    (x.spec.versions as any)[0].schema = undefined;
    expect(crdsForXrd(x).problems[0]).toMatchObject({ path: 'spec.versions[0].schema.openAPIV3Schema' });
  });
});
