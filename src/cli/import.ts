/**
 * `cdk8s-crossplane import [--dir DIR] [--output DIR]`: regenerates the L1 classes of the CRD
 * sources listed in the `imports` of the repository's `cdk8s.yaml`, one module per API group
 * (a group's kinds from several files end up in one module, which plain `cdk8s import` cannot
 * do). The same sources feed validation and the composition checks at synth time.
 */
import * as path from 'node:path';
import { UserError } from '../errors';
import { generateL1Classes } from '../schema/generate-l1';
import { projectCrdSources, readProviderCrds } from '../schema/provider-crds';
import { parseCommandLine } from './args';
import { CliIo } from './io';

const USAGE = `Usage: cdk8s-crossplane import [--dir DIR] [--output DIR]

Reads the CRD sources listed under imports: in DIR/cdk8s.yaml (CRD files, folders such as a
provider package's package/crds, or the output of \`crossplane xpkg extract\`) and writes one
TypeScript module of L1 classes per API group to the output folder. Modules of groups not
listed are left as they are.

Options:
  -d, --dir DIR      the platform repository (default: the current directory)
  -o, --output DIR   folder for the modules (default: DIR/imports)
  -h, --help         show this help
`;

/** Runs `import`; returns the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine(args, {
    dir: { type: 'string', short: 'd' },
    output: { type: 'string', short: 'o' },
  }, USAGE, io);
  if (!parsed) return 0;
  const dir = path.resolve(parsed.values.dir ?? '.');
  const sources = projectCrdSources(dir);
  if (sources.length === 0) {
    throw new UserError(`${path.join(dir, 'cdk8s.yaml')}: imports lists no CRD file or folder: add the provider CRDs the repository composes, e.g. - crds/sql.gcp.upbound.io_databaseinstances.yaml`);
  }
  const crds = readProviderCrds(sources, dir);
  const outDir = path.resolve(dir, parsed.values.output ?? 'imports');
  generateL1Classes(crds, { outDir, onGroup: (group, kinds) => io.stdout(`${group}: ${kinds.join(', ')}\n`) });
  return 0;
}
