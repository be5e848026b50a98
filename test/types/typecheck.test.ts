// The type-check of the whole repository (src, the generated imports, examples, tests, bench and
// scripts), run as one jest test so that `npm test` is a single jest run: tsc works on one core
// while the jest workers use the others, where running it before jest left a core idle for its
// whole length. The type-level tests (test/types/*.test-d.ts, their @ts-expect-error lines) count
// on it. `npm run typecheck` runs the same check on its own; here without computing declaration
// files (`--declaration false`), a quarter of tsc's time: declarations are only shipped for
// src/ and imports/, and the package build (`npm pack` in test/_helpers/packed-package.ts,
// which the install tests run in every `npm test`) emits them and fails on their errors.
//
// Incremental: tsc keeps what it learnt (each file's hash, its declarations' signature and its
// errors) in node_modules/.cache, and the next run checks again only the files that changed
// and those whose imports' types changed: about 1 s instead of 4-5 s when a developer runs the
// suite again. A new clone (CI) has no such file and pays about 0.2 s for writing it; a
// damaged or foreign one makes tsc check everything again, and `npm ci` removes it.
import { execFile } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const BUILD_INFO = path.join(ROOT, 'node_modules', '.cache', 'cdk8s-crossplane-typecheck', 'tsconfig.tsbuildinfo');

// Slower than 10 s on a busy machine: tsc over about 500 files.
test('the repository type-checks with no errors', async () => {
  // --singleThreaded: the jest workers already keep the other cores busy, and tsc's own threads
  // would add CPU time (about 5 s of it here) without finishing sooner.
  const result = await new Promise<{ code: number | null; output: string }>((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--noEmit', '--declaration', 'false', '--singleThreaded', '--pretty', 'false',
      '--incremental', '--tsBuildInfoFile', BUILD_INFO],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: `${stdout}${stderr}` }));
  });
  // The errors themselves are the message when this fails.
  expect(result.output.trim()).toBe('');
  expect(result.code).toBe(0);
}, 180_000);
