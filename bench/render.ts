/**
 * Render throughput (DESIGN budget: >= 5,000 renders/s in-process; CLI render of one XR
 * <= 0.5 s): a synthetic network-like composition (4 composed resources, 20 patches with
 * transforms: map, string Format/Convert, convert, math, combine; plus function-auto-ready),
 * the network example and the GKE example.
 *
 * Run: `npx tsx bench/render.ts` (prints one line per figure; exits 1 below budget).
 * The CLI is timed through the compiled bin when `lib/` holds the render engine (after
 * `npm run build`), and through `npx tsx src/cli/main.ts` otherwise (or both when possible).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Testing } from 'cdk8s';
import { parse, stringify } from 'yaml';
import { GkePlatform } from '../examples/gke/gke-platform';
import { observeAll } from '../examples/gke/observed-state';
import { NetworkChart } from '../examples/network/network-api';
import * as sourceEngine from '../src/engine';

const ROOT = path.resolve(__dirname, '..');

// Users run the compiled engine (lib/), so that is what the figures measure when it is built;
// the TypeScript sources run through tsx carry its per-function helpers and are slower.
const COMPILED_ENGINE = path.join(ROOT, 'lib/src/engine/index.js');
const compiled = fs.existsSync(COMPILED_ENGINE);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { render } = (compiled ? require(COMPILED_ENGINE) : sourceEngine) as typeof sourceEngine;
console.log(`in-process figures use the ${compiled ? 'compiled engine (lib/)' : 'TypeScript sources via tsx (run `npm run build` for the compiled figures)'}`);

const xr = {
  apiVersion: 'net.example.org/v1alpha1', kind: 'XNetwork',
  metadata: { name: 'prod-net', namespace: 'platform' },
  spec: { parameters: { id: 'prod-net', region: 'europe-west1', size: 'large', cidr: '10.10.0.0/16', podsCidr: '10.20.0.0/14', servicesCidr: '10.30.0.0/20', mtu: 1460, flowSampling: 0.5, tier: 'gold' } },
};

const P = (from: string, to: string, transforms?: unknown[]) => ({ type: 'FromCompositeFieldPath', fromFieldPath: `spec.parameters.${from}`, toFieldPath: to, ...(transforms ? { transforms } : {}) });
const regionMap = { type: 'map', map: { 'europe-west1': 'EU', 'us-central1': 'US' } };
const sizeMap = { type: 'map', map: { small: '1', medium: '2', large: '4' } };

const composition = {
  apiVersion: 'apiextensions.crossplane.io/v1', kind: 'Composition', metadata: { name: 'xnetworks.net.example.org' },
  spec: {
    compositeTypeRef: { apiVersion: 'net.example.org/v1alpha1', kind: 'XNetwork' }, mode: 'Pipeline',
    pipeline: [
      { step: 'patch-and-transform', functionRef: { name: 'function-patch-and-transform' }, input: {
        apiVersion: 'pt.fn.crossplane.io/v1beta1', kind: 'Resources',
        patchSets: [{ name: 'common', patches: [P('id', 'metadata.labels[net.example.org/id]'), P('region', 'spec.forProvider.region')] }],
        resources: [
          { name: 'network', base: { apiVersion: 'compute.gcp.m.upbound.io/v1beta1', kind: 'Network', spec: { forProvider: { autoCreateSubnetworks: false, routingMode: 'REGIONAL' } } }, patches: [
            { type: 'PatchSet', patchSetName: 'common' },
            P('mtu', 'spec.forProvider.mtu', [{ type: 'convert', convert: { toType: 'int64' } }]),
            P('id', 'spec.forProvider.description', [{ type: 'string', string: { type: 'Format', fmt: 'network for %s' } }]),
            P('tier', 'spec.forProvider.routingMode', [{ type: 'match', match: { patterns: [{ type: 'literal', literal: 'gold', result: 'GLOBAL' }], fallbackValue: 'REGIONAL' } }]),
          ] },
          { name: 'subnetwork', base: { apiVersion: 'compute.gcp.m.upbound.io/v1beta1', kind: 'Subnetwork', spec: { forProvider: { privateIpGoogleAccess: true, networkSelector: { matchControllerRef: true }, secondaryIpRange: [{ rangeName: 'pods', ipCidrRange: '' }, { rangeName: 'services', ipCidrRange: '' }] } } }, patches: [
            { type: 'PatchSet', patchSetName: 'common' },
            P('cidr', 'spec.forProvider.ipCidrRange'),
            P('podsCidr', 'spec.forProvider.secondaryIpRange[0].ipCidrRange'),
            P('servicesCidr', 'spec.forProvider.secondaryIpRange[1].ipCidrRange'),
            P('flowSampling', 'spec.forProvider.logConfig.flowSampling', [{ type: 'convert', convert: { toType: 'string' } }]),
          ] },
          { name: 'router', base: { apiVersion: 'compute.gcp.m.upbound.io/v1beta1', kind: 'Router', spec: { forProvider: { networkSelector: { matchControllerRef: true } } } }, patches: [
            { type: 'PatchSet', patchSetName: 'common' },
            P('region', 'metadata.labels[geo]', [regionMap, { type: 'string', string: { type: 'Convert', convert: 'ToLower' } }]),
            { type: 'CombineFromComposite', toFieldPath: 'spec.forProvider.description', combine: { strategy: 'string', string: { fmt: '%s router in %s' }, variables: [{ fromFieldPath: 'spec.parameters.id' }, { fromFieldPath: 'spec.parameters.region' }] } },
            P('size', 'spec.forProvider.bgp.asn', [sizeMap, { type: 'convert', convert: { toType: 'int64' } }, { type: 'math', math: { type: 'Multiply', multiply: 64512 } }]),
          ] },
          { name: 'nat', base: { apiVersion: 'compute.gcp.m.upbound.io/v1beta1', kind: 'RouterNAT', spec: { forProvider: { natIpAllocateOption: 'AUTO_ONLY', sourceSubnetworkIpRangesToNat: 'ALL_SUBNETWORKS_ALL_IP_RANGES' } } }, patches: [
            { type: 'PatchSet', patchSetName: 'common' },
            P('id', 'spec.forProvider.routerSelector.matchLabels[net.example.org/id]'),
            P('size', 'spec.forProvider.minPortsPerVm', [sizeMap, { type: 'convert', convert: { toType: 'int64' } }, { type: 'math', math: { type: 'ClampMin', clampMin: 2 } }]),
            P('tier', 'spec.forProvider.logConfig.enable', [{ type: 'map', map: { gold: true, silver: false } }]),
          ] },
        ],
      } },
      { step: 'automatically-detect-ready-composed-resources', functionRef: { name: 'function-auto-ready' } },
    ],
  },
};

const observed = ['network', 'subnetwork', 'router', 'nat'].map((name) => ({
  apiVersion: 'compute.gcp.m.upbound.io/v1beta1', kind: 'X',
  metadata: { name: `prod-net-${name}`, namespace: 'platform', annotations: { 'crossplane.io/composition-resource-name': name } },
  status: { conditions: [{ type: 'Ready', status: 'True' }] },
}));

/** Renders/s of `run`: 1,000 warm-up runs, then the best and median of five batches of 3,000. */
function rendersPerSecond(run: () => unknown): { best: number; median: number } {
  for (let i = 0; i < 1000; i++) run();
  // Best of five batches: the figure of the code, not of whatever else shares the machine.
  const rates: number[] = [];
  for (let b = 0; b < 5; b++) {
    const n = 3000;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) run();
    rates.push(n / (Number(process.hrtime.bigint() - t0) / 1e9));
  }
  rates.sort((a, b) => a - b);
  return { best: rates[4], median: rates[2] };
}

/**
 * The floor of an in-process render, measured in the same run: a JSON round trip of its
 * inputs (XR, Composition, observed resources), the least any render must read and write.
 */
function floorRate(inputs: unknown): number {
  return rendersPerSecond(() => JSON.parse(JSON.stringify(inputs))).best;
}

function ratio(rate: number, floor: number): string {
  return `${(floor / rate).toFixed(1)}x the floor`;
}

function inProcess(): number {
  const patches = composition.spec.pipeline[0].input!.resources.reduce((n, r) => n + r.patches.length, 0) + 2 * 3;
  const { best, median } = rendersPerSecond(() => render({ xr, composition, observed }).toYaml());
  const floor = floorRate({ xr, composition, observed });
  console.log(`in-process render (4 resources, ${patches} patches incl. patch sets, P&T + auto-ready, YAML): ${ratio(best, floor)} (floor ${Math.round(floor)}/s); best ${Math.round(best)} renders/s, median ${Math.round(median)} (${(1000 / best).toFixed(3)} ms each; budget >= 5000/s)`);
  return best;
}

/** The issue's figure: the network example's default Composition for examples/network/xr.yaml. */
function networkExample(): number {
  const chart = new NetworkChart(Testing.app(), 'network');
  const comp = chart.api.composition.resource.toJson();
  const exampleXr = parse(fs.readFileSync(path.join(ROOT, 'examples/network/xr.yaml'), 'utf8'));
  const names = comp.spec.pipeline[0].input.resources.map((r: { name: string }) => r.name);
  const seen = names.map((name: string) => ({
    apiVersion: 'compute.gcp.m.upbound.io/v1beta1', kind: 'X',
    metadata: { name: `${exampleXr.metadata.name}-${name}`, namespace: exampleXr.metadata.namespace, annotations: { 'crossplane.io/composition-resource-name': name } },
    status: { atProvider: { id: 'x', selfLink: 'y' }, conditions: [{ type: 'Ready', status: 'True' }] },
  }));
  const { best, median } = rendersPerSecond(() => render({ xr: exampleXr, composition: comp, observed: seen }).toYaml());
  const floor = floorRate({ exampleXr, comp, seen });
  console.log(`in-process render of the network example (${names.length} resources, observed and Ready, YAML): ${ratio(best, floor)} (floor ${Math.round(floor)}/s); best ${Math.round(best)} renders/s, median ${Math.round(median)} (budget >= 5000/s)`);
  return best;
}

/** The GKE example's Standard Composition for its prod XR, every resource observed and Ready. */
function gkeExample(): number {
  const { gke } = new GkePlatform(Testing.app(), 'gke');
  const comp = gke.standard.resource.toJson();
  const prod = parse(fs.readFileSync(path.join(ROOT, 'examples/gke/xr-prod.yaml'), 'utf8'));
  // Reconciled: the XR carries the node account's email, so every template is composed.
  const xr = { ...prod, spec: { ...prod.spec, crossplane: { compositionRef: { name: gke.standard.name } } }, status: { nodeServiceAccount: 'nodes@p.iam.gserviceaccount.com' } };
  const desired = render({ xr, composition: comp }).resources as Record<string, any>[];
  const seen = observeAll(desired, { 'node-sa': { email: 'nodes@p.iam.gserviceaccount.com' }, cluster: { endpoint: '10.0.0.1' } });
  const { best, median } = rendersPerSecond(() => render({ xr, composition: comp, observed: seen }).toYaml());
  const floor = floorRate({ xr, comp, seen });
  console.log(`in-process render of the GKE example (${desired.length} resources, observed and Ready, connection Secret, YAML): ${ratio(best, floor)} (floor ${Math.round(floor)}/s); best ${Math.round(best)} renders/s, median ${Math.round(median)} (budget >= 5000/s)`);
  const objects = rendersPerSecond(() => render({ xr, composition: comp, observed: seen }));
  console.log(`  same without the YAML stream (objects only, as jest assertions use them): ${ratio(objects.best, floor)}; best ${Math.round(objects.best)} renders/s, median ${Math.round(objects.median)}`);
  return best;
}

function cli(cmd: string, args: string[], label: string): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'render-bench-'));
  const xrFile = path.join(dir, 'xr.yaml');
  const compFile = path.join(dir, 'composition.yaml');
  fs.writeFileSync(xrFile, stringify(xr));
  fs.writeFileSync(compFile, stringify(composition));
  const times: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < 5; i++) {
    let t0 = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    floor.push(Number(process.hrtime.bigint() - t0) / 1e9);
    t0 = process.hrtime.bigint();
    const res = spawnSync(cmd, [...args, 'render', xrFile, compFile], { cwd: ROOT, encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
    if (res.status !== 0) throw new Error(`${label} failed: ${res.stderr}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const best = Math.min(...times);
  const median = [...times].sort((a, b) => a - b)[2];
  const floorMedian = [...floor].sort((a, b) => a - b)[2];
  console.log(`CLI render of the bench XR via ${label}: ${(median / floorMedian).toFixed(1)}x node -e 0 (${floorMedian.toFixed(3)} s); median ${median.toFixed(3)} s, best ${best.toFixed(3)} s (bench/cold.ts times the GKE XR against its 0.25 s budget)`);
  return median;
}

// Every figure is printed, whether or not an earlier one met its budget.
const rates = [inProcess(), networkExample(), gkeExample()];
let ok = rates.every((r) => r >= 5000);
if (compiled) {
  ok = cli(process.execPath, [path.join(ROOT, 'bin/cdk8s-crossplane.js')], 'node bin/cdk8s-crossplane.js') <= 0.5 && ok;
} else {
  console.log('compiled CLI not timed: lib/src/engine/render.js is absent (run `npm run build` first)');
}
cli(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'src/cli/main.ts')], 'npx tsx src/cli/main.ts (transpiles at start; not the installed path)');
process.exitCode = ok ? 0 : 1;
