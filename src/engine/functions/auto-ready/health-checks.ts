/**
 * function-auto-ready's built-in health checks for core Kubernetes kinds (reference §4.3,
 * function-auto-ready's healthchecks/), keyed by `<apiVersion>, Kind=<kind>`. Each says whether an
 * observed object is ready; kinds without a check fall back to the `Ready` condition.
 */
import { valueAt } from '../../go/decoded';
import type { ObjectValue } from '../../go/values';
import { isObject } from '../../go/values';

type HealthCheck = (o: ObjectValue) => boolean;

/** An integer field as the checks read it (int64 or float64 truncated); undefined if absent. */
function int(o: ObjectValue, ...path: string[]): number | undefined {
  const v = valueAt(o, ...path);
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') return Math.trunc(v);
  return undefined;
}

function str(o: ObjectValue, ...path: string[]): string | undefined {
  const v = valueAt(o, ...path);
  return typeof v === 'string' ? v : undefined;
}

function conditions(o: ObjectValue): ObjectValue[] {
  const c = valueAt(o, 'status', 'conditions');
  return Array.isArray(c) ? c.filter(isObject) : [];
}

function hasCondition(o: ObjectValue, type: string, status = 'True'): boolean {
  return conditions(o).some((c) => c.type === type && c.status === status);
}

const always: HealthCheck = () => true;

const deployment: HealthCheck = (o) => {
  const spec = int(o, 'spec', 'replicas') ?? 1;
  const updated = int(o, 'status', 'updatedReplicas');
  const available = int(o, 'status', 'availableReplicas');
  if (updated === undefined || available === undefined) return false;
  if (spec !== updated || spec !== available) return false;
  return hasCondition(o, 'Available');
};

const statefulSet: HealthCheck = (o) => {
  const spec = int(o, 'spec', 'replicas') ?? 1;
  const ready = int(o, 'status', 'readyReplicas');
  const current = int(o, 'status', 'currentReplicas');
  if (ready === undefined || current === undefined) return false;
  if (spec !== ready || spec !== current) return false;
  const cur = str(o, 'status', 'currentRevision');
  const upd = str(o, 'status', 'updateRevision');
  if (cur === undefined || upd === undefined) return false;
  return cur === upd;
};

const daemonSet: HealthCheck = (o) => {
  const desired = int(o, 'status', 'desiredNumberScheduled');
  const ready = int(o, 'status', 'numberReady');
  const updated = int(o, 'status', 'updatedNumberScheduled');
  const available = int(o, 'status', 'numberAvailable');
  if (desired === undefined || ready === undefined || updated === undefined || available === undefined) return false;
  return desired === ready && updated === desired && available === desired;
};

const replicaSet: HealthCheck = (o) => {
  if ((int(o, 'status', 'observedGeneration') ?? 0) < (int(o, 'metadata', 'generation') ?? 0)) return false;
  if (hasCondition(o, 'ReplicaFailure')) return false;
  const desired = int(o, 'spec', 'replicas') ?? 1;
  return (int(o, 'status', 'availableReplicas') ?? 0) >= desired;
};

const job: HealthCheck = (o) => {
  for (const c of conditions(o)) {
    if (c.status !== 'True') continue;
    if (c.type === 'Failed' || c.type === 'Suspended') return false;
    if (c.type === 'Complete') return true;
  }
  return false;
};

const cronJob: HealthCheck = (o) => {
  if (valueAt(o, 'spec', 'suspend') === true) return true;
  const lastSchedule = str(o, 'status', 'lastScheduleTime');
  if (lastSchedule === undefined) return false;
  const active = valueAt(o, 'status', 'active');
  if (Array.isArray(active) && active.length > 0) return true;
  const lastSuccess = str(o, 'status', 'lastSuccessfulTime');
  if (lastSuccess === undefined) return false;
  // RFC 3339 timestamps at second precision, as metav1.Time holds them.
  return Date.parse(lastSuccess) >= Date.parse(lastSchedule);
};

const pod: HealthCheck = (o) => {
  const phase = str(o, 'status', 'phase');
  if (phase === 'Succeeded') return true;
  if (phase !== 'Running') return false;
  if (str(o, 'spec', 'restartPolicy') !== 'Always') return false;
  return hasCondition(o, 'Ready');
};

const service: HealthCheck = (o) => {
  const type = str(o, 'spec', 'type') ?? 'ClusterIP';
  if (type !== 'LoadBalancer') return true;
  const ingress = valueAt(o, 'status', 'loadBalancer', 'ingress');
  return Array.isArray(ingress) && ingress.length > 0;
};

const ingress: HealthCheck = (o) => {
  const lb = valueAt(o, 'status', 'loadBalancer', 'ingress');
  return Array.isArray(lb) && lb.length > 0;
};

const pvc: HealthCheck = (o) => str(o, 'status', 'phase') === 'Bound';

const hpa: HealthCheck = (o) => {
  for (const c of conditions(o)) {
    const t = c.type;
    if ((t === 'FailedGetScale' || t === 'FailedUpdateScale' || t === 'FailedGetResourceMetric' || t === 'InvalidSelector') && c.status === 'True') return false;
    if ((t === 'ScalingActive' || t === 'ScalingLimited') && c.status === 'True') return true;
  }
  return false;
};

const CHECKS: Record<string, HealthCheck> = {
  'v1, Kind=ConfigMap': always,
  'v1, Kind=Secret': always,
  'v1, Kind=ServiceAccount': always,
  'v1, Kind=Namespace': always,
  'apps/v1, Kind=Deployment': deployment,
  'apps/v1, Kind=StatefulSet': statefulSet,
  'apps/v1, Kind=DaemonSet': daemonSet,
  'apps/v1, Kind=ReplicaSet': replicaSet,
  'batch/v1, Kind=Job': job,
  'batch/v1, Kind=CronJob': cronJob,
  'v1, Kind=Pod': pod,
  'v1, Kind=Service': service,
  'networking.k8s.io/v1, Kind=Ingress': ingress,
  'v1, Kind=PersistentVolumeClaim': pvc,
  'autoscaling/v2, Kind=HorizontalPodAutoscaler': hpa,
};

/** The built-in health check for an object's apiVersion and kind, if there is one. */
export function builtInHealthCheck(o: ObjectValue): HealthCheck | undefined {
  const key = `${typeof o.apiVersion === 'string' ? o.apiVersion : ''}, Kind=${typeof o.kind === 'string' ? o.kind : ''}`;
  return Object.prototype.hasOwnProperty.call(CHECKS, key) ? CHECKS[key] : undefined;
}
