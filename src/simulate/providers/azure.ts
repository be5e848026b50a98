/**
 * What the Azure provider (provider-upjet-azure) reports for the Azure kinds this package
 * ships, beyond the echo of `forProvider`: resource ids, an AKS cluster's FQDN, node resource
 * group, version and kubeconfig. Made up, shaped as Azure returns them, stable for a resource.
 */
import type { ProviderReport, ProviderRule, SimulatedResource } from './provider-rule';
import { familyRules, simulatedCa, simulatedKubeconfig } from './_families';
import { stableHash } from './gcp';

/** The subscription simulated Azure resources belong to. */
const SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';

type Fp = Record<string, unknown>;
const fp = (r: SimulatedResource): Fp => ((r.spec as { forProvider?: Fp }).forProvider ?? {});
const s = (v: unknown, fallback: string): string => (typeof v === 'string' && v !== '' ? v : fallback);

const REPORTS: Record<string, Record<string, (r: SimulatedResource) => ProviderReport>> = {
  'azure': {
    ResourceGroup: (r) => ({ atProvider: { id: `/subscriptions/${SUBSCRIPTION}/resourceGroups/${r.externalName}` } }),
  },
  'containerservice.azure': {
    KubernetesCluster: (r) => {
      const group = s(fp(r).resourceGroupName, 'my-resource-group');
      const location = s(fp(r).location, 'westeurope').toLowerCase().replace(/\s+/g, '');
      const fqdn = `${s(fp(r).dnsPrefix, r.externalName)}-${(stableHash(r.externalName) % 0xfffffff).toString(16).padStart(7, '0')}.hcp.${location}.azmk8s.io`;
      const version = s(fp(r).kubernetesVersion, '1.33.2');
      const ca = simulatedCa(r.externalName);
      return {
        atProvider: {
          id: `/subscriptions/${SUBSCRIPTION}/resourceGroups/${group}/providers/Microsoft.ContainerService/managedClusters/${r.externalName}`,
          fqdn, currentKubernetesVersion: version, nodeResourceGroup: `MC_${group}_${r.externalName}_${location}`,
        },
        connectionDetails: { kubeconfig: simulatedKubeconfig(r.externalName, `https://${fqdn}:443`, ca, 'kubelogin') },
      };
    },
  },
};

/** The rules for the Azure kinds, every served version of both families. */
export const AZURE_RULES: readonly ProviderRule[] = Object.entries(REPORTS).flatMap(([base, kinds]) => familyRules(base, kinds));
