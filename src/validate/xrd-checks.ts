/**
 * Checks on XRD objects beyond their own CRD schema: what the API server would reject when
 * Crossplane applies the generated CRD (reference 1.3, 1.4 item 9): name = plural.group,
 * exactly one referenceable version, a schema in every version that is a valid structural
 * schema, claim names that do not collide; plus a warning where the Crossplane CLI disagrees
 * with a cluster (a v2 XRD without an explicit scope, reference 4.5).
 */
import { checkStructural } from '../schema/structural';
import { Finding, FindingObject } from './finding';
import { isRecord } from './_util';
import { crdsForXrd, isV2WithoutScope } from './xrd-crd';

/** Why a v2 XRD without scope is judged differently by `crossplane resource validate`. */
export const CLI_SCOPE_DIFFERS = 'scope not set: the API server defaults a v2 XRD to Namespaced, and so does this validator, '
  + 'but the Crossplane CLI (crossplane resource validate) reads XRDs as v1 and treats it as LegacyCluster, so it reports '
  + 'the XRs\' spec.crossplane as an unknown field';


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
    for (const viol of checkStructural(schema, `spec.versions[${i}].schema.openAPIV3Schema`, { xrd: true })) {
      add(viol.path, 'xrd-structural', `${viol.message}: ${viol.fix}`, viol.severity);
    }
  });
  for (const p of crdsForXrd(xrd).problems) add(p.path, 'xrd', p.message, p.severity);
  if (isV2WithoutScope(xrd)) {
    add('spec.scope', 'xrd', `${CLI_SCOPE_DIFFERS}; write scope: Namespaced (or Cluster) explicitly so both agree`, 'warning');
  }
  return out;
}
