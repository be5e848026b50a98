import * as fs from 'node:fs';
import * as path from 'node:path';
import { Construct } from 'constructs';
import { App, Chart, Names, Yaml } from 'cdk8s';
import { Composition } from '../composition/composition';
import { failConstruct, UserError } from '../errors';
import { FunctionPackage } from '../functions/function-package';
import { providerPackageFor, ProviderPackage } from './provider-packages';
import { isConfigurationContent } from './xpkg';

const DIGEST = /^sha256:[0-9a-f]{64}$/;

/** One `spec.dependsOn[]` entry in the preferred v2 form (reference §6.1). */
export interface PackageDependency {
  /** `pkg.crossplane.io/v1`. */
  readonly apiVersion: string;
  /** `Provider`, `Function` or `Configuration`. */
  readonly kind: 'Provider' | 'Function' | 'Configuration';
  /** Fully qualified package without tag. */
  readonly package: string;
  /** Semver constraint (`>=v1.2.0`) or image digest (`sha256:<64 hex>`), which Crossplane installs exactly. */
  readonly version: string;
}

/** Props of {@link ConfigurationPackage}. */
export interface ConfigurationPackageProps {
  /** `metadata.name` of the package, e.g. `platform-network`. */
  readonly name: string;
  /**
   * `metadata.annotations` (`meta.crossplane.io/maintainer`, `meta.crossplane.io/source`...).
   *
   * @default - none
   */
  readonly annotations?: { readonly [key: string]: string };
  /**
   * `spec.crossplane.version`: the Crossplane versions the package supports.
   *
   * @default '>=v2.0.0-0'
   */
  readonly crossplaneVersion?: string;
  /**
   * Provider packages by API group, overriding or extending the built-in table (e.g. to pin
   * another version, or to name the provider of a group the table does not know).
   *
   * @default - the built-in table (upjet GCP/AWS/Azure families, provider-kubernetes, provider-helm)
   */
  readonly providers?: { readonly [group: string]: ProviderPackage };
  /**
   * Whether the derived dependencies pin image digests: each Function and Provider dependency
   * gets `version: sha256:...` (Crossplane then installs exactly that image and skips version
   * resolution) instead of a semver constraint. Every function used needs a digest
   * (`FunctionPackage.withDigest`) and every provider one in `providers`.
   *
   * @default false
   */
  readonly pinDigests?: boolean;
  /**
   * Further dependencies, appended after the derived ones.
   *
   * @default - none
   */
  readonly dependsOn?: readonly PackageDependency[];
}

/**
 * The package metadata `crossplane.yaml` (`meta.pkg.crossplane.io/v1` Configuration, reference
 * §6.1). `dependsOn` is derived at synth from every Composition in the app: the functions its
 * steps use and the providers of the API groups it composes.
 *
 * Crossplane satisfies a dependency with any installed package of the same source, whatever
 * its name, so the Function objects the FunctionRegistry synthesizes (named
 * `function-patch-and-transform`...) count; without them Crossplane installs the dependencies
 * under names derived from the path (`crossplane-contrib-function-...`), which steps then must
 * reference: use `FunctionPackage.withName` pins on an external registry for that layout.
 *
 * It is not a cluster object, so it is never part of a chart: call `writeFolder(dir)` after
 * `app.synth()` for the whole package folder (init's template does), `writeFile(outdir)` for
 * crossplane.yaml alone, or `toYaml()`.
 */
export class ConfigurationPackage extends Construct {
  /** `metadata.name`. */
  public readonly name: string;
  /** `spec.crossplane.version`. */
  public readonly crossplaneVersion: string;
  private readonly props: ConfigurationPackageProps;

  public constructor(scope: Construct, id: string, props: ConfigurationPackageProps) {
    super(scope, id);
    if (typeof props?.name !== 'string' || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(props.name)) {
      failConstruct(this, [`name must be a DNS-1123 label, got '${props?.name}': use lowercase letters, digits and '-', e.g. 'platform-network'`]);
    }
    this.props = props;
    this.name = props.name;
    this.crossplaneVersion = props.crossplaneVersion ?? '>=v2.0.0-0';
    this.node.addValidation({ validate: () => this.problems() });
  }

  /** The dependencies derived from the app's Compositions plus `dependsOn`, functions first, each sorted by package. */
  public get dependencies(): PackageDependency[] {
    const compositions = this.node.root.node.findAll().filter(Composition.isComposition);
    const fns = new Map<string, FunctionPackage>();
    for (const c of compositions) for (const f of c.functionPackages) fns.set(f.repository, f);
    const providers = new Map<string, ProviderPackage>();
    for (const c of compositions) {
      for (const r of c.resources) {
        const group = r.apiVersion.includes('/') ? r.apiVersion.slice(0, r.apiVersion.lastIndexOf('/')) : '';
        const p = this.props.providers?.[group] ?? providerPackageFor(group);
        if (p) providers.set(p.package, p);
      }
    }
    const byPackage = (a: PackageDependency, b: PackageDependency) => a.package.localeCompare(b.package);
    const pin = this.props.pinDigests ?? false;
    return [
      ...[...fns.values()].map(f => ({ apiVersion: 'pkg.crossplane.io/v1', kind: 'Function' as const, package: f.repository, version: pin && f.digest ? f.digest : `>=${f.version}` })).sort(byPackage),
      ...[...providers.values()].map(p => ({ apiVersion: 'pkg.crossplane.io/v1', kind: 'Provider' as const, package: p.package, version: pin && p.digest ? p.digest : p.version })).sort(byPackage),
      ...(this.props.dependsOn ?? []),
    ];
  }

  /** The `crossplane.yaml` object. */
  public toJson(): Record<string, unknown> {
    const metadata: Record<string, unknown> = { name: this.name };
    if (this.props.annotations && Object.keys(this.props.annotations).length > 0) metadata.annotations = { ...this.props.annotations };
    const spec: Record<string, unknown> = { crossplane: { version: this.crossplaneVersion } };
    const deps = this.dependencies;
    if (deps.length > 0) spec.dependsOn = deps.map(d => ({ apiVersion: d.apiVersion, kind: d.kind, package: d.package, version: d.version }));
    return { apiVersion: 'meta.pkg.crossplane.io/v1', kind: 'Configuration', metadata, spec };
  }

  /** The `crossplane.yaml` text. */
  public toYaml(): string {
    return Yaml.stringify(this.toJson());
  }

  /** Writes `<outdir>/crossplane.yaml` and returns its path. */
  public writeFile(outdir: string): string {
    const file = path.join(outdir, 'crossplane.yaml');
    fs.mkdirSync(outdir, { recursive: true });
    fs.writeFileSync(file, this.toYaml());
    return file;
  }

  /**
   * Writes the Configuration package folder that `crossplane xpkg build` and
   * `cdk8s-crossplane package` read: `<dir>/crossplane.yaml`, and for every chart of the app
   * with XRDs or Compositions (or other objects a Configuration may hold) a
   * `<chart>.k8s.yaml` with those objects, XRDs first. Functions, Providers and example XRs
   * stay out: Crossplane rejects a Configuration that holds them. `*.k8s.yaml` files an
   * earlier run left there (a renamed chart) are removed first, so the package holds what this
   * app synthesizes; other files are left alone. Call it after `app.synth()`, with a folder of
   * its own (not the app's output folder, whose chart files it would remove); returns the paths
   * written, sorted.
   *
   * @throws UserError when `dir` is the app's output folder
   */
  public writeFolder(dir: string): string[] {
    const root = this.node.root;
    const outdir = root instanceof App ? root.outdir : undefined;
    if (outdir !== undefined && path.resolve(dir) === path.resolve(outdir)) {
      throw new UserError(`ConfigurationPackage.writeFolder needs a folder of its own, got the app's output folder '${dir}', whose chart files it would replace: `
        + "pass a folder inside it, e.g. path.join(app.outdir, 'package')");
    }
    const files: Array<[string, string]> = [];
    for (const chart of this.node.root.node.findAll().filter((c): c is Chart => Chart.isChart(c))) {
      const objects = (chart.toJson() as Record<string, any>[])
        .filter((o) => typeof o?.apiVersion === 'string' && isConfigurationContent(o.apiVersion, String(o.kind)));
      // XRDs before what composes them, as Crossplane establishes them; otherwise synth order.
      const rank = (o: Record<string, any>) => (o.kind === 'CompositeResourceDefinition' ? 0 : 1);
      objects.sort((a, b) => rank(a) - rank(b));
      if (objects.length > 0) files.push([`${Names.toDnsLabel(chart)}.k8s.yaml`, Yaml.stringify(...objects)]);
    }
    files.push(['crossplane.yaml', this.toYaml()]);
    fs.mkdirSync(dir, { recursive: true });
    for (const entry of fs.readdirSync(dir)) {
      if (entry.endsWith('.k8s.yaml') && fs.statSync(path.join(dir, entry)).isFile()) fs.rmSync(path.join(dir, entry));
    }
    for (const [name, content] of files) fs.writeFileSync(path.join(dir, name), content);
    return files.map(([name]) => path.join(dir, name)).sort();
  }

  private problems(): string[] {
    const out: string[] = [];
    (this.props.dependsOn ?? []).forEach((d, i) => {
      if (!d.apiVersion || !d.kind || !d.package || !d.version) {
        out.push(`dependsOn[${i}] needs apiVersion, kind, package and version, got '${JSON.stringify(d)}': Crossplane rejects partial dependencies`);
      } else if (/[:@]/.test(d.package.split('/').pop() ?? '')) {
        out.push(`dependsOn[${i}].package must not carry a tag or digest, got '${d.package}': put the constraint or the 'sha256:' digest in version`);
      } else if ((d.version.startsWith('sha256:') || d.version.includes('@')) && !DIGEST.test(d.version)) {
        out.push(`dependsOn[${i}].version must be 'sha256:' and 64 lowercase hex digits to pin a digest, got '${d.version}'`);
      }
    });
    if (this.props.pinDigests) {
      for (const d of this.dependencies.slice(0, this.dependencies.length - (this.props.dependsOn ?? []).length)) {
        if (!DIGEST.test(d.version)) {
          const fix = d.kind === 'Function' ? 'pin it with FunctionPackage.withDigest(...)' : `give it a digest in providers (package '${d.package}')`;
          out.push(`pinDigests is set but the ${d.kind} dependency '${d.package}' has no 'sha256:' digest, got version '${d.version}': ${fix}`);
        }
      }
    }
    return out;
  }
}
