// function-go-templating's example/ folder (github.com/crossplane-contrib/function-go-templating,
// tag v0.12.2, commit 0a1e6d386f4363fae257ddbfb5b497416370e830), rendered offline with each
// example's own files (copied under examples/, READMEs left out). Where an example's README
// shows the `crossplane render` output, the test compares the whole YAML stream with it;
// elsewhere the expectations are read off the example's template.
// Every example of the folder is here: 18, nine at the top level and nine under functions/
// (example/.dev holds only a Function for local development). context and environment put
// function-environment-configs in front, so they run once the engine has it built in, and say
// so when skipped.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { BUILT_IN_FUNCTIONS, goTemplatingRunner, parseYamlDocuments, render } from '../../../../src/engine';

const DIR = path.join(__dirname, 'examples');
const has = (example: string, file: string): boolean => fs.existsSync(path.join(DIR, example, file));
const load = (example: string, file: string) => parseYamlDocuments(fs.readFileSync(path.join(DIR, example, file), 'utf8'), file).map((d) => d.object);
const names = (r: ReturnType<typeof render>): string[] =>
  r.resources.map((o: any) => o.metadata.annotations['crossplane.io/composition-resource-name']).sort();

const byName = (r: ReturnType<typeof render>, name: string): any =>
  r.resources.find((o: any) => o.metadata.annotations['crossplane.io/composition-resource-name'] === name);

/** Renders an example with its observed resources, extra resources and credentials, as its README runs it. */
function renderExample(example: string, extra: Partial<Parameters<typeof render>[0]> = {}) {
  return render({
    xr: load(example, 'xr.yaml')[0],
    composition: load(example, 'composition.yaml')[0],
    functions: load(example, 'functions.yaml'),
    observed: has(example, 'observed.yaml') ? load(example, 'observed.yaml') : undefined,
    functionCredentials: has(example, 'credentials.yaml') ? load(example, 'credentials.yaml') : undefined,
    ...extra,
  });
}

test('inline: spec.count users and access keys, the connection Secret, and the XR status', () => {
  const r = renderExample('inline');
  expect(names(r)).toEqual(['connection-secret', 'sample-access-key-0', 'sample-access-key-1', 'test-user-0', 'test-user-1']);
  const user = r.resources.find((o: any) => o.metadata.annotations['crossplane.io/composition-resource-name'] === 'test-user-1') as any;
  expect(user.metadata.labels['testing.upbound.io/example-name']).toBe('test-user-1');
  expect(['foo', 'bar', 'baz']).toContain(user.metadata.labels.dummy);
  const secret = r.resources.find((o: any) => o.kind === 'Secret') as any;
  expect(secret.data).toEqual({});
  expect((r.xr as any).status.dummy).toBe('cool-status');
});

test('custom-delims: the same resources with [[ ]] delimiters', () => {
  const r = renderExample('custom-delims');
  expect(names(r)).toEqual(['connection-secret', 'sample-access-key-0', 'sample-access-key-1', 'test-user-0', 'test-user-1']);
  const key = r.resources.find((o: any) => o.metadata.annotations['crossplane.io/composition-resource-name'] === 'sample-access-key-0') as any;
  expect(key.spec.writeConnectionSecretToRef).toEqual({ name: 'sample-access-key-secret-0', namespace: 'crossplane-system' });
});

test('conditions: ClaimConditions become conditions of the XR', () => {
  const r = renderExample('conditions');
  const types = ((r.xr as any).status.conditions as any[]).map((c) => `${c.type}=${c.status}:${c.reason}`);
  expect(types).toEqual(expect.arrayContaining(['TestCondition=False:InstallFail', 'ConditionTrue=True:TrueCondition', 'DatabaseReady=True:Ready']));
});

test('extra-resources: the step asks for the bucket, and is called again with it', () => {
  const r = renderExample('extra-resources', { requiredResources: load('extra-resources', 'extraResources.yaml') });
  expect(names(r)).toEqual(['bucket-configmap-0']);
  const obj = r.resources[0] as any;
  expect(obj.spec.forProvider.manifest).toEqual({
    apiVersion: 'v1', kind: 'Configmap', metadata: { name: 'my-awesome-dev-bucket-bucket' }, data: { bucket: 'random-bucket-id' },
  });
  expect((r.xr as any).status.dummy).toBe('cool-status');
});

test('filesystem: the templates folder the Function\'s DeploymentRuntimeConfig mounts at /templates', () => {
  // The example ships a claim (MyUser) rather than an XR: render its composite, an XUser with
  // the claim's spec. Only the Function objects of functions.yaml are Functions. The ConfigMap
  // the README creates holds templates.tmpl alone, so templates/ here holds only that file.
  const claim = load('filesystem', 'claim.yaml')[0] as any;
  const xr = { apiVersion: claim.apiVersion, kind: 'XUser', metadata: { name: claim.metadata.name }, spec: claim.spec };
  const r = render({
    xr,
    composition: load('filesystem', 'composition-fs.yaml')[0],
    functions: load('filesystem', 'functions.yaml').filter((o: any) => o.kind === 'Function'),
    functionImplementations: { 'function-go-templating': goTemplatingRunner({ files: { mounts: { '/templates': path.join(DIR, 'filesystem/templates') } } }) },
  });
  expect(names(r)).toEqual(['connection-secret', 'sample-access-key-0', 'sample-access-key-1', 'test-user-0', 'test-user-1']);
  expect(byName(r, 'sample-access-key-1').spec.forProvider.userSelector.matchLabels).toEqual({ 'testing.upbound.io/example-name': 'test-user-1' });
  expect(byName(r, 'connection-secret').data).toEqual({});
  expect((r.xr as any).status.dummy).toBe('cool-status');
  // Without the mount, the function reads /templates from this machine's disk, and says so.
  expect(() => render({
    xr, composition: load('filesystem', 'composition-fs.yaml')[0], functions: load('filesystem', 'functions.yaml').filter((o: any) => o.kind === 'Function'),
  })).toThrow('pipeline step "render-templates" returned a fatal result: invalid function input: cannot read tmpl from the folder {/templates}: open /templates: no such file or directory');
});

test('recursive: the wrapper Composition composes XRs that the real Composition composes into Buckets', () => {
  const wrapper = render({
    xr: load('recursive', 'xr.yaml')[0],
    composition: load('recursive', 'composition-wrapper.yaml')[0],
    functions: load('recursive', 'functions.yaml'),
  });
  expect(names(wrapper)).toEqual(['test-xr-0', 'test-xr-1']);
  const inner = wrapper.resources.map((x: any) => {
    expect(x.spec.compositionRef).toEqual({ name: 'example-recursive-real' });
    // Crossplane names each composed XR from generateName; render leaves names to the API server.
    const named = { ...x, metadata: { ...x.metadata, name: x.metadata.annotations['crossplane.io/composition-resource-name'] } };
    return render({ xr: named, composition: load('recursive', 'composition-real.yaml')[0], functions: load('recursive', 'functions.yaml') });
  });
  expect(inner.map((r) => r.resources.map((b: any) => `${b.kind} ${b.spec.forProvider.region}`))).toEqual([['Bucket us-west-1'], ['Bucket us-west-2']]);
});

/**
 * The input of the 100,000-input fuzz run (docs/reliability.md): `count: -113026.7` makes the
 * loop emit 113,026 XRs, a RunFunctionResponse of about 24 MB. Crossplane's gRPC client refuses
 * responses over 4 MiB (grpc-go clientconn.go `defaultClientMaxReceiveMessageSize` and
 * rpc_util.go `recvMsg` at v1.82.1, ebd8f06a0942; crossplane/crossplane internal/render/runner.go
 * at 2d040d2daf4e sets no larger limit), so the step fails; the template is stopped once the XRs
 * it has finished are too large (size-watch.ts), hence `at least`.
 */
test('recursive with a huge count: the template stops once its XRs cannot fit in a gRPC response', () => {
  const xr = load('recursive', 'xr.yaml')[0] as any;
  const run = () => render({ xr: { ...xr, spec: { ...xr.spec, count: -113026.7 } }, composition: load('recursive', 'composition-wrapper.yaml')[0], functions: load('recursive', 'functions.yaml'), output: 'classic' });
  expect(run).toThrow(/^cannot run pipeline step "render-templates": rpc error: code = ResourceExhausted desc = grpc: received message larger than max \(at least \d+ vs\. 4194304\)$/);
});

test('a template whose output is large but collapses into a small response renders', () => {
  // 4,000 documents of one composition-resource-name (the later replaces the earlier, as fn.go's
  // map does) and 1 MiB of comments: over 5 MB of text, one small resource.
  const template = `{{- range $i := until 4000 }}
---
# ${'c'.repeat(250)}
apiVersion: v1
kind: ConfigMap
metadata:
  annotations:
    {{ setResourceNameAnnotation "same" }}
data:
  i: "{{ $i }}"
  pad: ${'p'.repeat(1000)}
{{- end }}
`;
  const composition = {
    apiVersion: 'apiextensions.crossplane.io/v1', kind: 'Composition', metadata: { name: 'c' },
    spec: { compositeTypeRef: { apiVersion: 'example.crossplane.io/v1beta1', kind: 'XR' }, mode: 'Pipeline', pipeline: [
      { step: 't', functionRef: { name: 'function-go-templating' }, input: { apiVersion: 'gotemplating.fn.crossplane.io/v1beta1', kind: 'GoTemplate', source: 'Inline', inline: { template } } },
    ] },
  };
  const r = render({ xr: load('recursive', 'xr.yaml')[0], composition, output: 'classic' });
  expect(r.resources.map((o: any) => o.data.i)).toEqual(['3999']);
});

test('inline-templates: templates that kustomize adds to inline.templates are joined as one stream', () => {
  // kustomization.yaml applies the two JSON patches in its order (user, then access key); each
  // appends one template, as kustomize's `add .../templates/-` does.
  const composition = load('inline-templates', 'composition.yaml')[0] as any;
  for (const patch of ['templates/user.patch.yaml', 'templates/access-key.patch.yaml']) {
    for (const op of parse(fs.readFileSync(path.join(DIR, 'inline-templates', patch), 'utf8'))) {
      expect([op.op, op.path]).toEqual(['add', '/spec/pipeline/0/input/inline/templates/-']);
      composition.spec.pipeline[0].input.inline.templates.push(op.value);
    }
  }
  const r = render({ xr: { apiVersion: 'example.crossplane.io/v1beta1', kind: 'XR', metadata: { name: 'example' }, spec: {} }, composition });
  expect(names(r)).toEqual(['access-key', 'user']);
  expect([byName(r, 'user').kind, byName(r, 'access-key').kind]).toEqual(['User', 'AccessKey']);
});

describe('functions/', () => {
  test('fromYaml: a value of a YAML string', () => {
    expect((renderExample('functions/fromYaml').xr as any).status.dummy).toBe('value2');
  });

  test('getComposedResource: the observed FlexibleServer, whose status has no top-level id', () => {
    const r = renderExample('functions/getComposedResource');
    expect(names(r)).toEqual(['flexServer', 'flexServerConfig']);
    // `get $flexServer.status "id"` is "" (the id is under status.atProvider), so the field is null.
    expect(byName(r, 'flexServerConfig').spec.forProvider).toEqual({ serverId: null });
    expect(r.resources.map((o: any) => o.metadata.annotations['gotemplating.fn.crossplane.io/ready'])).toEqual([undefined, undefined]);
  });

  test('getCompositeResource: fields of the observed XR', () => {
    const r = renderExample('functions/getCompositeResource');
    expect(byName(r, 'flexserver').spec.forProvider).toEqual({ adminLogin: 'admin', location: 'eastus' });
  });

  test('getCredentialData: the README\'s output, byte for byte', () => {
    // The README shows the classic `crossplane render` (Crossplane CLI <= v2.2), so this compares
    // the classic output.
    const r = renderExample('functions/getCredentialData', { includeContext: true, output: 'classic' });
    expect(r.toYaml()).toBe(`---
apiVersion: example.crossplane.io/v1beta1
kind: XR
metadata:
  name: example
status:
  conditions:
  - lastTransitionTime: "2024-01-01T00:00:00Z"
    reason: Available
    status: "True"
    type: Ready
---
apiVersion: render.crossplane.io/v1beta1
fields:
  password: bar
  username: foo
kind: Context
`);
  });

  test.each(['getExtraResources', 'getExtraResourcesFromContext'])('%s: the step asks for the bucket and is called again with it', (example) => {
    const r = renderExample(`functions/${example}`, { requiredResources: load(`functions/${example}`, 'extraResources.yaml') });
    expect(names(r)).toEqual(['bucket-configmap-0']);
    expect(byName(r, 'bucket-configmap-0').spec.forProvider.manifest.data).toEqual({ bucket: 'random-bucket-id' });
    expect((r.xr as any).status.dummy).toBe('cool-status');
  });

  test('getResourceCondition: conditions of the XR and of an observed resource, the README\'s shape', () => {
    const status = (renderExample('functions/getResourceCondition').xr as any).status;
    const cond = (type: string, statusValue: string, reason: string, time: string) =>
      ({ lasttransitiontime: time, message: '', observedgeneration: 0, reason, status: statusValue, type });
    expect(status.compositeCondition).toEqual(cond('Ready', 'True', 'xr foo', '2023-11-03T09:07:31Z'));
    expect(status.compositeConditionNotFound).toEqual(cond('Other', 'Unknown', '', '0001-01-01T00:00:00Z'));
    expect(status.composedCondition).toEqual(cond('Ready', 'True', 'foo', '2023-11-03T09:07:31Z'));
    expect(status.pipeline).toEqual(status.composedCondition);
    expect(status.nonResource).toEqual(cond('Ready', 'Unknown', '', '0001-01-01T00:00:00Z'));
    expect(status.projectId).toBe('abcdef');
  });

  test('include: named templates included with nindent, and the template action', () => {
    const r = renderExample('functions/include');
    const labels = { 'crossplane.io/composite': 'example', 'some-text': 'value1', 'other-text': 'value2' };
    for (const name of ['test1', 'test2']) {
      expect(byName(r, name).metadata.labels).toEqual(labels);
      expect(byName(r, name).spec.selector.matchLabels).toEqual({ 'some-text': 'value1', 'other-text': 'value2' });
    }
  });

  test('toYaml: a dictionary written as YAML into the status', () => {
    expect((renderExample('functions/toYaml').xr as any).status.dummy).toEqual({ scalar1: true, scalar2: 'text', scalar3: 123, list: ['abc', 'def'] });
  });
});

// context and environment: their READMEs run `crossplane render --extra-resources
// environmentConfigs.yaml --include-context`, with function-environment-configs first.
const HAS_ENVIRONMENT_CONFIGS = BUILT_IN_FUNCTIONS.some((f) => f.name === 'function-environment-configs');
if (!HAS_ENVIRONMENT_CONFIGS) {
  // eslint-disable-next-line no-console
  console.log('go-templating examples context and environment skipped: function-environment-configs is not built into the engine yet');
}
const withEnvironmentConfigs = HAS_ENVIRONMENT_CONFIGS ? test : test.skip;

/**
 * The examples' EnvironmentConfigs are written at v1alpha1; function-environment-configs asks
 * for v1beta1, and a cluster's API server serves the same objects at both versions (render
 * matches requirements by apiVersion exactly, so the files are read as the server would give them).
 */
const environmentConfigs = (example: string) =>
  load(example, 'environmentConfigs.yaml').map((o: any) => ({ ...o, apiVersion: 'apiextensions.crossplane.io/v1beta1' }));

const CONTEXT_FIELDS = `  newkey:
    hello: world
  other-context-key:
    complex:
      a: b
      c:
        d: e
        f: "1"
kind: Context
`;
const XR_AND_ENVIRONMENT = `---
apiVersion: example.crossplane.io/v1
kind: XR
metadata:
  name: example-xr
status:
  conditions:
  - lastTransitionTime: "2024-01-01T00:00:00Z"
    reason: Available
    status: "True"
    type: Ready
  fromEnv: e
---
apiVersion: render.crossplane.io/v1beta1
fields:
  apiextensions.crossplane.io/environment:
    apiVersion: internal.crossplane.io/v1alpha1
    array:
    - "1"
    - "2"
    complex:
      a: b
      c:
        d: e
        f: "1"
    kind: Environment
    nestedEnvUpdate:
      hello: world
`;

withEnvironmentConfigs('context: the README\'s output, byte for byte', () => {
  // The README shows the classic `crossplane render` output (Crossplane CLI <= v2.2).
  const r = renderExample('context', { extraResources: environmentConfigs('context'), includeContext: true, output: 'classic' });
  expect(r.toYaml()).toBe(`${XR_AND_ENVIRONMENT}    update: environment\n${CONTEXT_FIELDS}`);
});

withEnvironmentConfigs('environment: the template read from the environment; the README\'s output, byte for byte', () => {
  // The README's output block stops before its last line, `kind: Context`.
  const template = (load('environment', 'environmentConfigs.yaml')[0] as any).data.template as string;
  const templateField = `    template: |\n${template.replace(/\n$/, '').split('\n').map((l) => (l ? `      ${l}` : '')).join('\n')}\n`;
  const r = renderExample('environment', { extraResources: environmentConfigs('environment'), includeContext: true, output: 'classic' });
  expect(r.toYaml()).toBe(`${XR_AND_ENVIRONMENT}${templateField}    update: environment\n${CONTEXT_FIELDS}`);
});
