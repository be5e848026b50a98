import { Chart, ChartProps } from 'cdk8s';
import { Construct } from 'constructs';
import { GkeClusterApi } from './gke-api';
import { ClusterScopedGkeClusterApi } from './gke-cluster-scoped-api';

/**
 * The GKE platform chart: the namespaced `GKECluster` API (Standard and Autopilot
 * Compositions) and its cluster-scoped twin `XGKECluster`. What `examples/main.ts` synthesizes.
 */
export class GkePlatform extends Chart {
  /** The namespaced API (Crossplane v2, `.m.` managed resources). */
  public readonly gke: GkeClusterApi;
  /** The cluster-scoped API (cluster-scoped `v1beta2` managed resources). */
  public readonly clusterScoped: ClusterScopedGkeClusterApi;

  public constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    this.gke = new GkeClusterApi(this, 'GKECluster');
    this.clusterScoped = new ClusterScopedGkeClusterApi(this, 'XGKECluster');
  }
}
