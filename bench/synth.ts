/**
 * Synth cost of a platform with many Compositions (DESIGN budget: within 3x the time of
 * serializing the same objects with `yaml` alone, and linear in the number of Compositions).
 *
 * Each API is an XRD plus a Composition of four GCP resources with patch sets, transforms and
 * status patches, like the network example. The synth time covers construct validation (schema
 * and patch-path checks, lints) and YAML output; the baseline stringifies the very same JSON
 * objects with `yaml`.
 *
 * Run: `npx tsx bench/synth.ts`
 */
import { App, Chart } from 'cdk8s';
import { stringify } from 'yaml';
import { Network, Router, RouterNat, Subnetwork } from '../imports/compute.gcp.m.upbound.io';
import { Composition } from '../src/composition';
import { FunctionRegistry } from '../src/functions';
import { ConvertToType, Patch, PatchSet, Transform } from '../src/pt';
import { Schema } from '../src/schema';
import { CompositeResourceDefinition } from '../src/xrd';

const spec = Schema.object({
  parameters: Schema.object({
    project: Schema.string(),
    region: Schema.optional(Schema.string({ default: 'europe-west1' })),
    cidr: Schema.optional(Schema.string({ default: '10.0.0.0/20' })),
    routingMode: Schema.optional(Schema.string({ enum: ['regional', 'global'], default: 'regional' })),
    minPortsPerVm: Schema.optional(Schema.integer({ default: 64 })),
  }),
});
const status = Schema.object({ selfLink: Schema.optional(Schema.string()) });
const providerConfigRef = { kind: 'ClusterProviderConfig', name: 'default' };

function addApi(app: App, i: number): void {
  const chart = new Chart(app, `api${i}`);
  const xrd = new CompositeResourceDefinition(chart, 'Definition', {
    group: 'platform.example.org',
    names: { kind: `XNetwork${i}`, plural: `xnetwork${i}s` },
    version: 'v1alpha1',
    spec,
    status,
  });
  const comp = new Composition(chart, 'Composition', { xrd });
  comp.addPatchSet(PatchSet.of('gcp', [Patch.fromCompositeFieldPath(xr => xr.spec.parameters.project, 'spec.forProvider.project')]));
  const region = Patch.fromCompositeFieldPath<any, any>('spec.parameters.region', 'spec.forProvider.region');
  const network = comp.addResource('network', Network, { spec: { forProvider: { autoCreateSubnetworks: false }, providerConfigRef } });
  network.addPatch(
    Patch.patchSet('gcp'),
    Patch.fromCompositeFieldPath(xr => xr.spec.parameters.routingMode, n => n.spec.forProvider.routingMode, {
      transforms: [Transform.map({ regional: 'REGIONAL', global: 'GLOBAL' })],
    }),
    Patch.toCompositeFieldPath(n => n.status.atProvider.selfLink, xr => xr.status.selfLink),
  );
  const subnetwork = comp.addResource('subnetwork', Subnetwork, { spec: { forProvider: { networkSelector: { matchControllerRef: true } }, providerConfigRef } });
  subnetwork.addPatch(Patch.patchSet('gcp'), region, Patch.fromCompositeFieldPath(xr => xr.spec.parameters.cidr, s => s.spec.forProvider.ipCidrRange));
  const router = comp.addResource('router', Router, { spec: { forProvider: { networkSelector: { matchControllerRef: true } }, providerConfigRef } });
  router.addPatch(Patch.patchSet('gcp'), region);
  const nat = comp.addResource('nat', RouterNat, {
    spec: { forProvider: { routerSelector: { matchControllerRef: true }, sourceSubnetworkIpRangesToNat: 'ALL_SUBNETWORKS_ALL_IP_RANGES' }, providerConfigRef },
  });
  nat.addPatch(
    Patch.patchSet('gcp'),
    region,
    Patch.fromCompositeFieldPath(xr => xr.spec.parameters.minPortsPerVm, r => r.spec.forProvider.minPortsPerVm, { transforms: [Transform.convert(ConvertToType.INT64)] }),
  );
}

function buildApp(count: number): App {
  const app = new App({ outdir: '/dev/null' });
  new FunctionRegistry(app, FunctionRegistry.DEFAULT_ID);
  for (let i = 0; i < count; i++) addApi(app, i);
  return app;
}

function timeMs(fn: () => void, repeat: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < repeat; i++) fn();
  return Number(process.hrtime.bigint() - start) / 1e6 / repeat;
}

/** Runs the benchmark; returns one row per platform size. */
export function benchSynth(sizes = [25, 50, 100], repeat = 5): { compositions: number; synthMs: number; yamlMs: number; ratio: number }[] {
  // Warm up the module caches (schema JSON loads, regexes) once, as any real run does.
  buildApp(2).synthYaml();
  return sizes.map((count) => {
    // synthYaml() validates and renders; build time is included because a synth always builds.
    const synthMs = timeMs(() => buildApp(count).synthYaml(), repeat);
    const objects = buildApp(count).charts.flatMap((chart) => chart.toJson());
    const yamlMs = timeMs(() => objects.map((o) => stringify(o)).join('---\n'), repeat);
    return { compositions: count, synthMs, yamlMs, ratio: synthMs / yamlMs };
  });
}

if (require.main === module) {
  for (const row of benchSynth()) {
    process.stdout.write(`synth ${row.compositions} compositions: ${row.synthMs.toFixed(1)} ms, yaml alone ${row.yamlMs.toFixed(1)} ms, ratio ${row.ratio.toFixed(2)}x\n`);
  }
}
