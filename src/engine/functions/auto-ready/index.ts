/** function-auto-ready, built into the engine. */
import type { BuiltInFunction } from '../../catalogue';
import { runAutoReady } from './run';

export { runAutoReady } from './run';

/** The catalogue entry: the package is `function-auto-ready`. */
export const autoReady: BuiltInFunction = { name: 'function-auto-ready', run: runAutoReady };
