import * as path from 'node:path';
import * as fs from 'node:fs';
import { celAvailable, celUnavailableReason } from '../../src/validate/cel';

/** The shared folder (CRDs, corpus), or undefined when this clone does not have it. */
export function sharedDir(): string | undefined {
  const dir = path.resolve(__dirname, '../..', '../shared');
  return fs.existsSync(dir) ? dir : undefined;
}

/** `test`, or `test.skip` with a printed reason when no CEL evaluator is installed. */
export function celTest(name: string, fn: () => void): void {
  if (celAvailable()) {
    test(name, fn);
  } else {
    // eslint-disable-next-line no-console
    console.warn(`skipped "${name}": ${celUnavailableReason()}`);
    test.skip(name, fn);
  }
}
