/**
 * function-sequencer's checks of its input before it sequences anything: `cacheTTL` must parse
 * as a Go duration (`time.ParseDuration`, fn.go: `cannot set cacheTTL`). The function checks
 * nothing else up front; bad rule patterns fail when they are first used.
 */

const UNITS = new Set(['ns', 'us', 'µs', 'μs', 'ms', 's', 'm', 'h']);

/** Go's `time.ParseDuration` verdict on `s`: its error text, or undefined when it parses. */
export function goDurationError(s: string): string | undefined {
  const quoted = JSON.stringify(s);
  let rest = s;
  if (rest.startsWith('-') || rest.startsWith('+')) rest = rest.slice(1);
  if (rest === '0') return undefined;
  if (rest === '') return `time: invalid duration ${quoted}`;
  while (rest !== '') {
    const num = /^([0-9]*)(\.[0-9]*)?/.exec(rest)!;
    if (num[0] === '' || num[0] === '.') return `time: invalid duration ${quoted}`;
    rest = rest.slice(num[0].length);
    const unit = /^[^0-9.]*/.exec(rest)![0];
    if (unit === '') return `time: missing unit in duration ${quoted}`;
    if (!UNITS.has(unit)) return `time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}`;
    rest = rest.slice(unit.length);
  }
  return undefined;
}
