/**
 * What a person waits for: the installed CLI from process start to exit (DESIGN budgets:
 * `render` of the GKE XR <= 0.25 s, `validate` of the rendered GKE resources <= 0.5 s, with the
 * bundled schemas and with the provider CRDs read from a folder). Every figure is printed beside
 * its floor, `node -e 0`, timed interleaved in the same run, so a loaded machine shows up in the
 * floor as well as in the figure.
 *
 * Run: `npm run bench -- cold` (or `npx tsx bench/cold.ts`), after `npm run build`: the CLI is
 * the compiled `bin/cdk8s-crossplane.js`, as installed.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ApiObject, Testing } from 'cdk8s';
import { parse, stringify } from 'yaml';
import { GkePlatform } from '../examples/gke/gke-platform';
import { observeAll } from '../examples/gke/observed-state';
import { render } from '../src/engine';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'cdk8s-crossplane.js');
const CRDS = path.resolve(ROOT, '..', 'shared', 'crds', 'gcp');

/**
 * The GKE example as files: XRD, Standard Composition, the prod XR once reconciled (every
 * composed resource observed and Ready, as bench/render.ts renders it) and the provider CRDs.
 */
function fixtures(dir: string): { xr: string; composition: string; observed: string; xrd: string; crds: string | undefined } {
  const { gke } = new GkePlatform(Testing.app(), 'gke');
  const xrd = path.join(dir, 'xrd.yaml');
  const composition = path.join(dir, 'composition.yaml');
  const xr = path.join(dir, 'xr.yaml');
  const observed = path.join(dir, 'observed.yaml');
  const comp = gke.standard.resource.toJson();
  const prod = parse(fs.readFileSync(path.join(ROOT, 'examples', 'gke', 'xr-prod.yaml'), 'utf8'));
  const reconciled = { ...prod, spec: { ...prod.spec, crossplane: { compositionRef: { name: gke.standard.name } } }, status: { nodeServiceAccount: 'nodes@p.iam.gserviceaccount.com' } };
  const desired = render({ xr: reconciled, composition: comp }).resources as Record<string, any>[];
  const seen = observeAll(desired, { 'node-sa': { email: 'nodes@p.iam.gserviceaccount.com' }, cluster: { endpoint: '10.0.0.1' } });
  fs.writeFileSync(xrd, stringify(ApiObject.of(gke.xrd).toJson()));
  fs.writeFileSync(composition, stringify(comp));
  fs.writeFileSync(xr, stringify(reconciled));
  fs.writeFileSync(observed, seen.map((o) => stringify(o)).join('---\n'));
  let crds: string | undefined;
  if (fs.existsSync(CRDS)) {
    crds = path.join(dir, 'crds');
    fs.mkdirSync(crds);
    for (const f of fs.readdirSync(CRDS).filter((n) => n.includes('.m.upbound.io_'))) fs.copyFileSync(path.join(CRDS, f), path.join(crds, f));
  }
  return { xr, composition, observed, xrd, crds };
}

interface Timed { readonly label: string; readonly args: readonly string[]; readonly budget?: number; readonly times: number[] }

function once(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): { secs: number; stdout: string } {
  const t0 = process.hrtime.bigint();
  const res = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env, maxBuffer: 64 << 20 });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  if (res.status !== 0 && res.status !== 1) throw new Error(`node ${args.join(' ')} exited ${res.status}: ${res.stderr}`);
  return { secs, stdout: res.stdout };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs the cold-CLI figures and prints them; returns false when a median misses its budget. */
export function benchCold(runs = 7): boolean {
  if (!fs.existsSync(path.join(ROOT, 'lib', 'src', 'cli', 'main.js'))) {
    console.log('cold CLI not timed: lib/ is missing (run `npm run build` first)');
    return true;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cold-bench-'));
  // The on-disk validator cache of a repository: fresh for this run, warmed by the first run.
  const env = { ...process.env, CDK8S_CROSSPLANE_CACHE_DIR: path.join(dir, 'cache') };
  try {
    const f = fixtures(dir);
    const rendered = path.join(dir, 'rendered.yaml');
    const renderArgs = [BIN, 'render', f.xr, f.composition, '-o', f.observed];
    // With the full XR (-x), so the XR document validates like the composed ones.
    const out = once([...renderArgs, '-x'], dir, env).stdout;
    fs.writeFileSync(rendered, out);
    const count = out.split(/^---$/m).filter((d) => d.trim() !== '').length;
    const figures: Timed[] = [
      { label: 'node -e 0 (floor)', args: ['-e', '0'], times: [] },
      { label: 'render of the GKE prod XR (Standard Composition, 12 resources observed)', args: renderArgs, budget: 0.25, times: [] },
      { label: `validate of the ${count} rendered GKE documents (XR + composed), bundled schemas`, args: [BIN, 'validate', f.xrd, rendered], budget: 0.5, times: [] },
    ];
    if (f.crds) {
      // Warm the on-disk cache: the budget is for the second run in a repository.
      const args = [BIN, 'validate', `${f.xrd},${f.crds}`, rendered];
      const first = once(args, dir, env).secs;
      console.log(`validate with provider CRDs from a folder, first run (compiles and caches them): ${first.toFixed(3)} s`);
      figures.push({ label: `validate of the ${count} rendered GKE documents, provider CRDs from a folder (cache warm)`, args, budget: 0.5, times: [] });
    } else {
      console.log(`validate with provider CRDs from a folder not timed: ${CRDS} does not exist in this clone`);
    }
    // Interleaved, so the floor sees the same machine load as the figures.
    for (let i = 0; i < runs; i++) for (const fig of figures) fig.times.push(once(fig.args, dir, env).secs);
    const floor = median(figures[0].times);
    let ok = true;
    console.log(`floor: node -e 0, median ${floor.toFixed(3)} s of ${runs}`);
    for (const fig of figures.slice(1)) {
      const m = median(fig.times);
      const within = fig.budget === undefined || m <= fig.budget;
      ok = ok && within;
      console.log(`${fig.label}: ${(m / floor).toFixed(1)}x the floor; median ${m.toFixed(3)} s, best ${Math.min(...fig.times).toFixed(3)} s (budget <= ${fig.budget} s${within ? '' : ', MISSED'})`);
    }
    return ok;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  process.exitCode = benchCold() ? 0 : 1;
}
