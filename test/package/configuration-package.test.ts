import { ApiObject, Chart, Testing } from 'cdk8s';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Cluster } from '../../imports/container.gcp.m.upbound.io';
import { Network } from '../../imports/compute.gcp.m.upbound.io';
import { Composition } from '../../src/composition';
import { FunctionPackage, FunctionRegistry } from '../../src/functions';
import { parseAllDocuments } from 'yaml';
import { buildXpkg, ConfigurationPackage, providerPackageFor, readPackageFolder } from '../../src/package';
import { testXrd } from '../composition/_fixtures';

const pcr = { kind: 'ClusterProviderConfig', name: 'default' };

function app() {
  const a = Testing.app();
  const chart = new Chart(a, 'c');
  const comp = new Composition(chart, 'C', { xrd: testXrd(chart) });
  return { a, chart, comp };
}

describe('ConfigurationPackage', () => {
  test('defaults: name, crossplane constraint >=v2.0.0-0, no dependencies when nothing is composed', () => {
    const { a } = app();
    const pkg = new ConfigurationPackage(a, 'Package', { name: 'platform' });
    expect(pkg.toJson()).toStrictEqual({
      apiVersion: 'meta.pkg.crossplane.io/v1', kind: 'Configuration', metadata: { name: 'platform' }, spec: { crossplane: { version: '>=v2.0.0-0' } },
    });
  });

  test('derives dependsOn from the functions used and the provider families of the composed groups', () => {
    const { a, comp } = app();
    comp.addResource('network', Network, { spec: { providerConfigRef: pcr } });
    comp.addResource('cluster', Cluster, { spec: { providerConfigRef: pcr } });
    comp.addStep({ step: 'kcl', function: FunctionPackage.KCL });
    const pkg = new ConfigurationPackage(a, 'Package', { name: 'platform', annotations: { 'meta.crossplane.io/maintainer': 'me' } });
    expect(pkg.toJson()).toStrictEqual({
      apiVersion: 'meta.pkg.crossplane.io/v1',
      kind: 'Configuration',
      metadata: { name: 'platform', annotations: { 'meta.crossplane.io/maintainer': 'me' } },
      spec: {
        crossplane: { version: '>=v2.0.0-0' },
        dependsOn: [
          { apiVersion: 'pkg.crossplane.io/v1', kind: 'Function', package: 'xpkg.crossplane.io/crossplane-contrib/function-auto-ready', version: '>=v0.7.0' },
          { apiVersion: 'pkg.crossplane.io/v1', kind: 'Function', package: 'xpkg.crossplane.io/crossplane-contrib/function-kcl', version: '>=v0.11.6' },
          { apiVersion: 'pkg.crossplane.io/v1', kind: 'Function', package: 'xpkg.crossplane.io/crossplane-contrib/function-patch-and-transform', version: '>=v0.10.8' },
          { apiVersion: 'pkg.crossplane.io/v1', kind: 'Provider', package: 'xpkg.upbound.io/upbound/provider-gcp-compute', version: '>=v3.0.0' },
          { apiVersion: 'pkg.crossplane.io/v1', kind: 'Provider', package: 'xpkg.upbound.io/upbound/provider-gcp-container', version: '>=v3.0.0' },
        ],
      },
    });
  });

  test('every derived dependency has the preferred form Crossplane requires (apiVersion, kind, package without tag, version)', () => {
    const { a, comp } = app();
    comp.addResource('network', Network, { spec: { providerConfigRef: pcr } });
    const deps = new ConfigurationPackage(a, 'Package', { name: 'p' }).dependencies;
    for (const d of deps) {
      expect(d.apiVersion).toBe('pkg.crossplane.io/v1');
      expect(d.package).toMatch(/^[^./]+(\.[^./]+)+(\/[^/:@]+)+$/);
      expect(d.version).toMatch(/^>=v\d+\.\d+\.\d+/);
    }
  });

  test('providers override the table per group', () => {
    const { a, comp } = app();
    comp.addResource('network', Network, { spec: { providerConfigRef: pcr } });
    const pkg = new ConfigurationPackage(a, 'Package', {
      name: 'p', crossplaneVersion: '>=v2.3.0',
      providers: { 'compute.gcp.m.upbound.io': { package: 'xpkg.upbound.io/upbound/provider-gcp-compute', version: '>=v3.1.0' } },
    });
    expect(pkg.dependencies.filter(d => d.kind === 'Provider')).toStrictEqual([
      { apiVersion: 'pkg.crossplane.io/v1', kind: 'Provider', package: 'xpkg.upbound.io/upbound/provider-gcp-compute', version: '>=v3.1.0' },
    ]);
    expect((pkg.toJson().spec as any).crossplane).toStrictEqual({ version: '>=v2.3.0' });
  });

  test.each([
    ['compute.gcp.m.upbound.io', 'xpkg.upbound.io/upbound/provider-gcp-compute'],
    ['container.gcp.upbound.io', 'xpkg.upbound.io/upbound/provider-gcp-container'],
    ['cloudplatform.gcp.m.upbound.io', 'xpkg.upbound.io/upbound/provider-gcp-cloudplatform'],
    ['gcp.m.upbound.io', 'xpkg.upbound.io/upbound/provider-family-gcp'],
    ['ec2.aws.m.upbound.io', 'xpkg.upbound.io/upbound/provider-aws-ec2'],
    ['containerservice.azure.upbound.io', 'xpkg.upbound.io/upbound/provider-azure-containerservice'],
    ['kubernetes.m.crossplane.io', 'xpkg.crossplane.io/crossplane-contrib/provider-kubernetes'],
    ['helm.crossplane.io', 'xpkg.crossplane.io/crossplane-contrib/provider-helm'],
  ])('maps group %s to %s', (group, pkg) => {
    expect(providerPackageFor(group)?.package).toBe(pkg);
  });

  test.each(['platform.example.org', '', 'apps'])('knows no provider for group %p', group => {
    expect(providerPackageFor(group)).toBeUndefined();
  });

  test('fails if an extra dependency is partial', () => {
    const { a } = app();
    new ConfigurationPackage(a, 'Package', { name: 'p', dependsOn: [{ apiVersion: 'pkg.crossplane.io/v1', kind: 'Provider', package: 'xpkg.upbound.io/x/y', version: '' }] });
    expect(() => a.synthYaml()).toThrow(/dependsOn\[0\] needs apiVersion, kind, package and version/);
  });

  test('fails if an extra dependency carries a tag in package', () => {
    const { a } = app();
    new ConfigurationPackage(a, 'Package', { name: 'p', dependsOn: [{ apiVersion: 'pkg.crossplane.io/v1', kind: 'Provider', package: 'xpkg.upbound.io/x/y:v1', version: '>=v1' }] });
    expect(() => a.synthYaml()).toThrow(/dependsOn\[0\].package must not carry a tag or digest, got 'xpkg.upbound.io\/x\/y:v1'/);
  });

  test('fails if the name is not a DNS label', () => {
    const { a } = app();
    expect(() => new ConfigurationPackage(a, 'Package', { name: 'Platform' })).toThrow(/name must be a DNS-1123 label, got 'Platform'/);
  });

  test('writeFile writes crossplane.yaml into the output folder', () => {
    const { a } = app();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pkg-'));
    const file = new ConfigurationPackage(a, 'Package', { name: 'p' }).writeFile(dir);
    expect(path.basename(file)).toBe('crossplane.yaml');
    expect(fs.readFileSync(file, 'utf8')).toBe('apiVersion: meta.pkg.crossplane.io/v1\nkind: Configuration\nmetadata:\n  name: p\nspec:\n  crossplane:\n    version: ">=v2.0.0-0"\n');
  });

  test('writeFolder refuses the app\'s output folder, whose chart files it would replace', () => {
    const { a } = app();
    const pkg = new ConfigurationPackage(a, 'Package', { name: 'p' });
    expect(() => pkg.writeFolder(a.outdir)).toThrow(`ConfigurationPackage.writeFolder needs a folder of its own, got the app's output folder '${a.outdir}'`);
  });

  test('writeFolder writes crossplane.yaml and each chart\'s XRDs and Compositions, nothing a Configuration may not hold, and builds', () => {
    const { a, chart, comp } = app();
    comp.addResource('network', Network, { spec: { providerConfigRef: pcr } });
    // The Function objects (the registry the Composition created) and a plain ConfigMap: cluster objects, not package content.
    expect(a.node.tryFindChild(FunctionRegistry.DEFAULT_ID)).toBeDefined();
    new ApiObject(chart, 'Cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' } });
    const pkg = new ConfigurationPackage(a, 'Package', { name: 'p' });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pkg-'));
    // Left by an earlier run, for a chart that no longer exists.
    fs.writeFileSync(path.join(dir, 'old-chart.k8s.yaml'), 'apiVersion: v1\nkind: ConfigMap\n');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'kept');
    fs.writeFileSync(path.join(dir, 'extra.yaml'), 'apiVersion: apiextensions.crossplane.io/v1\nkind: Composition\nmetadata:\n  name: mine\n');
    try {
      const written = pkg.writeFolder(dir);
      expect(written.map((f) => path.basename(f))).toStrictEqual(['c.k8s.yaml', 'crossplane.yaml']);
      // A file of another name is the user's: kept (and packaged).
      expect(fs.readdirSync(dir).sort()).toStrictEqual(['c.k8s.yaml', 'crossplane.yaml', 'extra.yaml', 'notes.txt']);
      const objects = parseAllDocuments(fs.readFileSync(path.join(dir, 'c.k8s.yaml'), 'utf8')).map((d) => d.toJS());
      expect(objects.map((o) => o.kind)).toStrictEqual(['CompositeResourceDefinition', 'Composition']);
      expect(fs.readFileSync(path.join(dir, 'crossplane.yaml'), 'utf8')).toBe(pkg.toYaml());
      // What `cdk8s-crossplane package` reads and builds: the linter's kinds only, one meta object.
      expect(buildXpkg(readPackageFolder(dir)).digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('ConfigurationPackage pinDigests', () => {
  const fnDigest = `sha256:${'a'.repeat(64)}`;
  const providerDigest = `sha256:${'b'.repeat(64)}`;

  test('pins derived Function and Provider dependencies to their digests (resolver reconciler.go: a sha256 version skips resolution)', () => {
    const { a, comp } = app();
    comp.addResource('network', Network, { spec: { providerConfigRef: pcr } });
    comp.addStep({ step: 'kcl', function: FunctionPackage.KCL.withDigest(fnDigest) });
    const pkg = new ConfigurationPackage(a, 'Package', {
      name: 'p', pinDigests: true,
      providers: { 'compute.gcp.m.upbound.io': { package: 'xpkg.upbound.io/upbound/provider-gcp-compute', version: '>=v3.0.0', digest: providerDigest } },
    });
    const versions = Object.fromEntries(pkg.dependencies.map((d) => [d.package.split('/').pop(), d.version]));
    expect(versions['function-kcl']).toBe(fnDigest);
    expect(versions['provider-gcp-compute']).toBe(providerDigest);
    // function-auto-ready and P&T (added by the Composition) have no digest: synth fails, naming them.
    expect(() => a.synth()).toThrow(/pinDigests is set but the Function dependency 'xpkg\.crossplane\.io\/crossplane-contrib\/function-auto-ready' has no 'sha256:' digest.*FunctionPackage\.withDigest/);
  });

  test('without pinDigests, a known digest is not used: dependencies keep their semver constraints', () => {
    const { a, comp } = app();
    comp.addStep({ step: 'kcl', function: FunctionPackage.KCL.withDigest(fnDigest) });
    const pkg = new ConfigurationPackage(a, 'Package', { name: 'p' });
    expect(pkg.dependencies.find((d) => d.package.endsWith('function-kcl'))!.version).toBe('>=v0.11.6');
  });

  test('fails if an extra dependency pins a malformed digest', () => {
    const { a } = app();
    new ConfigurationPackage(a, 'Package', { name: 'p', dependsOn: [{ apiVersion: 'pkg.crossplane.io/v1', kind: 'Function', package: 'xpkg.crossplane.io/x/f', version: 'sha256:abc' }] });
    expect(() => a.synth()).toThrow(/dependsOn\[0\]\.version must be 'sha256:' and 64 lowercase hex digits/);
  });
});
