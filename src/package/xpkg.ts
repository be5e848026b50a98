/**
 * The Configuration package as an `.xpkg` file, built offline exactly as `crossplane xpkg build`
 * lays it out, from the files of a package folder (`dist/package/`: `crossplane.yaml`, the XRDs
 * and the Compositions).
 *
 * Upstream, read for this layout:
 * - crossplane/crossplane cmd/crank/xpkg/build.go (0a1e3518): the files of the package root
 *   with a `.yaml`/`.yml` extension, non-empty, in walk (name) order; the image written with
 *   go-containerregistry `tarball.Write(nil, img, f)`; default file name `<name>-<12 hex of the
 *   image digest>.xpkg` in the package root.
 * - crossplane/crossplane-runtime pkg/xpkg/build.go, layers.go, lint.go, name.go (caa880d4,
 *   4e7ed235): exactly one meta object, a Configuration holding only XRDs, Compositions,
 *   ManagedResourceActivationPolicies and Operations; `package.yaml` is `---`, the meta object,
 *   `---`, then each object followed by `---`; one layer holding only `package.yaml` (mode
 *   0644); the label `io.crossplane.xpkg:<layer digest>: base` in the image config, which
 *   `crossplane xpkg push` (`AnnotateLayers`) turns into the layer annotation
 *   `io.crossplane.xpkg: base` that Crossplane's package manager looks for.
 * - google/go-containerregistry (3f4ff3ca) pkg/v1/tarball/write.go (config blob named
 *   `sha256:<hex>`, layers `<hex>.tar.gz`, then `manifest.json` with `RepoTags: null`),
 *   tarball/layer.go (gzip at BestSpeed, Docker layer media type), empty/image.go and
 *   mutate/image.go (Docker schema 2 manifest; config with one zero-time history entry).
 *
 * Differences from a Go build, none of which Crossplane reads: Go re-encodes each object through
 * its typed API structs (adding `creationTimestamp: null`), where this writes the objects as
 * they are with the same key order and quoting; and the layer is gzip with stored blocks (see
 * _gzip.ts: compressed output would change with the Node.js version) where Go compresses at
 * BestSpeed. So digests are stable from build to build and machine to machine, not equal to
 * those of the Go tool.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { toGoYaml } from '../engine/go/yaml';
import type { ObjectValue, Value } from '../engine/go/values';
import { UserError } from '../errors';
import { formatYamlProblem, parseYamlStream } from '../yaml/read-yaml';
import { gzipStored } from './_gzip';
import { tarArchive, TarEntry } from './_tar';

/** One file of a package folder: its path relative to the folder (with `/`) and its text. */
export interface PackageFile {
  readonly path: string;
  readonly content: string;
}

/** A content digest, `sha256:<64 hex>`. */
export type Digest = `sha256:${string}`;

/** What {@link buildXpkg} produced. */
export interface Xpkg {
  /** The `.xpkg` file: a Docker image tarball, as `crossplane xpkg build` writes it. */
  readonly tarball: Buffer;
  /** `metadata.name` of the package. */
  readonly name: string;
  /** The meta object (`crossplane.yaml`) as read. */
  readonly meta: ObjectValue;
  /** The objects of the package after the meta object, in package order. */
  readonly objects: ObjectValue[];
  /** The text of `package.yaml`, the one file of the package layer. */
  readonly packageYaml: string;
  /** Digest of the image manifest in the tarball: what `crossplane xpkg build` names the file after. */
  readonly digest: Digest;
  /**
   * Digest of the manifest `crossplane xpkg push` uploads, with the layer annotation
   * `io.crossplane.xpkg: base` added: the digest a registry shows, that Crossplane resolves,
   * and that `dependsOn` pins and signatures refer to.
   */
  readonly pushedDigest: Digest;
  /** Digest and size of the image config blob. */
  readonly config: { readonly digest: Digest; readonly size: number; readonly json: string };
  /** Digest, size and uncompressed digest (diff ID) of the package layer. */
  readonly layer: { readonly digest: Digest; readonly size: number; readonly diffId: Digest };
  /** The Docker schema 2 manifest as built, and as pushed (JSON text). */
  readonly manifest: { readonly built: string; readonly pushed: string };
}

/** The annotation key Crossplane's package manager reads on layers (`xpkg.AnnotationKey`). */
export const XPKG_ANNOTATION = 'io.crossplane.xpkg';
/** The value marking the layer that holds `package.yaml` (`xpkg.PackageAnnotation`). */
export const XPKG_BASE_LAYER = 'base';
/** The file inside the package layer (`xpkg.StreamFile`). */
export const PACKAGE_STREAM_FILE = 'package.yaml';

// go-containerregistry's tarball layer media type: gzip, whatever the compression level.
const MEDIA = {
  manifest: 'application/vnd.docker.distribution.manifest.v2+json',
  config: 'application/vnd.docker.container.image.v1+json',
  layer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
} as const;

// lint.go NewConfigurationLinter: the kinds a Configuration may carry besides its meta object.
const CONFIGURATION_KINDS: Readonly<Record<string, string>> = {
  'apiextensions.crossplane.io/CompositeResourceDefinition': 'XRD',
  'apiextensions.crossplane.io/Composition': 'Composition',
  'apiextensions.crossplane.io/ManagedResourceActivationPolicy': 'ManagedResourceActivationPolicy',
  'ops.crossplane.io/Operation': 'Operation',
  'ops.crossplane.io/CronOperation': 'CronOperation',
  'ops.crossplane.io/WatchOperation': 'WatchOperation',
};

/** Whether a Configuration package may hold an object of this apiVersion and kind (besides its meta object). */
export function isConfigurationContent(apiVersion: string, kind: string): boolean {
  return Object.prototype.hasOwnProperty.call(CONFIGURATION_KINDS, `${groupOf(apiVersion)}/${kind}`);
}

const DIGEST = /^sha256:[0-9a-f]{64}$/;
const SEMVER_TERM = /^(>=|<=|!=|=>|=<|>|<|=|~>|~|\^)?\s*v?(\d+|x|X|\*)(\.(\d+|x|X|\*))?(\.(\d+|x|X|\*))?(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/** Whether `c` reads as a semver constraint (`>=v1.2.0`, `~1.3`, `>=1.0.0, <2.0.0`, `1.x || 2.x`). */
export function isSemverConstraint(c: string): boolean {
  const ors = c.split('||').map((s) => s.trim());
  return ors.every((or) => {
    // A hyphen range `1.2 - 1.4` is one term.
    const terms = or.replace(/\s+-\s+/g, '~RANGE~').split(/\s*,\s*|\s+(?![<>=~^!])/).filter(Boolean);
    return terms.length > 0 && terms.every((t) => t.split('~RANGE~').every((p) => SEMVER_TERM.test(p.trim())));
  });
}

function sha256(data: Buffer | string): Digest {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

const isObj = (v: unknown): v is ObjectValue => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '';
}

// filepath.Walk order: names sorted within each folder, so `a/b.yaml` comes before `a-c.yaml`.
function byWalkOrder(a: PackageFile, b: PackageFile): number {
  const x = a.path.split('/');
  const y = b.path.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
}

/** Problems of the meta object's own fields: `spec.crossplane.version` and `spec.dependsOn`. */
function metaProblems(meta: ObjectValue): string[] {
  const out: string[] = [];
  const spec = isObj(meta.spec) ? meta.spec : {};
  const metadata = isObj(meta.metadata) ? meta.metadata : {};
  if (!str(metadata.name)) out.push("metadata.name is missing: name the package, e.g. 'platform-network'");
  const cv = isObj(spec.crossplane) ? str(spec.crossplane.version) : undefined;
  if (cv !== undefined && !isSemverConstraint(cv)) {
    out.push(`spec.crossplane.version must be a semver constraint, got '${cv}': e.g. '>=v2.0.0' (package version constraints are poorly formatted)`);
  }
  const deps = spec.dependsOn;
  if (deps !== undefined && !Array.isArray(deps)) out.push('spec.dependsOn must be a list');
  (Array.isArray(deps) ? deps : []).forEach((d, i) => {
    const at = `spec.dependsOn[${i}]`;
    if (!isObj(d)) return void out.push(`${at} must be an object`);
    const pkg = str(d.package) ?? str(d.provider) ?? str(d.function) ?? str(d.configuration);
    if (!pkg) out.push(`${at} names no package: set apiVersion, kind and package`);
    else if (/[@]|:[^/]*$/.test(pkg.split('/').pop() ?? '')) out.push(`${at}.package must not carry a tag or digest, got '${pkg}': put the constraint or the 'sha256:' digest in version`);
    const v = d.version;
    if (typeof v !== 'string' || v === '') out.push(`${at}.version is missing: a semver constraint ('>=v1.2.0') or a digest ('sha256:' and 64 hex digits)`);
    else if (v.startsWith('sha256:') || v.includes('@')) {
      if (!DIGEST.test(v)) out.push(`${at}.version must be 'sha256:' and 64 lowercase hex digits to pin a digest, got '${v}'`);
    } else if (!isSemverConstraint(v)) out.push(`${at}.version must be a semver constraint or a 'sha256:' digest, got '${v}'`);
  });
  return out;
}

/**
 * Parses and checks the files of a package folder, as `crossplane xpkg build` parses and lints
 * them: only `.yaml`/`.yml` files that are not empty, in path order. Throws one UserError
 * listing every problem, each with its file and document.
 */
export function readPackage(files: readonly PackageFile[]): { meta: ObjectValue; metaSource: string; objects: ObjectValue[] } {
  const problems: string[] = [];
  const metas: Array<{ value: ObjectValue; where: string }> = [];
  const objects: ObjectValue[] = [];
  const chosen = files.filter((f) => /\.ya?ml$/.test(f.path) && f.content.length > 0)
    .slice().sort(byWalkOrder);
  for (const f of chosen) {
    const read = parseYamlStream(f.content, f.path, { intAsBigInt: true });
    problems.push(...read.problems.map(formatYamlProblem));
    for (const d of read.documents) {
      const where = `${f.path}: document ${d.index}`;
      if (!isObj(d.value)) { problems.push(`${where}: expected a Kubernetes object, got ${JSON.stringify(d.value)}`); continue; }
      const apiVersion = str(d.value.apiVersion) ?? '';
      const kind = str(d.value.kind) ?? '';
      if (groupOf(apiVersion) === 'meta.pkg.crossplane.io') { metas.push({ value: d.value, where }); continue; }
      if (!CONFIGURATION_KINDS[`${groupOf(apiVersion)}/${kind}`]) {
        problems.push(`${where}: ${kind || '(no kind)'} ${apiVersion || '(no apiVersion)'} cannot be part of a Configuration package: `
          + 'it may hold only XRDs, Compositions, ManagedResourceActivationPolicies and Operations; move it out of the package folder');
        continue;
      }
      objects.push(d.value);
    }
  }
  if (chosen.length === 0) problems.push('no .yaml or .yml file: the package folder needs crossplane.yaml and the XRDs and Compositions (run `npx cdk8s synth`)');
  else if (metas.length !== 1) {
    problems.push(`not exactly one package meta type: found ${metas.length}${metas.length ? ` (${metas.map((m) => m.where).join(', ')})` : ''}; `
      + 'the folder needs exactly one meta.pkg.crossplane.io/v1 Configuration, written by ConfigurationPackage as crossplane.yaml');
  }
  const meta = metas.length === 1 ? metas[0] : undefined;
  if (meta) {
    if (meta.value.kind !== 'Configuration') {
      problems.push(`${meta.where}: package meta type is ${String(meta.value.kind)}, not Configuration: this command builds Configuration packages only`);
    } else {
      problems.push(...metaProblems(meta.value).map((p) => `${meta.where}: ${p}`));
    }
  }
  if (problems.length > 0) throw new UserError(`cannot build the package:\n  ${problems.join('\n  ')}`);
  return { meta: meta!.value, metaSource: meta!.where, objects };
}

/** `package.yaml`: the meta object first, then every object, each followed by `---` (xpkg `encode`). */
export function packageStream(meta: ObjectValue, objects: readonly ObjectValue[]): string {
  return ['---\n', toGoYaml(meta as Value), '---\n', ...objects.map((o) => `${toGoYaml(o as Value)}---\n`)].join('');
}

function manifestJson(config: { digest: Digest; size: number }, layer: { digest: Digest; size: number }, annotated: boolean): string {
  const layerDesc = { mediaType: MEDIA.layer, size: layer.size, digest: layer.digest, ...(annotated ? { annotations: { [XPKG_ANNOTATION]: XPKG_BASE_LAYER } } : {}) };
  return JSON.stringify({ schemaVersion: 2, mediaType: MEDIA.manifest, config: { mediaType: MEDIA.config, size: config.size, digest: config.digest }, layers: [layerDesc] });
}

/**
 * Builds the `.xpkg` of a package folder's files. Pure and deterministic: the same files give
 * the same bytes and digests.
 *
 * @throws UserError listing every problem of the files (see {@link readPackage})
 */
export function buildXpkg(files: readonly PackageFile[]): Xpkg {
  const { meta, objects } = readPackage(files);
  const packageYaml = packageStream(meta, objects);
  const layerTar = tarArchive([{ name: PACKAGE_STREAM_FILE, data: Buffer.from(packageYaml, 'utf8') }]);
  const layerGz = gzipStored(layerTar);
  const layer = { digest: sha256(layerGz), size: layerGz.length, diffId: sha256(layerTar) };
  // Field order of go-containerregistry's v1.ConfigFile; zero times marshal as Go's zero time.
  const configJson = JSON.stringify({
    architecture: '',
    created: '0001-01-01T00:00:00Z',
    history: [{ created: '0001-01-01T00:00:00Z' }],
    os: '',
    rootfs: { type: 'layers', diff_ids: [layer.diffId] },
    config: { Labels: { [`${XPKG_ANNOTATION}:${layer.digest}`]: XPKG_BASE_LAYER } },
  });
  const config = { digest: sha256(configJson), size: Buffer.byteLength(configJson), json: configJson };
  const built = manifestJson(config, layer, false);
  const pushed = manifestJson(config, layer, true);
  const layerFile = `${layer.digest.slice('sha256:'.length)}.tar.gz`;
  const entries: TarEntry[] = [
    { name: config.digest, data: Buffer.from(configJson) },
    { name: layerFile, data: layerGz },
    { name: 'manifest.json', data: Buffer.from(JSON.stringify([{ Config: config.digest, RepoTags: null, Layers: [layerFile] }])) },
  ];
  return {
    tarball: tarArchive(entries),
    name: String((meta.metadata as ObjectValue).name),
    meta,
    objects,
    packageYaml,
    digest: sha256(built),
    pushedDigest: sha256(pushed),
    config,
    layer,
    manifest: { built, pushed },
  };
}

/** `<name>-<first 12 hex digits of the digest>.xpkg`, the file name `crossplane xpkg build` picks. */
export function xpkgFileName(pkg: Pick<Xpkg, 'name' | 'digest'>): string {
  return `${pkg.name}-${pkg.digest.slice('sha256:'.length, 'sha256:'.length + 12)}.xpkg`;
}

/**
 * The files of a package folder, as {@link buildXpkg} takes them: every file below `dir`,
 * recursively, with paths relative to it.
 *
 * @throws UserError when `dir` does not exist or is not a folder
 */
export function readPackageFolder(dir: string): PackageFile[] {
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch {
    throw new UserError(`${dir}: no such folder: run \`npx cdk8s synth\` to write the package folder, or pass its path`);
  }
  if (!st.isDirectory()) throw new UserError(`${dir}: not a folder: pass the package folder (e.g. dist/package), not a file`);
  const out: PackageFile[] = [];
  const walk = (d: string, rel: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((p, q) => (p.name < q.name ? -1 : p.name > q.name ? 1 : 0))) {
      const full = path.join(d, e.name);
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(full, r);
      else if (e.isFile() && /\.ya?ml$/.test(e.name)) out.push({ path: r, content: fs.readFileSync(full, 'utf8') });
    }
  };
  walk(dir, '');
  return out;
}
