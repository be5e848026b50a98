// Go number typing and encoding/json text; expectations follow Go's encoding/json and the Kubernetes JSON decoder (reference §3.7), no upstream test file.
import {
  deepCopy, deepEqual, fromKubernetesJson, fromStruct, GoJsonError, goJsonMarshal, goTypeName, jsonRoundTrip, toPlain, Value,
} from '../../../src/engine/go/values';

describe('goTypeName', () => {
  test.each<[Value, string]>([
    [1.5, 'float64'], [3n, 'int64'], ['s', 'string'], [true, 'bool'], [null, '<nil>'], [[1], '[]interface {}'], [{ a: 1 }, 'map[string]interface {}'],
  ])('names %p as %s', (v, want) => expect(goTypeName(v)).toBe(want));
});

describe('number typing', () => {
  test('Struct values make every number float64', () => {
    expect(fromStruct({ a: 3, b: [1, 2n], c: null })).toEqual({ a: 3, b: [1, 2], c: null });
  });
  test('the Kubernetes decoder makes integral numbers int64 and others float64', () => {
    expect(fromKubernetesJson({ a: 3, b: 1.5, c: [-0, 1e300] })).toEqual({ a: 3n, b: 1.5, c: [0n, 1e300] });
  });
  test('a JSON round trip turns whole float64 values into int64 within int64 range', () => {
    expect(jsonRoundTrip({ a: 3, b: 1.5, c: 1e18, d: 1e20, e: 7n, f: 'x', g: [2] })).toEqual({ a: 3n, b: 1.5, c: 10n ** 18n, d: 1e20, e: 7n, f: 'x', g: [2n] });
  });
  test('a JSON round trip of NaN fails like json.Marshal', () => {
    expect(() => jsonRoundTrip({ a: NaN })).toThrow(new GoJsonError('json: unsupported value: NaN'));
    expect(() => jsonRoundTrip(Infinity)).toThrow('json: unsupported value: +Inf');
  });
});

describe('goJsonMarshal (encoding/json text)', () => {
  test.each<[Value, string]>([
    [3, '3'], [3n, '3'], [0.1, '0.1'], [1e21, '1e+21'], [1e20, '100000000000000000000'], [1e-7, '1e-7'], [1.5e-6, '0.0000015'],
    [123456789, '123456789'], [-0, '-0'], [-2.5, '-2.5'], [1.7976931348623157e308, '1.7976931348623157e+308'],
    [true, 'true'], [null, 'null'], ['a"b\\c', '"a\\"b\\\\c"'], ['<a&b>', '"\\u003ca\\u0026b\\u003e"'],
    ['\n\r\t\b\f\u0001\u001f', '"\\n\\r\\t\\b\\f\\u0001\\u001f"'], ['\u2028\u2029', '"\\u2028\\u2029"'], ['é😀', '"é😀"'],
    [{ b: 1n, a: [1.5, 'x'], c: {} }, '{"a":[1.5,"x"],"b":1,"c":{}}'], [[], '[]'],
  ])('marshals %p as %s', (v, want) => expect(goJsonMarshal(v)).toBe(want));

  test('object keys sort by UTF-8 bytes (astral characters after U+FFFF-range ones)', () => {
    expect(goJsonMarshal({ '\u{1F600}': 1n, '\uFF01': 2n, a: 3n })).toBe('{"a":3,"！":2,"😀":1}');
  });
});

describe('toPlain, deepCopy, deepEqual', () => {
  test('toPlain turns safe int64 into numbers and keeps large ones as bigint', () => {
    expect(toPlain({ a: 3n, b: [2n ** 60n], c: 1.5 })).toEqual({ a: 3, b: [2n ** 60n], c: 1.5 });
  });
  test('deepCopy makes an independent copy that keeps number types', () => {
    const v = { a: [1n, { b: 2 }] };
    const c = deepCopy(v);
    expect(c).toEqual(v);
    ((c.a[1]) as { b: number }).b = 5;
    expect((v.a[1] as { b: number }).b).toBe(2);
  });
  test('deepEqual tells int64 from float64 like reflect.DeepEqual', () => {
    expect(deepEqual(1n, 1)).toBe(false);
    expect(deepEqual({ a: [1n, 'x'] }, { a: [1n, 'x'] })).toBe(true);
    expect(deepEqual({ a: 1n }, { a: 1n, b: null })).toBe(false);
    expect(deepEqual([1], { 0: 1 })).toBe(false);
  });
  test('deepCopy keeps a __proto__ key as data', () => {
    const v = JSON.parse('{"__proto__":{"x":1}}');
    const c = deepCopy(fromStruct(v));
    expect(Object.keys(c as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
