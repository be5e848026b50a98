/**
 * The engine's rooms (STYLE.md §4, "Where the new capabilities go"), checked on the import
 * graph so that they hold as functions are added:
 *
 * - `engine/go/` is the only home of Go compatibility and imports nothing else from the project;
 * - `engine/runtime/` (crossplane-runtime ports) imports only `go/` and itself;
 * - `engine/functions/<name>/` never imports another function, nor the catalogue index;
 * - the engine root (protocol, pipeline, render, output...) reaches functions only through the
 *   catalogue index `functions/index.ts`, and names no function in its code;
 * - adding a function means adding one folder: each folder under `functions/` is one built-in
 *   function, listed in the catalogue under its package name `function-<folder>`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUILT_IN_FUNCTIONS } from '../../src/engine/functions';
import { codeOnly, importGraph, SRC } from './_import-graph';

const ENGINE = path.join(SRC, 'engine');
const FUNCTIONS = path.join(ENGINE, 'functions');
const CATALOGUE_INDEX = path.join(FUNCTIONS, 'index.ts');

/** The room a file of src/ belongs to. */
function roomOf(file: string): string {
  const rel = path.relative(ENGINE, file);
  if (rel.startsWith('..')) return 'outside the engine';
  const parts = rel.split(path.sep);
  if (parts.length === 1) return 'engine root';
  if (parts[0] === 'functions') return file === CATALOGUE_INDEX ? 'catalogue index' : `function ${parts[1]}`;
  return parts[0];
}

/** Whether a file of `from` may import a file of `to`. */
function allowed(from: string, to: string): boolean {
  if (from === to) return true;
  switch (from) {
    case 'go': return false;
    case 'runtime': return to === 'go';
    case 'engine root': return !to.startsWith('function ');
    case 'catalogue index': return true;
    default:
      // A function folder: Go helpers, runtime ports, the engine root's protocol and errors, and
      // the project's shared modules (errors), but never another function or the catalogue index.
      return from.startsWith('function ') ? !to.startsWith('function ') && to !== 'catalogue index' : true;
  }
}

/** The function folders under engine/functions/. */
function functionFolders(): string[] {
  return fs.readdirSync(FUNCTIONS, { withFileTypes: true }).filter(e => e.isDirectory()).map(e => e.name).sort();
}

/** `patch-and-transform` -> `patchAndTransform`. */
function camel(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

describe('the engine layout', () => {
  const { graph } = importGraph();

  test('each room imports only the rooms below it', () => {
    const rel = (f: string) => path.relative(SRC, f);
    const wrong: string[] = [];
    for (const [file, deps] of graph) {
      const from = roomOf(file);
      if (from === 'outside the engine') continue;
      for (const dep of deps) {
        const to = roomOf(dep);
        if (!allowed(from, to)) wrong.push(`${rel(file)} (${from}) imports ${rel(dep)} (${to})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('the engine root names no function in its code', () => {
    const names = functionFolders().flatMap(n => [n, camel(n)]);
    expect(names.length).toBeGreaterThanOrEqual(4);
    const found: string[] = [];
    for (const file of [...graph.keys()].filter(f => roomOf(f) === 'engine root')) {
      // Comments may give a function as an example; code, strings included, may not.
      const code = codeOnly(fs.readFileSync(file, 'utf8'));
      for (const name of names) if (code.includes(name)) found.push(`${path.relative(SRC, file)} names '${name}'`);
    }
    expect(found).toEqual([]);
  });

  test('each function folder is one built-in function, registered by the catalogue index', () => {
    const folders = functionFolders();
    expect(folders).toEqual(expect.arrayContaining(['auto-ready', 'patch-and-transform']));
    const indexDeps = graph.get(CATALOGUE_INDEX) ?? [];
    for (const folder of folders) {
      expect(fs.existsSync(path.join(FUNCTIONS, folder, 'index.ts'))).toBe(true);
      expect(indexDeps).toContain(path.join(FUNCTIONS, folder, 'index.ts'));
    }
    expect(BUILT_IN_FUNCTIONS.map(f => f.name).sort()).toEqual(folders.map(f => `function-${f}`));
  });

  test('the rooms are told apart as intended', () => {
    expect(roomOf(path.join(ENGINE, 'render.ts'))).toBe('engine root');
    expect(roomOf(CATALOGUE_INDEX)).toBe('catalogue index');
    expect(roomOf(path.join(FUNCTIONS, 'auto-ready', 'run.ts'))).toBe('function auto-ready');
    expect(roomOf(path.join(ENGINE, 'go', 'template', 'parse.ts'))).toBe('go');
    expect(allowed('engine root', 'function auto-ready')).toBe(false);
    expect(allowed('function auto-ready', 'function patch-and-transform')).toBe(false);
    expect(allowed('go', 'runtime')).toBe(false);
    expect(allowed('go', 'outside the engine')).toBe(false);
    expect(allowed('runtime', 'engine root')).toBe(false);
    expect(allowed('function auto-ready', 'go')).toBe(true);
  });
});
