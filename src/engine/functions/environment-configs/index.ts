/** function-environment-configs, built into the engine. */
import type { BuiltInFunction } from '../../catalogue';
import { runEnvironmentConfigs } from './run';

export { runEnvironmentConfigs } from './run';

/** The catalogue entry: the package is `function-environment-configs`. */
export const environmentConfigs: BuiltInFunction = { name: 'function-environment-configs', run: runEnvironmentConfigs };
