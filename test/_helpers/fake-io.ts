import type { CliIo } from '../../src/cli/io';

/** A CliIo that records stdout and stderr as strings and serves `stdin` as standard input. */
export function fakeIo(stdin = ''): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (t: string) => { io.out += t; },
    stderr: (t: string) => { io.err += t; },
    stdin: () => stdin,
  };
  return io;
}
