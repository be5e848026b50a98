/**
 * Command-line parsing shared by the commands: `node:util` parseArgs with `-h/--help` added,
 * unknown flags reported as usage errors (with a "did you mean" when a known flag is close)
 * followed by the command's usage text.
 */
import { parseArgs, ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors';
import { closest } from '../pt/path-check';
import { CliIo } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;
type HelpOption = { help: { type: 'boolean'; short: 'h' } };
type CommandConfig<O extends Options> = { args: string[]; options: O & HelpOption; allowPositionals: true; strict: true };
/** The parsed flags and positionals of a command line. */
export type ParsedCommandLine<O extends Options> = ReturnType<typeof parseArgs<CommandConfig<O>>>;

/**
 * `unknown flag '--obsreved-resources': did you mean '--observed-resources'?` for an unknown
 * flag (node's own text goes on about positional arguments); undefined for other errors.
 */
function unknownFlag(err: unknown, names: readonly string[]): string | undefined {
  if ((err as { code?: string }).code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return undefined;
  const m = /Unknown option '(-{1,2})([^'=]+)/.exec((err as Error).message);
  if (!m) return undefined;
  const guess = m[1] === '--' ? closest(m[2], [...names, 'help']) : undefined;
  return `unknown flag '${m[1]}${m[2]}'${guess ? `: did you mean '--${guess}'?` : ''}`;
}

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
    throw new UsageError(unknownFlag(err, Object.keys(options)) ?? (err as Error).message, usage);
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.stdout(usage);
    return undefined;
  }
  return parsed;
}
