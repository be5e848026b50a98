// Ported from crossplane-runtime 4e7ed235565d pkg/resource/resource_test.go TestFirstNAndSomeMore,
// and crossplane/crossplane 2d040d2daf4e internal/controller/apiextensions/composite/reconciler.go,
// which writes "Unready resources: <StableNAndSomeMore(DefaultFirstN, unready)>".
import { DEFAULT_FIRST_N, firstNAndSomeMore, stableNAndSomeMore } from '../../../src/engine/runtime/resource';

describe('FirstNAndSomeMore (resource_test.go TestFirstNAndSomeMore)', () => {
  test.each<[number, string[], string]>([
    [3, ['a', 'b', 'c', 'd', 'e'], 'a, b, c, and 2 more'],
    [3, ['a', 'b', 'c'], 'a, b, and c'],
    [3, ['a', 'b'], 'a, b'],
    [3, ['a'], 'a'],
    [3, [], ''],
    [3, ['a', 'c', 'e', 'b', 'd'], 'a, c, e, and 2 more'],
    [3, ['a', 'b', 'b', 'b', 'd'], 'a, b, b, and 2 more'],
    [2, ['a', 'c', 'e', 'b', 'd'], 'a, c, and 3 more'],
    [0, ['a', 'c', 'e', 'b', 'd'], '5'],
    [-7, ['a', 'c', 'e', 'b', 'd'], '5'],
    [1, ['a', 'c', 'e', 'b', 'd'], 'a, and 4 more'],
  ])('n=%d %j -> %s', (n, names, want) => {
    expect(firstNAndSomeMore(n, names)).toBe(want);
  });
});

describe('StableNAndSomeMore', () => {
  test('sorts first, without changing its input; DefaultFirstN is 3', () => {
    // reconciler_test.go: the unready resources elephant, cow, cat and snake give
    // "Unready resources: cat, cow, elephant, and 1 more".
    const names = ['elephant', 'cow', 'cat', 'snake'];
    expect(DEFAULT_FIRST_N).toBe(3);
    expect(stableNAndSomeMore(DEFAULT_FIRST_N, names)).toBe('cat, cow, elephant, and 1 more');
    expect(names).toEqual(['elephant', 'cow', 'cat', 'snake']);
    expect(stableNAndSomeMore(DEFAULT_FIRST_N, ['vpc', 'subnet', 'cluster'])).toBe('cluster, subnet, and vpc');
  });
});
