/**
 * Property tests: arbitrary patches, transforms and XRs never crash the engine. P&T itself
 * either renders or returns results (fatal or warnings); render() either returns or throws a
 * UserError with a message.
 */
import fc from 'fast-check';
import { runPatchAndTransform } from '../../../src/engine/functions/patch-and-transform/run';
import { render } from '../../../src/engine';
import { isUserError } from '../../../src/errors';
import { ptInput, request } from '../_helpers';

const pathArb = fc.oneof(
  fc.constantFrom('spec.a', 'spec.b[0]', 'spec.list[*].x', 'metadata.labels[app]', 'spec..bad', '[0]', 'spec.a[', 'status.n', 'spec', ''),
  fc.stringMatching(/^[a-z]{1,4}(\.[a-z]{1,4}|\[[0-9*]\]){0,3}$/),
);
const jsonArb = fc.jsonValue({ maxDepth: 3 });
const transformArb = fc.oneof(
  fc.record({ type: fc.constant('map'), map: fc.dictionary(fc.string({ maxLength: 3 }), jsonArb, { maxKeys: 3 }) }),
  fc.record({ type: fc.constant('math'), math: fc.record({ type: fc.constantFrom('Multiply', 'ClampMin', 'ClampMax', '', 'x'), multiply: fc.integer(), clampMin: fc.integer(), clampMax: fc.integer() }, { requiredKeys: [] }) }),
  fc.record({ type: fc.constant('string'), string: fc.record({ type: fc.constantFrom('Format', 'Convert', 'TrimPrefix', 'Regexp', 'Join', 'Replace'), fmt: fc.constantFrom('%s', '%d-%v', '%q', '%05.2f', '%'), convert: fc.constantFrom('ToUpper', 'ToBase64', 'FromBase64', 'ToJson', 'ToSha256'), trim: fc.string(), regexp: fc.record({ match: fc.constantFrom('^(a+)', '(', '.*', '[z-a]'), group: fc.integer({ min: -1, max: 3 }) }), join: fc.record({ separator: fc.string({ maxLength: 2 }) }), replace: fc.record({ search: fc.string({ maxLength: 2 }), replace: fc.string({ maxLength: 2 }) }) }, { requiredKeys: ['type'] }) }),
  fc.record({ type: fc.constant('convert'), convert: fc.record({ toType: fc.constantFrom('string', 'int', 'int64', 'bool', 'float64', 'object', 'array', 'nope'), format: fc.constantFrom('none', 'quantity', 'json', 'bad') }, { requiredKeys: ['toType'] }) }),
  fc.record({ type: fc.constant('match'), match: fc.record({ patterns: fc.array(fc.record({ type: fc.constantFrom('literal', 'regexp', ''), literal: fc.string({ maxLength: 3 }), regexp: fc.constantFrom('^a', '(', '.*'), result: jsonArb }), { maxLength: 2 }), fallbackValue: jsonArb, fallbackTo: fc.constantFrom('Value', 'Input') }, { requiredKeys: [] }) }),
  jsonArb,
);
const patchArb = fc.record({
  type: fc.constantFrom('FromCompositeFieldPath', 'ToCompositeFieldPath', 'CombineFromComposite', 'FromEnvironmentFieldPath', 'ToEnvironmentFieldPath', 'CombineToEnvironment', 'PatchSet', 'Nope'),
  fromFieldPath: pathArb,
  toFieldPath: pathArb,
  patchSetName: fc.constantFrom('ps', 'missing'),
  combine: fc.record({ strategy: fc.constantFrom('string', ''), string: fc.record({ fmt: fc.constantFrom('%s-%s', '%d', '%v') }), variables: fc.array(fc.record({ fromFieldPath: pathArb }), { maxLength: 3 }) }, { requiredKeys: [] }),
  transforms: fc.array(transformArb, { maxLength: 3 }),
  policy: fc.record({ fromFieldPath: fc.constantFrom('Optional', 'Required', 'x'), toFieldPath: fc.constantFrom('Replace', 'MergeObjects', 'ForceMergeObjectsAppendArrays', 'x') }, { requiredKeys: [] }),
}, { requiredKeys: [] });
const xrSpecArb = fc.record({ a: jsonArb, b: fc.array(jsonArb, { maxLength: 3 }), list: fc.array(fc.record({ x: jsonArb }), { maxLength: 2 }), n: fc.double() }, { requiredKeys: [] });

describe('engine robustness (property)', () => {
  test('P&T never throws: it returns desired state or results', () => {
    fc.assert(fc.property(fc.array(patchArb, { maxLength: 6 }), xrSpecArb, fc.array(patchArb, { maxLength: 2 }), (patches, spec, envPatches) => {
      const input = ptInput(
        [{ name: 'r', base: { apiVersion: 'v1', kind: 'ConfigMap', spec: { list: [{ x: 1 }] } }, patches }],
        { patchSets: [{ name: 'ps', patches: [{ fromFieldPath: 'spec.a' }] }], environment: { patches: envPatches } },
      );
      const rsp = runPatchAndTransform(request({ input, oxr: { apiVersion: 'v', kind: 'XR', metadata: { name: 'x' }, spec }, observed: {} }));
      for (const r of rsp.results) {
        expect(typeof r.message).toBe('string');
        expect(r.message.length).toBeGreaterThan(0);
      }
    }), { numRuns: 300 });
  });

  test('render() returns YAML or throws a UserError, never anything else', () => {
    fc.assert(fc.property(fc.array(patchArb, { maxLength: 5 }), xrSpecArb, (patches, spec) => {
      const composition = {
        apiVersion: 'apiextensions.crossplane.io/v1', kind: 'Composition', metadata: { name: 'c' },
        spec: { compositeTypeRef: { apiVersion: 'v', kind: 'XR' }, mode: 'Pipeline', pipeline: [
          { step: 'pt', functionRef: { name: 'function-patch-and-transform' }, input: ptInput([{ name: 'r', base: { apiVersion: 'v1', kind: 'ConfigMap' }, patches }]) },
          { step: 'ready', functionRef: { name: 'function-auto-ready' } },
        ] },
      };
      try {
        const out = render({ xr: { apiVersion: 'v', kind: 'XR', metadata: { name: 'x' }, spec }, composition, includeFunctionResults: true, includeContext: true }).toYaml();
        expect(out.startsWith('---\n')).toBe(true);
      } catch (err) {
        if (!isUserError(err)) throw err;
        // Either the step fails (reconcile output: crossplane internal render's wrapping of the
        // composer's fatal error), or the XR holds what no Kubernetes object can (.inf, NaN).
        expect((err as Error).message).toMatch(/^cannot render composite resource: cannot compose resources: pipeline step "pt" returned a fatal result: \S|^xr\.spec\S* holds (-?\.inf|\.nan) /);
      }
    }), { numRuns: 200 });
  });
});
