/**
 * A reader for the YAML Kubernetes tools write: block mappings and sequences, plain and quoted
 * one-line scalars, plain scalars folded over lines, literal and folded block scalars, `{}` and
 * `[]`, comments and `---` separators. That is what cdk8s, kubectl, controller-gen and
 * `crossplane render` emit, and it reads several times faster than a full YAML parser that
 * has not warmed up, which is what a cold CLI run pays. Plain scalars are typed as
 * Kubernetes' go-yaml v2 types them (`goYamlPlainValue`), as the full reader types them too.
 *
 * It gives up (returns undefined) on anything else — anchors, aliases, tags, merge keys, flow
 * collections with content, multi-line quoted scalars, directives, tabs, CR line endings, and
 * keys that are not plainly strings (`yes:`, `1:`) — and the caller reads the stream with the
 * full parser instead. So where it answers, it answers what the full parser would; where it is
 * unsure it does not answer (test/yaml/plain-yaml.test.ts compares both on real files).
 */

import { goYamlPlainValue } from '../engine/go/yaml-keys';

/** Thrown to hand the stream over to the full parser. */
class NotPlain extends Error {}

interface Line {
  /** Column of the first non-space character. */
  indent: number;
  /** The line from that column on. */
  text: string;
}

/** One parsed document per `---`-separated document (null for an empty one), or undefined. */
export function parsePlainYamlStream(text: string, intAsBigInt: boolean): unknown[] | undefined {
  if (text.includes('\t') || text.includes('\r') || text.charCodeAt(0) === 0xfeff) return undefined;
  try {
    return splitDocuments(text).map((lines) => parseDocument(lines, intAsBigInt));
  } catch (err) {
    // Too deep for this recursive reader: the full parser reads it, or says why it cannot.
    if (err instanceof NotPlain || (err instanceof RangeError && /call stack/i.test(err.message))) return undefined;
    throw err;
  }
}

function isBlankOrComment(raw: string): boolean {
  const t = raw.trimStart();
  return t === '' || t.startsWith('#');
}

function splitDocuments(text: string): string[][] {
  const docs: string[][] = [];
  let cur: string[] = [];
  let started = false; // the text before the first `---` counts only when it has content
  for (const raw of text.split('\n')) {
    if (raw.startsWith('---') && (raw.slice(3).trim() === '' || /^---[ ]+#/.test(raw))) {
      if (started || cur.some((l) => !isBlankOrComment(l))) docs.push(cur);
      cur = [];
      started = true;
      continue;
    }
    if (raw.startsWith('...') || raw.startsWith('%') || (raw.startsWith('---') && /^---\s/.test(raw))) throw new NotPlain();
    cur.push(raw);
  }
  if (started || cur.some((l) => !isBlankOrComment(l))) docs.push(cur);
  return docs;
}

class Reader {
  public pos = 0;
  public constructor(public readonly raw: string[], public readonly lines: (Line | undefined)[], public readonly big: boolean) {}

  /** The next line with content (skipping blank and comment lines), without consuming it. */
  public peek(): Line | undefined {
    while (this.pos < this.lines.length) {
      const l = this.lines[this.pos];
      if (l) return l;
      this.pos++;
    }
    return undefined;
  }
}

function parseDocument(raw: string[], big: boolean): unknown {
  const lines = raw.map((r): Line | undefined => {
    const t = r.trimStart();
    if (t === '' || t.startsWith('#')) return undefined;
    return { indent: r.length - t.length, text: t.trimEnd() };
  });
  const r = new Reader(raw, lines, big);
  if (!r.peek()) return null;
  const v = parseBlock(r, 0);
  if (r.peek()) throw new NotPlain();
  return v;
}

/** A block node whose lines are indented at least `min`; null when there is none. */
function parseBlock(r: Reader, min: number): unknown {
  const l = r.peek();
  if (!l || l.indent < min) return null;
  if (isSeqEntry(l.text)) return parseSequence(r, l.indent);
  if (keyOf(l.text)) return parseMapping(r, l.indent);
  throw new NotPlain();
}

function isSeqEntry(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

function parseSequence(r: Reader, indent: number): unknown[] {
  const out: unknown[] = [];
  for (let l = r.peek(); l && l.indent === indent && isSeqEntry(l.text); l = r.peek()) {
    const rest = l.text.slice(1).trimStart();
    // `- # comment` is an entry whose node starts on the next line.
    if (rest === '' || rest.startsWith('#')) {
      r.pos++;
      out.push(parseBlock(r, indent + 1));
      continue;
    }
    const col = indent + (l.text.length - rest.length);
    if (isSeqEntry(rest) || keyOf(rest)) {
      // `- key: v` and `- - x`: the rest of the line is the first line of a nested block at
      // its own column.
      r.lines[r.pos] = { indent: col, text: rest };
      out.push(parseBlock(r, col));
      continue;
    }
    r.pos++;
    out.push(parseValue(r, rest, indent));
  }
  return out;
}

function parseMapping(r: Reader, indent: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let l = r.peek(); l && l.indent === indent; l = r.peek()) {
    const k = keyOf(l.text);
    if (!k) throw new NotPlain();
    r.pos++;
    const rest = l.text.slice(k.end).trimStart();
    let v: unknown;
    if (rest === '' || rest.startsWith('#')) {
      const next = r.peek();
      // A sequence may sit at the key's own column.
      v = next && next.indent === indent && isSeqEntry(next.text) ? parseSequence(r, indent) : parseBlock(r, indent + 1);
    } else {
      v = parseValue(r, rest, indent);
    }
    out[k.key] = v;
  }
  const after = r.peek();
  if (after && after.indent > indent) throw new NotPlain();
  return out;
}

/** The key of a `key: ...` line and where its `:` ends; undefined when the line is no entry. */
function keyOf(text: string): { key: string; end: number } | undefined {
  const c = text[0];
  if (c === '"' || c === "'") {
    const q = quoted(text, 0);
    if (!q || text[q.end] !== ':' || (q.end + 1 < text.length && text[q.end + 1] !== ' ')) return undefined;
    return { key: q.value, end: q.end + 1 };
  }
  if ('-?:,[]{}#&*!|>%@`'.includes(c)) return undefined;
  let i = text.indexOf(':');
  while (i >= 0 && i + 1 < text.length && text[i + 1] !== ' ') i = text.indexOf(':', i + 1);
  if (i <= 0) return undefined;
  const key = text.slice(0, i).trimEnd();
  if (key.includes(' #') || key === '<<' || key === '__proto__') throw new NotPlain();
  // `true:`, `1.0:`, `0o17:`: keys that Kubernetes types (and then writes as other strings)
  // are converted by the full reader.
  if (typeof goYamlPlainValue(key, false) !== 'string') throw new NotPlain();
  return { key, end: i + 1 };
}

/** A scalar or `{}`/`[]` value starting on a line (after `key:` or `-`) of a node at `indent`. */
function parseValue(r: Reader, text: string, indent: number): unknown {
  const c = text[0];
  if (c === '"' || c === "'") {
    const one = quoted(text, 0);
    const { value, tail: after } = one ? { value: one.value, tail: text.slice(one.end) } : foldedQuoted(r, text, indent);
    const tail = after.trimStart();
    // A comment needs white space before its `#`: `"a"#c` is an error to the full parser.
    if (tail !== '' && (!tail.startsWith('#') || tail === after)) throw new NotPlain();
    if (tail === '') noContinuation(r, indent);
    return value;
  }
  if (c === '|' || c === '>') return blockScalar(r, text, indent);
  if (text === '{}' || text === '[]' || /^(\{\}|\[\])\s+#/.test(text)) {
    noContinuation(r, indent);
    return text[0] === '{' ? {} : [];
  }
  if ('[]{},#&*!%@`?'.includes(c) || (c === '-' && (text.length === 1 || text[1] === ' ')) || (c === ':' && (text.length === 1 || text[1] === ' '))) throw new NotPlain();
  // A plain scalar: up to a ` #` comment, then folded with more-indented continuation lines.
  const hash = text.indexOf(' #');
  let s = (hash >= 0 ? text.slice(0, hash) : text).trimEnd();
  if (s.includes(': ') || s.endsWith(':')) throw new NotPlain();
  if (hash < 0) {
    let breaks = 0;
    let multi = false;
    while (r.pos < r.lines.length) {
      const l = r.lines[r.pos];
      if (!l) {
        if (r.raw[r.pos].trimStart().startsWith('#')) break;
        breaks++;
        r.pos++;
        continue;
      }
      if (l.indent <= indent) break;
      // A ` #` comment ends the scalar on this line; what follows it is the next node's.
      const cut = l.text.indexOf(' #');
      const part = cut >= 0 ? l.text.slice(0, cut).trimEnd() : l.text;
      if (part.includes(': ') || part.endsWith(':')) throw new NotPlain();
      s += breaks === 0 ? ` ${part}` : '\n'.repeat(breaks) + part;
      breaks = 0;
      multi = true;
      r.pos++;
      if (cut >= 0) break;
    }
    if (multi) return s; // a folded plain scalar is always a string
  }
  const v = goYamlPlainValue(s, r.big);
  // `.inf` and `.nan`: JSON cannot hold them, and the full reader says where they are.
  if (typeof v === 'number' && !Number.isFinite(v)) throw new NotPlain();
  return v;
}

/** After a one-line value, a more-indented line would be a YAML error: let the full parser say so. */
function noContinuation(r: Reader, indent: number): void {
  const l = r.peek();
  if (l && l.indent > indent) throw new NotPlain();
}

/**
 * A quoted scalar that continues over the next lines (the `yaml` library writes long strings
 * so): the lines are folded as YAML folds them — each break between two lines is a space, n
 * empty lines are n newlines, a trailing backslash in double quotes joins without a space —
 * and the one-line result is read like any other. Returns the value and what follows the
 * closing quote on its line.
 */
function foldedQuoted(r: Reader, first: string, indent: number): { value: string; tail: string } {
  const q = first[0];
  const firstRaw = r.raw[r.pos - 1];
  if (firstRaw !== firstRaw.trimEnd() && first.endsWith('\\')) throw new NotPlain();
  let joined = q;
  let pending = stripLineEnd(first.slice(1), q);
  let breaks = 0;
  for (; r.pos < r.raw.length; r.pos++) {
    const raw = r.raw[r.pos];
    const t = raw.trim();
    if (t === '') { breaks++; continue; }
    if (raw.length - raw.trimStart().length <= indent) throw new NotPlain();
    joined += pending.text + (pending.escapedBreak ? '' : breaks === 0 ? ' ' : '\n'.repeat(breaks));
    if (pending.escapedBreak && breaks > 0) throw new NotPlain();
    breaks = 0;
    const next = stripLineEnd(t, q);
    if (!next.escapedBreak && quoted(q + t, 0)) {
      r.pos++;
      const all = joined + t;
      const q2 = quoted(all, 0);
      if (!q2 || q2.end <= joined.length) throw new NotPlain();
      return { value: q2.value, tail: all.slice(q2.end) };
    }
    pending = next;
  }
  throw new NotPlain();
}

/** A line's content before a fold: trailing spaces dropped, a final `\\` in double quotes kept as a join. */
function stripLineEnd(line: string, q: string): { text: string; escapedBreak: boolean } {
  if (q === '"') {
    const m = /(\\+)$/.exec(line);
    if (m && m[1].length % 2 === 1) return { text: line.slice(0, -1), escapedBreak: true };
    const t = line.trimEnd();
    const m2 = /(\\+)$/.exec(t);
    if (t !== line && m2 && m2[1].length % 2 === 1) throw new NotPlain(); // `\ ` before the break
    return { text: t, escapedBreak: false };
  }
  return { text: line.trimEnd(), escapedBreak: false };
}

/** A one-line quoted scalar starting at `from`: its value and the index after it. */
function quoted(text: string, from: number): { value: string; end: number } | undefined {
  const q = text[from];
  let out = '';
  for (let i = from + 1; i < text.length; i++) {
    const c = text[i];
    if (q === "'") {
      if (c !== "'") { out += c; continue; }
      if (text[i + 1] === "'") { out += "'"; i++; continue; }
      return { value: out, end: i + 1 };
    }
    if (c === '"') return { value: out, end: i + 1 };
    if (c !== '\\') { out += c; continue; }
    const e = text[++i];
    const simple = ESCAPES[e];
    if (simple !== undefined) { out += simple; continue; }
    const width = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    const hex = text.slice(i + 1, i + 1 + width);
    if (width === 0 || !new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) throw new NotPlain();
    out += String.fromCodePoint(parseInt(hex, 16));
    i += width;
  }
  return undefined; // not closed on this line
}

const ESCAPES: Record<string, string> = {
  '0': '\0', 'a': '\x07', 'b': '\b', 't': '\t', 'n': '\n', 'v': '\v', 'f': '\f', 'r': '\r', 'e': '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', 'N': '\u0085', '_': '\u00a0', 'L': '\u2028', 'P': '\u2029',
};

/** `|`, `|-`, `|+`, `>`, `>-`, `>+` with the indentation of the first content line. */
function blockScalar(r: Reader, header: string, indent: number): string {
  // `|+` and `>+` keep trailing blank lines, whose count the line split cannot tell apart from
  // the stream's last newline: left to the full parser.
  const m = /^([|>])(-?)(\s+#.*)?$/.exec(header);
  if (!m) throw new NotPlain();
  const folded = m[1] === '>';
  const chomp = m[2];
  const body: string[] = [];
  let contentIndent = -1;
  let leadingBlankMax = 0;
  while (r.pos < r.raw.length) {
    const raw = r.raw[r.pos];
    const spaces = raw.length - raw.trimStart().length;
    if (raw.trim() === '') {
      if (contentIndent < 0) leadingBlankMax = Math.max(leadingBlankMax, raw.length);
      body.push(contentIndent >= 0 && raw.length > contentIndent ? raw.slice(contentIndent) : '');
      r.pos++;
      continue;
    }
    if (contentIndent < 0) {
      if (spaces <= indent) break;
      if (leadingBlankMax > spaces) throw new NotPlain();
      contentIndent = spaces;
    } else if (spaces < contentIndent) {
      break;
    }
    body.push(raw.slice(contentIndent));
    r.pos++;
  }
  // Blank lines after the last content line belong to chomping, not to the next node.
  let trailing = 0;
  while (trailing < body.length && body[body.length - 1 - trailing] === '') trailing++;
  const content = body.slice(0, body.length - trailing);
  // Give back trailing blank lines (they are blank either way; only their count matters).
  if (content.length === 0) {
    r.pos -= trailing;
    return '';
  }
  if (body.slice(content.length).some((b) => b !== '')) throw new NotPlain();
  let text: string;
  if (folded) {
    if (content.some((l) => l.startsWith(' '))) throw new NotPlain(); // more-indented lines fold differently
    text = '';
    let breaks = 0;
    for (let i = 0; i < content.length; i++) {
      const l = content[i];
      if (l === '') { breaks++; continue; }
      if (i > 0) text += breaks === 0 ? ' ' : '\n'.repeat(breaks);
      else text += '\n'.repeat(breaks);
      breaks = 0;
      text += l;
    }
  } else {
    text = content.join('\n');
  }
  return chomp === '-' ? text : `${text}\n`;
}

