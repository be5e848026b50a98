import { transformSync } from 'esbuild';
import * as lib from '../../src';

/**
 * Transpiles emitted TypeScript (imports from 'cdk8s-crossplane' resolve to this repository's
 * sources) and evaluates it; returns the module's exports.
 */
export function evaluateModule(source: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const js = transformSync(source, { loader: 'ts', format: 'cjs', target: 'node20', sourcefile: 'emitted.ts' }).code;
  const mod: { exports: Record<string, unknown> } = { exports: {} };
  const req = (id: string): unknown => {
    if (id === 'cdk8s-crossplane') return lib;
    if (id in extra) return extra[id];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(id);
  };
  new Function('module', 'exports', 'require', js)(mod, mod.exports, req);
  return mod.exports;
}
