// Cases ported from crossplane-runtime pkg/fieldpath/fieldpath_test.go and paved_test.go (plus property tests of our own).
import fc from 'fast-check';
import {
  FieldPathError, formatFieldPath, isNotFound, isNotFoundDeep, NotFoundError, parseFieldPath, Paved, Segment,
  fieldOrIndexSegment, fieldSegment,
} from '../../../src/engine/runtime/fieldpath';
import { fromKubernetesJson, ObjectValue, Value } from '../../../src/engine/go/values';

const F = (field: string): Segment => fieldSegment(field);
const I = (index: number): Segment => ({ type: 'index', index });

function pave(json: string | undefined): Paved {
  return new Paved(json === undefined ? {} : (fromKubernetesJson(JSON.parse(json)) as ObjectValue));
}

describe('Segments.String (fieldpath_test.go TestSegments)', () => {
  test.each<[string, Segment[], string]>([
    ['a single field prints bare', [F('spec')], 'spec'],
    ['a single index prints in brackets', [fieldOrIndexSegment('0')], '[0]'],
    ['fields and indexes join with periods and brackets', [F('spec'), F('containers'), fieldOrIndexSegment('0'), F('name')], 'spec.containers[0].name'],
    ['a field containing periods prints in brackets', [F('data'), F('.config.yml')], 'data[.config.yml]'],
  ])('%s', (_name, segments, want) => {
    expect(formatFieldPath(segments)).toBe(want);
  });
});

describe('FieldOrIndex (fieldpath_test.go TestFieldOrIndex)', () => {
  test.each<[string, string, Segment]>([
    ['an unambiguous string is a field', 'coolField', F('coolField')],
    ['quotes are removed from a field', "'coolField'", { type: 'field', field: 'coolField' }],
    ['an unsigned integer is an index', '3', I(3)],
    ['a negative integer is a field', '-3', { type: 'field', field: '-3' }],
    ['a float is a field', '3.0', { type: 'field', field: '3.0' }],
    ['an integer above uint32 is a field', String(4294967295 + 1), { type: 'field', field: '4294967296' }],
  ])('%s', (_name, s, want) => {
    expect(fieldOrIndexSegment(s)).toEqual(want);
  });
});

describe('Parse (fieldpath_test.go TestParse)', () => {
  test.each<[string, string, Segment[]]>([
    ['a path without brackets or periods is one field', 'spec', [F('spec')]],
    ['an integer in brackets is an index', '[0]', [I(0)]],
    ['one period separates two fields', 'metadata.name', [F('metadata'), F('name')]],
    ['the API conventions example parses', 'fields[1].state.current', [F('fields'), I(1), F('state'), F('current')]],
    ['indexing a field gives a field and an index', 'items[0]', [F('items'), I(0)]],
    ['periods and brackets mix', 'spec.containers[0].name', [F('spec'), F('containers'), I(0), F('name')]],
    ['nested arrays give consecutive indexes', 'nested[0][1].name', [F('nested'), I(0), I(1), F('name')]],
    ['a field may be given in brackets', 'spec[containers][0].name', [F('spec'), F('containers'), I(0), F('name')]],
    ['a bracketed field may contain periods', 'data[.config.yml]', [F('data'), F('.config.yml')]],
  ])('%s', (_name, path, want) => {
    expect(parseFieldPath(path)).toEqual(want);
  });

  test.each<[string, string, string]>([
    ['a leading period is rejected', '.metadata.name', "unexpected '.' at position 0"],
    ['a trailing period is rejected', 'metadata.name.', "unexpected '.' at position 13"],
    ['brackets may not follow a period', 'spec.containers.[0].name', "unexpected '[' at position 16"],
    ['two consecutive periods are rejected', 'metadata..name', "unexpected '.' at position 9"],
    ['a right bracket may not appear in a field name', 'metadata.]name', "unexpected ']' at position 9"],
    ['brackets may not nest', 'spec[bracketed[name]]', "unexpected '[' at position 14"],
    ['a left bracket must be closed', 'spec[name', "unterminated '[' at position 4"],
    ['brackets may not be empty', 'spec[]', "unexpected ']' at position 5"],
  ])('%s', (_name, path, message) => {
    expect(() => parseFieldPath(path)).toThrow(new FieldPathError(message));
  });
});

describe('Parse: reference §3.7 details', () => {
  test('a bracket segment may directly follow another bracket or a field follow a bracket', () => {
    expect(parseFieldPath('a[0]b')).toEqual([F('a'), I(0), F('b')]);
  });
  test('a quoted number in brackets is a field, not an index', () => {
    expect(parseFieldPath("a['0']")).toEqual([F('a'), { type: 'field', field: '0' }]);
  });
  test('annotation keys with slashes and periods parse in brackets', () => {
    expect(parseFieldPath('metadata.annotations[crossplane.io/external-name]')).toEqual([
      F('metadata'), F('annotations'), F('crossplane.io/external-name'),
    ]);
  });
  test('error positions count UTF-8 bytes as Go does', () => {
    expect(() => parseFieldPath('é..x')).toThrow("unexpected '.' at position 3");
  });
  test('the empty path has no segments', () => {
    expect(parseFieldPath('')).toEqual([]);
  });
});

describe('IsNotFound (paved_test.go TestIsNotFound)', () => {
  test('a not-found error is recognised', () => {
    expect(isNotFound(new NotFoundError('boom'))).toBe(true);
  });
  test('another error is not a not-found error', () => {
    expect(isNotFound(new FieldPathError('boom'))).toBe(false);
    expect(isNotFound(new Error('boom'))).toBe(false);
  });
});

describe('GetValue (paved_test.go TestGetValue)', () => {
  test.each<[string, string, string, Value]>([
    ['a field of a nested object', 'metadata.name', '{"metadata":{"name":"cool"}}', 'cool'],
    ['a field of an array element', 'spec.containers[0].name', '{"spec":{"containers":[{"name":"cool"}]}}', 'cool'],
    ['an element of a nested array', 'items[0][1]', '{"items":[["a", "b"]]}', 'b'],
    ['a boolean field', 'metadata.ownerRefs[0].controller', '{"metadata":{"ownerRefs":[{"controller": true}]}}', true],
    ['an integer field is int64', 'metadata.version', '{"metadata":{"version":2}}', 2n],
  ])('reads %s', (_name, path, data, want) => {
    expect(pave(data).getValue(path)).toEqual(want);
  });

  test('a float field is float64', () => {
    expect(new Paved({ metadata: { version: 2.5 } }).getValue('metadata.version')).toBe(2.5);
  });

  test.each<[string, string, string, string]>([
    ['a missing object field', 'metadata.name', '{"metadata":{"nope":"cool"}}', 'metadata.name: no such field'],
    ['an array element past the end', 'spec.containers[1].name', '{"spec":{"containers":[{"name":"cool"}]}}', 'spec.containers[1]: no such element'],
  ])('%s is a not-found error', (_name, path, data, message) => {
    const p = pave(data);
    expect(() => p.getValue(path)).toThrow(new NotFoundError(message));
    try {
      p.getValue(path);
    } catch (e) {
      expect(isNotFound(e)).toBe(true);
    }
  });

  test.each<[string, string, string | undefined, string]>([
    ['indexing an object', 'metadata[1]', '{"metadata":{"nope":"cool"}}', 'metadata: not an array'],
    ['a field of an array', 'spec.containers[nope].name', '{"spec":{"containers":[{"name":"cool"}]}}', 'spec.containers: not an object'],
    ['a malformed path', 'spec[]', undefined, 'cannot parse path "spec[]": unexpected \']\' at position 5'],
  ])('%s is a fatal error', (_name, path, data, message) => {
    const p = pave(data);
    expect(() => p.getValue(path)).toThrow(new FieldPathError(message));
    try {
      p.getValue(path);
    } catch (e) {
      expect(isNotFound(e)).toBe(false);
    }
  });

  test('a wildcard read from an array is a fatal "not an object" error (reference §3.7: wildcards are not read)', () => {
    expect(() => new Paved({ spec: { items: ['a'] } }).getValue('spec.items[*].x')).toThrow('spec.items: not an object');
  });

  test('NilParent: a field below a null parent is not found (paved_test.go TestGetValue "NilParent", crossplane-runtime 4e7ed235565d)', () => {
    let err: unknown;
    try { pave('{"spec":{"containers": null}}').getValue('spec.containers[*].name'); } catch (e) { err = e; }
    expect(err).toEqual(new NotFoundError('spec.containers: expected map, got nil'));
    expect(isNotFound(err)).toBe(true);
    // Any field, not only a wildcard one (getValueFromInterface's `case nil`).
    expect(() => pave('{"spec":{"parameters": null}}').getValue('spec.parameters.region')).toThrow(new NotFoundError('spec.parameters: expected map, got nil'));
  });

  test('an index into null stays a fatal "not an array" error (paved.go getValueFromInterface: only fields have a `case nil`)', () => {
    let err: unknown;
    try { pave('{"spec":{"items": null}}').getValue('spec.items[0]'); } catch (e) { err = e; }
    expect(err).toEqual(new FieldPathError('spec.items: not an array'));
    expect(isNotFound(err)).toBe(false);
  });
});

describe('typed getters (paved_test.go TestGetString, TestGetStringArray, TestGetStringObject, TestGetBool, TestGetNumber, TestGetInteger)', () => {
  const malformed = 'cannot parse path "spec[]": unexpected \']\' at position 5';
  test('GetString reads a string', () => expect(pave('{"metadata":{"name":"cool"}}').getString('metadata.name')).toBe('cool'));
  test('GetString rejects a malformed path', () => expect(() => pave('{}').getString('spec[]')).toThrow(malformed));
  test('GetString rejects a number', () => expect(() => pave('{"metadata":{"version":2}}').getString('metadata.version')).toThrow('metadata.version: not a string'));
  test('GetStringArray reads strings', () => expect(pave('{"spec": {"containers": [{"command": ["/bin/bash"]}]}}').getStringArray('spec.containers[0].command')).toEqual(['/bin/bash']));
  test('GetStringArray rejects a malformed path', () => expect(() => pave('{}').getStringArray('spec[]')).toThrow(malformed));
  test('GetStringArray rejects a non-array', () => expect(() => pave('{"metadata":{"version":2}}').getStringArray('metadata.version')).toThrow('metadata.version: not an array'));
  test('GetStringArray rejects non-strings', () => expect(() => pave('{"metadata":{"versions":[1,2]}}').getStringArray('metadata.versions')).toThrow('metadata.versions: not an array of strings'));
  test('GetStringObject reads a string map', () => expect(pave('{"metadata":{"labels":{"cool":"true"}}}').getStringObject('metadata.labels')).toEqual({ cool: 'true' }));
  test('GetStringObject rejects a malformed path', () => expect(() => pave('{}').getStringObject('spec[]')).toThrow(malformed));
  test('GetStringObject rejects a non-object', () => expect(() => pave('{"metadata":{"version":2}}').getStringObject('metadata.version')).toThrow('metadata.version: not an object'));
  test('GetStringObject rejects non-string values', () => expect(() => pave('{"metadata":{"versions":{"a": 2}}}').getStringObject('metadata.versions')).toThrow('metadata.versions: not an object with string field values'));
  test('GetBool reads a bool', () => expect(pave('{"metadata":{"ownerRefs":[{"controller": true}]}}').getBool('metadata.ownerRefs[0].controller')).toBe(true));
  test('GetBool rejects a malformed path', () => expect(() => pave('{}').getBool('spec[]')).toThrow(malformed));
  test('GetBool rejects a string', () => expect(() => pave('{"metadata":{"name":"cool"}}').getBool('metadata.name')).toThrow('metadata.name: not a bool'));
  test('GetNumber reads a float64', () => expect(new Paved({ metadata: { version: 2 } }).getNumber('metadata.version')).toBe(2));
  test('GetNumber rejects a malformed path', () => expect(() => pave('{}').getNumber('spec[]')).toThrow(malformed));
  test('GetNumber rejects a string', () => expect(() => pave('{"metadata":{"name":"cool"}}').getNumber('metadata.name')).toThrow('metadata.name: not a (float64) number'));
  test('GetInteger reads an int64', () => expect(pave('{"metadata":{"version":2}}').getInteger('metadata.version')).toBe(2n));
  test('GetInteger rejects a malformed path', () => expect(() => pave('{}').getInteger('spec[]')).toThrow(malformed));
  test('GetInteger rejects a string', () => expect(() => pave('{"metadata":{"name":"cool"}}').getInteger('metadata.name')).toThrow('metadata.name: not a (int64) number'));
  test('GetInteger rejects a float64, as for observed (Struct) numbers', () => expect(() => new Paved({ a: 1 }).getInteger('a')).toThrow('a: not a (int64) number'));
});

describe('SetValue (paved_test.go TestSetValue)', () => {
  test.each<[string, string | undefined, string, Value, unknown]>([
    ['sets an object field', '{"metadata":{"name":"lame"}}', 'metadata.name', 'cool', { metadata: { name: 'cool' } }],
    ['creates a missing object field', '{}', 'metadata.name', 'cool', { metadata: { name: 'cool' } }],
    ['sets a field of an array element', '{"spec":{"containers":[{"name":"lame"}]}}', 'spec.containers[0].name', 'cool', { spec: { containers: [{ name: 'cool' }] } }],
    ['creates an array element and its field', '{}', 'spec.containers[0].name', 'cool', { spec: { containers: [{ name: 'cool' }] } }],
    ['grows an array of objects', '{"spec":{"containers":[{"name":"cool"}]}}', 'spec.containers[1].name', 'cooler', { spec: { containers: [{ name: 'cool' }, { name: 'cooler' }] } }],
    ['creates nested arrays', '{}', 'data[0][0]', 'a', { data: [['a']] }],
    ['grows a nested array', '{"data":[["a"]]}', 'data[0][1]', 'b', { data: [['a', 'b']] }],
    ['pads a grown array with nulls', '{"data":["a"]}', 'data[2]', 'c', { data: ['a', null, 'c'] }],
    ['stores an object value', '{"metadata":{}}', 'metadata.labels', { cool: 'very' }, { metadata: { labels: { cool: 'very' } } }],
    ['stores an object inside a new array', '{"metadata":{}}', 'metadata.ownerRefs[0]', { apiVersion: 'v', kind: 'k', name: 'n', uid: 'u' },
      { metadata: { ownerRefs: [{ apiVersion: 'v', kind: 'k', name: 'n', uid: 'u' }] } }],
  ])('%s', (_name, data, path, value, want) => {
    const p = pave(data);
    p.setValue(path, value);
    expect(p.object).toEqual(want);
  });

  test('rejects an index above the default maximum and leaves the object unchanged', () => {
    const p = pave('{"data":["a"]}');
    expect(() => p.setValue('data[1025]', 'c')).toThrow(new FieldPathError('index 1025 is greater than max allowed index 1024'));
    expect(p.object).toEqual({ data: ['a'] });
  });

  test('accepts a high index when the limit is disabled', () => {
    const p = new Paved({ data: ['a'] }, { maxFieldPathIndex: 0 });
    p.setValue('data[1025]', 'c');
    const data = p.object.data as Value[];
    expect(data).toHaveLength(1026);
    expect(data[0]).toBe('a');
    expect(data[1025]).toBe('c');
    expect(data.slice(1, 1025).every((e) => e === null)).toBe(true);
  });

  test.each<[string, string | undefined, string, string, unknown]>([
    ['indexing an object fails', '{"data":{}}', 'data[0]', 'data is not an array', { data: {} }],
    ['a field of an array fails', '{"data":[]}', 'data.name', 'data is not an object', { data: [] }],
    ['a malformed path fails', undefined, 'spec[]', 'cannot parse path "spec[]": unexpected \']\' at position 5', {}],
  ])('%s', (_name, data, path, message, want) => {
    const p = pave(data);
    expect(() => p.setValue(path, null)).toThrow(new FieldPathError(message));
    expect(p.object).toEqual(want);
  });

  test('writing through an existing null field fails like the runtime (no intermediate is created)', () => {
    const p = new Paved({ spec: { a: null } });
    expect(() => p.setValue('spec.a.b', 'x')).toThrow('spec.a is not an object');
  });

  test('writing through a null array element creates the intermediate', () => {
    const p = new Paved({ a: [null] });
    p.setValue('a[0].b', 'x');
    expect(p.object).toEqual({ a: [{ b: 'x' }] });
  });

  test('a key named __proto__ is stored as a plain field', () => {
    const p = new Paved({});
    p.setValue('__proto__.polluted', 'yes');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(p.getValue('__proto__.polluted')).toBe('yes');
  });
});

describe('ExpandWildcards (paved_test.go TestExpandWildcards)', () => {
  test.each<[string, string, string | undefined, string[]]>([
    ['returns an existing path without wildcards', 'password', '{"password":"top-secret"}', ['password']],
    ['returns nothing for a missing path without wildcards', 'username', '{"password":"top-secret"}', []],
    ['returns an existing nested path without wildcards', 'items[0][1]', '{"items":[["a", "b"]]}', ['items[0][1]']],
    ['returns nothing for a missing nested path', 'items[0][5]', '{"items":[["a", "b"]]}', []],
    ['expands nested arrays', 'items[*][*]', '{"items":[["a", "b", "c"], ["d"]]}', ['items[0][0]', 'items[0][1]', 'items[0][2]', 'items[1][0]']],
    ['expands map keys in path syntax', 'items[*]', '{"items":{ "key1": "val1", "key2.as.annotation": "val2"}}', ['items.key1', 'items[key2.as.annotation]']],
    ['expands an array of objects', 'spec.containers[*][*]', '{"spec":{"containers":[{"name":"cool", "image": "latest", "args": ["start", "now"]}]}}',
      ['spec.containers[0].name', 'spec.containers[0].image', 'spec.containers[0].args']],
    ['expands several layers', 'spec.containers[*].args[*]', '{"spec":{"containers":[{"name":"cool", "image": "latest", "args": ["start", "now", "debug"]}]}}',
      ['spec.containers[0].args[0]', 'spec.containers[0].args[1]', 'spec.containers[0].args[2]']],
    ['expands a wildcard followed by an index', 'spec.containers[*].args[1]', '{"spec":{"containers":[{"name":"cool", "image": "latest", "args": ["start", "now", "debug"]}]}}',
      ['spec.containers[0].args[1]']],
    ['expands a wildcard at the end', 'spec.containers[0].args[*]', '{"spec":{"containers":[{"name":"cool", "image": "latest", "args": ["start", "now", "debug"]}]}}',
      ['spec.containers[0].args[0]', 'spec.containers[0].args[1]', 'spec.containers[0].args[2]']],
    ['expands nothing without data', 'metadata[*]', undefined, []],
    ['expands nothing below a missing element', 'spec.containers[1].args[*]', '{"spec":{"containers":[{"name":"cool"}]}}', []],
  ])('%s', (_name, path, data, want) => {
    expect(pave(data).expandWildcards(path).sort()).toEqual([...want].sort());
  });

  test.each<[string, string, string | undefined, string]>([
    ['a wildcard over a string fails', 'spec.containers[0].name[*]', '{"spec":{"containers":[{"name":"cool"}]}}',
      'cannot expand wildcards for segments: "spec.containers[0].name[*]": "spec.containers[0].name": unexpected wildcard usage'],
    ['indexing an object fails', 'metadata[1]', '{"metadata":{"nope":"cool"}}', 'cannot expand wildcards for segments: "metadata[1]": metadata: not an array'],
    ['a field of an array fails', 'spec.containers[nope].name', '{"spec":{"containers":[{"name":"cool"}]}}',
      'cannot expand wildcards for segments: "spec.containers.nope.name": spec.containers: not an object'],
    ['a malformed path fails', 'spec[]', undefined, 'cannot parse path "spec[]": unexpected \']\' at position 5'],
  ])('%s', (_name, path, data, message) => {
    expect(() => pave(data).expandWildcards(path)).toThrow(new FieldPathError(message));
  });

  test('NilValue: a wildcard over null is a not-found error, wrapped (paved_test.go TestExpandWildcards "NilValue", crossplane-runtime 4e7ed235565d)', () => {
    let err: unknown;
    try { pave('{"spec":{"containers": null}}').expandWildcards('spec.containers[*].name'); } catch (e) { err = e; }
    expect((err as Error).message).toBe('cannot expand wildcards for segments: "spec.containers[*].name": wildcard field "spec.containers" is not found in the path');
    expect(isNotFoundDeep(err)).toBe(true);
  });

  test('map keys expand in sorted order for deterministic output', () => {
    expect(new Paved({ m: { b: 1, a: 2, c: 3 } }).expandWildcards('m[*]')).toEqual(['m.a', 'm.b', 'm.c']);
  });
});

describe('properties', () => {
  const fieldName = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_\-/]{0,8}$/);
  const segment = fc.oneof(
    fieldName.map((f) => ({ type: 'field', field: f }) as Segment),
    fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,4}(\.[A-Za-z0-9]{1,4}){1,2}$/).map((f) => ({ type: 'field', field: f }) as Segment),
    fc.nat({ max: 100000 }).map((i) => ({ type: 'index', index: i }) as Segment),
  );

  test('formatting then parsing gives the same segments', () => {
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), (segs) => {
        const text = formatFieldPath(segs);
        expect(parseFieldPath(text)).toEqual(segs);
      }),
      { numRuns: 300 },
    );
  });

  const anyPath = fc.string({ unit: fc.constantFrom('a', 'b', '.', '[', ']', '0', '1', '*', "'", '"', 'é'), maxLength: 12 });
  const jsonValue = fc.jsonValue({ maxDepth: 3 }).map((v) => fromKubernetesJson(v));

  test('parse, get and set throw nothing but field-path errors', () => {
    fc.assert(
      fc.property(anyPath, jsonValue, jsonValue, (path, data, value) => {
        const p = new Paved({ root: data });
        for (const op of [() => parseFieldPath(path), () => p.getValue(path), () => p.setValue(path, value), () => p.expandWildcards(path)]) {
          try {
            op();
          } catch (e) {
            expect(e instanceof FieldPathError || e instanceof NotFoundError).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
