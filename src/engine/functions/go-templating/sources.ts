/**
 * Where templates come from (function-go-templating's template.go): inline text, every file
 * under a folder, or a key of the Composition environment in the context.
 *
 * The function reads folders from its container's file system, where a DeploymentRuntimeConfig
 * mounts them (usually a ConfigMap at `/templates`). Offline, {@link TemplateFileSystem} says
 * which local folder stands for which container path; other paths are read from the local disk
 * as written, relative paths from the current directory.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ObjectValue } from '../../go/values';
import { isObject } from '../../go/values';
import { ENVIRONMENT_CONTEXT_KEY } from '../../protocol';
import type { GoTemplateInput } from './input';

/** The source cannot give templates; the message is the function's own. */
export class SourceError extends Error {}

/**
 * The function's file system, offline: container folders (`/templates`) and the local folders
 * that stand for them. A path under a mount is read from the mount's local folder; any other
 * path from the local disk as written.
 */
export interface TemplateFileSystem {
  /**
   * Container folder to local folder (absolute, or relative to the current directory).
   *
   * @default - none: every path is read from the local disk as written
   */
  readonly mounts?: Readonly<Record<string, string>>;
}

export function templatesOf(input: GoTemplateInput, context: ObjectValue, files: TemplateFileSystem = {}): string {
  switch (input.source) {
    case 'Inline':
      return inlineTemplates(input);
    case 'FileSystem':
      return fileTemplates(input, files);
    case 'Environment':
      return environmentTemplate(input, context);
    case '':
      throw new SourceError('source is required');
    default:
      throw new SourceError(`invalid source: ${input.source}`);
  }
}

function inlineTemplates(input: GoTemplateInput): string {
  const inline = input.inline;
  if (!inline || ((inline.template ?? '') === '' && (inline.templates ?? []).length === 0)) {
    throw new SourceError('inline.template or inline.templates should be provided');
  }
  if (inline.template) return inline.template;
  return (inline.templates ?? []).join('\n---\n');
}

function environmentTemplate(input: GoTemplateInput, context: ObjectValue): string {
  const key = input.environment?.key ?? '';
  if (key === '') throw new SourceError('environment.key should be provided');
  const env = context[ENVIRONMENT_CONTEXT_KEY];
  if (!isObject(env)) {
    throw new SourceError(`cannot read tmpl from the environment: ${ENVIRONMENT_CONTEXT_KEY} key does not exist in context`);
  }
  if (!Object.prototype.hasOwnProperty.call(env, key)) {
    throw new SourceError(`cannot read tmpl from the environment: key: ${key} does not exist`);
  }
  const t = env[key];
  if (typeof t !== 'string') throw new SourceError(`cannot read tmpl from the environment: key: ${key} value is not a string`);
  return t;
}

function fileTemplates(input: GoTemplateInput, files: TemplateFileSystem): string {
  const dir = input.fileSystem?.dirPath ?? '';
  if (dir === '') throw new SourceError('fileSystem.dirPath should be provided');
  try {
    return readTemplates(dir, files);
  } catch (e) {
    throw new SourceError(`cannot read tmpl from the folder {${dir}}: ${(e as Error).message}`);
  }
}

/** Go's filepath.Clean for the paths a user writes. */
function clean(p: string): string {
  const c = path.posix.normalize(p);
  return c.length > 1 ? c.replace(/\/$/, '') : c;
}

/** The local path of the container path `p` (already cleaned). */
function localPath(p: string, files: TemplateFileSystem): string {
  // The longest mount containing p wins, as nested volume mounts do.
  let best: [string, string] | undefined;
  for (const [mount, local] of Object.entries(files.mounts ?? {})) {
    const c = clean(mount);
    const inside = p === c || p.startsWith(c === '/' ? '/' : `${c}/`);
    if (inside && (!best || c.length > best[0].length)) best = [c, local];
  }
  return best ? path.join(best[1], p.slice(best[0].length)) : p;
}

/** Go's syscall error text for the errors reading a folder meets. */
const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many levels of symbolic links',
  EISDIR: 'is a directory',
};

/** The error os.Open gives for `p`, with the path as the function names it (its container path). */
function openError(op: string, p: string, err: unknown): Error {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  return new Error(`${op} ${p}: ${ERRNO_TEXT[code] ?? (err as Error).message}`);
}

/**
 * fs.WalkDir in lexical order over the function's os.Open file system: hidden folders are
 * skipped (the walk root too, when its name starts with a dot), hidden files are skipped, and
 * every file is followed by `\n---\n`. A root that is a file is read alone.
 */
function readTemplates(dir: string, files: TemplateFileSystem): string {
  const root = clean(dir);
  let out = '';
  const walk = (p: string, name: string): void => {
    const local = localPath(p, files);
    let st: fs.Stats;
    try {
      st = fs.statSync(local);
    } catch (e) {
      throw openError('open', p, e);
    }
    if (st.isDirectory()) {
      if (name[0] === '.') return;
      let entries: string[];
      try {
        entries = fs.readdirSync(local);
      } catch (e) {
        throw openError('open', p, e);
      }
      for (const entry of entries.sort()) walk(path.posix.join(p, entry), entry);
      return;
    }
    if (name[0] === '.') return;
    try {
      out += fs.readFileSync(local, 'utf8') + '\n---\n';
    } catch (e) {
      throw openError('open', p, e);
    }
  };
  walk(root, path.posix.basename(root) || root);
  return out;
}
