/**
 * The security baseline of the GKE API as named checks over rendered resources (the output of
 * `render()` / `renderComposition()`), so a test proves that what the Composition composes is
 * secure, not only that the TypeScript says so. Each check returns a message naming the
 * resource and the field at fault, or `undefined` when it passes.
 */
import { NODE_ROLES } from './gke-resources';

/** A rendered Kubernetes object. */
export type RenderedObject = Record<string, any>;

/** One named property of the baseline. */
export interface SecurityCheck {
  /** Stable name, e.g. `private-nodes`. */
  readonly name: string;
  /** What the check asserts and why it matters. */
  readonly description: string;
  /** `undefined` when the resources pass; else what is wrong, naming resource and field. */
  check(resources: readonly RenderedObject[]): string | undefined;
}

const CONTAINER_GROUPS = ['container.gcp.m.upbound.io', 'container.gcp.upbound.io'];
const DEFAULT_COMPUTE_SA = /-compute@developer\.gserviceaccount\.com$/;

const group = (o: RenderedObject): string => String(o.apiVersion ?? '').split('/')[0];
const ofKind = (resources: readonly RenderedObject[], kind: string): RenderedObject[] =>
  resources.filter(r => r.kind === kind && CONTAINER_GROUPS.includes(group(r)));

/** `kind 'composition-resource-name'`: how the composition author knows the resource. */
function label(o: RenderedObject): string {
  const name = o.metadata?.annotations?.['crossplane.io/composition-resource-name'] ?? o.metadata?.name ?? '?';
  return `${o.kind} '${name}'`;
}

/** The value at a dotted path (no indexes needed here). */
function get(o: RenderedObject, path: string): unknown {
  return path.split('.').reduce<any>((v, k) => (v === undefined || v === null ? undefined : v[k]), o);
}

function show(v: unknown): string {
  return v === undefined ? 'nothing' : JSON.stringify(v);
}

/**
 * Runs `expect` on `path` of every resource of `kind`; collects one message per failing
 * resource. A baseline about clusters fails when no cluster was composed at all.
 */
function each(resources: readonly RenderedObject[], kind: 'Cluster' | 'NodePool', path: string, want: string, ok: (v: unknown) => boolean): string | undefined {
  const list = ofKind(resources, kind);
  if (list.length === 0) return `no ${kind} was composed: render with observed resources so the ${kind} is composed`;
  const bad = list.filter(r => !ok(get(r, path))).map(r => `${label(r)} ${path} must be ${want}, got ${show(get(r, path))}`);
  return bad.length > 0 ? bad.join('; ') : undefined;
}

const isTrue = (v: unknown): boolean => v === true;
const isFalse = (v: unknown): boolean => v === false;
const first = (...results: (string | undefined)[]): string | undefined => results.filter(r => r !== undefined).join('; ') || undefined;

/** The GKE security baseline, checked over rendered resources. */
export const SECURITY_CHECKS: readonly SecurityCheck[] = [
  {
    name: 'private-nodes',
    description: 'Nodes have no public IP addresses.',
    check: rs => each(rs, 'Cluster', 'spec.forProvider.privateClusterConfig.enablePrivateNodes', 'true', isTrue),
  },
  {
    name: 'master-authorized-networks',
    description: 'The control plane endpoint only accepts listed ranges, never the whole internet.',
    check: rs => first(
      each(rs, 'Cluster', 'spec.forProvider.masterAuthorizedNetworksConfig', 'set (an object)', v => typeof v === 'object' && v !== null),
      each(rs, 'Cluster', 'spec.forProvider.masterAuthorizedNetworksConfig.cidrBlocks', 'free of /0 ranges',
        v => !Array.isArray(v) || v.every(b => !String(b?.cidrBlock).endsWith('/0'))),
    ),
  },
  {
    name: 'workload-identity',
    description: 'Pods get Google identities through Workload Identity, never the node\'s credentials.',
    check: rs => first(
      each(rs, 'Cluster', 'spec.forProvider.workloadIdentityConfig.workloadPool', "'<project>.svc.id.goog'", v => typeof v === 'string' && v.endsWith('.svc.id.goog')),
      each(rs, 'NodePool', 'spec.forProvider.nodeConfig.workloadMetadataConfig.mode', "'GKE_METADATA'", v => v === 'GKE_METADATA'),
    ),
  },
  {
    name: 'shielded-nodes',
    description: 'Nodes are Shielded VMs with secure boot and integrity monitoring.',
    check: rs => first(
      each(rs, 'Cluster', 'spec.forProvider.enableShieldedNodes', 'true', isTrue),
      each(rs, 'NodePool', 'spec.forProvider.nodeConfig.shieldedInstanceConfig.enableSecureBoot', 'true', isTrue),
      each(rs, 'NodePool', 'spec.forProvider.nodeConfig.shieldedInstanceConfig.enableIntegrityMonitoring', 'true', isTrue),
    ),
  },
  {
    name: 'no-default-service-account',
    description: 'Nodes run as a dedicated account, never the Compute Engine default account (a project Editor).',
    check: rs => {
      const dedicated = (v: unknown) => typeof v === 'string' && v !== '' && v !== 'default' && !DEFAULT_COMPUTE_SA.test(v);
      return first(
        each(rs, 'NodePool', 'spec.forProvider.nodeConfig.serviceAccount', 'a dedicated service account email', dedicated),
        // The cluster's default pool exists for a moment before removal: it must not use the default account either.
        each(rs, 'Cluster', 'spec.forProvider.nodeConfig.serviceAccount', 'a dedicated service account email', dedicated),
      );
    },
  },
  {
    name: 'least-privilege-node-roles',
    description: 'The node account holds only the roles nodes need.',
    check: rs => {
      const allowed: readonly string[] = NODE_ROLES;
      const bad = rs.filter(r => r.kind === 'ProjectIAMMember' && !allowed.includes(r.spec?.forProvider?.role))
        .map(r => `${label(r)} spec.forProvider.role must be one of ${allowed.join(', ')}, got ${show(r.spec?.forProvider?.role)}`);
      return bad.length > 0 ? bad.join('; ') : undefined;
    },
  },
  {
    name: 'release-channel',
    description: 'The cluster is enrolled in a release channel, so Google keeps it patched.',
    check: rs => each(rs, 'Cluster', 'spec.forProvider.releaseChannel.channel', 'RAPID, REGULAR or STABLE', v => ['RAPID', 'REGULAR', 'STABLE'].includes(v as string)),
  },
  {
    name: 'network-policy',
    description: 'Network policies are enforced: Dataplane V2 (ADVANCED_DATAPATH) or the network policy add-on.',
    check: rs => each(rs, 'Cluster', 'spec.forProvider', "datapathProvider 'ADVANCED_DATAPATH' or networkPolicy.enabled true", v => {
      const fp = v as RenderedObject | undefined;
      return fp?.datapathProvider === 'ADVANCED_DATAPATH' || fp?.networkPolicy?.enabled === true;
    }),
  },
  {
    name: 'legacy-abac-off',
    description: 'Legacy ABAC is off: authorization goes through RBAC only.',
    check: rs => each(rs, 'Cluster', 'spec.forProvider.enableLegacyAbac', 'false', isFalse),
  },
  {
    name: 'client-certificate-off',
    description: 'No client certificate (the remaining form of basic authentication in the provider schema).',
    check: rs => each(rs, 'Cluster', 'spec.forProvider.masterAuth.clientCertificateConfig.issueClientCertificate', 'false', isFalse),
  },
  {
    name: 'node-auto-repair-and-upgrade',
    description: 'Node pools repair and upgrade themselves.',
    check: rs => first(
      each(rs, 'NodePool', 'spec.forProvider.management.autoRepair', 'true', isTrue),
      each(rs, 'NodePool', 'spec.forProvider.management.autoUpgrade', 'true', isTrue),
    ),
  },
  {
    name: 'logging-and-monitoring',
    description: 'System and workload logs and system metrics go to Cloud Logging and Monitoring.',
    check: rs => {
      const has = (...wanted: string[]) => (v: unknown) => Array.isArray(v) && wanted.every(w => v.includes(w));
      return first(
        each(rs, 'Cluster', 'spec.forProvider.loggingConfig.enableComponents', "a list with 'SYSTEM_COMPONENTS' and 'WORKLOADS'", has('SYSTEM_COMPONENTS', 'WORKLOADS')),
        each(rs, 'Cluster', 'spec.forProvider.monitoringConfig.enableComponents', "a list with 'SYSTEM_COMPONENTS'", has('SYSTEM_COMPONENTS')),
      );
    },
  },
];

/** Runs every check; returns the failures as `<check name>: <message>`. */
export function securityFindings(resources: readonly RenderedObject[]): string[] {
  return SECURITY_CHECKS.flatMap(c => {
    const message = c.check(resources);
    return message === undefined ? [] : [`${c.name}: ${message}`];
  });
}
