import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SchemaRegistry } from '../../src/validate/registry';
import { validate } from '../../src/validate/validate';
import { readSources, readYamlStream } from '../../src/validate/yaml-input';
import { validationMatchers } from '../../src/validate/jest';

expect.extend(validationMatchers);

describe('reading YAML', () => {
  test('a quoted multi-line scalar with an unindented continuation line is read leniently', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: "first\nsecond"\n';
    const r = readYamlStream(text, 'f.yaml');
    expect(r.findings).toEqual([]);
    expect(r.objects[0].object).toMatchObject({ data: { k: 'first second' } });
  });

  test('malformed YAML and non-object documents become findings naming file and document', () => {
    const r = readYamlStream('metadata: {name: a}\n---\n- x\n---\nb: [unclosed\n', 'in.yaml');
    expect(r.findings.map((f) => [f.object.file, f.object.document, f.rule])).toEqual([['in.yaml', 1, 'document'], ['in.yaml', 2, 'yaml']]);
    expect(r.objects).toHaveLength(1);
  });

  test('a mapping with none of apiVersion, kind and metadata is skipped with a note naming its file', () => {
    // cdk8s writes dist/construct-metadata.json beside the manifests; kustomize's
    // kustomization.yaml sits beside them too.
    const r = readYamlStream('{"version":"1.0.0","resources":{}}\n', 'dist/construct-metadata.json');
    expect(r.objects).toEqual([]);
    expect(r.findings).toEqual([expect.objectContaining({ rule: 'not-an-object', severity: 'warning', object: expect.objectContaining({ file: 'dist/construct-metadata.json' }) })]);
    // A manifest that lost its kind still has metadata: it is validated, and fails.
    const broken = readYamlStream('apiVersion: v1\nmetadata: {name: a}\n', 'cm.yaml');
    expect(broken.objects).toHaveLength(1);
    expect(validate(broken.objects).map((f) => [f.rule, f.severity])).toEqual([['document', 'error']]);
  });

  test('directories are read recursively in a stable order and empty documents are skipped', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-'));
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'b.yaml'), 'kind: B\n---\n');
    fs.writeFileSync(path.join(dir, 'sub', 'a.yml'), 'kind: A\n');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'kind: C\n');
    const r = readSources(dir, () => '');
    expect(r.objects.map((o) => o.object.kind)).toEqual(['B', 'A']);
  });
});

describe('schema registry', () => {
  test('built-in schemas are found by group, version and kind', () => {
    const reg = new SchemaRegistry();
    expect(reg.lookup('container.gcp.m.upbound.io/v1beta1', 'Cluster')).toMatchObject({ scope: 'Namespaced', origin: 'builtin' });
    expect(reg.lookup('container.gcp.upbound.io/v1beta1', 'Cluster')).toBeUndefined();
    expect(reg.versionsOf('container.gcp.upbound.io', 'Cluster')).toEqual(['v1beta2']);
  });

  test('a CRD without a schema is reported with file, document and field', () => {
    const reg = new SchemaRegistry({ builtIn: false });
    const f = reg.addCrd({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', spec: { group: 'a.io', names: { kind: 'A', plural: 'as' }, versions: [{ name: 'v1', served: true }] } }, 'crd.yaml', 3);
    expect(f).toEqual([expect.objectContaining({ object: expect.objectContaining({ file: 'crd.yaml', document: 3 }), path: 'spec.versions[0].schema.openAPIV3Schema' })]);
  });

  test('XRD constructs are accepted through toJson()', () => {
    const xrd = { toJson: () => ({ apiVersion: 'apiextensions.crossplane.io/v2', kind: 'CompositeResourceDefinition', metadata: { name: 'xs.a.io' }, spec: { group: 'a.io', scope: 'Namespaced', names: { kind: 'X', plural: 'xs' }, versions: [{ name: 'v1', served: true, referenceable: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { n: { type: 'integer' } } } } } } }] } }) };
    const findings = validate({ apiVersion: 'a.io/v1', kind: 'X', metadata: { name: 'x', namespace: 'n' }, spec: { n: 'not a number' } }, { schemas: [xrd] });
    expect(findings.map((f) => f.path)).toEqual(['spec.n']);
  });

  test('an unknown kind is a missing-schema error, naming the opt-outs', () => {
    const o = { apiVersion: 'nope.io/v1', kind: 'Nope', metadata: { name: 'a' } };
    expect(validate(o)).toEqual([expect.objectContaining({
      rule: 'missing-schema', severity: 'error',
      message: "could not find CRD/XRD for: nope.io/v1, Kind=Nope: pass its CRD in schemas, or allow it with allowMissingSchemas: ['Nope']",
    })]);
    expect(o).not.toBeValidAgainst();
  });
  test('an unknown kind is a warning when the call opts out', () => {
    const o = { apiVersion: 'nope.io/v1', kind: 'Nope', metadata: { name: 'a' } };
    expect(validate(o, { errorOnMissingSchemas: false })).toEqual([expect.objectContaining({ rule: 'missing-schema', severity: 'warning' })]);
    expect(o).toBeValidAgainst(undefined, { errorOnMissingSchemas: false });
  });
  test.each(['Nope', 'nope.io/Nope'])('an unknown kind is a warning when allowMissingSchemas lists it as %s', (entry) => {
    const o = { apiVersion: 'nope.io/v1', kind: 'Nope', metadata: { name: 'a' } };
    const other = { apiVersion: 'other.io/v1', kind: 'Other', metadata: { name: 'b' } };
    expect(validate([o, other], { allowMissingSchemas: [entry] }).map((f) => `${f.object.kind}:${f.severity}`)).toEqual(['Nope:warning', 'Other:error']);
  });
  test('a Composition composing a kind without schema fails unless allowed', () => {
    const comp = {
      apiVersion: 'apiextensions.crossplane.io/v1', kind: 'Composition', metadata: { name: 'c' },
      spec: {
        compositeTypeRef: { apiVersion: 'a.io/v1', kind: 'X' }, mode: 'Pipeline',
        pipeline: [{ step: 'pt', functionRef: { name: 'function-patch-and-transform' }, input: {
          apiVersion: 'pt.fn.crossplane.io/v1beta1', kind: 'Resources',
          resources: [{ name: 'n', base: { apiVersion: 'nope.io/v1', kind: 'Nope' }, patches: [{ type: 'FromCompositeFieldPath', fromFieldPath: 'spec.a', toFieldPath: 'spec.b' }] }],
        } }],
      },
    };
    const missing = (opts = {}) => validate(comp, opts).filter((f) => f.rule === 'missing-schema').map((f) => `${f.path}:${f.severity}`);
    expect(missing()).toEqual(['spec.pipeline[0].input.resources[0].base:error']);
    expect(missing({ allowMissingSchemas: ['Nope'] })).toEqual(['spec.pipeline[0].input.resources[0].base:warning']);
    expect(missing({ errorOnMissingSchemas: false })).toEqual(['spec.pipeline[0].input.resources[0].base:warning']);
  });

  test('a removed provider version names the versions that exist', () => {
    const f = validate({ apiVersion: 'container.gcp.upbound.io/v1beta1', kind: 'Cluster', metadata: { name: 'a' } });
    expect(f[0].message).toContain('container.gcp.upbound.io/v1beta2');
  });

  test('validate never throws on odd input', () => {
    expect(() => validate([null, 42, 'a: [', { kind: 'X' }, { toJson: () => { throw new Error('boom'); } }])).not.toThrow();
    expect(validate([42]).map((f) => f.rule)).toEqual(['document']);
  });
});

describe('offline-tool pitfalls', () => {
  const xrdOf = (apiVersion: string) => ({ apiVersion, kind: 'CompositeResourceDefinition', metadata: { name: 'xs.a.io' }, spec: { group: 'a.io', names: { kind: 'X', plural: 'xs' }, versions: [{ name: 'v1', served: true, referenceable: true, schema: { openAPIV3Schema: { type: 'object' } } }] } });
  const xr = { apiVersion: 'a.io/v1', kind: 'X', metadata: { name: 'x', namespace: 'team' }, spec: { crossplane: { compositionRef: { name: 'c' } } } };

  test('a modern XR of a v2 XRD without scope is valid (Namespaced, as in a cluster), with a warning that the Crossplane CLI differs', () => {
    // The API server defaults a v2 XRD's scope to Namespaced (the v2 version's default in
    // crossplane/crossplane 2d040d2daf4e cluster/crds/apiextensions.crossplane.io_compositeresourcedefinitions.yaml),
    // while `crossplane resource validate` decodes XRDs as v1 (crossplane/cli 3d72f9316e07,
    // cmd/crossplane/common/crd/crd.go unmarshals every XRD into the v1 Go type for xcrd.ForCompositeResource).
    const f = validate(xr, { schemas: [xrdOf('apiextensions.crossplane.io/v2')] });
    expect(f.filter((x) => x.severity === 'error')).toEqual([]);
    expect(f).toEqual([expect.objectContaining({ path: 'spec.crossplane', rule: 'xrd-scope', severity: 'warning' })]);
    expect(f[0].message).toContain('Crossplane CLI');
  });

  test('a v1 XRD without scope is LegacyCluster: spec.crossplane is unknown, and the message says why', () => {
    const f = validate(xr, { schemas: [xrdOf('apiextensions.crossplane.io/v1')] });
    expect(f).toEqual([expect.objectContaining({ path: 'spec.crossplane', rule: 'unknown-field', severity: 'error' })]);
    expect(f[0].message).toContain('without spec.scope, so it is LegacyCluster');
  });
});
