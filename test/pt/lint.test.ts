import * as fs from 'fs';
import * as path from 'path';
import { JsonSchema } from '../../src/schema/json-schema';
import {
  Combine, ConnectionDetail, EnvironmentPatch, LintContext, lintConnectionDetail, lintPatch, lintPatchFindings, lintPatchSet, lintReadinessCheck, LintRule, MatchPattern, Patch,
  PatchSet, ReadinessCheck, Transform,
} from '../../src/pt';

const xrSchema: JsonSchema = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      properties: {
        region: { type: 'string' },
        nodeCount: { type: 'integer' },
        smallCount: { type: 'integer', maximum: 100 },
        diskGb: { type: 'number' },
        enabled: { type: 'boolean' },
        zones: { type: 'array', items: { type: 'string' } },
        size: { type: 'string', enum: ['small', 'large'] },
      },
    },
    status: { type: 'object', properties: { networkId: { type: 'string' }, nodes: { type: 'integer' } } },
  },
};
const composedSchema: JsonSchema = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      properties: {
        forProvider: {
          type: 'object',
          properties: {
            region: { type: 'string' },
            nodeCount: { type: 'number' },
            name: { type: 'string' },
            tags: { type: 'array', items: { type: 'object', properties: { key: { type: 'string' } } } },
            condition: { type: 'object', properties: { expression: { type: 'string' } } },
            enabled: { type: 'boolean' },
            port: { 'x-kubernetes-int-or-string': true },
          },
        },
      },
    },
    status: { type: 'object', properties: { atProvider: { type: 'object', properties: { id: { type: 'string' }, count: { type: 'integer' } } } } },
  },
};
const ctx: LintContext = { xrSchema, composedSchema, where: 'resources[net].patches[0]' };

describe('lintPatch passes clean patches', () => {
  test.each<[string, () => Patch]>([
    ['a plain copy', () => Patch.fromCompositeFieldPath('spec.region', 'spec.forProvider.region')],
    ['a number converted before formatting', () => Patch.fromCompositeFieldPath('spec.nodeCount', 'spec.forProvider.name',
      { transforms: [Transform.convert('string'), Transform.string.format('%s-nodes')] })],
    ['a map on a string', () => Patch.fromCompositeFieldPath('spec.size', 'spec.forProvider.region', { transforms: [Transform.map({ small: 'a', large: 'b' })] })],
    ['%v on a small bounded number', () => Patch.fromCompositeFieldPath('spec.smallCount', 'spec.forProvider.name', { transforms: [Transform.string.format('n%v')] })],
    ['math on a number', () => Patch.fromCompositeFieldPath('spec.nodeCount', 'spec.forProvider.nodeCount', { transforms: [Transform.math.multiply(2)] })],
    ['a combine with %.0f on a number', () => Patch.combineFromComposite(Combine.string('%s-%.0f', ['spec.region', 'spec.nodeCount']), 'spec.forProvider.name')],
    ['a wildcard in a toFieldPath', () => Patch.fromCompositeFieldPath('spec.region', 'spec.forProvider.tags[*].key')],
    ['a declared status field', () => Patch.toCompositeFieldPath('status.atProvider.id', 'status.networkId')],
    ['reading Crossplane machinery and metadata', () => Patch.fromCompositeFieldPath('spec.crossplane.compositionRef.name', 'metadata.labels[composition]')],
    ['reading the XR conditions', () => Patch.fromCompositeFieldPath('status.conditions[0].type', 'metadata.annotations[a]')],
    ['a PatchSet reference', () => Patch.patchSet('common')],
  ])('%s', (_name, build) => {
    expect(lintPatch(build(), ctx)).toEqual([]);
  });
});

describe('lintPatch finds the traps of reference §3 and §8', () => {
  const one = (p: Patch | EnvironmentPatch, c: LintContext = ctx) => {
    const messages = lintPatch(p, c);
    expect(messages).toHaveLength(1);
    return messages[0];
  };

  test('fails if a combine format uses fewer verbs than variables', () => {
    expect(one(Patch.combineFromComposite(Combine.string('%s', ['spec.region', 'spec.size']), 'spec.forProvider.name'))).toMatch(
      /^resources\[net\]\.patches\[0\]\.combine\.string\.fmt must use each of its 2 variable\(s\) once, got '%s': .*EXTRA/);
  });
  test('fails if a combine format uses more verbs than variables', () => {
    expect(one(Patch.combineFromComposite(Combine.string('%s-%s-%s', ['spec.region', 'spec.size']), 'spec.forProvider.name'))).toMatch(/MISSING/);
  });
  test('fails if a format transform does not use exactly one argument', () => {
    expect(one(Patch.fromCompositeFieldPath('spec.region', 'spec.forProvider.name', { transforms: [Transform.string.format('%s-%s')] }))).toMatch(
      /transforms\[0\]\.string\.fmt must use its one input exactly once, got '%s-%s'/);
  });
  test('fails if %d formats an XR integer (float64)', () => {
    expect(one(Patch.fromCompositeFieldPath('spec.nodeCount', 'spec.forProvider.name', { transforms: [Transform.string.format('%d-nodes')] }))).toMatch(
      /transforms\[0\]\.string\.fmt formats a number with '%d', got '%d-nodes': .*%!d\(float64=N\); insert Transform.convert\(ConvertToType.STRING\) before it/);
  });
  test('fails if %s formats an XR number', () => {
    expect(one(Patch.fromCompositeFieldPath('spec.diskGb', 'spec.forProvider.name', { transforms: [Transform.string.format('%s')] }))).toMatch(/%!s\(float64=N\)/);
  });
  test('fails if %v formats an unbounded XR integer', () => {
    expect(one(Patch.fromCompositeFieldPath('spec.nodeCount', 'spec.forProvider.name', { transforms: [Transform.string.format('%v')] }))).toMatch(/1e\+06/);
  });
  test('fails if %d formats the output of a math transform', () => {
    expect(one(Patch.fromCompositeFieldPath('spec.nodeCount', 'spec.forProvider.name',
      { transforms: [Transform.math.multiply(2), Transform.string.format('%d')] }))).toMatch(/transforms\[1\].*%!d\(float64=N\)/);
  });
  test('fails if a combine formats an XR integer with %d', () => {
    expect(one(Patch.combineFromComposite(Combine.string('%s-%d', ['spec.region', 'spec.nodeCount']), 'spec.forProvider.name'))).toMatch(
      /combine\.string\.fmt prints combine\.variables\[1\]\.fromFieldPath 'spec.nodeCount' with '%d', got a number field: .*use '%.0f'/);
  });
  test('fails if a map transform reads an XR number', () => {
    expect(one(Patch.fromCompositeFieldPath('spec.nodeCount', 'spec.forProvider.region', { transforms: [Transform.map({ 1: 'a' })] }))).toMatch(
      /transforms\[0\] a map transform needs a string input, got float64 \(composite field 'spec.nodeCount' is an integer and arrives as float64\): insert Transform.convert/);
  });
  test('fails if a match transform reads an XR boolean', () => {
    expect(one(Patch.fromCompositeFieldPath('spec.enabled', 'spec.forProvider.region',
      { transforms: [Transform.match([MatchPattern.literal('true', 'x')])] }))).toMatch(/match transform needs a string input, got bool/);
  });
  test('fails if a math transform reads an XR string', () => {
    expect(one(Patch.fromCompositeFieldPath('spec.region', 'spec.forProvider.nodeCount', { transforms: [Transform.math.multiply(2)] }))).toMatch(
      /math transform needs a number input, got string .*insert Transform.convert\(ConvertToType.FLOAT64\)/);
  });
  test('fails if a convert reads a type the convert table rejects', () => {
    expect(one(Patch.fromCompositeFieldPath('spec.zones', 'spec.forProvider.name', { transforms: [Transform.convert('string')] }))).toMatch(
      /convert cannot take a slice input/);
  });
  test('fails if a composed number feeds a map in a ToCompositeFieldPath', () => {
    expect(one(Patch.toCompositeFieldPath('status.atProvider.count', 'status.networkId', { transforms: [Transform.map({ 1: 'a' })] }))).toMatch(
      /composed field 'status.atProvider.count' is an integer/);
  });
  test('fails if a fromFieldPath holds a wildcard', () => {
    expect(lintPatch(Patch.fromCompositeFieldPath('spec.zones[*]', 'spec.forProvider.region'), ctx)).toContainEqual(
      expect.stringMatching(/\.fromFieldPath must not contain a wildcard, got 'spec.zones\[\*\]'/));
  });
  test('fails if a combine variable holds a wildcard', () => {
    expect(lintPatch(Patch.combineFromComposite(Combine.string('%s', ['spec.zones[*]']), 'spec.forProvider.name'), ctx)).toContainEqual(
      expect.stringMatching(/combine\.variables\[0\]\.fromFieldPath must not contain a wildcard/));
  });
  test('fails if a combine writes to a wildcard', () => {
    expect(one(Patch.combineFromComposite(Combine.string('%s', ['spec.region']), 'spec.forProvider.tags[*].key'))).toMatch(
      /toFieldPath must not contain a wildcard in a CombineFromComposite patch/);
  });
  test('fails if a toFieldPath uses .* instead of [*]', () => {
    expect(one(Patch.fromCompositeFieldPath('spec.region', 'spec.forProvider.tags.*.key', {}), { ...ctx, composedSchema: undefined })).toMatch(
      /toFieldPath must write wildcards as '\[\*\]', got 'spec.forProvider.tags.\*.key'/);
  });
  test('fails if a ToCompositeFieldPath writes outside status', () => {
    expect(one(Patch.toCompositeFieldPath('status.atProvider.id', 'spec.networkId'))).toMatch(
      /toFieldPath must be a status field of the XR, got 'spec.networkId': Crossplane only persists the XR's status/);
  });
  test('fails if a CombineToComposite writes outside status', () => {
    expect(one(Patch.combineToComposite(Combine.string('%s', ['status.atProvider.id']), 'metadata.labels.id'))).toMatch(/must be a status field of the XR/);
  });
  test('fails if a patch writes spec.crossplane', () => {
    expect(one(Patch.toCompositeFieldPath('status.atProvider.id', 'spec.crossplane.compositionRef.name'))).toMatch(
      /must not write Crossplane's machinery, got 'spec.crossplane.compositionRef.name'/);
  });
  test('fails if a ToCompositeFieldPath writes an undeclared status field', () => {
    expect(one(Patch.toCompositeFieldPath('status.atProvider.id', 'status.netwrokId'))).toMatch(
      /toFieldPath must be a status field declared in the XRD schema, got 'status.netwrokId': .*did you mean 'networkId'\?/);
  });
  test('fails if an XR path has a typo', () => {
    expect(one(Patch.fromCompositeFieldPath('spec.regoin', 'spec.forProvider.region'))).toMatch(
      /^resources\[net\]\.patches\[0\]\.fromFieldPath must name a field of the XR schema, got 'spec.regoin': 'regoin' is not a field of 'spec'; did you mean 'region'\?$/);
  });
  test('fails if a composed toFieldPath has a typo', () => {
    expect(one(Patch.fromCompositeFieldPath('spec.region', 'spec.forProvider.regin'))).toMatch(
      /toFieldPath must name a field of the composed resource's schema, got 'spec.forProvider.regin': .*did you mean 'region'\?/);
  });
  test('fails if a composed read path has a typo', () => {
    expect(one(Patch.toCompositeFieldPath('status.atProvder.id', 'status.networkId'))).toMatch(/did you mean 'atProvider'\?/);
  });
  test('the default toFieldPath is checked against the composed schema', () => {
    expect(one(Patch.fromCompositeFieldPath('spec.region'))).toMatch(/toFieldPath must name a field of the composed resource's schema, got 'spec.region'/);
  });
  test('environment paths are not checked against any schema', () => {
    expect(lintPatch(Patch.fromEnvironmentFieldPath('whatever.key', 'spec.forProvider.region'), ctx)).toEqual([]);
  });
  test('fails if an environment patch writes the XR outside status', () => {
    expect(one(EnvironmentPatch.toCompositeFieldPath('region', 'spec.region'), { xrSchema, where: 'environment.patches[0]' })).toMatch(
      /^environment\.patches\[0\]\.toFieldPath must be a status field of the XR/);
  });
  test('fails if an environment patch reads an XR typo', () => {
    expect(one(EnvironmentPatch.fromCompositeFieldPath('spec.regon', 'region'), { xrSchema, where: 'environment.patches[0]' })).toMatch(/did you mean 'region'/);
  });
  test('without schemas only schema-free rules run', () => {
    expect(lintPatch(Patch.fromCompositeFieldPath('spec.nodeCount', 'spec.x', { transforms: [Transform.string.format('%d')] }), { where: 'p' })).toEqual([]);
    expect(lintPatch(Patch.combineFromComposite(Combine.string('%s', ['a', 'b']), 'c'), { where: 'p' })).toHaveLength(1);
  });
});

describe('lintReadinessCheck, lintConnectionDetail, lintPatchSet', () => {
  test('fails if a readiness check is MatchInteger', () => {
    expect(lintReadinessCheck(ReadinessCheck.matchInteger('status.atProvider.count', 1), { where: 'resources[db].readinessChecks[0]' })).toEqual([
      expect.stringMatching(/^resources\[db\]\.readinessChecks\[0\]\.type must not be MatchInteger.*use ReadinessCheck.matchCondition\(\), matchString\(\) or nonEmpty\(\)/),
    ]);
  });
  test('fails if a readiness check path has a typo', () => {
    expect(lintReadinessCheck(ReadinessCheck.nonEmpty('status.atProvider.di'), { composedSchema, where: 'r' })).toEqual([
      expect.stringMatching(/r\.fieldPath must name a field .*got 'status.atProvider.di'.*did you mean 'id'\?/),
    ]);
  });
  test('passes a MatchCondition check', () => {
    expect(lintReadinessCheck(ReadinessCheck.matchCondition(), { composedSchema, where: 'r' })).toEqual([]);
  });
  test('fails if a connection detail path has a typo', () => {
    expect(lintConnectionDetail(ConnectionDetail.fromFieldPath('id', 'status.atProvider.idd'), { composedSchema, where: 'c' })).toEqual([
      expect.stringMatching(/c\.fromFieldPath must name a field .*did you mean 'id'\?/),
    ]);
    expect(lintConnectionDetail(ConnectionDetail.fromValue('port', '1'), { composedSchema, where: 'c' })).toEqual([]);
  });
  test('lints each patch of a patch set against the XR schema only', () => {
    const set = PatchSet.of('common', [Patch.fromCompositeFieldPath('spec.region', 'spec.anything'), Patch.fromCompositeFieldPath('spec.regin', 'spec.x')]);
    expect(lintPatchSet(set, { xrSchema, composedSchema, where: 'patchSets[common]' })).toEqual([
      expect.stringMatching(/^patchSets\[common\]\.patches\[1\]\.fromFieldPath .*did you mean 'region'/),
    ]);
  });
});

const corpus = path.resolve(__dirname, '../..', '../shared/corpus');
const describeIfCorpus = fs.existsSync(corpus) ? describe : describe.skip;
if (!fs.existsSync(corpus)) console.warn(`skipping corpus lint checks: ${corpus} not found`);

describeIfCorpus('real-world XRD schemas', () => {
  test('the upbound network XRD schema accepts the paths its own composition reads', () => {
    const yaml = require('yaml');
    const dir = path.join(corpus, 'upbound__configuration-gcp-network');
    const files: string[] = [];
    const walk = (d: string) => fs.readdirSync(d, { withFileTypes: true }).forEach(e => {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p); else if (/\.ya?ml$/.test(e.name)) files.push(p);
    });
    walk(dir);
    const docs = files.flatMap(f => yaml.parseAllDocuments(fs.readFileSync(f, 'utf8')).map((d: any) => d.toJSON()));
    const xrd = docs.find((d: any) => d?.kind === 'CompositeResourceDefinition');
    const comp = docs.find((d: any) => d?.kind === 'Composition');
    if (!xrd || !comp) {
      console.warn('skipping: no XRD/Composition pair in upbound__configuration-gcp-network');
      return;
    }
    const schema = xrd.spec.versions.find((v: any) => v.referenceable ?? true).schema.openAPIV3Schema;
    const reads: string[] = [];
    for (const step of comp.spec.pipeline ?? []) {
      for (const r of step.input?.resources ?? []) {
        for (const p of r.patches ?? []) {
          if ((p.type ?? 'FromCompositeFieldPath') === 'FromCompositeFieldPath') reads.push(p.fromFieldPath);
        }
      }
    }
    expect(reads.length).toBeGreaterThan(0);
    for (const from of reads) {
      expect(lintPatch(Patch.fromCompositeFieldPath(from, 'spec.x'), { xrSchema: schema, where: from })).toEqual([]);
    }
  });
});

describe('wildcards in single-value reads', () => {
  test('fails if a readiness check path holds a wildcard', () => {
    expect(lintReadinessCheck(ReadinessCheck.matchTrue('status.atProvider.items[*].ok'), { where: 'r' })).toEqual([
      expect.stringMatching(/^r\.fieldPath must not contain a wildcard, got 'status.atProvider.items\[\*\].ok'/),
    ]);
  });
  test('fails if a connection detail path holds a wildcard', () => {
    expect(lintConnectionDetail(ConnectionDetail.fromFieldPath('ip', 'status.atProvider.ips.*'), { where: 'c' })).toEqual([
      expect.stringMatching(/^c\.fromFieldPath must not contain a wildcard/),
    ]);
  });
});

describe('lintPatch checks the value a patch writes against the destination type', () => {
  const ok: [string, () => Patch][] = [
    ['an XR integer into a number field', () => Patch.fromCompositeFieldPath('spec.nodeCount', 'spec.forProvider.nodeCount')],
    ['an XR number into an int-or-string field', () => Patch.fromCompositeFieldPath('spec.diskGb', 'spec.forProvider.port')],
    ['an XR string into an int-or-string field', () => Patch.fromCompositeFieldPath('spec.region', 'spec.forProvider.port')],
    ['a string converted to bool', () => Patch.fromCompositeFieldPath('spec.region', 'spec.forProvider.enabled', { transforms: [Transform.convert('bool')] })],
    ['a map of numbers into a number field', () => Patch.fromCompositeFieldPath('spec.size', 'spec.forProvider.nodeCount', { transforms: [Transform.map({ small: 1, large: 3 })] })],
    ['a composed integer into an XR integer', () => Patch.toCompositeFieldPath('status.atProvider.count', 'status.nodes')],
  ];
  test.each(ok)('passes %s', (_name, build) => {
    expect(lintPatch(build(), ctx)).toEqual([]);
  });

  test('fails if a string goes into an object field, naming both paths and both types', () => {
    expect(lintPatch(Patch.fromCompositeFieldPath('spec.region', 'spec.forProvider.condition'), ctx)).toEqual([
      "resources[net].patches[0].toFieldPath 'spec.forProvider.condition' is an object in the composed resource's schema, "
        + "got a string from fromFieldPath 'spec.region': patch a field of that type, or read a field that holds one",
    ]);
  });
  test('fails if an XR number goes into a string field, with the convert that fixes it', () => {
    expect(lintPatch(Patch.fromCompositeFieldPath('spec.nodeCount', 'spec.forProvider.name'), ctx)).toEqual([
      "resources[net].patches[0].toFieldPath 'spec.forProvider.name' is a string in the composed resource's schema, "
        + "got a number from fromFieldPath 'spec.nodeCount': add Transform.convert(ConvertToType.STRING) as the last transform, or patch a field of that type",
    ]);
  });
  test('fails if a string transform feeds a number field', () => {
    expect(lintPatch(Patch.fromCompositeFieldPath('spec.region', 'spec.forProvider.nodeCount', { transforms: [Transform.string.format('%s1')] }), ctx))
      .toEqual([expect.stringMatching(/is a number in the composed resource's schema, got a string from fromFieldPath 'spec.region' after its transforms/)]);
  });
  test('fails if a combine writes into a boolean field', () => {
    expect(lintPatch(Patch.combineFromComposite(Combine.string('%s', ['spec.region']), 'spec.forProvider.enabled'), ctx))
      .toEqual([expect.stringMatching(/toFieldPath 'spec.forProvider.enabled' is a boolean .* got a string from combine of 'spec.region'/)]);
  });
  test('fails if a math transform feeds a string field', () => {
    expect(lintPatch(Patch.fromCompositeFieldPath('spec.nodeCount', 'spec.forProvider.region', { transforms: [Transform.math.multiply(2)] }), ctx))
      .toEqual([expect.stringMatching(/is a string .* got a number .* after its transforms/)]);
  });
  test('fails if an array goes into a string field', () => {
    expect(lintPatch(Patch.fromCompositeFieldPath('spec.zones', 'spec.forProvider.region'), ctx)).toEqual([expect.stringMatching(/is a string .* got an array/)]);
  });
  test('fails if a composed integer goes into a string XR status field', () => {
    expect(lintPatch(Patch.toCompositeFieldPath('status.atProvider.count', 'status.networkId'), ctx))
      .toEqual([expect.stringMatching(/toFieldPath 'status.networkId' is a string in the XR schema, got a number from fromFieldPath 'status.atProvider.count'/)]);
  });
});

describe('named suppressions', () => {
  const trap = (suppress?: LintRule[]) => Patch.fromCompositeFieldPath('spec.nodeCount', 'spec.forProvider.name',
    { transforms: [Transform.string.format('%d-nodes')], suppress });

  test('a suppressed rule is not reported, and only that rule', () => {
    expect(lintPatch(trap(), ctx)).toHaveLength(1);
    expect(lintPatch(trap([LintRule.NUMBER_FORMAT]), ctx)).toEqual([]);
    expect(lintPatch(trap([LintRule.XR_NON_STATUS_WRITE]), ctx)).toHaveLength(1);
    expect(trap([LintRule.NUMBER_FORMAT]).suppressions).toEqual([LintRule.NUMBER_FORMAT]);
  });
  test('the findings name their rule', () => {
    expect(lintPatchFindings(trap(), ctx).map(f => f.rule)).toEqual([LintRule.NUMBER_FORMAT]);
    expect(lintPatchFindings(Patch.toCompositeFieldPath('status.atProvider.id', 'metadata.annotations[id]'), ctx).map(f => f.rule))
      .toEqual([LintRule.XR_NON_STATUS_WRITE]);
  });
  test('a suppression does not change the wire format', () => {
    expect(trap([LintRule.NUMBER_FORMAT])._toJson()).toEqual(trap()._toJson());
  });
  test('an unknown rule is rejected, naming the factory and the rules', () => {
    expect(() => trap(['nope' as LintRule])).toThrow(
      "Patch.fromCompositeFieldPath suppress must hold LintRule values (number-format, xr-non-status-write, unserved-version), got 'nope'");
  });
  test('a typo is never suppressible', () => {
    const p = Patch.fromCompositeFieldPath('spec.regoin', 'spec.forProvider.region', { suppress: Object.values(LintRule) });
    expect(lintPatch(p, ctx)).toHaveLength(1);
  });
});
