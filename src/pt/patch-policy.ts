import { LintRule } from './lint-rule';
import { Transform } from './transform';

/** What a patch does when its source field is missing (reference §3.3, §3.5). */
export enum FromFieldPathPolicy {
  /** Skip the patch (P&T's default). */
  OPTIONAL = 'Optional',
  /**
   * A composed resource that does not exist yet is left out of desired state until the
   * field exists; the XR is then reported not ready.
   */
  REQUIRED = 'Required',
}

/** How a patch value is merged into a destination that already has a value (reference §3.5). */
export enum ToFieldPathPolicy {
  /** Replace the destination (P&T's default). */
  REPLACE = 'Replace',
  /** Fill in missing or empty keys; keys already set in the destination win. */
  MERGE_OBJECTS = 'MergeObjects',
  /** As MERGE_OBJECTS, and append arrays (deduplicated at the top level). */
  MERGE_OBJECTS_APPEND_ARRAYS = 'MergeObjectsAppendArrays',
  /** The patch value's keys overwrite the destination's, recursively; arrays are replaced. */
  FORCE_MERGE_OBJECTS = 'ForceMergeObjects',
  /** As FORCE_MERGE_OBJECTS, and append arrays. */
  FORCE_MERGE_OBJECTS_APPEND_ARRAYS = 'ForceMergeObjectsAppendArrays',
}

/** The patch types of function-patch-and-transform (reference §3.4). */
export enum PatchType {
  FROM_COMPOSITE_FIELD_PATH = 'FromCompositeFieldPath',
  TO_COMPOSITE_FIELD_PATH = 'ToCompositeFieldPath',
  COMBINE_FROM_COMPOSITE = 'CombineFromComposite',
  COMBINE_TO_COMPOSITE = 'CombineToComposite',
  FROM_ENVIRONMENT_FIELD_PATH = 'FromEnvironmentFieldPath',
  TO_ENVIRONMENT_FIELD_PATH = 'ToEnvironmentFieldPath',
  COMBINE_FROM_ENVIRONMENT = 'CombineFromEnvironment',
  COMBINE_TO_ENVIRONMENT = 'CombineToEnvironment',
  PATCH_SET = 'PatchSet',
}

/** The object a patch reads from or writes to. */
export enum PatchEnd {
  /** The composite resource (XR): observed when read, desired when written. */
  COMPOSITE = 'composite',
  /** The composed resource of the template: observed when read, desired when written. */
  COMPOSED = 'composed',
  /** The pipeline environment (context key `apiextensions.crossplane.io/environment`). */
  ENVIRONMENT = 'environment',
}

/**
 * Options every field patch accepts. `Tr` is the transform chain as a tuple, from which the
 * patch factories work out the value type that reaches the destination.
 */
export interface PatchOptions<Tr extends readonly Transform[] = readonly Transform[]> {
  /**
   * Transforms applied in order to the value read.
   *
   * @default - the value is copied unchanged
   */
  readonly transforms?: Tr;
  /**
   * What to do when the source field is missing.
   *
   * @default - not written; P&T uses FromFieldPathPolicy.OPTIONAL
   */
  readonly fromFieldPathPolicy?: FromFieldPathPolicy;
  /**
   * How to merge into an existing destination value.
   *
   * @default - not written; P&T uses ToFieldPathPolicy.REPLACE
   */
  readonly toFieldPathPolicy?: ToFieldPathPolicy;
  /**
   * Findings of the synth-time checks to accept on this patch, by name: for a patch that does
   * what Crossplane does with it, on purpose (say why in a comment beside it).
   *
   * @default - every finding is reported
   */
  readonly suppress?: readonly (LintRule | `${LintRule}`)[];
}

/**
 * The TypeScript type of a patch value after the transform chain `Tr`, read as `V`: the last
 * transform's output, or `V` when there are none. A chain whose length is not known statically
 * (an array built at run time) gives `any`: the synth-time check covers it.
 */
export type TransformedValue<V, Tr extends readonly Transform[]> = Tr extends readonly []
  ? V
  : Tr extends readonly [...unknown[], Transform<infer O>] ? O : any;
