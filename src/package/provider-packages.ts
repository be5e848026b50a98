/**
 * Which provider package serves an API group, for a Configuration's `dependsOn` (reference §6.1,
 * §7). Constraints are the provider releases our imported CRDs come from (shared/crds
 * SOURCES.md): upjet GCP v3.0.0 (the first serving only v1beta2 cluster kinds), AWS v2.6.0,
 * Azure v2.7.0, provider-kubernetes v1.2.1, provider-helm v1.4.0 (both v1.x ship the `.m.` groups).
 */

/** A provider package and the version constraint a Configuration depends on. */
export interface ProviderPackage {
  /** Fully qualified package without tag, e.g. `xpkg.upbound.io/upbound/provider-gcp-compute`. */
  readonly package: string;
  /** Semver constraint, e.g. `>=v3.0.0`. */
  readonly version: string;
  /**
   * Image digest (`sha256:<64 hex>`) the Configuration pins when `pinDigests` is set.
   *
   * @default - none: the dependency keeps its semver constraint
   */
  readonly digest?: string;
}

const UPJET_CONSTRAINT: Readonly<Record<string, string>> = { gcp: '>=v3.0.0', aws: '>=v2.6.0', azure: '>=v2.7.0' };

/** Groups that do not follow the `<service>.<provider>[.m].upbound.io` rule. */
const SPECIAL: Readonly<Record<string, ProviderPackage>> = {
  'kubernetes.crossplane.io': { package: 'xpkg.crossplane.io/crossplane-contrib/provider-kubernetes', version: '>=v1.2.1' },
  'helm.crossplane.io': { package: 'xpkg.crossplane.io/crossplane-contrib/provider-helm', version: '>=v1.4.0' },
};

/**
 * The provider package serving `group`, or undefined when unknown (the XR groups of your own
 * XRDs, core Kubernetes groups): upjet family members for `<service>.<provider>[.m].upbound.io`,
 * the family package for `<provider>[.m].upbound.io` (ProviderConfigs), contrib providers for
 * `kubernetes`/`helm`.
 */
export function providerPackageFor(group: string): ProviderPackage | undefined {
  const g = group.replace(/\.m\.(upbound\.io|crossplane\.io)$/, '.$1');
  if (SPECIAL[g]) return SPECIAL[g];
  const family = /^([a-z0-9]+)\.upbound\.io$/.exec(g);
  if (family && UPJET_CONSTRAINT[family[1]]) {
    return { package: `xpkg.upbound.io/upbound/provider-family-${family[1]}`, version: UPJET_CONSTRAINT[family[1]] };
  }
  const member = /^([a-z0-9-]+)\.([a-z0-9]+)\.upbound\.io$/.exec(g);
  if (member && UPJET_CONSTRAINT[member[2]]) {
    return { package: `xpkg.upbound.io/upbound/provider-${member[2]}-${member[1]}`, version: UPJET_CONSTRAINT[member[2]] };
  }
  return undefined;
}
