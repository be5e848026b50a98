import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { touchConstructs } from '../_validation-memo';
import { UserError } from '../errors';
import { ConnectionDetail } from '../pt/connection-detail';
import { checkSuppressions, LintRule } from '../pt/lint-rule';
import { Patch } from '../pt/patch';
import { ReadinessCheck } from '../pt/readiness-check';
import { ICompositeResourceDefinition } from '../xrd/xrd-ref';
import { isTemplateChart, stripGeneratedName } from './template-scope';

/**
 * A generated L1 class (from `imports/`), used as a template kind: `addResource('network',
 * Network, { spec: { forProvider: {...} } })`. Its static `manifest()` renders the props with
 * their wire names.
 */
export interface L1Class<P> {
  /** apiVersion and kind of the class. */
  readonly GVK: { readonly apiVersion: string; readonly kind: string };
  /** Renders a manifest from props. */
  manifest(props: P): any;
}

/** A plain Kubernetes object used as a base template. */
export interface ManifestObject {
  /** `apiVersion` of the composed kind. */
  readonly apiVersion: string;
  /** The composed kind. */
  readonly kind: string;
  /** Any other field of the base. */
  readonly [field: string]: unknown;
}

/** Options of `Composition.addResource`: sugar for the `add*` methods of ComposedResource. */
export interface ComposedResourceOptions<XR = any, T = any> {
  /**
   * Patches, in order.
   *
   * @default - none
   */
  readonly patches?: readonly Patch<XR, T>[];
  /**
   * Readiness checks (all must pass).
   *
   * @default - P&T's default: ready when the `Ready` condition is `True`
   */
  readonly readinessChecks?: readonly ReadinessCheck<T>[];
  /**
   * Connection details extracted from the composed resource.
   *
   * @default - none
   */
  readonly connectionDetails?: readonly ConnectionDetail<T>[];
  /**
   * Findings of the synth-time checks to accept on this resource, by name: only
   * `LintRule.UNSERVED_VERSION`, for a kind whose version the schemas known here do not serve
   * although the provider the platform runs does (better: list that provider's CRDs in the
   * imports of cdk8s.yaml, so the check knows the version).
   *
   * @default - every finding is reported
   */
  readonly suppress?: readonly (LintRule | `${LintRule}`)[];
}

const L1 = (x: unknown): x is L1Class<unknown> =>
  typeof x === 'function' && typeof (x as { manifest?: unknown }).manifest === 'function'
  && typeof (x as { GVK?: { kind?: unknown } }).GVK?.kind === 'string';

/**
 * A template without `base`: P&T patches the resource an earlier pipeline step produced under
 * the same name (reference §3.3). The kind is only used for typing and synth-time checks.
 *
 * ```ts
 * comp.addStep({ step: 'templates', function: FunctionPackage.GO_TEMPLATING, input }, { before: comp.patchAndTransformStep });
 * comp.addResource('bucket', FromPreviousStep.of(Bucket)).addPatch(...);
 * ```
 */
export class FromPreviousStep<P = any> {
  /** The resource `name` as produced by an earlier step, of the kind of an L1 class or a plain apiVersion + kind. */
  public static of<P = any>(kind: L1Class<P> | { readonly apiVersion: string; readonly kind: string }): FromPreviousStep<P> {
    const gvk = L1(kind) ? kind.GVK : kind as { apiVersion?: unknown; kind?: unknown };
    if (typeof gvk?.apiVersion !== 'string' || gvk.apiVersion === '' || typeof gvk.kind !== 'string' || gvk.kind === '') {
      throw new UserError(`FromPreviousStep.of needs an L1 class or { apiVersion, kind }, got '${JSON.stringify(kind)}'`);
    }
    return new FromPreviousStep<P>(gvk.apiVersion, gvk.kind);
  }

  /** Type-only marker carrying `P`; never set at run time. */
  public readonly __props?: (p: P) => void;

  private constructor(
    /** `apiVersion` of the resource the earlier step produces. */
    public readonly apiVersion: string,
    /** Its kind. */
    public readonly kind: string,
  ) {}
}

/** How the base of a template is obtained. @internal */
export type BaseSource =
  | { readonly kind: 'object'; readonly value: Record<string, unknown>; readonly xrd?: ICompositeResourceDefinition<unknown> }
  | { readonly kind: 'api-object'; readonly obj: ApiObject }
  | { readonly kind: 'none'; readonly apiVersion: string; readonly kindName: string };

const isXrd = (x: unknown): x is ICompositeResourceDefinition<unknown> =>
  typeof x === 'object' && x !== null && typeof (x as { compositeApiVersion?: unknown }).compositeApiVersion === 'string'
  && typeof (x as { referenceableSchema?: unknown }).referenceableSchema === 'object';

/** Why what `addResource` received cannot be a template, path-free. @internal */
export interface TemplateProblem {
  readonly kind: 'problem';
  readonly problem: string;
}

/**
 * Turns what `addResource` received into a base source, or the problem with it, which names
 * `where` (the resource's field path). @internal
 */
export function toBaseSource(where: string, template: unknown, props: unknown): BaseSource | TemplateProblem {
  const problem = (text: string): TemplateProblem => ({ kind: 'problem', problem: `${where} ${text}` });
  if (template instanceof FromPreviousStep) return { kind: 'none', apiVersion: template.apiVersion, kindName: template.kind };
  if (isXrd(template)) {
    // A nested XR: the base is an XR of that XRD's referenceable version.
    const value = { ...JSON.parse(JSON.stringify(props ?? {})), apiVersion: template.compositeApiVersion, kind: template.kind };
    return { kind: 'object', value, xrd: template };
  }
  if (L1(template)) {
    const value = JSON.parse(JSON.stringify(template.manifest(props ?? {}))) as Record<string, unknown>;
    // The generated class writes only the fields its schema knows: a misspelled one would
    // vanish without a word. Kept under the name written, validation then reports it as an
    // unknown field of the kind, as it does for a plain-object base.
    keepDropped(props, value);
    return { kind: 'object', value };
  }
  if (ApiObject.isApiObject(template) || isConstruct(template)) {
    let obj: ApiObject;
    try {
      obj = ApiObject.of(template as IConstruct);
    } catch {
      return problem(`template must be an ApiObject or a construct whose default child is one, got '${(template as IConstruct).node.path}': `
        + 'pass a cdk8s-plus construct, an ApiObject, an L1 class or a plain object with apiVersion and kind');
    }
    if (!isTemplateChart(Chart.of(obj))) {
      return problem(`template '${obj.node.path}' belongs to chart '${Chart.of(obj).node.path}', so it would also be synthesized as a standalone manifest: `
        + 'create it in composition.templateScope instead (e.g. new kplus.Deployment(composition.templateScope, \'web\', {...}))');
    }
    return { kind: 'api-object', obj };
  }
  if (typeof template === 'object' && template !== null && !Array.isArray(template)) {
    const t = template as Record<string, unknown>;
    if (typeof t.apiVersion !== 'string' || t.apiVersion === '' || typeof t.kind !== 'string' || t.kind === '') {
      return problem(`template must have apiVersion and kind, got '${JSON.stringify(template).slice(0, 120)}': `
        + 'P&T needs both to create the resource');
    }
    return { kind: 'object', value: JSON.parse(JSON.stringify(t)) };
  }
  return problem(`template must be an L1 class, an ApiObject, a cdk8s-plus construct or a plain object with apiVersion and kind, got '${String(template)}': `
    + "e.g. addResource('network', Network, { spec: {...} })");
}

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** A field name as `cdk8s import` compares it: its props name is the schema name camel-cased (`roleARN` is `roleArn`). */
const loose = (name: string) => name.replace(/[^A-Za-z0-9]/g, '').toLowerCase();

/**
 * Copies into `rendered` every field of `props` that the L1 class's `manifest()` left out, under
 * the name the props used; walks nested objects and arrays index for index. Values the class
 * rendered (a props name renamed to its schema name included) are left as they are.
 */
function keepDropped(props: unknown, rendered: Record<string, unknown>): void {
  if (!isPlain(props)) return;
  for (const [key, v] of Object.entries(props)) {
    if (v === undefined) continue;
    const match = Object.keys(rendered).find((k) => k === key) ?? Object.keys(rendered).find((k) => loose(k) === loose(key));
    if (match === undefined) {
      rendered[key] = JSON.parse(JSON.stringify(v));
      continue;
    }
    const out = rendered[match];
    if (isPlain(v) && isPlain(out)) keepDropped(v, out);
    else if (Array.isArray(v) && Array.isArray(out)) v.forEach((x, i) => { if (isPlain(out[i])) keepDropped(x, out[i] as Record<string, unknown>); });
  }
}

function deepFreeze(v: unknown): void {
  if (typeof v !== 'object' || v === null || Object.isFrozen(v)) return;
  Object.freeze(v);
  for (const x of Object.values(v)) deepFreeze(x);
}

function isConstruct(x: unknown): x is IConstruct {
  return typeof x === 'object' && x !== null && typeof (x as { node?: { path?: unknown } }).node?.path === 'string';
}

/**
 * One composed resource of a Composition: a P&T template (`resources[]`, reference §3.1) with
 * its base, patches, readiness checks and connection details. `T` types the composed side of
 * patch lambdas: for an L1 template it is the L1 props type.
 */
export class ComposedResource<XR = any, T = any> {
  /** The template name: becomes the `crossplane.io/composition-resource-name` annotation; keep it stable. */
  public readonly name: string;
  /** `apiVersion` of the composed kind. */
  public readonly apiVersion: string;
  /** The composed kind. */
  public readonly kind: string;
  /** The XRD of a nested XR template, whose schema and scope the rules use. */
  public readonly xrd?: ICompositeResourceDefinition<unknown>;
  private readonly source: BaseSource;
  private readonly patchList: Patch<XR, T>[] = [];
  private readonly checks: ReadinessCheck<T>[] = [];
  private readonly details: ConnectionDetail<T>[] = [];
  /** The lint findings accepted on this resource (`suppress` in its options). */
  public readonly suppressions: readonly LintRule[];

  /** @internal */
  public constructor(name: string, source: BaseSource, options: ComposedResourceOptions<XR, T> = {}) {
    this.name = name;
    this.source = source;
    // Read on every synth and by every rule: frozen once instead of copied per read.
    if (source.kind === 'object') deepFreeze(source.value);
    this.xrd = source.kind === 'object' ? source.xrd : undefined;
    if (source.kind === 'none') {
      this.apiVersion = source.apiVersion;
      this.kind = source.kindName;
    } else {
      const gvk = source.kind === 'object' ? source.value : source.obj;
      this.apiVersion = String(gvk.apiVersion);
      this.kind = String(gvk.kind);
    }
    this.suppressions = checkSuppressions(`resources[${name}]`, options.suppress);
    for (const p of options.patches ?? []) this.addPatch(p);
    for (const c of options.readinessChecks ?? []) this.addReadinessCheck(c);
    for (const d of options.connectionDetails ?? []) this.addConnectionDetail(d);
  }

  /** Appends patches, applied in order. */
  public addPatch(...patches: Patch<XR, T>[]): void {
    touchConstructs();
    patches.forEach((p, i) => {
      if (!(p instanceof Patch)) {
        throw new UserError(`resources[${this.name}].patches[${this.patchList.length + i}] must be built with a Patch factory, got '${JSON.stringify(p)}': `
          + 'use Patch.fromCompositeFieldPath(...) and friends');
      }
    });
    this.patchList.push(...patches);
  }

  /** Adds a readiness check; when any is given, all must pass (reference §3.9). */
  public addReadinessCheck(check: ReadinessCheck<T>): void {
    touchConstructs();
    if (!(check instanceof ReadinessCheck)) {
      throw new UserError(`resources[${this.name}].readinessChecks[${this.checks.length}] must be built with a ReadinessCheck factory, got '${JSON.stringify(check)}'`);
    }
    this.checks.push(check);
  }

  /** Adds a connection detail extracted from the observed resource (reference §3.10). */
  public addConnectionDetail(detail: ConnectionDetail<T>): void {
    touchConstructs();
    if (!(detail instanceof ConnectionDetail)) {
      throw new UserError(`resources[${this.name}].connectionDetails[${this.details.length}] must be built with a ConnectionDetail factory, got '${JSON.stringify(detail)}'`);
    }
    const dup = this.details.find(d => d.name === detail.name);
    if (dup) {
      throw new UserError(`resources[${this.name}].connectionDetails name must be unique within the resource, got '${detail.name}' twice: rename one`);
    }
    this.details.push(detail);
  }

  /** The patches, in order. */
  public get patches(): Patch<XR, T>[] {
    return [...this.patchList];
  }

  /** The readiness checks. */
  public get readinessChecks(): ReadinessCheck<T>[] {
    return [...this.checks];
  }

  /** The connection details. */
  public get connectionDetails(): ConnectionDetail<T>[] {
    return [...this.details];
  }

  /** Whether an earlier step must produce the resource (the template has no base). */
  public get fromPreviousStep(): boolean {
    return this.source.kind === 'none';
  }

  /**
   * The base as written into the P&T input (read-only: a plain-object base is frozen, an
   * ApiObject's is rendered anew); undefined for a FromPreviousStep template.
   */
  public get base(): Record<string, unknown> | undefined {
    if (this.source.kind === 'none') return undefined;
    if (this.source.kind === 'object') return this.source.value;
    return stripGeneratedName(this.source.obj.toJson());
  }

  /** @internal The P&T `resources[]` entry. */
  public _toJson(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name };
    const base = this.base;
    if (base !== undefined) json.base = base;
    if (this.patchList.length > 0) json.patches = this.patchList.map(p => p._toJson());
    if (this.details.length > 0) json.connectionDetails = this.details.map(d => d._toJson());
    if (this.checks.length > 0) json.readinessChecks = this.checks.map(c => c._toJson());
    return json;
  }
}
