import { convertResourcesToPipeline, ConversionWarning, mergeOptionsToPolicy, migrateConnectionDetail, migratePatch, migrateTransform } from '../../src/convert/resources-to-pipeline';

// Cases re-expressed from Crossplane's pipeline-composition converter tests (v1.14-v1.20) and
// the environment converter; each test name starts with the rule number in resources-to-pipeline.ts.

const noWarn = (w: ConversionWarning[]) => (field: string, message: string) => w.push({ field, message });

function comp(spec: Record<string, unknown>): Record<string, unknown> {
  return { apiVersion: 'apiextensions.crossplane.io/v1', kind: 'Composition', metadata: { name: 'c' }, spec: { compositeTypeRef: { apiVersion: 'x.io/v1', kind: 'XR' }, ...spec } };
}

function ptInput(c: Record<string, unknown>): any {
  const pipeline = (c.spec as any).pipeline as any[];
  return pipeline.find(s => s.step === 'patch-and-transform').input;
}

describe('convertResourcesToPipeline', () => {
  test('R1: a Pipeline Composition is returned unchanged', () => {
    const input = comp({ mode: 'Pipeline', pipeline: [{ step: 's', functionRef: { name: 'f' } }] });
    const r = convertResourcesToPipeline(input);
    expect(r.changed).toBe(false);
    expect(r.composition).toStrictEqual(input);
    expect(r.composition).not.toBe(input);
  });

  test('R2/R3: a Composition without mode becomes one patch-and-transform step', () => {
    const r = convertResourcesToPipeline(comp({ resources: [{ name: 'a', base: { apiVersion: 'v1', kind: 'ConfigMap' } }] }));
    expect(r.changed).toBe(true);
    expect((r.composition.spec as any).mode).toBe('Pipeline');
    expect((r.composition.spec as any).pipeline).toStrictEqual([{
      step: 'patch-and-transform',
      functionRef: { name: 'function-patch-and-transform' },
      input: { apiVersion: 'pt.fn.crossplane.io/v1beta1', kind: 'Resources', resources: [{ name: 'a', base: { apiVersion: 'v1', kind: 'ConfigMap' } }] },
    }]);
    expect((r.composition.spec as any).resources).toBeUndefined();
    expect(r.warnings).toEqual([]);
  });

  test('R2: explicit mode Resources converts the same way', () => {
    const r = convertResourcesToPipeline(comp({ mode: 'Resources', resources: [] }));
    expect((r.composition.spec as any).mode).toBe('Pipeline');
    expect(ptInput(r.composition).resources).toEqual([]);
  });

  test('R3: the function name can be overridden', () => {
    const r = convertResourcesToPipeline(comp({ resources: [] }), { patchAndTransformFunction: 'local-pt' });
    expect((r.composition.spec as any).pipeline[0].functionRef.name).toBe('local-pt');
  });

  test('R6: unnamed resources get resource-<index>, named ones keep their name', () => {
    const r = convertResourcesToPipeline(comp({ resources: [{ base: { apiVersion: 'v1', kind: 'A' } }, { name: 'b', base: {} }, { name: '', base: {} }] }));
    expect(ptInput(r.composition).resources.map((x: any) => x.name)).toEqual(['resource-0', 'b', 'resource-2']);
  });

  test('R5/R8/R10: patch sets are copied and their patches migrated (Crossplane\'s WithEnvironmentConfig case)', () => {
    const r = convertResourcesToPipeline(comp({
      patchSets: [{ name: 'test-patchset', patches: [
        { type: 'FromCompositeFieldPath', fromFieldPath: 'spec.test', toFieldPath: 'spec.test', transforms: [{ string: { fmt: 'test1-%s' } }, { math: { multiply: 1010 } }] },
        { type: 'CombineFromComposite', fromFieldPath: 'spec.test', toFieldPath: 'spec.test' },
      ] }],
      resources: [],
      environment: {
        environmentConfigs: [{ type: 'Reference', ref: { name: 'ref' } }],
        patches: [
          { type: 'FromCompositeFieldPath', fromFieldPath: 'spec.test', toFieldPath: 'spec.test' },
          { type: 'FromCompositeFieldPath', fromFieldPath: 'spec.test', toFieldPath: 'spec.test', transforms: [{ type: 'string', string: { fmt: 'test1-%s' } }, { type: 'math', math: { multiply: 1010 } }] },
        ],
        policy: { resolve: 'Always' },
      },
    }));
    const input = ptInput(r.composition);
    expect(input.patchSets).toStrictEqual([{ name: 'test-patchset', patches: [
      { type: 'FromCompositeFieldPath', fromFieldPath: 'spec.test', toFieldPath: 'spec.test', transforms: [
        { type: 'string', string: { fmt: 'test1-%s', type: 'Format' } }, { type: 'math', math: { multiply: 1010, type: 'Multiply' } }] },
      { type: 'CombineFromComposite', fromFieldPath: 'spec.test', toFieldPath: 'spec.test' },
    ] }]);
    expect(input.environment.patches[1].transforms).toStrictEqual([
      { type: 'string', string: { fmt: 'test1-%s', type: 'Format' } }, { type: 'math', math: { multiply: 1010, type: 'Multiply' } }]);
    expect(input.resources).toEqual([]);
  });

  test('R11: environment config selection becomes an environment-configs step before P&T', () => {
    const r = convertResourcesToPipeline(comp({
      resources: [],
      environment: {
        defaultData: { a: 1 },
        environmentConfigs: [{ type: 'Selector', selector: { matchLabels: [{ key: 'k', type: 'Value', value: 'v' }] } }],
        policy: { resolution: 'Optional', resolve: 'Always' },
        patches: [{ fromFieldPath: 'spec.x', toFieldPath: 'x' }],
      },
    }));
    const spec = r.composition.spec as any;
    expect(spec.environment).toBeUndefined();
    expect(spec.pipeline.map((s: any) => s.step)).toEqual(['environment-configs', 'patch-and-transform']);
    expect(spec.pipeline[0]).toStrictEqual({
      step: 'environment-configs',
      functionRef: { name: 'function-environment-configs' },
      input: {
        apiVersion: 'environmentconfigs.fn.crossplane.io/v1beta1', kind: 'Input',
        spec: {
          defaultData: { a: 1 },
          environmentConfigs: [{ type: 'Selector', selector: { matchLabels: [{ key: 'k', type: 'Value', value: 'v' }] } }],
          policy: { resolution: 'Optional' },
        },
      },
    });
    expect(spec.pipeline[1].input.environment.patches).toStrictEqual([{ type: 'FromCompositeFieldPath', fromFieldPath: 'spec.x', toFieldPath: 'x' }]);
    expect(r.warnings.map(w => w.field)).toEqual(['spec.environment.policy.resolve']);
  });

  test('R11: an environment with only patches adds no environment-configs step', () => {
    const r = convertResourcesToPipeline(comp({ resources: [], environment: { patches: [{ fromFieldPath: 'a' }] } }));
    expect((r.composition.spec as any).pipeline.map((s: any) => s.step)).toEqual(['patch-and-transform']);
  });

  test('R12: writeConnectionSecretsToNamespace and metadata are kept', () => {
    const r = convertResourcesToPipeline({ ...comp({ writeConnectionSecretsToNamespace: 'crossplane-system', resources: [] }), metadata: { name: 'c', labels: { a: 'b' } } });
    expect((r.composition.spec as any).writeConnectionSecretsToNamespace).toBe('crossplane-system');
    expect((r.composition.spec as any).compositeTypeRef).toEqual({ apiVersion: 'x.io/v1', kind: 'XR' });
    expect(r.composition.metadata).toEqual({ name: 'c', labels: { a: 'b' } });
  });

  test('unknown fields are kept and reported, never silently dropped', () => {
    const r = convertResourcesToPipeline(comp({ resources: [{ name: 'a', base: {}, extra: 1, patches: [{ fromFieldPath: 'a', odd: true }] }], surprise: 1 }));
    expect(r.warnings.map(w => w.field).sort()).toEqual(['spec.resources[0].extra', 'spec.resources[0].patches[0].odd', 'spec.surprise']);
    expect((r.composition.spec as any).surprise).toBe(1);
    expect(ptInput(r.composition).resources[0].extra).toBe(1);
  });
});

describe('R8: patch type', () => {
  test('a patch without type becomes FromCompositeFieldPath', () => {
    expect(migratePatch({ fromFieldPath: 'spec.id', toFieldPath: 'spec.id' }, 'p', noWarn([]))).toStrictEqual({ type: 'FromCompositeFieldPath', fromFieldPath: 'spec.id', toFieldPath: 'spec.id' });
  });
  test('a patch with a type keeps it', () => {
    expect(migratePatch({ type: 'CombineFromComposite', fromFieldPath: 'spec.id', toFieldPath: 'spec.id' }, 'p', noWarn([])))
      .toStrictEqual({ type: 'CombineFromComposite', fromFieldPath: 'spec.id', toFieldPath: 'spec.id' });
  });
});

describe('R9: mergeOptions become a toFieldPath policy', () => {
  test.each([
    [{}, 'ForceMergeObjects'],
    [{ appendSlice: false }, 'ForceMergeObjects'],
    [{ keepMapValues: false }, 'ForceMergeObjects'],
    [{ keepMapValues: false, appendSlice: false }, 'ForceMergeObjects'],
    [{ keepMapValues: true }, 'MergeObjects'],
    [{ keepMapValues: true, appendSlice: false }, 'MergeObjects'],
    [{ appendSlice: true }, 'ForceMergeObjectsAppendArrays'],
    [{ appendSlice: true, keepMapValues: false }, 'ForceMergeObjectsAppendArrays'],
    [{ appendSlice: true, keepMapValues: true }, 'MergeObjectsAppendArrays'],
  ])('mergeOptions %j -> %s', (mo, want) => {
    expect(mergeOptionsToPolicy(mo)).toBe(want);
    const p = migratePatch({ type: 'FromCompositeFieldPath', fromFieldPath: 'a', policy: { fromFieldPath: 'Required', mergeOptions: mo } }, 'p', noWarn([])) as any;
    expect(p.policy).toStrictEqual({ fromFieldPath: 'Required', toFieldPath: want });
  });
  test('a policy without mergeOptions gets no toFieldPath', () => {
    const p = migratePatch({ type: 'FromCompositeFieldPath', fromFieldPath: 'a', policy: { fromFieldPath: 'Optional' } }, 'p', noWarn([])) as any;
    expect(p.policy).toStrictEqual({ fromFieldPath: 'Optional' });
  });
});

describe('R10: transform types are inferred', () => {
  test.each([
    [{ math: { multiply: 1024 } }, { type: 'math', math: { multiply: 1024, type: 'Multiply' } }],
    [{ math: { clampMin: 1024 } }, { type: 'math', math: { clampMin: 1024, type: 'ClampMin' } }],
    [{ math: { clampMax: 1024 } }, { type: 'math', math: { clampMax: 1024, type: 'ClampMax' } }],
    [{ string: { convert: 'ToBase64' } }, { type: 'string', string: { convert: 'ToBase64', type: 'Convert' } }],
    [{ string: { regexp: { match: "'^eu-(.*)-'", group: 1 } } }, { type: 'string', string: { regexp: { match: "'^eu-(.*)-'", group: 1 }, type: 'Regexp' } }],
    [{ string: { fmt: 'x-%s' } }, { type: 'string', string: { fmt: 'x-%s', type: 'Format' } }],
    [{ type: 'map', map: { a: 'b' } }, { type: 'map', map: { a: 'b' } }],
  ])('%j', (input, want) => {
    const w: ConversionWarning[] = [];
    expect(migrateTransform(input, 't', noWarn(w))).toStrictEqual(want);
    expect(w).toEqual([]);
  });
  test('a transform whose type cannot be inferred is kept and reported', () => {
    const w: ConversionWarning[] = [];
    expect(migrateTransform({ map: { a: 'b' } }, 't', noWarn(w))).toStrictEqual({ map: { a: 'b' } });
    expect(w[0].field).toBe('t.type');
  });
});

describe('R7: connection details', () => {
  test('a detail with only fromConnectionSecretKey gets type and name', () => {
    expect(migrateConnectionDetail({ fromConnectionSecretKey: 'kubeconfig' }, 'd', noWarn([])))
      .toStrictEqual({ fromConnectionSecretKey: 'kubeconfig', type: 'FromConnectionSecretKey', name: 'kubeconfig' });
  });
  test('value -> FromValue', () => {
    expect(migrateConnectionDetail({ name: 'k', value: 'v' }, 'd', noWarn([]))).toStrictEqual({ name: 'k', value: 'v', type: 'FromValue' });
  });
  test('fromFieldPath -> FromFieldPath', () => {
    expect(migrateConnectionDetail({ name: 'k', fromFieldPath: 'status.x' }, 'd', noWarn([]))).toStrictEqual({ name: 'k', fromFieldPath: 'status.x', type: 'FromFieldPath' });
  });
  test('a FromValue detail without name is reported (P&T requires one)', () => {
    const w: ConversionWarning[] = [];
    migrateConnectionDetail({ value: 'v' }, 'd', noWarn(w));
    expect(w.map(x => x.field)).toEqual(['d.name']);
  });
});
