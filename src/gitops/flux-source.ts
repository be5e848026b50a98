import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { GitRepository, OciRepository } from '../../imports/source.toolkit.fluxcd.io';
import { checkDuration } from './_rules';

/** Which Git revision Flux follows: set exactly one field. */
export interface FluxGitRef {
  /**
   * Branch to follow, e.g. `main`.
   *
   * @default - not a branch
   */
  readonly branch?: string;
  /**
   * Tag to check out, e.g. `v1.2.0`.
   *
   * @default - not a tag
   */
  readonly tag?: string;
  /**
   * Semver range over the repository's tags, e.g. `>=1.0.0 <2.0.0`.
   *
   * @default - not a semver range
   */
  readonly semver?: string;
  /**
   * Full commit SHA to check out.
   *
   * @default - not a fixed commit
   */
  readonly commit?: string;
}

/** Which OCI artifact Flux pulls: set exactly one field. */
export interface FluxOciRef {
  /**
   * Image tag, e.g. `v1.2.0`.
   *
   * @default - not a tag
   */
  readonly tag?: string;
  /**
   * Semver range over the repository's tags, e.g. `>=1.0.0`.
   *
   * @default - not a semver range
   */
  readonly semver?: string;
  /**
   * Content digest, e.g. `sha256:<64 hex digits>`.
   *
   * @default - not a digest
   */
  readonly digest?: string;
}

/** Options shared by both sources. */
export interface FluxSourceOptions {
  /**
   * How often Flux checks the source for a new revision (a Go duration such as `1m` or `1h0m0s`).
   *
   * @default '1m'
   */
  readonly interval?: string;
  /**
   * Name of a Secret in the layout's namespace with the credentials for the repository.
   *
   * @default - no credentials: a public repository
   */
  readonly secretRef?: string;
}

/** Options of {@link FluxSource.gitRepository}. */
export interface FluxGitRepositoryOptions extends FluxSourceOptions {
  /** Repository URL with an `http`, `https` or `ssh` scheme, e.g. `https://github.com/acme/platform`. */
  readonly url: string;
  /** The revision to follow. */
  readonly ref: FluxGitRef;
}

/** Options of {@link FluxSource.ociRepository}. */
export interface FluxOciRepositoryOptions extends FluxSourceOptions {
  /** Artifact URL with the `oci` scheme, e.g. `oci://ghcr.io/acme/platform-manifests`. */
  readonly url: string;
  /** The artifact revision to pull. */
  readonly ref: FluxOciRef;
}

const GIT_REF_KEYS = ['branch', 'tag', 'semver', 'commit'] as const;
const OCI_REF_KEYS = ['tag', 'semver', 'digest'] as const;
// OCI image-spec digest grammar: algorithm ':' encoded.
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const COMMIT = /^([0-9a-f]{40}|[0-9a-f]{64})$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * Where Flux fetches the platform's output from: a `source.toolkit.fluxcd.io/v1` GitRepository
 * or OCIRepository. Build one with the static factories and pass it to `FluxLayout`.
 */
export class FluxSource {
  /** A Git repository (`GitRepository`). */
  public static gitRepository(options: FluxGitRepositoryOptions): FluxSource {
    return new FluxSource('GitRepository', options);
  }

  /** An OCI artifact (`OCIRepository`), e.g. pushed with `flux push artifact`. */
  public static ociRepository(options: FluxOciRepositoryOptions): FluxSource {
    return new FluxSource('OCIRepository', options);
  }

  /** How often Flux checks the source. */
  public readonly interval: string;

  private constructor(
    /** The source kind, as `sourceRef.kind` of a Kustomization names it. */
    public readonly kind: 'GitRepository' | 'OCIRepository',
    private readonly options: FluxGitRepositoryOptions | FluxOciRepositoryOptions,
  ) {
    this.interval = options.interval ?? '1m';
  }

  /** The repository URL. */
  public get url(): string {
    return this.options.url;
  }

  /**
   * Problems with the options, each as `<prop> <constraint>, got '<value>': <fix>` with props
   * under `source.`.
   *
   * @internal
   */
  public _validate(): string[] {
    const errors: string[] = [];
    const url = String(this.options.url ?? '');
    if (this.kind === 'GitRepository') {
      if (!/^(http|https|ssh):\/\/./.test(url)) {
        const scp = /^([^@/:\s]+@)?([^/:\s]+):(.+)$/.exec(url);
        const fix = scp && !url.includes('://')
          ? `write it as 'ssh://${scp[1] ?? ''}${scp[2]}/${scp[3]}'`
          : "start it with 'https://', 'http://' or 'ssh://'";
        errors.push(`source.url must use the http, https or ssh scheme, got '${url}': ${fix}`);
      }
    } else if (!/^oci:\/\/./.test(url)) {
      errors.push(`source.url must use the oci scheme, got '${url}': write it as 'oci://${url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')}'`);
    }
    errors.push(...checkDuration('source.interval', this.interval));
    errors.push(...this.validateRef());
    if (this.options.secretRef !== undefined && !DNS_SUBDOMAIN.test(this.options.secretRef)) {
      const got = this.options.secretRef;
      errors.push(`source.secretRef must be the name of a Secret (lowercase letters, digits, '-' and '.'), got '${got}': `
        + "use the Secret's metadata.name");
    }
    return errors;
  }

  private validateRef(): string[] {
    const ref = (this.options.ref ?? {}) as Record<string, unknown>;
    const keys: readonly string[] = this.kind === 'GitRepository' ? GIT_REF_KEYS : OCI_REF_KEYS;
    const set = keys.filter((k) => ref[k] !== undefined);
    const unknown = Object.keys(ref).filter((k) => !keys.includes(k));
    const errors: string[] = [];
    if (unknown.length > 0) {
      errors.push(`source.ref has unknown field(s) ${unknown.join(', ')}, got '${unknown.join(', ')}': use one of ${keys.join(', ')}`);
    }
    if (set.length !== 1) {
      const example = this.kind === 'GitRepository' ? "{ branch: 'main' }" : "{ tag: 'latest' }";
      const got = set.length ? set.join(', ') : 'none';
      const fix = set.length ? 'keep only the one Flux should follow' : `e.g. ${example}`;
      errors.push(`source.ref must set exactly one of ${keys.join(', ')}, got '${got}': ${fix}`);
    }
    for (const k of set) {
      const v = ref[k];
      if (typeof v !== 'string' || v.trim() === '') {
        errors.push(`source.ref.${k} must be a non-empty string, got '${String(v)}': set the ${k} to follow`);
      }
    }
    if (typeof ref.digest === 'string' && ref.digest !== '' && !DIGEST.test(ref.digest)) {
      errors.push(`source.ref.digest must be an OCI digest, got '${ref.digest}': use '<algorithm>:<hex>', e.g. 'sha256:' followed by 64 hex digits`);
    }
    if (typeof ref.commit === 'string' && ref.commit !== '' && !COMMIT.test(ref.commit)) {
      const got = ref.commit;
      errors.push(`source.ref.commit must be a full lowercase commit SHA (40 or 64 hex digits), got '${got}': `
        + "use the output of 'git rev-parse HEAD'");
    }
    return errors;
  }

  /**
   * Creates the source object.
   *
   * @internal
   */
  public _create(scope: Construct, id: string, name: string, namespace: string): ApiObject {
    const metadata = { name, namespace };
    const secretRef = this.options.secretRef !== undefined ? { name: this.options.secretRef } : undefined;
    if (this.kind === 'GitRepository') {
      const o = this.options as FluxGitRepositoryOptions;
      return new GitRepository(scope, id, {
        metadata,
        spec: { interval: this.interval, url: o.url, ref: { ...o.ref }, secretRef },
      });
    }
    const o = this.options as FluxOciRepositoryOptions;
    return new OciRepository(scope, id, {
      metadata,
      spec: { interval: this.interval, url: o.url, ref: { ...o.ref }, secretRef },
    });
  }
}
