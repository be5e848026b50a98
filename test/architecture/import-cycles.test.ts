/**
 * The modules of src/ import one another without a cycle, type-only imports included: a cycle
 * means two files can only be understood (and moved) together, and the lower one should get
 * the narrow type it needs instead (STYLE.md §4, "Where the code departs" item 6).
 *
 * The walk covers every `.ts` file under src/ and fails on an import it cannot resolve, so a
 * file or an import never drops out of the graph unnoticed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const SRC = path.resolve(__dirname, '../../src');
/** tsconfig `paths` that point back into src/. */
const SELF_NAMES: Record<string, string> = {
  'cdk8s-crossplane': 'index.ts',
  'cdk8s-crossplane/testing': 'testing/index.ts',
};

/**
 * `src` with comments and the text of template literals blanked out (same length, newlines
 * kept), so that generated code inside a template string (`init`'s project files) is not taken
 * for an import. Quoted strings and regex literals are kept as they are and skipped over whole.
 */
function codeOnly(src: string): string {
  const out = src.split('');
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  /** For each `${` being read, the brace depth at which its `}` resumes the template text. */
  const templates: number[] = [];
  let depth = 0;
  let i = 0;
  /** Reads template text from `i` (just after '`' or '}'); returns the index after it. */
  const templateText = (start: number): number => {
    let k = start;
    while (k < src.length) {
      if (src[k] === '\\') { k += 2; continue; }
      if (src[k] === '`') { blank(start, k); return k + 1; }
      if (src[k] === '$' && src[k + 1] === '{') {
        blank(start, k);
        templates.push(depth);
        depth++;
        return k + 2;
      }
      k++;
    }
    throw new Error('unterminated template literal');
  };
  while (i < src.length) {
    const c = src[i];
    const next = src[i + 1];
    if (c === '/' && next === '/') {
      const end = src.indexOf('\n', i);
      const stop = end < 0 ? src.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) throw new Error('unterminated comment');
      blank(i, end + 2);
      i = end + 2;
    } else if (c === '\'' || c === '"') {
      let k = i + 1;
      while (k < src.length && src[k] !== c && src[k] !== '\n') k += src[k] === '\\' ? 2 : 1;
      i = k + 1;
    } else if (c === '`') {
      i = templateText(i + 1);
    } else if (c === '{') {
      depth++;
      i++;
    } else if (c === '}') {
      depth--;
      i++;
      if (templates.length > 0 && templates[templates.length - 1] === depth) {
        templates.pop();
        i = templateText(i);
      }
    } else if (c === '/' && regexMayStart(src, i)) {
      let k = i + 1;
      let inClass = false;
      while (k < src.length && src[k] !== '\n' && (inClass || src[k] !== '/')) {
        if (src[k] === '\\') k++;
        else if (src[k] === '[') inClass = true;
        else if (src[k] === ']') inClass = false;
        k++;
      }
      i = k + 1;
    } else {
      i++;
    }
  }
  return out.join('');
}

/** Whether a `/` at `at` starts a regex literal rather than a division (by the token before it). */
function regexMayStart(src: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && /\s/.test(src[k])) k--;
  if (k < 0) return true;
  if ('(,=:[!&|?{};+-*%<>~^'.includes(src[k])) return true;
  const word = /[A-Za-z_$]+$/.exec(src.slice(Math.max(0, k - 10), k + 1))?.[0];
  return word === 'return' || word === 'typeof' || word === 'case' || word === 'of' || word === 'in';
}

const STATIC = /\b(?:import|export)\s+(?:type\s+)?(?:[\w$*{}\s,]+?\s+from\s+)?(['"])([^'"\n]+)\1/g;
const DYNAMIC = /\b(?:import|require)\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g;
const ANY_FROM = /\bfrom\s+(['"])([^'"\n]+)\1/g;

/** Every module specifier a TypeScript file imports or re-exports, type-only ones included. */
function importSpecifiers(src: string): string[] {
  const code = codeOnly(src);
  const found = new Map<number, string>();
  const specifierAt = (m: RegExpMatchArray) => m.index! + m[0].lastIndexOf(m[1] + m[2]) + 1;
  for (const re of [STATIC, DYNAMIC]) {
    for (const m of code.matchAll(re)) found.set(specifierAt(m), m[2]);
  }
  // Every `from '...'` in code must belong to a statement matched above; otherwise the
  // patterns missed a syntax and would silently drop an edge.
  for (const m of code.matchAll(ANY_FROM)) {
    if (!found.has(specifierAt(m))) throw new Error(`import not understood: '${m[0]}' in ${code.slice(Math.max(0, m.index! - 60), m.index! + m[0].length)}`);
  }
  return [...found.values()];
}

/** Every `.ts` file under `dir`, sorted. */
function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...tsFiles(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out.sort();
}

/** The file an import resolves to (as tsc's bundler resolution would), or undefined. */
function resolveImport(from: string, spec: string): string | undefined {
  if (SELF_NAMES[spec]) return path.join(SRC, SELF_NAMES[spec]);
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  const candidates = [`${base}.ts`, path.join(base, 'index.ts'), base, `${base}.d.ts`, base.replace(/\.js$/, '.ts')];
  return candidates.find(c => fs.existsSync(c) && fs.statSync(c).isFile());
}

type Graph = Map<string, string[]>;

/** The import graph of src/: every file, with the src/ files it imports. */
function importGraph(): { graph: Graph; unresolved: string[] } {
  const graph: Graph = new Map();
  const unresolved: string[] = [];
  for (const file of tsFiles(SRC)) {
    const deps = new Set<string>();
    for (const spec of importSpecifiers(fs.readFileSync(file, 'utf8'))) {
      const target = resolveImport(file, spec);
      if (target === undefined) {
        if (spec.startsWith('.')) unresolved.push(`${path.relative(SRC, file)}: '${spec}'`);
        continue;
      }
      if (target.startsWith(SRC + path.sep)) deps.add(target);
    }
    graph.set(file, [...deps].sort());
  }
  return { graph, unresolved };
}

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
