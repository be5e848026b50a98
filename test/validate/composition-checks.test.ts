import { FunctionPackage } from '../../src/functions/function-package';
import { validate } from '../../src/validate/validate';

// Reference section 8, items 7-16 and section 5 (namespaced XRs compose namespaced kinds only).
const xrd = (scope: string) => ({
  apiVersion: 'apiextensions.crossplane.io/v2',
  kind: 'CompositeResourceDefinition',
  metadata: { name: 'xclusters.platform.example.org' },
  spec: {
    group: 'platform.example.org', scope, names: { kind: 'XCluster', plural: 'xclusters' },
    versions: [{ name: 'v1alpha1', served: true, referenceable: true, schema: { openAPIV3Schema: { type: 'object', properties: {
      spec: { type: 'object', properties: { region: { type: 'string' } } },
      status: { type: 'object', properties: { endpoint: { type: 'string' } } },
    } } } }],
  },
});

const composition = (resources: unknown[], opts: { apiVersion?: string; functionName?: string } = {}) => ({
  apiVersion: 'apiextensions.crossplane.io/v1',
  kind: 'Composition',
  metadata: { name: 'xclusters' },
  spec: {
    compositeTypeRef: { apiVersion: opts.apiVersion ?? 'platform.example.org/v1alpha1', kind: 'XCluster' },
    mode: 'Pipeline',
    pipeline: [{ step: 'pt', functionRef: { name: opts.functionName ?? 'function-patch-and-transform' }, input: { apiVersion: 'pt.fn.crossplane.io/v1beta1', kind: 'Resources', resources } }],
  },
});

const cluster = (patches: unknown[], apiVersion = 'container.gcp.m.upbound.io/v1beta1') => ({
  name: 'cluster',
  base: { apiVersion, kind: 'Cluster', spec: { forProvider: { location: 'us-east1' } } },
  patches,
});

const fn = { apiVersion: 'pkg.crossplane.io/v1', kind: 'Function', metadata: { name: 'function-patch-and-transform' }, spec: { package: 'xpkg.crossplane.io/crossplane-contrib/function-patch-and-transform:v0.8.2' } };

const errorsOf = (objs: unknown[], rule: string) => validate(objs).filter((f) => f.rule === rule && f.severity === 'error');

describe('composed-side patch paths', () => {
  test('a path that exists in the composed schema passes', () => {
    const c = composition([cluster([{ fromFieldPath: 'spec.region', toFieldPath: 'spec.forProvider.location' }, { fromFieldPath: 'spec.region', toFieldPath: 'spec.forProvider.nodeConfig.machineType' }, { fromFieldPath: 'spec.region', toFieldPath: 'metadata.labels[region]' }])]);
    expect(validate([xrd('Namespaced'), c, fn]).filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('a misspelled path is rejected with the field and a suggestion', () => {
    const f = errorsOf([xrd('Namespaced'), composition([cluster([{ fromFieldPath: 'spec.region', toFieldPath: 'spec.forProvider.locaton' }])])], 'composition-patch-path');
    expect(f).toHaveLength(1);
    expect(f[0].path).toBe('spec.pipeline[0].input.resources[0].patches[0].toFieldPath');
    expect(f[0].message).toContain("did you mean 'location'?");
  });

  test('the removed v1beta1 array form of nested blocks does not exist in the object form', () => {
    const f = errorsOf([xrd('Namespaced'), composition([cluster([{ fromFieldPath: 'spec.region', toFieldPath: 'spec.forProvider.nodeConfig[0].machineType' }])])], 'composition-patch-path');
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('not an array');
  });

  test('ToCompositeFieldPath targets must be declared in the XR schema', () => {
    const ok = composition([cluster([{ type: 'ToCompositeFieldPath', fromFieldPath: 'status.atProvider.endpoint', toFieldPath: 'status.endpoint' }])]);
    expect(errorsOf([xrd('Namespaced'), ok], 'composition-patch-path')).toEqual([]);
    const bad = composition([cluster([{ type: 'ToCompositeFieldPath', fromFieldPath: 'status.atProvider.endpoint', toFieldPath: 'status.endpiont' }])]);
    const f = errorsOf([xrd('Namespaced'), bad], 'composition-patch-path');
    expect(f.map((x) => x.path)).toEqual(['spec.pipeline[0].input.resources[0].patches[0].toFieldPath']);
    expect(f[0].message).toContain('XR schema');
  });

  test('ToCompositeFieldPath into spec is a warning: only the XR status is persisted', () => {
    const c = composition([cluster([{ type: 'ToCompositeFieldPath', fromFieldPath: 'status.atProvider.endpoint', toFieldPath: 'spec.region' }])]);
    const f = validate([xrd('Namespaced'), c]).filter((x) => x.rule === 'composition-patch-path');
    expect(f).toEqual([expect.objectContaining({ severity: 'warning', path: 'spec.pipeline[0].input.resources[0].patches[0].toFieldPath' })]);
  });

  test('patches from a PatchSet are checked too', () => {
    const c = composition([cluster([{ type: 'PatchSet', patchSetName: 'common' }])]);
    (c.spec.pipeline[0].input as any).patchSets = [{ name: 'common', patches: [{ fromFieldPath: 'spec.region', toFieldPath: 'spec.forProvider.nope' }] }];
    expect(errorsOf([xrd('Namespaced'), c], 'composition-patch-path')).toHaveLength(1);
  });
});

describe('composition scope and references', () => {
  test('a namespaced XR composing a cluster-scoped kind is rejected', () => {
    const c = composition([cluster([], 'container.gcp.upbound.io/v1beta2')]);
    expect(errorsOf([xrd('Namespaced'), c], 'composition-scope')).toHaveLength(1);
    expect(errorsOf([xrd('Cluster'), c], 'composition-scope')).toEqual([]);
  });

  test('a compositeTypeRef off the referenceable version is a warning: the API server admits it', () => {
    // Crossplane v2 has no Composition webhook and the Composition CRD has no rule tying
    // compositeTypeRef to an XRD (crossplane/crossplane 2d040d2daf4e,
    // cluster/crds/apiextensions.crossplane.io_compositions.yaml): XRs just never select it.
    const f = validate([xrd('Namespaced'), composition([], { apiVersion: 'platform.example.org/v1beta1' })]).filter((x) => x.rule === 'composition');
    expect(f).toEqual([expect.objectContaining({ path: 'spec.compositeTypeRef.apiVersion', severity: 'warning' })]);
    expect(f[0].message).toContain('platform.example.org/v1alpha1');
  });

  test('a functionRef naming no Function among the objects is a warning: the API server admits it', () => {
    // No Composition webhook in v2 and no CEL rule on functionRef in the Composition CRD
    // (crossplane/crossplane 2d040d2daf4e, cluster/crds/apiextensions.crossplane.io_compositions.yaml);
    // a package's dependsOn often installs the Function.
    const found = validate([xrd('Namespaced'), composition([cluster([])], { functionName: 'function-typo' }), fn]).filter((f) => f.rule === 'composition-function');
    expect(found).toEqual([expect.objectContaining({ path: 'spec.pipeline[0].functionRef.name', severity: 'warning' })]);
    const all = (objs: unknown[]) => validate(objs).filter((f) => f.rule === 'composition-function');
    expect(all([xrd('Namespaced'), composition([cluster([])]), fn])).toEqual([]);
    // Without any Function object the reference cannot be judged.
    expect(all([xrd('Namespaced'), composition([cluster([])], { functionName: 'function-typo' })])).toEqual([]);
  });
});

describe('P&T input', () => {

  test('invalid P&T input is reported as P&T reports it, under the step input path', () => {
    const c = composition([cluster([{ type: 'FromCompositeFieldPath', toFieldPath: 'spec.forProvider.location' }])]);
    const f = validate([xrd('Namespaced'), c]).filter((x) => x.rule === 'pt-input');
    expect(f).toEqual([expect.objectContaining({ path: 'spec.pipeline[0].input.resources[0].patches[0].fromFieldPath', severity: 'error' })]);
    expect(f[0].message).toContain('fromFieldPath must be set');
  });

  test('a field P&T does not know is an error naming the P&T release whose strict decoding rejects it', () => {
    // function-sdk-go v0.5.0 (the SDK of P&T v0.10.8's go.mod), resource/resource.go AsObject:
    // json.Unmarshal(..., json.RejectUnknownMembers(true)) wrapped in
    // "cannot get function input %T from %T" by request/request.go GetInput.
    const c = composition([cluster([{ type: 'FromCompositeFieldPath', fromFieldPath: 'spec.a', toFieldPath: 'spec.forProvider.location', tranforms: [] }])]);
    const f = validate([xrd('Namespaced'), c]).filter((x) => x.rule === 'pt-input');
    expect(f).toEqual([expect.objectContaining({ path: 'spec.pipeline[0].input', severity: 'error' })]);
    expect(f[0].message).toMatch(/^cannot get Function input: cannot get function input \*v1beta1\.Resources from \*v1\.RunFunctionRequest: .*unknown object member name "tranforms"/);
    expect(f[0].message).toContain(`function-patch-and-transform ${FunctionPackage.PATCH_AND_TRANSFORM.version} decodes its input strictly, through function-sdk-go v0.5.0`);
  });

  test('a PatchSet patch inside a patch set is reported with the error P&T fails the step with', () => {
    // P&T 55116ae patches.go ComposedTemplates: errPatchSetType, wrapped by fn.go as "cannot resolve PatchSets".
    const c = composition([cluster([{ type: 'PatchSet', patchSetName: 'outer' }])]);
    (c.spec.pipeline[0].input as any).patchSets = [{ name: 'outer', patches: [{ type: 'PatchSet', patchSetName: 'inner' }] }, { name: 'inner', patches: [] }];
    const f = validate([xrd('Namespaced'), c]).filter((x) => x.rule === 'pt-input');
    expect(f).toEqual([expect.objectContaining({ path: 'spec.pipeline[0].input.patchSets[0].patches[0].type', severity: 'error', message: 'cannot resolve PatchSets: a patch in a PatchSet cannot be of type PatchSet' })]);
  });

  test('a reference to a patch set that does not exist is reported as P&T reports it', () => {
    const c = composition([cluster([{ type: 'PatchSet', patchSetName: 'nope' }])]);
    const f = validate([xrd('Namespaced'), c]).filter((x) => x.rule === 'pt-input');
    expect(f).toEqual([expect.objectContaining({ path: 'spec.pipeline[0].input.resources[0].patches[0].patchSetName', message: 'cannot resolve PatchSets: cannot find PatchSet by name nope' })]);
  });

  test('Functions passed with the schemas count for functionRef checks', () => {
    const c = composition([cluster([])], { functionName: 'function-typo' });
    expect(validate([xrd('Namespaced'), c], { schemas: [fn] }).filter((x) => x.rule === 'composition-function')).toHaveLength(1);
    expect(validate([xrd('Namespaced'), composition([cluster([])])], { functionNames: ['function-patch-and-transform'] }).filter((x) => x.rule === 'composition-function')).toEqual([]);
  });
});
