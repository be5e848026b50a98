import { JsonSchema } from '../schema/json-schema';
import { FieldPathSegment, formatFieldPath, isParsedPath, parseFieldPath } from './field-path';

/** Why a field path does not fit a schema. */
export interface FieldPathProblem {
  /** The path up to and including the segment that failed, e.g. `spec.parameters.regoin`. */
  readonly path: string;
  /** What is wrong, e.g. `'regoin' is not a field of 'spec.parameters'`. */
  readonly message: string;
  /** A fix, e.g. `did you mean 'region'?`, when one is known. */
  readonly suggestion?: string;
}

/** Options of {@link checkFieldPath}. */
export interface CheckFieldPathOptions {
  /**
   * Whether `[*]` wildcards are accepted (they are only valid in some `toFieldPath`s).
   *
   * @default true
   */
  readonly allowWildcards?: boolean;
  /**
   * Whether the schema describes a whole object with `apiVersion`, `kind` and `metadata`
   * (a CRD or XR root), whose standard metadata fields are always allowed.
   *
   * @default true
   */
  readonly objectRoot?: boolean;
}

/** Standard ObjectMeta fields and how deep they go (maps take any key). */
const METADATA: Readonly<Record<string, JsonSchema>> = {
  name: { type: 'string' },
  namespace: { type: 'string' },
  generateName: { type: 'string' },
  uid: { type: 'string' },
  resourceVersion: { type: 'string' },
  generation: { type: 'integer' },
  creationTimestamp: { type: 'string' },
  deletionTimestamp: { type: 'string' },
  deletionGracePeriodSeconds: { type: 'integer' },
  labels: { type: 'object', additionalProperties: { type: 'string' } },
  annotations: { type: 'object', additionalProperties: { type: 'string' } },
  finalizers: { type: 'array', items: { type: 'string' } },
  ownerReferences: { type: 'array', items: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
  managedFields: { type: 'array', items: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
};

const OBJECT_ROOT: Readonly<Record<string, JsonSchema>> = {
  apiVersion: { type: 'string' },
  kind: { type: 'string' },
  metadata: { type: 'object', properties: METADATA },
};

/**
 * Checks that `path` (P&T syntax) names a field the schema declares: properties, array items
 * (`[n]`, `[*]`), map values (`additionalProperties`), free-form subtrees
 * (`x-kubernetes-preserve-unknown-fields`), `int-or-string` leaves, embedded resources, and the
 * standard metadata of an object root. Returns undefined when it does, otherwise the first
 * segment that does not fit, with a "did you mean" when a declared name is close.
 */
export function checkFieldPath(path: string, schema: JsonSchema, options: CheckFieldPathOptions = {}): FieldPathProblem | undefined {
  const parsed = parseFieldPath(path);
  if (!isParsedPath(parsed)) return { path, message: `'${path}' is not a valid field path: ${parsed.message}` };
  const allowWildcards = options.allowWildcards ?? true;
  let current: JsonSchema = schema;
  let root = options.objectRoot ?? true;
  for (let i = 0; i < parsed.length; i++) {
    const seg = parsed[i];
    const here = formatFieldPath(parsed.slice(0, i + 1));
    const parent = i === 0 ? 'the root' : `'${formatFieldPath(parsed.slice(0, i))}'`;
    const isWildcard = seg.kind === 'field' && seg.name === '*';
    if (isWildcard && !allowWildcards) return { path: here, message: `wildcard '*' is not allowed in this path` };
    const s = flatten(current);
    if (isFreeForm(s)) return undefined;
    if (seg.kind === 'index' || isWildcard) {
      if (s.type === 'array' || s.items) {
        current = s.items ?? {};
        root = false;
        continue;
      }
      if (isWildcard && (s.additionalProperties !== undefined || s.properties)) {
        // a wildcard over map keys: P&T expands over whatever keys exist
        if (typeof s.additionalProperties === 'object') { current = s.additionalProperties; root = false; continue; }
        return undefined;
      }
      return { path: here, message: `${parent} is ${describe(s)}, not an array, so it has no index ${segmentText(seg)}` };
    }
    const name = seg.name;
    const props: Record<string, JsonSchema> = { ...(root || s['x-kubernetes-embedded-resource'] ? OBJECT_ROOT : {}), ...(s.properties ?? {}) };
    if ((root || s['x-kubernetes-embedded-resource']) && name === 'metadata') {
      // Only the standard ObjectMeta fields exist, whatever the schema declares for metadata.
      current = { type: 'object', properties: { ...METADATA, ...(flatten(s.properties?.metadata ?? {}).properties ?? {}) } };
      root = false;
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(props, name)) {
      current = props[name];
      root = false;
      continue;
    }
    if (typeof s.additionalProperties === 'object') {
      current = s.additionalProperties;
      root = false;
      continue;
    }
    if (s.additionalProperties === true || s['x-kubernetes-preserve-unknown-fields']) return undefined;
    if (s.type === 'array' || s.items) {
      return { path: here, message: `${parent} is an array, so it has no field '${name}'`, suggestion: `use an index such as [0]` };
    }
    if ((s.type !== undefined && s.type !== 'object') || s['x-kubernetes-int-or-string']) {
      return { path: here, message: `${parent} is ${describe(s)}, so it has no field '${name}'` };
    }
    const names = Object.keys(props);
    const suggestion = closest(name, names);
    return {
      path: here,
      message: `'${name}' is not a field of ${parent}${names.length === 0 ? ', which declares no fields' : ''}`,
      suggestion: suggestion ? `did you mean '${suggestion}'?` : undefined,
    };
  }
  return undefined;
}

function segmentText(seg: FieldPathSegment): string {
  return seg.kind === 'index' ? `[${seg.index}]` : `[${seg.name}]`;
}

function describe(s: JsonSchema): string {
  if (s['x-kubernetes-int-or-string']) return 'an int-or-string';
  if (s.type === 'integer') return 'an integer';
  if (s.type === 'object') return 'an object';
  return s.type ? `a ${s.type}` : 'a value';
}

/** Whether anything below `s` is accepted: free-form, or a schema that says nothing. */
function isFreeForm(s: JsonSchema): boolean {
  if (s['x-kubernetes-preserve-unknown-fields'] && !s.properties && s.additionalProperties === undefined) return true;
  if (s['x-kubernetes-int-or-string']) return false;
  return s.type === undefined && !s.properties && !s.items && s.additionalProperties === undefined && !s['x-kubernetes-embedded-resource'];
}

/** Merges allOf/anyOf/oneOf branches so that a field of any branch is accepted. */
function flatten(s: JsonSchema): JsonSchema {
  const branches = [...(s.allOf ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? [])];
  if (branches.length === 0) return s;
  let properties: Record<string, JsonSchema> | undefined = s.properties ? { ...s.properties } : undefined;
  let items = s.items;
  let additionalProperties = s.additionalProperties;
  for (const b of branches.map(flatten)) {
    if (b.properties) properties = { ...b.properties, ...(properties ?? {}) };
    items = items ?? b.items;
    additionalProperties = additionalProperties ?? b.additionalProperties;
  }
  return { ...s, properties, items, additionalProperties };
}

/**
 * The declared name closest to `name`, or undefined when none is close: Damerau-Levenshtein
 * distance on lowercased names, with an exact case-insensitive match always winning.
 */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  const lower = name.toLowerCase();
  for (const c of [...candidates].sort()) {
    const cl = c.toLowerCase();
    const d = cl === lower ? -1 : editDistance(lower, cl);
    const limit = Math.max(1, Math.floor(Math.max(name.length, c.length) / 3));
    const prefixBoost = cl.startsWith(lower) || lower.startsWith(cl) ? 0.5 : 0;
    const score = d - prefixBoost;
    if ((d <= limit || (prefixBoost > 0 && Math.min(lower.length, cl.length) >= 3)) && score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions, adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
