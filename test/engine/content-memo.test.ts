// ContentMemo (src/engine/content-memo.ts) remembers what the engine derived from a caller's
// value (a Composition's step input) for as long as the value holds the same content: any edit,
// however deep, must compute again, or a test that edits a patch and renders again would get
// the old result.
import { ContentMemo, duringRender } from '../../src/engine/content-memo';

function fixture() {
  return { a: 'x', n: 1, list: ['p', 2, null, { deep: true }], nested: { b: { c: 'y' } }, empty: {} } as Record<string, any>;
}

/** How many times `compute` ran over `get` calls made before and after `edit`, each in its own render. */
function computesAround(edit: (v: Record<string, any>) => void): number {
  const memo = new ContentMemo<number>();
  const v = fixture();
  let computes = 0;
  const get = () => duringRender(() => memo.get(v, () => ++computes));
  get();
  get();
  edit(v);
  get();
  get();
  return computes;
}

describe('ContentMemo', () => {
  test('the same content computes once, over any number of renders', () => {
    expect(computesAround(() => undefined)).toBe(1);
  });

  test.each<[string, (v: Record<string, any>) => void]>([
    ['a top-level string', (v) => { v.a = 'z'; }],
    ['a number', (v) => { v.n = 2; }],
    ['a string inside an array', (v) => { v.list[0] = 'q'; }],
    ['a null inside an array', (v) => { v.list[2] = 0; }],
    ['a field of an object inside an array', (v) => { v.list[3].deep = false; }],
    ['a field three levels down', (v) => { v.nested.b.c = 'w'; }],
    ['an added key', (v) => { v.nested.b.d = 'new'; }],
    ['a deleted key', (v) => { delete v.nested.b.c; }],
    ['a renamed key', (v) => { v.nested.b.C = v.nested.b.c; delete v.nested.b.c; }],
    ['a key added to an empty object', (v) => { v.empty.k = 1; }],
    ['an array grown', (v) => { v.list.push('more'); }],
    ['an array shrunk', (v) => { v.list.pop(); }],
    ['an object replaced by an equal copy', (v) => { v.nested = { b: { c: 'y' } }; }],
    ['a primitive replaced by an object', (v) => { v.a = { x: 1 }; }],
  ])('an edit of %s computes again', (_what, edit) => {
    expect(computesAround(edit)).toBe(2);
  });
});
