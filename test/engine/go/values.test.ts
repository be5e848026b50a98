// Go number typing and encoding/json text; expectations follow Go's encoding/json and the Kubernetes JSON decoder (reference §3.7), no upstream test file.
import {
  deepCopy, deepEqual, fromKubernetesJson, fromStruct, GoJsonError, goJsonMarshal, goTypeName, jsonRoundTrip, toPlain, Value,
} from '../../../src/engine/go/values';
import { fromJson, toBinary } from '@bufbuild/protobuf';
import { StructSchema } from '@bufbuild/protobuf/wkt';
import { structFormFieldsUpper, structFormValueUpper, structSize, structUpperToStruct, valueSize, varintSize } from '../../../src/engine/go/protobuf-size';

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
  test('copies and conversions take own keys only, whatever the prototype, in key order', () => {
    const inherited = Object.assign(Object.create({ hidden: 1 }), { b: 2, a: 1.5 });
    const bare = Object.assign(Object.create(null), { b: 2, a: 1.5 });
    for (const v of [inherited, bare]) {
      expect(fromStruct(v)).toStrictEqual({ b: 2, a: 1.5 });
      expect(fromKubernetesJson(v)).toStrictEqual({ b: 2n, a: 1.5 });
      expect(Object.keys(deepCopy(v as Value) as object)).toEqual(['b', 'a']);
    }
    // Integer-like keys come first, in numeric order, as Object.keys lists them.
    expect(Object.keys(deepCopy({ b: 1, 2: 1, a: 1, 1: 1 }) as object)).toEqual(['1', '2', 'b', 'a']);
  });
});

/**
 * Protobuf sizes of google.protobuf.Struct values (src/engine/go/protobuf-size.ts). Expected
 * sizes are written out byte by byte from the wire format (protobuf.dev "Encoding": tag =
 * field number << 3 | wire type; LEN fields carry a varint length; map entries are messages
 * with key = 1 and value = 2) and struct.proto's field numbers; then checked against
 * @bufbuild/protobuf's encoder on corpus-like values.
 */
describe('protobuf Struct sizes', () => {
  const hex = (s: string) => s.replace(/ /g, '').length / 2;
  test.each<[string, number, number]>([
    ['127 takes one byte', 127, 1], ['128 takes two', 128, 2], ['16383 two', 16383, 2], ['16384 three', 16384, 3],
    ['2^28-1 four', 2 ** 28 - 1, 4], ['2^28 five', 2 ** 28, 5], ['2^35-1 five', 2 ** 35 - 1, 5], ['2^35 six', 2 ** 35, 6],
  ])('varint: %s', (_, n, want) => expect(varintSize(n)).toBe(want));

  test.each<[string, Record<string, Value>, string]>([
    // entry 0a 08 | key 0a 01 'a' | value 12 03 | string_value 1a 01 'b'
    ['one string field', { a: 'b' }, '0a08 0a0161 1203 1a0162'],
    // number_value: tag 0x11 (field 2, I64) and the eight bytes of the double
    ['one number', { n: 1 }, '0a0e 0a016e 1209 11000000000000f03f'],
    ['an int64 travels as a double', { n: 1n }, '0a0e 0a016e 1209 11000000000000f03f'],
    // null_value (field 1, varint 0) and bool_value (field 4) are oneof members: written even when zero/false
    ['null', { x: null }, '0a07 0a0178 1202 0800'],
    ['false', { t: false }, '0a07 0a0174 1202 2000'],
    // struct_value (field 5) holding an empty Struct
    ['an empty object', { s: {} }, '0a07 0a0173 1202 2a00'],
    // list_value (field 6): ListValue { values = 1 } with a string and a number
    ['a list', { l: ['a', 1] }, '0a17 0a016c 1212 3210 0a03 1a0161 0a09 11000000000000f03f'],
    // 'é' is two UTF-8 bytes, '€' three
    ['UTF-8 bytes', { 'é': '€' }, '0a0b 0a02c3a9 1205 1a03e282ac'],
  ])('%s', (_, v, bytes) => expect(structSize(v, 'exact')).toBe(hex(bytes)));

  test('a length of 128 takes a two-byte varint, at every level', () => {
    // value: 1a 80 01 + 128 bytes = 131; value field 12 83 01 + 131 = 134; key 3; entry 0a 89 01 + 137 = 140
    expect(structSize({ a: 'x'.repeat(128) }, 'exact')).toBe(140);
    expect(structSize({ a: 'x'.repeat(127) }, 'exact')).toBe(138);
  });

  test('undefined fields are left out, as JSON leaves them out', () => {
    expect(structSize({ a: 'b', u: undefined } as unknown as Record<string, Value>, 'exact')).toBe(10);
  });

  test('the lower and upper counts bound the UTF-8 size', () => {
    const v = { 'é': '€', plain: 'abc', nested: { list: ['ü', 'x'] } };
    expect(structSize(v, 'lower')).toBeLessThanOrEqual(structSize(v, 'exact'));
    expect(structSize(v, 'upper')).toBeGreaterThanOrEqual(structSize(v, 'exact'));
    expect(structSize({ a: 'b' }, 'lower')).toBe(10);
    expect(structSize({ a: 'b' }, 'upper')).toBe(14);
  });

  test('a value already in Struct form is measured as the upper count measures it; any other value is -1', () => {
    // The walk render uses to check the caller's observed objects measures them too.
    const samples: Record<string, Value>[] = [
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', labels: { a: 'b' } }, data: { k: 'é€' } },
      { s: 'x'.repeat(200), l: Array.from({ length: 150 }, (_, i) => ({ i, s: `item-${i}` })), deep: { a: [[], {}, [null, false, 0.5]] } },
      {},
    ];
    for (const v of samples) {
      expect(structFormFieldsUpper(v)).toBe(structSize(v, 'upper'));
      expect(structFormValueUpper(v)).toBe(valueSize(v, 'upper'));
    }
    for (const v of [{ a: 1n }, { a: undefined }, { l: [1, , 3] }, { d: new Date(0) }, new Map(), { a: () => 1 }]) {
      expect(structFormFieldsUpper(v as object)).toBe(-1);
    }
    expect(structFormValueUpper(undefined)).toBe(-1);
    expect(structFormValueUpper('ab')).toBe(valueSize('ab', 'upper'));
  });

  test('an object of the engine measured on its way to a Struct has its int64 values turned into float64 in place', () => {
    const v: Record<string, Value> = { n: 3n, l: [1n, 'a', { m: -2n }], o: { f: 0.5, big: 9007199254740993n }, s: 'é' };
    const before = structSize(v, 'upper');
    expect(structUpperToStruct(v)).toBe(before);
    expect(v).toEqual({ n: 3, l: [1, 'a', { m: -2 }], o: { f: 0.5, big: 9007199254740992 }, s: 'é' });
    // Converted, it measures the same again (both kinds of number travel as a double).
    expect(structUpperToStruct(v)).toBe(before);
    expect(structFormFieldsUpper(v)).toBe(before);
  });

  test('sizes equal the length of @bufbuild/protobuf encodings of the same Structs', () => {
    const samples: Record<string, Value>[] = [
      { apiVersion: 'ec2.aws.upbound.io/v1beta1', kind: 'VPC', metadata: { name: 'net', labels: { a: 'b' } }, spec: { forProvider: { cidrBlock: '10.0.0.0/16', tags: ['x', 'y'], n: 3.5, ok: true, none: null } } },
      { s: 'ü'.repeat(70), l: Array.from({ length: 200 }, (_, i) => ({ i, s: `item-${i}` })), deep: { a: { b: { c: { d: [[], {}, [null]] } } } } },
      { big: 'x'.repeat(20000), '': '' },
    ];
    for (const v of samples) {
      const plain = JSON.parse(JSON.stringify(v));
      expect(structSize(v, 'exact')).toBe(toBinary(StructSchema, fromJson(StructSchema, plain)).length);
    }
  });
});
