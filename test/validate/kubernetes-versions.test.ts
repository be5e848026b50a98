/**
 * Built-in kinds are validated against the schemas of a Kubernetes release that is an option:
 * the newest one by default, older ones on request. Expectations come from Kubernetes itself:
 * - sidecar containers (`initContainers[].restartPolicy: Always`) arrived in 1.28
 *   (kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/SidecarContainers.md,
 *   alpha from 1.28) and cdk8s-plus-28 writes them: under the 1.25 schemas this package used to
 *   ship they were an unknown field;
 * - `spec.hostnameOverride` arrived in 1.34 (feature gate HostnameOverride, alpha from 1.34,
 *   kubernetes/website .../feature-gates/HostnameOverride.md; KEP-4762), so 1.33 does not know it.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { main } from '../../src/cli/main';
import { KUBERNETES_VERSIONS, SchemaRegistry } from '../../src/validate/registry';
import { validate } from '../../src/validate/validate';

const pod = (spec: Record<string, unknown>) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'n' },
  spec: { containers: [{ name: 'app', image: 'nginx' }], ...spec },
});
const sidecar = pod({ initContainers: [{ name: 'proxy', image: 'envoy', restartPolicy: 'Always' }] });
const override = pod({ hostnameOverride: 'web.example.org' });
const errors = (o: unknown, kubernetesVersion?: string) => validate(o, { kubernetesVersion }).filter((f) => f.severity === 'error').map((f) => `${f.path}: ${f.message}`);

describe('Kubernetes release of the built-in schemas', () => {
  test('at least 1.28: the newest is the default, and every release offered is 1.28 or later', () => {
    expect(KUBERNETES_VERSIONS[0]).toBe('1.34');
    for (const v of KUBERNETES_VERSIONS) expect(Number(v.split('.')[1])).toBeGreaterThanOrEqual(28);
  });

  test('a sidecar container (1.28) is valid under every release offered', () => {
    for (const v of KUBERNETES_VERSIONS) expect(errors(sidecar, v)).toEqual([]);
    expect(errors(sidecar)).toEqual([]);
  });

  test('spec.hostnameOverride (1.34) is known to 1.34 and an unknown field to 1.33', () => {
    expect(errors(override)).toEqual([]);
    expect(errors(override, '1.34')).toEqual([]);
    expect(errors(override, '1.33')).toEqual([expect.stringMatching(/^spec\.hostnameOverride: unknown field "hostnameOverride"/)]);
  });

  test('an unknown release is refused, naming the ones there are', () => {
    expect(() => new SchemaRegistry({ kubernetesVersion: '1.25' })).toThrow(/Kubernetes version '1.25' has no built-in schemas: use one of 1.34, 1.33/);
  });

  test('the CLI takes --kubernetes-version, and refuses an unknown one as a usage error', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-version-'));
    const file = path.join(dir, 'pod.yaml');
    fs.writeFileSync(file, JSON.stringify(override));
    const run = async (...args: string[]) => {
      let out = '';
      const io = { stdout: (t: string) => { out += t; }, stderr: (t: string) => { out += t; }, stdin: () => '' };
      return { code: await main(['validate', file, file, ...args], io), out };
    };
    expect((await run()).code).toBe(0);
    const old = await run('--kubernetes-version', '1.33');
    expect(old.code).toBe(1);
    expect(old.out).toContain('spec.hostnameOverride: Invalid value: "hostnameOverride": unknown field: "hostnameOverride"');
    const bad = await run('--kubernetes-version', '1.20');
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('--kubernetes-version must be one of 1.34, 1.33');
  });
});
