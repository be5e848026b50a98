import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { UserError } from '../errors';

/** Where a new project gets cdk8s-crossplane from: its package.json entry and the version it is. */
export interface PackageSpec {
  /** The dependency spec for package.json: a version or range, or `file:` and a relative path. */
  readonly spec: string;
  /** The exact version, for the validation plugin entry of cdk8s.yaml (cdk8s-cli refuses ranges). */
  readonly version: string;
}

// An exact version, optionally as a caret or tilde range: what `npm install` accepts and what names one release.
const VERSION = /^[~^]?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$/;
const NAME = 'cdk8s-crossplane';

function usage(given: string, found: string): UserError {
  return new UserError(`--package must be a version (e.g. 0.1.0 or ^0.1.0), a folder holding ${NAME} or a tarball made by \`npm pack\`, `
    + `got '${given}', ${found}`);
}

/** package/package.json of an npm tarball (gzipped ustar, as `npm pack` writes it), or undefined. */
function manifestOfTarball(file: string): any {
  let tar: Buffer;
  try {
    tar = zlib.gunzipSync(fs.readFileSync(file));
  } catch {
    return undefined;
  }
  for (let at = 0; at + 512 <= tar.length;) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start: number, length: number) => header.subarray(start, start + length).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const prefix = field(345, 155);
    const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    const body = at + 512;
    if (name === 'package/package.json') {
      try {
        return JSON.parse(tar.subarray(body, body + size).toString('utf8'));
      } catch {
        return undefined;
      }
    }
    at = body + Math.ceil(size / 512) * 512;
  }
  return undefined;
}

/**
 * Resolves `init --package`: a version stays as it is; a folder (a checkout of this package) or
 * a tarball becomes `file:` with its path relative to the new project, so that `npm install`
 * run there finds it.
 *
 * @throws UserError when `given` is neither a version nor a folder or tarball of cdk8s-crossplane
 */
export function packageSpec(given: string, projectDir: string): PackageSpec {
  const abs = path.resolve(given);
  const stat = fs.statSync(abs, { throwIfNoEntry: false });
  const version = VERSION.exec(given);
  if (version && !stat) return { spec: given, version: version[1] };
  if (!stat) throw usage(given, 'which is neither a version nor an existing file or folder');

  let manifest: any;
  if (stat.isDirectory()) {
    const file = path.join(abs, 'package.json');
    if (!fs.existsSync(file)) throw usage(given, 'a folder without a package.json');
    try {
      manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      throw usage(given, `a folder whose package.json is not valid JSON (${(err as Error).message})`);
    }
  } else {
    manifest = manifestOfTarball(abs);
    if (manifest === undefined) throw usage(given, 'a file that is not a gzipped tarball with package/package.json in it');
  }
  if (manifest?.name !== NAME) throw usage(given, `which holds the package '${manifest?.name}', not '${NAME}'`);
  if (typeof manifest.version !== 'string' || !VERSION.test(manifest.version)) {
    throw usage(given, `whose package.json has version '${manifest.version}', not an exact version`);
  }
  const relative = path.relative(path.resolve(projectDir), abs).split(path.sep).join('/') || '.';
  return { spec: `file:${relative}`, version: manifest.version };
}
