/**
 * Readiness checks and connection details, re-expressing P&T's ready_test.go and
 * connection_test.go (observed objects arrive through Struct: numbers are float64).
 */
import { composeConnectionSecret, extractConnectionDetails } from '../../../../src/engine/functions/patch-and-transform/connection';
import { isReady } from '../../../../src/engine/functions/patch-and-transform/readiness';
import { fromStruct } from '../../../../src/engine/go/values';
import type { ObjectValue } from '../../../../src/engine/go/values';

const obj = (o: unknown) => fromStruct(o) as ObjectValue;

describe('isReady (ported from ready_test.go)', () => {
  const withStatus = (status: unknown) => obj({ apiVersion: 'v1', kind: 'X', status });
  const cases: [string, ObjectValue, unknown[] | undefined, boolean | string][] = [
    ['no checks: ready when Ready=True', withStatus({ conditions: [{ type: 'Ready', status: 'True' }] }), undefined, true],
    ['no checks: not ready when Ready=False', withStatus({ conditions: [{ type: 'Ready', status: 'False' }] }), [], false],
    ['no checks: not ready without conditions', withStatus({}), [], false],
    ['None is always ready', withStatus({}), [{ type: 'None' }], true],
    ['NonEmpty: ready when the field exists', withStatus({ a: '' }), [{ type: 'NonEmpty', fieldPath: 'status.a' }], true],
    ['NonEmpty: not ready when missing', withStatus({}), [{ type: 'NonEmpty', fieldPath: 'status.a' }], false],
    ['MatchString: ready on equal string', withStatus({ s: 'ok' }), [{ type: 'MatchString', fieldPath: 'status.s', matchString: 'ok' }], true],
    ['MatchString: not ready on other string', withStatus({ s: 'no' }), [{ type: 'MatchString', fieldPath: 'status.s', matchString: 'ok' }], false],
    ['MatchString: not ready when missing', withStatus({}), [{ type: 'MatchString', fieldPath: 'status.s', matchString: 'ok' }], false],
    ['MatchInteger: observed float64 numbers make it error', withStatus({ n: 5 }), [{ type: 'MatchInteger', fieldPath: 'status.n', matchInteger: 5 }], 'cannot run readiness check at index 0: status.n: not a (int64) number'],
    ['MatchInteger: not ready when missing', withStatus({}), [{ type: 'MatchInteger', fieldPath: 'status.n', matchInteger: 5 }], false],
    ['MatchTrue: ready on true', withStatus({ b: true }), [{ type: 'MatchTrue', fieldPath: 'status.b' }], true],
    ['MatchTrue: not ready on false', withStatus({ b: false }), [{ type: 'MatchTrue', fieldPath: 'status.b' }], false],
    ['MatchFalse: ready on false', withStatus({ b: false }), [{ type: 'MatchFalse', fieldPath: 'status.b' }], true],
    ['MatchFalse: a missing field is not false', withStatus({}), [{ type: 'MatchFalse', fieldPath: 'status.b' }], false],
    ['MatchTrue: a non-bool errors', withStatus({ b: 'yes' }), [{ type: 'MatchTrue', fieldPath: 'status.b' }], 'cannot run readiness check at index 0: status.b: not a bool'],
    ['MatchCondition: ready on matching status', withStatus({ conditions: [{ type: 'Synced', status: 'True' }] }), [{ type: 'MatchCondition', matchCondition: { type: 'Synced', status: 'True' } }], true],
    ['MatchCondition: an absent condition counts as Unknown', withStatus({}), [{ type: 'MatchCondition', matchCondition: { type: 'Synced', status: 'Unknown' } }], true],
    // function-sdk-go v0.5.0 resource/composed/composed.go GetCondition: no decodable status
    // gives the empty condition (status ""), not Unknown; P&T 55116ae ready.go compares
    // its Status with matchCondition.status.
    ['MatchCondition: a resource without status has no condition status at all, so Unknown does not match', obj({ apiVersion: 'v1', kind: 'X' }), [{ type: 'MatchCondition', matchCondition: { type: 'Synced', status: 'Unknown' } }], false],
    ['MatchCondition: without status, True does not match either', obj({ apiVersion: 'v1', kind: 'X' }), [{ type: 'MatchCondition', matchCondition: { type: 'Ready', status: 'True' } }], false],
    ['MatchCondition: a status that does not decode (conditions not a list) has no condition status', withStatus({ conditions: 'x' }), [{ type: 'MatchCondition', matchCondition: { type: 'Synced', status: 'Unknown' } }], false],
    ['all checks must pass', withStatus({ a: 'x' }), [{ type: 'NonEmpty', fieldPath: 'status.a' }, { type: 'NonEmpty', fieldPath: 'status.b' }], false],
    ['an invalid check errors', withStatus({}), [{ type: 'Nope' }], 'cannot run readiness check at index 0: invalid: type: Invalid value: "Nope": unknown readiness check type'],
  ];
  test.each(cases)('%s', (_n, o, checks, want) => {
    if (typeof want === 'string') expect(() => isReady(o, checks as never)).toThrow(want);
    else expect(isReady(o, checks as never)).toBe(want);
  });
});

describe('extractConnectionDetails (ported from connection_test.go)', () => {
  const observed = obj({ apiVersion: 'v1', kind: 'X', metadata: { name: 'cd' }, status: { s: 'str', n: 5, o: { a: 1 } } });
  test('extracts every detail type; missing keys and fields are skipped', () => {
    const out = extractConnectionDetails(observed, { key: 'secret' }, [
      { name: 'fromKey', type: 'FromConnectionSecretKey', fromConnectionSecretKey: 'key' },
      { name: 'missingKey', type: 'FromConnectionSecretKey', fromConnectionSecretKey: 'nope' },
      { name: 'fromString', type: 'FromFieldPath', fromFieldPath: 'status.s' },
      { name: 'fromNumber', type: 'FromFieldPath', fromFieldPath: 'status.n' },
      { name: 'fromObject', type: 'FromFieldPath', fromFieldPath: 'status.o' },
      { name: 'missingField', type: 'FromFieldPath', fromFieldPath: 'status.nope' },
      { name: 'fixed', type: 'FromValue', value: 'v' },
    ]);
    expect(out).toEqual({ fromKey: 'secret', fromString: 'str', fromNumber: '5', fromObject: '{"a":1}', fixed: 'v' });
  });
  test('a field path that cannot be read for any reason is skipped too, not only a missing field', () => {
    // function-patch-and-transform connection.go (ff6dba2e628f) ExtractConnectionDetails keeps a
    // FromFieldPath detail only when fromFieldPath returns no error: a malformed path, a field
    // below a string, an index into an object and a value json.Marshal refuses are all left out.
    const odd = obj({ apiVersion: 'v1', kind: 'X', metadata: { name: 'cd' }, status: { s: 'str', nan: Number.NaN } });
    const out = extractConnectionDetails(odd, undefined, [
      { name: 'malformed', type: 'FromFieldPath', fromFieldPath: 'status[' },
      { name: 'belowString', type: 'FromFieldPath', fromFieldPath: 'status.s.deeper' },
      { name: 'indexIntoObject', type: 'FromFieldPath', fromFieldPath: 'status[0]' },
      { name: 'nan', type: 'FromFieldPath', fromFieldPath: 'status.nan' },
      { name: 'ok', type: 'FromFieldPath', fromFieldPath: 'status.s' },
    ]);
    expect(out).toEqual({ ok: 'str' });
  });
  test('an invalid detail errors', () => {
    expect(() => extractConnectionDetails(observed, {}, [{ name: 'x', type: 'FromValue' }])).toThrow('invalid: value: Required value: value connection detail requires a value');
  });
  test('no configs, no details', () => {
    expect(extractConnectionDetails(observed, { a: 'b' }, [])).toEqual({});
  });
});

describe('composeConnectionSecret (ported from connection_test.go getConnectionSecretRef cases)', () => {
  const xr = (spec: unknown = { crossplane: {} }) => obj({ apiVersion: 'example.org/v1', kind: 'XR', metadata: { name: 'my-xr', namespace: 'default' }, spec });
  const meta = (o: ObjectValue) => o.metadata;
  test('without input or XR ref: <xr-name>-connection in the XR namespace', () => {
    expect(meta(composeConnectionSecret(xr(), { a: 'b' }, {}))).toEqual({ name: 'my-xr-connection', namespace: 'default' });
  });
  // connection_test.go TestGetConnectionSecretRef (P&T 55116ae; getBaseConnectionSecretRef is
  // the same in v0.10.8).
  test('XRRefAndInputProvided: the XR\'s writeConnectionSecretToRef wins over the input\'s', () => {
    const x = obj({ apiVersion: 'example.org/v1', kind: 'XR', metadata: { uid: 'test-uid-456' }, spec: { crossplane: {}, writeConnectionSecretToRef: { name: 'xr-secret', namespace: 'xr-namespace' } } });
    expect(meta(composeConnectionSecret(x, { a: 'b' }, { writeConnectionSecretToRef: { name: 'my-custom-secret', namespace: 'custom-namespace' } }))).toEqual({ name: 'xr-secret', namespace: 'xr-namespace' });
  });
  test('InputProvidedNoXRRef: the input ref is used when the XR has none (name and namespace taken as given)', () => {
    const x = obj({ apiVersion: 'example.org/v1', kind: 'XR', metadata: { uid: 'test-uid-123' }, spec: { crossplane: {} } });
    expect(meta(composeConnectionSecret(x, { a: 'b' }, { writeConnectionSecretToRef: { name: 'my-custom-secret', namespace: 'custom-namespace' } }))).toEqual({ name: 'my-custom-secret', namespace: 'custom-namespace' });
    expect(meta(composeConnectionSecret(xr(), { a: 'b' }, { writeConnectionSecretToRef: { name: 'in-secret' } }))).toEqual({ name: 'in-secret' });
  });
  test('PatchesWithStaticBase: patches overwrite the input ref field by field', () => {
    const x = obj({ apiVersion: 'example.org/v1', kind: 'XR', metadata: { name: 'my-xr', namespace: 'default' }, spec: { crossplane: {}, targetNamespace: 'custom-ns' } });
    const input = { writeConnectionSecretToRef: { name: 'base-secret-name', namespace: 'base-secret-namespace', patches: [{ type: 'FromCompositeFieldPath', fromFieldPath: 'spec.targetNamespace', toFieldPath: 'namespace' }] } };
    expect(meta(composeConnectionSecret(x, { a: 'b' }, input))).toEqual({ name: 'base-secret-name', namespace: 'custom-ns' });
  });
  test("the XR's own writeConnectionSecretToRef is used when the input sets none", () => {
    expect(meta(composeConnectionSecret(xr({ crossplane: {}, writeConnectionSecretToRef: { name: 'xr-secret', namespace: 'other' } }), { a: 'b' }, {}))).toEqual({ name: 'xr-secret', namespace: 'other' });
  });
  test('patches from the XR adjust the name', () => {
    const input = { writeConnectionSecretToRef: { patches: [{ type: 'FromCompositeFieldPath', fromFieldPath: 'metadata.name', toFieldPath: 'name', transforms: [{ type: 'string', string: { type: 'Format', fmt: '%s-creds' } }] }] } };
    expect(meta(composeConnectionSecret(xr(), { a: 'b' }, input))).toEqual({ name: 'my-xr-creds', namespace: 'default' });
  });
  test('an Optional patch that fails is skipped', () => {
    const input = { writeConnectionSecretToRef: { patches: [{ type: 'FromCompositeFieldPath', fromFieldPath: 'spec.nope', toFieldPath: 'name' }] } };
    expect(meta(composeConnectionSecret(xr(), { a: 'b' }, input))).toEqual({ name: 'my-xr-connection', namespace: 'default' });
  });
  test('a Required patch that fails is an error', () => {
    const input = { writeConnectionSecretToRef: { patches: [{ type: 'FromCompositeFieldPath', fromFieldPath: 'spec.nope', toFieldPath: 'name', policy: { fromFieldPath: 'Required' } }] } };
    expect(() => composeConnectionSecret(xr(), { a: 'b' }, input)).toThrow('cannot generate connection secret reference: cannot apply connection secret patches: cannot apply patch type FromCompositeFieldPath at index 0: spec.nope: no such field');
  });
  test('unsupported patch types are errors', () => {
    const input = { writeConnectionSecretToRef: { patches: [{ type: 'CombineToEnvironment' }] } };
    expect(() => composeConnectionSecret(xr(), { a: 'b' }, input)).toThrow('unsupported patch type CombineToEnvironment at index 0');
  });
  test('data is base64 and the type is the connection secret type', () => {
    const s = composeConnectionSecret(xr(), { user: 'admin' }, {});
    expect(s.data).toEqual({ user: 'YWRtaW4=' });
    expect(s.type).toBe('connection.crossplane.io/v1alpha1');
  });
});
