import * as fs from 'node:fs';
import * as path from 'node:path';
import * as YAML from 'yaml';
import { Finding, findingObject } from './finding';
import { isRecord } from './_util';

/** One object read from a YAML stream, with where it came from. */
export interface SourcedObject {
  /** The parsed object. */
  readonly object: Record<string, unknown>;
  /**
   * @default - in memory
   */
  readonly file?: string;
  /**
   * @default - in memory
   */
  readonly document?: number;
}

/** What reading YAML produced: the objects, and a finding for every document that was not one. */
export interface ReadResult {
  /** Objects read, in file and document order. */
  readonly objects: SourcedObject[];
  /** Unreadable files and documents. */
  readonly findings: Finding[];
}

/**
 * Parses a multi-document YAML stream. Documents the strict parser rejects are retried
 * leniently: the Kubernetes YAML reader accepts a double-quoted multi-line scalar whose
 * continuation line is not indented past its key, and real-world XRDs rely on it. Empty
 * documents are skipped like kubectl does; anything else that is not a mapping is a finding.
 */
export function readYamlStream(text: string, file: string): ReadResult {
  const objects: SourcedObject[] = [];
  const findings: Finding[] = [];
  let docs: YAML.Document.Parsed[];
  try {
    docs = YAML.parseAllDocuments(text, { uniqueKeys: false }) as YAML.Document.Parsed[];
    if (!Array.isArray(docs)) docs = [docs as YAML.Document.Parsed];
  } catch (err) {
    findings.push(yamlFinding(file, 0, (err as Error).message));
    return { objects, findings };
  }
  docs.forEach((doc, index) => {
    let value: unknown;
    if (doc.errors.length > 0) {
      value = lenientParse(doc.toString === undefined ? '' : sourceOf(text, doc));
      if (value === undefined) {
        findings.push(yamlFinding(file, index, `malformed YAML: ${firstLine(doc.errors[0].message).replace(/:+$/, "")}: fix the YAML syntax of this document`));
        return;
      }
    } else {
      try {
        value = doc.toJS({ maxAliasCount: 1000 });
      } catch (err) {
        findings.push(yamlFinding(file, index, `malformed YAML: ${firstLine((err as Error).message)}: fix the YAML of this document`));
        return;
      }
    }
    if (value === null || value === undefined) return;
    if (!isRecord(value)) {
      findings.push({ object: findingObject(undefined, file, index), path: '', rule: 'document', severity: 'error', message: `document is a ${Array.isArray(value) ? 'sequence' : typeof value}, not a Kubernetes object: each YAML document must be a mapping with apiVersion and kind` });
      return;
    }
    if (isRecord(value) && (value.kind === 'List' || value.kind === 'CustomResourceDefinitionList') && Array.isArray(value.items)) {
      value.items.forEach((item) => { if (isRecord(item)) objects.push({ object: item, file, document: index }); });
      return;
    }
    objects.push({ object: value, file, document: index });
  });
  return { objects, findings };
}

function sourceOf(text: string, doc: YAML.Document.Parsed): string {
  const range = doc.range;
  return range ? text.slice(range[0], range[2]) : text;
}

/**
 * Retries a document the way the Kubernetes reader tolerates: continuation lines of a quoted
 * scalar that are not indented are re-indented under their key before parsing again.
 */
function lenientParse(source: string): unknown {
  const lines = source.split('\n');
  const out: string[] = [];
  let openIndent = -1;
  for (const line of lines) {
    if (openIndent >= 0) {
      const indent = line.length - line.trimStart().length;
      out.push(indent <= openIndent ? ' '.repeat(openIndent + 2) + line.trimStart() : line);
      if (countUnescapedQuotes(line) % 2 === 1) openIndent = -1;
      continue;
    }
    out.push(line);
    const m = /^(\s*)(?:- )?[^\s:#][^:#]*:\s+"(.*)$/.exec(line);
    if (m && countUnescapedQuotes(m[2]) % 2 === 0) openIndent = m[1].length;
  }
  try {
    const doc = YAML.parseDocument(out.join('\n'), { uniqueKeys: false });
    return doc.errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 1000 });
  } catch {
    return undefined;
  }
}

function countUnescapedQuotes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') { i++; continue; }
    if (s[i] === '"') n++;
  }
  return n;
}

function firstLine(s: string): string {
  return s.split('\n')[0];
}

function yamlFinding(file: string, document: number, message: string): Finding {
  return { object: { apiVersion: '', kind: '', name: '', file, document }, path: '', rule: 'yaml', severity: 'error', message };
}

/**
 * Reads comma-separated sources: files, directories (recursively, `.yaml`/`.yml`/`.json`,
 * sorted for a deterministic order) or `-` for `stdin`.
 */
export function readSources(spec: string, stdin: () => string): ReadResult {
  const objects: SourcedObject[] = [];
  const findings: Finding[] = [];
  for (const item of spec.split(',').map((s) => s.trim()).filter((s) => s)) {
    const files = item === '-' ? ['-'] : listFiles(item, findings);
    for (const file of files) {
      let text: string;
      try {
        text = file === '-' ? stdin() : fs.readFileSync(file, 'utf8');
      } catch (err) {
        findings.push(yamlFinding(file, 0, `cannot read file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}: check the path`));
        continue;
      }
      const r = readYamlStream(text, file === '-' ? '<stdin>' : file);
      objects.push(...r.objects);
      findings.push(...r.findings);
    }
  }
  return { objects, findings };
}

function listFiles(p: string, findings: Finding[]): string[] {
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch {
    findings.push(yamlFinding(p, 0, 'no such file or directory: check the path'));
    return [];
  }
  if (!st.isDirectory()) return [p];
  const out: string[] = [];
  for (const e of fs.readdirSync(p, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(p, e.name);
    if (e.isDirectory()) out.push(...listFiles(full, findings));
    else if (/\.(ya?ml|json)$/i.test(e.name)) out.push(full);
  }
  return out;
}
