import { parseYamlStream, readYamlSources, YamlReadResult } from '../yaml/read-yaml';

/** What the converter recognised a document as. */
export enum InputKind {
  /** `apiextensions.crossplane.io/v1` CompositeResourceDefinition (legacy, may have claims). */
  XRD_V1 = 'xrd-v1',
  /** `apiextensions.crossplane.io/v2` CompositeResourceDefinition. */
  XRD_V2 = 'xrd-v2',
  /** Composition with `spec.mode: Pipeline`. */
  COMPOSITION_PIPELINE = 'composition-pipeline',
  /** Composition without `mode` or with `mode: Resources` (Crossplane v1 native P&T). */
  COMPOSITION_RESOURCES = 'composition-resources',
}

/** One document the converter can work on. */
export interface InputDocument {
  /** The file it came from. */
  readonly file: string;
  /** Zero-based index of the document in the file's YAML stream (empty documents count). */
  readonly index: number;
  /** What it is. */
  readonly kind: InputKind;
  /** The parsed object. */
  readonly object: Record<string, unknown>;
}

/** A document the converter skipped, or could not read. */
export interface InputProblem {
  /** The file. */
  readonly file: string;
  /** Document index in the file, when the problem concerns one document. */
  readonly index?: number;
  /** Field path inside the document, when one field is at fault. */
  readonly field?: string;
  /** What was found and what to do; complete without the location. */
  readonly message: string;
  /** True for documents that are fine but not XRDs or Compositions (reported, not errors). */
  readonly skipped: boolean;
}

/** What {@link loadInputs} and {@link parseInputs} return. */
export interface LoadedInputs {
  /** XRDs and Compositions, in file order then document order. */
  readonly documents: InputDocument[];
  /** Unreadable or unsupported documents; the rest of the batch is still loaded. */
  readonly problems: InputProblem[];
}

const XRD_GROUP = 'apiextensions.crossplane.io';

/** `<file> document <n>: <field> <message>`, the one-line form of a problem. */
export function formatProblem(p: InputProblem): string {
  const where = p.index === undefined ? p.file : `${p.file} document ${p.index}`;
  return p.field === undefined ? `${where}: ${p.message}` : `${where}: ${p.field} ${p.message}`;
}

/**
 * Parses a YAML stream (comments, anchors, block scalars, several documents) as Kubernetes
 * reads it (the package's shared reader, `src/yaml`: scalars typed as go-yaml v2 types them,
 * quoted scalars re-indented as Kubernetes' reader accepts them) and classifies each document. A document that does not
 * parse is reported with its line; the other documents are kept.
 */
export function parseInputs(text: string, file: string): LoadedInputs {
  return classifyAll(parseYamlStream(text, file));
}

function classifyAll(read: YamlReadResult): LoadedInputs {
  const documents: InputDocument[] = [];
  const problems: InputProblem[] = read.problems.map(p => ({ file: p.source, index: p.index, skipped: false, message: p.message }));
  for (const d of read.documents) {
    const classified = classify(d.value);
    if (!isInputKind(classified)) {
      const skipped = classified.startsWith('kind ') || classified.startsWith('not ');
      problems.push({ file: d.source, index: d.index, skipped, ...splitField(classified) });
      continue;
    }
    documents.push({ file: d.source, index: d.index, kind: classified, object: d.value as Record<string, unknown> });
  }
  return { documents, problems };
}

const KINDS: ReadonlySet<string> = new Set(Object.values(InputKind));

function isInputKind(v: string): v is InputKind {
  return KINDS.has(v);
}

function splitField(msg: string): { field?: string; message: string } {
  const m = /^field (\S+) (.*)$/.exec(msg);
  return m ? { field: m[1], message: m[2] } : { message: msg };
}

/**
 * What a parsed document is, or why it cannot be converted: a message starting `field <path>`
 * for a malformed XRD or Composition, `kind ...`/`not ...` for a document of another kind.
 */
export function classify(value: unknown): InputKind | string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return `not a Kubernetes object (got ${Array.isArray(value) ? 'a list' : typeof value}): only XRDs and Compositions are converted`;
  }
  const o = value as Record<string, unknown>;
  const apiVersion = o.apiVersion;
  const kind = o.kind;
  if (typeof kind !== 'string' || typeof apiVersion !== 'string') return 'not a Kubernetes object (no apiVersion or kind): skipped';
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  if (group !== XRD_GROUP || (kind !== 'CompositeResourceDefinition' && kind !== 'Composition')) {
    return `kind ${kind} (${apiVersion}) is not an XRD or Composition: skipped`;
  }
  const spec = o.spec;
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    return `field spec must be an object, got '${JSON.stringify(spec) ?? 'nothing'}': a ${kind} needs a spec`;
  }
  const s = spec as Record<string, unknown>;
  if (kind === 'CompositeResourceDefinition') {
    if (version === 'v1') return InputKind.XRD_V1;
    if (version === 'v2') return InputKind.XRD_V2;
    return `field apiVersion must be ${XRD_GROUP}/v1 or /v2, got '${apiVersion}': use a released XRD version`;
  }
  if (version !== 'v1') return `field apiVersion must be ${XRD_GROUP}/v1, got '${apiVersion}': Compositions only exist as v1`;
  if (s.mode === 'Pipeline') return InputKind.COMPOSITION_PIPELINE;
  if (s.mode === undefined || s.mode === 'Resources') return InputKind.COMPOSITION_RESOURCES;
  return `field spec.mode must be Pipeline or Resources, got '${String(s.mode)}': fix the mode`;
}

/**
 * Reads files and directories (recursively: `.yaml`, `.yml`, `.json`, in name order so the
 * result does not depend on the file system), or `-` for the text of `stdin`, and classifies
 * every document. A path that does not exist is a problem of its own; nothing here throws on
 * user data.
 */
export function loadInputs(paths: readonly string[], stdin: () => string = () => ''): LoadedInputs {
  return classifyAll(readYamlSources(paths, stdin));
}
