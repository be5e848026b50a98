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
import { JsonSchema } from './json-schema';
import { onProjectCrdsChange, projectCrds } from './provider-crds';

/** One version of an imported kind. */
export interface ImportedVersion {
  readonly name: string;
  readonly served: boolean;
  readonly storage: boolean;
  /** `true` when the CRD marks the version deprecated. @default - not deprecated */
  readonly deprecated?: boolean;
  /** The version's `openAPIV3Schema` (null when the CRD has none). */
  readonly schema: JsonSchema | null;
}

/** One imported kind. */
export interface ImportedKind {
  readonly kind: string;
  readonly plural: string;
  readonly scope: 'Namespaced' | 'Cluster';
  /** The CRD file the kind was imported from, relative to the CRD folder. */
  readonly source: string;
  readonly versions: readonly ImportedVersion[];
}

/** The imported kinds of one API group. */
export interface ImportedGroup {
  readonly group: string;
  readonly kinds: readonly ImportedKind[];
}

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
