/**
 * The composed resources of the GKE cluster API, written once and used by every Composition of
 * it: the namespaced API composes the `.m.` kinds, the cluster-scoped variant the cluster-scoped
 * `v1beta2` kinds. Both families have the same `forProvider` shapes (reference §7), so the same
 * typed templates and patches build both; what differs (providerConfigRef, deletion, where the
 * connection Secret goes) is passed in as a {@link ManagedFlavour}.
 */
import { Cluster, ClusterProps, NodePool, NodePoolProps } from 'cdk8s-crossplane/imports/container.gcp.m.upbound.io';
import {
  Network, NetworkProps, Router, RouterNat, RouterNatProps, RouterProps, Subnetwork, SubnetworkProps,
} from 'cdk8s-crossplane/imports/compute.gcp.m.upbound.io';
import {
  ProjectIamMember, ProjectIamMemberProps, ServiceAccount, ServiceAccountProps,
} from 'cdk8s-crossplane/imports/cloudplatform.gcp.m.upbound.io';
import {
  Composition, ConnectionDetail, DeepPartial, FromFieldPathPolicy, L1Class, Patch, PatchSet, Transform,
} from 'cdk8s-crossplane';
import { GkeClusterXr, SIZE_CLASSES } from './gke-schema';

/** The L1 classes a Composition of the API composes, typed with the `.m.` props (same shapes in both families). */
export interface GkeKinds {
  readonly Network: L1Class<NetworkProps>;
  readonly Subnetwork: L1Class<SubnetworkProps>;
  readonly Router: L1Class<RouterProps>;
  readonly RouterNat: L1Class<RouterNatProps>;
  readonly ServiceAccount: L1Class<ServiceAccountProps>;
  readonly ProjectIamMember: L1Class<ProjectIamMemberProps>;
  readonly Cluster: L1Class<ClusterProps>;
  readonly NodePool: L1Class<NodePoolProps>;
}

/** The namespaced `.m.` managed resources (`v1beta1`): what a Namespaced XR must compose (reference §5). */
export const NAMESPACED_KINDS: GkeKinds = { Network, Subnetwork, Router, RouterNat, ServiceAccount, ProjectIamMember, Cluster, NodePool };

/** What differs between the namespaced and the cluster-scoped managed resources. */
export interface ManagedFlavour {
  /** `spec.providerConfigRef` of every base; the name is patched from `providerConfigName`. */
  readonly providerConfigRef: { readonly kind?: string; readonly name: string };
  /** How `spec.parameters.deletionPolicy` reaches each managed resource. */
  readonly deletion: Patch<GkeClusterXr, any>;
  /**
   * Namespace of the composed Cluster's own connection Secret.
   *
   * @default - not written: a namespaced managed resource writes it in its own namespace
   */
  readonly connectionSecretNamespace?: string;
}

/**
 * The roles the node service account needs and no more: write logs and metrics, read monitoring
 * config, write resource metadata, pull images. GKE's hardening guide lists exactly these instead
 * of the Compute Engine default account, which is a project Editor.
 */
export const NODE_ROLES = [
  'roles/logging.logWriter',
  'roles/monitoring.metricWriter',
  'roles/monitoring.viewer',
  'roles/stackdriver.resourceMetadata.writer',
  'roles/artifactregistry.reader',
] as const;

const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const EXTERNAL_NAME = 'metadata.annotations[crossplane.io/external-name]';

/** Patch sets every template uses: credentials and deletion (`managed`), and the project (`project`). */
export function addPatchSets(comp: Composition<GkeClusterXr>, flavour: ManagedFlavour): void {
  comp.addPatchSet(PatchSet.of<GkeClusterXr>('managed', [
    Patch.fromCompositeFieldPath(xr => xr.spec.parameters.providerConfigName, 'spec.providerConfigRef.name'),
    flavour.deletion,
  ]));
  comp.addPatchSet(PatchSet.of<GkeClusterXr>('project', [
    Patch.fromCompositeFieldPath(xr => xr.spec.parameters.project, 'spec.forProvider.project'),
  ]));
}

const region = (): Patch<GkeClusterXr, any> => Patch.fromCompositeFieldPath<GkeClusterXr>(xr => xr.spec.parameters.region, 'spec.forProvider.region');

/** VPC, subnetwork with `pods` and `services` secondary ranges, Cloud Router and NAT: private nodes still reach the internet. */
export function composeNetwork(comp: Composition<GkeClusterXr>, kinds: GkeKinds, flavour: ManagedFlavour): void {
  const { providerConfigRef } = flavour;
  const network = comp.addResource('network', kinds.Network, {
    spec: { forProvider: { autoCreateSubnetworks: false, routingMode: 'REGIONAL' }, providerConfigRef },
  });
  network.addPatch(
    Patch.patchSet('managed'), Patch.patchSet('project'),
    Patch.toCompositeFieldPath(n => n.status.atProvider.selfLink, xr => xr.status.networkSelfLink),
  );

  const subnetwork = comp.addResource('subnetwork', kinds.Subnetwork, {
    spec: {
      forProvider: {
        networkSelector: { matchControllerRef: true },
        // Nodes reach Google APIs without public IPs.
        privateIpGoogleAccess: true,
        // Flow logs: the audit trail of who talked to whom, sampled to keep the bill small.
        logConfig: { aggregationInterval: 'INTERVAL_5_SEC', flowSampling: 0.5, metadata: 'INCLUDE_ALL_METADATA' },
        // Two entries so the patches fill them in by index (reference §8.12); the cluster names them.
        secondaryIpRange: [{ rangeName: 'pods' }, { rangeName: 'services' }],
      },
      providerConfigRef,
    },
  });
  subnetwork.addPatch(
    Patch.patchSet('managed'), Patch.patchSet('project'), region(),
    Patch.fromCompositeFieldPath(xr => xr.spec.parameters.network.nodeCidr, s => s.spec.forProvider.ipCidrRange),
    Patch.fromCompositeFieldPath(xr => xr.spec.parameters.network.podsCidr, s => s.spec.forProvider.secondaryIpRange[0].ipCidrRange),
    Patch.fromCompositeFieldPath(xr => xr.spec.parameters.network.servicesCidr, s => s.spec.forProvider.secondaryIpRange[1].ipCidrRange),
  );

  const router = comp.addResource('router', kinds.Router, { spec: { forProvider: { networkSelector: { matchControllerRef: true } }, providerConfigRef } });
  router.addPatch(Patch.patchSet('managed'), Patch.patchSet('project'), region());

  const nat = comp.addResource('nat', kinds.RouterNat, {
    spec: {
      forProvider: {
        routerSelector: { matchControllerRef: true },
        sourceSubnetworkIpRangesToNat: 'ALL_SUBNETWORKS_ALL_IP_RANGES',
        natIpAllocateOption: 'AUTO_ONLY',
        logConfig: { enable: true, filter: 'ERRORS_ONLY' },
      },
      providerConfigRef,
    },
  });
  nat.addPatch(Patch.patchSet('managed'), Patch.patchSet('project'), region());
}

/**
 * The nodes' own service account and its five project roles. The email is written to the XR's
 * status; every template that needs it reads it from there with a Required patch, so it is only
 * composed once the account exists (the quickstart's pattern).
 */
export function composeNodeServiceAccount(comp: Composition<GkeClusterXr>, kinds: GkeKinds, flavour: ManagedFlavour): void {
  const { providerConfigRef } = flavour;
  const account = comp.addResource('node-sa', kinds.ServiceAccount, {
    spec: { forProvider: { description: 'Least-privilege identity of GKE nodes, managed by Crossplane' }, providerConfigRef },
  });
  account.addPatch(
    Patch.patchSet('managed'), Patch.patchSet('project'),
    // The account id is the external name: 6-30 characters, starting with a letter, ending
    // alphanumeric. Keep at most 22 characters of the XR name, then add '-nodes'.
    Patch.fromCompositeFieldPath(xr => xr.metadata.name, EXTERNAL_NAME, {
      transforms: [Transform.string.regexp('^[a-z]([a-z0-9-]{0,20}[a-z0-9])?'), Transform.string.format('%s-nodes')],
    }),
    Patch.fromCompositeFieldPath(xr => xr.metadata.name, sa => sa.spec.forProvider.displayName, { transforms: [Transform.string.format('GKE nodes of %s')] }),
    Patch.toCompositeFieldPath(sa => sa.status.atProvider.email, xr => xr.status.nodeServiceAccount),
  );

  for (const role of NODE_ROLES) {
    const member = comp.addResource(`node-sa-${role.replace(/^roles\//, '').replace(/\./g, '-').toLowerCase()}`, kinds.ProjectIamMember, {
      spec: { forProvider: { role }, providerConfigRef },
    });
    member.addPatch(
      Patch.patchSet('managed'), Patch.patchSet('project'),
      Patch.fromCompositeFieldPath(xr => xr.status.nodeServiceAccount, m => m.spec.forProvider.member, {
        transforms: [Transform.string.format('serviceAccount:%s')],
        fromFieldPathPolicy: FromFieldPathPolicy.REQUIRED,
      }),
    );
  }
}

/** The fields both cluster modes share: network, private control plane, and access through IAM and RBAC only. */
function clusterBase(): DeepPartial<ClusterProps['spec']['forProvider']> {
  return {
    networkSelector: { matchControllerRef: true },
    subnetworkSelector: { matchControllerRef: true },
    ipAllocationPolicy: { clusterSecondaryRangeName: 'pods', servicesSecondaryRangeName: 'services' },
    // Nodes get no public IP; the control plane keeps a public endpoint that only the
    // authorized networks (and Google Cloud itself) can reach.
    privateClusterConfig: { enablePrivateNodes: true, enablePrivateEndpoint: false },
    masterAuthorizedNetworksConfig: { gcpPublicCidrsAccessEnabled: false },
    // No client certificate, no legacy ABAC: access goes through IAM and RBAC only.
    masterAuth: { clientCertificateConfig: { issueClientCertificate: false } },
    enableLegacyAbac: false,
  };
}

/** The composed Cluster's own connection Secret: named by a patch, in the flavour's namespace if any. */
function clusterSecretRef(flavour: ManagedFlavour): Record<string, string> {
  return flavour.connectionSecretNamespace === undefined ? {} : { namespace: flavour.connectionSecretNamespace };
}

/** Patches of the Cluster that do not depend on the mode: placement, naming, the team's choices, and the status written back. */
function clusterPatches(): Patch<GkeClusterXr, ClusterProps>[] {
  return [
    Patch.patchSet('managed'), Patch.patchSet('project'),
    Patch.fromCompositeFieldPath(xr => xr.spec.parameters.region, c => c.spec.forProvider.location),
    // The GKE cluster is named after the XR (GKE allows 40 characters).
    Patch.fromCompositeFieldPath(xr => xr.metadata.name, EXTERNAL_NAME),
    Patch.fromCompositeFieldPath(xr => xr.metadata.name, c => c.spec.writeConnectionSecretToRef.name, { transforms: [Transform.string.format('%s-gke-cluster')] }),
    Patch.fromCompositeFieldPath(xr => xr.spec.parameters.releaseChannel, c => c.spec.forProvider.releaseChannel.channel),
    Patch.fromCompositeFieldPath(xr => xr.spec.parameters.deletionProtection, c => c.spec.forProvider.deletionProtection),
    Patch.fromCompositeFieldPath(xr => xr.spec.parameters.network.masterCidr, c => c.spec.forProvider.privateClusterConfig.masterIpv4CidrBlock),
    Patch.fromCompositeFieldPath(xr => xr.spec.parameters.network.authorizedNetworks, c => c.spec.forProvider.masterAuthorizedNetworksConfig.cidrBlocks),
    Patch.toCompositeFieldPath(c => c.status.atProvider.endpoint, xr => xr.status.endpoint),
    Patch.toCompositeFieldPath(c => c.status.atProvider.id, xr => xr.status.clusterId),
    Patch.toCompositeFieldPath(c => c.status.atProvider.masterVersion, xr => xr.status.masterVersion),
    Patch.toCompositeFieldPath(EXTERNAL_NAME, xr => xr.status.clusterName),
  ];
}

/**
 * The kubeconfig the provider publishes for the cluster, plus endpoint and CA for tools that
 * build their own. P&T gathers them into the XR's connection Secret (reference §3.10).
 */
function clusterConnectionDetails(): ConnectionDetail<ClusterProps>[] {
  return [
    ConnectionDetail.fromConnectionSecretKey('kubeconfig', 'kubeconfig'),
    ConnectionDetail.fromFieldPath('endpoint', c => c.status.atProvider.endpoint),
    ConnectionDetail.fromFieldPath('clusterCaCertificate', c => c.status.atProvider.masterAuth.clusterCaCertificate),
  ];
}

/**
 * A Standard cluster without its default node pool, and one autoscaled node pool: secure
 * defaults fixed in the bases, the team's choices patched in.
 */
export function composeStandardCluster(comp: Composition<GkeClusterXr>, kinds: GkeKinds, flavour: ManagedFlavour): void {
  const { providerConfigRef } = flavour;
  const shielded = { enableSecureBoot: true, enableIntegrityMonitoring: true };
  const cluster = comp.addResource('cluster', kinds.Cluster, {
    spec: {
      forProvider: {
        ...clusterBase(),
        // GKE always creates a default pool; it is removed at once in favour of the managed pool below.
        removeDefaultNodePool: true,
        initialNodeCount: 1,
        // ...and even that short-lived pool must not run as the default compute account.
        nodeConfig: { shieldedInstanceConfig: shielded, oauthScopes: [CLOUD_PLATFORM_SCOPE], workloadMetadataConfig: { mode: 'GKE_METADATA' } },
        enableShieldedNodes: true,
        datapathProvider: 'ADVANCED_DATAPATH',
        workloadIdentityConfig: {},
        loggingConfig: { enableComponents: ['SYSTEM_COMPONENTS', 'WORKLOADS'] },
        monitoringConfig: { enableComponents: ['SYSTEM_COMPONENTS'], managedPrometheus: { enabled: true } },
      },
      providerConfigRef,
      writeConnectionSecretToRef: clusterSecretRef(flavour),
    },
  }, { connectionDetails: clusterConnectionDetails() });
  cluster.addPatch(
    ...clusterPatches(),
    Patch.fromCompositeFieldPath(xr => xr.spec.parameters.project, c => c.spec.forProvider.workloadIdentityConfig.workloadPool, {
      transforms: [Transform.string.format('%s.svc.id.goog')],
    }),
    Patch.fromCompositeFieldPath(xr => xr.status.nodeServiceAccount, c => c.spec.forProvider.nodeConfig.serviceAccount, {
      fromFieldPathPolicy: FromFieldPathPolicy.REQUIRED,
    }),
  );

  const pool = comp.addResource('node-pool', kinds.NodePool, {
    // A short, stable GKE name for the pool; the managed resource's own name is Crossplane's.
    metadata: { annotations: { 'crossplane.io/external-name': 'primary' } },
    spec: {
      forProvider: {
        clusterSelector: { matchControllerRef: true },
        management: { autoRepair: true, autoUpgrade: true },
        autoscaling: { locationPolicy: 'BALANCED' },
        upgradeSettings: { strategy: 'SURGE', maxSurge: 1, maxUnavailable: 0 },
        nodeConfig: {
          imageType: 'COS_CONTAINERD',
          diskType: 'pd-balanced',
          diskSizeGb: 100,
          oauthScopes: [CLOUD_PLATFORM_SCOPE],
          shieldedInstanceConfig: shielded,
          // Pods see the GKE metadata server (Workload Identity), never the node's credentials.
          workloadMetadataConfig: { mode: 'GKE_METADATA' },
          metadata: { 'disable-legacy-endpoints': 'true' },
        },
      },
      providerConfigRef,
    },
  });
  const size = <K extends 'machineType' | 'minCount' | 'maxCount'>(key: K) =>
    Transform.map(Object.fromEntries(Object.entries(SIZE_CLASSES).map(([name, c]) => [name, c[key]])));
  pool.addPatch(
    Patch.patchSet('managed'), Patch.patchSet('project'),
    Patch.fromCompositeFieldPath(xr => xr.spec.parameters.region, p => p.spec.forProvider.location),
    // The size class first, then the team's explicit overrides (patches apply in order; a
    // missing override is skipped).
    Patch.fromCompositeFieldPath(xr => xr.spec.parameters.size, p => p.spec.forProvider.nodeConfig.machineType, { transforms: [size('machineType')] }),
    Patch.fromCompositeFieldPath(xr => xr.spec.parameters.size, p => p.spec.forProvider.autoscaling.minNodeCount, { transforms: [size('minCount')] }),
    Patch.fromCompositeFieldPath(xr => xr.spec.parameters.size, p => p.spec.forProvider.autoscaling.maxNodeCount, { transforms: [size('maxCount')] }),
    Patch.fromCompositeFieldPath(xr => xr.spec.parameters.size, p => p.spec.forProvider.initialNodeCount, { transforms: [size('minCount')] }),
    Patch.fromCompositeFieldPath(xr => xr.spec.parameters.nodes.machineType, p => p.spec.forProvider.nodeConfig.machineType),
    Patch.fromCompositeFieldPath(xr => xr.spec.parameters.nodes.minCount, p => p.spec.forProvider.autoscaling.minNodeCount),
    Patch.fromCompositeFieldPath(xr => xr.spec.parameters.nodes.maxCount, p => p.spec.forProvider.autoscaling.maxNodeCount),
    Patch.fromCompositeFieldPath(xr => xr.status.nodeServiceAccount, p => p.spec.forProvider.nodeConfig.serviceAccount, {
      fromFieldPathPolicy: FromFieldPathPolicy.REQUIRED,
    }),
    Patch.toCompositeFieldPath(p => p.status.atProvider.version, xr => xr.status.nodePool.version),
    Patch.toCompositeFieldPath(p => p.status.atProvider.instanceGroupUrls, xr => xr.status.nodePool.instanceGroupUrls),
  );
}

/**
 * An Autopilot cluster: Google runs the nodes (shielded, auto-repaired, auto-upgraded, Workload
 * Identity and Dataplane V2 are always on), billed per pod. Size class and node bounds do not
 * apply; the nodes still run as the least-privilege account.
 */
export function composeAutopilotCluster(comp: Composition<GkeClusterXr>, kinds: GkeKinds, flavour: ManagedFlavour): void {
  const cluster = comp.addResource('cluster', kinds.Cluster, {
    spec: {
      forProvider: {
        ...clusterBase(),
        enableAutopilot: true,
        clusterAutoscaling: { autoProvisioningDefaults: { oauthScopes: [CLOUD_PLATFORM_SCOPE] } },
      },
      providerConfigRef: flavour.providerConfigRef,
      writeConnectionSecretToRef: clusterSecretRef(flavour),
    },
  }, { connectionDetails: clusterConnectionDetails() });
  cluster.addPatch(
    ...clusterPatches(),
    Patch.fromCompositeFieldPath(xr => xr.status.nodeServiceAccount, c => c.spec.forProvider.clusterAutoscaling.autoProvisioningDefaults.serviceAccount, {
      fromFieldPathPolicy: FromFieldPathPolicy.REQUIRED,
    }),
  );
}

/** Both families' deletion patches, kept beside each other so the difference is visible. */
export const DELETION = {
  /**
   * Namespaced managed resources have no `deletionPolicy` (reference §5): Orphan means every
   * management policy except Delete.
   */
  namespaced: Patch.fromCompositeFieldPath<GkeClusterXr>(xr => xr.spec.parameters.deletionPolicy, 'spec.managementPolicies', {
    transforms: [Transform.map({ Delete: ['*'], Orphan: ['Observe', 'Create', 'Update', 'LateInitialize'] })],
  }),
  /** Cluster-scoped managed resources still take `spec.deletionPolicy` directly. */
  clusterScoped: Patch.fromCompositeFieldPath<GkeClusterXr>(xr => xr.spec.parameters.deletionPolicy, 'spec.deletionPolicy'),
} as const;

