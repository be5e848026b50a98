/**
 * function-cel-filter's checks of one filter before it filters anything (fn.go `RunFunction`
 * and `Evaluate`): the name must compile as an anchored Go regular expression, and the
 * expression must parse, type-check and have the output type `bool` exactly (a `dyn` field read
 * such as `observed.composite.resource.spec.enabled` is rejected; compare it, `== true`).
 */
import { compileRequestCel, RequestCelError } from '../../cel/request-cel';
import type { RequestCelProgram } from '../../cel/request-cel';
import { errorMessage } from '../../go/errors';
import { compileGoRegexp, type GoRegexp } from '../../go/regexp';
import { goQuote } from '../../go/strconv';

/** The compiled name pattern, or the function's fatal message. */
export function filterNamePattern(name: string, index: number): GoRegexp | string {
  const expr = `^${name}$`;
  try {
    return compileGoRegexp(expr);
  } catch (err) {
    return `cannot compile regular expression ${goQuote(expr)} for filter ${index}: ${errorMessage(err)}`;
  }
}

/** The compiled expression, or the error `Evaluate` returns before evaluating. */
export function filterProgram(expression: string): RequestCelProgram | string {
  let program: RequestCelProgram;
  try {
    program = compileRequestCel(expression);
  } catch (err) {
    const phase = err instanceof RequestCelError && err.phase === 'check' ? 'cannot type-check expression' : 'cannot parse expression';
    return `${phase}: ${errorMessage(err)}`;
  }
  if (program.outputType !== 'bool') return `expression ${goQuote(expression)} must return a boolean, but will return ${program.outputType} instead`;
  return program;
}
