// The type-check of the whole repository (src, the generated imports, examples, tests, bench and
// scripts), run as one jest test so that `npm test` is a single jest run: tsc works on one core
// while the jest workers use the others, where running it before jest left a core idle for its
// whole length. The type-level tests (test/types/*.test-d.ts, their @ts-expect-error lines) count
// on it. `npm run typecheck` runs the same check on its own; here without computing declaration
// files (`--declaration false`), a quarter of tsc's time: declarations are only shipped for
// src/ and imports/, and the package build (`npm pack` in test/_helpers/packed-package.ts,
// which the install tests run in every `npm test`) emits them and fails on their errors.
import { execFile } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

// Slower than 10 s on a busy machine: tsc over about 500 files.
test('the repository type-checks with no errors', async () => {
  // --singleThreaded: the jest workers already keep the other cores busy, and tsc's own threads
  // would add CPU time (about 5 s of it here) without finishing sooner.
  const result = await new Promise<{ code: number | null; output: string }>((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--noEmit', '--declaration', 'false', '--singleThreaded', '--pretty', 'false'],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: `${stdout}${stderr}` }));
  });
  // The errors themselves are the message when this fails.
  expect(result.output.trim()).toBe('');
  expect(result.code).toBe(0);
}, 180_000);
