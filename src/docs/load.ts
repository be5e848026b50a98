import * as fs from 'node:fs';
import * as path from 'node:path';
import * as YAML from 'yaml';
import { UserError } from '../errors';

/** One YAML document read from a file, with where it came from (for error messages). */
export interface SourcedDocument {
  /** The parsed document: a plain object for every Kubernetes manifest. */
  readonly value: unknown;
  /** The file it was read from, or `<stdin>`. */
  readonly file: string;
  /** Zero-based index of the document in its file's YAML stream. */
  readonly index: number;
}

/**
 * Parses a multi-document YAML stream as the Kubernetes YAML reader would.
 *
 * The strict parse of the `yaml` package is tried first. Neither its `strict: false` nor its
 * `uniqueKeys: false` option accepts a quoted scalar whose continuation line is indented no
 * deeper than its key, which Kubernetes' reader accepts and real XRDs contain (see the corpus
 * README). A document with that problem is repaired by re-indenting the continuation lines of
 * its open quoted scalars (folding drops leading whitespace of those lines, so the value is
 * unchanged) and parsed again. Empty documents are skipped, as kubectl skips them.
 *
 * @throws UserError naming the file, document index and line when a document is not YAML
 */
export function parseYamlLeniently(text: string, file: string): SourcedDocument[] {
  const out: SourcedDocument[] = [];
  const docs = YAML.parseAllDocuments(text, { uniqueKeys: false });
  const list = Array.isArray(docs) ? docs : [docs];
  list.forEach((doc, index) => {
    let value: unknown;
    if (doc.errors.length === 0) {
      value = doc.toJS({ maxAliasCount: 1000 });
    } else {
      const range = doc.range;
      const source = range ? text.slice(range[0], range[2]) : text;
      const repaired = YAML.parseDocument(reindentQuotedScalars(source), { uniqueKeys: false });
      if (repaired.errors.length > 0) {
        const err = doc.errors[0];
        const where = err.linePos ? ` line ${err.linePos[0].line}` : '';
        const reason = err.message.split('\n')[0];
        throw new UserError(`${file} document ${index}${where}: not valid YAML (${reason}): fix the YAML syntax of this document`);
      }
      value = repaired.toJS({ maxAliasCount: 1000 });
    }
    if (value !== null && value !== undefined) out.push({ value, file, index });
  });
  return out;
}

/**
 * Re-indents the continuation lines of quoted block-mapping values that run over several
 * lines, so that each continuation line sits two spaces deeper than its key.
 */
export function reindentQuotedScalars(source: string): string {
  const lines = source.split('\n');
  let open: { quote: '"' | "'"; indent: number } | undefined;
  return lines.map((line) => {
    if (open) {
      const indent = line.length - line.trimStart().length;
      const fixed = indent <= open.indent && line.trim() !== '' ? ' '.repeat(open.indent + 2) + line.trimStart() : line;
      if (closesQuote(line, open.quote, 0)) open = undefined;
      return fixed;
    }
    // `key: "...` or `- key: '...` where the quoted value does not close on this line.
    const m = /^(\s*)(- +)?([^\s#'"][^:#]*|"[^"]*"|'[^']*'):\s+(["'])/.exec(line);
    if (m) {
      const quote = m[4] as '"' | "'";
      if (!closesQuote(line, quote, m[0].length)) open = { quote, indent: m[1].length + (m[2]?.length ?? 0) };
    }
    return line;
  }).join('\n');
}

/** Whether a quoted scalar of `quote` that is open at `from` closes within `line`. */
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
 * Reads YAML documents from files, directories (recursively: `.yaml`, `.yml`, `.json`, sorted
 * by name so the result does not depend on the file system) or `-` for the text of `stdin`.
 *
 * @throws UserError when a path does not exist or a document is not YAML
 */
export function loadYamlLeniently(sources: readonly string[], stdin: () => string): SourcedDocument[] {
  const out: SourcedDocument[] = [];
  for (const source of sources) {
    if (source === '-') {
      out.push(...parseYamlLeniently(stdin(), '<stdin>'));
      continue;
    }
    for (const file of listYamlFiles(source)) {
      out.push(...parseYamlLeniently(fs.readFileSync(file, 'utf8'), file));
    }
  }
  return out;
}

function listYamlFiles(p: string): string[] {
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch {
    throw new UserError(`${p}: no such file or directory: check the path`);
  }
  if (!st.isDirectory()) return [p];
  const entries = fs.readdirSync(p, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return entries.flatMap((e) => {
    const full = path.join(p, e.name);
    if (e.isDirectory()) return listYamlFiles(full);
    return /\.(ya?ml|json)$/i.test(e.name) ? [full] : [];
  });
}
