/**
 * Command-line parsing shared by the commands: `node:util` parseArgs with `-h/--help` added,
 * unknown flags reported as usage errors followed by the command's usage text.
 */
import { parseArgs, ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors';
import { CliIo } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;
type HelpOption = { help: { type: 'boolean'; short: 'h' } };
type CommandConfig<O extends Options> = { args: string[]; options: O & HelpOption; allowPositionals: true; strict: true };
/** The parsed flags and positionals of a command line. */
export type ParsedCommandLine<O extends Options> = ReturnType<typeof parseArgs<CommandConfig<O>>>;

/**
 * Parses `args` against `options`. Returns undefined when `--help` was given (the usage has
 * then been printed and the command should exit 0).
 */
export function parseCommandLine<O extends Options>(args: string[], options: O, usage: string, io: CliIo): ParsedCommandLine<O> | undefined {
  let parsed: ParsedCommandLine<O>;
  try {
    const config: CommandConfig<O> = { args, allowPositionals: true, strict: true, options: { ...options, help: { type: 'boolean', short: 'h' } } };
    parsed = parseArgs(config);
  } catch (err) {
    throw new UsageError((err as Error).message, usage);
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.stdout(usage);
    return undefined;
  }
  return parsed;
}
