/**
 * A CycloneDX 1.6 SBOM of a built Configuration package: the package itself (its image digest
 * and the digest of every layer) and each package it depends on (`spec.dependsOn` of
 * `crossplane.yaml`), with the exact digest when pinned and the semver constraint otherwise.
 * Crossplane resolves constraints at install time, so a constraint is all the package can say
 * about those versions; pin digests (`ConfigurationPackage` `pinDigests`) for an SBOM that names
 * exact images.
 *
 * Format: https://cyclonedx.org/docs/1.6/json/ (schema shipped in @cyclonedx/cyclonedx-library,
 * which the tests validate against). Package URLs follow the `oci` type of the purl spec
 * (`pkg:oci/<name>@<digest>?repository_url=<repository>`).
 *
 * Deterministic: no timestamp and no serial number unless given, so the same package gives the
 * same SBOM.
 */
import type { ObjectValue } from '../engine/go/values';
import type { Xpkg } from './xpkg';

/** Options of {@link xpkgSbom}. */
export interface XpkgSbomOptions {
  /** The tool that built the package, recorded in `metadata.tools`. */
  readonly tool: { readonly name: string; readonly version: string };
  /**
   * Where the package is pushed, without tag (`xpkg.example.org/platform/platform-example`), for
   * the package's purl.
   *
   * @default - the purl names the package by its metadata.name only
   */
  readonly repository?: string;
  /**
   * `metadata.timestamp`, ISO 8601.
   *
   * @default - none, so the SBOM is the same from build to build
   */
  readonly timestamp?: string;
  /**
   * `serialNumber`, `urn:uuid:...`.
   *
   * @default - none, so the SBOM is the same from build to build
   */
  readonly serialNumber?: string;
}

const DIGEST = /^sha256:([0-9a-f]{64})$/;

/** One dependency of `crossplane.yaml`, in the preferred or the deprecated form. */
interface Dependency {
  kind: string;
  package: string;
  version: string;
}

function dependenciesOf(meta: ObjectValue): Dependency[] {
  const spec = (meta.spec ?? {}) as ObjectValue;
  const deps = Array.isArray(spec.dependsOn) ? (spec.dependsOn as ObjectValue[]) : [];
  return deps.map((d) => {
    // The deprecated forms name the kind by their key (provider:, function:, configuration:).
    const legacy = (['provider', 'function', 'configuration'] as const).find((k) => typeof d[k] === 'string');
    const kind = typeof d.kind === 'string' ? d.kind : legacy ? legacy[0].toUpperCase() + legacy.slice(1) : 'Package';
    return { kind, package: String(d.package ?? (legacy ? d[legacy] : '')), version: String(d.version ?? '') };
  });
}

function purl(repository: string, digest?: string): string {
  const name = repository.split('/').pop()!;
  const version = digest ? `@${encodeURIComponent(digest)}` : '';
  return `pkg:oci/${name}${version}?repository_url=${encodeURIComponent(repository)}`;
}

/** The SBOM of `pkg` as a CycloneDX 1.6 JSON object. */
export function xpkgSbom(pkg: Xpkg, options: XpkgSbomOptions): Record<string, unknown> {
  const rootRef = `pkg:${pkg.name}`;
  const hex = DIGEST.exec(pkg.pushedDigest)![1];
  const root: Record<string, unknown> = {
    'type': 'application',
    'bom-ref': rootRef,
    'name': pkg.name,
    'version': pkg.pushedDigest,
    'description': 'Crossplane Configuration package',
    'hashes': [{ alg: 'SHA-256', content: hex }],
    'purl': options.repository ? purl(options.repository, pkg.pushedDigest) : `pkg:oci/${pkg.name}@${encodeURIComponent(pkg.pushedDigest)}`,
    'properties': [
      { name: 'crossplane:package:kind', value: String(pkg.meta.kind) },
      { name: 'crossplane:xpkg:digest', value: pkg.digest },
      { name: 'crossplane:xpkg:config', value: pkg.config.digest },
      { name: 'crossplane:xpkg:layer', value: pkg.layer.digest },
      { name: 'crossplane:xpkg:layer:diffID', value: pkg.layer.diffId },
      ...crossplaneConstraint(pkg.meta),
    ],
  };
  const components = dependenciesOf(pkg.meta).map((d) => {
    const pinned = DIGEST.exec(d.version);
    const ref = `dep:${d.kind}:${d.package}`;
    const c: Record<string, unknown> = {
      'type': 'application',
      'bom-ref': ref,
      'group': d.package.split('/').slice(0, -1).join('/'),
      'name': d.package.split('/').pop(),
      ...(pinned ? { version: d.version, hashes: [{ alg: 'SHA-256', content: pinned[1] }] } : {}),
      'scope': 'required',
      'purl': purl(d.package, pinned ? d.version : undefined),
      'properties': [
        { name: 'crossplane:package:kind', value: d.kind },
        pinned ? { name: 'crossplane:dependency:digest', value: d.version } : { name: 'crossplane:dependency:constraint', value: d.version },
      ],
    };
    return c;
  });
  const metadata: Record<string, unknown> = {
    ...(options.timestamp ? { timestamp: options.timestamp } : {}),
    tools: { components: [{ type: 'application', name: options.tool.name, version: options.tool.version }] },
    component: root,
  };
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    ...(options.serialNumber ? { serialNumber: options.serialNumber } : {}),
    version: 1,
    metadata,
    components,
    dependencies: [
      { ref: rootRef, dependsOn: components.map((c) => c['bom-ref']) },
      ...components.map((c) => ({ ref: c['bom-ref'], dependsOn: [] })),
    ],
  };
}

function crossplaneConstraint(meta: ObjectValue): Array<{ name: string; value: string }> {
  const v = ((meta.spec as ObjectValue | undefined)?.crossplane as ObjectValue | undefined)?.version;
  return typeof v === 'string' ? [{ name: 'crossplane:version:constraint', value: v }] : [];
}
