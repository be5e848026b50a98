/**
 * The render command's inputs: Kubernetes YAML read by the package's one reader (`src/yaml`),
 * with integers kept as int64 as the Kubernetes JSON decoder keeps them. Problems are
 * UserErrors naming the file and the document index.
 */
import { UserError } from '../errors';
import { formatYamlProblem, loadYamlSources, parseYamlStream, YamlDocument } from '../yaml';

/** One parsed document and where it came from. */
export interface LoadedDocument {
  /** The file (or `<stdin>`). */
  readonly source: string;
  /** 0-based index of the document in its file. */
  readonly index: number;
  /** The parsed object. */
  readonly object: Record<string, unknown>;
}

function objectsOf(documents: readonly YamlDocument[]): LoadedDocument[] {
  return documents.map((d) => {
    const v = d.value;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      throw new UserError(`${d.source}: document ${d.index}: expected a Kubernetes object (a YAML mapping), got ${Array.isArray(v) ? 'a list' : typeof v}`);
    }
    return { source: d.source, index: d.index, object: v as Record<string, unknown> };
  });
}

/** Parses every non-empty document of a YAML text. Non-object documents are errors. */
export function parseYamlDocuments(text: string, source: string): LoadedDocument[] {
  const read = parseYamlStream(text, source, { intAsBigInt: true });
  if (read.problems.length > 0) throw new UserError(formatYamlProblem(read.problems[0]));
  return objectsOf(read.documents);
}

/** Reads every document at `p`: a file, a directory (recursively), or `-` for `stdin()`. */
export function loadYamlPath(p: string, stdin: () => string): LoadedDocument[] {
  return objectsOf(loadYamlSources([p], stdin, { intAsBigInt: true }));
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
