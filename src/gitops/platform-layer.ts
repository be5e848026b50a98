import { ApiObject } from 'cdk8s';
import { identityOf, PlatformManifest } from './_identity';

export type { PlatformManifest } from './_identity';

/**
 * One folder of a platform's output, applied by Flux after the folders with a lower order:
 * Functions and Providers must be healthy before the Compositions that use them are applied,
 * and XRDs established before the Compositions and XRs that reference them.
 */
export class PlatformLayer {
  /** Crossplane packages and their runtime settings: Functions, Providers, DeploymentRuntimeConfigs. */
  public static readonly FUNCTIONS = new PlatformLayer('functions', 10);
  /** CompositeResourceDefinitions (and plain CRDs). */
  public static readonly DEFINITIONS = new PlatformLayer('definitions', 20);
  /** Compositions and EnvironmentConfigs. */
  public static readonly COMPOSITIONS = new PlatformLayer('compositions', 30);
  /** Everything else: example XRs and claims, ProviderConfigs, namespaces. */
  public static readonly EXAMPLES = new PlatformLayer('examples', 40);
  /** Every layer, in the order Flux applies them. */
  public static readonly ALL: readonly PlatformLayer[] = [
    PlatformLayer.FUNCTIONS, PlatformLayer.DEFINITIONS, PlatformLayer.COMPOSITIONS, PlatformLayer.EXAMPLES,
  ];

  private constructor(
    /** Short name, used in Kustomization names: `functions`. */
    public readonly name: string,
    /** Position in the apply order; also the folder prefix. */
    public readonly order: number,
  ) {}

  /** Folder of the layer inside the output folder: `10-functions`. */
  public get folder(): string {
    return `${this.order}-${this.name}`;
  }
}

/** The objects of one layer, in the order they were given. */
export interface LayerAssignment<T> {
  readonly layer: PlatformLayer;
  readonly objects: T[];
}

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/**
 * The layer an object belongs to, by API group and kind:
 * - `pkg.crossplane.io` (Function, Provider, Configuration, DeploymentRuntimeConfig, ...) -> functions
 * - `apiextensions.crossplane.io` CompositeResourceDefinition, `apiextensions.k8s.io`
 *   CustomResourceDefinition -> definitions
 * - `apiextensions.crossplane.io` Composition, EnvironmentConfig -> compositions
 * - anything else -> examples
 *
 * Package metadata (`meta.pkg.crossplane.io`, the `crossplane.yaml` of a Configuration) is
 * built into the package and never applied to a cluster, so it has no layer: `undefined`.
 */
export function layerOf(obj: ApiObject | PlatformManifest): PlatformLayer | undefined {
  const { apiVersion, kind } = identityOf(obj);
  const group = groupOf(apiVersion);
  if (group === 'meta.pkg.crossplane.io') return undefined;
  if (group === 'pkg.crossplane.io') return PlatformLayer.FUNCTIONS;
  if (group === 'apiextensions.crossplane.io' && kind === 'CompositeResourceDefinition') return PlatformLayer.DEFINITIONS;
  if (group === 'apiextensions.k8s.io' && kind === 'CustomResourceDefinition') return PlatformLayer.DEFINITIONS;
  if (group === 'apiextensions.crossplane.io' && (kind === 'Composition' || kind === 'EnvironmentConfig')) return PlatformLayer.COMPOSITIONS;
  return PlatformLayer.EXAMPLES;
}

/**
 * Sorts objects into layers. Returns only the layers that received objects, in apply order;
 * objects keep their relative order. Package metadata (see {@link layerOf}) is left out.
 */
export function assignLayers<T extends ApiObject | PlatformManifest>(objects: readonly T[]): LayerAssignment<T>[] {
  const byLayer = new Map<PlatformLayer, T[]>();
  for (const obj of objects) {
    const layer = layerOf(obj);
    if (!layer) continue;
    const list = byLayer.get(layer) ?? [];
    list.push(obj);
    byLayer.set(layer, list);
  }
  return PlatformLayer.ALL.filter((l) => byLayer.has(l)).map((layer) => ({ layer, objects: byLayer.get(layer)! }));
}
