/**
 * function-patch-and-transform's RunFunction, in-process (reference §3.3; P&T's fn.go).
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
import type { PtComposedTemplate } from './input';
import { validatePtInput } from './validate';
import { isReady } from './readiness';
import type { ObjectValue } from '../../go/values';
import { deepCopy, fromKubernetesJson, isObject } from '../../go/values';

function fatal(rsp: FunctionResponse, message: string): FunctionResponse {
  rsp.results.push({ severity: 'SEVERITY_FATAL', message });
  return rsp;
}

function warning(results: FunctionResult[], message: string): void {
  results.push({ severity: 'SEVERITY_WARNING', message });
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

  const decoded = decodePtInput(req.input);
  if ('error' in decoded) return fatal(rsp, `cannot get Function input: ${decoded.error}`);
  const input = decoded.input;

  const invalid = validatePtInput(input);
  if (invalid) return fatal(rsp, `invalid Function input: ${invalid.toString()}`);

  const oxr = req.observed.composite?.resource ?? {};
  const prevXr = req.desired.composite;
  const dxr: ObjectValue = prevXr ? deepCopy(prevXr.resource) : {};
  const dxrDetails: Record<string, string> = { ...(prevXr?.connectionDetails ?? {}) };
  // P&T gives the desired XR the observed XR's apiVersion and kind.
  if (oxr.apiVersion !== undefined) dxr.apiVersion = oxr.apiVersion; else delete dxr.apiVersion;
  if (oxr.kind !== undefined) dxr.kind = oxr.kind; else delete dxr.kind;

  let templates: PtComposedTemplate[];
  try {
    templates = resolvePatchSets(input);
  } catch (err) {
    return fatal(rsp, `cannot resolve PatchSets: ${errorMessage(err)}`);
  }

  // A context value that is not an object reads as an empty environment (Struct.AsMap of nil).
  const ctxEnv = req.context[ENVIRONMENT_CONTEXT_KEY];
  const env: ObjectValue = isObject(ctxEnv) ? deepCopy(ctxEnv) : {};
  if (!env.apiVersion && !env.kind) {
    env.apiVersion = 'internal.crossplane.io/v1alpha1';
    env.kind = 'Environment';
  }

  const envPatches = input.environment?.patches ?? [];
  for (let i = 0; i < envPatches.length; i++) {
    const p = envPatches[i] ?? {};
    try {
      applyEnvironmentPatch(p, env, oxr, dxr);
    } catch (err) {
      if (isNotFoundDeep(err) && fromPolicy(p) === 'Optional') continue;
      return fatal(rsp, `cannot apply the ${goQuote(patchType(p))} environment patch at index ${i}: ${errorMessage(err)}`);
    }
  }

  let dropped = false;
  for (const t of templates) {
    const name = t.name!;
    let dcd: ResourceState;
    if (t.base === undefined || t.base === null) {
      const prev = desired[name];
      if (!prev) return fatal(rsp, `composed resource ${goQuote(name)} has no base template, and was not produced by a previous Function in the pipeline`);
      dcd = { ...prev, resource: deepCopy(prev.resource) };
    } else {
      if (!isObject(t.base)) return fatal(rsp, `cannot parse base template of composed resource ${goQuote(name)}: base is not an object`);
      // The base is decoded by the Kubernetes JSON decoder: whole numbers are int64.
      dcd = { resource: fromKubernetesJson(t.base) as ObjectValue };
    }

    const ocd = req.observed.resources[name];
    if (ocd) {
      // Keep the desired resource associated with the existing one.
      setMeta(dcd.resource, 'namespace', ocd.resource.metadata);
      setMeta(dcd.resource, 'name', ocd.resource.metadata);
      try {
        Object.assign(dxrDetails, extractConnectionDetails(ocd.resource, ocd.connectionDetails, t.connectionDetails));
      } catch (err) {
        warning(rsp.results, `cannot extract composite resource connection details from composed resource ${goQuote(name)}: ${errorMessage(err)}`);
      }
      let ready = false;
      try {
        ready = isReady(ocd.resource, t.readinessChecks);
      } catch (err) {
        warning(rsp.results, `cannot check readiness of composed resource ${goQuote(name)}: ${errorMessage(err)}`);
      }
      if (ready) dcd.ready = 'READY_TRUE';
    }

    let skip = false;
    const patches = t.patches ?? [];
    for (let i = 0; i < patches.length; i++) {
      const p = patches[i];
      // A missing source comes back as a value, not thrown: most renders read many unset
      // optional fields, and a throw costs about a microsecond. Thrown not-found errors (from
      // deeper down) are handled the same way.
      let notFound: unknown;
      try {
        notFound = composedPatch(p, ocd?.resource, dcd.resource, oxr, dxr, env);
      } catch (err) {
        if (!isNotFoundDeep(err)) return fatal(rsp, `cannot render composed resource ${goQuote(name)} ${goQuote(patchType(p))} patch at index ${i}: ${errorMessage(err)}`);
        notFound = err;
      }
      if (notFound === undefined || fromPolicy(p) !== 'Required') continue;
      const why = errorMessage(notFound instanceof MissingField ? notFound.error() : notFound);
      if (toComposedResource(p) && !ocd) {
        warning(rsp.results, `not adding new composed resource ${goQuote(name)} to desired state because ${goQuote(patchType(p))} patch at index ${i} has 'policy.fromFieldPath: Required': ${why}`);
        skip = true;
        break;
      }
      warning(rsp.results, `cannot render composed resource ${goQuote(name)} ${goQuote(patchType(p))} patch at index ${i}: ignoring 'policy.fromFieldPath: Required' because 'to' resource already exists: ${why}`);
    }
    if (skip) {
      dropped = true;
      continue;
    }
    desired[name] = dcd;
  }

  const composite: ResourceState = { resource: dxr };
  if (isModernXr(oxr)) {
    // v2 XRs have no connection secret of their own: P&T composes one (reference §3.10).
    if (Object.keys(dxrDetails).length > 0) {
      try {
        desired[connectionSecretKey(oxr)] = { resource: composeConnectionSecret(oxr, dxrDetails, input), ready: 'READY_TRUE' };
      } catch (err) {
        return fatal(rsp, `cannot compose connection secret: ${errorMessage(err)}`);
      }
    }
  } else if (Object.keys(dxrDetails).length > 0) {
    composite.connectionDetails = dxrDetails;
  }
  if (prevXr?.ready) composite.ready = prevXr.ready;
  if (dropped) composite.ready = 'READY_FALSE';
  rsp.desired.composite = composite;
  rsp.context[ENVIRONMENT_CONTEXT_KEY] = env;
  return rsp;
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
