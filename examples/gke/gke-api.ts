/**
 * The GKE cluster API for Crossplane v2: a team applies a `GKECluster` in its own namespace and
 * gets a private, hardened regional cluster with its network, its node identity and a
 * kubeconfig Secret beside the XR.
 */
import { Construct } from 'constructs';
import { Composition, CompositeResourceDefinition } from 'cdk8s-crossplane';
import {
  addPatchSets, composeAutopilotCluster, composeNetwork, composeNodeServiceAccount, composeStandardCluster, DELETION, ManagedFlavour,
  NAMESPACED_KINDS,
} from './gke-resources';
import { GkeClusterXr, gkeSpec, gkeStatus } from './gke-schema';

/** The group of the example's platform APIs. */
export const GROUP = 'platform.example.org';

/**
 * Namespaced managed resources name the kind of their ProviderConfig (reference §5); the name
 * is patched from `providerConfigName`. Deletion maps to management policies.
 */
const NAMESPACED: ManagedFlavour = {
  providerConfigRef: { kind: 'ClusterProviderConfig', name: 'default' },
  deletion: DELETION.namespaced,
};

/** The `GKECluster` XRD and its two Compositions, added to `scope`. */
export class GkeClusterApi extends Construct {
  /** The XRD `gkeclusters.platform.example.org` (Namespaced, v1alpha1). */
  public readonly xrd: CompositeResourceDefinition<typeof gkeSpec, typeof gkeStatus>;
  /** The default Composition: a Standard cluster with one autoscaled node pool (label `mode: standard`). */
  public readonly standard: Composition<GkeClusterXr>;
  /** Autopilot: Google manages the nodes (label `mode: autopilot`). */
  public readonly autopilot: Composition<GkeClusterXr>;

  public constructor(scope: Construct, id: string) {
    super(scope, id);
    this.xrd = new CompositeResourceDefinition(this, 'Definition', {
      group: GROUP,
      names: { kind: 'GKECluster', plural: 'gkeclusters' },
      version: 'v1alpha1',
      spec: gkeSpec,
      status: gkeStatus,
      // XRs without a selector get a Standard cluster; Crossplane would otherwise pick one of
      // the two Compositions at random (reference §2.1).
      defaultCompositionRef: { name: `gkeclusters.${GROUP}` },
    });

    // Both Compositions compose the same network and node identity; they differ in who runs the
    // nodes. XRs choose with spec.crossplane.compositionSelector.matchLabels.mode.
    this.standard = new Composition(this, 'Standard', { xrd: this.xrd, labels: { provider: 'gcp', mode: 'standard' } });
    this.autopilot = new Composition(this, 'Autopilot', {
      xrd: this.xrd, name: `gkeclusters-autopilot.${GROUP}`, labels: { provider: 'gcp', mode: 'autopilot' },
    });
    for (const comp of [this.standard, this.autopilot]) {
      addPatchSets(comp, NAMESPACED);
      composeNetwork(comp, NAMESPACED_KINDS, NAMESPACED);
      composeNodeServiceAccount(comp, NAMESPACED_KINDS, NAMESPACED);
    }
    composeStandardCluster(this.standard, NAMESPACED_KINDS, NAMESPACED);
    composeAutopilotCluster(this.autopilot, NAMESPACED_KINDS, NAMESPACED);
  }
}
