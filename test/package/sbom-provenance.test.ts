// SBOMs must validate against the CycloneDX JSON schema as published, taken from the
// @cyclonedx/cyclonedx-library package, never from the network (test/_helpers/cyclonedx.ts).
// The provenance follows the in-toto Statement v1 and SLSA Provenance v1 field names (in-toto/attestation spec/v1/statement.md,
// slsa.dev/spec/v1.0/provenance).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { npmPackageSbom } from '../../scripts/sbom';
import { buildXpkg, PackageFile, xpkgFileName } from '../../src/package/xpkg';
import { xpkgSbom } from '../../src/package/sbom';
import { xpkgProvenance } from '../../src/package/provenance';
import { cycloneDxProblems } from '../_helpers/cyclonedx';
import { fakeIo } from '../_helpers/fake-io';

const ROOT = path.resolve(__dirname, '..', '..');
const problems = cycloneDxProblems;

const DIGEST_A = `sha256:${'a1'.repeat(32)}`;
const META = `apiVersion: meta.pkg.crossplane.io/v1
kind: Configuration
metadata:
  name: platform-tiny
spec:
  crossplane:
    version: '>=v2.0.0'
  dependsOn:
  - apiVersion: pkg.crossplane.io/v1
    kind: Function
    package: xpkg.crossplane.io/crossplane-contrib/function-patch-and-transform
    version: ${DIGEST_A}
  - apiVersion: pkg.crossplane.io/v1
    kind: Provider
    package: xpkg.upbound.io/upbound/provider-gcp-compute
    version: '>=v3.0.0'
`;
const XRD = 'apiVersion: apiextensions.crossplane.io/v2\nkind: CompositeResourceDefinition\nmetadata:\n  name: xthings.example.org\n';
const files: PackageFile[] = [{ path: 'crossplane.yaml', content: META }, { path: 'apis.yaml', content: XRD }];
const pkg = buildXpkg(files);
const tool = { name: 'cdk8s-crossplane', version: '0.0.0-test' };

describe('the schema check itself', () => {
  test('rejects a BOM that breaks the schema (wrong hash length, unknown component type)', () => {
    const bom = xpkgSbom(pkg, { tool }) as any;
    bom.components[0].hashes[0].content = 'abc';
    bom.components[1].type = 'gadget';
    expect(problems(bom).join('\n')).toMatch(/hashes\/0\/content/);
    expect(problems(bom).join('\n')).toMatch(/components\/1\/type/);
  });
});

describe('SBOM of the npm package (npm run sbom)', () => {
  const text = npmPackageSbom(ROOT);
  const bom = JSON.parse(text);

  test('validates against the CycloneDX 1.6 schema', () => {
    expect(bom.specVersion).toBe('1.6');
    expect(problems(bom)).toStrictEqual([]);
  });

  test('names this package and every runtime dependency of package.json at its locked version, with its hash', () => {
    const own = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
    expect(bom.metadata.component).toMatchObject({ name: own.name, version: own.version, purl: `pkg:npm/${own.name}@${own.version}` });
    const rootDeps = bom.dependencies.find((d: any) => d.ref === bom.metadata.component['bom-ref']).dependsOn;
    for (const name of Object.keys(own.dependencies ?? {})) {
      const locked = lock.packages[`node_modules/${name}`];
      const purl = `pkg:npm/${name.replace(/^@/, '%40')}@${locked.version}`;
      expect(rootDeps).toContain(purl);
      const c = bom.components.find((x: any) => x.purl === purl);
      const sha512 = Buffer.from(locked.integrity.replace(/^sha512-/, ''), 'base64').toString('hex');
      expect(c.hashes).toStrictEqual([{ alg: 'SHA-512', content: sha512 }]);
    }
    // Development tools are not part of what users install.
    expect(bom.components.some((c: any) => c.name === 'jest')).toBe(false);
  });

  test('is the same text from run to run (no timestamp, no serial number)', () => {
    expect(npmPackageSbom(ROOT)).toBe(text);
    expect(bom.serialNumber).toBeUndefined();
    expect(bom.metadata.timestamp).toBeUndefined();
  });
});

describe('SBOM of the .xpkg', () => {
  const bom = xpkgSbom(pkg, { tool, repository: 'xpkg.example.org/platform/platform-tiny' }) as any;

  test('validates against the CycloneDX 1.6 schema', () => {
    expect(problems(bom)).toStrictEqual([]);
    expect(problems(xpkgSbom(pkg, { tool, timestamp: '2026-01-01T00:00:00Z', serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79' }))).toStrictEqual([]);
  });

  test('the package is the described component, named by its pushed digest', () => {
    expect(bom.metadata.component).toMatchObject({
      name: 'platform-tiny',
      version: pkg.pushedDigest,
      hashes: [{ alg: 'SHA-256', content: pkg.pushedDigest.slice(7) }],
      purl: `pkg:oci/platform-tiny@sha256%3A${pkg.pushedDigest.slice(7)}?repository_url=xpkg.example.org%2Fplatform%2Fplatform-tiny`,
    });
  });

  test('lists each Function and Provider dependency: a pinned one with its digest, a constrained one with its constraint', () => {
    const byName = Object.fromEntries(bom.components.map((c: any) => [c.name, c]));
    expect(byName['function-patch-and-transform']).toMatchObject({
      group: 'xpkg.crossplane.io/crossplane-contrib', version: DIGEST_A, hashes: [{ alg: 'SHA-256', content: DIGEST_A.slice(7) }],
      purl: `pkg:oci/function-patch-and-transform@sha256%3A${DIGEST_A.slice(7)}?repository_url=xpkg.crossplane.io%2Fcrossplane-contrib%2Ffunction-patch-and-transform`,
    });
    expect(byName['function-patch-and-transform'].properties).toContainEqual({ name: 'crossplane:package:kind', value: 'Function' });
    expect(byName['provider-gcp-compute'].version).toBeUndefined();
    expect(byName['provider-gcp-compute'].properties).toStrictEqual([
      { name: 'crossplane:package:kind', value: 'Provider' }, { name: 'crossplane:dependency:constraint', value: '>=v3.0.0' },
    ]);
    expect(bom.dependencies[0]).toStrictEqual({ ref: bom.metadata.component['bom-ref'], dependsOn: bom.components.map((c: any) => c['bom-ref']) });
  });
});

describe('provenance of the .xpkg', () => {
  const commit = 'c'.repeat(40);
  const statement = xpkgProvenance({
    pkg, fileName: xpkgFileName(pkg), source: { uri: 'git+https://github.com/example-org/platform', commit },
    lockfile: { path: 'package-lock.json', content: '{"lockfileVersion":3}' }, packageDir: 'dist/package',
    builderId: 'urn:test', tool,
  }) as any;

  test('is an in-toto v1 statement with a SLSA v1 predicate whose subject is the package digest', () => {
    expect(statement._type).toBe('https://in-toto.io/Statement/v1');
    expect(statement.predicateType).toBe('https://slsa.dev/provenance/v1');
    expect(statement.subject).toStrictEqual([
      { name: 'platform-tiny', digest: { sha256: pkg.pushedDigest.slice(7) } },
      { name: xpkgFileName(pkg), digest: { sha256: createHash('sha256').update(pkg.tarball).digest('hex') } },
    ]);
  });

  test('records the git commit and the lockfile digest as resolved dependencies', () => {
    expect(statement.predicate.buildDefinition.resolvedDependencies).toStrictEqual([
      { uri: `git+https://github.com/example-org/platform@${commit}`, digest: { gitCommit: commit } },
      { uri: 'file:package-lock.json', digest: { sha256: createHash('sha256').update('{"lockfileVersion":3}').digest('hex') } },
    ]);
    expect(statement.predicate.runDetails.builder).toStrictEqual({ id: 'urn:test' });
  });
});

describe('cdk8s-crossplane package --sbom --provenance', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xpkg-prov-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe', encoding: 'utf8' }).trim();

  test('writes the package, its SBOM and a provenance naming the printed digest, the commit and the lockfile', async () => {
    fs.mkdirSync(path.join(dir, 'dist', 'package'), { recursive: true });
    for (const f of files) fs.writeFileSync(path.join(dir, 'dist', 'package', f.path), f.content);
    fs.writeFileSync(path.join(dir, 'package-lock.json'), '{"lockfileVersion":3,"packages":{}}\n');
    git('init', '-q');
    git('-c', 'user.email=t@example.org', '-c', 'user.name=t', 'add', '.');
    git('-c', 'user.email=t@example.org', '-c', 'user.name=t', 'commit', '-q', '-m', 'platform');
    const commit = git('rev-parse', 'HEAD');
    const out = path.join(dir, 'out', 'platform.xpkg');
    const io = fakeIo();
    const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'example-org/platform', GITHUB_WORKFLOW_REF: 'example-org/platform/.github/workflows/release.yaml@refs/heads/main', GITHUB_RUN_ID: '42' };
    const { run } = await import('../../src/cli/package');
    expect(await run([path.join(dir, 'dist', 'package'), '-o', out, '--sbom', '--provenance', '--lockfile', path.join(dir, 'package-lock.json')], io, env, dir)).toBe(0);
    expect(io.err).toBe('');
    expect(io.out).toContain(`pushed digest: ${pkg.pushedDigest}`);
    expect(fs.readFileSync(out).equals(pkg.tarball)).toBe(true);
    expect(problems(JSON.parse(fs.readFileSync(`${out}.cdx.json`, 'utf8')))).toStrictEqual([]);
    const st = JSON.parse(fs.readFileSync(`${out}.intoto.json`, 'utf8'));
    expect(st.subject[0].digest.sha256).toBe(pkg.pushedDigest.slice(7));
    expect(st.predicate.buildDefinition.resolvedDependencies[0]).toStrictEqual({ uri: `git+https://github.com/example-org/platform@${commit}`, digest: { gitCommit: commit } });
    expect(st.predicate.buildDefinition.resolvedDependencies[1].digest.sha256)
      .toBe(createHash('sha256').update('{"lockfileVersion":3,"packages":{}}\n').digest('hex'));
    expect(st.predicate.runDetails.builder.id).toBe('https://github.com/example-org/platform/.github/workflows/release.yaml@refs/heads/main');
    expect(st.predicate.runDetails.metadata.invocationId).toBe('https://github.com/example-org/platform/actions/runs/42/attempts/1');
  });

  test('outside a git repository --provenance fails before writing anything', async () => {
    for (const f of files) fs.writeFileSync(path.join(dir, f.path), f.content);
    fs.writeFileSync(path.join(dir, 'package-lock.json'), '{}');
    const io = fakeIo();
    const { run } = await import('../../src/cli/package');
    const code = await run([dir, '--provenance', '--lockfile', path.join(dir, 'package-lock.json'), '--sbom'], io, {}, dir).catch((e: Error) => {
      io.stderr(e.message);
      return 1;
    });
    expect(code).toBe(1);
    expect(io.err).toMatch(/--provenance needs the git commit of the source, but 'git rev-parse HEAD' failed/);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.xpkg') || f.endsWith('.json') && f !== 'package-lock.json')).toStrictEqual([]);
  });
});
