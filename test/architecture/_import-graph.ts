/**
 * The import graph of src/, read off the source text: every `.ts` file with the src/ files it
 * imports, type-only imports included. Shared by the architecture tests (no cycles, the engine's
 * layers).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const SRC = path.resolve(__dirname, '../../src');
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
export function codeOnly(src: string): string {
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
export function regexMayStart(src: string, at: number): boolean {
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
export function importSpecifiers(src: string): string[] {
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
export function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...tsFiles(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out.sort();
}

/** The file an import resolves to (as tsc's bundler resolution would), or undefined. */
export function resolveImport(from: string, spec: string): string | undefined {
  if (SELF_NAMES[spec]) return path.join(SRC, SELF_NAMES[spec]);
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  const candidates = [`${base}.ts`, path.join(base, 'index.ts'), base, `${base}.d.ts`, base.replace(/\.js$/, '.ts')];
  return candidates.find(c => fs.existsSync(c) && fs.statSync(c).isFile());
}

export type Graph = Map<string, string[]>;

/** The import graph of src/: every file, with the src/ files it imports. */
export function importGraph(): { graph: Graph; unresolved: string[] } {
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
