import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import {
  Kustomization,
  KustomizationSpecHealthCheckExprs,
  KustomizationSpecHealthChecks,
  KustomizationSpecSourceRefKind,
} from '../../imports/kustomize.toolkit.fluxcd.io';
import { failConstruct } from '../errors';
import { checkDnsLabel, checkDuration } from './_rules';
import { FluxSource } from './flux-source';
import { identityOf, ObjectIdentity } from './_identity';
import { assignLayers, LayerAssignment, PlatformLayer, PlatformManifest } from './platform-layer';

/** Props of {@link FluxLayout}. */
export interface FluxLayoutProps {
  /** Where Flux fetches the output folder from. */
  readonly source: FluxSource;
  /**
   * The platform's API objects (cdk8s ApiObjects or plain manifests), sorted into layers with
   * `assignLayers`: packages, then XRDs, then Compositions, then example XRs. Only the layers
   * that receive objects get a Kustomization. Package metadata (`crossplane.yaml`) is left out.
   */
  readonly objects: ReadonlyArray<ApiObject | PlatformManifest>;
  /**
   * Name of the source object and prefix of the Kustomization names (`<name>-functions`, ...).
   *
   * @default 'platform'
   */
  readonly name?: string;
  /**
   * Namespace of the Flux objects.
   *
   * @default 'flux-system'
   */
  readonly namespace?: string;
  /**
   * Folder of the output inside the source, relative to its root; each layer is the
   * subfolder named after it (`./dist/10-functions`).
   *
   * @default './dist'
   */
  readonly path?: string;
  /**
   * How often each Kustomization re-applies its folder (a Go duration).
   *
   * @default '10m'
   */
  readonly interval?: string;
  /**
   * How long each Kustomization waits for its objects to become healthy (a Go duration).
   *
   * @default '5m'
   */
  readonly timeout?: string;
  /**
   * Whether Flux deletes objects that disappear from a folder.
   *
   * @default true
   */
  readonly prune?: boolean;
}

// What "healthy" means for Crossplane objects, as Flux CEL health expressions: kstatus alone
// would call them current as soon as they exist, because they have no Ready condition.
const PACKAGE_HEALTHY = "status.conditions.exists(c, c.type == 'Healthy' && c.status == 'True')";
const XRD_ESTABLISHED = "status.conditions.exists(c, c.type == 'Established' && c.status == 'True')";

function healthExpressionOf(id: ObjectIdentity): string | undefined {
  const group = id.apiVersion.split('/')[0];
  if (group === 'pkg.crossplane.io' && ['Function', 'Provider', 'Configuration'].includes(id.kind)) return PACKAGE_HEALTHY;
  if (group === 'apiextensions.crossplane.io' && id.kind === 'CompositeResourceDefinition') return XRD_ESTABLISHED;
  return undefined;
}

/**
 * The Flux objects that apply a platform's output folder in order: one source
 * (`GitRepository` or `OCIRepository`) and one `kustomize.toolkit.fluxcd.io/v1` Kustomization
 * per layer, each depending on the previous one.
 *
 * - functions: health checks on every Function, Provider and Configuration (`Healthy`);
 * - definitions: health checks on every XRD (`Established`);
 * - compositions: `wait` for everything applied;
 * - examples: applied last, not waited for (XRs can take longer to become ready than any
 *   sensible timeout, and nothing depends on them).
 *
 * Put these objects where Flux already looks (e.g. `clusters/<name>/`), not inside the output
 * folder they point at.
 *
 * @example
 * new FluxLayout(fluxChart, 'Platform', {
 *   source: FluxSource.gitRepository({ url: 'https://github.com/acme/platform', ref: { branch: 'main' } }),
 *   objects: platformChart.node.findAll().filter(ApiObject.isApiObject),
 * });
 */
export class FluxLayout extends Construct {
  /** Name of the source and prefix of the Kustomizations. */
  public readonly name: string;
  /** Namespace of the Flux objects. */
  public readonly namespace: string;
  /** Output folder inside the source, as written in the Kustomizations (`./dist`). */
  public readonly path: string;
  /** Reconcile interval of the Kustomizations. */
  public readonly interval: string;
  /** Health-check timeout of the Kustomizations. */
  public readonly timeout: string;
  /** Whether the Kustomizations prune. */
  public readonly prune: boolean;
  /** The layers that received objects, in apply order. */
  public readonly layers: ReadonlyArray<LayerAssignment<ApiObject | PlatformManifest>>;
  /** The GitRepository or OCIRepository. */
  public readonly sourceObject: ApiObject;
  /** One Kustomization per layer, in apply order. */
  public readonly kustomizations: readonly Kustomization[];

  public constructor(scope: Construct, id: string, props: FluxLayoutProps) {
    super(scope, id);
    this.name = props.name ?? 'platform';
    this.namespace = props.namespace ?? 'flux-system';
    this.interval = props.interval ?? '10m';
    this.timeout = props.timeout ?? '5m';
    this.prune = props.prune ?? true;
    this.layers = assignLayers(props.objects ?? []);

    const errors = [...this.validate(props), ...props.source._validate()];
    this.path = normalizePath(props.path ?? './dist', errors);
    failConstruct(this, errors);

    this.sourceObject = props.source._create(this, 'Source', this.name, this.namespace);
    const sourceKind = props.source.kind === 'GitRepository'
      ? KustomizationSpecSourceRefKind.GIT_REPOSITORY
      : KustomizationSpecSourceRefKind.OCI_REPOSITORY;
    let previous: string | undefined;
    this.kustomizations = this.layers.map(({ layer, objects }) => {
      const name = `${this.name}-${layer.name}`;
      const checked = objects.map(identityOf).filter((o) => healthExpressionOf(o) !== undefined);
      const health = this.healthOf(layer, checked);
      const k = new Kustomization(this, layer.name, {
        metadata: { name, namespace: this.namespace },
        spec: {
          interval: this.interval,
          path: `${this.path}/${layer.folder}`,
          prune: this.prune,
          sourceRef: { kind: sourceKind, name: this.name },
          dependsOn: previous !== undefined ? [{ name: previous }] : undefined,
          timeout: this.timeout,
          ...health,
        },
      });
      previous = name;
      return k;
    });
  }

  /** Health settings of a layer: named checks with CEL expressions when there is something to check, else `wait`. */
  private healthOf(layer: PlatformLayer, checked: ObjectIdentity[]): {
    wait?: boolean;
    healthChecks?: KustomizationSpecHealthChecks[];
    healthCheckExprs?: KustomizationSpecHealthCheckExprs[];
  } {
    if (layer === PlatformLayer.EXAMPLES) return { wait: false };
    if ((layer === PlatformLayer.FUNCTIONS || layer === PlatformLayer.DEFINITIONS) && checked.length > 0) {
      const healthChecks = checked.map((o) => ({ apiVersion: o.apiVersion, kind: o.kind, name: o.name ?? '', namespace: o.namespace }));
      const seen = new Set<string>();
      const healthCheckExprs: KustomizationSpecHealthCheckExprs[] = [];
      for (const o of checked) {
        const key = `${o.apiVersion} ${o.kind}`;
        if (seen.has(key)) continue;
        seen.add(key);
        healthCheckExprs.push({ apiVersion: o.apiVersion, kind: o.kind, current: healthExpressionOf(o)! });
      }
      return { healthChecks, healthCheckExprs };
    }
    return { wait: true };
  }

  private validate(props: FluxLayoutProps): string[] {
    const errors: string[] = [];
    // The longest suffix is '-compositions'; object names are DNS labels here to stay safe for
    // every tool that derives names from them.
    errors.push(...checkDnsLabel('name', this.name, 63 - '-compositions'.length, "it prefixes the Kustomization names"));
    errors.push(...checkDnsLabel('namespace', this.namespace, 63, 'a namespace name'));
    errors.push(...checkDuration('interval', this.interval));
    errors.push(...checkDuration('timeout', this.timeout));
    if (this.layers.length === 0) {
      const given = (props.objects ?? []).length;
      const got = given === 0 ? 'none' : `${given} package metadata object(s)`;
      errors.push(`objects must contain at least one object to apply, got '${got}': `
        + "pass the platform's Functions, XRDs, Compositions and example XRs");
    }
    (props.objects ?? []).forEach((obj, i) => {
      const id = identityOf(obj);
      if (healthExpressionOf(id) !== undefined && !id.name) {
        errors.push(`objects[${i}].metadata.name must be set on a ${id.kind} (Flux health-checks it by name), got '': give the ${id.kind} a name`);
      }
    });
    return errors;
  }
}

/** `./dist`, `dist`, `dist/` -> `./dist`; `.` or `./` -> `.`; absolute or `..` paths are errors. */
function normalizePath(p: string, errors: string[]): string {
  const trimmed = p.replace(/\/+$/, '').replace(/^\.\//, '');
  if (p.startsWith('/') || trimmed.split('/').includes('..')) {
    errors.push(`path must be relative to the root of the source, without '..', got '${p}': use e.g. './dist'`);
    return p;
  }
  return trimmed === '' || trimmed === '.' ? '.' : `./${trimmed}`;
}
