import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { Testing, Yaml } from 'cdk8s';
import { FluxLayout, FluxLayoutProps, FluxSource } from '../../src/gitops';

const FN = { apiVersion: 'pkg.crossplane.io/v1', kind: 'Function', metadata: { name: 'function-patch-and-transform' } };
const FN2 = { apiVersion: 'pkg.crossplane.io/v1', kind: 'Function', metadata: { name: 'function-auto-ready' } };
const RUNTIME = { apiVersion: 'pkg.crossplane.io/v1beta1', kind: 'DeploymentRuntimeConfig', metadata: { name: 'default' } };
const XRD = { apiVersion: 'apiextensions.crossplane.io/v2', kind: 'CompositeResourceDefinition', metadata: { name: 'xgkes.platform.acme.io' } };
const COMPOSITION = { apiVersion: 'apiextensions.crossplane.io/v1', kind: 'Composition', metadata: { name: 'xgke' } };
const XR = { apiVersion: 'platform.acme.io/v1alpha1', kind: 'XGKE', metadata: { name: 'dev', namespace: 'team-a' } };
const META = { apiVersion: 'meta.pkg.crossplane.io/v1', kind: 'Configuration', metadata: { name: 'platform' } };
const GIT = () => FluxSource.gitRepository({ url: 'https://github.com/acme/platform', ref: { branch: 'main' } });

function synth(props: Partial<FluxLayoutProps> = {}) {
  const chart = Testing.chart();
  const layout = new FluxLayout(chart, 'flux', { source: GIT(), objects: [FN, FN2, RUNTIME, XRD, COMPOSITION, XR, META], ...props });
  return { layout, manifests: Testing.synth(chart) as any[] };
}

function build(props: Partial<FluxLayoutProps>): () => FluxLayout {
  return () => new FluxLayout(Testing.chart(), 'flux', { source: GIT(), objects: [FN, XRD], ...props });
}

describe('defaults', () => {
  test('resolves every optional prop to its documented default', () => {
    // WHEN a layout is built with the required props only
    const { layout } = synth();
    // THEN
    expect({ name: layout.name, namespace: layout.namespace, path: layout.path, interval: layout.interval, timeout: layout.timeout, prune: layout.prune })
      .toStrictEqual({ name: 'platform', namespace: 'flux-system', path: './dist', interval: '10m', timeout: '5m', prune: true });
  });

  test('a source checks every minute by default', () => {
    expect(GIT().interval).toBe('1m');
  });
});

describe('Kustomizations', () => {
  test('the functions layer health-checks every package by name and waits for Healthy', () => {
    // WHEN
    const { manifests } = synth();
    // THEN
    const functions = manifests.find((m) => m.kind === 'Kustomization' && m.metadata.name === 'platform-functions');
    expect(functions).toStrictEqual({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: 'platform-functions', namespace: 'flux-system' },
      spec: {
        healthCheckExprs: [{ apiVersion: 'pkg.crossplane.io/v1', kind: 'Function', current: "status.conditions.exists(c, c.type == 'Healthy' && c.status == 'True')" }],
        healthChecks: [
          { apiVersion: 'pkg.crossplane.io/v1', kind: 'Function', name: 'function-patch-and-transform' },
          { apiVersion: 'pkg.crossplane.io/v1', kind: 'Function', name: 'function-auto-ready' },
        ],
        interval: '10m',
        path: './dist/10-functions',
        prune: true,
        sourceRef: { kind: 'GitRepository', name: 'platform' },
        timeout: '5m',
      },
    });
  });

  test('the definitions layer depends on the functions layer and waits for every XRD to be Established', () => {
    const { manifests } = synth();
    const defs = manifests.find((m) => m.metadata.name === 'platform-definitions');
    expect(defs.spec.dependsOn).toStrictEqual([{ name: 'platform-functions' }]);
    expect(defs.spec.path).toBe('./dist/20-definitions');
    expect(defs.spec.healthChecks).toStrictEqual([{ apiVersion: 'apiextensions.crossplane.io/v2', kind: 'CompositeResourceDefinition', name: 'xgkes.platform.acme.io' }]);
    expect(defs.spec.healthCheckExprs).toStrictEqual([{
      apiVersion: 'apiextensions.crossplane.io/v2', kind: 'CompositeResourceDefinition', current: "status.conditions.exists(c, c.type == 'Established' && c.status == 'True')",
    }]);
    expect(defs.spec.wait).toBeUndefined();
  });

  test('compositions wait for what they apply; examples come last and are not waited for', () => {
    const { manifests } = synth();
    const comps = manifests.find((m) => m.metadata.name === 'platform-compositions');
    const examples = manifests.find((m) => m.metadata.name === 'platform-examples');
    expect([comps.spec.wait, comps.spec.dependsOn, comps.spec.healthChecks]).toStrictEqual([true, [{ name: 'platform-definitions' }], undefined]);
    expect([examples.spec.wait, examples.spec.dependsOn, examples.spec.path]).toStrictEqual([false, [{ name: 'platform-compositions' }], './dist/40-examples']);
  });

  test('emits the source first, then one Kustomization per non-empty layer in apply order', () => {
    // GIVEN no example XRs
    const { manifests } = synth({ objects: [FN, XRD, COMPOSITION] });
    // THEN
    expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`)).toStrictEqual([
      'GitRepository/platform', 'Kustomization/platform-functions', 'Kustomization/platform-definitions', 'Kustomization/platform-compositions',
    ]);
  });

  test('a layer of packages without health (runtime configs only) waits instead', () => {
    const { manifests } = synth({ objects: [RUNTIME, XRD] });
    const fns = manifests.find((m) => m.metadata.name === 'platform-functions');
    expect([fns.spec.wait, fns.spec.healthChecks]).toStrictEqual([true, undefined]);
  });

  test('name, namespace, path, interval, timeout and prune flow into every Kustomization', () => {
    const { manifests } = synth({ name: 'acme', namespace: 'gitops', path: 'out/', interval: '1h0m0s', timeout: '15m', prune: false });
    const ks = manifests.filter((m) => m.kind === 'Kustomization');
    expect(ks.map((k) => [k.metadata.name, k.metadata.namespace, k.spec.path, k.spec.interval, k.spec.timeout, k.spec.prune, k.spec.sourceRef.name])).toStrictEqual([
      ['acme-functions', 'gitops', './out/10-functions', '1h0m0s', '15m', false, 'acme'],
      ['acme-definitions', 'gitops', './out/20-definitions', '1h0m0s', '15m', false, 'acme'],
      ['acme-compositions', 'gitops', './out/30-compositions', '1h0m0s', '15m', false, 'acme'],
      ['acme-examples', 'gitops', './out/40-examples', '1h0m0s', '15m', false, 'acme'],
    ]);
  });
});

describe('sources', () => {
  test('a GitRepository with a tag and a secret', () => {
    const { manifests } = synth({ source: FluxSource.gitRepository({ url: 'ssh://git@github.com/acme/platform', ref: { tag: 'v1.2.0' }, interval: '5m', secretRef: 'platform-deploy-key' }) });
    expect(manifests[0]).toStrictEqual({
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      metadata: { name: 'platform', namespace: 'flux-system' },
      spec: { interval: '5m', ref: { tag: 'v1.2.0' }, secretRef: { name: 'platform-deploy-key' }, url: 'ssh://git@github.com/acme/platform' },
    });
  });

  test('an OCIRepository with a semver range, referenced by kind from the Kustomizations', () => {
    const { manifests } = synth({ source: FluxSource.ociRepository({ url: 'oci://ghcr.io/acme/platform', ref: { semver: '>=1.0.0' } }) });
    expect(manifests[0]).toStrictEqual({
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'OCIRepository',
      metadata: { name: 'platform', namespace: 'flux-system' },
      spec: { interval: '1m', ref: { semver: '>=1.0.0' }, url: 'oci://ghcr.io/acme/platform' },
    });
    expect(manifests[1].spec.sourceRef).toStrictEqual({ kind: 'OCIRepository', name: 'platform' });
  });

  test.each([
    [{ branch: 'main' }], [{ semver: '~1.2' }], [{ commit: 'a'.repeat(40) }],
  ])('a GitRepository accepts ref %j', (ref) => {
    expect(() => synth({ source: FluxSource.gitRepository({ url: 'https://x.io/r', ref }) })).not.toThrow();
  });

  test.each([[{ tag: 'latest' }], [{ digest: `sha256:${'0'.repeat(64)}` }]])('an OCIRepository accepts ref %j', (ref) => {
    expect(() => synth({ source: FluxSource.ociRepository({ url: 'oci://x.io/r', ref }) })).not.toThrow();
  });
});

describe('validation', () => {
  const git = (o: object) => ({ source: FluxSource.gitRepository({ url: 'https://github.com/acme/platform', ref: { branch: 'main' }, ...o } as any) });
  const oci = (o: object) => ({ source: FluxSource.ociRepository({ url: 'oci://ghcr.io/acme/platform', ref: { tag: 'v1' }, ...o } as any) });

  test('fails if a git url has no http, https or ssh scheme, suggesting the ssh form of an scp-like url', () => {
    expect(build(git({ url: 'git@github.com:acme/platform.git' }))).toThrow(
      /^\[test\/flux\] source\.url must use the http, https or ssh scheme, got 'git@github\.com:acme\/platform\.git': write it as 'ssh:\/\/git@github\.com\/acme\/platform\.git'$/m);
  });
  test('fails if an oci url has no oci scheme', () => {
    expect(build(oci({ url: 'https://ghcr.io/acme/platform' }))).toThrow(/source\.url must use the oci scheme, got 'https:\/\/ghcr\.io\/acme\/platform': write it as 'oci:\/\/ghcr\.io\/acme\/platform'/);
  });
  test('fails if the interval is not a Flux duration', () => {
    expect(build({ interval: '10 minutes' })).toThrow(/\binterval must be a duration like '10m' or '1h0m0s', got '10 minutes': write '10m'/);
  });
  test('fails if the timeout is not a Flux duration', () => {
    expect(build({ timeout: '1d' })).toThrow(/timeout must be a duration like '10m' or '1h0m0s', got '1d': use a number followed by h, m, s or ms/);
  });
  test('fails if the source interval is not a Flux duration', () => {
    expect(build(git({ interval: '60' }))).toThrow(/source\.interval must be a duration like '10m' or '1h0m0s', got '60'/);
  });
  test('fails if the git ref sets none of branch, tag, semver, commit', () => {
    expect(build(git({ ref: {} }))).toThrow(/source\.ref must set exactly one of branch, tag, semver, commit, got 'none': e\.g\. \{ branch: 'main' \}/);
  });
  test('fails if the git ref sets more than one', () => {
    expect(build(git({ ref: { branch: 'main', tag: 'v1' } }))).toThrow(/source\.ref must set exactly one of branch, tag, semver, commit, got 'branch, tag': keep only the one Flux should follow/);
  });
  test('fails if the oci ref sets more than one of tag, semver, digest', () => {
    expect(build(oci({ ref: { tag: 'v1', semver: '1.x' } }))).toThrow(/source\.ref must set exactly one of tag, semver, digest, got 'tag, semver'/);
  });
  test('fails if the ref has a field Flux does not know for that source', () => {
    expect(build(oci({ ref: { branch: 'main' } }))).toThrow(/source\.ref has unknown field\(s\) branch, got 'branch': use one of tag, semver, digest/);
  });
  test('fails if the ref value is empty', () => {
    expect(build(git({ ref: { branch: '' } }))).toThrow(/source\.ref\.branch must be a non-empty string, got ''/);
  });
  test('fails if the oci digest is not a digest', () => {
    expect(build(oci({ ref: { digest: 'abc123' } }))).toThrow(/source\.ref\.digest must be an OCI digest, got 'abc123'/);
  });
  test('fails if the commit is not a full SHA', () => {
    expect(build(git({ ref: { commit: 'abc123' } }))).toThrow(/source\.ref\.commit must be a full lowercase commit SHA \(40 or 64 hex digits\), got 'abc123'/);
  });
  test('fails if the secretRef is not a Secret name', () => {
    expect(build(git({ secretRef: 'Deploy Key' }))).toThrow(/source\.secretRef must be the name of a Secret .*, got 'Deploy Key'/);
  });
  test('fails if the name is not a DNS label, suggesting one', () => {
    expect(build({ name: 'My Platform' })).toThrow(/\bname must be a lowercase DNS label of at most 50 characters .*, got 'My Platform': use e\.g\. 'my-platform'/);
  });
  test('fails if the namespace is not a DNS label', () => {
    expect(build({ namespace: 'Flux_System' })).toThrow(/namespace must be a lowercase DNS label of at most 63 characters .*, got 'Flux_System'/);
  });
  test('fails if the path is absolute', () => {
    expect(build({ path: '/dist' })).toThrow(/path must be relative to the root of the source, without '\.\.', got '\/dist': use e\.g\. '\.\/dist'/);
  });
  test('fails if the path leaves the source', () => {
    expect(build({ path: './../dist' })).toThrow(/path must be relative .*got '\.\/\.\.\/dist'/);
  });
  test('fails if there is nothing to apply', () => {
    expect(build({ objects: [] })).toThrow(/objects must contain at least one object to apply, got 'none'/);
  });
  test('fails if the only object is package metadata', () => {
    expect(build({ objects: [META] })).toThrow(/objects must contain at least one object to apply, got '1 package metadata object\(s\)'/);
  });
  test('fails if a health-checked object has no name', () => {
    expect(build({ objects: [FN, { apiVersion: XRD.apiVersion, kind: XRD.kind }] })).toThrow(/objects\[1\]\.metadata\.name must be set on a CompositeResourceDefinition \(Flux health-checks it by name\)/);
  });
  test('reports every problem at once, each line with the construct path', () => {
    let message = '';
    try { build({ interval: 'x', timeout: 'y', ...git({ url: 'ftp://x' }) })(); } catch (e) { message = (e as Error).message; }
    expect(message.split('\n').map((l) => l.replace(/ .*/, ''))).toStrictEqual(['[test/flux]', '[test/flux]', '[test/flux]']);
    expect(message).toMatch(/interval.*\n.*timeout.*\n.*source\.url/);
  });
});

// Conformance: the Flux CRDs are the authority on the wire format.
describe('conformance with the Flux CRDs', () => {
  const schemaOf = (group: string, kind: string) => {
    const file = path.resolve(__dirname, '..', '..', 'imports', 'schemas', `${group}.json`);
    const g = JSON.parse(fs.readFileSync(file, 'utf8'));
    return g.kinds.find((k: any) => k.kind === kind).versions.find((v: any) => v.name === 'v1').schema;
  };
  // Unknown fields are pruned by the API server; in tests they are errors, so close every object.
  const closed = (s: any): any => {
    if (Array.isArray(s)) return s.map(closed);
    if (typeof s !== 'object' || s === null) return s;
    const out: any = {};
    for (const [k, v] of Object.entries(s)) out[k] = k === 'properties' ? Object.fromEntries(Object.entries(v as object).map(([p, ps]) => [p, closed(ps)])) : closed(v);
    if (out.properties && out.additionalProperties === undefined && !out['x-kubernetes-preserve-unknown-fields']) out.additionalProperties = false;
    return out;
  };
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, logger: false });

  test('every synthesized object is valid against its CRD schema, with no unknown fields', () => {
    const { manifests } = synth({ source: FluxSource.gitRepository({ url: 'https://github.com/acme/platform', ref: { branch: 'main' }, secretRef: 'creds' }) });
    const oci = synth({ source: FluxSource.ociRepository({ url: 'oci://ghcr.io/acme/platform', ref: { digest: `sha256:${'a'.repeat(64)}` } }) }).manifests[0];
    for (const m of [...manifests, oci]) {
      const group = m.apiVersion.split('/')[0];
      const schema = closed(schemaOf(group, m.kind));
      const validate = ajv.compile({ ...schema, properties: { ...schema.properties, metadata: { type: 'object' } } });
      expect([m.kind, m.metadata.name, validate(m) ? [] : validate.errors]).toStrictEqual([m.kind, m.metadata.name, []]);
    }
  });

  test('accepts exactly the durations the Kustomization CRD pattern accepts', () => {
    const pattern = new RegExp(schemaOf('kustomize.toolkit.fluxcd.io', 'Kustomization').properties.spec.properties.interval.pattern);
    const samples = ['10m', '1h0m0s', '1.5h', '500ms', '30s', '10', '10 m', '-1m', '1d', '', 'm', '1h30m', '0.5'];
    for (const s of samples) {
      const ours = (() => { try { build({ interval: s })(); return true; } catch { return false; } })();
      expect([s, ours]).toStrictEqual([s, pattern.test(s)]);
    }
  });

  test('accepts exactly the url schemes the source CRD patterns accept', () => {
    const gitPattern = new RegExp(schemaOf('source.toolkit.fluxcd.io', 'GitRepository').properties.spec.properties.url.pattern);
    const ociPattern = new RegExp(schemaOf('source.toolkit.fluxcd.io', 'OCIRepository').properties.spec.properties.url.pattern);
    for (const url of ['https://x.io/r', 'http://x.io/r', 'ssh://git@x.io/r', 'git@x.io:r.git', 'oci://x.io/r', 'file:///r']) {
      const git = (() => { try { build({ source: FluxSource.gitRepository({ url, ref: { branch: 'main' } }) })(); return true; } catch { return false; } })();
      const oci = (() => { try { build({ source: FluxSource.ociRepository({ url, ref: { tag: 'v1' } }) })(); return true; } catch { return false; } })();
      expect([url, git, oci]).toStrictEqual([url, gitPattern.test(url), ociPattern.test(url)]);
    }
  });
});

test('a full layout synthesizes to this YAML', () => {
  const { manifests } = synth();
  expect(Yaml.stringify(...manifests)).toMatchSnapshot();
});
