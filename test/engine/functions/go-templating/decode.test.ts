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
