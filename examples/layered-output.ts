/**
 * Writes a cdk8s app as the layered `dist/` Flux applies, instead of one file per chart:
 *
 * ```
 * dist/10-functions/<chart>.k8s.yaml     Functions (and Providers, runtime configs)
 * dist/20-definitions/<chart>.k8s.yaml   XRDs
 * dist/30-compositions/<chart>.k8s.yaml  Compositions
 * dist/40-examples/<chart>.k8s.yaml      example XRs and their namespaces (when asked for)
 * dist/flux/<chart>.k8s.yaml             the GitRepository and one Kustomization per layer
 * dist/package/crossplane.yaml           the Configuration package directory: meta, XRDs and
 * dist/package/<chart>.k8s.yaml          Compositions, for `crossplane xpkg build`
 * ```
 *
 * Each layer folder is what one Flux Kustomization applies; `crossplane.yaml` is not a cluster
 * object, so it lives only in `package/`, which no Kustomization points at. Every file is a
 * `.yaml` file, so `cdk8s synth` lists it and its validation plugin checks it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ApiObject, App, Chart, Names, Yaml } from 'cdk8s';
import { ConfigurationPackage, layerOf, PlatformLayer } from 'cdk8s-crossplane';

/** One file of the output: its path relative to the output folder (with `/`) and its text. */
export interface OutputFile {
  readonly path: string;
  readonly content: string;
}

/** What {@link layeredOutput} writes. */
export interface LayeredOutputProps {
  /** Charts whose objects are sorted into the layer folders, in this order inside each folder. */
  readonly platform: readonly Chart[];
  /**
   * Chart of the Flux objects, written as is to `flux/`.
   *
   * @default - no `flux/` folder
   */
  readonly flux?: Chart;
  /**
   * Package metadata: with it, `package/` holds `crossplane.yaml` plus every XRD and Composition.
   *
   * @default - no `package/` folder
   */
  readonly pkg?: ConfigurationPackage;
  /**
   * Whether to write `construct-metadata.json` (object name to construct path), which
   * `cdk8s synth` reads to put construct paths into validation reports.
   *
   * @default - when `CDK8S_RECORD_CONSTRUCT_METADATA` is `true`, as cdk8s' App decides
   */
  readonly constructMetadata?: boolean;
}

/** Folder of the Flux objects inside the output folder. */
export const FLUX_FOLDER = 'flux';
/** Folder of the Configuration package inside the output folder. */
export const PACKAGE_FOLDER = 'package';
const METADATA_FILE = 'construct-metadata.json';
const EXTENSION = '.k8s.yaml';

/**
 * Runs every construct validation (as `App.synth()` does, same message) and returns the files
 * of the layered output, sorted by path. Pure: nothing is written.
 *
 * @throws Error listing every failed construct validation
 */
export function layeredOutput(app: App, props: LayeredOutputProps): OutputFile[] {
  validateTree(app);
  const files: OutputFile[] = [];
  const packaged: Record<string, unknown>[][] = [];
  const metadata: Record<string, { path: string }> = {};

  for (const chart of props.platform) {
    const name = Names.toDnsLabel(chart);
    const objects = chart.toJson() as Record<string, unknown>[];
    for (const layer of PlatformLayer.ALL) {
      const inLayer = objects.filter((o) => layerOf(o) === layer);
      if (inLayer.length > 0) files.push({ path: `${layer.folder}/${name}${EXTENSION}`, content: Yaml.stringify(...inLayer) });
    }
    const apis = objects.filter((o) => layerOf(o) === PlatformLayer.DEFINITIONS || layerOf(o) === PlatformLayer.COMPOSITIONS);
    if (props.pkg && apis.length > 0) {
      // XRDs before Compositions, as in the layers.
      apis.sort((a, b) => layerOf(a)!.order - layerOf(b)!.order);
      files.push({ path: `${PACKAGE_FOLDER}/${name}${EXTENSION}`, content: Yaml.stringify(...apis) });
      packaged.push(apis);
    }
    for (const o of objectsOf(chart)) metadata[o.name] = { path: o.node.path };
  }
  if (props.pkg) files.push({ path: `${PACKAGE_FOLDER}/crossplane.yaml`, content: props.pkg.toYaml() });
  if (props.flux) {
    files.push({ path: `${FLUX_FOLDER}/${Names.toDnsLabel(props.flux)}${EXTENSION}`, content: Yaml.stringify(...props.flux.toJson()) });
    for (const o of objectsOf(props.flux)) metadata[o.name] = { path: o.node.path };
  }
  if (props.constructMetadata ?? process.env.CDK8S_RECORD_CONSTRUCT_METADATA === 'true') {
    files.push({ path: METADATA_FILE, content: JSON.stringify({ version: '1.0.0', resources: metadata }) });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Writes `files` under `outdir`, first removing what a previous run wrote there: the layer,
 * `flux/` and `package/` folders, `construct-metadata.json`, and top-level `*.k8s.yaml` and
 * `crossplane.yaml` files of the one-file-per-chart layout. Anything else in `outdir` is kept.
 */
export function writeOutput(outdir: string, files: readonly OutputFile[]): void {
  const owned = new Set([...PlatformLayer.ALL.map((l) => l.folder), FLUX_FOLDER, PACKAGE_FOLDER, METADATA_FILE, 'crossplane.yaml']);
  if (fs.existsSync(outdir)) {
    for (const entry of fs.readdirSync(outdir)) {
      if (owned.has(entry) || entry.endsWith(EXTENSION)) fs.rmSync(path.join(outdir, entry), { recursive: true, force: true });
    }
  }
  for (const f of files) {
    const full = path.join(outdir, ...f.path.split('/'));
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, f.content);
  }
}

/** The ApiObjects a chart synthesizes itself (not those of nested charts), as cdk8s assigns them. */
export function objectsOf(chart: Chart): ApiObject[] {
  return chart.node.findAll().filter(ApiObject.isApiObject).filter((o) => Chart.of(o) === chart);
}

// The same walk and message as cdk8s' App.synth(), which this output replaces.
function validateTree(app: App): void {
  const errors: string[] = [];
  for (const c of app.node.findAll()) {
    for (const e of c.node.validate()) errors.push(`[${c.node.path}] ${e}`);
  }
  if (errors.length > 0) throw new Error(`Validation failed with the following errors:\n  ${errors.join('\n  ')}`);
}
