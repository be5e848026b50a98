/**
 * `simulate()`: the whole life of an XR, offline. Each reconcile runs the Composition's
 * pipeline as Crossplane does (observed XR and composed resources in, desired state out),
 * applies the desired composed resources and the XR's status, and lets the simulated providers
 * report on what was applied; the next reconcile observes that. It stops when a reconcile
 * changes nothing (Ready, or stuck with what the XR waits on), when the state repeats (a
 * cycle: oscillating), or at the reconcile limit, so it never runs forever.
 *
 * Built on the engine's pipeline (function-level desired and observed state), not on what
 * `render` prints. Composed resources are keyed by composition resource name throughout.
 */
import { UserError } from '../errors';
import { PipelineError } from '../engine/errors';
import type { FunctionCatalogue } from '../engine/catalogue';
import { BUILT_IN_CATALOGUE } from '../engine/functions';
import type { ObjectValue, Value } from '../engine/go/values';
import { deepEqual, fromKubernetesJson, fromStruct, isObject, toPlain } from '../engine/go/values';
import type { FunctionObject, PipelineStep, StepCondition } from '../engine/pipeline';
import { runPipeline } from '../engine/pipeline';
import type { CompositionFunctionImpl, Readiness, State } from '../engine/protocol';
import { checkComposition, pipelineSteps } from '../engine/render';
import { applyXrdDefaults } from '../engine/xrd-defaults';
import { changedPaths } from './_diff';
import type { DataFlow } from './data-flow';
import { compositionDataFlow } from './data-flow';
import { skippedPatches } from './skipped-patches';
import type { ObservedResource } from './providers/observe';
import { BUILT_IN_PROVIDER_RULES, observeComposed } from './providers/observe';
import { condition } from './providers/managed';
import { stableHash } from './providers/gcp';
import type { ProviderRule } from './providers/provider-rule';
import type { ResourceOutcome } from './providers/resource-outcome';
import type { ChangedResource, FieldRef, Reconcile, Simulation, Verdict, Wait, XrCondition } from './timeline';

/** The reconcile limit when none is given. */
export const DEFAULT_MAX_RECONCILES = 10;

/** Options of {@link simulate}. Objects are plain Kubernetes objects (as parsed from YAML). */
export interface SimulateOptions {
  /** The composite resource (XR). */
  readonly xr: unknown;
  /** The Composition (`mode: Pipeline`). */
  readonly composition: unknown;
  /**
   * Function objects; steps are matched to them by name, as in `render`.
   * @default - the built-in functions under their usual names
   */
  readonly functions?: readonly unknown[];
  /**
   * The XRD: its schema defaults are applied to the XR first.
   * @default - no defaulting
   */
  readonly xrd?: unknown;
  /**
   * What the providers report per kind, beyond the defaults; searched before the package's own
   * rules. Each must be for a kind the Composition composes.
   * @default - the package's rules only
   */
  readonly providers?: readonly ProviderRule[];
  /**
   * Composed resources that stay unready or fail, by composition resource name.
   * @default - every resource becomes ready
   */
  readonly outcomes?: Readonly<Record<string, ResourceOutcome>>;
  /**
   * The most reconciles to run.
   * @default 10
   */
  readonly maxReconciles?: number;
  /**
   * Initial context of every reconcile, one top-level key per entry.
   * @default - empty context
   */
  readonly context?: Readonly<Record<string, unknown>>;
  /**
   * Resources served to functions' resource requirements.
   * @default - none
   */
  readonly requiredResources?: readonly unknown[];
  /**
   * Secrets used for step `credentials`.
   * @default - none
   */
  readonly functionCredentials?: readonly unknown[];
  /**
   * JavaScript implementations of functions, by Function or package name.
   * @default - only the functions of `functionCatalogue`
   */
  readonly functionImplementations?: Readonly<Record<string, CompositionFunctionImpl>>;
  /**
   * The functions the pipeline can run.
   * @default - BUILT_IN_CATALOGUE, the functions built into the engine
   */
  readonly functionCatalogue?: FunctionCatalogue;
}

const NAME_ANNOTATION = 'crossplane.io/composition-resource-name';
/** Kubernetes' alphabet for generated name suffixes (no vowels, no look-alikes). */
const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** The world between reconciles: what the next reconcile observes. */
interface World {
  readonly status: ObjectValue;
  readonly observed: ReadonlyMap<string, ObservedResource>;
  /** The desired resources as last applied, by composition resource name. */
  readonly applied: ReadonlyMap<string, ObjectValue>;
}

function asObject(v: unknown, what: string): ObjectValue {
  if (!isObject(v as Value)) throw new UserError(`${what} must be an object, got ${v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v}`);
  return v as ObjectValue;
}

function metaOf(o: ObjectValue): ObjectValue {
  if (!isObject(o.metadata)) o.metadata = {};
  return o.metadata as ObjectValue;
}

function mapOf(m: ObjectValue, key: string): ObjectValue {
  if (!isObject(m[key])) m[key] = {};
  return m[key] as ObjectValue;
}

/** A name the API server would generate, stable for the XR and resource (a simulation has no randomness). */
function generatedName(prefix: string, resourceName: string): string {
  let h = stableHash(`${prefix}/${resourceName}`);
  let suffix = '';
  for (let i = 0; i < 5; i++) {
    suffix += SUFFIX_ALPHABET[h % SUFFIX_ALPHABET.length];
    h = Math.floor(h / SUFFIX_ALPHABET.length) ^ (i * 7919);
  }
  return `${prefix}${suffix}`;
}

/**
 * What Crossplane writes on the XR before its first composition: the selected Composition's
 * name, under `spec.crossplane` for a v2 XR (namespaced, from a v2 XRD, or already carrying
 * `spec.crossplane`), under `spec` for a legacy one. P&T reads `spec.crossplane` to tell a v2
 * XR, whose connection details go to a composed Secret.
 */
function selectComposition(xr: ObjectValue, comp: ObjectValue, xrd: unknown): void {
  const spec = isObject(xr.spec) ? xr.spec : (xr.spec = {});
  const name = isObject(comp.metadata) && typeof comp.metadata.name === 'string' ? comp.metadata.name : '';
  const modern = (isObject(xrd as Value) && (xrd as ObjectValue).apiVersion === 'apiextensions.crossplane.io/v2')
    || spec.crossplane !== undefined || (isObject(xr.metadata) && typeof xr.metadata.namespace === 'string' && xr.metadata.namespace !== '');
  const into = modern ? mapOf(spec, 'crossplane') : spec;
  if (!isObject(into.compositionRef)) into.compositionRef = { name };
}

/** Crossplane's metadata on a composed resource, and the name it has or gets. */
function composedMetadata(o: ObjectValue, name: string, xr: ObjectValue, previous: ObjectValue | undefined): void {
  const m = metaOf(o);
  const xm = metaOf(xr);
  const xrName = typeof xm.name === 'string' ? xm.name : '';
  const prevName = previous && isObject(previous.metadata) ? previous.metadata.name : undefined;
  if (typeof prevName === 'string') m.name = prevName;
  else if (typeof m.name !== 'string' || m.name === '') m.name = generatedName(typeof m.generateName === 'string' && m.generateName !== '' ? m.generateName : `${xrName}-`, name);
  delete m.generateName;
  if (typeof xm.namespace === 'string' && xm.namespace !== '') m.namespace = xm.namespace;
  mapOf(m, 'annotations')[NAME_ANNOTATION] = name;
  mapOf(m, 'labels')['crossplane.io/composite'] = xrName;
}

const STATUS: Record<string, string> = { STATUS_CONDITION_TRUE: 'True', STATUS_CONDITION_FALSE: 'False' };

/** Crossplane's XR conditions: Ready from the composed resources' readiness, Synced, and the functions' own. */
function xrConditions(desired: State, functionConditions: readonly StepCondition[]): XrCondition[] {
  const unready = Object.entries(desired.resources).filter(([, r]) => r.ready !== 'READY_TRUE').map(([n]) => n).sort();
  const compositeReady = desired.composite?.ready ?? 'READY_UNSPECIFIED';
  let ready: XrCondition = { type: 'Ready', status: 'True', reason: 'Available' };
  if (compositeReady === 'READY_FALSE') ready = { type: 'Ready', status: 'False', reason: 'Creating' };
  else if (compositeReady === 'READY_UNSPECIFIED' && unready.length > 0) {
    const shown = unready.length > 3 ? `${unready.slice(0, 3).join(', ')}, and ${unready.length - 3} more` : unready.join(', ');
    ready = { type: 'Ready', status: 'False', reason: 'Creating', message: `Unready resources: ${shown}` };
  }
  const out: XrCondition[] = [ready, { type: 'Synced', status: 'True', reason: 'ReconcileSuccess' }];
  for (const c of functionConditions) {
    if (c.type === 'Ready' || c.type === 'Synced' || c.type === 'Healthy') continue;
    const cond: XrCondition = { type: c.type, status: STATUS[c.status] ?? 'Unknown', reason: c.reason ?? '', ...(c.message ? { message: c.message } : {}) };
    const i = out.findIndex((o) => o.type === c.type);
    if (i >= 0) out[i] = cond; else out.push(cond);
  }
  return out;
}

/** Whether two worlds are the same: what the next reconcile would observe is identical. */
function sameWorld(a: World, b: World): boolean {
  if (a.observed.size !== b.observed.size || !deepEqual(a.status, b.status)) return false;
  for (const [name, o] of a.observed) {
    const other = b.observed.get(name);
    if (!other || !deepEqual(o.resource, other.resource)) return false;
    if (!deepEqual(o.connectionDetails as ObjectValue, other.connectionDetails as ObjectValue)) return false;
  }
  return true;
}

/** Fields that differ between two worlds. */
function worldDiff(a: World, b: World): FieldRef[] {
  const out: FieldRef[] = changedPaths(a.status, b.status, 'status').map((path) => ({ resource: 'xr', path }));
  const names = [...new Set([...a.observed.keys(), ...b.observed.keys()])].sort();
  for (const name of names) {
    const ra = a.observed.get(name)?.resource;
    const rb = b.observed.get(name)?.resource;
    if (!ra || !rb) {
      out.push({ resource: name, path: '(exists)' });
      continue;
    }
    for (const path of changedPaths(ra, rb)) out.push({ resource: name, path });
  }
  return out;
}

function uniqueFields(refs: FieldRef[]): FieldRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = `${r.resource} ${r.path}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function conditionOf(o: ObjectValue, type: string): ObjectValue | undefined {
  const conds = isObject(o.status) && Array.isArray(o.status.conditions) ? o.status.conditions : [];
  return conds.find((c): c is ObjectValue => isObject(c) && c.type === type);
}

/** What a settled, not Ready XR waits on, from the last reconcile. */
function waitsOf(last: Reconcile, world: World): Wait[] {
  const waits: Wait[] = [];
  for (const s of last.skipped) {
    if (!s.blocksCreation) continue;
    const setters = s.setBy.map((f) => `${f.resource} ${f.path}`).join(' or ');
    waits.push({
      resource: s.resource, reason: 'required-field', field: s.field, to: s.to, setBy: s.setBy,
      message: `${s.resource} is never composed: its Required patch ${s.field} -> ${s.to} finds no value`
        + (setters ? `; ${setters} should set it, and no simulated provider reports it` : '; no patch writes that field'),
    });
  }
  for (const [name, readiness] of Object.entries(last.resourceReadiness)) {
    if (readiness === 'READY_TRUE') continue;
    const observed = world.observed.get(name)?.resource;
    const synced = observed ? conditionOf(observed, 'Synced') : undefined;
    if (synced?.status === 'False') {
      waits.push({ resource: name, reason: 'failed', message: `${name} failed: ${String(synced.message ?? synced.reason ?? '')}` });
      continue;
    }
    const ready = observed ? conditionOf(observed, 'Ready') : undefined;
    const why = !observed ? 'it does not exist' : ready ? `its Ready condition is ${String(ready.status)} (${String(ready.reason ?? '')})` : 'its readiness checks do not pass';
    waits.push({ resource: name, reason: 'unready', message: `${name} is not ready: ${why}` });
  }
  return waits;
}

/** The kinds the Composition composes: its templates' bases and whatever was desired. */
function composedKinds(flow: DataFlow, reconciles: readonly Reconcile[]): Set<string> {
  const kinds = new Set(flow.resources.filter((r) => r.kind).map((r) => `${r.apiVersion} ${r.kind}`));
  for (const r of reconciles) for (const o of r.resources) kinds.add(`${String(o.apiVersion)} ${String(o.kind)}`);
  return kinds;
}

function checkRulesAndOutcomes(options: SimulateOptions, flow: DataFlow, reconciles: readonly Reconcile[]): void {
  const kinds = composedKinds(flow, reconciles);
  const listed = [...kinds].sort().join(', ') || 'none';
  for (const rule of options.providers ?? []) {
    if (!kinds.has(`${rule.apiVersion} ${rule.kind}`)) {
      throw new UserError(`provider rule for ${rule.label}: the Composition composes no ${rule.kind} of ${rule.apiVersion}; it composes ${listed}: remove the rule or fix its kind`);
    }
  }
  const names = new Set(flow.resources.map((r) => r.name));
  for (const r of reconciles) for (const n of Object.keys(r.resourceReadiness)) names.add(n);
  for (const name of Object.keys(options.outcomes ?? {})) {
    if (!names.has(name)) {
      throw new UserError(`outcomes.${name}: the Composition composes no resource named '${name}'; it composes ${[...names].sort().join(', ') || 'none'}: use a composition resource name`);
    }
  }
}

/**
 * Simulates the life of an XR with its Composition, offline: reconcile after reconcile with
 * simulated providers, until the XR is Ready, stuck, oscillating or the limit is reached.
 * Throws {@link UserError} for bad input (the same as `render`), a provider rule for a kind
 * that is not composed, or an outcome for a resource that does not exist.
 */
export function simulate(options: SimulateOptions): Simulation {
  const max = options.maxReconciles ?? DEFAULT_MAX_RECONCILES;
  if (!Number.isInteger(max) || max < 1) throw new UserError(`maxReconciles must be a whole number of at least 1, got ${String(max)}: pass e.g. 10`);
  const xr = fromKubernetesJson(asObject(options.xr, 'xr')) as ObjectValue;
  const comp = asObject(options.composition, 'composition');
  checkComposition(xr, comp);
  if (options.xrd !== undefined) applyXrdDefaults(xr, asObject(options.xrd, 'xrd'));
  selectComposition(xr, comp, options.xrd);
  const catalogue = (options.functionCatalogue ?? BUILT_IN_CATALOGUE).with(options.functionImplementations);
  const steps: PipelineStep[] = pipelineSteps(comp, catalogue.builtInNames[0] ?? 'my-function');
  const functions = options.functions?.map((f, i) => asObject(f, `functions[${i}]`) as FunctionObject);
  const required = (options.requiredResources ?? []).map((o, i) => fromKubernetesJson(asObject(o, `requiredResources[${i}]`)) as ObjectValue);
  const credentials = (options.functionCredentials ?? []).map((o, i) => fromKubernetesJson(asObject(o, `functionCredentials[${i}]`)) as ObjectValue);
  const flow = compositionDataFlow(comp);
  const rules = [...(options.providers ?? []), ...BUILT_IN_PROVIDER_RULES];
  const outcomes = options.outcomes ?? {};
  const { status: initialStatus, ...xrBase } = xr;

  let world: World = { status: isObject(initialStatus) ? initialStatus : {}, observed: new Map(), applied: new Map() };
  const worlds = [world];
  const reconciles: Reconcile[] = [];
  const firstAppearance: Record<string, number> = {};
  let verdict: Verdict | undefined;

  for (let n = 1; n <= max && !verdict; n++) {
    const observedXr = fromStruct({ ...xrBase, status: world.status }) as ObjectValue;
    const observedState: State = { composite: { resource: observedXr }, resources: {} };
    for (const [name, o] of world.observed) {
      observedState.resources[name] = Object.keys(o.connectionDetails).length ? { resource: o.resource, connectionDetails: o.connectionDetails } : { resource: o.resource };
    }
    const context: ObjectValue = {};
    for (const [k, v] of Object.entries(options.context ?? {})) context[k] = fromStruct(v);
    let out;
    try {
      out = runPipeline({ steps, observed: observedState, functions, catalogue, context, requiredResources: required, bootstrapResources: required, credentials });
    } catch (err) {
      if (err instanceof PipelineError) {
        verdict = { kind: 'failed', reconciles: n, message: err.message };
        break;
      }
      throw err;
    }

    // Crossplane applies the desired composed resources (garbage collecting the rest) ...
    const applied = new Map<string, ObjectValue>();
    const created: string[] = [];
    const changed: ChangedResource[] = [];
    for (const name of Object.keys(out.desired.resources).sort()) {
      const o = out.desired.resources[name].resource;
      const previous = world.applied.get(name);
      composedMetadata(o, name, observedXr, world.observed.get(name)?.resource ?? previous);
      applied.set(name, o);
      if (!previous) {
        created.push(name);
        firstAppearance[name] ??= n;
      } else if (!deepEqual(previous, o)) changed.push({ resource: name, fields: changedPaths(previous, o) });
    }
    const deleted = [...world.applied.keys()].filter((name) => !applied.has(name)).sort();

    // ... and the XR's status, then the providers report on what exists.
    const conditions = xrConditions(out.desired, out.conditions);
    const desiredXr = out.desired.composite?.resource;
    const status: ObjectValue = isObject(desiredXr?.status) ? { ...desiredXr!.status } : {};
    delete status.conditions;
    const observed = new Map<string, ObservedResource>();
    for (const [name, o] of applied) {
      const seen = observeComposed(o, name, rules, outcomes[name]);
      if (seen) observed.set(name, seen);
    }
    const ready = conditions[0].status === 'True';
    const resourceReadiness: Record<string, Readiness> = {};
    for (const name of Object.keys(out.desired.resources).sort()) resourceReadiness[name] = out.desired.resources[name].ready ?? 'READY_UNSPECIFIED';
    reconciles.push(reconcileOf({
      number: n, created, changed, deleted, xrStatus: status, conditions, ready, resourceReadiness,
      skipped: skippedPatches(out.results, flow), results: out.results, applied,
    }));
    world = { status: { ...status, conditions: conditions.map((c) => condition(c.type, c.status as 'True', c.reason, c.message)) }, observed, applied };
    worlds.push(world);

    const last = reconciles[reconciles.length - 1];
    const previous = worlds[worlds.length - 2];
    if (sameWorld(previous, world)) {
      if (last.ready) {
        let from = reconciles.length;
        while (from > 1 && reconciles[from - 2].ready) from--;
        verdict = { kind: 'ready', reconciles: from };
      } else {
        verdict = { kind: 'stuck', reconciles: n - 1, waitingOn: waitsOf(last, world) };
      }
    } else {
      const seenAt = worlds.slice(0, -2).findIndex((w) => sameWorld(w, world));
      if (seenAt >= 0) {
        const fields: FieldRef[] = [];
        for (let i = seenAt; i < worlds.length - 1; i++) fields.push(...worldDiff(worlds[i], worlds[i + 1]));
        verdict = { kind: 'oscillating', reconciles: n, cycle: n - seenAt, fields: uniqueFields(fields) };
      }
    }
  }
  if (!verdict) {
    verdict = { kind: 'oscillating', reconciles: max, cycle: 0, fields: uniqueFields(worldDiff(worlds[worlds.length - 2], worlds[worlds.length - 1])) };
  }
  checkRulesAndOutcomes(options, flow, reconciles);
  return simulationOf(verdict, reconciles, xrBase, world, firstAppearance);
}

interface ReconcileInput extends Omit<Reconcile, 'resources'> {
  readonly applied: ReadonlyMap<string, ObjectValue>;
}

/** A reconcile whose resources become plain objects on first access (most callers never read them). */
function reconcileOf(input: ReconcileInput): Reconcile {
  const { applied, ...rest } = input;
  let resources: Record<string, any>[] | undefined;
  return {
    ...rest,
    get resources() {
      return (resources ??= [...applied.values()].map((o) => toPlain(o) as Record<string, any>));
    },
  };
}

function simulationOf(verdict: Verdict, reconciles: Reconcile[], xrBase: ObjectValue, world: World, firstAppearance: Record<string, number>): Simulation {
  let xrView: Record<string, any> | undefined;
  let resourcesView: Record<string, any>[] | undefined;
  const last = reconciles[reconciles.length - 1];
  return {
    verdict,
    reconciles,
    firstAppearance,
    ready: last?.resourceReadiness ?? {},
    get xr() {
      return (xrView ??= toPlain({ ...xrBase, status: world.status }) as Record<string, any>);
    },
    get resources() {
      return (resourcesView ??= [...world.observed.keys()].sort().map((k) => toPlain(world.observed.get(k)!.resource) as Record<string, any>));
    },
  };
}

