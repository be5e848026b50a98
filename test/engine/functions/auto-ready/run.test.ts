/**
 * function-auto-ready (reference §4.3), re-expressing its fn_test.go and healthchecks tests.
 */
import { runAutoReady } from '../../../../src/engine/functions/auto-ready/run';
import { request, state } from '../../_helpers';

function readiness(observed: unknown, desiredReady?: 'READY_TRUE' | 'READY_FALSE') {
  const rsp = runAutoReady(request({
    oxr: { apiVersion: 'v', kind: 'XR' },
    observed: observed === undefined ? {} : { r: state(observed) },
    desired: { r: state({ apiVersion: 'v', kind: 'X' }, desiredReady ? { ready: desiredReady } : {}) },
  }));
  return rsp.desired.resources.r.ready ?? 'READY_UNSPECIFIED';
}

describe('function-auto-ready (ported from fn_test.go)', () => {
  test('a resource that does not exist yet is left unspecified', () => {
    expect(readiness(undefined)).toBe('READY_UNSPECIFIED');
  });
  test('an existing resource with Ready=True becomes READY_TRUE', () => {
    expect(readiness({ apiVersion: 'v', kind: 'X', status: { conditions: [{ type: 'Ready', status: 'True' }] } })).toBe('READY_TRUE');
  });
  test('an existing resource with Ready=False stays unspecified (never READY_FALSE)', () => {
    expect(readiness({ apiVersion: 'v', kind: 'X', status: { conditions: [{ type: 'Ready', status: 'False' }] } })).toBe('READY_UNSPECIFIED');
  });
  test('a resource another step marked is never overridden', () => {
    expect(readiness({ apiVersion: 'v', kind: 'X', status: { conditions: [{ type: 'Ready', status: 'True' }] } }, 'READY_FALSE')).toBe('READY_FALSE');
  });
  test('the composite readiness is never touched', () => {
    const rsp = runAutoReady(request({ oxr: { apiVersion: 'v', kind: 'XR' }, dxr: { apiVersion: 'v', kind: 'XR' } }));
    expect(rsp.desired.composite!.ready).toBeUndefined();
  });
});

describe('function-auto-ready built-in health checks (ported from healthchecks/*_test.go)', () => {
  const cases: [string, unknown, boolean][] = [
    ['ConfigMap is ready when it exists', { apiVersion: 'v1', kind: 'ConfigMap' }, true],
    ['Secret is ready when it exists', { apiVersion: 'v1', kind: 'Secret' }, true],
    ['ServiceAccount is ready when it exists', { apiVersion: 'v1', kind: 'ServiceAccount' }, true],
    ['Namespace is ready when it exists', { apiVersion: 'v1', kind: 'Namespace' }, true],
    ['Deployment with all replicas updated, available and Available=True', { apiVersion: 'apps/v1', kind: 'Deployment', spec: { replicas: 2 }, status: { updatedReplicas: 2, availableReplicas: 2, conditions: [{ type: 'Available', status: 'True' }] } }, true],
    ['Deployment with fewer available replicas', { apiVersion: 'apps/v1', kind: 'Deployment', spec: { replicas: 2 }, status: { updatedReplicas: 2, availableReplicas: 1, conditions: [{ type: 'Available', status: 'True' }] } }, false],
    ['Deployment defaults to one replica', { apiVersion: 'apps/v1', kind: 'Deployment', status: { updatedReplicas: 1, availableReplicas: 1, conditions: [{ type: 'Available', status: 'True' }] } }, true],
    ['Deployment without Available condition', { apiVersion: 'apps/v1', kind: 'Deployment', status: { updatedReplicas: 1, availableReplicas: 1 } }, false],
    ['StatefulSet ready and at the update revision', { apiVersion: 'apps/v1', kind: 'StatefulSet', spec: { replicas: 3 }, status: { readyReplicas: 3, currentReplicas: 3, currentRevision: 'r1', updateRevision: 'r1' } }, true],
    ['StatefulSet mid-rollout', { apiVersion: 'apps/v1', kind: 'StatefulSet', spec: { replicas: 3 }, status: { readyReplicas: 3, currentReplicas: 3, currentRevision: 'r1', updateRevision: 'r2' } }, false],
    ['DaemonSet fully scheduled and available', { apiVersion: 'apps/v1', kind: 'DaemonSet', status: { desiredNumberScheduled: 2, numberReady: 2, updatedNumberScheduled: 2, numberAvailable: 2 } }, true],
    ['DaemonSet with a pod not ready', { apiVersion: 'apps/v1', kind: 'DaemonSet', status: { desiredNumberScheduled: 2, numberReady: 1, updatedNumberScheduled: 2, numberAvailable: 2 } }, false],
    ['ReplicaSet with available replicas', { apiVersion: 'apps/v1', kind: 'ReplicaSet', spec: { replicas: 2 }, status: { availableReplicas: 2 } }, true],
    ['ReplicaSet with ReplicaFailure', { apiVersion: 'apps/v1', kind: 'ReplicaSet', status: { availableReplicas: 1, conditions: [{ type: 'ReplicaFailure', status: 'True' }] } }, false],
    ['Job complete', { apiVersion: 'batch/v1', kind: 'Job', status: { conditions: [{ type: 'Complete', status: 'True' }] } }, true],
    ['Job failed', { apiVersion: 'batch/v1', kind: 'Job', status: { conditions: [{ type: 'Failed', status: 'True' }] } }, false],
    ['Job running', { apiVersion: 'batch/v1', kind: 'Job', status: {} }, false],
    ['CronJob suspended', { apiVersion: 'batch/v1', kind: 'CronJob', spec: { suspend: true } }, true],
    ['CronJob never scheduled', { apiVersion: 'batch/v1', kind: 'CronJob', status: {} }, false],
    ['CronJob last run succeeded', { apiVersion: 'batch/v1', kind: 'CronJob', status: { lastScheduleTime: '2024-01-01T00:00:00Z', lastSuccessfulTime: '2024-01-01T00:01:00Z' } }, true],
    ['CronJob last run failed', { apiVersion: 'batch/v1', kind: 'CronJob', status: { lastScheduleTime: '2024-01-02T00:00:00Z', lastSuccessfulTime: '2024-01-01T00:01:00Z' } }, false],
    ['Pod succeeded', { apiVersion: 'v1', kind: 'Pod', status: { phase: 'Succeeded' } }, true],
    ['Pod running and ready with restartPolicy Always', { apiVersion: 'v1', kind: 'Pod', spec: { restartPolicy: 'Always' }, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } }, true],
    ['Pod pending', { apiVersion: 'v1', kind: 'Pod', status: { phase: 'Pending' } }, false],
    ['ClusterIP Service', { apiVersion: 'v1', kind: 'Service', spec: { type: 'ClusterIP' } }, true],
    ['LoadBalancer Service without ingress', { apiVersion: 'v1', kind: 'Service', spec: { type: 'LoadBalancer' } }, false],
    ['LoadBalancer Service with ingress', { apiVersion: 'v1', kind: 'Service', spec: { type: 'LoadBalancer' }, status: { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } } }, true],
    ['Ingress with a load balancer', { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', status: { loadBalancer: { ingress: [{ hostname: 'h' }] } } }, true],
    ['Ingress without a load balancer', { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress' }, false],
    ['PVC bound', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', status: { phase: 'Bound' } }, true],
    ['PVC pending', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', status: { phase: 'Pending' } }, false],
    ['HPA scaling active', { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', status: { conditions: [{ type: 'ScalingActive', status: 'True' }] } }, true],
    ['HPA failing to get scale', { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', status: { conditions: [{ type: 'FailedGetScale', status: 'True' }, { type: 'ScalingActive', status: 'True' }] } }, false],
    ['a kind without a built-in check falls back to the Ready condition', { apiVersion: 'example.org/v1', kind: 'Bucket', status: { conditions: [{ type: 'Ready', status: 'True' }] } }, true],
    ['a core kind with a check ignores a Ready condition', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', status: { phase: 'Pending', conditions: [{ type: 'Ready', status: 'True' }] } }, false],
  ];
  test.each(cases)('%s', (_n, observed, want) => {
    expect(readiness(observed)).toBe(want ? 'READY_TRUE' : 'READY_UNSPECIFIED');
  });
});
