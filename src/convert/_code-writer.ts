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
  const inline = inlineLiteral(value);
  if (inline.length + indent * 2 <= INLINE_WIDTH || value === null || typeof value !== 'object') return inline;
  const pad = '  '.repeat(indent + 1);
  const end = '  '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map(v => `${pad}${literal(v, indent + 1)},`).join('\n')}\n${end}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${pad}${propertyKey(k)}: ${literal(v, indent + 1)},`).join('\n')}\n${end}}`;
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
  const flat = renderInline(e);
  if (flat.length + indent * 2 <= INLINE_WIDTH && !flat.includes('\n')) return flat;
  const pad = '  '.repeat(indent + 1);
  const end = '  '.repeat(indent);
  switch (e.kind) {
    case 'raw': return e.text;
    case 'value': return literal(e.value, indent);
    case 'call': {
      if (e.args.length === 0) return `${e.callee}()`;
      // A single object or array argument hugs the parentheses: `f({ ... })`.
      // Short leading arguments stay on the call line and a trailing object or array hugs:
      // `f('a', 'b', {\n  ...\n})`.
      const last = e.args[e.args.length - 1];
      const lead = e.args.slice(0, -1).map(renderInline);
      const head = `${e.callee}(${lead.map(l => `${l}, `).join('')}`;
      if (isBlock(last) && head.length + indent * 2 < INLINE_WIDTH && lead.every(l => !l.includes('\n'))) {
        return `${head}${render(last, indent)})`;
      }
      return `${e.callee}(\n${e.args.map(a => `${pad}${render(a, indent + 1)},`).join('\n')}\n${end})`;
    }
    case 'object':
      if (e.entries.length === 0) return '{}';
      return `{\n${e.entries.map(([k, v]) => `${pad}${propertyKey(k)}: ${render(v, indent + 1)},`).join('\n')}\n${end}}`;
    case 'array':
      if (e.items.length === 0) return '[]';
      return `[\n${e.items.map(i => `${pad}${render(i, indent + 1)},`).join('\n')}\n${end}]`;
  }
}

function isBlock(e: Expr): boolean {
  return e.kind === 'object' || e.kind === 'array' || (e.kind === 'value' && e.value !== null && typeof e.value === 'object');
}

function renderInline(e: Expr): string {
  switch (e.kind) {
    case 'raw': return e.text;
    case 'value': return inlineLiteral(e.value);
    case 'call': return `${e.callee}(${e.args.map(renderInline).join(', ')})`;
    case 'object': return e.entries.length === 0 ? '{}' : `{ ${e.entries.map(([k, v]) => `${propertyKey(k)}: ${renderInline(v)}`).join(', ')} }`;
    case 'array': return `[${e.items.map(renderInline).join(', ')}]`;
  }
}
