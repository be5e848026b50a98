/**
 * What a simulated provider reports for one kind: the fields a real provider (or the API server)
 * fills in once the resource exists, e.g. a service account's `email` or a cluster's `endpoint`
 * and kubeconfig. Rules are keyed by the L1 class from `imports/`, so the kind cannot be
 * misspelled, and what they report is typed by the kind's generated status type (when its
 * group has a status module) and checked against the kind's imported status schema.
 */
import { UserError } from '../../errors';
import { importedGroup, splitApiVersion } from '../../schema/imported-schemas';
import type { JsonSchema } from '../../schema/json-schema';
import type { DeepPartial } from '../../pt/field-path';
import type { STATUS_TYPE } from './status-type';

/** A generated L1 class (`Cluster` from `imports/container.gcp.m.upbound.io`): its GVK and props type. */
export interface ProviderKind<P> {
  /** apiVersion and kind of the class. */
  readonly GVK: { readonly apiVersion: string; readonly kind: string };
  /** Renders a manifest from props (only its parameter type is used, to type the rule). */
  manifest(props: P): unknown;
}

/** The `spec` of a props type, when it has one. */
export type SpecOf<P> = P extends { readonly spec?: infer S } ? NonNullable<S> : Record<string, unknown>;

/**
 * The `status` type of a props type: generated per kind into `imports/<group>.status.ts` (see
 * `src/schema/generate-status-types.ts`), which attaches it to the props under `STATUS_TYPE`.
 * A kind without one (no status schema, or imported before status types existed) falls back to
 * `Record<string, unknown>`, checked at run time only.
 */
export type StatusOf<P> = typeof STATUS_TYPE extends keyof P ? NonNullable<P[typeof STATUS_TYPE]> : Readonly<Record<string, unknown>>;

/** The `status.atProvider` type of a props type, when its status type has one. */
export type AtProviderOf<P> = 'atProvider' extends keyof StatusOf<P> ? NonNullable<StatusOf<P>['atProvider' & keyof StatusOf<P>]> : Readonly<Record<string, unknown>>;

/** A composed resource as the simulated provider sees it: what Crossplane applied. */
export interface SimulatedResource<P = unknown> {
  /** apiVersion of the resource. */
  readonly apiVersion: string;
  /** Kind of the resource. */
  readonly kind: string;
  /** Metadata, with the name the API server gave it. */
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly annotations: Readonly<Record<string, string>>; readonly labels: Readonly<Record<string, string>> };
  /** The applied spec (as plain JSON: field names as in the CRD). */
  readonly spec: SpecOf<P>;
  /** The composition resource name (the `crossplane.io/composition-resource-name` annotation). */
  readonly resourceName: string;
  /** The external name: the `crossplane.io/external-name` annotation, or the resource's name. */
  readonly externalName: string;
}

/**
 * What a provider reports for a resource, merged over the defaults for its kind. `P` is the L1
 * props type of the kind: it types `spec`.
 */
export interface ProviderReport<P = unknown> {
  /**
   * Fields of `status.atProvider` (managed resources), merged over the echo of `spec.forProvider`.
   * @default - the echo only
   */
  readonly atProvider?: AtProviderOf<P>;
  /**
   * Other `status` fields (a Deployment's replica counts), merged over the kind's defaults.
   * @default - the kind's defaults only
   */
  readonly status?: StatusOf<P>;
  /**
   * `spec` fields filled in after creation (late initialization: a Service's `clusterIP`).
   * @default - none
   */
  readonly spec?: DeepPartial<SpecOf<P>>;
  /**
   * The provider's connection details for the resource (its connection Secret), as plain text.
   * @default - none
   */
  readonly connectionDetails?: Readonly<Record<string, string>>;
}

/** A report, or a function computing it from the applied resource. */
export type ProviderReportSource<P> = ProviderReport<P> | ((resource: SimulatedResource<P>) => ProviderReport<P>);

/** A rule of a simulated provider for one kind. */
export class ProviderRule {
  /**
   * What the provider reports for resources of the L1 class `kind`. The class types the
   * applied `spec` the rule reads, the `spec` fields it fills in and, through the generated
   * status module beside the class (`imports/<group>.status.ts`), the `status` and
   * `status.atProvider` fields it reports. The status fields are also checked at run time
   * against the kind's imported status schema, with a suggestion for a misspelt name (for a
   * kind without a status type, and for reports computed by untyped code).
   *
   * ```ts
   * ProviderRule.for(ServiceAccount, sa => ({ atProvider: { email: `${sa.externalName}@${sa.spec.forProvider?.project}.iam.gserviceaccount.com` } }))
   * ```
   * @throws UserError when a fixed report sets a status field the kind's schema does not have
   */
  public static for<P>(kind: ProviderKind<P>, report: ProviderReportSource<NoInfer<P>>): ProviderRule {
    return ProviderRule.forKind(kind.GVK.apiVersion, kind.GVK.kind, report as ProviderReportSource<unknown>);
  }

  /**
   * The same, for a kind given by apiVersion and kind (a kind without an L1 class).
   * @throws UserError when a fixed report sets a status field the kind's schema does not have
   */
  public static forKind(apiVersion: string, kind: string, report: ProviderReportSource<unknown>): ProviderRule {
    const rule = new ProviderRule(apiVersion, kind, report);
    if (typeof report !== 'function') rule.check(report);
    return rule;
  }

  private constructor(
    /** apiVersion of the kind. */
    public readonly apiVersion: string,
    /** The kind. */
    public readonly kind: string,
    private readonly source: ProviderReportSource<unknown>,
  ) {}

  /** `Kind (apiVersion)`, as messages name the rule. */
  public get label(): string {
    return `${this.kind} (${this.apiVersion})`;
  }

  /** Whether the rule is for this object's apiVersion and kind. */
  public matches(apiVersion: string, kind: string): boolean {
    return this.apiVersion === apiVersion && this.kind === kind;
  }

  /**
   * The report for an applied resource, checked against the kind's status schema.
   * @internal
   */
  public _report(resource: SimulatedResource): ProviderReport {
    if (typeof this.source !== 'function') return this.source;
    const report = this.source(resource);
    this.check(report ?? {});
    return report ?? {};
  }

  /** Every status field a report sets must exist in the imported schema (when the kind was imported). */
  private check(report: ProviderReport): void {
    const status = statusSchema(this.apiVersion, this.kind);
    if (!status) return;
    const problems: string[] = [];
    const atProvider = status.properties?.atProvider as JsonSchema | undefined;
    if (report.atProvider && atProvider) unknownFields(report.atProvider, atProvider, 'status.atProvider', problems);
    if (report.status) unknownFields(report.status, status, 'status', problems);
    if (problems.length > 0) {
      throw new UserError(`provider rule for ${this.label}: ${problems.join('; ')}: report only fields of the kind's status schema`);
    }
  }
}

/** The status schema of an imported kind's version, if the kind was imported. */
function statusSchema(apiVersion: string, kind: string): JsonSchema | undefined {
  const { group, version } = splitApiVersion(apiVersion);
  const found = importedGroup(group)?.kinds.find((k) => k.kind === kind)?.versions.find((v) => v.name === version);
  return found?.schema?.properties?.status as JsonSchema | undefined;
}

function unknownFields(value: Readonly<Record<string, unknown>>, schema: JsonSchema, at: string, problems: string[]): void {
  if (schema['x-kubernetes-preserve-unknown-fields'] === true || !schema.properties) return;
  const known = Object.keys(schema.properties);
  for (const [key, v] of Object.entries(value)) {
    const sub = schema.properties[key] as JsonSchema | undefined;
    if (!sub) {
      const near = known.find((k) => k.toLowerCase() === key.toLowerCase()) ?? known.find((k) => editDistance(k, key) <= 2);
      problems.push(`${at}.${key} is not a field of its status${near ? `, did you mean '${near}'?` : ''}`);
      continue;
    }
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) unknownFields(v as Record<string, unknown>, sub, `${at}.${key}`, problems);
  }
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}
