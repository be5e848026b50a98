/**
 * The cdk8s app of the example platform APIs: `npx cdk8s synth` runs this file and writes
 * `dist/`: one YAML file per chart (`functions.k8s.yaml` first, then the APIs) plus the package
 * metadata `crossplane.yaml`, which is not a cluster object and is therefore written after the
 * charts rather than by one.
 */
import { App } from 'cdk8s';
import { Composition } from '../src/composition';
import { FunctionRegistry } from '../src/functions';
import { ConfigurationPackage } from '../src/package';
import { NetworkChart } from './network/network-api';
import { ServiceAccountApi } from './quickstart/service-account-api';

/** Builds the example app into `app` (no I/O): what tests synthesize. */
export function build(app: App): { readonly pkg: ConfigurationPackage } {
  // Created first so that Function objects come first in the output.
  new FunctionRegistry(app, FunctionRegistry.DEFAULT_ID);
  new NetworkChart(app, 'network');
  new ServiceAccountApi(app, 'service-account');
  const pkg = new ConfigurationPackage(app, 'Package', {
    name: 'platform-example',
    annotations: {
      'meta.crossplane.io/maintainer': 'Platform team <platform@example.org>',
      'meta.crossplane.io/source': 'github.com/example-org/platform',
      'meta.crossplane.io/description': 'Platform APIs of example.org: networks first, GKE clusters next.',
    },
  });
  return { pkg };
}

if (require.main === module) {
  const app = new App();
  const { pkg } = build(app);
  app.synth();
  pkg.writeFile(app.outdir);
  for (const c of app.node.findAll().filter(Composition.isComposition)) {
    for (const w of c.warnings) process.stderr.write(`warning: [${c.node.path}] ${w}\n`);
  }
}
