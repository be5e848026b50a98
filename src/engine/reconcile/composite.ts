/**
 * The parts of crossplane-runtime's unstructured composite (`pkg/resource/unstructured/composite`)
 * and `xpv2.ConditionedStatus` that a render reconcile reads and writes. A modern XR keeps
 * Crossplane's machinery under `spec.crossplane`, a legacy (LegacyCluster) XR directly under `spec`.
 */
import type { ObjectValue, Value } from '../go/values';
import { valueAt } from '../go/decoded';
import { deepCopy, isObject } from '../go/values';

/** Where Crossplane's fields live on the XR. */
export type CompositeSchema = 'modern' | 'legacy';

/** A path under `spec` for the schema: `spec.crossplane.<field>` or `spec.<field>`. */
function specPath(schema: CompositeSchema, field: string): string[] {
  return schema === 'legacy' ? ['spec', field] : ['spec', 'crossplane', field];
}

/** Sets `path` to `v`, creating (or replacing non-object) parents, as fieldpath's SetValue does. */
export function setPath(o: ObjectValue, path: readonly string[], v: Value): void {
  let cur = o;
  for (let i = 0; i < path.length - 1; i++) {
    const next = cur[path[i]];
    if (!isObject(next)) cur[path[i]] = {};
    cur = cur[path[i]] as ObjectValue;
  }
  cur[path[path.length - 1]] = v;
}

/** `metadata.<key>` as a string ('' when absent). */
export function metaString(o: ObjectValue, key: string): string {
  const m = o.metadata;
  const v = isObject(m) ? m[key] : undefined;
  return typeof v === 'string' ? v : '';
}

/** unstructured's SetName/SetNamespace/SetGenerateName/SetUID: the empty string removes the field. */
export function setMetaString(o: ObjectValue, key: string, value: string): void {
  if (value === '') {
    if (isObject(o.metadata)) delete o.metadata[key];
    return;
  }
  if (!isObject(o.metadata)) o.metadata = {};
  (o.metadata as ObjectValue)[key] = value;
}

/** A string map of `metadata` (`labels`, `annotations`), empty when absent. */
export function metaMap(o: ObjectValue, key: 'labels' | 'annotations'): Record<string, Value> {
  const m = o.metadata;
  const v = isObject(m) ? m[key] : undefined;
  return isObject(v) ? v : {};
}

/** meta.AddLabels / AddAnnotations. */
export function addToMetaMap(o: ObjectValue, key: 'labels' | 'annotations', values: Record<string, string>): void {
  if (!isObject(o.metadata)) o.metadata = {};
  const m = o.metadata as ObjectValue;
  if (!isObject(m[key])) m[key] = {};
  Object.assign(m[key] as ObjectValue, values);
}

/** An ObjectReference as Go serialises it (empty fields omitted). */
export interface ObjectReference {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly namespace?: string;
  readonly name?: string;
  readonly uid?: string;
  readonly resourceVersion?: string;
  readonly fieldPath?: string;
}

const REF_FIELDS = ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'] as const;

/** Decodes a corev1.ObjectReference (undefined when absent or not an object). */
export function decodeReference(v: Value | undefined): ObjectReference | undefined {
  if (!isObject(v)) return undefined;
  const out: Record<string, string> = {};
  for (const f of REF_FIELDS) if (typeof v[f] === 'string' && v[f] !== '') out[f] = v[f] as string;
  return out;
}

/** Go's struct equality of two ObjectReferences. */
export function sameReference(a: ObjectReference, b: ObjectReference): boolean {
  return REF_FIELDS.every((f) => (a[f] ?? '') === (b[f] ?? ''));
}

/** Encodes references as Go's JSON does (field order irrelevant: output keys are sorted). */
function encodeReference(r: ObjectReference): ObjectValue {
  const out: ObjectValue = {};
  for (const f of REF_FIELDS) if (r[f]) out[f] = r[f] as string;
  return out;
}

/** The composite's Crossplane fields, by schema. */
export class CompositeFields {
  public constructor(public readonly schema: CompositeSchema) {}

  /** `compositionRef`. */
  public compositionReference(xr: ObjectValue): ObjectReference | undefined {
    return decodeReference(valueAt(xr, ...specPath(this.schema, 'compositionRef')));
  }

  /** Sets `compositionRef`. */
  public setCompositionReference(xr: ObjectValue, ref: ObjectReference): void {
    setPath(xr, specPath(this.schema, 'compositionRef'), encodeReference(ref));
  }

  /** `resourceRefs` (entries that are not objects are skipped). */
  public resourceReferences(xr: ObjectValue): ObjectReference[] {
    const v = valueAt(xr, ...specPath(this.schema, 'resourceRefs'));
    return Array.isArray(v) ? v.map((r) => decodeReference(r) ?? {}) : [];
  }

  /** SetResourceReferences: empty references are dropped. */
  public setResourceReferences(xr: ObjectValue, refs: readonly ObjectReference[]): void {
    setPath(xr, specPath(this.schema, 'resourceRefs'), refs.map(encodeReference).filter((r) => Object.keys(r).length > 0));
  }

  /** Sets `resourceRefs` to references already encoded (none of them empty). */
  public setEncodedResourceReferences(xr: ObjectValue, refs: ObjectValue[]): void {
    setPath(xr, specPath(this.schema, 'resourceRefs'), refs);
  }

  /** `writeConnectionSecretToRef` (legacy XRs only). */
  public writeConnectionSecretToReference(xr: ObjectValue): { name: string; namespace: string } | undefined {
    if (this.schema !== 'legacy') return undefined;
    const v = valueAt(xr, 'spec', 'writeConnectionSecretToRef');
    if (!isObject(v)) return undefined;
    return { name: typeof v.name === 'string' ? v.name : '', namespace: typeof v.namespace === 'string' ? v.namespace : '' };
  }

  /** Sets `writeConnectionSecretToRef` (legacy XRs only). */
  public setWriteConnectionSecretToReference(xr: ObjectValue, ref: { name: string; namespace: string }): void {
    if (this.schema === 'legacy') setPath(xr, ['spec', 'writeConnectionSecretToRef'], { ...ref });
  }

  /** SetClaimConditionTypes (legacy XRs only): adds new condition types to `status.claimConditionTypes`. */
  public addClaimConditionType(xr: ObjectValue, type: string): void {
    if (this.schema !== 'legacy') return;
    const cur = valueAt(xr, 'status', 'claimConditionTypes');
    const types = Array.isArray(cur) ? cur.filter((t): t is string => typeof t === 'string') : [];
    if (!types.includes(type)) types.push(type);
    setPath(xr, ['status', 'claimConditionTypes'], types);
  }
}

/** A status condition, as `xpv2.Condition` serialises it. */
export interface Condition {
  readonly type: string;
  readonly status: string;
  readonly reason: string;
  readonly message: string;
  readonly observedGeneration: number;
  /** RFC 3339, or null (Go's zero time). */
  readonly lastTransitionTime: string | null;
}

/** Condition types users may not set (apiextensions `IsSystemConditionType`). */
export const SYSTEM_CONDITION_TYPES: ReadonlySet<string> = new Set(['Ready', 'Synced', 'Healthy', 'UpToDate', 'Responsive']);

function decodeCondition(c: Value): Condition {
  const o = isObject(c) ? c : {};
  const s = (k: string) => (typeof o[k] === 'string' ? o[k] as string : '');
  const gen = typeof o.observedGeneration === 'number' || typeof o.observedGeneration === 'bigint' ? Number(o.observedGeneration) : 0;
  return { type: s('type'), status: s('status'), reason: s('reason'), message: s('message'), observedGeneration: gen, lastTransitionTime: typeof o.lastTransitionTime === 'string' ? o.lastTransitionTime : null };
}

/** The conditions of `status.conditions`, decoded as Go decodes them into `ConditionedStatus`. */
export function getConditions(o: ObjectValue): Condition[] {
  const status = o.status;
  const list = isObject(status) ? status.conditions : undefined;
  return Array.isArray(list) ? list.map(decodeCondition) : [];
}

/** `xpv2.Condition.Equal`: observedGeneration only counts when both are set. */
function equalCondition(a: Condition, b: Condition): boolean {
  const base = a.type === b.type && a.status === b.status && a.reason === b.reason && a.message === b.message;
  if (a.observedGeneration === 0 || b.observedGeneration === 0) return base;
  return base && a.observedGeneration === b.observedGeneration;
}

/** Encodes a condition (message and observedGeneration omitted when empty). */
export function encodeCondition(c: Condition): ObjectValue {
  const out: ObjectValue = { type: c.type, status: c.status, lastTransitionTime: c.lastTransitionTime, reason: c.reason };
  if (c.message !== '') out.message = c.message;
  if (c.observedGeneration !== 0) out.observedGeneration = c.observedGeneration;
  return out;
}

/**
 * `SetConditions` of the unstructured composite: a condition of a type already present replaces
 * it unless equal; new types are appended. Every condition is re-encoded.
 */
export function setConditions(o: ObjectValue, conditions: readonly Condition[]): void {
  const list = getConditions(o);
  for (const c of conditions) {
    let exists = false;
    for (let i = 0; i < list.length; i++) {
      if (list[i].type !== c.type) continue;
      exists = true;
      if (!equalCondition(list[i], c)) list[i] = c;
    }
    if (!exists) list.push(c);
  }
  if (!isObject(o.status)) o.status = {};
  (o.status as ObjectValue).conditions = list.map(encodeCondition);
}

/**
 * The render CLI's `ReplaceConditionTimestamps`: every condition's `lastTransitionTime` becomes
 * `time`. An object whose `status` decodes (an object or null) but has no conditions gets
 * `status.conditions: null`, as Go writes its nil slice; other objects are left alone.
 */
export function replaceConditionTimestamps(o: ObjectValue, time: string): void {
  if (!('status' in o)) return;
  const status = o.status;
  if (status !== null && !isObject(status)) return;
  const raw = isObject(status) ? status.conditions : undefined;
  if (raw !== undefined && raw !== null && !Array.isArray(raw)) return;
  const list = Array.isArray(raw) ? raw.map(decodeCondition) : undefined;
  if (!isObject(o.status)) o.status = {};
  (o.status as ObjectValue).conditions = list ? list.map((c) => encodeCondition({ ...c, lastTransitionTime: time })) : null;
}

/** A deep copy of an object value. */
export function copyObject(o: ObjectValue): ObjectValue {
  return deepCopy(o);
}
