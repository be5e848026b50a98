/**
 * `cdk8s-crossplane package [PACKAGE_DIR] [-o FILE] [--sbom] [--provenance]`: builds the
 * Configuration package of a synthesized package folder into an `.xpkg`, offline, laid out as
 * `crossplane xpkg build` writes it (src/package/xpkg.ts), and prints its digests; optionally
 * writes its CycloneDX SBOM and an in-toto SLSA provenance statement beside it.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError, UserError } from '../errors';
import { xpkgProvenance } from '../package/provenance';
import { xpkgSbom } from '../package/sbom';
import { buildXpkg, readPackageFolder, xpkgFileName } from '../package/xpkg';
import { parseCommandLine } from './args';
import { CliIo } from './io';
import { writeFileAtomic } from './write-file';

const USAGE = `Usage: cdk8s-crossplane package [PACKAGE_DIR] [options]

Builds the Configuration package in PACKAGE_DIR (default dist/package: crossplane.yaml, the
XRDs and the Compositions that synth writes) into an .xpkg file, as \`crossplane xpkg build\`
does, offline and deterministically: the same files give the same digest.

Options:
  -o, --output FILE        where to write the package (default PACKAGE_DIR/<name>-<digest>.xpkg)
      --sbom               also write FILE.cdx.json: a CycloneDX 1.6 SBOM of the package and
                           the Functions and Providers it depends on
      --provenance         also write FILE.intoto.json: an in-toto SLSA v1 provenance statement
                           (subject: the package digest; inputs: the git commit and the lockfile)
      --lockfile FILE      lockfile recorded in the provenance (default package-lock.json)
      --repository REPO    where the package is pushed, without tag, for the SBOM's purl
      --builder-id URI     who ran the build (default: the GitHub Actions workflow when run
                           there, else urn:cdk8s-crossplane:local)
  -h, --help               show this help

Push it with \`crossplane xpkg push -f FILE REGISTRY/ORG/NAME:TAG\`; the digest the registry
shows is the one printed as 'pushed digest'.
`;

/** This package's name and version, from its package.json (src/ and lib/src/ differ in depth). */
function ownTool(): { name: string; version: string } {
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (pkg.name === 'cdk8s-crossplane') return { name: pkg.name, version: pkg.version };
    }
  }
  return { name: 'cdk8s-crossplane', version: 'unknown' };
}

function git(args: string[], cwd: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** The commit and repository URI of the source, from git and (in GitHub Actions) its variables. */
function sourceOf(dir: string, env: NodeJS.ProcessEnv, io: CliIo): { uri: string; commit: string } {
  let commit: string;
  try {
    commit = git(['rev-parse', 'HEAD'], dir);
  } catch (err) {
    const detail = String((err as { stderr?: string }).stderr ?? (err as Error).message).trim().split('\n')[0];
    throw new UserError(`--provenance needs the git commit of the source, but 'git rev-parse HEAD' failed in ${dir} (${detail}): run in the repository, after a commit`);
  }
  if (git(['status', '--porcelain'], dir) !== '') {
    io.stderr(`warning: the work tree has uncommitted changes: the provenance names commit ${commit}, which is not exactly what was built\n`);
  }
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY) return { uri: `git+${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}`, commit };
  let remote = '';
  try {
    remote = git(['remote', 'get-url', 'origin'], dir);
  } catch {
    // No remote: the local repository is the source.
  }
  return { uri: remote ? `git+${remote}` : `git+file://${git(['rev-parse', '--show-toplevel'], dir)}`, commit };
}

/** Runs `package`; returns the exit code. */
export async function run(args: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Promise<number> {
  const parsed = parseCommandLine(args, {
    'output': { type: 'string', short: 'o' },
    'sbom': { type: 'boolean', default: false },
    'provenance': { type: 'boolean', default: false },
    'lockfile': { type: 'string', default: 'package-lock.json' },
    'repository': { type: 'string' },
    'builder-id': { type: 'string' },
  }, USAGE, io);
  if (!parsed) return 0;
  const v = parsed.values;
  if (parsed.positionals.length > 1) throw new UsageError(`expected at most one PACKAGE_DIR, got ${parsed.positionals.length}\n\n${USAGE}`);
  if (v.repository !== undefined && !/^[a-z0-9.-]+(:\d+)?(\/[a-z0-9._-]+)+$/.test(v.repository)) {
    throw new UsageError(`--repository must be a registry path without tag or digest, got '${v.repository}': e.g. xpkg.example.org/platform/platform-api`);
  }
  const dir = parsed.positionals[0] ?? path.join('dist', 'package');
  if (!parsed.positionals[0] && !fs.existsSync(dir) && fs.existsSync(path.join('dist', 'crossplane.yaml'))) {
    throw new UserError(`${dir}: no such folder, and dist/ holds crossplane.yaml beside objects a Configuration package may not hold (Functions): `
      + 'write the XRDs, Compositions and crossplane.yaml into their own folder (examples/layered-output.ts writes dist/package/) and pass it');
  }
  const pkg = buildXpkg(readPackageFolder(dir));
  const output = v.output ?? path.join(dir, xpkgFileName(pkg));
  const tool = ownTool();

  // Everything is computed before anything is written, so a failure writes nothing.
  const writes: Array<[string, Buffer | string]> = [[output, pkg.tarball]];
  if (v.sbom) writes.push([`${output}.cdx.json`, `${JSON.stringify(xpkgSbom(pkg, { tool, repository: v.repository }), null, 2)}\n`]);
  if (v.provenance) {
    let lock: Buffer;
    try {
      lock = fs.readFileSync(v.lockfile);
    } catch {
      throw new UserError(`--provenance records the lockfile, but '${v.lockfile}' cannot be read: run in the project folder or pass --lockfile FILE`);
    }
    const inActions = env.GITHUB_SERVER_URL && env.GITHUB_WORKFLOW_REF;
    const statement = xpkgProvenance({
      pkg,
      fileName: path.basename(output),
      // The source is the project the command runs in, wherever the package folder is.
      source: sourceOf(cwd, env, io),
      lockfile: { path: v.lockfile, content: lock },
      packageDir: dir,
      builderId: v['builder-id'] ?? (inActions ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_WORKFLOW_REF}` : 'urn:cdk8s-crossplane:local'),
      tool,
      invocationId: inActions && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/attempts/${env.GITHUB_RUN_ATTEMPT ?? '1'}` : undefined,
    });
    writes.push([`${output}.intoto.json`, `${JSON.stringify(statement, null, 2)}\n`]);
  }
  for (const [file, data] of writes) writeFileAtomic(file, data);
  io.stdout(`xpkg saved: ${output}\n  image digest:  ${pkg.digest}\n  pushed digest: ${pkg.pushedDigest}\n`);
  for (const [file] of writes.slice(1)) io.stdout(`  wrote ${file}\n`);
  return 0;
}
