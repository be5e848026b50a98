// The shared corpus as `loadInputs` reads it, for the convert tests that take every corpus XRD
// and Composition as their input. Reading and classifying it costs about 1.5 s of CPU, and five
// test files did it (one of them twice): it is now read once per change of the corpus or of the
// sources (test/_helpers/result-cache.ts).
import * as path from 'node:path';
import { LoadedInputs, loadInputs } from '../../src/convert/load';
import { sharedResult } from './result-cache';

const ROOT = path.resolve(__dirname, '..', '..');

/** The shared corpus folder (beside the repository). */
export const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');

let loaded: LoadedInputs | undefined;

/** `loadInputs([CORPUS])`. Callers must not change what it returns (within a file they share one copy). */
export function corpusInputs(): LoadedInputs {
  loaded ??= sharedResult('corpus-inputs', [CORPUS, path.join(ROOT, 'src')], () => loadInputs([CORPUS]));
  return loaded;
}
