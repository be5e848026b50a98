import { Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import * as xp from '../../imports/apiextensions.crossplane.io';
import { touchConstructs } from '../_validation-memo';
import { failConstruct } from '../errors';
import { JsonSchema } from '../schema/json-schema';
import { AnySchema, Static, TypedSchema } from '../schema/schema-types';
import { buildOpenApiSchema, checkVersion, renderVersion, ResolvedVersion } from './_version-rules';
import { CompositeResource } from './composite-resource';
import { checkClaimNamesCollision, checkGroup, checkNames, checkVersionName, derivePlural, XrdNames } from './xrd-naming';
import {
  CompositeDeletePolicy, CompositionReference, CompositionRevisionSelector, CompositionUpdatePolicy, ConversionWebhook,
  GeneratedCrdMetadata, XrdApiVersion,
} from './xrd-options';
import { ICompositeResourceDefinition, XrdScope } from './xrd-ref';
import { XrdVersionOptions, XrdVersionSchemaOptions } from './xrd-version';

/** Props of `CompositeResourceDefinition`. The top-level schema props describe the referenceable version. */
export interface CompositeResourceDefinitionProps<Spec extends AnySchema = AnySchema, Status extends AnySchema = AnySchema>
  extends XrdVersionSchemaOptions<Spec, Status> {
  /** API group of the XR, a DNS subdomain you own, e.g. `platform.example.org`. */
  readonly group: string;
  /** Kind and plural (and optional names) of the XR. */
  readonly names: XrdNames;
  /**
   * Name of the referenceable version: the one Compositions target and whose schemas type the XR.
   * It is always served.
   */
  readonly version: string;
  /**
   * Whether XRs are namespaced, cluster scoped, or Crossplane v1 style (`LegacyCluster`).
   * Always written explicitly, because offline tools read XRDs as v1, where it defaults to LegacyCluster.
   *
   * @default XrdScope.NAMESPACED
   */
  readonly scope?: XrdScope;
  /**
   * API version of the XRD object.
   *
   * @default - XrdApiVersion.V1 for XrdScope.LEGACY_CLUSTER, XrdApiVersion.V2 otherwise
   */
  readonly apiVersion?: XrdApiVersion;
  /**
   * `metadata.name` of the XRD. It must be `<plural>.<group>`, so it is derived; passing it only
   * asserts the expected name.
   *
   * @default - `<names.plural>.<group>`
   */
  readonly name?: string;
  /**
   * Further (older or newer) versions; the same as calling `addVersion()` for each.
   *
   * @default - only the referenceable version
   */
  readonly versions?: readonly XrdVersionOptions[];
  /**
   * Composition used for XRs that select none.
   *
   * @default - Crossplane picks a Composition for the type (at random when several exist)
   */
  readonly defaultCompositionRef?: CompositionReference;
  /**
   * Composition every XR uses, whatever it selects (immutable once set).
   *
   * @default - XRs may choose
   */
  readonly enforcedCompositionRef?: CompositionReference;
  /**
   * Default for the XRs' `compositionUpdatePolicy`.
   *
   * @default - not written; Crossplane uses CompositionUpdatePolicy.AUTOMATIC
   */
  readonly defaultCompositionUpdatePolicy?: CompositionUpdatePolicy;
  /**
   * Revision selector copied into XRs that set none.
   *
   * @default - none
   */
  readonly defaultCompositionRevisionSelector?: CompositionRevisionSelector;
  /**
   * Labels and annotations for the generated XR CRD (`spec.metadata`).
   *
   * @default - none
   */
  readonly metadata?: GeneratedCrdMetadata;
  /**
   * Conversion webhook between versions (`spec.conversion` with strategy `Webhook`).
   *
   * @default - no `conversion`: the API server only rewrites `apiVersion`
   */
  readonly conversionWebhook?: ConversionWebhook;
  /**
   * Claim names (legacy XRDs only: XrdApiVersion.V1 with XrdScope.LEGACY_CLUSTER).
   *
   * @default - no claims
   */
  readonly claimNames?: XrdNames;
  /**
   * Connection secret keys an XR publishes; an empty list publishes all (legacy XRDs only).
   *
   * @default - not written: all keys are published
   */
  readonly connectionSecretKeys?: readonly string[];
  /**
   * How deleting a claim deletes its XR (legacy XRDs only).
   *
   * @default - not written; Crossplane uses CompositeDeletePolicy.BACKGROUND
   */
  readonly defaultCompositeDeletePolicy?: CompositeDeletePolicy;
}

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * A Crossplane CompositeResourceDefinition: defines a composite resource (XR) type with typed
 * `spec` and `status` schemas. `XrOf<typeof xrd>` is the static type of its XRs.
 *
 * The XRD object is the child `Resource` (`ApiObject.of(xrd)` for JSON patches and labels).
 */
export class CompositeResourceDefinition<Spec extends AnySchema = AnySchema, Status extends AnySchema = TypedSchema<{}>>
  extends Construct implements ICompositeResourceDefinition<CompositeResource<Static<Spec>, Static<Status>>> {
  /** API group of the XR. */
  public readonly group: string;
  /** Kind of the XR. */
  public readonly kind: string;
  /** Plural of the XR (given or derived). */
  public readonly plural: string;
  /** `metadata.name` of the XRD: `<plural>.<group>`. */
  public readonly name: string;
  /** Scope of the XRs. */
  public readonly scope: XrdScope;
  /** API version the XRD is written in. */
  public readonly apiVersion: XrdApiVersion;
  /** Name of the referenceable version. */
  public readonly referenceableVersion: string;
  /** `<group>/<referenceableVersion>`, for `compositeTypeRef.apiVersion`. */
  public readonly compositeApiVersion: string;
  /** The `openAPIV3Schema` of the referenceable version, as written. */
  public readonly referenceableSchema: JsonSchema;
  /**
   * Phantom carrying the XR type for `XrOf<typeof xrd>` and typed patches; never set at run time.
   * Deliberately public, so the published declarations keep it.
   */
  declare public readonly _xr?: CompositeResource<Static<Spec>, Static<Status>>;

  private readonly props: CompositeResourceDefinitionProps<Spec, Status>;
  private readonly versionList: ResolvedVersion[] = [];

  public constructor(scope: Construct, id: string, props: CompositeResourceDefinitionProps<Spec, Status>) {
    super(scope, id);
    this.props = props;
    this.scope = props.scope ?? XrdScope.NAMESPACED;
    this.apiVersion = props.apiVersion ?? (this.scope === XrdScope.LEGACY_CLUSTER ? XrdApiVersion.V1 : XrdApiVersion.V2);
    this.group = props.group;
    this.kind = props.names.kind;
    this.plural = props.names.plural ?? derivePlural(props.names.kind);
    this.name = `${this.plural}.${this.group}`;
    this.referenceableVersion = props.version;
    this.compositeApiVersion = `${this.group}/${this.referenceableVersion}`;
    this.referenceableSchema = buildOpenApiSchema(props);

    const main: ResolvedVersion = {
      name: props.version, referenceable: true, served: true, options: props, openAPIV3Schema: this.referenceableSchema,
    };
    const warnings: string[] = [];
    failConstruct(this, [...this.checkProps(), ...checkVersionName(main.name, 'version'), ...checkVersion(main, this.scope, 'versions[0]', warnings)]);
    this.warn(warnings);
    this.versionList.push(main);

    const Resource = this.apiVersion === XrdApiVersion.V1 ? xp.CompositeResourceDefinition : xp.CompositeResourceDefinitionV2;
    new Resource(this, 'Resource', {
      metadata: { name: this.name },
      spec: Lazy.any({ produce: () => this._toSpec() }),
    });

    for (const v of props.versions ?? []) { this.addVersion(v); }
  }

  /** Names of all versions, referenceable first. */
  public get versionNames(): string[] {
    return this.versionList.map(v => v.name);
  }

  /** Names of the versions the API server serves. */
  public get servedVersions(): string[] {
    return this.versionList.filter(v => v.served).map(v => v.name);
  }

  /**
   * Adds a further version (served unless `served: false`, never referenceable). Throws if the
   * name is taken or the version breaks a rule.
   */
  public addVersion(options: XrdVersionOptions): void {
    touchConstructs();
    const index = this.versionList.length;
    const field = `versions[${index}]`;
    const errors = checkVersionName(options.name, `${field}.name`);
    if (this.versionList.some(v => v.name === options.name)) {
      errors.push(`${field}.name must be unique, got '${options.name}' which ${this.name} already has: choose another version name`);
    }
    const v: ResolvedVersion = {
      name: options.name, referenceable: false, served: options.served ?? true, options, openAPIV3Schema: buildOpenApiSchema(options),
    };
    const warnings: string[] = [];
    errors.push(...checkVersion(v, this.scope, field, warnings));
    failConstruct(this, errors);
    this.warn(warnings);
    this.versionList.push(v);
  }

  /** @internal the XRD `spec`, rendered at synth time so later `addVersion()` calls are included. */
  public _toSpec(): Record<string, unknown> {
    const p = this.props;
    const spec: Record<string, unknown> = {
      group: this.group,
      names: renderNames(p.names, this.plural),
      scope: this.scope,
      versions: this.versionList.map(renderVersion),
      defaultCompositionRef: p.defaultCompositionRef ? { name: p.defaultCompositionRef.name } : undefined,
      enforcedCompositionRef: p.enforcedCompositionRef ? { name: p.enforcedCompositionRef.name } : undefined,
      defaultCompositionUpdatePolicy: p.defaultCompositionUpdatePolicy,
      defaultCompositionRevisionSelector: p.defaultCompositionRevisionSelector ? clean({
        matchLabels: p.defaultCompositionRevisionSelector.matchLabels ? { ...p.defaultCompositionRevisionSelector.matchLabels } : undefined,
        matchExpressions: p.defaultCompositionRevisionSelector.matchExpressions?.map(e => clean({ ...e, values: e.values ? [...e.values] : undefined })),
      }) : undefined,
      metadata: p.metadata ? clean({
        labels: p.metadata.labels ? { ...p.metadata.labels } : undefined,
        annotations: p.metadata.annotations ? { ...p.metadata.annotations } : undefined,
      }) : undefined,
      conversion: p.conversionWebhook ? renderConversion(p.conversionWebhook) : undefined,
      claimNames: p.claimNames ? renderNames(p.claimNames, p.claimNames.plural ?? derivePlural(p.claimNames.kind)) : undefined,
      connectionSecretKeys: p.connectionSecretKeys ? [...p.connectionSecretKeys] : undefined,
      defaultCompositeDeletePolicy: p.defaultCompositeDeletePolicy,
    };
    return clean(spec);
  }

  /** Rules on the XRD-level props (reference §1.3, §1.4, §8 items 1-5). */
  private checkProps(): string[] {
    const p = this.props;
    const errors: string[] = [...checkGroup(p.group), ...checkNames(p.names, this.plural, 'names')];
    if (p.name !== undefined && p.name !== this.name) {
      errors.push(`name must be '<names.plural>.<group>', got '${p.name}': Crossplane names the XR CRD after the XRD; use '${this.name}' or omit name`);
    }
    const v2 = this.apiVersion === XrdApiVersion.V2;
    const legacy = this.scope === XrdScope.LEGACY_CLUSTER;
    if (v2 && legacy) {
      errors.push(`scope must be Namespaced or Cluster in ${XrdApiVersion.V2}, got '${this.scope}': set apiVersion: XrdApiVersion.V1 for a legacy XRD, or use XrdScope.NAMESPACED`);
    }
    const legacyOnly: [string, unknown][] = [
      ['claimNames', p.claimNames], ['connectionSecretKeys', p.connectionSecretKeys], ['defaultCompositeDeletePolicy', p.defaultCompositeDeletePolicy],
    ];
    for (const [field, value] of legacyOnly) {
      if (value === undefined) { continue; }
      if (v2) {
        errors.push(`${field} is not allowed in ${XrdApiVersion.V2}, got '${show(value)}': claims and connection secrets exist only for legacy XRs; `
          + 'compose a Secret instead, or set scope: XrdScope.LEGACY_CLUSTER (apiVersion v1)');
      } else if (!legacy && field !== 'defaultCompositeDeletePolicy') {
        errors.push(`${field} is only allowed with scope LegacyCluster, got '${show(value)}' with scope '${this.scope}': set scope: XrdScope.LEGACY_CLUSTER or remove ${field}`);
      }
    }
    if (p.claimNames) {
      const claimPlural = p.claimNames.plural ?? derivePlural(p.claimNames.kind);
      errors.push(...checkNames(p.claimNames, claimPlural, 'claimNames'));
      errors.push(...checkClaimNamesCollision(p.names, this.plural, p.claimNames, claimPlural));
    }
    for (const [field, ref] of [['defaultCompositionRef', p.defaultCompositionRef], ['enforcedCompositionRef', p.enforcedCompositionRef]] as const) {
      if (ref && (ref.name.length > 253 || !DNS1123_SUBDOMAIN.test(ref.name))) {
        errors.push(`${field}.name must be a Composition name (lowercase DNS subdomain), got '${ref.name}': use the Composition's metadata.name`);
      }
    }
    if (p.conversionWebhook) {
      const w = p.conversionWebhook;
      if ((w.url === undefined) === (w.service === undefined)) {
        errors.push(`conversionWebhook must set exactly one of url and service, got ${w.url === undefined ? 'neither' : 'both'}: give the webhook's URL or its service`);
      }
      if (w.conversionReviewVersions && w.conversionReviewVersions.length === 0) {
        errors.push("conversionWebhook.conversionReviewVersions must not be empty, got []: use ['v1'] or omit it");
      }
    }
    return errors;
  }

  /**
   * Records what the API server accepts but drops (the XRD still works) as `warning` metadata
   * on this construct (`node.metadata`), where tests and tools can read it; synth goes on.
   */
  private warn(warnings: string[]): void {
    for (const w of warnings) this.node.addMetadata('warning', `[${this.node.path}] ${w}`);
  }
}

function renderNames(n: XrdNames, plural: string): Record<string, unknown> {
  return clean({
    kind: n.kind,
    plural,
    singular: n.singular,
    listKind: n.listKind,
    shortNames: n.shortNames ? [...n.shortNames] : undefined,
    categories: n.categories ? [...n.categories] : undefined,
  });
}

function renderConversion(w: ConversionWebhook): Record<string, unknown> {
  return {
    strategy: 'Webhook',
    webhook: clean({
      clientConfig: clean({
        url: w.url,
        service: w.service ? clean({ ...w.service }) : undefined,
        caBundle: w.caBundle,
      }),
      conversionReviewVersions: [...(w.conversionReviewVersions ?? ['v1'])],
    }),
  };
}

/** Drops undefined values so the YAML only has what was set. */
function clean<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function show(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}
