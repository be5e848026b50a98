/**
 * function-cel-filter's RunFunction, in-process (fn.go of crossplane-contrib/function-cel-filter
 * v0.2.0, commit c8a0281f7f0a).
 *
 * Each filter names desired composed resources by an anchored regular expression and holds a
 * CEL expression over `observed`, `desired` and `context`; every expression is evaluated once,
 * and a desired resource matched by a filter whose expression is false is removed. Resources no
 * filter matches stay. Messages are the function's own.
 */
import { errorMessage } from '../../go/errors';
import type { GoRegexp } from '../../go/regexp';
import { goQuote } from '../../go/strconv';
import type { FunctionRequest, FunctionResponse, ResourceState } from '../../protocol';
import { decodeCelFilterInput } from './input';
import { filterNamePattern, filterProgram } from './validate';

function fatal(rsp: FunctionResponse, message: string): FunctionResponse {
  rsp.results.push({ severity: 'SEVERITY_FATAL', message });
  return rsp;
}

/** Runs function-cel-filter for one pipeline step. Never throws on user data. */
export function runCelFilter(req: FunctionRequest): FunctionResponse {
  const rsp: FunctionResponse = { desired: req.desired, context: { ...req.context }, results: [] };
  const decoded = decodeCelFilterInput(req.input);
  if ('error' in decoded) return fatal(rsp, `cannot get filters from *v1.RunFunctionRequest: ${decoded.error}`);
  const filters = decoded.input.filters ?? [];

  const patterns: GoRegexp[] = [];
  const include: boolean[] = [];
  for (let i = 0; i < filters.length; i++) {
    const f = filters[i] ?? {};
    const pattern = filterNamePattern(f.name ?? '', i);
    if (typeof pattern === 'string') return fatal(rsp, pattern);
    patterns.push(pattern);
    const expression = f.expression ?? '';
    const failed = (why: string) => fatal(rsp, `cannot evaluate CEL expression ${goQuote(expression)} for filter ${i}: ${why}`);
    const program = filterProgram(expression);
    if (typeof program === 'string') return failed(program);
    let result: unknown;
    try {
      result = program.evaluate(req);
    } catch (err) {
      return failed(`cannot evaluate CEL program: ${errorMessage(err)}`);
    }
    // A bool-typed expression always yields a bool; anything else counts as false, as in Go.
    include.push(result === true);
  }

  const kept: Record<string, ResourceState> = {};
  for (const [name, r] of Object.entries(req.desired.resources)) {
    const dropped = patterns.some((re, i) => re.test(name) && !include[i]);
    if (!dropped) kept[name] = r;
  }
  rsp.desired = { ...req.desired, resources: kept };
  return rsp;
}
