import { ApiObject, Testing } from 'cdk8s';
import { assignLayers, layerOf, PlatformLayer } from '../../src/gitops';

const obj = (apiVersion: string, kind: string, name = 'x') => ({ apiVersion, kind, metadata: { name } });

describe('layerOf', () => {
  test.each([
    ['pkg.crossplane.io/v1', 'Function', 'functions'],
    ['pkg.crossplane.io/v1', 'Provider', 'functions'],
    ['pkg.crossplane.io/v1beta1', 'DeploymentRuntimeConfig', 'functions'],
    ['pkg.crossplane.io/v1', 'Configuration', 'functions'],
    ['apiextensions.crossplane.io/v1', 'CompositeResourceDefinition', 'definitions'],
    ['apiextensions.crossplane.io/v2', 'CompositeResourceDefinition', 'definitions'],
    ['apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'definitions'],
    ['apiextensions.crossplane.io/v1', 'Composition', 'compositions'],
    ['apiextensions.crossplane.io/v1beta1', 'EnvironmentConfig', 'compositions'],
    ['platform.acme.io/v1alpha1', 'XGKE', 'examples'],
    ['gcp.upbound.io/v1beta1', 'ProviderConfig', 'examples'],
    ['v1', 'Namespace', 'examples'],
    // A kind that happens to be called Function in another group is not a Crossplane package.
    ['platform.acme.io/v1', 'Function', 'examples'],
  ])('puts %s %s in the %s layer', (apiVersion, kind, layer) => {
    expect(layerOf(obj(apiVersion, kind))?.name).toBe(layer);
  });

  test('leaves package metadata (crossplane.yaml) out of every layer', () => {
    expect(layerOf(obj('meta.pkg.crossplane.io/v1', 'Configuration'))).toBeUndefined();
  });

  test('reads cdk8s ApiObjects as well as plain manifests', () => {
    // GIVEN an ApiObject for a Composition
    const chart = Testing.chart();
    const composition = new ApiObject(chart, 'c', { apiVersion: 'apiextensions.crossplane.io/v1', kind: 'Composition', metadata: { name: 'c' } });
    // THEN it is a composition
    expect(layerOf(composition)).toBe(PlatformLayer.COMPOSITIONS);
  });
});

describe('PlatformLayer', () => {
  test('names the folders with an order prefix, in apply order', () => {
    expect(PlatformLayer.ALL.map((l) => l.folder)).toStrictEqual(['10-functions', '20-definitions', '30-compositions', '40-examples']);
  });
});

describe('assignLayers', () => {
  test('groups objects by layer in apply order and keeps their relative order', () => {
    // GIVEN objects in mixed order
    const xr = obj('platform.acme.io/v1alpha1', 'XGKE', 'dev');
    const comp = obj('apiextensions.crossplane.io/v1', 'Composition', 'gke');
    const fnB = obj('pkg.crossplane.io/v1', 'Function', 'b');
    const fnA = obj('pkg.crossplane.io/v1', 'Function', 'a');
    const meta = obj('meta.pkg.crossplane.io/v1', 'Configuration', 'platform');
    // WHEN
    const layers = assignLayers([xr, comp, fnB, meta, fnA]);
    // THEN only non-empty layers, functions first, b before a as given, metadata dropped
    expect(layers.map((l) => [l.layer.folder, l.objects.map((o) => o.metadata.name)])).toStrictEqual([
      ['10-functions', ['b', 'a']],
      ['30-compositions', ['gke']],
      ['40-examples', ['dev']],
    ]);
  });

  test('returns no layers for no objects', () => {
    expect(assignLayers([])).toStrictEqual([]);
  });
});
