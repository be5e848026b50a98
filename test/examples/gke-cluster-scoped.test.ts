// The cluster-scoped twin of the GKE API: same parameters, cluster-scoped v1beta2 managed resources.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ApiObject, Testing } from 'cdk8s';
import { parse } from 'yaml';
import { validate } from 'cdk8s-crossplane';
import { setupMatchers, simulateComposition } from 'cdk8s-crossplane/testing';
import { CONNECTION_SECRET_NAMESPACE } from '../../examples/gke/gke-cluster-scoped-api';
import { GkePlatform } from '../../examples/gke/gke-platform';
import { securityFindings } from '../../examples/gke/security-checks';

setupMatchers();

const { clusterScoped } = new GkePlatform(Testing.app(), 'gke');
const xrd = ApiObject.of(clusterScoped.xrd).toJson();
const xr = parse(fs.readFileSync(path.resolve(__dirname, '../../examples/gke/xr-cluster-scoped.yaml'), 'utf8'));
const email = 'platform-tools-nodes@acme-platform-tools.iam.gserviceaccount.com';

const findings = (objects: unknown[]): string[] =>
  validate(objects, { schemas: [xrd] }).map(f => `${f.severity} ${f.object.kind}/${f.object.name} ${f.path}: ${f.message}`);

const sim = simulateComposition({ composition: clusterScoped.composition, xr, xrd });
const composed = sim.reconciles[sim.reconciles.length - 1].resources;
const managed = composed.filter(r => r.kind !== 'Secret');

test('is a Cluster-scoped v2 XRD with the same parameters as the namespaced API', () => {
  expect(xrd.spec.scope).toBe('Cluster');
  expect(xrd.spec.names.kind).toBe('XGKECluster');
  expect(findings([xr])).toStrictEqual([]);
});

test('composes the cluster-scoped kinds at the versions provider-upjet-gcp v3 serves', () => {
  const versions = [...new Set(managed.map(r => `${r.apiVersion} ${r.kind}`))].sort();
  expect(versions).toStrictEqual([
    'cloudplatform.gcp.upbound.io/v1beta1 ServiceAccount',
    'cloudplatform.gcp.upbound.io/v1beta2 ProjectIAMMember',
    'compute.gcp.upbound.io/v1beta1 Network',
    'compute.gcp.upbound.io/v1beta2 Router',
    'compute.gcp.upbound.io/v1beta2 RouterNAT',
    'compute.gcp.upbound.io/v1beta2 Subnetwork',
    'container.gcp.upbound.io/v1beta2 Cluster',
    'container.gcp.upbound.io/v1beta2 NodePool',
  ]);
  // Cluster-scoped managed resources: no namespace, a ProviderConfig by name only, deletionPolicy.
  for (const r of managed) {
    expect(r.metadata.namespace).toBeUndefined();
    expect(r.spec.providerConfigRef).toStrictEqual({ name: 'default' });
    expect(r.spec.deletionPolicy).toBe('Delete');
    expect(r.spec.managementPolicies).toBeUndefined();
  }
  expect(sim).toHaveFieldValue('cluster', 'spec.writeConnectionSecretToRef', { name: 'platform-tools-gke-cluster', namespace: CONNECTION_SECRET_NAMESPACE });
  expect(sim).toHaveFieldValue('node-pool', 'spec.forProvider.nodeConfig.machineType', 'n2-standard-4');
  expect(sim).toHaveFieldValue('node-pool', 'spec.forProvider.autoscaling.maxNodeCount', 4);
});

test('every render validates against the cluster-scoped CRDs with zero findings, and passes the security baseline', () => {
  expect(findings(sim.reconciles.flatMap(r => r.resources))).toStrictEqual([]);
  expect(securityFindings(managed)).toStrictEqual([]);
});

test('becomes Ready, and its connection Secret goes to the configured namespace', () => {
  expect(sim).toBecomeReadyWithin(4);
  expect(sim.xr.status.nodeServiceAccount).toBe(email);
  const endpoint = sim.resources.find(r => r.kind === 'Cluster')!.status.atProvider.endpoint;
  expect(sim.xr.status.endpoint).toBe(endpoint);
  const secret = composed.find(r => r.kind === 'Secret')!;
  expect(secret.metadata).toMatchObject({ name: 'platform-tools-connection', namespace: CONNECTION_SECRET_NAMESPACE });
  expect(Buffer.from(secret.data.endpoint, 'base64').toString()).toBe(endpoint);
});
