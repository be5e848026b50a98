/**
 * `npm run sbom [-- FILE]`: the CycloneDX 1.6 SBOM of this npm package, built with
 * @cyclonedx/cyclonedx-library from package.json and package-lock.json (offline; no `npm ls`):
 * the package itself and every package the lockfile installs for production, with the exact
 * version, the lockfile's integrity hash, license and package URL, and who depends on whom.
 *
 * Written without timestamp or serial number, so the same lockfile gives the same file. The
 * default output is `cdk8s-crossplane.cdx.json` in the current folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Enums, Models, Serialize, Spec } from '@cyclonedx/cyclonedx-library';

interface LockEntry {
  version?: string;
  integrity?: string;
  license?: string;
  dev?: boolean;
  link?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

interface PackageJson {
  name: string;
  version: string;
  license?: string;
  description?: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const npmPurl = (name: string, version: string) => `pkg:npm/${name.startsWith('@') ? `%40${name.slice(1)}` : name}@${version}`;

// Lockfile integrity is `<alg>-<base64>`; CycloneDX wants the hex digest.
const HASH_ALGS: Readonly<Record<string, Enums.HashAlgorithm>> = {
  sha512: Enums.HashAlgorithm['SHA-512'], sha384: Enums.HashAlgorithm['SHA-384'], sha256: Enums.HashAlgorithm['SHA-256'], sha1: Enums.HashAlgorithm['SHA-1'],
};

function nameAt(lockPath: string): string {
  return lockPath.slice(lockPath.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

/** Node's lookup: `<from>/node_modules/<name>`, then the same in each enclosing package, up to the root. */
function resolve(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
  for (let at = from; ; ) {
    const candidate = at ? `${at}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!at) return undefined;
    const i = at.lastIndexOf('/node_modules/');
    at = i < 0 ? '' : at.slice(0, i);
  }
}

function license(expression: string | undefined): Models.LicenseRepository {
  const repo = new Models.LicenseRepository();
  if (expression) repo.add(new Models.LicenseExpression(expression));
  return repo;
}

/** The SBOM of the package in `root` as CycloneDX 1.6 JSON text. */
export function npmPackageSbom(root: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as PackageJson;
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { lockfileVersion: number; packages?: Record<string, LockEntry> };
  if (!lock.packages || lock.lockfileVersion < 2) throw new Error('package-lock.json must be lockfileVersion 2 or 3 (npm 7 or later): run npm install');
  const packages = lock.packages;
  const libraryVersion = (JSON.parse(fs.readFileSync(require.resolve('@cyclonedx/cyclonedx-library/package.json'), 'utf8')) as PackageJson).version;

  const rootComponent = new Models.Component(Enums.ComponentType.Library, pkg.name, {
    bomRef: npmPurl(pkg.name, pkg.version), version: pkg.version, purl: npmPurl(pkg.name, pkg.version), description: pkg.description, licenses: license(pkg.license),
  });
  const bom = new Models.Bom();
  bom.metadata.component = rootComponent;
  bom.metadata.tools.components.add(new Models.Component(Enums.ComponentType.Library, 'cyclonedx-library', { group: '@cyclonedx', version: libraryVersion }));

  // One component per name@version, whatever folder it is installed in.
  const byPath = new Map<string, Models.Component>();
  const byPurl = new Map<string, Models.Component>();
  for (const [lockPath, entry] of Object.entries(packages)) {
    if (lockPath === '' || entry.dev || entry.link || !entry.version) continue;
    const name = nameAt(lockPath);
    const purl = npmPurl(name, entry.version);
    let component = byPurl.get(purl);
    if (!component) {
      const slash = name.startsWith('@') ? name.indexOf('/') : -1;
      component = new Models.Component(Enums.ComponentType.Library, slash > 0 ? name.slice(slash + 1) : name, {
        bomRef: purl, group: slash > 0 ? name.slice(0, slash) : undefined, version: entry.version, purl, licenses: license(entry.license),
      });
      byPurl.set(purl, component);
      bom.components.add(component);
    }
    // Bundled copies carry no integrity; the copy installed from the registry does.
    const [alg, b64] = (entry.integrity ?? '').split('-', 2);
    if (HASH_ALGS[alg] && b64 && component.hashes.size === 0) component.hashes.set(HASH_ALGS[alg], Buffer.from(b64, 'base64').toString('hex'));
    byPath.set(lockPath, component);
  }
  const link = (from: string, deps: Record<string, string> | undefined, into: Models.Component) => {
    for (const name of Object.keys(deps ?? {})) {
      const target = resolve(packages, from, name);
      const c = target ? byPath.get(target) : undefined;
      if (c) into.dependencies.add(c.bomRef);
    }
  };
  link('', { ...pkg.dependencies, ...pkg.optionalDependencies, ...pkg.peerDependencies }, rootComponent);
  for (const [lockPath, c] of byPath) {
    const e = packages[lockPath];
    link(lockPath, { ...e.dependencies, ...e.optionalDependencies, ...e.peerDependencies }, c);
  }
  const serializer = new Serialize.JsonSerializer(new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6));
  return `${serializer.serialize(bom, { sortLists: true, space: 2 })}\n`;
}

if (require.main === module) {
  const out = process.argv[2] ?? 'cdk8s-crossplane.cdx.json';
  fs.writeFileSync(out, npmPackageSbom(process.cwd()));
  process.stdout.write(`wrote ${out}\n`);
}
