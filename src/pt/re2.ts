import { goRegexpSyntaxError } from '../engine/go/regexp';

/**
 * Hints for the Go parser errors JavaScript users meet most, keyed on Go's error text
 * (`error parsing regexp: <kind>: \`<arg>\``).
 */
const HINTS: readonly { readonly match: RegExp; readonly hint: (arg: string) => string }[] = [
  { match: /^invalid or unsupported Perl syntax: `\(\?[=!]`$/, hint: () => 'lookahead and lookbehind assertions are not supported by Go regular expressions (RE2)' },
  // Go reads `(?<` as the start of a named group `(?<name>...)`.
  { match: /^invalid named capture: `\(\?<[=!]/, hint: () => 'lookahead and lookbehind assertions are not supported by Go regular expressions (RE2)' },
  { match: /^invalid escape sequence: `\\[1-9]`$/, hint: () => 'backreferences (\\1...) are not supported by Go regular expressions (RE2)' },
  { match: /^invalid escape sequence: `(.*)`$/, hint: (arg) => `invalid escape sequence '${arg}' in Go regular expressions (RE2)` },
  { match: /^invalid nested repetition operator: `[*+?}]\+`$/, hint: () => 'possessive quantifiers (a*+) are not supported by Go regular expressions (RE2)' },
  { match: /^invalid repeat count: `(.*)`$/, hint: (arg) => `repeat count in '${arg}' exceeds Go's limit of 1000` },
];

/**
 * Checks that `pattern` is a regular expression Go's RE2-based `regexp.Compile` accepts, with
 * the render engine's Go regexp parser, so construct time and render time cannot disagree.
 * Returns undefined when valid, otherwise why it is not (a hint for the constructs
 * JavaScript has and Go lacks, else Go's own error text).
 */
export function re2SyntaxProblem(pattern: string): string | undefined {
  const err = goRegexpSyntaxError(pattern);
  if (!err) return undefined;
  const detail = err.message.replace(/^error parsing regexp: /, '');
  for (const { match, hint } of HINTS) {
    const m = match.exec(detail);
    if (m) return hint(m[1] ?? '');
  }
  return err.message;
}
