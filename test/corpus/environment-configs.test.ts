/**
 * The corpus render pairs that need function-environment-configs: Crossplane's own
 * EnvironmentConfig e2e manifests (crossplane__crossplane@2efdb03, six pairs) and its
 * composition-environments docs snippet (crossplane__crossplane@55d8167). They are Resources-mode
 * Compositions with `spec.environment` and Claims, so each is rendered as Crossplane runs them
 * today: the Composition converted to a pipeline (`convertResourcesToPipeline`, an
 * environment-configs step before P&T, as `crossplane beta convert pipeline-composition` does),
 * the Claim as its XR, the EnvironmentConfigs as required resources (`-e`).
 *
 * Expected values: the e2e test that used these manifests, test/e2e/environmentconfig_test.go in
 * crossplane/crossplane at b445f80be^ (the commit before "Remove native support for
 * EnvironmentConfigs" moved the feature into function-environment-configs), asserts the
 * NopResource annotation `valueFromEnv` after the Claim is created; the table below copies
 * those values by test name. For the docs snippet, the values follow from the snippet itself.
 *
 * The manifests are `apiextensions.crossplane.io/v1alpha1` EnvironmentConfigs. The API server
 * serves them as v1beta1 (the version the function asks for), while `crossplane render`'s
 * fetcher matches apiVersion exactly; the test upgrades the apiVersion as the cluster would.
 *
 * The five other corpus pairs with an environment-configs step also need function-go-templating;
 * they run when it is built in and are skipped with a printed reason otherwise.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { convertResourcesToPipeline } from '../../src/convert/resources-to-pipeline';
import { BUILT_IN_CATALOGUE, parseYamlDocuments, render } from '../../src/engine';

const CORPUS = path.resolve(__dirname, '../..', '../shared/corpus');
const available = fs.existsSync(path.join(CORPUS, 'files.json'));
if (!available) console.warn(`corpus environment-configs tests skipped: ${CORPUS} does not exist (it ships with the CI checkout)`);

const docs = (file: string): any[] => parseYamlDocuments(fs.readFileSync(file, 'utf8'), file).map((d) => d.object);
const asV1beta1 = (o: any) => (o.apiVersion === 'apiextensions.crossplane.io/v1alpha1' && o.kind === 'EnvironmentConfig'
  ? { ...o, apiVersion: 'apiextensions.crossplane.io/v1beta1' } : o);

/** The XR Crossplane creates for a Claim: the composite kind, the Claim's spec and labels. */
function xrOf(claim: any, composition: any) {
  return {
    apiVersion: claim.apiVersion,
    kind: composition.spec.compositeTypeRef.kind,
    metadata: { name: claim.metadata.name, ...(claim.metadata.labels ? { labels: claim.metadata.labels } : {}) },
    spec: claim.spec,
  };
}

function renderPair(dir: string, claimFile: string, compositionFile: string, envFile: string) {
  const composition = docs(path.join(dir, compositionFile))[0];
  const converted = convertResourcesToPipeline(composition);
  const steps = (converted.composition.spec as any).pipeline.map((s: any) => s.functionRef.name);
  expect(steps).toEqual(['function-environment-configs', 'function-patch-and-transform']);
  return render({
    xr: xrOf(docs(path.join(dir, claimFile))[0], composition),
    composition: converted.composition,
    requiredResources: docs(path.join(dir, envFile)).map(asV1beta1),
    includeContext: true,
    includeFunctionResults: true,
  });
}

const E2E = 'crossplane__crossplane@2efdb03/test/e2e/manifests/apiextensions/environment';
/** Test name in environmentconfig_test.go, manifests folder, the `valueFromEnv` it asserts first. */
const E2E_CASES: [string, string, string][] = [
  ['TestEnvironmentConfigDefault', 'default', '2'],
  ['TestEnvironmentResolutionOptional', 'resolutionOptional', '1'],
  ['TestEnvironmentResolveIfNotPresent', 'resolveIfNotPresent', '2'],
  ['TestEnvironmentResolveAlways', 'resolveAlways', '2'],
  ['TestEnvironmentConfigMultipleMaxMatchNil', 'multipleModeMaxMatchNil', '3'],
  ['TestEnvironmentConfigMultipleMaxMatch1', 'multipleModeMaxMatch1', '2'],
];

(available ? describe : describe.skip)('corpus: render pairs that need function-environment-configs', () => {
  test.each(E2E_CASES)('%s (%s) annotates the NopResource with valueFromEnv %s', (_test, folder, want) => {
    const result = renderPair(path.join(CORPUS, E2E, folder), '00-claim.yaml', 'setup/composition.yaml', 'setup/environmentConfigs.yaml');
    expect(result.resources).toHaveLength(1);
    expect(result.resources[0].kind).toBe('NopResource');
    expect(result.resources[0].metadata.annotations.valueFromEnv).toBe(want);
  });

  test('docs/snippets/composition-environments: the VPC region comes from the environment', () => {
    const dir = path.join(CORPUS, 'crossplane__crossplane@55d8167/docs/snippets/composition-environments');
    const result = renderPair(dir, 'claim.yaml', 'composition.yaml', 'environment.yaml');
    const env = result.context.fields['apiextensions.crossplane.io/environment'];
    expect(env).toMatchObject({ region: 'us-west-1', simple: 'value', int: 123, bool: false, list: ['a', 'b', 'c'], complex: { a: 'b', c: { d: 'e' } } });
    const vpc = result.resources.find((r) => r.kind === 'VPC')!;
    expect(vpc.spec.forProvider).toEqual({ cidrBlock: '172.16.0.0/16', region: 'us-west-1', tags: [{ key: 'Name', value: 'my-vpc' }] });
    // The subnet's cidrBlock comes from the VPC's ToEnvironmentFieldPath patch, which reads the
    // observed VPC: on the first render there is none, so P&T holds the subnet back (Required).
    expect(result.resources.map((r) => r.kind)).toEqual(['VPC']);
    // P&T's result reaches the reconcile output as an XR event, named after its step
    // (composition_functions.go: `Pipeline step "<step>"` as the event's detail).
    expect(result.results.map((r) => r.message)).toContain(
      'Pipeline step "patch-and-transform": not adding new composed resource "subnet" to desired state because "FromEnvironmentFieldPath" patch at index 2 has \'policy.fromFieldPath: Required\': cidrBlock: no such field',
    );
  });

  test('a required EnvironmentConfig missing from the inputs fails the render with the function\'s message and the step', () => {
    const dir = path.join(CORPUS, E2E, 'default');
    const composition = convertResourcesToPipeline(docs(path.join(dir, 'setup/composition.yaml'))[0]).composition;
    const xr = xrOf(docs(path.join(dir, '00-claim.yaml'))[0], docs(path.join(dir, 'setup/composition.yaml'))[0]);
    expect(() => render({ xr, composition })).toThrow('pipeline step "environment-configs" returned a fatal result: cannot get selected environment configs: '
      + 'cannot process environment config "example-environment-1" by reference, "environment-config-0": Required environment config "example-environment-1" not found');
  });

  test('EnvironmentConfigs given at v1alpha1 are not served, and the error says why', () => {
    const dir = path.join(CORPUS, E2E, 'default');
    const original = docs(path.join(dir, 'setup/composition.yaml'))[0];
    expect(() => render({
      xr: xrOf(docs(path.join(dir, '00-claim.yaml'))[0], original),
      composition: convertResourcesToPipeline(original).composition,
      requiredResources: docs(path.join(dir, 'setup/environmentConfigs.yaml')),
    })).toThrow('Required environment config "example-environment-1" not found (note: '
      + 'requirement "environment-config-0" asks for EnvironmentConfig "example-environment-1" at apiextensions.crossplane.io/v1beta1, the required resources hold it at apiextensions.crossplane.io/v1alpha1; '
      + 'requirement "environment-config-1" asks for EnvironmentConfigs with labels {"stage":"prod"} at apiextensions.crossplane.io/v1beta1, the required resources hold it at apiextensions.crossplane.io/v1alpha1. '
      + 'Render matches apiVersion exactly, while a cluster serves an object at every version of its CRD: write those resources with the apiVersion the requirement asks for)');
  });

  const hasGoTemplating = BUILT_IN_CATALOGUE.builtInNames.includes('function-go-templating');
  const templated: Pair[] = JSON.parse(fs.existsSync(path.join(CORPUS, 'files.json')) ? fs.readFileSync(path.join(CORPUS, 'files.json'), 'utf8') : '{"render_pairs":[]}')
    .render_pairs.filter((p: Pair) => p.engine.startsWith('environment-configs+go-templating'));
  if (!hasGoTemplating) console.log(`corpus: ${templated.length} environment-configs + go-templating pairs skipped: function-go-templating is not built in`);
  (hasGoTemplating ? test.each : test.skip.each)(templated.map((p) => [`${p.snapshot}/${p.composition}`, p] as const))('%s renders', (_id, p) => {
    const dir = path.join(CORPUS, p.snapshot, path.dirname(p.composition));
    const result = render({
      xr: docs(path.join(CORPUS, p.snapshot, p.example))[p.example_doc_index],
      composition: docs(path.join(CORPUS, p.snapshot, p.composition)).find((c) => c.metadata?.name === p.composition_name),
      functions: docs(path.join(dir, 'functions.yaml')),
      // function-go-templating's examples write v1alpha1 EnvironmentConfigs as well (see above).
      requiredResources: docs(path.join(dir, 'environmentConfigs.yaml')).map(asV1beta1),
      includeContext: true,
    });
    expect(result.context.fields['apiextensions.crossplane.io/environment']).toBeDefined();
  });
});

interface Pair { snapshot: string; composition: string; composition_name: string; engine: string; example: string; example_doc_index: number }
