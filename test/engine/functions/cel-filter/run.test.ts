/**
 * function-cel-filter against crossplane-contrib/function-cel-filter v0.2.0 (commit
 * c8a0281f7f0a40adbc52d5aaeeb29e49292a9cf9): fn_test.go `TestRunFunction` (both cases,
 * transcribed), the example/ folder rendered as its README does (`crossplane beta render xr.yaml
 * composition.yaml functions.yaml -r`), and the error texts of fn.go.
 *
 * The README's output predates today's render output (no Ready condition on the XR, no
 * metadata.name from the base), so the example is compared on what the filter decides: which
 * composed resources exist, and the Table's spec.
 */
import { render } from '../../../../src/engine';
import { runCelFilter } from '../../../../src/engine/functions/cel-filter/run';
import { comparableState, runUpstream, upstreamRequest } from '../_upstream';

describe('function-cel-filter TestRunFunction (fn_test.go v0.2.0)', () => {
  test('EmptyFiltersDoesNothing: the function should return all desired resources if there are no filters', () => {
    const got = runUpstream(runCelFilter, { request: { input: { apiVersion: 'filters.cel.crossplane.io/v1beta1', kind: 'Filters' } } });
    expect(got.results).toEqual([]);
    expect(got.desired).toEqual({ resources: {} });
  });

  test('BasicFilter: a resource matched by a filter stays only if its expression is true', () => {
    const got = runUpstream(runCelFilter, {
      request: {
        // The first filter matches the resources but evaluates to true, so it won't filter them;
        // the second also matches and evaluates to false, so it does.
        input: {
          apiVersion: 'filters.cel.crossplane.io/v1beta1',
          kind: 'Filters',
          filters: [
            { name: 'matching-.*', expression: 'observed.composite.resource.spec.watchers == 42' },
            { name: 'matching-.*', expression: 'observed.composite.resource.spec.widgets == 88' },
          ],
        },
        observed: { composite: { resource: { spec: { watchers: 42, widgets: 42 } } } },
        desired: { resources: { 'matching-resource-a': {}, 'matching-resource-b': {}, 'non-matching-resource': {} } },
      },
    });
    expect(got.results).toEqual([]);
    expect(got.desired).toEqual(comparableState(upstreamRequest({ desired: { resources: { 'non-matching-resource': {} } } }).desired));
  });
});

const COMPOSITION = {
  apiVersion: 'apiextensions.crossplane.io/v1',
  kind: 'Composition',
  metadata: { name: 'function-template-go' },
  spec: {
    compositeTypeRef: { apiVersion: 'example.crossplane.io/v1', kind: 'NoSQL' },
    mode: 'Pipeline',
    pipeline: [
      {
        step: 'patch-and-transform',
        functionRef: { name: 'function-patch-and-transform' },
        input: {
          apiVersion: 'pt.fn.crossplane.io/v1beta1',
          kind: 'Resources',
          resources: [
            {
              name: 'table',
              base: {
                apiVersion: 'dynamodb.aws.upbound.io/v1beta1',
                kind: 'Table',
                metadata: { name: 'crossplane-quickstart-database' },
                spec: { forProvider: { region: 'us-east-2', writeCapacity: 1, readCapacity: 1, attribute: [{ name: 'S3ID', type: 'S' }], hashKey: 'S3ID' } },
              },
            },
            { name: 'bucket', base: { apiVersion: 's3.aws.upbound.io/v1beta1', kind: 'Bucket', spec: { forProvider: { region: 'us-east-2' } } } },
          ],
        },
      },
      {
        step: 'filter-composed-resources',
        functionRef: { name: 'function-cel-filter' },
        input: {
          apiVersion: 'cel.fn.crossplane.io/v1beta1',
          kind: 'Filters',
          // Only create the bucket if the XR's spec.export field is set to "S3".
          filters: [{ name: 'bucket', expression: 'observed.composite.resource.spec.export == "S3"' }],
        },
      },
    ],
  },
};
const xr = (exportTo: string) => ({ apiVersion: 'example.crossplane.io/v1', kind: 'NoSQL', metadata: { name: 'example-xr' }, spec: { export: exportTo } });

describe('function-cel-filter example/ (v0.2.0)', () => {
  test('export: Disabled renders the Table only', () => {
    // The classic output: its results are exactly what the functions returned (none here), where
    // the reconcile output mixes in the reconciler's own events (composition selected, not ready).
    const r = render({ output: 'classic', xr: xr('Disabled'), composition: COMPOSITION, includeFunctionResults: true });
    expect(r.resources.map((o) => o.kind)).toEqual(['Table']);
    expect(r.resources[0].spec).toEqual({ forProvider: { attribute: [{ name: 'S3ID', type: 'S' }], hashKey: 'S3ID', readCapacity: 1, region: 'us-east-2', writeCapacity: 1 } });
    expect(r.results).toEqual([]);
  });
  test('export: S3 includes the bucket (the comment in xr.yaml)', () => {
    const r = render({ xr: xr('S3'), composition: COMPOSITION });
    expect(r.resources.map((o) => o.kind)).toEqual(['Bucket', 'Table']);
  });
});

describe('function-cel-filter errors (texts from fn.go v0.2.0)', () => {
  const run = (filters: unknown) => runCelFilter(upstreamRequest({ input: { apiVersion: 'cel.fn.crossplane.io/v1beta1', kind: 'Filters', filters }, desired: { resources: { a: {} } } }));
  test('a field read without a comparison is dyn, not bool: fatal', () => {
    expect(run([{ name: 'a', expression: 'observed.composite.resource.spec.enabled' }]).results).toEqual([{
      severity: 'SEVERITY_FATAL',
      message: 'cannot evaluate CEL expression "observed.composite.resource.spec.enabled" for filter 0: expression "observed.composite.resource.spec.enabled" must return a boolean, but will return dyn instead',
    }]);
  });
  test('a name that is not a regular expression is fatal', () => {
    expect(run([{ name: '(', expression: 'true' }]).results[0].message).toBe('cannot compile regular expression "^($" for filter 0: error parsing regexp: missing closing ): `^($`');
  });
  test('an unknown variable fails type-checking', () => {
    expect(run([{ name: 'a', expression: 'xr.spec == 1' }]).results[0].message).toMatch(/^cannot evaluate CEL expression "xr.spec == 1" for filter 0: cannot type-check expression: undeclared reference to 'xr'/);
  });
  test('an unknown field of the State message fails type-checking', () => {
    expect(run([{ name: 'a', expression: 'observed.xr == 1' }]).results[0].message).toMatch(/cannot type-check expression: undefined field 'xr'$/);
  });
  test('connection details are bytes and readiness the enum number', () => {
    const req = upstreamRequest({
      input: { apiVersion: 'cel.fn.crossplane.io/v1beta1', kind: 'Filters', filters: [{ name: 'a', expression: "observed.resources['db'].connection_details['user'] == b'admin' && desired.resources['b'].ready == 1" }] },
      observed: { resources: { db: { resource: {}, connectionDetails: { user: 'admin' } } } },
      desired: { resources: { a: {}, b: { ready: 'READY_TRUE' } } },
    });
    expect(Object.keys(runCelFilter(req).desired.resources)).toEqual(['a', 'b']);
  });
});
