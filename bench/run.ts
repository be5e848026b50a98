/**
 * Runs every benchmark of DESIGN.md's budgets and prints their figures (`npm run bench`).
 * Record the output in docs/benchmarks.md with the machine and the date. Benchmarks are not
 * tests: nothing here fails `npm test`.
 *
 * - bench/render.ts: in-process renders/s (network example) and CLI render wall time
 * - bench/validate.ts: validated resources/s with CEL, cold and cached schema compilation
 * - bench/synth.ts: synth of 25/50/100 Compositions against serializing the same objects
 * - `cdk8s synth` of examples/ (the repository's main job), wall time
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

function runScript(file: string): boolean {
  process.stdout.write(`\n## ${file}\n`);
  const res = spawnSync(TSX, [path.join(ROOT, file)], { cwd: ROOT, stdio: 'inherit' });
  return res.status === 0;
}

function timeExamplesSynth(runs = 3): void {
  process.stdout.write('\n## cdk8s synth of examples/\n');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-synth-bench-'));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const res = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'cdk8s'), ['synth', '--output', out], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, CDK8S_CHECK_UPGRADE: 'false' },
    });
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
    if (res.status !== 0) throw new Error(`cdk8s synth failed: ${res.stderr}`);
  }
  fs.rmSync(out, { recursive: true, force: true });
  times.sort((a, b) => a - b);
  process.stdout.write(`cdk8s synth (examples, validation plugin included): median ${times[Math.floor(runs / 2)].toFixed(2)} s, best ${times[0].toFixed(2)} s (budget <= 3 s)\n`);
}

process.stdout.write(`# benchmarks on ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
if (!fs.existsSync(path.join(ROOT, 'lib', 'src', 'index.js'))) {
  process.stdout.write('lib/ is missing: run `npm run build` first (the CLI and the synth plugin use the compiled code)\n');
}
const ok = ['bench/render.ts', 'bench/render-functions.ts', 'bench/validate.ts', 'bench/synth.ts'].map(runScript).every(Boolean);
timeExamplesSynth();
process.exitCode = ok ? 0 : 1;
