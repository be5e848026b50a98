import { analyzeGoFormat } from '../engine/go/fmt';

// The parser is the render engine's own (`sprintf` walks format strings with it), so what the
// lints say about a format string is what a render prints.
export { analyzeGoFormat } from '../engine/go/fmt';
export type { GoFormatAnalysis, GoFormatVerb } from '../engine/go/fmt';

/**
 * Problems Go's `fmt.Sprintf` would print into the result when `format` gets `argCount`
 * arguments: `%!v(MISSING)` for verbs without an argument, `%!(EXTRA ...)` for unused ones.
 */
export function goFormatArityProblem(format: string, argCount: number): string | undefined {
  const a = analyzeGoFormat(format);
  if (a.argsReferenced > argCount) {
    return `uses ${a.argsReferenced} argument(s) but gets ${argCount}; Go prints %!<verb>(MISSING) for the rest`;
  }
  if (!a.reordered && a.argsConsumed < argCount) {
    return `uses ${a.argsConsumed} argument(s) but gets ${argCount}; Go appends %!(EXTRA ...) to the result`;
  }
  return undefined;
}
