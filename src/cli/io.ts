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
