/** The shape of an imported API group: its kinds, their scope and versions with schemas. */
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
