/**
 * An in-toto Statement (v1) carrying SLSA Provenance v1 for a built Configuration package: its
 * subjects are the image the registry will hold (the pushed manifest digest, which
 * `cosign attest` binds to) and the `.xpkg` file; its resolved dependencies are the source
 * commit and the lockfile that fixed every npm package of the build.
 *
 * Formats: https://github.com/in-toto/attestation/blob/main/spec/v1/statement.md and
 * https://slsa.dev/spec/v1.0/provenance. A statement a build writes about itself is SLSA Build
 * L1 at most; sign it in CI (README, "Signing and attaching") so its origin can be verified.
 */
import { createHash } from 'node:crypto';
import type { Xpkg } from './xpkg';

/** The build type of `cdk8s-crossplane package`: what `externalParameters` mean. */
export const XPKG_BUILD_TYPE = 'urn:cdk8s-crossplane:package:v1';

/** Inputs of {@link xpkgProvenance}. */
export interface XpkgProvenanceInput {
  /** The built package. */
  readonly pkg: Xpkg;
  /** File name of the `.xpkg` as written (a subject). */
  readonly fileName: string;
  /** The source: repository URI (`git+https://github.com/org/platform`) and full commit hash. */
  readonly source: { readonly uri: string; readonly commit: string };
  /** The lockfile: path as given and its content (its SHA-256 is recorded). */
  readonly lockfile: { readonly path: string; readonly content: Buffer | string };
  /** The package folder the build read, as given on the command line. */
  readonly packageDir: string;
  /** Builder: the CI system or person that ran the build, as a URI. */
  readonly builderId: string;
  /** The tool that built the package. */
  readonly tool: { readonly name: string; readonly version: string };
  /**
   * `runDetails.metadata.invocationId` (a CI run URL, for example).
   *
   * @default - none
   */
  readonly invocationId?: string;
}

const hexOf = (digest: string) => digest.slice('sha256:'.length);

/** The in-toto statement as a JSON object. */
export function xpkgProvenance(input: XpkgProvenanceInput): Record<string, unknown> {
  const fileDigest = createHash('sha256').update(input.pkg.tarball).digest('hex');
  const lockDigest = createHash('sha256').update(input.lockfile.content).digest('hex');
  return {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [
      { name: input.pkg.name, digest: { sha256: hexOf(input.pkg.pushedDigest) } },
      { name: input.fileName, digest: { sha256: fileDigest } },
    ],
    predicateType: 'https://slsa.dev/provenance/v1',
    predicate: {
      buildDefinition: {
        buildType: XPKG_BUILD_TYPE,
        externalParameters: { packageDir: input.packageDir, source: input.source.uri },
        internalParameters: { tool: `${input.tool.name}@${input.tool.version}` },
        resolvedDependencies: [
          { uri: `${input.source.uri}@${input.source.commit}`, digest: { gitCommit: input.source.commit } },
          { uri: `file:${input.lockfile.path}`, digest: { sha256: lockDigest } },
        ],
      },
      runDetails: {
        builder: { id: input.builderId },
        metadata: input.invocationId ? { invocationId: input.invocationId } : {},
        byproducts: [
          { name: 'image-manifest', digest: { sha256: hexOf(input.pkg.digest) } },
          { name: 'image-config', digest: { sha256: hexOf(input.pkg.config.digest) } },
          { name: 'package-layer', digest: { sha256: hexOf(input.pkg.layer.digest) } },
        ],
      },
    },
  };
}
