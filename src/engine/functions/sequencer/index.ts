/** function-sequencer, built into the engine. */
import type { BuiltInFunction } from '../../catalogue';
import { runSequencer } from './run';

export { runSequencer } from './run';

/** The catalogue entry: the package is `function-sequencer`. */
export const sequencer: BuiltInFunction = { name: 'function-sequencer', run: runSequencer };
