/**
 * The same GKE cluster API for platforms whose providers only serve cluster-scoped managed
 * resources (no `.m.` groups yet): a Cluster-scoped `XGKECluster` composing the cluster-scoped
 * kinds that provider-upjet-gcp v3 serves (container Cluster/NodePool `v1beta2`, compute
 * Network `v1beta1` and Subnetwork/Router/RouterNAT `v1beta2`, ServiceAccount `v1beta1`,
 * ProjectIAMMember `v1beta2`; reference §7).
 */
import { Construct } from 'constructs';
import * as container from 'cdk8s-crossplane/imports/container.gcp.upbound.io';
import * as compute from 'cdk8s-crossplane/imports/compute.gcp.upbound.io';
import * as cloudplatform from 'cdk8s-crossplane/imports/cloudplatform.gcp.upbound.io';
import { Composition, CompositeResourceDefinition, Patch, Transform, XrdScope } from 'cdk8s-crossplane';
import {
  addPatchSets, composeNetwork, composeNodeServiceAccount, composeStandardCluster, DELETION, GkeKinds, ManagedFlavour,
} from './gke-resources';
import { GROUP } from './gke-api';
import { GkeClusterXr, gkeSpec, gkeStatus } from './gke-schema';

/**
 * The cluster-scoped kinds. Their `forProvider` schemas equal the `.m.` ones (only `*Ref` and
 * `*Selector` lose `namespace`), so the `.m.` props types check the shared templates; the
 * synth-time path checks still run against these kinds' own CRD schemas.
 */
export const CLUSTER_SCOPED_KINDS = {
  Network: compute.Network,
  Subnetwork: compute.Subnetwork,
  Router: compute.Router,
  RouterNat: compute.RouterNat,
  ServiceAccount: cloudplatform.ServiceAccount,
  ProjectIamMember: cloudplatform.ProjectIamMember,
  Cluster: container.Cluster,
  NodePool: container.NodePool,
} as unknown as GkeKinds;

/** Where the connection Secrets of cluster-scoped XRs and their Cluster go: they have no namespace of their own. */
export const CONNECTION_SECRET_NAMESPACE = 'crossplane-system';

const CLUSTER_SCOPED: ManagedFlavour = {
  providerConfigRef: { name: 'default' },
  deletion: DELETION.clusterScoped,
  connectionSecretNamespace: CONNECTION_SECRET_NAMESPACE,
};

/** The `XGKECluster` XRD (Cluster scope) and its Composition, added to `scope`. */
export class ClusterScopedGkeClusterApi extends Construct {
  /** The XRD `xgkeclusters.platform.example.org`. */
  public readonly xrd: CompositeResourceDefinition<typeof gkeSpec, typeof gkeStatus>;
  /** The Composition: a Standard cluster with one node pool, as the namespaced default. */
  public readonly composition: Composition<GkeClusterXr>;

  public constructor(scope: Construct, id: string) {
    super(scope, id);
    this.xrd = new CompositeResourceDefinition(this, 'Definition', {
      group: GROUP,
      names: { kind: 'XGKECluster', plural: 'xgkeclusters' },
      version: 'v1alpha1',
      scope: XrdScope.CLUSTER,
      spec: gkeSpec,
      status: gkeStatus,
    });
    this.composition = new Composition(this, 'Composition', {
      xrd: this.xrd,
      labels: { provider: 'gcp', mode: 'standard' },
      // P&T's default Secret namespace is the XR's, which a cluster-scoped XR lacks. Once the
      // input sets a namespace, P&T takes the name as given too (empty!), so the name is patched
      // (reference §3.10).
      writeConnectionSecretToRef: {
        namespace: CONNECTION_SECRET_NAMESPACE,
        patches: [Patch.fromCompositeFieldPath(xr => xr.metadata.name, ref => ref.name, { transforms: [Transform.string.format('%s-connection')] })],
      },
    });
    addPatchSets(this.composition, CLUSTER_SCOPED);
    composeNetwork(this.composition, CLUSTER_SCOPED_KINDS, CLUSTER_SCOPED);
    composeNodeServiceAccount(this.composition, CLUSTER_SCOPED_KINDS, CLUSTER_SCOPED);
    composeStandardCluster(this.composition, CLUSTER_SCOPED_KINDS, CLUSTER_SCOPED);
  }
}
