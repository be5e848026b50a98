import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Testing } from 'cdk8s';
import { run } from '../../src/cli/convert';
import { convertDocuments } from '../../src/convert/convert';
import { parseInputs } from '../../src/convert/load';
import { UsageError, UserError } from '../../src/errors';
import { evaluateModule } from './_eval';

const XRD = `# a legacy XRD with a claim
apiVersion: apiextensions.crossplane.io/v1
kind: CompositeResourceDefinition
metadata:
  name: xbuckets.storage.example.org
spec:
  group: storage.example.org
  names: {kind: XBucket, plural: xbuckets}
  claimNames: {kind: Bucket, plural: buckets}
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
                region: {type: string}
              required: [region]
`;

const COMPOSITION = `apiVersion: apiextensions.crossplane.io/v1
kind: Composition
metadata:
  name: xbuckets.aws.storage.example.org
spec:
  compositeTypeRef: {apiVersion: storage.example.org/v1alpha1, kind: XBucket}
  writeConnectionSecretsToNamespace: crossplane-system
  patchSets:
    - name: region
      patches:
        - fromFieldPath: spec.region
          toFieldPath: spec.forProvider.region
  resources:
    - base:
        apiVersion: s3.aws.upbound.io/v1beta1
        kind: Bucket
        spec:
          forProvider: {}
      patches:
        - type: PatchSet
          patchSetName: region
        - fromFieldPath: metadata.uid
          toFieldPath: metadata.annotations[crossplane.io/external-name]
          transforms:
            - string: {fmt: "bucket-%s"}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: not-converted}
---
broken: [yaml
`;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s), stdin: () => '' }, out, err };
}

describe('cdk8s-crossplane convert', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convert-cli-'));
    fs.mkdirSync(path.join(dir, 'in'));
    fs.writeFileSync(path.join(dir, 'in', 'definition.yaml'), XRD);
    fs.writeFileSync(path.join(dir, 'in', 'composition.yaml'), COMPOSITION.replace('---\nbroken: [yaml\n', ''));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a bad document is reported by file and index and nothing is written', async () => {
    fs.writeFileSync(path.join(dir, 'in', 'composition.yaml'), COMPOSITION);
    const t = io();
    const err = await run([path.join(dir, 'in'), '--out', path.join(dir, 'out')], t.io).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(new RegExp(`^${escape(path.join(dir, 'in', 'composition.yaml'))} document 2: not valid YAML at line 32 .*\n`
      + `nothing was written to ${escape(path.join(dir, 'out'))}: fix this document or leave it out, then run again$`));
    expect(t.err.join('')).toContain(`skipped: ${path.join(dir, 'in', 'composition.yaml')} document 1: kind ConfigMap (v1) is not an XRD or Composition: skipped`);
    expect(t.out.join('')).toBe('');
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  test('writes a module per API and a main.ts; other kinds of documents are skipped and listed', async () => {
    const t = io();
    const code = await run([path.join(dir, 'in'), '--out', path.join(dir, 'out')], t.io);
    expect(code).toBe(0);
    expect(t.err.join('')).toContain(`skipped: ${path.join(dir, 'in', 'composition.yaml')} document 1: kind ConfigMap (v1) is not an XRD or Composition: skipped`);
    expect(t.out.join('')).toBe(`converted 1 XRD and 1 Composition (1 from Resources mode) into ${path.join(dir, 'out')}: xbucket.ts, main.ts\n`);
    const module = fs.readFileSync(path.join(dir, 'out', 'xbucket.ts'), 'utf8');
    expect(module).toContain("const regionPatchSet = PatchSet.of('region', [Patch.fromCompositeFieldPath('spec.region', 'spec.forProvider.region')]);");
    expect(module).toContain("awsComposition.addResource(\n    'resource-0',");
    expect(module).toContain('Patch.patchSet(regionPatchSet)');

    // Synthesizing the module gives the Pipeline form Crossplane's converter produces.
    const mod = evaluateModule(module);
    const chart = Testing.chart();
    (mod.defineXBucket as (s: unknown) => void)(chart);
    const objects = Testing.synth(chart) as any[];
    const comp = objects.find(o => o.kind === 'Composition');
    expect(comp.spec.mode).toBe('Pipeline');
    expect(comp.spec.writeConnectionSecretsToNamespace).toBe('crossplane-system');
    expect(comp.spec.pipeline).toEqual([{
      step: 'patch-and-transform',
      functionRef: { name: 'function-patch-and-transform' },
      input: {
        apiVersion: 'pt.fn.crossplane.io/v1beta1',
        kind: 'Resources',
        patchSets: [{ name: 'region', patches: [{ type: 'FromCompositeFieldPath', fromFieldPath: 'spec.region', toFieldPath: 'spec.forProvider.region' }] }],
        resources: [{
          name: 'resource-0',
          base: { apiVersion: 's3.aws.upbound.io/v1beta1', kind: 'Bucket', spec: { forProvider: {} } },
          patches: [
            { type: 'PatchSet', patchSetName: 'region' },
            {
              type: 'FromCompositeFieldPath', fromFieldPath: 'metadata.uid', toFieldPath: 'metadata.annotations[crossplane.io/external-name]',
              transforms: [{ type: 'string', string: { type: 'Format', fmt: 'bucket-%s' } }],
            },
          ],
        }],
      },
    }]);
    const xrd = objects.find(o => o.kind === 'CompositeResourceDefinition');
    expect(xrd.spec.claimNames).toEqual({ kind: 'Bucket', plural: 'buckets' });
    expect(xrd.spec.scope).toBe('LegacyCluster');
  });

  // That the generated code type-checks (strict) against the installed package, L1 classes and
  // their enums included, is tested in test/install/own-providers.test.ts, in a project made by init.
  test('--target v2 migrates the legacy XRD and reports each change on stderr', async () => {
    const t = io();
    const code = await run([path.join(dir, 'in', 'definition.yaml'), path.join(dir, 'in', 'composition.yaml'), '--out', path.join(dir, 'out'), '--target', 'v2'], t.io);
    expect(code).toBe(0);
    const module = fs.readFileSync(path.join(dir, 'out', 'xbucket.ts'), 'utf8');
    const mod = evaluateModule(module);
    const chart = Testing.chart();
    (mod.defineXBucket as (s: unknown) => void)(chart);
    const objects = Testing.synth(chart) as any[];
    const xrd = objects.find(o => o.kind === 'CompositeResourceDefinition');
    expect(xrd.apiVersion).toBe('apiextensions.crossplane.io/v2');
    expect(xrd.spec.claimNames).toBeUndefined();
    const stderr = t.err.join('');
    expect(stderr).toContain(`note: ${path.join(dir, 'in', 'definition.yaml')} document 0: spec.claimNames removed: v2 XRDs have no claims`);
    expect(stderr).toContain('spec.writeConnectionSecretsToNamespace removed');
  });

  test("'-' reads the documents from stdin", async () => {
    const t = io();
    const code = await run(['-', '--out', path.join(dir, 'stdin-out')], { ...t.io, stdin: () => XRD });
    expect(code).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'stdin-out')).sort()).toEqual(['main.ts', 'xbucket.ts']);
    expect(fs.readFileSync(path.join(dir, 'stdin-out', 'xbucket.ts'), 'utf8')).toContain('// Converted from <stdin> (document 0)');
  });

  test('usage errors: no input, no --out, unknown --target', async () => {
    await expect(run(['--out', 'x'], io().io)).rejects.toThrow(UsageError);
    await expect(run(['in'], io().io)).rejects.toThrow(/--out is required/);
    await expect(run(['in', '--out', 'x', '--target', 'v3'], io().io)).rejects.toThrow(/--target must be v2, got 'v3'/);
  });
});

describe('convertDocuments', () => {
  test('the same input gives byte-identical output', () => {
    const inputs = parseInputs(`${XRD}---\n${COMPOSITION.split('---')[0]}`, 'in.yaml');
    const a = convertDocuments(inputs);
    const b = convertDocuments(parseInputs(`${XRD}---\n${COMPOSITION.split('---')[0]}`, 'in.yaml'));
    expect(a.files).toEqual(b.files);
    expect(a.files.map(f => f.path)).toEqual(['xbucket.ts', 'main.ts']);
  });

  test('two APIs of the same kind get distinct files and define functions', () => {
    const other = XRD.replace(/storage\.example\.org/g, 'other.example.org');
    const r = convertDocuments(parseInputs(`${XRD}---\n${other}`, 'in.yaml'));
    expect(r.files.map(f => f.path)).toEqual(['xbucket.ts', 'xbucket2.ts', 'main.ts']);
    const main = r.files[2].content;
    expect(main).toContain("import { defineXBucket } from './xbucket';");
    expect(main).toContain("import { defineXBucket2 } from './xbucket2';");
  });

  test('step credentials are written without source, which the library always sets to Secret', () => {
    const comp = [
      'apiVersion: apiextensions.crossplane.io/v1',
      'kind: Composition',
      'metadata: {name: xbuckets.storage.example.org}',
      'spec:',
      '  compositeTypeRef: {apiVersion: storage.example.org/v1alpha1, kind: XBucket}',
      '  mode: Pipeline',
      '  pipeline:',
      '    - step: render',
      '      functionRef: {name: function-go-templating}',
      '      input: {apiVersion: gotemplating.fn.crossplane.io/v1beta1, kind: GoTemplate, source: Inline, inline: {template: ""}}',
      '      credentials:',
      '        - {name: token, source: Secret, secretRef: {namespace: crossplane-system, name: token}}',
      '',
    ].join('\n');
    const module = convertDocuments(parseInputs(`${XRD}---\n${comp}`, 'in.yaml')).files[0].content;
    expect(module).toMatch(/credentials: \[\s*\{\s*name: 'token',\s*secretRef: \{ namespace: 'crossplane-system', name: 'token' \}\s*\}\s*\]/);
  });

  test('a Composition whose XRD is not given is reported with file, document and field', () => {
    const r = convertDocuments(parseInputs(COMPOSITION.split('---')[0], 'c.yaml'));
    expect(r.problems.map(p => [p.file, p.index, p.field])).toEqual([['c.yaml', 0, 'spec.compositeTypeRef']]);
    expect(r.problems[0].message).toMatch(/^names storage\.example\.org\/v1alpha1 XBucket, for which no XRD was given: pass the XRD's file too/);
  });

  test('a P&T element the builders cannot express (an unknown transform type) keeps the whole step verbatim, with a note', () => {
    const comp = COMPOSITION.split('---')[0].replace('            - string: {fmt: "bucket-%s"}', '            - type: sideways\n              sideways: {}');
    const r = convertDocuments(parseInputs(`${XRD}---\n${comp}`, 'in.yaml'));
    const note = r.notes.find(n => n.field.includes('transforms[0]'));
    expect(note?.message).toMatch(/the whole patch-and-transform step is kept verbatim$/);
    const module = r.files[0].content;
    expect(module).toContain('function: FunctionPackage.PATCH_AND_TRANSFORM');
    expect(module).not.toContain('addResource(');
  });
});

describe('convert --crds and --rename-functions', () => {
  const GCP_V1 = path.resolve(__dirname, '../fixtures/provider-crds/provider-upjet-gcp-v1.14.0');
  const xrd = `apiVersion: apiextensions.crossplane.io/v2
kind: CompositeResourceDefinition
metadata: {name: xms.example.org}
spec:
  group: example.org
  scope: Cluster
  names: {kind: XM, plural: xms}
  versions: [{name: v1, served: true, referenceable: true, schema: {openAPIV3Schema: {type: object}}}]
`;
  const composition = `apiVersion: apiextensions.crossplane.io/v1
kind: Composition
metadata: {name: xms.example.org}
spec:
  compositeTypeRef: {apiVersion: example.org/v1, kind: XM}
  mode: Pipeline
  pipeline:
    - step: patch-and-transform
      functionRef: {name: crossplane-contrib-function-patch-and-transform}
      input:
        apiVersion: pt.fn.crossplane.io/v1beta1
        kind: Resources
        resources:
          - name: member
            base: {apiVersion: cloudplatform.gcp.upbound.io/v1beta1, kind: ProjectIAMMember, spec: {forProvider: {role: roles/viewer}}}
`;
  const convert = async (...flags: string[]) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-crossplane-convert-crds-'));
    try {
      fs.writeFileSync(path.join(dir, 'in.yaml'), `${xrd}---\n${composition}`);
      const t = io();
      const code = await run([path.join(dir, 'in.yaml'), '--out', path.join(dir, 'out'), ...flags], t.io);
      return { code, err: t.err.join(''), module: fs.readFileSync(path.join(dir, 'out', 'xm.ts'), 'utf8') };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };

  test('without --crds, the unserved version is noted and suppressed; the function name is kept', async () => {
    const r = await convert();
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/note: .*in\.yaml document 1: spec\.pipeline\[0\]\.input\.resources\[0\]\.base\.apiVersion 'cloudplatform\.gcp\.upbound\.io\/v1beta1' is not served by the bundled schemas/);
    expect(r.module).toContain('LintRule.UNSERVED_VERSION');
    expect(r.module).toContain("FunctionPackage.PATCH_AND_TRANSFORM.withName('crossplane-contrib-function-patch-and-transform')");
  });
  test('with --crds, the version is checked against them; --rename-functions renames', async () => {
    const r = await convert('--crds', GCP_V1, '--rename-functions');
    expect(r.code).toBe(0);
    expect(r.err).not.toMatch(/not served/);
    expect(r.module).not.toContain('LintRule');
    expect(r.module).not.toContain('withName');
    expect(r.err).toMatch(/'crossplane-contrib-function-patch-and-transform' is written as 'function-patch-and-transform' \(renameFunctions\)/);
  });
  test('a missing --crds source is a user error naming it', async () => {
    await expect(convert('--crds', '/nonexistent/crds')).rejects.toThrow(/\/nonexistent\/crds: CRD source not found/);
  });

  // The whole path, with classes `npm run import` generated, is test/install/own-providers.test.ts.
  test('with --imports, a kind of --crds whose class the folder holds is written with it, imported relative to --out', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-crossplane-convert-imports-'));
    try {
      // The shape `cdk8s import` gives every class: its name, then its GVK.
      fs.writeFileSync(path.join(dir, 'cloudplatform.gcp.upbound.io.ts'), `export class ProjectIamMember extends ApiObject {
  public static readonly GVK: GroupVersionKind = {
    apiVersion: 'cloudplatform.gcp.upbound.io/v1beta1',
    kind: 'ProjectIAMMember',
  }
}
`);
      const r = await convert('--crds', GCP_V1, '--imports', dir);
      expect(r.code).toBe(0);
      expect(r.module).toContain(`import { ProjectIamMember } from '${path.relative(path.join(os.tmpdir(), 'x', 'out'), dir).split(path.sep).join('/')}/cloudplatform.gcp.upbound.io';`);
      expect(r.module).toMatch(/addResource\('member', ProjectIamMember, \{ spec: \{ forProvider: \{ role: 'roles\/viewer' \} \} \}\)/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('with --imports, a kind of --crds without a class there stays a plain object, with a note saying how to get one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-crossplane-convert-imports-'));
    try {
      const r = await convert('--crds', GCP_V1, '--imports', dir);
      expect(r.module).toContain("apiVersion: 'cloudplatform.gcp.upbound.io/v1beta1'");
      expect(r.err).toMatch(/resources\[0\]\.base cloudplatform\.gcp\.upbound\.io\/v1beta1 ProjectIAMMember has no class in .*: written as a plain object; .*npm run import/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('--imports needs --crds, and a folder', async () => {
    await expect(convert('--imports', os.tmpdir())).rejects.toThrow(/--imports needs --crds/);
    await expect(convert('--crds', GCP_V1, '--imports', '/nonexistent/imports')).rejects.toThrow(/--imports '\/nonexistent\/imports' is not a folder/);
  });
});
