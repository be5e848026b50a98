/**
 * P&T readiness checks (reference §3.9; P&T's ready.go), evaluated against the observed
 * composed resource.
 */
import { wrap } from '../../go/errors';
import { isNotFound, Paved } from '../../runtime/fieldpath';
import type { PtReadinessCheck } from './input';
import { validateReadinessCheck } from './validate';
import { isObject, type ObjectValue, type Value } from '../../go/values';
import { getCondition, isConditionTrue } from '../../runtime/conditions';

function typed<T>(paved: Paved, path: string, want: string, test: (v: Value) => v is Value & T): T {
  const v = paved.getValue(path);
  if (!test(v)) throw new Error(`${path}: not a ${want}`);
  return v as T;
}

/**
 * The condition function-sdk-go's composed resource reports (resource/composed/composed.go
 * GetCondition, v0.5.0): `status` is decoded into a ConditionedStatus, and when that fails (no
 * `status` at all, or one that is not an object with a conditions list) the result is the
 * empty condition, whose status is "" rather than Unknown. Only a decodable status gives an
 * absent condition the status Unknown.
 */
function composedCondition(o: ObjectValue, type: string): ObjectValue {
  const status = o.status;
  const decodable = status === null || (isObject(status) && (status.conditions === undefined || status.conditions === null || Array.isArray(status.conditions)));
  if (!Object.prototype.hasOwnProperty.call(o, 'status') || !decodable) return {};
  return getCondition(o, type);
}

function runCheck(c: PtReadinessCheck, o: ObjectValue): boolean {
  const invalid = validateReadinessCheck(c);
  if (invalid) throw wrap(invalid.toString(), 'invalid');
  const p = new Paved(o);
  const ignoreMissing = <T>(fn: () => T, ready: (v: T) => boolean): boolean => {
    let v: T;
    try {
      v = fn();
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
    return ready(v);
  };
  switch (c.type) {
    case 'None':
      return true;
    case 'NonEmpty':
      return ignoreMissing(() => p.getValue(c.fieldPath!), () => true);
    case 'MatchString':
      return ignoreMissing(() => typed<string>(p, c.fieldPath!, 'string', (v): v is string => typeof v === 'string'), (v) => v === c.matchString);
    case 'MatchInteger':
      // Observed numbers are float64 (reference §3.7), so this only matches int64 values.
      return ignoreMissing(
        () => typed<bigint>(p, c.fieldPath!, '(int64) number', (v): v is bigint => typeof v === 'bigint'),
        (v) => v === BigInt(c.matchInteger as number | bigint),
      );
    case 'MatchCondition':
      // A check without matchCondition passes validation; P&T then dereferences nil.
      if (!c.matchCondition) throw new Error('runtime error: invalid memory address or nil pointer dereference');
      return composedCondition(o, c.matchCondition.type ?? '').status === c.matchCondition.status;
    case 'MatchFalse':
      return ignoreMissing(() => typed<boolean>(p, c.fieldPath!, 'bool', (v): v is boolean => typeof v === 'boolean'), (v) => v === false);
    case 'MatchTrue':
      return ignoreMissing(() => typed<boolean>(p, c.fieldPath!, 'bool', (v): v is boolean => typeof v === 'boolean'), (v) => v === true);
    default:
      return false;
  }
}

/**
 * Whether the observed composed resource is ready. Without checks: its `Ready` condition is
 * `True`. With checks: all must pass. Throws (`cannot run readiness check at index <i>: ...`)
 * when a check errors; the resource is then not ready.
 */
export function isReady(o: ObjectValue, checks: readonly PtReadinessCheck[] | undefined): boolean {
  if (!checks || checks.length === 0) return isConditionTrue(o, 'Ready');
  for (let i = 0; i < checks.length; i++) {
    let ready: boolean;
    try {
      ready = runCheck(checks[i] ?? {}, o);
    } catch (err) {
      throw wrap(err, `cannot run readiness check at index ${i}`);
    }
    if (!ready) return false;
  }
  return true;
}
