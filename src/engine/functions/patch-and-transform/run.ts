/**
 * function-patch-and-transform's RunFunction, in-process (reference §3.3; P&T's fn.go), in
 * fn.go's phases: the input, the environment patches, one composed template at a time, then
 * the composite's state.
 *
 * Reads come from observed state and writes go to desired state. Messages are P&T's own, so a
 * fatal result reads exactly as `crossplane render` would print it.
 */
import { errorMessage } from '../../go/errors';
import { goQuote } from '../../go/strconv';
import { composeConnectionSecret, connectionSecretKey, extractConnectionDetails, isModernXr } from './connection';
import { isNotFoundDeep, MissingField } from '../../runtime/fieldpath';
import { applyEnvironmentPatch, composedPatch, resolvePatchSets, toComposedResource } from './patches';
import type { FunctionRequest, FunctionResponse, FunctionResult, ResourceState } from '../../protocol';
import { ENVIRONMENT_CONTEXT_KEY } from '../../protocol';
import { decodePtInput, fromPolicy, patchType } from './input';
import type { PtComposedTemplate, PtInput } from './input';
import { validatePtInput } from './validate';
import { isReady } from './readiness';
import { ContentMemo } from '../../content-memo';
import type { ObjectValue } from '../../go/values';
import { deepCopy, fromKubernetesJson, isObject } from '../../go/values';
import { Copier } from '../../go/copier';

function fatal(rsp: FunctionResponse, message: string): FunctionResponse {
  rsp.results.push({ severity: 'SEVERITY_FATAL', message });
  return rsp;
}

function warning(results: FunctionResult[], message: string): void {
  results.push({ severity: 'SEVERITY_WARNING', message });
}

/** What the phases of one run share. Reads come from `req`, writes go to `rsp`. */
interface Run {
  readonly req: FunctionRequest;
  readonly rsp: FunctionResponse;
  /** `rsp.desired.resources`, started from the request's desired resources. */
  readonly desired: Record<string, ResourceState>;
  readonly input: PtInput;
  /** The observed XR. */
  readonly oxr: ObjectValue;
  /** The desired XR being built. */
  readonly dxr: ObjectValue;
  /** The desired XR's connection details being gathered. */
  readonly dxrDetails: Record<string, string>;
  /** The environment, read from the context and patched. */
  readonly env: ObjectValue;
}

/** Runs P&T for one pipeline step. Never throws on user data: problems are results. */
export function runPatchAndTransform(req: FunctionRequest): FunctionResponse {
  // Like response.To: start from the request's desired state and context.
  const desired: Record<string, ResourceState> = { ...req.desired.resources };
  const rsp: FunctionResponse = {
    desired: { composite: req.desired.composite, resources: desired },
    context: { ...req.context },
    results: [],
  };

  const prepared = req.input === undefined ? prepareInput(undefined) : PREPARED.get(req.input, () => prepareInput(req.input));
  if (typeof prepared === 'string') return fatal(rsp, prepared);
  const { input, templates } = prepared;
  const run: Run = { req, rsp, desired, input, ...desiredComposite(req), env: environment(req) };

  const envFailure = applyEnvironmentPatches(run);
  if (envFailure) return fatal(rsp, envFailure);

  let dropped = false;
  for (const t of templates) {
    const outcome = composeResource(run, t);
    if (typeof outcome === 'string') return fatal(rsp, outcome);
    if (outcome === SKIPPED) dropped = true;
    else desired[t.name!] = outcome;
  }

  const compositeFailure = setDesiredComposite(run, dropped);
  if (compositeFailure) return fatal(rsp, compositeFailure);
  rsp.context[ENVIRONMENT_CONTEXT_KEY] = run.env;
  return rsp;
}

/** The input decoded and validated, and its templates with patch sets resolved. */
interface PreparedInput {
  readonly input: PtInput;
  readonly templates: readonly PtComposedTemplate[];
}

/**
 * Prepared inputs by step input: renders of one Composition decode, validate and resolve its
 * input once, and again only after the input changed (see ContentMemo). Nothing here modifies
 * a prepared input.
 */
const PREPARED = new ContentMemo<PreparedInput | string>();

/**
 * The decoded and validated input with its templates, or the fatal message (fn.go:
 * `GetObject`, `ValidateResources`, then `ComposedTemplates`).
 */
function prepareInput(raw: FunctionRequest['input']): PreparedInput | string {
  const decoded = decodePtInput(raw);
  if ('error' in decoded) return `cannot get Function input: ${decoded.error}`;
  const invalid = validatePtInput(decoded.input);
  if (invalid) return `invalid Function input: ${invalid.toString()}`;
  try {
    return { input: decoded.input, templates: resolvePatchSets(decoded.input) };
  } catch (err) {
    return `cannot resolve PatchSets: ${errorMessage(err)}`;
  }
}

/** The observed XR, and the desired XR to build on (the previous step's, if any). */
function desiredComposite(req: FunctionRequest): Pick<Run, 'oxr' | 'dxr' | 'dxrDetails'> {
  const oxr = req.observed.composite?.resource ?? {};
  const prevXr = req.desired.composite;
  const dxr: ObjectValue = prevXr ? deepCopy(prevXr.resource) : {};
  const dxrDetails: Record<string, string> = { ...(prevXr?.connectionDetails ?? {}) };
  // P&T gives the desired XR the observed XR's apiVersion and kind.
  if (oxr.apiVersion !== undefined) dxr.apiVersion = oxr.apiVersion; else delete dxr.apiVersion;
  if (oxr.kind !== undefined) dxr.kind = oxr.kind; else delete dxr.kind;
  return { oxr, dxr, dxrDetails };
}

/** The environment from the context; a value that is not an object reads as empty (Struct.AsMap of nil). */
function environment(req: FunctionRequest): ObjectValue {
  const ctxEnv = req.context[ENVIRONMENT_CONTEXT_KEY];
  const env: ObjectValue = isObject(ctxEnv) ? deepCopy(ctxEnv) : {};
  if (!env.apiVersion && !env.kind) {
    env.apiVersion = 'internal.crossplane.io/v1alpha1';
    env.kind = 'Environment';
  }
  return env;
}

/** The input's environment patches, in order; the fatal message of the first that fails. */
function applyEnvironmentPatches(run: Run): string | undefined {
  const envPatches = run.input.environment?.patches ?? [];
  for (let i = 0; i < envPatches.length; i++) {
    const p = envPatches[i] ?? {};
    try {
      applyEnvironmentPatch(p, run.env, run.oxr, run.dxr);
    } catch (err) {
      if (isNotFoundDeep(err) && fromPolicy(p) === 'Optional') continue;
      return `cannot apply the ${goQuote(patchType(p))} environment patch at index ${i}: ${errorMessage(err)}`;
    }
  }
  return undefined;
}

/** A composed resource left out of desired state (a Required patch found no source). */
const SKIPPED = Symbol('skipped');

/**
 * One template: its desired composed resource, the observed resource's connection details
 * and readiness, then its patches. Returns the resource, {@link SKIPPED}, or the fatal message.
 */
function composeResource(run: Run, t: PtComposedTemplate): ResourceState | typeof SKIPPED | string {
  const name = t.name!;
  const dcd = baseResource(run, t);
  if (typeof dcd === 'string') return dcd;
  const ocd = run.req.observed.resources[name];
  if (ocd) observeComposed(run, t, dcd, ocd);
  return applyComposedPatches(run, t, dcd, ocd);
}

/** The desired composed resource before patches: the base template, or a previous step's. */
function baseResource(run: Run, t: PtComposedTemplate): ResourceState | string {
  const name = t.name!;
  if (t.base === undefined || t.base === null) {
    const prev = run.desired[name];
    if (!prev) return `composed resource ${goQuote(name)} has no base template, and was not produced by a previous Function in the pipeline`;
    return { ...prev, resource: deepCopy(prev.resource) };
  }
  if (!isObject(t.base)) return `cannot parse base template of composed resource ${goQuote(name)}: base is not an object`;
  return { resource: baseCopier(t, t.base).copy() as ObjectValue };
}

/**
 * Copiers of the templates' bases. Templates belong to one prepared input (see PREPARED): an
 * input whose content changed is prepared again, with new templates and so new copiers.
 */
const BASE_COPIERS = new WeakMap<PtComposedTemplate, Copier>();

function baseCopier(t: PtComposedTemplate, base: ObjectValue): Copier {
  let c = BASE_COPIERS.get(t);
  if (c === undefined) {
    // The base is decoded by the Kubernetes JSON decoder: whole numbers are int64.
    c = new Copier(() => fromKubernetesJson(base));
    BASE_COPIERS.set(t, c);
  }
  return c;
}

/** What an existing composed resource contributes: its name, connection details, readiness. */
function observeComposed(run: Run, t: PtComposedTemplate, dcd: ResourceState, ocd: ResourceState): void {
  const name = t.name!;
  // Keep the desired resource associated with the existing one.
  setMeta(dcd.resource, 'namespace', ocd.resource.metadata);
  setMeta(dcd.resource, 'name', ocd.resource.metadata);
  try {
    Object.assign(run.dxrDetails, extractConnectionDetails(ocd.resource, ocd.connectionDetails, t.connectionDetails));
  } catch (err) {
    warning(run.rsp.results, `cannot extract composite resource connection details from composed resource ${goQuote(name)}: ${errorMessage(err)}`);
  }
  let ready = false;
  try {
    ready = isReady(ocd.resource, t.readinessChecks);
  } catch (err) {
    warning(run.rsp.results, `cannot check readiness of composed resource ${goQuote(name)}: ${errorMessage(err)}`);
  }
  if (ready) dcd.ready = 'READY_TRUE';
}

/** The template's patches, in order: the resource, {@link SKIPPED}, or the fatal message. */
function applyComposedPatches(
  run: Run, t: PtComposedTemplate, dcd: ResourceState, ocd: ResourceState | undefined,
): ResourceState | typeof SKIPPED | string {
  const name = t.name!;
  const patches = t.patches ?? [];
  for (let i = 0; i < patches.length; i++) {
    const p = patches[i];
    // A missing source comes back as a value, not thrown: most renders read many unset
    // optional fields, and a throw costs about a microsecond. Thrown not-found errors (from
    // deeper down) are handled the same way.
    let notFound: unknown;
    try {
      notFound = composedPatch(p, ocd?.resource, dcd.resource, run.oxr, run.dxr, run.env);
    } catch (err) {
      if (!isNotFoundDeep(err)) return `cannot render composed resource ${goQuote(name)} ${goQuote(patchType(p))} patch at index ${i}: ${errorMessage(err)}`;
      notFound = err;
    }
    if (notFound === undefined || fromPolicy(p) !== 'Required') continue;
    const why = errorMessage(notFound instanceof MissingField ? notFound.error() : notFound);
    if (toComposedResource(p) && !ocd) {
      warning(run.rsp.results, `not adding new composed resource ${goQuote(name)} to desired state because ${goQuote(patchType(p))} patch at index ${i} has 'policy.fromFieldPath: Required': ${why}`);
      return SKIPPED;
    }
    warning(run.rsp.results, `cannot render composed resource ${goQuote(name)} ${goQuote(patchType(p))} patch at index ${i}: ignoring 'policy.fromFieldPath: Required' because 'to' resource already exists: ${why}`);
  }
  return dcd;
}

/**
 * The desired XR with its connection details (a composed connection Secret for v2 XRs) and
 * readiness; the fatal message when the Secret cannot be composed.
 */
function setDesiredComposite(run: Run, dropped: boolean): string | undefined {
  const { oxr, dxrDetails } = run;
  const composite: ResourceState = { resource: run.dxr };
  if (isModernXr(oxr)) {
    // v2 XRs have no connection secret of their own: P&T composes one (reference §3.10).
    if (Object.keys(dxrDetails).length > 0) {
      try {
        run.desired[connectionSecretKey(oxr)] = { resource: composeConnectionSecret(oxr, dxrDetails, run.input), ready: 'READY_TRUE' };
      } catch (err) {
        return `cannot compose connection secret: ${errorMessage(err)}`;
      }
    }
  } else if (Object.keys(dxrDetails).length > 0) {
    composite.connectionDetails = dxrDetails;
  }
  const prevXr = run.req.desired.composite;
  if (prevXr?.ready) composite.ready = prevXr.ready;
  if (dropped) composite.ready = 'READY_FALSE';
  run.rsp.desired.composite = composite;
  return undefined;
}

function setMeta(target: ObjectValue, key: 'name' | 'namespace', observedMeta: unknown): void {
  const v = isObject(observedMeta as ObjectValue) ? (observedMeta as ObjectValue)[key] : undefined;
  let meta = target.metadata;
  if (typeof v === 'string' && v !== '') {
    if (!isObject(meta)) target.metadata = meta = {};
    meta[key] = v;
  } else if (isObject(meta)) {
    // Go's SetName("") removes the field from unstructured metadata.
    delete meta[key];
  }
}
