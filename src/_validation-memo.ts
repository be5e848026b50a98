/**
 * cdk8s validates the whole app once per chart it synthesizes (`App.synth()` and
 * `Chart.toJson()` each call `validate(app)`), so a platform of N charts runs every construct
 * validation N+1 times: quadratic synth time. Our validations walk schemas and lint every patch,
 * so they remember their result while nothing could have changed it:
 *
 * - every mutator of this package's constructs calls {@link touchConstructs}, and
 * - the memo is dropped when the current synchronous run (the synth) ends, which covers
 *   changes we cannot see, such as a cdk8s-plus template mutated between two synths.
 */
let generation = 0;

/** Records that a construct of this package changed, so memoized validations rerun. */
export function touchConstructs(): void {
  generation++;
}

/** Wraps a validation so repeated calls within one synth reuse its result. */
export function memoizeValidation(validate: () => string[]): () => string[] {
  let cached: string[] | undefined;
  let cachedAt = -1;
  return () => {
    if (cached !== undefined && cachedAt === generation) return cached;
    cached = validate();
    cachedAt = generation;
    queueMicrotask(() => { cached = undefined; });
    return cached;
  };
}
