// Bring your own providers: a platform repository lists its provider CRD sources in the imports
// of its cdk8s.yaml; validation, served versions and composed-path checks read them, and
// `cdk8s-crossplane import` writes their L1 classes, one module per API group (tested end to end,
// from the installed package, in test/install/own-providers.test.ts).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { App, Chart, Testing } from 'cdk8s';
import { Composition } from '../../src/composition';
import { UserError } from '../../src/errors';
import { Patch } from '../../src/pt';
import { importedGroup } from '../../src/schema/imported-schemas';
import { readProviderCrds, useProjectCrds } from '../../src/schema/provider-crds';
import { validationMatchers } from '../../src/validate/jest';
import { validate } from '../../src/validate/validate';
import { testXrd } from '../composition/_fixtures';

expect.extend(validationMatchers);

const ROOT = path.resolve(__dirname, '..', '..');
const GCP_V1 = path.join(ROOT, 'test', 'fixtures', 'provider-crds', 'provider-upjet-gcp-v1.14.0');
const SQL = 'sql.gcp.upbound.io_databaseinstances.yaml';
const BUCKETS = 'storage.gcp.upbound.io_buckets.yaml';

let tmp: string;
beforeEach(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-crossplane-byop-')); });
afterEach(() => {
  useProjectCrds(undefined);
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** A platform repository whose cdk8s.yaml lists `imports`, with `files` (name -> text) under crds/. */
function repo(imports: string[], files: Record<string, string> = {}): string {
  fs.mkdirSync(path.join(tmp, 'crds'), { recursive: true });
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(tmp, 'crds', name), text);
  fs.writeFileSync(path.join(tmp, 'cdk8s.yaml'), `language: typescript\napp: npx tsx main.ts\nimports:\n${imports.map(i => `  - ${i}`).join('\n')}\n`);
  return tmp;
}

const fixture = (name: string) => fs.readFileSync(path.join(GCP_V1, name), 'utf8');
const bucket = (forProvider: Record<string, unknown>) => ({
  apiVersion: 'storage.gcp.upbound.io/v1beta1', kind: 'Bucket', metadata: { name: 'b' }, spec: { forProvider: { location: 'EU', ...forProvider } },
});

describe('a repository that lists Cloud SQL and Storage CRDs', () => {
  beforeEach(() => {
    useProjectCrds(repo(['k8s', `crds/${SQL}`, `crds/${BUCKETS}`], { [SQL]: fixture(SQL), [BUCKETS]: fixture(BUCKETS) }));
  });

  test('the schema lookup serves its kinds, and still the bundled ones', () => {
    expect(importedGroup('storage.gcp.upbound.io')?.kinds.map(k => k.kind)).toEqual(['Bucket']);
    expect(importedGroup('sql.gcp.upbound.io')?.kinds.map(k => k.kind)).toEqual(['DatabaseInstance']);
    expect(importedGroup('compute.gcp.upbound.io')?.kinds.map(k => k.kind)).toContain('Network');
  });

  test('validation fails on a misspelled field of those kinds, and passes the right one', () => {
    expect([bucket({ storageClass: 'STANDARD' })]).toBeValidAgainst();
    const findings = validate([bucket({ storgeClass: 'STANDARD' })]).filter(f => f.severity === 'error');
    expect(findings.map(f => `${f.path}: ${f.rule}`)).toEqual(['spec.forProvider.storgeClass: unknown-field']);
    expect([bucket({ storgeClass: 'STANDARD' })]).not.toBeValidAgainst();
  });

  test('a Composition gets its patch paths checked against them at synth', () => {
    const app: App = Testing.app();
    const chart = new Chart(app, 'test');
    const comp = new Composition(chart, 'Composition', { xrd: testXrd(chart, undefined) });
    comp.addResource('db', { apiVersion: 'sql.gcp.upbound.io/v1beta1', kind: 'DatabaseInstance', spec: { forProvider: {} } })
      .addPatch(Patch.fromCompositeFieldPath('spec.parameters.region', 'spec.forProvider.regoin'));
    expect(() => app.synthYaml()).toThrow(/resources\[db\]\.patches\[0\]\.toFieldPath must name a field of the composed resource's schema, got 'spec.forProvider.regoin'.*did you mean 'region'/);
  });
});

describe('sources', () => {
  test('a folder and a gzipped `crossplane xpkg extract` stream are read', () => {
    const dir = repo([]);
    fs.writeFileSync(path.join(dir, 'crds', BUCKETS), fixture(BUCKETS));
    const meta = 'apiVersion: meta.pkg.crossplane.io/v1\nkind: Provider\nmetadata:\n  name: provider-gcp-sql\n---\n';
    fs.writeFileSync(path.join(dir, 'out.gz'), zlib.gzipSync(meta + fixture(SQL)));
    const crds = readProviderCrds(['crds', 'out.gz'], dir);
    expect([...crds.groups.keys()]).toEqual(['sql.gcp.upbound.io', 'storage.gcp.upbound.io']);
  });

  test('the same CRD listed twice is read once', () => {
    const dir = repo([], { 'a.yaml': fixture(BUCKETS), 'b.yaml': fixture(BUCKETS) });
    expect(readProviderCrds(['crds/a.yaml', 'crds/b.yaml'], dir).groups.get('storage.gcp.upbound.io')?.kinds).toHaveLength(1);
  });
});

describe('bad sources stop with their path and why', () => {
  const errorOf = (sources: string[], files: Record<string, string> = {}) => {
    const dir = repo(sources, files);
    try {
      readProviderCrds(sources, dir);
    } catch (err) {
      expect(err).toBeInstanceOf(UserError);
      return (err as Error).message;
    }
    throw new Error('expected a UserError');
  };

  test('a missing source', () => {
    expect(errorOf(['crds/nope.yaml'])).toMatch(/^crds\/nope\.yaml: CRD source not found \(resolved to .*\): fix the path in the imports of cdk8s.yaml$/);
  });
  test('a file that is not a CRD', () => {
    expect(errorOf(['crds/cm.yaml'], { 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n' }))
      .toBe('crds/cm.yaml: holds no CustomResourceDefinition (found kinds ConfigMap): list CRD files, a folder of them, or the output of `crossplane xpkg extract`');
  });
  test('a file that does not parse', () => {
    expect(errorOf(['crds/bad.yaml'], { 'bad.yaml': 'kind: [unclosed\n' })).toMatch(/^crds\/bad\.yaml: document 0 is not parseable YAML: /);
  });
  test('a CRD without versions', () => {
    expect(errorOf(['crds/v.yaml'], { 'v.yaml': 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nspec:\n  group: a.io\n  names:\n    kind: A\n' }))
      .toMatch(/^crds\/v\.yaml: document 0 is not a usable CRD: spec\.versions is missing/);
  });
  test('a folder without CRDs', () => {
    expect(errorOf(['crds'], { 'readme.yaml': 'a: 1\n' })).toMatch(/^crds: folder holds no CustomResourceDefinition \(searched 1 YAML file\(s\)\)/);
  });
  test('two sources defining one group/kind/version with different schemas, naming both', () => {
    const changed = fixture(BUCKETS).replace('storageClass:', 'storageKlass:');
    expect(changed).not.toBe(fixture(BUCKETS));
    expect(errorOf(['crds/a.yaml', 'crds/b.yaml'], { 'a.yaml': fixture(BUCKETS), 'b.yaml': changed }))
      .toBe('storage.gcp.upbound.io/v1beta1, Kind=Bucket is defined by two CRD sources with different schemas: crds/a.yaml and crds/b.yaml: '
        + 'list one provider version per kind in the imports of cdk8s.yaml');
  });
  test('a bad source in cdk8s.yaml stops synth', () => {
    useProjectCrds(repo(['crds/nope.yaml']));
    const app: App = Testing.app();
    const chart = new Chart(app, 'test');
    new Composition(chart, 'Composition', { xrd: testXrd(chart) }).addResource('b', { apiVersion: 'storage.gcp.upbound.io/v1beta1', kind: 'Bucket' });
    expect(() => app.synthYaml()).toThrow(/crds\/nope\.yaml: CRD source not found/);
  });
});
