/**
 * Render throughput of a pipeline with function-go-templating (issue budget: a Composition with
 * go-templating + P&T + auto-ready stays above 1,000 XRs/s warm): the templated example API
 * (a TypeScript-built network, a Go template loop over regions) followed by a P&T step and
 * function-auto-ready, every composed resource observed and Ready.
 *
 * Run: `npx tsx bench/render-go-templating.ts` (exits 1 below budget).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Testing } from 'cdk8s';
import { TeamNetworkApi } from '../examples/templated/team-network-api';
import * as sourceEngine from '../src/engine';

// As bench/render.ts: the compiled engine (lib/) when built, which is what users run.
const COMPILED_ENGINE = path.resolve(__dirname, '../lib/src/engine/index.js');
const compiled = fs.existsSync(COMPILED_ENGINE);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { render } = (compiled ? require(COMPILED_ENGINE) : sourceEngine) as typeof sourceEngine;
console.log(`in-process figures use the ${compiled ? 'compiled engine (lib/)' : 'TypeScript sources via tsx'}`);

const api = new TeamNetworkApi(Testing.app(), 'team-network');
const composition = api.composition.resource.toJson() as any;
// A P&T step after the templates, as real pipelines chain them.
composition.spec.pipeline.splice(composition.spec.pipeline.length - 1, 0, {
  step: 'patch-and-transform', functionRef: { name: 'function-patch-and-transform' },
  input: {
    apiVersion: 'pt.fn.crossplane.io/v1beta1', kind: 'Resources',
    resources: [{
      name: 'router',
      base: { apiVersion: 'compute.gcp.m.upbound.io/v1beta1', kind: 'Router', spec: { forProvider: { region: 'europe-west1', networkSelector: { matchControllerRef: true } } } },
      patches: [{ type: 'FromCompositeFieldPath', fromFieldPath: 'spec.regions[0]', toFieldPath: 'spec.forProvider.region' }],
    }],
  },
});

const xr = {
  apiVersion: 'network.example.org/v1alpha1', kind: 'XTeamNetwork',
  metadata: { name: 'payments', namespace: 'team-payments' },
  spec: { regions: ['europe-west1', 'us-central1', 'asia-east1'] },
};
const names = ['network', 'router', ...xr.spec.regions.map((r) => `subnet-${r}`)];
const observed = names.map((name) => ({
  apiVersion: 'compute.gcp.m.upbound.io/v1beta1', kind: 'X',
  metadata: { name: `payments-${name}`, namespace: 'team-payments', annotations: { 'crossplane.io/composition-resource-name': name } },
  status: { conditions: [{ type: 'Ready', status: 'True' }] },
}));

/** Best and median renders/s over five batches of 1,000, after 500 warm-up renders. */
function rate(run: (i: number) => unknown): { best: number; median: number } {
  for (let i = 0; i < 500; i++) run(i);
  const rates: number[] = [];
  for (let b = 0; b < 5; b++) {
    const n = 1000;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) run(b * n + i);
    rates.push(n / (Number(process.hrtime.bigint() - t0) / 1e9));
  }
  rates.sort((a, b) => a - b);
  return { best: rates[4], median: rates[2] };
}

/**
 * The floor measured in the same run, as bench/render.ts does: a JSON round trip of the
 * render's inputs, the least any render must read and write. The ratio compares across machines.
 */
const floor = rate(() => JSON.parse(JSON.stringify({ xr, composition, observed }))).best;
const vsFloor = (r: number): string => `${(floor / r).toFixed(1)}x the floor (floor ${Math.round(floor)}/s)`;

const same = rate(() => render({ xr, composition, observed }).toYaml());
console.log(`in-process render with go-templating (2 template steps, P&T, auto-ready; ${names.length} resources, YAML), same XR: ${vsFloor(same.best)}; best ${Math.round(same.best)} renders/s, median ${Math.round(same.median)} (budget >= 1000/s)`);
// Every render a different XR, so no rendered document is seen twice.
const distinct = rate((i) => render({ xr: { ...xr, metadata: { ...xr.metadata, name: `payments-${i}` } }, composition, observed }).toYaml());
console.log(`in-process render with go-templating, a different XR each time: ${vsFloor(distinct.best)}; best ${Math.round(distinct.best)} renders/s, median ${Math.round(distinct.median)} (budget >= 1000/s)`);
process.exitCode = same.best >= 1000 && distinct.best >= 1000 ? 0 : 1;
