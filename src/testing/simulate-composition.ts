/**
 * `simulateComposition()`: `simulate()` with the inputs tests have at hand (a Composition
 * construct, an ApiObject, YAML text or a plain object), as `renderComposition` takes them.
 */
import { simulate } from '../simulate';
import type { SimulateOptions, Simulation } from '../simulate';
import { pipelineInputs } from './render-composition';

/** Options of {@link simulateComposition}: those of `simulate()`, with looser object inputs. */
export interface SimulateCompositionOptions extends Omit<SimulateOptions, 'xr' | 'composition' | 'xrd' | 'requiredResources'> {
  /** The XR: a plain object, YAML text, or anything with `toJson()`. */
  readonly xr: unknown;
  /** The Composition: a Composition construct, an ApiObject, YAML text or a plain object. */
  readonly composition: unknown;
  /**
   * The XRD whose defaults apply to the XR (a construct, YAML text or a plain object).
   * @default - no defaulting
   */
  readonly xrd?: unknown;
  /**
   * Resources served to function requirements (EnvironmentConfigs and the like): constructs,
   * ApiObjects, YAML text or plain objects.
   * @default - none
   */
  readonly requiredResources?: unknown;
}

/**
 * Simulates the life of an XR with a Composition, offline (see `simulate()`). A Composition
 * construct brings its own Function objects unless `functions` is given.
 */
export function simulateComposition(options: SimulateCompositionOptions): Simulation {
  return simulate({ ...options, ...pipelineInputs(options) });
}
