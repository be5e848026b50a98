/**
 * Where templates come from (function-go-templating's template.go): inline text, every file
 * under a folder (read from disk, relative to the working directory as the function reads its
 * container's file system), or a key of the Composition environment in the context.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ObjectValue } from '../../go/values';
import { isObject } from '../../go/values';
import { ENVIRONMENT_CONTEXT_KEY } from '../../protocol';
import type { GoTemplateInput } from './input';

/** The source cannot give templates; the message is the function's own. */
export class SourceError extends Error {}

export function templatesOf(input: GoTemplateInput, context: ObjectValue): string {
  switch (input.source) {
    case 'Inline':
      return inlineTemplates(input);
    case 'FileSystem':
      return fileTemplates(input);
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

function fileTemplates(input: GoTemplateInput): string {
  const dir = input.fileSystem?.dirPath ?? '';
  if (dir === '') throw new SourceError('fileSystem.dirPath should be provided');
  try {
    return readTemplates(dir);
  } catch (e) {
    throw new SourceError(`cannot read tmpl from the folder {${dir}}: ${(e as Error).message}`);
  }
}

/** Go's filepath.Clean for the paths a user writes. */
function clean(p: string): string {
  const c = path.posix.normalize(p);
  return c.length > 1 ? c.replace(/\/$/, '') : c;
}

/**
 * fs.WalkDir in lexical order: hidden folders are skipped (the walk root too, when its name
 * starts with a dot), hidden files are skipped, and every file is followed by `\n---\n`.
 */
function readTemplates(dir: string): string {
  const root = clean(dir);
  let out = '';
  const walk = (p: string, name: string): void => {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      throw new Error(`open ${p}: no such file or directory`);
    }
    if (st.isDirectory()) {
      if (name[0] === '.') return;
      for (const entry of fs.readdirSync(p).sort()) walk(path.posix.join(p, entry), entry);
      return;
    }
    if (name[0] === '.') return;
    out += fs.readFileSync(p, 'utf8') + '\n---\n';
  };
  walk(root, path.posix.basename(root));
  return out;
}
