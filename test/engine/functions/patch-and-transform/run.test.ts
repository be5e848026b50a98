/**
 * function-patch-and-transform's RunFunction, re-expressing the behaviours of P&T's fn_test.go
 * (each case named by behaviour; expected values as P&T's tests state them).
 */
import { runPatchAndTransform } from '../../../../src/engine/functions/patch-and-transform/run';
import { ENVIRONMENT_CONTEXT_KEY } from '../../../../src/engine/protocol';
import { toPlain } from '../../../../src/engine/go/values';
import { ptInput, request, state, XR } from '../../_helpers';

const CD = { apiVersion: 'example.org/v1', kind: 'CD' };
const ENV = { apiVersion: 'internal.crossplane.io/v1alpha1', kind: 'Environment' };

describe('P&T RunFunction (ported from fn_test.go)', () => {
  test('no input: fatal result that resources or environment patches are required', () => {
    const rsp = runPatchAndTransform(request({ oxr: XR }));
    expect(rsp.results).toEqual([{ severity: 'SEVERITY_FATAL', message: 'invalid Function input: resources: Required value: resources or environment patches are required' }]);
  });

  test('a base template without patches is returned as a desired resource', () => {
    const rsp = runPatchAndTransform(request({ input: ptInput([{ name: 'cool-resource', base: CD }]), oxr: XR, dxr: { apiVersion: 'example.org/v1', kind: 'XR' } }));
    expect(rsp.results).toEqual([]);
    expect(toPlain(rsp.desired.resources['cool-resource'].resource)).toEqual(CD);
    expect(toPlain(rsp.desired.composite!.resource)).toEqual({ apiVersion: 'example.org/v1', kind: 'XR' });
    expect(toPlain(rsp.context[ENVIRONMENT_CONTEXT_KEY])).toEqual(ENV);
  });

  test('desired resources of earlier steps without a template are passed through untouched', () => {
    const rsp = runPatchAndTransform(request({
      input: ptInput([{ name: 'cool-resource', base: CD }]), oxr: XR,
      desired: { 'existing-resource': state({ apiVersion: 'example.org/v1', kind: 'ExistingCD' }) },
    }));
    expect(Object.keys(rsp.desired.resources).sort()).toEqual(['cool-resource', 'existing-resource']);
    expect(toPlain(rsp.desired.resources['existing-resource'].resource)).toEqual({ apiVersion: 'example.org/v1', kind: 'ExistingCD' });
  });

  test('a base template is patched: string "10" converted to int64 then multiplied by 3 gives 30', () => {
    const patches = [{
      type: 'FromCompositeFieldPath', fromFieldPath: 'spec.widgets', toFieldPath: 'spec.watchers',
      transforms: [{ type: 'convert', convert: { toType: 'int64' } }, { type: 'math', math: { type: 'Multiply', multiply: 3 } }],
    }];
    const rsp = runPatchAndTransform(request({ input: ptInput([{ name: 'cool-resource', base: CD, patches }]), oxr: XR }));
    expect(rsp.results).toEqual([]);
    expect(rsp.desired.resources['cool-resource'].resource.spec).toEqual({ watchers: 30n });
  });

  test('a template without base patches the desired resource of an earlier step', () => {
    const patches = [{ fromFieldPath: 'spec.widgets', toFieldPath: 'spec.watchers' }];
    const rsp = runPatchAndTransform(request({
      input: ptInput([{ name: 'cool-resource', patches }]), oxr: XR,
      desired: { 'cool-resource': state(CD) },
    }));
    expect(toPlain(rsp.desired.resources['cool-resource'].resource)).toEqual({ ...CD, spec: { watchers: '10' } });
  });

  test('a template without base and without an earlier desired resource is fatal', () => {
    const rsp = runPatchAndTransform(request({ input: ptInput([{ name: 'cool-resource', patches: [{ fromFieldPath: 'spec.widgets' }] }]), oxr: XR }));
    expect(rsp.results).toEqual([{ severity: 'SEVERITY_FATAL', message: 'composed resource "cool-resource" has no base template, and was not produced by a previous Function in the pipeline' }]);
  });

  test('a base template replaces (not merges) the desired resource of an earlier step', () => {
    const rsp = runPatchAndTransform(request({
      input: ptInput([{ name: 'cool-resource', base: { ...CD, spec: { widgets: 9001 } } }]), oxr: XR,
      desired: { 'cool-resource': state({ ...CD, spec: { watchers: 42 } }) },
    }));
    expect(toPlain(rsp.desired.resources['cool-resource'].resource)).toEqual({ ...CD, spec: { widgets: 9001 } });
  });

  test('an existing observed resource keeps its name and namespace and is ready from its Ready condition', () => {
    const observed = { ...CD, metadata: { name: 'cool-42', namespace: 'ns' }, status: { conditions: [{ type: 'Ready', status: 'True' }] } };
    const rsp = runPatchAndTransform(request({
      input: ptInput([{ name: 'cool-resource', base: { ...CD, metadata: { name: 'from-base' } } }]), oxr: XR,
      observed: { 'cool-resource': state(observed) },
    }));
    const d = rsp.desired.resources['cool-resource'];
    expect(toPlain(d.resource.metadata)).toEqual({ name: 'cool-42', namespace: 'ns' });
    expect(d.ready).toBe('READY_TRUE');
  });

  test('an observed resource that is not Ready stays READY_UNSPECIFIED (never READY_FALSE)', () => {
    const rsp = runPatchAndTransform(request({
      input: ptInput([{ name: 'cool-resource', base: CD }]), oxr: XR,
      observed: { 'cool-resource': state({ ...CD, metadata: { name: 'x' }, status: { conditions: [{ type: 'Ready', status: 'False' }] } }) },
    }));
    expect(rsp.desired.resources['cool-resource'].ready).toBeUndefined();
  });

  test('ToCompositeFieldPath writes an observed composed field to the desired XR', () => {
    const rsp = runPatchAndTransform(request({
      input: ptInput([{ name: 'cool-resource', base: CD, patches: [{ type: 'ToCompositeFieldPath', fromFieldPath: 'status.id', toFieldPath: 'status.resourceId' }] }]),
      oxr: XR,
      observed: { 'cool-resource': state({ ...CD, metadata: { name: 'x' }, status: { id: 'abc' } }) },
    }));
    expect(toPlain(rsp.desired.composite!.resource)).toEqual({ apiVersion: 'example.org/v1', kind: 'XR', status: { resourceId: 'abc' } });
  });

  test('ToCompositeFieldPath is skipped silently when the composed resource does not exist yet', () => {
    const rsp = runPatchAndTransform(request({
      input: ptInput([{ name: 'cool-resource', base: CD, patches: [{ type: 'ToCompositeFieldPath', fromFieldPath: 'status.id', toFieldPath: 'status.resourceId' }] }]),
      oxr: XR,
    }));
    expect(rsp.results).toEqual([]);
    expect(toPlain(rsp.desired.composite!.resource)).toEqual({ apiVersion: 'example.org/v1', kind: 'XR' });
  });

  test('a missing optional source is skipped without a result', () => {
    const rsp = runPatchAndTransform(request({ input: ptInput([{ name: 'r', base: CD, patches: [{ fromFieldPath: 'spec.nope', toFieldPath: 'spec.x' }] }]), oxr: XR }));
    expect(rsp.results).toEqual([]);
    expect(toPlain(rsp.desired.resources.r.resource)).toEqual(CD);
  });

  test('a missing Required source drops a new resource, warns, and marks the XR not ready', () => {
    const patches = [
      { fromFieldPath: 'spec.widgets', toFieldPath: 'spec.watchers' },
      { fromFieldPath: 'spec.doesNotExist', toFieldPath: 'spec.explode', policy: { fromFieldPath: 'Required' } },
    ];
    const rsp = runPatchAndTransform(request({ input: ptInput([{ name: 'cool-resource', base: CD, patches }]), oxr: XR }));
    expect(rsp.desired.resources['cool-resource']).toBeUndefined();
    expect(rsp.desired.composite!.ready).toBe('READY_FALSE');
    expect(rsp.results).toEqual([{
      severity: 'SEVERITY_WARNING',
      message: 'not adding new composed resource "cool-resource" to desired state because "FromCompositeFieldPath" patch at index 1 has \'policy.fromFieldPath: Required\': spec.doesNotExist: no such field',
    }]);
  });

  test('a missing Required source on an existing resource only warns and keeps the resource', () => {
    const patches = [{ fromFieldPath: 'spec.doesNotExist', toFieldPath: 'spec.explode', policy: { fromFieldPath: 'Required' } }];
    const rsp = runPatchAndTransform(request({
      input: ptInput([{ name: 'cool-resource', base: CD, patches }]), oxr: XR,
      observed: { 'cool-resource': state({ ...CD, metadata: { name: 'cool-42' } }) },
    }));
    expect(rsp.desired.resources['cool-resource']).toBeDefined();
    expect(rsp.desired.composite!.ready).toBeUndefined();
    expect(rsp.results).toEqual([{
      severity: 'SEVERITY_WARNING',
      message: 'cannot render composed resource "cool-resource" "FromCompositeFieldPath" patch at index 0: ignoring \'policy.fromFieldPath: Required\' because \'to\' resource already exists: spec.doesNotExist: no such field',
    }]);
  });

  test('a patch error other than a missing source is fatal', () => {
    const patches = [{ fromFieldPath: 'spec.widgets', toFieldPath: 'spec.watchers', transforms: [{ type: 'math', math: { type: 'Multiply', multiply: 2 } }] }];
    const rsp = runPatchAndTransform(request({ input: ptInput([{ name: 'cool-resource', base: CD, patches }]), oxr: XR }));
    expect(rsp.results).toHaveLength(1);
    expect(rsp.results[0].severity).toBe('SEVERITY_FATAL');
    expect(rsp.results[0].message).toBe('cannot render composed resource "cool-resource" "FromCompositeFieldPath" patch at index 0: transform at index 0 returned error: math transform could not resolve: input is required to be a number for math transformer, got string');
  });

  test('patch sets are spliced in place of the PatchSet patch', () => {
    const input = ptInput(
      [{ name: 'r', base: CD, patches: [{ type: 'PatchSet', patchSetName: 'ps' }, { fromFieldPath: 'metadata.name', toFieldPath: 'spec.b' }] }],
      { patchSets: [{ name: 'ps', patches: [{ fromFieldPath: 'spec.widgets', toFieldPath: 'spec.a' }] }] },
    );
    const rsp = runPatchAndTransform(request({ input, oxr: XR }));
    expect(toPlain(rsp.desired.resources.r.resource.spec)).toEqual({ a: '10', b: 'cool-xr' });
  });

  test('an unknown patch set is fatal: cannot resolve PatchSets', () => {
    const input = ptInput([{ name: 'r', base: CD, patches: [{ type: 'PatchSet', patchSetName: 'nope' }] }]);
    const rsp = runPatchAndTransform(request({ input, oxr: XR }));
    expect(rsp.results[0]).toEqual({ severity: 'SEVERITY_FATAL', message: 'cannot resolve PatchSets: cannot find PatchSet by name nope' });
  });

  test('environment from the context feeds FromEnvironmentFieldPath, and the environment is written back', () => {
    const input = ptInput([{ name: 'r', base: CD, patches: [{ type: 'FromEnvironmentFieldPath', fromFieldPath: 'region', toFieldPath: 'spec.region' }] }]);
    const rsp = runPatchAndTransform(request({ input, oxr: XR, context: { [ENVIRONMENT_CONTEXT_KEY]: { ...ENV, region: 'eu' } } }));
    expect(toPlain(rsp.desired.resources.r.resource.spec)).toEqual({ region: 'eu' });
    expect(toPlain(rsp.context[ENVIRONMENT_CONTEXT_KEY])).toEqual({ ...ENV, region: 'eu' });
  });

  test('ToEnvironmentFieldPath in one template is visible to FromEnvironmentFieldPath in a later one', () => {
    const input = ptInput([
      { name: 'a', base: CD, patches: [{ type: 'ToEnvironmentFieldPath', fromFieldPath: 'status.id', toFieldPath: 'shared.id' }] },
      { name: 'b', base: CD, patches: [{ type: 'FromEnvironmentFieldPath', fromFieldPath: 'shared.id', toFieldPath: 'spec.peer' }] },
    ]);
    const rsp = runPatchAndTransform(request({ input, oxr: XR, observed: { a: state({ ...CD, metadata: { name: 'a' }, status: { id: 'i-1' } }) } }));
    expect(toPlain(rsp.desired.resources.b.resource.spec)).toEqual({ peer: 'i-1' });
    expect(toPlain(rsp.context[ENVIRONMENT_CONTEXT_KEY])).toEqual({ ...ENV, shared: { id: 'i-1' } });
  });

  test('environment patches run before templates: XR to environment, environment to desired XR', () => {
    const input = ptInput([], { environment: { patches: [
      { type: 'FromCompositeFieldPath', fromFieldPath: 'spec.widgets', toFieldPath: 'widgets' },
      { type: 'FromEnvironmentFieldPath', fromFieldPath: 'widgets', toFieldPath: 'status.envWidgets' },
    ] } });
    const rsp = runPatchAndTransform(request({ input, oxr: XR }));
    expect(rsp.results).toEqual([]);
    expect(toPlain(rsp.desired.composite!.resource)).toEqual({ apiVersion: 'example.org/v1', kind: 'XR', status: { envWidgets: '10' } });
  });

  test('a Required environment patch whose source is missing is fatal', () => {
    const input = ptInput([], { environment: { patches: [{ type: 'FromCompositeFieldPath', fromFieldPath: 'spec.nope', toFieldPath: 'x', policy: { fromFieldPath: 'Required' } }] } });
    const rsp = runPatchAndTransform(request({ input, oxr: XR }));
    expect(rsp.results).toEqual([{ severity: 'SEVERITY_FATAL', message: 'cannot apply the "FromCompositeFieldPath" environment patch at index 0: spec.nope: no such field' }]);
  });

  test('connection details of a legacy XR are returned on the desired composite', () => {
    const input = ptInput([{ name: 'r', base: CD, connectionDetails: [
      { name: 'user', type: 'FromValue', value: 'admin' },
      { name: 'pw', type: 'FromConnectionSecretKey', fromConnectionSecretKey: 'password' },
      { name: 'port', type: 'FromFieldPath', fromFieldPath: 'status.port' },
    ] }]);
    const rsp = runPatchAndTransform(request({
      input, oxr: XR,
      observed: { r: state({ ...CD, metadata: { name: 'r' }, status: { port: 5432 } }, { connectionDetails: { password: 's3cr3t' } }) },
    }));
    expect(rsp.desired.composite!.connectionDetails).toEqual({ user: 'admin', pw: 's3cr3t', port: '5432' });
  });

  test('connection details of a modern XR become a connection Secret resource', () => {
    const oxr = { ...XR, metadata: { name: 'cool-xr', namespace: 'team' }, spec: { crossplane: {} } };
    const input = ptInput([{ name: 'r', base: CD, connectionDetails: [{ name: 'user', type: 'FromValue', value: 'admin' }] }]);
    const rsp = runPatchAndTransform(request({ input, oxr, observed: { r: state({ ...CD, metadata: { name: 'r' } }) } }));
    const secret = rsp.desired.resources['cool-xr-connection-secret'];
    expect(secret.ready).toBe('READY_TRUE');
    expect(toPlain(secret.resource)).toEqual({
      apiVersion: 'v1', kind: 'Secret', metadata: { name: 'cool-xr-connection', namespace: 'team' },
      type: 'connection.crossplane.io/v1alpha1', data: { user: Buffer.from('admin').toString('base64') },
    });
    expect(rsp.desired.composite!.connectionDetails).toBeUndefined();
  });

  test('a modern XR without connection details gets no Secret', () => {
    const oxr = { ...XR, spec: { crossplane: {} } };
    const rsp = runPatchAndTransform(request({ input: ptInput([{ name: 'r', base: CD }]), oxr }));
    expect(Object.keys(rsp.desired.resources)).toEqual(['r']);
  });

  test('readiness check errors are warnings and leave the resource not ready', () => {
    const input = ptInput([{ name: 'r', base: CD, readinessChecks: [{ type: 'MatchString', fieldPath: 'status.n', matchString: 'x' }] }]);
    const rsp = runPatchAndTransform(request({ input, oxr: XR, observed: { r: state({ ...CD, metadata: { name: 'r' }, status: { n: 5 } }) } }));
    expect(rsp.desired.resources.r.ready).toBeUndefined();
    expect(rsp.results).toEqual([{ severity: 'SEVERITY_WARNING', message: 'cannot check readiness of composed resource "r": cannot run readiness check at index 0: status.n: not a string' }]);
  });

  const DECODE = 'cannot get Function input: cannot get function input *v1beta1.Resources from *v1.RunFunctionRequest: cannot unmarshal JSON from *structpb.Struct into *v1beta1.Resources: ';

  test('the input is type-checked before validation: cannot get Function input', () => {
    const rsp = runPatchAndTransform(request({ input: { resources: 'nope' }, oxr: XR }));
    expect(rsp.results).toEqual([{ severity: 'SEVERITY_FATAL', message: `${DECODE}json: cannot unmarshal JSON string into Go []v1beta1.ComposedTemplate within "/resources"` }]);
  });

  test('unknown input fields are rejected (the function SDK decodes inputs strictly)', () => {
    const input = ptInput([{ name: 'r', base: CD, patches: [{ fromFieldPath: 'spec.a', toFieldpath: 'spec.b' }] }]);
    const rsp = runPatchAndTransform(request({ input, oxr: XR }));
    expect(rsp.results).toEqual([{ severity: 'SEVERITY_FATAL', message: `${DECODE}json: cannot unmarshal into Go v1beta1.ComposedPatch: unknown object member name "toFieldpath" within "/resources/0/patches/0"` }]);
  });

  test('map transform pairs, bases and match results accept any JSON', () => {
    const patches = [{ fromFieldPath: 'spec.widgets', toFieldPath: 'spec.size', transforms: [{ type: 'map', map: { '10': { any: ['shape', 1] } } }] }];
    const rsp = runPatchAndTransform(request({ input: ptInput([{ name: 'r', base: { ...CD, anything: { goes: [1] } }, patches }]), oxr: XR }));
    expect(rsp.results).toEqual([]);
    expect(toPlain(rsp.desired.resources.r.resource.spec)).toEqual({ size: { any: ['shape', 1] } });
  });

  test('the first validation error is fatal with its field path', () => {
    const input = ptInput([{ name: 'r', base: CD, patches: [{ fromFieldPath: 'a' }, { fromFieldPath: 'b', transforms: [{ type: 'math', math: {} }] }] }]);
    const rsp = runPatchAndTransform(request({ input, oxr: XR }));
    expect(rsp.results).toEqual([{ severity: 'SEVERITY_FATAL', message: 'invalid Function input: resources[0].patches[1].transforms[0].math.type: Required value: math transform type is required' }]);
  });
  const times3 = [{ type: 'convert', convert: { toType: 'int64' } }, { type: 'math', math: { type: 'Multiply', multiply: 3 } }];
  const envCtx = (data: Record<string, unknown>) => ({ [ENVIRONMENT_CONTEXT_KEY]: { ...ENV, data } });

  test('ToCompositeFieldPath with transforms writes 30 from an observed "10" to the desired XR', () => {
    const rsp = runPatchAndTransform(request({
      input: ptInput([{ name: 'cool-resource', base: CD, patches: [{ type: 'ToCompositeFieldPath', fromFieldPath: 'spec.widgets', toFieldPath: 'spec.watchers', transforms: times3 }] }]),
      oxr: { apiVersion: 'example.org/v1', kind: 'XR' },
      observed: { 'cool-resource': state({ ...CD, metadata: { namespace: 'default', name: 'cool-42' }, spec: { widgets: '10' } }) },
    }));
    expect(toPlain(rsp.desired.composite!.resource)).toEqual({ apiVersion: 'example.org/v1', kind: 'XR', spec: { watchers: 30 } });
    expect(toPlain(rsp.desired.resources['cool-resource'].resource)).toEqual({ ...CD, metadata: { namespace: 'default', name: 'cool-42' } });
  });

  test('an environment FromEnvironmentFieldPath patch writes the desired XR', () => {
    const input = ptInput([{ name: 'cool-resource', base: CD }], { environment: { patches: [{ type: 'FromEnvironmentFieldPath', fromFieldPath: 'data.widgets', toFieldPath: 'spec.watchers', transforms: times3 }] } });
    const rsp = runPatchAndTransform(request({ input, oxr: { apiVersion: 'example.org/v1', kind: 'CD', spec: {} }, context: envCtx({ widgets: '10' }) }));
    expect(toPlain(rsp.desired.composite!.resource)).toEqual({ apiVersion: 'example.org/v1', kind: 'CD', spec: { watchers: 30 } });
    expect(toPlain(rsp.context[ENVIRONMENT_CONTEXT_KEY])).toEqual({ ...ENV, data: { widgets: '10' } });
  });

  test('an environment ToEnvironmentFieldPath patch writes the environment from the XR (float64 30 converted to "30")', () => {
    const input = ptInput([{ name: 'cool-resource', base: CD }], { environment: { patches: [{ type: 'ToEnvironmentFieldPath', fromFieldPath: 'spec.watchers', toFieldPath: 'data.widgets', transforms: [{ type: 'math', math: { type: 'Multiply', multiply: 3 } }, { type: 'convert', convert: { toType: 'string' } }] }] } });
    const rsp = runPatchAndTransform(request({ input, oxr: { apiVersion: 'example.org/v1', kind: 'CD', spec: { watchers: 10 } }, context: envCtx({}) }));
    expect(toPlain(rsp.context[ENVIRONMENT_CONTEXT_KEY])).toEqual({ ...ENV, data: { widgets: '30' } });
  });

  test('a later patch whose source is missing does not shadow an earlier FromEnvironmentFieldPath patch', () => {
    const patches = [
      { type: 'FromEnvironmentFieldPath', fromFieldPath: 'data.widgets', toFieldPath: 'spec.watchers', transforms: times3 },
      { type: 'FromCompositeFieldPath', fromFieldPath: 'spec.watchers', toFieldPath: 'spec.watchers' },
    ];
    const rsp = runPatchAndTransform(request({ input: ptInput([{ name: 'cool-resource', base: CD, patches }]), oxr: { apiVersion: 'example.org/v1', kind: 'CD', spec: {} }, context: envCtx({ widgets: '10' }) }));
    expect(toPlain(rsp.desired.resources['cool-resource'].resource.spec)).toEqual({ watchers: 30 });
  });

  test('a later patch whose source is set overrides an earlier FromEnvironmentFieldPath patch', () => {
    const patches = [
      { type: 'FromEnvironmentFieldPath', fromFieldPath: 'data.widgets', toFieldPath: 'spec.watchers', transforms: times3 },
      { type: 'FromCompositeFieldPath', fromFieldPath: 'spec.watchers', toFieldPath: 'spec.watchers' },
    ];
    const rsp = runPatchAndTransform(request({ input: ptInput([{ name: 'cool-resource', base: CD, patches }]), oxr: { apiVersion: 'example.org/v1', kind: 'CD', spec: { watchers: 42 } }, context: envCtx({ widgets: '10' }) }));
    expect(toPlain(rsp.desired.resources['cool-resource'].resource.spec)).toEqual({ watchers: 42 });
  });
});

describe('field paths through a null parent (crossplane-runtime 4e7ed235565d pkg/fieldpath/paved.go; P&T 55116ae fn.go skips IsNotFound patch errors)', () => {
  // paved_test.go TestGetValue "NilParent" and TestExpandWildcards "NilValue": both are
  // notFoundError, which fn.go's composed-patch loop treats as a missing source.
  test('a FromCompositeFieldPath patch from below a null parent is skipped, not fatal', () => {
    const oxr = { ...XR, spec: { parameters: null } };
    const patches = [{ type: 'FromCompositeFieldPath', fromFieldPath: 'spec.parameters.region', toFieldPath: 'spec.region' }];
    const rsp = runPatchAndTransform(request({ input: ptInput([{ name: 'cool-resource', base: CD, patches }]), oxr }));
    expect(rsp.results).toEqual([]);
    expect(toPlain(rsp.desired.resources['cool-resource'].resource)).toEqual(CD);
  });

  test('a wildcard ToFieldPath over a null array of the base is skipped, not fatal', () => {
    const base = { ...CD, spec: { containers: null } };
    const patches = [{ type: 'FromCompositeFieldPath', fromFieldPath: 'spec.widgets', toFieldPath: 'spec.containers[*].image' }];
    const rsp = runPatchAndTransform(request({ input: ptInput([{ name: 'cool-resource', base, patches }]), oxr: XR }));
    expect(rsp.results).toEqual([]);
    expect(toPlain(rsp.desired.resources['cool-resource'].resource)).toEqual(base);
  });

  test('a Combine variable from below a null parent skips the patch too', () => {
    const oxr = { ...XR, spec: { widgets: '10', parameters: null } };
    const patches = [{
      type: 'CombineFromComposite', toFieldPath: 'metadata.name',
      combine: { variables: [{ fromFieldPath: 'spec.widgets' }, { fromFieldPath: 'spec.parameters.name' }], strategy: 'string', string: { fmt: '%s-%s' } },
    }];
    const rsp = runPatchAndTransform(request({ input: ptInput([{ name: 'cool-resource', base: CD, patches }]), oxr }));
    expect(rsp.results).toEqual([]);
    expect(toPlain(rsp.desired.resources['cool-resource'].resource)).toEqual(CD);
  });

  test('an index into a null parent stays fatal ("not an array": getValueFromInterface has no nil case for indexes)', () => {
    const oxr = { ...XR, spec: { items: null } };
    const patches = [{ type: 'FromCompositeFieldPath', fromFieldPath: 'spec.items[0]', toFieldPath: 'spec.first' }];
    const rsp = runPatchAndTransform(request({ input: ptInput([{ name: 'cool-resource', base: CD, patches }]), oxr }));
    expect(rsp.results).toEqual([{ severity: 'SEVERITY_FATAL', message: 'cannot render composed resource "cool-resource" "FromCompositeFieldPath" patch at index 0: spec.items: not an array' }]);
  });
});

describe('patch types a PatchSet may not contain (P&T 55116ae patches.go ComposedTemplates, errPatchSetType)', () => {
  test('a PatchSet patch inside a patch set passes validation but fails resolution with P&T\'s exact text', () => {
    // ValidatePatchSet only validates each patch (a PatchSet patch with a name is valid);
    // ComposedTemplates then returns errPatchSetType, which fn.go wraps as "cannot resolve PatchSets".
    const input = { ...ptInput([{ name: 'cool-resource', base: CD, patches: [{ type: 'PatchSet', patchSetName: 'outer' }] }]), patchSets: [{ name: 'outer', patches: [{ type: 'PatchSet', patchSetName: 'inner' }] }, { name: 'inner', patches: [] }] };
    const rsp = runPatchAndTransform(request({ input, oxr: XR }));
    expect(rsp.results).toEqual([{ severity: 'SEVERITY_FATAL', message: 'cannot resolve PatchSets: a patch in a PatchSet cannot be of type PatchSet' }]);
  });
});
