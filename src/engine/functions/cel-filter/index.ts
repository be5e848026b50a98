/** function-cel-filter, built into the engine. */
import type { BuiltInFunction } from '../../catalogue';
import { runCelFilter } from './run';

export { runCelFilter } from './run';

/** The catalogue entry: the package is `function-cel-filter`. */
export const celFilter: BuiltInFunction = { name: 'function-cel-filter', run: runCelFilter };
