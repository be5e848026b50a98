// How `cdk8s-crossplane import` drives `cdk8s import`: one run for all groups, a run of its own
// for a group whose classes take a prefix, and a failure that names the group it comes from.
// A stand-in for the cdk8s script records each run; the real cdk8s-cli reading the group files
// from the run's cdk8s.yaml is covered end to end by test/install/own-providers.test.ts.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UserError } from '../../src/errors';
import { generateL1Classes } from '../../src/schema/generate-l1';
import { ProviderCrds } from '../../src/schema/provider-crds';

const crd = (group: string, kind: string) => ({
  apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition',
  metadata: { name: `${kind.toLowerCase()}s.${group}` },
  spec: { group, names: { kind, plural: `${kind.toLowerCase()}s` }, scope: 'Cluster', versions: [] },
});

function crdsOf(...objects: ReturnType<typeof crd>[]): Pick<ProviderCrds, 'crds'> {
  const crds = new Map<string, Record<string, any>[]>();
  for (const o of objects) crds.set(o.spec.group, [...crds.get(o.spec.group) ?? [], o]);
  return { crds };
}

/** A cdk8s script that logs (to the file LOG names) its arguments and the sources its cdk8s.yaml lists, and fails on a file holding `Broken`. */
const FAKE_CDK8S = `const fs = require('node:fs');
const config = require('yaml').parse(fs.readFileSync('cdk8s.yaml', 'utf8'));
fs.appendFileSync(LOG, JSON.stringify({ args: process.argv.slice(2), imports: config.imports.map((f) => require('node:path').basename(f)) }) + '\\n');
for (const f of config.imports) if (fs.readFileSync(f, 'utf8').includes('Broken')) { process.stderr.write('invalid CRD in ' + f + '\\n'); process.exit(1); }
`;

describe('generateL1Classes', () => {
  let dir: string;
  let log: string;
  let cdk8sBin: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-crossplane-l1-'));
    log = path.join(dir, 'runs.jsonl');
    cdk8sBin = path.join(dir, 'cdk8s.js');
    // The stand-in resolves `yaml` from this repository.
    fs.writeFileSync(cdk8sBin, FAKE_CDK8S.replace("require('yaml')", `require(${JSON.stringify(require.resolve('yaml'))})`).replace('LOG', JSON.stringify(log)));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const runs = () => fs.readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { args: string[]; imports: string[] });

  test('imports every group in one cdk8s run, one file per group, and reports each group with its kinds', () => {
    const reported: string[] = [];
    const groups = generateL1Classes(crdsOf(crd('storage.gcp.upbound.io', 'Bucket'), crd('sql.gcp.upbound.io', 'DatabaseInstance'), crd('sql.gcp.upbound.io', 'Database')),
      { outDir: path.join(dir, 'imports'), cdk8sBin, onGroup: (g, kinds) => reported.push(`${g}: ${kinds.join(', ')}`) });
    expect(groups).toStrictEqual(['sql.gcp.upbound.io', 'storage.gcp.upbound.io']);
    expect(reported).toStrictEqual(['sql.gcp.upbound.io: Database, DatabaseInstance', 'storage.gcp.upbound.io: Bucket']);
    expect(runs()).toStrictEqual([{
      args: ['import', '--language', 'typescript', '--output', path.join(dir, 'imports'), '--no-save', '--no-check-upgrade'],
      imports: ['sql.gcp.upbound.io.yaml', 'storage.gcp.upbound.io.yaml'],
    }]);
  });

  test('a group whose classes take a prefix gets a run of its own with --class-prefix', () => {
    generateL1Classes(crdsOf(crd('kubernetes.crossplane.io', 'Object'), crd('storage.gcp.upbound.io', 'Bucket')), { outDir: path.join(dir, 'imports'), cdk8sBin });
    const byImports = Object.fromEntries(runs().map((r) => [r.imports.join(','), r.args.slice(r.args.indexOf('--no-check-upgrade') + 1)]));
    expect(byImports).toStrictEqual({ 'kubernetes.crossplane.io.yaml': ['--class-prefix', 'Kubernetes'], 'storage.gcp.upbound.io.yaml': [] });
  });

  test('a failing run is retried group by group, and the error names the group that fails with what cdk8s said', () => {
    let error: unknown;
    try {
      generateL1Classes(crdsOf(crd('sql.gcp.upbound.io', 'Broken'), crd('storage.gcp.upbound.io', 'Bucket')), { outDir: path.join(dir, 'imports'), cdk8sBin });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/^cdk8s import failed for API group sql\.gcp\.upbound\.io: invalid CRD in .*sql\.gcp\.upbound\.io\.yaml$/);
    expect(runs().map((r) => r.imports.join(','))).toStrictEqual(['sql.gcp.upbound.io.yaml,storage.gcp.upbound.io.yaml', 'sql.gcp.upbound.io.yaml']);
  });
});
