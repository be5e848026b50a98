// Go encoding/json.Unmarshal texts (scanner error messages, type errors, float64 numbers), no upstream test file.
import { goJsonUnmarshal, GoJsonSyntaxError } from '../../../src/engine/go/json';

describe('goJsonUnmarshal', () => {
  test('decodes numbers as float64', () => {
    expect(goJsonUnmarshal('{"a":[1,"x",true,null,{"b":2.5}]}', 'object')).toStrictEqual({ a: [1, 'x', true, null, { b: 2.5 }] });
  });
  test('null decodes to null for any target', () => {
    expect(goJsonUnmarshal(' null ', 'array')).toBeNull();
  });
  test.each<[string, string]>([
    ['', 'unexpected end of JSON input'],
    ['x', "invalid character 'x' looking for beginning of value"],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{"a":1 "b":2}', 'invalid character \'"\' after object key:value pair'],
    ['[1 2]', "invalid character '2' after array element"],
    ['{1:2}', "invalid character '1' looking for beginning of object key string"],
    ['"a\u0001"', "invalid character '\\x01' in string literal"],
    ['"\\q"', "invalid character 'q' in string escape code"],
    ['"\\u12x4"', "invalid character 'x' in \\u hexadecimal character escape"],
    ['01', "invalid character '1' after top-level value"],
    ['-', "invalid character ' ' in numeric literal"],
    ['1.', "invalid character ' ' after decimal point in numeric literal"],
    ['1e', "invalid character ' ' in exponent of numeric literal"],
    ['tru', "invalid character ' ' in literal true (expecting 'e')"],
    ['nulx', "invalid character 'x' in literal null (expecting 'l')"],
    ['{"a":1}x', "invalid character 'x' after top-level value"],
    ['"abc', 'unexpected end of JSON input'],
    ['[', 'unexpected end of JSON input'],
    ['é', "invalid character 'Ã' looking for beginning of value"],
    ["'a'", "invalid character '\\'' looking for beginning of value"],
  ])('%p fails with Go\'s message', (text, message) => {
    expect(() => goJsonUnmarshal(text, 'any')).toThrow(new GoJsonSyntaxError(message));
  });
  test('a number out of float64 range fails like encoding/json', () => {
    expect(() => goJsonUnmarshal('{"a":1e400}', 'object')).toThrow('json: cannot unmarshal number 1e400 into Go value of type float64');
  });
  test('the wrong top-level kind fails with the Go type', () => {
    expect(() => goJsonUnmarshal('"s"', 'object')).toThrow('json: cannot unmarshal string into Go value of type map[string]interface {}');
    expect(() => goJsonUnmarshal('1', 'array')).toThrow('json: cannot unmarshal number into Go value of type []interface {}');
  });
});
