/**
 * Reading Kubernetes YAML, the one way every part of the package does it (render, validate,
 * docs, convert, the CLI): as sigs.k8s.io/yaml reads it with go-yaml v2 (`on`/`yes` are
 * booleans, `0o17` is 15 and `1:20` a string, merge keys, a repeated key keeps its last value,
 * timestamps stay strings), multi-document
 * streams, directories searched recursively in name order, `-` for standard input.
 *
 * Problems are returned, not thrown, each naming the file and the document index: the
 * validator reports them as findings, the other commands turn them into errors.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Document } from 'yaml';
import { UserError } from '../errors';
import { errorPosition, errorText, positionedErrors } from './error-position';
import { documentLimitProblem, isStackOverflow, KUBERNETES_MAX_DEPTH, MAX_NESTING_DEPTH, textNestingProblem, tooDeepMessage } from './limits';
import { toKubernetesValues, type KeyProblem } from './kubernetes-keys';
import { parsePlainYamlStream } from './plain-yaml';

/** One document of a YAML stream. */
export interface YamlDocument {
  /** The file it was read from, or `<stdin>`. */
  readonly source: string;
  /** Zero-based index of the document in its stream. */
  readonly index: number;
  /** The parsed value (a plain object for every Kubernetes manifest). */
  readonly value: unknown;
}

/** A file or document that could not be read. */
export interface YamlProblem {
  /** The file, or `<stdin>`. */
  readonly source: string;
  /**
   * Zero-based index of the document in its stream.
   *
   * @default - the file itself could not be read or parsed
   */
  readonly index?: number;
  /** What went wrong and how to fix it. */
  readonly message: string;
}

/** What reading produced: the non-empty documents, and every problem met on the way. */
export interface YamlReadResult {
  readonly documents: YamlDocument[];
  readonly problems: YamlProblem[];
}

/** Options of {@link parseYamlStream} and {@link readYamlSources}. */
export interface ReadYamlOptions {
  /**
   * Whether integers become `bigint`, as the Kubernetes JSON decoder keeps them int64 (the
   * render engine needs this to treat numbers as Go does).
   *
   * @default false
   */
  readonly intAsBigInt?: boolean;
}

/**
 * The `yaml` library's options for reading as sigs.k8s.io/yaml (go-yaml v2) reads: merge keys,
 * a repeated key keeps its last value, timestamps stay strings (as go-yaml leaves them when
 * decoding into interface{}). Plain scalars are then retyped by {@link toKubernetesValues}.
 * @internal
 */
export function kubernetesYamlOptions(intAsBigInt: boolean) {
  return {
    version: '1.1' as const,
    intAsBigInt,
    merge: true,
    uniqueKeys: false,
    customTags: (tags: any[]) => tags.filter((t) => t.tag !== 'tag:yaml.org,2002:timestamp'),
  };
}

function parseOptions(options: ReadYamlOptions) {
  return kubernetesYamlOptions(options.intAsBigInt ?? false);
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/:+$/, '');
}

/**
 * Parses a multi-document YAML stream. A document the strict parser rejects is retried once
 * with its open quoted scalars re-indented (see {@link reindentQuotedScalars}); empty documents
 * are skipped, as kubectl skips them.
 */
export function parseYamlStream(text: string, source: string, options: ReadYamlOptions = {}): YamlReadResult {
  const documents: YamlDocument[] = [];
  const problems: YamlProblem[] = [];
  // Both parsers recurse per level: text nesting deeper than the tools follow is not parsed.
  const deep = textNestingProblem(text);
  if (deep) {
    return { documents, problems: [{ source, index: deep.document, message: `nests too deeply at line ${deep.line}: ${tooDeepMessage(deep.depth).replace(/^nests \d+ levels deep, /, `${deep.depth} levels or more, `)}` }] };
  }
  // Most Kubernetes files need none of YAML's rarer features: read those without the full
  // parser, which is loaded only for the others (see plain-yaml.ts).
  const plain = parsePlainYamlStream(text, options.intAsBigInt ?? false);
  if (!plain) return parseYamlStreamFully(text, source, options);
  plain.forEach((value, index) => keep(documents, problems, source, index, value));
  return { documents, problems };
}

/** Keeps a non-empty document, or reports where it breaks what a Kubernetes object can hold. */
function keep(documents: YamlDocument[], problems: YamlProblem[], source: string, index: number, value: unknown): void {
  if (value === null || value === undefined) return;
  const limit = documentLimitProblem(value);
  if (limit) problems.push({ source, index, message: limit.path === '' ? limit.message : `${limit.path} ${limit.message}` });
  else documents.push({ source, index, value });
}

/** The parser's own message, or what running out of stack on a deep document means. */
function parserMessage(message: string, line: string): string {
  if (!/call stack/i.test(message)) return `not valid YAML${line} (${firstLine(message)}): fix the YAML syntax of this document`;
  return `nests too deeply${line} for the YAML reader: the offline tools follow up to ${MAX_NESTING_DEPTH} levels (the Kubernetes API server decodes up to ${KUBERNETES_MAX_DEPTH}; real objects rarely pass 30): flatten the data`;
}

/** {@link parseYamlStream} with the full YAML parser, whatever the text. @internal */
export function parseYamlStreamFully(text: string, source: string, options: ReadYamlOptions = {}): YamlReadResult {
  const documents: YamlDocument[] = [];
  const problems: YamlProblem[] = [];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parseAllDocuments, parseDocument } = require('yaml') as typeof import('yaml');
  const opts = parseOptions(options) as any;
  const positions = positionedErrors();
  let docs: Document.Parsed[];
  try {
    const parsed = parseAllDocuments(text, { ...opts, ...positions });
    docs = (Array.isArray(parsed) ? parsed : [parsed]) as Document.Parsed[];
  } catch (err) {
    const message = (err as Error).message;
    return { documents, problems: [{ source, message: isStackOverflow(err) ? parserMessage(message, '') : `not valid YAML (${firstLine(message)}): fix the YAML syntax` }] };
  }
  docs.forEach((doc, index) => {
    let parsed: Document.Parsed = doc;
    // The line of an offset in `parsed`.
    let lineOf = (offset: number) => positions.lineCounter.linePos(offset).line;
    if (doc.errors.length > 0) {
      const range = doc.range;
      const repairedText = reindentQuotedScalars(range ? text.slice(range[0], range[2]) : text);
      const repaired = parseDocument(repairedText, { ...opts, prettyErrors: false }) as Document.Parsed;
      // Re-indenting adds spaces, never lines.
      lineOf = (offset) => lineAt(text, range ? range[0] : 0) + lineAt(repairedText, offset) - 1;
      if (repaired.errors.length > 0) {
        const err = doc.errors[0];
        const at = errorPosition(err, positions.lineCounter);
        problems.push({ source, index, message: parserMessage(errorText(err, positions.lineCounter), at ? ` at line ${at.line}` : '') });
        return;
      }
      parsed = repaired;
    }
    // Values and keys as Kubernetes reads them: `1:20` is a string, `true:` the key "true"; `~:` fails.
    const refused = toKubernetesValues(parsed, options.intAsBigInt ?? false);
    if (refused) {
      problems.push({ source, index, message: keyMessage(refused, lineOf(refused.offset)) });
      return;
    }
    let value: unknown;
    try {
      value = parsed.toJS({ maxAliasCount: 1000 });
    } catch (err) {
      problems.push({ source, index, message: isStackOverflow(err) ? parserMessage((err as Error).message, '') : `not valid YAML (${firstLine((err as Error).message)}): fix the YAML of this document` });
      return;
    }
    keep(documents, problems, source, index, value);
  });
  return { documents, problems };
}

/** The 1-based line of `offset` in `text`. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** What a refused key is, what Kubernetes says of it, and how to write it instead. */
function keyMessage(k: KeyProblem, line: number): string {
  const go = k.goMessage.length > 200 ? `${k.goMessage.slice(0, 200)}...` : k.goMessage;
  const fix = k.found === 'null'
    ? 'quote the key ("null": ...) or name it'
    : k.found === 'an integer beyond int64' ? 'quote the key' : 'write the key as a string (quote it), or make the data a list of entries';
  return `a mapping key at line ${line} is ${k.found}, which Kubernetes cannot read (${go}): ${fix}`;
}

/**
 * Re-indents the continuation lines of quoted mapping values that run over several lines, so
 * each sits two spaces deeper than its key. Kubernetes' YAML reader accepts such values with
 * continuation lines no deeper than the key, and real XRDs contain them; folding drops the
 * leading whitespace of those lines, so the value is unchanged.
 */
export function reindentQuotedScalars(source: string): string {
  let open: { quote: '"' | "'"; indent: number } | undefined;
  return source.split('\n').map((line) => {
    if (open) {
      const indent = line.length - line.trimStart().length;
      const fixed = indent <= open.indent && line.trim() !== '' ? ' '.repeat(open.indent + 2) + line.trimStart() : line;
      if (closesQuote(line, open.quote, 0)) open = undefined;
      return fixed;
    }
    // `key: "...` or `- key: '...` whose quoted value does not close on this line.
    const m = /^(\s*)(- +)?([^\s#'"][^:#]*|"[^"]*"|'[^']*'):\s+(["'])/.exec(line);
    if (m) {
      const quote = m[4] as '"' | "'";
      if (!closesQuote(line, quote, m[0].length)) open = { quote, indent: m[1].length + (m[2]?.length ?? 0) };
    }
    return line;
  }).join('\n');
}

/** Whether a quoted scalar of `quote`, open at `from`, closes within `line`. */
function closesQuote(line: string, quote: '"' | "'", from: number): boolean {
  for (let i = from; i < line.length; i++) {
    const c = line[i];
    if (quote === '"' && c === '\\') { i++; continue; }
    if (c === quote) {
      // In single quotes, '' is an escaped quote, not the end.
      if (quote === "'" && line[i + 1] === "'") { i++; continue; }
      return true;
    }
  }
  return false;
}

/**
 * The YAML files at `p`: the file itself, or every `.yaml`/`.yml`/`.json` file below a
 * directory, in name order (so results do not depend on the file system).
 */
export function yamlFilesAt(p: string): string[] | YamlProblem {
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch {
    return { source: p, message: 'no such file or directory: check the path' };
  }
  if (!st.isDirectory()) return [p];
  const out: string[] = [];
  const walk = (dir: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ya?ml|json)$/i.test(entry.name)) out.push(full);
    }
  };
  walk(p);
  return out;
}

/** Reads every document of files, directories, or `-` (the text of `stdin()`). */
export function readYamlSources(paths: readonly string[], stdin: () => string, options: ReadYamlOptions = {}): YamlReadResult {
  const documents: YamlDocument[] = [];
  const problems: YamlProblem[] = [];
  for (const p of paths) {
    if (p === '-') {
      const r = parseYamlStream(stdin(), '<stdin>', options);
      documents.push(...r.documents);
      problems.push(...r.problems);
      continue;
    }
    const files = yamlFilesAt(p);
    if (!Array.isArray(files)) {
      problems.push(files);
      continue;
    }
    for (const file of files) {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (err) {
        problems.push({ source: file, message: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}: check the path and its permissions` });
        continue;
      }
      const r = parseYamlStream(text, file, options);
      documents.push(...r.documents);
      problems.push(...r.problems);
    }
  }
  return { documents, problems };
}

/** `<source>: document <index>: <message>` (or `<source>: <message>`), the way problems are printed. */
export function formatYamlProblem(p: YamlProblem): string {
  return p.index === undefined ? `${p.source}: ${p.message}` : `${p.source}: document ${p.index}: ${p.message}`;
}

/**
 * {@link readYamlSources} for commands that stop at the first problem: throws a UserError
 * naming the file and the document.
 */
export function loadYamlSources(paths: readonly string[], stdin: () => string, options: ReadYamlOptions = {}): YamlDocument[] {
  const read = readYamlSources(paths, stdin, options);
  if (read.problems.length > 0) throw new UserError(formatYamlProblem(read.problems[0]));
  return read.documents;
}
