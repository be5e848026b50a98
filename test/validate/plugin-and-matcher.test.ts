import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CrossplaneValidation } from '../../src/validate/cdk8s-plugin';
import { toBeValidAgainst, validationMatchers } from '../../src/validate/jest';
import { objectName } from '../../src/validate/finding';

expect.extend(validationMatchers);

const xrd = { apiVersion: 'apiextensions.crossplane.io/v2', kind: 'CompositeResourceDefinition', metadata: { name: 'xs.a.io' }, spec: { group: 'a.io', scope: 'Namespaced', names: { kind: 'X', plural: 'xs' }, versions: [{ name: 'v1', served: true, referenceable: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { n: { type: 'integer' } } } } } } }] } };

function fakeContext(manifests: string[]) {
  const violations: any[] = [];
  let status: string | undefined;
  return {
    violations,
    status: () => status,
    ctx: { manifests, report: { addViolation: (v: any) => { violations.push(v); }, submit: (s: 'success' | 'failure') => { status = s; } } },
  };
}

describe('cdk8s validation plugin', () => {
  test('reports errors as violations grouped by rule and fails', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plugin-'));
    const file = path.join(dir, 'chart.k8s.yaml');
    fs.writeFileSync(file, [JSON.stringify(xrd), JSON.stringify({ apiVersion: 'a.io/v1', kind: 'X', metadata: { name: 'x', namespace: 'n' }, spec: { n: 'x', extra: 1 } })].join('\n---\n'));
    const f = fakeContext([file]);
    await new CrossplaneValidation().validate(f.ctx);
    expect(f.status()).toBe('failure');
    expect(f.violations.map((v) => v.ruleName)).toEqual(['schema', 'unknown-field']);
    expect(f.violations[1].violatingResources[0]).toEqual({ resourceName: 'x', locations: ['spec.extra: unknown field "extra"'], manifestPath: file });
  });

  test('submits success when everything is valid', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plugin-'));
    const file = path.join(dir, 'ok.k8s.yaml');
    fs.writeFileSync(file, JSON.stringify(xrd));
    const f = fakeContext([file]);
    await new CrossplaneValidation({}).validate(f.ctx);
    expect(f.status()).toBe('success');
    expect(f.violations).toEqual([]);
  });
});

describe('cdk8s-cli validation contract', () => {
  test('works with the real ValidationContext and report of cdk8s-cli', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ValidationContext } = require(path.resolve(__dirname, '../../node_modules/cdk8s-cli/lib/plugins/validation.js'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plugin-'));
    const file = path.join(dir, 'app.k8s.yaml');
    fs.writeFileSync(file, [JSON.stringify(xrd), JSON.stringify({ apiVersion: 'a.io/v1', kind: 'X', metadata: { name: 'bad', namespace: 'n' }, spec: { n: 'x' } })].join('\n---\n'));
    const ctx = new ValidationContext([file], 'cdk8s-crossplane', '0.1.0', {}, false);
    await new CrossplaneValidation().validate(ctx);
    expect(ctx.report.success).toBe(false);
    const json = ctx.report.toJson();
    expect(json.violations.map((v: any) => v.ruleName)).toEqual(['schema']);
    expect(json.violations[0].violatingConstructs[0]).toMatchObject({ resourceName: 'bad', manifestPath: file });
  });
});

describe('toBeValidAgainst', () => {
  test('passes for valid objects and fails with every finding listed', () => {
    expect({ apiVersion: 'a.io/v1', kind: 'X', metadata: { name: 'x', namespace: 'n' }, spec: { n: 1 } }).toBeValidAgainst([xrd]);
    const r = toBeValidAgainst({ apiVersion: 'a.io/v1', kind: 'X', metadata: { name: 'x' }, spec: { n: 'one' } }, [xrd]);
    expect(r.pass).toBe(false);
    expect(r.message()).toContain('spec.n: Invalid value: "one"');
  });
});

describe('the object a finding names', () => {
  const ann = { 'crossplane.io/composition-resource-name': 'bucket' };
  test('a composed resource whose name render generated (generateName + hash) is named by its Composition resource name', () => {
    expect(objectName({ metadata: { name: 'orders-6538ba7593e1', generateName: 'orders-', annotations: ann } })).toBe('bucket');
  });
  test('a name the author chose wins; without a name, the Composition resource name', () => {
    expect(objectName({ metadata: { name: 'orders-data', annotations: ann } })).toBe('orders-data');
    expect(objectName({ metadata: { name: 'orders-data', generateName: 'x-', annotations: ann } })).toBe('orders-data');
    expect(objectName({ metadata: { annotations: ann } })).toBe('bucket');
    expect(objectName({ metadata: { name: 'orders-6538ba7593e1', generateName: 'orders-' } })).toBe('orders-6538ba7593e1');
  });
});

describe('the build stamp the repository plugin (scripts/cdk8s-plugin.js) checks before loading lib/', () => {
  // Plain JavaScript (cdk8s-cli loads it without tsx): no types to import.
  const { libIsCurrent, sourcesHash } = require('../../scripts/build-stamp') as { libIsCurrent(root: string): boolean; sourcesHash(root: string): string };

  test('lib/ is current only while every source file keeps the path, size and time the build recorded', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'build-stamp-'));
    try {
      for (const [file, text] of [['src/index.ts', 'export {};\n'], ['imports/schemas/a.json', '{}'], ['package.json', '{}'], ['tsconfig.json', '{}'], ['tsconfig.build.json', '{}']]) {
        fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        fs.writeFileSync(path.join(root, file), text);
      }
      const stamp = () => { fs.mkdirSync(path.join(root, 'lib'), { recursive: true }); fs.writeFileSync(path.join(root, 'lib', '.sources-stamp'), `${sourcesHash(root)}\n`); };
      expect(libIsCurrent(root)).toBe(false); // never built, as after `npm ci`
      stamp();
      expect(libIsCurrent(root)).toBe(true);
      fs.writeFileSync(path.join(root, 'src', 'index.ts'), 'export const a = 1;\n');
      expect(libIsCurrent(root)).toBe(false);
      stamp();
      fs.utimesSync(path.join(root, 'src', 'index.ts'), new Date(0), new Date(0)); // same size, other time
      expect(libIsCurrent(root)).toBe(false);
      stamp();
      fs.renameSync(path.join(root, 'src', 'index.ts'), path.join(root, 'src', 'main.ts'));
      expect(libIsCurrent(root)).toBe(false);
      stamp();
      fs.writeFileSync(path.join(root, 'imports', 'schemas', 'b.json'), '{}');
      expect(libIsCurrent(root)).toBe(false);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
