import * as fs from 'node:fs';

/** Where a command reads stdin and writes its output; tests pass an in-memory one. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The whole of standard input, read on first use (for `-` arguments). */
  stdin(): string;
}

/** The process' own streams. */
export function processIo(): CliIo {
  let input: string | undefined;
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdin: () => (input ??= fs.readFileSync(0, 'utf8')),
  };
}

/**
 * Every line of `message` behind `cdk8s-crossplane <command>: `, ending in a newline: the one
 * shape of every error (and report) line a command prints on stderr, so each says where it came from.
 */
export function prefixLines(command: string, message: string): string {
  return message.split('\n').map((line) => (line === '' ? '' : `cdk8s-crossplane ${command}: ${line}`)).join('\n') + '\n';
}
