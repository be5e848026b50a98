// What users install must work, not only the repository: this packs the library with
// `npm pack`, installs the tarball into a throw-away project (offline, from the npm cache that
// `npm ci` filled), and synthesizes a small platform API there with plain JavaScript.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';

const ROOT = path.resolve(__dirname, '..', '..');

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

function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });
}

describe('the packed tarball', () => {
  let project: string;

  beforeAll(() => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-crossplane-pack-'));
    const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', project], ROOT));
    const tarball = path.join(project, packed[0].filename);
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'throwaway-platform', private: true }));
    run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball, 'cdk8s', 'constructs'], project);
    fs.writeFileSync(path.join(project, 'app.js'), APP);
    run('node', ['app.js'], project);
  }, 120_000);

  afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

  test('contains the compiled library, its declarations, the generated bindings and schemas', () => {
    const installed = path.join(project, 'node_modules', 'cdk8s-crossplane');
    for (const file of ['lib/src/index.js', 'lib/src/index.d.ts', 'lib/imports/compute.gcp.m.upbound.io.js', 'lib/imports/schemas/container.gcp.m.upbound.io.json', 'bin/cdk8s-crossplane.js']) {
      expect(fs.existsSync(path.join(installed, file))).toBe(true);
    }
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
    const bin = path.join(project, 'node_modules', '.bin', 'cdk8s-crossplane');
    expect(run(bin, ['--help'], project)).toMatch(/Usage: cdk8s-crossplane <command>/);
    const report = run(bin, ['validate', 'dist/bucket.k8s.yaml', 'dist/bucket.k8s.yaml'], project);
    expect(report).toMatch(/Total \d+ resources: 0 missing schemas, \d+ success cases, 0 failure cases/);
  });
});
