// The GKE platform example: the namespaced GKECluster API rendered for its example XRs, reconcile
// by reconcile, with the provider's answers stood in by observed resources.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ApiObject, Testing } from 'cdk8s';
import { parse, stringify } from 'yaml';
import { validate } from 'cdk8s-crossplane';
import { renderComposition, setupMatchers, toYamlSnapshot, YamlSnapshot } from 'cdk8s-crossplane/testing';
import { GkePlatform } from '../../examples/gke/gke-platform';
import { NODE_ROLES } from '../../examples/gke/gke-resources';
import { SIZE_CLASSES } from '../../examples/gke/gke-schema';
import { observeAll, resourceName } from '../../examples/gke/observed-state';
import { childName, compositeUid } from '../../src/engine/reconcile/names';

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

/** The XR as the reconciler sees it on later passes: its Composition chosen, its status so far. */
function reconciled(xr: Record<string, any>, compositionName: string, status: Record<string, unknown>): Record<string, any> {
  return { ...xr, spec: { ...xr.spec, crossplane: { ...xr.spec.crossplane, compositionRef: { name: compositionName } } }, status };
}

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

describe('the prod XR, reconcile by reconcile (Standard Composition)', () => {
  const first = renderComposition({ composition: gke.standard, xr: prod, xrd: xrdJson });

  test('first: network and node account only; what needs the account email waits', () => {
    expect(kinds(first.resources)).toStrictEqual(['Network', 'Router', 'RouterNAT', 'ServiceAccount', 'Subnetwork']);
    expect(first).not.toComposeResource('cluster');
    expect(first).not.toComposeResource('node-pool');
    expect(first).not.toBeReady();
    // Orphan: every management policy but Delete (namespaced MRs have no deletionPolicy).
    for (const r of first.resources) expect(r.spec.managementPolicies).toStrictEqual(['Observe', 'Create', 'Update', 'LateInitialize']);
    expect(findings(first.resources)).toStrictEqual([]);
  });

  const observed1 = observeAll(first.resources, { 'node-sa': { email: EMAIL } });
  const second = renderComposition({
    composition: gke.standard, xrd: xrdJson, observed: observed1,
    xr: reconciled(prod, gke.standard.name, { nodeServiceAccount: EMAIL }),
  });

  test('second: the account email lets cluster, node pool and the five role bindings be composed', () => {
    expect(kinds(second.resources)).toStrictEqual([
      'Cluster', 'Network', 'NodePool', ...NODE_ROLES.map(() => 'ProjectIAMMember'), 'Router', 'RouterNAT', 'ServiceAccount', 'Subnetwork',
    ]);
    expect(second.resources.filter(r => r.kind === 'ProjectIAMMember').map(r => [r.spec.forProvider.role, r.spec.forProvider.member]))
      .toStrictEqual(expect.arrayContaining(NODE_ROLES.map(role => [role, `serviceAccount:${EMAIL}`])));
    expect(second).toHaveFieldValue('cluster', 'spec.forProvider.nodeConfig.serviceAccount', EMAIL);
    expect(second).toHaveFieldValue('node-pool', 'spec.forProvider.nodeConfig.serviceAccount', EMAIL);
    expect(second).toHaveFieldValue('cluster', 'spec.forProvider.workloadIdentityConfig.workloadPool', 'acme-payments-prod.svc.id.goog');
    expect(second).toHaveFieldValue('cluster', 'spec.forProvider.privateClusterConfig.masterIpv4CidrBlock', '172.16.16.0/28');
    expect(second).toHaveFieldValue('cluster', 'spec.forProvider.masterAuthorizedNetworksConfig.cidrBlocks', prod.spec.parameters.network.authorizedNetworks);
    expect(second).toHaveFieldValue('cluster', 'spec.forProvider.releaseChannel.channel', 'STABLE');
    expect(second).toHaveFieldValue('cluster', 'metadata.annotations[crossplane.io/external-name]', 'payments-prod');
    expect(second).toHaveFieldValue('cluster', 'spec.writeConnectionSecretToRef.name', 'payments-prod-gke-cluster');
    expect(second).not.toBeReady();
    expect(findings(second.resources)).toStrictEqual([]);
  });

  test('second: the size class sets machine type and bounds, and explicit node settings win', () => {
    const { medium } = SIZE_CLASSES;
    expect(second).toHaveFieldValue('node-pool', 'spec.forProvider.nodeConfig.machineType', medium.machineType);
    expect(second).toHaveFieldValue('node-pool', 'spec.forProvider.autoscaling.minNodeCount', medium.minCount);
    // prod sets nodes.maxCount: 10, over the class's 6
    expect(second).toHaveFieldValue('node-pool', 'spec.forProvider.autoscaling.maxNodeCount', 10);
    expect(second).toHaveFieldValue('node-pool', 'spec.forProvider.location', 'europe-west3');
  });

  const endpoint = '34.89.10.20';
  const KUBECONFIG = 'apiVersion: v1\nkind: Config\nclusters:\n- name: payments-prod\n';
  const ca = 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t';
  const third = renderComposition({
    composition: gke.standard, xrd: xrdJson,
    observed: observeAll(second.resources, {
      'node-sa': { email: EMAIL },
      'cluster': {
        endpoint, id: 'projects/acme-payments-prod/locations/europe-west3/clusters/payments-prod', masterVersion: '1.33.4-gke.1172000',
        masterAuth: { clusterCaCertificate: ca },
      },
      'node-pool': { version: '1.33.4-gke.1172000', instanceGroupUrls: ['https://www.googleapis.com/compute/v1/projects/acme-payments-prod/zones/europe-west3-a/instanceGroupManagers/gke-primary'] },
    }),
    xr: reconciled(prod, gke.standard.name, { nodeServiceAccount: EMAIL }),
    // The provider's own connection Secret of the Cluster, as Crossplane reads it.
    observedConnectionDetails: { cluster: { kubeconfig: KUBECONFIG } },
  });

  test('third: every resource Ready makes the XR Ready, with the cluster\'s status written back', () => {
    expect(third).toBeReady();
    expect(third.xr.status).toMatchObject({
      clusterName: 'payments-prod',
      clusterId: 'projects/acme-payments-prod/locations/europe-west3/clusters/payments-prod',
      endpoint,
      masterVersion: '1.33.4-gke.1172000',
      nodeServiceAccount: EMAIL,
      nodePool: { version: '1.33.4-gke.1172000' },
    });
    expect(third.xr.status.nodePool.instanceGroupUrls).toHaveLength(1);
  });

  test('third: composed names, owner UID and resourceRefs are Crossplane\'s (names.go ChildName, render.go UID, UpdateResourceRefs)', () => {
    const uid = compositeUid(prod.apiVersion, prod.kind, prod.metadata.namespace, prod.metadata.name);
    for (const r of third.resources) {
      expect(r.metadata.ownerReferences).toStrictEqual([{ apiVersion: prod.apiVersion, kind: prod.kind, name: prod.metadata.name, uid, controller: true, blockOwnerDeletion: true }]);
      // The connection Secret's template names it; every other resource gets the derived name.
      if (r.kind !== 'Secret') expect(r.metadata.name).toBe(childName(`${prod.metadata.name}-`, uid, resourceName(r)));
    }
    expect(third.xr.spec.crossplane.resourceRefs.map((ref: Record<string, string>) => ref.name).sort())
      .toStrictEqual(third.resources.map(r => r.metadata.name).sort());
    expect(third.xr.status.conditions.map((c: Record<string, string>) => c.type)).toStrictEqual(['Responsive', 'Synced', 'Ready']);
  });

  test('third: P&T composes the connection Secret beside the XR, from the cluster\'s connection details', () => {
    const secret = third.resources.find(r => r.kind === 'Secret')!;
    expect(secret).toMatchObject({
      apiVersion: 'v1', type: 'connection.crossplane.io/v1alpha1',
      metadata: { name: 'payments-prod-connection', namespace: 'team-payments' },
    });
    expect(Buffer.from(secret.data.endpoint, 'base64').toString()).toBe(endpoint);
    expect(Buffer.from(secret.data.clusterCaCertificate, 'base64').toString()).toBe(ca);
    // The kubeconfig comes from the provider's own connection Secret of the Cluster.
    expect(Buffer.from(secret.data.kubeconfig, 'base64').toString()).toBe(KUBECONFIG);
    // Every composed object, the connection Secret included, validates with zero findings.
    expect(findings(third.resources)).toStrictEqual([]);
    expect(third.resources).toBeValidAgainst([xrdJson]);
    expect(toYamlSnapshot(third)).toMatchSnapshot();
  });
});

describe('the dev XR (Autopilot Composition, selected by label)', () => {
  const first = renderComposition({ composition: gke.autopilot, xr: dev, xrd: xrdJson });
  const email = 'payments-dev-nodes@acme-payments-dev.iam.gserviceaccount.com';
  const second = renderComposition({
    composition: gke.autopilot, xrd: xrdJson,
    observed: observeAll(first.resources, { 'node-sa': { email } }),
    xr: reconciled(dev, gke.autopilot.name, { nodeServiceAccount: email }),
  });

  test('composes an Autopilot cluster running as the node account, and no node pool', () => {
    expect(kinds(second.resources)).toStrictEqual([
      'Cluster', 'Network', ...NODE_ROLES.map(() => 'ProjectIAMMember'), 'Router', 'RouterNAT', 'ServiceAccount', 'Subnetwork',
    ]);
    expect(second).toHaveFieldValue('cluster', 'spec.forProvider.enableAutopilot', true);
    expect(second).toHaveFieldValue('cluster', 'spec.forProvider.clusterAutoscaling.autoProvisioningDefaults.serviceAccount', email);
    expect(second).toHaveFieldValue('cluster', 'spec.forProvider.deletionProtection', false);
    expect(second).toHaveFieldValue('cluster', 'spec.forProvider.releaseChannel.channel', 'RAPID');
    expect(second).toHaveFieldValue('cluster', 'spec.managementPolicies', ['*']);
    expect(findings([...first.resources, ...second.resources])).toStrictEqual([]);
  });
});
