/**
 * One XR reconcile, as `crossplane internal render` runs it for the current `crossplane
 * composition render` (crossplane/crossplane `internal/render/composite/render.go` `Render`,
 * `internal/controller/apiextensions/composite/reconciler.go` `Reconcile`, reference §4.4 B):
 * the XR gets a deterministic UID, observed resources become its resource references, the
 * Composition is revision 1, and the real reconcile steps run against an in-memory API server.
 * The output is what that server recorded: the XR's last status write, every applied composed
 * resource, and the events.
 */
import type { FunctionCatalogue } from '../catalogue';
import { valueAt } from '../go/decoded';
import type { ObjectValue, Value } from '../go/values';
import { deepCopy, deepEqual, fromStruct, isObject } from '../go/values';
import type { FunctionObject, PipelineStep } from '../pipeline';
import { DEFAULT_FIRST_N, stableNAndSomeMore } from '../runtime/resource';
import { xrdScope } from '../xrd-defaults';
import type { CompositeSchema, Condition } from './composite';
import { CompositeFields, getConditions, metaMap, metaString, sameReference, setConditions, setPath, SYSTEM_CONDITION_TYPES } from './composite';
import type { ComposeResult, ReconcileEvent, TargetedCondition, TargetedEvent } from './composer';
import { compose, COMPOSITE_LABEL, ComposeError } from './composer';
import { compositeUid } from './names';
import { InMemoryStore } from './store';

/** Everything one render reconcile reads. Objects are Struct values (numbers float64). */
export interface ReconcileInput {
  /** The XR (the reconcile owns it). */
  readonly xr: ObjectValue;
  /** The Composition's name, pipeline and `writeConnectionSecretsToNamespace`. */
  readonly composition: { readonly name: string; readonly steps: readonly PipelineStep[]; readonly writeConnectionSecretsToNamespace?: string };
  /** Modern or legacy field paths (from the XRD, see {@link selectSchema}). */
  readonly schema: CompositeSchema;
  readonly observed: readonly ObjectValue[];
  /** Required and extra resources. */
  readonly required: readonly ObjectValue[];
  /** Secrets for credentials (and connection details). */
  readonly credentials: readonly ObjectValue[];
  readonly functions?: readonly FunctionObject[];
  readonly catalogue: FunctionCatalogue;
  readonly seedContext?: ObjectValue;
  readonly observedConnectionDetails: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** What the reconcile recorded. */
export interface ReconcileOutput {
  /** The XR as last written (undefined when it never was). */
  readonly xr?: ObjectValue;
  /** Applied composed resources, in the order they were applied. */
  readonly composed: ObjectValue[];
  /** Deleted (garbage collected) resources. */
  readonly deleted: ObjectValue[];
  readonly events: ReconcileEvent[];
  /** Readiness of each desired resource (empty when the compose failed). */
  readonly desiredReadiness: ComposeResult['desiredReadiness'];
  /** The context after the last step (undefined when the pipeline did not finish). */
  readonly context?: ObjectValue;
  /** The reconcile's error: "cannot compose resources: ..." and whether a step returned a fatal result. */
  readonly error?: { readonly message: string; readonly fatal: boolean };
}

/** A render input problem found before the reconcile (Render's own errors). */
export class ReconcileInputError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'ReconcileInputError';
  }
}

const PAUSED_ANNOTATION = 'crossplane.io/paused';
const RECONCILE_REQUEST_ANNOTATION = 'crossplane.io/reconcile-requested-at';

/**
 * The composite schema for an XR (render.go `selectSchema`): modern without an XRD; with one, the
 * XRD must define the XR's group and kind, and scope `LegacyCluster` (a v1 XRD's default; a v2
 * XRD's default is Namespaced) selects the legacy paths.
 */
export function selectSchema(apiVersion: string, kind: string, xrd: ObjectValue | undefined): CompositeSchema {
  if (!xrd) return 'modern';
  const name = metaString(xrd, 'name');
  const spec = isObject(xrd.spec) ? xrd.spec : {};
  let schema: CompositeSchema;
  if (xrd.apiVersion === 'apiextensions.crossplane.io/v1' || xrd.apiVersion === 'apiextensions.crossplane.io/v2') {
    schema = xrdScope(xrd) === 'LegacyCluster' ? 'legacy' : 'modern';
  } else {
    throw new ReconcileInputError(`cannot select composite resource schema: CompositeResourceDefinition ${JSON.stringify(name)} has unrecognized apiVersion ${JSON.stringify(String(xrd.apiVersion ?? ''))} (expected one of [apiextensions.crossplane.io/v1 apiextensions.crossplane.io/v2])`);
  }
  const group = typeof spec.group === 'string' ? spec.group : '';
  const names = isObject(spec.names) ? spec.names : {};
  const xrdKind = typeof names.kind === 'string' ? names.kind : '';
  const xrGroup = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  if (group !== xrGroup || xrdKind !== kind) {
    throw new ReconcileInputError(`cannot select composite resource schema: CompositeResourceDefinition ${JSON.stringify(name)} (composite Group=${group} Kind=${xrdKind}) does not match the input XR's Group=${xrGroup} Kind=${kind}`);
  }
  return schema;
}

function controllerUid(o: ObjectValue): string | undefined {
  const m = o.metadata;
  const refs = isObject(m) && Array.isArray(m.ownerReferences) ? m.ownerReferences : [];
  for (const r of refs) if (isObject(r) && r.controller === true) return typeof r.uid === 'string' ? r.uid : '';
  return undefined;
}

/** render.go `CheckObservedResources`: controlled by the XR (or by nothing), in its namespace. */
function checkObserved(xr: ObjectValue, observed: readonly ObjectValue[]): void {
  const problems: string[] = [];
  const ns = metaString(xr, 'namespace');
  for (const o of observed) {
    const c = controllerUid(o);
    if (c !== undefined && c !== metaString(xr, 'uid')) problems.push(`observed resource ${metaString(o, 'name')} has a controller ref but is not controlled by the XR`);
    if (ns !== '' && metaString(o, 'namespace') !== ns) problems.push(`observed resource ${metaString(o, 'name')} is not in the same namespace as the XR`);
  }
  if (problems.length > 0) throw new ReconcileInputError(`invalid observed resources: ${problems.join('\n')}`);
}

/** A condition Crossplane sets, at the fixed render time (Crossplane uses the clock). */
function cond(type: string, status: string, reason: string, message = ''): Condition {
  return { type, status, reason, message, observedGeneration: 0, lastTransitionTime: TRANSITION_TIME };
}

/** Conditions carry the clock's time in Crossplane; render replaces it, so the engine never reads a clock. */
const TRANSITION_TIME = '2024-01-01T00:00:00Z';

function generationOf(xr: ObjectValue): number {
  const g = valueAt(xr, 'metadata', 'generation');
  return typeof g === 'number' || typeof g === 'bigint' ? Number(g) : 0;
}

/** `ObservedGenerationPropagationManager.MarkConditions`. */
function mark(xr: ObjectValue, ...conditions: Condition[]): void {
  const gen = generationOf(xr);
  setConditions(xr, conditions.map((c) => ({ ...c, observedGeneration: gen })));
}

/** Runs one reconcile. Throws ReconcileInputError for input Render rejects before reconciling. */
export function reconcile(input: ReconcileInput): ReconcileOutput {
  const fields = new CompositeFields(input.schema);
  const xr = input.xr;
  const apiVersion = typeof xr.apiVersion === 'string' ? xr.apiVersion : '';
  const kind = typeof xr.kind === 'string' ? xr.kind : '';
  if (!isObject(xr.metadata)) xr.metadata = {};
  if (metaString(xr, 'uid') === '') (xr.metadata as ObjectValue).uid = compositeUid(apiVersion, kind, metaString(xr, 'namespace'), metaString(xr, 'name'));
  (xr.metadata as ObjectValue).resourceVersion = '999';
  checkObserved(xr, input.observed);
  if (input.observed.length > 0) {
    const clusterScoped = metaString(xr, 'namespace') === '';
    fields.setResourceReferences(xr, input.observed.map((o) => ({
      apiVersion: typeof o.apiVersion === 'string' ? o.apiVersion : '', kind: typeof o.kind === 'string' ? o.kind : '',
      name: metaString(o, 'name'), namespace: clusterScoped ? metaString(o, 'namespace') : '',
    })));
  }

  const store = new InMemoryStore();
  store.add(xr);
  for (const o of input.observed) store.add(o);
  for (const o of input.required) store.add(o);
  for (const s of input.credentials) {
    store.add(typeof s.kind === 'string' && s.kind !== '' ? s : { ...s, apiVersion: 'v1', kind: 'Secret' });
  }

  const events: ReconcileEvent[] = [];
  const record = (e: ReconcileEvent) => events.push({ type: e.type, reason: e.reason, message: e.message });
  const result = (error?: ReconcileOutput['error'], composed?: ComposeResult): ReconcileOutput => ({
    xr: lastWritten(store, xr),
    composed: store.applied.filter((o) => !isSameObject(o, xr)),
    deleted: store.deleted,
    events,
    desiredReadiness: composed?.desiredReadiness ?? {},
    context: composed?.context,
    error,
  });

  // Reconcile: the XR as read from the API server.
  const x = deepCopy(store.get(apiVersion, kind, metaString(xr, 'namespace'), metaString(xr, 'name'))!);
  const statusBefore: Value | undefined = x.status === undefined ? undefined : deepCopy(x.status);
  // Every status update ends the reconcile: nothing writes to the XR after it.
  const statusUpdate = () => {
    store.writeStatus(x, 'update');
  };
  mark(x, cond('Responsive', 'True', 'WatchCircuitClosed'));

  const annotations = metaMap(x, 'annotations');
  if (annotations[PAUSED_ANNOTATION] === 'true') {
    record({ type: 'Normal', reason: 'ReconciliationPaused', message: 'Reconciliation is paused via the pause annotation' });
    mark(x, cond('Synced', 'False', 'ReconcilePaused', 'Reconciliation (including deletion) is paused via the pause annotation'));
    statusUpdate();
    return result();
  }
  const token = annotations[RECONCILE_REQUEST_ANNOTATION];
  if (typeof token === 'string' && token !== '' && valueAt(x, 'status', 'lastHandledReconcileAt') !== token) {
    record({ type: 'Normal', reason: 'ReconcileRequestHandled', message: 'Handling reconcile request' });
    setPath(x, ['status', 'lastHandledReconcileAt'], token);
  }
  const deletionTimestamp = valueAt(x, 'metadata', 'deletionTimestamp');
  if (deletionTimestamp !== undefined && deletionTimestamp !== null) {
    mark(x, cond('Ready', 'False', 'Deleting'));
    mark(x, cond('Synced', 'True', 'ReconcileSuccess'));
    statusUpdate();
    return result();
  }

  const orig = fields.compositionReference(x);
  fields.setCompositionReference(x, { name: input.composition.name });
  const now = fields.compositionReference(x)!;
  if (!orig || !sameReference(now, orig)) record({ type: 'Normal', reason: 'SelectComposition', message: `Successfully selected composition: ${input.composition.name}` });

  // Configure: the composed-name prefix label, and a legacy XR's connection secret reference.
  if (typeof metaMap(x, 'labels')[COMPOSITE_LABEL] !== 'string' || metaMap(x, 'labels')[COMPOSITE_LABEL] === '') {
    const m = x.metadata as ObjectValue;
    m.labels = { ...metaMap(x, 'labels'), [COMPOSITE_LABEL]: metaString(x, 'name') };
    store.update(x);
  }
  const ns = input.composition.writeConnectionSecretsToNamespace;
  if (input.schema === 'legacy' && !fields.writeConnectionSecretToReference(x) && ns !== undefined) {
    fields.setWriteConnectionSecretToReference(x, { name: metaString(x, 'uid'), namespace: ns });
    store.update(x);
  }

  let res: ComposeResult;
  try {
    res = compose(x, {
      store, fields, steps: input.composition.steps, functions: input.functions, catalogue: input.catalogue,
      seedContext: input.seedContext, observedConnectionDetails: input.observedConnectionDetails,
    });
  } catch (err) {
    if (!(err instanceof ComposeError)) throw err;
    const message = `cannot compose resources: ${err.message}`;
    record({ type: 'Warning', reason: 'ComposeResources', message });
    mark(x, cond('Synced', 'False', 'ReconcileError', message));
    const seen = handleResult(x, fields, err.partial.events, err.partial.conditions, record);
    for (const c of getConditions(x)) {
      if (SYSTEM_CONDITION_TYPES.has(c.type) || seen.has(c.type)) continue;
      mark(x, { ...c, status: 'Unknown', reason: 'FatalError', message: 'A fatal error occurred before the status of this condition could be determined.' });
    }
    statusUpdate();
    return result({ message, fatal: err.fatal !== undefined });
  }

  handleResult(x, fields, res.events, res.conditions, record);
  const unready: string[] = [];
  for (const c of res.composed) {
    if (!c.ready) {
      unready.push(c.name);
      record({ type: 'Normal', reason: 'ComposeResources', message: `Composed resource ${JSON.stringify(c.name)} is not yet ready` });
    }
  }
  let ready = unready.length > 0
    ? cond('Ready', 'False', 'Creating', `Unready resources: ${stableNAndSomeMore(DEFAULT_FIRST_N, unready)}`)
    : cond('Ready', 'True', 'Available');
  if (res.ready !== undefined) ready = res.ready ? cond('Ready', 'True', 'Available') : cond('Ready', 'False', 'Creating');
  mark(x, cond('Synced', 'True', 'ReconcileSuccess'), ready);
  if (!deepEqual(statusBefore ?? null, x.status ?? null)) statusUpdate();
  return result(undefined, res);
}

/** handleCommonCompositionResult: events (with detail) and non-system conditions onto the XR. */
function handleResult(x: ObjectValue, fields: CompositeFields, events: readonly TargetedEvent[], conditions: readonly TargetedCondition[], record: (e: ReconcileEvent) => void): Set<string> {
  for (const e of events) record({ type: e.type, reason: e.reason, message: e.detail ? `${e.detail}: ${e.message}` : e.message });
  const seen = new Set<string>();
  for (const c of conditions) {
    if (SYSTEM_CONDITION_TYPES.has(c.condition.type)) continue;
    seen.add(c.condition.type);
    setConditions(x, [{ ...c.condition, lastTransitionTime: TRANSITION_TIME }]);
    if (c.claim) fields.addClaimConditionType(x, c.condition.type);
  }
  return seen;
}

function isSameObject(a: ObjectValue, xr: ObjectValue): boolean {
  return a.apiVersion === xr.apiVersion && a.kind === xr.kind && metaString(a, 'namespace') === metaString(xr, 'namespace') && metaString(a, 'name') === metaString(xr, 'name');
}

/** BuildOutput: the XR's last update (status update) or else its last apply. */
function lastWritten(store: InMemoryStore, xr: ObjectValue): ObjectValue | undefined {
  for (let i = store.updated.length - 1; i >= 0; i--) if (isSameObject(store.updated[i], xr)) return store.updated[i];
  for (let i = store.applied.length - 1; i >= 0; i--) if (isSameObject(store.applied[i], xr)) return store.applied[i];
  return undefined;
}

/** Decodes the parts of a Composition a reconcile reads. */
export function compositionOf(comp: ObjectValue, steps: readonly PipelineStep[]): ReconcileInput['composition'] {
  const spec = isObject(comp.spec) ? comp.spec : {};
  const ns = spec.writeConnectionSecretsToNamespace;
  return { name: metaString(comp, 'name'), steps, ...(typeof ns === 'string' ? { writeConnectionSecretsToNamespace: ns } : {}) };
}

/** The XR as the reconcile receives it: through a Struct (numbers float64). */
export function asReconcileObject(o: ObjectValue): ObjectValue {
  return fromStruct(o) as ObjectValue;
}
