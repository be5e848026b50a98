/**
 * function-auto-ready, in-process (reference §4.3): marks desired composed resources ready when
 * they exist and no earlier step expressed an opinion, using the built-in health check for core
 * kinds and the `Ready` condition otherwise. It never sets `READY_FALSE` and never touches the XR.
 */
import { builtInHealthCheck } from './health-checks';
import type { FunctionRequest, FunctionResponse, ResourceState } from '../../protocol';
import { isConditionTrue } from '../../runtime/conditions';

/** Runs function-auto-ready for one pipeline step. */
export function runAutoReady(req: FunctionRequest): FunctionResponse {
  const resources: Record<string, ResourceState> = {};
  for (const [name, dr] of Object.entries(req.desired.resources)) {
    const observed = req.observed.resources[name];
    if (!observed || (dr.ready !== undefined && dr.ready !== 'READY_UNSPECIFIED')) {
      resources[name] = dr;
      continue;
    }
    const check = builtInHealthCheck(observed.resource);
    const ready = check ? check(observed.resource) : isConditionTrue(observed.resource, 'Ready');
    resources[name] = ready ? { ...dr, ready: 'READY_TRUE' } : dr;
  }
  return {
    desired: { composite: req.desired.composite, resources },
    context: req.context,
    results: [],
  };
}
