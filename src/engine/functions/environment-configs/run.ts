/**
 * function-environment-configs' RunFunction, in-process (fn.go of
 * crossplane-contrib/function-environment-configs v0.7.1, commit 054a6b8d08ae).
 *
 * Every run asks for the EnvironmentConfigs its input selects (requirements
 * `environment-config-<i>`); once Crossplane has served them, it merges their `data` in input
 * order over the environment already in the context and the input's `defaultData`, and writes
 * the result to the context key `apiextensions.crossplane.io/environment`. Messages are the
 * function's own.
 */
import { errorMessage, wrap } from '../../go/errors';
import { goQuote } from '../../go/strconv';
import type { ObjectValue, Value } from '../../go/values';
import { deepCopy, goTypeName, isObject, jsonRoundTrip, setKey } from '../../go/values';
import type { FunctionRequest, FunctionResponse, ResourceSelector } from '../../protocol';
import { ENVIRONMENT_CONTEXT_KEY } from '../../protocol';
import { isNotFound, Paved } from '../../runtime/fieldpath';
import type { EnvironmentConfigsInput, EnvironmentSource, EnvironmentSourceSelector } from './input';
import {
  decodeEnvironmentConfigsInput, fromFieldPathIsOptional, matcherType, resolutionIsOptional, selectorMode, sortByFieldPath, sourceType,
} from './input';
import { environmentConfigsInputProblem } from './validate';

/** The apiVersion and kind the function asks Crossplane for. */
const ENVIRONMENT_CONFIG = { apiVersion: 'apiextensions.crossplane.io/v1beta1', kind: 'EnvironmentConfig' } as const;

/** Thrown inside this module for the function's own errors (wrapped Go-style). */
class FnError extends Error {}

function fatal(rsp: FunctionResponse, message: string): FunctionResponse {
  rsp.results.push({ severity: 'SEVERITY_FATAL', message });
  return rsp;
}

/** Runs function-environment-configs for one pipeline step. Never throws on user data. */
export function runEnvironmentConfigs(req: FunctionRequest): FunctionResponse {
  // response.To: the desired state and context pass through unchanged.
  const rsp: FunctionResponse = { desired: req.desired, context: { ...req.context }, results: [] };

  const decoded = decodeEnvironmentConfigsInput(req.input);
  if ('error' in decoded) return fatal(rsp, `cannot get Function input from *v1.RunFunctionRequest: ${decoded.error}`);
  const input = decoded.input;
  const sources = input.spec?.environmentConfigs;
  // A nil list (absent or null) ends the run; an empty one still asks for nothing.
  if (sources === undefined || sources === null) return rsp;
  const problem = environmentConfigsInputProblem(input);
  if (problem) return fatal(rsp, `invalid Function input: ${problem}`);

  const oxr = req.observed.composite?.resource ?? {};
  let resources: Record<string, ResourceSelector>;
  try {
    resources = buildRequirements(sources, oxr);
  } catch (err) {
    return fatal(rsp, `cannot build requirements: ${errorMessage(err)}`);
  }
  rsp.requirements = { resources };

  // Crossplane sends no required resources on the first call; over gRPC an empty map is nil.
  if (Object.keys(req.requiredResources ?? {}).length === 0) return rsp;

  let merged: ObjectValue;
  try {
    const selected = selectedConfigs(input, sources, req.requiredResources);
    merged = mergeConfigsData(selected);
  } catch (err) {
    const phase = err instanceof MergeFailure ? 'cannot merge environment data' : 'cannot get selected environment configs';
    return fatal(rsp, `${phase}: ${errorMessage(err instanceof MergeFailure ? err.cause : err)}`);
  }

  // Precedence: the selected EnvironmentConfigs' data > the context's environment > defaultData.
  if (Object.prototype.hasOwnProperty.call(req.context, ENVIRONMENT_CONTEXT_KEY)) {
    const inputEnv = req.context[ENVIRONMENT_CONTEXT_KEY];
    merged = mergeMaps(isObject(inputEnv) ? inputEnv : {}, merged);
  }
  if (input.spec?.defaultData !== undefined && input.spec.defaultData !== null) {
    merged = mergeMaps(input.spec.defaultData as ObjectValue, merged);
  }

  const out = deepCopy(merged);
  if (!nonEmptyGvk(out)) {
    out.apiVersion = 'internal.crossplane.io/v1alpha1';
    out.kind = 'Environment';
  }
  rsp.context[ENVIRONMENT_CONTEXT_KEY] = jsonRoundTrip(out);
  return rsp;
}

/** Whether apiVersion/kind name a group, version or kind (`GroupVersionKind().Empty()` is false). */
function nonEmptyGvk(o: ObjectValue): boolean {
  const apiVersion = typeof o.apiVersion === 'string' ? o.apiVersion : '';
  const kind = typeof o.kind === 'string' ? o.kind : '';
  return apiVersion !== '' || kind !== '';
}

/** The requirements (`buildRequirements`): one selector per source that selects anything. */
export function buildRequirements(sources: readonly EnvironmentSource[], oxr: ObjectValue): Record<string, ResourceSelector> {
  const out: Record<string, ResourceSelector> = {};
  const xr = new Paved(oxr);
  sources.forEach((s, i) => {
    const name = `environment-config-${i}`;
    const type = s.type ?? '';
    if (type === '' || type === 'Reference') {
      out[name] = { ...ENVIRONMENT_CONFIG, matchName: s.ref?.name ?? '' };
      return;
    }
    if (type !== 'Selector') return;
    const matchLabels: Record<string, string> = {};
    for (const m of s.selector?.matchLabels ?? []) {
      const key = m.key ?? '';
      if (matcherType(m) === 'Value') {
        matchLabels[key] = m.value ?? '';
      } else if (matcherType(m) === 'FromCompositeFieldPath') {
        const path = m.valueFromFieldPath ?? '';
        try {
          matchLabels[key] = xr.getString(path);
        } catch (err) {
          if (!fromFieldPathIsOptional(m)) throw wrap(err, `cannot get value from field path ${goQuote(path)}`);
        }
      }
    }
    if (Object.keys(matchLabels).length === 0) return;
    out[name] = { ...ENVIRONMENT_CONFIG, matchLabels };
  });
  return out;
}

/** What each source selected, grouped by `toFieldPath` (`getSelectedEnvConfigs`). */
function selectedConfigs(
  input: EnvironmentConfigsInput, sources: readonly EnvironmentSource[], required: Readonly<Record<string, ObjectValue[]>>,
): Map<string, ObjectValue[]> {
  const byPath = new Map<string, ObjectValue[]>();
  const add = (path: string, configs: ObjectValue[]) => {
    const list = byPath.get(path);
    if (list) list.push(...configs); else byPath.set(path, [...configs]);
  };
  sources.forEach((s, i) => {
    const name = `environment-config-${i}`;
    // A source Crossplane was not asked for (an optional selector without labels) is skipped.
    if (!Object.prototype.hasOwnProperty.call(required, name)) return;
    const resources = required[name] ?? [];
    const toFieldPath = s.toFieldPath ?? '';
    const type = sourceType(s);
    if (type === 'Reference') {
      const refName = s.ref?.name ?? '';
      let one: ObjectValue | undefined;
      try {
        one = byReference(input, refName, resources);
      } catch (err) {
        throw wrap(err, `cannot process environment config ${goQuote(refName)} by reference, ${goQuote(name)}`);
      }
      if (one) add(toFieldPath, [one]);
    } else if (type === 'Selector') {
      let selected: ObjectValue[];
      try {
        selected = bySelector(s.selector, resources);
      } catch (err) {
        throw wrap(err, `cannot process environment config ${goQuote(name)} by selector`);
      }
      if (selected.length > 0) add(toFieldPath, selected);
    }
  });
  return byPath;
}

function byReference(input: EnvironmentConfigsInput, name: string, resources: readonly ObjectValue[]): ObjectValue | undefined {
  if (resources.length === 0) {
    if (resolutionIsOptional(input)) return undefined;
    throw new FnError(`Required environment config ${goQuote(name)} not found`);
  }
  if (resources.length > 1) throw new FnError(`expected exactly one required resource ${goQuote(name)}, got ${resources.length}`);
  return resources[0];
}

function bySelector(selector: EnvironmentSourceSelector | undefined, resources: readonly ObjectValue[]): ObjectValue[] {
  const mode = selectorMode(selector);
  if (mode === 'Single') {
    if (resources.length !== 1) throw new FnError(`expected exactly one required resource, got ${resources.length}`);
    return [resources[0]];
  }
  if (mode !== 'Multiple') throw new FnError(`unknown selector mode ${goQuote(selector?.mode ?? '')}`);
  const min = selector?.minMatch;
  if (min !== undefined && min !== null && resources.length < Number(min)) {
    throw new FnError(`expected at least ${String(min)} required resources, got ${resources.length}`);
  }
  let sorted = sortByFieldPathValue(resources, sortByFieldPath(selector));
  const max = selector?.maxMatch;
  if (max !== undefined && max !== null && sorted.length > Number(max)) sorted = sorted.slice(0, Number(max));
  return sorted;
}

/** A Go `reflect.Kind` name for the values sorting accepts, or why it cannot sort them. */
function sortKind(v: Value): string {
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'bigint') return 'int64';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return Array.isArray(v) ? 'slice' : 'map';
}

/**
 * `sortRequiredByFieldPath`: orders the resources by the value at `path` (absent values sort
 * as the zero value of the others' type). Go's sort.Slice is not stable; the resources arrive
 * sorted by name and equal values keep that order here, as Go's insertion sort does for the
 * short lists (up to 12) selectors return in practice.
 */
export function sortByFieldPathValue(resources: readonly ObjectValue[], path: string): ObjectValue[] {
  if (path === '') throw new FnError('cannot sort by empty field path');
  const values: (Value | undefined)[] = [];
  let type: string | undefined;
  for (const r of resources) {
    let v: Value | undefined;
    try {
      v = new Paved(r).getValue(path);
    } catch (err) {
      if (!isNotFound(err)) throw err;
      v = undefined;
    }
    if (v === null) v = undefined;
    values.push(v);
    if (v === undefined) continue;
    const t = goTypeName(v);
    if (type === undefined) type = t;
    else if (type !== t) throw new FnError(`cannot sort values of different types ${goQuote(type)} and ${goQuote(t)}`);
  }
  if (type === undefined) return [...resources];
  const sample = values.find((v) => v !== undefined)!;
  const kind = sortKind(sample);
  if (kind !== 'float64' && kind !== 'int64' && kind !== 'string') throw new FnError(`unsupported type ${goQuote(kind)} for sorting`);
  const zero: Value = kind === 'string' ? '' : kind === 'int64' ? 0n : 0;
  const order = resources.map((_, i) => i);
  order.sort((a, b) => {
    const va = values[a] ?? zero;
    const vb = values[b] ?? zero;
    if (va < vb) return -1;
    if (vb < va) return 1;
    return a - b;
  });
  return order.map((i) => resources[i]);
}

/** A failure of `mergeEnvConfigsData`, reported as `cannot merge environment data`. */
class MergeFailure extends Error {
  public constructor(public readonly cause: unknown) {
    super(errorMessage(cause));
  }
}

function metadataName(o: ObjectValue): string {
  const m = o.metadata;
  return isObject(m) && typeof m.name === 'string' ? m.name : '';
}

/**
 * `mergeEnvConfigsData`: each config's `data` (placed at its `toFieldPath`), merged in order.
 * The Go function ranges over a map of `toFieldPath`s, whose order Go randomises; here the
 * groups merge in the order their first source appears in the input, so the result is stable
 * and is the Go result whenever the groups write disjoint keys.
 */
function mergeConfigsData(byPath: Map<string, ObjectValue[]>): ObjectValue {
  let merged: ObjectValue = {};
  for (const [fieldPath, configs] of byPath) {
    for (const c of configs) {
      let data: ObjectValue = {};
      if (fieldPath !== '') {
        try {
          new Paved(data).setValue(fieldPath, c.data === undefined ? null : c.data);
        } catch {
          throw new MergeFailure(new FnError(`cannot get data from environment config ${metadataName(c)} into path ${goQuote(fieldPath)}`));
        }
      } else {
        try {
          const v = new Paved(c).getValue('data');
          if (v !== null && !isObject(v)) throw new FnError(`json: cannot unmarshal ${jsonTypeName(v)} into Go value of type map[string]interface {}`);
          data = v === null ? {} : v;
        } catch (err) {
          throw new MergeFailure(wrap(err, `cannot get data from environment config ${goQuote(metadataName(c))}`));
        }
      }
      merged = mergeMaps(merged, data);
    }
  }
  return merged;
}

function jsonTypeName(v: Value): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number' || typeof v === 'bigint') return 'number';
  return Array.isArray(v) ? 'array' : 'object';
}

/** `mergeMaps`: `b` over `a`; objects on both sides merge recursively, anything else replaces. */
export function mergeMaps(a: ObjectValue, b: ObjectValue): ObjectValue {
  const out: ObjectValue = { ...a };
  for (const k of Object.keys(b)) {
    const v = b[k];
    const cur = out[k];
    setKey(out, k, isObject(v) && isObject(cur) ? mergeMaps(cur, v) : v);
  }
  return out;
}
