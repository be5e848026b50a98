/**
 * The functions built into the engine. Adding one means adding its folder beside these and one
 * line to {@link BUILT_IN_FUNCTIONS}; nothing else in the engine names a function.
 */
import type { BuiltInFunction } from '../catalogue';
import { FunctionCatalogue } from '../catalogue';
import { autoReady } from './auto-ready';
import { celFilter } from './cel-filter';
import { environmentConfigs } from './environment-configs';
import { goTemplating } from './go-templating';
import { patchAndTransform } from './patch-and-transform';
import { sequencer } from './sequencer';

/** Every built-in function, in the order the "no offline implementation" error lists them. */
export const BUILT_IN_FUNCTIONS: readonly BuiltInFunction[] = [
  patchAndTransform,
  autoReady,
  goTemplating,
  environmentConfigs,
  sequencer,
  celFilter,
];

/** The catalogue a render uses by default: the built-in functions only. */
export const BUILT_IN_CATALOGUE: FunctionCatalogue = FunctionCatalogue.of(BUILT_IN_FUNCTIONS);

export * from './auto-ready';
export * from './cel-filter';
export * from './environment-configs';
export * from './go-templating';
export * from './patch-and-transform';
export * from './sequencer';
