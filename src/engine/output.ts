/**
 * The documents render prints, in both output modes, and the YAML stream of them:
 * - reconcile (the current `crossplane composition render`, reference §4.4 B, crossplane/cli
 *   `cmd/crossplane/render/xr/cmd.go`): what one XR reconcile wrote, with every condition's time
 *   fixed, `--include-full-xr` merged over the input XR, and reconcile events as `Result`s;
 * - classic (`crossplane render` up to v2.2, reference §4.4 A, render.go and cmd.go of the
 *   classic CLI): the XR with its Ready condition, the composed resources with the metadata
 *   Crossplane adds, `Result` and `Context` documents.
 */
import { goQuote } from './go/strconv';
import { toGoYamlStream } from './go/yaml';
import type { StepCondition, StepResult } from './pipeline';
import type { State } from './protocol';
import type { ObjectValue, Value } from './go/values';
import { compareGoStrings, deepCopy, isObject } from './go/values';
import { UserError } from '../errors';
import { DEFAULT_FIRST_N, stableNAndSomeMore } from './runtime/resource';
import type { ReconcileOutput } from './reconcile/reconciler';
import { replaceConditionTimestamps } from './reconcile/composite';
import { mergeOverride } from './runtime/merge';

/** The fixed condition time render prints (`lastTransitionTime` would only be noise). */
export const CONDITION_TIME = '2024-01-01T00:00:00Z';

const SYSTEM_CONDITIONS = new Set(['Ready', 'Synced', 'Healthy']);

/** All documents of one render. */
export interface RenderDocuments {
  readonly xr: ObjectValue;
  readonly resources: ObjectValue[];
  readonly results: ObjectValue[];
  /** The final context (reconcile output: absent when the pipeline did not finish). */
  readonly context?: ObjectValue;
}

/** Inputs of {@link renderDocuments}. */
export interface RenderDocumentsInput {
  readonly inputXr: ObjectValue;
  readonly observed: readonly ObjectValue[];
  readonly desired: State;
  readonly conditions: readonly StepCondition[];
  readonly results: readonly StepResult[];
  readonly context: ObjectValue;
  readonly includeFullXr: boolean;
}

function meta(o: ObjectValue): ObjectValue {
  if (!isObject(o.metadata)) o.metadata = {};
  return o.metadata as ObjectValue;
}

function metaStr(o: ObjectValue, key: string): string {
  const m = o.metadata;
  const v = isObject(m) ? m[key] : undefined;
  return typeof v === 'string' ? v : '';
}

/** Go's unstructured SetName/SetNamespace/SetGenerateName: empty removes the field. */
function setMeta(o: ObjectValue, key: string, value: string): void {
  if (value === '') {
    if (isObject(o.metadata)) delete o.metadata[key];
    return;
  }
  meta(o)[key] = value;
}

function addToMap(o: ObjectValue, key: 'labels' | 'annotations', values: Record<string, string>): void {
  const m = meta(o);
  if (!isObject(m[key])) m[key] = {};
  Object.assign(m[key] as ObjectValue, values);
}

/** Crossplane's composed-resource metadata (render's SetComposedResourceMetadata, §4.2). */
function setComposedMetadata(cd: ObjectValue, xr: ObjectValue, name: string): void {
  const xrLabels = isObject(xr.metadata) && isObject(xr.metadata.labels) ? xr.metadata.labels : {};
  const label = (k: string) => (typeof xrLabels[k] === 'string' ? (xrLabels[k] as string) : '');
  const prefix = label('crossplane.io/composite') || metaStr(xr, 'name');
  if (metaStr(cd, 'name') === '' && metaStr(cd, 'generateName') === '') setMeta(cd, 'generateName', `${prefix}-`);
  if (metaStr(xr, 'namespace') !== '') setMeta(cd, 'namespace', metaStr(xr, 'namespace'));
  addToMap(cd, 'annotations', { 'crossplane.io/composition-resource-name': name });
  addToMap(cd, 'labels', { 'crossplane.io/composite': prefix });
  const claimRef = isObject(xr.spec) && isObject(xr.spec.claimRef) ? xr.spec.claimRef : undefined;
  if (label('crossplane.io/claim-name') !== '' && label('crossplane.io/claim-namespace') !== '') {
    addToMap(cd, 'labels', { 'crossplane.io/claim-namespace': label('crossplane.io/claim-namespace'), 'crossplane.io/claim-name': label('crossplane.io/claim-name') });
  } else if (claimRef) {
    addToMap(cd, 'labels', {
      'crossplane.io/claim-namespace': typeof claimRef.namespace === 'string' ? claimRef.namespace : '',
      'crossplane.io/claim-name': typeof claimRef.name === 'string' ? claimRef.name : '',
    });
  }
  const uid = metaStr(xr, 'uid');
  const ref: ObjectValue = {
    apiVersion: typeof xr.apiVersion === 'string' ? xr.apiVersion : '',
    kind: typeof xr.kind === 'string' ? xr.kind : '',
    name: metaStr(xr, 'name'),
    uid,
    controller: true,
    blockOwnerDeletion: true,
  };
  const m = meta(cd);
  const refs = Array.isArray(m.ownerReferences) ? m.ownerReferences.filter(isObject) : [];
  const other = refs.find((r) => r.controller === true && (r.uid ?? '') !== uid);
  if (other) {
    throw new UserError(`cannot render composed resource ${goQuote(name)} metadata: cannot set composite resource ${goQuote(metaStr(xr, 'name'))} as controller ref of composed resource: `
      + `${goQuote(String(m.name ?? ''))} is already controlled by ${String(other.kind ?? '')} ${String(other.name ?? '')} (UID ${String(other.uid ?? '')})`);
  }
  const idx = refs.findIndex((r) => (r.uid ?? '') === uid);
  if (idx >= 0) refs[idx] = ref;
  else refs.push(ref);
  m.ownerReferences = refs;
}

function normalizeCondition(c: ObjectValue): ObjectValue {
  const out: ObjectValue = {
    type: c.type ?? '',
    status: c.status ?? '',
    lastTransitionTime: c.lastTransitionTime ?? null,
    reason: c.reason ?? '',
  };
  if (typeof c.message === 'string' && c.message !== '') out.message = c.message;
  if (c.observedGeneration !== undefined && c.observedGeneration !== null && Number(c.observedGeneration) !== 0) out.observedGeneration = c.observedGeneration;
  return out;
}

function sameCondition(a: ObjectValue, b: ObjectValue): boolean {
  return a.type === b.type && a.status === b.status && a.reason === b.reason && (a.message ?? '') === (b.message ?? '')
    && a.lastTransitionTime === b.lastTransitionTime && Number(a.observedGeneration ?? 0) === Number(b.observedGeneration ?? 0);
}

/** xpv1 SetConditions: replace a condition of the same type unless equal, else append. */
function setConditions(xr: ObjectValue, conds: ObjectValue[]): void {
  if (!isObject(xr.status)) xr.status = {};
  const status = xr.status as ObjectValue;
  const existing = Array.isArray(status.conditions) ? status.conditions.filter(isObject).map(normalizeCondition) : [];
  for (const c of conds) {
    let exists = false;
    for (let i = 0; i < existing.length; i++) {
      if (existing[i].type !== c.type) continue;
      exists = true;
      if (!sameCondition(existing[i], c)) existing[i] = c;
    }
    if (!exists) existing.push(c);
  }
  status.conditions = existing;
}

const STATUS: Record<string, string> = { STATUS_CONDITION_TRUE: 'True', STATUS_CONDITION_FALSE: 'False' };

/** Builds every document render prints. */
export function renderDocuments(input: RenderDocumentsInput): RenderDocuments {
  const { inputXr, desired } = input;
  const observedByName = new Map<string, ObjectValue>();
  for (const o of input.observed) {
    const ann = isObject(o.metadata) && isObject(o.metadata.annotations) ? o.metadata.annotations : {};
    const key = typeof ann['crossplane.io/composition-resource-name'] === 'string' ? ann['crossplane.io/composition-resource-name'] as string : '';
    observedByName.set(key, o);
  }

  const unready: string[] = [];
  const resources: { name: string; obj: ObjectValue }[] = [];
  for (const [name, dr] of Object.entries(desired.resources)) {
    if (dr.ready !== 'READY_TRUE') unready.push(name);
    // Desired objects belong to this render (the pipeline copied them out of every step).
    const cd = dr.resource;
    const or = observedByName.get(name);
    if (or) {
      setMeta(cd, 'namespace', metaStr(or, 'namespace'));
      setMeta(cd, 'name', metaStr(or, 'name'));
      setMeta(cd, 'generateName', metaStr(or, 'generateName'));
    }
    setComposedMetadata(cd, inputXr, name);
    resources.push({ name, obj: cd });
  }
  resources.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  const xr: ObjectValue = desired.composite ? desired.composite.resource : {};
  xr.apiVersion = inputXr.apiVersion ?? '';
  xr.kind = inputXr.kind ?? '';
  setMeta(xr, 'name', metaStr(inputXr, 'name'));
  setMeta(xr, 'namespace', metaStr(inputXr, 'namespace'));
  const compositeReady = desired.composite?.ready ?? 'READY_UNSPECIFIED';
  let ready: ObjectValue = { type: 'Ready', status: 'True', reason: 'Available', lastTransitionTime: CONDITION_TIME };
  if (compositeReady === 'READY_FALSE') {
    ready = { type: 'Ready', status: 'False', reason: 'Creating', lastTransitionTime: CONDITION_TIME };
  } else if (compositeReady === 'READY_UNSPECIFIED' && unready.length > 0) {
    ready = { type: 'Ready', status: 'False', reason: 'Creating', message: `Unready resources: ${stableNAndSomeMore(DEFAULT_FIRST_N, unready)}`, lastTransitionTime: CONDITION_TIME };
  }
  setConditions(xr, [ready]);
  for (const c of input.conditions) {
    if (SYSTEM_CONDITIONS.has(c.type)) continue;
    const cond: ObjectValue = { type: c.type, status: STATUS[c.status] ?? 'Unknown', lastTransitionTime: CONDITION_TIME, reason: c.reason ?? '' };
    if (c.message) cond.message = c.message;
    setConditions(xr, [cond]);
  }
  if (input.includeFullXr) {
    if (inputXr.spec === undefined) throw new UserError('cannot get composite resource spec: spec: no such field');
    xr.spec = deepCopy(inputXr.spec as Value);
    xr.metadata = deepCopy((inputXr.metadata ?? {}) as Value);
  }

  const results = input.results.map((r) => ({
    apiVersion: 'render.crossplane.io/v1beta1', kind: 'Result', step: r.step, severity: r.severity, message: r.message,
  } as ObjectValue));
  const context: ObjectValue = { apiVersion: 'render.crossplane.io/v1beta1', kind: 'Context', fields: input.context };
  return { xr, resources: resources.map((r) => r.obj), results, context };
}

/** The YAML stream: `---` before each document; XR, composed resources, then -r and -c documents. */
export function toYamlStream(docs: RenderDocuments, include: { results: boolean; context: boolean }): string {
  const all: Value[] = [docs.xr, ...docs.resources];
  if (include.results) all.push(...docs.results);
  if (include.context && docs.context) all.push(docs.context);
  return toGoYamlStream(all);
}

/** Inputs of {@link reconcileDocuments}. */
export interface ReconcileDocumentsInput {
  /** The input XR as the CLI loaded it (XRD defaults applied), for `--include-full-xr`. */
  readonly inputXr: ObjectValue;
  readonly output: ReconcileOutput;
  readonly includeFullXr: boolean;
}

function compositionResourceName(o: ObjectValue): string {
  const m = o.metadata;
  const a = isObject(m) ? m.annotations : undefined;
  const v = isObject(a) ? a['crossplane.io/composition-resource-name'] : undefined;
  return typeof v === 'string' ? v : '';
}

/** The documents `crossplane composition render` prints for a reconcile's output. */
export function reconcileDocuments(input: ReconcileDocumentsInput): RenderDocuments {
  const out = input.output;
  let xr: ObjectValue = out.xr ?? {};
  if (input.includeFullXr) xr = mergeOverride(deepCopy(input.inputXr), xr);
  replaceConditionTimestamps(xr, CONDITION_TIME);
  const resources = out.composed.map((r) => ({ name: compositionResourceName(r), r }));
  // A stable sort by composition resource name, as the CLI sorts.
  resources.sort((a, b) => compareGoStrings(a.name, b.name));
  for (const { r } of resources) replaceConditionTimestamps(r, CONDITION_TIME);
  const results = out.events.map((e) => ({ apiVersion: 'render.crossplane.io/v1beta1', kind: 'Result', severity: e.type, reason: e.reason, message: e.message } as ObjectValue));
  const context = out.context === undefined ? undefined : { apiVersion: 'render.crossplane.io/v1beta1', kind: 'Context', fields: out.context } as ObjectValue;
  return { xr, resources: resources.map((x) => x.r), results, context };
}
