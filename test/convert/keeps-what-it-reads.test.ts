// Convert keeps what it reads: functionRef names as written, P&T inputs the builders can write
// (input-level writeConnectionSecretToRef), verbatim fallbacks that synthesize, findings
// Crossplane accepts kept as named suppressions, and composed versions the user runs.
import * as path from 'node:path';
import { App, Testing } from 'cdk8s';
import { stringify } from 'yaml';
import { convertDocuments, ConvertDocumentsOptions } from '../../src/convert/convert';
import { parseInputs } from '../../src/convert/load';
import { useCrdSources, useProjectCrds } from '../../src/schema/provider-crds';
import { evaluateModule } from './_eval';

type Obj = Record<string, any>;

const GCP_V1 = path.resolve(__dirname, '../fixtures/provider-crds/provider-upjet-gcp-v1.14.0');

const XRD: Obj = {
  apiVersion: 'apiextensions.crossplane.io/v2', kind: 'CompositeResourceDefinition', metadata: { name: 'xdbs.example.org' },
  spec: {
    group: 'example.org', scope: 'Cluster', names: { kind: 'XDb', plural: 'xdbs' },
    versions: [{
      name: 'v1', served: true, referenceable: true,
      schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { size: { type: 'integer' }, name: { type: 'string' } } } } } },
    }],
  },
};

/** A Pipeline Composition with one P&T step holding `input`, run by `functionName`. */
function composition(input: Obj, functionName = 'function-patch-and-transform', step = 'patch-and-transform'): Obj {
  return {
    apiVersion: 'apiextensions.crossplane.io/v1', kind: 'Composition', metadata: { name: 'xdbs.example.org' },
    spec: {
      compositeTypeRef: { apiVersion: 'example.org/v1', kind: 'XDb' }, mode: 'Pipeline',
      pipeline: [{ step, functionRef: { name: functionName }, input: { apiVersion: 'pt.fn.crossplane.io/v1beta1', kind: 'Resources', ...input } }],
    },
  };
}

const bucket = (apiVersion = 'storage.gcp.upbound.io/v1beta1') => ({ name: 'bucket', base: { apiVersion, kind: 'Bucket', spec: { forProvider: { location: 'EU' } } } });

/** Converts `objects`, synthesizes the module, and returns its source, the Composition synthesized and the notes. */
function roundTrip(objects: Obj[], options: ConvertDocumentsOptions = {}) {
  const result = convertDocuments(parseInputs(objects.map(o => stringify(o)).join('---\n'), 'in.yaml'), options);
  expect(result.problems).toEqual([]);
  const module = result.files.find(f => f.path !== 'main.ts')!;
  const mod = evaluateModule(module.content);
  const chart = Testing.chart();
  (Object.values(mod).find(v => typeof v === 'function') as (s: unknown) => unknown)(chart);
  const synthesized = (chart.node.root as App).charts.flatMap(c => Testing.synth(c)) as Obj[];
  return {
    source: module.content,
    composition: synthesized.find(o => o.kind === 'Composition')!,
    functions: synthesized.filter(o => o.kind === 'Function').map(o => o.metadata.name),
    notes: result.notes.map(n => `${n.field}: ${n.message}`),
  };
}

afterEach(() => useProjectCrds(undefined));

describe('functionRef names', () => {
  test('are kept as written, and the Function of that name is part of the app', () => {
    const out = roundTrip([XRD, composition({ resources: [bucket('storage.gcp.upbound.io/v1beta2')] }, 'crossplane-contrib-function-patch-and-transform')]);
    expect(out.composition.spec.pipeline[0].functionRef.name).toBe('crossplane-contrib-function-patch-and-transform');
    expect(out.functions).toContain('crossplane-contrib-function-patch-and-transform');
    expect(out.source).toContain("patchAndTransformFunction: FunctionPackage.PATCH_AND_TRANSFORM.withName('crossplane-contrib-function-patch-and-transform')");
    expect(out.notes.filter(n => n.includes('functionRef'))).toEqual([]);
  });

  test('are renamed to the stock names only when asked, with a note', () => {
    const out = roundTrip([XRD, composition({ resources: [bucket('storage.gcp.upbound.io/v1beta2')] }, 'crossplane-contrib-function-patch-and-transform')], { renameFunctions: true });
    expect(out.composition.spec.pipeline[0].functionRef.name).toBe('function-patch-and-transform');
    expect(out.notes).toContainEqual(expect.stringMatching(/^spec\.pipeline\[0\]\.functionRef\.name: 'crossplane-contrib-function-patch-and-transform' is written as 'function-patch-and-transform' \(renameFunctions\)/));
  });
});

describe('P&T inputs', () => {
  test('an input-level writeConnectionSecretToRef is written with the builders and comes back equal', () => {
    const ref = { name: 'db-conn', patches: [{ type: 'FromCompositeFieldPath', fromFieldPath: 'spec.name', toFieldPath: 'name' }] };
    const input = composition({ writeConnectionSecretToRef: ref, resources: [bucket('storage.gcp.upbound.io/v1beta2')] });
    const out = roundTrip([XRD, input]);
    expect(out.source).toContain('writeConnectionSecretToRef: {');
    expect(out.source).not.toContain('addStep(');
    expect(out.composition.spec.pipeline[0].input.writeConnectionSecretToRef).toEqual(ref);
  });

  test('a verbatim fallback step named patch-and-transform synthesizes, without a name collision', () => {
    // An input field the builders do not know keeps the whole step verbatim.
    const input = composition({ resources: [bucket('storage.gcp.upbound.io/v1beta2')], futureField: true });
    const out = roundTrip([XRD, input]);
    expect(out.source).toContain('addStep(');
    expect(out.composition.spec.pipeline.map((s: Obj) => s.step)).toEqual(['patch-and-transform']);
    expect(out.composition.spec.pipeline[0].input).toEqual(input.spec.pipeline[0].input);
  });
});

describe('findings Crossplane accepts', () => {
  test("'%d' on an XR number converts to the same YAML, with a named suppression saying what Crossplane prints", () => {
    const patch = { type: 'FromCompositeFieldPath', fromFieldPath: 'spec.size', toFieldPath: 'metadata.annotations[size]', transforms: [{ type: 'string', string: { type: 'Format', fmt: 'size-%d' } }] };
    const input = composition({ resources: [{ ...bucket('storage.gcp.upbound.io/v1beta2'), patches: [patch] }] });
    const out = roundTrip([XRD, input]);
    expect(out.source).toMatch(/suppress: \[\s*LintRule\.NUMBER_FORMAT \/\* kept as written: Crossplane prints %!d\(float64=<value>\) here, since XR numbers arrive as float64 \*\/,?\s*\]/);
    expect(out.composition.spec.pipeline[0].input.resources[0].patches).toEqual([patch]);
  });

  test('a ToCompositeFieldPath outside the XR status converts with a named suppression', () => {
    const patch = { type: 'ToCompositeFieldPath', fromFieldPath: 'metadata.name', toFieldPath: 'metadata.annotations[bucket]' };
    const out = roundTrip([XRD, composition({ resources: [{ ...bucket('storage.gcp.upbound.io/v1beta2'), patches: [patch] }] })]);
    expect(out.source).toContain('LintRule.XR_NON_STATUS_WRITE /* kept as written: Crossplane drops this write, since only the XR status persists from a pipeline */');
    expect(out.composition.spec.pipeline[0].input.resources[0].patches).toEqual([patch]);
  });
});

describe('composed versions', () => {
  test('without CRDs, a version the bundled schemas do not serve is a plain object with a note and a suppression', () => {
    // The bundled provider-upjet-gcp (v3) serves ProjectIAMMember at v1beta2 only.
    const member = { name: 'member', base: { apiVersion: 'cloudplatform.gcp.upbound.io/v1beta1', kind: 'ProjectIAMMember', spec: { forProvider: { role: 'roles/viewer' } } } };
    const out = roundTrip([XRD, composition({ resources: [member] })]);
    expect(out.source).toMatch(/addResource\(\s*'member',\s*\{\s*apiVersion: 'cloudplatform\.gcp\.upbound\.io\/v1beta1'/);
    expect(out.source).toMatch(/suppress: \[\s*LintRule\.UNSERVED_VERSION \/\* the bundled schemas serve cloudplatform\.gcp\.upbound\.io\/v1beta2; the provider this was written for serves cloudplatform\.gcp\.upbound\.io\/v1beta1 \*\//);
    expect(out.notes).toContainEqual(expect.stringMatching(/^spec\.pipeline\[0\]\.input\.resources\[0\]\.base\.apiVersion: 'cloudplatform\.gcp\.upbound\.io\/v1beta1' is not served by the bundled schemas/));
    expect(out.composition.spec.pipeline[0].input.resources[0].base).toEqual(member.base);
  });

  test('with the CRDs of the version it was written for, it converts without suppression and synthesizes against them', () => {
    useCrdSources([GCP_V1]);
    const member = { name: 'member', base: { apiVersion: 'cloudplatform.gcp.upbound.io/v1beta1', kind: 'ProjectIAMMember', spec: { forProvider: { role: 'roles/viewer' } } } };
    const out = roundTrip([XRD, composition({ resources: [member] })], { crds: [GCP_V1] });
    expect(out.source).not.toContain('LintRule');
    expect(out.notes.filter(n => n.includes('served'))).toEqual([]);
    expect(out.composition.spec.pipeline[0].input.resources[0].base).toEqual(member.base);
  });

  test('with CRDs, a path the version does not have fails synth naming it', () => {
    useCrdSources([GCP_V1]);
    const member = {
      name: 'member', base: { apiVersion: 'cloudplatform.gcp.upbound.io/v1beta1', kind: 'ProjectIAMMember', spec: { forProvider: {} } },
      patches: [{ type: 'FromCompositeFieldPath', fromFieldPath: 'spec.name', toFieldPath: 'spec.forProvider.rolee' }],
    };
    expect(() => roundTrip([XRD, composition({ resources: [member] })], { crds: [GCP_V1] })).toThrow(/toFieldPath must name a field of the composed resource's schema, got 'spec.forProvider.rolee'.*did you mean 'role'/);
  });
});
