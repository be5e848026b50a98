import { Chart, Testing } from 'cdk8s';
import { Network } from '../../imports/compute.gcp.m.upbound.io';
import { Composition } from '../../src/composition';
import { CompositionFunction, FunctionPackage, FunctionRegistry } from '../../src/functions';
import { testXrd } from '../composition/_fixtures';

const pcr = { kind: 'ClusterProviderConfig', name: 'default' };

function twoCompositions(registryProps?: ConstructorParameters<typeof FunctionRegistry>[2]) {
  const app = Testing.app();
  if (registryProps) new FunctionRegistry(app, 'functions', registryProps);
  const a = new Chart(app, 'a');
  const b = new Chart(app, 'b');
  const ca = new Composition(a, 'C', { xrd: testXrd(a) });
  const cb = new Composition(b, 'C', { xrd: testXrd(b, undefined), name: 'other.test.example.org', labels: { v: '2' } });
  ca.addResource('network', Network, { spec: { providerConfigRef: pcr } });
  cb.addResource('network', Network, { spec: { providerConfigRef: pcr } });
  return { app, ca, cb };
}

const functions = (app: ReturnType<typeof Testing.app>) => app.charts.flatMap(c => c.toJson()).filter(o => o.kind === 'Function');

describe('FunctionRegistry', () => {
  test('creates exactly one Function object per function used anywhere in the app', () => {
    const { app } = twoCompositions();
    app.synthYaml();
    expect(functions(app)).toStrictEqual([{
      apiVersion: 'pkg.crossplane.io/v1', kind: 'Function',
      metadata: { name: 'function-patch-and-transform' },
      spec: { package: 'xpkg.crossplane.io/crossplane-contrib/function-patch-and-transform:v0.10.8' },
    }]);
  });

  test('is created on demand at the root with id functions', () => {
    const { app } = twoCompositions();
    expect(FunctionRegistry.find(app)?.node.path).toBe(FunctionRegistry.DEFAULT_ID);
    expect(FunctionRegistry.find(app)?.external).toBe(false);
  });

  test('pins replace the stock version app-wide, and steps reference the pinned object', () => {
    const { app, ca } = twoCompositions({ pins: [FunctionPackage.PATCH_AND_TRANSFORM.withVersion('v0.9.0')] });
    expect(functions(app).map(f => f.spec.package)).toStrictEqual(['xpkg.crossplane.io/crossplane-contrib/function-patch-and-transform:v0.9.0']);
    expect(ca.pipeline).toStrictEqual([{ step: 'patch-and-transform', functionName: 'function-patch-and-transform' }]);
  });

  test('external registries synthesize no Function objects while steps keep their names', () => {
    const { app, ca } = twoCompositions({ external: true });
    app.synthYaml();
    expect(functions(app)).toStrictEqual([]);
    expect(ca.pipeline.map(s => s.functionName)).toStrictEqual(['function-patch-and-transform']);
  });

  test('fails if one name is used for two different packages', () => {
    const { ca } = twoCompositions();
    expect(() => ca.addStep({ step: 'old-pt', function: FunctionPackage.PATCH_AND_TRANSFORM.withVersion('v0.5.0') }))
      .toThrow(/function 'function-patch-and-transform' is used as '.*:v0.10.8' and as '.*:v0.5.0': one name installs one package/);
  });

  test('fails if a second registry is created', () => {
    const { app } = twoCompositions();
    expect(() => new FunctionRegistry(app, 'more')).toThrow(/a FunctionRegistry already exists at 'functions'.*create yours before the first Composition/);
  });

  test('fails if created below the root', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    expect(() => new FunctionRegistry(chart, 'functions')).toThrow(/FunctionRegistry scope must be the root of the tree/);
  });

  test('a CompositionFunction construct passed to a step is the object referenced', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    const fn = new CompositionFunction(chart, 'Kcl', { package: FunctionPackage.KCL });
    const comp = new Composition(chart, 'C', { xrd: testXrd(chart) });
    comp.addStep({ step: 'kcl', function: fn });
    app.synthYaml();
    const objs = app.charts.flatMap(c => c.toJson()).filter(o => o.kind === 'Function').map(o => o.metadata.name);
    expect(objs.filter(n => n === 'function-kcl')).toHaveLength(1);
    expect(comp.pipeline[0]).toStrictEqual({ step: 'kcl', functionName: 'function-kcl' });
  });
});

describe('FunctionRegistry validation', () => {
  test('fails if a CompositionFunction duplicates a function the registry created', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    const comp = new Composition(chart, 'C', { xrd: testXrd(chart) });
    comp.addResource('network', Network, { spec: { providerConfigRef: pcr } });
    new CompositionFunction(chart, 'Pt', { package: FunctionPackage.PATCH_AND_TRANSFORM });
    expect(() => app.synthYaml()).toThrow(/Function metadata.name must be unique in the app, got 'function-patch-and-transform' at 'c\/Pt' and 'functions\/function-patch-and-transform'/);
  });
});
