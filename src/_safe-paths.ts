/**
 * File names derived from user input (a kind, a group, a package name) and the check that a
 * relative output path stays inside the folder the user gave.
 *
 * Two steps, on purpose: the caller first checks a name against the rule of its own domain (a
 * Kubernetes kind is a DNS-1035 label, a group a DNS subdomain) and reports a violation as a
 * UserError with its file, document and field; a name that passes may still be unusable as a
 * file name on some system (`con`, `aux`, over-long), and {@link safeFileName} maps those
 * deterministically, so the same input gives the same file on every machine.
 * {@link resolveInside} is the last line of defence at write time.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';

// Names Windows reserves for devices, whatever the extension (`con.md` opens the console).
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
// Most file systems (ext4, APFS, NTFS, XFS) allow 255 bytes per name.
const MAX_NAME_BYTES = 255;
// Characters no file name may hold on Linux, macOS or Windows, and controls that break terminals.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f<>:"|?*]/;

/** A value for an error message: quoted, control characters escaped, long values cut. */
export function quoteName(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  const long = text.length > 80;
  const shown = JSON.stringify(long ? text.slice(0, 60) : text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'");
  return long ? `'${shown}...' (${text.length} characters)` : `'${shown}'`;
}

/**
 * What makes `name` unusable as one file name on some system, or undefined when it is usable
 * (possibly after {@link safeFileName}). Covers path separators, `.` and `..`, absolute paths,
 * Windows drive letters, NUL and other control characters, and characters Windows rejects.
 */
export function fileNameProblem(name: string): string | undefined {
  if (name === '') return 'is empty';
  if (name === '.' || name === '..') return `is '${name}', which names a folder, not a file`;
  if (path.posix.isAbsolute(name) || path.win32.isAbsolute(name)) return 'is an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'starts with a Windows drive letter';
  if (name.includes('/') || name.includes('\\')) return "contains a path separator ('/' or '\\')";
  if (name.includes('\u0000')) return 'contains a NUL character';
  const bad = FORBIDDEN.exec(name);
  if (bad) return `contains ${JSON.stringify(bad[0])}, which file names cannot hold on every system`;
  if (/[. ]$/.test(name)) return 'ends with a dot or a space, which Windows drops';
  return undefined;
}

/**
 * `name` as a file name every system accepts, mapped deterministically: a Windows device name
 * gets `_` after its stem (`con.md` -> `con_.md`; `_` is outside every Kubernetes name, so the
 * result cannot collide with another kind), a name over 255 bytes is cut and ends with a hash of
 * the whole name. Any other name comes back unchanged.
 *
 * @throws Error when `name` has a {@link fileNameProblem}: callers check names first and report
 *   them with their location, so reaching this is a fault in the caller.
 */
export function safeFileName(name: string): string {
  const problem = fileNameProblem(name);
  if (problem !== undefined) throw new Error(`file name ${quoteName(name)} ${problem}; it should have been rejected earlier`);
  const dot = name.indexOf('.', 1);
  let stem = dot < 0 ? name : name.slice(0, dot);
  const ext = dot < 0 ? '' : name.slice(dot);
  if (WINDOWS_RESERVED.test(stem)) stem = `${stem}_`;
  const mapped = stem + ext;
  if (Buffer.byteLength(mapped) <= MAX_NAME_BYTES) return mapped;
  // Keep the last extension (the file type) and as much of the start as fits beside a hash.
  const lastDot = name.lastIndexOf('.');
  const type = lastDot > 0 && name.length - lastDot <= 10 ? name.slice(lastDot) : '';
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 12);
  // Every UTF-16 unit takes at least one byte, so no longer prefix can fit: start there, and the
  // loop below stays short however long the name (it was quadratic in the name's length).
  let head = mapped.slice(0, Math.min(mapped.length - type.length, MAX_NAME_BYTES));
  while (Buffer.byteLength(`${head}-${hash}${type}`) > MAX_NAME_BYTES) head = head.slice(0, -1);
  return `${head}-${hash}${type}`;
}

/**
 * The absolute path of `relativePath` (segments separated by `/`) under `root`.
 *
 * @throws Error when a segment has a {@link fileNameProblem} or the result is not strictly inside
 *   `root`: output paths are derived through {@link safeFileName}, so this is a fault in the caller.
 */
export function resolveInside(root: string, relativePath: string): string {
  const segments = relativePath.split('/');
  for (const s of segments) {
    const problem = fileNameProblem(s);
    if (problem !== undefined) throw new Error(`refusing to write ${quoteName(relativePath)} under ${root}: a path segment ${problem}`);
  }
  const base = path.resolve(root);
  const full = path.resolve(base, ...segments);
  if (!isInside(base, full)) throw new Error(`refusing to write ${quoteName(relativePath)}: it resolves to ${full}, outside ${base}`);
  return full;
}

/** Whether `candidate` is `root` itself or below it (both absolute). */
export function isInside(root: string, candidate: string, allowEqual = false): boolean {
  const rel = path.relative(root, candidate);
  if (rel === '') return allowEqual;
  return rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}
