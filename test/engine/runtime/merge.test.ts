// Cases ported from crossplane-runtime pkg/fieldpath/merge_test.go (TestMergeValue), plus mergo rules P&T policies rely on.
import { FieldPathError, Paved } from '../../../src/engine/runtime/fieldpath';
import { MergeError, MergeOptions, mergeValues } from '../../../src/engine/runtime/merge';
import { ObjectValue, Value } from '../../../src/engine/go/values';

const SRC = 'e1-from-source';
const SRC2 = 'e1-from-source-2';
const DST = 'e1-from-destination';

describe('MergeValue (merge_test.go TestMergeValue)', () => {
  test.each<[string, ObjectValue, Value, MergeOptions | undefined, ObjectValue]>([
    ['without merge options an array replaces the value', { a: DST }, [SRC], undefined, { a: [SRC] }],
    ['appendSlice false replaces an array', { a: [DST] }, [SRC], { appendSlice: false }, { a: [SRC] }],
    ['appendSlice true appends the source array', { a: [DST] }, [SRC], { appendSlice: true }, { a: [DST, SRC] }],
    ['appendSlice true drops source elements already present', { a: [DST, SRC] }, [SRC, SRC2], { appendSlice: true }, { a: [DST, SRC, SRC2] }],
    ['without merge options an object replaces the value', { a: { a: DST } }, { a: SRC }, undefined, { a: { a: SRC } }],
    ['keepMapValues false overrides object keys', { a: { a: DST } }, { a: SRC }, { keepMapValues: false }, { a: { a: SRC } }],
    ['keepMapValues true keeps destination object keys', { a: { a: DST } }, { a: SRC }, { keepMapValues: true }, { a: { a: DST } }],
  ])('%s', (_name, object, value, mo, want) => {
    const p = new Paved(object);
    p.mergeValue('a', value, mo);
    expect(p.object).toEqual(want);
  });
});

describe('mergo semantics used by toFieldPath policies (reference §3.5)', () => {
  test('MergeObjects adds missing keys and keeps existing ones, recursively', () => {
    const p = new Paved({ spec: { labels: { a: '1', nested: { x: 'keep' } } } });
    p.mergeValue('spec.labels', { a: '2', b: '3', nested: { x: 'new', y: 'add' } }, { keepMapValues: true });
    expect(p.object).toEqual({ spec: { labels: { a: '1', b: '3', nested: { x: 'keep', y: 'add' } } } });
  });

  test('without override, empty destination values are still replaced (mergo isEmptyValue)', () => {
    const got = mergeValues({ s: '', n: 0n, b: false, l: [], m: {}, z: null, k: 'v' }, { s: 'x', n: 5n, b: true, l: ['y'], m: { a: 1n }, z: 'set', k: 'w' }, { keepMapValues: true });
    expect(got).toEqual({ s: 'x', n: 5n, b: true, l: ['y'], m: { a: 1n }, z: 'set', k: 'v' });
  });

  test('a null source key deletes nothing without override and sets null with override', () => {
    expect(mergeValues({ a: 'x' }, { a: null }, { keepMapValues: true })).toEqual({ a: 'x' });
    expect(mergeValues({ a: 'x' }, { a: null }, {})).toEqual({ a: null });
  });

  test('nested arrays are replaced with override and kept without it', () => {
    expect(mergeValues({ a: { l: ['d'] } }, { a: { l: ['s'] } }, {})).toEqual({ a: { l: ['s'] } });
    expect(mergeValues({ a: { l: ['d'] } }, { a: { l: ['s'] } }, { keepMapValues: true })).toEqual({ a: { l: ['d'] } });
  });

  test('nested arrays are appended without removing duplicates (only top-level arrays are deduplicated)', () => {
    expect(mergeValues({ a: { l: ['d', 's'] } }, { a: { l: ['s'] } }, { appendSlice: true })).toEqual({ a: { l: ['d', 's', 's'] } });
  });

  test('appending to a non-array destination fails with mergo\'s message', () => {
    expect(() => mergeValues({ a: 'x' }, { a: ['s'] }, { appendSlice: true })).toThrow(
      new MergeError('failed to merge values: cannot append two slices with different type ([]interface {}, string)'),
    );
  });

  test('an object over a scalar replaces it with override and keeps it without', () => {
    expect(mergeValues({ a: 'x' }, { a: { b: 1n } }, {})).toEqual({ a: { b: 1n } });
    expect(mergeValues({ a: 'x' }, { a: { b: 1n } }, { keepMapValues: true })).toEqual({ a: 'x' });
  });

  test('a scalar over a scalar at the top replaces it with override, keeps it without', () => {
    expect(mergeValues('old', 'new', {})).toBe('new');
    expect(mergeValues('old', 'new', { keepMapValues: true })).toBe('old');
    expect(mergeValues('', 'new', { keepMapValues: true })).toBe('new');
  });

  test('int64 and float64 elements differ when deduplicating', () => {
    expect(mergeValues([1n], [1, 1n], { appendSlice: true })).toEqual([1n, 1]);
  });

  test('a missing destination takes the source as is', () => {
    const p = new Paved({});
    p.mergeValue('spec.x', { a: '1' }, { keepMapValues: true });
    expect(p.object).toEqual({ spec: { x: { a: '1' } } });
  });

  test('a fatal read error is reported when merge options are given', () => {
    const p = new Paved({ spec: 'str' });
    expect(() => p.mergeValue('spec.x', 'v', { keepMapValues: true })).toThrow(new FieldPathError('spec: not an object'));
  });

  test('the stored value does not alias the source', () => {
    const src: ObjectValue = { a: { b: '1' } };
    const p = new Paved({ x: { c: '2' } });
    p.mergeValue('x', src, {});
    (src.a as ObjectValue).b = 'changed';
    expect(p.object).toEqual({ x: { a: { b: '1' }, c: '2' } });
  });
});
