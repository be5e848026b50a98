/**
 * The composition function pipeline, run in-process as `crossplane render` runs it
 * (reference §2.4, §4.4 A): steps in order, desired state and context passed from step to
 * step, required resources served from the supplied pool, fatal results stop everything.
 *
 * Functions are matched to steps by the Function object's `metadata.name`; the implementation
 * comes from the {@link FunctionCatalogue} the caller passes: found by the Function's package
 * among the built-in functions, or among the caller's JavaScript implementations.
 */
import { UserError } from '../errors';
import { PipelineError } from './errors';
import type { CatalogueEntry, FunctionCatalogue } from './catalogue';
import { packageBaseName } from './catalogue';
import { ContentMemo } from './content-memo';
import { goQuote } from './go/strconv';
import type { ObjectValue, Value } from './go/values';
import { deepCopy, deepEqual, fromStruct, isObject, plainFields } from './go/values';
import { structSize } from './go/protobuf-size';
import type { KnownSizes, MessageFraming } from './message-size';
import { MessageTooLarge, messageTooLargeDetail, oversize, requestSize, responseSize, stateSize, stateUpperToStruct } from './message-size';
import type {
  FunctionCondition, FunctionRequest, FunctionResponse, Requirements, ResourceSelector, Severity, State,
} from './protocol';

/** A non-fatal result, with the step that returned it. */
export interface StepResult {
  /** The pipeline step. */
  readonly step: string;
  /** Its severity. */
  readonly severity: Severity;
  /** Its message. */
  readonly message: string;
}

/** A condition a step returned, with the step's name. */
export interface StepCondition extends FunctionCondition {
  /** The pipeline step. */
  readonly step: string;
}

/** A Function object (`pkg.crossplane.io` `Function`), as far as the pipeline reads it. */
export interface FunctionObject {
  /**
   * `metadata.name`, matched against the steps' `functionRef.name`.
   * @default - unnamed (matches no step)
   */
  readonly metadata?: { readonly name?: string };
  /**
   * `spec.package`: its repository picks the built-in implementation.
   * @default - no package (only the caller's implementations can serve it)
   */
  readonly spec?: { readonly package?: string };
}

/** A step of `spec.pipeline`. */
export interface PipelineStep {
  /** The step name. */
  readonly step: string;
  /** The Function the step runs. */
  readonly functionRef: { readonly name: string };
  /**
   * The function input.
   * @default - none
   */
  readonly input?: ObjectValue;
  /**
   * Credentials from Secrets.
   * @default - none
   */
  readonly credentials?: readonly { name?: string; source?: string; secretRef?: { name?: string; namespace?: string } }[];
  /**
   * Resources the step needs before it first runs (bootstrap requirements).
   * @default - none
   */
  readonly requirements?: { readonly requiredResources?: readonly (ResourceSelector & { requirementName?: string; name?: string })[] };
}

/** Everything the pipeline needs. */
export interface PipelineInput {
  /** The steps, in order. */
  readonly steps: readonly PipelineStep[];
  /** The observed XR and composed resources (already as Struct values). */
  readonly observed: State;
  /**
   * Function objects.
   * @default - the stock functions under their usual names
   */
  readonly functions?: readonly FunctionObject[];
  /** The implementations steps may run: built-in functions and the caller's own. */
  readonly catalogue: FunctionCatalogue;
  /** Initial context. */
  readonly context: ObjectValue;
  /** Pool served to resource requirements (required + extra resources). */
  readonly requiredResources: readonly ObjectValue[];
  /** Pool served to bootstrap requirements of a step (required resources only). */
  readonly bootstrapResources: readonly ObjectValue[];
  /** Secrets for step credentials. */
  readonly credentials: readonly ObjectValue[];
}

/** What the pipeline produced. */
export interface PipelineOutput {
  /** Desired state after the last step. */
  readonly desired: State;
  /** Context after the last step. */
  readonly context: ObjectValue;
  /** Non-fatal results of every step. */
  readonly results: StepResult[];
  /** Conditions returned by every step. */
  readonly conditions: StepCondition[];
}

/**
 * Crossplane's limit on extra calls of one step for its requirements
 * (`MaxRequirementsIterations` in crossplane/crossplane internal/xfn/required_resources.go,
 * commit 2d040d2daf4e; the same constant in cmd/crank/render at v2.2.0): the first call plus at
 * most five more.
 */
export const MAX_REQUIREMENTS_ITERATIONS = 5;

/** What a step's Function resolves to: an implementation, or why there is none. */
export type ImplementationLookup =
  | { readonly entry: CatalogueEntry }
  /** The Function objects do not list the step's Function. */
  | { readonly unknownFunction: string }
  /** The Function is listed but nothing implements it offline (the message says how to add one). */
  | { readonly unimplemented: string };

/** Finds the implementation of `step`'s Function among `functions` and the catalogue. */
export function lookupImplementation(step: PipelineStep, functions: readonly FunctionObject[] | undefined, catalogue: FunctionCatalogue): ImplementationLookup {
  const name = step.functionRef?.name ?? '';
  let pkg = '';
  if (functions) {
    const fn = functions.find((f) => f.metadata?.name === name);
    if (!fn) return { unknownFunction: name };
    pkg = fn.spec?.package ?? '';
  }
  const found = catalogue.find(name, pkg, functions !== undefined);
  if (found) return { entry: found };
  const base = pkg ? packageBaseName(pkg) : '';
  const what = pkg ? `Function ${goQuote(name)} (package ${pkg})` : `Function ${goQuote(name)}`;
  return {
    unimplemented: `${what} has no offline implementation; built in are ${listed(catalogue.builtInNames)}. `
      + `Add one with render({ functionImplementations: { ${goQuote(base || name)}: fn } }) `
      + `or the CLI flag --function-implementations=<module exporting { ${goQuote(base || name)}: fn }>`,
  };
}

function resolveImpl(step: PipelineStep, input: PipelineInput): CatalogueEntry {
  const found = lookupImplementation(step, input.functions, input.catalogue);
  if ('entry' in found) return found.entry;
  const detail = 'unknownFunction' in found ? `unknown Function ${goQuote(found.unknownFunction)} - does it exist in your Functions file?` : found.unimplemented;
  throw new PipelineError(`cannot run pipeline step ${goQuote(step.step)}: ${detail}`, step.step);
}

/** `a`, `a and b`, `a, b and c`. */
function listed(names: readonly string[]): string {
  if (names.length === 0) return 'none';
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function labelsOf(o: ObjectValue): Record<string, Value> {
  const m = o.metadata;
  const l = isObject(m) ? m.labels : undefined;
  return isObject(l) ? l : {};
}

function metaName(o: ObjectValue): string {
  const m = o.metadata;
  return isObject(m) && typeof m.name === 'string' ? m.name : '';
}

/**
 * Resources of `pool` matching a selector, as render's filtering fetcher serves them. With
 * `anyVersion` the apiVersion is not compared (only to explain a requirement that found nothing).
 */
export function selectResources(pool: readonly ObjectValue[], sel: ResourceSelector, anyVersion = false): ObjectValue[] {
  const sorted = [...pool].sort((a, b) => (metaName(a) < metaName(b) ? -1 : metaName(a) > metaName(b) ? 1 : 0));
  const out: ObjectValue[] = [];
  for (const r of sorted) {
    if ((!anyVersion && r.apiVersion !== sel.apiVersion) || r.kind !== sel.kind) continue;
    if ((sel.matchName ?? '') === metaName(r)) return [fromStruct(r) as ObjectValue];
    if (sel.matchLabels) {
      const labels = labelsOf(r);
      if (Object.entries(sel.matchLabels).every(([k, v]) => labels[k] === v)) out.push(fromStruct(r) as ObjectValue);
    }
  }
  return out;
}

function credentialsFor(step: PipelineStep, secrets: readonly ObjectValue[]): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const c of step.credentials ?? []) {
    if (c.source !== 'Secret' || !c.secretRef) continue;
    const name = c.secretRef.name ?? '';
    const ns = c.secretRef.namespace ?? '';
    const s = secrets.find((x) => {
      const m = x.metadata;
      return isObject(m) && (m.name ?? '') === name && (m.namespace ?? '') === ns;
    });
    if (!s) throw new PipelineError(`cannot get credentials from secret ${goQuote(name)}: secret ${goQuote(name)} not found`, step.step);
    const data: Record<string, string> = {};
    if (isObject(s.data)) for (const [k, v] of Object.entries(s.data)) data[k] = Buffer.from(String(v ?? ''), 'base64').toString('utf8');
    out[c.name ?? ''] = data;
  }
  return out;
}

/** Whether a value holds an int64 (bigint) anywhere, i.e. differs from its Struct form. */
function hasInt64(v: unknown): boolean {
  if (typeof v === 'bigint') return true;
  if (typeof v !== 'object' || v === null) return false;
  if (Array.isArray(v)) {
    for (const e of v) if (hasInt64(e)) return true;
    return false;
  }
  for (const k in v as Record<string, unknown>) if (hasInt64((v as Record<string, unknown>)[k])) return true;
  return false;
}

/**
 * Step inputs as built-in functions receive them, by the Composition's input object: the same
 * object for every render while the input is unchanged, so that a function can remember what
 * it derived from it (see ContentMemo).
 */
const STRUCT_INPUTS = new ContentMemo<ObjectValue>();

/**
 * The step input as a function receives it (a Struct: numbers are float64). The built-in
 * functions never modify their input, so they get the Composition's own object when it is
 * already in that form (else one converted copy per input); user functions always get a copy.
 */
export function stepInput(v: ObjectValue, owned: boolean): ObjectValue {
  if (owned) return STRUCT_INPUTS.get(v, () => (hasInt64(v) ? fromStruct(v) as ObjectValue : v));
  return fromStruct(v) as ObjectValue;
}

/** Turns int64 (bigint) values into float64 in place, as a protobuf Struct would. */
export function toStructInPlace(v: Value): Value {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const e = v[i];
      if (typeof e === 'bigint' || (typeof e === 'object' && e !== null)) v[i] = toStructInPlace(e);
    }
    return v;
  }
  // for-in: the keys without an array per object (these are the engine's own plain objects).
  for (const k in v) {
    const e = v[k];
    if (typeof e === 'bigint' || (typeof e === 'object' && e !== null)) v[k] = toStructInPlace(e);
  }
  return v;
}

/**
 * A state as it crosses a step boundary: through a protobuf Struct (every number float64).
 * Built-in functions return objects they own, which {@link callStep} already converted in place
 * when it measured the response; anything a user function returns is copied, so later steps
 * cannot alias the user's objects.
 */
export function asState(s: State | undefined, owned: boolean): State {
  if (!s) return { resources: {} };
  const resources: State['resources'] = {};
  const from = plainFields(s.resources ?? {});
  for (const k in from) {
    const r = from[k];
    resources[k] = owned ? { ...r } : { ...r, resource: fromStruct(r.resource) as ObjectValue };
  }
  const out: State = { resources };
  const c = s.composite;
  if (c) out.composite = owned ? { ...c } : { ...c, resource: fromStruct(c.resource) as ObjectValue };
  // The same objects, the same size.
  const bound = owned ? upperBounds.get(s) : undefined;
  if (bound !== undefined) upperBounds.set(out, bound);
  return out;
}

export function copyState(s: State): State {
  const resources: State['resources'] = {};
  for (const k of Object.keys(s.resources)) {
    const r = s.resources[k];
    resources[k] = { ...r, resource: deepCopy(r.resource) };
  }
  const out: State = { resources };
  if (s.composite) out.composite = { ...s.composite, resource: deepCopy(s.composite.resource) };
  return out;
}

/**
 * The error of a step that could not run, worded by the caller: the classic output says
 * `cannot run pipeline step "x": ...`, the reconcile output Crossplane's composer's
 * `cannot run Composition pipeline step "x": ...`.
 */
export type StepErrorFactory = (step: PipelineStep, detail: string) => Error;

const classicStepError: StepErrorFactory = (step, detail) => new PipelineError(`cannot run pipeline step ${goQuote(step.step)}: ${detail}`, step.step);

/**
 * Upper bounds (strings at three bytes a character) of the states and inputs steps exchange, so
 * that each is walked once. Crossplane builds each request from its own copies, so what a
 * function later does to the objects it was handed does not change what was sent:
 * - the observed state of a render, shared by its built-in steps, is counted at its first step;
 * - a desired state is counted when a response carries it, and {@link asState} passes the count
 *   on to the state the next step receives;
 * - a step's input, the Composition's own object for built-in functions, is counted again only
 *   after its content changed (see ContentMemo: a caller may edit a Composition between renders).
 */
const upperBounds = new WeakMap<object, number>();
const INPUT_UPPER_BOUNDS = new ContentMemo<number>();

function upperBound(o: object, measure: () => number): number {
  let n = upperBounds.get(o);
  if (n === undefined) {
    n = measure();
    upperBounds.set(o, n);
  }
  return n;
}

/**
 * Calls a step as Crossplane's gRPC call does: a request over gRPC's receive limit is refused by
 * the function's server before the function runs, a response over it by Crossplane's client
 * (see `message-size.ts`).
 */
function callStep(fn: CatalogueEntry, req: FunctionRequest, step: PipelineStep, stepError: StepErrorFactory, framing: MessageFraming): FunctionResponse {
  const reqInput = req.input;
  const known: KnownSizes = {
    observed: upperBound(req.observed, () => stateSize(req.observed, 'upper')),
    desired: upperBound(req.desired, () => stateSize(req.desired, 'upper')),
    input: reqInput !== undefined && reqInput === step.input ? INPUT_UPPER_BOUNDS.get(reqInput, () => structSize(reqInput, 'upper')) : undefined,
  };
  const tooLargeRequest = oversize((count) => requestSize(req, framing, count, count === 'upper' ? known : {}));
  if (tooLargeRequest !== undefined) throw stepError(step, messageTooLargeDetail(tooLargeRequest));
  let rsp: FunctionResponse;
  try {
    rsp = fn.run(req);
  } catch (err) {
    if (err instanceof UserError) throw err;
    if (err instanceof MessageTooLarge) throw stepError(step, err.message);
    const msg = err instanceof Error ? err.message : String(err);
    throw stepError(step, `the function implementation threw: ${msg}`);
  }
  if (!rsp || typeof rsp !== 'object' || typeof (rsp as { then?: unknown }).then === 'function') {
    throw stepError(step, 'the function implementation must return a FunctionResponse synchronously');
  }
  const desired = rsp.desired ?? { resources: {} };
  // A built-in function's state is turned into Struct form (int64 to float64) as it is measured.
  const desiredUpper = fn.builtIn ? stateUpperToStruct(desired) : stateSize(desired, 'upper');
  if (rsp.desired) upperBounds.set(rsp.desired, desiredUpper);
  const tooLargeResponse = oversize((count) => responseSize(rsp, framing, count, count === 'upper' ? { desired: desiredUpper } : {}));
  if (tooLargeResponse !== undefined) throw stepError(step, messageTooLargeDetail(tooLargeResponse));
  return rsp;
}

/** Requirements as protobuf compares them: absent (nil) apart from empty, empty maps as absent maps. */
function normalizedRequirements(r: Requirements | undefined | null): Value | undefined {
  if (r === undefined || r === null) return undefined;
  const selectors = (m: Record<string, ResourceSelector> | undefined): Value => {
    const out: Record<string, Value> = {};
    for (const k of Object.keys(m ?? {}).sort()) {
      const sel = m![k];
      const o: Record<string, Value> = { apiVersion: sel?.apiVersion ?? '', kind: sel?.kind ?? '' };
      if (sel?.matchName !== undefined) o.matchName = sel.matchName;
      if (sel?.matchLabels !== undefined) o.matchLabels = { ...sel.matchLabels };
      if (sel?.namespace !== undefined && sel.namespace !== '') o.namespace = sel.namespace;
      out[k] = o;
    }
    return out;
  };
  return { resources: selectors(r.resources), extraResources: selectors(r.extraResources) };
}

function sameResources(a: Readonly<Record<string, ObjectValue[]>> | undefined, b: Readonly<Record<string, ObjectValue[]>>): boolean {
  const ak = Object.keys(a ?? {});
  if (ak.length !== Object.keys(b).length) return false;
  return ak.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a![k] as Value, b[k] as Value));
}

/**
 * How a step's requirements are served: the resources a selector selects, as Struct values
 * (matchName: the one object of that name; matchLabels: every object with those labels). With
 * `anyVersion`, the objects of the selector's kind at any apiVersion (only for
 * {@link otherVersionOf}'s hint). `render` serves the required resources it was given; the
 * reconcile output serves them from its in-memory API server.
 */
export type RequirementSelector = (sel: ResourceSelector, anyVersion: boolean) => ObjectValue[];

/** A {@link RequirementSelector} over a list of objects. */
export function poolSelector(pool: readonly ObjectValue[]): RequirementSelector {
  return (sel, anyVersion) => selectResources(pool, sel, anyVersion);
}

/**
 * Why a requirement that selected nothing might have been meant to select something: a resource
 * of the same kind and name (or labels) that was given at another apiVersion. `crossplane render`
 * matches apiVersion exactly, while a cluster serves an object at every version of its CRD (an
 * EnvironmentConfig written as v1alpha1 is read as v1beta1), so this is a likely input mistake.
 */
function otherVersionOf(select: RequirementSelector, requirement: string, sel: ResourceSelector): string | undefined {
  const near = select(sel, true).filter((r) => r.apiVersion !== sel.apiVersion);
  if (near.length === 0) return undefined;
  const what = sel.matchName !== undefined ? `${sel.kind} ${goQuote(sel.matchName)}` : `${sel.kind}s with labels ${JSON.stringify(sel.matchLabels ?? {})}`;
  const given = [...new Set(near.map((r) => String(r.apiVersion)))].join(', ');
  return `requirement ${goQuote(requirement)} asks for ${what} at ${sel.apiVersion}, the required resources hold ${near.length === 1 ? 'it' : 'them'} at ${given}`;
}

/**
 * The message of a step's fatal result, with a hint when a requirement selected nothing because
 * its resources were given at another apiVersion ({@link runWithRequirements}' `misses`).
 */
export function fatalResultMessage(step: string, message: string, misses: readonly string[]): string {
  const hint = misses.length > 0
    ? ` (note: ${misses.join('; ')}. Render matches apiVersion exactly, while a cluster serves an object at every version of its CRD: `
      + 'write those resources with the apiVersion the requirement asks for)'
    : '';
  return `pipeline step ${goQuote(step)} returned a fatal result: ${message}${hint}`;
}

/**
 * Calls a step until its requirements stabilize, serving each call the resources its previous
 * response asked for, as Crossplane's `FetchingFunctionRunner.RunFunction` does
 * (crossplane/crossplane internal/xfn/required_resources.go at 2d040d2daf4e):
 * - a fatal result ends the step at once;
 * - requirements equal to the previous call's (none at all on the first call) end it;
 * - each call gets the bootstrap resources plus what the last requirements select, and the
 *   context the last call returned;
 * - when the first call already had everything its requirements select, it is final;
 * - after the first call and {@link MAX_REQUIREMENTS_ITERATIONS} more, unstable requirements
 *   fail the step.
 * `select` serves the requirements (both `resources` and the deprecated `extraResources`);
 * `misses` are hints for {@link fatalResultMessage}; `framing` is how Crossplane frames the
 * messages, for gRPC's size limit. Both outputs of render run steps through it.
 */
export function runWithRequirements(
  fn: CatalogueEntry, first: FunctionRequest, step: PipelineStep, select: RequirementSelector,
  stepError: StepErrorFactory = classicStepError, framing: MessageFraming = {},
): { rsp: FunctionResponse; misses: string[] } {
  const misses: string[] = [];
  const bootstrap = first.requiredResources;
  let previous: Value | undefined;
  let req = first;
  for (let i = 0; i <= MAX_REQUIREMENTS_ITERATIONS; i++) {
    const rsp = callStep(fn, req, step, stepError, framing);
    if ((rsp.results ?? []).some((r) => r.severity === 'SEVERITY_FATAL')) return { rsp, misses };
    const reqs = normalizedRequirements(rsp.requirements);
    if (reqs === previous || (reqs !== undefined && previous !== undefined && deepEqual(reqs, previous))) return { rsp, misses };
    const resources: Record<string, ObjectValue[]> = { ...bootstrap };
    const extra: Record<string, ObjectValue[]> = {};
    const serve = (into: Record<string, ObjectValue[]>, name: string, sel: ResourceSelector) => {
      into[name] = select(sel, false);
      if (into[name].length === 0) {
        const miss = otherVersionOf(select, name, sel);
        if (miss && !misses.includes(miss)) misses.push(miss);
      }
    };
    for (const [name, sel] of Object.entries(rsp.requirements?.extraResources ?? {})) serve(extra, name, sel);
    for (const [name, sel] of Object.entries(rsp.requirements?.resources ?? {})) serve(resources, name, sel);
    if (i === 0 && sameResources(req.requiredResources, resources) && sameResources(req.extraResources, extra)) return { rsp, misses };
    previous = reqs;
    req = { ...req, requiredResources: resources, extraResources: extra, context: rsp.context ?? {} };
  }
  throw stepError(step, `requirements didn't stabilize after the maximum number of iterations (${MAX_REQUIREMENTS_ITERATIONS})`);
}

/** Runs every step. Throws {@link PipelineError} on a fatal result or a missing Function. */
export function runPipeline(input: PipelineInput): PipelineOutput {
  let desired: State = { resources: {} };
  let context: ObjectValue = input.context;
  const results: StepResult[] = [];
  const conditions: StepCondition[] = [];
  for (const step of input.steps) {
    const fn = resolveImpl(step, input);
    const owned = fn.builtIn;
    const requiredResources: Record<string, ObjectValue[]> = {};
    for (const sel of step.requirements?.requiredResources ?? []) {
      const selector: ResourceSelector = { ...sel, matchName: sel.matchName ?? sel.name };
      requiredResources[sel.requirementName ?? ''] = selectResources(input.bootstrapResources, selector);
    }
    const req: FunctionRequest = {
      // The observed state may hold the caller's own objects (render copies only what is not
      // in Struct form); built-in functions only read it, any other function gets a copy (in
      // Crossplane, each function gets its own request).
      observed: owned ? input.observed : copyState(input.observed),
      desired,
      input: step.input === undefined ? undefined : stepInput(step.input, owned),
      context,
      credentials: credentialsFor(step, input.credentials),
      requiredResources,
    };
    const { rsp, misses } = runWithRequirements(fn, req, step, poolSelector(input.requiredResources));
    desired = asState(rsp.desired, owned);
    context = (owned ? toStructInPlace(rsp.context ?? {}) : fromStruct(rsp.context ?? {})) as ObjectValue;
    for (const c of rsp.conditions ?? []) conditions.push({ ...c, step: step.step });
    for (const r of rsp.results ?? []) {
      if (r.severity === 'SEVERITY_FATAL') throw new PipelineError(fatalResultMessage(step.step, r.message ?? '', misses), step.step);
      results.push({ step: step.step, severity: r.severity ?? 'SEVERITY_UNSPECIFIED', message: r.message ?? '' });
    }
  }
  return { desired, context, results, conditions };
}
