/**
 * Combine patches with number variables, end to end from YAML: integers in the XR file reach
 * P&T as float64, as they do in Crossplane, so `%d` prints Go's wrong-verb text and `%v` prints
 * the shortest %g form.
 *
 * Why float64: function-sdk-go (v0.5.0, the SDK of P&T v0.10.8) builds the observed XR with
 * resource.AsObject, which for an unstructured object calls SetUnstructuredContent(s.AsMap());
 * protobuf's Struct.AsMap turns every number into float64. P&T's ApplyCombineFromVariablesPatch
 * (patches.go, 55116ae) then passes the values to fmt.Sprintf unchanged. Go's fmt prints a
 * wrong verb as `%!d(float64=3)` and %v of a float64 as %g (`1e+06`) (Go's fmt package docs,
 * "Format errors" and "The default format for %v").
 */
import * as YAML from 'yaml';
import { render } from '../../../src/engine/render';

const xr = YAML.parse('apiVersion: example.org/v1\nkind: XR\nmetadata: {name: x}\nspec: {count: 3, big: 1000000, ratio: 1.5, name: web}\n');
const composition = (fmt: string, vars: string[]) => ({
  apiVersion: 'apiextensions.crossplane.io/v1', kind: 'Composition', metadata: { name: 'c' },
  spec: {
    compositeTypeRef: { apiVersion: 'example.org/v1', kind: 'XR' }, mode: 'Pipeline',
    pipeline: [{
      step: 'pt', functionRef: { name: 'function-patch-and-transform' },
      input: {
        apiVersion: 'pt.fn.crossplane.io/v1beta1', kind: 'Resources',
        resources: [{
          name: 'cm', base: { apiVersion: 'v1', kind: 'ConfigMap' },
          patches: [{ type: 'CombineFromComposite', toFieldPath: 'data.a', combine: { strategy: 'string', string: { fmt }, variables: vars.map((v) => ({ fromFieldPath: v })) } }],
        }],
      },
    }],
  },
});
const fn = { apiVersion: 'pkg.crossplane.io/v1', kind: 'Function', metadata: { name: 'function-patch-and-transform' }, spec: { package: 'xpkg.crossplane.io/crossplane-contrib/function-patch-and-transform:v0.10.8' } };
const combined = (fmt: string, vars: string[]) => (render({ xr, composition: composition(fmt, vars), functions: [fn] } as any) as any).resources[0].data.a;

describe('Combine with number variables: the values arrive as float64', () => {
  test.each([
    ['%d on an integer', '%d', ['spec.count'], '%!d(float64=3)'],
    ['%v on an integer', '%v', ['spec.count'], '3'],
    ['%v on a million', '%v', ['spec.big'], '1e+06'],
    ['%s on a fraction', '%s', ['spec.ratio'], '%!s(float64=1.5)'],
    ['%s and %d together', '%s-%d', ['spec.name', 'spec.count'], 'web-%!d(float64=3)'],
  ])('%s', (_name, fmt, vars, want) => {
    expect(combined(fmt, vars)).toBe(want);
  });
});
