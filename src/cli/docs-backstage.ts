/**
 * The `--backstage DIR` part of `cdk8s-crossplane docs`: writes one Backstage software template
 * folder per XRD (src/docs/backstage-template.ts) under DIR. Every file is computed before any
 * is written, and nothing is written outside DIR.
 */
import * as fs from 'node:fs';
import { backstageTemplates, BackstageTemplateOptions } from '../docs/backstage-template';
import { UserError } from '../errors';
import { writeFiles } from '../_write-files';
import { CliIo } from './io';

/**
 * The template files of `xrds` and a function that writes them under `dir`, all or nothing
 * (src/_write-files.ts); throws before writing on any problem.
 */
export function prepareBackstageTemplates(
  dir: string, xrds: readonly object[], sources: readonly string[], options: BackstageTemplateOptions, force = false,
): (io: CliIo) => void {
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new UserError(`--backstage '${dir}' is a file, not a folder: pass the folder to write the templates to`);
  const files = backstageTemplates(xrds, options, sources);
  return (io) => {
    writeFiles(dir, [...files].map(([name, content]) => ({ path: name, content })), { force, rootName: '--backstage folder' });
    io.stdout(`wrote ${files.size / 2} Backstage template(s) to ${dir}\n`);
  };
}
