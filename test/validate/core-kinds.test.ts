import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ApiObject, Chart, Cron, Duration, Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { parse, parseAllDocuments } from 'yaml';
import { validate, SchemaRegistry } from 'cdk8s-crossplane';
import { renderComposition } from 'cdk8s-crossplane/testing';
import { AppPlatform } from '../../examples/app/app-api';
import { writeBuiltInSchemas } from '../../scripts/built-in-kinds';

// Built-in kinds are validated against the Kubernetes OpenAPI definitions written to
// imports/schemas by `npm run import` (scripts/built-in-kinds.ts), as the API server and
// `crossplane resource validate` check them.

const REPO = path.resolve(__dirname, '../..');
const SCHEMAS = path.join(REPO, 'imports', 'schemas');
const CORPUS = path.join(path.resolve(__dirname, '../..', '../shared'), 'corpus');
const hasCorpus = fs.existsSync(CORPUS);
if (!hasCorpus) console.warn(`skipping the corpus check of built-in kinds: ${CORPUS} not found (clone the shared folder beside the repo)`);

const meta = (name: string) => ({ name, namespace: 'team-a', labels: { app: name } });

const deployment = (spec: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: meta('web'),
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: {
      // `kubectl get -o yaml` and many generators write a null creationTimestamp.
      metadata: { labels: { app: 'web' }, creationTimestamp: null },
      spec: {
        containers: [{
          name: 'web',
          image: 'nginx:1.27',
          ports: [{ containerPort: 8080, name: 'http' }],
          resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: 1, memory: '128Mi' } },
          readinessProbe: { httpGet: { path: '/healthz', port: 'http' } },
          env: [{ name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
        }],
        volumes: [{ name: 'tmp', emptyDir: {} }],
      },
    },
    ...spec,
  },
});

const service = (ports: unknown[] = [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }]) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: meta('web'),
  spec: { type: 'ClusterIP', selector: { app: 'web' }, ports },
});

const hpa = {
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: meta('web'),
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
    minReplicas: 2,
    maxReplicas: 10,
    metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
  },
};

const secret = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: meta('creds'),
  type: 'Opaque',
  data: { password: Buffer.from('s3cr3t').toString('base64') },
  stringData: { user: 'admin' },
};

const describeFindings = (objects: unknown[]) => validate(objects).map((f) => `${f.object.kind} ${f.severity} ${f.rule} ${f.path}: ${f.message}`);

describe('built-in Kubernetes kinds', () => {
  test('a valid Deployment, Service, HorizontalPodAutoscaler and Secret validate with no findings at all', () => {
    expect(describeFindings([deployment(), service(), hpa, secret])).toStrictEqual([]);
  });

  test.each([
    ['ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('cfg'), data: { 'app.yaml': 'a: 1' } }],
    ['ServiceAccount', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('sa'), automountServiceAccountToken: false }],
    ['Namespace', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } }],
    ['Job', { apiVersion: 'batch/v1', kind: 'Job', metadata: meta('job'), spec: { backoffLimit: 2, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'run', image: 'busybox' }] } } } }],
    ['Ingress', { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: meta('web'), spec: { rules: [{ host: 'example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] } }],
    ['PodDisruptionBudget', { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: meta('web'), spec: { maxUnavailable: '25%', selector: { matchLabels: { app: 'web' } } } }],
    ['ClusterRole', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'reader' }, rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }] }],
  ])('a valid %s validates with no findings', (_kind, obj) => {
    expect(describeFindings([obj])).toStrictEqual([]);
  });

  test('an unknown field in a Deployment spec is reported where pruning would drop it', () => {
    const findings = validate([deployment({ replicsa: 3 })]);
    expect(findings.map((f) => [f.rule, f.path, f.severity])).toStrictEqual([['unknown-field', 'spec.replicsa', 'error']]);
  });

  test('an unknown field deep in the pod template is reported too', () => {
    const d = deployment();
    (d.spec.template.spec.containers[0] as Record<string, unknown>).imagePullPolcy = 'Always';
    expect(validate([d]).map((f) => [f.rule, f.path])).toStrictEqual([['unknown-field', 'spec.template.spec.containers[0].imagePullPolcy']]);
  });

  test('a string where an integer is expected is reported', () => {
    const findings = validate([deployment({ replicas: '3' })]);
    expect(findings.map((f) => [f.rule, f.path, f.severity])).toStrictEqual([['schema', 'spec.replicas', 'error']]);
    expect(findings[0].message).toContain('must be of type integer');
  });

  test('a Service port without `port` is reported as a required value', () => {
    const findings = validate([service([{ name: 'http', targetPort: 8080 }])]);
    expect(findings.map((f) => [f.rule, f.path, f.message])).toStrictEqual([['required', 'spec.ports[0].port', 'Required value']]);
  });

  test('Secret data must be base64', () => {
    const findings = validate([{ ...secret, data: { password: 'not base64!' } }]);
    expect(findings.map((f) => [f.rule, f.path])).toStrictEqual([['schema', 'data.password']]);
  });

  test('int-or-string ports accept integers and strings, and nothing else', () => {
    expect(validate([service([{ port: 80, targetPort: 8080 }, { port: 81, targetPort: 'metrics', name: 'metrics' }])])).toStrictEqual([]);
    const bad = validate([service([{ port: 80, targetPort: true }])]);
    expect(bad.map((f) => [f.rule, f.path])).toStrictEqual([['schema', 'spec.ports[0].targetPort']]);
  });

  test('quantities accept strings and numbers (the API server decodes `cpu: 0.5`), and nothing else', () => {
    const withResources = (resources: unknown) => {
      const d = deployment();
      (d.spec.template.spec.containers[0] as Record<string, unknown>).resources = resources;
      return d;
    };
    expect(validate([withResources({ requests: { cpu: 0.5, memory: '1Gi' }, limits: { cpu: 2 } })])).toStrictEqual([]);
    const bad = validate([withResources({ requests: { cpu: true } })]);
    // Each rejected alternative (number, string) is reported beside the summary.
    expect(bad.length).toBeGreaterThan(0);
    expect(new Set(bad.map((f) => `${f.rule} ${f.path} ${f.severity}`))).toStrictEqual(new Set(['schema spec.template.spec.containers[0].resources.requests.cpu error']));
    expect(bad.map((f) => f.message)).toContain('Invalid value: true: spec.template.spec.containers[0].resources.requests.cpu in body must match at least one schema in anyOf');
  });

  test('scopes come from the Kubernetes API: Namespace and cluster RBAC kinds are cluster-scoped', () => {
    const registry = new SchemaRegistry();
    expect(registry.scopeOf('v1', 'Namespace')).toBe('Cluster');
    expect(registry.scopeOf('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding')).toBe('Cluster');
    expect(registry.scopeOf('v1', 'Service')).toBe('Namespaced');
    expect(registry.scopeOf('apps/v1', 'Deployment')).toBe('Namespaced');
  });

  test('a kind in a version the cluster does not serve is still a missing schema', () => {
    const findings = validate([{ ...hpa, apiVersion: 'autoscaling/v2beta9' }]);
    expect(findings.map((f) => f.rule)).toStrictEqual(['missing-schema']);
  });
});

describe('objects made by others validate with zero findings (no false positives)', () => {
  test('cdk8s-plus output of every built-in kind it synthesizes', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'team-a' });
    const cm = new kplus.ConfigMap(chart, 'cm', { data: { a: 'b' } });
    const sec = new kplus.Secret(chart, 'sec', { stringData: { a: 'b' } });
    const sa = new kplus.ServiceAccount(chart, 'sa');
    const tmp = kplus.Volume.fromEmptyDir(chart, 'tmp', 'tmp', { sizeLimit: Size.gibibytes(1) });
    const d = new kplus.Deployment(chart, 'd', {
      serviceAccount: sa,
      containers: [{
        image: 'nginx', portNumber: 80, liveness: kplus.Probe.fromHttpGet('/healthz'), volumeMounts: [{ path: '/tmp', volume: tmp }],
        envVariables: { A: kplus.EnvValue.fromConfigMap(cm, 'a'), B: kplus.EnvValue.fromSecretValue({ secret: sec, key: 'a' }) },
        resources: { cpu: { request: kplus.Cpu.millis(100), limit: kplus.Cpu.units(1) }, memory: { request: Size.mebibytes(64) } },
      }],
    });
    const svc = d.exposeViaService({ ports: [{ port: 8080, targetPort: 80 }] });
    new kplus.Ingress(chart, 'ing', { defaultBackend: kplus.IngressBackend.fromService(svc) });
    new kplus.HorizontalPodAutoscaler(chart, 'hpa', { target: d, maxReplicas: 5, metrics: [kplus.Metric.resourceCpu(kplus.MetricTarget.averageUtilization(70))] });
    new kplus.StatefulSet(chart, 'ss', { containers: [{ image: 'redis', portNumber: 6379 }], service: new kplus.Service(chart, 'ss-svc', { ports: [{ port: 6379 }] }) });
    new kplus.DaemonSet(chart, 'ds', { containers: [{ image: 'agent' }] });
    new kplus.Job(chart, 'job', { containers: [{ image: 'busybox' }], ttlAfterFinished: Duration.minutes(5) });
    new kplus.CronJob(chart, 'cj', { containers: [{ image: 'busybox' }], schedule: Cron.daily() });
    new kplus.NetworkPolicy(chart, 'np', { selector: d, ingress: { rules: [{ peer: kplus.Pods.all(chart, 'all-pods'), ports: [kplus.NetworkPolicyPort.tcp(80)] }] } });
    const role = new kplus.Role(chart, 'role');
    role.allowRead(cm);
    new kplus.RoleBinding(chart, 'rb', { role }).addSubjects(sa);
    const cr = new kplus.ClusterRole(chart, 'cr');
    cr.allow(['get'], kplus.ApiResource.PODS);
    new kplus.ClusterRoleBinding(chart, 'crb', { role: cr }).addSubjects(sa);
    new kplus.Namespace(chart, 'ns');
    new kplus.PersistentVolumeClaim(chart, 'pvc', { storage: Size.gibibytes(5), accessModes: [kplus.PersistentVolumeAccessMode.READ_WRITE_ONCE] });
    new kplus.Pod(chart, 'pod', { containers: [{ image: 'nginx' }] });
    const objects = Testing.synth(chart);
    expect(objects.length).toBeGreaterThanOrEqual(20);
    expect(describeFindings(objects)).toStrictEqual([]);
  });

  (hasCorpus ? test : test.skip)('manifests of built-in kinds in the corpus (Crossplane e2e setups, configuration examples)', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(dir, e.name));
        else if (/\.ya?ml$/.test(e.name)) files.push(path.join(dir, e.name));
      }
    };
    walk(CORPUS);
    const registry = new SchemaRegistry();
    const builtIn: Record<string, unknown>[] = [];
    for (const file of files) {
      for (const doc of parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
        if (doc.errors.length > 0) continue;
        const o = doc.toJS();
        // Built-in API groups: core (`v1`), single-word groups and `*.k8s.io`.
        const builtInApi = typeof o?.apiVersion === 'string' && /^(v1|[a-z]+\/v\w+|[a-z.]+\.k8s\.io\/v\w+)$/.test(o.apiVersion);
        if (builtInApi && typeof o.kind === 'string' && registry.lookup(o.apiVersion, o.kind)) builtIn.push(o);
      }
    }
    expect(builtIn.length).toBeGreaterThanOrEqual(10);
    expect(describeFindings(builtIn)).toStrictEqual([]);
  });
});

describe('the App example', () => {
  const platform = new AppPlatform(Testing.app(), 'app');
  const xrd = ApiObject.of(platform.api.xrd).toJson();

  test.each(['shop.yaml', 'hello.yaml'])('%s renders a Deployment, Service and HPA that validate with zero findings', (file) => {
    const xr = parse(fs.readFileSync(path.join(REPO, 'examples', 'app', file), 'utf8'));
    const out = renderComposition({ composition: platform.api.composition, xr, xrd });
    expect(out.resources.map((r) => r.kind).sort()).toStrictEqual(['Deployment', 'HorizontalPodAutoscaler', 'Service']);
    expect(describeFindings(out.resources)).toStrictEqual([]);
  });
});

describe('the stored built-in schemas', () => {
  test('are exactly what the generator writes from kubernetes-models (run `npm run import` after upgrading it)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'core-kinds-'));
    const write = process.stdout.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    let names: string[];
    try {
      names = writeBuiltInSchemas(REPO, dir);
    } finally {
      process.stdout.write = write;
    }
    expect(names).toContain('core');
    for (const name of names) {
      expect(`${name}: ${fs.readFileSync(path.join(dir, `${name}.json`), 'utf8') === fs.readFileSync(path.join(SCHEMAS, `${name}.json`), 'utf8')}`).toBe(`${name}: true`);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
