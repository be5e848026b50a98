import { ApiObject, Chart, ChartProps, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  CompositeResourceDefinition, Composition, ConvertToType, Patch, PatchSet, Schema, Static, Transform, XrOf,
} from 'cdk8s-crossplane';

/** What a Kubernetes resource quantity looks like (`250m`, `1`, `512Mi`, `1.5Gi`), as the API server's CRDs spell it. */
const QUANTITY = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';

const quantity = (description: string, value: string) => Schema.optional(Schema.string({ description, pattern: QUANTITY, default: value }));

/** The `spec` of an App: what a team asks for. */
export const appSpec = Schema.object({
  image: Schema.string({ description: 'Container image, preferably pinned by tag or digest, e.g. ghcr.io/example-org/shop:1.4.2.', minLength: 1 }),
  port: Schema.optional(Schema.integer({ description: 'Port the container listens on; the Service forwards port 80 to it.', minimum: 1, maximum: 65535, default: 8080 })),
  replicas: Schema.optional(Schema.object({
    min: Schema.optional(Schema.integer({ description: 'Fewest replicas the autoscaler keeps.', minimum: 1, maximum: 100, default: 2 })),
    max: Schema.optional(Schema.integer({ description: 'Most replicas the autoscaler scales to.', minimum: 1, maximum: 100, default: 5 })),
    cpuUtilization: Schema.optional(Schema.integer({ description: 'Average CPU use, in percent of the CPU request, the autoscaler aims for.', minimum: 1, maximum: 100, default: 70 })),
  }, {
    description: 'Horizontal autoscaling bounds and target.',
    default: {},
    validations: [{ rule: 'self.min <= self.max', message: 'replicas.min must not exceed replicas.max' }],
  })),
  resources: Schema.optional(Schema.object({
    requests: Schema.optional(Schema.object({
      cpu: quantity('CPU reserved per replica.', '250m'),
      memory: quantity('Memory reserved per replica.', '256Mi'),
    }, { default: {} })),
    limits: Schema.optional(Schema.object({
      cpu: quantity('CPU cap per replica.', '500m'),
      memory: quantity('Memory cap per replica.', '512Mi'),
    }, { default: {} })),
  }, { description: 'Compute resources of the container.', default: {} })),
});

/** The `status` an App reports back. */
export const appStatus = Schema.object({
  availableReplicas: Schema.optional(Schema.integer({ description: 'Replicas of the Deployment that are available.' })),
  currentReplicas: Schema.optional(Schema.integer({ description: 'Replicas the autoscaler currently runs.' })),
  clusterIP: Schema.optional(Schema.string({ description: 'Cluster IP of the Service.' })),
});

/** The label that ties an App's pods to its Deployment and Service; its value is the App's name. */
export const INSTANCE_LABEL = 'app.kubernetes.io/instance';

/** The static type of an App's `spec`. */
export type AppSpec = Static<typeof appSpec>;

/** The App API (XRD) and its Composition (Deployment, Service, HorizontalPodAutoscaler), added to `scope`. */
export class AppApi extends Construct {
  /** The XRD `apps.apps.platform.example.org`. */
  public readonly xrd: CompositeResourceDefinition<typeof appSpec, typeof appStatus>;
  /** The Composition, whose templates are cdk8s-plus-28 constructs. */
  public readonly composition: Composition<AppXr>;

  public constructor(scope: Construct, id: string) {
    super(scope, id);
    this.xrd = new CompositeResourceDefinition(this, 'Definition', {
      group: 'apps.platform.example.org',
      names: { kind: 'App', plural: 'apps' },
      version: 'v1alpha1',
      spec: appSpec,
      status: appStatus,
    });
    // Deployment and Service have no Ready condition: the Composition appends
    // function-auto-ready (AutoReady.AUTO), whose built-in health checks decide (reference §4.3).
    this.composition = new Composition(this, 'Composition', { xrd: this.xrd });
    composeApp(this.composition);
  }
}

/** The static type of an App XR. */
export type AppXr = XrOf<AppApi['xrd']>;

/** Adds the Deployment, Service and HorizontalPodAutoscaler templates and their patches to `comp`. */
function composeApp(comp: Composition<AppXr>): void {
  const templates = comp.templateScope;

  // The template values below are only what the XRD defaults also say; patches overwrite them
  // with the XR's values on every reconcile.
  const deployment = new kplus.Deployment(templates, 'deployment', {
    // cdk8s-plus would select pods by a label derived from this construct's path: the same
    // value for every App, so two Apps in one namespace would share pods. The selector comes
    // from the XR name instead (patches below).
    select: false,
    containers: [{
      name: 'app',
      image: 'registry.example.org/placeholder:latest',
      // Images are pinned by tag or digest: no need to pull on every pod start.
      imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
      ports: [{ number: 8080, name: 'http' }],
      // Traffic waits until the app accepts connections on its port (patched with the port).
      startup: kplus.Probe.fromTcpSocket({ port: 8080 }),
      resources: {
        cpu: { request: kplus.Cpu.millis(250), limit: kplus.Cpu.millis(500) },
        memory: { request: Size.mebibytes(256), limit: Size.mebibytes(512) },
      },
      // cdk8s-plus mounts nothing writable and sets readOnlyRootFilesystem: give the app a scratch /tmp.
      volumeMounts: [{ path: '/tmp', volume: kplus.Volume.fromEmptyDir(templates, 'tmp', 'tmp') }],
    }],
  });
  // The pod label cdk8s-plus always adds (cdk8s.io/metadata.addr) is the same for every App and
  // names a template path: drop it from the pod template.
  ApiObject.of(deployment).addJsonPatch(JsonPatch.remove('/spec/template/metadata/labels/cdk8s.io~1metadata.addr'));

  const service = new kplus.Service(templates, 'service', {
    // No `selector: deployment`: that would copy the shared cdk8s-plus address label.
    ports: [{ name: 'http', port: 80, targetPort: 8080 }],
  });

  const hpa = new kplus.HorizontalPodAutoscaler(templates, 'hpa', {
    target: deployment, // also leaves spec.replicas out of the Deployment: the autoscaler owns it
    minReplicas: 2,
    maxReplicas: 5,
    metrics: [kplus.Metric.resourceCpu(kplus.MetricTarget.averageUtilization(70))],
  });
  // cdk8s-plus writes the Deployment's construct name here, which a template does not have:
  // the name is patched from the XR like the Deployment's own.
  ApiObject.of(hpa).addJsonPatch(JsonPatch.remove('/spec/scaleTargetRef/name'));

  // Every object is named after the App and labelled with it: names and selectors stay unique
  // per App in a namespace (an XR's name never changes, so the immutable Deployment selector holds).
  comp.addPatchSet(PatchSet.of<AppXr>('instance', [
    Patch.fromCompositeFieldPath(xr => xr.metadata.name, 'metadata.name'),
    Patch.fromCompositeFieldPath(xr => xr.metadata.name, `metadata.labels[${INSTANCE_LABEL}]`),
  ]));
  // XR integers arrive as float64: convert before writing an integer field (reference §8.13).
  const toInt = { transforms: [Transform.convert(ConvertToType.INT64)] };

  comp.addResource<kplus.k8s.KubeDeploymentProps>('deployment', deployment).addPatch(
    Patch.patchSet('instance'),
    Patch.fromCompositeFieldPath(xr => xr.metadata.name, d => d.spec.selector.matchLabels[INSTANCE_LABEL]),
    Patch.fromCompositeFieldPath(xr => xr.metadata.name, d => d.spec.template.metadata.labels[INSTANCE_LABEL]),
    Patch.fromCompositeFieldPath(xr => xr.spec.image, d => d.spec.template.spec.containers[0].image),
    Patch.fromCompositeFieldPath(xr => xr.spec.port, d => d.spec.template.spec.containers[0].ports[0].containerPort, toInt),
    // The startup probe knocks on the container port: it follows the port.
    Patch.fromCompositeFieldPath(xr => xr.spec.port, d => d.spec.template.spec.containers[0].startupProbe.tcpSocket.port, toInt),
    // Quantities are strings in the XR and in the Deployment: no conversion.
    Patch.fromCompositeFieldPath(xr => xr.spec.resources.requests.cpu, d => d.spec.template.spec.containers[0].resources.requests.cpu),
    Patch.fromCompositeFieldPath(xr => xr.spec.resources.requests.memory, d => d.spec.template.spec.containers[0].resources.requests.memory),
    Patch.fromCompositeFieldPath(xr => xr.spec.resources.limits.cpu, d => d.spec.template.spec.containers[0].resources.limits.cpu),
    Patch.fromCompositeFieldPath(xr => xr.spec.resources.limits.memory, d => d.spec.template.spec.containers[0].resources.limits.memory),
    Patch.toCompositeFieldPath(d => d.status.availableReplicas, xr => xr.status.availableReplicas),
  );

  comp.addResource<kplus.k8s.KubeServiceProps>('service', service).addPatch(
    Patch.patchSet('instance'),
    Patch.fromCompositeFieldPath(xr => xr.metadata.name, s => s.spec.selector[INSTANCE_LABEL]),
    Patch.fromCompositeFieldPath(xr => xr.spec.port, s => s.spec.ports[0].targetPort, toInt),
    // A string path: the cdk8s-plus props type spells this field clusterIp, the wire name is clusterIP.
    Patch.toCompositeFieldPath('spec.clusterIP', xr => xr.status.clusterIP),
  );

  comp.addResource<kplus.k8s.KubeHorizontalPodAutoscalerV2Props>('hpa', hpa).addPatch(
    Patch.patchSet('instance'),
    Patch.fromCompositeFieldPath(xr => xr.metadata.name, h => h.spec.scaleTargetRef.name),
    Patch.fromCompositeFieldPath(xr => xr.spec.replicas.min, h => h.spec.minReplicas, toInt),
    Patch.fromCompositeFieldPath(xr => xr.spec.replicas.max, h => h.spec.maxReplicas, toInt),
    Patch.fromCompositeFieldPath(xr => xr.spec.replicas.cpuUtilization, h => h.spec.metrics[0].resource.target.averageUtilization, toInt),
    Patch.toCompositeFieldPath(h => h.status.currentReplicas, xr => xr.status.currentReplicas),
  );
}

/** A chart holding the App API (XRD and Composition), for `examples/main.ts` and tests. */
export class AppPlatform extends Chart {
  /** The API. */
  public readonly api: AppApi;

  public constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    this.api = new AppApi(this, 'App');
  }
}
