/**
 * Crossplane's function composer, as one render reconcile runs it (crossplane/crossplane
 * `internal/controller/apiextensions/composite/composition_functions.go` `FunctionComposer.Compose`
 * and `internal/xfn/required_resources.go` `FetchingFunctionRunner`): observe the composed
 * resources the XR references, run the pipeline, give desired resources Crossplane's metadata and
 * deterministic names, garbage collect what is no longer desired, record the references, apply,
 * and patch the XR's status.
 */
import type { FunctionCatalogue } from '../catalogue';
import { stringValue as str } from '../go/decoded';
import { goQuote } from '../go/strconv';
import type { ObjectValue } from '../go/values';
import { compareGoStrings, deepCopy, fromStruct, isObject } from '../go/values';
import type { FunctionObject, PipelineStep } from '../pipeline';
import type { RequirementSelector, StepErrorFactory } from '../pipeline';
import { asState, copyState, fatalResultMessage, lookupImplementation, runWithRequirements, selectResources, stepInput, toStructInPlace } from '../pipeline';
import type { FunctionRequest, FunctionResponse, ResourceSelector, State } from '../protocol';
import type { CompositeFields, Condition } from './composite';
import { addToMetaMap, getConditions, metaMap, metaString, setConditions, setMetaString } from './composite';
import { childName, isValidComposedName } from './names';
import type { InMemoryStore } from './store';

/** The label holding the root XR's name, the prefix of composed names. */
export const COMPOSITE_LABEL = 'crossplane.io/composite';
const CLAIM_NAME_LABEL = 'crossplane.io/claim-name';
const CLAIM_NAMESPACE_LABEL = 'crossplane.io/claim-namespace';
const NAME_ANNOTATION = 'crossplane.io/composition-resource-name';

/** An event Crossplane records on the XR. */
export interface ReconcileEvent {
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  readonly message: string;
}

/** An event of the composer, with the detail the XR's event gets and whether the claim gets it too. */
export interface TargetedEvent extends ReconcileEvent {
  readonly detail?: string;
  readonly claim: boolean;
}

/** A condition a function returned, and whether the claim gets it too. */
export interface TargetedCondition {
  readonly condition: Condition;
  readonly claim: boolean;
}

/** A composed resource's state after the compose, for the XR's conditions. */
export interface ComposedResult {
  readonly name: string;
  readonly ready: boolean;
  readonly synced: boolean;
}

/** What a compose produced. */
export interface ComposeResult {
  readonly composed: ComposedResult[];
  /** The XR readiness the pipeline set (undefined: derive it from the composed resources). */
  readonly ready?: boolean;
  readonly events: TargetedEvent[];
  readonly conditions: TargetedCondition[];
  /** Readiness of each desired resource, by composition resource name. */
  readonly desiredReadiness: Record<string, 'READY_UNSPECIFIED' | 'READY_TRUE' | 'READY_FALSE'>;
  /** The context after the last step. */
  readonly context: ObjectValue;
}

/** A failed compose: the error Crossplane wraps in "cannot compose resources", and what came before it. */
export class ComposeError extends Error {
  public constructor(
    message: string,
    /** Events and conditions gathered before the failure (a fatal result returns them). */
    public readonly partial: { readonly events: TargetedEvent[]; readonly conditions: TargetedCondition[] } = { events: [], conditions: [] },
    /** The step and message of a fatal result (`PipelineFatalError`). */
    public readonly fatal?: { readonly step: string; readonly message: string },
  ) {
    super(message);
    this.name = 'ComposeError';
  }
}

/** What the composer needs besides the XR. */
export interface ComposeInput {
  readonly store: InMemoryStore;
  readonly fields: CompositeFields;
  readonly steps: readonly PipelineStep[];
  readonly functions?: readonly FunctionObject[];
  readonly catalogue: FunctionCatalogue;
  /** The context the render seeds before the first step (the CLI's context step). */
  readonly seedContext?: ObjectValue;
  /** Connection details of observed resources supplied directly (an extension of render). */
  readonly observedConnectionDetails: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

const STATUS: Record<string, string> = { STATUS_CONDITION_TRUE: 'True', STATUS_CONDITION_FALSE: 'False' };

function decodeSecretData(s: ObjectValue | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (s && isObject(s.data)) for (const [k, v] of Object.entries(s.data)) out[k] = Buffer.from(String(v ?? ''), 'base64').toString('utf8');
  return out;
}

/** `SecretConnectionDetailsFetcher`: the Secret named by `writeConnectionSecretToRef`, from the store. */
function connectionOf(store: InMemoryStore, o: ObjectValue, ref: { name: string; namespace: string } | undefined): Record<string, string> | undefined {
  if (!ref) return undefined;
  const ns = metaString(o, 'namespace') || ref.namespace;
  const s = store.get('v1', 'Secret', ns, ref.name);
  return s ? decodeSecretData(s) : undefined;
}

function composedSecretRef(o: ObjectValue): { name: string; namespace: string } | undefined {
  const spec = o.spec;
  const ref = isObject(spec) ? spec.writeConnectionSecretToRef : undefined;
  if (!isObject(ref)) return undefined;
  return { name: typeof ref.name === 'string' ? ref.name : '', namespace: typeof ref.namespace === 'string' ? ref.namespace : '' };
}

function controllerOf(o: ObjectValue): ObjectValue | undefined {
  const m = o.metadata;
  const refs = isObject(m) && Array.isArray(m.ownerReferences) ? m.ownerReferences : [];
  for (const r of refs) if (isObject(r) && r.controller === true) return r;
  return undefined;
}

/** Observed composed resources, by composition resource name (`ExistingComposedResourceObserver`). */
function observeComposedResources(xr: ObjectValue, input: ComposeInput): Map<string, ObjectValue> {
  const out = new Map<string, ObjectValue>();
  const xrNs = metaString(xr, 'namespace');
  for (const ref of input.fields.resourceReferences(xr)) {
    if (!ref.name) continue;
    const ns = xrNs !== '' ? xrNs : ref.namespace ?? '';
    const r = input.store.get(ref.apiVersion ?? '', ref.kind ?? '', ns, ref.name);
    if (!r) continue;
    const c = controllerOf(r);
    if (c && str(c.uid) !== metaString(xr, 'uid')) continue;
    const name = str(metaMap(r, 'annotations')[NAME_ANNOTATION]);
    if (name === '') throw new ComposeError(`cannot get existing composed resources: encountered composed resource without required "${NAME_ANNOTATION}" annotation`);
    // The stored object itself: functions only read it, garbage collection copies it first.
    out.set(name, r);
  }
  return out;
}

/** Required resources from the store (`ExistingRequiredResourcesFetcher`), as Struct values. */
function fetchRequired(store: InMemoryStore, sel: ResourceSelector): ObjectValue[] {
  const ns = sel.namespace ?? '';
  if (sel.matchName !== undefined && sel.matchName !== null) {
    const r = store.get(sel.apiVersion, sel.kind, ns, sel.matchName);
    return r ? [fromStruct(r) as ObjectValue] : [];
  }
  const found = store.list(sel.apiVersion, sel.kind, ns, sel.matchLabels ?? {});
  const key = (o: ObjectValue) => `${metaString(o, 'namespace')}/${metaString(o, 'name')}`;
  found.sort((a, b) => compareGoStrings(key(a), key(b)));
  return found.map((r) => fromStruct(r) as ObjectValue);
}

/**
 * Requirements served from the store, as `ExistingRequiredResourcesFetcher` does; with
 * `anyVersion` (only for the hint of a requirement that selected nothing), the objects of the
 * selector's kind at any apiVersion.
 */
function storeSelector(store: InMemoryStore): RequirementSelector {
  return (sel, anyVersion) => (anyVersion ? selectResources(store.ofKind(sel.kind), sel, true) : fetchRequired(store, sel));
}

/** Crossplane's composer wording: `cannot run Composition pipeline step "x": ...`. */
const composeStepError: StepErrorFactory = (step, detail) => new ComposeError(`cannot run Composition pipeline step ${goQuote(step.step)}: ${detail}`);

/** The composer tags every request (`composition_functions.go` `Tag`); functions copy the tag into their response. */
const COMPOSER_FRAMING = { tagged: true };

function credentialsFor(step: PipelineStep, store: InMemoryStore): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const c of step.credentials ?? []) {
    if (c.source !== 'Secret' || !c.secretRef) continue;
    const name = c.secretRef.name ?? '';
    const s = store.get('v1', 'Secret', c.secretRef.namespace ?? '', name);
    if (!s) throw new ComposeError(`cannot get Composition pipeline step ${goQuote(step.step)} credential ${goQuote(c.name ?? '')} from Secret: Secret ${goQuote(name)} not found`);
    out[c.name ?? ''] = decodeSecretData(s);
  }
  return out;
}

/** Runs every step; throws a ComposeError (fatal results carry what came before). */
function runSteps(input: ComposeInput, observed: State): { desired: State; context: ObjectValue; events: TargetedEvent[]; conditions: TargetedCondition[] } {
  let desired: State = { resources: {} };
  let context: ObjectValue = input.seedContext ? fromStruct(input.seedContext) as ObjectValue : {};
  const events: TargetedEvent[] = [];
  const conditions: TargetedCondition[] = [];
  for (const step of input.steps) {
    const found = lookupImplementation(step, input.functions, input.catalogue);
    if (!('entry' in found)) {
      const detail = 'unknownFunction' in found ? `unknown function ${goQuote(found.unknownFunction)} - is it listed in the render input?` : found.unimplemented;
      throw new ComposeError(`cannot run Composition pipeline step ${goQuote(step.step)}: ${detail}`, { events, conditions });
    }
    const owned = found.entry.builtIn;
    const requiredResources: Record<string, ObjectValue[]> = {};
    for (const sel of step.requirements?.requiredResources ?? []) {
      requiredResources[sel.requirementName ?? ''] = fetchRequired(input.store, { ...sel, matchName: sel.matchName ?? sel.name });
    }
    const req: FunctionRequest = {
      observed: owned ? observed : copyState(observed),
      desired,
      input: step.input === undefined ? undefined : stepInput(step.input, owned),
      context,
      credentials: credentialsFor(step, input.store),
      requiredResources,
    };
    let rsp: FunctionResponse;
    let misses: string[];
    try {
      ({ rsp, misses } = runWithRequirements(found.entry, req, step, storeSelector(input.store), composeStepError, COMPOSER_FRAMING));
    } catch (err) {
      if (err instanceof ComposeError) throw new ComposeError(err.message, { events, conditions });
      throw err;
    }
    desired = asState(rsp.desired, owned);
    context = (owned ? toStructInPlace(rsp.context ?? {}) : fromStruct(rsp.context ?? {})) as ObjectValue;
    for (const c of rsp.conditions ?? []) {
      conditions.push({
        condition: { type: c.type, status: STATUS[c.status] ?? 'Unknown', reason: c.reason ?? '', message: c.message ?? '', observedGeneration: 0, lastTransitionTime: null },
        claim: c.target === 'TARGET_COMPOSITE_AND_CLAIM',
      });
    }
    for (const r of rsp.results ?? []) {
      const reason = r.reason || 'ComposeResources';
      const claim = r.target === 'TARGET_COMPOSITE_AND_CLAIM';
      const detail = `Pipeline step ${goQuote(step.step)}`;
      switch (r.severity) {
        case 'SEVERITY_FATAL':
          throw new ComposeError(fatalResultMessage(step.step, r.message ?? '', misses), { events, conditions }, { step: step.step, message: r.message ?? '' });
        case 'SEVERITY_WARNING':
          events.push({ type: 'Warning', reason, message: r.message ?? '', detail, claim });
          break;
        case 'SEVERITY_NORMAL':
          events.push({ type: 'Normal', reason, message: r.message ?? '', detail, claim });
          break;
        default:
          events.push({ type: 'Warning', reason, message: `Pipeline step ${goQuote(step.step)} returned a result of unknown severity (assuming warning): ${r.message ?? ''}`, claim: false });
      }
    }
  }
  return { desired, context, events, conditions };
}

/** `RenderComposedResourceMetadata`: generateName, namespace, annotation, labels, controller reference. */
function renderComposedMetadata(cd: ObjectValue, xr: ObjectValue, name: string): void {
  const labels = metaMap(xr, 'labels');
  const prefix = str(labels[COMPOSITE_LABEL]);
  const fail = (detail: string) => new ComposeError(`cannot render metadata for composed resource ${goQuote(name)}: ${detail}`);
  if (prefix === '') throw fail(`cannot find top-level composite resource name label ${goQuote(COMPOSITE_LABEL)} in composite resource metadata`);
  if (metaString(cd, 'name') === '' && metaString(cd, 'generateName') === '') setMetaString(cd, 'generateName', `${prefix}-`);
  if (metaString(xr, 'namespace') !== '') setMetaString(cd, 'namespace', metaString(xr, 'namespace'));
  if (name !== '') addToMetaMap(cd, 'annotations', { [NAME_ANNOTATION]: name });
  const add: Record<string, string> = { [COMPOSITE_LABEL]: prefix };
  if (str(labels[CLAIM_NAME_LABEL]) !== '' && str(labels[CLAIM_NAMESPACE_LABEL]) !== '') {
    add[CLAIM_NAME_LABEL] = str(labels[CLAIM_NAME_LABEL]);
    add[CLAIM_NAMESPACE_LABEL] = str(labels[CLAIM_NAMESPACE_LABEL]);
  }
  addToMetaMap(cd, 'labels', add);
  const uid = metaString(xr, 'uid');
  const ref: ObjectValue = { apiVersion: str(xr.apiVersion), kind: str(xr.kind), name: metaString(xr, 'name'), uid, controller: true, blockOwnerDeletion: true };
  const other = controllerOf(cd);
  if (other && str(other.uid) !== uid) {
    throw fail(`cannot set controller reference: ${metaString(cd, 'name')} is already controlled by ${str(other.kind)} ${str(other.name)} (UID ${str(other.uid)})`);
  }
  const m = cd.metadata as ObjectValue;
  const refs = Array.isArray(m.ownerReferences) ? [...m.ownerReferences] : [];
  const i = refs.findIndex((r) => isObject(r) && str(r.uid) === uid);
  if (i >= 0) refs[i] = ref;
  else refs.push(ref);
  m.ownerReferences = refs;
}

/**
 * `UpdateResourceRefs`: a reference per desired resource (as Go encodes ObjectReference: empty
 * fields left out), sorted by apiVersion+kind+name+namespace; namespaced XRs drop namespaces.
 */
function resourceRefs(xr: ObjectValue, desired: ReadonlyMap<string, ObjectValue>): ObjectValue[] {
  const namespaced = metaString(xr, 'namespace') !== '';
  const keyed: { ref: ObjectValue; key: string }[] = [];
  for (const cd of desired.values()) {
    const ref: ObjectValue = {};
    const apiVersion = str(cd.apiVersion);
    const kind = str(cd.kind);
    const name = metaString(cd, 'name');
    const namespace = namespaced ? '' : metaString(cd, 'namespace');
    const uid = metaString(cd, 'uid');
    if (kind) ref.kind = kind;
    if (namespace) ref.namespace = namespace;
    if (name) ref.name = name;
    if (uid) ref.uid = uid;
    if (apiVersion) ref.apiVersion = apiVersion;
    keyed.push({ ref, key: apiVersion + kind + name + namespace });
  }
  // Kinds, API versions and names are ASCII, where JavaScript's string order is Go's.
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.ref);
}

/** Replaces the contents of `target` with those of `source` (Go replacing the object behind a pointer). */
export function replaceContents(target: ObjectValue, source: ObjectValue): void {
  for (const k of Object.keys(target)) delete target[k];
  Object.assign(target, source);
}

/**
 * Composes `xr` (modified in place, as the Go composer modifies its XR: after the status patch it
 * holds what the API server returned). Throws ComposeError.
 */
export function compose(xr: ObjectValue, input: ComposeInput): ComposeResult {
  const { store, fields } = input;
  const observed = observeComposedResources(xr, input);
  const xrConnection = connectionOf(store, xr, fields.writeConnectionSecretToReference(xr));
  const resources: State['resources'] = {};
  for (const [name, r] of observed) {
    const fromSecret = connectionOf(store, r, composedSecretRef(r));
    const supplied = input.observedConnectionDetails[name];
    const details = fromSecret || supplied ? { ...fromSecret, ...supplied } : undefined;
    // Stored objects are Struct values already; built-in functions only read them and other
    // functions get copies (copyState).
    resources[name] = details ? { resource: r, connectionDetails: details } : { resource: r };
  }
  const o: State = { composite: { resource: fromStruct(xr) as ObjectValue, ...(xrConnection ? { connectionDetails: xrConnection } : {}) }, resources };

  const { desired: d, context, events, conditions } = runSteps(input, o);

  const desired = new Map<string, ObjectValue>();
  const desiredReadiness: ComposeResult['desiredReadiness'] = {};
  const xrNs = metaString(xr, 'namespace');
  for (const name of Object.keys(d.resources).sort(compareGoStrings)) {
    const dr = d.resources[name];
    const cd = dr.resource;
    const or = observed.get(name);
    if (or) {
      setMetaString(cd, 'namespace', metaString(or, 'namespace'));
      setMetaString(cd, 'name', metaString(or, 'name'));
      setMetaString(cd, 'generateName', metaString(or, 'generateName'));
    }
    if (xrNs !== '' && metaString(cd, 'namespace') !== '' && metaString(cd, 'namespace') !== xrNs) {
      events.push({
        type: 'Warning', reason: 'NamespaceOverridden', claim: false,
        message: `cannot create composed resource ${goQuote(name)} in namespace ${goQuote(metaString(cd, 'namespace'))}, using XR namespace ${goQuote(xrNs)} instead`,
      });
    }
    renderComposedMetadata(cd, xr, name);
    if (metaString(cd, 'name') === '' && metaString(cd, 'generateName') !== '') {
      // GenerateName: the composition resource name annotation and a controller reference with a
      // UID (both just set) select the deterministic name.
      setMetaString(cd, 'name', childName(metaString(cd, 'generateName'), metaString(xr, 'uid'), name));
    }
    if (!isValidComposedName(metaString(cd, 'name'), str(cd.apiVersion), str(cd.kind))) {
      throw new ComposeError(`cannot apply composed resource ${goQuote(name)} because it has an invalid name ${goQuote(metaString(cd, 'name'))}. Must be a valid RFC 1123 subdomain name.`);
    }
    desired.set(name, cd);
    desiredReadiness[name] = dr.ready ?? 'READY_UNSPECIFIED';
  }

  // Garbage collection of observed resources no longer desired, that the XR controls.
  for (const name of [...observed.keys()].filter((n) => !desired.has(n)).sort(compareGoStrings)) {
    const r = deepCopy(observed.get(name)!);
    const c = controllerOf(r);
    if (!c) continue;
    if (str(c.uid) !== metaString(xr, 'uid')) {
      throw new ComposeError(`cannot garbage collect composed resources that are no longer desired: refusing to delete composed resource ${goQuote(name)} that is controlled by ${str(c.kind)} ${goQuote(str(c.name))}`);
    }
    const labels = metaMap(r, 'labels');
    if (isObject(r.metadata) && isObject(r.metadata.labels)) {
      for (const k of [COMPOSITE_LABEL, CLAIM_NAME_LABEL, CLAIM_NAMESPACE_LABEL]) delete labels[k];
    }
    store.update(r);
    store.delete(r);
  }

  // The references, applied before the resources so none is ever leaked.
  const refs: ObjectValue = { apiVersion: str(xr.apiVersion), kind: str(xr.kind) };
  setMetaString(refs, 'namespace', xrNs);
  setMetaString(refs, 'name', metaString(xr, 'name'));
  fields.setEncodedResourceReferences(refs, resourceRefs(xr, desired));
  store.apply(refs);

  const composed: ComposedResult[] = [];
  for (const [name, cd] of desired) {
    store.apply(cd);
    composed.push({ name, ready: desiredReadiness[name] === 'READY_TRUE', synced: true });
  }

  // The XR's status: the desired composite with the XR's identity and pending conditions.
  const keep = { apiVersion: str(xr.apiVersion), kind: str(xr.kind), namespace: xrNs, name: metaString(xr, 'name'), uid: metaString(xr, 'uid') };
  const cs = getConditions(xr);
  const patch: ObjectValue = d.composite ? d.composite.resource : {};
  patch.apiVersion = keep.apiVersion;
  patch.kind = keep.kind;
  setMetaString(patch, 'namespace', keep.namespace);
  setMetaString(patch, 'name', keep.name);
  setMetaString(patch, 'uid', keep.uid);
  if (cs.length > 0) setConditions(patch, cs);
  // The reconciler goes on writing only to the XR's status (conditions), so that is all it copies.
  const merged = store.writeStatus(patch, 'patch');
  replaceContents(xr, { ...merged, ...(merged.status !== undefined ? { status: deepCopy(merged.status) } : {}) });

  const ready = d.composite?.ready === 'READY_TRUE' ? true : d.composite?.ready === 'READY_FALSE' ? false : undefined;
  return { composed, ready, events, conditions, desiredReadiness, context };
}
