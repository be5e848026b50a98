/**
 * The `cdk8s-crossplane` command: a thin layer that parses arguments and hands over to the
 * modules. Each subcommand lives in its own file and exports `run(args, io)`.
 */
import { isUserError, UsageError } from '../errors';
import { CliIo, processIo } from './io';

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  render: { summary: 'render a Composition for an XR, offline, as `crossplane render` does', load: async () => (await import('./render')).run },
  simulate: { summary: 'simulate the life of an XR offline: reconciles until Ready, stuck or oscillating', load: async () => (await import('./simulate')).run },
  convert: { summary: 'convert XRDs and Compositions (Pipeline or Resources mode) into TypeScript', load: async () => (await import('./convert')).run },
  init: { summary: 'create a new platform repository (main.ts with one API, its test, cdk8s.yaml)', load: async () => (await import('./init')).run },
  docs: { summary: 'generate a Markdown reference from XRDs (--check fails when it is stale)', load: async () => (await import('./docs')).run },
  validate: { summary: 'validate resources against CRDs and XRDs, as `crossplane resource validate` does', load: async () => (await import('./validate')).run },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return ['Usage: cdk8s-crossplane <command> [options]', '', 'Commands:', ...lines, '', 'Run `cdk8s-crossplane <command> --help` for the options of a command.'].join('\n');
}

/** Runs the CLI and returns the exit code: 0 success, 1 failure, 2 usage error. */
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
      io.stderr(`cdk8s-crossplane ${name}: ${err.message}\n`);
      return 2;
    }
    if (isUserError(err)) {
      io.stderr(`cdk8s-crossplane ${name}: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

/** Runs the CLI on the process' arguments and sets its exit code (used by `bin/`). */
export function runFromProcess(): void {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err) => {
    // Only a bug in this package gets here: user mistakes are UserErrors.
    process.stderr.write(`cdk8s-crossplane: internal error, please report it: ${err?.stack ?? err}\n`);
    process.exitCode = 70;
  });
}

if (require.main === module) {
  runFromProcess();
}
