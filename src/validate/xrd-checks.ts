/**
 * Checks on XRD objects beyond their own CRD schema: what the API server would reject when
 * Crossplane applies the generated CRD (reference 1.3, 1.4 item 9): name = plural.group,
 * exactly one referenceable version, a schema in every version that is a valid structural
 * schema, claim names that do not collide; plus the offline-tool pitfall of reference 4.5
 * (a v2 XRD without an explicit scope is read as LegacyCluster).
 */
import { checkStructural } from '../schema/structural';
import { Finding, FindingObject } from './finding';
import { isRecord } from './_util';
import { crdsForXrd } from './xrd-crd';


/** Runs the XRD checks on one XRD object. Never throws on user data. */
export function checkXrd(xrd: Record<string, unknown>, object: FindingObject): Finding[] {
  const out: Finding[] = [];
  const add = (path: string, rule: string, message: string, severity: 'error' | 'warning' = 'error') => out.push({ object, path, rule, message, severity });
  const spec = isRecord(xrd.spec) ? xrd.spec : undefined;
  if (!spec) return out;
  const names = isRecord(spec.names) ? spec.names : {};
  const meta = isRecord(xrd.metadata) ? xrd.metadata : {};
  if (typeof names.plural === 'string' && typeof spec.group === 'string' && typeof meta.name === 'string' && meta.name !== `${names.plural}.${spec.group}`) {
    // Accepted by the API server (no webhook in v2), but Crossplane then fails to apply the
    // generated CRD (reference 1.3): a warning, since the object itself is admitted.
    add('metadata.name', 'xrd', `Invalid value: "${meta.name}": must be spec.names.plural + "." + spec.group, or Crossplane cannot apply the generated CRD: rename the XRD to ${names.plural}.${spec.group}`, 'warning');
  }
  if (typeof spec.group === 'string' && !spec.group.includes('.')) {
    add('spec.group', 'xrd', `Invalid value: "${spec.group}": should be a domain with at least one dot, e.g. platform.example.org`);
  }
  const versions = Array.isArray(spec.versions) ? spec.versions : [];
  const referenceable = versions.filter((v) => isRecord(v) && v.referenceable === true);
  if (versions.length > 0 && referenceable.length !== 1) {
    add('spec.versions', 'xrd', `Invalid value: ${referenceable.length} referenceable versions: exactly one version must have referenceable: true (it becomes the storage version)`);
  }
  const seen = new Set<string>();
  versions.forEach((v: unknown, i: number) => {
    if (!isRecord(v)) return;
    if (typeof v.name === 'string') {
      if (seen.has(v.name)) add(`spec.versions[${i}].name`, 'xrd', `Duplicate value: "${v.name}": version names must be unique`);
      seen.add(v.name);
    }
    const schema = isRecord(v.schema) ? v.schema.openAPIV3Schema : undefined;
    if (!isRecord(schema)) return;
    for (const viol of checkStructural(schema, `spec.versions[${i}].schema.openAPIV3Schema`, { root: true })) {
      add(viol.path, 'xrd-structural', `${viol.message}: ${viol.fix}`);
    }
  });
  for (const p of crdsForXrd(xrd).problems) add(p.path, 'xrd', p.message, p.severity);
  if (typeof xrd.apiVersion === 'string' && xrd.apiVersion.endsWith('/v2') && spec.scope === undefined) {
    add('spec.scope', 'xrd', 'scope not set: the API defaults it to Namespaced, but offline tools (crossplane resource validate) read XRDs as v1 and assume LegacyCluster; write scope: Namespaced (or Cluster) explicitly', 'warning');
  }
  return out;
}
