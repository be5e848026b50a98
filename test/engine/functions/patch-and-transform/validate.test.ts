/**
 * P&T input validation, re-expressing P&T's validate_test.go: the first error only, with the
 * field path and text Kubernetes' field.Error prints.
 */
import { validateConnectionDetail, validatePatch, validatePtInput, validateReadinessCheck } from '../../../../src/engine/functions/patch-and-transform/validate';
import type { PtInput } from '../../../../src/engine/functions/patch-and-transform/input';

const msg = (e: { toString(): string } | undefined) => e?.toString();

describe('validateReadinessCheck (ported from validate_test.go)', () => {
  const cases: [string, object, string | undefined][] = [
    ['None needs nothing', { type: 'None' }, undefined],
    ['NonEmpty with a field path is valid', { type: 'NonEmpty', fieldPath: 'spec.foo' }, undefined],
    ['NonEmpty without a field path is invalid', { type: 'NonEmpty' }, 'fieldPath: Required value: cannot be empty'],
    ['MatchString with value and path is valid', { type: 'MatchString', fieldPath: 'spec.foo', matchString: 'bar' }, undefined],
    ['MatchString with an empty string value is valid', { type: 'MatchString', fieldPath: 'spec.foo', matchString: '' }, undefined],
    ['MatchString without value is invalid', { type: 'MatchString', fieldPath: 'spec.foo' }, 'matchString: Required value: cannot be nil for type MatchString'],
    ['MatchInteger with value 0 is valid', { type: 'MatchInteger', fieldPath: 'spec.foo', matchInteger: 0 }, undefined],
    ['MatchInteger without value is invalid', { type: 'MatchInteger', fieldPath: 'spec.foo' }, 'matchInteger: Required value: cannot be nil for type MatchInteger'],
    ['MatchInteger without path is invalid', { type: 'MatchInteger', matchInteger: 1 }, 'fieldPath: Required value: cannot be empty'],
    ['MatchTrue without path is invalid', { type: 'MatchTrue' }, 'fieldPath: Required value: cannot be empty'],
    ['MatchFalse with path is valid', { type: 'MatchFalse', fieldPath: 'a' }, undefined],
    ['MatchCondition with type and status is valid', { type: 'MatchCondition', matchCondition: { type: 'Ready', status: 'True' } }, undefined],
    ['MatchCondition without matchCondition passes validation', { type: 'MatchCondition' }, undefined],
    ['MatchCondition with empty type is invalid', { type: 'MatchCondition', matchCondition: { status: 'True' } }, 'matchCondition.type: Required value: cannot be empty for type MatchCondition'],
    ['MatchCondition with empty status is invalid', { type: 'MatchCondition', matchCondition: { type: 'Ready' } }, 'matchCondition.status: Required value: cannot be empty for type MatchCondition'],
    ['an unknown type is invalid', { type: 'Nope' }, 'type: Invalid value: "Nope": unknown readiness check type'],
    ['an empty type is invalid', {}, 'type: Invalid value: "": unknown readiness check type'],
  ];
  test.each(cases)('%s', (_n, check, want) => {
    expect(msg(validateReadinessCheck(check))).toBe(want);
  });
});

describe('validateConnectionDetail (ported)', () => {
  const cases: [string, object, string | undefined][] = [
    ['type is required', { name: 'a' }, 'type: Required value: connection detail type is required'],
    ['unknown type is invalid', { type: 'Nope', name: 'a' }, 'type: Invalid value: "Nope": unknown connection detail type'],
    ['name is required', { type: 'FromValue', value: 'x' }, 'name: Required value: name is required'],
    ['FromValue needs value', { type: 'FromValue', name: 'a' }, 'value: Required value: value connection detail requires a value'],
    ['FromConnectionSecretKey needs a key', { type: 'FromConnectionSecretKey', name: 'a' }, 'fromConnectionSecretKey: Required value: from connection secret key connection detail requires a key'],
    ['FromFieldPath needs a path', { type: 'FromFieldPath', name: 'a' }, 'fromFieldPath: Required value: from field path connection detail requires a field path'],
    ['FromFieldPath with a path is valid', { type: 'FromFieldPath', name: 'a', fromFieldPath: 'status.x' }, undefined],
  ];
  test.each(cases)('%s', (_n, cd, want) => {
    expect(msg(validateConnectionDetail(cd))).toBe(want);
  });
});

describe('validatePatch (ported)', () => {
  const cases: [string, object, string | undefined][] = [
    ['FromCompositeFieldPath (the default type) needs fromFieldPath', {}, 'fromFieldPath: Required value: fromFieldPath must be set for patch type FromCompositeFieldPath'],
    ['ToCompositeFieldPath needs fromFieldPath', { type: 'ToCompositeFieldPath' }, 'fromFieldPath: Required value: fromFieldPath must be set for patch type ToCompositeFieldPath'],
    ['FromEnvironmentFieldPath with fromFieldPath is valid', { type: 'FromEnvironmentFieldPath', fromFieldPath: 'a' }, undefined],
    ['PatchSet needs patchSetName', { type: 'PatchSet' }, 'patchSetName: Required value: patchSetName must be set for patch type PatchSet'],
    ['Combine needs combine', { type: 'CombineFromComposite', toFieldPath: 'a' }, 'combine: Required value: combine must be set for patch type CombineFromComposite'],
    ['Combine needs an explicit toFieldPath', { type: 'CombineToComposite', combine: { strategy: 'string', string: { fmt: '%s' }, variables: [{ fromFieldPath: 'a' }] } }, 'toFieldPath: Required value: toFieldPath must be set for patch type CombineToComposite'],
    ['Combine needs a strategy', { type: 'CombineFromComposite', toFieldPath: 'a', combine: { variables: [{ fromFieldPath: 'a' }] } }, 'combine.strategy: Required value: a combine strategy must be provided'],
    ['Combine with an unknown strategy', { type: 'CombineFromComposite', toFieldPath: 'a', combine: { strategy: 'math' } }, 'combine.strategy: Invalid value: "math": unknown strategy type'],
    ['Combine string strategy needs string', { type: 'CombineFromComposite', toFieldPath: 'a', combine: { strategy: 'string' } }, 'combine.string: Required value: string must be set for combine strategy string'],
    ['Combine needs variables', { type: 'CombineFromComposite', toFieldPath: 'a', combine: { strategy: 'string', string: { fmt: '%s' } } }, 'combine.variables: Required value: at least one variable must be provided'],
    ['Combine variables need fromFieldPath', { type: 'CombineFromComposite', toFieldPath: 'a', combine: { strategy: 'string', string: { fmt: '%s' }, variables: [{}] } }, 'combine.variables[0].fromFieldPath: Required value: fromFieldPath must be set for each combine variable'],
    ['an unknown patch type', { type: 'Nope' }, 'type: Invalid value: "Nope": unknown patch type'],
    ['an unknown toFieldPath policy', { fromFieldPath: 'a', policy: { toFieldPath: 'Nope' } }, 'policy.toFieldPathPolicy: Invalid value: "Nope": unknown toFieldPathPolicy'],
    ['an unknown fromFieldPath policy', { fromFieldPath: 'a', policy: { fromFieldPath: 'Nope' } }, 'policy.fromFieldPathPolicy: Invalid value: "Nope": unknown fromFieldPathPolicy'],
    ['a present but empty policy is fine', { fromFieldPath: 'a', policy: {} }, undefined],
    ['deprecated policy names are accepted', { fromFieldPath: 'a', policy: { toFieldPath: 'MergeObject' } }, undefined],
    ['an invalid transform is reported under transforms[i]', { fromFieldPath: 'a', transforms: [{ type: 'map', map: { a: 'b' } }, { type: 'nope' }] }, 'transforms[1].type: Invalid value: "nope": unknown transform type'],
  ];
  test.each(cases)('%s', (_n, p, want) => {
    expect(msg(validatePatch(p, true))).toBe(want);
  });
});

describe('validatePtInput (ported)', () => {
  const cases: [string, PtInput, string | undefined][] = [
    ['resources or environment patches are required', {}, 'resources: Required value: resources or environment patches are required'],
    ['environment patches alone are enough', { environment: { patches: [{ fromFieldPath: 'a' }] } }, undefined],
    ['a patch set needs a name', { patchSets: [{ patches: [] }], resources: [{ name: 'a' }] }, 'name: Required value: name is required'],
    ['a resource needs a name', { resources: [{ name: 'a' }, {}] }, 'resources[1].name: Required value: name is required'],
    ['errors carry the full path', { resources: [{ name: 'a', patches: [{ fromFieldPath: 'x', transforms: [{ type: 'string', string: {} }] }] }] }, 'resources[0].patches[0].transforms[0].string.type: Required value: string transform type is required'],
    ['readiness checks are validated', { resources: [{ name: 'a', readinessChecks: [{ type: 'MatchTrue' }] }] }, 'resources[0].readinessChecks[0].fieldPath: Required value: cannot be empty'],
    ['connection details are validated', { resources: [{ name: 'a', connectionDetails: [{ type: 'FromValue', name: 'x' }] }] }, 'resources[0].connectionDetails[0].value: Required value: value connection detail requires a value'],
    ['environment patch types are limited', { environment: { patches: [{ type: 'CombineFromEnvironment' }] } }, 'environment.patches[0][type]: Invalid value: "CombineFromEnvironment": invalid environment patch type'],
    ['environment patches are validated', { environment: { patches: [{ type: 'ToCompositeFieldPath' }] } }, 'environment.patches[0].fromFieldPath: Required value: fromFieldPath must be set for patch type ToCompositeFieldPath'],
    ['patch-set patches are validated first', { patchSets: [{ name: 'ps', patches: [{ type: 'Nope' }] }], resources: [{}] }, 'patches[0].type: Invalid value: "Nope": unknown patch type'],
  ];
  test.each(cases)('%s', (_n, input, want) => {
    expect(msg(validatePtInput(input))).toBe(want);
  });
});
