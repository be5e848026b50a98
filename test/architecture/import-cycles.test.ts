/**
 * The modules of src/ import one another without a cycle, type-only imports included: a cycle
 * means two files can only be understood (and moved) together, and the lower one should get
 * the narrow type it needs instead (STYLE.md §4, "Where the code departs" item 6).
 *
 * The walk covers every `.ts` file under src/ and fails on an import it cannot resolve, so a
 * file or an import never drops out of the graph unnoticed.
 */
import * as path from 'node:path';
import { Graph, importGraph, importSpecifiers, SRC } from './_import-graph';

/**
 * Each strongly connected component of more than one file (or a file importing itself), as one
 * cycle through it and every file it holds.
 */
function findCycles(graph: Graph): { cycle: string[]; files: string[] }[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) components.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return components.map(files => ({ cycle: shortestCycle(graph, files[0], new Set(files)), files }));
}

/** The shortest path from `start` back to itself inside `within`, ending with `start`. */
function shortestCycle(graph: Graph, start: string, within: Set<string>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!within.has(w)) continue;
      if (w === start) {
        const cycle = [start];
        for (let at: string | undefined = v; at !== start && at !== undefined; at = previous.get(at)) cycle.splice(1, 0, at);
        return [...cycle, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

describe('the import graph of src/', () => {
  const { graph, unresolved } = importGraph();

  test('covers every file and resolves every relative import', () => {
    expect(unresolved).toEqual([]);
    // A sanity floor: the walk sees the package's entry point and what it re-exports.
    const index = graph.get(path.join(SRC, 'index.ts'));
    expect(index).toEqual(expect.arrayContaining([path.join(SRC, 'errors.ts')]));
  });

  test('has no cycle', () => {
    const rel = (f: string) => path.relative(SRC, f);
    const cycles = findCycles(graph).map(({ cycle, files }) =>
      `${cycle.map(rel).join(' -> ')}${files.length + 1 > cycle.length ? ` (and with them: ${files.filter(f => !cycle.includes(f)).map(rel).join(', ')})` : ''}`);
    if (cycles.length > 0) {
      throw new Error(`import cycles in src/ (type-only imports count; give the lower file the narrow type it needs):\n  ${cycles.join('\n  ')}`);
    }
  });
});

describe('the walk itself', () => {
  test.each([
    ['a named import', "import { a } from './a';", ['./a']],
    ['a type-only import over several lines', "import type {\n  A,\n  B,\n} from '../b';", ['../b']],
    ['a re-export', "export * from './c';\nexport { d } from \"./d\";", ['./c', './d']],
    ['a side-effect import and a lazy one', "import './e';\nconst f = () => import('./f');", ['./e', './f']],
    ['an import type query', "let g: import('./g').G;", ['./g']],
    ['imports inside comments', "// import { x } from './x';\n/* import './y'; */", []],
    ['an import inside a template literal', "const t = `import { build } from './main';\n${x}`;", []],
    ['code inside a template expression', "const t = `a ${require('./h')} b`;", ['./h']],
    ['a regex with quotes before an import', "const r = /['\"`]/;\nimport { i } from './i';", ['./i']],
  ])('%s', (_, src, expected) => {
    expect(importSpecifiers(src)).toEqual(expected);
  });

  test('reports a syntax it does not understand instead of dropping the edge', () => {
    expect(() => importSpecifiers("import weird-thing from './w';")).toThrow(/import not understood/);
  });

  test('finds each cycle and prints it as a path', () => {
    const graph: Graph = new Map([
      ['a', ['b']], ['b', ['c']], ['c', ['a', 'd']], ['d', []],
      ['e', ['e']],
      ['f', ['g']], ['g', []],
    ]);
    expect(findCycles(graph)).toEqual([
      { cycle: ['a', 'b', 'c', 'a'], files: ['a', 'b', 'c'] },
      { cycle: ['e', 'e'], files: ['e'] },
    ]);
    expect(findCycles(new Map([['x', ['y']], ['y', []]]))).toEqual([]);
  });
});
