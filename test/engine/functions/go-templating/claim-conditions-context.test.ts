// function-go-templating's claimconditions_test.go and context_test.go (tag v0.12.2, commit
// 0a1e6d386f4363fae257ddbfb5b497416370e830). Those tests call UpdateClaimConditions,
// transformCondition, UpdateResponseWithCondition and MergeContext directly; here each case
// reaches them as users do, through a ClaimConditions or Context object in a template. The
// protocol here carries no condition targets (they only route a condition to a claim, which
// render never has), so targets are not compared; transformTarget's three cases are about
// targets alone and are left out for that reason.
import { runGoTemplating } from '../../../../src/engine/functions/go-templating';
import type { FunctionCondition, FunctionRequest, FunctionResponse } from '../../../../src/engine/protocol';
import type { ObjectValue } from '../../../../src/engine/go/values';

const META = 'meta.gotemplating.fn.crossplane.io/v1alpha1';

function run(objects: readonly ObjectValue[], context: ObjectValue = {}): FunctionResponse {
  const req: FunctionRequest = {
    input: { source: 'Inline', inline: { template: objects.map((o) => JSON.stringify(o)).join('\n') } },
    observed: { resources: {} },
    desired: { resources: {} },
    context,
    credentials: {},
    requiredResources: {},
  };
  return runGoTemplating(req);
}

const claimConditions = (...conditions: ObjectValue[]): ObjectValue => ({ apiVersion: META, kind: 'ClaimConditions', conditions });
const cond = (type: string, status: FunctionCondition['status'], message?: string): FunctionCondition =>
  (message === undefined ? { type, status, reason: '' } : { type, status, reason: '', message });

describe('Test_UpdateClaimConditions', () => {
  test('EmptyResponseNoConditions: no conditions, none added', () => {
    const rsp = run([claimConditions()]);
    expect(rsp.results).toEqual([]);
    expect(rsp.conditions ?? []).toEqual([]);
  });

  test('ErrorOnReadyReservedType: Ready is reserved', () => {
    const rsp = run([claimConditions({ message: 'Ready Message', status: 'True', type: 'Ready', target: 'Composite' })]);
    expect(rsp.results).toEqual([{ severity: 'SEVERITY_FATAL', message: 'cannot set ClaimCondition type: Ready is a reserved Crossplane Condition' }]);
  });

  test('SuccessfullyAddConditions: each condition in order, with or without a target', () => {
    const rsp = run([claimConditions(
      { message: 'Creating Resource', status: 'False', type: 'NetworkReady', target: 'CompositeAndClaim' },
      { message: 'Ready Message', status: 'True', type: 'DatabaseReady', target: 'Composite' },
      { message: 'No Target should add CompositeAndClaim', status: 'True', type: 'NoTarget' },
    )]);
    expect(rsp.results).toEqual([]);
    expect(rsp.conditions).toEqual([
      cond('NetworkReady', 'STATUS_CONDITION_FALSE', 'Creating Resource'),
      cond('DatabaseReady', 'STATUS_CONDITION_TRUE', 'Ready Message'),
      cond('NoTarget', 'STATUS_CONDITION_TRUE', 'No Target should add CompositeAndClaim'),
    ]);
  });
});

describe('Test_transformCondition', () => {
  test.each<[string, ObjectValue, FunctionCondition]>([
    ['Basic', { message: 'Basic Message', status: 'True', type: 'TestType', target: 'Composite' }, cond('TestType', 'STATUS_CONDITION_TRUE', 'Basic Message')],
    ['Defaults', {}, cond('', 'STATUS_CONDITION_UNKNOWN')],
    ['StatusFalseNoTarget', { message: 'Basic Message', status: 'False', type: 'TestType' }, cond('TestType', 'STATUS_CONDITION_FALSE', 'Basic Message')],
  ])('%s', (_name, condition, want) => {
    const rsp = run([claimConditions(condition)]);
    expect(rsp.results).toEqual([]);
    expect(rsp.conditions).toEqual([want]);
  });
});

describe('Test_UpdateResponseWithCondition', () => {
  test('ResponseWithNoConditions and ResponseAddCondition: the first condition starts the list', () => {
    const rsp = run([claimConditions({ message: 'Basic Message', status: 'False', type: 'TestType', target: 'CompositeAndClaim' })]);
    expect(rsp.conditions).toEqual([cond('TestType', 'STATUS_CONDITION_FALSE', 'Basic Message')]);
  });

  test('ResponseAppCondition: a later condition is appended after the existing ones', () => {
    const rsp = run([
      claimConditions({ message: 'Existing Message', status: 'True', type: 'ExistingTestType', target: 'Composite' }),
      claimConditions({ message: 'Basic Message', status: 'False', type: 'TestType', target: 'CompositeAndClaim' }),
    ]);
    expect(rsp.conditions).toEqual([
      cond('ExistingTestType', 'STATUS_CONDITION_TRUE', 'Existing Message'),
      cond('TestType', 'STATUS_CONDITION_FALSE', 'Basic Message'),
    ]);
  });
});

describe('TestMergeContext', () => {
  test('NoContextAtKey: the data becomes the context', () => {
    const rsp = run([{ apiVersion: META, kind: 'Context', data: { hello: 'world' } }]);
    expect(rsp.results).toEqual([]);
    expect(rsp.context).toEqual({ hello: 'world' });
  });

  test('SuccessfulMerge: keys merged, the template\'s values overwrite the context\'s', () => {
    const context = { 'apiextensions.crossplane.io/environment': { complex: { a: 'b', c: { d: 'e', f: '1', overWrite: 'fromContext' } } } };
    const data = { newKey: 'newValue', 'apiextensions.crossplane.io/environment': { complex: { c: { overWrite: 'fromFunction' } } } };
    const rsp = run([{ apiVersion: META, kind: 'Context', data }], context);
    expect(rsp.results).toEqual([]);
    expect(rsp.context).toEqual({
      'apiextensions.crossplane.io/environment': { complex: { a: 'b', c: { d: 'e', f: '1', overWrite: 'fromFunction' } } },
      newKey: 'newValue',
    });
  });
});
