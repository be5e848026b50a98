/** Running a transcribed upstream fn_test.go case against a built-in function, function-level. */
import { fromStruct } from '../../../src/engine/go/values';
import type { ObjectValue } from '../../../src/engine/go/values';
import type { CompositionFunctionImpl, FunctionRequest, FunctionResponse, State } from '../../../src/engine/protocol';

function state(s: any): State {
  const resources: State['resources'] = {};
  for (const [k, r] of Object.entries<any>(s?.resources ?? {})) {
    resources[k] = { resource: fromStruct(r.resource ?? {}) as ObjectValue, ...(r.ready ? { ready: r.ready } : {}), ...(r.connectionDetails ? { connectionDetails: r.connectionDetails } : {}) };
  }
  const out: State = { resources };
  if (s?.composite) out.composite = { resource: fromStruct(s.composite.resource ?? {}) as ObjectValue, ...(s.composite.ready ? { ready: s.composite.ready } : {}) };
  return out;
}

/** The request of a transcribed case. */
export function upstreamRequest(c: { input?: any; observed?: any; desired?: any; context?: any }): FunctionRequest {
  return {
    input: c.input === undefined ? undefined : (fromStruct(c.input) as ObjectValue),
    observed: state(c.observed),
    desired: state(c.desired),
    context: (fromStruct(c.context ?? {}) as ObjectValue),
    credentials: {},
    requiredResources: {},
  };
}

/** A state as the Go test compares it: readiness only when set, no empty fields. */
export function comparableState(s: State | undefined): unknown {
  const resources: Record<string, unknown> = {};
  for (const [k, r] of Object.entries(s?.resources ?? {})) {
    resources[k] = { resource: r.resource, ...(r.ready && r.ready !== 'READY_UNSPECIFIED' ? { ready: r.ready } : {}) };
  }
  const out: Record<string, unknown> = { resources };
  if (s?.composite) out.composite = { resource: s.composite.resource, ...(s.composite.ready && s.composite.ready !== 'READY_UNSPECIFIED' ? { ready: s.composite.ready } : {}) };
  return out;
}

/** Runs `fn` on the case's request; returns what the Go test compares. */
export function runUpstream(fn: CompositionFunctionImpl, c: { request: any }): { results: FunctionResponse['results']; desired: unknown; rsp: FunctionResponse } {
  const rsp = fn(upstreamRequest(c.request));
  return { results: rsp.results.map((r) => ({ severity: r.severity, message: r.message })), desired: comparableState(rsp.desired), rsp };
}
