import { parseYamlStream, readYamlSources, YamlReadResult } from '../yaml';
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
 * Whether a mapping is something other than a Kubernetes object: it has none of apiVersion,
 * kind and metadata. A manifest that lost its apiVersion or kind still has metadata, and is
 * validated (and fails).
 */
function notAnObject(value: Record<string, unknown>): boolean {
  return value.apiVersion === undefined && value.kind === undefined && value.metadata === undefined;
}

/** The objects of read YAML documents; a finding for each problem and each non-object document. */
function toReadResult(read: YamlReadResult): ReadResult {
  const objects: SourcedObject[] = [];
  const findings: Finding[] = read.problems.map((p) => yamlFinding(p.source, p.index ?? 0, p.message));
  for (const { source: file, index, value } of read.documents) {
    if (!isRecord(value)) {
      findings.push({ object: findingObject(undefined, file, index), path: '', rule: 'document', severity: 'error', message: `document is a ${Array.isArray(value) ? 'sequence' : typeof value}, not a Kubernetes object: each YAML document must be a mapping with apiVersion and kind` });
      continue;
    }
    if (notAnObject(value)) {
      // construct-metadata.json in cdk8s's dist/, kustomization.yaml beside manifests: files
      // that sit with Kubernetes objects without being any. Named, not validated.
      findings.push({ object: findingObject(undefined, file, index), path: '', rule: 'not-an-object', severity: 'warning', message: 'skipped: not a Kubernetes object (no apiVersion, kind or metadata)' });
      continue;
    }
    if ((value.kind === 'List' || value.kind === 'CustomResourceDefinitionList') && Array.isArray(value.items)) {
      value.items.forEach((item) => { if (isRecord(item)) objects.push({ object: item, file, document: index }); });
      continue;
    }
    objects.push({ object: value, file, document: index });
  }
  // Report in reading order: by file as read, then by document.
  const fileOrder = new Map<string, number>();
  for (const x of [...read.problems, ...read.documents]) if (!fileOrder.has(x.source)) fileOrder.set(x.source, fileOrder.size);
  const key = (f: Finding) => [fileOrder.get(f.object.file ?? '') ?? 0, f.object.document ?? 0];
  findings.sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1] - key(b)[1]);
  return { objects, findings };
}

/**
 * Parses a multi-document YAML stream with the package's Kubernetes YAML reader (`src/yaml`).
 * Empty documents are skipped like kubectl does; `List` objects are expanded; anything else
 * that is not a mapping is a finding.
 */
export function readYamlStream(text: string, file: string): ReadResult {
  return toReadResult(parseYamlStream(text, file));
}

function yamlFinding(file: string, document: number, message: string): Finding {
  return { object: { apiVersion: '', kind: '', name: '', file, document }, path: '', rule: 'yaml', severity: 'error', message };
}

/**
 * Reads comma-separated sources: files, directories (recursively, `.yaml`/`.yml`/`.json`,
 * sorted for a deterministic order) or `-` for `stdin`.
 */
export function readSources(spec: string, stdin: () => string): ReadResult {
  return toReadResult(readYamlSources(spec.split(',').map((s) => s.trim()).filter((s) => s), stdin));
}
