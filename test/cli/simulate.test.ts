/**
 * `cdk8s-crossplane simulate`: the timeline as a table or YAML/JSON, outcomes from flags, exit
 * code 0 only when the XR becomes Ready, usage errors with exit code 2.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { main } from '../../src/cli/main';
import { fakeIo } from '../_helpers/fake-io';

const ROOT = path.resolve(__dirname, '../..');
let dir: string;
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
};

const XR = `apiVersion: example.org/v1
kind: XNetwork
metadata:
  name: net
  namespace: team
spec:
  project: p1
`;
const COMPOSITION = `apiVersion: apiextensions.crossplane.io/v1
kind: Composition
metadata:
  name: xnetworks
spec:
  compositeTypeRef:
    apiVersion: example.org/v1
    kind: XNetwork
  mode: Pipeline
  pipeline:
  - step: patch-and-transform
    functionRef:
      name: function-patch-and-transform
    input:
      apiVersion: pt.fn.crossplane.io/v1beta1
      kind: Resources
      resources:
      - name: network
        base:
          apiVersion: compute.gcp.m.upbound.io/v1beta1
          kind: Network
          spec:
            forProvider: {}
        patches:
        - fromFieldPath: spec.project
          toFieldPath: spec.forProvider.project
        - type: ToCompositeFieldPath
          fromFieldPath: status.atProvider.selfLink
          toFieldPath: status.selfLink
      - name: subnet
        base:
          apiVersion: compute.gcp.m.upbound.io/v1beta1
          kind: Subnetwork
          spec:
            forProvider: {}
        patches:
        - fromFieldPath: status.selfLink
          toFieldPath: spec.forProvider.network
          policy:
            fromFieldPath: Required
`;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simulate-cli-'));
  file('xr.yaml', XR);
  file('comp.yaml', COMPOSITION);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const simulateCli = async (...args: string[]) => {
  const io = fakeIo();
  const code = await main(['simulate', path.join(dir, 'xr.yaml'), path.join(dir, 'comp.yaml'), ...args], io);
  return { code, ...io };
};

test('prints the timeline as a table and the verdict, and exits 0 when the XR becomes Ready', async () => {
  const { code, out, err } = await simulateCli();
  expect([code, err]).toStrictEqual([0, '']);
  const lines = out.split('\n');
  expect(lines[0]).toMatch(/^RECONCILE\s+READY\s+CREATED\s+CHANGED\s+DELETED\s+WAITING ON \(Required patches\)$/);
  expect(lines[1]).toMatch(/^1\s+False\s+network\s+-\s+-\s+status\.selfLink:$/);
  expect(lines[2].trim()).toBe('subnet');
  expect(lines.find(l => l.startsWith('3 '))).toMatch(/^3\s+False\s+subnet\s+-\s+-\s+-$/);
  expect(out).toMatch(/\n\nReady after 4 reconciles\n$/);
});

test('-o json and -o yaml print the same report: verdict, reconciles, first appearance, XR', async () => {
  const json = JSON.parse((await simulateCli('-o', 'json')).out);
  const yaml = parse((await simulateCli('--output=yaml')).out);
  expect(yaml).toStrictEqual(json);
  expect(json.verdict).toStrictEqual({ kind: 'ready', reconciles: 4, summary: 'Ready after 4 reconciles' });
  expect(json.firstAppearance).toStrictEqual({ network: 1, subnet: 3 });
  expect(json.reconciles[0].skipped).toStrictEqual([{
    resource: 'subnet', step: 'patch-and-transform', patchIndex: 0, type: 'FromCompositeFieldPath', field: 'status.selfLink',
    to: 'spec.forProvider.network', blocksCreation: true, setBy: [{ resource: 'network', path: 'status.atProvider.selfLink' }],
  }]);
});

test('--fail and --unready make resources fail or stay unready; the XR is stuck and the exit code 1', async () => {
  const failed = await simulateCli('--fail', 'network=permission denied');
  expect(failed.code).toBe(1);
  expect(failed.out).toMatch(/stuck after \d+ reconciles?, the XR is not Ready:\n {2}subnet is never composed: its Required patch status\.selfLink -> spec\.forProvider\.network finds no value; network status\.atProvider\.selfLink should set it, and no simulated provider reports it\n {2}network failed: permission denied\n$/);
  const unready = await simulateCli('--unready=subnet');
  expect(unready.code).toBe(1);
  expect(unready.out).toMatch(/subnet is not ready: its Ready condition is False \(Creating\)/);
});

test('--max-reconciles stops early', async () => {
  const { code, out } = await simulateCli('--max-reconciles=2');
  expect(code).toBe(1);
  expect(out).toMatch(/not settled after 2 reconciles:\n {2}changing: xr status\.selfLink/);
});

test('--providers loads provider rules from a module', async () => {
  const rules = file('rules.js', `const { ProviderRule } = require(${JSON.stringify(path.join(ROOT, 'src/simulate'))});
module.exports = [ProviderRule.forKind('compute.gcp.m.upbound.io/v1beta1', 'Network', { atProvider: { selfLink: 'https://example.org/net' } })];
`);
  const { code, out } = await simulateCli('--providers', rules, '-o', 'json');
  expect(code).toBe(0);
  expect(JSON.parse(out).xr.status.selfLink).toBe('https://example.org/net');
});

test('usage errors exit 2; a rule for a kind not composed exits 1 naming the kind', async () => {
  const bad = await simulateCli('-o', 'xml');
  expect([bad.code, bad.err]).toStrictEqual([2, "cdk8s-crossplane simulate: --output must be table, yaml or json, got 'xml'\n"]);
  expect((await simulateCli('--max-reconciles=0')).code).toBe(2);
  const rules = file('wrong.js', `const { ProviderRule } = require(${JSON.stringify(path.join(ROOT, 'src/simulate'))});
module.exports = { providers: [ProviderRule.forKind('compute.gcp.m.upbound.io/v1beta1', 'Router', {})] };
`);
  const wrong = await simulateCli('--providers', rules);
  expect(wrong.code).toBe(1);
  expect(wrong.err).toMatch(/^cdk8s-crossplane simulate: provider rule for Router \(compute\.gcp\.m\.upbound\.io\/v1beta1\): the Composition composes no Router/);
});

test('--composition picks one Composition from a file that holds several, as render does', async () => {
  const other = COMPOSITION.replace('name: xnetworks\n', 'name: xnetworks-other\n');
  const both = file('both.yaml', `${COMPOSITION}---\n${other}`);
  const run = async (...args: string[]) => {
    const io = fakeIo();
    const code = await main(['simulate', path.join(dir, 'xr.yaml'), both, ...args], io);
    return { code, ...io };
  };
  const ambiguous = await run();
  expect(ambiguous.code).toBe(1);
  expect(ambiguous.err).toMatch(/holds 2 Compositions, xnetworks \(document 0\), xnetworks-other \(document 1\): choose one with --composition NAME/);
  expect((await run('--composition', 'xnetworks-other')).code).toBe(0);
  const typo = await run('--composition', 'xnetwork');
  expect(typo.code).toBe(1);
  expect(typo.err).toMatch(/--composition: .*both\.yaml has no Composition named 'xnetwork': did you mean 'xnetworks'\?/);
});
