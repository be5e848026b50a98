import { UserError } from '../errors';
import { Combine } from './combine';
import { ComposedView, DestinationPathArg, PathArg, PathValue, SourcePathArg } from './field-path';
import {
  buildCombinePatch, buildFieldPatch, COMPOSED_PATCH_ENDS, effectiveToFieldPath, IPatch, IPatchSetRef, PatchData, patchDataToJson, readPaths,
} from './patch-core';
import { LintRule } from './lint-rule';
import { FromFieldPathPolicy, PatchEnd, PatchOptions, PatchType, ToFieldPathPolicy, TransformedValue } from './patch-policy';
import { Transform } from './transform';

/**
 * A patch of a composed-resource template (`resources[].patches[]`): copies a value between
 * the XR, the composed resource and the environment, through optional transforms
 * (reference §3.4).
 *
 * `XR` is the composite's static type, `T` the composed resource's props type; both type the
 * path lambdas. Passed to a typed method such as `resource.addPatch(...)`, TypeScript infers
 * both from that method:
 *
 * ```ts
 * resource.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.region, r => r.spec.forProvider.region));
 * ```
 *
 * With lambdas on both ends the value is typed too: what the source holds, after the
 * transforms (`string.*` and Combine give a string, `convert` its target type, `math` a
 * number, `map`/`match` the union of their results), must be assignable to the destination
 * field, so a string patched into an object field does not compile. String paths get the same
 * check at synth time against the schemas.
 */
export class Patch<XR = any, T = any> implements IPatch {
  /** Copies the observed XR's `from` into the composed resource's `to` (default: the same path). */
  public static fromCompositeFieldPath<XR = any, T = any, F = any, const Tr extends readonly Transform[] = []>(
    from: SourcePathArg<XR, F>, to?: DestinationPathArg<ComposedView<T>, TransformedValue<PathValue<F>, Tr>>, options?: PatchOptions<Tr> | PatchOptions,
  ): Patch<XR, T> {
    return new Patch(buildFieldPatch('Patch.fromCompositeFieldPath', PatchType.FROM_COMPOSITE_FIELD_PATH, from, to, options));
  }

  /**
   * Copies the observed composed resource's `from` into the XR's `to`. Only XR `status`
   * fields persist (reference §3.4); nothing happens until the composed resource exists.
   */
  public static toCompositeFieldPath<XR = any, T = any, F = any, const Tr extends readonly Transform[] = []>(
    from: SourcePathArg<ComposedView<T>, F>, to?: DestinationPathArg<XR, TransformedValue<PathValue<F>, Tr>>, options?: PatchOptions<Tr> | PatchOptions,
  ): Patch<XR, T> {
    return new Patch(buildFieldPatch('Patch.toCompositeFieldPath', PatchType.TO_COMPOSITE_FIELD_PATH, from, to, options));
  }

  /** Formats several XR fields into the composed resource's `to` (reference §3.6). */
  public static combineFromComposite<XR = any, T = any, const Tr extends readonly Transform[] = []>(
    combine: Combine<XR>, to: DestinationPathArg<ComposedView<T>, TransformedValue<string, Tr>>, options?: PatchOptions<Tr> | PatchOptions,
  ): Patch<XR, T> {
    return new Patch(buildCombinePatch('Patch.combineFromComposite', PatchType.COMBINE_FROM_COMPOSITE, combine, to, options));
  }

  /** Formats several fields of the observed composed resource into the XR's `to`. */
  public static combineToComposite<XR = any, T = any, const Tr extends readonly Transform[] = []>(
    combine: Combine<ComposedView<T>>, to: DestinationPathArg<XR, TransformedValue<string, Tr>>, options?: PatchOptions<Tr> | PatchOptions,
  ): Patch<XR, T> {
    return new Patch(buildCombinePatch('Patch.combineToComposite', PatchType.COMBINE_TO_COMPOSITE, combine, to, options));
  }

  /** Copies the environment's `from` (a top-level key path, reference §3.11) into the composed resource. */
  public static fromEnvironmentFieldPath<XR = any, T = any>(from: PathArg<any>, to?: PathArg<ComposedView<T>>, options?: PatchOptions): Patch<XR, T> {
    return new Patch(buildFieldPatch('Patch.fromEnvironmentFieldPath', PatchType.FROM_ENVIRONMENT_FIELD_PATH, from, to, options));
  }

  /** Copies the observed composed resource's `from` into the environment, for later templates. */
  public static toEnvironmentFieldPath<XR = any, T = any>(from: PathArg<ComposedView<T>>, to?: PathArg<any>, options?: PatchOptions): Patch<XR, T> {
    return new Patch(buildFieldPatch('Patch.toEnvironmentFieldPath', PatchType.TO_ENVIRONMENT_FIELD_PATH, from, to, options));
  }

  /** Formats several environment fields into the composed resource's `to`. */
  public static combineFromEnvironment<XR = any, T = any, const Tr extends readonly Transform[] = []>(
    combine: Combine<any>, to: DestinationPathArg<ComposedView<T>, TransformedValue<string, Tr>>, options?: PatchOptions<Tr> | PatchOptions,
  ): Patch<XR, T> {
    return new Patch(buildCombinePatch('Patch.combineFromEnvironment', PatchType.COMBINE_FROM_ENVIRONMENT, combine, to, options));
  }

  /** Formats several fields of the observed composed resource into the environment's `to`. */
  public static combineToEnvironment<XR = any, T = any>(combine: Combine<ComposedView<T>>, to: PathArg<any>, options?: PatchOptions): Patch<XR, T> {
    return new Patch(buildCombinePatch('Patch.combineToEnvironment', PatchType.COMBINE_TO_ENVIRONMENT, combine, to, options));
  }

  /** Splices the patches of a patch set in at this position (reference §3.2). */
  public static patchSet<XR = any, T = any>(set: string | IPatchSetRef<XR>): Patch<XR, T> {
    const name = typeof set === 'string' ? set : set?.name;
    if (typeof name !== 'string' || name === '') {
      throw new UserError(`Patch.patchSet name must be a non-empty string, got '${String(name)}': pass the PatchSet or its name`);
    }
    return new Patch({ type: PatchType.PATCH_SET, patchSetName: name, transforms: [] });
  }

  /** Type-only marker carrying `XR` and `T`; never set at run time. */
  public readonly __types?: (xr: XR, composed: T) => void;

  private constructor(private readonly data: PatchData) {}

  /** The P&T patch type. */
  public get type(): PatchType {
    return this.data.type;
  }

  /** The object the patch reads from; undefined for a PatchSet reference. */
  public get readsFrom(): PatchEnd | undefined {
    return COMPOSED_PATCH_ENDS[this.data.type]?.[0];
  }

  /** The object the patch writes to; undefined for a PatchSet reference. */
  public get writesTo(): PatchEnd | undefined {
    return COMPOSED_PATCH_ENDS[this.data.type]?.[1];
  }

  /** Every path read (`fromFieldPath` or each combine variable). */
  public get fromFieldPaths(): string[] {
    return readPaths(this.data);
  }

  /** The destination path; when not set explicitly, P&T's default (the `fromFieldPath`). */
  public get toFieldPath(): string | undefined {
    return effectiveToFieldPath(this.data);
  }

  /** The transforms, in order. */
  public get transforms(): Transform[] {
    return [...this.data.transforms];
  }

  /** The combine of a Combine* patch. */
  public get combine(): Combine | undefined {
    return this.data.combine;
  }

  /** The patch set a PatchSet patch splices in. */
  public get patchSetName(): string | undefined {
    return this.data.patchSetName;
  }

  /** The `policy.fromFieldPath` as written. */
  public get fromFieldPathPolicy(): FromFieldPathPolicy | undefined {
    return this.data.fromPolicy;
  }

  /** The `policy.toFieldPath` as written. */
  public get toFieldPathPolicy(): ToFieldPathPolicy | undefined {
    return this.data.toPolicy;
  }

  /** The lint findings accepted on this patch (`suppress` in its options). */
  public get suppressions(): readonly LintRule[] {
    return this.data.suppress ?? [];
  }

  /** @internal The exact P&T wire format. */
  public _toJson(): Record<string, unknown> {
    return patchDataToJson(this.data);
  }
}
