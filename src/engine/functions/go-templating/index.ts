/** function-go-templating, built into the engine. */
import type { BuiltInFunction } from '../../catalogue';
import { runGoTemplating } from './run';

export { runGoTemplating, goTemplatingRunner, GoTemplatingOptions, newTemplate, ANNOTATION_READY, ANNOTATION_RESOURCE_NAME, META_API_VERSION } from './run';
export { decodeGoTemplateInput, GoTemplateInput, INPUT_API_VERSION, INPUT_KIND } from './input';
export { goTemplateProblems } from './validate';
export { TemplateFileSystem } from './sources';

/** The catalogue entry: the package is `function-go-templating`. */
export const goTemplating: BuiltInFunction = { name: 'function-go-templating', run: runGoTemplating };
