// The layered dist/ that `npx cdk8s synth` writes from examples/main.ts: each folder is applied
// by one Flux Kustomization, in order, and must hold exactly what may be applied at that point
// (Functions, then XRDs, then Compositions, then example XRs); the package folder must be
// something `crossplane xpkg build` accepts (reference 6.1).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App } from 'cdk8s';
import { parse, parseAllDocuments } from 'yaml';
import { examplesRequested, synthesize } from '../../examples/main';
import { OutputFile, writeOutput } from '../../examples/layered-output';
import { validate } from '../../src/validate';
import { main } from '../../src/cli/main';

const ROOT = path.resolve(__dirname, '..', '..');
type Obj = Record<string, any>;

function docsOf(file: OutputFile): Obj[] {
  return parseAllDocuments(file.content).map((d) => d.toJS() as Obj);
}

function objectsIn(files: OutputFile[], folder: string): Obj[] {
  return files.filter((f) => f.path.startsWith(`${folder}/`)).flatMap(docsOf);
}

const plain = synthesize(new App());
const withExamples = synthesize(new App(), { examples: true });

describe('the layered output of the example app', () => {
  const kustomizations = objectsIn(withExamples, 'flux').filter((o) => o.kind === 'Kustomization');

  test('each layer folder holds only the kinds that may be applied at its step', () => {
    const kindsIn = (folder: string) => [...new Set(objectsIn(withExamples, folder).map((o) => `${o.apiVersion.split('/')[0]} ${o.kind}`))].sort();
    expect(kindsIn('10-functions')).toStrictEqual(['pkg.crossplane.io Function']);
    expect(kindsIn('20-definitions')).toStrictEqual(['apiextensions.crossplane.io CompositeResourceDefinition']);
    expect(kindsIn('30-compositions')).toStrictEqual(['apiextensions.crossplane.io Composition']);
    for (const o of objectsIn(withExamples, '40-examples')) {
      expect(o.apiVersion.startsWith('apiextensions.crossplane.io') || o.apiVersion.startsWith('pkg.crossplane.io')).toBe(false);
    }
  });

  test('every object a Composition references is applied in an earlier layer', () => {
    const xrTypes = new Set(objectsIn(plain, '20-definitions').flatMap((x) =>
      x.spec.versions.map((v: Obj) => `${x.spec.group}/${v.name} ${x.spec.names.kind}`)));
    const functions = new Set(objectsIn(plain, '10-functions').map((f) => f.metadata.name));
    const compositions = objectsIn(plain, '30-compositions');
    expect(compositions.length).toBeGreaterThan(0);
    for (const c of compositions) {
      expect(xrTypes).toContain(`${c.spec.compositeTypeRef.apiVersion} ${c.spec.compositeTypeRef.kind}`);
      for (const step of c.spec.pipeline) expect(functions).toContain(step.functionRef.name);
    }
    // Every example XR is of a type defined in 20-definitions, and its namespace is created with it.
    const examples = objectsIn(withExamples, '40-examples');
    const namespaces = new Set(examples.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name));
    const xrs = examples.filter((o) => o.kind !== 'Namespace');
    expect(xrs.length).toBeGreaterThan(0);
    for (const xr of xrs) {
      expect(xrTypes).toContain(`${xr.apiVersion} ${xr.kind}`);
      if (xr.metadata.namespace) expect(namespaces).toContain(xr.metadata.namespace);
    }
  });

  test('example XRs are opt-in: without them there is no 40-examples folder and no Kustomization for it', () => {
    expect(plain.some((f) => f.path.startsWith('40-examples/'))).toBe(false);
    const names = objectsIn(plain, 'flux').filter((o) => o.kind === 'Kustomization').map((k) => k.metadata.name);
    expect(names).toStrictEqual(['platform-functions', 'platform-definitions', 'platform-compositions']);
  });

  test('INCLUDE_EXAMPLES=1 or true asks for the example XRs; anything else does not', () => {
    for (const yes of ['1', 'true', 'TRUE', 'yes']) expect(examplesRequested({ INCLUDE_EXAMPLES: yes })).toBe(true);
    for (const no of [undefined, '', '0', 'false', 'no']) expect(examplesRequested({ INCLUDE_EXAMPLES: no })).toBe(false);
  });

  test('one Kustomization per layer folder, in apply order, each depending on the one before', () => {
    const layerFolders = [...new Set(withExamples.map((f) => f.path.split('/')[0]).filter((p) => /^\d\d-/.test(p)))].sort();
    expect(kustomizations.map((k) => k.spec.path)).toStrictEqual(layerFolders.map((f) => `./dist/${f}`));
    kustomizations.forEach((k, i) => {
      expect(k.apiVersion).toBe('kustomize.toolkit.fluxcd.io/v1');
      expect(k.spec.dependsOn).toStrictEqual(i === 0 ? undefined : [{ name: kustomizations[i - 1].metadata.name }]);
    });
    // They all read the source defined beside them.
    const source = objectsIn(withExamples, 'flux').find((o) => o.kind === 'GitRepository')!;
    for (const k of kustomizations) expect(k.spec.sourceRef).toStrictEqual({ kind: 'GitRepository', name: source.metadata.name });
  });

  test('the Functions and XRDs layers wait for every Function to be Healthy and every XRD to be Established', () => {
    const checked = (name: string) => kustomizations.find((k) => k.metadata.name === name)!.spec.healthChecks.map((h: Obj) => `${h.kind} ${h.name}`).sort();
    expect(checked('platform-functions')).toStrictEqual(objectsIn(withExamples, '10-functions').map((f) => `Function ${f.metadata.name}`).sort());
    expect(checked('platform-definitions')).toStrictEqual(
      objectsIn(withExamples, '20-definitions').map((x) => `CompositeResourceDefinition ${x.metadata.name}`).sort());
    const exprs = (name: string) => kustomizations.find((k) => k.metadata.name === name)!.spec.healthCheckExprs.map((e: Obj) => e.current);
    expect(exprs('platform-functions')).toStrictEqual([expect.stringContaining("'Healthy'")]);
    expect(exprs('platform-definitions')).toStrictEqual([expect.stringContaining("'Established'")]);
  });

  test('the package folder holds one meta object, the XRDs and the Compositions, nothing else (reference 6.1)', () => {
    const pkgFiles = withExamples.filter((f) => f.path.startsWith('package/'));
    const meta = docsOf(pkgFiles.find((f) => f.path === 'package/crossplane.yaml')!);
    expect(meta).toHaveLength(1);
    expect(meta[0]).toMatchObject({ apiVersion: 'meta.pkg.crossplane.io/v1', kind: 'Configuration' });
    const rest = pkgFiles.filter((f) => f.path !== 'package/crossplane.yaml').flatMap(docsOf);
    const key = (o: Obj) => `${o.kind} ${o.metadata.name}`;
    const applied = [...objectsIn(withExamples, '20-definitions'), ...objectsIn(withExamples, '30-compositions')];
    expect(rest.map(key).sort()).toStrictEqual(applied.map(key).sort());
    // crossplane.yaml is not a cluster object: no layer folder holds package metadata.
    const layered = withExamples.filter((f) => /^\d\d-/.test(f.path)).flatMap(docsOf);
    expect(layered.some((o) => o.apiVersion.startsWith('meta.pkg.crossplane.io'))).toBe(false);
  });

  test('every object written validates, example XRs against the example XRDs, with no errors', () => {
    const all = withExamples.filter((f) => f.path.endsWith('.yaml') && !f.path.startsWith('package/')).flatMap(docsOf);
    // Every kind has a schema (Flux's and Crossplane's CRDs ship with the package, XRs get
    // theirs from the XRDs) except core Namespaces, which have nothing to check.
    const checked = all.filter((o) => !(o.apiVersion === 'v1' && o.kind === 'Namespace'));
    expect(checked.length).toBeGreaterThan(all.length / 2);
    const errors = validate(checked, { errorOnMissingSchemas: true }).filter((f) => f.severity === 'error');
    expect(errors.map((f) => `${f.object.kind} ${f.object.name} ${f.path}: ${f.message}`)).toStrictEqual([]);
  });
});

describe('writing the output folder', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dist-layout-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const snapshotOf = (root: string): Record<string, string> => {
    const out: Record<string, string> = {};
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const full = path.join(d, e.name);
        if (e.isDirectory()) walk(full);
        else out[path.relative(root, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
      }
    };
    walk(root);
    return out;
  };

  test('removes what an earlier run wrote and keeps files it does not own', () => {
    writeOutput(dir, withExamples);
    fs.writeFileSync(path.join(dir, '30-compositions', 'removed-chart.k8s.yaml'), 'kind: Composition\n');
    fs.writeFileSync(path.join(dir, 'old-layout.k8s.yaml'), 'kind: Function\n');
    fs.writeFileSync(path.join(dir, 'NOTES.txt'), 'mine\n');
    writeOutput(dir, plain);
    const expected = Object.fromEntries(plain.map((f) => [f.path, f.content]));
    expect(snapshotOf(dir)).toStrictEqual({ ...expected, 'NOTES.txt': 'mine\n' });
  });

  test('`cdk8s-crossplane validate dist/ dist/` accepts the folder as written, construct metadata and package file included', async () => {
    writeOutput(dir, withExamples);
    // What `cdk8s synth` adds beside the manifests (CDK8S_RECORD_CONSTRUCT_METADATA).
    fs.writeFileSync(path.join(dir, 'construct-metadata.json'), JSON.stringify({ version: '1.0.0', resources: {} }));
    let out = '';
    const io = { stdout: (t: string) => { out += t; }, stderr: (t: string) => { out += t; }, stdin: () => '' };
    expect(await main(['validate', dir, dir], io)).toBe(0);
    expect(out).toContain(`[!] note ${path.join(dir, 'construct-metadata.json')} (document 0) : skipped: not a Kubernetes object`);
    expect(out).toMatch(/\[✓\] meta\.pkg\.crossplane\.io\/v1, Kind=Configuration, \S+ validated successfully/);
    expect(out).toMatch(/Total \d+ resources: 0 missing schemas, \d+ success cases, 0 failure cases\n$/);
  }, 30_000);

  // Also the check that the output is byte-identical from run to run: the app command is a second
  // run, in a process of its own, compared byte for byte with the one above (a third synthesis
  // here only repeated it).
  test('the app command of cdk8s.yaml (what cdk8s synth runs) writes exactly the layered files, byte-identical to another run', () => {
    const env = { ...process.env, CDK8S_OUTDIR: dir, CDK8S_RECORD_CONSTRUCT_METADATA: 'false', INCLUDE_EXAMPLES: '1' };
    const [command, ...args] = String(parse(fs.readFileSync(path.join(ROOT, 'cdk8s.yaml'), 'utf8')).app).split(' ');
    expect([command, ...args]).toStrictEqual(['node', '--require', './scripts/prefer-lib.js', '--import', 'tsx', 'examples/main.ts']);
    execFileSync(process.execPath, args, { cwd: ROOT, env, stdio: 'pipe' });
    expect(snapshotOf(dir)).toStrictEqual(Object.fromEntries(withExamples.map((f) => [f.path, f.content])));
  }, 30_000);
});
