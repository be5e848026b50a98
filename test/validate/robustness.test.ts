import fc from 'fast-check';
import { validate } from '../../src/validate/validate';

// The validator must never throw on user data: every problem is a finding.
const KINDS: [string, string][] = [
  ['container.gcp.m.upbound.io/v1beta1', 'Cluster'],
  ['cloudplatform.gcp.upbound.io/v1beta2', 'ProjectIAMMember'],
  ['apiextensions.crossplane.io/v1', 'Composition'],
  ['apiextensions.crossplane.io/v2', 'CompositeResourceDefinition'],
  ['pkg.crossplane.io/v1', 'Function'],
];

test('validate never throws on arbitrary objects of known kinds', () => {
  fc.assert(fc.property(fc.constantFrom(...KINDS), fc.anything(), fc.anything(), fc.anything(), ([apiVersion, kind], metadata, spec, extra) => {
    const findings = validate([{ apiVersion, kind, metadata, spec, extra }, spec, extra]);
    expect(Array.isArray(findings)).toBe(true);
  }), { numRuns: 100 });
});

test('validate never throws on arbitrary Composition pipelines', () => {
  const patch = fc.record({ type: fc.constantFrom('FromCompositeFieldPath', 'ToCompositeFieldPath', 'CombineFromComposite', 'PatchSet', 'Bogus'), fromFieldPath: fc.string(), toFieldPath: fc.string(), patchSetName: fc.string() }, { requiredKeys: [] });
  fc.assert(fc.property(fc.array(patch, { maxLength: 4 }), fc.string(), (patches, version) => {
    const c = { apiVersion: 'apiextensions.crossplane.io/v1', kind: 'Composition', metadata: { name: 'c' }, spec: { compositeTypeRef: { apiVersion: `a.io/${version}`, kind: 'X' }, mode: 'Pipeline', pipeline: [{ step: 's', functionRef: { name: 'f' }, input: { apiVersion: 'pt.fn.crossplane.io/v1beta1', kind: 'Resources', resources: [{ name: 'r', base: { apiVersion: 'container.gcp.m.upbound.io/v1beta1', kind: 'Cluster' }, patches }] } }] } };
    expect(Array.isArray(validate(c))).toBe(true);
  }), { numRuns: 100 });
});
