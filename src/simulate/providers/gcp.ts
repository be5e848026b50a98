/**
 * What the GCP provider (provider-upjet-gcp) reports for the GCP kinds this package ships, beyond
 * the echo of `forProvider`: resource ids and self links, a service account's `email`, a
 * cluster's `endpoint`, version, CA certificate and kubeconfig, a node pool's instance groups.
 * The values are made up but shaped as GCP returns them, and stable for a resource.
 */
import type { ProviderReport, SimulatedResource } from './provider-rule';
import type { ProviderRule } from './provider-rule';
import { familyRules, simulatedCa, simulatedKubeconfig } from './_families';

const COMPUTE = 'https://www.googleapis.com/compute/v1';

/** The GKE version the simulated clusters and node pools run. */
export const SIMULATED_GKE_VERSION = '1.33.4-gke.1172000';

type Fp = Record<string, unknown>;
const fp = (r: SimulatedResource): Fp => ((r.spec as { forProvider?: Fp }).forProvider ?? {});
const s = (v: unknown, fallback: string): string => (typeof v === 'string' && v !== '' ? v : fallback);

/** A number from a string, stable across runs (FNV-1a). */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const REPORTS: Record<string, Record<string, (r: SimulatedResource) => ProviderReport>> = {
  'cloudplatform.gcp': {
    ServiceAccount: (r) => {
      const project = s(fp(r).project, 'my-project');
      const email = `${r.externalName}@${project}.iam.gserviceaccount.com`;
      const uniqueId = String(100000000000000000000n + BigInt(stableHash(email)));
      return { atProvider: { email, member: `serviceAccount:${email}`, name: `projects/${project}/serviceAccounts/${email}`, id: `projects/${project}/serviceAccounts/${email}`, uniqueId } };
    },
    ProjectIAMMember: (r) => ({ atProvider: { id: `${s(fp(r).project, 'my-project')}/${s(fp(r).role, '')}/${s(fp(r).member, '')}`, etag: 'BwYsimulated=' } }),
  },
  'compute.gcp': {
    Network: (r) => {
      const path = `projects/${s(fp(r).project, 'my-project')}/global/networks/${r.externalName}`;
      return { atProvider: { id: path, selfLink: `${COMPUTE}/${path}` } };
    },
    Subnetwork: (r) => {
      const path = `projects/${s(fp(r).project, 'my-project')}/regions/${s(fp(r).region, 'us-central1')}/subnetworks/${r.externalName}`;
      return { atProvider: { id: path, selfLink: `${COMPUTE}/${path}` } };
    },
    Router: (r) => {
      const path = `projects/${s(fp(r).project, 'my-project')}/regions/${s(fp(r).region, 'us-central1')}/routers/${r.externalName}`;
      return { atProvider: { id: path, selfLink: `${COMPUTE}/${path}` } };
    },
    RouterNAT: (r) => ({ atProvider: { id: `${s(fp(r).project, 'my-project')}/${s(fp(r).region, 'us-central1')}/${r.externalName}` } }),
  },
  'container.gcp': {
    Cluster: (r) => {
      const project = s(fp(r).project, 'my-project');
      const location = s(fp(r).location, 'us-central1');
      const h = stableHash(`${project}/${location}/${r.externalName}`);
      const endpoint = `34.${(h >>> 16) & 255}.${(h >>> 8) & 255}.${Math.max(1, h & 255)}`;
      const ca = simulatedCa(r.externalName);
      const id = `projects/${project}/locations/${location}/clusters/${r.externalName}`;
      const kubeconfig = simulatedKubeconfig(r.externalName, `https://${endpoint}`, ca, 'gke-gcloud-auth-plugin');
      return {
        atProvider: { endpoint, id, selfLink: `https://container.googleapis.com/v1/${id}`, masterVersion: SIMULATED_GKE_VERSION, masterAuth: { clusterCaCertificate: ca } },
        connectionDetails: { kubeconfig },
      };
    },
    NodePool: (r) => {
      const project = s(fp(r).project, 'my-project');
      const location = s(fp(r).location, 'us-central1');
      const group = `gke-${r.externalName}-${(stableHash(r.externalName) % 0xffffff).toString(16).padStart(6, '0')}-grp`;
      const url = `${COMPUTE}/projects/${project}/zones/${location}-a/instanceGroupManagers/${group}`;
      return { atProvider: { id: `projects/${project}/locations/${location}/clusters/${s(fp(r).cluster, '')}/nodePools/${r.externalName}`, version: SIMULATED_GKE_VERSION, instanceGroupUrls: [url], managedInstanceGroupUrls: [url.replace('instanceGroupManagers', 'instanceGroups')] } };
    },
  },
};

/** The rules for the GCP kinds, every served version of both families. */
export const GCP_RULES: readonly ProviderRule[] = Object.entries(REPORTS).flatMap(([base, kinds]) => familyRules(base, kinds));
