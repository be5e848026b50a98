import * as fs from 'node:fs';
import * as path from 'node:path';
import { ApiObject, Testing } from 'cdk8s';
import { parse } from 'yaml';
import { ProviderRule, ResourceOutcome, validate } from 'cdk8s-crossplane';
import { renderComposition, setupMatchers, simulateComposition, SimulateCompositionOptions, toYamlSnapshot } from 'cdk8s-crossplane/testing';
import { AppPlatform, INSTANCE_LABEL } from '../../examples/app/app-api';

setupMatchers();

const EXAMPLES = path.resolve(__dirname, '../../examples/app');
const SHARED = path.resolve(__dirname, '../..', '../shared');
const hasShared = fs.existsSync(path.join(SHARED, 'crds', 'crossplane'));
if (!hasShared) console.warn(`skipping Crossplane CRD validation of the App XRD and Composition: ${SHARED}/crds not found (clone the shared folder beside the repo)`);

const platform = new AppPlatform(Testing.app(), 'app');
const { composition } = platform.api;
const xrd = ApiObject.of(platform.api.xrd).toJson();

const readXr = (file: string): Record<string, any> => parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));
const EXAMPLE_XRS = ['shop.yaml', 'hello.yaml'];
const shop = readXr('shop.yaml');
const hello = readXr('hello.yaml');

/** Renders an App as Crossplane does, with the XRD's defaults applied to the XR first. */
const renderApp = (xr: unknown, observed?: unknown[]) => renderComposition({ composition, xr, xrd, observed });

/** `hello` with `spec` fields replaced. */
const helloWith = (spec: Record<string, unknown>) => ({ ...hello, spec: { ...hello.spec, ...spec } });

const byKind = (resources: Record<string, any>[], kind: string) => resources.find(r => r.kind === kind)!;

describe('the App Composition', () => {
  test('runs patch-and-transform, then function-auto-ready for the built-in kinds that have no Ready condition', () => {
    expect(composition.pipeline).toStrictEqual([
      { step: 'patch-and-transform', functionName: 'function-patch-and-transform' },
      { step: 'automatically-detect-ready-composed-resources', functionName: 'function-auto-ready' },
    ]);
    expect(composition.warnings).toStrictEqual([]);
  });

  test('keeps cdk8s-plus construct addresses and the template name marker out of every base', () => {
    // Both are the same for every App: in a selector they would make Apps share pods, in
    // scaleTargetRef they would point the autoscaler at a Deployment that does not exist.
    const text = JSON.stringify(ApiObject.of(composition).toJson());
    expect(text).not.toContain('cdk8s.io/metadata.addr');
    expect(text).not.toContain('cdk8s-crossplane-template-generated-name');
  });

  (hasShared ? test : test.skip)('the XRD and Composition validate against the Crossplane CRDs and P&T\'s input CRD', () => {
    const objects = Testing.synth(platform);
    expect(objects).toBeValidAgainst([path.join(SHARED, 'crds', 'crossplane')], { errorOnMissingSchemas: true });
    const input = { ...composition.patchAndTransformInput(), metadata: { name: 'patch-and-transform' } };
    expect([input]).toBeValidAgainst([path.join(SHARED, 'crds', 'functions')], { errorOnMissingSchemas: true });
  });
});

describe.each(EXAMPLE_XRS)('example XR %s', (file) => {
  const xr = readXr(file);
  const out = renderApp(xr);
  const deployment = byKind(out.resources, 'Deployment');
  const service = byKind(out.resources, 'Service');
  const hpa = byKind(out.resources, 'HorizontalPodAutoscaler');

  test('validates against the App XRD (schema, defaults and CEL rules)', () => {
    expect([xr]).toBeValidAgainst([xrd], { errorOnMissingSchemas: true });
  });

  test('renders a Deployment, a Service and a HorizontalPodAutoscaler in the XR\'s namespace, named after the XR', () => {
    expect(out.resources.map(r => `${r.apiVersion} ${r.kind} ${r.metadata.namespace}/${r.metadata.name}`)).toStrictEqual([
      `apps/v1 Deployment ${xr.metadata.namespace}/${xr.metadata.name}`,
      `autoscaling/v2 HorizontalPodAutoscaler ${xr.metadata.namespace}/${xr.metadata.name}`,
      `v1 Service ${xr.metadata.namespace}/${xr.metadata.name}`,
    ]);
  });

  test('the rendered Deployment, Service and HPA validate against the Kubernetes schemas with zero findings', () => {
    expect(validate(out.resources)).toStrictEqual([]);
  });

  test('the Deployment selects exactly its pods, and the Service selects the same pods', () => {
    const selector = { [INSTANCE_LABEL]: xr.metadata.name };
    expect(deployment.spec.selector).toStrictEqual({ matchLabels: selector });
    expect(deployment.spec.template.metadata.labels).toStrictEqual(selector);
    expect(service.spec.selector).toStrictEqual(selector);
  });

  test('the autoscaler targets the Deployment, which leaves its replica count to the autoscaler', () => {
    expect(hpa.spec.scaleTargetRef).toStrictEqual({ apiVersion: deployment.apiVersion, kind: deployment.kind, name: deployment.metadata.name });
    expect(deployment.spec.replicas).toBeUndefined();
    expect(hpa.spec.minReplicas).toBeLessThanOrEqual(hpa.spec.maxReplicas);
  });

  test('the Service port, the container port and the startup probe agree', () => {
    const container = deployment.spec.template.spec.containers[0];
    expect(service.spec.ports).toStrictEqual([{ name: 'http', port: 80, targetPort: container.ports[0].containerPort }]);
    expect(container.startupProbe.tcpSocket.port).toBe(container.ports[0].containerPort);
    expect(deployment.spec.template.spec.volumes).toStrictEqual([{ emptyDir: {}, name: 'tmp' }]);
  });

  test('is not Ready before the cluster reports anything', () => {
    expect(out).not.toBeReady();
  });

  test('YAML snapshot of the render', () => {
    expect(toYamlSnapshot(out)).toMatchSnapshot();
  });
});

describe('patched fields follow the XR', () => {
  test('image', () => {
    const out = renderApp(helloWith({ image: 'ghcr.io/example-org/hello:2.0.1' }));
    expect(out).toHaveFieldValue('deployment', 'spec.template.spec.containers[0].image', 'ghcr.io/example-org/hello:2.0.1');
  });

  test('port: container port, startup probe and Service target port', () => {
    const out = renderApp(helloWith({ port: 3000 }));
    expect(out).toHaveFieldValue('deployment', 'spec.template.spec.containers[0].ports[0].containerPort', 3000);
    expect(out).toHaveFieldValue('deployment', 'spec.template.spec.containers[0].startupProbe.tcpSocket.port', 3000);
    expect(out).toHaveFieldValue('service', 'spec.ports[0].targetPort', 3000);
    expect(out).toHaveFieldValue('service', 'spec.ports[0].port', 80);
  });

  test('replicas: autoscaler bounds and CPU target', () => {
    const out = renderApp(helloWith({ replicas: { min: 4, max: 12, cpuUtilization: 55 } }));
    expect(out).toHaveFieldValue('hpa', 'spec.minReplicas', 4);
    expect(out).toHaveFieldValue('hpa', 'spec.maxReplicas', 12);
    expect(out).toHaveFieldValue('hpa', 'spec.metrics[0].resource', { name: 'cpu', target: { averageUtilization: 55, type: 'Utilization' } });
  });

  test('replicas: defaults from the XRD fill in what the XR leaves out', () => {
    const out = renderApp(helloWith({ replicas: { max: 8 } }));
    expect(out).toHaveFieldValue('hpa', 'spec.minReplicas', 2);
    expect(out).toHaveFieldValue('hpa', 'spec.maxReplicas', 8);
    expect(out).toHaveFieldValue('hpa', 'spec.metrics[0].resource.target.averageUtilization', 70);
  });

  test('resources: CPU and memory requests and limits, as quantity strings', () => {
    const out = renderApp(helloWith({ resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '2', memory: '3Gi' } } }));
    expect(out).toHaveFieldValue('deployment', 'spec.template.spec.containers[0].resources', {
      requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '2', memory: '3Gi' },
    });
  });

  test('two Apps in one namespace get distinct names and selectors', () => {
    const a = renderApp(helloWith({}));
    const b = renderApp({ ...hello, metadata: { ...hello.metadata, name: 'hello-canary' } });
    expect(b).toHaveFieldValue('deployment', `spec.selector.matchLabels[${INSTANCE_LABEL}]`, 'hello-canary');
    expect(b).toHaveFieldValue('service', `spec.selector[${INSTANCE_LABEL}]`, 'hello-canary');
    expect(b).toHaveFieldValue('hpa', 'spec.scaleTargetRef.name', 'hello-canary');
    const names = [...a.resources, ...b.resources].map(r => `${r.kind}/${r.metadata.name}`);
    expect(new Set(names).size).toBe(6);
  });

  test('the XRD rejects an App whose minimum replicas exceed the maximum', () => {
    const findings = validate([helloWith({ replicas: { min: 6, max: 3 } })], { schemas: [xrd] });
    expect(findings.filter(f => f.severity === 'error').map(f => f.message)).toStrictEqual([
      expect.stringContaining('replicas.min must not exceed replicas.max'),
    ]);
  });
});

describe('the App\'s life: readiness from function-auto-ready and status written back (simulated cluster)', () => {
  const simulateApp = (options: Partial<SimulateCompositionOptions> = {}) => simulateComposition({ composition, xr: shop, xrd, ...options });

  test('becomes Ready on the second reconcile, with each resource ready and its status written back', () => {
    const sim = simulateApp();
    expect(sim).toBecomeReadyWithin(2);
    expect(sim.reconciles[0].created).toStrictEqual(['deployment', 'hpa', 'service']);
    expect(sim).toBeReady('deployment');
    expect(sim).toBeReady('service');
    expect(sim).toBeReady('hpa');
    const deployment = byKind(sim.resources, 'Deployment');
    const service = byKind(sim.resources, 'Service');
    expect(sim).toHaveFieldValue('xr', 'status.availableReplicas', deployment.status.availableReplicas);
    expect(sim).toHaveFieldValue('xr', 'status.currentReplicas', byKind(sim.resources, 'HorizontalPodAutoscaler').status.currentReplicas);
    expect(sim).toHaveFieldValue('xr', 'status.clusterIP', service.spec.clusterIP);
    expect([{ ...shop, status: sim.xr.status }]).toBeValidAgainst([xrd]);
  });

  test('a Deployment that never becomes Available keeps the XR not Ready, and the simulation names it', () => {
    const sim = simulateApp({ outcomes: { deployment: ResourceOutcome.unready() } });
    expect(sim.verdict).toMatchObject({ kind: 'stuck', waitingOn: [{ resource: 'deployment', reason: 'unready' }] });
    expect(sim).toBeReady('service');
    expect(sim).toBeReady('hpa');
    expect(sim).not.toBeReady();
  });

  test('an autoscaler that cannot read CPU metrics is not ready', () => {
    const failing = ProviderRule.forKind('autoscaling/v2', 'HorizontalPodAutoscaler', {
      status: { currentReplicas: 3, conditions: [{ type: 'ScalingActive', status: 'False', reason: 'FailedGetResourceMetric' }] },
    });
    const sim = simulateApp({ providers: [failing] });
    expect(sim).not.toBeReady('hpa');
    expect(sim).not.toBecomeReadyWithin(10);
    expect(sim).toHaveFieldValue('xr', 'status.currentReplicas', 3);
  });

  test('without the auto-ready step the same healthy resources never become ready (they have no Ready condition)', () => {
    const json = ApiObject.of(composition).toJson();
    const withoutAutoReady = { ...json, spec: { ...json.spec, pipeline: json.spec.pipeline.filter((s: any) => s.functionRef.name !== 'function-auto-ready') } };
    const sim = simulateComposition({ composition: withoutAutoReady, xr: shop, xrd, functions: composition.functionPackages.map(p => ({
      apiVersion: 'pkg.crossplane.io/v1', kind: 'Function', metadata: { name: p.name }, spec: { package: p.packageReference },
    })) });
    expect(sim.verdict).toMatchObject({ kind: 'stuck', waitingOn: expect.arrayContaining([expect.objectContaining({ resource: 'deployment', reason: 'unready' })]) });
    expect(sim).not.toBeReady('deployment');
  });
});

describe('the chart', () => {
  test('synthesizes the XRD and the Composition only (templates are not standalone manifests), Functions in the app\'s registry: YAML snapshot', () => {
    const app = Testing.app();
    const chart = new AppPlatform(app, 'app');
    expect(Testing.synth(chart).map(o => o.kind)).toStrictEqual(['CompositeResourceDefinition', 'Composition']);
    const functions = app.charts.filter(c => c !== chart).flatMap(c => c.toJson());
    expect(functions.map(o => `${o.kind} ${o.metadata.name}`).sort()).toStrictEqual(['Function function-auto-ready', 'Function function-patch-and-transform']);
    expect(app.synthYaml()).toMatchSnapshot();
  });
});
