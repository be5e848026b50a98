/**
 * The cdk8s app of the example platform APIs. `npx cdk8s synth` runs this file, which writes
 * `dist/` in the layers Flux applies in order (see examples/README.md):
 *
 * - `10-functions/`, `20-definitions/`, `30-compositions/`: Functions, XRDs, Compositions;
 * - `40-examples/`: the example XRs and their namespaces, only with `INCLUDE_EXAMPLES=1`;
 * - `flux/`: a GitRepository and one Kustomization per layer, each waiting for the previous;
 * - `package/`: `crossplane.yaml` plus the XRDs and Compositions, for `crossplane xpkg build`.
 */
import * as path from 'node:path';
import { ApiObject, App, Chart, Include } from 'cdk8s';
import { Composition, ConfigurationPackage, FluxLayout, FluxSource, FunctionRegistry } from 'cdk8s-crossplane';
import { AppPlatform } from './app/app-api';
import { GkePlatform } from './gke/gke-platform';
import { layeredOutput, objectsOf, OutputFile, writeOutput } from './layered-output';
import { NetworkChart } from './network/network-api';
import { ServiceAccountApi } from './quickstart/service-account-api';

/** Where Flux fetches this repository from: edit to point at your fork. */
export const FLUX_SOURCE = {
  url: 'https://github.com/example-org/platform',
  branch: 'main',
  /** The output folder, relative to the repository root. */
  path: './dist',
};

/** Options of {@link build}. */
export interface BuildOptions {
  /**
   * Whether to add the example XRs (and Namespace objects for them) to the output, in
   * `40-examples/`, applied last by Flux.
   *
   * @default false
   */
  readonly examples?: boolean;
}

/** The parts of the example app that {@link layeredOutput} writes. */
export interface ExampleApp {
  /** The charts of the platform APIs (and the Function registry), layered into `dist/`. */
  readonly platform: Chart[];
  /** The Configuration package metadata. */
  readonly pkg: ConfigurationPackage;
}

/** Whether the environment asks for the example XRs: `INCLUDE_EXAMPLES=1` (or `true`). */
export function examplesRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  return ['1', 'true', 'yes'].includes((env.INCLUDE_EXAMPLES ?? '').toLowerCase());
}

/** Builds the example app into `app` (no I/O beyond reading the example XR files). */
export function build(app: App, options: BuildOptions = {}): ExampleApp {
  // Created first so that Function objects come first in the output.
  const functions = new FunctionRegistry(app, FunctionRegistry.DEFAULT_ID);
  const network = new NetworkChart(app, 'network');
  const serviceAccount = new ServiceAccountApi(app, 'service-account');
  const gke = new GkePlatform(app, 'gke');
  const apps = new AppPlatform(app, 'app');
  const platform: Chart[] = [functions, network, serviceAccount, gke, apps];

  if (options.examples) {
    // Example XR files, each added to the chart of its API (so `40-examples/<api>.k8s.yaml`).
    const exampleFiles: Array<[Chart, string]> = [
      [network, 'network/xr.yaml'], [network, 'network/xr-without-nat.yaml'],
      [gke, 'gke/xr-dev.yaml'], [gke, 'gke/xr-prod.yaml'], [gke, 'gke/xr-cluster-scoped.yaml'],
      [apps, 'app/hello.yaml'], [apps, 'app/shop.yaml'],
    ];
    const examples: ApiObject[] = [];
    for (const [chart, file] of exampleFiles) {
      examples.push(...new Include(chart, `Example-${path.basename(file)}`, { url: path.join(__dirname, file) }).apiObjects);
    }
    examples.push(new ApiObject(serviceAccount, 'ExampleXr', {
      apiVersion: 'iam.example.org/v1alpha1',
      kind: 'XServiceAccount',
      metadata: { name: 'ci-deployer', namespace: 'team-a' },
      spec: { project: 'acme-prod', role: 'editor' },
    }));
    // Namespaced XRs need their namespace; Flux's kustomize applies Namespaces first.
    const namespaces = new Chart(app, 'example-namespaces');
    const names = [...new Set(examples.map((o) => o.metadata.namespace).filter((n): n is string => !!n))].sort();
    for (const name of names) new ApiObject(namespaces, name, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    platform.push(namespaces);
  }

  const pkg = new ConfigurationPackage(app, 'Package', {
    name: 'platform-example',
    annotations: {
      'meta.crossplane.io/maintainer': 'Platform team <platform@example.org>',
      'meta.crossplane.io/source': FLUX_SOURCE.url.replace(/^https:\/\//, ''),
      'meta.crossplane.io/description': 'Platform APIs of example.org: GKE clusters, networks, service accounts and apps.',
    },
  });

  return { platform, pkg };
}

/**
 * Adds the chart `platform` (written to `flux/platform.k8s.yaml`) with the Flux objects that apply the layers of `platform`. Call it
 * after everything else is built, so that it sees every object it health-checks.
 */
export function addFlux(app: App, platform: readonly Chart[]): Chart {
  const flux = new Chart(app, 'platform');
  new FluxLayout(flux, 'Platform', {
    source: FluxSource.gitRepository({ url: FLUX_SOURCE.url, ref: { branch: FLUX_SOURCE.branch } }),
    objects: platform.flatMap(objectsOf),
    path: FLUX_SOURCE.path,
  });
  return flux;
}

/** The files of `dist/` for the example app, sorted by path (no I/O beyond reading example XRs). */
export function synthesize(app: App, options: BuildOptions = {}): OutputFile[] {
  const { platform, pkg } = build(app, options);
  const flux = addFlux(app, platform);
  return layeredOutput(app, { platform, pkg, flux });
}

if (require.main === module) {
  const app = new App();
  const files = synthesize(app, { examples: examplesRequested() });
  writeOutput(app.outdir, files);
  for (const c of app.node.findAll().filter(Composition.isComposition)) {
    for (const w of c.warnings) process.stderr.write(`warning: [${c.node.path}] ${w}\n`);
  }
}
