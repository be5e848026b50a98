import { call, literal, raw, render, val } from '../../src/convert/_code-writer';
import { emitConnectionDetail, emitPatch, emitPatchSet, emitReadinessCheck, emitTransform, NotExpressible, PtContext } from '../../src/convert/emit-pt';
import { evaluateModule } from './_eval';

function ctx(): PtContext {
  return { imports: new Set(), patchSetIds: new Map(), patchSetValues: new Map() };
}

/** Emits, evaluates the code, and returns the code and the wire format it produces. */
function run(emit: (c: PtContext) => { expr: any }) {
  const c = ctx();
  const code = render(emit(c).expr);
  const mod = evaluateModule(`import { ${[...c.imports].sort().join(', ')} } from 'cdk8s-crossplane';\nexport const v = ${code};\n`);
  return { code, json: (mod.v as any)._toJson(), imports: [...c.imports].sort() };
}

describe('emitPatch', () => {
  test('a FromCompositeFieldPath patch with transforms and policies', () => {
    const p = {
      type: 'FromCompositeFieldPath', fromFieldPath: 'spec.size', toFieldPath: 'spec.forProvider.tier',
      transforms: [{ type: 'map', map: { small: 'db-f1-micro' } }, { type: 'string', string: { type: 'Format', fmt: '%s-x' } }],
      policy: { fromFieldPath: 'Required', toFieldPath: 'MergeObjects' },
    };
    const r = run(c => emitPatch(p, 'p', c));
    expect(r.code).toBe([
      "Patch.fromCompositeFieldPath('spec.size', 'spec.forProvider.tier', {",
      "  transforms: [Transform.map({ small: 'db-f1-micro' }), Transform.string.format('%s-x')],",
      '  fromFieldPathPolicy: FromFieldPathPolicy.REQUIRED,',
      '  toFieldPathPolicy: ToFieldPathPolicy.MERGE_OBJECTS,',
      '})',
    ].join('\n'));
    expect(r.json).toEqual(p);
  });

  test('a patch without type is read with P&T\'s default FromCompositeFieldPath', () => {
    const r = run(c => emitPatch({ fromFieldPath: 'spec.a' }, 'p', c));
    expect(r.code).toBe("Patch.fromCompositeFieldPath('spec.a')");
    expect(r.json).toEqual({ type: 'FromCompositeFieldPath', fromFieldPath: 'spec.a' });
  });

  test('combine patches use Combine.string', () => {
    const p = { type: 'CombineFromComposite', combine: { variables: [{ fromFieldPath: 'a' }, { fromFieldPath: 'b' }], strategy: 'string', string: { fmt: '%s-%s' } }, toFieldPath: 'x' };
    const r = run(c => emitPatch(p, 'p', c));
    expect(r.code).toBe("Patch.combineFromComposite(Combine.string('%s-%s', ['a', 'b']), 'x')");
    expect(r.json).toEqual(p);
  });

  test('environment patches use EnvironmentPatch', () => {
    const r = run(c => emitPatch({ type: 'ToCompositeFieldPath', fromFieldPath: 'x', toFieldPath: 'status.x' }, 'p', c, true));
    expect(r.code).toBe("EnvironmentPatch.toCompositeFieldPath('x', 'status.x')");
  });

  test('an unknown patch type is not expressible and names the field', () => {
    expect(() => emitPatch({ type: 'Sideways', fromFieldPath: 'a' }, 'resources[0].patches[1]', ctx())).toThrow(NotExpressible);
    try {
      emitPatch({ type: 'Sideways', fromFieldPath: 'a' }, 'resources[0].patches[1]', ctx());
    } catch (e) {
      expect((e as NotExpressible).field).toBe('resources[0].patches[1].type');
    }
  });

  test('a patch the builders reject (math without type) is not expressible', () => {
    expect(() => emitPatch({ fromFieldPath: 'a', transforms: [{ type: 'math', math: { multiply: 2 } }] }, 'p', ctx())).toThrow(NotExpressible);
  });
});

describe('emitTransform', () => {
  test.each([
    [{ type: 'math', math: { type: 'Multiply', multiply: 1024 } }, 'Transform.math.multiply(1024)'],
    [{ type: 'math', math: { type: 'ClampMin', clampMin: 1 } }, 'Transform.math.clampMin(1)'],
    [{ type: 'string', string: { type: 'Convert', convert: 'ToUpper' } }, "Transform.string.convert('ToUpper')"],
    [{ type: 'string', string: { type: 'Regexp', regexp: { match: '^eu-(.*)$', group: 1 } } }, "Transform.string.regexp('^eu-(.*)$', 1)"],
    [{ type: 'string', string: { type: 'TrimPrefix', trim: 'a' } }, "Transform.string.trimPrefix('a')"],
    [{ type: 'string', string: { type: 'Join', join: { separator: ',' } } }, "Transform.string.join(',')"],
    [{ type: 'string', string: { type: 'Replace', replace: { search: 'a', replace: 'b' } } }, "Transform.string.replace('a', 'b')"],
    [{ type: 'convert', convert: { toType: 'float64', format: 'quantity' } }, "Transform.convert('float64', { format: 'quantity' })"],
    [{ type: 'match', match: { patterns: [{ type: 'literal', literal: 'a', result: 1 }, { type: 'regexp', regexp: '^b', result: 2 }], fallbackTo: 'Input' } },
      "Transform.match([MatchPattern.literal('a', 1), MatchPattern.regexp('^b', 2)], { fallbackToInput: true })"],
  ])('%j', (t, code) => {
    const r = run(c => emitTransform(t, 't', c));
    expect(r.code).toBe(code);
    expect(r.json).toEqual(t);
  });
});

test('a match transform with fallbackValue: null is written without it (the same nil for P&T)', () => {
  const t = { type: 'match', match: { fallbackValue: null, patterns: [{ type: 'regexp', regexp: '.*', result: 'x' }] } };
  const r = run(c => emitTransform(t, 't', c));
  expect(r.code).toBe("Transform.match([MatchPattern.regexp('.*', 'x')])");
  expect(r.json).toEqual({ type: 'match', match: { patterns: [{ type: 'regexp', regexp: '.*', result: 'x' }] } });
});

describe('readiness checks, connection details, patch sets', () => {
  test.each([
    [{ type: 'None' }, 'ReadinessCheck.none()'],
    [{ type: 'NonEmpty', fieldPath: 'status.x' }, "ReadinessCheck.nonEmpty('status.x')"],
    [{ type: 'MatchString', fieldPath: 'status.p', matchString: 'Up' }, "ReadinessCheck.matchString('status.p', 'Up')"],
    [{ type: 'MatchTrue', fieldPath: 'status.ok' }, "ReadinessCheck.matchTrue('status.ok')"],
    [{ type: 'MatchCondition', matchCondition: { type: 'Ready', status: 'True' } }, 'ReadinessCheck.matchCondition()'],
    [{ type: 'MatchCondition', matchCondition: { type: 'Synced', status: 'True' } }, "ReadinessCheck.matchCondition({ type: 'Synced' })"],
  ])('readiness %j', (rc, code) => {
    const r = run(c => emitReadinessCheck(rc, 'r', c));
    expect(r.code).toBe(code);
    expect(r.json).toEqual(rc);
  });

  test.each([
    [{ name: 'kubeconfig', type: 'FromConnectionSecretKey', fromConnectionSecretKey: 'kubeconfig' }, "ConnectionDetail.fromConnectionSecretKey('kubeconfig', 'kubeconfig')"],
    [{ name: 'host', type: 'FromFieldPath', fromFieldPath: 'status.host' }, "ConnectionDetail.fromFieldPath('host', 'status.host')"],
    [{ name: 'port', type: 'FromValue', value: '5432' }, "ConnectionDetail.fromValue('port', '5432')"],
  ])('connection detail %j', (d, code) => {
    const r = run(c => emitConnectionDetail(d, 'd', c));
    expect(r.code).toBe(code);
    expect(r.json).toEqual(d);
  });

  test('a patch set and a PatchSet patch referring to its const', () => {
    const c = ctx();
    const set = emitPatchSet({ name: 'common', patches: [{ type: 'FromCompositeFieldPath', fromFieldPath: 'spec.region' }] }, 's', c);
    expect(render(set.expr)).toBe("PatchSet.of('common', [Patch.fromCompositeFieldPath('spec.region')])");
    const withIds: PtContext = { imports: c.imports, patchSetIds: new Map([['common', 'common']]), patchSetValues: new Map([['common', set.value]]) };
    expect(render(emitPatch({ type: 'PatchSet', patchSetName: 'common' }, 'p', withIds).expr)).toBe('Patch.patchSet(common)');
  });
});

describe('code writer: work and output linear in the size of the value', () => {
  /** `{ a: [{ a: [... leaf] }] }`, `depth` containers deep, each wrapped to count every read of it. */
  function counted(depth: number, leaf: unknown): { value: unknown; reads: () => number } {
    let reads = 0;
    const handler: ProxyHandler<object> = {
      get: (t, k, r) => (reads++, Reflect.get(t, k, r)),
      ownKeys: (t) => (reads++, Reflect.ownKeys(t)),
      getOwnPropertyDescriptor: (t, k) => (reads++, Reflect.getOwnPropertyDescriptor(t, k)),
    };
    let v = leaf;
    for (let i = 0; i < depth; i++) v = new Proxy(i % 2 ? [v] : { a: v }, handler);
    return { value: v, reads: () => reads };
  }
  const items = (n: number) => Array.from({ length: n }, (_, i) => (i % 3 ? i : { name: `n${i}` }));

  test('reads of a deeply nested value grow with its depth, not with depth times size', () => {
    // Asking at every level whether the rest fits on one line by writing it all out read a value
    // nested n deep about n*n/2 times: 4 times deeper was 16 times the reads.
    const reads = (depth: number, how: (v: unknown) => string) => {
      const c = counted(depth, items(20));
      how(c.value);
      return c.reads();
    };
    for (const how of [(v: unknown) => literal(v), (v: unknown) => render(call('f', raw('x'), val(v)))]) {
      expect(reads(100, how)).toBeGreaterThan(100); // every container is read
      expect(reads(400, how) / reads(100, how)).toBeLessThan(6);
    }
  });

  test('the code for a value nested 400 deep is about the size of its JSON; past the width it stays on one line', () => {
    const value = counted(400, items(2000)).value;
    const code = literal(value);
    const json = JSON.stringify(value).length;
    expect(code.length).toBeLessThan(2 * json); // one entry per line at its depth: about 100 times
    const lines = code.split('\n');
    // Entries break one per line while their indentation is within the width (100 columns)...
    expect(lines.slice(0, 3)).toEqual(['[', '  {', '    a: [']);
    expect(lines.length).toBeLessThan(200);
    // ...and the rest of the value follows on one line.
    expect(Math.max(...lines.map((l) => l.length))).toBeGreaterThan(json / 2);
    expect(literal({ a: [1, 2] })).toBe('{ a: [1, 2] }');
  });
});
