/**
 * `cdk8s-crossplane init [DIR] [--name NAME]`: creates a new platform repository (package.json,
 * cdk8s.yaml with the validation plugin, main.ts with one API, a test that renders and
 * validates it, README.md, .gitignore) in an empty or new folder.
 */
import * as path from 'node:path';
import { UsageError } from '../errors';
import { initProject } from '../init';
import { parseCommandLine } from './args';
import { CliIo } from './io';

const USAGE = `Usage: cdk8s-crossplane init [DIR] [--name NAME] [--package VERSION|PATH] [--force]

Creates a new platform repository in DIR (default: the current folder), which must be new or
empty (a .git folder is fine): main.ts with one API, main.test.ts, package.json, cdk8s.yaml,
tsconfig.json, the jest setup, README.md and .gitignore.

Options:
  -n, --name NAME          name in package.json (default: derived from the folder name)
  -p, --package VERSION|PATH
                           the cdk8s-crossplane to depend on: a version from the registry, or a
                           checkout or a tarball made by \`npm pack\` (a file: dependency)
                           (default: ^ and this version)
      --force              create the project in a folder that has files in it, overwriting
                           those with the project's file names
  -h, --help               show this help
`;

/** Runs `init`; returns the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine(args, { name: { type: 'string', short: 'n' }, package: { type: 'string', short: 'p' }, force: { type: 'boolean' } }, USAGE, io);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`expected at most one folder, got ${positionals.length}: ${positionals.join(' ')}`, USAGE);
  const dir = positionals[0] ?? '.';
  const written = initProject(dir, { name: values.name, package: values.package, force: values.force });
  const cd = path.resolve(dir) === process.cwd() ? '' : `cd ${dir}\n  `;
  io.stdout(`created ${written.length} files in ${dir}: ${written.join(', ')}\n\nnext:\n  ${cd}npm install\n  npm test\n  npm run synth\n`);
  return 0;
}
