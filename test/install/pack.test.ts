// What users install must work, not only the repository: the library packed by `npm pack` (its
// `prepack` builds it), installed into a project as npm lays it out, with dependencies from this
// repository's node_modules (no registry, no npm cache; see test/_helpers/packed-package.ts),
// and a small platform API synthesized there with plain JavaScript.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { PackedPackage, packedPackage, sh } from '../_helpers/packed-package';

const ROOT = path.resolve(__dirname, '..', '..');
const OWN = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

const APP = `
const { App, Chart } = require('cdk8s');
const { Schema, CompositeResourceDefinition, Composition, Patch, Transform, render } = require('cdk8s-crossplane');

const app = new App({ outdir: 'dist' });
const chart = new Chart(app, 'bucket');
const xrd = new CompositeResourceDefinition(chart, 'Definition', {
  group: 'storage.example.org',
  names: { kind: 'XBucket', plural: 'xbuckets' },
  version: 'v1alpha1',
  spec: Schema.object({
    region: Schema.string({ enum: ['eu', 'us'] }),
  }),
});
const comp = new Composition(chart, 'Composition', { xrd });
const bucket = comp.addResource('bucket', {
  apiVersion: 'kubernetes.m.crossplane.io/v1alpha1',
  kind: 'Object',
  spec: { forProvider: { manifest: { apiVersion: 'v1', kind: 'ConfigMap', data: {} } } },
});
bucket.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.region, 'spec.forProvider.manifest.data.location', {
  transforms: [Transform.map({ eu: 'EU', us: 'US' })],
}));
app.synth();

const composition = comp.resource.toJson();
const xr = { apiVersion: 'storage.example.org/v1alpha1', kind: 'XBucket', metadata: { name: 'b', namespace: 'team' }, spec: { region: 'eu' } };
require('fs').writeFileSync('rendered.yaml', render({ xr, composition }).toYaml());
`;

describe('the packed tarball', () => {
  let pkg: PackedPackage;
  let project: string;
  let installed: string;

  beforeAll(async () => {
    // Builds the tarball and the installed project when no other test file has (10-30 s).
    pkg = await packedPackage();
    installed = path.join(pkg.project, 'node_modules', 'cdk8s-crossplane');
    // A folder of its own whose node_modules is the installed project's: node resolves the
    // package and its peers from there, as in a user's repository.
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-crossplane-pack-'));
    fs.symlinkSync(path.join(pkg.project, 'node_modules'), path.join(project, 'node_modules'), 'junction');
    fs.writeFileSync(path.join(project, 'app.js'), APP);
    sh('node', ['app.js'], project);
  }, 300_000);

  afterAll(() => project && fs.rmSync(project, { recursive: true, force: true }));

  test('holds exactly the package entries: package.json, README, bin and the compiled lib', () => {
    const top = [...new Set(pkg.files.map((f) => f.split('/')[0]))].sort();
    const licenses = fs.readdirSync(ROOT).filter((f) => /^licen[cs]e/i.test(f));
    expect(top).toStrictEqual(['README.md', 'bin', 'lib', 'package.json', ...licenses].sort());
    expect([...new Set(pkg.files.filter((f) => f.startsWith('lib/')).map((f) => f.split('/')[1]))].sort()).toStrictEqual(['imports', 'src']);
    for (const file of ['lib/src/index.js', 'lib/src/index.d.ts', 'lib/src/testing/index.js', 'lib/src/testing/index.d.ts', 'bin/cdk8s-crossplane.js',
      'lib/src/validate/cdk8s-plugin.js', 'lib/imports/schemas/container.gcp.m.upbound.io.json']) {
      expect(pkg.files).toContain(file);
    }
    // No TypeScript sources (declarations only), no tests, no source maps pointing at absent sources.
    expect(pkg.files.filter((f) => /\.ts$/.test(f) && !/\.d\.ts$/.test(f))).toStrictEqual([]);
    expect(pkg.files.filter((f) => /(^|\/)(test|__tests__)\/|\.test\.|\.map$/.test(f))).toStrictEqual([]);
    // Every compiled module has its declarations, so `types` and `exports` work for every entry.
    const js = pkg.files.filter((f) => f.startsWith('lib/') && f.endsWith('.js'));
    expect(js.filter((f) => !pkg.files.includes(f.replace(/\.js$/, '.d.ts')))).toStrictEqual([]);
  });

  test('the installed package is the tarball, file for file', () => {
    const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => e.isDirectory() ? walk(path.join(dir, e.name)).map((f) => `${e.name}/${f}`) : [e.name]);
    expect(walk(installed).sort()).toStrictEqual([...pkg.files]);
  });

  test('its package.json has no install-time script, and cdk8s and constructs as peers', () => {
    const packed = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
    // npm runs these on every install of the package (and warns about them); the build is `prepack`.
    for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) expect(packed.scripts?.[script]).toBeUndefined();
    expect(packed.scripts.prepack).toBe('npm run build');
    expect(packed.peerDependencies).toStrictEqual({ cdk8s: OWN.devDependencies.cdk8s, constructs: OWN.devDependencies.constructs, 'cdk8s-plus-28': OWN.devDependencies['cdk8s-plus-28'] });
    expect(packed.peerDependenciesMeta).toStrictEqual({ 'cdk8s-plus-28': { optional: true } });
    for (const peer of Object.keys(packed.peerDependencies)) expect(packed.dependencies[peer]).toBeUndefined();
  });

  test('every export and the bin point at files in the tarball', () => {
    const packed = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
    const targets: string[] = [packed.main, packed.types, ...Object.values(packed.bin as Record<string, string>)];
    for (const [key, target] of Object.entries(packed.exports as Record<string, any>)) {
      for (const file of typeof target === 'string' ? [target] : Object.values(target as Record<string, string>)) {
        // A pattern export: the file for one subpath that exists.
        targets.push(key.includes('*') ? (file as string).replace('*', 'compute.gcp.m.upbound.io') : file as string);
      }
    }
    for (const target of targets) expect(pkg.files).toContain(path.posix.normalize(target));
  });

  test('its entry points load by name from the project, with one cdk8s for the app and the library', () => {
    const out = sh('node', ['-e', `
      const lib = require('cdk8s-crossplane');
      const testing = require('cdk8s-crossplane/testing');
      require('cdk8s-crossplane/imports/compute.gcp.m.upbound.io');
      console.log(JSON.stringify({
        lib: require.resolve('cdk8s-crossplane'), n: Object.keys(lib).length, testing: typeof testing.renderComposition,
        same: require.resolve('cdk8s') === require.resolve('cdk8s', { paths: [require('path').dirname(require.resolve('cdk8s-crossplane'))] }),
      }));`], project);
    const got = JSON.parse(out.trim().split('\n')[0]);
    expect(got.lib).toBe(fs.realpathSync(path.join(installed, 'lib', 'src', 'index.js')));
    expect(got.n).toBeGreaterThan(10);
    expect(got.testing).toBe('function');
    expect(got.same).toBe(true);
  });

  test('contains the compiled library, its declarations, the generated bindings and schemas', () => {
    for (const file of ['lib/src/index.js', 'lib/src/index.d.ts', 'lib/imports/compute.gcp.m.upbound.io.js', 'lib/imports/schemas/container.gcp.m.upbound.io.json', 'bin/cdk8s-crossplane.js']) {
      expect(fs.existsSync(path.join(installed, file))).toBe(true);
    }
    // Each L1 module's declarations load its status types, which ProviderRule.for reads: a user's
    // tsconfig never lists the package's .d.ts files, so only this import brings them in.
    expect(fs.readFileSync(path.join(installed, 'lib/imports/compute.gcp.m.upbound.io.d.ts'), 'utf8')).toMatch(/\nimport '\.\/compute\.gcp\.m\.upbound\.io\.status';\n$/);
    expect(fs.readFileSync(path.join(installed, 'lib/imports/compute.gcp.m.upbound.io.status.d.ts'), 'utf8')).toMatch(/interface NetworkStatus\b/);
    // Tests and sources stay out of the package.
    expect(fs.existsSync(path.join(installed, 'test'))).toBe(false);
    expect(fs.existsSync(path.join(installed, 'src'))).toBe(false);
  });

  test('synthesizes an XRD and a Pipeline Composition from plain JavaScript', () => {
    const docs = parseAllDocuments(fs.readFileSync(path.join(project, 'dist', 'bucket.k8s.yaml'), 'utf8')).map((d) => d.toJS());
    const xrd = docs.find((d) => d.kind === 'CompositeResourceDefinition');
    const composition = docs.find((d) => d.kind === 'Composition');
    expect(xrd.metadata.name).toBe('xbuckets.storage.example.org');
    expect(xrd.spec.scope).toBe('Namespaced');
    expect(composition.spec.mode).toBe('Pipeline');
    expect(composition.spec.compositeTypeRef).toEqual({ apiVersion: 'storage.example.org/v1alpha1', kind: 'XBucket' });
    const pt = composition.spec.pipeline.find((s: any) => s.input?.kind === 'Resources');
    expect(pt.input.resources[0].patches[0]).toEqual({
      type: 'FromCompositeFieldPath',
      fromFieldPath: 'spec.region',
      toFieldPath: 'spec.forProvider.manifest.data.location',
      transforms: [{ type: 'map', map: { eu: 'EU', us: 'US' } }],
    });
    // The Function the step references is synthesized too.
    const functions = fs.readdirSync(path.join(project, 'dist')).flatMap((f) =>
      parseAllDocuments(fs.readFileSync(path.join(project, 'dist', f), 'utf8')).map((d) => d.toJS()))
      .filter((d) => d?.kind === 'Function');
    expect(functions.map((f) => f.metadata.name)).toContain(pt.functionRef.name);
  });

  test('renders the synthesized Composition for an XR with the installed engine', () => {
    const docs = parseAllDocuments(fs.readFileSync(path.join(project, 'rendered.yaml'), 'utf8')).map((d) => d.toJS());
    expect(docs.map((d) => d.kind)).toEqual(['XBucket', 'Object']);
    expect(docs[1].spec.forProvider.manifest.data.location).toBe('EU');
  });

  test('the installed CLI answers and validates the synthesized output', () => {
    const bin = path.join(pkg.project, 'node_modules', '.bin', 'cdk8s-crossplane');
    expect(sh(bin, ['--help'], project)).toMatch(/Usage: cdk8s-crossplane <command>/);
    const report = sh(bin, ['validate', 'dist/bucket.k8s.yaml', 'dist/bucket.k8s.yaml'], project);
    expect(report).toMatch(/Total \d+ resources: 0 missing schemas, \d+ success cases, 0 failure cases/);
  });
});
