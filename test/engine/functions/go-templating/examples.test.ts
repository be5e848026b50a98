// function-go-templating's example/ folder (github.com/crossplane-contrib/function-go-templating,
// tag v0.12.2, commit 0a1e6d386f4363fae257ddbfb5b497416370e830), rendered offline with the
// example's own composition.yaml, functions.yaml and xr.yaml (copied under examples/). The
// upstream folder ships no expected output, so the expectations are read off each template.
// Not ported: context and environment (they need function-environment-configs in front),
// filesystem (its templates live at a path inside the function's container), recursive (a
// nested Composition rendered by provider-kubernetes).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseYamlDocuments, render } from '../../../../src/engine';

const DIR = path.join(__dirname, 'examples');
const load = (example: string, file: string) => parseYamlDocuments(fs.readFileSync(path.join(DIR, example, file), 'utf8'), file).map((d) => d.object);
const names = (r: ReturnType<typeof render>): string[] =>
  r.resources.map((o: any) => o.metadata.annotations['crossplane.io/composition-resource-name']).sort();

function renderExample(example: string, extra: Partial<Parameters<typeof render>[0]> = {}) {
  return render({
    xr: load(example, 'xr.yaml')[0],
    composition: load(example, 'composition.yaml')[0],
    functions: load(example, 'functions.yaml'),
    ...extra,
  });
}

test('inline: spec.count users and access keys, the connection Secret, and the XR status', () => {
  const r = renderExample('inline');
  expect(names(r)).toEqual(['connection-secret', 'sample-access-key-0', 'sample-access-key-1', 'test-user-0', 'test-user-1']);
  const user = r.resources.find((o: any) => o.metadata.annotations['crossplane.io/composition-resource-name'] === 'test-user-1') as any;
  expect(user.metadata.labels['testing.upbound.io/example-name']).toBe('test-user-1');
  expect(['foo', 'bar', 'baz']).toContain(user.metadata.labels.dummy);
  const secret = r.resources.find((o: any) => o.kind === 'Secret') as any;
  expect(secret.data).toEqual({});
  expect((r.xr as any).status.dummy).toBe('cool-status');
});

test('custom-delims: the same resources with [[ ]] delimiters', () => {
  const r = renderExample('custom-delims');
  expect(names(r)).toEqual(['connection-secret', 'sample-access-key-0', 'sample-access-key-1', 'test-user-0', 'test-user-1']);
  const key = r.resources.find((o: any) => o.metadata.annotations['crossplane.io/composition-resource-name'] === 'sample-access-key-0') as any;
  expect(key.spec.writeConnectionSecretToRef).toEqual({ name: 'sample-access-key-secret-0', namespace: 'crossplane-system' });
});

test('conditions: ClaimConditions become conditions of the XR', () => {
  const r = renderExample('conditions');
  const types = ((r.xr as any).status.conditions as any[]).map((c) => `${c.type}=${c.status}:${c.reason}`);
  expect(types).toEqual(expect.arrayContaining(['TestCondition=False:InstallFail', 'ConditionTrue=True:TrueCondition', 'DatabaseReady=True:Ready']));
});

test('extra-resources: the step asks for the bucket, and is called again with it', () => {
  const r = renderExample('extra-resources', { requiredResources: load('extra-resources', 'extraResources.yaml') });
  expect(names(r)).toEqual(['bucket-configmap-0']);
  const obj = r.resources[0] as any;
  expect(obj.spec.forProvider.manifest).toEqual({
    apiVersion: 'v1', kind: 'Configmap', metadata: { name: 'my-awesome-dev-bucket-bucket' }, data: { bucket: 'random-bucket-id' },
  });
  expect((r.xr as any).status.dummy).toBe('cool-status');
});
