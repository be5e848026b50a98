/**
 * What the Kubernetes API server and controllers report for built-in kinds (the kinds
 * cdk8s-plus writes), once the objects exist and are healthy: enough for function-auto-ready's
 * health checks (function-auto-ready healthchecks/) to pass. A Deployment becomes Available
 * with every replica updated and available; a Service gets a cluster IP; an autoscaler scales.
 * provider-kubernetes' `Object` reports its manifest as observed, with the same defaults.
 */
import type { ObjectValue, Value } from '../../engine/go/values';
import { deepCopy, isObject } from '../../engine/go/values';
import { condition, SIMULATED_CONDITION_TIME } from './managed';

type Observe = (o: ObjectValue, stable: number) => void;

function spec(o: ObjectValue): ObjectValue {
  if (!isObject(o.spec)) o.spec = {};
  return o.spec as ObjectValue;
}

function replicas(o: ObjectValue): number {
  const r = spec(o).replicas;
  return typeof r === 'number' ? r : typeof r === 'bigint' ? Number(r) : 1;
}

const deployment: Observe = (o) => {
  const n = replicas(o);
  o.status = {
    observedGeneration: 1, replicas: n, updatedReplicas: n, readyReplicas: n, availableReplicas: n,
    conditions: [condition('Available', 'True', 'MinimumReplicasAvailable'), condition('Progressing', 'True', 'NewReplicaSetAvailable')],
  };
};

const statefulSet: Observe = (o) => {
  const n = replicas(o);
  o.status = { observedGeneration: 1, replicas: n, readyReplicas: n, currentReplicas: n, updatedReplicas: n, currentRevision: `${metaName(o)}-1`, updateRevision: `${metaName(o)}-1` };
};

const daemonSet: Observe = (o) => {
  o.status = { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 3, updatedNumberScheduled: 3, numberAvailable: 3, numberMisscheduled: 0 };
};

/** A cluster IP in 10.96.0.0/16, stable for the resource (the API server allocates one). */
function clusterIp(stable: number): string {
  return `10.96.${(stable >>> 8) & 255}.${Math.max(1, stable & 255)}`;
}

function loadBalancerIp(stable: number): string {
  return `34.${(stable >>> 16) & 255}.${(stable >>> 8) & 255}.${Math.max(1, stable & 255)}`;
}

const service: Observe = (o, stable) => {
  const s = spec(o);
  if (s.clusterIP === undefined && s.type !== 'ExternalName') s.clusterIP = clusterIp(stable);
  o.status = { loadBalancer: s.type === 'LoadBalancer' ? { ingress: [{ ip: loadBalancerIp(stable) }] } : {} };
};

const ingress: Observe = (o, stable) => {
  o.status = { loadBalancer: { ingress: [{ ip: loadBalancerIp(stable) }] } };
};

const hpa: Observe = (o) => {
  const min = spec(o).minReplicas;
  const n = typeof min === 'number' ? min : typeof min === 'bigint' ? Number(min) : 1;
  o.status = {
    currentReplicas: n, desiredReplicas: n,
    conditions: [condition('AbleToScale', 'True', 'ReadyForNewScale'), condition('ScalingActive', 'True', 'ValidMetricFound')],
  };
};

const job: Observe = (o) => {
  o.status = { succeeded: 1, conditions: [condition('Complete', 'True', 'Completed')] };
};

const cronJob: Observe = (o) => {
  o.status = { lastScheduleTime: SIMULATED_CONDITION_TIME, lastSuccessfulTime: SIMULATED_CONDITION_TIME };
};

const pod: Observe = (o) => {
  if (spec(o).restartPolicy === undefined) spec(o).restartPolicy = 'Always';
  o.status = { phase: 'Running', conditions: [condition('Ready', 'True', '')] };
};

const OBSERVERS: Record<string, Observe> = {
  'apps/v1 Deployment': deployment,
  'apps/v1 StatefulSet': statefulSet,
  'apps/v1 DaemonSet': daemonSet,
  'v1 Service': service,
  'networking.k8s.io/v1 Ingress': ingress,
  'autoscaling/v2 HorizontalPodAutoscaler': hpa,
  'batch/v1 Job': job,
  'batch/v1 CronJob': cronJob,
  'v1 Pod': pod,
  'v1 Namespace': (o) => { o.status = { phase: 'Active' }; },
  'v1 PersistentVolumeClaim': (o) => { o.status = { phase: 'Bound' }; },
};

function metaName(o: ObjectValue): string {
  return isObject(o.metadata) && typeof o.metadata.name === 'string' ? o.metadata.name : '';
}

/** Whether `o` is one of the built-in kinds with a simulated controller. */
export function isBuiltInKind(o: ObjectValue): boolean {
  return Object.prototype.hasOwnProperty.call(OBSERVERS, `${String(o.apiVersion)} ${String(o.kind)}`);
}

/**
 * Observes a built-in kind in place as healthy (a kind without a controller, a ConfigMap,
 * keeps no status). `stable` is a number stable for the resource (for addresses).
 */
export function observeBuiltIn(o: ObjectValue, stable: number): void {
  OBSERVERS[`${String(o.apiVersion)} ${String(o.kind)}`]?.(o, stable);
}

/** Whether `o` is provider-kubernetes' `Object` (cluster-scoped or namespaced group). */
export function isKubernetesObject(o: ObjectValue): boolean {
  return o.kind === 'Object' && typeof o.apiVersion === 'string'
    && (o.apiVersion.startsWith('kubernetes.crossplane.io/') || o.apiVersion.startsWith('kubernetes.m.crossplane.io/'));
}

/**
 * provider-kubernetes reports the object it applied as `status.atProvider.manifest`: the
 * manifest, observed healthy as its kind would be.
 */
export function observeKubernetesObject(o: ObjectValue, stable: number): void {
  const manifest = isObject(o.spec) && isObject(o.spec.forProvider) ? o.spec.forProvider.manifest : undefined;
  if (!isObject(manifest)) return;
  const observed = deepCopy(manifest);
  if (!isObject(observed.metadata)) observed.metadata = {};
  observeBuiltIn(observed, stable);
  (o.status as ObjectValue).atProvider = { manifest: observed as Value };
}
