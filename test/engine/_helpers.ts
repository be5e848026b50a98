/** Builders for function requests in engine tests (objects as the protocol carries them). */
import type { FunctionRequest, ResourceState } from '../../src/engine/protocol';
import { fromStruct } from '../../src/engine/go/values';
import type { ObjectValue } from '../../src/engine/go/values';

/** An observed/desired resource state from plain JSON (numbers become float64, as via Struct). */
export function state(resource: unknown, extra: Partial<ResourceState> = {}): ResourceState {
  return { resource: fromStruct(resource) as ObjectValue, ...extra };
}

/** A request with sensible empty defaults. */
export function request(parts: {
  input?: unknown;
  oxr?: unknown;
  dxr?: unknown;
  observed?: Record<string, ResourceState>;
  desired?: Record<string, ResourceState>;
  context?: Record<string, unknown>;
}): FunctionRequest {
  return {
    observed: { composite: parts.oxr === undefined ? undefined : state(parts.oxr), resources: parts.observed ?? {} },
    desired: { composite: parts.dxr === undefined ? undefined : state(parts.dxr), resources: parts.desired ?? {} },
    input: parts.input === undefined ? undefined : (fromStruct(parts.input) as ObjectValue),
    context: (fromStruct(parts.context ?? {}) as ObjectValue),
    credentials: {},
    requiredResources: {},
  };
}

/** P&T input with the given templates. */
export function ptInput(resources: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { apiVersion: 'pt.fn.crossplane.io/v1beta1', kind: 'Resources', resources, ...extra };
}

export const XR = { apiVersion: 'example.org/v1', kind: 'XR', metadata: { name: 'cool-xr' }, spec: { widgets: '10' } };
