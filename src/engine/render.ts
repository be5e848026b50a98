/**
 * `render()`: the offline equivalent of `crossplane composition render`. By default it runs one
 * XR reconcile as the current Crossplane CLI does (crossplane/cli >= v2.3, reference §4.4 B);
 * with `output: 'classic'` it prints what the classic `crossplane render` of Crossplane v2.2 and
 * earlier printed (reference §4.4 A). The function pipeline runs in-process. Synchronous.
 */
import { documentLimitProblem, isStackOverflow, MAX_NESTING_DEPTH, tooDeepMessage } from '../yaml/limits';
import type { FunctionCatalogue } from './catalogue';
import { PipelineError, RenderError } from './errors';
import { duringRender } from './content-memo';
import { BUILT_IN_CATALOGUE } from './functions';
import { objectMetaProblem } from './load';
import { stringAt as str } from './go/decoded';
import { goQuote } from './go/strconv';
import type { ObjectValue, Value } from './go/values';
import { fromKubernetesJson, fromStruct, isObject, toPlain } from './go/values';
import { structFormFieldsUpper } from './go/protobuf-size';
import { rememberStructUpper } from './message-size';
import type { RenderDocuments } from './output';
import { reconcileDocuments, renderDocuments, toYamlStream } from './output';
import type { ReconcileOutput } from './reconcile/reconciler';
import { compositionOf, reconcile, ReconcileInputError, selectSchema } from './reconcile/reconciler';
import type { FunctionObject, PipelineOutput, PipelineStep } from './pipeline';
import { runPipeline } from './pipeline';
import type { CompositionFunctionImpl, Readiness, State } from './protocol';
import { applyXrdDefaults } from './xrd-defaults';
import type { RenderResult, RenderResultDocument } from './render-result';

export type { RenderResult, RenderResultDocument } from './render-result';

/**
 * Which `crossplane render` the output matches:
 * - `'reconcile'`: `crossplane composition render` of the Crossplane CLI v2.3 and later
 *   (crossplane/cli), which runs one real XR reconcile: deterministic XR UID and composed
 *   names, `resourceRefs`, garbage collection, `Responsive`/`Synced`/`Ready` conditions,
 *   reconcile events as results;
 * - `'classic'`: `crossplane render` of Crossplane v1.x up to v2.2 (in-tree `crank`), which
 *   prints the pipeline's desired state with `generateName` and a lone `Ready` condition.
 */
export type RenderOutput = 'reconcile' | 'classic';

/** Options of {@link render}. Objects are plain Kubernetes objects (as parsed from YAML). */
export interface RenderOptions {
  /**
   * Which `crossplane render` to match.
   * @default 'reconcile'
   */
  readonly output?: RenderOutput;
  /** The composite resource (XR) to render. */
  readonly xr: unknown;
  /** The Composition (`apiextensions.crossplane.io/v1`, `mode: Pipeline`). */
  readonly composition: unknown;
  /**
   * Function objects (`pkg.crossplane.io` `Function`); steps are matched to them by
   * `metadata.name`, as `crossplane render` does.
   * @default - the built-in functions under their usual names
   */
  readonly functions?: readonly unknown[];
  /**
   * Observed composed resources, keyed by their `crossplane.io/composition-resource-name`
   * annotation.
   * @default - none: the XR is being created
   */
  readonly observed?: readonly unknown[];
  /**
   * Resources served to functions' resource requirements (`crossplane render -e`), e.g. the
   * EnvironmentConfigs function-environment-configs selects. A requirement gets those of its
   * exact apiVersion and kind with its name, or with all its labels, sorted by name.
   * @default - none
   */
  readonly requiredResources?: readonly unknown[];
  /**
   * Deprecated name of `requiredResources` (both pools are served).
   * @default - none
   */
  readonly extraResources?: readonly unknown[];
  /**
   * Connection details of observed composed resources, by composition resource name (the
   * provider's connection Secret of a managed resource, e.g. a cluster's `kubeconfig`), as plain
   * text. An extension: `crossplane render` has no way to supply them, so there details read from
   * a composed resource's connection Secret (`FromConnectionSecretKey`) are always empty.
   * @default - none
   */
  readonly observedConnectionDetails?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /**
   * Initial context, one top-level key per entry.
   * @default - empty context
   */
  readonly context?: Readonly<Record<string, unknown>>;
  /**
   * Secrets used for step `credentials`.
   * @default - none
   */
  readonly functionCredentials?: readonly unknown[];
  /**
   * The XRD: its schema defaults are applied to the input XR first. In reconcile output it also
   * picks the XR's field paths: a LegacyCluster XRD (a `v1` XRD without `scope`) selects the
   * legacy ones (`spec.resourceRefs`), anything else the modern ones (`spec.crossplane.*`). A
   * `v2` XRD without `scope` is Namespaced, as the API server defaults it.
   * @default - no defaulting; modern field paths
   */
  readonly xrd?: unknown;
  /**
   * `-x`. Reconcile output: the rendered XR merged over the input XR (rendered values win).
   * Classic output: the input XR's `spec` and `metadata` replace the rendered ones.
   * @default false
   */
  readonly includeFullXr?: boolean;
  /**
   * Print `Result` documents (`-r`): every reconcile event (reconcile output), or the
   * functions' non-fatal results (classic output).
   * @default false
   */
  readonly includeFunctionResults?: boolean;
  /**
   * Print the final context as a `Context` document (`-c`).
   * @default false
   */
  readonly includeContext?: boolean;
  /**
   * JavaScript implementations of functions for this render, by Function name or package name
   * (`{ 'function-go-templating': fn }`). They win over the catalogue's functions of the same
   * name and are seen by this call only.
   * @default - only the functions of `functionCatalogue`
   */
  readonly functionImplementations?: Readonly<Record<string, CompositionFunctionImpl>>;
  /**
   * The functions the pipeline can run, e.g. `FunctionCatalogue.of([...BUILT_IN_FUNCTIONS])`
   * built once and shared by many renders; `functionImplementations` are added to it for
   * this call.
   * @default - BUILT_IN_CATALOGUE, the functions built into the engine
   */
  readonly functionCatalogue?: FunctionCatalogue;
}


function asObject(v: unknown, what: string): ObjectValue {
  if (!isObject(v as Value)) throw new RenderError(`${what} must be an object, got ${v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v}`);
  return v as ObjectValue;
}

/** The checks `crossplane render` makes on the Composition before running it. */
export function checkComposition(xr: ObjectValue, comp: ObjectValue): void {
  if (comp.apiVersion !== 'apiextensions.crossplane.io/v1' || comp.kind !== 'Composition') {
    throw new RenderError(`not a composition: ${str(comp, 'apiVersion')}, Kind=${str(comp, 'kind')}`);
  }
  const kind = str(comp, 'spec', 'compositeTypeRef', 'kind');
  if (kind !== str(xr, 'kind')) {
    throw new RenderError(`composition's compositeTypeRef.kind (${kind}) does not match XR's kind (${str(xr, 'kind')})`);
  }
  const apiVersion = str(comp, 'spec', 'compositeTypeRef', 'apiVersion');
  if (apiVersion !== str(xr, 'apiVersion')) {
    throw new RenderError(`composition's compositeTypeRef.apiVersion (${apiVersion}) does not match XR's apiVersion (${str(xr, 'apiVersion')})`);
  }
  const spec = isObject(xr.spec) ? xr.spec : {};
  const cp = isObject(spec.crossplane) ? spec.crossplane : {};
  const selector = isObject(cp.compositionSelector) ? cp.compositionSelector : undefined;
  const matchLabels = selector && isObject(selector.matchLabels) ? selector.matchLabels : {};
  const metadata = isObject(comp.metadata) ? comp.metadata : {};
  const labels = isObject(metadata.labels) ? metadata.labels : {};
  const name = str(comp, 'metadata', 'name');
  for (const [key, want] of Object.entries(matchLabels)) {
    if (!Object.prototype.hasOwnProperty.call(labels, key)) throw new RenderError(`composition ${goQuote(name)} is missing required label ${goQuote(key)}`);
    if (labels[key] !== want) {
      throw new RenderError(`composition ${goQuote(name)} has incorrect value for label ${goQuote(key)}: want ${goQuote(String(want))}, got ${goQuote(String(labels[key]))}`);
    }
  }
  if (str(comp, 'spec', 'mode') !== 'Pipeline') {
    throw new RenderError(`render only supports Composition Function pipelines: Composition ${goQuote(name)} must use spec.mode: Pipeline`);
  }
}

function shapeError(field: string, constraint: string, got: unknown, fix: string): RenderError {
  // The Composition as given may hold bigints (YAML read with int64s), which JSON.stringify refuses.
  const shown = got === undefined ? '' : typeof got === 'string' ? got : JSON.stringify(toPlain(got as Value), (_k, v) => (typeof v === 'bigint' ? Number(v) : v));
  return new RenderError(`${field} ${constraint}, got '${shown}': ${fix}`, 'input', field);
}

/**
 * The pipeline steps, checked for the shape the Composition CRD requires. `example` is the
 * Function name a fix suggests.
 */
export function pipelineSteps(comp: ObjectValue, example: string): PipelineStep[] {
  const spec = isObject(comp.spec) ? comp.spec : {};
  const pipeline = spec.pipeline;
  if (pipeline === undefined || pipeline === null) return [];
  if (!Array.isArray(pipeline)) throw shapeError('spec.pipeline', 'must be a list of steps', pipeline, 'write each step as `- step: <name>` with a functionRef');
  const names = new Set<string>();
  return pipeline.map((s, i) => {
    const at = `spec.pipeline[${i}]`;
    if (!isObject(s)) throw shapeError(at, 'must be an object', s, 'write the step as `step`, `functionRef.name` and optional `input`');
    if (typeof s.step !== 'string' || s.step === '') throw shapeError(`${at}.step`, 'must be a non-empty string', s.step, 'give every step a unique name');
    if (names.has(s.step)) throw shapeError(`${at}.step`, 'must be unique in the pipeline', s.step, 'rename one of the steps');
    names.add(s.step);
    const ref = s.functionRef;
    if (!isObject(ref) || typeof ref.name !== 'string' || ref.name === '') {
      throw shapeError(`${at}.functionRef.name`, 'must name a Function', isObject(ref) ? ref.name : ref, `set functionRef.name, e.g. ${example}`);
    }
    if (s.input !== undefined && s.input !== null && !isObject(s.input)) throw shapeError(`${at}.input`, 'must be an object', s.input, 'write the function input as a YAML mapping');
    return s as unknown as PipelineStep;
  });
}

function observedState(xr: ObjectValue, observed: readonly ObjectValue[], details: RenderOptions['observedConnectionDetails'] = {}): State {
  const resources: State['resources'] = {};
  for (const o of observed) {
    const name = str(o, 'metadata', 'annotations', 'crossplane.io/composition-resource-name');
    resources[name] = details[name] ? { resource: o, connectionDetails: { ...details[name] } } : { resource: o };
  }
  for (const name of Object.keys(details)) {
    if (!resources[name]) {
      throw new RenderError(`observedConnectionDetails.${name} names no observed resource: give the resource annotated crossplane.io/composition-resource-name: ${name} in observed, or remove the entry`);
    }
  }
  return { composite: { resource: fromStruct(xr) as ObjectValue }, resources };
}

function objects(list: readonly unknown[] | undefined, what: string): ObjectValue[] {
  return (list ?? []).map((o, i) => fromKubernetesJson(asObject(o, `${what}[${i}]`)) as ObjectValue);
}

/**
 * Inputs already found within the limits: a Composition, XRD or observed resource rendered
 * again (a test suite, a simulation) is not walked again.
 */
const withinLimits = new WeakSet<object>();

/**
 * Renders an XR with its Composition, offline. Throws {@link RenderError} (a UserError) for
 * bad input or a failed pipeline. In reconcile output a fatal result throws a RenderError whose
 * `fatal` is true and whose `partial` holds what the reconcile wrote before it; in classic
 * output there is never a partial result.
 */
export function render(options: RenderOptions): RenderResult {
  // The engine walks documents recursively: anything nested deeper than the offline tools
  // follow is refused before the first walk, naming the input and the field.
  const inputs: [string, unknown][] = [['xr', options.xr], ['composition', options.composition], ['xrd', options.xrd], ['context', options.context],
    ...(options.observed ?? []).map((o, i): [string, unknown] => [`observed[${i}]`, o]),
    ...(options.extraResources ?? []).map((o, i): [string, unknown] => [`extraResources[${i}]`, o]),
    ...(options.requiredResources ?? []).map((o, i): [string, unknown] => [`requiredResources[${i}]`, o])];
  for (const [what, value] of inputs) {
    if (value === null || typeof value !== 'object' || withinLimits.has(value)) continue;
    const limit = documentLimitProblem(value);
    if (limit) throw new RenderError(`${what}${limit.path === '' ? '' : `.${limit.path}`} ${limit.message}`);
    withinLimits.add(value);
  }
  try {
    return duringRender(() => renderUnguarded(options));
  } catch (err) {
    // Deep values a function builds itself, on a smaller stack than usual: still not a crash.
    if (!isStackOverflow(err)) throw err;
    throw new RenderError(`the render ran out of stack: an input or a function's output ${tooDeepMessage(MAX_NESTING_DEPTH)}`);
  }
}

function renderUnguarded(options: RenderOptions): RenderResult {
  const xr = fromKubernetesJson(asObject(options.xr, 'xr')) as ObjectValue;
  const meta = objectMetaProblem(xr);
  if (meta) throw new RenderError(`xr ${meta}`);
  const comp = asObject(options.composition, 'composition');
  checkComposition(xr, comp);
  const xrd = options.xrd === undefined ? undefined : asObject(options.xrd, 'xrd');
  if (xrd) applyXrdDefaults(xr, xrd);
  const output = options.output ?? 'reconcile';
  if (output === 'classic') return renderClassic(options, xr, comp);
  if (output !== 'reconcile') throw new RenderError(`output must be 'reconcile' or 'classic', got ${JSON.stringify(output)}`);
  return renderReconcile(options, xr, comp, xrd);
}

/**
 * Struct values of the caller's objects, copied only when not already in that form (nothing
 * writes to them). The walk that checks the form also measures them, for the size checks of
 * the steps that receive them.
 */
function structObjects(list: readonly unknown[] | undefined, what: string): ObjectValue[] {
  return (list ?? []).map((o, i) => {
    const obj = asObject(o, `${what}[${i}]`);
    const upper = structFormFieldsUpper(obj);
    if (upper < 0) return fromStruct(obj) as ObjectValue;
    rememberStructUpper(obj, upper);
    return obj;
  });
}

function renderReconcile(options: RenderOptions, xr: ObjectValue, comp: ObjectValue, xrd: ObjectValue | undefined): RenderResult {
  const catalogue = (options.functionCatalogue ?? BUILT_IN_CATALOGUE).with(options.functionImplementations);
  const steps = pipelineSteps(comp, catalogue.builtInNames[0] ?? 'my-function');
  const observed = structObjects(options.observed, 'observed');
  const details = options.observedConnectionDetails ?? {};
  for (const name of Object.keys(details)) {
    if (!observed.some((o) => str(o, 'metadata', 'annotations', 'crossplane.io/composition-resource-name') === name)) {
      throw new RenderError(`observedConnectionDetails.${name} names no observed resource: give the resource annotated crossplane.io/composition-resource-name: ${name} in observed, or remove the entry`);
    }
  }
  const contextKeys = Object.keys(options.context ?? {});
  const seedContext: ObjectValue | undefined = contextKeys.length > 0 ? {} : undefined;
  for (const k of contextKeys) seedContext![k] = fromStruct(options.context![k]);

  let out: ReconcileOutput;
  try {
    out = reconcile({
      xr: fromStruct(xr) as ObjectValue,
      composition: compositionOf(comp, steps),
      schema: selectSchema(str(xr, 'apiVersion'), str(xr, 'kind'), xrd),
      observed,
      required: [...structObjects(options.requiredResources, 'requiredResources'), ...structObjects(options.extraResources, 'extraResources')],
      credentials: structObjects(options.functionCredentials, 'functionCredentials'),
      functions: options.functions?.map((f, i) => asObject(f, `functions[${i}]`) as FunctionObject),
      catalogue,
      seedContext,
      observedConnectionDetails: details,
    });
  } catch (err) {
    if (err instanceof ReconcileInputError) throw new RenderError(`cannot render composite resource: ${err.message}`);
    throw err;
  }
  const docs = reconcileDocuments({ inputXr: xr, output: out, includeFullXr: options.includeFullXr ?? false });
  const flags = { results: options.includeFunctionResults ?? false, context: options.includeContext ?? false };
  const result = resultOf(docs, flags, () => out.desiredReadiness, out.deleted);
  if (out.error) {
    // crossplane internal render: a fatal result returns the partial output beside the error;
    // any other reconcile error returns only the error.
    const message = out.error.fatal ? `cannot render composite resource: ${out.error.message}` : `cannot render composite resource: reconcile failed: ${out.error.message}`;
    const err = new RenderError(message, 'pipeline', undefined, out.error.fatal);
    if (out.error.fatal) err.partial = result;
    throw err;
  }
  return result;
}

function renderClassic(options: RenderOptions, xr: ObjectValue, comp: ObjectValue): RenderResult {
  // Observed resources reach functions through a Struct: every number is float64. Objects
  // already in that form (the usual case: parsed YAML or JSON) are not copied: nothing in the
  // render writes to them, and steps of user functions get their own copies (runPipeline).
  const observed = structObjects(options.observed, 'observed');
  const required = objects(options.requiredResources, 'requiredResources');
  const extra = objects(options.extraResources, 'extraResources');
  const context: ObjectValue = {};
  for (const [k, v] of Object.entries(options.context ?? {})) context[k] = fromStruct(v);

  const catalogue = (options.functionCatalogue ?? BUILT_IN_CATALOGUE).with(options.functionImplementations);
  const steps = pipelineSteps(comp, catalogue.builtInNames[0] ?? 'my-function');

  let out: PipelineOutput;
  try {
    out = runPipeline({
      steps,
      observed: observedState(xr, observed, options.observedConnectionDetails),
      functions: options.functions?.map((f, i) => asObject(f, `functions[${i}]`) as FunctionObject),
      catalogue,
      context,
      requiredResources: [...extra, ...required],
      bootstrapResources: required,
      credentials: objects(options.functionCredentials, 'functionCredentials'),
    });
  } catch (err) {
    if (err instanceof PipelineError) throw new RenderError(err.message, 'pipeline');
    throw err;
  }

  const docs = renderDocuments({
    inputXr: xr,
    observed,
    desired: out.desired,
    conditions: out.conditions,
    results: out.results,
    context: out.context,
    includeFullXr: options.includeFullXr ?? false,
  });
  const flags = { results: options.includeFunctionResults ?? false, context: options.includeContext ?? false };
  return resultOf(docs, flags, () => Object.fromEntries(Object.entries(out.desired.resources).map(([k, r]) => [k, r.ready ?? 'READY_UNSPECIFIED'])));
}

/**
 * A render's result, with plain views built on first access: most callers only want the YAML.
 * Views and `toYaml` are members of this class, not functions made for each result: with
 * getters in an object literal, or a closure stored on each instance, V8 kept every render's
 * documents alive through the young-generation collections until the next full one, and a
 * render loop spent a fifth of its time copying them.
 */
class LazyRenderResult implements RenderResult {
  readonly #docs: RenderDocuments;
  readonly #flags: { results: boolean; context: boolean };
  readonly #readiness: () => Record<string, Readiness>;
  readonly #deleted: readonly ObjectValue[];
  #xr?: Record<string, any>;
  #resources?: Record<string, any>[];
  #context?: Record<string, any>;
  #ready?: Record<string, Readiness>;
  #results?: RenderResultDocument[];
  #yaml?: string;

  public constructor(docs: RenderDocuments, flags: { results: boolean; context: boolean }, readiness: () => Record<string, Readiness>, deleted: readonly ObjectValue[]) {
    this.#docs = docs;
    this.#flags = flags;
    this.#readiness = readiness;
    this.#deleted = deleted;
  }

  public toYaml(): string { return (this.#yaml ??= toYamlStream(this.#docs, this.#flags)); }

  public get xr(): Record<string, any> { return (this.#xr ??= toPlain(this.#docs.xr) as Record<string, any>); }
  public get resources(): Record<string, any>[] { return (this.#resources ??= this.#docs.resources.map((r) => toPlain(r) as Record<string, any>)); }
  public get context(): Record<string, any> { return (this.#context ??= toPlain(this.#docs.context ?? {}) as Record<string, any>); }
  public get ready(): Record<string, Readiness> { return (this.#ready ??= this.#readiness()); }
  public get deleted(): Record<string, any>[] { return this.#deleted.map((d) => toPlain(d) as Record<string, any>); }
  public get results(): RenderResultDocument[] { return (this.#results ??= this.#docs.results.map((r) => toPlain(r) as RenderResultDocument)); }

  /** The views, as JSON.stringify printed the result when they were properties of their own. */
  public toJSON(): Record<string, unknown> {
    return { xr: this.xr, resources: this.resources, context: this.context, ready: this.ready, deleted: this.deleted, results: this.results };
  }
}

function resultOf(docs: RenderDocuments, flags: { results: boolean; context: boolean }, readiness: () => Record<string, Readiness>, deleted: readonly ObjectValue[] = []): RenderResult {
  return new LazyRenderResult(docs, flags, readiness, deleted);
}
