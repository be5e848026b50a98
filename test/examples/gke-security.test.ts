// The GKE security baseline: every named check passes on what the prod XR renders to, and each
// check fails, naming resource and field, when its property is broken in a rendered copy.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ApiObject, Testing } from 'cdk8s';
import { parse } from 'yaml';
import { simulateComposition } from 'cdk8s-crossplane/testing';
import { GkePlatform } from '../../examples/gke/gke-platform';
import { resourceName } from '../../examples/gke/observed-state';
import { RenderedObject, SECURITY_CHECKS, securityFindings } from '../../examples/gke/security-checks';

const { gke } = new GkePlatform(Testing.app(), 'gke');
const xrd = ApiObject.of(gke.xrd).toJson();
const prod = parse(fs.readFileSync(path.resolve(__dirname, '../../examples/gke/xr-prod.yaml'), 'utf8'));

// The whole life of the XR: cluster and node pool are composed once the node account's email is known.
const sim = simulateComposition({ composition: gke.standard, xr: prod, xrd });
const first = sim.reconciles[0];
const rendered = sim.reconciles[sim.reconciles.length - 1].resources;

/** A deep copy of the rendered resources with `mutate` applied to the one named `name`. */
function broken(name: string, mutate: (fp: RenderedObject) => void): RenderedObject[] {
  const copy = JSON.parse(JSON.stringify(rendered)) as RenderedObject[];
  mutate(copy.find(r => resourceName(r) === name)!.spec.forProvider);
  return copy;
}

/** How to break each check, and what its message must then name: resource and field. */
const BREAKAGES: Record<string, { resources: () => RenderedObject[]; names: RegExp }> = {
  'private-nodes': { resources: () => broken('cluster', fp => { fp.privateClusterConfig.enablePrivateNodes = false; }), names: /Cluster 'cluster' spec\.forProvider\.privateClusterConfig\.enablePrivateNodes must be true, got false/ },
  'master-authorized-networks': {
    resources: () => broken('cluster', fp => { fp.masterAuthorizedNetworksConfig.cidrBlocks.push({ cidrBlock: '0.0.0.0/0' }); }),
    names: /Cluster 'cluster' spec\.forProvider\.masterAuthorizedNetworksConfig\.cidrBlocks must be free of \/0 ranges/,
  },
  'workload-identity': { resources: () => broken('node-pool', fp => { fp.nodeConfig.workloadMetadataConfig.mode = 'GCE_METADATA'; }), names: /NodePool 'node-pool' spec\.forProvider\.nodeConfig\.workloadMetadataConfig\.mode must be 'GKE_METADATA', got "GCE_METADATA"/ },
  'shielded-nodes': { resources: () => broken('node-pool', fp => { delete fp.nodeConfig.shieldedInstanceConfig.enableSecureBoot; }), names: /NodePool 'node-pool' spec\.forProvider\.nodeConfig\.shieldedInstanceConfig\.enableSecureBoot must be true, got nothing/ },
  'no-default-service-account': {
    resources: () => broken('node-pool', fp => { fp.nodeConfig.serviceAccount = '123456789-compute@developer.gserviceaccount.com'; }),
    names: /NodePool 'node-pool' spec\.forProvider\.nodeConfig\.serviceAccount must be a dedicated service account email/,
  },
  'least-privilege-node-roles': {
    resources: () => broken('node-sa-monitoring-viewer', fp => { fp.role = 'roles/editor'; }),
    names: /ProjectIAMMember 'node-sa-monitoring-viewer' spec\.forProvider\.role must be one of .*got "roles\/editor"/,
  },
  'release-channel': { resources: () => broken('cluster', fp => { delete fp.releaseChannel; }), names: /Cluster 'cluster' spec\.forProvider\.releaseChannel\.channel must be RAPID, REGULAR or STABLE, got nothing/ },
  'network-policy': { resources: () => broken('cluster', fp => { fp.datapathProvider = 'LEGACY_DATAPATH'; }), names: /Cluster 'cluster' spec\.forProvider must be datapathProvider 'ADVANCED_DATAPATH' or networkPolicy\.enabled true/ },
  'legacy-abac-off': { resources: () => broken('cluster', fp => { fp.enableLegacyAbac = true; }), names: /Cluster 'cluster' spec\.forProvider\.enableLegacyAbac must be false, got true/ },
  'client-certificate-off': { resources: () => broken('cluster', fp => { delete fp.masterAuth; }), names: /Cluster 'cluster' spec\.forProvider\.masterAuth\.clientCertificateConfig\.issueClientCertificate must be false, got nothing/ },
  'node-auto-repair-and-upgrade': { resources: () => broken('node-pool', fp => { fp.management.autoUpgrade = false; }), names: /NodePool 'node-pool' spec\.forProvider\.management\.autoUpgrade must be true, got false/ },
  'logging-and-monitoring': { resources: () => broken('cluster', fp => { fp.loggingConfig.enableComponents = ['SYSTEM_COMPONENTS']; }), names: /Cluster 'cluster' spec\.forProvider\.loggingConfig\.enableComponents must be a list with 'SYSTEM_COMPONENTS' and 'WORKLOADS'/ },
};

test('what the prod XR composes passes every security check', () => {
  expect(rendered.map(r => r.kind)).toEqual(expect.arrayContaining(['Cluster', 'NodePool']));
  expect(securityFindings(rendered)).toStrictEqual([]);
});

test('every check has a breakage that proves it can fail', () => {
  expect(Object.keys(BREAKAGES).sort()).toStrictEqual(SECURITY_CHECKS.map(c => c.name).sort());
});

test.each(SECURITY_CHECKS.map(c => [c.name, c] as const))('%s fails on a rendered copy with its property broken, naming resource and field', (name, check) => {
  const { resources, names } = BREAKAGES[name];
  expect(check.check(resources())).toMatch(names);
  // The other checks still pass: each breakage is about one property.
  expect(securityFindings(resources()).map(f => f.split(':')[0])).toStrictEqual([name]);
});

test('cluster checks fail when no cluster was composed (the first reconcile), instead of passing vacuously', () => {
  expect(securityFindings(first.resources)).toContainEqual(expect.stringMatching(/^private-nodes: no Cluster was composed/));
});
