// Synth-time validation of Compositions. cdk8s validates the whole app once per chart it
// synthesizes; a Composition's rules must still run once per synth, or synth time grows with
// the square of the number of charts.
import { ApiObject, Chart } from 'cdk8s';
import { LintRule, Patch } from '../../src/pt';
import { XrdScope } from '../../src/xrd';
import { setup } from './_fixtures';

/** Builds an app with `extraCharts` empty charts and a Composition whose template counts reads. */
function appWithCountingTemplate(extraCharts: number) {
  const { app, comp } = setup();
  let reads = 0;
  const template = new ApiObject(comp.templateScope, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', data: { a: 'b' } });
  const toJson = template.toJson.bind(template);
  template.toJson = () => { reads++; return toJson(); };
  comp.addResource('cm', template).addPatch(Patch.fromCompositeFieldPath('spec.parameters.region', 'data.region'));
  for (let i = 0; i < extraCharts; i++) new Chart(app, `extra${i}`);
  return { app, comp, template, reads: () => reads };
}

test('a Composition is validated as often with 20 charts as with 1', () => {
  // GIVEN two apps that differ only in their number of charts
  const small = appWithCountingTemplate(0);
  const large = appWithCountingTemplate(20);
  // WHEN both synthesize
  small.app.synthYaml();
  large.app.synthYaml();
  // THEN the template was read as often in both (validation work does not scale with charts)
  expect(large.reads()).toBe(small.reads());
});

test('a change between two synths is validated again', () => {
  // GIVEN an app that synthesizes cleanly
  const { app, comp } = setup();
  comp.addResource('cm', { apiVersion: 'v1', kind: 'ConfigMap' });
  expect(() => app.synthYaml()).not.toThrow();
  // WHEN a patch with a typo in its XR path is added, in the same synchronous run
  comp.resources[0].addPatch(Patch.fromCompositeFieldPath('spec.parameters.regoin', 'data.region'));
  // THEN the next synth reports it
  expect(() => app.synthYaml()).toThrow(/did you mean 'region'/);
});

test('an input function-patch-and-transform would reject fails the synth, with P&T\'s own message', () => {
  // GIVEN a composed resource whose emitted template is broken (as a bug in an emitter would make it)
  const { app, comp } = setup();
  const resource = comp.addResource('cm', { apiVersion: 'v1', kind: 'ConfigMap' }) as any;
  const emit = resource._toJson.bind(resource);
  resource._toJson = () => ({ ...emit(), patches: [{ type: 'FromCompositeFieldPath', toFieldPath: 'data.region' }] });
  // THEN synth stops with P&T's validation message and the field path
  expect(() => app.synthYaml()).toThrow(
    /spec\.pipeline\[patch-and-transform\]\.input\.resources\[0\]\.patches\[0\]\.fromFieldPath is rejected by function-patch-and-transform, got 'invalid Function input: Required value: fromFieldPath must be set for patch type FromCompositeFieldPath'/);
});

test('a composed kind without a schema is warned about once per kind, naming the construct path', () => {
  // GIVEN two Compositions composing the same kind that has no schema, twice each
  const { app, comp } = setup();
  const second = setup();
  const widget = { apiVersion: 'widgets.example.org/v1', kind: 'Widget', spec: {} };
  comp.addResource('a', widget);
  comp.addResource('b', widget);
  second.comp.addResource('c', widget);
  const writes: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((text: string | Uint8Array) => { writes.push(String(text)); return true; });
  try {
    // WHEN both apps synthesize
    app.synthYaml();
    second.app.synthYaml();
  } finally {
    spy.mockRestore();
  }
  // THEN one warning names the kind, the first construct path and resource, and the fix
  const warnings = writes.filter(w => w.includes('Kind=Widget'));
  expect(warnings).toEqual([
    'cdk8s-crossplane: warning: [test/Composition] resources[a] composes widgets.example.org/v1, Kind=Widget, which has no schema: '
    + 'its fields, scope and patch paths are not checked; list its CRD in the imports of cdk8s.yaml and run `npm run import` (warned once per kind)\n',
  ]);
});

test('an unserved composed version fails synth unless the resource suppresses LintRule.UNSERVED_VERSION', () => {
  // The bundled provider-upjet-gcp serves ProjectIAMMember at v1beta2 only.
  const member = { apiVersion: 'cloudplatform.gcp.upbound.io/v1beta1', kind: 'ProjectIAMMember', spec: { forProvider: {} } };
  const strict = setup({}, XrdScope.CLUSTER);
  strict.comp.addResource('member', member);
  expect(() => strict.app.synthYaml()).toThrow(/resources\[member\]\.base\.apiVersion must be a served version of ProjectIAMMember, got 'cloudplatform.gcp.upbound.io\/v1beta1'/);
  const accepted = setup({}, XrdScope.CLUSTER);
  accepted.comp.addResource('member', member, { suppress: [LintRule.UNSERVED_VERSION] });
  expect(() => accepted.app.synthYaml()).not.toThrow();
  expect(() => setup().comp.addResource('member', member, { suppress: ['unserved' as LintRule] })).toThrow(/resources\[member\] suppress must hold LintRule values/);
});
