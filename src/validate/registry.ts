/**
 * Schema registry: which OpenAPI schema validates an object of a given apiVersion and kind.
 * Sources: the schemas generated into `imports/schemas/<group>.json` (loaded lazily, one group
 * at a time), CRD objects, XRD objects (converted as Crossplane does, see `xrd-crd.ts`) and XRD
 * constructs of a cdk8s app (anything whose `toJson()` gives an XRD).
 */
import * as path from 'node:path';
import { KUBERNETES_VERSIONS, SCHEMA_DIR } from '../../imports/schemas';
import { UserError } from '../errors';
import { importedGroup, splitApiVersion } from '../schema/imported-schemas';
import { JsonSchema } from '../schema/json-schema';
import { Finding, findingObject } from './finding';
import { isRecord } from './_util';
import { crdsForXrd, XrdReadScope } from './xrd-crd';
import { PACKAGE_META_GROUP, packageMetaGroup } from './package-meta-schemas';
import { SourcedObject } from './yaml-input';

/** Where a schema came from. */
export type SchemaOrigin = 'builtin' | 'crd' | 'xrd';

/** The schema of one served version of one kind. */
export interface SchemaEntry {
  /** API group (empty for the core group). */
  readonly group: string;
  /** API version within the group, e.g. `v1beta1`. */
  readonly version: string;
  /** Kind, e.g. `Cluster`. */
  readonly kind: string;
  /** Scope of the kind's objects. */
  readonly scope: 'Namespaced' | 'Cluster';
  /** The version's `openAPIV3Schema`. */
  readonly schema: JsonSchema;
  /** Where the schema came from. */
  readonly origin: SchemaOrigin;
  /** File, XRD name or `imports/schemas/<group>.json`. */
  readonly source: string;
  /** Whether the version is served by the API server. */
  readonly served: boolean;
}

/** An XRD known to the registry, for Composition checks. */
export interface RegisteredXrd {
  /** `metadata.name` of the XRD. */
  readonly name: string;
  /** API group of its XRs. */
  readonly group: string;
  /** Kind of its XRs. */
  readonly kind: string;
  /** Scope as read through the v1 API (absent = LegacyCluster). */
  readonly scope: XrdReadScope;
  /** Names of the versions marked `referenceable`. */
  readonly referenceableVersions: readonly string[];
  /** Names of all versions. */
  readonly versions: readonly string[];
  /**
   * Kind of its claims (legacy XRDs with claimNames).
   * @default - no claims
   */
  readonly claimKind?: string;
  /** The XRD object itself. */
  readonly object: Record<string, unknown>;
}

/** Options of {@link SchemaRegistry}. */
export interface SchemaRegistryOptions {
  /**
   * Load the schemas generated into `imports/schemas`: every CRD the package was built with and
   * the built-in Kubernetes kinds (core v1, apps/v1, batch/v1, autoscaling/v2, ...).
   * @default true
   */
  readonly builtIn?: boolean;
  /**
   * Folder holding `<group>.json` schema files.
   * @default - the `imports/schemas` folder of this package
   */
  readonly schemaDir?: string;
  /**
   * Kubernetes release (`major.minor`) whose schemas validate built-in kinds (Deployment,
   * Service, ...); one of {@link KUBERNETES_VERSIONS}.
   * @default - the newest release this package has schemas for (the first of KUBERNETES_VERSIONS)
   */
  readonly kubernetesVersion?: string;
}

/** The Kubernetes releases whose built-in kinds have schemas, newest (the default) first. */
export { KUBERNETES_VERSIONS };

/** Checks a Kubernetes release name; returns it, or throws a UserError naming the choices. */
export function checkKubernetesVersion(version: string): string {
  if (!KUBERNETES_VERSIONS.includes(version)) {
    throw new UserError(`Kubernetes version '${version}' has no built-in schemas: use one of ${KUBERNETES_VERSIONS.join(', ')}`);
  }
  return version;
}

/** Something that renders to an XRD, such as a CompositeResourceDefinition construct. */
export interface XrdSource {
  /** Renders the XRD object. */
  toJson(): unknown;
}

function key(group: string, version: string, kind: string): string {
  return `${group}/${version}/${kind}`;
}

/** Whether a value is a {@link SourcedObject} rather than a Kubernetes object. @internal */
export function isSourced(v: unknown): v is SourcedObject {
  return isRecord(v) && isRecord(v.object) && v.apiVersion === undefined && v.kind === undefined;
}

/** Registry of schemas keyed by group, version and kind. */
export class SchemaRegistry {
  private readonly entries = new Map<string, SchemaEntry>();
  private readonly loadedGroups = new Set<string>();
  private readonly xrds = new Map<string, RegisteredXrd>();
  private readonly schemaDir: string | undefined;
  /** Folder of the built-in kinds' schemas of a non-default Kubernetes release, read first. */
  private readonly kubernetesDir: string | undefined;
  private readonly builtIn: boolean;
  private generation = 0;

  public constructor(options: SchemaRegistryOptions = {}) {
    this.builtIn = options.builtIn ?? true;
    this.schemaDir = options.schemaDir ?? (this.builtIn ? SCHEMA_DIR : undefined);
    const k8s = checkKubernetesVersion(options.kubernetesVersion ?? KUBERNETES_VERSIONS[0]);
    this.kubernetesDir = this.schemaDir && k8s !== KUBERNETES_VERSIONS[0] ? path.join(this.schemaDir, `kubernetes-${k8s}`) : undefined;
  }

  /** Changes whenever a schema is added; caches keyed on entries use it. @internal */
  public get _generation(): number {
    return this.generation;
  }

  /** The schema for `apiVersion` + `kind`, or undefined when none is known. */
  public lookup(apiVersion: string, kind: string): SchemaEntry | undefined {
    const { group, version } = splitApiVersion(apiVersion);
    const k = key(group, version, kind);
    const hit = this.entries.get(k);
    if (hit) return hit;
    this.loadGroup(group);
    return this.entries.get(k);
  }

  /** Versions known for a group + kind (to suggest a fix when the version is wrong). */
  public versionsOf(group: string, kind: string): string[] {
    this.loadGroup(group);
    const out: string[] = [];
    for (const e of this.entries.values()) if (e.group === group && e.kind === kind) out.push(e.version);
    return out.sort();
  }

  /** Scope of a kind (any version), undefined when unknown. */
  public scopeOf(apiVersion: string, kind: string): 'Namespaced' | 'Cluster' | undefined {
    const hit = this.lookup(apiVersion, kind);
    if (hit) return hit.scope;
    const { group } = splitApiVersion(apiVersion);
    for (const e of this.entries.values()) if (e.group === group && e.kind === kind) return e.scope;
    return undefined;
  }

  /** XRDs added so far. */
  public get compositeDefinitions(): RegisteredXrd[] {
    return [...this.xrds.values()];
  }

  /** The XRD defining an XR (or claim) kind, by group + kind. */
  public xrdFor(group: string, kind: string): RegisteredXrd | undefined {
    for (const x of this.xrds.values()) if (x.group === group && (x.kind === kind || x.claimKind === kind)) return x;
    return undefined;
  }

  /** Adds one schema entry (later additions replace earlier ones for the same key). */
  public addEntry(entry: SchemaEntry): void {
    this.loadGroup(entry.group);
    this.entries.set(key(entry.group, entry.version, entry.kind), entry);
    this.generation++;
  }

  /**
   * Adds CRDs and XRDs found among `objects` (others are ignored). Returns findings for
   * extensions that cannot be used (no schema, missing names, bad XRD).
   */
  public addObjects(objects: readonly (SourcedObject | Record<string, unknown>)[]): Finding[] {
    const findings: Finding[] = [];
    for (const item of objects) {
      const so: SourcedObject = isSourced(item) ? item : { object: item as Record<string, unknown> };
      const o = so.object;
      if (o.kind === 'CustomResourceDefinition' && typeof o.apiVersion === 'string' && o.apiVersion.startsWith('apiextensions.k8s.io/')) findings.push(...this.addCrd(o, so.file, so.document));
      else if (o.kind === 'CompositeResourceDefinition' && typeof o.apiVersion === 'string' && o.apiVersion.startsWith('apiextensions.crossplane.io/')) findings.push(...this.addXrd(o, so.file, so.document));
    }
    return findings;
  }

  /** Adds XRD constructs (or anything with `toJson()` returning an XRD). */
  public addConstructs(sources: readonly XrdSource[]): Finding[] {
    const findings: Finding[] = [];
    for (const s of sources) {
      let json: unknown;
      try {
        json = s.toJson();
      } catch (err) {
        findings.push({ object: { apiVersion: '', kind: 'CompositeResourceDefinition', name: '' }, path: '', rule: 'xrd', severity: 'error', message: `cannot render the XRD construct: ${(err as Error).message}` });
        continue;
      }
      if (isRecord(json)) findings.push(...this.addXrd(json));
    }
    return findings;
  }

  /** Adds the served versions of a CRD object. */
  public addCrd(crd: Record<string, unknown>, file?: string, document?: number): Finding[] {
    const obj = findingObject(crd, file, document);
    // A CRD that cannot validate anything is worth a warning; objects of its kind then show up
    // as missing schemas (errors under errorOnMissingSchemas).
    const f = (p: string, message: string): Finding => ({ object: obj, path: p, rule: 'missing-schema', severity: 'warning', message });
    const spec = isRecord(crd.spec) ? crd.spec : undefined;
    const names = spec && isRecord(spec.names) ? spec.names : undefined;
    if (!spec || typeof spec.group !== 'string' || !names || typeof names.kind !== 'string') return [f('spec', 'CRD without spec.group or spec.names.kind: it cannot be used to validate anything')];
    const versions = Array.isArray(spec.versions) ? spec.versions : [];
    const out: Finding[] = [];
    versions.forEach((v: unknown, i: number) => {
      const ver = isRecord(v) ? v : {};
      const schema = isRecord(ver.schema) && isRecord(ver.schema.openAPIV3Schema) ? ver.schema.openAPIV3Schema : isRecord(spec.validation) && isRecord(spec.validation.openAPIV3Schema) ? spec.validation.openAPIV3Schema : undefined;
      if (!schema) {
        out.push(f(`spec.versions[${i}].schema.openAPIV3Schema`, `CRD version ${String(ver.name)} of ${String(names.kind)} has no schema: objects of this version cannot be validated; add schema.openAPIV3Schema`));
        return;
      }
      if (typeof ver.name !== 'string') return;
      this.addEntry({ group: spec.group as string, version: ver.name, kind: names.kind as string, scope: spec.scope === 'Namespaced' ? 'Namespaced' : 'Cluster', schema: schema as JsonSchema, origin: 'crd', source: file ?? String(isRecord(crd.metadata) ? crd.metadata.name : names.kind), served: ver.served !== false });
    });
    return out;
  }

  /** Adds the XR (and claim) CRD Crossplane would generate from an XRD object. */
  public addXrd(xrd: Record<string, unknown>, file?: string, document?: number): Finding[] {
    const obj = findingObject(xrd, file, document);
    const gen = crdsForXrd(xrd);
    const findings: Finding[] = gen.problems.map((p) => ({ object: obj, path: p.path, rule: 'xrd', severity: p.severity, message: p.message }));
    const spec = isRecord(xrd.spec) ? xrd.spec : {};
    const names = isRecord(spec.names) ? spec.names : {};
    const versions = (Array.isArray(spec.versions) ? spec.versions : []).filter(isRecord);
    const name = isRecord(xrd.metadata) && typeof xrd.metadata.name === 'string' ? xrd.metadata.name : '';
    if (typeof spec.group === 'string' && typeof names.kind === 'string') {
      this.xrds.set(`${spec.group}/${names.kind}`, {
        name,
        group: spec.group,
        kind: names.kind,
        scope: gen.scope,
        referenceableVersions: versions.filter((v) => v.referenceable === true).map((v) => String(v.name)),
        versions: versions.map((v) => String(v.name)),
        ...(isRecord(spec.claimNames) && typeof spec.claimNames.kind === 'string' ? { claimKind: spec.claimNames.kind } : {}),
        object: xrd,
      });
    }
    for (const crd of [gen.composite, gen.claim]) {
      if (!crd) continue;
      const cs = crd.spec as Record<string, any>;
      for (const v of cs.versions as Record<string, any>[]) {
        this.addEntry({ group: cs.group, version: v.name, kind: cs.names.kind, scope: cs.scope, schema: v.schema.openAPIV3Schema, origin: 'xrd', source: file ?? `XRD ${name}`, served: v.served !== false });
      }
    }
    return findings;
  }

  private loadGroup(group: string): void {
    if (this.loadedGroups.has(group)) return;
    this.loadedGroups.add(group);
    if (!this.schemaDir || (group !== '' && !/^[a-z0-9.-]+$/.test(group))) return;
    // Group files are read once per process and shared by every registry, so validators
    // compiled for their schemas are reused too.
    const fromRelease = this.kubernetesDir ? importedGroup(group, this.kubernetesDir) : undefined;
    const data = group === PACKAGE_META_GROUP ? packageMetaGroup() : fromRelease ?? importedGroup(group, this.schemaDir);
    const source = group === PACKAGE_META_GROUP ? data?.kinds[0]?.source : `imports/schemas/${fromRelease ? `${path.basename(this.kubernetesDir!)}/` : ''}${group === '' ? 'core' : group}.json`;
    if (!data) return;
    for (const k of data.kinds ?? []) {
      for (const v of k.versions ?? []) {
        const kk = key(group, v.name, k.kind);
        // Schemas added explicitly win over the built-in ones.
        if (!this.entries.has(kk)) this.entries.set(kk, { group, version: v.name, kind: k.kind, scope: k.scope === 'Namespaced' ? 'Namespaced' : 'Cluster', schema: v.schema ?? {}, origin: 'builtin', source: source ?? '', served: v.served !== false });
      }
    }
    this.generation++;
  }
}
