// The GKE platform example: the namespaced GKECluster API simulated for its example XRs, reconcile
// by reconcile, with simulated providers answering for GCP.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ApiObject, Testing } from 'cdk8s';
import { parse, stringify } from 'yaml';
import { ResourceOutcome, SIMULATED_GKE_VERSION, StuckVerdict, validate } from 'cdk8s-crossplane';
import { renderComposition, setupMatchers, simulateComposition, YamlSnapshot } from 'cdk8s-crossplane/testing';
import { GkePlatform } from '../../examples/gke/gke-platform';
import { NODE_ROLES } from '../../examples/gke/gke-resources';
import { SIZE_CLASSES } from '../../examples/gke/gke-schema';
import { resourceName } from '../../examples/gke/observed-state';

setupMatchers();

const EXAMPLES = path.resolve(__dirname, '../../examples/gke');
const readXr = (file: string): Record<string, any> => parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));

const platform = new GkePlatform(Testing.app(), 'gke');
const { gke } = platform;
const xrdJson = ApiObject.of(gke.xrd).toJson();
const prod = readXr('xr-prod.yaml');
const dev = readXr('xr-dev.yaml');
const EMAIL = 'payments-prod-nodes@acme-payments-prod.iam.gserviceaccount.com';

/** Every finding, warnings included, as one line each: the examples must have none. */
function findings(objects: unknown[]): string[] {
  return validate(objects, { schemas: [xrdJson] }).map(f => `${f.severity} ${f.object.kind}/${f.object.name} ${f.path}: ${f.message}`);
}

const kinds = (rs: Record<string, any>[]): string[] => rs.map(r => r.kind).sort();
const byName = (rs: Record<string, any>[], name: string): Record<string, any> => rs.find(r => resourceName(r) === name)!;

describe('GKECluster API definition', () => {
  test('synthesizes byte-identical YAML, with Compositions free of warnings (XRD YAML snapshot)', () => {
    const yaml = Testing.synth(platform);
    expect(Testing.synth(new GkePlatform(Testing.app(), 'gke'))).toStrictEqual(yaml);
    expect(gke.standard.warnings).toStrictEqual([]);
    expect(gke.autopilot.warnings).toStrictEqual([]);
    expect(yaml.map(o => `${o.kind}/${o.metadata.name}`)).toStrictEqual([
      'CompositeResourceDefinition/gkeclusters.platform.example.org',
      'Composition/gkeclusters.platform.example.org',
      'Composition/gkeclusters-autopilot.platform.example.org',
      'CompositeResourceDefinition/xgkeclusters.platform.example.org',
      'Composition/xgkeclusters.platform.example.org',
    ]);
    expect(findings(yaml)).toStrictEqual([]);
    // The API as teams see it, for review; the Compositions are reviewed through their renders.
    expect(new YamlSnapshot(stringify(yaml[0]))).toMatchSnapshot();
  });

  test('is a namespaced v2 XRD whose default Composition is the Standard one, selected apart from Autopilot by label', () => {
    expect(xrdJson).toMatchObject({ apiVersion: 'apiextensions.crossplane.io/v2', spec: { scope: 'Namespaced', group: 'platform.example.org' } });
    expect(xrdJson.spec.defaultCompositionRef).toStrictEqual({ name: gke.standard.name });
    expect(gke.standard.labels.mode).toBe('standard');
    expect(gke.autopilot.labels.mode).toBe('autopilot');
    // The dev XR's selector rules the Standard Composition out, exactly as Crossplane's would.
    expect(() => renderComposition({ composition: gke.standard, xr: dev, xrd: xrdJson })).toThrow(/has incorrect value for label "mode": want "autopilot", got "standard"/);
  });

  test('the example XRs are valid, and the API server defaults fill in what they leave out', () => {
    expect(findings([prod, dev])).toStrictEqual([]);
    const out = renderComposition({ composition: gke.autopilot, xr: dev, xrd: xrdJson });
    const subnet = byName(out.resources, 'subnetwork');
    expect(subnet.spec.forProvider).toMatchObject({ region: 'europe-west1', ipCidrRange: '10.0.0.0/20' });
    expect(subnet.spec.forProvider.secondaryIpRange).toStrictEqual([
      { ipCidrRange: '10.4.0.0/14', rangeName: 'pods' }, { ipCidrRange: '10.8.0.0/20', rangeName: 'services' },
    ]);
  });

  test.each([
    ['min above max', { nodes: { minCount: 5, maxCount: 2 } }, /nodes.minCount must not exceed nodes.maxCount/],
    ['a control plane range that is not a /28', { network: { masterCidr: '172.16.0.0/24' } }, /masterCidr/],
    ['the whole internet as an authorized network', { network: { authorizedNetworks: [{ cidrBlock: '0.0.0.0/0' }] } }, /must not open the control plane/],
    ['overlapping ranges', { network: { nodeCidr: '10.0.0.0/20', podsCidr: '10.0.0.0/20' } }, /must differ/],
    ['an unknown size class', { size: 'huge' }, /size/],
    ['an unknown release channel', { releaseChannel: 'EXTENDED' }, /releaseChannel/],
    ['a project id GCP would reject', { project: 'Acme_Prod' }, /project/],
  ])('the XRD rejects %s', (_what, parameters, message) => {
    const bad = { ...prod, spec: { parameters: { ...prod.spec.parameters, ...parameters } } };
    const errors = validate([bad], { schemas: [xrdJson] }).filter(f => f.severity === 'error');
    expect(errors.map(f => `${f.path}: ${f.message}`).join('\n')).toMatch(message);
  });
});

test.each([
  ['payments-prod', 'payments-prod-nodes'],
  ['a', 'a-nodes'],
  // 41 characters: cut to 22 at an alphanumeric end, so the id stays within GCP's 6-30
  ['payments-platform-team-cluster-for-europe', 'payments-platform-team-nodes'],
  ['x-----------------------------y', 'x-nodes'],
])('the node account id for XR %s is %s: within GCP\'s account id rules', (name, id) => {
  const out = renderComposition({ composition: gke.standard, xr: { ...prod, metadata: { ...prod.metadata, name } }, xrd: xrdJson });
  expect(out).toHaveFieldValue('node-sa', 'metadata.annotations[crossplane.io/external-name]', id);
  expect(id).toMatch(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/);
});

describe('the prod XR through its whole life (Standard Composition, simulated providers)', () => {
  const sim = simulateComposition({ composition: gke.standard, xr: prod, xrd: xrdJson });
  const [first, second, third] = sim.reconciles;
  const kindsAt = (n: number) => kinds(sim.reconciles[n - 1].resources);

  test('becomes Ready after four reconciles, and stays Ready', () => {
    expect(sim).toBecomeReadyWithin(4);
    expect(sim).not.toBecomeReadyWithin(3);
    expect(sim.reconciles.map(r => r.ready)).toStrictEqual([false, false, false, true, true]);
  });

  test('first: network and node account only; what needs the account email waits on it', () => {
    expect(kindsAt(1)).toStrictEqual(['Network', 'Router', 'RouterNAT', 'ServiceAccount', 'Subnetwork']);
    expect(first.skipped.filter(s => s.blocksCreation).map(s => s.resource).sort()).toStrictEqual(
      ['cluster', 'node-pool', ...NODE_ROLES.map(role => `node-sa-${role.replace(/^roles\//, '').replace(/\./g, '-').toLowerCase()}`)].sort());
    for (const s of first.skipped) {
      expect([s.field, s.setBy]).toStrictEqual(['status.nodeServiceAccount', [{ resource: 'node-sa', path: 'status.atProvider.email' }]]);
    }
    // Orphan: every management policy but Delete (namespaced MRs have no deletionPolicy).
    for (const r of first.resources) expect(r.spec.managementPolicies).toStrictEqual(['Observe', 'Create', 'Update', 'LateInitialize']);
    expect(findings(first.resources)).toStrictEqual([]);
  });

  test('second: the account\'s email reaches the XR status; nothing new is composed until the next reconcile reads it', () => {
    expect(second.created).toStrictEqual([]);
    expect(second.xrStatus.nodeServiceAccount).toBe(EMAIL);
  });

  test('third: the email lets cluster, node pool and the five role bindings be composed', () => {
    expect(kindsAt(3)).toStrictEqual([
      'Cluster', 'Network', 'NodePool', ...NODE_ROLES.map(() => 'ProjectIAMMember'), 'Router', 'RouterNAT', 'ServiceAccount', 'Subnetwork',
    ]);
    expect(third.resources.filter(r => r.kind === 'ProjectIAMMember').map(r => [r.spec.forProvider.role, r.spec.forProvider.member]))
      .toStrictEqual(expect.arrayContaining(NODE_ROLES.map(role => [role, `serviceAccount:${EMAIL}`])));
    expect(sim).toHaveFieldValue('cluster', 'spec.forProvider.nodeConfig.serviceAccount', EMAIL);
    expect(sim).toHaveFieldValue('node-pool', 'spec.forProvider.nodeConfig.serviceAccount', EMAIL);
    expect(sim).toHaveFieldValue('cluster', 'spec.forProvider.workloadIdentityConfig.workloadPool', 'acme-payments-prod.svc.id.goog');
    expect(sim).toHaveFieldValue('cluster', 'spec.forProvider.privateClusterConfig.masterIpv4CidrBlock', '172.16.16.0/28');
    expect(sim).toHaveFieldValue('cluster', 'spec.forProvider.masterAuthorizedNetworksConfig.cidrBlocks', prod.spec.parameters.network.authorizedNetworks);
    expect(sim).toHaveFieldValue('cluster', 'spec.forProvider.releaseChannel.channel', 'STABLE');
    expect(sim).toHaveFieldValue('cluster', 'metadata.annotations[crossplane.io/external-name]', 'payments-prod');
    expect(sim).toHaveFieldValue('cluster', 'spec.writeConnectionSecretToRef.name', 'payments-prod-gke-cluster');
    expect(findings(third.resources)).toStrictEqual([]);
  });

  test('the size class sets machine type and bounds, and explicit node settings win', () => {
    const { medium } = SIZE_CLASSES;
    expect(sim).toHaveFieldValue('node-pool', 'spec.forProvider.nodeConfig.machineType', medium.machineType);
    expect(sim).toHaveFieldValue('node-pool', 'spec.forProvider.autoscaling.minNodeCount', medium.minCount);
    // prod sets nodes.maxCount: 10, over the class's 6
    expect(sim).toHaveFieldValue('node-pool', 'spec.forProvider.autoscaling.maxNodeCount', 10);
    expect(sim).toHaveFieldValue('node-pool', 'spec.forProvider.location', 'europe-west3');
  });

  const cluster = byName(sim.resources, 'cluster');

  test('Ready: the cluster\'s and node pool\'s status is written back to the XR', () => {
    expect(sim).toBeReady();
    expect(sim.xr.status).toMatchObject({
      clusterName: 'payments-prod',
      clusterId: 'projects/acme-payments-prod/locations/europe-west3/clusters/payments-prod',
      endpoint: cluster.status.atProvider.endpoint,
      masterVersion: SIMULATED_GKE_VERSION,
      nodeServiceAccount: EMAIL,
      nodePool: { version: SIMULATED_GKE_VERSION },
    });
    expect(sim.xr.status.nodePool.instanceGroupUrls).toHaveLength(1);
  });

  test('Ready: P&T composes the connection Secret beside the XR, from the cluster\'s connection details', () => {
    const secret = sim.resources.find(r => r.kind === 'Secret')!;
    expect(sim.firstAppearance[resourceName(secret)]).toBe(4);
    expect(secret).toMatchObject({
      apiVersion: 'v1', type: 'connection.crossplane.io/v1alpha1',
      metadata: { name: 'payments-prod-connection', namespace: 'team-payments' },
    });
    expect(Buffer.from(secret.data.endpoint, 'base64').toString()).toBe(cluster.status.atProvider.endpoint);
    expect(Buffer.from(secret.data.clusterCaCertificate, 'base64').toString()).toBe(cluster.status.atProvider.masterAuth.clusterCaCertificate);
    // The kubeconfig comes from the provider's own connection Secret of the Cluster.
    expect(Buffer.from(secret.data.kubeconfig, 'base64').toString()).toContain(`server: https://${cluster.status.atProvider.endpoint}`);
    // Every composed object, the connection Secret included, validates with zero findings.
    const last = sim.reconciles[sim.reconciles.length - 1].resources;
    expect(findings(last)).toStrictEqual([]);
    expect(last).toBeValidAgainst([xrdJson]);
    expect(new YamlSnapshot(last.map(r => stringify(r)).join('---\n'))).toMatchSnapshot();
  });

  test('a cluster that never becomes ready keeps the XR not Ready, and says which', () => {
    const stuck = simulateComposition({ composition: gke.standard, xr: prod, xrd: xrdJson, outcomes: { cluster: ResourceOutcome.fail('googleapi: Error 403: quota exceeded') } });
    expect(stuck.verdict).toMatchObject({ kind: 'stuck', waitingOn: [{ resource: 'cluster', reason: 'failed', message: expect.stringContaining('quota exceeded') }] });
    // What reads the cluster's status never gets it.
    expect(stuck.xr.status.endpoint).toBeUndefined();
    expect(stuck.xr.status.conditions[0]).toMatchObject({ type: 'Ready', status: 'False', message: 'Unready resources: cluster' });
  });
});

describe('the prod XR rendered once (the reconcile output of crossplane composition render)', () => {
  const out = renderComposition({ composition: gke.standard, xr: prod, xrd: xrdJson });
  // Expected values computed outside this code base from Crossplane's rules (crossplane/crossplane
  // @2d040d2daf4e internal/render/composite/render.go: the XR UID is uuid.NewSHA1(uuid.Nil,
  // "<group>/<version>, Kind=<kind>\x00<namespace>\x00<name>"); internal/names/names.go ChildName:
  // "<xr>-" + the first 12 hex of sha256(uid + composition resource name)), with Python's
  // uuid.uuid5 and hashlib.sha256.
  const UID = '96648da6-44ec-5565-a906-dd7087b4d16a';

  test('composed names are ChildName of the XR UID, every resource is owned by the XR, and the XR lists them all in resourceRefs', () => {
    expect(byName(out.resources, 'network').metadata.name).toBe('payments-prod-25ab08dd202d');
    expect(byName(out.resources, 'node-sa').metadata.name).toBe('payments-prod-1c48b836ee6f');
    expect(byName(out.resources, 'subnetwork').metadata.name).toBe('payments-prod-fc97430b3a17');
    for (const r of out.resources) {
      expect(r.metadata.ownerReferences).toStrictEqual([{ apiVersion: prod.apiVersion, kind: prod.kind, name: prod.metadata.name, uid: UID, controller: true, blockOwnerDeletion: true }]);
    }
    // composite.go UpdateResourceRefs: one reference per composed resource, by its name.
    expect(out.xr.spec.crossplane.resourceRefs.map((ref: Record<string, string>) => `${ref.kind}/${ref.name}`).sort())
      .toStrictEqual(out.resources.map(r => `${r.kind}/${r.metadata.name}`).sort());
    expect(out.xr.status.conditions.map((c: Record<string, string>) => c.type)).toStrictEqual(['Responsive', 'Synced', 'Ready']);
  });
});

describe('a broken Composition: a Required patch from a status field no provider sets', () => {
  // The node account's status field is misspelt in the patch that writes it back to the XR, so
  // status.nodeServiceAccount never appears and everything that needs the email waits forever.
  const broken = ApiObject.of(gke.standard).toJson();
  const pt = broken.spec.pipeline.find((s: any) => s.functionRef.name === 'function-patch-and-transform').input;
  const sa = pt.resources.find((r: any) => r.name === 'node-sa');
  const writeBack = sa.patches.find((p: any) => p.toFieldPath === 'status.nodeServiceAccount');
  writeBack.fromFieldPath = 'status.atProvider.emailAddress';
  const sim = simulateComposition({ composition: broken, xr: prod, xrd: xrdJson });

  test('is reported stuck, naming the resources and the field they wait on', () => {
    expect(sim.verdict.kind).toBe('stuck');
    expect(sim).not.toBecomeReadyWithin(10);
    expect(sim).toWaitOn('cluster', 'status.nodeServiceAccount');
    expect(sim).toWaitOn('cluster', 'spec.forProvider.nodeConfig.serviceAccount');
    expect(sim).toWaitOn('node-pool', 'status.atProvider.emailAddress');
    expect(sim).not.toWaitOn('network', 'status.nodeServiceAccount');
    const clusterWait = (sim.verdict as StuckVerdict).waitingOn.find(w => w.resource === 'cluster')!;
    expect(clusterWait.setBy).toStrictEqual([{ resource: 'node-sa', path: 'status.atProvider.emailAddress' }]);
    expect(clusterWait.message).toMatch(/node-sa status\.atProvider\.emailAddress should set it/);
  });

  test('stops as soon as nothing changes, long before the limit', () => {
    // 1 composes what needs no email, 2 writes the network's self link back, 3 changes nothing.
    expect(sim.reconciles).toHaveLength(3);
    expect(sim.verdict.reconciles).toBe(2);
  });
});

describe('the dev XR (Autopilot Composition, selected by label)', () => {
  const sim = simulateComposition({ composition: gke.autopilot, xr: dev, xrd: xrdJson });
  const email = 'payments-dev-nodes@acme-payments-dev.iam.gserviceaccount.com';

  test('composes an Autopilot cluster running as the node account, and no node pool, and becomes Ready', () => {
    expect(sim).toBecomeReadyWithin(4);
    expect(kinds(sim.resources.filter(r => r.kind !== 'Secret'))).toStrictEqual([
      'Cluster', 'Network', ...NODE_ROLES.map(() => 'ProjectIAMMember'), 'Router', 'RouterNAT', 'ServiceAccount', 'Subnetwork',
    ]);
    expect(sim).toHaveFieldValue('cluster', 'spec.forProvider.enableAutopilot', true);
    expect(sim).toHaveFieldValue('cluster', 'spec.forProvider.clusterAutoscaling.autoProvisioningDefaults.serviceAccount', email);
    expect(sim).toHaveFieldValue('cluster', 'spec.forProvider.deletionProtection', false);
    expect(sim).toHaveFieldValue('cluster', 'spec.forProvider.releaseChannel.channel', 'RAPID');
    expect(sim).toHaveFieldValue('cluster', 'spec.managementPolicies', ['*']);
    expect(findings(sim.reconciles.flatMap(r => r.resources))).toStrictEqual([]);
  });
});
