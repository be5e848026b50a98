/**
 * Whether a P&T field path (`spec.forProvider.nodeConfig.machineType`, `metadata.labels[app]`,
 * `spec.items[*].name`) can exist in an object of a schema: the path is walked through
 * `properties`, `additionalProperties` (any key) and `items` (any index); anything below a node
 * with `x-kubernetes-preserve-unknown-fields` is accepted, as is everything under a resource's
 * `metadata` (the API server's own ObjectMeta).
 */
import { isRecord } from './_util';

type Segment = { readonly type: 'field'; readonly field: string } | { readonly type: 'index'; readonly index: number | '*' };

/** Why a path does not exist; undefined when it does. */
export interface PathProblem {
  /** The path prefix that exists. */
  readonly at: string;
  /** The segment that does not. */
  readonly segment: string;
  readonly message: string;
}

interface FieldPathModule {
  parseFieldPath(path: string): { type: 'field'; field: string } | { type: 'index'; index: number }[];
}

let engineParser: FieldPathModule['parseFieldPath'] | null | undefined;

/**
 * Splits a field path into segments with the render engine's parser (crossplane-runtime
 * syntax) when it is available, else with a small parser of the same syntax.
 * Throws on a malformed path.
 */
export function splitFieldPath(path: string): Segment[] {
  if (engineParser === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      engineParser = (require('../engine/fieldpath') as FieldPathModule).parseFieldPath;
    } catch {
      engineParser = null;
    }
  }
  if (engineParser) {
    // The engine parser reads `[*]` as a field named `*`; treat it as any index.
    return (engineParser(path) as unknown as Segment[]).map((s) => (s.type === 'field' && s.field === '*' ? { type: 'index', index: '*' } : s));
  }
  return simpleParse(path);
}

function simpleParse(path: string): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  let cur = '';
  const flush = () => { if (cur !== '') out.push({ type: 'field', field: cur }); cur = ''; };
  while (i < path.length) {
    const ch = path[i];
    if (ch === '.') { if (cur === '' && (out.length === 0 || path[i - 1] === '.')) throw new Error(`unexpected '.' at position ${i}`); flush(); i++; continue; }
    if (ch === '[') {
      flush();
      const end = path.indexOf(']', i);
      if (end < 0) throw new Error(`unterminated '[' at position ${i}`);
      const inner = path.slice(i + 1, end).replace(/^['"]|['"]$/g, '');
      if (inner === '*') out.push({ type: 'index', index: '*' });
      else if (/^[0-9]+$/.test(inner)) out.push({ type: 'index', index: Number(inner) });
      else out.push({ type: 'field', field: inner });
      i = end + 1;
      continue;
    }
    cur += ch;
    i++;
  }
  flush();
  return out;
}

function fmt(segs: readonly Segment[]): string {
  let s = '';
  for (const g of segs) s += g.type === 'index' ? `[${g.index}]` : s === '' ? g.field : `.${g.field}`;
  return s;
}

function distance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}

/** Closest property names to `name` (for "did you mean"). */
export function suggest(name: string, candidates: readonly string[]): string[] {
  return candidates
    .map((c) => ({ c, d: distance(name, c) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(name.length / 3)))
    .sort((a, b) => a.d - b.d || (a.c < b.c ? -1 : 1))
    .slice(0, 3)
    .map((x) => x.c);
}

/** Checks that `path` can exist under `schema` (a resource root schema). */
export function checkSchemaPath(schema: unknown, path: string): PathProblem | undefined {
  let segs: Segment[];
  try {
    segs = splitFieldPath(path);
  } catch (err) {
    return { at: '', segment: path, message: `cannot parse path: ${(err as Error).message}` };
  }
  let node: unknown = schema;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    if (!isRecord(node)) return undefined;
    if (node['x-kubernetes-preserve-unknown-fields'] === true && !isRecord(node.properties) && !isRecord(node.additionalProperties) && !isRecord(node.items)) return undefined;
    const embeddedOrRoot = i === 0 || node['x-kubernetes-embedded-resource'] === true;
    if (seg.type === 'field') {
      if (embeddedOrRoot && seg.field === 'metadata') return undefined;
      if (embeddedOrRoot && (seg.field === 'apiVersion' || seg.field === 'kind')) return i === segs.length - 1 ? undefined : problem(segs, i, 'is a string');
      const props = isRecord(node.properties) ? node.properties : undefined;
      if (props && isRecord(props[seg.field])) { node = props[seg.field]; continue; }
      if (isRecord(node.additionalProperties)) { node = node.additionalProperties; continue; }
      if (node.additionalProperties === true || node['x-kubernetes-preserve-unknown-fields'] === true) return undefined;
      if (node.type === 'array') return problem(segs, i, 'is an array: use an index such as [0] or [*]');
      if (props) {
        const s = suggest(seg.field, Object.keys(props));
        return problem(segs, i, `has no field "${seg.field}"${s.length ? `: did you mean ${s.map((x) => `"${x}"`).join(' or ')}?` : `: known fields are ${Object.keys(props).sort().slice(0, 12).join(', ')}${Object.keys(props).length > 12 ? ', ...' : ''}`}`);
      }
      return problem(segs, i, node.type && node.type !== 'object' ? `is a ${node.type}, not an object` : 'has no fields');
    }
    if (isRecord(node.items)) { node = node.items; continue; }
    if (seg.index === '*' && isRecord(node.additionalProperties)) { node = node.additionalProperties; continue; }
    if (node['x-kubernetes-preserve-unknown-fields'] === true) return undefined;
    return problem(segs, i, node.type === 'object' ? 'is an object, not an array: use a field name' : `is a ${String(node.type ?? 'value')}, not an array`);
  }
  return undefined;
}

function problem(segs: Segment[], i: number, what: string): PathProblem {
  const at = fmt(segs.slice(0, i));
  const seg = fmt(segs.slice(i, i + 1));
  return { at, segment: seg, message: `${at === '' ? 'the object' : at} ${what}` };
}
