// The .xpkg that `cdk8s-crossplane package` builds must be what `crossplane xpkg build` writes
// (expectations read from upstream code, not from our output):
// - crossplane/crossplane-runtime pkg/xpkg/build.go `Build`/`encode`, layers.go `Layer`/`Label`/
//   `AnnotateLayers`, name.go constants, lint.go `NewConfigurationLinter` (commit 4e7ed235);
//   build_test.go `TestBuildExamples` checks the same things: package.yaml in the image and the
//   `base` label in the config;
// - crossplane/crossplane cmd/crank/xpkg/build.go (0a1e3518): `tarball.Write(nil, img, f)`, name
//   `<meta name>-<12 hex>.xpkg`;
// - google/go-containerregistry pkg/v1/tarball/write.go (3f4ff3ca): config blob, `<hex>.tar.gz`
//   layers and `manifest.json` with `RepoTags: null`;
// - golang/go src/archive/tar/writer.go (0081f17f): USTAR headers, zero time written as 0.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseAllDocuments } from 'yaml';
import { main } from '../../src/cli/main';
import { UserError } from '../../src/errors';
import { buildXpkg, isSemverConstraint, PackageFile, readPackageFolder, xpkgFileName } from '../../src/package/xpkg';
import { gzipStored } from '../../src/package/_gzip';
import { readTar, tarArchive } from '../../src/package/_tar';
import { exampleOutput } from '../_helpers/example-output';
import { fakeIo } from '../_helpers/fake-io';

const sha = (b: Buffer | string) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** The package folder of the example app, as `npx cdk8s synth` writes it. */
const exampleFiles: PackageFile[] = exampleOutput(false)
  .filter((f) => f.path.startsWith('package/'))
  .map((f) => ({ path: f.path.slice('package/'.length), content: f.content }));

const built = buildXpkg(exampleFiles);

function entries(tarball: Buffer): Record<string, Buffer> {
  return Object.fromEntries(readTar(tarball).map((e) => [e.name, e.data]));
}

function errorOf(fn: () => unknown): UserError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return err as UserError;
  }
  throw new Error('expected a UserError');
}

// The digest of the tiny package below, as first built; see the test that uses it.
const GOLDEN_DIGEST = 'sha256:307aab7139b1368482f61ba6f892c88e212fad251ebc841350dac5263eccc410';
const META = 'apiVersion: meta.pkg.crossplane.io/v1\nkind: Configuration\nmetadata:\n  name: tiny\nspec:\n  crossplane:\n    version: ">=v2.0.0"\n';
const XRD = 'apiVersion: apiextensions.crossplane.io/v2\nkind: CompositeResourceDefinition\nmetadata:\n  name: xthings.example.org\nspec:\n  group: example.org\n';
const COMPOSITION = 'apiVersion: apiextensions.crossplane.io/v1\nkind: Composition\nmetadata:\n  name: thing\nspec:\n  mode: Pipeline\n';

describe('buildXpkg', () => {
  test('two builds of the same files give the same bytes and digests; a changed file changes them', () => {
    const again = buildXpkg(exampleFiles.map((f) => ({ ...f })));
    expect(again.tarball.equals(built.tarball)).toBe(true);
    expect(again.digest).toBe(built.digest);
    expect(again.pushedDigest).toBe(built.pushedDigest);
    const changed = exampleFiles.map((f) => (f.path === 'crossplane.yaml' ? { ...f, content: f.content.replace('platform-example', 'platform-other') } : f));
    expect(buildXpkg(changed).digest).not.toBe(built.digest);
  });

  test('the tarball holds the config blob, one gzip layer and manifest.json, as tarball.Write lays them out', () => {
    const files = readTar(built.tarball).map((e) => e.name);
    const layerFile = `${built.layer.digest.slice(7)}.tar.gz`;
    expect(files).toStrictEqual([built.config.digest, layerFile, 'manifest.json']);
    const e = entries(built.tarball);
    expect(JSON.parse(e['manifest.json'].toString())).toStrictEqual([{ Config: built.config.digest, RepoTags: null, Layers: [layerFile] }]);
    // Every name is the digest of its content.
    expect(sha(e[built.config.digest])).toBe(built.config.digest);
    expect(sha(e[layerFile])).toBe(built.layer.digest);
    expect(e[layerFile].length).toBe(built.layer.size);
  });

  test('the layer holds only package.yaml: the meta object first, then the XRDs and Compositions of the folder', () => {
    const e = entries(built.tarball);
    const layerTar = gunzipSync(e[`${built.layer.digest.slice(7)}.tar.gz`]);
    expect(sha(layerTar)).toBe(built.layer.diffId);
    const inner = readTar(layerTar);
    expect(inner.map((x) => x.name)).toStrictEqual(['package.yaml']);
    const text = inner[0].data.toString('utf8');
    expect(text).toBe(built.packageYaml);
    // encode(): `---`, the meta object, `---`, then each object followed by `---`.
    expect(text.startsWith('---\napiVersion: meta.pkg.crossplane.io/v1\nkind: Configuration\n')).toBe(true);
    expect(text.endsWith('---\n')).toBe(true);
    const docs = parseAllDocuments(text).map((d) => d.toJS()).filter((d) => d !== null);
    expect(docs[0]).toMatchObject({ kind: 'Configuration', metadata: { name: 'platform-example' } });
    const inputObjects = exampleFiles.filter((f) => f.path !== 'crossplane.yaml').flatMap((f) => parseAllDocuments(f.content).map((d) => d.toJS()));
    const key = (o: any) => `${o.kind} ${o.metadata.name}`;
    expect(docs.slice(1).map(key)).toStrictEqual(inputObjects.map(key));
    expect(docs.slice(1)).toStrictEqual(inputObjects);
    expect(new Set(docs.slice(1).map((d) => d.kind))).toStrictEqual(new Set(['CompositeResourceDefinition', 'Composition']));
  });

  test('the config labels the package layer `io.crossplane.xpkg:<layer digest>: base`; the pushed manifest annotates it', () => {
    const config = JSON.parse(entries(built.tarball)[built.config.digest].toString());
    expect(config.config.Labels).toStrictEqual({ [`io.crossplane.xpkg:${built.layer.digest}`]: 'base' });
    expect(config.rootfs).toStrictEqual({ type: 'layers', diff_ids: [built.layer.diffId] });
    const pushed = JSON.parse(built.manifest.pushed);
    expect(pushed.layers).toStrictEqual([{
      mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: built.layer.size, digest: built.layer.digest,
      annotations: { 'io.crossplane.xpkg': 'base' },
    }]);
    expect(pushed.config).toStrictEqual({ mediaType: 'application/vnd.docker.container.image.v1+json', size: built.config.size, digest: built.config.digest });
    expect(sha(built.manifest.pushed)).toBe(built.pushedDigest);
    expect(sha(built.manifest.built)).toBe(built.digest);
    expect(JSON.parse(built.manifest.built).layers[0].annotations).toBeUndefined();
  });

  test('tar headers are Go archive/tar USTAR headers: mode 0644, uid/gid 0, mtime 0, valid checksum', () => {
    const archive = tarArchive([{ name: 'package.yaml', data: Buffer.from('abc') }]);
    expect(archive.length).toBe(512 + 512 + 1024); // header, padded body, two zero blocks
    const h = archive.subarray(0, 512);
    const field = (at: number, len: number) => h.subarray(at, at + len).toString('latin1');
    expect(field(100, 8)).toBe('0000644\0');
    expect(field(108, 8)).toBe('0000000\0');
    expect(field(124, 12)).toBe('00000000003\0');
    expect(field(136, 12)).toBe('00000000000\0');
    expect(field(156, 1)).toBe('0');
    expect(field(257, 8)).toBe('ustar\x0000');
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i];
    expect(field(148, 8)).toBe(`${sum.toString(8).padStart(6, '0')}\0 `);
    expect(archive.subarray(1024).every((b) => b === 0)).toBe(true);
  });

  test('the layer is gzip with a fixed header and stored blocks, so its bytes do not depend on the zlib build', () => {
    const gz = entries(built.tarball)[`${built.layer.digest.slice(7)}.tar.gz`];
    expect([...gz.subarray(0, 10)]).toStrictEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]); // no name, no time, OS unknown
    expect(gz[10] & 0b110).toBe(0); // BTYPE 00: stored
    expect(sha(gunzipSync(gz))).toBe(built.layer.diffId);
    // Blocks hold at most 65535 bytes: a large layer spans several, and still reads back whole.
    const big = tarArchive([{ name: 'package.yaml', data: Buffer.alloc(200_000, 'a') }]);
    expect(gunzipSync(gzipStored(big)).equals(big)).toBe(true);
    expect(gunzipSync(gzipStored(Buffer.alloc(0))).length).toBe(0);
  });

  test('a fixed tiny package has a fixed digest on every Node.js version and platform', () => {
    // Pins the byte format (tar headers, gzip, JSON of config and manifest): any change to it
    // changes the digest of every package users built before, so it must be deliberate.
    const tiny = buildXpkg([{ path: 'crossplane.yaml', content: META }]);
    expect(tiny.layer.diffId).toBe(sha(tarArchive([{ name: 'package.yaml', data: Buffer.from(tiny.packageYaml) }])));
    expect(tiny.packageYaml).toBe('---\napiVersion: meta.pkg.crossplane.io/v1\nkind: Configuration\nmetadata:\n  name: tiny\nspec:\n  crossplane:\n    version: \'>=v2.0.0\'\n---\n');
    expect(tiny.digest).toBe(GOLDEN_DIGEST);
  });

  test('files are taken in walk order, .yaml/.yml only, empty files skipped', () => {
    const x = buildXpkg([
      { path: 'b.yml', content: COMPOSITION },
      { path: 'a/x.yaml', content: XRD },
      { path: 'a-c.yaml', content: XRD.replace('xthings', 'xothers') },
      { path: 'crossplane.yaml', content: META },
      { path: 'notes.txt', content: 'kind: Nope' },
      { path: 'empty.yaml', content: '' },
    ]);
    expect(x.objects.map((o: any) => o.metadata.name)).toStrictEqual(['xthings.example.org', 'xothers.example.org', 'thing']);
    expect(xpkgFileName(x)).toMatch(/^tiny-[0-9a-f]{12}\.xpkg$/);
    expect(xpkgFileName(x)).toBe(`tiny-${x.digest.slice(7, 19)}.xpkg`);
  });
});

describe('bad input', () => {
  test('malformed crossplane.yaml names the file and the YAML problem', () => {
    const err = errorOf(() => buildXpkg([{ path: 'crossplane.yaml', content: 'apiVersion: meta.pkg.crossplane.io/v1\nkind: [Configuration\n' }]));
    expect(err.message).toMatch(/crossplane\.yaml.*not valid YAML/);
  });

  test('no meta object, or two, is "not exactly one package meta type" with where they are', () => {
    expect(errorOf(() => buildXpkg([{ path: 'x.yaml', content: XRD }])).message).toMatch(/not exactly one package meta type: found 0/);
    const two = errorOf(() => buildXpkg([{ path: 'crossplane.yaml', content: META }, { path: 'more.yaml', content: META }]));
    expect(two.message).toMatch(/found 2 \(crossplane\.yaml: document 0, more\.yaml: document 0\)/);
  });

  test('a kind a Configuration may not hold is named with its file and document', () => {
    const err = errorOf(() => buildXpkg([{ path: 'crossplane.yaml', content: META }, { path: 'fns.yaml', content: `${XRD}---\napiVersion: pkg.crossplane.io/v1\nkind: Function\nmetadata:\n  name: f\n` }]));
    expect(err.message).toMatch(/fns\.yaml: document 1: Function pkg\.crossplane\.io\/v1 cannot be part of a Configuration package/);
  });

  test('a Provider meta object is refused: only Configurations are built', () => {
    const err = errorOf(() => buildXpkg([{ path: 'crossplane.yaml', content: META.replace('kind: Configuration', 'kind: Provider') }]));
    expect(err.message).toMatch(/package meta type is Provider, not Configuration/);
  });

  test.each([
    ['a bad crossplane constraint (lint_test.go TestPackageValidSemver ">a0.13.0")', META.replace('">=v2.0.0"', '">a0.13.0"'), /spec\.crossplane\.version must be a semver constraint, got '>a0\.13\.0'/],
    ['a short digest', `${META}  dependsOn:\n  - apiVersion: pkg.crossplane.io/v1\n    kind: Function\n    package: xpkg.crossplane.io/crossplane-contrib/function-auto-ready\n    version: sha256:abc\n`, /spec\.dependsOn\[0\]\.version must be 'sha256:' and 64 lowercase hex digits/],
    ['a digest in package', `${META}  dependsOn:\n  - apiVersion: pkg.crossplane.io/v1\n    kind: Function\n    package: xpkg.crossplane.io/crossplane-contrib/function-auto-ready@sha256:${'a'.repeat(64)}\n    version: '>=v0.7.0'\n`, /spec\.dependsOn\[0\]\.package must not carry a tag or digest/],
    ['a missing version', `${META}  dependsOn:\n  - apiVersion: pkg.crossplane.io/v1\n    kind: Provider\n    package: xpkg.upbound.io/upbound/provider-gcp-compute\n`, /spec\.dependsOn\[0\]\.version is missing/],
  ])('crossplane.yaml with %s is refused', (_name, meta, message) => {
    expect(errorOf(() => buildXpkg([{ path: 'crossplane.yaml', content: meta }])).message).toMatch(message);
  });

  test('a dependency pinned by digest is accepted and kept as written', () => {
    const digest = `sha256:${'0123456789abcdef'.repeat(4)}`;
    const meta = `${META}  dependsOn:\n  - apiVersion: pkg.crossplane.io/v1\n    kind: Function\n    package: xpkg.crossplane.io/crossplane-contrib/function-auto-ready\n    version: ${digest}\n`;
    const x = buildXpkg([{ path: 'crossplane.yaml', content: meta }]);
    expect((x.meta as any).spec.dependsOn[0].version).toBe(digest);
    expect(x.packageYaml).toContain(`version: ${digest}`);
  });

  test('a missing package folder says to run synth; a file in its place says to pass the folder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xpkg-'));
    try {
      expect(errorOf(() => readPackageFolder(path.join(dir, 'nope'))).message).toMatch(/nope: no such folder: run `npx cdk8s synth`/);
      fs.writeFileSync(path.join(dir, 'file.yaml'), META);
      expect(errorOf(() => readPackageFolder(path.join(dir, 'file.yaml'))).message).toMatch(/not a folder/);
      fs.mkdirSync(path.join(dir, 'empty'));
      expect(errorOf(() => buildXpkg(readPackageFolder(path.join(dir, 'empty')))).message).toMatch(/no \.yaml or \.yml file/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test.each([
    ['>=v2.0.0-0', true], ['>v0.13.0', true], ['~1.3', true], ['>=1.0.0, <2.0.0', true], ['1.x || >=2.5.0', true], ['v1.2.3', true], ['1.2 - 1.4', true],
    ['>a0.13.0', false], ['latest', false], ['', false],
  ])('isSemverConstraint(%p) is %p', (c, ok) => {
    expect(isSemverConstraint(c)).toBe(ok);
  });
});

describe('cdk8s-crossplane package', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xpkg-cli-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('writes <name>-<digest>.xpkg into the package folder and prints both digests', async () => {
    for (const f of exampleFiles) fs.writeFileSync(path.join(dir, f.path), f.content);
    const io = fakeIo();
    expect(await main(['package', dir], io)).toBe(0);
    const file = path.join(dir, xpkgFileName(built));
    expect(fs.readFileSync(file).equals(built.tarball)).toBe(true);
    expect(io.out).toContain(built.digest);
    expect(io.out).toContain(built.pushedDigest);
    // Building again with the .xpkg in the folder gives the same package (only YAML is read).
    const out = path.join(dir, 'out', 'again.xpkg');
    expect(await main(['package', dir, '-o', out], fakeIo())).toBe(0);
    expect(fs.readFileSync(out).equals(built.tarball)).toBe(true);
  });

  test('a missing folder exits 1 with the message, no stack trace', async () => {
    const io = fakeIo();
    expect(await main(['package', path.join(dir, 'missing')], io)).toBe(1);
    expect(io.err).toMatch(/^cdk8s-crossplane package: .*missing: no such folder/);
    expect(io.err).not.toMatch(/\n\s+at /);
  });
});

describe('cdk8s-crossplane package, default folder', () => {
  let dir: string;
  const cwd = process.cwd();
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xpkg-default-')); process.chdir(dir); });
  afterEach(() => { process.chdir(cwd); fs.rmSync(dir, { recursive: true, force: true }); });

  test('reads dist/package; with only a flat dist/ holding crossplane.yaml, says what to do', async () => {
    fs.mkdirSync('dist');
    fs.writeFileSync(path.join('dist', 'crossplane.yaml'), META);
    const io = fakeIo();
    expect(await main(['package'], io)).toBe(1);
    expect(io.err).toMatch(/dist\/package: no such folder, and dist\/ holds crossplane\.yaml beside objects a Configuration package may not hold/);
    fs.mkdirSync(path.join('dist', 'package'));
    fs.writeFileSync(path.join('dist', 'package', 'crossplane.yaml'), META);
    expect(await main(['package'], fakeIo())).toBe(0);
    expect(fs.readdirSync(path.join('dist', 'package')).filter((f) => f.endsWith('.xpkg'))).toHaveLength(1);
  });
});
