/**
 * render({ output: 'classic' }): what the classic `crossplane render` of Crossplane v2.2 and
 * earlier prints (reference §4.4 A): the XR with its Ready condition, composed resources with
 * Crossplane's metadata, -x/-r/-c, and its errors. The default (reconcile) output is tested in
 * reconcile.test.ts.
 */
import { BUILT_IN_FUNCTIONS, FunctionCatalogue, render as renderAny } from '../../../src/engine';
import type { FunctionRequest, FunctionResponse, RenderOptions } from '../../../src/engine';
import { requestSize, responseSize } from '../../../src/engine/message-size';

/** Every test here is about the classic output. */
const render = (options: RenderOptions) => renderAny({ ...options, output: 'classic' });
import { AUTO_READY, composition, ptStep, VPC, XR } from './_fixtures';

const ready = (name: string, kind = 'VPC') => ({
  apiVersion: 'ec2.aws.upbound.io/v1beta1', kind,
  metadata: { name: `net-${name}`, annotations: { 'crossplane.io/composition-resource-name': name } },
  status: { conditions: [{ type: 'Ready', status: 'True' }] },
});

describe('render output', () => {
  test('a new XR renders its composed resources with generateName, labels, annotation and controller reference', () => {
    const r = render({ xr: XR, composition: composition([ptStep([VPC])]) });
    expect(r.toYaml()).toBe(`---
apiVersion: example.org/v1
kind: XNetwork
metadata:
  name: net
status:
  conditions:
  - lastTransitionTime: "2024-01-01T00:00:00Z"
    message: 'Unready resources: vpc'
    reason: Creating
    status: "False"
    type: Ready
---
apiVersion: ec2.aws.upbound.io/v1beta1
kind: VPC
metadata:
  annotations:
    crossplane.io/composition-resource-name: vpc
  generateName: net-
  labels:
    crossplane.io/composite: net
  ownerReferences:
  - apiVersion: example.org/v1
    blockOwnerDeletion: true
    controller: true
    kind: XNetwork
    name: net
    uid: uid-1
spec:
  forProvider:
    cidrBlock: 10.0.0.0/16
    enableDnsSupport: true
    region: eu-west-1
`);
  });

  test('the XR is Ready/Available when every composed resource is ready', () => {
    const r = render({ xr: XR, composition: composition([ptStep([VPC]), AUTO_READY]), observed: [ready('vpc')] });
    expect(r.xr.status.conditions).toEqual([{ type: 'Ready', status: 'True', reason: 'Available', lastTransitionTime: '2024-01-01T00:00:00Z' }]);
    // The observed name is kept, so no generateName is added.
    expect(r.resources[0].metadata.name).toBe('net-vpc');
    expect(r.resources[0].metadata.generateName).toBeUndefined();
  });

  test('the unready message lists three sorted names and how many more', () => {
    const names = ['e', 'b', 'd', 'a', 'c'];
    const r = render({ xr: XR, composition: composition([ptStep(names.map((n) => ({ name: n, base: { apiVersion: 'v1', kind: 'ConfigMap' } })))]) });
    expect(r.xr.status.conditions[0].message).toBe('Unready resources: a, b, c, and 2 more');
    expect(r.resources.map((x) => x.metadata.annotations['crossplane.io/composition-resource-name'])).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  test('exactly three unready names read "a, b, and c" (crossplane-runtime FirstNAndSomeMore, resource_test.go)', () => {
    const r = render({ xr: XR, composition: composition([ptStep(['c', 'a', 'b'].map((n) => ({ name: n, base: { apiVersion: 'v1', kind: 'ConfigMap' } })))]) });
    expect(r.xr.status.conditions[0].message).toBe('Unready resources: a, b, and c');
  });

  test('a namespaced XR forces its namespace on composed resources', () => {
    const r = render({ xr: { ...XR, metadata: { name: 'net', namespace: 'team-a' } }, composition: composition([ptStep([{ ...VPC, base: { ...VPC.base, metadata: { namespace: 'other' } } }])]) });
    expect(r.resources[0].metadata.namespace).toBe('team-a');
    expect(r.xr.metadata).toEqual({ name: 'net', namespace: 'team-a' });
    expect(r.resources[0].metadata.ownerReferences[0].uid).toBe('');
  });

  test('the composite label of a nested XR is the generateName prefix; claim labels are propagated', () => {
    const xr = { ...XR, metadata: { name: 'net-x', labels: { 'crossplane.io/composite': 'root', 'crossplane.io/claim-name': 'c', 'crossplane.io/claim-namespace': 'ns' } } };
    const r = render({ xr, composition: composition([ptStep([VPC])]) });
    expect(r.resources[0].metadata.generateName).toBe('root-');
    expect(r.resources[0].metadata.labels).toEqual({ 'crossplane.io/composite': 'root', 'crossplane.io/claim-name': 'c', 'crossplane.io/claim-namespace': 'ns' });
  });

  test('a legacy claimRef gives the claim labels', () => {
    const xr = { ...XR, spec: { ...XR.spec, claimRef: { name: 'c', namespace: 'ns' } } };
    const r = render({ xr, composition: composition([ptStep([VPC])]) });
    expect(r.resources[0].metadata.labels['crossplane.io/claim-name']).toBe('c');
  });

  test('-x prints the input XR spec and metadata on the rendered XR', () => {
    const r = render({ xr: XR, composition: composition([ptStep([VPC])]), includeFullXr: true });
    expect(r.xr.spec).toEqual(XR.spec);
    expect(r.xr.metadata).toEqual(XR.metadata);
  });

  test('-x on an XR without spec fails as crossplane render does', () => {
    expect(() => render({ xr: { apiVersion: XR.apiVersion, kind: XR.kind, metadata: { name: 'n' } }, composition: composition([ptStep([VPC])]), includeFullXr: true }))
      .toThrow('cannot get composite resource spec: spec: no such field');
  });

  test('-r prints warnings as Result documents after the composed resources; -c prints the context', () => {
    const step = ptStep([{ ...VPC, patches: [{ fromFieldPath: 'spec.nope', toFieldPath: 'spec.x', policy: { fromFieldPath: 'Required' } }] }]);
    const r = render({ xr: XR, composition: composition([step]), includeFunctionResults: true, includeContext: true, context: { 'example.org/k': { a: 1 } } });
    expect(r.resources).toEqual([]);
    expect(r.xr.status.conditions[0]).toEqual({ type: 'Ready', status: 'False', reason: 'Creating', lastTransitionTime: '2024-01-01T00:00:00Z' });
    const yaml = r.toYaml();
    expect(yaml).toContain(`---
apiVersion: render.crossplane.io/v1beta1
kind: Result
message: 'not adding new composed resource "vpc" to desired state because "FromCompositeFieldPath"
  patch at index 0 has ''policy.fromFieldPath: Required'': spec.nope: no such field'
severity: SEVERITY_WARNING
step: patch-and-transform
`);
    expect(yaml.endsWith(`---
apiVersion: render.crossplane.io/v1beta1
fields:
  apiextensions.crossplane.io/environment:
    apiVersion: internal.crossplane.io/v1alpha1
    kind: Environment
  example.org/k:
    a: 1
kind: Context
`)).toBe(true);
  });

  test('without -r and -c the stream has only the XR and composed resources', () => {
    const r = render({ xr: XR, composition: composition([ptStep([VPC])]) });
    expect(r.toYaml().split('---\n').length - 1).toBe(2);
  });

  test('same input renders byte-identical YAML', () => {
    const a = render({ xr: XR, composition: composition([ptStep([VPC])]) }).toYaml();
    const b = render({ xr: XR, composition: composition([ptStep([VPC])]) }).toYaml();
    expect(a).toBe(b);
  });

  test('a result reads its views as properties and prints them with JSON.stringify', () => {
    const r = renderAny({ xr: XR, composition: composition([ptStep([VPC])]) });
    const { xr, resources } = r;
    expect([xr.kind, resources.map((x) => x.kind)]).toEqual(['XNetwork', ['VPC']]);
    expect(Object.keys(JSON.parse(JSON.stringify(r)))).toEqual(['xr', 'resources', 'context', 'ready', 'deleted', 'results']);
    expect(JSON.parse(JSON.stringify(r)).ready).toEqual({ vpc: 'READY_UNSPECIFIED' });
    expect(r.toYaml()).toBe(r.toYaml());
  });

  test('a Composition changed between two renders of the same object renders the change (P&T input decoding is remembered only while the input is unchanged)', () => {
    const comp = composition([ptStep([structuredClone(VPC)])]) as any;
    const resources = () => comp.spec.pipeline[0].input.resources;
    const fresh = () => renderAny({ xr: XR, composition: structuredClone(comp) }).toYaml();
    const again = () => renderAny({ xr: XR, composition: comp }).toYaml();
    const edits: [string, () => void][] = [
      ['a field deep inside a patch', () => { resources()[0].patches[0].toFieldPath = 'spec.forProvider.zone'; }],
      ['a patch added', () => { resources()[0].patches.push({ fromFieldPath: 'metadata.name', toFieldPath: 'metadata.labels[net]' }); }],
      ['a field deleted', () => { delete resources()[0].base.spec.forProvider.enableDnsSupport; }],
      ['an object replaced by an equal copy, then the old one changed', () => {
        const old = resources()[0].patches[1];
        resources()[0].patches[1] = { ...old };
        old.toFieldPath = 'spec.forProvider.other';
        resources()[0].patches[1].toFieldPath = 'spec.forProvider.cidr';
      }],
    ];
    let before = again();
    for (const [what, edit] of edits) {
      edit();
      const after = again();
      expect([what, after]).toEqual([what, fresh()]);
      expect([what, after === before]).toEqual([what, false]);
      before = after;
    }
    // An input made invalid fails every render until it is fixed.
    resources()[0].patches[0].type = 'NoSuchType';
    expect(again).toThrow(/invalid Function input: resources\[0\]\.patches\[0\]\.type: Invalid value: "NoSuchType"/);
    expect(again).toThrow(/NoSuchType/);
    resources()[0].patches[0].type = 'FromCompositeFieldPath';
    expect(again()).toBe(before);
  });
});

describe('render composition checks (messages of crossplane render)', () => {
  const cases: [string, () => unknown, string][] = [
    ['kind mismatch', () => render({ xr: { ...XR, kind: 'Other' }, composition: composition([]) }), "composition's compositeTypeRef.kind (XNetwork) does not match XR's kind (Other)"],
    ['apiVersion mismatch', () => render({ xr: { ...XR, apiVersion: 'example.org/v2' }, composition: composition([]) }), "composition's compositeTypeRef.apiVersion (example.org/v1) does not match XR's apiVersion (example.org/v2)"],
    ['missing selector label', () => render({ xr: { ...XR, spec: { crossplane: { compositionSelector: { matchLabels: { provider: 'aws' } } } } }, composition: composition([]) }), 'composition "xnetworks" is missing required label "provider"'],
    ['wrong selector label', () => render({ xr: { ...XR, spec: { crossplane: { compositionSelector: { matchLabels: { provider: 'aws' } } } } }, composition: composition([], { metadata: { labels: { provider: 'gcp' } } }) }), 'composition "xnetworks" has incorrect value for label "provider": want "aws", got "gcp"'],
    ['Resources mode', () => render({ xr: XR, composition: { ...composition([]), spec: { compositeTypeRef: { apiVersion: 'example.org/v1', kind: 'XNetwork' }, resources: [] } } }), 'render only supports Composition Function pipelines: Composition "xnetworks" must use spec.mode: Pipeline'],
    ['not a composition', () => render({ xr: XR, composition: { apiVersion: 'v1', kind: 'ConfigMap' } }), 'not a composition: v1, Kind=ConfigMap'],
  ];
  test.each(cases)('%s', (_n, fn, msg) => {
    expect(fn).toThrow(msg);
  });

  test('matching selector labels render', () => {
    const r = render({ xr: { ...XR, spec: { crossplane: { compositionSelector: { matchLabels: { provider: 'aws' } } } } }, composition: composition([ptStep([VPC])], { metadata: { labels: { provider: 'aws' } } }) });
    expect(r.resources).toHaveLength(1);
  });
});

describe('render pipeline', () => {
  test('a fatal result fails the render with the step name', () => {
    expect(() => render({ xr: XR, composition: composition([ptStep([{ name: 'x', patches: [] }])]) }))
      .toThrow('pipeline step "patch-and-transform" returned a fatal result: composed resource "x" has no base template, and was not produced by a previous Function in the pipeline');
  });

  test('with Function objects, steps are matched by metadata.name and unknown names fail', () => {
    const functions = [{ apiVersion: 'pkg.crossplane.io/v1beta1', kind: 'Function', metadata: { name: 'other' }, spec: { package: 'xpkg.crossplane.io/crossplane-contrib/function-auto-ready:v0.5.0' } }];
    expect(() => render({ xr: XR, composition: composition([ptStep([VPC])]), functions }))
      .toThrow('cannot run pipeline step "patch-and-transform": unknown Function "function-patch-and-transform" - does it exist in your Functions file?');
  });

  test('the built-in P&T is chosen by the Function package, whatever its name', () => {
    const functions = [{ apiVersion: 'pkg.crossplane.io/v1', kind: 'Function', metadata: { name: 'my-pt' }, spec: { package: 'xpkg.upbound.io/crossplane-contrib/function-patch-and-transform:v0.8.2' } }];
    const r = render({ xr: XR, composition: composition([ptStep([VPC], {}, 'my-pt')]), functions });
    expect(r.resources).toHaveLength(1);
  });

  test('a function without implementation fails naming the step, the function and how to add one', () => {
    const functions = [{ apiVersion: 'pkg.crossplane.io/v1', kind: 'Function', metadata: { name: 'function-kcl' }, spec: { package: 'xpkg.crossplane.io/crossplane-contrib/function-kcl:v0.11.0' } }];
    const comp = composition([{ step: 'templates', functionRef: { name: 'function-kcl' } }]);
    let message = '';
    try {
      render({ xr: XR, composition: comp, functions });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('cannot run pipeline step "templates": Function "function-kcl" (package xpkg.crossplane.io/crossplane-contrib/function-kcl:v0.11.0) has no offline implementation');
    expect(message).toContain("functionImplementations: { \"function-kcl\": fn }");
    const names = BUILT_IN_FUNCTIONS.map((f) => f.name);
    expect(message).toContain(`built in are ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}.`);
    expect(message).toContain('--function-implementations=<module exporting { "function-kcl": fn }>');
  });

  test('a user implementation runs, sees desired state and context of earlier steps, and its results are collected', () => {
    const seen: FunctionRequest[] = [];
    const impl = (req: FunctionRequest): FunctionResponse => {
      seen.push(req);
      return {
        desired: { ...req.desired, resources: { ...req.desired.resources, extra: { resource: { apiVersion: 'v1', kind: 'ConfigMap', data: { n: 1 } }, ready: 'READY_TRUE' } } },
        context: { ...req.context, mine: 'yes' },
        results: [{ severity: 'SEVERITY_NORMAL', message: 'did it' }],
        conditions: [{ type: 'TemplatesRendered', status: 'STATUS_CONDITION_TRUE', reason: 'Done' }, { type: 'Ready', status: 'STATUS_CONDITION_FALSE', reason: 'Ignored' }],
      };
    };
    const comp = composition([ptStep([VPC]), { step: 'mine', functionRef: { name: 'function-mine' } }]);
    const r = render({ xr: XR, composition: comp, functionImplementations: { 'function-mine': impl }, context: { seed: 1 } });
    expect(Object.keys(seen[0].desired.resources)).toEqual(['vpc']);
    expect(seen[0].context.seed).toBe(1);
    expect(r.context.fields.mine).toBe('yes');
    expect(r.results).toEqual([{ apiVersion: 'render.crossplane.io/v1beta1', kind: 'Result', step: 'mine', severity: 'SEVERITY_NORMAL', message: 'did it' }]);
    expect(r.xr.status.conditions).toEqual([
      { type: 'Ready', status: 'False', reason: 'Creating', message: 'Unready resources: vpc', lastTransitionTime: '2024-01-01T00:00:00Z' },
      { type: 'TemplatesRendered', status: 'True', reason: 'Done', lastTransitionTime: '2024-01-01T00:00:00Z' },
    ]);
    expect(r.resources.map((x) => x.kind)).toEqual(['ConfigMap', 'VPC']);
  });

  test('an implementation given to one render is not seen by the next', () => {
    const noop = (req: FunctionRequest): FunctionResponse => ({ desired: req.desired, context: req.context, results: [] });
    const comp = composition([ptStep([VPC]), { step: 'noop', functionRef: { name: 'function-noop' } }]);
    expect(render({ xr: XR, composition: comp, functionImplementations: { 'function-noop': noop } }).resources).toHaveLength(1);
    expect(() => render({ xr: XR, composition: comp })).toThrow(/cannot run pipeline step "noop": Function "function-noop" has no offline implementation/);
  });

  test('a catalogue built once serves many renders, and user implementations are added per call without changing it', () => {
    const noop = (req: FunctionRequest): FunctionResponse => ({ desired: req.desired, context: req.context, results: [] });
    const catalogue = FunctionCatalogue.of(BUILT_IN_FUNCTIONS).with({ 'function-noop': noop });
    const comp = composition([ptStep([VPC]), { step: 'noop', functionRef: { name: 'function-noop' } }, { step: 'other', functionRef: { name: 'function-other' } }]);
    const r = render({ xr: XR, composition: comp, functionCatalogue: catalogue, functionImplementations: { 'function-other': noop } });
    expect(r.resources).toHaveLength(1);
    expect(() => render({ xr: XR, composition: comp, functionCatalogue: catalogue })).toThrow(/Function "function-other" has no offline implementation/);
  });

  test('a catalogue without built-in functions runs none of them', () => {
    expect(() => render({ xr: XR, composition: composition([ptStep([VPC])]), functionCatalogue: FunctionCatalogue.of([]) }))
      .toThrow(/Function "function-patch-and-transform" has no offline implementation; built in are none/);
  });

  test('resource requirements are served from the required resources pool and the step re-runs', () => {
    let calls = 0;
    const impl = (req: FunctionRequest): FunctionResponse => {
      calls++;
      const got = req.requiredResources.cfg ?? [];
      return {
        desired: { ...req.desired, composite: { resource: { status: { found: got.map((o) => (o.metadata as { name: string }).name) } } } },
        context: req.context,
        results: [],
        requirements: { resources: { cfg: { apiVersion: 'v1', kind: 'ConfigMap', matchLabels: { team: 'a' } } } },
      };
    };
    const pool = [
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b', labels: { team: 'a' } } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', labels: { team: 'a' } } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', labels: { team: 'b' } } },
    ];
    const r = render({ xr: XR, composition: composition([{ step: 'req', functionRef: { name: 'fn' } }]), functionImplementations: { fn: impl }, requiredResources: pool });
    expect(calls).toBe(2);
    expect(r.xr.status.found).toEqual(['a', 'b']);
  });

  test('numbers print as Go prints them after JSON: integers plain, other floats with %g', () => {
    const step = ptStep([{ name: 'r', base: { apiVersion: 'v1', kind: 'ConfigMap', data: { i: 3, f: 0.5, big: 1234567.5, e: 1e21, small: 0.000001 } } }]);
    const yaml = render({ xr: XR, composition: composition([step]) }).toYaml();
    expect(yaml).toContain('data:\n  big: 1.2345675e+06\n  e: 1e+21\n  f: 0.5\n  i: 3\n  small: 1e-06\n');
  });
});

describe('render --xrd defaulting', () => {
  const xrd = {
    apiVersion: 'apiextensions.crossplane.io/v1', kind: 'CompositeResourceDefinition', metadata: { name: 'xnetworks.example.org' },
    spec: {
      group: 'example.org', names: { kind: 'XNetwork', plural: 'xnetworks' },
      versions: [{ name: 'v1', served: true, referenceable: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: {
        region: { type: 'string', default: 'us-east-1' },
        size: { type: 'integer', default: 3 },
        tags: { type: 'array', items: { type: 'object', properties: { k: { type: 'string' }, v: { type: 'string', default: 'none' } } } },
        nested: { type: 'object', default: {}, properties: { a: { type: 'string', default: 'x' } } },
      } } } } } }],
    },
  };
  test('schema defaults fill absent fields, inside array items and in defaulted objects', () => {
    const step = ptStep([{ name: 'r', base: { apiVersion: 'v1', kind: 'ConfigMap' }, patches: [{ fromFieldPath: 'spec', toFieldPath: 'data' }] }]);
    const r = render({ xr: { ...XR, spec: { region: 'eu', tags: [{ k: 'a' }] } }, composition: composition([step]), xrd });
    // A v1 XRD without scope is LegacyCluster: the update policy default sits directly under spec.
    expect(r.resources[0].data).toEqual({ region: 'eu', size: 3, tags: [{ k: 'a', v: 'none' }], nested: { a: 'x' }, compositionUpdatePolicy: 'Automatic' });
  });

  test('a modern XRD defaults spec.crossplane.compositionUpdatePolicy only when spec.crossplane exists', () => {
    const modern = { ...xrd, apiVersion: 'apiextensions.crossplane.io/v2', spec: { ...xrd.spec, scope: 'Namespaced', defaultCompositionUpdatePolicy: 'Manual' } };
    const step = ptStep([{ name: 'r', base: { apiVersion: 'v1', kind: 'ConfigMap' }, patches: [{ fromFieldPath: 'spec', toFieldPath: 'data' }] }]);
    const without = render({ xr: { ...XR, spec: { region: 'eu' } }, composition: composition([step]), xrd: modern });
    expect(without.resources[0].data.crossplane).toBeUndefined();
    const withCp = render({ xr: { ...XR, spec: { region: 'eu', crossplane: {} } }, composition: composition([step]), xrd: modern });
    expect(withCp.resources[0].data.crossplane).toEqual({ compositionUpdatePolicy: 'Manual' });
  });

  // crossplane/crossplane@0395ca8d14622efc447fc1ce784ec6d004e5d0d1 apis/apiextensions/v2/xrd_types.go:
  // CompositeResourceDefinitionSpec.Scope carries `+kubebuilder:default=Namespaced`, so the API
  // server stores a v2 XRD without scope as Namespaced (the v1 type's default is LegacyCluster).
  test.each(['reconcile', 'classic'] as const)('a v2 XRD without scope is Namespaced, as the API server defaults it, not LegacyCluster (%s output)', (output) => {
    const { scope: _none, ...specWithoutScope } = { ...xrd.spec, scope: undefined };
    const v2 = { ...xrd, apiVersion: 'apiextensions.crossplane.io/v2', spec: specWithoutScope };
    expect('scope' in v2.spec).toBe(false);
    const step = ptStep([{ name: 'r', base: { apiVersion: 'v1', kind: 'ConfigMap' }, patches: [{ fromFieldPath: 'spec', toFieldPath: 'data' }] }]);
    const r = renderAny({ output, xr: { ...XR, spec: { region: 'eu', crossplane: {} } }, composition: composition([step]), xrd: v2 });
    // Namespaced: the update policy default goes under spec.crossplane, none directly under spec.
    expect(r.resources[0].data.crossplane.compositionUpdatePolicy).toBe('Automatic');
    expect(r.resources[0].data.compositionUpdatePolicy).toBeUndefined();
    if (output === 'reconcile') {
      // ... and the XR's machinery paths are the modern ones (render.go selectSchema).
      expect(r.xr.spec.crossplane.resourceRefs).toHaveLength(1);
      expect(r.xr.spec.resourceRefs).toBeUndefined();
    }
  });

  test('only spec and status of the user schema are used: other top-level defaults are ignored', () => {
    const x = JSON.parse(JSON.stringify(xrd));
    x.spec.versions[0].schema.openAPIV3Schema.properties.extra = { type: 'string', default: 'nope' };
    x.spec.versions[0].schema.openAPIV3Schema.properties.spec.default = { region: 'from-spec-default' };
    const step = ptStep([{ name: 'r', base: { apiVersion: 'v1', kind: 'ConfigMap', data: {} }, patches: [{ fromFieldPath: 'extra', toFieldPath: 'data.extra' }] }]);
    const r = render({ xr: { apiVersion: XR.apiVersion, kind: XR.kind, metadata: XR.metadata }, composition: composition([step]), xrd: x });
    expect(r.resources[0].data).toEqual({});
  });
  test('an XRD of another group is rejected with both names', () => {
    expect(() => render({ xr: XR, composition: composition([]), xrd: { ...xrd, spec: { ...xrd.spec, group: 'other.org' } } })).toThrow("defines group 'other.org', but the XR's apiVersion is 'example.org/v1'");
  });
});

describe('render composition structure errors (field, value, fix)', () => {
  const cases: [string, unknown[] | unknown, string][] = [
    ['a step without functionRef', [{ step: 'a' }], "spec.pipeline[0].functionRef.name must name a Function, got '': set functionRef.name, e.g. function-patch-and-transform"],
    ['a step without a name', [{ functionRef: { name: 'x' } }], "spec.pipeline[0].step must be a non-empty string, got '': give every step a unique name"],
    ['duplicate step names', [{ step: 'a', functionRef: { name: 'x' } }, { step: 'a', functionRef: { name: 'y' } }], "spec.pipeline[1].step must be unique in the pipeline, got 'a': rename one of the steps"],
    ['a pipeline that is not a list', { step: 'a' }, 'spec.pipeline must be a list of steps, got \'{"step":"a"}\''],
    ['an input that is not an object', [{ step: 'a', functionRef: { name: 'x' }, input: 'text' }], "spec.pipeline[0].input must be an object, got 'text'"],
  ];
  test.each(cases)('%s', (_n, pipeline, msg) => {
    const comp = composition([]);
    (comp.spec as Record<string, unknown>).pipeline = pipeline;
    expect(() => render({ xr: XR, composition: comp })).toThrow(msg);
  });
});

describe('observed connection details (an extension of crossplane render)', () => {
  const composition = {
    apiVersion: 'apiextensions.crossplane.io/v1', kind: 'Composition', metadata: { name: 'c' },
    spec: {
      compositeTypeRef: { apiVersion: 'example.org/v1', kind: 'XCluster' }, mode: 'Pipeline',
      pipeline: [{
        step: 'patch-and-transform', functionRef: { name: 'function-patch-and-transform' },
        input: {
          apiVersion: 'pt.fn.crossplane.io/v1beta1', kind: 'Resources',
          resources: [{
            name: 'cluster', base: { apiVersion: 'container.gcp.m.upbound.io/v1beta1', kind: 'Cluster', spec: {} },
            connectionDetails: [{ name: 'kubeconfig', type: 'FromConnectionSecretKey', fromConnectionSecretKey: 'kubeconfig' }],
          }],
        },
      }],
    },
  };
  // A modern XR (spec.crossplane present): P&T composes the connection Secret (reference 3.10).
  const xr = { apiVersion: 'example.org/v1', kind: 'XCluster', metadata: { name: 'c1', namespace: 'ns' }, spec: { crossplane: {} } };
  const observed = [{ apiVersion: 'container.gcp.m.upbound.io/v1beta1', kind: 'Cluster', metadata: { name: 'c1-x', namespace: 'ns', annotations: { 'crossplane.io/composition-resource-name': 'cluster' } } }];

  test('reach FromConnectionSecretKey details, and the composed Secret carries them base64-encoded', () => {
    const result = render({ xr, composition, observed, observedConnectionDetails: { cluster: { kubeconfig: 'apiVersion: v1' } } });
    const secret = result.resources.find((r: any) => r.kind === 'Secret') as any;
    expect(secret.data).toEqual({ kubeconfig: Buffer.from('apiVersion: v1').toString('base64') });
  });

  test('without them the detail is absent and no Secret is composed, as in crossplane render', () => {
    const result = render({ xr, composition, observed });
    expect(result.resources.map((r: any) => r.kind)).toEqual(['Cluster']);
  });

  test('fails if they name a resource that is not observed', () => {
    expect(() => render({ xr, composition, observed, observedConnectionDetails: { clstr: { kubeconfig: 'x' } } }))
      .toThrow(/^observedConnectionDetails\.clstr names no observed resource: /);
  });
});

/**
 * gRPC's 4 MiB receive limit on a step's messages (src/engine/message-size.ts). Crossplane's
 * clients set no receive limit: crossplane/crossplane internal/xfn/function_runner.go
 * `getClientConn` and internal/render/runner.go `NewFunctionRunner` at 2d040d2daf4e, and
 * cmd/crank/render/render.go `NewRuntimeFunctionRunner` at v2.2.0 (b7aa9852801c) call
 * grpc.NewClient with credentials and a service config only; function-sdk-go's `Serve`
 * (sdk.go at 009f4ec76c2f) serves with `DefaultMaxRecvMsgSize = 1024 * 1024 * 4`. grpc-go
 * (clientconn.go `defaultClientMaxReceiveMessageSize = 1024 * 1024 * 4`, rpc_util.go
 * `recvMsg` at v1.82.1, ebd8f06a0942) refuses a longer message with ResourceExhausted
 * "grpc: received message larger than max (%d vs. %d)" when length > max.
 */
describe('values between steps', () => {
  test('int64 values of a built-in step reach the next step as float64, in both outputs', () => {
    // A base template goes through the Kubernetes JSON decoder (whole numbers are int64); the
    // response then crosses the step boundary as a protobuf Struct, where every number is a double.
    const seen: string[] = [];
    const record = (req: FunctionRequest): FunctionResponse => {
      const r = req.desired.resources.vpc.resource as { spec: { forProvider: { mtu: unknown; sizes: unknown[] } } };
      seen.push(typeof r.spec.forProvider.mtu, ...r.spec.forProvider.sizes.map((x) => typeof x));
      return { desired: req.desired, context: req.context, results: [] };
    };
    const vpc = { ...VPC, base: { ...VPC.base, spec: { forProvider: { mtu: 1460, sizes: [1, 2.5] } } } };
    const comp = composition([ptStep([vpc]), { step: 'record', functionRef: { name: 'function-record' } }]);
    for (const output of ['classic', 'reconcile'] as const) {
      seen.length = 0;
      renderAny({ xr: XR, composition: comp, output, functionImplementations: { 'function-record': record } });
      expect(seen).toEqual(['number', 'number', 'number']);
    }
  });
});

describe('repeated renders', () => {
  test('a base template patched on every render starts from the same content each time', () => {
    // After a few renders the engine copies base templates from compiled source: a patch that
    // appends to an array of the base, or overwrites a field of it, must never reach the next render.
    const vpc = {
      ...VPC,
      base: { ...VPC.base, spec: { forProvider: { enableDnsSupport: true, tags: ['base'], cidrBlock: 'from-base' } } },
      patches: [
        { fromFieldPath: 'spec.extraTags', toFieldPath: 'spec.forProvider.tags', policy: { toFieldPath: 'MergeObjectsAppendArrays' } },
        { fromFieldPath: 'spec.cidr', toFieldPath: 'spec.forProvider.cidrBlock' },
      ],
    };
    const comp = composition([ptStep([vpc])]);
    for (let i = 0; i < 8; i++) {
      const xr = { ...XR, spec: { ...XR.spec, cidr: `10.${i}.0.0/16`, extraTags: [`render-${i}`] } };
      const forProvider = (render({ xr, composition: comp }).resources[0] as any).spec.forProvider;
      expect(forProvider).toEqual({ enableDnsSupport: true, tags: ['base', `render-${i}`], cidrBlock: `10.${i}.0.0/16` });
    }
  });
});

describe('gRPC message size limit', () => {
  const fn = (data: string) => (req: FunctionRequest): FunctionResponse => ({
    desired: { ...req.desired, resources: { big: { resource: { apiVersion: 'v1', kind: 'ConfigMap', data: { d: data } } } } },
    context: req.context,
    results: [],
  });
  const comp = composition([{ step: 'big', functionRef: { name: 'function-big' } }]);

  test('the smallest messages, from the wire format', () => {
    // Response: meta { ttl { seconds: 60 } } = 0a04 1202 083c, desired {} = 1200, context {} = 2200.
    expect(responseSize({ desired: { resources: {} }, context: {}, results: [] })).toBe(6 + 2 + 2);
    // With the composer's tag: meta content = tag (0a40 + 64) + ttl (4) = 70, framed 0a46.
    expect(responseSize({ desired: { resources: {} }, context: {}, results: [] }, { tagged: true })).toBe(72 + 4);
    // A fatal result: 1a07 | severity 0801 | message 120178 | target 2001.
    expect(responseSize({ desired: { resources: {} }, context: {}, results: [{ severity: 'SEVERITY_FATAL', message: 'x' }] })).toBe(10 + 9);
    // Request: meta { capabilities: packed 1..5 } = 0a07 1205 0102030405, observed 1200, desired 1a00, context 2a00.
    const req: FunctionRequest = { observed: { resources: {} }, desired: { resources: {} }, context: {}, credentials: {}, requiredResources: {} };
    expect(requestSize(req)).toBe(9 + 2 + 2 + 2);
    // One composed resource { a: 'b' } observed: observed 1213 | resources entry 1211 | key 0a0178 |
    // value 120c | Resource: resource 0a0a + the Struct (10 bytes, test/engine/go/values.test.ts).
    expect(requestSize({ ...req, observed: { resources: { x: { resource: { a: 'b' } } } } })).toBe(9 + 21 + 2 + 2);
  });

  // The data string whose response is exactly `size` bytes long (classic output: no tag).
  const dataOfSize = (size: number) => {
    const empty: FunctionRequest = { observed: { resources: {} }, desired: { resources: {} }, context: {}, credentials: {}, requiredResources: {} };
    const sizeWith = (n: number) => responseSize(fn('x'.repeat(n))(empty));
    let n = size - sizeWith(0);
    // The four enclosing lengths now take three bytes instead of one: take those bytes off.
    n -= sizeWith(n) - size;
    return 'x'.repeat(n);
  };

  test('a response of exactly 4 MiB passes; one byte more fails the step with grpc-go\'s error', () => {
    const data = dataOfSize(4194304);
    expect(responseSize(fn(data)({ observed: { resources: {} }, desired: { resources: {} }, context: {}, credentials: {}, requiredResources: {} }))).toBe(4194304);
    expect(render({ xr: XR, composition: comp, functionImplementations: { 'function-big': fn(data) } }).resources).toHaveLength(1);
    expect(() => render({ xr: XR, composition: comp, functionImplementations: { 'function-big': fn(data + 'x') } }))
      .toThrow('cannot run pipeline step "big": rpc error: code = ResourceExhausted desc = grpc: received message larger than max (4194305 vs. 4194304)');
  });

  test('the reconcile output wraps it as the composer does', () => {
    // composition_functions.go errFmtRunPipelineStep; internal/render/runner.go returns the gRPC error unwrapped.
    expect(() => renderAny({ xr: XR, composition: comp, functionImplementations: { 'function-big': fn('x'.repeat(4194304)) } }))
      .toThrow(/cannot run Composition pipeline step "big": rpc error: code = ResourceExhausted desc = grpc: received message larger than max \(\d+ vs\. 4194304\)/);
  });

  test('a request over the limit fails before the function runs (the function\'s server refuses it)', () => {
    let calls = 0;
    const counting = (req: FunctionRequest): FunctionResponse => {
      calls++;
      return { desired: req.desired, context: req.context, results: [] };
    };
    const xr = { ...XR, spec: { ...XR.spec, blob: 'x'.repeat(4194304) } };
    const two = composition([{ step: 'first', functionRef: { name: 'function-count' } }]);
    expect(() => render({ xr, composition: two, functionImplementations: { 'function-count': counting } }))
      .toThrow(/^cannot run pipeline step "first": rpc error: code = ResourceExhausted desc = grpc: received message larger than max \(\d+ vs\. 4194304\)$/);
    expect(calls).toBe(0);
  });

  test('a built-in step\'s input edited in place between renders is counted again', () => {
    // Built-in functions get the Composition's own input object (no copy), so its size must
    // follow its content, not its identity.
    const step = ptStep([VPC], { metadata: { annotations: { note: 'small' } } });
    const comp = composition([step]);
    expect(render({ xr: XR, composition: comp }).resources).toHaveLength(1);
    ((step.input as any).metadata.annotations as Record<string, string>).note = 'x'.repeat(4194304);
    expect(() => render({ xr: XR, composition: comp }))
      .toThrow(/^cannot run pipeline step "patch-and-transform": rpc error: code = ResourceExhausted desc = grpc: received message larger than max \(\d+ vs\. 4194304\)$/);
  });

  test('observed resources are measured in every render: the same objects edited between renders are counted again', () => {
    // Render uses the caller's observed objects in place and measures them while checking their
    // form; what it learnt holds for one render only.
    const observed = [ready('vpc')];
    const comp = composition([ptStep([VPC])]);
    for (const output of ['classic', 'reconcile'] as const) {
      (observed[0].status as Record<string, unknown>).blob = 'small';
      expect(renderAny({ xr: XR, composition: comp, observed, output }).resources).toHaveLength(1);
      (observed[0].status as Record<string, unknown>).blob = 'x'.repeat(4194304);
      expect(() => renderAny({ xr: XR, composition: comp, observed, output }))
        .toThrow(/pipeline step "patch-and-transform": rpc error: code = ResourceExhausted desc = grpc: received message larger than max \(\d+ vs\. 4194304\)$/);
    }
  });

  test('each request carries the desired state so far: two halves under the limit make a request over it', () => {
    const calls: string[] = [];
    const step = (name: string, data: string) => (req: FunctionRequest): FunctionResponse => {
      calls.push(name);
      return { desired: { ...req.desired, resources: { ...req.desired.resources, [name]: { resource: { apiVersion: 'v1', kind: 'ConfigMap', data: { d: data } } } } }, context: req.context, results: [] };
    };
    const xr = { ...XR, spec: { ...XR.spec, blob: 'x'.repeat(2 * 1024 * 1024) } };
    const steps = composition([{ step: 'one', functionRef: { name: 'fn-one' } }, { step: 'two', functionRef: { name: 'fn-two' } }]);
    // Step one: a 2 MiB request and a 2.5 MiB response; step two would receive both.
    expect(() => render({ xr, composition: steps, functionImplementations: { 'fn-one': step('one', 'y'.repeat(2.5 * 1024 * 1024)), 'fn-two': step('two', '') } }))
      .toThrow(/^cannot run pipeline step "two": rpc error: code = ResourceExhausted desc = grpc: received message larger than max \(\d+ vs\. 4194304\)$/);
    expect(calls).toEqual(['one']);
  });
});
