/**
 * render()'s default output: one XR reconcile, as `crossplane composition render` of the
 * Crossplane CLI v2.3+ runs it through `crossplane internal render` (reference §4.4 B).
 *
 * Expected values come from upstream tests, cited per test:
 * - crossplane/crossplane@2d040d2daf4e001799c4154a4a09b9e1f40d7fde
 *   internal/render/composite/render_test.go (TestRender, TestSelectSchema, TestRenderErrors,
 *   TestCheckObservedResources) and internal/names/names_test.go (TestChildName);
 * - crossplane/cli@3d72f9316e0703e8e9dbde50e5bc9114544c9199
 *   cmd/crossplane/render/xr/cmd_test.go (TestCmdRun) with its testdata/cmd/output/*.yaml goldens;
 * - crossplane/crossplane-runtime@4e7ed235565d24a6f6ad255aeacb82f09973b875
 *   pkg/resource/resource_test.go (TestFirstNAndSomeMore);
 * - google/uuid uuid_test.go (TestSHA1).
 * Upstream's TestRender ignores lastTransitionTime; the CLI replaces every one with
 * 2024-01-01T00:00:00Z (cmd/crossplane/render/output.go), which is what is expected here.
 */
import { expectKind, parseYamlDocuments, render, RenderError } from '../../../src/engine';
import type { FunctionResponse } from '../../../src/engine';
import { toGoYamlStream } from '../../../src/engine/go/yaml';
import type { ObjectValue } from '../../../src/engine/go/values';
import { reconcileDocuments } from '../../../src/engine/output';
import { mergeOverride } from '../../../src/engine/runtime/merge';
import { childName, compositeUid, uuidSha1 } from '../../../src/engine/reconcile/names';

const T = '2024-01-01T00:00:00Z';
const SUCCESS_CONDITIONS = [
  { type: 'Responsive', status: 'True', reason: 'WatchCircuitClosed', lastTransitionTime: T },
  { type: 'Synced', status: 'True', reason: 'ReconcileSuccess', lastTransitionTime: T },
  { type: 'Ready', status: 'True', reason: 'Available', lastTransitionTime: T },
];

/** The CLI checks kind, apiVersion and mode before the engine runs, so the Compositions carry them. */
function composition(name: string, kind: string, pipeline: unknown[] = []) {
  return {
    apiVersion: 'apiextensions.crossplane.io/v1', kind: 'Composition', metadata: { name },
    spec: { compositeTypeRef: { apiVersion: 'example.org/v1alpha1', kind }, mode: 'Pipeline', pipeline },
  };
}

function xrd(apiVersion: string, kind: string, scope?: string) {
  return {
    apiVersion: `apiextensions.crossplane.io/${apiVersion}`, kind: 'CompositeResourceDefinition',
    metadata: { name: `${kind.toLowerCase()}s.example.org` },
    spec: { group: 'example.org', names: { kind, plural: `${kind.toLowerCase()}s` }, ...(scope ? { scope } : {}), versions: [{ name: 'v1alpha1', served: true, referenceable: true }] },
  };
}

describe('TestRender (crossplane internal render, render_test.go)', () => {
  test('EmptyPipeline: Responsive, Synced and Ready conditions, modern resourceRefs, one SelectComposition event', () => {
    const r = render({ xr: { apiVersion: 'example.org/v1alpha1', kind: 'XBucket', metadata: { name: 'my-bucket' } }, composition: composition('bucket-composition', 'XBucket') });
    expect(r.xr).toEqual({
      apiVersion: 'example.org/v1alpha1', kind: 'XBucket', metadata: { name: 'my-bucket' },
      spec: { crossplane: { resourceRefs: [] } }, status: { conditions: SUCCESS_CONDITIONS },
    });
    expect(r.resources).toEqual([]);
    expect(r.results).toEqual([{ apiVersion: 'render.crossplane.io/v1beta1', kind: 'Result', severity: 'Normal', reason: 'SelectComposition', message: 'Successfully selected composition: bucket-composition' }]);
  });

  test('ModernXRWithV2XRD: a v2 XRD keeps spec.crossplane.resourceRefs on a namespaced XR', () => {
    const r = render({
      xr: { apiVersion: 'example.org/v1alpha1', kind: 'XModernResource', metadata: { name: 'my-xr', namespace: 'default' } },
      composition: composition('modern-composition', 'XModernResource'),
      xrd: xrd('v2', 'XModernResource'),
    });
    expect(r.xr).toEqual({
      apiVersion: 'example.org/v1alpha1', kind: 'XModernResource', metadata: { name: 'my-xr', namespace: 'default' },
      spec: { crossplane: { resourceRefs: [] } }, status: { conditions: SUCCESS_CONDITIONS },
    });
  });

  test.each([
    ['LegacyXRWithV1XRDDefaultScope', undefined],
    ['LegacyXRWithV1XRDExplicitLegacyClusterScope', 'LegacyCluster'],
  ])('%s: a LegacyCluster XRD selects spec.resourceRefs', (_name, scope) => {
    const r = render({
      xr: { apiVersion: 'example.org/v1alpha1', kind: 'XLegacyResource', metadata: { name: 'my-xr' } },
      composition: composition('legacy-composition', 'XLegacyResource'),
      xrd: xrd('v1', 'XLegacyResource', scope),
    });
    // The XRD's defaulting adds the legacy spec.compositionUpdatePolicy to the input XR, which
    // the render output (the XR's status write) does not carry.
    expect(r.xr).toEqual({
      apiVersion: 'example.org/v1alpha1', kind: 'XLegacyResource', metadata: { name: 'my-xr' },
      spec: { resourceRefs: [] }, status: { conditions: SUCCESS_CONDITIONS },
    });
    expect(r.results.map((e) => e.message)).toEqual(['Successfully selected composition: legacy-composition']);
  });

  test('LegacyXRWithObservedResources: an observed resource no longer desired is garbage collected', () => {
    const obs = {
      apiVersion: 'example.org/v1alpha1', kind: 'XComposed',
      metadata: {
        name: 'obs-1', annotations: { 'crossplane.io/composition-resource-name': 'obs-1' },
        ownerReferences: [{ apiVersion: 'example.org/v1alpha1', kind: 'XLegacyResource', name: 'my-xr', uid: 'xr-uid', controller: true, blockOwnerDeletion: true }],
      },
    };
    const r = render({
      xr: { apiVersion: 'example.org/v1alpha1', kind: 'XLegacyResource', metadata: { name: 'my-xr', uid: 'xr-uid' } },
      composition: composition('legacy-composition', 'XLegacyResource'),
      observed: [obs],
      xrd: xrd('v1', 'XLegacyResource'),
    });
    expect(r.xr).toEqual({
      apiVersion: 'example.org/v1alpha1', kind: 'XLegacyResource', metadata: { name: 'my-xr' },
      spec: { resourceRefs: [] }, status: { conditions: SUCCESS_CONDITIONS },
    });
    expect(r.deleted).toEqual([obs]);
    expect(r.resources).toEqual([]);
  });
});

describe('TestSelectSchema (render_test.go), through render --xrd', () => {
  const xr = { apiVersion: 'example.org/v1alpha1', kind: 'XLegacyResource', metadata: { name: 'my-xr' } };
  const refsPath = (x: Record<string, any>) => (x.spec.resourceRefs ? 'legacy' : 'modern');
  test.each([
    ['NoXRDBackCompat', undefined, 'modern'],
    ['V1XRDDefaultScope', xrd('v1', 'XLegacyResource'), 'legacy'],
    ['V1XRDExplicitLegacyClusterScope', xrd('v1', 'XLegacyResource', 'LegacyCluster'), 'legacy'],
    ['V1XRDExplicitClusterScope', xrd('v1', 'XLegacyResource', 'Cluster'), 'modern'],
    ['V2XRD', xrd('v2', 'XLegacyResource'), 'modern'],
    ['V2FormPreservingLegacyClusterScope', xrd('v2', 'XLegacyResource', 'LegacyCluster'), 'legacy'],
  ])('%s', (_name, def, want) => {
    expect(refsPath(render({ xr, composition: composition('c', 'XLegacyResource'), xrd: def }).xr)).toBe(want);
  });

  test('XRMatchesByGroupAndKindOnDifferentVersion: only group and kind must match', () => {
    const v1beta1 = { ...xr, apiVersion: 'example.org/v1beta1' };
    const comp = { ...composition('c', 'XLegacyResource'), spec: { ...composition('c', 'XLegacyResource').spec, compositeTypeRef: { apiVersion: 'example.org/v1beta1', kind: 'XLegacyResource' } } };
    const def = xrd('v1', 'XLegacyResource');
    def.spec.versions.push({ name: 'v1beta1', served: true, referenceable: false });
    expect(refsPath(render({ xr: v1beta1, composition: comp, xrd: def }).xr)).toBe('legacy');
  });

  test('XRDDoesNotMatchXR: the error names both kinds', () => {
    const def = xrd('v1', 'XOther');
    // Defaulting is keyed by version only, so the mismatch reaches the schema selection.
    const err = errorOf(() => render({ xr, composition: composition('c', 'XLegacyResource'), xrd: def }));
    expect(err).toContain('does not match the input XR');
    expect(err).toContain('XLegacyResource');
    expect(err).toContain('XOther');
  });

  test('UnrecognizedXRDAPIVersion: the error names the apiVersion', () => {
    const def = { ...xrd('v1', 'XLegacyResource'), apiVersion: 'apiextensions.crossplane.io/v3' };
    const err = errorOf(() => render({ xr, composition: composition('c', 'XLegacyResource'), xrd: def }));
    expect(err).toContain('unrecognized apiVersion');
    expect(err).toContain('apiextensions.crossplane.io/v3');
  });
});

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected an error');
}

describe('TestCheckObservedResources (render_test.go)', () => {
  const observed = (name: string, namespace: string, uid?: string, controller = true) => ({
    apiVersion: 'example.org/v1alpha1', kind: 'XComposed',
    metadata: {
      name, ...(namespace ? { namespace } : {}), annotations: { 'crossplane.io/composition-resource-name': name },
      ...(uid ? { ownerReferences: [{ apiVersion: 'example.org/v1alpha1', kind: 'XLegacyResource', name: 'my-xr', uid, ...(controller ? { controller: true } : {}) }] } : {}),
    },
  });
  const run = (xrNamespace: string, obs: unknown[]) => render({
    xr: { apiVersion: 'example.org/v1alpha1', kind: 'XLegacyResource', metadata: { name: 'my-xr', uid: 'xr-uid', ...(xrNamespace ? { namespace: xrNamespace } : {}) } },
    composition: composition('c', 'XLegacyResource'),
    observed: obs,
  });

  test.each([
    ['NoControllerRefClusterScoped', '', [observed('obs-1', '')]],
    ['MatchingControllerRef', '', [observed('obs-1', '', 'xr-uid')]],
    ['NonControllerOwnerRefIgnored', '', [observed('obs-1', '', 'other-uid', false)]],
    ['NamespacedXRSameNamespace', 'ns-a', [observed('obs-1', 'ns-a')]],
    ['ClusterScopedXRIgnoresNamespace', '', [observed('obs-1', 'ns-b')]],
  ])('%s passes', (_name, ns, obs) => {
    expect(() => run(ns, obs)).not.toThrow();
  });

  test.each([
    ['MismatchedControllerRef', '', [observed('obs-bad', '', 'other-uid')], ['has a controller ref but is not controlled by the XR', 'obs-bad']],
    ['NamespacedXRDifferentNamespace', 'ns-a', [observed('obs-bad', 'ns-b')], ['is not in the same namespace as the XR', 'obs-bad']],
    ['MultipleViolationsJoined', 'ns-a', [observed('obs-bad', 'ns-b', 'other-uid')], ['has a controller ref but is not controlled by the XR', 'is not in the same namespace as the XR', 'obs-bad']],
    ['MultipleResourcesOneBad', '', [observed('obs-good', '', 'xr-uid'), observed('obs-bad', '', 'other-uid')], ['has a controller ref but is not controlled by the XR', 'obs-bad']],
  ])('%s fails', (_name, ns, obs, parts) => {
    const err = errorOf(() => run(ns, obs));
    for (const p of parts) expect(err).toContain(p);
    expect(err).not.toContain('obs-good');
  });
});

describe('TestRenderErrors (render_test.go): a fatal result', () => {
  test('PipelineFatalReturnsRequirements: the error is a fatal one and carries the partial output', () => {
    // rendertest.FatalFunctionServer: the first call asks for a resource, the second is fatal.
    let calls = 0;
    const fn = (): FunctionResponse => {
      calls++;
      if (calls === 1) {
        return { desired: { resources: {} }, context: {}, results: [], requirements: { resources: { namedClusterRole: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', matchName: 'some-cluster-role' } } } };
      }
      return { desired: { resources: {} }, context: {}, results: [{ severity: 'SEVERITY_FATAL', message: 'Required extra resource "namedClusterRole" not found' }] };
    };
    const comp = composition('example-composition', 'XExample', [{ step: 'fetch-extras', functionRef: { name: 'function-extra-resources' } }]);
    let caught: unknown;
    try {
      render({ xr: { apiVersion: 'example.org/v1alpha1', kind: 'XExample', metadata: { name: 'my-example' } }, composition: comp, functionImplementations: { 'function-extra-resources': fn } });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(RenderError);
    const err = caught as RenderError;
    expect(err.fatal).toBe(true);
    // composition_functions.go PipelineFatalErrorFmt, wrapped by the reconciler ("cannot compose
    // resources") and by crossplane internal render ("cannot render composite resource").
    expect(err.message).toBe('cannot render composite resource: cannot compose resources: pipeline step "fetch-extras" returned a fatal result: Required extra resource "namedClusterRole" not found');
    expect(calls).toBe(2);
    // reconciler.go on a compose error: Synced False with the error, no Ready condition, a
    // ComposeResources warning event.
    const partial = err.partial!;
    expect(partial.xr.status.conditions).toEqual([
      { type: 'Responsive', status: 'True', reason: 'WatchCircuitClosed', lastTransitionTime: T },
      { type: 'Synced', status: 'False', reason: 'ReconcileError', message: 'cannot compose resources: pipeline step "fetch-extras" returned a fatal result: Required extra resource "namedClusterRole" not found', lastTransitionTime: T },
    ]);
    expect(partial.results.map((e) => [e.severity, e.reason])).toEqual([['Normal', 'SelectComposition'], ['Warning', 'ComposeResources']]);
    expect(partial.resources).toEqual([]);
  });

  test('NonFatalReconcileErrorWrapsAsBefore: any other reconcile error has no partial output', () => {
    const comp = composition('c', 'XExample', [{ step: 'missing', functionRef: { name: 'function-not-there' } }]);
    let caught: RenderError | undefined;
    try {
      render({ xr: { apiVersion: 'example.org/v1alpha1', kind: 'XExample', metadata: { name: 'x' } }, composition: comp, functions: [] });
    } catch (err) {
      caught = err as RenderError;
    }
    expect(caught?.fatal).toBe(false);
    expect(caught?.partial).toBeUndefined();
    // internal/render/runner.go FunctionRunner.RunFunction, wrapped by the composer, reconciler and Render.
    expect(caught?.message).toBe('cannot render composite resource: reconcile failed: cannot compose resources: cannot run Composition pipeline step "missing": unknown function "function-not-there" - is it listed in the render input?');
  });
});

describe('composed resource names (internal/names)', () => {
  const UID = '75e4a668-035f-4ce8-8c45-f4d3ac850155';
  test.each([
    ['ShortName', 'cool-resource-', UID, 'database', 'cool-resource-38ce86992a27'],
    ['LongNameRequiresTruncation', 'very-long-parent-name-'.repeat(3), UID, 'database', 'very-long-parent-name-very-long-parent-name-very-l-38ce86992a27'],
    ['ParentWithoutHyphen', 'resource', UID, 'database', 'resource-38ce86992a27'],
    ['ParentWithHyphen', 'resource-', UID, 'database', 'resource-38ce86992a27'],
    ['TruncateAndAddHyphen', 'very-long-parent-name-without-ending-hyphen'.repeat(2), UID, 'database', 'very-long-parent-name-without-ending-hyphenvery-lo-38ce86992a27'],
    ['EmptyParentName', '', UID, 'database', '38ce86992a27'],
    ['DifferentUIDSameNameA', 'parent-', 'uid-123', 'database', 'parent-5f968d238736'],
    ['DifferentUIDSameNameB', 'parent-', 'uid-456', 'database', 'parent-bd4f105d0576'],
    ['SameUIDDifferentChildB', 'parent-', UID, 'storage', 'parent-abcd22a110fe'],
  ])('TestChildName %s', (_name, parent, uid, child, want) => {
    expect(childName(parent, uid, child)).toBe(want);
  });

  test('render names a composed resource <generateName><12 hex> from the XR UID and the resource name', () => {
    const pt = { step: 'pt', functionRef: { name: 'function-patch-and-transform' }, input: { apiVersion: 'pt.fn.crossplane.io/v1beta1', kind: 'Resources', resources: [{ name: 'database', base: { apiVersion: 'example.org/v1', kind: 'DB' } }] } };
    const r = render({ xr: { apiVersion: 'example.org/v1alpha1', kind: 'XApp', metadata: { name: 'cool-resource', uid: UID } }, composition: composition('c', 'XApp', [pt]) });
    // names_test.go ShortName: generateName "cool-resource-", this UID, child "database".
    expect(r.resources[0].metadata.name).toBe('cool-resource-38ce86992a27');
    expect(r.resources[0].metadata.generateName).toBe('cool-resource-');
    expect(r.resources[0].metadata.ownerReferences).toEqual([{ apiVersion: 'example.org/v1alpha1', kind: 'XApp', name: 'cool-resource', uid: UID, controller: true, blockOwnerDeletion: true }]);
    expect(r.xr.spec.crossplane.resourceRefs).toEqual([{ apiVersion: 'example.org/v1', kind: 'DB', name: 'cool-resource-38ce86992a27' }]);
  });

  // An XR named with one letter. Crossplane's composite reconciler copies the XR name into the
  // crossplane.io/composite label (internal/controller/apiextensions/composite/api.go, commit
  // 2d040d2da, the label is set from cp.GetName() when empty), RenderComposedResourceMetadata
  // (composition_render.go) sets generateName "<label>-" and the label on each composed
  // resource, and ChildName names it: for this UID and child "database" the hash is
  // 38ce86992a27 (names_test.go ShortName), whatever the parent's length.
  test.each(['n', 'a', 'y', '1'])('an XR named %j composes <name>-<hash> with generateName <name>- and the composite label', (name) => {
    const pt = { step: 'pt', functionRef: { name: 'function-patch-and-transform' }, input: { apiVersion: 'pt.fn.crossplane.io/v1beta1', kind: 'Resources', resources: [{ name: 'database', base: { apiVersion: 'example.org/v1', kind: 'DB' } }] } };
    const r = render({ xr: { apiVersion: 'example.org/v1alpha1', kind: 'XApp', metadata: { name, uid: UID } }, composition: composition('c', 'XApp', [pt]) });
    expect(r.resources[0].metadata).toMatchObject({ name: `${name}-38ce86992a27`, generateName: `${name}-`, labels: { 'crossplane.io/composite': name } });
    expect(r.toYaml()).toContain(`  name: ${name}-38ce86992a27\n`);
  });

  // YAML 1.1 reads an unquoted `n` as false and `1` as a number: the API server refuses such a
  // name when it decodes metadata into metav1.ObjectMeta (apiextensions-apiserver
  // pkg/apiserver/schema/objectmeta/coerce.go GetObjectMetaWithOptions returns encoding/json's
  // UnmarshalTypeError), so render says so instead of failing later on the composite label.
  test.each([
    [false, 'metadata.name is the boolean false, not a string (in YAML, an unquoted n, no, off or false is the boolean false), and Kubernetes refuses it (json: cannot unmarshal bool into Go struct field ObjectMeta.name of type string): quote it, e.g. "n"'],
    [true, 'metadata.name is the boolean true, not a string'],
    [1n, 'metadata.name is the number 1, not a string (in YAML, an unquoted number is a number), and Kubernetes refuses it (json: cannot unmarshal number into Go struct field ObjectMeta.name of type string): quote it, e.g. "1"'],
  ])('an XR whose name is %p fails at metadata.name', (name, message) => {
    const xr = { apiVersion: 'example.org/v1alpha1', kind: 'XApp', metadata: { name } };
    expect(() => render({ xr, composition: composition('c', 'XApp') })).toThrow(RenderError);
    expect(() => render({ xr, composition: composition('c', 'XApp') })).toThrow(`xr ${message}`);
  });

  test('the CLI names the file and the document of an XR named with an unquoted n', () => {
    const docs = parseYamlDocuments('apiVersion: example.org/v1alpha1\nkind: XApp\nmetadata:\n  name: n\n  labels:\n    team: on\n', 'xr.yaml');
    expect(() => expectKind(docs[0], 'composite resource', [])).toThrow(/^xr\.yaml: document 0: metadata\.name is the boolean false, not a string/);
    const labelled = parseYamlDocuments('apiVersion: example.org/v1alpha1\nkind: XApp\nmetadata:\n  name: "n"\n  labels:\n    team: on\n', 'xr.yaml');
    expect(() => expectKind(labelled[0], 'composite resource', [])).toThrow('xr.yaml: document 0: metadata.labels["team"] is the boolean true, not a string (in YAML, an unquoted y, yes, on or true is the boolean true), and Kubernetes refuses it (json: cannot unmarshal bool into Go struct field ObjectMeta.labels of type string)');
  });

  test('google/uuid TestSHA1: NewSHA1(NameSpaceDNS, "python.org")', () => {
    expect(uuidSha1(Buffer.from('6ba7b8109dad11d180b400c04fd430c8', 'hex'), 'python.org')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });

  test('the XR UID is NewSHA1(Nil, "<group>/<version>, Kind=<kind>\\x00<namespace>\\x00<name>") (render.go)', () => {
    expect(compositeUid('example.org/v1alpha1', 'XApp', 'ns', 'a')).toBe(uuidSha1(Buffer.alloc(16), 'example.org/v1alpha1, Kind=XApp\x00ns\x00a'));
    const r = render({ xr: { apiVersion: 'example.org/v1alpha1', kind: 'XApp', metadata: { name: 'a', namespace: 'ns' } }, composition: composition('c', 'XApp', [{ step: 'pt', functionRef: { name: 'function-patch-and-transform' }, input: { apiVersion: 'pt.fn.crossplane.io/v1beta1', kind: 'Resources', resources: [{ name: 'db', base: { apiVersion: 'example.org/v1', kind: 'DB' } }] } }]) });
    expect(r.resources[0].metadata.ownerReferences[0].uid).toBe(compositeUid('example.org/v1alpha1', 'XApp', 'ns', 'a'));
  });
});

// FirstNAndSomeMore's own cases: test/engine/runtime/resource.test.ts.
describe('the XR\'s Unready resources message (crossplane-runtime pkg/resource)', () => {
  test('the XR names three unready resources as "a, b, and c" (reconciler.go StableNAndSomeMore)', () => {
    const pt = { step: 'pt', functionRef: { name: 'function-patch-and-transform' }, input: { apiVersion: 'pt.fn.crossplane.io/v1beta1', kind: 'Resources', resources: ['c', 'a', 'b'].map((name) => ({ name, base: { apiVersion: 'v1', kind: 'ConfigMap' } })) } };
    const r = render({ xr: { apiVersion: 'example.org/v1alpha1', kind: 'XApp', metadata: { name: 'x' } }, composition: composition('c', 'XApp', [pt]) });
    expect(r.xr.status.conditions[2]).toEqual({ type: 'Ready', status: 'False', reason: 'Creating', message: 'Unready resources: a, b, and c', lastTransitionTime: T });
    expect(r.results.slice(1).map((e) => e.message)).toEqual(['Composed resource "a" is not yet ready', 'Composed resource "b" is not yet ready', 'Composed resource "c" is not yet ready']);
  });
});

describe('TestCmdRun (crossplane/cli cmd/crossplane/render/xr): what the command prints', () => {
  // The goldens come from a mocked engine response: the request's XR with its spec replaced by
  // `crossplane.resourceRefs: "these are the resource refs"` (fillResourceRefs).
  const renderedXr: ObjectValue = { apiVersion: 'nop.example.org/v1alpha1', kind: 'XNopResource', metadata: { name: 'test-render' }, spec: { crossplane: { resourceRefs: 'these are the resource refs' } } };
  const composed: ObjectValue = {
    apiVersion: 'example.org/v1alpha1', kind: 'ComposedResource',
    metadata: { name: 'composed-foo', annotations: { 'crossplane.io/composition-resource-name': 'composed-foo' } },
    spec: { coolField: 'composed!' },
  };
  const stream = (docs: ReturnType<typeof reconcileDocuments>, results = false) => toGoYamlStream([docs.xr, ...docs.resources, ...(results ? docs.results : [])]);
  const output = (over: Partial<Parameters<typeof reconcileDocuments>[0]['output']>) => ({ composed: [], deleted: [], events: [], desiredReadiness: {}, ...over });

  test('Success: testdata/cmd/output/success.yaml', () => {
    const docs = reconcileDocuments({ inputXr: {}, includeFullXr: false, output: output({ xr: { ...renderedXr }, composed: [composed] }) });
    expect(stream(docs)).toBe(`---
apiVersion: nop.example.org/v1alpha1
kind: XNopResource
metadata:
  name: test-render
spec:
  crossplane:
    resourceRefs: these are the resource refs
---
apiVersion: example.org/v1alpha1
kind: ComposedResource
metadata:
  annotations:
    crossplane.io/composition-resource-name: composed-foo
  name: composed-foo
spec:
  coolField: composed!
`);
  });

  test('IncludeFunctionResults: testdata/cmd/output/include-function-results.yaml', () => {
    const docs = reconcileDocuments({ inputXr: {}, includeFullXr: false, output: output({ xr: { ...renderedXr }, events: [{ type: 'Normal', reason: 'Hello', message: 'function says hi' }] }) });
    expect(stream(docs, true)).toBe(`---
apiVersion: nop.example.org/v1alpha1
kind: XNopResource
metadata:
  name: test-render
spec:
  crossplane:
    resourceRefs: these are the resource refs
---
apiVersion: render.crossplane.io/v1beta1
kind: Result
message: function says hi
reason: Hello
severity: Normal
`);
  });

  test('IncludeFullXR: testdata/cmd/output/include-full-xr.yaml (mergo WithOverride over the input XR)', () => {
    const input: ObjectValue = { apiVersion: 'nop.example.org/v1alpha1', kind: 'XNopResource', metadata: { name: 'test-render' }, spec: { coolField: "I'm cool!", fromXR: 'preserved' } };
    const docs = reconcileDocuments({ inputXr: input, includeFullXr: true, output: output({ xr: { ...renderedXr } }) });
    expect(stream(docs)).toBe(`---
apiVersion: nop.example.org/v1alpha1
kind: XNopResource
metadata:
  name: test-render
spec:
  coolField: I'm cool!
  crossplane:
    resourceRefs: these are the resource refs
  fromXR: preserved
`);
  });

  test('mergo v1.0.2 WithOverride: lists, scalars (even empty) and null replace; objects merge unless the input one is empty', () => {
    const dst: ObjectValue = { a: { keep: 1n, over: 'x' }, list: ['a', 'b'], s: 'in', e: {}, n: 'kept' };
    mergeOverride(dst, { a: { over: 'y' }, list: [], s: '', e: { z: true }, n: null });
    expect(dst).toEqual({ a: { keep: 1n, over: 'y' }, list: [], s: '', e: { z: true }, n: null });
  });
});

describe('reconcile events and conditions (reconciler.go, composition_functions.go)', () => {
  const step = (name: string, fn: string) => ({ step: name, functionRef: { name: fn } });
  const xr = { apiVersion: 'example.org/v1alpha1', kind: 'XApp', metadata: { name: 'x', namespace: 'team-a' } };

  test('results become events with the step as detail; conditions sit between Responsive and Synced', () => {
    const fn = (): FunctionResponse => ({
      desired: { resources: { cm: { resource: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: 'elsewhere' } }, ready: 'READY_TRUE' } } },
      context: {},
      results: [{ severity: 'SEVERITY_WARNING', message: 'careful' }, { severity: 'SEVERITY_NORMAL', message: 'hello', reason: 'Greeting' }],
      conditions: [{ type: 'DatabaseReady', status: 'STATUS_CONDITION_FALSE', reason: 'Waiting', message: 'not yet' }],
    });
    const r = render({ xr, composition: composition('c', 'XApp', [step('one', 'fn')]), functionImplementations: { fn } });
    expect(r.results.map((e) => [e.severity, e.reason, e.message])).toEqual([
      ['Normal', 'SelectComposition', 'Successfully selected composition: c'],
      // TargetedEvent.AsDetailedEvent: "Pipeline step %q: message"; reasonCompose when the result has none.
      ['Warning', 'ComposeResources', 'Pipeline step "one": careful'],
      ['Normal', 'Greeting', 'Pipeline step "one": hello'],
      // After the pipeline, a namespaced XR's composed resource is moved to its namespace, with a
      // warning (errFmtNamespaceOverridden).
      ['Warning', 'NamespaceOverridden', 'cannot create composed resource "cm" in namespace "elsewhere", using XR namespace "team-a" instead'],
    ]);
    expect(r.resources[0].metadata.namespace).toBe('team-a');
    expect(r.xr.status.conditions).toEqual([
      { type: 'Responsive', status: 'True', reason: 'WatchCircuitClosed', lastTransitionTime: T },
      { type: 'DatabaseReady', status: 'False', reason: 'Waiting', message: 'not yet', lastTransitionTime: T },
      { type: 'Synced', status: 'True', reason: 'ReconcileSuccess', lastTransitionTime: T },
      { type: 'Ready', status: 'True', reason: 'Available', lastTransitionTime: T },
    ]);
  });

  test('a fatal result marks the custom conditions it left undetermined Unknown (reconciler.go reasonFatalError)', () => {
    const fatal = (): FunctionResponse => ({ desired: { resources: {} }, context: {}, results: [{ severity: 'SEVERITY_FATAL', message: 'boom' }] });
    const withCondition = { ...xr, status: { conditions: [{ type: 'DatabaseReady', status: 'True', reason: 'Up', lastTransitionTime: '2025-01-01T00:00:00Z' }] } };
    let err: RenderError | undefined;
    try {
      render({ xr: withCondition, composition: composition('c', 'XApp', [step('one', 'fatal')]), functionImplementations: { fatal } });
    } catch (e) {
      err = e as RenderError;
    }
    expect(err?.partial?.xr.status.conditions).toContainEqual({
      type: 'DatabaseReady', status: 'Unknown', reason: 'FatalError', message: 'A fatal error occurred before the status of this condition could be determined.', lastTransitionTime: T,
    });
  });

  test('the pause annotation stops the reconcile: Synced False ReconcilePaused, nothing composed', () => {
    const paused = { ...xr, metadata: { ...xr.metadata, annotations: { 'crossplane.io/paused': 'true' } } };
    const pt = { step: 'pt', functionRef: { name: 'function-patch-and-transform' }, input: { apiVersion: 'pt.fn.crossplane.io/v1beta1', kind: 'Resources', resources: [{ name: 'db', base: { apiVersion: 'example.org/v1', kind: 'DB' } }] } };
    const r = render({ xr: paused, composition: composition('c', 'XApp', [pt]) });
    expect(r.resources).toEqual([]);
    expect(r.results.map((e) => [e.reason, e.message])).toEqual([['ReconciliationPaused', 'Reconciliation is paused via the pause annotation']]);
    expect(r.xr.status.conditions[1]).toEqual({ type: 'Synced', status: 'False', reason: 'ReconcilePaused', message: 'Reconciliation (including deletion) is paused via the pause annotation', lastTransitionTime: T });
  });
});
