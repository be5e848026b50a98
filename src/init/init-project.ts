import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError } from '../errors';
import { writeFiles } from '../_write-files';
import { packageSpec } from './package-spec';
import { packageNameFor, projectTemplate } from './project-template';

/** Options of {@link initProject}. */
export interface InitProjectOptions {
  /**
   * `name` of the new package.json.
   *
   * @default - derived from the folder name
   */
  readonly name?: string;
  /**
   * Where the project gets cdk8s-crossplane from: a version, or a path to a checkout or a
   * tarball made by `npm pack` (written as a `file:` dependency relative to `dir`).
   *
   * @default - `^` and the version of this package, from the npm registry
   */
  readonly package?: string;
  /**
   * Create the project in a folder that already has files in it, overwriting those with the
   * project's file names (the CLI's `--force`).
   *
   * @default false
   */
  readonly force?: boolean;
}

// A folder with only these in it counts as empty: a fresh `git init` or `git clone` of an empty repository.
const IGNORED = new Set(['.git']);

/**
 * Writes a new platform repository into `dir` (created when missing) and returns the relative
 * paths of the files written, sorted.
 *
 * @throws UserError when `dir` is a file or, without `force`, a folder with anything but `.git` in it
 */
export function initProject(dir: string, options: InitProjectOptions = {}): string[] {
  if (fs.existsSync(dir)) {
    if (!fs.statSync(dir).isDirectory()) {
      throw new UserError(`'${dir}' is a file, got a file where the new project's folder should be: pass a new or empty folder`);
    }
    const found = fs.readdirSync(dir).filter((e) => !IGNORED.has(e)).sort();
    if (found.length > 0 && !options.force) {
      const shown = found.slice(0, 5).join(', ') + (found.length > 5 ? `, ... (${found.length} entries)` : '');
      throw new UserError(`'${dir}' must be empty to create a project in it, got '${shown}': `
        + `pass a new folder (e.g. \`cdk8s-crossplane init ${path.join(dir, 'platform')}\`), empty this one, or pass --force to write over the project's files`);
    }
  }
  const from = options.package === undefined ? undefined : packageSpec(options.package, dir);
  const files = projectTemplate({ name: options.name ?? packageNameFor(dir), version: from?.version, spec: from?.spec });
  // All or nothing, never through a link that leads out of `dir` (see _write-files.ts).
  writeFiles(dir, [...files].map(([name, content]) => ({ path: name, content })), { force: options.force, rootName: 'the project folder' });
  return [...files.keys()].sort();
}
