import { UserError } from '../errors';
import type { Patch } from './patch';
import { PatchType } from './patch-policy';

/**
 * A named list of patches that several templates splice in with `Patch.patchSet(set)`
 * (`patchSets[]`, reference §3.2). Typed on the XR side only: its composed-side paths are
 * shared across kinds, so write them as strings.
 */
export class PatchSet<XR = any> {
  /** A patch set named `name`; a patch set may not contain a PatchSet patch. */
  public static of<XR = any>(name: string, patches: readonly Patch<XR, any>[]): PatchSet<XR> {
    if (typeof name !== 'string' || name === '') throw new UserError(`PatchSet name must be a non-empty string, got '${String(name)}'`);
    if (!Array.isArray(patches)) throw new UserError(`PatchSet '${name}' patches must be an array, got '${String(patches)}'`);
    patches.forEach((p, i) => {
      if (p?.type === PatchType.PATCH_SET) {
        throw new UserError(`PatchSet '${name}' patches[${i}] must not be a PatchSet patch, got patch set '${p.patchSetName}': `
          + 'P&T cannot nest patch sets (it fails the step with "cannot resolve PatchSets: a patch in a PatchSet cannot be of type PatchSet"); list its patches here instead');
      }
      if (typeof p?._toJson !== 'function' || p.readsFrom === undefined) {
        throw new UserError(`PatchSet '${name}' patches[${i}] must be built with a Patch factory, got '${JSON.stringify(p)}'`);
      }
    });
    return new PatchSet<XR>(name, [...patches]);
  }

  /** Type-only marker carrying `XR`; never set at run time. */
  public readonly __xr?: (xr: XR) => void;

  private constructor(
    /** The name templates reference. */
    public readonly name: string,
    private readonly list: readonly Patch<XR, any>[],
  ) {}

  /** The patches, in order. */
  public get patches(): Patch<XR, any>[] {
    return [...this.list];
  }

  /** @internal The exact P&T wire format: `{ name, patches }`. */
  public _toJson(): Record<string, unknown> {
    return { name: this.name, patches: this.list.map(p => p._toJson()) };
  }
}
