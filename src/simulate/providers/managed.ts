/**
 * The default simulated provider of a managed resource (any object with `spec.forProvider`):
 * the external name annotation, `status.atProvider` echoing `spec.forProvider` (what Upjet
 * providers report back after a create), and `Ready`/`Synced` conditions as crossplane-runtime
 * sets them (`Available`, `ReconcileSuccess`).
 */
import type { ObjectValue } from '../../engine/go/values';
import { deepCopy, isObject } from '../../engine/go/values';
import type { ResourceOutcome } from './resource-outcome';

/** The condition time every simulated condition carries (no clock: output is deterministic). */
export const SIMULATED_CONDITION_TIME = '2024-01-01T00:00:00Z';

/** The external-name annotation. */
export const EXTERNAL_NAME = 'crossplane.io/external-name';

/** Whether `o` is a managed resource (it has `spec.forProvider`). */
export function isManaged(o: ObjectValue): boolean {
  return isObject(o.spec) && isObject(o.spec.forProvider);
}

/** A status condition. */
export function condition(type: string, status: 'True' | 'False', reason: string, message?: string): ObjectValue {
  const c: ObjectValue = { type, status, reason, lastTransitionTime: SIMULATED_CONDITION_TIME };
  if (message) c.message = message;
  return c;
}

/** The external name: the annotation, else the resource's name (Crossplane's default). */
export function externalNameOf(o: ObjectValue): string {
  const meta = isObject(o.metadata) ? o.metadata : {};
  const ann = isObject(meta.annotations) ? meta.annotations : {};
  if (typeof ann[EXTERNAL_NAME] === 'string' && ann[EXTERNAL_NAME] !== '') return ann[EXTERNAL_NAME] as string;
  return typeof meta.name === 'string' ? meta.name : '';
}

/** Observes a managed resource in place: external name, atProvider echo, conditions. */
export function observeManaged(o: ObjectValue, outcome: ResourceOutcome | undefined): void {
  const meta = o.metadata as ObjectValue;
  if (!isObject(meta.annotations)) meta.annotations = {};
  (meta.annotations as ObjectValue)[EXTERNAL_NAME] = externalNameOf(o);
  const spec = o.spec as ObjectValue;
  if (outcome?.kind === 'fail') {
    o.status = { conditions: [condition('Synced', 'False', 'ReconcileError', outcome.message)] };
    return;
  }
  o.status = {
    atProvider: deepCopy(spec.forProvider as ObjectValue),
    conditions: outcome?.kind === 'unready'
      ? [condition('Ready', 'False', 'Creating'), condition('Synced', 'True', 'ReconcileSuccess')]
      : [condition('Ready', 'True', 'Available'), condition('Synced', 'True', 'ReconcileSuccess')],
  };
}
