import { Combine } from './combine';
import { PathArg } from './field-path';
import {
  buildCombinePatch, buildFieldPatch, effectiveToFieldPath, ENVIRONMENT_PATCH_ENDS, IPatch, PatchData, patchDataToJson, readPaths,
} from './patch-core';
import { FromFieldPathPolicy, PatchEnd, PatchOptions, PatchType, ToFieldPathPolicy } from './patch-policy';
import { LintRule } from './lint-rule';
import { Transform } from './transform';

/**
 * A patch of `environment.patches[]`: runs before any template, between the XR and the
 * environment (reference §3.4, §3.11). Environment paths address top-level keys of the
 * merged EnvironmentConfig data (`region`, not `data.region`).
 */
export class EnvironmentPatch<XR = any> implements IPatch {
  /** Copies the observed XR's `from` into the environment's `to` (default: the same path). */
  public static fromCompositeFieldPath<XR = any>(from: PathArg<XR>, to?: PathArg<any>, options?: PatchOptions): EnvironmentPatch<XR> {
    return new EnvironmentPatch(buildFieldPatch('EnvironmentPatch.fromCompositeFieldPath', PatchType.FROM_COMPOSITE_FIELD_PATH, from, to, options));
  }

  /** Copies the observed XR's `from` into the environment's `to` (same as fromCompositeFieldPath here). */
  public static toEnvironmentFieldPath<XR = any>(from: PathArg<XR>, to?: PathArg<any>, options?: PatchOptions): EnvironmentPatch<XR> {
    return new EnvironmentPatch(buildFieldPatch('EnvironmentPatch.toEnvironmentFieldPath', PatchType.TO_ENVIRONMENT_FIELD_PATH, from, to, options));
  }

  /** Copies the environment's `from` into the desired XR's `to`. */
  public static toCompositeFieldPath<XR = any>(from: PathArg<any>, to?: PathArg<XR>, options?: PatchOptions): EnvironmentPatch<XR> {
    return new EnvironmentPatch(buildFieldPatch('EnvironmentPatch.toCompositeFieldPath', PatchType.TO_COMPOSITE_FIELD_PATH, from, to, options));
  }

  /** Copies the environment's `from` into the desired XR's `to` (same as toCompositeFieldPath here). */
  public static fromEnvironmentFieldPath<XR = any>(from: PathArg<any>, to?: PathArg<XR>, options?: PatchOptions): EnvironmentPatch<XR> {
    return new EnvironmentPatch(buildFieldPatch('EnvironmentPatch.fromEnvironmentFieldPath', PatchType.FROM_ENVIRONMENT_FIELD_PATH, from, to, options));
  }

  /** Formats several XR fields into the environment's `to`. */
  public static combineFromComposite<XR = any>(combine: Combine<XR>, to: PathArg<any>, options?: PatchOptions): EnvironmentPatch<XR> {
    return new EnvironmentPatch(buildCombinePatch('EnvironmentPatch.combineFromComposite', PatchType.COMBINE_FROM_COMPOSITE, combine, to, options));
  }

  /** Formats several environment fields into the desired XR's `to`. */
  public static combineToComposite<XR = any>(combine: Combine<any>, to: PathArg<XR>, options?: PatchOptions): EnvironmentPatch<XR> {
    return new EnvironmentPatch(buildCombinePatch('EnvironmentPatch.combineToComposite', PatchType.COMBINE_TO_COMPOSITE, combine, to, options));
  }

  /** Type-only marker carrying `XR`; never set at run time. */
  public readonly __xr?: (xr: XR) => void;

  private constructor(private readonly data: PatchData) {}

  /** The P&T patch type. */
  public get type(): PatchType {
    return this.data.type;
  }

  /** The object the patch reads from. */
  public get readsFrom(): PatchEnd | undefined {
    return ENVIRONMENT_PATCH_ENDS[this.data.type]?.[0];
  }

  /** The object the patch writes to. */
  public get writesTo(): PatchEnd | undefined {
    return ENVIRONMENT_PATCH_ENDS[this.data.type]?.[1];
  }

  /** Every path read. */
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

  /** Always undefined: environment patches cannot reference patch sets. */
  public get patchSetName(): string | undefined {
    return undefined;
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
