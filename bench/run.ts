/**
 * Runs every benchmark of DESIGN.md's budgets and prints their figures (`npm run bench`).
 * Record the output in docs/benchmarks.md with the machine and the date. Benchmarks are not
 * tests: nothing here fails `npm test`.
 *
 * - bench/render.ts: in-process renders/s (network example) and CLI render wall time
 * - bench/render-go-templating.ts: in-process renders/s of a go-templating + P&T + auto-ready pipeline
 * - bench/render-functions.ts: renders/s with environment-configs, sequencer and cel-filter around P&T
 * - bench/render-many.ts: render time per composed resource, 2,500 to 113,026 resources from one template loop
 * - bench/simulate.ts: simulating the GKE example to Ready, against plain renders
 * - bench/validate.ts: validated resources/s with CEL, cold and cached schema compilation
 * - bench/synth.ts: synth of 25/50/100 Compositions against serializing the same objects
 * - bench/cold.ts: the CLI's render and validate from process start to exit, against `node -e 0`
 * - `cdk8s synth` of examples/ (the repository's main job), against a one-ConfigMap app
 *
 * Every figure is printed beside its floor measured in the same run; the ratio is what
 * compares across machines.
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

function synthOnce(cwd: string, out: string): number {
  const t0 = process.hrtime.bigint();
  const res = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'cdk8s'), ['synth', '--output', out], {
    cwd, encoding: 'utf8', env: { ...process.env, CDK8S_CHECK_UPGRADE: 'false' },
  });
  if (res.status !== 0) throw new Error(`cdk8s synth in ${cwd} failed: ${res.stderr}`);
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/**
 * `cdk8s synth` of examples/ against its floor, `cdk8s synth` of a one-ConfigMap app run the
 * same way (same TypeScript runner, no validation plugin), interleaved in the same run.
 */
function timeExamplesSynth(runs = 3): void {
  process.stdout.write('\n## cdk8s synth of examples/\n');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-synth-bench-'));
  // Inside the repository, so the one-ConfigMap app resolves cdk8s and tsx from node_modules.
  const floorApp = fs.mkdtempSync(path.join(ROOT, 'node_modules', '.bench-configmap-'));
  const app = (fs.readFileSync(path.join(ROOT, 'cdk8s.yaml'), 'utf8').match(/^app: (.*) examples\/main\.ts$/m) ?? [])[1] ?? 'npx tsx';
  // The same command from the floor app's folder: files of the repository it names (the
  // preload that picks lib/ or src/) by their absolute path.
  const floorCommand = app.split(' ').map((a) => (a.startsWith('./') ? path.join(ROOT, a) : a)).join(' ');
  fs.writeFileSync(path.join(floorApp, 'cdk8s.yaml'), `language: typescript\napp: ${floorCommand} main.ts\noutput: dist\n`);
  fs.writeFileSync(path.join(floorApp, 'main.ts'), "import { App, Chart } from 'cdk8s';\nconst app = new App();\nconst chart = new Chart(app, 'one');\nnew (require('cdk8s').ApiObject)(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'one' }, data: { a: 'b' } });\napp.synth();\n");
  const times: number[] = [];
  const floor: number[] = [];
  try {
    synthOnce(ROOT, out); // warms the validator cache, as any second synth in a repository finds it
    for (let i = 0; i < runs; i++) {
      floor.push(synthOnce(floorApp, path.join(floorApp, 'dist')));
      times.push(synthOnce(ROOT, out));
    }
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
    fs.rmSync(floorApp, { recursive: true, force: true });
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const ratio = med(times) / med(floor);
  process.stdout.write(`cdk8s synth (examples, validation plugin included): ${ratio.toFixed(2)}x a one-ConfigMap app (budget <= 2x${ratio <= 2 ? '' : ', MISSED'}); median ${med(times).toFixed(2)} s vs ${med(floor).toFixed(2)} s (app: ${app})\n`);
}

process.stdout.write(`# benchmarks on ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
if (!fs.existsSync(path.join(ROOT, 'lib', 'src', 'index.js'))) {
  process.stdout.write('lib/ is missing: run `npm run build` first (the CLI and the synth plugin use the compiled code)\n');
} else if (!require('../scripts/build-stamp').libIsCurrent()) {
  process.stdout.write('lib/ is older than the sources: `cdk8s synth` compiles the package code of the example app and of its validation plugin from src/ through tsx; run `npm run build` first\n');
}
// `npm run bench -- cold` (or render, render-go-templating, render-functions, simulate, validate, synth, examples) runs one part only.
const only = process.argv[2];
const scripts = ['render', 'render-go-templating', 'render-functions', 'render-many', 'simulate', 'validate', 'synth', 'cold'].filter((n) => !only || only === n).map((n) => `bench/${n}.ts`);
const ok = scripts.map(runScript).every(Boolean);
if (!only || only === 'examples') timeExamplesSynth();
process.exitCode = ok ? 0 : 1;
