/** Built-in rules for a kind in both Upjet families (namespaced `.m.` and cluster-scoped), at the versions providers serve. */
import type { ProviderReport, SimulatedResource } from './provider-rule';
import { ProviderRule } from './provider-rule';

/** The versions Upjet providers serve their kinds at (a rule for a version a kind lacks never matches). */
const VERSIONS = ['v1beta1', 'v1beta2'];

/** One rule per family and version for every kind of `reports`, e.g. base `compute.gcp`. */
export function familyRules(base: string, reports: Record<string, (r: SimulatedResource) => ProviderReport>): ProviderRule[] {
  return Object.entries(reports).flatMap(([kind, report]) => VERSIONS.flatMap((version) => [
    ProviderRule.forKind(`${base}.m.upbound.io/${version}`, kind, report),
    ProviderRule.forKind(`${base}.upbound.io/${version}`, kind, report),
  ]));
}

/** A made-up certificate, base64 encoded as providers report CA data. */
export function simulatedCa(name: string): string {
  return Buffer.from(`-----BEGIN CERTIFICATE-----\nsimulated CA of ${name}\n-----END CERTIFICATE-----\n`).toString('base64');
}

/** A kubeconfig for a cluster at `server`, authenticating with `exec` (a command). */
export function simulatedKubeconfig(name: string, server: string, ca: string, command: string): string {
  return [
    'apiVersion: v1', 'kind: Config',
    'clusters:', `- name: ${name}`, '  cluster:', `    server: ${server}`, `    certificate-authority-data: ${ca}`,
    'contexts:', `- name: ${name}`, '  context:', `    cluster: ${name}`, `    user: ${name}`,
    `current-context: ${name}`,
    'users:', `- name: ${name}`, '  user:', '    exec:', '      apiVersion: client.authentication.k8s.io/v1beta1', `      command: ${command}`, '',
  ].join('\n');
}
