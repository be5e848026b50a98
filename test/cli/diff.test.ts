// `cdk8s-crossplane diff --base <git-ref|dir>` end to end, on a tiny project in a temporary git
// repository whose cdk8s app copies YAML files into CDK8S_OUTDIR (the contract `cdk8s synth`
// gives an app): a commit that removes a field is reported as breaking; a missing ref and a base
// that does not synthesize name the side and never print "No breaking changes".
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/diff';
import { main } from '../../src/cli/main';
import { fakeIo } from '../_helpers/fake-io';

const SYNTH = `const fs = require('fs'); const path = require('path');
const out = process.env.CDK8S_OUTDIR; fs.mkdirSync(out, { recursive: true });
for (const f of fs.readdirSync('platform')) fs.copyFileSync(path.join('platform', f), path.join(out, f));
`;

function xrd(fields: string[]): string {
  const props = fields.map((f) => `                  ${f}:\n                    type: string`).join('\n');
  return `apiVersion: apiextensions.crossplane.io/v2
kind: CompositeResourceDefinition
metadata:
  name: xbuckets.example.org
spec:
  group: example.org
  names:
    kind: XBucket
    plural: xbuckets
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
            properties:
${props}
`;
}

let dir: string;
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=t', ...args], { cwd: dir, stdio: 'pipe', encoding: 'utf8' }).trim();
function commit(files: Record<string, string>, message: string): void {
  for (const [f, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), content);
  }
  git('add', '-A');
  git('commit', '-q', '-m', message);
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diff-cli-'));
  git('init', '-q');
  commit({ 'cdk8s.yaml': 'app: node synth.js\noutput: dist\n', 'synth.js': SYNTH, 'platform/bucket.yaml': xrd(['region', 'size']) }, 'bucket API');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a commit that removes a field is reported as breaking (exit 1), against the previous commit', async () => {
  commit({ 'platform/bucket.yaml': xrd(['region']) }, 'drop size');
  const io2 = fakeIo();
  await expect(run(['--base', 'HEAD~1'], io2, process.env, dir)).rejects.toThrow(/1 breaking change/);
  expect(io2.out).toContain('**❌ 1 breaking change**');
  expect(io2.out).toMatch(/\| `xbuckets\.example\.org` \| `v1alpha1` \| `spec\.size` \| field removed/);
  expect(io2.out).toContain('base (HEAD~1) → head (working tree)');
});

test('an added optional field is not breaking (exit 0)', async () => {
  commit({ 'platform/bucket.yaml': xrd(['region', 'size', 'tier']) }, 'add tier');
  const io = fakeIo();
  expect(await run(['--base', 'HEAD~1'], io, process.env, dir)).toBe(0);
  expect(io.out).toContain('**✅ No breaking changes**');
});

test('the dir form compares two folders of synthesized YAML', async () => {
  fs.mkdirSync(path.join(dir, 'old'));
  fs.mkdirSync(path.join(dir, 'new'));
  fs.writeFileSync(path.join(dir, 'old', 'x.yaml'), xrd(['region', 'size']));
  fs.writeFileSync(path.join(dir, 'new', 'x.yaml'), xrd(['size']));
  const io = fakeIo();
  await expect(run(['--base', 'old', '--head', 'new', '-o', 'diff.md'], io, process.env, dir)).rejects.toThrow(/1 breaking change/);
  expect(fs.readFileSync(path.join(dir, 'diff.md'), 'utf8')).toMatch(/`spec\.region` \| field removed/);
});

test('a missing git ref names the base side and the ref', async () => {
  const io = fakeIo();
  await expect(run(['--base', 'no-such-branch'], io, process.env, dir)).rejects.toThrow(/^base \(no-such-branch\): 'no-such-branch' is neither a folder nor a commit of the git repository/);
  expect(io.out).toBe('');
});

test('a base that does not synthesize names the side and the failure; nothing is reported as unchanged', async () => {
  commit({ 'synth.js': 'console.error("boom: cannot build"); process.exit(3);\n' }, 'broken synth');
  commit({ 'synth.js': SYNTH }, 'fixed synth');
  const io = fakeIo();
  const err = (await run(['--base', 'HEAD~1'], io, process.env, dir).then(() => undefined, (e: unknown) => e)) as Error;
  expect(err).toBeInstanceOf(Error);
  expect(err!.message).toMatch(/^base \(HEAD~1\) at [0-9a-f]{12}: the revision does not synthesize: 'node synth\.js' failed:\nboom: cannot build/);
  expect(err!.message).toMatch(/nothing was compared/);
  expect(io.out).toBe('');
});

test('a head without any XRD is refused rather than compared', async () => {
  fs.mkdirSync(path.join(dir, 'empty'));
  fs.writeFileSync(path.join(dir, 'empty', 'x.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n');
  await expect(run(['--base', 'HEAD', '--head', 'empty'], fakeIo(), process.env, dir)).rejects.toThrow(/^head \(empty\): no CompositeResourceDefinition found: nothing to compare/);
});

test('--base is required', async () => {
  const io = fakeIo();
  expect(await main(['diff'], io)).toBe(2);
  expect(io.err).toMatch(/missing --base/);
});
