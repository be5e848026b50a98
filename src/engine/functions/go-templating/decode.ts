/**
 * Reading the rendered text back as objects, as function-go-templating does with Kubernetes'
 * YAMLOrJSONDecoder: a stream whose first non-blank character is `{` is read as concatenated
 * JSON, anything else as YAML documents split on `---` lines; empty documents are skipped; an
 * object without a kind is `Object 'Kind' is missing in '<json>'`; YAML errors carry the line in
 * the whole text and in the document, as fn.go's getYamlErrorContextFromErr formats them.
 */
import { parseDocument } from 'yaml';
import { errorPosition, positionedErrors } from '../../../yaml/error-position';
import { toKubernetesValues } from '../../../yaml/kubernetes-keys';
import { parsePlainYamlStream } from '../../../yaml/plain-yaml';
import { kubernetesYamlOptions } from '../../../yaml/read-yaml';
import { goJsonUnmarshal } from '../../go/json';
import type { ObjectValue, Value } from '../../go/values';
import { deepCopy, goJsonMarshal, isObject } from '../../go/values';

/** The text cannot be decoded; `message` follows "cannot decode manifest: ". */
export class DecodeError extends Error {}

function kindCheck(v: Value, raw: () => string): ObjectValue | undefined {
  if (v === null) return undefined;
  if (!isObject(v)) {
    throw new DecodeError(`error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${Array.isArray(v) ? 'array' : typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'bool' : 'number'} into Go value of type map[string]interface {}`);
  }
  if (typeof v.kind !== 'string' || v.kind === '') throw new DecodeError(`Object 'Kind' is missing in '${raw()}'`);
  return v;
}

/** Splits concatenated JSON values (json.Decoder). */
function jsonValues(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && /\s/.test(text[i])) i++;
    if (i >= n) break;
    const start = i;
    if (text[i] === '{' || text[i] === '[') {
      let depth = 0;
      let inStr = false;
      for (; i < n; i++) {
        const c = text[i];
        if (inStr) {
          if (c === '\\') i++;
          else if (c === '"') inStr = false;
          continue;
        }
        if (c === '"') inStr = true;
        else if (c === '{' || c === '[') depth++;
        else if (c === '}' || c === ']') {
          depth--;
          if (depth === 0) {
            i++;
            break;
          }
        }
      }
    } else {
      while (i < n && !/[\s{[]/.test(text[i])) i++;
    }
    out.push(text.slice(start, i));
  }
  return out;
}

/** The index of the first line, from `start`, that is a document separator (fn.go moveToNextDoc). */
function moveToNextDoc(lines: string[], startLine: number): number {
  for (let i = startLine; i <= lines.length; i++) {
    if (lines[i - 1].trim() === '---' && i > startLine) return i;
  }
  return startLine;
}

/**
 * YAMLReader: documents split on lines starting with `---` followed by nothing or a comment.
 * From `start` (where the current document begins) and `at` (the first line not yet read); when
 * the text is not `final` (a template still writing), its last unfinished line and document are
 * left for a later call, which continues from the `start` and `at` returned.
 */
export function splitYamlDocuments(text: string, start: number, at: number, final: boolean): { chunks: string[]; start: number; at: number } {
  const chunks: string[] = [];
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    if (nl < 0 && !final) break;
    const end = nl < 0 ? text.length : nl + 1;
    if (text.startsWith('---', at)) {
      const rest = text.slice(at + 3, end).trim();
      if (rest.length === 0 || rest[0] === '#') {
        if (at > start) chunks.push(text.slice(start, at));
        start = end;
      }
    }
    at = end;
  }
  if (final && text.length > start) {
    chunks.push(text.slice(start));
    start = text.length;
  }
  return { chunks, start, at };
}

function yamlChunks(text: string): string[] {
  return splitYamlDocuments(text, 0, 0, true).chunks;
}

// As sigs.k8s.io/yaml (go-yaml v2) reads Kubernetes YAML: the options of the package's reader.
const YAML_OPTIONS = kubernetesYamlOptions(true);

export type Parsed = { value: Value } | { line: number; message: string } | { unsupported: string } | { refusedKey: string };

/**
 * The first number JSON cannot hold (`.inf`, `.nan`), as Go prints it. sigs.k8s.io/yaml turns
 * the YAML into JSON with encoding/json, which refuses them: `json: unsupported value: +Inf`.
 */
function unsupportedNumber(root: unknown): string | undefined {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'number' && !Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf';
    if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (v !== null && typeof v === 'object') for (const k in v) stack.push((v as Record<string, unknown>)[k]);
  }
  return undefined;
}

// Rendering the same XR again yields the same text; parsing is pure, so documents are
// remembered by their text (bounded) and handed out as copies, since callers edit them.
// Only documents of a usual size are remembered: 2,048 documents of any size (a template
// printing a 10,000-item list into each) held gigabytes over a long session.
const PARSED_LIMIT = 2048;
const PARSED_MAX_LENGTH = 16_384;
const parsed = new Map<string, Parsed>();

/** How many parsed documents are remembered (for tests). @internal */
export function parsedDocumentsRemembered(): number {
  return parsed.size;
}

/** One YAML document as an object, or what is wrong with it. */
export function yamlValue(chunk: string): Parsed {
  // Most rendered documents are plain block YAML (comments included): the plain reader gives
  // what the full parser would, faster than a cache lookup and copy, or steps aside.
  const plain = parsePlainYamlStream(chunk, true);
  if (plain !== undefined && plain.length <= 1) return { value: (plain[0] ?? null) as Value };
  let r = parsed.get(chunk);
  if (r === undefined) {
    r = parseYamlChunk(chunk);
    if (chunk.length <= PARSED_MAX_LENGTH) {
      if (parsed.size >= PARSED_LIMIT) parsed.clear();
      parsed.set(chunk, r);
    }
  }
  return 'value' in r ? { value: deepCopy(r.value) } : r;
}

function parseYamlChunk(chunk: string): Parsed {
  const positions = positionedErrors();
  const doc = parseDocument(chunk, { ...YAML_OPTIONS, ...positions } as any);
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    return { line: errorPosition(e, positions.lineCounter)?.line ?? 0, message: goYamlMessage(e.code, e.message) };
  }
  // Values and keys as sigs.k8s.io/yaml reads them: `1:20` is a string, `1:` the key "1"; a
  // collection or null key fails.
  const refused = toKubernetesValues(doc, true);
  if (refused) return { refusedKey: refused.goMessage };
  const value = (doc.toJS({ maxAliasCount: 1000 }) ?? null) as Value;
  const unsupported = unsupportedNumber(value);
  return unsupported === undefined ? { value } : { unsupported };
}

/** go-yaml's wording for the scanner errors templates usually hit. */
function goYamlMessage(code: string, message: string): string {
  switch (code) {
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'did not find expected key';
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'mapping values are not allowed in this context';
    case 'UNEXPECTED_TOKEN':
    case 'BAD_SCALAR_START':
      return 'found character that cannot start any token';
    case 'TAB_AS_INDENT':
      return 'found a tab character that violates indentation';
    default:
      return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  }
}

/**
 * Decodes every object in order; `each` runs on one object before the next is decoded, as fn.go's
 * loop does. `readAhead` holds the values of the first YAML documents when something already
 * read them (size-watch.ts, while the template ran), so they are not parsed twice.
 */
export function decodeManifests(data: string, each: (o: ObjectValue) => void = () => undefined, readAhead: readonly Value[] = []): ObjectValue[] {
  const trimmed = data.replace(/^\s+/, '');
  const objs: ObjectValue[] = [];
  if (trimmed.startsWith('{')) {
    for (const raw of jsonValues(data)) {
      let v: Value;
      try {
        v = goJsonUnmarshal(raw, 'any');
      } catch (e) {
        throw new DecodeError((e as Error).message);
      }
      const o = kindCheck(v, () => raw);
      if (o) {
        each(o);
        objs.push(o);
      }
    }
    return objs;
  }
  let docIndex = 0;
  let chunkIndex = 0;
  for (const chunk of yamlChunks(data)) {
    const r: Parsed = chunkIndex < readAhead.length ? { value: readAhead[chunkIndex] } : yamlValue(chunk);
    chunkIndex++;
    if ('unsupported' in r) throw new DecodeError(`error converting YAML to JSON: json: unsupported value: ${r.unsupported}`);
    if ('refusedKey' in r) throw new DecodeError(`error converting YAML to JSON: ${r.refusedKey}`);
    if ('message' in r) {
      // fn.go moves its line counter one document on after each decoded object; the lines
      // are only needed for this message, so the count is replayed here.
      const lines = data.split('\n');
      let startLine = moveToNextDoc(lines, 1);
      for (let i = 0; i < docIndex; i++) startLine = moveToNextDoc(lines, startLine);
      const absLine = startLine + r.line;
      if (r.line > 0 && absLine - 1 < lines.length) {
        let ctx = lines[absLine - 1].trim();
        if (ctx.length > 80) ctx = ctx.slice(0, 80) + '...';
        throw new DecodeError(`error converting YAML to JSON: yaml: line ${absLine} (document ${docIndex + 1}, line ${r.line}) near: '${ctx}': ${r.message}`);
      }
      throw new DecodeError(`error converting YAML to JSON: yaml: line ${r.line}: ${r.message}`);
    }
    const o = kindCheck(r.value, () => goJsonMarshal(r.value));
    if (!o) continue;
    each(o);
    objs.push(o);
    docIndex++;
  }
  return objs;
}
