/**
 * A small TypeScript source writer for the converter: indentation, string quoting, object
 * literals that read like hand-written code, and identifiers derived from YAML names.
 */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const RESERVED = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export',
  'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super',
  'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'let', 'static', 'yield', 'await',
  'implements', 'interface', 'package', 'private', 'protected', 'public', 'arguments', 'eval', 'undefined',
]);
/** Width under which a literal stays on one line. */
const INLINE_WIDTH = 100;

/** A single-quoted TypeScript string literal for `s`, escaping what must be escaped. */
export function quote(s: string): string {
  let out = "'";
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === "'") out += "\\'";
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x2028 || code === 0x2029 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + "'";
}

/** An object key as written in a literal: bare when it is a plain identifier, quoted otherwise. */
export function propertyKey(key: string): string {
  return IDENTIFIER.test(key) ? key : quote(key);
}

/**
 * A TypeScript literal for a JSON value: single-quoted strings, bare keys where possible, on one
 * line when short and otherwise one entry per line indented under `indent` levels of two spaces.
 * Key order is kept as given (the input's order).
 */
export function literal(value: unknown, indent = 0): string {
  const out: string[] = [];
  writeLiteral(value, indent, out);
  return out.join('');
}

// The writers below append to one array of pieces instead of returning strings that each level
// joins again, and ask whether a value fits on one line with a check that stops once past the
// width: a value nested n levels deep was otherwise written out and copied n times.

function writeLiteral(value: unknown, indent: number, out: string[]): void {
  if (value === null || typeof value !== 'object') {
    out.push(inlineLiteral(value));
    return;
  }
  if (indent * 2 >= INLINE_WIDTH) {
    // Past the width nothing fits on a line any more: one entry per line would write each entry
    // after as many spaces as it is deep, more indentation than code (and output growing with the
    // depth times the size of the input). So a value that deep stays on one line.
    const b = new InlineBudget(Infinity);
    putLiteral(value, b);
    out.push(b.text());
    return;
  }
  const inline = inlineWithin(value, INLINE_WIDTH - indent * 2);
  if (inline !== undefined) {
    out.push(inline);
    return;
  }
  if (Array.isArray(value)) {
    writeLines(out, indent, '[', ']', value.length, (i) => writeLiteral(value[i], indent + 1, out));
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  writeLines(out, indent, '{', '}', entries.length, (i) => {
    out.push(propertyKey(entries[i][0]), ': ');
    writeLiteral(entries[i][1], indent + 1, out);
  });
}

/**
 * `open`, then `count` entries one per line one level under `indent`, each written by `entry`
 * and followed by a comma, then `close` on a line of its own; `open` and `close` together when
 * there are none.
 */
function writeLines(out: string[], indent: number, open: string, close: string, count: number, entry: (i: number) => void): void {
  if (count === 0) {
    out.push(open, close);
    return;
  }
  const pad = '  '.repeat(indent + 1);
  out.push(open, '\n');
  for (let i = 0; i < count; i++) {
    if (i > 0) out.push('\n');
    out.push(pad);
    entry(i);
    out.push(',');
  }
  out.push('\n', '  '.repeat(indent), close);
}

function inlineLiteral(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') return Number.isFinite(value) ? (Object.is(value, -0) ? '-0' : String(value)) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(inlineLiteral).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    return `{ ${entries.map(([k, v]) => `${propertyKey(k)}: ${inlineLiteral(v)}`).join(', ')} }`;
  }
  return JSON.stringify(String(value));
}

/**
 * Collects one-line text up to a width: `put` answers false as soon as the text is longer than
 * the width or holds a line break, and the caller stops there. The work is bounded by the width,
 * not by the size of what is being written.
 */
class InlineBudget {
  private readonly parts: string[] = [];
  private length = 0;

  public constructor(private readonly width: number) {}

  /** Whether `n` more characters could still fit (a cheap test before building a long piece). */
  public room(n: number): boolean {
    return this.length + n <= this.width;
  }

  public put(text: string): boolean {
    this.length += text.length;
    if (this.length > this.width || text.includes('\n')) return false;
    this.parts.push(text);
    return true;
  }

  public text(): string {
    return this.parts.join('');
  }
}

/** `inlineLiteral(value)` when it is at most `width` characters long, otherwise undefined. */
function inlineWithin(value: unknown, width: number): string | undefined {
  const b = new InlineBudget(width);
  return putLiteral(value, b) ? b.text() : undefined;
}

function putLiteral(value: unknown, b: InlineBudget): boolean {
  if (value === null || typeof value !== 'object') {
    // A quoted string is at least two characters longer than the string.
    if (typeof value === 'string' && !b.room(value.length + 2)) return false;
    return b.put(inlineLiteral(value));
  }
  if (Array.isArray(value)) {
    if (!b.put('[')) return false;
    for (let i = 0; i < value.length; i++) {
      if (i > 0 && !b.put(', ')) return false;
      if (!putLiteral(value[i], b)) return false;
    }
    return b.put(']');
  }
  let first = true;
  for (const k of ownKeys(value)) {
    const v = (value as Record<string, unknown>)[k];
    if (v === undefined) continue;
    if (!b.put(first ? '{ ' : ', ') || !b.room(k.length) || !b.put(propertyKey(k)) || !b.put(': ') || !putLiteral(v, b)) return false;
    first = false;
  }
  return b.put(first ? '{}' : ' }');
}

/** The own enumerable string keys of an object in Object.entries order, one at a time. */
function* ownKeys(o: object): Generator<string> {
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k)) yield k;
}

/** Splits a YAML name (`my-bucket.v1`, `XPostgreSQLInstance`, `resource_0`) into lowercase words. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(w => w.length > 0)
    .map(w => w.toLowerCase());
}

/** `camelCase` identifier from a YAML name; safe to use as a variable (never reserved, never starts with a digit). */
export function camelCase(name: string): string {
  const ws = words(name);
  let id = ws.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join('');
  if (id === '') id = 'value';
  if (/^[0-9]/.test(id)) id = `_${id}`;
  if (RESERVED.has(id)) id = `${id}Value`;
  return id;
}

/** `PascalCase` identifier from a YAML name. */
export function pascalCase(name: string): string {
  const id = camelCase(name).replace(/^_/, '');
  return /^[0-9]/.test(id) ? `_${id}` : id[0].toUpperCase() + id.slice(1);
}

/** Hands out unique identifiers: `bucket`, then `bucket2`, `bucket3`... */
export class NameAllocator {
  private readonly used = new Set<string>();

  /** Reserves names that must not be handed out (imports, for example). */
  public constructor(reserved: Iterable<string> = []) {
    for (const r of reserved) this.used.add(r);
  }

  /** Whether `name` is still free (neither reserved nor handed out). */
  public isFree(name: string): boolean {
    return !this.used.has(name);
  }

  /** A unique identifier derived from `base`. */
  public allocate(base: string): string {
    let name = base;
    for (let i = 2; this.used.has(name); i++) name = `${base}${i}`;
    this.used.add(name);
    return name;
  }
}

/** Accumulates lines of source with an indentation level of two spaces per step. */
export class CodeWriter {
  private readonly lines: string[] = [];
  private level = 0;

  /** Writes one line (or several, each indented) at the current level; an empty call writes a blank line. */
  public line(text = ''): void {
    if (text === '') {
      this.lines.push('');
      return;
    }
    for (const l of text.split('\n')) this.lines.push(l === '' ? '' : '  '.repeat(this.level) + l);
  }

  /** Writes `open`, the body one level deeper, then `close`. */
  public block(open: string, body: () => void, close = '}'): void {
    this.line(open);
    this.level++;
    body();
    this.level--;
    this.line(close);
  }

  /** The current indentation level (for literals that span lines). */
  public get indent(): number {
    return this.level;
  }

  /** The source, ending with a newline. */
  public toString(): string {
    return this.lines.join('\n') + '\n';
  }
}

/**
 * A TypeScript expression as a tree, so that it can be laid out on one line when it fits and
 * broken one argument (or entry) per line when it does not.
 */
export type Expr =
  | { readonly kind: 'raw'; readonly text: string }
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'call'; readonly callee: string; readonly args: readonly Expr[] }
  | { readonly kind: 'object'; readonly entries: readonly (readonly [string, Expr])[] }
  | { readonly kind: 'array'; readonly items: readonly Expr[] };

/** Source text as is (an identifier, an enum member). */
export const raw = (text: string): Expr => ({ kind: 'raw', text });
/** A JSON value written as a literal. */
export const val = (value: unknown): Expr => ({ kind: 'value', value });
/** `callee(args...)`. */
export const call = (callee: string, ...args: Expr[]): Expr => ({ kind: 'call', callee, args });
/** `{ key: expr, ... }`; entries whose expression is undefined are left out. */
export const obj = (entries: Record<string, Expr | undefined>): Expr => ({
  kind: 'object',
  entries: Object.entries(entries).filter((e): e is [string, Expr] => e[1] !== undefined),
});
/** `[items...]`. */
export const arr = (items: readonly Expr[]): Expr => ({ kind: 'array', items });

/** Renders an expression whose first line starts at `indent` levels (two spaces each). */
export function render(e: Expr, indent = 0): string {
  const out: string[] = [];
  writeExpr(e, indent, out);
  return out.join('');
}

function writeExpr(e: Expr, indent: number, out: string[]): void {
  const flat = inlineExprWithin(e, INLINE_WIDTH - indent * 2);
  if (flat !== undefined) {
    out.push(flat);
    return;
  }
  switch (e.kind) {
    case 'raw': out.push(e.text); return;
    case 'value': writeLiteral(e.value, indent, out); return;
    case 'call': {
      if (e.args.length === 0) {
        out.push(`${e.callee}()`);
        return;
      }
      // A single object or array argument hugs the parentheses: `f({ ... })`.
      // Short leading arguments stay on the call line and a trailing object or array hugs:
      // `f('a', 'b', {\n  ...\n})`.
      const last = e.args[e.args.length - 1];
      if (isBlock(last)) {
        const head = new InlineBudget(INLINE_WIDTH - indent * 2 - 1);
        if (head.put(`${e.callee}(`) && e.args.slice(0, -1).every(a => putExpr(a, head) && head.put(', '))) {
          out.push(head.text());
          writeExpr(last, indent, out);
          out.push(')');
          return;
        }
      }
      writeLines(out, indent, `${e.callee}(`, ')', e.args.length, (i) => writeExpr(e.args[i], indent + 1, out));
      return;
    }
    case 'object':
      writeLines(out, indent, '{', '}', e.entries.length, (i) => {
        out.push(propertyKey(e.entries[i][0]), ': ');
        writeExpr(e.entries[i][1], indent + 1, out);
      });
      return;
    case 'array':
      writeLines(out, indent, '[', ']', e.items.length, (i) => writeExpr(e.items[i], indent + 1, out));
      return;
  }
}

function isBlock(e: Expr): boolean {
  return e.kind === 'object' || e.kind === 'array' || (e.kind === 'value' && e.value !== null && typeof e.value === 'object');
}

/** The expression on one line when that is at most `width` characters with no line break, otherwise undefined. */
function inlineExprWithin(e: Expr, width: number): string | undefined {
  const b = new InlineBudget(width);
  return putExpr(e, b) ? b.text() : undefined;
}

function putExpr(e: Expr, b: InlineBudget): boolean {
  switch (e.kind) {
    case 'raw': return b.room(e.text.length) && b.put(e.text);
    case 'value': return putLiteral(e.value, b);
    case 'call':
      return b.put(`${e.callee}(`) && e.args.every((a, i) => (i === 0 || b.put(', ')) && putExpr(a, b)) && b.put(')');
    case 'object':
      if (e.entries.length === 0) return b.put('{}');
      return b.put('{ ') && e.entries.every(([k, v], i) => (i === 0 || b.put(', ')) && b.room(k.length) && b.put(propertyKey(k)) && b.put(': ') && putExpr(v, b)) && b.put(' }');
    case 'array':
      return b.put('[') && e.items.every((x, i) => (i === 0 || b.put(', ')) && putExpr(x, b)) && b.put(']');
  }
}
