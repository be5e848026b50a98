/**
 * Simulation speed (DESIGN budget: simulating the GKE example to Ready <= 20 ms warm): the prod
 * XR on the Standard Composition, from nothing to Ready with the simulated GCP provider (12
 * composed resources incl. the connection Secret, 5 reconciles: the fifth confirms nothing
 * changes). Printed beside its floor measured in the same run: the same number of plain
 * renders of the XR with everything observed and Ready.
 *
 * Run: `npx tsx bench/simulate.ts`. Uses the compiled code in lib/ when it is built, as users
 * run it (`npm run build`), the TypeScript sources through tsx otherwise.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ApiObject, Testing } from 'cdk8s';
import { parse } from 'yaml';
import { GkePlatform } from '../examples/gke/gke-platform';
import * as sourceSimulate from '../src/simulate';
import * as sourceEngine from '../src/engine';

const ROOT = path.resolve(__dirname, '..');
const COMPILED = path.join(ROOT, 'lib/src/simulate/index.js');
const compiled = fs.existsSync(COMPILED);
/* eslint-disable @typescript-eslint/no-require-imports */
const { simulate } = (compiled ? require(COMPILED) : sourceSimulate) as typeof sourceSimulate;
const { render } = (compiled ? require(path.join(ROOT, 'lib/src/engine/index.js')) : sourceEngine) as typeof sourceEngine;
/* eslint-enable @typescript-eslint/no-require-imports */
console.log(`figures use the ${compiled ? 'compiled code (lib/)' : 'TypeScript sources via tsx (run `npm run build` for the compiled figures)'}`);

const { gke } = new GkePlatform(Testing.app(), 'gke');
const xrd = ApiObject.of(gke.xrd).toJson();
const composition = ApiObject.of(gke.standard).toJson();
const xr = parse(fs.readFileSync(path.join(ROOT, 'examples/gke/xr-prod.yaml'), 'utf8'));

/** Best and median milliseconds per call over `batches` batches of `n` calls, after a warm-up. */
function time(fn: () => void, n: number, batches = 5): { best: number; median: number } {
  for (let i = 0; i < n; i++) fn();
  const per: number[] = [];
  for (let b = 0; b < batches; b++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    per.push(Number(process.hrtime.bigint() - t0) / 1e6 / n);
  }
  per.sort((a, c) => a - c);
  return { best: per[0], median: per[Math.floor(batches / 2)] };
}

const sim = simulate({ xr, xrd, composition });
if (sim.verdict.kind !== 'ready') throw new Error(`the GKE example did not become Ready: ${sourceSimulate.describeVerdict(sim.verdict)}`);
const reconciles = sim.reconciles.length;
const s = time(() => simulate({ xr, xrd, composition }), 50);
// The floor: as many renders as the simulation ran reconciles, with the final world observed.
const observed = sim.resources;
const ready = { ...xr, spec: { ...xr.spec, crossplane: { compositionRef: { name: gke.standard.name } } }, status: sim.xr.status };
const r = time(() => { for (let i = 0; i < reconciles; i++) render({ xr: ready, xrd, composition, observed }).resources; }, 50);
console.log(`simulate GKE prod XR to Ready (${reconciles} reconciles, ${sim.resources.length} resources): ${s.best.toFixed(2)} ms best, ${s.median.toFixed(2)} ms median (budget <= 20 ms)`);
console.log(`floor, ${reconciles} renders of the Ready XR (objects only): ${r.best.toFixed(2)} ms best, ${r.median.toFixed(2)} ms median; simulate/floor ${(s.best / r.best).toFixed(1)}x`);
