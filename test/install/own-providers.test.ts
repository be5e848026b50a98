// Bring your own providers, in a repository made by `init --package <tarball>`: it lists the
// Cloud SQL and Storage CRDs of the provider version it pins (provider-upjet-gcp v1.14.0, test
// data with its SOURCES.md) under `imports` in cdk8s.yaml, `npm run import` writes their typed
// classes, its jest test validates the composed resources against those schemas, and a
// misspelled field of those kinds fails the type-check and the test, as does a misspelled status
// field in a simulated-provider rule. `convert --crds --imports`
// writes Compositions of those kinds with the same classes.
//
// The project is the shared one test/_helpers/packed-package.ts builds (no registry, no npm
// cache), copied so that this file can add files to it; node_modules stays linked.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { copyOfProject, OFFLINE_ENV, packedPackage, sh } from '../_helpers/packed-package';
import { L1_COMPOSITION, L1_XRD } from '../convert/_l1-fixture';

const CRDS = path.resolve(__dirname, '..', 'fixtures', 'provider-crds', 'provider-upjet-gcp-v1.14.0');
const GKE_CORPUS = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus', 'upbound__configuration-gcp-gke');

/** A platform API composing the listed kinds with the classes `npm run import` generated. */
const STORAGE_TS = `import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { CompositeResourceDefinition, Composition, Patch, Schema, Transform, XrdScope } from 'cdk8s-crossplane';
import { DatabaseInstance } from './imports/sql.gcp.upbound.io';
import { Bucket } from './imports/storage.gcp.upbound.io';

/** A bucket and a Cloud SQL instance; the provider's v1.x kinds are cluster-scoped, so is the XR. */
export class DataStoreApi extends Chart {
  public readonly xrd = new CompositeResourceDefinition(this, 'Definition', {
    group: 'data.example.org',
    names: { kind: 'XDataStore', plural: 'xdatastores' },
    version: 'v1alpha1',
    scope: XrdScope.CLUSTER,
    spec: Schema.object({
      region: Schema.string({ enum: ['europe-west1', 'us-central1'] }),
      size: Schema.string({ enum: ['small', 'large'] }),
    }),
  });

  public readonly composition = new Composition(this, 'Composition', { xrd: this.xrd });

  public constructor(scope: Construct, id: string) {
    super(scope, id);
    const providerConfigRef = { name: 'default' };
    const bucket = this.composition.addResource('bucket', Bucket, { spec: { forProvider: { storageClass: 'STANDARD' }, providerConfigRef } });
    bucket.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.region, b => b.spec.forProvider.location));
    const db = this.composition.addResource('database', DatabaseInstance, {
      spec: { forProvider: { databaseVersion: 'POSTGRES_16', deletionProtection: false }, providerConfigRef },
    });
    db.addPatch(
      Patch.fromCompositeFieldPath(xr => xr.spec.region, d => d.spec.forProvider.region),
      Patch.fromCompositeFieldPath('spec.size', 'spec.forProvider.settings[0].tier', {
        transforms: [Transform.map({ small: 'db-f1-micro', large: 'db-custom-4-16384' })],
      }),
    );
  }
}
`;

/**
 * Its jest test, as a platform team writes one: render, validate against the provider schemas,
 * check values. One test per module, in one file: each file costs the project's jest about a
 * second of loading the package.
 */
const testFor = (...modules: string[]) => `import { App } from 'cdk8s';
import { renderComposition, setupMatchers } from 'cdk8s-crossplane/testing';
${modules.map((m, i) => `import { DataStoreApi as Api${i} } from './${m}';`).join('\n')}

setupMatchers();
${modules.map((m, i) => `
test('${m}: an XDataStore composes a bucket and a Cloud SQL instance the pinned provider accepts', () => {
  const api = new Api${i}(new App(), 'data-store');
  const xr = { apiVersion: 'data.example.org/v1alpha1', kind: 'XDataStore', metadata: { name: 'orders' }, spec: { region: 'europe-west1', size: 'small' } };
  const out = renderComposition({ composition: api.composition, xr });
  expect(out.resources).toBeValidAgainst();
  expect(out).toHaveFieldValue('bucket', 'spec.forProvider.location', 'europe-west1');
  expect(out).toHaveFieldValue('database', 'spec.forProvider.region', 'europe-west1');
});
`).join('')}`;

/** Simulated-provider rules for an imported kind: its status fields are typed by what `npm run import` generated. */
const STATUS_RULES_TS = `import { ProviderRule } from 'cdk8s-crossplane';
import { Bucket } from './imports/storage.gcp.upbound.io';

export const rules = [
  ProviderRule.for(Bucket, b => ({ atProvider: { selfLink: \`https://storage.googleapis.com/\${b.metadata.name}\`, url: 'gs://data' } })),
  ProviderRule.for(Bucket, { atProvider: { selfLnk: 'https://storage.googleapis.com/data' } }),
];
`;

/** An XRD and a Composition in YAML, as a team has them before converting. */
const LEGACY_YAML = `apiVersion: apiextensions.crossplane.io/v1
kind: CompositeResourceDefinition
metadata:
  name: xlegacystores.data.example.org
spec:
  group: data.example.org
  names: { kind: XLegacyStore, plural: xlegacystores }
  versions:
    - name: v1alpha1
      served: true
      referenceable: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                region: { type: string }
---
apiVersion: apiextensions.crossplane.io/v1
kind: Composition
metadata:
  name: xlegacystores.data.example.org
spec:
  compositeTypeRef: { apiVersion: data.example.org/v1alpha1, kind: XLegacyStore }
  mode: Pipeline
  pipeline:
    - step: patch-and-transform
      functionRef: { name: function-patch-and-transform }
      input:
        apiVersion: pt.fn.crossplane.io/v1beta1
        kind: Resources
        resources:
          - name: bucket
            base:
              apiVersion: storage.gcp.upbound.io/v1beta1
              kind: Bucket
              spec: { forProvider: { storageClass: STANDARD, uniformBucketLevelAccess: true } }
            patches:
              - { type: FromCompositeFieldPath, fromFieldPath: spec.region, toFieldPath: spec.forProvider.location }
          - name: database
            base:
              apiVersion: sql.gcp.upbound.io/v1beta1
              kind: DatabaseInstance
              spec:
                forProvider:
                  databaseVersion: POSTGRES_16
                  settings:
                    - tier: db-f1-micro
                      ipConfiguration: [{ ipv4Enabled: false }]
            patches:
              - { type: FromCompositeFieldPath, fromFieldPath: spec.region, toFieldPath: spec.forProvider.region }
`;

/** Runs a command that may fail; returns its exit code and output. */
function attempt(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): { status: number | null; out: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...OFFLINE_ENV, ...env } });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

describe('a project created by init lists its own provider CRDs in cdk8s.yaml', () => {
  let project: string;
  let remove = () => {};
  let importOutput: string;
  let convertOutput: string;
  const bin = (name: string) => path.join(project, 'node_modules', '.bin', name);

  // Slower than 10 s on a busy machine: the shared project is built when no other test file has
  // (10-30 s), and `npm run import` runs `cdk8s import` once per API group.
  beforeAll(async () => {
    ({ dir: project, remove } = copyOfProject(await packedPackage(), 'cdk8s-crossplane-own-providers-'));
    fs.mkdirSync(path.join(project, 'crds'));
    for (const file of ['sql.gcp.upbound.io_databaseinstances.yaml', 'storage.gcp.upbound.io_buckets.yaml']) {
      fs.copyFileSync(path.join(CRDS, file), path.join(project, 'crds', file));
    }
    const config = path.join(project, 'cdk8s.yaml');
    const before = fs.readFileSync(config, 'utf8');
    expect(before).toMatch(/^imports: \[\]$/m);
    fs.writeFileSync(config, before.replace(/^imports: \[\]$/m,
      'imports:\n  - crds/sql.gcp.upbound.io_databaseinstances.yaml\n  - crds/storage.gcp.upbound.io_buckets.yaml'));
    importOutput = sh('npm', ['run', 'import'], project);
    fs.writeFileSync(path.join(project, 'storage.ts'), STORAGE_TS);
    fs.writeFileSync(path.join(project, 'storage.test.ts'), testFor('storage'));
    fs.mkdirSync(path.join(project, 'legacy'));
    fs.writeFileSync(path.join(project, 'legacy', 'store.yaml'), LEGACY_YAML);
    convertOutput = sh(bin('cdk8s-crossplane'), ['convert', 'legacy', '--out', 'apis', '--crds', 'crds', '--imports', 'imports'], project);
    // Converted with the classes the package bundles: a Composition of L1 kinds (enum values,
    // a renamed field, an aliased class) and a real configuration, for the type-check below.
    fs.mkdirSync(path.join(project, 'l1'));
    fs.writeFileSync(path.join(project, 'l1', 'l1.yaml'), `${L1_XRD}---\n${L1_COMPOSITION}`);
    const bundledInputs = ['l1'];
    if (fs.existsSync(GKE_CORPUS)) bundledInputs.push(GKE_CORPUS);
    else console.warn(`own providers: the corpus part of the converted code is skipped: ${GKE_CORPUS} not found`);
    sh(bin('cdk8s-crossplane'), ['convert', ...bundledInputs, '--out', 'converted'], project);
  }, 300_000);

  afterAll(() => remove());

  test('`npm run import` writes one module of typed classes per API group, for the provider version listed', () => {
    expect(importOutput).toContain('\nsql.gcp.upbound.io: DatabaseInstance\nstorage.gcp.upbound.io: Bucket\n');
    // Each group's L1 classes, and the status types ProviderRule reads beside them.
    expect(fs.readdirSync(path.join(project, 'imports')).sort()).toStrictEqual(['sql.gcp.upbound.io.status.ts', 'sql.gcp.upbound.io.ts', 'storage.gcp.upbound.io.status.ts', 'storage.gcp.upbound.io.ts']);
    const storage = fs.readFileSync(path.join(project, 'imports', 'storage.gcp.upbound.io.ts'), 'utf8');
    expect(storage).toMatch(/export class Bucket extends ApiObject \{[\s\S]*?apiVersion: 'storage\.gcp\.upbound\.io\/v1beta1'/);
    expect(storage).toMatch(/readonly storageClass\?: string;/);
    // The status types beside the classes, loaded by the class module itself (see ProviderRule.for).
    expect(storage).toMatch(/\nimport '\.\/storage\.gcp\.upbound\.io\.status';\n$/);
    const sql = fs.readFileSync(path.join(project, 'imports', 'sql.gcp.upbound.io.ts'), 'utf8');
    // v1beta1 is the version the bundled schemas (provider v3) no longer serve for this kind.
    expect(sql).toMatch(/export class DatabaseInstance extends ApiObject \{[\s\S]*?apiVersion: 'sql\.gcp\.upbound\.io\/v1beta1'/);
  });

  // One type-check and one jest run over the whole project (keeping the suite fast): the API and
  // the converted module must pass both; two copies of the API, each with one misspelled field
  // of those kinds, must fail. One typo is where TypeScript types the field (the class's props),
  // one where only the schema can tell (a string path).
  describe('its type-check and its jest tests, with a misspelled field of those kinds in two copies of the API', () => {
    let tsc: { status: number | null; out: string };
    let jest: { status: number | null; out: string };

    // Slower than 10 s on a busy machine: tsc over the project, then jest in a new process.
    beforeAll(() => {
      fs.writeFileSync(path.join(project, 'typo-props.ts'), STORAGE_TS.replace("storageClass: 'STANDARD'", "storageClas: 'STANDARD'"));
      fs.writeFileSync(path.join(project, 'typo-path.ts'), STORAGE_TS.replace("'spec.forProvider.settings[0].tier'", "'spec.forProvider.settings[0].teir'"));
      fs.writeFileSync(path.join(project, 'typos.test.ts'), testFor('typo-props', 'typo-path'));
      fs.writeFileSync(path.join(project, 'typo-status.ts'), STATUS_RULES_TS);
      // One thread: the jest workers keep the other cores busy, and tsc's threads only add CPU time.
      tsc = attempt(bin('tsc'), ['--noEmit', '--singleThreaded'], project);
      jest = attempt(bin('jest'), [], project);
    }, 120_000);

    test('the type-check fails on the misspelled props field and the misspelled status field, naming them and the right ones, and nowhere else', () => {
      expect(tsc.status).not.toBe(0);
      const propsLine = STORAGE_TS.split('\n').findIndex((l) => l.includes("storageClass: 'STANDARD'")) + 1;
      const statusLine = STATUS_RULES_TS.split('\n').findIndex((l) => l.includes('selfLnk')) + 1;
      const errors = tsc.out.split('\n').filter((l) => /error TS\d+/.test(l));
      expect(errors).toHaveLength(2);
      expect(errors[0]).toMatch(new RegExp(`^typo-props\\.ts\\(${propsLine},\\d+\\): error TS\\d+`));
      expect(tsc.out).toMatch(/'storageClas' does not exist in type .*Did you mean to write 'storageClass'\?/);
      // The status types `npm run import` wrote beside the classes reach ProviderRule.for.
      expect(errors[1]).toMatch(new RegExp(`^typo-status\\.ts\\(${statusLine},\\d+\\): error TS\\d+: .*'selfLnk' does not exist.*Did you mean to write 'selfLink'\\?`));
    });

    test('code `convert` writes with the bundled L1 classes type-checks (strict, no unused names) against the installed package', () => {
      const converted = fs.readdirSync(path.join(project, 'converted'));
      const usesL1 = converted.filter((f) => /^import \{ [^}]+ \} from 'cdk8s-crossplane\/imports\//m.test(fs.readFileSync(path.join(project, 'converted', f), 'utf8')));
      expect(usesL1).toContain('xnetwork.ts');
      if (fs.existsSync(GKE_CORPUS)) expect(converted).toContain('xgke.ts');
      expect(tsc.out.split('\n').filter((l) => l.startsWith('converted/'))).toStrictEqual([]);
    });

    test('the project\'s `npm test` is exactly these two steps: the type-check, then jest', () => {
      expect(JSON.parse(fs.readFileSync(path.join(project, 'package.json'), 'utf8')).scripts.test).toBe('tsc --noEmit && jest');
    });

    test('the API\'s own test passes, validating the composed resources against the listed schemas', () => {
      expect(jest.out).toMatch(/PASS \.\/storage\.test\.ts/);
      expect(jest.out).toMatch(/PASS \.\/main\.test\.ts/);
    });

    test('both misspellings fail their jest test (which does not type-check), naming the kind, the resource and the field', () => {
      expect(jest.status).not.toBe(0);
      expect(jest.out).toMatch(/Tests: +2 failed, 2 passed, 4 total/);
      // Both tests of typos.test.ts are the failures, one per misspelled copy of the API.
      expect(jest.out).toMatch(/FAIL \.\/typos\.test\.ts/);
      expect(jest.out).toMatch(/● typo-props: an XDataStore/);
      expect(jest.out).toMatch(/● typo-path: an XDataStore/);
      expect(jest.out).toMatch(/storage\.gcp\.upbound\.io\/v1beta1, Kind=Bucket bucket: spec\.forProvider\.storageClas: unknown field "storageClas"/);
      expect(jest.out).toMatch(/sql\.gcp\.upbound\.io\/v1beta1, Kind=DatabaseInstance database: spec\.forProvider\.settings\[0\]\.teir: unknown field "teir"/);
    });
  });

  // Can take more than 10 s on a busy machine: the converted app runs through tsx in a new process.
  test('`convert --crds --imports` writes those kinds with the repository\'s classes, and the result synthesizes the same bases', () => {
    expect(convertOutput).toMatch(/converted 1 XRD and 1 Composition/);
    const code = fs.readFileSync(path.join(project, 'apis', 'xlegacystore.ts'), 'utf8');
    expect(code).toContain("import { DatabaseInstance } from '../imports/sql.gcp.upbound.io';");
    expect(code).toContain("import { Bucket } from '../imports/storage.gcp.upbound.io';");
    expect(code).toMatch(/addResource\(\s*'database',\s*DatabaseInstance,/);
    // The type-check above covered it; synthesized, the Composition composes the bases it was converted from.
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-crossplane-converted-'));
    try {
      sh(bin('tsx'), ['apis/main.ts'], project, { CDK8S_OUTDIR: out });
      const synthesized = parseAllDocuments(fs.readFileSync(path.join(out, 'xlegacystore.k8s.yaml'), 'utf8')).map((d) => d.toJS())
        .find((o) => o.kind === 'Composition');
      const original = parseAllDocuments(LEGACY_YAML).map((d) => d.toJS())[1];
      const bases = (c: any) => c.spec.pipeline.find((s: any) => s.input?.kind === 'Resources').input.resources.map((r: any) => r.base);
      expect(bases(synthesized)).toStrictEqual(bases(original));
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
