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

/** How an unquoted YAML 1.1 scalar can have turned into a non-string, for the fix. */
function yamlSpellings(v: unknown): string {
  if (v === false) return 'an unquoted n, no, off or false is the boolean false';
  if (v === true) return 'an unquoted y, yes, on or true is the boolean true';
  if (v === null) return 'an unquoted ~ or null, or nothing, is null';
  if (typeof v === 'number' || typeof v === 'bigint') return 'an unquoted number is a number';
  return 'a value in [] or {} is a list or a mapping';
}

/** The JSON type encoding/json names in an UnmarshalTypeError. */
function goJsonType(v: unknown): string {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number' || typeof v === 'bigint') return 'number';
  return Array.isArray(v) ? 'array' : 'object';
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return `the boolean ${v}`;
  if (typeof v === 'number' || typeof v === 'bigint') return `the number ${String(v)}`;
  return Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a mapping' : typeof v;
}

/**
 * The first ObjectMeta field that is not the string Kubernetes requires (name, generateName,
 * namespace, uid, and label and annotation values), as `<path> is <what>...: <fix>`. The API
 * server decodes metadata into metav1.ObjectMeta and refuses the object otherwise
 * (apiextensions-apiserver schema/objectmeta GetObjectMetaWithOptions: `json: cannot
 * unmarshal bool into Go struct field ObjectMeta.name of type string`); Crossplane would see
 * an empty name (unstructured GetName) and fail later with a message about labels.
 */
export function objectMetaProblem(o: Record<string, unknown>): string | undefined {
  const m = o.metadata;
  if (m === undefined || m === null) return undefined;
  if (typeof m !== 'object' || Array.isArray(m)) return `metadata is ${describeValue(m)}, not a mapping: write metadata as a mapping with name (and namespace)`;
  const meta = m as Record<string, unknown>;
  const bad = (path: string, v: unknown, key: string) => {
    // The likeliest text behind the value, quoted: `n` for false, `y` for true, the digits.
    const meant = v === false ? 'n' : v === true ? 'y' : typeof v === 'number' || typeof v === 'bigint' ? String(v) : '...';
    return `${path} is ${describeValue(v)}, not a string (in YAML, ${yamlSpellings(v)}), and Kubernetes refuses it `
      + `(json: cannot unmarshal ${goJsonType(v)} into Go struct field ObjectMeta.${key} of type string): quote it, e.g. "${meant}"`;
  };
  for (const key of ['name', 'generateName', 'namespace', 'uid']) {
    const v = meta[key];
    if (Object.prototype.hasOwnProperty.call(meta, key) && v !== null && typeof v !== 'string') return bad(`metadata.${key}`, v, key);
  }
  for (const key of ['labels', 'annotations']) {
    const map = meta[key];
    if (map === undefined || map === null || typeof map !== 'object' || Array.isArray(map)) continue;
    for (const [k, v] of Object.entries(map as Record<string, unknown>)) {
      if (typeof v !== 'string') return bad(`metadata.${key}[${JSON.stringify(k)}]`, v, key);
    }
  }
  return undefined;
}

/** Checks that a document is a Kubernetes object of one of the given kinds. */
export function expectKind(doc: LoadedDocument, what: string, accept: readonly { apiVersion?: readonly string[]; kind: string }[]): void {
  const o = doc.object;
  const where = `${doc.source}: document ${doc.index}`;
  if (typeof o.apiVersion !== 'string' || o.apiVersion === '') throw new UserError(`${where}: field apiVersion is missing: every ${what} needs apiVersion and kind`);
  if (typeof o.kind !== 'string' || o.kind === '') throw new UserError(`${where}: field kind is missing: every ${what} needs apiVersion and kind`);
  const meta = objectMetaProblem(o);
  if (meta) throw new UserError(`${where}: ${meta}`);
  if (accept.length === 0) return;
  const ok = accept.some((a) => a.kind === o.kind && (!a.apiVersion || a.apiVersion.includes(o.apiVersion as string)));
  if (!ok) {
    const want = accept.map((a) => `${(a.apiVersion ?? ['*']).join(' or ')} ${a.kind}`).join(', ');
    throw new UserError(`${where}: not a ${what}: got ${o.apiVersion}, Kind=${o.kind}, want ${want}`);
  }
}
