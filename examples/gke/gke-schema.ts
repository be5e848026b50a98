/**
 * The schema of the GKE cluster API, written once: it is the XRD's `openAPIV3Schema` (defaults,
 * enums, patterns and CEL rules enforced by the API server before any Composition runs) and the
 * TypeScript type that the patch lambdas of both Compositions are checked against.
 */
import { CompositeResource, Schema, Static } from 'cdk8s-crossplane';

/** The size classes a team picks from; the Compositions map each to machine type and node counts. */
export const SIZES = ['small', 'medium', 'large'] as const;

/**
 * What each size class means. Kept in one table so the map transforms and the docs agree; an
 * explicit `nodes.machineType` / `nodes.minCount` / `nodes.maxCount` in the XR wins over it.
 * Counts are per zone: a regional cluster runs them in each of the region's zones.
 */
export const SIZE_CLASSES: Readonly<Record<(typeof SIZES)[number], { machineType: string; minCount: number; maxCount: number }>> = {
  small: { machineType: 'e2-standard-2', minCount: 1, maxCount: 3 },
  medium: { machineType: 'e2-standard-4', minCount: 1, maxCount: 6 },
  large: { machineType: 'n2-standard-8', minCount: 2, maxCount: 20 },
};

const IPV4_CIDR = '^([0-9]{1,3}\\.){3}[0-9]{1,3}/([0-9]|[12][0-9]|3[0-2])$';

/** The `spec` of a GKE cluster XR: what a team asks for. */
export const gkeSpec = Schema.object({
  parameters: Schema.object({
    project: Schema.string({
      description: 'GCP project id the cluster, its network and its node service account live in.',
      // GCP's own rule for project ids, so a typo fails at `kubectl apply`, not minutes later in GCP.
      pattern: '^[a-z][a-z0-9-]{4,28}[a-z0-9]$',
    }),
    region: Schema.optional(Schema.string({
      description: 'Region of the (regional) cluster, its subnetwork, router and NAT.',
      pattern: '^[a-z]+-[a-z]+[0-9]+$',
      default: 'europe-west1',
    })),
    size: Schema.optional(Schema.string({
      enum: SIZES,
      default: 'small',
      description: 'Size class: small (e2-standard-2, 1-3 nodes per zone), medium (e2-standard-4, 1-6), large (n2-standard-8, 2-20).',
    })),
    releaseChannel: Schema.optional(Schema.string({
      enum: ['RAPID', 'REGULAR', 'STABLE'],
      default: 'REGULAR',
      description: 'GKE release channel: Google upgrades control plane and nodes within it.',
    })),
    nodes: Schema.optional(Schema.object({
      minCount: Schema.optional(Schema.integer({ minimum: 0, maximum: 100, description: 'Autoscaler lower bound per zone; overrides the size class.' })),
      maxCount: Schema.optional(Schema.integer({ minimum: 1, maximum: 100, description: 'Autoscaler upper bound per zone; overrides the size class.' })),
      machineType: Schema.optional(Schema.string({
        pattern: '^[a-z0-9]+-[a-z0-9-]+$',
        description: 'Compute Engine machine type of the nodes (e.g. n2-highmem-4); overrides the size class.',
      })),
    }, {
      default: {},
      description: 'Overrides of the size class for the node pool.',
      validations: [{
        rule: '!has(self.minCount) || !has(self.maxCount) || self.minCount <= self.maxCount',
        message: 'nodes.minCount must not exceed nodes.maxCount',
      }],
    })),
    network: Schema.optional(Schema.object({
      nodeCidr: Schema.optional(Schema.string({ pattern: IPV4_CIDR, default: '10.0.0.0/20', description: 'Primary range of the subnetwork: node IPs.' })),
      podsCidr: Schema.optional(Schema.string({ pattern: IPV4_CIDR, default: '10.4.0.0/14', description: 'Secondary range "pods".' })),
      servicesCidr: Schema.optional(Schema.string({ pattern: IPV4_CIDR, default: '10.8.0.0/20', description: 'Secondary range "services".' })),
      masterCidr: Schema.optional(Schema.string({
        // GKE requires exactly a /28 for the private control plane's peering range.
        pattern: '^([0-9]{1,3}\\.){3}[0-9]{1,3}/28$',
        default: '172.16.0.0/28',
        description: 'The /28 range of the private control plane endpoint.',
      })),
      authorizedNetworks: Schema.optional(Schema.array(Schema.object({
        cidrBlock: Schema.string({ pattern: IPV4_CIDR, description: 'A range allowed to reach the control plane.' }),
        displayName: Schema.optional(Schema.string({ maxLength: 63, description: 'What the range is (office, CI runners...).' })),
      }), {
        default: [],
        maxItems: 50,
        description: 'Ranges allowed to reach the control plane endpoint; empty means none from outside Google Cloud.',
        validations: [{ rule: "self.all(n, !n.cidrBlock.endsWith('/0'))", message: 'authorizedNetworks must not open the control plane to the whole internet (/0)' }],
      })),
    }, {
      default: {},
      description: 'IP ranges of the cluster network.',
      validations: [{
        rule: 'self.nodeCidr != self.podsCidr && self.nodeCidr != self.servicesCidr && self.podsCidr != self.servicesCidr',
        message: 'nodeCidr, podsCidr and servicesCidr must differ',
      }],
    })),
    deletionPolicy: Schema.optional(Schema.string({
      enum: ['Delete', 'Orphan'],
      default: 'Delete',
      description: 'Whether deleting the XR deletes the GCP resources (Delete) or leaves them running (Orphan).',
    })),
    deletionProtection: Schema.optional(Schema.boolean({
      default: true,
      description: 'GKE deletion protection: the cluster cannot be deleted until this is set to false.',
    })),
    providerConfigName: Schema.optional(Schema.string({ default: 'default', description: 'ClusterProviderConfig (or ProviderConfig) holding the GCP credentials.' })),
  }, {
    description: 'What the team chooses; everything else (private nodes, Workload Identity, shielded nodes, least-privilege node account...) is fixed by the platform.',
  }),
});

/** The `status` a GKE cluster XR reports back. */
export const gkeStatus = Schema.object({
  clusterName: Schema.optional(Schema.string({ description: 'Name of the GKE cluster in GCP.' })),
  clusterId: Schema.optional(Schema.string({ description: 'Id of the cluster (projects/.../locations/.../clusters/...).' })),
  endpoint: Schema.optional(Schema.string({ description: 'IP address of the control plane endpoint.' })),
  masterVersion: Schema.optional(Schema.string({ description: 'Kubernetes version of the control plane.' })),
  nodeServiceAccount: Schema.optional(Schema.string({ description: 'Email of the least-privilege service account the nodes run as.' })),
  nodePool: Schema.optional(Schema.object({
    version: Schema.optional(Schema.string({ description: 'Kubernetes version of the nodes.' })),
    instanceGroupUrls: Schema.optional(Schema.array(Schema.string(), { description: 'Managed instance groups of the pool.' })),
  }, { description: 'The primary node pool (Standard clusters only).' })),
  networkSelfLink: Schema.optional(Schema.string({ description: 'Self link of the VPC network.' })),
});

/** The static type of a GKE cluster XR (both scopes share it): what the patch lambdas see. */
export type GkeClusterXr = CompositeResource<Static<typeof gkeSpec>, Static<typeof gkeStatus>>;
