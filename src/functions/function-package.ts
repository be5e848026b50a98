import { UserError } from '../errors';

/**
 * The `spec.package` rule of `pkg.crossplane.io` Function, Provider and Configuration
 * (reference §6.2): a registry host with a dot, at least one path segment, and a tag and/or
 * a digest.
 */
export const PACKAGE_REFERENCE_PATTERN = /^[^./]+(\.[^./]+)+(\/[^/:@]+)+(:[^:@]+(@sha256.+)?|@sha256.+)$/;

/** A registry path without tag or digest: `host.with.dot/org/name`. */
const REPOSITORY_PATTERN = /^[^./]+(\.[^./]+)+(\/[^/:@]+)+$/;

/** What describes a composition function package. */
export interface FunctionPackageOptions {
  /**
   * `metadata.name` of the Function object, which Composition steps reference in
   * `functionRef.name`.
   */
  readonly name: string;
  /** Fully qualified repository without tag or digest, e.g. `xpkg.crossplane.io/crossplane-contrib/function-kcl`. */
  readonly repository: string;
  /** Tag to pull, e.g. `v0.10.8`. */
  readonly version: string;
  /**
   * Image digest (`sha256:<64 hex>`) pinned in addition to the tag.
   *
   * @default - the tag alone
   */
  readonly digest?: string;
  /**
   * `apiVersion` of the function's step input.
   *
   * @default - the function takes no typed input
   */
  readonly inputApiVersion?: string;
  /**
   * `kind` of the function's step input.
   *
   * @default - the function takes no typed input
   */
  readonly inputKind?: string;
}

/**
 * A composition function package: the name Compositions reference, where to pull it from and
 * which version. Stock functions are static members (`FunctionPackage.PATCH_AND_TRANSFORM`);
 * `FunctionPackage.of(...)` describes any other. Values are immutable: `withVersion`,
 * `withDigest` and `withName` return new values.
 */
export class FunctionPackage {
  /**
   * function-patch-and-transform, input `pt.fn.crossplane.io/v1beta1` `Resources`. v0.10.8 is
   * the newest tag in the snapshot the reference describes (reference §0).
   */
  public static readonly PATCH_AND_TRANSFORM = FunctionPackage.contrib('function-patch-and-transform', 'v0.10.8', 'pt.fn.crossplane.io/v1beta1', 'Resources');

  /**
   * function-auto-ready, input `autoready.fn.crossplane.io/v1beta1` `Input` (optional). v0.7.0
   * is the newest tag in the reference snapshot (reference §0) and in the corpus.
   */
  public static readonly AUTO_READY = FunctionPackage.contrib('function-auto-ready', 'v0.7.0', 'autoready.fn.crossplane.io/v1beta1', 'Input');

  /**
   * function-go-templating, input `gotemplating.fn.crossplane.io/v1beta1` `GoTemplate`. v0.12.2
   * is the version the function's own examples install (corpus
   * crossplane-contrib__function-go-templating/example/*\/functions.yaml).
   */
  public static readonly GO_TEMPLATING = FunctionPackage.contrib('function-go-templating', 'v0.12.2', 'gotemplating.fn.crossplane.io/v1beta1', 'GoTemplate');

  /**
   * function-environment-configs, input `environmentconfigs.fn.crossplane.io/v1beta1` `Input`.
   * v0.7.2 is the version installed by function-go-templating's environment example (corpus).
   */
  public static readonly ENVIRONMENT_CONFIGS = FunctionPackage.contrib('function-environment-configs', 'v0.7.2', 'environmentconfigs.fn.crossplane.io/v1beta1', 'Input');

  /**
   * function-kcl. Its input is `krm.kcl.dev/v1alpha1` `KCLInput`, and the function equally
   * accepts the KRM KCL spec's `KCLRun` (real Compositions use both), so no input kind is
   * enforced. The tag is not in our snapshots: v0.11.6 is the last release known to us; check
   * the registry and pin with `withVersion`.
   */
  public static readonly KCL = new FunctionPackage({ name: 'function-kcl', repository: 'xpkg.crossplane.io/crossplane-contrib/function-kcl', version: 'v0.11.6' });

  /**
   * function-sequencer, input `sequencer.fn.crossplane.io/v1beta1` `Input`. v0.1.2 is the
   * version used in the corpus (crossplane e2e manifests); newer tags may exist.
   */
  public static readonly SEQUENCER = FunctionPackage.contrib('function-sequencer', 'v0.1.2', 'sequencer.fn.crossplane.io/v1beta1', 'Input');

  /**
   * function-cel-filter, input `cel.fn.crossplane.io/v1beta1` `Filters`. The tag is not in our
   * snapshots: v0.1.2 is the last release known to us; check the registry and pin with
   * `withVersion`.
   */
  public static readonly CEL_FILTER = FunctionPackage.contrib('function-cel-filter', 'v0.1.2', 'cel.fn.crossplane.io/v1beta1', 'Filters');

  /** Every stock function, in a stable order. */
  public static readonly STOCK: readonly FunctionPackage[] = [
    FunctionPackage.PATCH_AND_TRANSFORM, FunctionPackage.AUTO_READY, FunctionPackage.GO_TEMPLATING,
    FunctionPackage.ENVIRONMENT_CONFIGS, FunctionPackage.KCL, FunctionPackage.SEQUENCER, FunctionPackage.CEL_FILTER,
  ];

  /** Describes any function package; throws a {@link UserError} for a malformed reference. */
  public static of(options: FunctionPackageOptions): FunctionPackage {
    return new FunctionPackage(options);
  }

  private static contrib(name: string, version: string, inputApiVersion: string, inputKind: string): FunctionPackage {
    return new FunctionPackage({ name, repository: `xpkg.crossplane.io/crossplane-contrib/${name}`, version, inputApiVersion, inputKind });
  }

  /** `metadata.name` of the Function object and `functionRef.name` of steps. */
  public readonly name: string;
  /** Repository without tag or digest. */
  public readonly repository: string;
  /** Tag. */
  public readonly version: string;
  /** Digest, when pinned. */
  public readonly digest?: string;
  /** `apiVersion` of the step input, when the function has one. */
  public readonly inputApiVersion?: string;
  /** `kind` of the step input, when the function has one. */
  public readonly inputKind?: string;

  private constructor(options: FunctionPackageOptions) {
    const what = `function package '${options?.name}'`;
    if (typeof options?.name !== 'string' || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(options.name) || options.name.length > 253) {
      throw new UserError(`function package name must be a DNS-1123 subdomain, got '${options?.name}': use lowercase letters, digits and '-', e.g. 'function-patch-and-transform'`);
    }
    if (typeof options.repository !== 'string' || !REPOSITORY_PATTERN.test(options.repository)) {
      throw new UserError(`${what} repository must be fully qualified without tag or digest, got '${options.repository}': `
        + 'write host.with.dot/org/name, e.g. xpkg.crossplane.io/crossplane-contrib/function-kcl');
    }
    if (typeof options.version !== 'string' || !/^[^:@/\s]+$/.test(options.version)) {
      throw new UserError(`${what} version must be a tag without ':' or '@', got '${options.version}': e.g. 'v0.10.8'`);
    }
    if (options.digest !== undefined && !/^sha256:[0-9a-f]{64}$/.test(options.digest)) {
      throw new UserError(`${what} digest must be 'sha256:' and 64 lowercase hex digits, got '${options.digest}'`);
    }
    if ((options.inputApiVersion === undefined) !== (options.inputKind === undefined)) {
      throw new UserError(`${what} inputApiVersion and inputKind must be given together, got '${options.inputApiVersion}' and '${options.inputKind}'`);
    }
    this.name = options.name;
    this.repository = options.repository;
    this.version = options.version;
    this.digest = options.digest;
    this.inputApiVersion = options.inputApiVersion;
    this.inputKind = options.inputKind;
  }

  /** The value of a Function's `spec.package`: `repository:tag`, plus `@sha256:...` when pinned. */
  public get packageReference(): string {
    return `${this.repository}:${this.version}${this.digest ? `@${this.digest}` : ''}`;
  }

  /** The same function at another tag. */
  public withVersion(version: string): FunctionPackage {
    return new FunctionPackage({ ...this.options(), version });
  }

  /** The same function pinned to a digest as well. */
  public withDigest(digest: string): FunctionPackage {
    return new FunctionPackage({ ...this.options(), digest });
  }

  /**
   * The same package under another `metadata.name`, e.g.
   * `crossplane-contrib-function-patch-and-transform`, the name Crossplane gives a function it
   * installs as a Configuration dependency.
   */
  public withName(name: string): FunctionPackage {
    return new FunctionPackage({ ...this.options(), name });
  }

  /** Whether `other` describes the same Function object (same name, package reference and input). */
  public equals(other: FunctionPackage): boolean {
    return this.name === other.name && this.packageReference === other.packageReference
      && this.inputApiVersion === other.inputApiVersion && this.inputKind === other.inputKind;
  }

  private options(): FunctionPackageOptions {
    return {
      name: this.name, repository: this.repository, version: this.version, digest: this.digest,
      inputApiVersion: this.inputApiVersion, inputKind: this.inputKind,
    };
  }
}
