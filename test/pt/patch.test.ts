import {
  Combine, EnvironmentPatch, FromFieldPathPolicy, Patch, PatchEnd, PatchSet, PatchType, ToFieldPathPolicy, Transform,
} from '../../src/pt';

describe('Patch factories emit the P&T wire format (reference §3.1, §3.4)', () => {
  const combine = Combine.string('%s-%s', ['spec.a', 'spec.b']);
  const combineJson = { variables: [{ fromFieldPath: 'spec.a' }, { fromFieldPath: 'spec.b' }], strategy: 'string', string: { fmt: '%s-%s' } };
  test.each<[string, () => Patch, Record<string, unknown>]>([
    ['fromCompositeFieldPath', () => Patch.fromCompositeFieldPath('spec.region', 'spec.forProvider.region'),
      { type: 'FromCompositeFieldPath', fromFieldPath: 'spec.region', toFieldPath: 'spec.forProvider.region' }],
    ['fromCompositeFieldPath without toFieldPath', () => Patch.fromCompositeFieldPath('metadata.labels'),
      { type: 'FromCompositeFieldPath', fromFieldPath: 'metadata.labels' }],
    ['toCompositeFieldPath', () => Patch.toCompositeFieldPath('status.atProvider.id', 'status.networkId'),
      { type: 'ToCompositeFieldPath', fromFieldPath: 'status.atProvider.id', toFieldPath: 'status.networkId' }],
    ['combineFromComposite', () => Patch.combineFromComposite(combine, 'spec.forProvider.name'),
      { type: 'CombineFromComposite', combine: combineJson, toFieldPath: 'spec.forProvider.name' }],
    ['combineToComposite', () => Patch.combineToComposite(combine, 'status.name'),
      { type: 'CombineToComposite', combine: combineJson, toFieldPath: 'status.name' }],
    ['fromEnvironmentFieldPath', () => Patch.fromEnvironmentFieldPath('project', 'spec.forProvider.project'),
      { type: 'FromEnvironmentFieldPath', fromFieldPath: 'project', toFieldPath: 'spec.forProvider.project' }],
    ['toEnvironmentFieldPath', () => Patch.toEnvironmentFieldPath('status.atProvider.id', 'networkId'),
      { type: 'ToEnvironmentFieldPath', fromFieldPath: 'status.atProvider.id', toFieldPath: 'networkId' }],
    ['combineFromEnvironment', () => Patch.combineFromEnvironment(combine, 'spec.forProvider.name'),
      { type: 'CombineFromEnvironment', combine: combineJson, toFieldPath: 'spec.forProvider.name' }],
    ['combineToEnvironment', () => Patch.combineToEnvironment(combine, 'name'),
      { type: 'CombineToEnvironment', combine: combineJson, toFieldPath: 'name' }],
    ['patchSet by name', () => Patch.patchSet('common'), { type: 'PatchSet', patchSetName: 'common' }],
    ['patchSet by value', () => Patch.patchSet(PatchSet.of('providerConfig', [Patch.fromCompositeFieldPath('spec.a', 'spec.b')])),
      { type: 'PatchSet', patchSetName: 'providerConfig' }],
    ['with transforms and both policies', () => Patch.fromCompositeFieldPath('spec.size', 'spec.forProvider.diskSize', {
      transforms: [Transform.map({ small: 10 })],
      fromFieldPathPolicy: FromFieldPathPolicy.REQUIRED,
      toFieldPathPolicy: ToFieldPathPolicy.MERGE_OBJECTS,
    }), {
      type: 'FromCompositeFieldPath', fromFieldPath: 'spec.size', toFieldPath: 'spec.forProvider.diskSize',
      transforms: [{ type: 'map', map: { small: 10 } }], policy: { fromFieldPath: 'Required', toFieldPath: 'MergeObjects' },
    }],
    ['with only a from policy', () => Patch.fromCompositeFieldPath('spec.a', 'spec.b', { fromFieldPathPolicy: FromFieldPathPolicy.OPTIONAL }),
      { type: 'FromCompositeFieldPath', fromFieldPath: 'spec.a', toFieldPath: 'spec.b', policy: { fromFieldPath: 'Optional' } }],
    ['with lambdas on both ends', () => Patch.fromCompositeFieldPath(
      (xr: any) => xr.metadata.annotations['crossplane.io/external-name'], (r: any) => r.spec.forProvider.items[0].name),
    { type: 'FromCompositeFieldPath', fromFieldPath: 'metadata.annotations[crossplane.io/external-name]', toFieldPath: 'spec.forProvider.items[0].name' }],
  ])('%s', (_name, build, expected) => {
    expect(build()._toJson()).toStrictEqual(expected);
  });

  test.each(Object.values(ToFieldPathPolicy))('toFieldPathPolicy %s is written as is', policy => {
    expect(Patch.fromCompositeFieldPath('spec.a', 'spec.b', { toFieldPathPolicy: policy })._toJson().policy).toStrictEqual({ toFieldPath: policy });
  });

  test('the type is always written, although P&T defaults it', () => {
    expect(Patch.fromCompositeFieldPath('spec.a')._toJson().type).toBe('FromCompositeFieldPath');
  });
});

describe('Patch accessors', () => {
  test('toFieldPath defaults to fromFieldPath as in P&T', () => {
    expect(Patch.fromCompositeFieldPath('spec.a').toFieldPath).toBe('spec.a');
  });
  test('fromFieldPaths lists every combine variable', () => {
    const p = Patch.combineFromComposite(Combine.string('%s/%s', ['spec.a', (xr: any) => xr.spec.b]), 'spec.c');
    expect(p.fromFieldPaths).toEqual(['spec.a', 'spec.b']);
    expect(p.toFieldPath).toBe('spec.c');
    expect(p.type).toBe(PatchType.COMBINE_FROM_COMPOSITE);
  });
  test.each<[Patch, PatchEnd, PatchEnd]>([
    [Patch.fromCompositeFieldPath('a'), PatchEnd.COMPOSITE, PatchEnd.COMPOSED],
    [Patch.toCompositeFieldPath('a'), PatchEnd.COMPOSED, PatchEnd.COMPOSITE],
    [Patch.fromEnvironmentFieldPath('a'), PatchEnd.ENVIRONMENT, PatchEnd.COMPOSED],
    [Patch.toEnvironmentFieldPath('a'), PatchEnd.COMPOSED, PatchEnd.ENVIRONMENT],
  ])('%#: reads and writes the objects of reference §3.4', (p, from, to) => {
    expect([p.readsFrom, p.writesTo]).toEqual([from, to]);
  });
  test('a PatchSet reference reads and writes nothing itself', () => {
    const p = Patch.patchSet('x');
    expect([p.readsFrom, p.writesTo, p.fromFieldPaths, p.toFieldPath, p.patchSetName]).toEqual([undefined, undefined, [], undefined, 'x']);
  });
  test('getters return copies', () => {
    const p = Patch.fromCompositeFieldPath('a', 'b', { transforms: [Transform.math.multiply(2)] });
    p.transforms.pop();
    expect(p.transforms).toHaveLength(1);
  });
});

describe('Patch eager validation', () => {
  test('fails if a string path does not parse', () => {
    expect(() => Patch.fromCompositeFieldPath('spec..region', 'spec.x')).toThrow(
      /Patch.fromCompositeFieldPath fromFieldPath must be a valid field path, got 'spec..region': unexpected '.' at position 5/);
  });
  test('fails if a toFieldPath does not parse', () => {
    expect(() => Patch.toCompositeFieldPath('status.id', 'status[id')).toThrow(/toFieldPath must be a valid field path, got 'status\[id'/);
  });
  test('fails if a combine patch has no toFieldPath', () => {
    expect(() => Patch.combineFromComposite(Combine.string('%s', ['spec.a']), undefined as unknown as string)).toThrow(
      /toFieldPath is required.*explicit toFieldPath/);
  });
  test('fails if a combine has no variables', () => {
    expect(() => Combine.string('%s', [])).toThrow(/at least one variable/);
  });
  test('fails if a combine variable path does not parse', () => {
    expect(() => Combine.string('%s', ['.spec'])).toThrow(/Combine.string variables\[0\] must be a valid field path/);
  });
  test('fails if the combine is not built with Combine.string', () => {
    expect(() => Patch.combineFromComposite({ fmt: '%s' } as unknown as Combine, 'spec.x')).toThrow(/must be built with Combine.string/);
  });
  test('fails if a transform is not built with a factory', () => {
    expect(() => Patch.fromCompositeFieldPath('a', 'b', { transforms: [{ type: 'map' } as unknown as Transform] })).toThrow(/transforms\[0\] must be built with a Transform factory/);
  });
  test('fails if a transform cannot take what the previous one produces', () => {
    expect(() => Patch.fromCompositeFieldPath('a', 'b', { transforms: [Transform.string.format('%s'), Transform.math.multiply(2)] })).toThrow(
      /Patch.fromCompositeFieldPath transforms\[1\] a math transform needs a number input, got string/);
  });
  test('fails if a policy is unknown', () => {
    expect(() => Patch.fromCompositeFieldPath('a', 'b', { toFieldPathPolicy: 'AppendArray' as ToFieldPathPolicy })).toThrow(/toFieldPathPolicy must be one of/);
    expect(() => Patch.fromCompositeFieldPath('a', 'b', { fromFieldPathPolicy: 'Maybe' as FromFieldPathPolicy })).toThrow(/fromFieldPathPolicy must be one of/);
  });
  test('fails if a patch set reference has no name', () => {
    expect(() => Patch.patchSet('')).toThrow(/Patch.patchSet name must be a non-empty string/);
  });
});

describe('PatchSet', () => {
  test('emits name and patches', () => {
    const set = PatchSet.of('common', [Patch.fromCompositeFieldPath('spec.providerConfigName', 'spec.providerConfigRef.name')]);
    expect(set._toJson()).toStrictEqual({
      name: 'common',
      patches: [{ type: 'FromCompositeFieldPath', fromFieldPath: 'spec.providerConfigName', toFieldPath: 'spec.providerConfigRef.name' }],
    });
    expect(set.name).toBe('common');
    expect(set.patches).toHaveLength(1);
  });
  test('fails if a patch set contains a PatchSet patch', () => {
    expect(() => PatchSet.of('outer', [Patch.patchSet('inner')])).toThrow(/PatchSet 'outer' patches\[0\] must not be a PatchSet patch, got patch set 'inner'/);
    // P&T's own text (55116ae patches.go errPatchSetType), so the construct and a render agree.
    expect(() => PatchSet.of('outer', [Patch.patchSet('inner')])).toThrow('cannot resolve PatchSets: a patch in a PatchSet cannot be of type PatchSet');
  });
  test('fails if a patch set has no name', () => {
    expect(() => PatchSet.of('', [])).toThrow(/PatchSet name must be a non-empty string/);
  });
  test('fails if a patch set contains something that is not a patch', () => {
    expect(() => PatchSet.of('x', [{} as Patch])).toThrow(/must be built with a Patch factory/);
  });
});

describe('EnvironmentPatch (reference §3.4, §3.11)', () => {
  const combine = Combine.string('%s', ['a']);
  test.each<[string, () => EnvironmentPatch, Record<string, unknown>, PatchEnd, PatchEnd]>([
    ['fromCompositeFieldPath', () => EnvironmentPatch.fromCompositeFieldPath('spec.region', 'region'),
      { type: 'FromCompositeFieldPath', fromFieldPath: 'spec.region', toFieldPath: 'region' }, PatchEnd.COMPOSITE, PatchEnd.ENVIRONMENT],
    ['toEnvironmentFieldPath', () => EnvironmentPatch.toEnvironmentFieldPath('spec.region', 'region'),
      { type: 'ToEnvironmentFieldPath', fromFieldPath: 'spec.region', toFieldPath: 'region' }, PatchEnd.COMPOSITE, PatchEnd.ENVIRONMENT],
    ['toCompositeFieldPath', () => EnvironmentPatch.toCompositeFieldPath('region', 'status.region'),
      { type: 'ToCompositeFieldPath', fromFieldPath: 'region', toFieldPath: 'status.region' }, PatchEnd.ENVIRONMENT, PatchEnd.COMPOSITE],
    ['fromEnvironmentFieldPath', () => EnvironmentPatch.fromEnvironmentFieldPath('region', 'status.region'),
      { type: 'FromEnvironmentFieldPath', fromFieldPath: 'region', toFieldPath: 'status.region' }, PatchEnd.ENVIRONMENT, PatchEnd.COMPOSITE],
    ['combineFromComposite', () => EnvironmentPatch.combineFromComposite(combine, 'name'),
      { type: 'CombineFromComposite', combine: combine._toJson(), toFieldPath: 'name' }, PatchEnd.COMPOSITE, PatchEnd.ENVIRONMENT],
    ['combineToComposite', () => EnvironmentPatch.combineToComposite(combine, 'status.name'),
      { type: 'CombineToComposite', combine: combine._toJson(), toFieldPath: 'status.name' }, PatchEnd.ENVIRONMENT, PatchEnd.COMPOSITE],
  ])('%s', (_name, build, expected, from, to) => {
    const p = build();
    expect(p._toJson()).toStrictEqual(expected);
    expect([p.readsFrom, p.writesTo]).toEqual([from, to]);
  });
  test('offers only the types P&T allows in environment.patches', () => {
    const factories = Object.getOwnPropertyNames(EnvironmentPatch).filter(n => typeof (EnvironmentPatch as any)[n] === 'function').sort();
    expect(factories).toEqual(['combineFromComposite', 'combineToComposite', 'fromCompositeFieldPath', 'fromEnvironmentFieldPath',
      'toCompositeFieldPath', 'toEnvironmentFieldPath']);
  });
});

describe('values are immutable', () => {
  test('changing the emitted JSON does not change the patch', () => {
    const p = Patch.combineFromComposite(Combine.string('%s', ['spec.a']), 'spec.b', { transforms: [Transform.map({ a: 'b' })] });
    const json = p._toJson() as any;
    json.combine.variables.push({ fromFieldPath: 'x' });
    json.transforms[0].map.a = 'changed';
    expect(p._toJson()).toStrictEqual({
      type: 'CombineFromComposite',
      combine: { variables: [{ fromFieldPath: 'spec.a' }], strategy: 'string', string: { fmt: '%s' } },
      toFieldPath: 'spec.b',
      transforms: [{ type: 'map', map: { a: 'b' } }],
    });
  });
  test('changing the list given to a patch set does not change the set', () => {
    const list = [Patch.fromCompositeFieldPath('spec.a')];
    const set = PatchSet.of('s', list);
    list.push(Patch.fromCompositeFieldPath('spec.b'));
    expect(set.patches).toHaveLength(1);
  });
});
