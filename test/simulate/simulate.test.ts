// simulate(): verdicts, limits and bad input on small hand-written Compositions. The readiness
// rule (an XR is Ready when every composed resource is, `Unready resources: ...` otherwise) is
// Crossplane's; the reconcile counting is the simulation's own contract, documented in
// src/simulate/simulate.ts.
import { Network } from '../../imports/compute.gcp.m.upbound.io';
import { ServiceAccount } from '../../imports/cloudplatform.gcp.m.upbound.io';
import { describeVerdict, ProviderRule, ResourceOutcome, simulate, UserError } from '../../src';
import type { FunctionRequest, FunctionResponse, SimulateOptions } from '../../src';

const XR = { apiVersion: 'example.org/v1', kind: 'XThing', metadata: { name: 'demo', namespace: 'team' }, spec: { project: 'p1' } };

function composition(resources: unknown[]): Record<string, unknown> {
  return {
    apiVersion: 'apiextensions.crossplane.io/v1', kind: 'Composition', metadata: { name: 'things' },
    spec: {
      compositeTypeRef: { apiVersion: 'example.org/v1', kind: 'XThing' }, mode: 'Pipeline',
      pipeline: [{ step: 'pt', functionRef: { name: 'function-patch-and-transform' }, input: { apiVersion: 'pt.fn.crossplane.io/v1beta1', kind: 'Resources', resources } }],
    },
  };
}

const network = (patches: unknown[] = [], forProvider: Record<string, unknown> = {}) => ({
  name: 'network', base: { apiVersion: 'compute.gcp.m.upbound.io/v1beta1', kind: 'Network', spec: { forProvider } }, patches,
});

const run = (resources: unknown[], options: Partial<SimulateOptions> = {}) => simulate({ xr: XR, composition: composition(resources), ...options });

describe('verdicts', () => {
  test('one managed resource: created on the first reconcile, Ready on the second, confirmed by a third that changes nothing', () => {
    const sim = run([network([{ fromFieldPath: 'spec.project', toFieldPath: 'spec.forProvider.project' }])]);
    expect(sim.verdict).toStrictEqual({ kind: 'ready', reconciles: 2 });
    expect(sim.reconciles.map(r => [r.created, r.ready])).toStrictEqual([[['network'], false], [[], true], [[], true]]);
    expect(sim.reconciles[0].conditions[0]).toStrictEqual({ type: 'Ready', status: 'False', reason: 'Creating', message: 'Unready resources: network' });
    expect(describeVerdict(sim.verdict)).toBe('Ready after 2 reconciles');
  });

  test('the default provider echoes forProvider, sets the external name and Ready/Synced', () => {
    const sim = run([network([], { routingMode: 'REGIONAL' })]);
    const [observed] = sim.resources;
    expect(observed.metadata.name).toMatch(/^demo-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(observed.metadata.namespace).toBe('team');
    expect(observed.metadata.annotations['crossplane.io/external-name']).toBe(observed.metadata.name);
    expect(observed.status.atProvider).toMatchObject({ routingMode: 'REGIONAL' });
    expect(observed.status.conditions.map((c: any) => `${c.type}=${c.status}`)).toStrictEqual(['Ready=True', 'Synced=True']);
  });

  test('stuck: a Required patch from an XR field nothing writes names the field and says no patch writes it', () => {
    const sim = run([network([{ fromFieldPath: 'status.subnet', toFieldPath: 'spec.forProvider.description', policy: { fromFieldPath: 'Required' } }])]);
    expect(sim.verdict.kind).toBe('stuck');
    expect(sim.verdict).toMatchObject({ reconciles: 1, waitingOn: [{ resource: 'network', reason: 'required-field', field: 'status.subnet', to: 'spec.forProvider.description', setBy: [] }] });
    expect(describeVerdict(sim.verdict)).toMatch(/network is never composed: its Required patch status\.subnet -> spec\.forProvider\.description finds no value; no patch writes that field/);
  });

  test('oscillating: a value that flips through the XR status is named, and the simulation stops at the cycle', () => {
    // The network's description comes from the XR status, which is written back from the
    // network's observed description mapped to the other value: on -> off -> on ...
    const sim = run([network([
      { fromFieldPath: 'status.value', toFieldPath: 'spec.forProvider.description' },
      { type: 'ToCompositeFieldPath', fromFieldPath: 'status.atProvider.description', toFieldPath: 'status.value', transforms: [{ type: 'map', map: { on: 'off', off: 'on' } }] },
    ], { description: 'on' })]);
    expect(sim.verdict.kind).toBe('oscillating');
    expect(sim.reconciles.length).toBeLessThanOrEqual(10);
    expect(sim.verdict).toMatchObject({ fields: expect.arrayContaining([{ resource: 'xr', path: 'status.value' }, { resource: 'network', path: 'spec.forProvider.description' }]) });
    expect((sim.verdict as { cycle: number }).cycle).toBeGreaterThan(1);
  });

  test('the limit stops a simulation that has not settled, and names what still changes', () => {
    const sim = run([network([{ type: 'ToCompositeFieldPath', fromFieldPath: 'status.atProvider.id', toFieldPath: 'status.networkId' }])], {
      maxReconciles: 1,
      providers: [ProviderRule.for(Network, { atProvider: { id: 'n-1' } })],
    });
    expect(sim.reconciles).toHaveLength(1);
    expect(sim.verdict).toMatchObject({ kind: 'oscillating', cycle: 0, reconciles: 1 });
    expect(describeVerdict(sim.verdict)).toMatch(/^not settled after 1 reconcile; changing: .*network \(exists\)/);
  });

  test('a fatal function result is a failed verdict at that reconcile', () => {
    const fatal = (req: FunctionRequest): FunctionResponse => ({
      desired: req.desired, context: req.context,
      results: Object.keys(req.observed.resources).length ? [{ severity: 'SEVERITY_FATAL', message: 'quota exhausted' }] : [],
    });
    const comp = composition([network()]);
    (comp.spec as any).pipeline.push({ step: 'check', functionRef: { name: 'function-check' } });
    const sim = simulate({ xr: XR, composition: comp, functionImplementations: { 'function-check': fatal } });
    expect(sim.verdict).toStrictEqual({ kind: 'failed', reconciles: 2, message: 'pipeline step "check" returned a fatal result: quota exhausted' });
  });

  test('a resource no longer desired is deleted', () => {
    const once = (req: FunctionRequest): FunctionResponse => {
      const resources = { ...req.desired.resources };
      if (!req.observed.resources.network) resources.bootstrap = { resource: { apiVersion: 'v1', kind: 'ConfigMap', data: { a: 'b' } } };
      return { desired: { ...req.desired, resources }, context: req.context, results: [] };
    };
    const comp = composition([network()]);
    (comp.spec as any).pipeline.push({ step: 'once', functionRef: { name: 'function-once' } });
    const sim = simulate({ xr: XR, composition: comp, functionImplementations: { 'function-once': once } });
    expect(sim.reconciles.map(r => [r.created, r.deleted])).toStrictEqual([[['bootstrap', 'network'], []], [[], ['bootstrap']], [[], []]]);
    expect(sim.verdict).toStrictEqual({ kind: 'ready', reconciles: 2 });
  });

  test('the same input gives the same simulation', () => {
    const a = run([network([{ fromFieldPath: 'spec.project', toFieldPath: 'spec.forProvider.project' }])]);
    const b = run([network([{ fromFieldPath: 'spec.project', toFieldPath: 'spec.forProvider.project' }])]);
    expect(JSON.stringify([a.reconciles.map(r => ({ ...r, resources: r.resources })), a.resources, a.xr])).toBe(JSON.stringify([b.reconciles.map(r => ({ ...r, resources: r.resources })), b.resources, b.xr]));
  });
});

describe('outcomes', () => {
  test('an unready resource keeps the XR not Ready, and the verdict says which', () => {
    const sim = run([network()], { outcomes: { network: ResourceOutcome.unready() } });
    expect(sim.verdict).toMatchObject({ kind: 'stuck', waitingOn: [{ resource: 'network', reason: 'unready', message: 'network is not ready: its Ready condition is False (Creating)' }] });
  });

  test('a failing managed resource reports Synced False with the message', () => {
    const sim = run([network()], { outcomes: { network: ResourceOutcome.fail('permission denied') } });
    expect(sim.resources[0].status.conditions).toStrictEqual([expect.objectContaining({ type: 'Synced', status: 'False', reason: 'ReconcileError', message: 'permission denied' })]);
    expect(sim.verdict).toMatchObject({ kind: 'stuck', waitingOn: [{ resource: 'network', reason: 'failed', message: 'network failed: permission denied' }] });
  });
});

describe('provider rules', () => {
  test('a rule adds what the provider reports, and status patches carry it to the XR', () => {
    const sim = run([network([{ type: 'ToCompositeFieldPath', fromFieldPath: 'status.atProvider.selfLink', toFieldPath: 'status.link' }])], {
      providers: [ProviderRule.for(Network, n => ({ atProvider: { selfLink: `https://example.org/${n.externalName}` } }))],
    });
    expect(sim.xr.status.link).toBe(`https://example.org/${sim.resources[0].metadata.name}`);
  });

  test('a user rule wins over the package\'s own', () => {
    const sim = run([network([{ type: 'ToCompositeFieldPath', fromFieldPath: 'status.atProvider.selfLink', toFieldPath: 'status.link' }])], {
      providers: [ProviderRule.for(Network, { atProvider: { selfLink: 'mine' } })],
    });
    expect(sim.xr.status.link).toBe('mine');
  });

  test('a rule for a kind the Composition does not compose is an error naming the kind', () => {
    expect(() => run([network()], { providers: [ProviderRule.for(ServiceAccount, { atProvider: { email: 'a@b' } })] }))
      .toThrow(new UserError('provider rule for ServiceAccount (cloudplatform.gcp.m.upbound.io/v1beta1): the Composition composes no ServiceAccount of cloudplatform.gcp.m.upbound.io/v1beta1; '
        + 'it composes compute.gcp.m.upbound.io/v1beta1 Network: remove the rule or fix its kind'));
  });

  test('a rule may only report fields of the kind\'s status schema', () => {
    // In TypeScript the generated status types reject these reports (test/types/provider-rule.test-d.ts);
    // the run-time check is for untyped reports: JavaScript, or a report parsed from a file.
    const untyped = (json: string): any => JSON.parse(json);
    expect(() => ProviderRule.for(ServiceAccount, untyped('{ "atProvider": { "emial": "a@b" } }')))
      .toThrow(/provider rule for ServiceAccount \(cloudplatform\.gcp\.m\.upbound\.io\/v1beta1\): status\.atProvider\.emial is not a field of its status, did you mean 'email'\?/);
    // A function is checked when it runs.
    expect(() => run([network()], { providers: [ProviderRule.for(Network, () => untyped('{ "atProvider": { "selfLnk": "x" } }'))] }))
      .toThrow(/status\.atProvider\.selfLnk is not a field of its status, did you mean 'selfLink'\?/);
  });

  test('an outcome for a resource the Composition does not compose is an error naming it', () => {
    expect(() => run([network()], { outcomes: { netwrok: ResourceOutcome.unready() } })).toThrow(/outcomes\.netwrok: the Composition composes no resource named 'netwrok'; it composes network/);
  });

  test('maxReconciles must be a whole number of at least 1', () => {
    expect(() => run([network()], { maxReconciles: 0 })).toThrow(/maxReconciles must be a whole number of at least 1, got 0/);
  });
});

describe('default providers of other kinds', () => {
  test('provider-kubernetes reports the Object\'s manifest as observed, a Deployment in it Available', () => {
    const object = {
      name: 'app', base: {
        apiVersion: 'kubernetes.m.crossplane.io/v1alpha1', kind: 'Object',
        spec: { forProvider: { manifest: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 2 } } } },
      },
      patches: [{ type: 'ToCompositeFieldPath', fromFieldPath: 'status.atProvider.manifest.status.availableReplicas', toFieldPath: 'status.available' }],
    };
    const sim = run([object]);
    expect(sim.verdict).toStrictEqual({ kind: 'ready', reconciles: 2 });
    expect(sim.resources[0].status.atProvider.manifest.status).toMatchObject({ availableReplicas: 2, conditions: expect.arrayContaining([expect.objectContaining({ type: 'Available', status: 'True' })]) });
    expect(sim.xr.status.available).toBe(2);
  });

  test('a Kubernetes kind the API server rejects (fail) never exists', () => {
    const configMap = { name: 'cm', base: { apiVersion: 'v1', kind: 'ConfigMap', data: { a: 'b' } } };
    const sim = run([configMap], { outcomes: { cm: ResourceOutcome.fail('forbidden') } });
    expect(sim.resources).toStrictEqual([]);
    expect(sim.verdict).toMatchObject({ kind: 'stuck', waitingOn: [{ resource: 'cm', reason: 'unready', message: 'cm is not ready: it does not exist' }] });
  });
});
