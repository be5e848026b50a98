// function-go-templating's TestRunFunction cases (github.com/crossplane-contrib/function-go-templating
// fn_test.go at tag v0.12.2, commit 0a1e6d386f4363fae257ddbfb5b497416370e830), run through the
// offline implementation. Requests and expected responses are transcribed field by field; the
// protocol here carries no response meta/TTL, no result or condition targets and no deprecated
// `requirements.extraResources` copy, so those fields are not compared.
// testdata/templates is the upstream folder of the same tag.
import * as path from 'node:path';
import { goTemplatingRunner, runGoTemplating } from '../../../../src/engine/functions/go-templating';
import type { FunctionRequest, FunctionResponse, ResourceState } from '../../../../src/engine/protocol';
import type { ObjectValue } from '../../../../src/engine/go/values';

const j = (s: string): ObjectValue => JSON.parse(s) as ObjectValue;

const cd = '{"apiVersion":"example.org/v1","kind":"CD","metadata":{"annotations":{"gotemplating.fn.crossplane.io/composition-resource-name":"cool-cd"},"name":"cool-cd"}}';
const cdTmpl = '{"apiVersion":"example.org/v1","kind":"CD","metadata":{"annotations":{"gotemplating.fn.crossplane.io/composition-resource-name":"cool-cd"},"name":"cool-cd","labels":{"belongsTo":{{.observed.composite.resource.metadata.name|quote}}}}}';
const cdMissingKeyTmpl = '{"apiVersion":"example.org/v1","kind":"CD","metadata":{"name":"cool-cd","labels":{"belongsTo":{{.missing | quote }}}}}';
const cdWrongTmpl = '{"apiVersion":"example.org/v1","kind":"CD","metadata":{"name":"cool-cd","labels":{"belongsTo":{{.invalid-key}}}}}';
const cdMissingKind = '{"apiVersion":"example.org/v1"}';
const cdMissingResourceName = '{"apiVersion":"example.org/v1","kind":"CD","metadata":{"name":"cool-cd"}}';
const cdWithReadyWrong = '{"apiVersion":"example.org/v1","kind":"CD","metadata":{"annotations":{"gotemplating.fn.crossplane.io/composition-resource-name":"cool-cd","gotemplating.fn.crossplane.io/ready":"wrongValue"},"name":"cool-cd"}}';
const cdWithReadyTrue = '{"apiVersion":"example.org/v1","kind":"CD","metadata":{"annotations":{"gotemplating.fn.crossplane.io/composition-resource-name":"cool-cd","gotemplating.fn.crossplane.io/ready":"True"},"name":"cool-cd"}}';
const metaResourceInvalid = '{"apiVersion":"meta.gotemplating.fn.crossplane.io/v1alpha1","kind":"InvalidMeta"}';
const metaResourceConDet = '{"apiVersion":"meta.gotemplating.fn.crossplane.io/v1alpha1","kind":"CompositeConnectionDetails","data":{"key":"dmFsdWU="}}';
const metaResourceConDet2 = '{"apiVersion":"meta.gotemplating.fn.crossplane.io/v1alpha1","kind":"CompositeConnectionDetails","data":{"key2":"ZXVsYXY="}}';
const metaResourceContextInvalid = '{"apiVersion":"meta.gotemplating.fn.crossplane.io/v1alpha1","kind":"Context","data": 1 }';
const metaResourceContext = '{"apiVersion":"meta.gotemplating.fn.crossplane.io/v1alpha1","kind":"Context","data":{"apiextensions.crossplane.io/environment":{ "new":"value"}}}';
const xr = '{"apiVersion":"example.org/v1","kind":"XR","metadata":{"name":"cool-xr"},"spec":{"count":2}}';
const xrWithStatus = '{"apiVersion":"example.org/v1","kind":"XR","metadata":{"name":"cool-xr"},"spec":{"count":2},"status":{"ready":"true"}}';
const xrWithNestedStatusFoo = '{"apiVersion":"example.org/v1","kind":"XR","metadata":{"name":"cool-xr"},"spec":{"count":2},"status":{"state":{"foo":"bar"}}}';
const xrWithNestedStatusBaz = '{"apiVersion":"example.org/v1","kind":"XR","metadata":{"name":"cool-xr"},"spec":{"count":2},"status":{"state":{"baz":"qux"}}}';
const xrRecursiveTmpl = '{"apiVersion":"example.org/v1","kind":"XR","metadata":{"annotations":{"gotemplating.fn.crossplane.io/composition-resource-name":"recursive-xr"},"name":"recursive-xr","labels":{"belongsTo":{{.observed.composite.resource.metadata.name|quote}}}},"spec":{"count":2}}';
const xrWithReadyTrue = '{"apiVersion":"example.org/v1","kind":"XR","metadata":{"annotations":{"gotemplating.fn.crossplane.io/ready":"True"},"name":"cool-xr"},"spec":{"count":2}}';
const xrWithReadyFalse = '{"apiVersion":"example.org/v1","kind":"XR","metadata":{"annotations":{"gotemplating.fn.crossplane.io/ready":"False"},"name":"cool-xr"},"spec":{"count":2}}';
const xrWithReadyUnspecified = '{"apiVersion":"example.org/v1","kind":"XR","metadata":{"annotations":{"gotemplating.fn.crossplane.io/ready":"Unspecified"},"name":"cool-xr"},"spec":{"count":2}}';
const xrWithReadyWrong = '{"apiVersion":"example.org/v1","kind":"XR","metadata":{"annotations":{"gotemplating.fn.crossplane.io/ready":"wrongValue"},"name":"cool-xr"},"spec":{"count":2}}';
const xrWithReadyTrueAndResourceName = '{"apiVersion":"example.org/v1","kind":"XR","metadata":{"annotations":{"gotemplating.fn.crossplane.io/composition-resource-name":"xr-as-composed","gotemplating.fn.crossplane.io/ready":"True"},"name":"cool-xr"},"spec":{"count":2}}';
const xrWithReadyTrueAndStatus = '{"apiVersion":"example.org/v1","kind":"XR","metadata":{"annotations":{"gotemplating.fn.crossplane.io/ready":"True"},"name":"cool-xr"},"spec":{"count":2},"status":{"phase":"Ready","message":"Composite resource is ready"}}';
const xrWithStatusUpdate = '{"apiVersion":"example.org/v1","kind":"XR","metadata":{"annotations":{"gotemplating.fn.crossplane.io/ready":"False"},"name":"cool-xr"},"spec":{"count":2},"status":{"phase":"Updating","newField":"added"}}';
const claimConditions = '{"apiVersion":"meta.gotemplating.fn.crossplane.io/v1alpha1","kind":"ClaimConditions","conditions":[{"type":"TestCondition","status":"False","reason":"InstallFail","message":"failed to install","target":"ClaimAndComposite"},{"type":"ConditionTrue","status":"True","reason":"this condition is true","message":"we are true","target":"Composite"},{"type":"DatabaseReady","status":"True","reason":"Ready","message":"Database is ready"}]}';
const claimConditionsReservedKey = '{"apiVersion":"meta.gotemplating.fn.crossplane.io/v1alpha1","kind":"ClaimConditions","conditions":[{"type":"Ready","status":"False","reason":"InstallFail","message":"I am using a reserved Condition","target":"ClaimAndComposite"}]}';
const extraResource = '{"apiVersion":"meta.gotemplating.fn.crossplane.io/v1alpha1","kind":"ExtraResources","requirements":{"cool-extra-resource":{"apiVersion":"example.org/v1","kind":"CoolExtraResource","matchName":"cool-extra-resource"}}}';
const extraResources = `{"apiVersion":"meta.gotemplating.fn.crossplane.io/v1alpha1","kind":"ExtraResources","requirements":{"cool-extra-resource":{"apiVersion":"example.org/v1","kind":"CoolExtraResource","matchName":"cool-extra-resource"}}}
{"apiVersion":"meta.gotemplating.fn.crossplane.io/v1alpha1","kind":"ExtraResources","requirements":{"another-cool-extra-resource":{"apiVersion":"example.org/v1","kind":"CoolExtraResource","matchLabels":{"key": "value"}},"yet-another-cool-extra-resource":{"apiVersion":"example.org/v1","kind":"CoolExtraResource","matchName":"foo"}}}
{"apiVersion":"meta.gotemplating.fn.crossplane.io/v1alpha1","kind":"ExtraResources","requirements":{"all-cool-resources":{"apiVersion":"example.org/v1","kind":"CoolExtraResource","matchLabels":{}}}}`;
const extraResourcesDuplicatedKey = `{"apiVersion":"meta.gotemplating.fn.crossplane.io/v1alpha1","kind":"ExtraResources","requirements":{"cool-extra-resource":{"apiVersion":"example.org/v1","kind":"CoolExtraResource","matchName":"cool-extra-resource"}}}
{"apiVersion":"meta.gotemplating.fn.crossplane.io/v1alpha1","kind":"ExtraResources","requirements":{"cool-extra-resource":{"apiVersion":"example.org/v1","kind":"CoolExtraResource","matchName":"another-cool-extra-resource"}}}`;
const extraResourceNamespaced = '{"apiVersion":"meta.gotemplating.fn.crossplane.io/v1alpha1","kind":"ExtraResources","requirements":{"cool-extra-resource":{"apiVersion":"v1","kind":"ConfigMap","matchName":"cool-extra-resource","namespace":"default"}}}';
const invalidYaml = `
---
apiVersion: example.org/v1
kind: CD
metadata:
  name: %!@#$%^&*()_+
`;
const coolExtra = '{"apiVersion": "example.org/v1","kind":"CoolExtraResource","metadata":{"name":"cool-extra-resource"},"spec":{}}';

const inline = (template: string, extra: ObjectValue = {}): ObjectValue => ({ source: 'Inline', inline: { template }, ...extra });
const res = (s: string, ready?: ResourceState['ready']): ResourceState => (ready ? { resource: j(s), ready } : { resource: j(s) });

interface Req {
  input?: ObjectValue;
  observedXr?: string;
  observedResources?: Record<string, string>;
  desiredXr?: string;
  desiredResources?: Record<string, string>;
  context?: ObjectValue;
  requiredResources?: Record<string, ObjectValue[]>;
}

function request(r: Req): FunctionRequest {
  const map = (m: Record<string, string> = {}): Record<string, ResourceState> => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, res(v)]));
  return {
    input: r.input,
    observed: { composite: r.observedXr ? res(r.observedXr) : undefined, resources: map(r.observedResources) },
    desired: { composite: r.desiredXr ? res(r.desiredXr) : undefined, resources: map(r.desiredResources) },
    context: r.context ?? {},
    credentials: {},
    requiredResources: r.requiredResources ?? {},
  };
}

function run(r: Req): FunctionResponse {
  return runGoTemplating(request(r));
}

const fatal = (message: string) => [{ severity: 'SEVERITY_FATAL', message }];
const withDesiredXr = { observedXr: xr, desiredXr: xr };

describe('TestRunFunction (function-go-templating v0.12.2 fn_test.go)', () => {
  test.each<[string, Req, string]>([
    ['WrongInputSourceType', { input: { source: 'wrong' } }, 'invalid function input: invalid source: wrong'],
    ['NoInput', {}, 'invalid function input: source is required'],
    ['WrongInlineInput', { input: { source: 'Inline' } }, 'invalid function input: inline.template or inline.templates should be provided'],
    ['WrongFileSystemInput', { input: { source: 'FileSystem' } }, 'invalid function input: fileSystem.dirPath should be provided'],
    ['WrongEnvironmentInput', { input: { source: 'Environment' } }, 'invalid function input: environment.key should be provided'],
    ['NoResourceNameAnnotation', { input: inline(cdMissingResourceName) }, '"CD" template is missing required "gotemplating.fn.crossplane.io/composition-resource-name" annotation'],
    ['CannotDecodeManifest', { input: inline(cdMissingKind) }, `cannot decode manifest: Object 'Kind' is missing in '${cdMissingKind}'`],
    ['CannotParseTemplate', { input: inline(cdWrongTmpl), ...withDesiredXr }, "invalid function input: cannot parse the provided templates: template: manifests:1: bad character U+002D '-'"],
    ['CannotReadTemplatesFromEnvironment', { input: { source: 'Environment', environment: { key: 'userkey/go-template' } }, context: {} },
      'invalid function input: cannot read tmpl from the environment: apiextensions.crossplane.io/environment key does not exist in context'],
    ['CannotReadTemplatesFromEnvironmentKey', { input: { source: 'Environment', environment: { key: 'userkey/go-template' } }, context: { 'apiextensions.crossplane.io/environment': {} } },
      'invalid function input: cannot read tmpl from the environment: key: userkey/go-template does not exist'],
    ['ReadyStatusAnnotationNotValid', { input: inline(cdWithReadyWrong), ...withDesiredXr }, 'invalid function input: invalid "gotemplating.fn.crossplane.io/ready" annotation value "wrongValue": must be True, False, or Unspecified'],
    ['InvalidMetaKind', { input: inline(metaResourceInvalid), ...withDesiredXr }, 'invalid kind "InvalidMeta" for apiVersion "meta.gotemplating.fn.crossplane.io/v1alpha1" - must be one of CompositeConnectionDetails, Context or ExtraResources'],
    ['ClaimConditionsError', { input: inline(claimConditionsReservedKey), ...withDesiredXr }, 'cannot set ClaimCondition type: Ready is a reserved Crossplane Condition'],
    ['ContextInvalidData', { input: inline(metaResourceContextInvalid), ...withDesiredXr }, 'cannot get Contexts from input: cannot unmarshal value from JSON: json: cannot unmarshal number into Go value of type map[string]interface {}'],
    ['DuplicateExtraResourceKey', { input: inline(extraResourcesDuplicatedKey), ...withDesiredXr, desiredResources: { 'cool-cd': cd } }, 'duplicate extra resource key "cool-extra-resource"'],
    ['InvalidTemplateOption', { input: inline(cdMissingKeyTmpl, { options: ['missingoption=nothing'] }), observedXr: xr }, 'cannot apply template options: panic occurred while applying template options: unrecognized option: missingoption=nothing'],
    ['CompositeResourceReadyInvalid', { input: inline(xrWithReadyWrong), ...withDesiredXr }, 'invalid function input: invalid "gotemplating.fn.crossplane.io/ready" annotation value "wrongValue": must be True, False, or Unspecified'],
    ['TemplateOptionsMissingKeyError', { input: inline(cdMissingKeyTmpl, { options: ['missingkey=error'] }), observedXr: xr }, 'cannot execute template: template: manifests:1:96: executing "manifests" at <.missing>: map has no entry for key "missing"'],
    ['PrintYamlErrorLine', { input: inline(invalidYaml), ...withDesiredXr }, "cannot decode manifest: error converting YAML to JSON: yaml: line 6 (document 1, line 4) near: 'name: %!@#$%^&*()_+': found character that cannot start any token"],
  ])('%s: fatal result', (_name, r, message) => {
    const rsp = run(r);
    expect(rsp.results).toEqual(fatal(message));
    // On a fatal result the desired state is the request's, unchanged.
    expect(rsp.desired).toEqual(request(r).desired);
  });

  test('CannotReadTemplatesFromFS: a missing folder (read from disk, so the OS error text)', () => {
    expect(run({ input: { source: 'FileSystem', fileSystem: { dirPath: 'testdata/wrong' } } }).results)
      .toEqual(fatal('invalid function input: cannot read tmpl from the folder {testdata/wrong}: open testdata/wrong: no such file or directory'));
  });

  const labelled = '{"apiVersion": "example.org/v1","kind":"CD","metadata":{"annotations":{},"name":"cool-cd","labels":{"belongsTo":"cool-xr"}}}';
  test.each<[string, Req, FunctionResponse['desired']]>([
    ['ResponseIsReturnedWithNoChange', { input: inline(cd), ...withDesiredXr, desiredResources: { 'cool-cd': cd } },
      { composite: res(xr), resources: { 'cool-cd': res('{"apiVersion":"example.org/v1","kind":"CD","metadata":{"annotations":{},"name":"cool-cd"}}') } }],
    ['ResponseIsReturnedWithTemplating', { input: inline(cdTmpl), ...withDesiredXr }, { composite: res(xr), resources: { 'cool-cd': res(labelled) } }],
    ['ResponseIsReturnedWithTemplatingUsingTheTemplatesField', { input: { source: 'Inline', inline: { templates: [cdTmpl] } }, ...withDesiredXr },
      { composite: res(xr), resources: { 'cool-cd': res(labelled) } }],
    ['UpdateDesiredCompositeStatus', { input: inline(xrWithStatus), ...withDesiredXr }, { composite: res(xrWithStatus), resources: {} }],
    ['UpdateDesiredCompositeNestedStatus', { input: inline(xrWithNestedStatusBaz), observedXr: xrWithNestedStatusFoo, desiredXr: xrWithNestedStatusFoo },
      { composite: res('{"apiVersion":"example.org/v1","kind":"XR","metadata":{"name":"cool-xr"},"spec":{"count":2},"status":{"state":{"foo":"bar","baz":"qux"}}}'), resources: {} }],
    ['MergeDesiredCompositeStatus', { input: inline(xrWithNestedStatusFoo + xrWithNestedStatusBaz), ...withDesiredXr },
      { composite: res('{"apiVersion":"example.org/v1","kind":"XR","metadata":{"name":"cool-xr"},"spec":{"count":2},"status":{"state":{"foo":"bar","baz":"qux"}}}'), resources: {} }],
    ['ResponseIsReturnedWithTemplatedXR', { input: inline(xrRecursiveTmpl), ...withDesiredXr },
      { composite: res(xr), resources: { 'recursive-xr': res('{"apiVersion": "example.org/v1","kind":"XR","metadata":{"annotations":{},"name":"recursive-xr","labels":{"belongsTo":"cool-xr"}},"spec":{"count":2}}') } }],
    ['ReadyStatusAnnotation', { input: inline(cdWithReadyTrue), observedXr: xr, observedResources: { 'cool-cd': cd }, desiredXr: xr },
      { composite: res(xr), resources: { 'cool-cd': res('{"apiVersion":"example.org/v1","kind":"CD","metadata":{"annotations":{},"name":"cool-cd"}}', 'READY_TRUE') } }],
    ['CompositeConnectionDetails', { input: inline(metaResourceConDet), ...withDesiredXr },
      { composite: { resource: j(xr), connectionDetails: { key: 'value' } }, resources: {} }],
    ['MergeCompositeConnectionDetails', { input: inline(metaResourceConDet + metaResourceConDet2), ...withDesiredXr },
      { composite: { resource: j(xr), connectionDetails: { key: 'value', key2: 'eulav' } }, resources: {} }],
    ['CompositeResourceReadyTrue', { input: inline(xrWithReadyTrue), ...withDesiredXr }, { composite: res(xr, 'READY_TRUE'), resources: {} }],
    ['CompositeResourceReadyFalse', { input: inline(xrWithReadyFalse), ...withDesiredXr }, { composite: res(xr, 'READY_FALSE'), resources: {} }],
    ['CompositeResourceReadyUnspecified', { input: inline(xrWithReadyUnspecified), ...withDesiredXr }, { composite: res(xr), resources: {} }],
    ['CompositeResourceWithResourceNameTreatedAsComposed', { input: inline(xrWithReadyTrueAndResourceName), ...withDesiredXr },
      { composite: res(xr), resources: { 'xr-as-composed': res('{"apiVersion":"example.org/v1","kind":"XR","metadata":{"annotations":{},"name":"cool-xr"},"spec":{"count":2}}', 'READY_TRUE') } }],
    ['CompositeResourceReadyTrueWithStatus', { input: inline(xrWithReadyTrueAndStatus), ...withDesiredXr },
      { composite: res('{"apiVersion":"example.org/v1","kind":"XR","metadata":{"name":"cool-xr"},"spec":{"count":2},"status":{"phase":"Ready","message":"Composite resource is ready"}}', 'READY_TRUE'), resources: {} }],
    ['CompositeResourceStatusMerging', { input: inline(xrWithStatusUpdate), observedXr: xr, desiredXr: xrWithNestedStatusFoo },
      { composite: res('{"apiVersion":"example.org/v1","kind":"XR","metadata":{"name":"cool-xr"},"spec":{"count":2},"status":{"state":{"foo":"bar"},"phase":"Updating","newField":"added"}}', 'READY_FALSE'), resources: {} }],
  ])('%s: desired state', (_name, r, desired) => {
    const rsp = run(r);
    expect(rsp.results).toEqual([]);
    expect(rsp.desired).toEqual(desired);
  });

  test('ResponseIsReturnedWithTemplatingFS: every file of the folder, hidden folders skipped', () => {
    const cwd = process.cwd();
    process.chdir(__dirname);
    try {
      const rsp = run({ input: { source: 'FileSystem', fileSystem: { dirPath: 'testdata/templates' } }, ...withDesiredXr });
      expect(rsp.results).toEqual([]);
      expect(rsp.desired).toEqual({ composite: res(xr), resources: { 'cool-cd': res(labelled) } });
    } finally {
      process.chdir(cwd);
    }
    expect(path.isAbsolute(__dirname)).toBe(true);
  });

  test('FileSystem source offline: a mounted container folder is read from its local folder', () => {
    const mounted = goTemplatingRunner({ files: { mounts: { '/templates': path.join(__dirname, 'testdata/templates') } } });
    const rsp = mounted(request({ input: { source: 'FileSystem', fileSystem: { dirPath: '/templates' } }, ...withDesiredXr }));
    expect(rsp.results).toEqual([]);
    expect(rsp.desired).toEqual({ composite: res(xr), resources: { 'cool-cd': res(labelled) } });
    // A path below the mount, and errors naming the container path the Composition wrote.
    const below = mounted(request({ input: { source: 'FileSystem', fileSystem: { dirPath: '/templates/templates.yaml' } }, ...withDesiredXr }));
    expect(below.desired).toEqual({ composite: res(xr), resources: { 'cool-cd': res(labelled) } });
    expect(mounted(request({ input: { source: 'FileSystem', fileSystem: { dirPath: '/templates/missing.yaml' } } })).results)
      .toEqual(fatal('invalid function input: cannot read tmpl from the folder {/templates/missing.yaml}: open /templates/missing.yaml: no such file or directory'));
  });

  test('ResponseIsReturnedWithTemplatingEnvironment: the template is a key of the environment', () => {
    const context = j('{"apiextensions.crossplane.io/environment": {"userkey/go-template": "apiVersion: example.org/v1\\nkind: CD\\nmetadata:\\n  name: cool-cd\\n  annotations:\\n    gotemplating.fn.crossplane.io/composition-resource-name: cool-cd\\n  labels:\\n    belongsTo: {{ .observed.composite.resource.metadata.name|quote }}"}}');
    const rsp = run({ input: { source: 'Environment', environment: { key: 'userkey/go-template' } }, context, ...withDesiredXr });
    expect(rsp.results).toEqual([]);
    expect(rsp.context).toEqual(context);
    expect(rsp.desired).toEqual({ composite: res(xr), resources: { 'cool-cd': res(labelled) } });
  });

  test('ClaimConditions: conditions in order, status mapped, message kept', () => {
    const rsp = run({ input: inline(claimConditions), ...withDesiredXr });
    expect(rsp.results).toEqual([]);
    expect(rsp.conditions).toEqual([
      { type: 'TestCondition', status: 'STATUS_CONDITION_FALSE', reason: 'InstallFail', message: 'failed to install' },
      { type: 'ConditionTrue', status: 'STATUS_CONDITION_TRUE', reason: 'this condition is true', message: 'we are true' },
      { type: 'DatabaseReady', status: 'STATUS_CONDITION_TRUE', reason: 'Ready', message: 'Database is ready' },
    ]);
    expect(rsp.desired).toEqual({ composite: res(xr), resources: {} });
  });

  test('Context: data is merged into the context', () => {
    const rsp = run({ input: inline(metaResourceContext), ...withDesiredXr });
    expect(rsp.context).toEqual({ 'apiextensions.crossplane.io/environment': { new: 'value' } });
    expect(rsp.desired).toEqual({ composite: res(xr), resources: {} });
  });

  test('ExtraResources: every requirement, by name or labels', () => {
    const rsp = run({ input: inline(extraResources), ...withDesiredXr, desiredResources: { 'cool-cd': cd } });
    expect(rsp.results).toEqual([]);
    expect(rsp.requirements).toEqual({
      resources: {
        'cool-extra-resource': { apiVersion: 'example.org/v1', kind: 'CoolExtraResource', matchName: 'cool-extra-resource' },
        'another-cool-extra-resource': { apiVersion: 'example.org/v1', kind: 'CoolExtraResource', matchLabels: { key: 'value' } },
        'yet-another-cool-extra-resource': { apiVersion: 'example.org/v1', kind: 'CoolExtraResource', matchName: 'foo' },
        'all-cool-resources': { apiVersion: 'example.org/v1', kind: 'CoolExtraResource', matchLabels: {} },
      },
    });
    expect(rsp.desired).toEqual({ composite: res(xr), resources: { 'cool-cd': res(cd) } });
  });

  test('AddExtraResourcesToContext: required resources are copied to the context', () => {
    const rsp = run({ input: inline(extraResource), requiredResources: { 'cool-extra-resource': [j(coolExtra)] } });
    expect(rsp.results).toEqual([]);
    expect(rsp.context).toEqual({ 'apiextensions.crossplane.io/extra-resources': { 'cool-extra-resource': { items: [{ resource: j(coolExtra) }] } } });
    expect(rsp.desired).toEqual({ composite: { resource: {} }, resources: {} });
    expect(rsp.requirements).toEqual({ resources: { 'cool-extra-resource': { apiVersion: 'example.org/v1', kind: 'CoolExtraResource', matchName: 'cool-extra-resource' } } });
  });

  test('MergeExtraResourcesToContext: merged with what the context already holds', () => {
    const existing = j('{"apiVersion": "example.org/v1","kind":"CoolExtraResource","metadata":{"name":"existing-extra-resource"},"spec":{}}');
    const context = { 'apiextensions.crossplane.io/extra-resources': { 'existing-extra-resource': { items: [{ resource: existing }] } } };
    const rsp = run({ input: inline(extraResource), context, requiredResources: { 'cool-extra-resource': [j(coolExtra)] } });
    expect(rsp.context).toEqual({
      'apiextensions.crossplane.io/extra-resources': {
        'existing-extra-resource': { items: [{ resource: existing }] },
        'cool-extra-resource': { items: [{ resource: j(coolExtra) }] },
      },
    });
  });

  test('NamespacedExtraResource: a namespaced requirement keeps its namespace', () => {
    const cm = '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cool-extra-resource", "namespace": "default"}, "data": {"a": "b"}}';
    const rsp = run({ input: inline(extraResourceNamespaced), requiredResources: { 'cool-extra-resource': [j(cm)] } });
    expect(rsp.requirements).toEqual({ resources: { 'cool-extra-resource': { apiVersion: 'v1', kind: 'ConfigMap', matchName: 'cool-extra-resource', namespace: 'default' } } });
    expect(rsp.context).toEqual({ 'apiextensions.crossplane.io/extra-resources': { 'cool-extra-resource': { items: [{ resource: j(cm) }] } } });
  });

  test('DefaultSourceDoesNotExist: with --default-source, an empty input reads that folder', () => {
    // Upstream reads from an embed.FS in this test ("file does not exist"); the function binary
    // reads the container's disk through os.Open, whose text this offline function gives.
    const rsp = goTemplatingRunner({ defaultSource: 'does/not/exist' })(request({}));
    expect(rsp.results).toEqual(fatal('invalid function input: cannot read tmpl from the folder {does/not/exist}: open does/not/exist: no such file or directory'));
    // Without the flag, the same request fails on the missing source.
    expect(run({}).results).toEqual(fatal('invalid function input: source is required'));
  });
});
