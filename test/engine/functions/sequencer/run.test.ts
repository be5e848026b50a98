/**
 * function-sequencer against its fn_test.go at v0.6.0 (commit
 * 8ee29b46b7b9491fb307cf6caf339541a8d93422): `TestRunFunction` (transcribed in
 * upstream-cases.ts), `TestRunFunctionCacheTTL` and `TestRunFunctionConditionErrors` (below).
 * Results are compared with their messages, as upstream compares whole responses.
 */
import { runSequencer } from '../../../../src/engine/functions/sequencer/run';
import { comparableState, runUpstream, upstreamRequest } from '../_upstream';
import { TEST_RUN_FUNCTION } from './upstream-cases';

describe('function-sequencer TestRunFunction (fn_test.go v0.6.0)', () => {
  test.each(TEST_RUN_FUNCTION.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const got = runUpstream(runSequencer, c);
    expect(got.results).toEqual(c.response.results.map((r) => ({ severity: r.severity, message: r.message ?? '' })));
    expect(got.desired).toEqual(comparableState(upstreamRequest({ desired: c.response.desired }).desired));
  });
});

describe('function-sequencer TestRunFunctionCacheTTL (fn_test.go v0.6.0)', () => {
  const xr = { apiVersion: 'example.org/v1', kind: 'XR', metadata: { name: 'cool-xr' }, spec: { count: 1 } };
  const request = (cacheTTL: string) => ({
    request: {
      input: { cacheTTL, rules: [{ sequence: ['first', 'second'] }] },
      observed: { composite: { resource: xr }, resources: {} },
      desired: { composite: { resource: xr }, resources: { second: { resource: xr } } },
    },
  });
  test('ValidCacheTTL: a valid TTL sequences as usual', () => {
    const got = runUpstream(runSequencer, request('5m'));
    expect(got.results).toEqual([{ severity: 'SEVERITY_NORMAL', message: 'Delaying creation of resource(s) matching "second" because "first" does not exist yet' }]);
    expect(got.desired).toEqual({ composite: { resource: xr }, resources: {} });
  });
  test('InvalidCacheTTL: a TTL that does not parse is fatal and changes nothing', () => {
    const got = runUpstream(runSequencer, request('5x'));
    expect(got.results).toEqual([{ severity: 'SEVERITY_FATAL', message: 'cannot set cacheTTL: time: unknown unit "x" in duration "5x"' }]);
    expect(got.desired).toEqual({ composite: { resource: xr }, resources: { second: { resource: xr } } });
  });
});

describe('function-sequencer TestRunFunctionConditionErrors (fn_test.go v0.6.0)', () => {
  const xr = { apiVersion: 'example.org/v1', kind: 'XR', metadata: { name: 'cool-xr' }, spec: { count: 2 } };
  const mr = { apiVersion: 'example.org/v1', kind: 'MR', metadata: { name: 'cool-mr' } };
  test.each([
    ['InvalidExpression', 'invalid $$$ expression', /^cannot evaluate condition "invalid \$\$\$ expression" for sequence \[first second\]: cannot parse CEL condition: /],
    ['NonBoolResult', 'observed.composite.resource.spec.count', /^cannot evaluate condition "observed.composite.resource.spec.count" for sequence \[first second\]: CEL condition result is not bool$/],
  ])('%s is fatal', (_name, condition, message) => {
    const got = runUpstream(runSequencer, {
      request: {
        input: { rules: [{ sequence: ['first', 'second'], condition }] },
        observed: { composite: { resource: xr }, resources: {} },
        desired: { composite: { resource: xr }, resources: { first: { resource: mr }, second: { resource: mr } } },
      },
    });
    expect(got.results[0].severity).toBe('SEVERITY_FATAL');
    expect(got.results[0].message).toMatch(message);
  });
});
