/**
 * The typed steps for function-environment-configs, function-sequencer and function-cel-filter,
 * and the EnvironmentConfig construct: the wire format each writes (the functions' input
 * types), the Function objects and Configuration dependencies they bring, construct-time errors,
 * and a render of the synthesized objects.
 */
import { Chart, Testing } from 'cdk8s';
import { KubeConfigMap } from 'cdk8s-plus-28/lib/imports/k8s';
import {
  celFilterStep, Composition, EnvironmentConfig, EnvironmentResolution, environmentConfigsStep, EnvironmentSource, LabelMatcher, SelectorMode, sequencerStep, UsageVersion,
} from '../../src/composition';
import { render } from '../../src/engine';
import { renderComposition, simulateComposition } from '../../src/testing';
import { FunctionPackage } from '../../src/functions';
import { ConfigurationPackage } from '../../src/package';
import { Patch } from '../../src/pt';
import { synthAll, testXrd } from './_fixtures';

function app() {
  const a = Testing.app();
  const chart = new Chart(a, 'c');
  const xrd = testXrd(chart);
  const comp = new Composition(chart, 'C', { xrd });
  return { a, chart, comp };
}

describe('environmentConfigsStep', () => {
  test('writes function-environment-configs input with references, selectors, defaultData and policy', () => {
    const { chart } = app();
    const cfg = new EnvironmentConfig(chart, 'gcp-defaults', { data: { region: 'europe-west1' } });
    const step = environmentConfigsStep({
      environmentConfigs: [
        EnvironmentSource.reference(cfg),
        EnvironmentSource.reference('team-a', { toFieldPath: 'team' }),
        EnvironmentSource.selector({
          mode: SelectorMode.MULTIPLE,
          matchLabels: [LabelMatcher.value('provider', 'gcp'), LabelMatcher.fromCompositeFieldPath('stage', 'metadata.labels[stage]', { optional: true })],
          maxMatch: 2,
          sortByFieldPath: 'data.priority',
        }),
      ],
      defaultData: { tier: 'dev' },
      resolution: EnvironmentResolution.OPTIONAL,
    });
    expect(step.step).toBe('environment-configs');
    expect(step.function).toBe(FunctionPackage.ENVIRONMENT_CONFIGS);
    expect(step.input).toStrictEqual({
      apiVersion: 'environmentconfigs.fn.crossplane.io/v1beta1',
      kind: 'Input',
      spec: {
        environmentConfigs: [
          { type: 'Reference', ref: { name: 'gcp-defaults' } },
          { type: 'Reference', ref: { name: 'team-a' }, toFieldPath: 'team' },
          {
            type: 'Selector',
            selector: {
              mode: 'Multiple',
              matchLabels: [
                { type: 'Value', key: 'provider', value: 'gcp' },
                { type: 'FromCompositeFieldPath', key: 'stage', valueFromFieldPath: 'metadata.labels[stage]', fromFieldPathPolicy: 'Optional' },
              ],
              maxMatch: 2,
              sortByFieldPath: 'data.priority',
            },
          },
        ],
        defaultData: { tier: 'dev' },
        policy: { resolution: 'Optional' },
      },
    });
  });

  test.each([
    ['a selector without labels', () => EnvironmentSource.selector({ matchLabels: [] }), /matchLabels must name at least one label, got none/],
    ['maxMatch in Single mode', () => EnvironmentSource.selector({ matchLabels: [LabelMatcher.value('a', 'b')], maxMatch: 1 }), /maxMatch is only read in Multiple mode, got it with mode 'Single'/],
    ['a negative minMatch', () => EnvironmentSource.selector({ mode: SelectorMode.MULTIPLE, matchLabels: [LabelMatcher.value('a', 'b')], minMatch: -1 }), /minMatch must be a non-negative integer, got '-1'/],
    ['a plain object as source', () => environmentConfigsStep({ environmentConfigs: [{ type: 'Reference' } as any] }), /environmentConfigs\[0\] must be built with EnvironmentSource.reference/],
  ])('rejects %s', (_what, build, message) => {
    expect(build).toThrow(message);
  });
});

describe('EnvironmentConfig', () => {
  test('synthesizes apiextensions.crossplane.io/v1beta1 EnvironmentConfig with name, labels and data', () => {
    const a = Testing.app();
    const chart = new Chart(a, 'c');
    new EnvironmentConfig(chart, 'gcp-defaults', { labels: { provider: 'gcp' }, data: { region: 'europe-west1', sizes: [1, 2] } });
    expect(synthAll(a).find((o) => o.kind === 'EnvironmentConfig')).toStrictEqual({
      apiVersion: 'apiextensions.crossplane.io/v1beta1',
      kind: 'EnvironmentConfig',
      metadata: { name: 'gcp-defaults', labels: { provider: 'gcp' } },
      data: { region: 'europe-west1', sizes: [1, 2] },
    });
  });

  test('names the construct path and the fix for a bad name or label', () => {
    const { chart } = app();
    expect(() => new EnvironmentConfig(chart, 'Bad_Id')).toThrow(/^\[c\/Bad_Id\] name must be a DNS-1123 subdomain, got 'Bad_Id'.*defaults to the construct id/);
    expect(() => new EnvironmentConfig(chart, 'ok', { labels: { tier: 'has space' } })).toThrow(/^\[c\/ok\] labels\['tier'\] must be a label value/);
  });
});

describe('sequencerStep and celFilterStep', () => {
  test('write their functions\' input from rules and filters, resources given by construct or name', () => {
    const { comp } = app();
    const net = comp.addResource('network', KubeConfigMap, {});
    const seq = sequencerStep({
      rules: [{ sequence: [net, 'subnet-.*'], condition: 'observed.composite.resource.spec.parameters.ordered == true' }, { sequence: ['a', 'b'], deleteOnly: true }],
      enableDeletionSequencing: true,
      usageVersion: UsageVersion.V1,
    });
    expect(seq).toMatchObject({ step: 'sequence-creation', function: FunctionPackage.SEQUENCER });
    expect(seq.input).toStrictEqual({
      apiVersion: 'sequencer.fn.crossplane.io/v1beta1',
      kind: 'Input',
      rules: [
        { sequence: ['network', 'subnet-.*'], condition: 'observed.composite.resource.spec.parameters.ordered == true' },
        { sequence: ['a', 'b'], deleteOnly: true },
      ],
      enableDeletionSequencing: true,
      usageVersion: 'v1',
    });
    const filter = celFilterStep({ filters: [{ name: net, expression: 'observed.composite.resource.spec.parameters.size > 2' }] });
    expect(filter).toMatchObject({ step: 'filter-composed-resources', function: FunctionPackage.CEL_FILTER });
    expect(filter.input).toStrictEqual({
      apiVersion: 'cel.fn.crossplane.io/v1beta1', kind: 'Filters', filters: [{ name: 'network', expression: 'observed.composite.resource.spec.parameters.size > 2' }],
    });
  });

  test.each([
    ['a one-resource sequence', () => sequencerStep({ rules: [{ sequence: ['a'] }] }), /rules\[0\]\.sequence must name at least two resources, got 1/],
    ['a bad regular expression', () => sequencerStep({ rules: [{ sequence: ['a', '(b'] }] }), /rules\[0\]\.sequence\[1\] must be a Go regular expression, got '\(b': error parsing regexp: missing closing \)/],
    ['a condition that does not parse', () => sequencerStep({ rules: [{ sequence: ['a', 'b'], condition: 'observed ==' }] }), /rules\[0\]\.condition must be a CEL expression over observed, desired and context, got 'observed =='/],
    ['a filter whose expression is dyn (function-cel-filter wants bool)', () => celFilterStep({ filters: [{ name: 'a', expression: 'observed.composite.resource.spec.enabled' }] }),
      /filters\[0\]\.expression must be a boolean CEL expression, got 'observed.composite.resource.spec.enabled' of type dyn: compare the value/],
    ['a filter reading an unknown variable', () => celFilterStep({ filters: [{ name: 'a', expression: 'xr.spec.x == 1' }] }), /undeclared reference to 'xr'/],
  ])('rejects %s', (_what, build, message) => {
    expect(build).toThrow(message);
  });
});

describe('the steps in a Composition', () => {
  function platform() {
    const { a, chart, comp } = app();
    const cfg = new EnvironmentConfig(chart, 'defaults', { data: { greeting: 'hello', big: true } });
    const first = comp.addResource('first', KubeConfigMap, { data: { n: '1' } });
    first.addPatch(Patch.fromEnvironmentFieldPath('greeting', 'data.greeting'));
    const second = comp.addResource('second', KubeConfigMap, { data: { n: '2' } });
    const optional = comp.addResource('optional', KubeConfigMap, { data: { n: '3' } });
    comp.addStep(environmentConfigsStep({ environmentConfigs: [EnvironmentSource.reference(cfg)] }), { before: comp.patchAndTransformStep });
    comp.addStep(sequencerStep({ rules: [{ sequence: [first, second] }] }));
    comp.addStep(celFilterStep({ filters: [{ name: optional, expression: 'context["apiextensions.crossplane.io/environment"].big == false' }] }));
    const pkg = new ConfigurationPackage(a, 'Package', { name: 'platform' });
    return { a, cfg, comp, pkg };
  }

  test('runs environment-configs before P&T, the others after, auto-ready last; each brings its Function and dependency', () => {
    const { a, comp, pkg } = platform();
    expect(comp.pipeline.map((s) => s.step)).toEqual(['environment-configs', 'patch-and-transform', 'sequence-creation', 'filter-composed-resources', 'automatically-detect-ready-composed-resources']);
    a.synthYaml();
    const objects = synthAll(a);
    const functions = objects.filter((o) => o.kind === 'Function').map((o) => o.spec.package).sort();
    expect(functions).toEqual(expect.arrayContaining([
      'xpkg.crossplane.io/crossplane-contrib/function-cel-filter:v0.1.2',
      'xpkg.crossplane.io/crossplane-contrib/function-environment-configs:v0.7.2',
      'xpkg.crossplane.io/crossplane-contrib/function-sequencer:v0.1.2',
    ]));
    const deps = (pkg.toJson() as any).spec.dependsOn.map((d: any) => d.package);
    expect(deps).toEqual(expect.arrayContaining([
      'xpkg.crossplane.io/crossplane-contrib/function-cel-filter',
      'xpkg.crossplane.io/crossplane-contrib/function-environment-configs',
      'xpkg.crossplane.io/crossplane-contrib/function-sequencer',
    ]));
  });

  test('the synthesized Composition renders offline with the EnvironmentConfig as a required resource', () => {
    const { a, cfg } = platform();
    a.synthYaml();
    const objects = synthAll(a);
    const composition = objects.find((o) => o.kind === 'Composition');
    const xr = { apiVersion: 'test.example.org/v1alpha1', kind: 'XThing', metadata: { name: 'x', namespace: 'default' }, spec: { parameters: { region: 'eu' } } };
    const result = render({ xr, composition, functions: objects.filter((o) => o.kind === 'Function'), requiredResources: [cfg.toJson()], includeFunctionResults: true });
    // The sequencer holds `second` back until `first` is ready; the filter drops `optional`.
    expect(result.resources.map((r) => r.metadata.annotations['crossplane.io/composition-resource-name'])).toEqual(['first']);
    expect(result.resources[0].data).toEqual({ greeting: 'hello', n: '1' });
    // The reconcile output's events: the sequencer's result among the reconciler's own.
    expect(result.results.map((r) => r.message)).toEqual([
      'Successfully selected composition: xthings.test.example.org',
      'Pipeline step "sequence-creation": Delaying creation of resource(s) matching "second" because "first" is not fully ready (0 of 1)',
      'Composed resource "first" is not yet ready',
    ]);
  });

  test('warns when the environment step runs after the P&T patches that read the environment', () => {
    const { comp } = app();
    comp.addResource('first', KubeConfigMap, {}).addPatch(Patch.fromEnvironmentFieldPath('greeting', 'data.greeting'));
    comp.addStep(environmentConfigsStep({ environmentConfigs: [EnvironmentSource.reference('defaults')] }));
    expect(comp.warnings).toContain("pipeline step 'environment-configs' (function-environment-configs) should run before 'patch-and-transform', "
      + 'whose environment patches read what it loads, got it after: add it with addStep(..., { before: comp.patchAndTransformStep })');
    const { comp: placed } = app();
    placed.addResource('first', KubeConfigMap, {}).addPatch(Patch.fromEnvironmentFieldPath('greeting', 'data.greeting'));
    placed.addStep(environmentConfigsStep({ environmentConfigs: [EnvironmentSource.reference('defaults')] }), { before: placed.patchAndTransformStep });
    expect(placed.warnings.filter((w) => w.includes('environment-configs'))).toEqual([]);
  });

  test('renderComposition takes the construct and EnvironmentConfig constructs as required resources', () => {
    const { comp, cfg } = platform();
    const xr = { apiVersion: 'test.example.org/v1alpha1', kind: 'XThing', metadata: { name: 'x', namespace: 'default' }, spec: { parameters: { region: 'eu' } } };
    const result = renderComposition({ xr, composition: comp, requiredResources: [cfg] });
    expect(result.resources[0].data.greeting).toBe('hello');
    expect(() => renderComposition({ xr, composition: comp })).toThrow(/Required environment config "defaults" not found/);
  });

  test('simulateComposition takes EnvironmentConfig constructs as required resources, as renderComposition does', () => {
    const { comp, cfg } = platform();
    const xr = { apiVersion: 'test.example.org/v1alpha1', kind: 'XThing', metadata: { name: 'x', namespace: 'default' }, spec: { parameters: { region: 'eu' } } };
    const sim = simulateComposition({ xr, composition: comp, requiredResources: [cfg] });
    expect(sim.verdict.kind).not.toBe('failed');
    expect(sim.reconciles[0].resources.map((r) => r.data?.greeting)).toContain('hello');
    expect(simulateComposition({ xr, composition: comp }).verdict).toMatchObject({ kind: 'failed' });
  });
});
