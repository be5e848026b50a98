import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { Composition as CompositionL1 } from '../../imports/apiextensions.crossplane.io';
import { memoizeValidation, touchConstructs } from '../_validation-memo';
import { failConstruct } from '../errors';
import { CompositionFunction } from '../functions/composition-function';
import { FunctionPackage } from '../functions/function-package';
import { FunctionRegistry } from '../functions/function-registry';
import { EnvironmentPatch } from '../pt/environment-patch';
import { DeepPartial } from '../pt/field-path';
import { PatchSet } from '../pt/patch-set';
import { ICompositeResourceDefinition } from '../xrd/xrd-ref';
import { registerComposition } from './_app-index';
import type { CompositionView } from './_view';
import { compositionProblems, compositionWarnings } from './_rules';
import { splitApiVersion } from '../schema/imported-schemas';
import { isBuiltinKubernetesGroup } from './_kinds';
import { AutoReady } from './auto-ready';
import { BaseSource, ComposedResource, ComposedResourceOptions, FromPreviousStep, L1Class, ManifestObject, toBaseSource } from './composed-resource';
import { WriteConnectionSecretToRef } from './connection-secret';
import { PipelineStepOptions, ResolvedStep, StepPlacement, stepOptionProblems, stepToJson } from './pipeline-step';
import { TemplateChart } from './template-scope';

/** Props of {@link Composition}. */
export interface CompositionProps<XR = any> {
  /** The XRD whose composite type this Composition serves; `compositeTypeRef` comes from its referenceable version. */
  readonly xrd: ICompositeResourceDefinition<XR>;
  /**
   * `metadata.name` (Crossplane resolves Compositions by name, so it is explicit, without hash).
   *
   * @default - the XRD's name, `<plural>.<group>`
   */
  readonly name?: string;
  /**
   * `metadata.labels`, which XRs' `compositionSelector.matchLabels` select on.
   *
   * @default - none
   */
  readonly labels?: { readonly [key: string]: string };
  /**
   * When to append function-auto-ready as the last step.
   *
   * @default AutoReady.AUTO
   */
  readonly autoReady?: AutoReady;
  /**
   * Patch sets the templates splice in with `Patch.patchSet(...)`; sugar for `addPatchSet`.
   *
   * @default - none
   */
  readonly patchSets?: readonly PatchSet<XR>[];
  /**
   * Environment patches run before the templates (reference §3.11); sugar for `addEnvironmentPatch`.
   *
   * @default - none
   */
  readonly environmentPatches?: readonly EnvironmentPatch<XR>[];
  /**
   * Where P&T writes the connection Secret of a modern (Namespaced or Cluster) XR.
   *
   * @default - P&T's default: `<xr-name>-connection` in the XR's namespace
   */
  readonly writeConnectionSecretToRef?: WriteConnectionSecretToRef<XR>;
  /**
   * Namespace of the connection Secrets of legacy (LegacyCluster) XRs; only for legacy XRDs.
   *
   * @default - not set
   */
  readonly writeConnectionSecretsToNamespace?: string;
  /**
   * Name of the function-patch-and-transform step.
   *
   * @default 'patch-and-transform'
   */
  readonly patchAndTransformStep?: string;
  /**
   * The function-patch-and-transform package the P&T step runs: its `metadata.name` is the
   * step's `functionRef.name`, so a cluster whose Function has another name (installed as
   * `crossplane-contrib-function-patch-and-transform`, say) is referenced with
   * `FunctionPackage.PATCH_AND_TRANSFORM.withName('crossplane-contrib-function-patch-and-transform')`.
   *
   * @default FunctionPackage.PATCH_AND_TRANSFORM
   */
  readonly patchAndTransformFunction?: FunctionPackage;
}

const COMPOSITION = Symbol.for('cdk8s-crossplane.Composition');
/** The step name conventionally used for function-auto-ready. */
const AUTO_READY_STEP = 'automatically-detect-ready-composed-resources';
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const RESOURCE_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** Problems of the constructor props, path-free. */
function propProblems<XR>(props: CompositionProps<XR> | undefined): string[] {
  const problems: string[] = [];
  if (!props?.xrd || typeof props.xrd.compositeApiVersion !== 'string') {
    problems.push(`xrd must be a CompositeResourceDefinition, got '${String(props?.xrd)}': pass the XRD construct this Composition serves`);
  }
  const name = props?.name ?? props?.xrd?.name;
  if (name !== undefined && (typeof name !== 'string' || !DNS_SUBDOMAIN.test(name) || name.length > 253)) {
    problems.push(`name must be a DNS-1123 subdomain, got '${name}': use lowercase letters, digits, '-' and '.', e.g. 'xnetworks.platform.example.org'`);
  }
  const autoReady = props?.autoReady ?? AutoReady.AUTO;
  if (!Object.values(AutoReady).includes(autoReady)) {
    problems.push(`autoReady must be one of ${Object.values(AutoReady).join(', ')}, got '${String(autoReady)}': use AutoReady.AUTO, AutoReady.ON or AutoReady.OFF`);
  }
  if ((props?.patchAndTransformStep ?? 'patch-and-transform').trim() === '') {
    problems.push("patchAndTransformStep must be a non-empty string, got '': leave it unset for 'patch-and-transform'");
  }
  return problems;
}

const isXrdLike = (x: unknown): boolean => typeof x === 'object' && x !== null && typeof (x as { compositeApiVersion?: unknown }).compositeApiVersion === 'string';

type PipelineEntry = { readonly kind: 'pt' } | { readonly kind: 'step'; readonly step: ResolvedStep };

/**
 * A Crossplane Composition in Pipeline mode (`apiextensions.crossplane.io/v1`, reference §2):
 * composed-resource templates run by function-patch-and-transform, optional other function
 * steps, and function-auto-ready when it matters.
 *
 * ```ts
 * const comp = new Composition(chart, 'network', { xrd });
 * const net = comp.addResource('network', Network, { spec: { forProvider: { autoCreateSubnetworks: false } } });
 * net.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.parameters.project, n => n.spec.forProvider.project));
 * ```
 */
export class Composition<XR = any> extends Construct implements CompositionView {
  /** Whether `x` is a Composition (works across copies of this package). */
  public static isComposition(x: unknown): x is Composition {
    return typeof x === 'object' && x !== null && (x as { [COMPOSITION]?: boolean })[COMPOSITION] === true;
  }

  /** The XRD served. */
  public readonly xrd: ICompositeResourceDefinition<XR>;
  /** `metadata.name`. */
  public readonly name: string;
  /** `metadata.labels` (a copy). */
  public readonly labels: { readonly [key: string]: string };
  /** When function-auto-ready is appended. */
  public readonly autoReady: AutoReady;
  /** Name of the function-patch-and-transform step. */
  public readonly patchAndTransformStep: string;
  /** The function-patch-and-transform package of the P&T step. */
  public readonly patchAndTransformFunction: FunctionPackage;
  /** Where P&T writes the connection Secret of a modern XR. */
  public readonly writeConnectionSecretToRef?: WriteConnectionSecretToRef<XR>;
  /** Namespace of legacy XRs' connection Secrets. */
  public readonly writeConnectionSecretsToNamespace?: string;
  /** The L1 object (construct id `Resource`). */
  public readonly resource: ApiObject;

  private readonly registry: FunctionRegistry;
  private readonly resourceList: ComposedResource<XR, any>[] = [];
  private readonly sets: PatchSet<XR>[] = [];
  private readonly envPatches: EnvironmentPatch<XR>[] = [];
  private readonly entries: PipelineEntry[] = [{ kind: 'pt' }];
  private templates?: TemplateChart;
  private ptPackage?: FunctionPackage;
  private autoReadyPackage?: FunctionPackage;

  public constructor(scope: Construct, id: string, props: CompositionProps<XR>) {
    super(scope, id);
    Object.defineProperty(this, COMPOSITION, { value: true });
    failConstruct(this, propProblems(props));
    this.xrd = props.xrd;
    this.name = props.name ?? props.xrd.name;
    this.labels = { ...(props.labels ?? {}) };
    this.autoReady = props.autoReady ?? AutoReady.AUTO;
    this.patchAndTransformStep = props.patchAndTransformStep ?? 'patch-and-transform';
    this.patchAndTransformFunction = props.patchAndTransformFunction ?? FunctionPackage.PATCH_AND_TRANSFORM;
    this.writeConnectionSecretToRef = props.writeConnectionSecretToRef;
    this.writeConnectionSecretsToNamespace = props.writeConnectionSecretsToNamespace;
    this.registry = FunctionRegistry.of(this);
    for (const s of props.patchSets ?? []) this.addPatchSet(s);
    for (const p of props.environmentPatches ?? []) this.addEnvironmentPatch(p);
    if (this.writeConnectionSecretToRef) this.usePatchAndTransform();
    this.syncAutoReady();

    this.resource = new CompositionL1(this, 'Resource', {
      metadata: { name: this.name, ...(Object.keys(this.labels).length > 0 ? { labels: { ...this.labels } } : {}) },
      spec: Lazy.any({ produce: () => this._toSpec() }),
    });
    registerComposition(this);
    touchConstructs();
    this.node.addValidation({ validate: memoizeValidation(() => compositionProblems(this)) });
    // cdk8s validates once per chart synthesized: record each warning once.
    const recorded = new Set<string>();
    this.node.addValidation({
      validate: memoizeValidation(() => {
        for (const w of compositionWarnings(this)) {
          if (!recorded.has(w)) this.node.addMetadata('cdk8s-crossplane/warning', w);
          recorded.add(w);
        }
        return [];
      }),
    });
  }

  /**
   * A scope for cdk8s-plus constructs and ApiObjects used as templates: they live in a
   * detached chart and are never synthesized as standalone manifests.
   */
  public get templateScope(): Construct {
    this.templates ??= new TemplateChart(`${this.node.path.replace(/\//g, '-') || 'composition'}-templates`);
    return this.templates;
  }

  /**
   * Adds a composed resource from a generated L1 class and partial props (a base is a
   * template: patches fill in the rest). Field names in the base are the wire names.
   */
  public addResource<P>(name: string, template: L1Class<P>, props?: DeepPartial<P>, options?: ComposedResourceOptions<XR, P>): ComposedResource<XR, P>;
  /** Adds a template without base, patching what an earlier step produced under `name`. */
  public addResource<P>(name: string, template: FromPreviousStep<P>, options?: ComposedResourceOptions<XR, P>): ComposedResource<XR, P>;
  /**
   * Adds a nested composite resource of another XRD (e.g. an XNetwork inside an XGKE): the
   * base is an XR of its referenceable version, typed by that XRD's schema.
   */
  public addResource<XR2>(name: string, template: ICompositeResourceDefinition<XR2>, base?: DeepPartial<XR2>, options?: ComposedResourceOptions<XR, XR2>): ComposedResource<XR, XR2>;
  /**
   * Adds a composed resource from an ApiObject or cdk8s-plus construct created in
   * `templateScope`, or a plain object with `apiVersion` and `kind`.
   */
  public addResource<T = any>(name: string, template: ApiObject | Construct | ManifestObject, options?: ComposedResourceOptions<XR, T>): ComposedResource<XR, T>;
  /** The L1 signature again, last: when no signature matches, TypeScript reports the last one's error, which then names a misspelled props field. */
  public addResource<P>(name: string, template: L1Class<P>, props?: DeepPartial<P>, options?: ComposedResourceOptions<XR, P>): ComposedResource<XR, P>;
  public addResource(name: string, template: unknown, propsOrOptions?: unknown, maybeOptions?: ComposedResourceOptions<XR, any>): ComposedResource<XR, any> {
    touchConstructs();
    const problems: string[] = [];
    if (typeof name !== 'string' || !RESOURCE_NAME.test(name) || name.length > 63) {
      problems.push(`resource name must be 1-63 letters, digits, '-', '_' or '.', starting and ending alphanumeric, got '${String(name)}': `
        + "it becomes the crossplane.io/composition-resource-name annotation, e.g. 'network'");
    }
    const existing = this.resourceList.find(r => r.name === name);
    if (existing) {
      problems.push(`resources[${name}] name must be unique within the Composition, got '${name}' for both ${existing.kind} and the new resource: `
        + 'rename one (names are stable identities: renaming later replaces the resource)');
    }
    const isL1 = typeof template === 'function' || isXrdLike(template);
    const source = toBaseSource(`resources[${name}]`, template, isL1 ? propsOrOptions : undefined);
    if (source.kind === 'problem') problems.push(source.problem);
    failConstruct(this, problems);
    const options = (isL1 ? maybeOptions : propsOrOptions) as ComposedResourceOptions<XR, any> | undefined;
    // failConstruct threw on a problem, so the source is a base.
    const resource = new ComposedResource<XR, any>(name, source as BaseSource, options);
    this.resourceList.push(resource);
    this.usePatchAndTransform();
    this.syncAutoReady();
    return resource;
  }

  /** Adds a patch set (`patchSets[]`); names are unique. */
  public addPatchSet(set: PatchSet<XR>): void {
    touchConstructs();
    if (!(set instanceof PatchSet)) {
      failConstruct(this, [`patchSets[${this.sets.length}] must be built with PatchSet.of(name, patches), got '${JSON.stringify(set)}': `
        + "e.g. PatchSet.of('common', [Patch.fromCompositeFieldPath(...)])"]);
    }
    if (this.sets.some(s => s.name === set.name)) {
      failConstruct(this, [`patchSets name must be unique, got '${set.name}' twice: rename one or merge their patches`]);
    }
    this.sets.push(set);
  }

  /** Adds an environment patch (`environment.patches[]`), run before the templates. */
  public addEnvironmentPatch(patch: EnvironmentPatch<XR>): void {
    touchConstructs();
    if (!(patch instanceof EnvironmentPatch)) {
      failConstruct(this, [`environment.patches[${this.envPatches.length}] must be built with an EnvironmentPatch factory, got '${JSON.stringify(patch)}': `
        + 'e.g. EnvironmentPatch.fromCompositeFieldPath(xr => xr.spec.region, \'region\')']);
    }
    this.envPatches.push(patch);
    this.usePatchAndTransform();
  }

  /**
   * Adds a function step (go-templating, KCL, environment-configs, a custom function...). By
   * default it runs after the steps added so far; `placement` puts it before or after a named
   * step, e.g. `{ before: comp.patchAndTransformStep }`. function-auto-ready stays last.
   */
  public addStep(options: PipelineStepOptions, placement: StepPlacement = {}): void {
    touchConstructs();
    failConstruct(this, this.stepProblems(options, placement));
    const anchor = placement.before ?? placement.after;
    const at = this.entries.findIndex(e => this.entryName(e) === anchor);
    const index = anchor === undefined ? this.entries.length : placement.before !== undefined ? at : at + 1;
    const pkg = this.registry.use(options.function);
    this.entries.splice(index, 0, {
      kind: 'step',
      step: { step: options.step, pkg, input: options.input, credentials: [...(options.credentials ?? [])], requirements: options.requirements },
    });
    this.syncAutoReady();
  }

  /** The composed resources, in order. */
  public get resources(): ComposedResource<XR, any>[] {
    return [...this.resourceList];
  }

  /** The patch sets. */
  public get patchSets(): PatchSet<XR>[] {
    return [...this.sets];
  }

  /** The environment patches. */
  public get environmentPatches(): EnvironmentPatch<XR>[] {
    return [...this.envPatches];
  }

  /** The pipeline as it will be synthesized: step name and functionRef name, in order. */
  public get pipeline(): { readonly step: string; readonly functionName: string }[] {
    return this.resolvedSteps().map(s => ({ step: s.step, functionName: s.pkg.name }));
  }

  /** Every function package the pipeline references. */
  public get functionPackages(): FunctionPackage[] {
    return this.resolvedSteps().map(s => s.pkg);
  }

  /** The registry holding this Composition's Function objects. */
  public get functionRegistry(): FunctionRegistry {
    return this.registry;
  }

  /** Non-fatal findings (ambiguous selection, missing providerConfigRef.kind...); also recorded as construct metadata at synth. */
  public get warnings(): string[] {
    return compositionWarnings(this);
  }

  /** The function-patch-and-transform input (`pt.fn.crossplane.io/v1beta1` `Resources`). */
  public patchAndTransformInput(): Record<string, unknown> {
    const input: Record<string, unknown> = { apiVersion: 'pt.fn.crossplane.io/v1beta1', kind: 'Resources' };
    if (this.envPatches.length > 0) input.environment = { patches: this.envPatches.map(p => p._toJson()) };
    if (this.sets.length > 0) input.patchSets = this.sets.map(s => s._toJson());
    input.resources = this.resourceList.map(r => r._toJson());
    const ref = this.writeConnectionSecretToRef;
    if (ref) {
      const json: Record<string, unknown> = {};
      if (ref.name !== undefined) json.name = ref.name;
      if (ref.namespace !== undefined) json.namespace = ref.namespace;
      if ((ref.patches ?? []).length > 0) json.patches = ref.patches!.map(p => p._toJson());
      input.writeConnectionSecretToRef = json;
    }
    return input;
  }

  /** @internal The Composition spec (wire format). */
  public _toSpec(): Record<string, unknown> {
    const spec: Record<string, unknown> = {
      compositeTypeRef: { apiVersion: this.xrd.compositeApiVersion, kind: this.xrd.kind },
      mode: 'Pipeline',
      pipeline: this.resolvedSteps().map(stepToJson),
    };
    if (this.writeConnectionSecretsToNamespace !== undefined) spec.writeConnectionSecretsToNamespace = this.writeConnectionSecretsToNamespace;
    return spec;
  }

  /** @internal The steps in order, the P&T step only when it has work, auto-ready last when enabled. */
  public resolvedSteps(): ResolvedStep[] {
    const out: ResolvedStep[] = [];
    for (const e of this.entries) {
      if (e.kind === 'step') out.push(e.step);
      else if (this.hasPatchAndTransformWork() && this.ptPackage) {
        out.push({ step: this.patchAndTransformStep, pkg: this.ptPackage, input: this.patchAndTransformInput() as any, credentials: [] });
      }
    }
    if (this.autoReadyPackage && !out.some(s => s.pkg.name === this.autoReadyPackage!.name)) {
      out.push({ step: AUTO_READY_STEP, pkg: this.autoReadyPackage, credentials: [] });
    }
    return out;
  }

  /** Every problem of a step `addStep` was given, path-free. */
  private stepProblems(options: PipelineStepOptions, placement: StepPlacement): string[] {
    const problems = stepOptionProblems(options);
    // The checks below name the step; without a valid name they would only repeat that problem.
    if (typeof options?.step !== 'string' || options.step.trim() === '') return problems;
    const names = this.stepNames();
    if (names.includes(options.step)) {
      problems.push(`pipeline step name must be unique, got '${options.step}' for an existing step and the new one: rename one`);
    }
    if (options.function === undefined || !(options.function instanceof FunctionPackage || CompositionFunction.isCompositionFunction(options.function))) {
      problems.push(`pipeline step '${options.step}' function must be a FunctionPackage or a CompositionFunction, got '${String(options.function)}': `
        + 'e.g. FunctionPackage.GO_TEMPLATING');
    }
    if (placement.before !== undefined && placement.after !== undefined) {
      problems.push(`pipeline step '${options.step}' placement must give before or after, got both ('${placement.before}', '${placement.after}'): keep one`);
    } else {
      const anchor = placement.before ?? placement.after;
      if (anchor !== undefined && !this.entries.some(e => this.entryName(e) === anchor)) {
        problems.push(`pipeline step '${options.step}' placement names an unknown step, got '${anchor}': use one of ${names.map(n => `'${n}'`).join(', ')}`);
      }
    }
    return problems;
  }

  private hasPatchAndTransformWork(): boolean {
    return this.resourceList.length > 0 || this.envPatches.length > 0;
  }

  private entryName(e: PipelineEntry): string {
    return e.kind === 'pt' ? this.patchAndTransformStep : e.step.step;
  }

  private stepNames(): string[] {
    const names = this.entries.map(e => this.entryName(e));
    return this.autoReady === AutoReady.OFF ? names : [...names, AUTO_READY_STEP];
  }

  private usePatchAndTransform(): void {
    this.ptPackage ??= this.registry.use(this.patchAndTransformFunction);
  }

  /**
   * Registers function-auto-ready as soon as the policy asks for it. The AUTO conditions only
   * ever become true as resources and steps are added, so registering eagerly is exact and
   * the Function object exists before synthesis starts.
   */
  private syncAutoReady(): void {
    if (this.autoReadyPackage || this.autoReady === AutoReady.OFF) return;
    const otherSteps = this.entries.some(e => e.kind === 'step' && e.step.pkg.name !== FunctionPackage.AUTO_READY.name);
    const builtin = this.resourceList.some(r => isBuiltinKubernetesGroup(splitApiVersion(r.apiVersion).group));
    if (this.autoReady === AutoReady.ON || otherSteps || builtin) {
      this.autoReadyPackage = this.registry.use(FunctionPackage.AUTO_READY);
    }
  }
}
