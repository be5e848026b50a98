/**
 * The example/ folder of crossplane-contrib/function-sequencer at v0.6.0 (commit
 * 8ee29b46b7b9491fb307cf6caf339541a8d93422), rendered as its README runs it
 * (`crossplane render xr.yaml <composition> functions.yaml -r -o <observed>`).
 *
 * The README's outputs for the regex and deletion-sequencing examples are compared on what the
 * sequencer decides: which composed resources are rendered, the Usages it adds (name and spec)
 * and its result messages. The XR status and metadata details in the README come from older
 * render versions. Not compared: the basic composition.yaml example, whose README output is a
 * leftover of the function template ("I was run with input ..."); the conditional and
 * delete-only examples have no README output, so they are checked against fn.go's rules.
 *
 * Every render here asks for the classic output: the README's outputs are those of the classic
 * `crossplane render` (function results printed as the function returned them, step by step),
 * and the fn.go checks are about the function's own results, which only the classic output
 * prints unwrapped (the reconcile output turns them into XR events among the reconciler's own).
 */
import { parseAllDocuments } from 'yaml';
import { render } from '../../../../src/engine';
import {
  COMPOSITION_CONDITIONAL, COMPOSITION_DELETE_ONLY, COMPOSITION_DELETION, COMPOSITION_REGEX, OBSERVED_DELETION, OBSERVED_REGEX,
} from './example-manifests';

const docs = (text: string) => parseAllDocuments(text).map((d) => d.toJSON());
const XR = { apiVersion: 'example.crossplane.io/v1', kind: 'XR', metadata: { name: 'example-xr' }, spec: {} };
const names = (resources: Record<string, any>[]) => resources.map((r) => r.metadata.annotations['crossplane.io/composition-resource-name']);

describe('function-sequencer examples (example/README.md v0.6.0)', () => {
  test('Regex Pattern Example: third-resource waits for the objects matching object$', () => {
    const r = render({ output: 'classic', xr: XR, composition: docs(COMPOSITION_REGEX)[0], observed: docs(OBSERVED_REGEX), includeFunctionResults: true });
    expect(names(r.resources)).toEqual(['first-subresource-1', 'first-subresource-2', 'second-object']);
    expect(r.results).toEqual([{
      apiVersion: 'render.crossplane.io/v1beta1', kind: 'Result', step: 'sequence-creation', severity: 'SEVERITY_NORMAL',
      message: 'Delaying creation of resource(s) matching "third-resource" because "object$" is not fully ready (0 of 1)',
    }]);
    expect(r.toYaml()).toContain('message: Delaying creation of resource(s) matching "third-resource" because "object$"\n  is not fully ready (0 of 1)\n');
  });

  test('Deletion Sequencing Example: v1 Usages protect first-resource from second and third', () => {
    const r = render({ output: 'classic', xr: XR, composition: docs(COMPOSITION_DELETION)[0], observed: docs(OBSERVED_DELETION), includeFunctionResults: true });
    expect(names(r.resources)).toEqual(['first-resource', 'second-resource', 'second-resource-first-resource-usage', 'third-resource', 'third-resource-first-resource-usage']);
    const usage = (by: string, name: string) => ({
      apiVersion: 'apiextensions.crossplane.io/v1beta1',
      kind: 'Usage',
      name,
      spec: {
        by: { apiVersion: 'nop.crossplane.io/v1alpha1', kind: 'NopResource', resourceRef: { name: by } },
        of: { apiVersion: 'nop.crossplane.io/v1alpha1', kind: 'NopResource', resourceRef: { name: 'first' } },
        reason: 'dependency',
        replayDeletion: true,
      },
    });
    const usages = r.resources.filter((o) => o.kind === 'Usage').map((o) => ({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, spec: o.spec }));
    expect(usages).toEqual([
      usage('second', 'nopresource-second-nopresource-first-4f1a57-dependency'),
      usage('third', 'nopresource-third-nopresource-first-1b4fc5-dependency'),
    ]);
    expect(r.results).toEqual([]);
    expect(r.xr.status.conditions[0]).toMatchObject({ type: 'Ready', status: 'True', reason: 'Available' });
  });

  test('composition-conditional.yaml: a false condition skips its rule with a Normal result; a missing field is an evaluation error (fn.go)', () => {
    const comp = docs(COMPOSITION_CONDITIONAL)[0];
    const off = render({ output: 'classic', xr: { ...XR, spec: { enableOptional: false } }, composition: comp, includeFunctionResults: true });
    expect(names(off.resources)).toEqual(['first-resource', 'optional-resource']);
    expect(off.results.map((x) => x.message)).toEqual([
      'Delaying creation of resource(s) matching "second-resource" because "first-resource" is not fully ready (0 of 1)',
      'Skipping sequence [second-resource optional-resource]: condition "observed.composite.resource.spec.enableOptional == true" evaluated to false',
    ]);
    const on = render({ output: 'classic', xr: { ...XR, spec: { enableOptional: true } }, composition: comp, includeFunctionResults: true });
    expect(names(on.resources)).toEqual(['first-resource']);
    expect(on.results.map((x) => x.message)).toEqual([
      'Delaying creation of resource(s) matching "second-resource" because "first-resource" is not fully ready (0 of 1)',
      'Delaying creation of resource(s) matching "optional-resource" because "second-resource" does not exist yet',
    ]);
    // The example's xr.yaml has no spec.enableOptional: reading a missing Struct key is a CEL
    // evaluation error in cel-go too, and the step fails.
    expect(() => render({ output: 'classic', xr: XR, composition: comp })).toThrow(
      /^pipeline step "sequence-creation" returned a fatal result: cannot evaluate condition "observed.composite.resource.spec.enableOptional == true" for sequence \[second-resource optional-resource\]: cannot evaluate CEL condition: /);
  });

  test('composition-delete-only.yaml: a deleteOnly rule never holds back creation (fn.go)', () => {
    const r = render({ output: 'classic', xr: XR, composition: docs(COMPOSITION_DELETE_ONLY)[0], includeFunctionResults: true });
    expect(names(r.resources)).toEqual(['first-resource', 'second-resource']);
    expect(r.results).toEqual([]);
  });
});
