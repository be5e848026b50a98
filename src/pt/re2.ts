/** Letters Go's regexp parser accepts after a backslash (everything else with a letter is an error). */
const GO_LETTER_ESCAPES = new Set('aftnrvAbBdDsSwWzQEpPx'.split(''));

/**
 * Checks that `pattern` is a regular expression Go's RE2-based `regexp.Compile` accepts, as far
 * as that can be told without RE2 itself: JavaScript-only constructs (lookaround,
 * backreferences, possessive quantifiers, `\k`, `\u`, `\c`, unknown letter escapes) are
 * rejected, Go-only syntax (`(?i)` flags, `(?P<n>`, `\A`, `\z`, `\Q...\E`, `[[:alpha:]]`,
 * `\pL`, `\p{Greek}`) is accepted, and the rest must compile.
 *
 * Returns undefined when valid, otherwise why it is not.
 */
export function re2SyntaxProblem(pattern: string): string | undefined {
  // \Q...\E is literal text in Go: take it out before looking at escapes.
  const unquoted = pattern.replace(/\\Q([\s\S]*?)(\\E|$)/g, (_m, lit: string) => lit.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  if (/\(\?<?[=!]/.test(unquoted)) return 'lookahead and lookbehind assertions are not supported by Go regular expressions (RE2)';
  for (const m of unquoted.matchAll(/\\(.)/g)) {
    const c = m[1];
    if (/[1-9]/.test(c)) return 'backreferences (\\1...) are not supported by Go regular expressions (RE2)';
    if (/[A-Za-z]/.test(c) && !GO_LETTER_ESCAPES.has(c)) return `invalid escape sequence '\\${c}' in Go regular expressions (RE2)`;
  }
  const noEscapes = unquoted.replace(/\\[pP]\{[^}]*\}/g, 'a').replace(/\\./g, '');
  if (/[*+?}]\+/.test(noEscapes)) return 'possessive quantifiers (a*+) are not supported by Go regular expressions (RE2)';
  for (const m of noEscapes.matchAll(/\{(\d+)(,(\d*))?\}/g)) {
    if (Number(m[1]) > 1000 || (m[3] !== undefined && m[3] !== '' && Number(m[3]) > 1000)) return `repeat count in '${m[0]}' exceeds Go's limit of 1000`;
  }
  const js = unquoted
    // Go flag groups: (?i) (?s) (?U) (?m) (?-i) and (?i:...); JavaScript cannot express them inline
    .replace(/\(\?[imsU-]+\)/g, '')
    .replace(/\(\?[imsU-]+:/g, '(?:')
    .replace(/\(\?P</g, '(?<')
    .replace(/\\A/g, '^')
    .replace(/\\z/g, '$')
    // classes JavaScript spells differently (or only in unicode mode) stand in as a plain letter
    .replace(/\\[pP](\{[^}]*\}|[A-Za-z])/g, 'a')
    .replace(/\[:\^?(alnum|alpha|ascii|blank|cntrl|digit|graph|lower|print|punct|space|upper|word|xdigit):\]/g, 'a');
  try {
    new RegExp(js);
  } catch (e) {
    return `it does not compile: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`;
  }
  return undefined;
}
