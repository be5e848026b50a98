/**
 * Patch application, re-expressing P&T's patches_test.go: sources, destinations, policies,
 * wildcards, combine and patch sets (reference §3.4–§3.7).
 */
import { isNotFoundDeep } from '../../../../src/engine/runtime/fieldpath';
import { applyComposedPatch, applyEnvironmentPatch, resolvePatchSets, toComposedResource } from '../../../../src/engine/functions/patch-and-transform/patches';
import type { PtPatch } from '../../../../src/engine/functions/patch-and-transform/input';
import { fromKubernetesJson, fromStruct, toPlain } from '../../../../src/engine/go/values';
import type { ObjectValue } from '../../../../src/engine/go/values';

const observedXr = (spec: unknown) => fromStruct({ apiVersion: 'v', kind: 'XR', metadata: { name: 'xr' }, spec }) as ObjectValue;
const base = (o: unknown) => fromKubernetesJson(o) as ObjectValue;

function patchComposed(p: PtPatch, oxrSpec: unknown, dcd: unknown, ocd?: unknown) {
  const d = base(dcd);
  const dxr: ObjectValue = {};
  const env: ObjectValue = {};
  applyComposedPatch(p, ocd === undefined ? undefined : (fromStruct(ocd) as ObjectValue), d, observedXr(oxrSpec), dxr, env);
  return { dcd: toPlain(d), dxr: toPlain(dxr), env: toPlain(env) };
}

describe('applyComposedPatch (ported from patches_test.go)', () => {
  test('FromCompositeFieldPath copies a value; toFieldPath defaults to fromFieldPath', () => {
    expect(patchComposed({ fromFieldPath: 'spec.a' }, { a: 'x' }, { kind: 'CD' }).dcd).toEqual({ kind: 'CD', spec: { a: 'x' } });
  });

  test('a missing source is a not-found error (skipped or Required handling by the caller)', () => {
    let err: unknown;
    try {
      patchComposed({ fromFieldPath: 'spec.nope', toFieldPath: 'spec.b' }, {}, {});
    } catch (e) {
      err = e;
    }
    expect(isNotFoundDeep(err)).toBe(true);
  });

  test('reading through a non-object is a fatal (non-not-found) error', () => {
    let err: unknown;
    try {
      patchComposed({ fromFieldPath: 'spec.a.b', toFieldPath: 'spec.b' }, { a: 'str' }, {});
    } catch (e) {
      err = e;
    }
    expect(err).toBeDefined();
    expect(isNotFoundDeep(err)).toBe(false);
  });

  test('XR numbers (float64) are written as integers after the JSON round trip', () => {
    const d = base({});
    applyComposedPatch({ fromFieldPath: 'spec.n', toFieldPath: 'spec.n' }, undefined, d, observedXr({ n: 3 }), {}, {});
    expect((d.spec as ObjectValue).n).toBe(3n);
  });

  test('Replace (default) replaces an existing object', () => {
    expect(patchComposed({ fromFieldPath: 'spec.o', toFieldPath: 'spec.o' }, { o: { a: 1 } }, { spec: { o: { b: 2 } } }).dcd).toEqual({ spec: { o: { a: 1 } } });
  });

  test('MergeObjects keeps existing keys and adds missing ones', () => {
    const out = patchComposed({ fromFieldPath: 'spec.o', toFieldPath: 'spec.o', policy: { toFieldPath: 'MergeObjects' } }, { o: { a: 'new', c: 'new' } }, { spec: { o: { a: 'old', b: 'old' } } });
    expect(out.dcd).toEqual({ spec: { o: { a: 'old', b: 'old', c: 'new' } } });
  });

  test('ForceMergeObjects overwrites existing keys and keeps the others', () => {
    const out = patchComposed({ fromFieldPath: 'spec.o', toFieldPath: 'spec.o', policy: { toFieldPath: 'ForceMergeObjects' } }, { o: { a: 'new', c: 'new' } }, { spec: { o: { a: 'old', b: 'old' } } });
    expect(out.dcd).toEqual({ spec: { o: { a: 'new', b: 'old', c: 'new' } } });
  });

  test('ForceMergeObjectsAppendArrays appends arrays, dropping duplicates', () => {
    const out = patchComposed({ fromFieldPath: 'spec.l', toFieldPath: 'spec.l', policy: { toFieldPath: 'ForceMergeObjectsAppendArrays' } }, { l: ['b', 'c'] }, { spec: { l: ['a', 'b'] } });
    expect(out.dcd).toEqual({ spec: { l: ['a', 'b', 'c'] } });
  });

  test('a [*] toFieldPath overwrites the field in every array element that has it', () => {
    const out = patchComposed({ fromFieldPath: 'spec.r', toFieldPath: 'spec.rules[*].region' }, { r: 'eu' }, { spec: { rules: [{ n: 1, region: '' }, { n: 2, region: 'us' }] } });
    expect(out.dcd).toEqual({ spec: { rules: [{ n: 1, region: 'eu' }, { n: 2, region: 'eu' }] } });
  });

  test('a [*] toFieldPath cannot create the leaf field: a missing leaf expands to nothing', () => {
    expect(() => patchComposed({ fromFieldPath: 'spec.r', toFieldPath: 'spec.rules[*].region' }, { r: 'eu' }, { spec: { rules: [{ n: 1 }] } })).toThrow('cannot expand ToFieldPath spec.rules[*].region');
  });

  test('a [*] toFieldPath with nothing to expand is an error', () => {
    expect(() => patchComposed({ fromFieldPath: 'spec.r', toFieldPath: 'spec.rules[*].region' }, { r: 'eu' }, { spec: {} })).toThrow('cannot expand ToFieldPath spec.rules[*].region');
  });

  test('CombineFromComposite formats every variable with Sprintf (float64 with %s prints Go error text)', () => {
    const p: PtPatch = { type: 'CombineFromComposite', toFieldPath: 'spec.name', combine: { strategy: 'string', string: { fmt: '%s-%s' }, variables: [{ fromFieldPath: 'spec.a' }, { fromFieldPath: 'spec.n' }] } };
    expect(patchComposed(p, { a: 'x', n: 10 }, {}).dcd).toEqual({ spec: { name: 'x-%!s(float64=10)' } });
  });

  test('CombineFromComposite with a missing variable is a not-found error', () => {
    const p: PtPatch = { type: 'CombineFromComposite', toFieldPath: 'spec.name', combine: { strategy: 'string', string: { fmt: '%s-%s' }, variables: [{ fromFieldPath: 'spec.a' }, { fromFieldPath: 'spec.b' }] } };
    let err: unknown;
    try {
      patchComposed(p, { a: 'x' }, {});
    } catch (e) {
      err = e;
    }
    expect(isNotFoundDeep(err)).toBe(true);
  });

  test('ToCompositeFieldPath reads the observed composed resource and writes the desired XR', () => {
    expect(patchComposed({ type: 'ToCompositeFieldPath', fromFieldPath: 'status.id', toFieldPath: 'status.id' }, {}, {}, { status: { id: 'i' } }).dxr).toEqual({ status: { id: 'i' } });
  });

  test('CombineToEnvironment writes the environment', () => {
    const p: PtPatch = { type: 'CombineToEnvironment', toFieldPath: 'x', combine: { strategy: 'string', string: { fmt: '%s/%s' }, variables: [{ fromFieldPath: 'a' }, { fromFieldPath: 'b' }] } };
    expect(patchComposed(p, {}, {}, { a: '1', b: '2' }).env).toEqual({ x: '1/2' });
  });

  test('patches from a composed resource that does not exist yet are no-ops', () => {
    expect(patchComposed({ type: 'ToEnvironmentFieldPath', fromFieldPath: 'status.id', toFieldPath: 'id' }, {}, {}).env).toEqual({});
  });

  test('toComposedResource classifies patch types', () => {
    expect(['FromCompositeFieldPath', 'CombineFromComposite', 'FromEnvironmentFieldPath', 'CombineFromEnvironment'].map((type) => toComposedResource({ type }))).toEqual([true, true, true, true]);
    expect(['ToCompositeFieldPath', 'CombineToComposite', 'ToEnvironmentFieldPath', 'CombineToEnvironment', 'PatchSet'].map((type) => toComposedResource({ type }))).toEqual([false, false, false, false, false]);
  });
});

describe('applyEnvironmentPatch (ported)', () => {
  test('FromCompositeFieldPath and ToEnvironmentFieldPath write the environment from the XR', () => {
    for (const type of ['FromCompositeFieldPath', 'ToEnvironmentFieldPath']) {
      const env: ObjectValue = {};
      applyEnvironmentPatch({ type, fromFieldPath: 'spec.a', toFieldPath: 'a' }, env, observedXr({ a: 'x' }), {});
      expect(toPlain(env)).toEqual({ a: 'x' });
    }
  });
  test('ToCompositeFieldPath and FromEnvironmentFieldPath write the desired XR from the environment', () => {
    for (const type of ['ToCompositeFieldPath', 'FromEnvironmentFieldPath']) {
      const dxr: ObjectValue = {};
      applyEnvironmentPatch({ type, fromFieldPath: 'a', toFieldPath: 'status.a' }, fromStruct({ a: 1 }) as ObjectValue, observedXr({}), dxr);
      expect(toPlain(dxr)).toEqual({ status: { a: 1 } });
    }
  });
});

describe('resolvePatchSets (ported from ComposedTemplates tests)', () => {
  test('patch sets are spliced in order', () => {
    const out = resolvePatchSets({
      patchSets: [{ name: 'a', patches: [{ fromFieldPath: 'x' }, { fromFieldPath: 'y' }] }],
      resources: [{ name: 'r', patches: [{ fromFieldPath: 'w' }, { type: 'PatchSet', patchSetName: 'a' }, { fromFieldPath: 'z' }] }],
    });
    expect(out[0].patches!.map((p) => p.fromFieldPath)).toEqual(['w', 'x', 'y', 'z']);
  });
  test('a PatchSet inside a patch set is an error', () => {
    expect(() => resolvePatchSets({ patchSets: [{ name: 'a', patches: [{ type: 'PatchSet', patchSetName: 'b' }] }], resources: [] })).toThrow('a patch in a PatchSet cannot be of type PatchSet');
  });
  test('an undefined patch set is an error', () => {
    expect(() => resolvePatchSets({ resources: [{ name: 'r', patches: [{ type: 'PatchSet', patchSetName: 'nope' }] }] })).toThrow('cannot find PatchSet by name nope');
  });
});

describe('ApplyFromFieldPathPatch and ApplyCombineFromVariablesPatch (ported from pt/patches_test.go)', () => {
  const XRK = (o: object) => fromStruct({ apiVersion: 'test.crossplane.io/v1', kind: 'XR', ...o }) as ObjectValue;
  const CDK = (o: object) => fromKubernetesJson({ apiVersion: 'test.crossplane.io/v1', kind: 'Composed', ...o }) as ObjectValue;
  const apply = (p: PtPatch, from: ObjectValue, to: ObjectValue) => applyComposedPatch(p, undefined, to, from, {}, {});

  test('ValidFromCompositeFieldPath: copies metadata.labels', () => {
    const to = CDK({ metadata: { name: 'cd' } });
    apply({ type: 'FromCompositeFieldPath', fromFieldPath: 'metadata.labels', toFieldPath: 'metadata.labels' }, XRK({ metadata: { labels: { test: 'blah' } } }), to);
    expect(toPlain(to)).toEqual(toPlain(CDK({ metadata: { name: 'cd', labels: { test: 'blah' } } })));
  });

  test('ValidFromFieldPathWithWildcards: sets the field in every element', () => {
    const to = CDK({ metadata: { ownerReferences: [{ name: '' }, { name: '' }] } });
    apply({ fromFieldPath: 'metadata.name', toFieldPath: 'metadata.ownerReferences[*].name' }, XRK({ metadata: { name: 'test' } }), to);
    expect(toPlain(to.metadata)).toEqual({ ownerReferences: [{ name: 'test' }, { name: 'test' }] });
  });

  test('InvalidCompositeFieldPathPatchWithWildcards: cannot expand, object untouched', () => {
    const to = CDK({ metadata: { ownerReferences: [{ name: 'test' }, { name: 'test' }] } });
    expect(() => apply({ fromFieldPath: 'metadata.name', toFieldPath: 'metadata.ownerReferences[*].badField' }, XRK({ metadata: { name: 'test' } }), to))
      .toThrow('cannot expand ToFieldPath metadata.ownerReferences[*].badField');
    expect(toPlain(to.metadata)).toEqual({ ownerReferences: [{ name: 'test' }, { name: 'test' }] });
  });

  test('ValidToFieldPathWithWildcardsAndMergePolicy: appends to every expanded array, de-duplicated', () => {
    const rule = (d: string) => ({ action: 'Allow', destination: d, allowedGroups: [12345678] });
    const to = CDK({ spec: { forProvider: { accessRules: [rule('e1'), rule('e2')] } } });
    apply({ fromFieldPath: 'spec.parameters.allowedGroups', toFieldPath: 'spec.forProvider.accessRules[*].allowedGroups', policy: { toFieldPath: 'ForceMergeObjectsAppendArrays' } },
      XRK({ spec: { parameters: { allowedGroups: [12345678, 7891234] } } }), to);
    expect(toPlain(to.spec)).toEqual({ forProvider: { accessRules: [
      { action: 'Allow', destination: 'e1', allowedGroups: [12345678, 7891234] },
      { action: 'Allow', destination: 'e2', allowedGroups: [12345678, 7891234] },
    ] } });
  });

  test('DefaultToFieldCompositeFieldPathPatch: toFieldPath defaults to fromFieldPath', () => {
    const to = CDK({});
    apply({ type: 'FromCompositeFieldPath', fromFieldPath: 'metadata.labels' }, XRK({ metadata: { labels: { test: 'blah' } } }), to);
    expect(toPlain(to.metadata)).toEqual({ labels: { test: 'blah' } });
  });

  test('VariableFromFieldPathNotFound: a missing variable is a not-found error on the first missing segment', () => {
    const p: PtPatch = { type: 'CombineFromComposite', toFieldPath: 'metadata.labels.destination', combine: { strategy: 'string', string: { fmt: '%s-%s' }, variables: [{ fromFieldPath: 'metadata.labels.source1' }, { fromFieldPath: 'metadata.labels.source2' }, { fromFieldPath: 'metadata.labels.source3' }] } };
    let err: unknown;
    try {
      apply(p, XRK({}), CDK({}));
    } catch (e) {
      err = e;
    }
    expect(isNotFoundDeep(err)).toBe(true);
    expect((err as Error).message).toBe('metadata: no such field');
  });

  test('ValidCombineFromComposite: formats both variables', () => {
    const to = CDK({ metadata: { labels: { test: 'blah' } } });
    apply({ type: 'CombineFromComposite', toFieldPath: 'metadata.labels.destination', combine: { strategy: 'string', string: { fmt: '%s-%s' }, variables: [{ fromFieldPath: 'metadata.labels.source1' }, { fromFieldPath: 'metadata.labels.source2' }] } },
      XRK({ metadata: { labels: { source1: 'foo', source2: 'bar' } } }), to);
    expect(toPlain(to.metadata)).toEqual({ labels: { destination: 'foo-bar', test: 'blah' } });
  });
});
