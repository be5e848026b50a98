/**
 * The jest helpers: renderComposition accepts constructs (anything with toJson()), YAML text
 * and plain objects; matchers pass and fail on what the render produced.
 */
import { renderComposition, setupMatchers, toYamlSnapshot } from '../../src/testing';

setupMatchers();

const XR = 'apiVersion: example.org/v1\nkind: XBucket\nmetadata:\n  name: b\nspec:\n  region: eu\n';
const COMPOSITION = {
  apiVersion: 'apiextensions.crossplane.io/v1', kind: 'Composition', metadata: { name: 'buckets' },
  spec: {
    compositeTypeRef: { apiVersion: 'example.org/v1', kind: 'XBucket' }, mode: 'Pipeline',
    pipeline: [
      { step: 'pt', functionRef: { name: 'function-patch-and-transform' }, input: {
        apiVersion: 'pt.fn.crossplane.io/v1beta1', kind: 'Resources',
        resources: [{ name: 'bucket', base: { apiVersion: 's3.aws.upbound.io/v1beta1', kind: 'Bucket' }, patches: [{ fromFieldPath: 'spec.region', toFieldPath: 'spec.forProvider.region' }] }],
      } },
      { step: 'ready', functionRef: { name: 'function-auto-ready' } },
    ],
  },
};
const OBSERVED = `apiVersion: s3.aws.upbound.io/v1beta1
kind: Bucket
metadata:
  name: b-1
  annotations:
    crossplane.io/composition-resource-name: bucket
status:
  conditions:
  - type: Ready
    status: "True"
`;

describe('renderComposition', () => {
  test('accepts a construct-like object with toJson(), YAML text for the XR', () => {
    const construct = { toJson: () => COMPOSITION };
    const result = renderComposition({ xr: XR, composition: construct });
    expect(result).toComposeResource('bucket');
    expect(result).not.toComposeResource('database');
    expect(result).toHaveFieldValue('bucket', 'spec.forProvider.region', 'eu');
    expect(result).toHaveFieldValue('xr', 'metadata.name', 'b');
    expect(result).not.toHaveFieldValue('bucket', 'spec.forProvider.region', 'us');
    expect(result).not.toBeReady();
    expect(result).not.toBeReady('bucket');
  });

  test('with observed resources the XR and the resource are ready', () => {
    const result = renderComposition({ xr: XR, composition: COMPOSITION, observed: OBSERVED });
    expect(result).toBeReady();
    expect(result).toBeReady('bucket');
  });

  test('failing matchers explain what was composed', () => {
    const result = renderComposition({ xr: XR, composition: COMPOSITION });
    expect(() => expect(result).toComposeResource('database')).toThrow("expected the render to compose resource 'database'; composed: bucket");
    expect(() => expect(result).toHaveFieldValue('bucket', 'spec.forProvider.zone', 'a')).toThrow('but the field is not there');
  });

  test('toYamlSnapshot snapshots the YAML stream verbatim', () => {
    const snap = toYamlSnapshot(renderComposition({ xr: XR, composition: COMPOSITION }));
    expect(snap.yaml.startsWith('---\napiVersion: example.org/v1\n')).toBe(true);
    expect(String(snap)).toBe(snap.yaml);
  });

  test('output picks the Crossplane CLI to match: the reconcile of v2.3+ by default, classic on request', () => {
    const current = renderComposition({ xr: XR, composition: COMPOSITION });
    // reconciler.go: Responsive, Synced, Ready; composition_functions.go: a derived name.
    expect(current.xr.status.conditions.map((c: { type: string }) => c.type)).toStrictEqual(['Responsive', 'Synced', 'Ready']);
    expect(current.resources[0].metadata.name).toMatch(/^b-[0-9a-f]{12}$/);
    const classic = renderComposition({ xr: XR, composition: COMPOSITION, output: 'classic' });
    // The classic render.go: a lone Ready condition and generateName only.
    expect(classic.xr.status.conditions.map((c: { type: string }) => c.type)).toStrictEqual(['Ready']);
    expect(classic.resources[0].metadata.name).toBeUndefined();
    expect(classic).toHaveFieldValue('bucket', 'spec.forProvider.region', 'eu');
  });

  test('a Composition that is not one object is rejected', () => {
    expect(() => renderComposition({ xr: XR, composition: [COMPOSITION, COMPOSITION] })).toThrow('composition must be exactly one object, got 2');
  });
});

describe('renderComposition with a Composition construct', () => {
  test('uses the L1 object and resolves steps by the construct\'s function packages', () => {
    const comp = JSON.parse(JSON.stringify(COMPOSITION));
    comp.spec.pipeline[0].functionRef.name = 'my-pt';
    comp.spec.pipeline[1].functionRef.name = 'my-ready';
    const construct = {
      resource: { toJson: () => comp },
      functionPackages: [
        { name: 'my-pt', packageReference: 'xpkg.crossplane.io/crossplane-contrib/function-patch-and-transform:v0.10.8' },
        { name: 'my-ready', packageReference: 'xpkg.crossplane.io/crossplane-contrib/function-auto-ready:v0.7.0' },
      ],
    };
    const result = renderComposition({ xr: XR, composition: construct, observed: OBSERVED });
    expect(result).toComposeResource('bucket');
    expect(result).toBeReady('bucket');
  });
});

test('renderComposition takes the XRD construct for defaulting, as validate() does', () => {
  // GIVEN the quickstart API, whose XRD has no defaults to apply but must be read as an XRD
  const { Testing } = require('cdk8s');
  const { ServiceAccountApi } = require('../../examples/quickstart/service-account-api');
  const api = new ServiceAccountApi(Testing.app(), 'sa');
  const xr = { apiVersion: 'iam.example.org/v1alpha1', kind: 'XServiceAccount', metadata: { name: 'a', namespace: 'n' }, spec: { project: 'p', role: 'viewer' } };
  // WHEN rendered with the XRD construct
  const result = renderComposition({ composition: api.composition, xr, xrd: api.xrd });
  // THEN it renders as with the XRD object
  expect(result.resources.map((r: any) => r.kind)).toEqual(['ServiceAccount']);
});
