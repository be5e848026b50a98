/**
 * function-environment-configs, transcribed from its fn_test.go at
 * crossplane-contrib/function-environment-configs v0.7.1 (commit
 * 054a6b8d08ae3e0c957a0e75359b14f88340ca39): `TestRunFunction` (7 cases) and
 * `TestSortRequiredByFieldPath` (7 cases), by their upstream names. Like upstream, result
 * messages are not compared in the transcribed cases; the fatal texts are checked separately
 * against the wrapping in fn.go.
 */
import { fromStruct } from '../../../../src/engine/go/values';
import type { ObjectValue } from '../../../../src/engine/go/values';
import { runEnvironmentConfigs } from '../../../../src/engine/functions/environment-configs/run';
import { sortByFieldPathValue } from '../../../../src/engine/functions/environment-configs/run';
import type { FunctionRequest, FunctionResponse } from '../../../../src/engine/protocol';
import { request } from '../../_helpers';

const ENV = 'apiextensions.crossplane.io/environment';
const EC = { apiVersion: 'apiextensions.crossplane.io/v1beta1', kind: 'EnvironmentConfig' };
const byName = (matchName: string) => ({ ...EC, matchName });
const byLabels = (matchLabels: Record<string, string>) => ({ ...EC, matchLabels });
const config = (name: string, data: unknown) => fromStruct({ ...EC, metadata: { name }, data }) as ObjectValue;
const input = (spec: unknown) => ({ apiVersion: 'template.fn.crossplane.io/v1beta1', kind: 'Input', spec });

function run(parts: Parameters<typeof request>[0] & { required?: Record<string, ObjectValue[]> }): FunctionResponse {
  const req: FunctionRequest = { ...request(parts), requiredResources: parts.required ?? {} };
  return runEnvironmentConfigs(req);
}

/** The five sources of RequestEnvironmentConfigs and RequestEnvironmentConfigsFound. */
const FIVE_SOURCES = input({
  environmentConfigs: [
    { type: 'Reference', ref: { name: 'my-env-config' } },
    { type: 'Reference', ref: { name: 'my-second-env-config' } },
    { type: 'Selector', selector: { mode: 'Multiple', matchLabels: [{ type: 'Value', key: 'foo', value: 'bar' }] } },
    { type: 'Selector', selector: { mode: 'Single', matchLabels: [{ key: 'someMoreFoo', valueFromFieldPath: 'spec.missingEnvSelectorLabel', fromFieldPathPolicy: 'Optional' }] } },
    { type: 'Selector', selector: { mode: 'Single', matchLabels: [{ key: 'someMoreFoo', valueFromFieldPath: 'spec.existingEnvSelectorLabel', fromFieldPathPolicy: 'Required' }] } },
  ],
});
const FIVE_XR = { apiVersion: 'test.crossplane.io/v1alpha1', kind: 'XR', metadata: { name: 'my-xr' }, spec: { existingEnvSelectorLabel: 'someMoreBar' } };
const FIVE_REQUIREMENTS = {
  'environment-config-0': byName('my-env-config'),
  'environment-config-1': byName('my-second-env-config'),
  'environment-config-2': byLabels({ foo: 'bar' }),
  // environment-config-3 is not requested because it was optional
  'environment-config-4': byLabels({ someMoreFoo: 'someMoreBar' }),
};

describe('function-environment-configs TestRunFunction (fn_test.go v0.7.1)', () => {
  test('RequestEnvironmentConfigs: the Function should request the necessary EnvironmentConfigs', () => {
    const rsp = run({ oxr: FIVE_XR, input: FIVE_SOURCES });
    expect(rsp.results).toEqual([]);
    expect(rsp.requirements).toEqual({ resources: FIVE_REQUIREMENTS });
    expect(rsp.context[ENV]).toBeUndefined();
  });

  test('RequestEnvironmentConfigsFound: the Function should request the necessary EnvironmentConfigs even if they are already present in the request', () => {
    const rsp = run({
      oxr: FIVE_XR,
      input: FIVE_SOURCES,
      required: {
        'environment-config-0': [config('my-env-config', { firstKey: 'firstVal', secondKey: 'secondVal' })],
        'environment-config-1': [config('my-second-env-config', { secondKey: 'secondVal-ok', thirdKey: 'thirdVal' })],
        'environment-config-2': [config('my-third-env-config-b', { fourthKey: 'fourthVal-b' }), config('my-third-env-config-a', { fourthKey: 'fourthVal-a' })],
        'environment-config-3': [config('my-third-env-config', { fifthKey: 'fifthVal' })],
        'environment-config-4': [config('my-fourth-env-config', { sixthKey: 'sixthVal' })],
      },
    });
    expect(rsp.results).toEqual([]);
    expect(rsp.requirements).toEqual({ resources: FIVE_REQUIREMENTS });
    expect(rsp.context[ENV]).toEqual({
      apiVersion: 'internal.crossplane.io/v1alpha1',
      kind: 'Environment',
      firstKey: 'firstVal',
      secondKey: 'secondVal-ok',
      thirdKey: 'thirdVal',
      fourthKey: 'fourthVal-b',
      fifthKey: 'fifthVal',
      sixthKey: 'sixthVal',
    });
  });

  test('RequestEnvironmentConfigsNotFoundRequired: the Function should return fatal if a required EnvironmentConfig is not found', () => {
    const rsp = run({
      oxr: { apiVersion: 'test.crossplane.io/v1alpha1', kind: 'XR', metadata: { name: 'my-xr' } },
      input: input({ environmentConfigs: [{ type: 'Reference', ref: { name: 'my-env-config' } }] }),
      required: { 'environment-config-0': [] },
    });
    expect(rsp.results.map((r) => r.severity)).toEqual(['SEVERITY_FATAL']);
    expect(rsp.requirements).toEqual({ resources: { 'environment-config-0': byName('my-env-config') } });
    expect(rsp.context[ENV]).toBeUndefined();
    // fn.go: RunFunction wraps getSelectedEnvConfigs, which wraps processSourceByReference.
    expect(rsp.results[0].message).toBe('cannot get selected environment configs: cannot process environment config "my-env-config" by reference, '
      + '"environment-config-0": Required environment config "my-env-config" not found');
  });

  const optionalSourceXr = { apiVersion: 'test.crossplane.io/v1alpha1', kind: 'XR', metadata: { name: 'my-xr' }, spec: { presentField: 'value' } };
  const baseConfig = { 'environment-config-0': [config('base-env-config', { baseKey: 'baseVal' })] };
  const baseEnv = { apiVersion: 'internal.crossplane.io/v1alpha1', kind: 'Environment', baseKey: 'baseVal' };
  test.each([
    ['SelectorWithOptionalFieldPathNotProvided', { mode: 'Multiple', minMatch: 0, maxMatch: 1 }],
    ['SelectorSingleModeWithOptionalFieldPathNotProvided', { mode: 'Single' }],
  ])('%s: a selector whose only label is optional and absent is neither requested nor required', (_name, selector) => {
    const rsp = run({
      oxr: optionalSourceXr,
      input: input({
        environmentConfigs: [
          { type: 'Reference', ref: { name: 'base-env-config' } },
          { type: 'Selector', selector: { ...selector, matchLabels: [{ key: 'epd', valueFromFieldPath: 'spec.epd.name', fromFieldPathPolicy: 'Optional' }] } },
        ],
      }),
      // environment-config-1 is NOT provided (optional field doesn't exist)
      required: baseConfig,
    });
    expect(rsp.results).toEqual([]);
    expect(rsp.requirements).toEqual({ resources: { 'environment-config-0': byName('base-env-config') } });
    expect(rsp.context[ENV]).toEqual(baseEnv);
  });

  test('MergeEnvironmentConfigs: the Function should merge the provided EnvironmentConfigs', () => {
    const rsp = run({
      context: {
        [ENV]: {
          apiVersion: 'internal.crossplane.io/v1alpha1',
          kind: 'Environment',
          a: 'only-from-input',
          e: 'overridden-from-input-ok',
          f: 'overridden-from-env-config-1',
          g: 'overridden-from-env-config-2',
        },
      },
      input: input({
        defaultData: { b: 'only-from-default', e: 'overridden-from-input', f: 'overridden-from-env-config-2' },
        environmentConfigs: [
          { type: 'Reference', ref: { name: 'my-env-config' } },
          { type: 'Reference', ref: { name: 'my-second-env-config' } },
        ],
      }),
      required: {
        'environment-config-0': [config('my-env-config', { c: 'only-from-env-config-1', f: 'overridden-from-env-config-1-ok', h: 'override-from-env-config-1' })],
        'environment-config-1': [config('my-second-env-config', { d: 'only-from-env-config-1', g: 'overridden-from-env-config-2-ok', h: 'override-from-env-config-1-ok' })],
      },
    });
    expect(rsp.results).toEqual([]);
    expect(rsp.requirements).toEqual({ resources: { 'environment-config-0': byName('my-env-config'), 'environment-config-1': byName('my-second-env-config') } });
    expect(rsp.context[ENV]).toEqual({
      apiVersion: 'internal.crossplane.io/v1alpha1',
      kind: 'Environment',
      a: 'only-from-input',
      b: 'only-from-default',
      c: 'only-from-env-config-1',
      d: 'only-from-env-config-1',
      e: 'overridden-from-input-ok',
      f: 'overridden-from-env-config-1-ok',
      g: 'overridden-from-env-config-2-ok',
      h: 'override-from-env-config-1-ok',
    });
  });

  test('ToFieldPath: the Function should load into the specified toFieldPath', () => {
    const rsp = run({
      input: input({
        defaultData: { a: 'from-default' },
        environmentConfigs: [
          { type: 'Reference', ref: { name: 'foo' }, toFieldPath: 'foo' },
          { type: 'Selector', selector: { mode: 'Multiple', matchLabels: [{ type: 'Value', key: 'foo', value: 'bar' }] }, toFieldPath: 'foo.bar' },
        ],
      }),
      required: {
        'environment-config-0': [config('foo', { a: 'from-foo' })],
        'environment-config-1': [config('first', { a: 'from-label-select-first' }), config('second', { b: 'from-label-select-second' })],
      },
    });
    expect(rsp.results).toEqual([]);
    expect(rsp.requirements).toEqual({ resources: { 'environment-config-0': byName('foo'), 'environment-config-1': byLabels({ foo: 'bar' }) } });
    expect(rsp.context[ENV]).toEqual({
      apiVersion: 'internal.crossplane.io/v1alpha1',
      kind: 'Environment',
      a: 'from-default',
      foo: { a: 'from-foo', bar: { a: 'from-label-select-first', b: 'from-label-select-second' } },
    });
  });
});

/** `resourceWithFieldPathValue` of fn_test.go: an object with one value at a field path. */
function withValue(path: string, value: unknown): ObjectValue {
  const [a, b] = path.split('.');
  return fromStruct({ [a]: { [b]: value } }) as ObjectValue;
}

describe('function-environment-configs TestSortRequiredByFieldPath (fn_test.go v0.7.1)', () => {
  test.each([
    ['SortByString', [['metadata.name', 'c'], ['metadata.name', 'a'], ['metadata.name', 'b']], 'metadata.name', [1, 2, 0]],
    ['SortByInt', [['data.someInt', 3], ['data.someInt', 1], ['data.someInt', 2]], 'data.someInt', [1, 2, 0]],
    ['SortByFloat', [['data.someFloat', 1.3], ['data.someFloat', 1.1], ['data.someFloat', 1.2], ['data.someFloat', 1.4]], 'data.someFloat', [1, 2, 0, 3]],
    ['InvalidPathAll', [['metadata.name', 'c'], ['metadata.name', 'a'], ['metadata.name', 'b']], 'metadata.invalid', [0, 1, 2]],
    ['InvalidPathSome', [['metadata.name', 'c'], ['metadata.invalid', 'a'], ['metadata.name', 'b']], 'metadata.name', [1, 2, 0]],
  ] as const)('%s', (_name, items, path, order) => {
    const resources = items.map(([p, v]) => withValue(p, v));
    expect(sortByFieldPathValue(resources, path)).toEqual(order.map((i) => resources[i]));
  });

  test.each([
    ['InconsistentTypeSortByInt', [['data.someInt', 3], ['data.someInt', 1], ['data.someInt', '2']], 'data.someInt', 'cannot sort values of different types "float64" and "string"'],
    ['EmptyPath', [['metadata.name', 'c'], ['metadata.name', 'a'], ['metadata.name', 'b']], '', 'cannot sort by empty field path'],
  ] as const)('%s fails', (_name, items, path, message) => {
    const resources = items.map(([p, v]) => withValue(p, v));
    expect(() => sortByFieldPathValue(resources, path)).toThrow(message);
  });
});

describe('function-environment-configs errors (texts from fn.go v0.7.1)', () => {
  test('a Single selector that matches two configs is fatal', () => {
    const rsp = run({
      input: input({ environmentConfigs: [{ type: 'Selector', selector: { matchLabels: [{ type: 'Value', key: 'k', value: 'v' }] } }] }),
      required: { 'environment-config-0': [config('a', {}), config('b', {})] },
    });
    expect(rsp.results).toEqual([{ severity: 'SEVERITY_FATAL', message: 'cannot get selected environment configs: cannot process environment config "environment-config-0" by selector: expected exactly one required resource, got 2' }]);
  });

  test('minMatch above the number found is fatal', () => {
    const rsp = run({
      input: input({ environmentConfigs: [{ type: 'Selector', selector: { mode: 'Multiple', minMatch: 2, matchLabels: [{ type: 'Value', key: 'k', value: 'v' }] } }] }),
      required: { 'environment-config-0': [config('a', {})] },
    });
    expect(rsp.results[0].message).toBe('cannot get selected environment configs: cannot process environment config "environment-config-0" by selector: expected at least 2 required resources, got 1');
  });

  test('a required label missing from the XR fails building the requirements', () => {
    const rsp = run({
      oxr: { apiVersion: 'v', kind: 'XR', spec: {} },
      input: input({ environmentConfigs: [{ type: 'Selector', selector: { matchLabels: [{ key: 'k', valueFromFieldPath: 'spec.region' }] } }] }),
    });
    expect(rsp.results).toEqual([{ severity: 'SEVERITY_FATAL', message: 'cannot build requirements: cannot get value from field path "spec.region": spec.region: no such field' }]);
  });

  test('an Optional resolution policy skips a missing reference', () => {
    const rsp = run({
      input: input({ policy: { resolution: 'Optional' }, environmentConfigs: [{ ref: { name: 'missing' } }] }),
      required: { 'environment-config-0': [] },
    });
    expect(rsp.results).toEqual([]);
    expect(rsp.context[ENV]).toEqual({ apiVersion: 'internal.crossplane.io/v1alpha1', kind: 'Environment' });
  });

  test('policy.resolve is not a field of the Go input type: the input does not decode', () => {
    const rsp = run({ input: input({ policy: { resolve: 'Always' }, environmentConfigs: [] }) });
    expect(rsp.results[0].message).toBe('cannot get Function input from *v1.RunFunctionRequest: cannot get function input *v1beta1.Input from *v1.RunFunctionRequest: '
      + 'cannot unmarshal JSON from *structpb.Struct into *v1beta1.Input: json: cannot unmarshal into Go v1beta1.Policy: unknown object member name "resolve" within "/spec/policy"');
  });

  test('without environmentConfigs the step passes everything through and asks for nothing', () => {
    const rsp = run({ input: input({}), context: { keep: 'me' } });
    expect(rsp).toEqual({ desired: { composite: undefined, resources: {} }, context: { keep: 'me' }, results: [] });
  });

  test('a Reference without ref fails with the field to set (the Go function would crash)', () => {
    const rsp = run({ input: input({ environmentConfigs: [{ type: 'Reference' }] }) });
    expect(rsp.results[0]).toEqual({ severity: 'SEVERITY_FATAL', message: 'invalid Function input: spec.environmentConfigs[0].ref is required for type Reference: the function dereferences it (set ref.name, or use type: Selector)' });
  });
});
