/**
 * `cdk8s-crossplane package [PACKAGE_DIR] [-o FILE]`: builds the Configuration package of a
 * synthesized package folder into an `.xpkg`, offline, laid out as `crossplane xpkg build`
 * writes it (see src/package/xpkg.ts), and prints its digests.
 */
import * as path from 'node:path';
import { UsageError } from '../errors';
import { buildXpkg, readPackageFolder, xpkgFileName } from '../package/xpkg';
import { parseCommandLine } from './args';
import { CliIo } from './io';
import { writeFileAtomic } from './write-file';

const USAGE = `Usage: cdk8s-crossplane package [PACKAGE_DIR] [options]

Builds the Configuration package in PACKAGE_DIR (default dist/package: crossplane.yaml, the
XRDs and the Compositions that synth writes) into an .xpkg file, as \`crossplane xpkg build\`
does, offline and deterministically: the same files give the same digest.

Options:
  -o, --output FILE   where to write the package (default PACKAGE_DIR/<name>-<digest>.xpkg)
  -h, --help          show this help

Push it with \`crossplane xpkg push -f FILE REGISTRY/ORG/NAME:TAG\`; the digest the registry
shows is the one printed as 'pushed digest'.
`;

/** Runs `package`; returns the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine(args, { output: { type: 'string', short: 'o' } }, USAGE, io);
  if (!parsed) return 0;
  if (parsed.positionals.length > 1) throw new UsageError(`expected at most one PACKAGE_DIR, got ${parsed.positionals.length}\n\n${USAGE}`);
  const dir = parsed.positionals[0] ?? path.join('dist', 'package');
  const pkg = buildXpkg(readPackageFolder(dir));
  const output = parsed.values.output ?? path.join(dir, xpkgFileName(pkg));
  writeFileAtomic(output, pkg.tarball);
  io.stdout(`xpkg saved: ${output}\n  image digest:  ${pkg.digest}\n  pushed digest: ${pkg.pushedDigest}\n`);
  return 0;
}
