/**
 * `cdk8s-crossplane render`: flags of `crossplane composition render`, files and directories,
 * `-` for stdin, user errors without stack traces and without partial output; `--classic` for
 * the output of `crossplane render` up to Crossplane v2.2.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { fakeIo } from '../_helpers/fake-io';

const ROOT = path.resolve(__dirname, '../..');

let dir: string;
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
  return p;
};

const XR_YAML = `apiVersion: example.org/v1
kind: XNetwork
metadata:
  name: net
spec:
  region: eu-west-1
  enabled: on
`;
const COMP_YAML = `apiVersion: apiextensions.crossplane.io/v1
kind: Composition
metadata:
  name: xnetworks
spec:
  compositeTypeRef:
    apiVersion: example.org/v1
    kind: XNetwork
  mode: Pipeline
  pipeline:
  - step: patch-and-transform
    functionRef:
      name: function-patch-and-transform
    input:
      apiVersion: pt.fn.crossplane.io/v1beta1
      kind: Resources
      resources:
      - name: vpc
        base:
          apiVersion: ec2.aws.upbound.io/v1beta1
          kind: VPC
        patches:
        - fromFieldPath: spec.region
          toFieldPath: spec.forProvider.region
        - fromFieldPath: spec.enabled
          toFieldPath: spec.forProvider.enableDnsSupport
        - type: FromEnvironmentFieldPath
          fromFieldPath: tier
          toFieldPath: metadata.labels[tier]
  - step: ready
    functionRef:
      name: function-auto-ready
`;
const FUNCTIONS_YAML = `apiVersion: pkg.crossplane.io/v1beta1
kind: Function
metadata:
  name: function-patch-and-transform
spec:
  package: xpkg.crossplane.io/crossplane-contrib/function-patch-and-transform:v0.8.2
---
apiVersion: pkg.crossplane.io/v1beta1
kind: Function
metadata:
  name: function-auto-ready
spec:
  package: xpkg.crossplane.io/crossplane-contrib/function-auto-ready:v0.5.0
`;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'render-cli-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('cdk8s-crossplane render', () => {
  test('renders XR and composed resources to stdout, reading YAML 1.1 booleans as Kubernetes does', async () => {
    const io = fakeIo();
    const code = await main(['render', file('xr.yaml', XR_YAML), file('comp.yaml', COMP_YAML), file('fns/functions.yaml', FUNCTIONS_YAML)], io);
    expect(io.err).toBe('');
    expect(code).toBe(0);
    expect(io.out.startsWith('---\napiVersion: example.org/v1\nkind: XNetwork\n')).toBe(true);
    expect(io.out).toContain('    enableDnsSupport: true\n    region: eu-west-1\n');
  });

  test('takes the one Composition of a file that also holds the XRD, as cdk8s writes a chart', async () => {
    const xrd = 'apiVersion: apiextensions.crossplane.io/v2\nkind: CompositeResourceDefinition\nmetadata: {name: xnetworks.example.org}\n';
    const alone = fakeIo();
    await main(['render', file('xr.yaml', XR_YAML), file('comp.yaml', COMP_YAML), file('fns/functions.yaml', FUNCTIONS_YAML)], alone);
    const io = fakeIo();
    expect(await main(['render', file('xr.yaml', XR_YAML), file('chart.yaml', `${xrd}---\n${COMP_YAML}`), path.join(dir, 'fns')], io)).toBe(0);
    expect(io.out).toBe(alone.out);
  });

  // crossplane/crossplane@0395ca8d14622efc447fc1ce784ec6d004e5d0d1 apis/apiextensions/v2/xrd_types.go:
  // the v2 XRD's scope is `+kubebuilder:default=Namespaced`, so a cluster stores this XRD as
  // Namespaced and its XRs keep Crossplane's machinery under spec.crossplane.
  test('--xrd: a v2 XRD without scope is Namespaced, not LegacyCluster', async () => {
    const xrd = `apiVersion: apiextensions.crossplane.io/v2
kind: CompositeResourceDefinition
metadata: {name: xnetworks.example.org}
spec:
  group: example.org
  names: {kind: XNetwork, plural: xnetworks}
  versions:
  - name: v1
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
              enabled: {type: boolean}
`;
    const io = fakeIo();
    const code = await main(['render', file('xr.yaml', XR_YAML.replace('spec:\n', 'spec:\n  crossplane: {}\n')), file('comp.yaml', COMP_YAML), file('fns/functions.yaml', FUNCTIONS_YAML), `--xrd=${file('xrd.yaml', xrd)}`, '-x'], io);
    expect(io.err).toBe('');
    expect(code).toBe(0);
    const xrDoc = io.out.split('\n---\n')[0];
    expect(xrDoc).toMatch(/\n {2}crossplane:\n(    .*\n)*    compositionUpdatePolicy: Automatic\n/);
    expect(xrDoc).toMatch(/\n {4}resourceRefs:\n/);
    expect(xrDoc).not.toMatch(/\n {2}(compositionUpdatePolicy|resourceRefs):/);
  });

  test('fails if a file holds several Compositions, naming them', async () => {
    const io = fakeIo();
    const second = COMP_YAML.replace(/name: [^\n]+/, 'name: other');
    expect(await main(['render', file('xr.yaml', XR_YAML), file('two.yaml', `${COMP_YAML}---\n${second}`), path.join(dir, 'fns')], io)).toBe(1);
    expect(io.err).toMatch(/two\.yaml: holds 2 Compositions, .+ \(document 0\), other \(document 1\): choose one with --composition NAME/);
  });

  test('--composition NAME picks one Composition of a multi-document file', async () => {
    const second = COMP_YAML.replace(/name: [^\n]+/, 'name: other');
    const alone = fakeIo();
    await main(['render', file('xr.yaml', XR_YAML), file('comp.yaml', COMP_YAML), path.join(dir, 'fns')], alone);
    const io = fakeIo();
    expect(await main(['render', file('xr.yaml', XR_YAML), file('two.yaml', `${second}---\n${COMP_YAML}`), path.join(dir, 'fns'), '--composition', 'xnetworks'], io)).toBe(0);
    expect(io.out).toBe(alone.out);
    const typo = fakeIo();
    expect(await main(['render', file('xr.yaml', XR_YAML), file('two.yaml', `${second}---\n${COMP_YAML}`), path.join(dir, 'fns'), '--composition', 'xnetwork'], typo)).toBe(1);
    expect(typo.err).toContain("--composition: ");
    expect(typo.err).toContain("has no Composition named 'xnetwork': did you mean 'xnetworks'?");
    expect(typo.out).toBe('');
  });

  test('a functions directory is searched recursively', async () => {
    const io = fakeIo();
    expect(await main(['render', file('xr.yaml', XR_YAML), file('comp.yaml', COMP_YAML), path.join(dir, 'fns')], io)).toBe(0);
  });

  test('--context-values seeds the context; -c prints it; -x prints the full XR', async () => {
    const io = fakeIo();
    const code = await main(['render', file('xr.yaml', XR_YAML), file('comp.yaml', COMP_YAML), '--context-values', 'apiextensions.crossplane.io/environment={"tier":"gold","a":1}', '-c', '-x'], io);
    expect(code).toBe(0);
    expect(io.out).toContain('    tier: gold\n');
    expect(io.out).toContain('kind: Context\n');
    // crossplane/cli cmd.go: -x merges the rendered XR over the input XR (mergo WithOverride), so
    // the input's spec fields sit beside the rendered resourceRefs.
    expect(io.out).toMatch(/^spec:\n {2}crossplane:\n {4}resourceRefs:\n(?: {4}.+\n)+ {2}enabled: true\n {2}region: eu-west-1\n/m);
    const classic = fakeIo();
    expect(await main(['render', file('xr.yaml', XR_YAML), file('comp.yaml', COMP_YAML), '--context-values', 'apiextensions.crossplane.io/environment={"tier":"gold","a":1}', '-x', '--classic'], classic)).toBe(0);
    // Classic: the input's spec replaces the rendered one.
    expect(classic.out).toContain('spec:\n  enabled: true\n  region: eu-west-1\n');
  });

  test('the default output is one reconcile: Responsive, Synced and Ready, derived names; --classic prints the v2.2 output', async () => {
    const io = fakeIo();
    expect(await main(['render', file('xr.yaml', XR_YAML), file('comp.yaml', COMP_YAML), '-r'], io)).toBe(0);
    expect(io.out).toContain('    type: Responsive\n');
    expect(io.out).toContain('    type: Synced\n');
    expect(io.out).toMatch(/\n {2}name: net-[0-9a-f]{12}\n/);
    // -r prints reconcile events (reconciler.go): no step, a reason and Normal/Warning.
    expect(io.out).toContain('---\napiVersion: render.crossplane.io/v1beta1\nkind: Result\nmessage: \'Successfully selected composition: xnetworks\'\nreason: SelectComposition\nseverity: Normal\n');
    const classic = fakeIo();
    expect(await main(['render', file('xr.yaml', XR_YAML), file('comp.yaml', COMP_YAML), '--classic'], classic)).toBe(0);
    expect(classic.out).not.toContain('Responsive');
    expect(classic.out).toContain('  generateName: net-\n');
    expect(classic.out).not.toMatch(/\n {2}name: net-/);
  });

  test('-e may be repeated, as the Crossplane CLI allows', async () => {
    const a = file('req/a.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n');
    const b = file('req/b.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n');
    const io = fakeIo();
    expect(await main(['render', file('xr.yaml', XR_YAML), file('comp.yaml', COMP_YAML), '-e', a, '--required-resources', b], io)).toBe(0);
  });

  test('--context-files reads values from YAML files', async () => {
    const io = fakeIo();
    const env = file('env.yaml', 'apiVersion: internal.crossplane.io/v1alpha1\nkind: Environment\ntier: silver\n');
    expect(await main(['render', file('xr.yaml', XR_YAML), file('comp.yaml', COMP_YAML), `--context-files=apiextensions.crossplane.io/environment=${env}`], io)).toBe(0);
    expect(io.out).toContain('    tier: silver\n');
  });

  test('-o observed resources keep their names and make the XR ready', async () => {
    const observed = file('observed/vpc.yaml', `apiVersion: ec2.aws.upbound.io/v1beta1
kind: VPC
metadata:
  name: net-abcde
  annotations:
    crossplane.io/composition-resource-name: vpc
status:
  conditions:
  - type: Ready
    status: "True"
`);
    const io = fakeIo();
    expect(await main(['render', file('xr.yaml', XR_YAML), file('comp.yaml', COMP_YAML), '-o', path.dirname(observed), '-r'], io)).toBe(0);
    expect(io.out).toContain('  name: net-abcde\n');
    expect(io.out).toContain('    reason: Available\n    status: "True"\n');
  });

  test('the XR can come from stdin with -', async () => {
    const io = fakeIo(XR_YAML);
    expect(await main(['render', '-', file('comp.yaml', COMP_YAML)], io)).toBe(0);
    expect(io.out).toContain('name: net\n');
  });

  test('a fatal pipeline result exits 1 with the message and prints nothing on stdout', async () => {
    const bad = COMP_YAML.replace('        base:\n          apiVersion: ec2.aws.upbound.io/v1beta1\n          kind: VPC\n', '');
    const io = fakeIo();
    const code = await main(['render', file('xr.yaml', XR_YAML), file('bad.yaml', bad)], io);
    expect(code).toBe(1);
    expect(io.out).toBe('');
    // crossplane internal render wraps the reconciler's "cannot compose resources" (reconciler.go,
    // composition_functions.go PipelineFatalErrorFmt); crossplane/cli cmd.go prints nothing of the
    // partial output and fails.
    expect(io.err).toBe('cdk8s-crossplane render: cannot render composite resource: cannot compose resources: pipeline step "patch-and-transform" returned a fatal result: composed resource "vpc" has no base template, and was not produced by a previous Function in the pipeline\n');
    const classic = fakeIo();
    expect(await main(['render', file('xr.yaml', XR_YAML), file('bad.yaml', bad), '--classic'], classic)).toBe(1);
    expect(classic.out).toBe('');
    expect(classic.err).toBe('cdk8s-crossplane render: cannot render composite resource: pipeline step "patch-and-transform" returned a fatal result: composed resource "vpc" has no base template, and was not produced by a previous Function in the pipeline\n');
  });

  test('a file that is not a Composition names the file, document and kind', async () => {
    const io = fakeIo();
    const p = file('not-comp.yaml', '---\napiVersion: v1\nkind: ConfigMap\n');
    expect(await main(['render', file('xr.yaml', XR_YAML), p], io)).toBe(1);
    expect(io.err).toBe(`cdk8s-crossplane render: ${p}: document 0: not a Composition: got v1, Kind=ConfigMap, want apiextensions.crossplane.io/v1 Composition\n`);
  });

  test('invalid YAML names the file and the document index', async () => {
    const io = fakeIo();
    const p = file('broken.yaml', 'apiVersion: v1\nkind: [\n');
    expect(await main(['render', p, file('comp.yaml', COMP_YAML)], io)).toBe(1);
    expect(io.err).toMatch(new RegExp(`^cdk8s-crossplane render: ${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: document 0: not valid YAML at line \\d+ \\(.+\\): fix the YAML syntax of this document\n$`));
    expect(io.err).not.toMatch(/\n\s+at /);
  });

  test('a missing XR file is a user error', async () => {
    const io = fakeIo();
    expect(await main(['render', path.join(dir, 'nope.yaml'), file('comp.yaml', COMP_YAML)], io)).toBe(1);
    expect(io.err).toBe(`cdk8s-crossplane render: ${path.join(dir, 'nope.yaml')}: no such file or directory: check the path\n`);
  });

  test('a step whose Function is not in the functions file fails with crossplane render\'s message', async () => {
    const io = fakeIo();
    const fns = file('only-pt.yaml', FUNCTIONS_YAML.split('---\n')[0]);
    expect(await main(['render', file('xr.yaml', XR_YAML), file('comp.yaml', COMP_YAML), fns], io)).toBe(1);
    // internal/render/runner.go, as the composer and reconciler wrap it.
    expect(io.err).toBe('cdk8s-crossplane render: cannot render composite resource: reconcile failed: cannot compose resources: cannot run Composition pipeline step "ready": unknown function "function-auto-ready" - is it listed in the render input?\n');
    const classic = fakeIo();
    expect(await main(['render', file('xr.yaml', XR_YAML), file('comp.yaml', COMP_YAML), fns, '--classic'], classic)).toBe(1);
    expect(classic.err).toContain('unknown Function "function-auto-ready" - does it exist in your Functions file?');
  });

  test('missing arguments and unknown flags are usage errors (exit 2)', async () => {
    const io = fakeIo();
    expect(await main(['render', 'only-one.yaml'], io)).toBe(2);
    const io2 = fakeIo();
    expect(await main(['render', 'a', 'b', '--nope'], io2)).toBe(2);
    expect(io2.err).toContain("unknown flag '--nope'");
  });

  test('--help prints the flags', async () => {
    const io = fakeIo();
    expect(await main(['render', '--help'], io)).toBe(0);
    expect(io.out).toContain('--observed-resources');
  });

  // Slower than 10 s only on a busy machine (0.7 s CPU): a new node process transpiles the CLI
  // through tsx; the timeout is raised for that machine.
  test('a real subprocess renders the same stream as the in-process run', async () => {
    const xr = file('xr.yaml', XR_YAML);
    const comp = file('comp.yaml', COMP_YAML);
    const io = fakeIo();
    await main(['render', xr, comp], io);
    const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
    const res = spawnSync(tsx, [path.join(ROOT, 'src/cli/main.ts'), 'render', xr, comp], { encoding: 'utf8', cwd: ROOT });
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout).toBe(io.out);
  }, 30000);
});

describe('cdk8s-crossplane render structure errors', () => {
  test('a step without functionRef names the file, the document and the field', async () => {
    const p2 = file('nofn2.yaml', COMP_YAML.replace('    functionRef:\n      name: function-auto-ready\n', ''));
    const io2 = fakeIo();
    expect(await main(['render', file('xr.yaml', XR_YAML), p2], io2)).toBe(1);
    expect(io2.err).toBe(`cdk8s-crossplane render: ${p2}: document 0: spec.pipeline[1].functionRef.name must name a Function, got '': set functionRef.name, e.g. function-patch-and-transform\n`);
  });
});

describe('cdk8s-crossplane render --function-implementations', () => {
  test('a JavaScript module provides functions other than the built-in ones', async () => {
    const impl = file('impls.js', `module.exports = {
  'function-label': (req) => {
    const resources = {};
    for (const [k, r] of Object.entries(req.desired.resources)) {
      resources[k] = { ...r, resource: { ...r.resource, metadata: { ...(r.resource.metadata || {}), labels: { team: 'a' } } } };
    }
    return { desired: { ...req.desired, resources }, context: req.context, results: [] };
  },
};
`);
    const comp = COMP_YAML.replace('  - step: ready\n    functionRef:\n      name: function-auto-ready\n', '  - step: label\n    functionRef:\n      name: function-label\n');
    const io = fakeIo();
    expect(await main(['render', file('xr.yaml', XR_YAML), file('comp-label.yaml', comp), '--function-implementations', impl], io)).toBe(0);
    expect(io.out).toContain('    team: a\n');
    const io2 = fakeIo();
    expect(await main(['render', file('xr.yaml', XR_YAML), file('comp-label.yaml', comp)], io2)).toBe(1);
    expect(io2.err).toContain('cannot run Composition pipeline step "label": Function "function-label" has no offline implementation');
  });
});

describe('cdk8s-crossplane render with function-go-templating FileSystem templates', () => {
  const TEMPLATE = `apiVersion: ec2.aws.upbound.io/v1beta1
kind: VPC
metadata:
  annotations:
    gotemplating.fn.crossplane.io/composition-resource-name: vpc
spec:
  forProvider:
    region: {{ .observed.composite.resource.spec.region }}
`;
  const comp = (dirPath: string) => `apiVersion: apiextensions.crossplane.io/v1
kind: Composition
metadata:
  name: xnetworks
spec:
  compositeTypeRef:
    apiVersion: example.org/v1
    kind: XNetwork
  mode: Pipeline
  pipeline:
  - step: render-templates
    functionRef:
      name: function-go-templating
    input:
      apiVersion: gotemplating.fn.crossplane.io/v1beta1
      kind: GoTemplate
      source: FileSystem
      fileSystem:
        dirPath: ${dirPath}
`;

  test('a container folder mapped with --function-mounts is read from the local folder', async () => {
    file('fs/templates/vpc.yaml', TEMPLATE);
    const io = fakeIo();
    const code = await main(['render', file('xr.yaml', XR_YAML), file('comp-fs.yaml', comp('/templates')), `--function-mounts=/templates=${path.join(dir, 'fs/templates')}`], io);
    expect(io.err).toBe('');
    expect(code).toBe(0);
    expect(io.out).toContain('kind: VPC\n');
    expect(io.out).toContain('    region: eu-west-1\n');
  });

  test('a folder path as written is read from the local disk', async () => {
    file('fs/templates/vpc.yaml', TEMPLATE);
    const io = fakeIo();
    expect(await main(['render', file('xr.yaml', XR_YAML), file('comp-abs.yaml', comp(path.join(dir, 'fs/templates')))], io)).toBe(0);
    expect(io.out).toContain('    region: eu-west-1\n');
  });

  test('a missing folder fails with the function\'s message, the step, and where render looked', async () => {
    const io = fakeIo();
    expect(await main(['render', file('xr.yaml', XR_YAML), file('comp-fs.yaml', comp('/templates'))], io)).toBe(1);
    expect(io.out).toBe('');
    expect(io.err).toContain('cdk8s-crossplane render: cannot render composite resource: cannot compose resources: pipeline step "render-templates" returned a fatal result: '
      + 'invalid function input: cannot read tmpl from the folder {/templates}: open /templates: no such file or directory\n');
    expect(io.err).toContain(`relative paths from ${process.cwd()}`);
    expect(io.err).toContain('--function-mounts=/templates=LOCAL_FOLDER');
  });

  test('a mount whose local folder does not exist is a usage error', async () => {
    const io = fakeIo();
    expect(await main(['render', file('xr.yaml', XR_YAML), file('comp-fs.yaml', comp('/templates')), '--function-mounts=/templates=./no-such-folder'], io)).toBe(2);
    expect(io.err).toBe(`cdk8s-crossplane render: --function-mounts: /templates=./no-such-folder: ${path.resolve('no-such-folder')} does not exist: give the local folder that holds the templates mounted at /templates\n`);
  });
});
