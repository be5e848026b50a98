/**
 * The schemas generated into `imports/schemas/<group>.json` by `npm run import`: every
 * imported CRD kind and the built-in Kubernetes kinds (Deployment, Service, ...) with their
 * scope and, per version, served/storage flags and openAPIV3Schema.
 * Read once per file and kept (the files are large; parsing them is the cost worth avoiding).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SCHEMA_DIR } from '../../imports/schemas';
import { JsonSchema } from './json-schema';

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

/**
 * The imported kinds of `group`, read from `dir` (the generated folder by default, or another
 * folder of the same layout); undefined when the group was not imported. The core group ('',
 * apiVersion `v1`) is stored as `core.json`: CRD groups always contain a dot, so no CRD group
 * can take that name.
 */
export function importedGroup(group: string, dir: string = SCHEMA_DIR): ImportedGroup | undefined {
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
