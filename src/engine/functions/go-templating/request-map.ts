/**
 * The template's data: the RunFunctionRequest as function-go-templating builds it (convertToMap
 * in fn.go), i.e. protojson's JSON of the request read back by Kubernetes' JSON decoder. So
 * empty fields are absent, connection details are base64 text, readiness is the enum name,
 * integral numbers are int64 and the rest float64, and `extraResources` falls back to the
 * required resources.
 */
import type { FunctionRequest, ResourceState } from '../../protocol';
import type { ObjectValue, Value } from '../../go/values';
import { isObject } from '../../go/values';
import type { TV } from '../../go/template';

/** The context key where the function keeps the extra resources it was given (getExtraResourcesFromContext reads it). */
export const EXTRA_RESOURCES_CONTEXT_KEY = 'apiextensions.crossplane.io/extra-resources';

const MAX_INT64 = 2 ** 63;

/** Numbers as Kubernetes' JSON decoder gives them: integral text is int64. */
export function kubernetesNumbers(v: Value): TV {
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < MAX_INT64 ? BigInt(v) : v;
  if (Array.isArray(v)) return v.map(kubernetesNumbers);
  if (isObject(v)) {
    const o: Record<string, TV> = {};
    for (const k of Object.keys(v)) o[k] = kubernetesNumbers(v[k]);
    return o;
  }
  return v as TV;
}

function b64Map(m: Record<string, string> | undefined): Record<string, TV> | undefined {
  if (!m || Object.keys(m).length === 0) return undefined;
  const out: Record<string, TV> = {};
  for (const k of Object.keys(m)) out[k] = Buffer.from(m[k], 'utf8').toString('base64');
  return out;
}

function resourceJson(r: ResourceState): Record<string, TV> {
  const out: Record<string, TV> = { resource: kubernetesNumbers(r.resource) };
  const cd = b64Map(r.connectionDetails);
  if (cd) out.connectionDetails = cd;
  if (r.ready && r.ready !== 'READY_UNSPECIFIED') out.ready = r.ready;
  return out;
}

function stateJson(s: FunctionRequest['observed']): Record<string, TV> {
  const out: Record<string, TV> = {};
  if (s.composite) out.composite = resourceJson(s.composite);
  const names = Object.keys(s.resources);
  if (names.length > 0) {
    const rs: Record<string, TV> = {};
    for (const n of names) rs[n] = resourceJson(s.resources[n]);
    out.resources = rs;
  }
  return out;
}

/** The required resources in the request's `{name: {items: [{resource}]}}` form. */
export function requiredResourcesJson(req: FunctionRequest): Record<string, TV> {
  const out: Record<string, TV> = {};
  for (const name of Object.keys(req.requiredResources)) {
    const items = req.requiredResources[name].map((r: ObjectValue) => ({ resource: kubernetesNumbers(r) }));
    out[name] = items.length > 0 ? { items } : {};
  }
  return out;
}

export function requestMap(req: FunctionRequest): Record<string, TV> {
  const m: Record<string, TV> = { observed: stateJson(req.observed), desired: stateJson(req.desired) };
  if (req.input && Object.keys(req.input).length > 0) m.input = kubernetesNumbers(req.input);
  if (Object.keys(req.context).length > 0) m.context = kubernetesNumbers(req.context);
  const creds = Object.keys(req.credentials);
  if (creds.length > 0) {
    const c: Record<string, TV> = {};
    for (const name of creds) {
      const data = b64Map(req.credentials[name]);
      c[name] = { credentialData: data ? { data } : {} };
    }
    m.credentials = c;
  }
  if (Object.keys(req.requiredResources).length > 0) {
    const rr = requiredResourcesJson(req);
    m.requiredResources = rr;
    m.extraResources = rr;
  }
  return m;
}
