// The package as users get it, built once and shared by every test that needs it: `npm pack`
// (which runs `prepack`, the build) over a copy of the sources, and a project created by
// `init --package <tarball>` with that tarball installed.
//
// The install needs neither the registry nor the npm cache, so it works on a new machine right
// after `npm ci`: the tarball is unpacked into node_modules/cdk8s-crossplane, as npm would, and
// every other dependency is linked from this repository's own node_modules (the versions the
// lockfile pins). Node, tsc and jest then resolve everything through the project's
// node_modules, as in a user's project.
//
// The result is kept under the temp folder, keyed by a hash of everything that goes into it, so
// jest workers and later runs reuse it; a lock folder makes concurrent workers wait for one build.
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { initProject } from '../../src/init';

const ROOT = path.resolve(__dirname, '..', '..');

/** What {@link packedPackage} returns; every path is absolute and must be treated as read-only. */
export interface PackedPackage {
  /** The tarball `npm pack` wrote. */
  readonly tarball: string;
  /** Paths in the tarball as `npm pack --json` lists them (relative to `package/`), sorted. */
  readonly files: readonly string[];
  /** The project `init --package <tarball>` created, with node_modules installed. */
  readonly project: string;
}

/** Environment of every command run here and by the tests that use the project: no registry, no update check. */
export const OFFLINE_ENV: NodeJS.ProcessEnv = {
  npm_config_offline: 'true',
  // Anything that still asks the registry fails at once instead of passing on a machine with a warm cache.
  npm_config_registry: 'http://127.0.0.1:9/',
  npm_config_update_notifier: 'false',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
};

/** Runs a command; returns stdout and stderr together, throws both when it fails. */
export function sh(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...OFFLINE_ENV, ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} in ${cwd} exited with ${r.status ?? r.signal}:\n${r.stdout}\n${r.stderr}`);
  return `${r.stdout}\n${r.stderr}`;
}

/** Top-level entries of the repository that go into the package or its build. */
function inputs(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  // `files` entries are outputs (lib/...) or sources copied as they are (bin, README.md).
  const listed = (pkg.files as string[]).map((f) => f.split('/')[0]).filter((f) => f !== 'lib');
  const always = fs.readdirSync(ROOT).filter((f) => /^(readme|license|licence|notice)/i.test(f));
  const build = ['package.json', 'package-lock.json', 'src', 'imports', 'scripts', 'tsconfig.json', 'tsconfig.build.json'];
  return [...new Set([...build, ...listed, ...always])].filter((f) => fs.existsSync(path.join(ROOT, f))).sort();
}

function filesUnder(rel: string): string[] {
  const abs = path.join(ROOT, rel);
  if (!fs.statSync(abs).isDirectory()) return [rel];
  return fs.readdirSync(abs).sort().flatMap((e) => filesUnder(path.join(rel, e)));
}

/** Hash of this checkout's path (the project links its node_modules), the inputs, this file, the Node version and the installed dependencies. */
function contentKey(entries: string[]): string {
  const hash = crypto.createHash('sha256').update(ROOT).update('\0').update(process.version).update(fs.readFileSync(__filename));
  // npm writes node_modules/.package-lock.json on every install: it names what is linked in.
  const installed = path.join(ROOT, 'node_modules', '.package-lock.json');
  if (fs.existsSync(installed)) hash.update(fs.readFileSync(installed));
  for (const file of entries.flatMap(filesUnder)) hash.update(file).update('\0').update(fs.readFileSync(path.join(ROOT, file))).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** `bin` of a package.json as name to relative path, as npm reads it. */
function binsOf(pkgDir: string): Record<string, string> {
  const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  if (typeof pkg.bin === 'string') return { [pkg.name.replace(/^@[^/]+\//, '')]: pkg.bin };
  return pkg.bin ?? {};
}

/** Installs the tarball into `project` and links the other dependencies from this repository's node_modules. */
function install(project: string, tarball: string): void {
  const modules = path.join(project, 'node_modules');
  const self = path.join(modules, 'cdk8s-crossplane');
  fs.mkdirSync(self, { recursive: true });
  sh('tar', ['-xzf', tarball, '-C', self, '--strip-components=1'], project);
  const own = JSON.parse(fs.readFileSync(path.join(self, 'package.json'), 'utf8'));
  const app = JSON.parse(fs.readFileSync(path.join(project, 'package.json'), 'utf8'));
  // npm installs the project's dependencies, the package's dependencies and its required peers
  // side by side in node_modules; optional peers only when something else asks for them.
  const optional = new Set(Object.entries(own.peerDependenciesMeta ?? {}).filter(([, m]: [string, any]) => m.optional).map(([n]) => n));
  const names = new Set([
    ...Object.keys(app.dependencies ?? {}), ...Object.keys(app.devDependencies ?? {}),
    ...Object.keys(own.dependencies ?? {}), ...Object.keys(own.peerDependencies ?? {}).filter((n) => !optional.has(n)),
  ]);
  names.delete('cdk8s-crossplane');
  const bins = path.join(modules, '.bin');
  fs.mkdirSync(bins);
  const linkBins = (name: string) => {
    for (const [bin, file] of Object.entries(binsOf(path.join(modules, name)))) {
      fs.symlinkSync(path.join('..', name, file), path.join(bins, bin));
      fs.chmodSync(path.join(modules, name, file), 0o755);
    }
  };
  for (const name of [...names].sort()) {
    const from = path.join(ROOT, 'node_modules', name);
    if (!fs.existsSync(from)) throw new Error(`${name} is a dependency of the new project but is not in ${path.join(ROOT, 'node_modules')}: add it to devDependencies`);
    fs.mkdirSync(path.dirname(path.join(modules, name)), { recursive: true });
    fs.symlinkSync(from, path.join(modules, name), 'junction');
    linkBins(name);
  }
  linkBins('cdk8s-crossplane');
}

function build(into: string): void {
  const stage = path.join(into, 'stage');
  for (const entry of inputs()) fs.cpSync(path.join(ROOT, entry), path.join(stage, entry), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(stage, 'node_modules'), 'junction');
  // `npm pack` runs `prepack`, which builds lib/: exactly what publishing does.
  const out = sh('npm', ['pack', '--json', '--pack-destination', into], stage);
  // The JSON comes after whatever the build printed.
  const packed = JSON.parse(out.slice(out.search(/^\[/m), out.lastIndexOf(']') + 1))[0];
  fs.writeFileSync(path.join(into, 'files.json'), JSON.stringify(packed.files.map((f: { path: string }) => f.path).sort()));
  fs.renameSync(path.join(into, packed.filename), path.join(into, 'cdk8s-crossplane.tgz'));
  fs.rmSync(stage, { recursive: true, force: true });

  const project = path.join(into, 'platform');
  initProject(project, { name: 'platform', package: path.join(into, 'cdk8s-crossplane.tgz') });
  install(project, path.join(into, 'cdk8s-crossplane.tgz'));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether a build lock was left behind: its process is gone (killed mid-build), or it is older than any build. */
function staleLock(lock: string): boolean {
  let pid = 0;
  try {
    pid = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
  } catch {
    // No pid yet (or the lock just went away): judged by its age below.
  }
  if (pid > 0) {
    try {
      process.kill(pid, 0);
      return false;
    } catch (err: any) {
      return err.code === 'ESRCH';
    }
  }
  // Just created, its pid not written yet; or written by a version without pids.
  return Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 300_000;
}

let cached: Promise<PackedPackage> | undefined;

/** The packed package and a project with it installed, built on first use (about 10–30 s) and then reused. */
export function packedPackage(): Promise<PackedPackage> {
  cached ??= locate();
  return cached;
}

async function locate(): Promise<PackedPackage> {
  const dir = path.join(os.tmpdir(), `cdk8s-crossplane-packed-${contentKey(inputs())}`);
  const lock = `${dir}.lock`;
  const result = (): PackedPackage => ({
    tarball: path.join(dir, 'cdk8s-crossplane.tgz'),
    files: JSON.parse(fs.readFileSync(path.join(dir, 'files.json'), 'utf8')),
    project: path.join(dir, 'platform'),
  });
  for (const deadline = Date.now() + 300_000; Date.now() < deadline;) {
    if (fs.existsSync(dir)) return result();
    try {
      fs.mkdirSync(lock);
    } catch (err: any) {
      if (err.code !== 'EEXIST') throw err;
      // Another process is building it (a jest worker, or the background build
      // test/_setup/sequencer.js starts), unless the lock was left by one that is gone.
      if (staleLock(lock)) fs.rmSync(lock, { recursive: true, force: true });
      await sleep(250);
      continue;
    }
    fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
    const tmp = `${dir}.tmp-${process.pid}`;
    try {
      fs.rmSync(tmp, { recursive: true, force: true });
      fs.mkdirSync(tmp);
      build(tmp);
      fs.renameSync(tmp, dir);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
      fs.rmSync(lock, { recursive: true, force: true });
    }
    return result();
  }
  throw new Error(`timed out waiting for another jest worker to build ${dir} (lock ${lock})`);
}

/**
 * A fresh copy of the installed project to work in (node_modules is linked, not copied), removed
 * by the returned function.
 */
export function copyOfProject(pkg: PackedPackage, prefix: string): { dir: string; remove: () => void } {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const dir = path.join(work, 'platform');
  fs.cpSync(pkg.project, dir, { recursive: true, filter: (f) => path.relative(pkg.project, f) !== 'node_modules' });
  fs.symlinkSync(path.join(pkg.project, 'node_modules'), path.join(dir, 'node_modules'), 'junction');
  return { dir, remove: () => fs.rmSync(work, { recursive: true, force: true }) };
}
