/**
 * The `cdk8s-crossplane` command: a thin layer that parses arguments and hands over to the
 * modules. Each subcommand lives in its own file and exports `run(args, io)`.
 */
import { fileSystemProblem, isUserError, UsageError } from '../errors';
import { CliIo, prefixLines, processIo } from './io';

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  render: { summary: 'render a Composition for an XR, offline, as `crossplane composition render` does (--classic: the v2.2 `crossplane render`)', load: async () => (await import('./render')).run },
  simulate: { summary: 'simulate the life of an XR offline: reconciles until Ready, stuck or oscillating', load: async () => (await import('./simulate')).run },
  convert: { summary: 'convert XRDs and Compositions (Pipeline or Resources mode) into TypeScript', load: async () => (await import('./convert')).run },
  init: { summary: 'create a new platform repository (main.ts with one API, its test, cdk8s.yaml)', load: async () => (await import('./init')).run },
  diff: { summary: 'compare the platform with a base revision: breaking XRD changes and example renders, as Markdown', load: async () => (await import('./diff')).run },
  docs: { summary: 'generate a Markdown reference from XRDs (--check fails when it is stale)', load: async () => (await import('./docs')).run },
  import: { summary: 'generate L1 classes, one module per API group, from the CRD sources listed in cdk8s.yaml', load: async () => (await import('./import')).run },
  package: { summary: 'build the Configuration package of dist/package into an .xpkg, as `crossplane xpkg build` does', load: async () => (await import('./package')).run },
  validate: { summary: 'validate resources against CRDs and XRDs, as `crossplane resource validate` does', load: async () => (await import('./validate')).run },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return ['Usage: cdk8s-crossplane <command> [options]', '', 'Commands:', ...lines, '', 'Run `cdk8s-crossplane <command> --help` for the options of a command.'].join('\n');
}

/** Exit code of a fault in this package (EX_SOFTWARE): the only failure printed with a stack. */
export const EXIT_INTERNAL = 70;

/**
 * Runs the CLI and returns the exit code: 0 success, 1 failure (a user error), 2 usage error,
 * 70 a fault in this package.
 */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    io.stdout(usage() + '\n');
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`cdk8s-crossplane: unknown command '${name}'\n\n${usage()}\n`);
    return 2;
  }
  try {
    return await (await command.load())(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(prefixLines(name, err.message) + (err.usage ? `\n${err.usage}` : ''));
      return 2;
    }
    if (isUserError(err)) {
      io.stderr(prefixLines(name, err.message));
      return 1;
    }
    // Permissions, a full disk, a missing folder: the machine's state, not a bug to report.
    const fsProblem = fileSystemProblem(err);
    if (fsProblem !== undefined) {
      io.stderr(prefixLines(name, fsProblem));
      return 1;
    }
    const e = err as Partial<Error> | null | undefined;
    const detail = typeof e?.stack === 'string' ? e.stack : typeof e?.message === 'string' ? `${e.name ?? 'Error'}: ${e.message}` : String(err);
    io.stderr(prefixLines(name, `internal error, please report it with the command and its input files:\n${detail}`));
    return EXIT_INTERNAL;
  }
}

/** Runs the CLI on the process' arguments and sets its exit code (used by `bin/`). */
export function runFromProcess(): void {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err) => {
    // Only a bug in this package gets here: user mistakes are UserErrors.
    process.stderr.write(`cdk8s-crossplane: internal error, please report it: ${err?.stack ?? err}\n`);
    process.exitCode = EXIT_INTERNAL;
  });
}

if (require.main === module) {
  runFromProcess();
}
