/**
 * The schemas generated into `imports/schemas/<group>.json` by `npm run import`: every
 * imported CRD kind and the built-in Kubernetes kinds (Deployment, Service, ...) with their
 * scope and, per version, served/storage flags and openAPIV3Schema.
 * Read once per file and kept (the files are large; parsing them is the cost worth avoiding).
 *
 * The platform repository's own provider CRDs (the `imports` of its `cdk8s.yaml`, see
 * `provider-crds.ts`) lie over them: a kind the repository lists replaces the bundled kind of
 * that name, so every caller of `importedGroup` sees the provider versions the repository runs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SCHEMA_DIR } from '../../imports/schemas';
import type { ImportedGroup } from './imported-kind';
import { onProjectCrdsChange, projectCrds } from './provider-crds';

export type { ImportedGroup, ImportedKind, ImportedVersion } from './imported-kind';

const cache = new Map<string, ImportedGroup | null>();
const overlaid = new Map<string, ImportedGroup | null>();
onProjectCrdsChange(() => overlaid.clear());

/**
 * The imported kinds of `group`, read from `dir` (the generated folder by default, or another
 * folder of the same layout); undefined when the group was not imported. The core group ('',
 * apiVersion `v1`) is stored as `core.json`: CRD groups always contain a dot, so no CRD group
 * can take that name.
 */
export function importedGroup(group: string, dir: string = SCHEMA_DIR): ImportedGroup | undefined {
  if (dir !== SCHEMA_DIR) return bundledGroup(group, dir);
  const project = projectCrds();
  if (!project) return bundledGroup(group, dir);
  let hit = overlaid.get(group);
  if (hit === undefined) {
    const own = project.groups.get(group);
    const bundled = bundledGroup(group, dir);
    if (!own) hit = bundled ?? null;
    else {
      const mine = new Set(own.kinds.map(k => k.kind));
      const kinds = [...own.kinds, ...(bundled?.kinds ?? []).filter(k => !mine.has(k.kind))]
        .sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
      hit = { group, kinds };
    }
    overlaid.set(group, hit);
  }
  return hit ?? undefined;
}

function bundledGroup(group: string, dir: string): ImportedGroup | undefined {
  const file = path.join(dir, `${group === '' ? 'core' : group}.json`);
  let hit = cache.get(file);
  if (hit === undefined) {
    try {
      hit = JSON.parse(fs.readFileSync(file, 'utf8')) as ImportedGroup;
    } catch {
      hit = null; // not imported (or unreadable): callers treat the group as unknown
    }
    cache.set(file, hit);
  }
  return hit ?? undefined;
}

/** Splits `group/version` (`v1` alone is the core group, `''`). */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.lastIndexOf('/');
  return i < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}
