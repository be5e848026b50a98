/**
 * A parsed YAML document made what Kubernetes makes of it (see src/engine/go/yaml-keys.ts).
 * The `yaml` library types plain scalars by YAML 1.1's rules, go-yaml v2 by its own: plain
 * values are retyped as go-yaml types them (`1:20` is a string, not base 60; `0o17` is 15).
 * Mapping keys `true:`, `1:`, `1.5:`, `0x1f:` become the JSON keys sigs.k8s.io/yaml gives them
 * (`"true"`, `"1"`, `"1.5"`, `"31"`), and a key Kubernetes refuses (a mapping or a sequence, a
 * null key, an integer that only fits uint64) is reported with its position, in the order
 * Kubernetes' reader meets them: go-yaml's decoder refuses collection keys before
 * sigs.k8s.io/yaml converts the others.
 */
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { goJsonKey, goSharpV, goYamlPlainValue, resolveGoYamlPlain, type GoYamlValue } from '../engine/go/yaml-keys';

/** A key Kubernetes cannot read. */
export interface KeyProblem {
  /** Offset of the key (or of its mapping, for an empty key) in the parsed text. */
  readonly offset: number;
  /** What the key is, for a message: `a mapping`, `a sequence`, `null`, `an integer beyond int64`. */
  readonly found: string;
  /** Kubernetes' own error text (go-yaml's or sigs.k8s.io/yaml's), without a prefix. */
  readonly goMessage: string;
}

let yamlModule: typeof import('yaml') | undefined;

function yamlLib(): typeof import('yaml') {
  // Required here, not imported: the readers load the yaml library only when they need it.
  // Kept once loaded: this runs for every node of a document, and each `require` call resolves
  // the name again (under jest, through its resolver: most of the time of reading a large CRD).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  yamlModule ??= require('yaml') as typeof import('yaml');
  return yamlModule;
}

/**
 * The node as go-yaml decodes it into interface{}: plain scalars typed by go-yaml v2's rules,
 * or (`v2` false, for a document parsed as YAML 1.2) as the parser typed them.
 */
function goValueOf(node: unknown, doc: Document, v2 = true, seen: Set<unknown> = new Set()): GoYamlValue {
  const y = yamlLib();
  if (node === null || node === undefined) return { t: 'nil' };
  if (y.isAlias(node)) {
    if (seen.has(node)) return { t: 'nil' };
    seen.add(node);
    return goValueOf(node.resolve(doc), doc, v2, seen);
  }
  if (y.isMap(node)) {
    return { t: 'map', entries: node.items.map((p) => [goValueOf(p.key, doc, v2, seen), goValueOf(p.value, doc, v2, seen)] as const) };
  }
  if (y.isSeq(node)) return { t: 'slice', items: node.items.map((i) => goValueOf(i, doc, v2, seen)) };
  if (!y.isScalar(node)) return { t: 'nil' };
  const v = node.value;
  if (v2 && isUntaggedPlain(node)) return resolveGoYamlPlain(node.source);
  // Quoted and block scalars are strings; explicitly tagged ones keep the type of their tag.
  if (typeof v === 'string') return { t: 'string', v };
  if (typeof v === 'symbol') return { t: 'string', v: v.description ?? '' };
  if (typeof v === 'boolean') return { t: 'bool', v };
  if (typeof v === 'bigint') return { t: 'int', v };
  if (typeof v === 'number') return Number.isInteger(v) && !String(node.tag ?? '').endsWith(':float') ? { t: 'int', v: BigInt(v) } : { t: 'float', v };
  if (v === null || v === undefined) return { t: 'nil' };
  return { t: 'string', v: String(v) };
}

function isMergeKey(key: unknown): boolean {
  const y = yamlLib();
  return y.isScalar(key) && (typeof key.value === 'symbol' || (key.value === '<<' && (!key.type || key.type === 'PLAIN') && !key.tag));
}

/** Whether a scalar node is plain and untagged, so go-yaml types it by its text. */
function isUntaggedPlain(node: unknown): node is { value: unknown; source: string } {
  const y = yamlLib();
  return y.isScalar(node) && !node.tag && node.type === 'PLAIN' && typeof node.source === 'string';
}

/**
 * Rewrites `doc` in place to what Kubernetes reads: plain values typed as go-yaml types them
 * (integers as bigint when `bigInts`), keys as the strings sigs.k8s.io/yaml makes of them.
 * Returns the first key it refuses (the document is then left part-way).
 */
export function toKubernetesValues(doc: Document.Parsed, bigInts: boolean): KeyProblem | undefined {
  const y = yamlLib();
  let refused: KeyProblem | undefined;
  // Depth first, in document order, as go-yaml decodes: a pair's key, then its value, then
  // the next pair. The stack holds nodes to visit and pairs whose key is next.
  type Task = { node: unknown } | { pair: Pair<unknown, unknown>; map: YAMLMap };
  const stack: Task[] = [{ node: doc.contents }];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const task = stack.pop()!;
    if ('node' in task) {
      const node = task.node;
      if (seen.has(node)) continue;
      seen.add(node);
      if (isUntaggedPlain(node)) {
        node.value = goYamlPlainValue(node.source, bigInts);
      } else if (y.isSeq(node)) {
        for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i] });
      } else if (y.isMap(node)) {
        for (let i = node.items.length - 1; i >= 0; i--) {
          stack.push({ node: node.items[i].value });
          stack.push({ pair: node.items[i], map: node });
        }
      }
      continue;
    }
    const { pair, map } = task;
    const keyNode = pair.key as Node | null;
    if (isMergeKey(keyNode)) continue;
    const offset = (keyNode && keyNode.range ? keyNode.range[0] : map.range?.[0]) ?? 0;
    const key = goValueOf(keyNode, doc);
    if (key.t === 'map' || key.t === 'slice') {
      // go-yaml's decoder fails here, before any key is converted.
      return { offset, found: key.t === 'map' ? 'a mapping' : 'a sequence', goMessage: `yaml: invalid map key: ${goSharpV(key)}` };
    }
    const json = goJsonKey(key);
    if ('unsupported' in json) {
      refused ??= {
        offset,
        found: key.t === 'nil' ? 'null' : 'an integer beyond int64',
        goMessage: `unsupported map key of type: ${json.unsupported}, key: ${goSharpV(key)}, value: ${goSharpV(goValueOf(pair.value, doc))}`,
      };
      continue;
    }
    if (!(y.isScalar(keyNode) && keyNode.value === json.key)) pair.key = new y.Scalar(json.key);
  }
  return refused;
}

/**
 * The first mapping or sequence used as a key, as gopkg.in/yaml.v3's decoder refuses it when
 * decoding into interface{} (decode.go, `d.mapping`: `invalid map key: %#v`); v3 decodes a
 * mapping whose keys are all strings as map[string]interface {}.
 */
export function collectionKeyV3(doc: Document.Parsed): { offset: number; goMessage: string } | undefined {
  const y = yamlLib();
  const stack: unknown[] = [doc.contents];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const node = stack.pop();
    if (seen.has(node)) continue;
    seen.add(node);
    if (y.isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    } else if (y.isMap(node)) {
      for (const pair of node.items) {
        const key = goValueOf(pair.key, doc, false);
        if (key.t === 'map' || key.t === 'slice') {
          return { offset: (pair.key as Node).range?.[0] ?? 0, goMessage: `yaml: invalid map key: ${goSharpV(key, false, 'v3')}` };
        }
      }
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i].value);
    }
  }
  return undefined;
}
