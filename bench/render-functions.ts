/**
 * Render throughput with the stock functions around P&T (DESIGN budget: environment-configs,
 * go-templating, P&T and auto-ready in one pipeline >= 1,000 renders/s warm):
 * - environment-configs (a reference and a label selector, two EnvironmentConfigs served through
 *   the required-resources loop, so the step runs twice) + P&T (4 resources reading the
 *   environment) + auto-ready;
 * - the same with function-sequencer (a CEL-conditioned rule) and function-cel-filter after P&T;
 * - when function-go-templating is built in, the first pipeline with a go-templating step too.
 *
 * Run: `npx tsx bench/render-functions.ts` (prints one line per figure; exits 1 below budget).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as sourceEngine from '../src/engine';

const ROOT = path.resolve(__dirname, '..');
const COMPILED_ENGINE = path.join(ROOT, 'lib/src/engine/index.js');
const compiled = fs.existsSync(COMPILED_ENGINE);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { render, BUILT_IN_CATALOGUE } = (compiled ? require(COMPILED_ENGINE) : sourceEngine) as typeof sourceEngine;
console.log(`in-process figures use the ${compiled ? 'compiled engine (lib/)' : 'TypeScript sources via tsx (run `npm run build` for the compiled figures)'}`);

const BUDGET = 1000;

const xr = {
  apiVersion: 'net.example.org/v1alpha1', kind: 'XNetwork',
  metadata: { name: 'prod-net', namespace: 'platform', labels: { stage: 'prod' } },
  spec: { parameters: { id: 'prod-net', cidr: '10.10.0.0/16', ordered: true } },
};

const environmentConfigs = [
  { apiVersion: 'apiextensions.crossplane.io/v1beta1', kind: 'EnvironmentConfig', metadata: { name: 'gcp-defaults' },
    data: { region: 'europe-west1', project: 'acme-prod', network: { mtu: 1460, routingMode: 'GLOBAL' } } },
  { apiVersion: 'apiextensions.crossplane.io/v1beta1', kind: 'EnvironmentConfig', metadata: { name: 'stage-prod', labels: { stage: 'prod' } },
    data: { tier: 'gold', network: { routingMode: 'REGIONAL' }, nat: { minPorts: 128 } } },
  { apiVersion: 'apiextensions.crossplane.io/v1beta1', kind: 'EnvironmentConfig', metadata: { name: 'stage-dev', labels: { stage: 'dev' } }, data: { tier: 'bronze' } },
];

const E = (from: string, to: string) => ({ type: 'FromEnvironmentFieldPath', fromFieldPath: from, toFieldPath: to });
const C = (from: string, to: string) => ({ type: 'FromCompositeFieldPath', fromFieldPath: `spec.parameters.${from}`, toFieldPath: to });

const envStep = {
  step: 'environment-configs', functionRef: { name: 'function-environment-configs' },
  input: { apiVersion: 'environmentconfigs.fn.crossplane.io/v1beta1', kind: 'Input', spec: { environmentConfigs: [
    { type: 'Reference', ref: { name: 'gcp-defaults' } },
    { type: 'Selector', selector: { mode: 'Single', matchLabels: [{ key: 'stage', valueFromFieldPath: 'metadata.labels[stage]' }] } },
  ] } },
};
const ptStep = {
  step: 'patch-and-transform', functionRef: { name: 'function-patch-and-transform' },
  input: { apiVersion: 'pt.fn.crossplane.io/v1beta1', kind: 'Resources', resources: [
    { name: 'network', base: { apiVersion: 'compute.gcp.m.upbound.io/v1beta1', kind: 'Network', spec: { forProvider: { autoCreateSubnetworks: false } } },
      patches: [E('project', 'spec.forProvider.project'), E('network.mtu', 'spec.forProvider.mtu'), E('network.routingMode', 'spec.forProvider.routingMode'), C('id', 'metadata.labels[id]')] },
    { name: 'subnetwork', base: { apiVersion: 'compute.gcp.m.upbound.io/v1beta1', kind: 'Subnetwork', spec: { forProvider: { networkSelector: { matchControllerRef: true } } } },
      patches: [E('region', 'spec.forProvider.region'), E('project', 'spec.forProvider.project'), C('cidr', 'spec.forProvider.ipCidrRange')] },
    { name: 'router', base: { apiVersion: 'compute.gcp.m.upbound.io/v1beta1', kind: 'Router', spec: { forProvider: { networkSelector: { matchControllerRef: true } } } },
      patches: [E('region', 'spec.forProvider.region'), E('tier', 'metadata.labels[tier]')] },
    { name: 'nat', base: { apiVersion: 'compute.gcp.m.upbound.io/v1beta1', kind: 'RouterNAT', spec: { forProvider: { natIpAllocateOption: 'AUTO_ONLY' } } },
      patches: [E('region', 'spec.forProvider.region'), E('nat.minPorts', 'spec.forProvider.minPortsPerVm')] },
  ] },
};
const autoReady = { step: 'automatically-detect-ready-composed-resources', functionRef: { name: 'function-auto-ready' } };
const sequencer = {
  step: 'sequence-creation', functionRef: { name: 'function-sequencer' },
  input: { apiVersion: 'sequencer.fn.crossplane.io/v1beta1', kind: 'Input', rules: [
    { sequence: ['network', 'subnetwork', 'router', 'nat'], condition: 'observed.composite.resource.spec.parameters.ordered == true' },
  ] },
};
const celFilter = {
  step: 'filter-composed-resources', functionRef: { name: 'function-cel-filter' },
  input: { apiVersion: 'cel.fn.crossplane.io/v1beta1', kind: 'Filters', filters: [
    { name: 'nat', expression: 'context["apiextensions.crossplane.io/environment"].tier == "gold"' },
  ] },
};
const goTemplating = {
  step: 'go-templating', functionRef: { name: 'function-go-templating' },
  input: { apiVersion: 'gotemplating.fn.crossplane.io/v1beta1', kind: 'GoTemplate', source: 'Inline', inline: { template: [
    '---',
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  annotations:',
    '    gotemplating.fn.crossplane.io/composition-resource-name: settings',
    'data:',
    '  region: {{ index .context "apiextensions.crossplane.io/environment" "region" }}',
    '  tier: {{ index .context "apiextensions.crossplane.io/environment" "tier" }}',
    '',
  ].join('\n') } },
};

const composition = (steps: unknown[]) => ({
  apiVersion: 'apiextensions.crossplane.io/v1', kind: 'Composition', metadata: { name: 'xnetworks.net.example.org' },
  spec: { compositeTypeRef: { apiVersion: 'net.example.org/v1alpha1', kind: 'XNetwork' }, mode: 'Pipeline', pipeline: steps },
});

// Observed and Ready: every composed resource exists, so the sequencer lets all through.
const observed = ['network', 'subnetwork', 'router', 'nat'].map((name, i) => ({
  apiVersion: 'compute.gcp.m.upbound.io/v1beta1', kind: ['Network', 'Subnetwork', 'Router', 'RouterNAT'][i],
  metadata: { name: `prod-net-${name}`, namespace: 'platform', annotations: { 'crossplane.io/composition-resource-name': name } },
  status: { conditions: [{ type: 'Ready', status: 'True', reason: 'Available' }, { type: 'Synced', status: 'True', reason: 'ReconcileSuccess' }] },
}));

function rendersPerSecond(run: () => unknown, batches = 5, perBatch = 2000): { best: number; median: number } {
  for (let i = 0; i < 500; i++) run();
  const rates: number[] = [];
  for (let b = 0; b < batches; b++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < perBatch; i++) run();
    rates.push(perBatch / (Number(process.hrtime.bigint() - t0) / 1e9));
  }
  rates.sort((a, b) => b - a);
  return { best: rates[0], median: rates[Math.floor(batches / 2)] };
}

/**
 * The floor, measured in the same run as bench/render.ts does it: a JSON round trip of the
 * render's inputs (XR, Composition, observed resources, EnvironmentConfigs).
 */
function floorRate(comp: unknown): number {
  const inputs = { xr, comp, observed, environmentConfigs };
  return rendersPerSecond(() => JSON.parse(JSON.stringify(inputs))).best;
}

function measure(label: string, comp: unknown): void {
  const run = () => render({ xr, composition: comp, observed, requiredResources: environmentConfigs }).toYaml();
  const first = render({ xr, composition: comp, observed, requiredResources: environmentConfigs });
  if (first.resources.length === 0) throw new Error(`${label}: rendered nothing`);
  const { best, median } = rendersPerSecond(run);
  const floor = floorRate(comp);
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  console.log(`${label}: ${(floor / best).toFixed(1)}x the floor (floor ${fmt(floor)}/s); best ${fmt(best)} renders/s, median ${fmt(median)} `
    + `(budget >= ${fmt(BUDGET)}/s), ${first.resources.length} composed resources`);
  if (best < BUDGET) process.exitCode = 1;
}

measure('environment-configs + P&T + auto-ready, YAML stream', composition([envStep, ptStep, autoReady]));
measure('environment-configs + P&T + sequencer + cel-filter + auto-ready, YAML stream', composition([envStep, ptStep, sequencer, celFilter, autoReady]));
if (BUILT_IN_CATALOGUE.builtInNames.includes('function-go-templating')) {
  measure('environment-configs + go-templating + P&T + auto-ready, YAML stream', composition([envStep, goTemplating, ptStep, autoReady]));
} else {
  console.log('environment-configs + go-templating + P&T + auto-ready: not measured, function-go-templating is not built in');
}
