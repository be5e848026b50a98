/**
 * Validation throughput on rendered GKE-sized resources (DESIGN budget: >= 2,000 resources/s
 * after schema compilation, CEL included: RouterNAT and the IAM members carry upjet CEL rules),
 * plus the cold compile time of the largest schema
 * (container.gcp.m.upbound.io Cluster) and the cached lookup time. Each figure prints beside its
 * floor measured in the same run.
 *
 * Run: `npx tsx bench/validate.ts` (prints one line per figure, and exits 1 below budget).
 */
import Ajv from 'ajv';
import { celAvailable, celUnavailableReason } from '../src/validate/cel';
import { compileSchema } from '../src/validate/object-validator';
import { SchemaRegistry } from '../src/validate/registry';
import { validateSourced } from '../src/validate/validate';
import { SourcedObject } from '../src/validate/yaml-input';

const ns = 'platform-team';
const owner = (i: number) => ({ 'crossplane.io/composite': `gke-${i}`, 'crossplane.io/composition-resource-name': 'x' });

function gke(i: number): SourcedObject[] {
  const name = `gke-${i}`;
  const labels = { ...owner(i), 'platform.example.org/team': 'alpha' };
  const common = { providerConfigRef: { kind: 'ClusterProviderConfig', name: 'default' }, managementPolicies: ['*'] };
  return [
    { object: { apiVersion: 'compute.gcp.m.upbound.io/v1beta1', kind: 'Network', metadata: { name: `${name}-net`, namespace: ns, labels }, spec: { ...common, forProvider: { autoCreateSubnetworks: false, routingMode: 'REGIONAL', project: 'acme-prod', mtu: 1460, description: 'GKE network' } } } },
    { object: { apiVersion: 'compute.gcp.m.upbound.io/v1beta1', kind: 'Subnetwork', metadata: { name: `${name}-subnet`, namespace: ns, labels }, spec: { ...common, forProvider: { region: 'europe-west1', ipCidrRange: '10.0.0.0/20', privateIpGoogleAccess: true, networkSelector: { matchControllerRef: true }, secondaryIpRange: [{ rangeName: 'pods', ipCidrRange: '10.4.0.0/14' }, { rangeName: 'services', ipCidrRange: '10.8.0.0/20' }], logConfig: { aggregationInterval: 'INTERVAL_5_SEC', flowSampling: 0.5, metadata: 'INCLUDE_ALL_METADATA' } } } } },
    { object: { apiVersion: 'container.gcp.m.upbound.io/v1beta1', kind: 'Cluster', metadata: { name, namespace: ns, labels }, spec: { ...common, writeConnectionSecretToRef: { name: `${name}-kubeconfig` }, forProvider: {
      location: 'europe-west1', initialNodeCount: 1, removeDefaultNodePool: true, deletionProtection: false, networkingMode: 'VPC_NATIVE',
      networkSelector: { matchControllerRef: true }, subnetworkSelector: { matchControllerRef: true },
      ipAllocationPolicy: { clusterSecondaryRangeName: 'pods', servicesSecondaryRangeName: 'services' },
      releaseChannel: { channel: 'REGULAR' }, workloadIdentityConfig: { workloadPool: 'acme-prod.svc.id.goog' },
      addonsConfig: { httpLoadBalancing: { disabled: false }, horizontalPodAutoscaling: { disabled: false }, networkPolicyConfig: { disabled: true } },
      masterAuthorizedNetworksConfig: { cidrBlocks: [{ cidrBlock: '10.0.0.0/8', displayName: 'internal' }] },
      privateClusterConfig: { enablePrivateNodes: true, enablePrivateEndpoint: false, masterIpv4CidrBlock: '172.16.0.0/28' },
      maintenancePolicy: { dailyMaintenanceWindow: { startTime: '03:00' } },
      resourceLabels: { team: 'alpha', env: 'prod' },
      loggingService: 'logging.googleapis.com/kubernetes', monitoringService: 'monitoring.googleapis.com/kubernetes',
    } } } },
    { object: { apiVersion: 'container.gcp.m.upbound.io/v1beta1', kind: 'NodePool', metadata: { name: `${name}-pool`, namespace: ns, labels }, spec: { ...common, forProvider: {
      location: 'europe-west1', clusterSelector: { matchControllerRef: true }, nodeCount: 3, version: '1.30',
      autoscaling: { minNodeCount: 1, maxNodeCount: 5 }, management: { autoRepair: true, autoUpgrade: true },
      nodeConfig: { machineType: 'e2-standard-4', diskSizeGb: 100, diskType: 'pd-balanced', imageType: 'COS_CONTAINERD', preemptible: false, oauthScopes: ['https://www.googleapis.com/auth/cloud-platform'], labels: { pool: 'default' }, tags: ['gke-node'], workloadMetadataConfig: { mode: 'GKE_METADATA' }, shieldedInstanceConfig: { enableSecureBoot: true } },
      upgradeSettings: { maxSurge: 1, maxUnavailable: 0 },
    } } } },
    { object: { apiVersion: 'compute.gcp.m.upbound.io/v1beta1', kind: 'RouterNAT', metadata: { name: `${name}-nat`, namespace: ns, labels }, spec: { ...common, forProvider: { region: 'europe-west1', routerSelector: { matchControllerRef: true }, natIpAllocateOption: 'AUTO_ONLY', sourceSubnetworkIpRangesToNat: 'ALL_SUBNETWORKS_ALL_IP_RANGES', logConfig: { enable: true, filter: 'ERRORS_ONLY' } } } } },
    { object: { apiVersion: 'cloudplatform.gcp.m.upbound.io/v1beta1', kind: 'ServiceAccount', metadata: { name: `${name}-nodes`, namespace: ns, labels }, spec: { ...common, forProvider: { displayName: 'GKE nodes', project: 'acme-prod' } } } },
    ...['roles/logging.logWriter', 'roles/monitoring.metricWriter'].map((role, j) => ({ object: { apiVersion: 'cloudplatform.gcp.m.upbound.io/v1beta1', kind: 'ProjectIAMMember', metadata: { name: `${name}-iam-${j}`, namespace: ns, labels }, spec: { ...common, forProvider: { project: 'acme-prod', role, member: `serviceAccount:${name}-nodes@acme-prod.iam.gserviceaccount.com` } } } })),
  ];
}

/** Runs the benchmark and returns its figures. */
export function benchValidate(resources = 4000): {
  coldCompileMs: number; floorCompileMs: number; bareCompileMs: number; cachedCompileUs: number; perSecond: number; floorPerSecond: number; errors: number; cel: boolean;
} {
  const registry = new SchemaRegistry();
  const entry = registry.lookup('container.gcp.m.upbound.io/v1beta1', 'Cluster')!;
  // For comparison, what compiling costs without stored code: the same schema compiled by a bare
  // ajv (no formats, CEL or Kubernetes keywords), after one small compile so that ajv's own first
  // use is paid by neither figure.
  const bareAjv = () => new Ajv({ strict: false, allErrors: true, validateFormats: false, logger: false });
  bareAjv().compile({ type: 'object', properties: { a: { type: 'string' } } });
  let t = process.hrtime.bigint();
  bareAjv().compile(entry.schema as object);
  const bareCompileMs = Number(process.hrtime.bigint() - t) / 1e6;
  // The floor: a JSON round trip of the schema, the least that reading it costs.
  t = process.hrtime.bigint();
  JSON.parse(JSON.stringify(entry.schema));
  const floorCompileMs = Number(process.hrtime.bigint() - t) / 1e6;
  t = process.hrtime.bigint();
  compileSchema(entry.schema);
  const coldCompileMs = Number(process.hrtime.bigint() - t) / 1e6;
  t = process.hrtime.bigint();
  for (let i = 0; i < 1000; i++) compileSchema(entry.schema);
  const cachedCompileUs = Number(process.hrtime.bigint() - t) / 1e3 / 1000;

  const objects: SourcedObject[] = [];
  for (let i = 0; objects.length < resources; i++) objects.push(...gke(i));
  validateSourced(objects.slice(0, 16), registry); // compile the remaining schemas and CEL programs
  t = process.hrtime.bigint();
  const results = validateSourced(objects, registry);
  const secs = Number(process.hrtime.bigint() - t) / 1e9;
  const errors = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
  // The throughput floor: a JSON round trip of the same objects, the least a validator reads.
  JSON.parse(JSON.stringify(objects.map((o) => o.object)));
  t = process.hrtime.bigint();
  JSON.parse(JSON.stringify(objects.map((o) => o.object)));
  const floorSecs = Number(process.hrtime.bigint() - t) / 1e9;
  return { coldCompileMs, floorCompileMs, bareCompileMs, cachedCompileUs, perSecond: objects.length / secs, floorPerSecond: objects.length / floorSecs, errors, cel: celAvailable() };
}

if (require.main === module) {
  const r = benchValidate();
  console.log(`cold compile in this process, container Cluster schema (no stored code, as for a CRD from a folder before its first cached run): ${r.coldCompileMs.toFixed(1)} ms, ${(r.coldCompileMs / r.floorCompileMs).toFixed(1)}x the floor (a JSON round trip of the schema, ${r.floorCompileMs.toFixed(1)} ms); a bare ajv compile of it takes ${r.bareCompileMs.toFixed(1)} ms`);
  console.log(`cached compile lookup: ${r.cachedCompileUs.toFixed(3)} us`);
  console.log(`validation of GKE resources (Network, Subnetwork, Cluster, NodePool, RouterNAT, ServiceAccount, 2 ProjectIAMMembers; schema + unknown fields + defaults + metadata + CEL, 5 upjet rules per set${r.cel ? '' : ` NOT evaluated: ${celUnavailableReason()}`}): ${Math.round(r.perSecond)} resources/s, ${(r.floorPerSecond / r.perSecond).toFixed(1)}x the floor (a JSON round trip of the same objects, ${Math.round(r.floorPerSecond)}/s; budget >= 2,000/s)`);
  console.log(`errors found in the bench objects: ${r.errors} (expected 0)`);
  if (r.perSecond < 2000 || r.errors > 0) process.exitCode = 1;
}
