/**
 * Reading Kubernetes YAML the way `crossplane render` does (reference §4.4 A): YAML 1.1 (`on`
 * is a boolean, as in sigs.k8s.io/yaml), multi-document files, directories searched
 * recursively for `.yaml`/`.yml` files. Problems are UserErrors naming the file and the
 * document index.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { UserError } from '../errors';

/** One parsed document and where it came from. */
export interface LoadedDocument {
  /** The file (or `<stdin>`). */
  readonly source: string;
  /** 0-based index of the document in its file. */
  readonly index: number;
  /** The parsed object. */
  readonly object: Record<string, unknown>;
}

const PARSE_OPTIONS = {
  version: '1.1' as const,
  intAsBigInt: true,
  merge: true,
  uniqueKeys: false,
  // Timestamps stay strings, as go-yaml v2 leaves them when decoding into interface{}.
  customTags: (tags: any[]) => tags.filter((t) => t.tag !== 'tag:yaml.org,2002:timestamp'),
};

/** Parses every non-empty document of a YAML text. Non-object documents are errors. */
export function parseYamlDocuments(text: string, source: string): LoadedDocument[] {
  const out: LoadedDocument[] = [];
  const docs = parseAllDocuments(text, PARSE_OPTIONS as any);
  const list = Array.isArray(docs) ? docs : [docs];
  list.forEach((doc, index) => {
    if (doc.errors.length > 0) {
      const e = doc.errors[0];
      throw new UserError(`${source}: document ${index}: invalid YAML: ${e.message.split('\n')[0]}`);
    }
    const value = doc.toJS({ maxAliasCount: 1000 });
    if (value === null || value === undefined) return;
    if (typeof value !== 'object' || Array.isArray(value) || value instanceof Date) {
      throw new UserError(`${source}: document ${index}: expected a Kubernetes object (a YAML mapping), got ${Array.isArray(value) ? 'a list' : typeof value}`);
    }
    out.push({ source, index, object: value as Record<string, unknown> });
  });
  return out;
}

/** The YAML files at `p`: the file itself, or every `.yaml`/`.yml` file below a directory, sorted. */
export function yamlFiles(p: string): string[] {
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch {
    throw new UserError(`${p}: no such file or directory`);
  }
  if (!st.isDirectory()) return [p];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) out.push(full);
    }
  };
  walk(p);
  return out;
}

/** Reads every document at `p` (`-` reads `stdin()`). */
export function loadYamlPath(p: string, stdin: () => string): LoadedDocument[] {
  if (p === '-') return parseYamlDocuments(stdin(), '<stdin>');
  const out: LoadedDocument[] = [];
  for (const file of yamlFiles(p)) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      throw new UserError(`${file}: cannot read: ${(err as Error).message}`);
    }
    out.push(...parseYamlDocuments(text, file));
  }
  return out;
}

/** Checks that a document is a Kubernetes object of one of the given kinds. */
export function expectKind(doc: LoadedDocument, what: string, accept: readonly { apiVersion?: readonly string[]; kind: string }[]): void {
  const o = doc.object;
  const where = `${doc.source}: document ${doc.index}`;
  if (typeof o.apiVersion !== 'string' || o.apiVersion === '') throw new UserError(`${where}: field apiVersion is missing: every ${what} needs apiVersion and kind`);
  if (typeof o.kind !== 'string' || o.kind === '') throw new UserError(`${where}: field kind is missing: every ${what} needs apiVersion and kind`);
  if (accept.length === 0) return;
  const ok = accept.some((a) => a.kind === o.kind && (!a.apiVersion || a.apiVersion.includes(o.apiVersion as string)));
  if (!ok) {
    const want = accept.map((a) => `${(a.apiVersion ?? ['*']).join(' or ')} ${a.kind}`).join(', ');
    throw new UserError(`${where}: not a ${what}: got ${o.apiVersion}, Kind=${o.kind}, want ${want}`);
  }
}
