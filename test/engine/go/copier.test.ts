// Copies of P&T base templates (src/engine/go/copier.ts): after a few ordinary copies, copies
// come from JavaScript source compiled from the value. They must be equal to the value, of the
// same number types (int64 stays bigint), fresh on every call, and never share anything.
import { compileCopy, Copier, COPIES_BEFORE_COMPILING } from '../../../src/engine/go/copier';
import { deepCopy, fromKubernetesJson } from '../../../src/engine/go/values';
import type { Value } from '../../../src/engine/go/values';

const awkward = (): Value => ({
  apiVersion: 'v1', kind: 'ConfigMap',
  quotes: 'say "hi" \'there\' \\ `tick` ${x}', lines: 'a\nb\r\n\u2028\u2029', lone: 'x\ud800y', emoji: '🙂',
  numbers: [0, -0, 1.5, -2.25e-7, 1e21, Number.MAX_VALUE, 5e-324, Number.NaN, Number.POSITIVE_INFINITY],
  ints: [1n, -9223372036854775808n, 9223372036854775807n],
  flags: [true, false, null],
  ['__proto__']: { polluted: 'no' },
  '0': 'element key', 'a.b/c': 'dotted', '': 'empty key', 'ünï': 'unicode key',
  empty: {}, none: [], nested: { a: [{ b: [[], [{}]] }] },
});

describe('compileCopy', () => {
  test('a copy is deep-equal to the value, with the same number types and own keys', () => {
    const v = awkward();
    const copy = compileCopy(v)!();
    expect(copy).toEqual(v);
    expect(Object.is((copy as any).numbers[1], -0)).toBe(true);
    expect(Number.isNaN((copy as any).numbers[7])).toBe(true);
    expect(typeof (copy as any).ints[0]).toBe('bigint');
    // `__proto__` is an own property, the prototype untouched.
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(copy, '__proto__')).toBe(true);
    expect(({} as any).polluted).toBeUndefined();
    expect(Object.keys(copy as object)).toEqual(Object.keys(v as object));
  });

  test('array holes stay holes, wherever they are', () => {
    // eslint-disable-next-line no-sparse-arrays
    const v = [[1, , 3], [1, ,], [, ], []] as unknown as Value;
    const copy = compileCopy(v)!() as Value[][];
    expect(copy.map((a) => a.length)).toEqual([3, 2, 1, 0]);
    expect(copy.map((a) => Object.keys(a))).toEqual([['0', '2'], ['0'], [], []]);
  });

  test('every call makes new objects that share nothing with each other or with the value', () => {
    const v = awkward();
    const f = compileCopy(v)!;
    const a = f() as any;
    const b = f() as any;
    a.nested.a[0].b.push('x');
    a.empty.k = 1;
    a.quotes = 'changed';
    expect(b).toEqual(v);
    expect(f()).toEqual(v);
    expect(a.nested).not.toBe(b.nested);
  });

  test('a value nested too deep or too large is left to ordinary copies', () => {
    let deep: Value = 'leaf';
    for (let i = 0; i < 100; i++) deep = { d: deep };
    expect(compileCopy(deep)).toBeUndefined();
    expect(compileCopy({ big: 'x'.repeat(100_000) })).toBeUndefined();
    expect(compileCopy({ many: Array.from({ length: 20_000 }, (_, i) => `item-${i}`) })).toBeUndefined();
  });
});

describe('Copier', () => {
  test(`the first ${COPIES_BEFORE_COMPILING} copies come from make, later ones from compiled source of a pristine copy`, () => {
    const base = { spec: { forProvider: { tags: ['a'], size: 3 } } };
    let made = 0;
    const copier = new Copier(() => {
      made++;
      return fromKubernetesJson(base);
    });
    const want = fromKubernetesJson(base);
    for (let i = 0; i < 10; i++) {
      const c = copier.copy() as any;
      expect(c).toEqual(want);
      // The caller changes every copy it gets, as patches do.
      c.spec.forProvider.tags.push(`render-${i}`);
      c.spec.forProvider.size = 99n;
    }
    expect(made).toBe(COPIES_BEFORE_COMPILING);
  });

  test('a value too large to compile keeps being copied by make', () => {
    const base = { big: 'x'.repeat(100_000) };
    let made = 0;
    const copier = new Copier(() => {
      made++;
      return deepCopy(base);
    });
    for (let i = 0; i < 6; i++) expect(copier.copy()).toEqual(base);
    expect(made).toBe(6);
  });
});
