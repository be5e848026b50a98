/**
 * Status conditions as crossplane-runtime reads them (`xpv1.ConditionedStatus.GetCondition`):
 * an absent condition has status `Unknown`. Shared by the functions that judge readiness.
 */
import type { ObjectValue } from '../go/values';
import { isObject } from '../go/values';

/** A condition of an object's `status.conditions`; absent conditions have status `Unknown`. */
export function getCondition(o: ObjectValue, type: string): ObjectValue {
  const status = o.status;
  const conditions = isObject(status) ? status.conditions : undefined;
  if (Array.isArray(conditions)) {
    for (const c of conditions) {
      if (isObject(c) && c.type === type) return c;
    }
  }
  return { type, status: 'Unknown' };
}

/** Whether condition `type` of `o` has status `True`. */
export function isConditionTrue(o: ObjectValue, type: string): boolean {
  return getCondition(o, type).status === 'True';
}
