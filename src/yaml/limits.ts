/**
 * What a Kubernetes object can hold, checked once where documents enter (the YAML reader,
 * `render()`, `validate()`), so no command meets a value it cannot take.
 *
 * - Nesting. The API server's decoders stop at 10000 levels (k8s.io/apimachinery
 *   pkg/util/json/json.go `maxDepth = 10000`: "exceeded max depth of 10000"):
 *   {@link KUBERNETES_MAX_DEPTH}. The offline tools stop earlier, at
 *   {@link MAX_NESTING_DEPTH} = 500 levels: the YAML parser, the engine and the validator walk
 *   documents recursively on Node's default stack (about 1 MB), and when that stack runs out
 *   inside V8's regular-expression compiler the process aborts instead of throwing, so the depth
 *   must be checked before any walk starts. Validating an XR against an XRD whose schema nests
 *   as deep as the XR runs out of stack near 1000 levels; 500 leaves room for the caller's own
 *   frames (a test runner, a property-test shrinker). Real objects rarely pass 30 levels.
 * - Numbers. Kubernetes objects are JSON, which has no infinity or NaN (`.inf`, `.nan`, `1e400`
 *   in YAML): converting such YAML to JSON fails (`json: unsupported value: +Inf`).
 *
 * The walks here are iterative: time linear in the size of the document, no stack.
 */

/** The deepest nesting the Kubernetes API server decodes (apimachinery util/json `maxDepth`). */
export const KUBERNETES_MAX_DEPTH = 10000;

/** The deepest nesting the offline reader, engine and validator take (see the module comment). */
export const MAX_NESTING_DEPTH = 500;

/** Where a document breaks a limit: the field path (`spec.a[2].b`) and what is wrong there. */
export interface LimitProblem {
  /** Field path of the offending value; empty for the document itself. */
  readonly path: string;
  /** What was found and how to fix it. */
  readonly message: string;
}

/** One step of a field path: `.key`, `["odd key"]` or `[3]`. */
function step(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (/^[A-Za-z_$][\w$-]*$/.test(key)) return path === '' ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

/** A value met in the walk; its path is rebuilt from the parents only when it is reported. */
interface Frame {
  readonly value: unknown;
  readonly parent: Frame | undefined;
  readonly key: string | number;
  readonly depth: number;
}

function pathOf(f: Frame): string {
  const keys: (string | number)[] = [];
  for (let x: Frame | undefined = f; x?.parent; x = x.parent) keys.push(x.key);
  let path = '';
  for (let i = keys.length - 1; i >= 0; i--) path = step(path, keys[i]);
  return path;
}

/** Pushes the children of a container, last first, so they pop in document order. */
function pushChildren(stack: Frame[], f: Frame): void {
  const v = f.value;
  if (Array.isArray(v)) {
    for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], parent: f, key: i, depth: f.depth + 1 });
  } else if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) stack.push({ value: (v as Record<string, unknown>)[keys[i]], parent: f, key: keys[i], depth: f.depth + 1 });
  }
}

/**
 * The first place `value` nests deeper than {@link MAX_NESTING_DEPTH} or holds a number JSON
 * cannot, in document order; undefined when it is a value Kubernetes could store.
 */
export function documentLimitProblem(value: unknown): LimitProblem | undefined {
  const stack: Frame[] = [{ value, parent: undefined, key: '', depth: 0 }];
  while (stack.length > 0) {
    const f = stack.pop()!;
    const v = f.value;
    if (typeof v === 'number' && !Number.isFinite(v)) {
      const shown = Number.isNaN(v) ? '.nan (not a number)' : v > 0 ? '.inf (infinity)' : '-.inf (minus infinity)';
      return { path: pathOf(f), message: `holds ${shown}, which JSON and so Kubernetes objects cannot hold: write a finite number, or quote it to keep it as a string` };
    }
    if (v === null || typeof v !== 'object') continue;
    if (f.depth >= MAX_NESTING_DEPTH) {
      const depth = f.depth + deepestPath(v).depth;
      return { path: shortPath(pathOf(f)), message: tooDeepMessage(depth) };
    }
    pushChildren(stack, f);
  }
  return undefined;
}

/** How many levels of containers `value` nests (0 for a scalar), and the field path of its deepest container. */
export function deepestPath(value: unknown): { depth: number; path: string } {
  let best: Frame = { value, parent: undefined, key: '', depth: 0 };
  const stack: Frame[] = [best];
  while (stack.length > 0) {
    const f = stack.pop()!;
    if (f.value === null || typeof f.value !== 'object') continue;
    if (f.depth > best.depth) best = f;
    pushChildren(stack, f);
  }
  return { depth: value !== null && typeof value === 'object' ? best.depth + 1 : 0, path: pathOf(best) };
}

/** Whether `err` is the JavaScript engine running out of stack (`Maximum call stack size exceeded`). */
export function isStackOverflow(err: unknown): boolean {
  return err instanceof RangeError && /call stack/i.test(err.message);
}

/** A field path cut to its first 100 characters: the path of a deep value repeats itself. */
export function shortPath(path: string): string {
  return path.length <= 100 ? path : `${path.slice(0, 100)}...`;
}

/** What to say of a value nesting `depth` levels, deeper than {@link MAX_NESTING_DEPTH}. */
export function tooDeepMessage(depth: number): string {
  if (depth > KUBERNETES_MAX_DEPTH) {
    return `nests ${depth} levels deep, more than the ${KUBERNETES_MAX_DEPTH} levels the Kubernetes API server decodes (apimachinery's JSON decoder limit): flatten the data`;
  }
  return `nests ${depth} levels deep, more than the ${MAX_NESTING_DEPTH} levels the offline tools follow (the Kubernetes API server decodes up to ${KUBERNETES_MAX_DEPTH}; real objects rarely pass 30): flatten the data`;
}

/**
 * Where YAML text nests deeper than {@link MAX_NESTING_DEPTH}, found without parsing it (the
 * parsers recurse per level): the 1-based line, the document index and an upper bound of the
 * depth there. A level is a flow bracket (`[`, `{`) or a column of block indentation (a `- `
 * entry counts its width), so the bound only overshoots for lines indented hundreds of columns.
 * Quoted scalars and comments are skipped; brackets inside plain scalars of a block context
 * are not openers. Undefined when the text stays within the limit.
 */
export function textNestingProblem(text: string): { line: number; document: number; depth: number } | undefined {
  let line = 1;
  let document = 0;
  let flow = 0;
  let indent = 0;
  let atLineStart = true;
  let prev = '\n'; // the last character that is not a space
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
      atLineStart = true;
      indent = 0;
      prev = '\n';
      continue;
    }
    if (atLineStart) {
      if (c === ' ' || c === '-' && (text[i + 1] === ' ' || text[i + 1] === '\n')) {
        indent++;
        continue;
      }
      atLineStart = false;
      if (flow === 0 && c === '-' && text.startsWith('---', i)) {
        document++;
        prev = '-';
        i += 2;
        continue;
      }
    }
    if (c === ' ' || c === '\t' || c === '\r') continue;
    const tokenStart = prev === '\n' || prev === ':' || prev === '-' || prev === '?' || prev === ',' || prev === '[' || prev === '{';
    if (c === '#' && (text[i - 1] === ' ' || text[i - 1] === '\t' || prev === '\n')) {
      while (i + 1 < n && text[i + 1] !== '\n') i++;
      continue;
    }
    if ((c === '"' || c === "'") && tokenStart) {
      for (i++; i < n; i++) {
        if (text[i] === '\n') line++;
        if (c === '"' && text[i] === '\\') { i++; continue; }
        if (text[i] === c) {
          if (c === "'" && text[i + 1] === "'") { i++; continue; }
          break;
        }
      }
      prev = c;
      continue;
    }
    if ((c === '[' || c === '{') && (flow > 0 || tokenStart)) {
      flow++;
      if (flow + indent > MAX_NESTING_DEPTH) return { line, document, depth: flow + indent };
    } else if ((c === ']' || c === '}') && flow > 0) {
      flow--;
    }
    if (indent > MAX_NESTING_DEPTH) return { line, document, depth: indent };
    prev = c;
  }
  return undefined;
}

/**
 * `value` with every bigint as the JSON number it stands for (the Kubernetes decoder reads
 * integers beyond int64 as float64 too); `value` itself when it holds none. For checks that
 * work on JSON values, given objects from JavaScript callers.
 */
export function withJsonNumbers<T>(value: T): T {
  const stack: unknown[] = [value];
  let found = false;
  while (stack.length > 0 && !found) {
    const v = stack.pop();
    if (typeof v === 'bigint') found = true;
    else if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (v !== null && typeof v === 'object') for (const k in v) stack.push((v as Record<string, unknown>)[k]);
  }
  if (!found) return value;
  const copy = (v: unknown): unknown => {
    if (typeof v === 'bigint') return Number(v);
    if (Array.isArray(v)) return v.map(copy);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x)]));
    return v;
  };
  return copy(value) as T;
}
