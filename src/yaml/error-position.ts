/**
 * Where a YAML parse error starts, for readers that report only the first error of a document.
 *
 * The yaml library's default (`prettyErrors: true`) formats every error it collects, and each
 * formatting copies the whole line the error sits on: errors × line length. A go-templating
 * template that prints a 10,000-element list into a line the parser rejects at every item
 * gives thousands of errors on a 100,000-character line, seconds of work for a message that
 * shows one. So the readers parse with {@link positionedErrors} and ask here for the one error
 * they report.
 */
import type { LineCounter, YAMLError } from 'yaml';

/** Parse options that leave errors unformatted and count lines for {@link errorPosition}. */
export function positionedErrors(): { prettyErrors: false; lineCounter: LineCounter } {
  // Required here, not imported: the readers load the yaml library only when they need it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { LineCounter: Lines } = require('yaml') as typeof import('yaml');
  return { prettyErrors: false, lineCounter: new Lines() };
}

/** Line and column (1-based) where `err` starts, as the yaml library prints them; undefined when it has no position. */
export function errorPosition(err: YAMLError, lines: LineCounter): { line: number; col: number } | undefined {
  return err.pos[0] === -1 ? undefined : lines.linePos(err.pos[0]);
}

/** The error's text as the yaml library formats its first line (`... at line L, column C`). */
export function errorText(err: YAMLError, lines: LineCounter): string {
  const at = errorPosition(err, lines);
  return at ? `${err.message} at line ${at.line}, column ${at.col}` : err.message;
}
