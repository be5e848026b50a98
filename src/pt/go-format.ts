/**
 * One verb of a Go `fmt` format string, e.g. `%s`, `%08.3f`, `%[2]d`.
 */
export interface GoFormatVerb {
  /** The verb letter (`s`, `d`, `v`...). */
  readonly verb: string;
  /** Zero-based index of the argument the verb prints. */
  readonly argIndex: number;
  /** The verb as written, e.g. `%[2]d`. */
  readonly text: string;
}

/** What a Go format string does with its arguments. */
export interface GoFormatAnalysis {
  /** Verbs that print an argument, in order. `%%` is not a verb. */
  readonly verbs: readonly GoFormatVerb[];
  /** Highest argument index referenced + 1 (including `*` width/precision arguments). */
  readonly argsReferenced: number;
  /** Whether an explicit `[n]` index was used: Go then never reports extra arguments. */
  readonly reordered: boolean;
  /** Number of arguments consumed in order when not reordered. */
  readonly argsConsumed: number;
}

const FLAGS = '+-# 0';

/**
 * Parses a Go format string the way `fmt.Sprintf` walks it: flags, `[n]` argument indexes,
 * `*` widths/precisions that consume an argument, `%%` literals (reference §3.6, §3.8).
 */
export function analyzeGoFormat(format: string): GoFormatAnalysis {
  const verbs: GoFormatVerb[] = [];
  let argNum = 0;
  let maxArg = 0;
  let reordered = false;
  let i = 0;
  const readIndex = (): void => {
    // `[n]` sets the next argument to n-1 (1-based in Go)
    if (format[i] !== '[') return;
    const close = format.indexOf(']', i);
    if (close < 0) return;
    const n = Number(format.slice(i + 1, close));
    if (Number.isInteger(n) && n >= 1) {
      argNum = n - 1;
      reordered = true;
    }
    i = close + 1;
  };
  while (i < format.length) {
    if (format[i] !== '%') { i++; continue; }
    const start = i;
    i++;
    if (i >= format.length) break; // Go prints %!(NOVERB)
    while (i < format.length && FLAGS.includes(format[i])) i++;
    readIndex();
    if (format[i] === '*') { argNum++; maxArg = Math.max(maxArg, argNum); i++; } else { while (/[0-9]/.test(format[i] ?? '')) i++; }
    if (format[i] === '.') {
      i++;
      readIndex();
      if (format[i] === '*') { argNum++; maxArg = Math.max(maxArg, argNum); i++; } else { while (/[0-9]/.test(format[i] ?? '')) i++; }
    }
    readIndex();
    if (i >= format.length) break;
    const verb = format[i];
    i++;
    if (verb === '%') continue;
    verbs.push({ verb, argIndex: argNum, text: format.slice(start, i) });
    argNum++;
    maxArg = Math.max(maxArg, argNum);
  }
  return { verbs, argsReferenced: maxArg, reordered, argsConsumed: argNum };
}

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
