/**
 * The required-resources loop around each step, as Crossplane's FetchingFunctionRunner runs it
 * (crossplane/crossplane internal/xfn/required_resources.go at commit 2d040d2daf4e, used by
 * `crossplane render` at v2.2.0 through cmd/crank/render/render.go with its FilteringFetcher).
 * Each expectation below names the rule of that code it checks.
 */
import { MAX_REQUIREMENTS_ITERATIONS, render } from '../../../src/engine';
import type { FunctionRequest, FunctionResponse, Requirements } from '../../../src/engine';
import { composition, XR } from './_fixtures';

const CM = (name: string, labels: Record<string, string> = {}) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels } });
const step = { step: 'needs', functionRef: { name: 'fn' } };

/** A function whose requirements come from `ask(call, req)`; records every request it gets. */
function recording(ask: (call: number, req: FunctionRequest) => Requirements | undefined, extra: (req: FunctionRequest) => Partial<FunctionResponse> = () => ({})) {
  const requests: FunctionRequest[] = [];
  const fn = (req: FunctionRequest): FunctionResponse => {
    requests.push(req);
    return { desired: req.desired, context: req.context, results: [], requirements: ask(requests.length, req), ...extra(req) };
  };
  return { fn, requests };
}

function run(fn: (req: FunctionRequest) => FunctionResponse, requiredResources: unknown[] = [], extraStep: Record<string, unknown> = {}, output: 'reconcile' | 'classic' = 'reconcile') {
  return render({ output, xr: XR, composition: composition([{ ...step, ...extraStep }]), functionImplementations: { fn }, requiredResources, includeContext: true });
}

describe('required resources loop (FetchingFunctionRunner.RunFunction)', () => {
  test('no requirements: the step runs once ("proto.Equal(nil, nil)")', () => {
    const r = recording(() => undefined);
    run(r.fn);
    expect(r.requests).toHaveLength(1);
  });

  test('empty requirements: the first call is final, nothing new to fetch ("i == 0 && maps.EqualFunc")', () => {
    const r = recording(() => ({ resources: {} }));
    run(r.fn);
    expect(r.requests).toHaveLength(1);
  });

  test('stable requirements: called again with the selected resources, then done', () => {
    const r = recording(() => ({ resources: { cfg: { apiVersion: 'v1', kind: 'ConfigMap', matchName: 'a' } } }));
    run(r.fn, [CM('b'), CM('a')]);
    expect(r.requests).toHaveLength(2);
    expect(r.requests[0].requiredResources).toEqual({});
    expect(r.requests[1].requiredResources.cfg.map((o) => (o.metadata as { name: string }).name)).toEqual(['a']);
  });

  test('a name that matches nothing is served as an empty list ("res would be nil in case of not found")', () => {
    const r = recording(() => ({ resources: { cfg: { apiVersion: 'v1', kind: 'ConfigMap', matchName: 'missing' } } }));
    run(r.fn, [CM('a')]);
    expect(r.requests[1].requiredResources).toEqual({ cfg: [] });
  });

  test('labels select every match, sorted by name; apiVersion and kind must match exactly (FilteringFetcher)', () => {
    const r = recording(() => ({ resources: { cfg: { apiVersion: 'v1', kind: 'ConfigMap', matchLabels: { team: 'a' } } } }));
    run(r.fn, [CM('c', { team: 'a' }), CM('a', { team: 'a' }), CM('b', { team: 'b' }), { apiVersion: 'v2', kind: 'ConfigMap', metadata: { name: 'd', labels: { team: 'a' } } }]);
    expect(r.requests[1].requiredResources.cfg.map((o) => (o.metadata as { name: string }).name)).toEqual(['a', 'c']);
  });

  // Both outputs run the same loop; they word the step's error as their caller does: crank's
  // v2.2 render "cannot run pipeline step", the composer of the current render
  // (composition_functions.go errFmtRunPipelineStep) "cannot run Composition pipeline step".
  test.each([
    ['classic' as const, 'cannot run pipeline step "needs": requirements didn\'t stabilize after the maximum number of iterations (5)'],
    ['reconcile' as const, 'cannot compose resources: cannot run Composition pipeline step "needs": requirements didn\'t stabilize after the maximum number of iterations (5)'],
  ])(`requirements that never stabilize fail after the first call and ${MAX_REQUIREMENTS_ITERATIONS} more (%s output)`, (output, message) => {
    const r = recording((call) => ({ resources: { [`cfg-${call}`]: { apiVersion: 'v1', kind: 'ConfigMap', matchName: 'a' } } }));
    expect(() => run(r.fn, [CM('a')], {}, output)).toThrow(message);
    expect(r.requests).toHaveLength(MAX_REQUIREMENTS_ITERATIONS + 1);
  });

  test('requirements that stabilize on the last allowed call succeed', () => {
    const r = recording((call) => ({ resources: { [`cfg-${Math.min(call, MAX_REQUIREMENTS_ITERATIONS)}`]: { apiVersion: 'v1', kind: 'ConfigMap', matchName: 'a' } } }));
    run(r.fn, [CM('a')]);
    expect(r.requests).toHaveLength(MAX_REQUIREMENTS_ITERATIONS + 1);
  });

  test('a fatal result ends the step without another call ("We won\'t iterate if the function returned a fatal result")', () => {
    const r = recording(() => ({ resources: { cfg: { apiVersion: 'v1', kind: 'ConfigMap', matchName: 'a' } } }), () => ({ results: [{ severity: 'SEVERITY_FATAL', message: 'boom' }] }));
    expect(() => run(r.fn, [CM('a')])).toThrow('pipeline step "needs" returned a fatal result: boom');
    expect(r.requests).toHaveLength(1);
  });

  test('the context a call returns is passed to the next call ("Pass down the updated context across iterations")', () => {
    const r = recording(() => ({ resources: { cfg: { apiVersion: 'v1', kind: 'ConfigMap', matchName: 'a' } } }), (req) => ({ context: { ...req.context, calls: ((req.context.calls as number) ?? 0) + 1 } }));
    const out = run(r.fn, [CM('a')]);
    expect(r.requests[1].context.calls).toBe(1);
    expect(out.context.fields.calls).toBe(2);
  });

  test('bootstrap requirements are kept across calls, and a first call that already had them all is final', () => {
    const selector = { requirementName: 'cfg', apiVersion: 'v1', kind: 'ConfigMap', name: 'a' };
    const r = recording(() => ({ resources: { cfg: { apiVersion: 'v1', kind: 'ConfigMap', matchName: 'a' } } }));
    run(r.fn, [CM('a')], { requirements: { requiredResources: [selector] } });
    expect(r.requests).toHaveLength(1);
    expect(r.requests[0].requiredResources.cfg).toHaveLength(1);

    const more = recording(() => ({ resources: { other: { apiVersion: 'v1', kind: 'ConfigMap', matchName: 'b' } } }));
    run(more.fn, [CM('a'), CM('b')], { requirements: { requiredResources: [selector] } });
    expect(more.requests).toHaveLength(2);
    expect(Object.keys(more.requests[1].requiredResources).sort()).toEqual(['cfg', 'other']);
  });

  test('the deprecated extraResources requirements are served in extraResources', () => {
    const r = recording(() => ({ extraResources: { cfg: { apiVersion: 'v1', kind: 'ConfigMap', matchName: 'a' } } }));
    run(r.fn, [CM('a')]);
    expect(r.requests).toHaveLength(2);
    expect(r.requests[1].extraResources!.cfg).toHaveLength(1);
    expect(r.requests[1].requiredResources).toEqual({});
  });
});
