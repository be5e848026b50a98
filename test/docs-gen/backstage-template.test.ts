// Backstage templates from XRDs. The Template shape and the action inputs are Backstage's
// (backstage.io/docs/features/software-templates/writing-templates; the inputs of
// publish:github:pull-request from @backstage/plugin-scaffolder-backend-module-github
// createPublishGithubPullRequestAction). The rule tests below check the template against the
// XRD itself: the form accepts the example XRs and rejects what the XRD rejects, and the
// skeleton, filled in as Backstage's Nunjucks `dump` filter does (JSON.stringify), writes an XR
// that validates against the XRD.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse, parseAllDocuments } from 'yaml';
import { run } from '../../src/cli/docs';
import { backstageTemplate, backstageTemplates, formSchema } from '../../src/docs/backstage-template';
import { UserError } from '../../src/errors';
import { validate } from '../../src/validate';
import { exampleOutput } from '../_helpers/example-output';
import { fakeIo } from '../_helpers/fake-io';

type Obj = Record<string, any>;

const objects: Obj[] = exampleOutput(true)
  .filter((f) => /^(20-definitions|40-examples)\//.test(f.path))
  .flatMap((f) => parseAllDocuments(f.content).map((d) => d.toJS()));
const xrds = objects.filter((o) => o.kind === 'CompositeResourceDefinition');
const network = xrds.find((x) => x.spec.names.kind === 'XNetwork')!;
const exampleOf = (kind: string) => objects.find((o) => o.kind === kind)!;

/** The skeleton filled in as fetch:template does for these values (Nunjucks `dump` is JSON.stringify). */
function fill(skeleton: string, values: Obj): Obj {
  const text = skeleton.replace(/\$\{\{ values\.(\w+) \| dump \}\}/g, (_m, k) => JSON.stringify(values[k]));
  expect(text).not.toContain('${{');
  return parse(text);
}

function filesOf(xrd: Obj) {
  const files = backstageTemplate(xrd, { owner: 'group:platform-team' });
  const template = parse(files.get(`${xrd.metadata.name}/template.yaml`)!);
  const skeletonPath = [...files.keys()].find((k) => k.includes('/skeleton/'))!;
  return { template, skeleton: files.get(skeletonPath)!, skeletonPath };
}

describe('backstageTemplate', () => {
  const { template, skeleton, skeletonPath } = filesOf(network);

  test('is a scaffolder.backstage.io/v1beta3 Template named after the XRD', () => {
    expect(template).toMatchObject({
      apiVersion: 'scaffolder.backstage.io/v1beta3', kind: 'Template',
      metadata: { name: network.metadata.name, title: 'New XNetwork', tags: ['crossplane', 'xnetwork'] },
      spec: { owner: 'group:platform-team', type: 'resource' },
    });
    expect(skeletonPath).toBe(`${network.metadata.name}/skeleton/xnetwork-\${{ values.name }}.yaml`);
  });

  test('asks for name and namespace of a namespaced XR', () => {
    expect(template.spec.parameters[0].required).toStrictEqual(['name', 'namespace']);
  });

  test('the spec form carries the XRD schema: required fields, enums, defaults, bounds, descriptions', () => {
    const xrdSpec = network.spec.versions.find((v: Obj) => v.referenceable).schema.openAPIV3Schema.properties.spec;
    const form = template.spec.parameters[1].properties.spec;
    const params = xrdSpec.properties.parameters;
    const formParams = form.properties.parameters;
    expect(formParams.required).toStrictEqual(params.required);
    for (const [k, s] of Object.entries<Obj>(params.properties)) {
      const f = formParams.properties[k];
      for (const key of ['description', 'default', 'enum', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern']) expect(f[key]).toStrictEqual(s[key]);
      expect(f.type).toBe(s.type);
      expect(typeof f.title).toBe('string');
    }
  });

  test('the form accepts every example XR of the XRD and rejects a value outside an enum', () => {
    const form = template.spec.parameters[1].properties.spec;
    const check = new Ajv({ strict: false }).compile(form);
    const examples = objects.filter((o) => o.kind === 'XNetwork');
    expect(examples.length).toBeGreaterThan(0);
    for (const xr of examples) expect(check(xr.spec)).toBe(true);
    const withEnum = Object.entries<Obj>(form.properties.parameters.properties).find(([, s]) => s.enum)
      ?? Object.entries<Obj>(form.properties.parameters.properties.nat.properties).map(([k, s]) => [`nat.${k}`, s] as [string, Obj]).find(([, s]) => s.enum)!;
    const bad = structuredClone(examples[0].spec);
    const [field] = withEnum;
    if (field.startsWith('nat.')) bad.parameters.nat = { ...(bad.parameters.nat ?? {}), [field.slice(4)]: 'not-an-allowed-value' };
    else bad.parameters[field] = 'not-an-allowed-value';
    expect(check(bad)).toBe(false);
  });

  test('steps: fetch:template writes the manifest, publish:github:pull-request proposes it to the GitOps repository', () => {
    expect(template.spec.steps.map((s: Obj) => s.action)).toStrictEqual(['fetch:template', 'publish:github:pull-request']);
    const [fetch, pr] = template.spec.steps;
    expect(fetch.input).toStrictEqual({
      url: './skeleton', targetPath: './manifest',
      values: { name: '${{ parameters.name }}', namespace: '${{ parameters.namespace }}', spec: '${{ parameters.spec }}' },
    });
    expect(pr.input).toMatchObject({ repoUrl: '${{ parameters.repoUrl }}', sourcePath: './manifest', targetPath: 'xrs/${{ parameters.namespace }}' });
    for (const k of ['branchName', 'title', 'description']) expect(typeof pr.input[k]).toBe('string');
    expect(template.spec.parameters[2].properties.repoUrl['ui:field']).toBe('RepoUrlPicker');
    expect(template.spec.output.links[0].url).toBe('${{ steps["pull-request"].output.remoteUrl }}');
  });

  test.each(xrds.map((x) => [x.spec.names.kind, x] as const))('the skeleton of %s, filled with an example XR, writes that XR and it validates against the XRD', (kind, xrd) => {
    const { skeleton: sk } = filesOf(xrd);
    const example = exampleOf(kind);
    expect(example).toBeDefined();
    const xr = fill(sk, { name: example.metadata.name, namespace: example.metadata.namespace, spec: example.spec });
    expect(xr).toStrictEqual({ apiVersion: example.apiVersion, kind, metadata: example.metadata, spec: example.spec });
    const errors = validate([xr], { schemas: [xrd] }).filter((f) => f.severity === 'error');
    expect(errors).toStrictEqual([]);
  });

  test('optional fields left empty in the form are not written', () => {
    const xr = fill(skeleton, { name: 'n', namespace: 'team-a', spec: { parameters: { project: 'acme-dev', region: undefined } } });
    expect(xr.spec).toStrictEqual({ parameters: { project: 'acme-dev' } });
  });
});

describe('special cases', () => {
  test('a legacy XRD with claims gets a template for the claim, in a namespace', () => {
    const legacy = structuredClone(network);
    legacy.apiVersion = 'apiextensions.crossplane.io/v1';
    delete legacy.spec.scope;
    legacy.spec.claimNames = { kind: 'Network', plural: 'networks' };
    const { template, skeleton } = filesOf(legacy);
    expect(template.metadata.title).toBe('New Network');
    expect(fill(skeleton, { name: 'a', namespace: 'b', spec: {} })).toMatchObject({ kind: 'Network', metadata: { name: 'a', namespace: 'b' } });
  });

  test('a cluster-scoped XR asks for no namespace', () => {
    const cluster = structuredClone(network);
    cluster.spec.scope = 'Cluster';
    const { template, skeleton } = filesOf(cluster);
    expect(template.spec.parameters[0].required).toStrictEqual(['name']);
    expect(template.spec.steps[1].input.targetPath).toBe('xrs');
    expect(fill(skeleton, { name: 'a', spec: {} }).metadata).toStrictEqual({ name: 'a' });
  });

  test('formSchema: Kubernetes-only formats are dropped, int-or-string becomes a string field, free-form objects stay open', () => {
    expect(formSchema({ type: 'string', format: 'int32' })).toStrictEqual({ type: 'string' });
    expect(formSchema({ type: 'string', format: 'date-time' })).toStrictEqual({ type: 'string', format: 'date-time' });
    expect(formSchema({ 'x-kubernetes-int-or-string': true, default: 80 }, 'targetPort')).toStrictEqual({ title: 'Target port', type: 'string', default: '80' });
    expect(formSchema({ type: 'object', 'x-kubernetes-preserve-unknown-fields': true })).toStrictEqual({ type: 'object', additionalProperties: true });
  });

  test('an XRD without a served version, or two XRDs of one name, are refused with where they are', () => {
    const none = structuredClone(network);
    for (const v of none.spec.versions) { v.served = false; v.referenceable = false; }
    expect(() => backstageTemplate(none, {}, 'apis/net.yaml document 0')).toThrow(UserError);
    expect(() => backstageTemplate(none, {}, 'apis/net.yaml document 0')).toThrow(/^apis\/net\.yaml document 0: spec\.versions has no referenceable or served version/);
    expect(() => backstageTemplates([network, network], {}, ['a.yaml', 'b.yaml'])).toThrow(/^b\.yaml: a second XRD named 'xnetworks\.[^']+' \(first in a\.yaml\)/);
  });
});

describe('cdk8s-crossplane docs --backstage', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backstage-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('writes one template folder per XRD, without --out', async () => {
    fs.writeFileSync(path.join(dir, 'xrds.yaml'), xrds.map((x) => JSON.stringify(x)).join('\n---\n'));
    const io = fakeIo();
    expect(await run([path.join(dir, 'xrds.yaml'), '--backstage', path.join(dir, 'templates'), '--backstage-path', 'platform/xrs'], io)).toBe(0);
    const folders = fs.readdirSync(path.join(dir, 'templates')).sort();
    expect(folders).toStrictEqual(xrds.map((x) => x.metadata.name).sort());
    const t = parse(fs.readFileSync(path.join(dir, 'templates', network.metadata.name, 'template.yaml'), 'utf8'));
    expect(t.spec.steps[1].input.targetPath).toBe('platform/xrs/${{ parameters.namespace }}');
    expect(io.out).toContain(`wrote ${xrds.length} Backstage template(s)`);
  });

  test('a file in place of the folder is refused before anything is written', async () => {
    fs.writeFileSync(path.join(dir, 'xrds.yaml'), JSON.stringify(network));
    fs.writeFileSync(path.join(dir, 'taken'), '');
    await expect(run([path.join(dir, 'xrds.yaml'), '--backstage', path.join(dir, 'taken'), '--out', path.join(dir, 'docs')], fakeIo())).rejects.toThrow(/--backstage '.*taken' is a file, not a folder/);
    expect(fs.existsSync(path.join(dir, 'docs'))).toBe(false);
  });
});
