/**
 * The `--backstage DIR` part of `cdk8s-crossplane docs`: writes one Backstage software template
 * folder per XRD (src/docs/backstage-template.ts) under DIR. Every file is computed before any
 * is written, and nothing is written outside DIR.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { backstageTemplates, BackstageTemplateOptions } from '../docs/backstage-template';
import { UserError } from '../errors';
import { CliIo } from './io';

/** The template files of `xrds` and a function that writes them under `dir`; throws before writing on any problem. */
export function prepareBackstageTemplates(dir: string, xrds: readonly object[], sources: readonly string[], options: BackstageTemplateOptions): (io: CliIo) => void {
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new UserError(`--backstage '${dir}' is a file, not a folder: pass the folder to write the templates to`);
  const files = backstageTemplates(xrds, options, sources);
  const root = path.resolve(dir);
  for (const name of files.keys()) {
    const full = path.resolve(root, name);
    if (!full.startsWith(root + path.sep)) throw new UserError(`--backstage: template file '${name}' would be written outside ${dir}: check the XRD's metadata.name`);
  }
  return (io) => write(root, dir, files, io);
}

function write(root: string, dir: string, files: Map<string, string>, io: CliIo): void {
  for (const [name, content] of files) {
    const full = path.join(root, name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  io.stdout(`wrote ${files.size / 2} Backstage template(s) to ${dir}\n`);
}
