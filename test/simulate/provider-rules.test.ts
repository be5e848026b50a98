// The package's own provider rules: each reports only fields of its kind's imported status
// schema (the check every rule passes through), with values shaped as the cloud returns them.
import { BUILT_IN_PROVIDER_RULES, simulate } from '../../src/simulate';
import type { SimulatedResource } from '../../src/simulate';
import { importedGroup, splitApiVersion } from '../../src/schema/imported-schemas';

const resource = (apiVersion: string, kind: string, forProvider: Record<string, unknown>): SimulatedResource => ({
  apiVersion, kind, resourceName: 'r', externalName: 'demo',
  metadata: { name: 'demo', annotations: {}, labels: {} },
  spec: { forProvider } as SimulatedResource['spec'],
});

const imported = BUILT_IN_PROVIDER_RULES.filter((rule) => {
  const { group, version } = splitApiVersion(rule.apiVersion);
  return importedGroup(group)?.kinds.some((k) => k.kind === rule.kind && k.versions.some((v) => v.name === version));
});

test('every rule whose kind is imported reports only fields of the kind\'s status schema', () => {
  // GCP: 8 kinds, AWS: 4, Azure: 2, in the versions and families imports/ holds.
  expect(new Set(imported.map((r) => r.kind))).toStrictEqual(new Set([
    'ServiceAccount', 'ProjectIAMMember', 'Network', 'Subnetwork', 'Router', 'RouterNAT', 'Cluster', 'NodePool',
    'VPC', 'Subnet', 'NodeGroup', 'ResourceGroup', 'KubernetesCluster',
  ]));
  for (const rule of imported) {
    expect(() => rule._report(resource(rule.apiVersion, rule.kind, { project: 'p', region: 'eu-west-1', location: 'westeurope' }))).not.toThrow();
  }
});

test('an EKS cluster reports its endpoint and CA, and a kubeconfig as connection detail', () => {
  const comp = {
    apiVersion: 'apiextensions.crossplane.io/v1', kind: 'Composition', metadata: { name: 'eks' },
    spec: {
      compositeTypeRef: { apiVersion: 'example.org/v1', kind: 'XEks' }, mode: 'Pipeline',
      pipeline: [{ step: 'pt', functionRef: { name: 'function-patch-and-transform' }, input: {
        apiVersion: 'pt.fn.crossplane.io/v1beta1', kind: 'Resources',
        resources: [{
          name: 'cluster', base: { apiVersion: 'eks.aws.m.upbound.io/v1beta1', kind: 'Cluster', spec: { forProvider: { region: 'eu-west-1' } } },
          patches: [{ type: 'ToCompositeFieldPath', fromFieldPath: 'status.atProvider.endpoint', toFieldPath: 'status.endpoint' }],
          connectionDetails: [{ name: 'kubeconfig', type: 'FromConnectionSecretKey', fromConnectionSecretKey: 'kubeconfig' }],
        }],
      } }],
    },
  };
  const sim = simulate({ xr: { apiVersion: 'example.org/v1', kind: 'XEks', metadata: { name: 'demo', namespace: 'team' }, spec: {} }, composition: comp });
  expect(sim.verdict.kind).toBe('ready');
  expect(sim.xr.status.endpoint).toMatch(/^https:\/\/[0-9A-F]{32}\.gr7\.eu-west-1\.eks\.amazonaws\.com$/);
  const secret = sim.resources.find((r) => r.kind === 'Secret')!;
  expect(Buffer.from(secret.data.kubeconfig, 'base64').toString()).toContain(`server: ${sim.xr.status.endpoint}`);
});
