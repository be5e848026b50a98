// function-go-templating's function_maps_test.go (tag v0.12.2, commit
// 0a1e6d386f4363fae257ddbfb5b497416370e830): each helper called from a template, as users call
// it. A nil map or slice result is an empty one here (both print as such and are falsy).
import { newTemplate } from '../../../../src/engine/functions/go-templating';
import { yamlV3Marshal } from '../../../../src/engine/functions/go-templating/template-functions';
import type { MaybeTV, TV } from '../../../../src/engine/go/template';

const run = (text: string, data: MaybeTV = null): string => newTemplate({}).parse(text).execute(data);

test('Test_toYaml MarshalYaml: yaml.v3 layout, four spaces, indented sequences', () => {
  expect(yamlV3Marshal({ complexDictionary: { scalar1: true, list: ['abc', 'def'] } }))
    .toBe('complexDictionary:\n    list:\n        - abc\n        - def\n    scalar1: true\n');
  expect(run('{{ toYaml . }}', { complexDictionary: { scalar1: true, list: ['abc', 'def'] } }))
    .toBe('complexDictionary:\n    list:\n        - abc\n        - def\n    scalar1: true\n');
});

test('Test_fromYaml UnmarshalYaml and UnmarshalYamlError', () => {
  const text = '\ncomplexDictionary:\n  scalar1: true\n  list:\n  - abc\n  - def';
  expect(run('{{ $v := fromYaml . }}{{ $v.complexDictionary.scalar1 }} {{ index $v.complexDictionary.list 1 }}', text)).toBe('true def');
  expect(() => run('{{ fromYaml . }}', '\ncomplexDictionary:\n\t  scalar1: true\n')).toThrow(/error calling fromYaml: yaml: line/);
});

describe('Test_getResourceCondition', () => {
  const cond = (type: string, status: string): TV => ({ status: { conditions: [{ type, status }] } });
  test.each<[string, TV, string]>([
    ['GetCondition', { resource: cond('Ready', 'True') }, 'Ready/True'],
    ['GetConditionObservedResource', cond('Ready', 'True'), 'Ready/True'],
    ['GetConditionUnknown', { resource: {} }, 'Ready/Unknown'],
    ['GetConditionNotFound', { resource: cond('NotReady', 'True') }, 'Ready/Unknown'],
  ])('%s', (_name, res, want) => {
    expect(run('{{ $c := getResourceCondition "Ready" . }}{{ $c.Type }}/{{ $c.Status }}', res)).toBe(want);
  });
});

// getResourceCondition returns crossplane-runtime's xpv1.Condition (crossplane-runtime v2.2.0,
// the function's go.mod at v0.12.2: apis/common/condition.go), a struct: toYaml (yaml.v3) names
// its fields by their lowercased Go names in declaration order and writes metav1.Time through
// MarshalText; toJson follows the json tags. The shape is the "Example Outputs" of the
// function's example/functions/getResourceCondition/README.md; its "+01:00" time came from a
// workstation's zone, where the function's container reads times into UTC.
describe('getResourceCondition returns a struct', () => {
  const res: TV = { resource: { status: { conditions: [{ type: 'Ready', status: 'True', reason: 'foo', lastTransitionTime: '2023-11-03T10:07:31+01:00' }] } } };
  test('toYaml: lowercased field names in declaration order, the time as RFC 3339', () => {
    expect(run('{{ getResourceCondition "Ready" . | toYaml }}', res))
      .toBe('type: Ready\nstatus: "True"\nlasttransitiontime: "2023-11-03T09:07:31Z"\nreason: foo\nmessage: ""\nobservedgeneration: 0\n');
    expect(run('{{ getResourceCondition "Other" . | toYaml }}', res))
      .toBe('type: Other\nstatus: Unknown\nlasttransitiontime: "0001-01-01T00:00:00Z"\nreason: ""\nmessage: ""\nobservedgeneration: 0\n');
  });
  test('toJson: the json tags, omitempty, and the zero time as null', () => {
    expect(run('{{ getResourceCondition "Ready" . | toJson }}', res))
      .toBe('{"type":"Ready","status":"True","lastTransitionTime":"2023-11-03T09:07:31Z","reason":"foo"}');
    expect(run('{{ getResourceCondition "Other" . | toJson }}', res))
      .toBe('{"type":"Other","status":"Unknown","lastTransitionTime":null,"reason":""}');
  });
  test('a status Go cannot read (a time that is not RFC 3339) gives the Unknown condition', () => {
    const bad: TV = { resource: { status: { conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: 'yesterday' }] } } };
    expect(run('{{ (getResourceCondition "Ready" .).Status }}', bad)).toBe('Unknown');
  });
});

test('Test_setResourceNameAnnotation', () => {
  expect(run('{{ setResourceNameAnnotation "test" }}')).toBe('gotemplating.fn.crossplane.io/composition-resource-name: test');
});

describe('Test_include', () => {
  const define = '\n{{- define "test-template" -}}\nvalue: {{.}}\n{{- end }}\n';
  test('ExecTemplate', () => {
    expect(run(`${define}{{- $var:= include "test-template" "val" -}}\nMust capture output: {{$var}}`)).toBe('Must capture output: value: val');
  });
  test('TemplateErrorCtxNotSet', () => {
    expect(() => run(`${define}{{- $var:= include "test-template" -}}\nMust capture output: {{$var}}\n`)).toThrow(/wrong number of args for include: want 2 got 1/);
  });
  test('TemplateErrorTemplateNameNotSet', () => {
    expect(() => run(`${define}{{- $var:= include -}}\nMust capture output: {{$var}}\n`)).toThrow(/wrong number of args for include: want 2 got 0/);
  });
});

describe('Test_getComposedResource, Test_getCompositeResource, Test_getExtraResources', () => {
  const complete: TV = {
    apiVersion: 'dbforpostgresql.azure.upbound.io/v1beta1', kind: 'FlexibleServer',
    spec: { forProvider: { storageMb: '32768' } }, status: { atProvider: { id: 'abcdef' } },
  };
  test.each<[string, TV, string]>([
    ['RetrieveCompleteResource', { observed: { resources: { flexserver: { resource: complete } } } }, 'flexserver'],
    ['RetrieveCompleteResourceWithDots', { observed: { resources: { 'flex.server': { resource: complete } } } }, 'flex.server'],
  ])('getComposedResource %s', (_name, req, name) => {
    expect(run('{{ (getComposedResource . .n).status.atProvider.id }}', { ...(req as object), n: name })).toBe('abcdef');
  });
  test('getComposedResource ResourceNotFound', () => {
    expect(run('{{ len (getComposedResource . "missingResource") }}', { observed: { resources: {} } })).toBe('0');
  });
  test('getCompositeResource RetrieveCompositeResource and ResourceNotFound', () => {
    const xr: TV = { apiVersion: 'example.crossplane.io/v1beta1', kind: 'XR', metadata: { name: 'example' }, spec: { key: 'value' } };
    expect(run('{{ (getCompositeResource .).spec.key }}', { observed: { composite: { resource: xr } } })).toBe('value');
    expect(run('{{ len (getCompositeResource .) }}', { observed: { composite: {} } })).toBe('0');
  });
  test('getExtraResources from requiredResources, then extraResources', () => {
    expect(run('{{ (index (getExtraResources . "flexserver") 0).status.atProvider.id }}', { requiredResources: { flexserver: { items: [complete] } } })).toBe('abcdef');
    expect(run('{{ (index (getExtraResources . "flexserver") 0).kind }}', { extraResources: { flexserver: { items: [complete] } } })).toBe('FlexibleServer');
    expect(run('{{ len (getExtraResources . "nope") }}', {})).toBe('0');
  });
  test('getExtraResourcesFromContext and getCredentialData', () => {
    const ctx = { context: { 'apiextensions.crossplane.io/extra-resources': { flexserver: { items: [complete] } } } };
    expect(run('{{ len (getExtraResourcesFromContext . "flexserver") }}', ctx)).toBe('1');
    const creds = { credentials: { db: { credentialData: { data: { password: Buffer.from('s3cret').toString('base64') } } } } };
    // Go's map[string][]byte: printed as bytes, string again through toString.
    expect(run('{{ (getCredentialData . "db").password }}', creds)).toBe('[115 51 99 114 101 116]');
    expect(run('{{ (getCredentialData . "db").password | toString }}', creds)).toBe('s3cret');
  });
});
