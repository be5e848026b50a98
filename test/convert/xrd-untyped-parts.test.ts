/**
 * An XRD whose spec or status schema declares properties without `type: object` is valid:
 * Crossplane copies only their properties (and required, CEL rules, oneOf, description) into
 * the XR CRD, whose base schema already makes them objects (crossplane/crossplane-runtime
 * 4e7ed235565d, pkg/xcrd/crd.go genCrdVersion). validate, the construct and convert's output
 * accept it.
 */
import { Testing } from 'cdk8s';
import * as YAML from 'yaml';
import { convertDocuments } from '../../src/convert/convert';
import { loadInputs } from '../../src/convert/load';
import { validate } from '../../src/validate/validate';
import { evaluateModule } from './_eval';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const XRD = `apiVersion: apiextensions.crossplane.io/v2
kind: CompositeResourceDefinition
metadata:
  name: buckets.example.org
spec:
  group: example.org
  scope: Namespaced
  names:
    kind: Bucket
    plural: buckets
  versions:
  - name: v1
    served: true
    referenceable: true
    schema:
      openAPIV3Schema:
        properties:
          spec:
            properties:
              region:
                type: string
            required: [region]
          status:
            properties:
              url:
                type: string
`;

describe('XRD spec/status schemas without type: object', () => {
  test('validate accepts the XRD, and XRs are still checked against its properties', () => {
    const xrd = YAML.parse(XRD);
    expect(validate([xrd]).filter((f) => f.severity === 'error')).toEqual([]);
    const bad = { apiVersion: 'example.org/v1', kind: 'Bucket', metadata: { name: 'b', namespace: 'n' }, spec: { region: 1 } };
    expect(validate([bad], { schemas: [xrd] }).map((f) => [f.path, f.severity])).toEqual([['spec.region', 'error']]);
  });

  test('a property below spec without a type is still an error: the API server rejects that CRD', () => {
    const xrd = YAML.parse(XRD);
    xrd.spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.region = { description: 'no type' };
    expect(validate([xrd]).filter((f) => f.severity === 'error').map((f) => f.path))
      .toEqual(['spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.region.type']);
  });

  test('convert turns it into a module whose construct synthesizes without complaint', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convert-untyped-'));
    fs.writeFileSync(path.join(dir, 'xrd.yaml'), XRD);
    const result = convertDocuments(loadInputs([dir]));
    expect(result.problems).toEqual([]);
    const file = result.files.find((f) => f.path !== 'main.ts')!;
    const mod = evaluateModule(file.content);
    const define = Object.values(mod).find((v) => typeof v === 'function') as (s: unknown) => unknown;
    const chart = Testing.chart();
    define(chart);
    const [out] = Testing.synth(chart) as any[];
    expect(out.kind).toBe('CompositeResourceDefinition');
    expect(out.spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.region).toEqual({ type: 'string' });
    expect(validate([out]).filter((f) => f.severity === 'error')).toEqual([]);
  });
});
