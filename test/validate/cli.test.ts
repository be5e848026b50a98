import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';

function io(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (t: string) => { out.push(t); }, stderr: (t: string) => { err.push(t); }, stdin: () => stdin } };
}

const XRD = `apiVersion: apiextensions.crossplane.io/v2
kind: CompositeResourceDefinition
metadata:
  name: xnets.platform.example.org
spec:
  group: platform.example.org
  scope: Namespaced
  names: {kind: XNet, plural: xnets}
  versions:
  - name: v1alpha1
    served: true
    referenceable: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            required: [region]
            properties:
              region: {type: string}
`;
const GOOD = 'apiVersion: platform.example.org/v1alpha1\nkind: XNet\nmetadata: {name: good, namespace: team}\nspec: {region: us}\n';
const BAD = 'apiVersion: platform.example.org/v1alpha1\nkind: XNet\nmetadata: {name: bad, namespace: team}\nspec: {regoin: us}\n';
const IAM = 'apiVersion: cloudplatform.gcp.m.upbound.io/v1beta1\nkind: ProjectIAMMember\nmetadata: {name: iam, namespace: team}\nspec: {forProvider: {member: m}}\n';
const UNKNOWN = 'apiVersion: nope.io/v1\nkind: Nope\nmetadata: {name: n}\n';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-cli-'));
  fs.writeFileSync(path.join(dir, 'xrd.yaml'), XRD);
  fs.writeFileSync(path.join(dir, 'good.yaml'), GOOD);
  fs.writeFileSync(path.join(dir, 'bad.yaml'), `${BAD}---\n${IAM}`);
  fs.writeFileSync(path.join(dir, 'unknown.yaml'), UNKNOWN);
});

describe('cdk8s-crossplane validate', () => {
  test('prints crossplane-style lines and a Total line, exit 0 on success', async () => {
    const t = io();
    expect(await main(['validate', path.join(dir, 'xrd.yaml'), path.join(dir, 'good.yaml')], t.io)).toBe(0);
    expect(t.out.join('')).toBe('[✓] platform.example.org/v1alpha1, Kind=XNet, good validated successfully\nTotal 1 resources: 0 missing schemas, 1 success cases, 0 failure cases\n');
  });

  test('reports schema and CEL errors and exits 1', async () => {
    const t = io();
    expect(await main(['validate', path.join(dir, 'xrd.yaml'), path.join(dir, 'bad.yaml')], t.io)).toBe(1);
    const text = t.out.join('');
    expect(text).toContain('[x] schema validation error platform.example.org/v1alpha1, Kind=XNet, bad : spec.regoin: Invalid value: "regoin": unknown field: "regoin"');
    expect(text).toContain('[x] schema validation error platform.example.org/v1alpha1, Kind=XNet, bad : spec.region: Required value');
    expect(text).toContain('Total 2 resources: 0 missing schemas, 0 success cases, 2 failure cases');
    expect(t.err.join('')).toBe('cdk8s-crossplane validate: could not validate all resources\n');
  });

  test('missing schemas are warnings unless --error-on-missing-schemas', async () => {
    const a = io();
    expect(await main(['validate', path.join(dir, 'xrd.yaml'), path.join(dir, 'unknown.yaml')], a.io)).toBe(0);
    // crossplane's line, plus the file it was read from.
    expect(a.out.join('')).toContain(`[!] could not find CRD/XRD for: nope.io/v1, Kind=Nope (in ${path.join(dir, 'unknown.yaml')}, document 0)\n`);
    const b = io();
    expect(await main(['validate', path.join(dir, 'xrd.yaml'), path.join(dir, 'unknown.yaml'), '--error-on-missing-schemas'], b.io)).toBe(1);
    expect(b.err.join('')).toContain('schema(s) missing');
  });

  test('reads resources from stdin, accepts directories and comma lists, and skips success lines on request', async () => {
    const t = io(GOOD);
    expect(await main(['validate', `${path.join(dir, 'xrd.yaml')},${path.join(dir, 'unknown.yaml')}`, '-', '--skip-success-results'], t.io)).toBe(0);
    expect(t.out.join('')).toBe('Total 1 resources: 0 missing schemas, 1 success cases, 0 failure cases\n');
  });

  test('--output json gives the summary and findings', async () => {
    const t = io();
    await main(['validate', path.join(dir, 'xrd.yaml'), path.join(dir, 'bad.yaml'), '-o', 'json'], t.io);
    const json = JSON.parse(t.out.join(''));
    expect(json.summary).toEqual({ total: 2, missingSchemas: 0, success: 0, failure: 2 });
    expect(json.results[0].findings[0].object).toMatchObject({ file: path.join(dir, 'bad.yaml'), document: 0, name: 'bad' });
  });

  test('usage errors exit 2', async () => {
    const t = io();
    expect(await main(['validate', 'only-one'], t.io)).toBe(2);
    expect(await main(['validate', '-', '-'], t.io)).toBe(2);
    expect(await main(['validate', 'a', 'b', '--output', 'yaml'], t.io)).toBe(2);
  });

  test('a missing file is reported, not thrown', async () => {
    const t = io();
    expect(await main(['validate', path.join(dir, 'nope.yaml'), path.join(dir, 'good.yaml')], t.io)).toBe(1);
    expect(t.out.join('')).toContain('nope.yaml');
  });

  test('validate dist/: construct-metadata.json is skipped with a note, crossplane.yaml has a schema, every problem line names its file', async () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-dist-'));
    fs.mkdirSync(path.join(dist, 'package'));
    fs.writeFileSync(path.join(dist, 'construct-metadata.json'), JSON.stringify({ version: '1.0.0', resources: {} }));
    fs.writeFileSync(path.join(dist, 'xrd.k8s.yaml'), XRD);
    fs.writeFileSync(path.join(dist, 'package', 'crossplane.yaml'), [
      'apiVersion: meta.pkg.crossplane.io/v1', 'kind: Configuration', 'metadata: {name: platform}',
      'spec:', '  crossplane: {version: ">=v2.0.0"}', '  dependsOn:', '  - function: xpkg.crossplane.io/crossplane-contrib/function-patch-and-transform', '    version: ">=v0.8.0"', '',
    ].join('\n'));
    const ok = io();
    expect(await main(['validate', dist, dist], ok.io)).toBe(0);
    const text = ok.out.join('');
    expect(text).toContain(`[!] note ${path.join(dist, 'construct-metadata.json')} (document 0) : skipped: not a Kubernetes object`);
    expect(text.match(/construct-metadata/g)).toHaveLength(1);
    expect(text).toContain('[✓] meta.pkg.crossplane.io/v1, Kind=Configuration, platform validated successfully');
    expect(text).toContain('Total 2 resources: 0 missing schemas, 2 success cases, 0 failure cases\n');
    expect(text.endsWith('\n')).toBe(true);

    // dependsOn[].version is required in Crossplane's meta CRD (crossplane/crossplane
    // 2d040d2daf4e, cluster/meta/meta.pkg.crossplane.io_configurations.yaml).
    fs.writeFileSync(path.join(dist, 'package', 'crossplane.yaml'), 'apiVersion: meta.pkg.crossplane.io/v1\nkind: Configuration\nmetadata: {name: platform}\nspec:\n  dependsOn:\n  - provider: xpkg.crossplane.io/p\n');
    const bad = io();
    expect(await main(['validate', dist, dist], bad.io)).toBe(1);
    expect(bad.out.join('')).toContain(`[x] schema validation error meta.pkg.crossplane.io/v1, Kind=Configuration, platform : spec.dependsOn[0].version: Required value (in ${path.join(dist, 'package', 'crossplane.yaml')}, document 0)`);
  });

  test('an empty resource stream is an error: the command feeding it failed', async () => {
    const t = io('');
    expect(await main(['validate', path.join(dir, 'xrd.yaml'), '-'], t.io)).toBe(1);
    expect(t.out.join('')).toContain('[x] document <stdin> : no Kubernetes objects to validate in standard input');
    expect(t.err.join('')).toContain('could not validate all resources');
  });
});
