// The files the example app (examples/main.ts) writes, for the test files that take them as
// their input (Backstage templates, platform diff, packages). Synthesizing the app costs about a
// second of CPU and three files did it: it is now synthesized once per change of the examples
// or the sources (test/_helpers/result-cache.ts). test/examples/dist-layout.test.ts, which
// tests the synthesis itself, runs it.
import * as path from 'node:path';
import { App } from 'cdk8s';
import { synthesize } from '../../examples/main';
import type { OutputFile } from '../../examples/layered-output';
import { sharedResult } from './result-cache';

const ROOT = path.resolve(__dirname, '..', '..');

/** `synthesize(new App(), { examples })`: the layered output, with the example XRs when asked. */
export function exampleOutput(examples: boolean): OutputFile[] {
  return sharedResult(`example-output-${examples ? 'with' : 'without'}-examples`, [path.join(ROOT, 'examples'), path.join(ROOT, 'src'), path.join(ROOT, 'imports')],
    () => synthesize(new App(), { examples }));
}
