/**
 * The provider CRDs a platform repository lists in the `imports` of its `cdk8s.yaml`: CRD
 * files, folders of them (a provider package's `package/crds`), and the output of `crossplane
 * xpkg extract` (a gzipped YAML stream). They are read straight from those sources, so the
 * generated L1 classes, validation, served-version and scope rules, composed-path checks, docs
 * and convert all see the provider versions the repository pins. `importedGroup` overlays them
 * on the schemas this package ships.
 *
 * A source that is missing, holds no CRD or does not parse stops with its path and why; two
 * sources giving one group/kind/version different schemas stop with both paths.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import type * as Yaml from 'yaml';
import { UserError } from '../errors';
import { warnOnce } from '../_warn-once';
import type { ImportedGroup, ImportedKind, ImportedVersion } from './imported-kind';
import { JsonSchema } from './json-schema';

/**
 * The full YAML parser, loaded when a CRD source or cdk8s.yaml is read: every command and the
 * validation plugin import this module, and most runs read neither (loading the parser is a
 * tenth of a cold `validate`).
 */
function yaml(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('yaml') as typeof Yaml;
}

/** The CRDs read from a list of sources, grouped by API group. */
export interface ProviderCrds {
  /** Every group with the kinds the sources define, kinds sorted by name. */
  readonly groups: ReadonlyMap<string, ImportedGroup>;
  /** The CRD objects as read, per group, in source order (what `cdk8s import` is given). */
  readonly crds: ReadonlyMap<string, readonly Record<string, any>[]>;
}

const CRD_FILE = /\.(ya?ml|json)(\.gz)?$|\.gz$/;

/**
 * Whether a `cdk8s.yaml` import entry names a local CRD source (a file or folder path) rather
 * than one `cdk8s import` resolves itself (`k8s`, `k8s@1.30`) or downloads (a URL).
 */
function localSource(entry: string): { path: string } | { skip: 'k8s' | 'url' } {
  const source = entry.includes(':=') ? entry.slice(entry.indexOf(':=') + 2) : entry;
  if (/^k8s(@.*)?$/.test(source)) return { skip: 'k8s' };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source) || source.startsWith('github:')) return { skip: 'url' };
  return { path: source };
}

/** Every CRD file in `dir`, recursively, in a stable order. */
function crdFilesIn(dir: string): string[] {
  const out: string[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    const stat = fs.statSync(full);
    if (stat.isDirectory()) out.push(...crdFilesIn(full));
    else if (CRD_FILE.test(name)) out.push(full);
  }
  return out;
}

function readText(file: string): string {
  const raw = fs.readFileSync(file);
  // `crossplane xpkg extract` writes a gzipped stream (out.gz); gzip starts with 1f 8b.
  return raw.length > 1 && raw[0] === 0x1f && raw[1] === 0x8b ? zlib.gunzipSync(raw).toString('utf8') : raw.toString('utf8');
}

/** The CRD documents of one file; `inFolder` files may hold other documents too. */
function crdsOfFile(file: string, shown: string, inFolder: boolean): Record<string, any>[] {
  let text: string;
  try {
    text = readText(file);
  } catch (err) {
    throw new UserError(`${shown}: cannot be read as a CRD source: ${(err as Error).message}`);
  }
  const docs = yaml().parseAllDocuments(text);
  const out: Record<string, any>[] = [];
  const kinds: string[] = [];
  docs.forEach((doc, i) => {
    if (doc.errors.length > 0) {
      throw new UserError(`${shown}: document ${i} is not parseable YAML: ${doc.errors[0].message.split('\n')[0]}; fix the file or remove it from the imports of cdk8s.yaml`);
    }
    const obj = doc.toJS() as Record<string, any> | null;
    if (obj === null || obj === undefined) return;
    if (obj.kind !== 'CustomResourceDefinition') {
      kinds.push(String(obj.kind));
      return;
    }
    const spec = obj.spec;
    const missing = !spec ? 'spec' : typeof spec.group !== 'string' ? 'spec.group' : typeof spec.names?.kind !== 'string' ? 'spec.names.kind'
      : !Array.isArray(spec.versions) ? 'spec.versions' : undefined;
    if (missing) throw new UserError(`${shown}: document ${i} is not a usable CRD: ${missing} is missing; list the provider's CRD files (package/crds) instead`);
    out.push(obj);
  });
  if (out.length === 0 && !inFolder) {
    throw new UserError(`${shown}: holds no CustomResourceDefinition (found ${kinds.length ? `kinds ${[...new Set(kinds)].join(', ')}` : 'no documents'}): `
      + 'list CRD files, a folder of them, or the output of `crossplane xpkg extract`');
  }
  return out;
}

/** A stable text of a schema, to tell two sources' copies of one version apart. */
function fingerprint(v: { schema: unknown; served: unknown; storage: unknown }, scope: string): string {
  return JSON.stringify([scope, v.served, v.storage, v.schema ?? null]);
}

/**
 * Reads the CRDs of `sources` (files, folders, gzipped streams; relative paths resolve against
 * `baseDir`). `shown` turns an absolute path into the one messages print.
 *
 * @throws UserError when a source is missing, unreadable or holds no CRD, or when two sources
 * define one group/kind/version with different schemas
 */
export function readProviderCrds(sources: readonly string[], baseDir: string): ProviderCrds {
  // Large provider folders take a while to parse: a process reads the same sources once, until
  // a file in them changes.
  const key = sourcesKey(sources, baseDir);
  const hit = key === undefined ? undefined : readCache.get(key);
  if (hit) return hit;
  const crds = readProviderCrdsUncached(sources, baseDir);
  if (key !== undefined) readCache.set(key, crds);
  return crds;
}

const readCache = new Map<string, ProviderCrds>();

/** Paths, sizes and modification times of every file of the sources; undefined when one is missing. */
function sourcesKey(sources: readonly string[], baseDir: string): string | undefined {
  const parts: string[] = [];
  for (const source of sources) {
    const abs = path.resolve(baseDir, source);
    if (!fs.existsSync(abs)) return undefined;
    const files = fs.statSync(abs).isDirectory() ? crdFilesIn(abs) : [abs];
    for (const f of files) {
      const st = fs.statSync(f);
      parts.push(`${f}:${st.size}:${st.mtimeMs}`);
    }
    parts.push('|');
  }
  return `${path.resolve(baseDir)}\n${sources.join('\n')}\n${parts.join('\n')}`;
}

function readProviderCrdsUncached(sources: readonly string[], baseDir: string): ProviderCrds {
  const shown = (p: string) => path.relative(baseDir, p) || p;
  const byGroup = new Map<string, Map<string, { kind: ImportedKind; versions: Map<string, ImportedVersion>; from: Map<string, string> }>>();
  const crds = new Map<string, Record<string, any>[]>();
  const seen = new Map<string, { source: string; print: string }>();
  for (const source of sources) {
    const abs = path.resolve(baseDir, source);
    if (!fs.existsSync(abs)) throw new UserError(`${source}: CRD source not found (resolved to ${abs}): fix the path in the imports of cdk8s.yaml`);
    const isDir = fs.statSync(abs).isDirectory();
    const files = isDir ? crdFilesIn(abs) : [abs];
    let found = 0;
    for (const file of files) {
      for (const crd of crdsOfFile(file, shown(file), isDir)) {
        found++;
        const spec = crd.spec;
        const group: string = spec.group;
        const kindName: string = spec.names.kind;
        const kinds = byGroup.get(group) ?? new Map();
        byGroup.set(group, kinds);
        const entry = kinds.get(kindName) ?? {
          kind: { kind: kindName, plural: spec.names.plural, scope: spec.scope === 'Cluster' ? 'Cluster' : 'Namespaced', source: shown(file), versions: [] },
          versions: new Map(),
          from: new Map(),
        };
        kinds.set(kindName, entry);
        let added = false;
        for (const v of spec.versions as Record<string, any>[]) {
          const version: ImportedVersion = {
            name: String(v.name), served: v.served !== false, storage: v.storage === true,
            ...(v.deprecated ? { deprecated: true } : {}),
            schema: (v.schema?.openAPIV3Schema ?? null) as JsonSchema | null,
          };
          const key = `${group}/${version.name}, Kind=${kindName}`;
          const print = fingerprint(version, spec.scope);
          const before = seen.get(key);
          if (before && before.print !== print) {
            throw new UserError(`${key} is defined by two CRD sources with different schemas: ${before.source} and ${shown(file)}: `
              + 'list one provider version per kind in the imports of cdk8s.yaml');
          }
          if (before) continue;
          seen.set(key, { source: shown(file), print });
          entry.versions.set(version.name, version);
          added = true;
        }
        if (added) {
          const list = crds.get(group) ?? [];
          list.push(crd);
          crds.set(group, list);
        }
      }
    }
    if (found === 0) {
      throw new UserError(`${source}: folder holds no CustomResourceDefinition (searched ${files.length} YAML file(s)): `
        + "point at the provider's CRD folder (package/crds) or the output of `crossplane xpkg extract`");
    }
  }
  const groups = new Map<string, ImportedGroup>();
  for (const group of [...byGroup.keys()].sort()) {
    const kinds = [...byGroup.get(group)!.values()]
      .map(e => ({ ...e.kind, versions: [...e.versions.values()] }))
      .sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
    groups.set(group, { group, kinds });
  }
  return { groups, crds };
}

/** The local CRD sources listed in the `imports` of `<dir>/cdk8s.yaml` (others are warned about). */
export function projectCrdSources(dir: string): string[] {
  const file = path.join(dir, 'cdk8s.yaml');
  let config: { imports?: unknown };
  try {
    config = (yaml().parse(fs.readFileSync(file, 'utf8')) ?? {}) as { imports?: unknown };
  } catch (err) {
    throw new UserError(`${file}: not parseable YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const imports = config.imports ?? [];
  if (!Array.isArray(imports)) throw new UserError(`${file}: imports must be a list of CRD sources, got '${JSON.stringify(imports)}'`);
  const out: string[] = [];
  for (const entry of imports) {
    if (typeof entry !== 'string') throw new UserError(`${file}: imports entries must be strings, got '${JSON.stringify(entry)}'`);
    const s = localSource(entry);
    if ('path' in s) out.push(s.path);
    else if (s.skip === 'url') {
      warnOnce(`url-import ${entry}`, `${file}: import '${entry}' is a URL: schemas are never downloaded, so its kinds are not checked; `
        + 'save the CRDs in the repository and list the file instead');
    }
  }
  return out;
}

let explicitDir: string | null | undefined;
let explicitSources: { sources: readonly string[]; baseDir: string } | undefined;
let loaded: { dir: string; crds: ProviderCrds } | undefined;
const listeners: (() => void)[] = [];

/**
 * Points the schema lookup at the platform repository in `dir` (its `cdk8s.yaml` imports), or
 * at none with `null`. Without a call, the repository is the current directory when it holds
 * a `cdk8s.yaml`, except this package's own.
 */
export function useProjectCrds(dir: string | null | undefined): void {
  explicitDir = dir === undefined ? undefined : dir === null ? null : path.resolve(dir);
  explicitSources = undefined;
  loaded = undefined;
  listeners.forEach(l => l());
}

/**
 * Points the schema lookup at CRD sources given directly (as a repository's cdk8s.yaml would
 * list them; relative paths resolve against `baseDir`), for code that runs outside the
 * repository: tests, or a converted module checked against the provider version it was written for.
 */
export function useCrdSources(sources: readonly string[], baseDir: string = process.cwd()): void {
  useProjectCrds(null);
  explicitSources = { sources: [...sources], baseDir: path.resolve(baseDir) };
}

/** @internal Called when the project CRDs change, so caches built on them are dropped. */
export function onProjectCrdsChange(listener: () => void): void {
  listeners.push(listener);
}

function isThisPackage(dir: string): boolean {
  try {
    return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'cdk8s-crossplane';
  } catch {
    return false;
  }
}

function projectDir(): string | undefined {
  if (explicitDir === null) return undefined;
  if (explicitDir !== undefined) return explicitDir;
  const cwd = process.cwd();
  // This package's own cdk8s.yaml lists the sources of its bundled imports, which are the
  // default already.
  return fs.existsSync(path.join(cwd, 'cdk8s.yaml')) && !isThisPackage(cwd) ? cwd : undefined;
}

/**
 * The provider CRDs of the current platform repository, read once; undefined when there is
 * no repository or it lists no local CRD source.
 *
 * @throws UserError for a bad source (see {@link readProviderCrds})
 */
export function projectCrds(): ProviderCrds | undefined {
  if (explicitSources) {
    const key = `sources:${explicitSources.baseDir}:${explicitSources.sources.join('\n')}`;
    if (loaded?.dir !== key) loaded = { dir: key, crds: readProviderCrds(explicitSources.sources, explicitSources.baseDir) };
    return loaded.crds.groups.size ? loaded.crds : undefined;
  }
  const dir = projectDir();
  if (dir === undefined) return undefined;
  if (loaded?.dir !== dir) {
    const sources = projectCrdSources(dir);
    loaded = { dir, crds: sources.length ? readProviderCrds(sources, dir) : { groups: new Map(), crds: new Map() } };
  }
  return loaded.crds.groups.size ? loaded.crds : undefined;
}
