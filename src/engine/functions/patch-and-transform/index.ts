/** function-patch-and-transform, built into the engine. */
import type { BuiltInFunction } from '../../catalogue';
import { runPatchAndTransform } from './run';

export { runPatchAndTransform } from './run';
export { resolveTransform, resolveTransforms, TransformError } from './transforms';

/** The catalogue entry: P&T's package is `function-patch-and-transform`. */
export const patchAndTransform: BuiltInFunction = { name: 'function-patch-and-transform', run: runPatchAndTransform };
