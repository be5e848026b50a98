// Shipping a platform from a repository made by `init --package <tarball>`, as a platform team
// does it: the install runs and warns about no install script, `npm run synth` writes the
// Configuration package folder, `package` builds the same .xpkg twice, its SBOM validates
// against the CycloneDX schema, its provenance names that digest and the commit, and `diff`
// against the commit before one that removes a field reports the removal as breaking.
//
// The project is the shared one test/_helpers/packed-package.ts builds (no registry, no npm
// cache), copied so this file can commit to it; node_modules stays linked.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { cycloneDxProblems } from '../_helpers/cyclonedx';
import { copyOfProject, OFFLINE_ENV, packedPackage, sh } from '../_helpers/packed-package';

const ROOT = path.resolve(__dirname, '..', '..');
const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Platform Team', GIT_AUTHOR_EMAIL: 'platform@example.org', GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_NAME: 'Platform Team', GIT_COMMITTER_EMAIL: 'platform@example.org', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
};

/** Runs a command that may fail; returns its exit code and output. */
function attempt(cmd: string, args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...OFFLINE_ENV, ...GIT_ENV } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const git = (args: string[], cwd: string) => sh('git', args, cwd, GIT_ENV).trim();

/**
 * Every package npm installs for `pkg` (a package.json), as lockfile paths (`node_modules/a`,
 * `node_modules/a/node_modules/b`): the dependencies, optional dependencies and required peers,
 * followed through this repository's package-lock.json, which pins the versions the project
 * gets, and resolved the way Node and npm resolve them (nearest node_modules first). Optional
 * packages npm did not install here (other platforms) are left out, as npm leaves them out.
 */
function installedTree(pkg: Record<string, any>, skip: string): string[] {
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')).packages as Record<string, any>;
  const wanted = (p: Record<string, any>) => {
    const optionalPeers = new Set(Object.entries(p.peerDependenciesMeta ?? {}).filter(([, m]: [string, any]) => m.optional).map(([n]) => n));
    return [...Object.keys(p.dependencies ?? {}), ...Object.keys(p.optionalDependencies ?? {}),
      ...Object.keys(p.peerDependencies ?? {}).filter((n) => !optionalPeers.has(n))];
  };
  const resolve = (from: string, name: string): string | undefined => {
    for (let at = from; ; at = at.includes('/node_modules/') ? at.slice(0, at.lastIndexOf('/node_modules/')) : '') {
      const key = at ? `${at}/node_modules/${name}` : `node_modules/${name}`;
      if (lock[key] && fs.existsSync(path.join(ROOT, key))) return key;
      if (!at) return undefined;
    }
  };
  const seen = new Set<string>();
  const queue = [...wanted(pkg), ...Object.keys(pkg.devDependencies ?? {}), ...wanted(JSON.parse(fs.readFileSync(path.join(skip, 'package.json'), 'utf8')))]
    .filter((n) => n !== 'cdk8s-crossplane').map((n) => ['', n]);
  while (queue.length > 0) {
    const [from, name] = queue.shift()!;
    const key = resolve(from, name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    for (const dep of wanted(lock[key])) queue.push([key, dep]);
  }
  return [...seen].sort();
}

describe('releasing a platform from a project created by init --package <tarball>', () => {
  let project: string;
  let remove = () => {};
  let synthOutput: string;
  let homeHasVersionCache: boolean;
  let commit: string;

  // Slower than 10 s on a busy machine: the shared project is built when no other test file has
  // (10-30 s), and `npm run synth` runs cdk8s-cli, the app through tsx and the validation plugin.
  beforeAll(async () => {
    const pkg = await packedPackage();
    ({ dir: project, remove } = copyOfProject(pkg, 'cdk8s-crossplane-release-'));
    git(['init', '-q', '-b', 'main'], project);
    // node_modules is a link here, which the template's `node_modules/` pattern (folders only) does not cover.
    fs.appendFileSync(path.join(project, '.git', 'info', 'exclude'), 'node_modules\ndist/\n');
    git(['add', '-A'], project);
    git(['commit', '-q', '-m', 'A new platform'], project);
    commit = git(['rev-parse', 'HEAD'], project);
    // A HOME without cdk8s-cli's version cache: with the check on, synth would ask the registry.
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-crossplane-home-'));
    try {
      synthOutput = sh('npm', ['run', 'synth'], project, { HOME: home });
      // cdk8s-cli caches what the registry answered in this file.
      homeHasVersionCache = fs.existsSync(path.join(home, '.cdk8s-cli.version'));
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  }, 300_000);

  afterAll(() => remove());

  // Slower than 10 s on a busy machine: two runs of the npm CLI, which loads the whole tree.
  test('installs without install-script warnings: npm finds no install script it has not been told about', () => {
    // npm's own check over the tree the project installs: each package's package.json (all npm
    // reads to find install scripts) laid out as npm installs it, the packed package itself
    // from the tarball. The project's package.json is init's, with its allowScripts.
    const projectPkg = JSON.parse(fs.readFileSync(path.join(project, 'package.json'), 'utf8'));
    const installed = path.join(project, 'node_modules', 'cdk8s-crossplane');
    const tree = installedTree(projectPkg, installed);
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-crossplane-scripts-'));
    try {
      const lay = (pkgJson: Record<string, any>) => {
        fs.rmSync(path.join(scratch, 'package.json'), { force: true });
        fs.writeFileSync(path.join(scratch, 'package.json'), JSON.stringify(pkgJson, null, 2));
      };
      for (const key of tree) {
        fs.mkdirSync(path.join(scratch, key), { recursive: true });
        for (const file of ['package.json', 'binding.gyp']) {
          if (fs.existsSync(path.join(ROOT, key, file))) fs.copyFileSync(path.join(ROOT, key, file), path.join(scratch, key, file));
        }
      }
      fs.mkdirSync(path.join(scratch, 'node_modules', 'cdk8s-crossplane'));
      fs.copyFileSync(path.join(installed, 'package.json'), path.join(scratch, 'node_modules', 'cdk8s-crossplane', 'package.json'));
      expect(tree).toContain('node_modules/esbuild');
      expect(tree).toContain('node_modules/cdk8s');

      lay(projectPkg);
      expect(sh('npm', ['install-scripts', 'ls'], scratch)).toMatch(/No packages with unreviewed install scripts/);
      // The check sees the tree: without the template's allowScripts, npm names esbuild's postinstall.
      lay({ ...projectPkg, allowScripts: undefined });
      expect(sh('npm', ['install-scripts', 'ls'], scratch)).toMatch(/esbuild@[\d.]+ \(postinstall: node install\.js\)/);
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  }, 120_000);

  test('`npm run synth` writes the XRD, the Composition and the Functions, and validates them, without asking the registry', () => {
    expect(homeHasVersionCache).toBe(false);
    expect(synthOutput).not.toMatch(/new version|http error|Error:/);
    expect(synthOutput).toContain('Validations ended succesfully');
    expect(fs.readdirSync(path.join(project, 'dist')).filter((f) => f.endsWith('.yaml')).sort())
      .toStrictEqual(['functions.k8s.yaml', 'service-account.k8s.yaml']);
    const objects = parseAllDocuments(fs.readFileSync(path.join(project, 'dist', 'service-account.k8s.yaml'), 'utf8')).map((d) => d.toJS());
    expect(objects.map((o) => `${o.kind} ${o.metadata.name}`)).toStrictEqual([
      'CompositeResourceDefinition xserviceaccounts.iam.example.org', 'Composition xserviceaccounts.iam.example.org',
    ]);
  });

  test('synth writes the Configuration package folder that `package` reads, and validates it', () => {
    expect(synthOutput).toContain('Validations ended succesfully');
    expect(fs.readdirSync(path.join(project, 'dist', 'package')).sort()).toStrictEqual(['crossplane.yaml', 'service-account.k8s.yaml']);
    const objects = parseAllDocuments(fs.readFileSync(path.join(project, 'dist', 'package', 'service-account.k8s.yaml'), 'utf8')).map((d) => d.toJS());
    expect(objects.map((o) => o.kind)).toStrictEqual(['CompositeResourceDefinition', 'Composition']);
    const meta = parseAllDocuments(fs.readFileSync(path.join(project, 'dist', 'package', 'crossplane.yaml'), 'utf8'))[0].toJS();
    expect(meta).toMatchObject({ apiVersion: 'meta.pkg.crossplane.io/v1', kind: 'Configuration', metadata: { name: 'platform' } });
    // The Function its Composition's steps use and the provider of the kinds it composes.
    expect(meta.spec.dependsOn.map((d: any) => `${d.kind} ${d.package}`)).toStrictEqual([
      'Function xpkg.crossplane.io/crossplane-contrib/function-patch-and-transform',
      'Provider xpkg.upbound.io/upbound/provider-gcp-cloudplatform',
    ]);
    // Not a cluster object: only in the package folder.
    expect(fs.existsSync(path.join(project, 'dist', 'crossplane.yaml'))).toBe(false);
  });

  describe('package --sbom --provenance', () => {
    const built: Array<{ file: string; digest: string; pushed: string; output: string }> = [];
    const bin = () => path.join(project, 'node_modules', '.bin', 'cdk8s-crossplane');

    beforeAll(() => {
      for (const name of ['first', 'second']) {
        const file = path.join(project, 'out', name, 'platform.xpkg');
        // npm did not install this copy (its node_modules is linked), so it has no
        // package-lock.json: the provenance records the file named here instead.
        const output = sh(bin(), ['package', '--sbom', '--provenance', '--lockfile', 'package.json', '-o', file], project);
        built.push({ file, output, digest: /image digest: +(sha256:[0-9a-f]{64})/.exec(output)![1], pushed: /pushed digest: +(sha256:[0-9a-f]{64})/.exec(output)![1] });
      }
    });

    test('twice gives the same digest and the same bytes', () => {
      expect(built[1].digest).toBe(built[0].digest);
      expect(built[1].pushed).toBe(built[0].pushed);
      expect(fs.readFileSync(built[1].file).equals(fs.readFileSync(built[0].file))).toBe(true);
    });

    test('its SBOM validates against the CycloneDX 1.6 schema and lists the dependencies of crossplane.yaml', () => {
      const bom = JSON.parse(fs.readFileSync(`${built[0].file}.cdx.json`, 'utf8'));
      expect(bom.bomFormat).toBe('CycloneDX');
      expect(cycloneDxProblems(bom)).toStrictEqual([]);
      const meta = parseAllDocuments(fs.readFileSync(path.join(project, 'dist', 'package', 'crossplane.yaml'), 'utf8'))[0].toJS();
      const listed = JSON.stringify(bom.components);
      for (const dep of meta.spec.dependsOn) expect(listed).toContain(dep.package);
    });

    test('its provenance names that digest, the file\'s digest, the commit and the lockfile', () => {
      const statement = JSON.parse(fs.readFileSync(`${built[0].file}.intoto.json`, 'utf8'));
      expect(statement._type).toBe('https://in-toto.io/Statement/v1');
      const digests = statement.subject.map((s: any) => `sha256:${s.digest.sha256}`);
      expect(digests).toContain(built[0].pushed);
      expect(digests).toContain(`sha256:${createHash('sha256').update(fs.readFileSync(built[0].file)).digest('hex')}`);
      expect(statement.predicate.buildDefinition.resolvedDependencies).toStrictEqual(expect.arrayContaining([
        expect.objectContaining({ digest: { gitCommit: commit } }),
        { uri: 'file:package.json', digest: { sha256: createHash('sha256').update(fs.readFileSync(path.join(project, 'package.json'))).digest('hex') } },
      ]));
    });
  });

  // Slower than 10 s on a busy machine: diff synthesizes both revisions with the app command.
  test('diff against the commit before one that removes a field reports the removal as breaking', () => {
    const main = path.join(project, 'main.ts');
    const before = fs.readFileSync(main, 'utf8');
    // Remove `spec.role` from the XRD, and the patch that reads it.
    const field = /\n *role: Schema\.string\([^\n]*\n/;
    const patch = /\n *Patch\.fromCompositeFieldPath\(xr => xr\.spec\.role,[\s\S]*?\n *\}\),\n/;
    expect(before).toMatch(field);
    expect(before).toMatch(patch);
    fs.writeFileSync(main, before.replace(field, '\n').replace(patch, '\n'));
    git(['commit', '-q', '-am', 'Drop the role field'], project);

    const r = attempt(path.join(project, 'node_modules', '.bin', 'cdk8s-crossplane'), ['diff', '--base', 'HEAD~1'], project);
    expect(r.stderr).toMatch(/breaking change/);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/xserviceaccounts\.iam\.example\.org/);
    expect(r.stdout).toMatch(/spec\.role/);
    expect(r.stdout).toMatch(/breaking/i);
  }, 120_000);
});
