// Numbers JSON cannot hold in a template's output. sigs.k8s.io/yaml (v1.4.0, yaml.go, Unmarshal)
// converts YAML to JSON with encoding/json and wraps its error as "error converting YAML to
// JSON: %v"; encoding/json refuses infinities and NaN with UnsupportedValueError ("json:
// unsupported value: " + strconv.FormatFloat(f, 'g', -1, 64), so +Inf, -Inf, NaN).
import { decodeManifests } from '../../../../src/engine/functions/go-templating/decode';

const doc = (value: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  list:\n    - x\n    - ${value}\n`;

describe('decodeManifests with numbers JSON cannot hold', () => {
  test.each([['.inf', '+Inf'], ['-.inf', '-Inf'], ['.nan', 'NaN'], ['.Inf', '+Inf']])('%s fails as sigs.k8s.io/yaml fails', (yaml, go) => {
    expect(() => decodeManifests(doc(yaml))).toThrow(`error converting YAML to JSON: json: unsupported value: ${go}`);
  });

  test('the same words quoted are strings', () => {
    expect(decodeManifests(doc('".inf"'))[0].data).toEqual({ list: ['x', '.inf'] });
  });
});

// Template output with comments, as the recursive example renders it
// (crossplane-contrib/function-go-templating example/recursive/composition-wrapper.yaml).
describe('decodeManifests with comments', () => {
  test('trailing and full-line comments are dropped, # inside values kept', () => {
    const text = '---\n# the first XR\napiVersion: example.crossplane.io/v1beta1\nkind: XR # a kind\nmetadata:\n  annotations:\n    gotemplating.fn.crossplane.io/composition-resource-name: test-xr-0\nspec:\n  compositionRef:\n    name: example-recursive-real # instantiating the real composition\n  region: us-west-1\n  count: 2 # a number\n  url: http://x/#y\n--- # the second\n# nothing but a comment\n';
    expect(decodeManifests(text)).toEqual([{
      apiVersion: 'example.crossplane.io/v1beta1', kind: 'XR',
      metadata: { annotations: { 'gotemplating.fn.crossplane.io/composition-resource-name': 'test-xr-0' } },
      spec: { compositionRef: { name: 'example-recursive-real' }, region: 'us-west-1', count: 2n, url: 'http://x/#y' },
    }]);
  });
});
