/**
 * function-sequencer's RunFunction, in-process (fn.go and name.go of
 * crossplane-contrib/function-sequencer v0.6.0, commit 8ee29b46b7b9).
 *
 * Each rule is a sequence of composition resource names (regular expressions, anchored unless
 * the pattern already starts with `^` or ends with `$`). A resource that does not exist yet is
 * held back from the desired state until every desired resource matching each earlier entry is
 * ready. With `enableDeletionSequencing`, a Usage (or v1 Usage) protects each observed earlier
 * resource from deletion while a later one exists. A rule's optional CEL `condition` skips its
 * creation sequencing when false. Messages are the function's own.
 */
import { createHash } from 'node:crypto';
import { compileRequestCel, RequestCelError } from '../../cel/request-cel';
import { errorMessage } from '../../go/errors';
import { compileGoRegexp, type GoRegexp } from '../../go/regexp';
import { goQuote } from '../../go/strconv';
import type { ObjectValue } from '../../go/values';
import { isObject } from '../../go/values';
import type { FunctionRequest, FunctionResponse, ResourceState } from '../../protocol';
import type { SequencerInput } from './input';
import { decodeSequencerInput } from './input';
import { goDurationError } from './validate';

const PROTECTION_V2 = 'protection.crossplane.io/v1beta1';
const PROTECTION_V1 = 'apiextensions.crossplane.io/v1beta1';

function fatal(rsp: FunctionResponse, message: string): FunctionResponse {
  rsp.results.push({ severity: 'SEVERITY_FATAL', message });
  return rsp;
}

/** Go's `%v` of a `[]resource.Name`. */
function goList(names: readonly string[]): string {
  return `[${names.join(' ')}]`;
}

/** `getStrictRegex`: anchored unless the pattern already starts with `^` or ends with `$`. */
function strictRegex(pattern: string): GoRegexp {
  const p = !pattern.startsWith('^') && !pattern.endsWith('$') ? `^${pattern}$` : pattern;
  return compileGoRegexp(p);
}

/** `evaluateCondition`: bool and dyn outputs are accepted, as cel-go's checker types them. */
function evaluateCondition(req: FunctionRequest, condition: string): boolean {
  let program;
  try {
    program = compileRequestCel(condition);
  } catch (err) {
    const phase = err instanceof RequestCelError && err.phase === 'check' ? 'cannot type-check CEL condition' : 'cannot parse CEL condition';
    throw new Error(`${phase}: ${errorMessage(err)}`);
  }
  if (program.outputType !== 'bool' && program.outputType !== 'dyn') throw new Error(`CEL condition must return bool, got ${program.outputType}`);
  let result: unknown;
  try {
    result = program.evaluate(req);
  } catch (err) {
    throw new Error(`cannot evaluate CEL condition: ${errorMessage(err)}`);
  }
  if (typeof result !== 'boolean') throw new Error('CEL condition result is not bool');
  return result;
}

/** Runs function-sequencer for one pipeline step. Never throws on user data. */
export function runSequencer(req: FunctionRequest): FunctionResponse {
  const rsp: FunctionResponse = {
    desired: { composite: req.desired.composite, resources: { ...req.desired.resources } },
    context: { ...req.context },
    results: [],
  };
  const decoded = decodeSequencerInput(req.input);
  if ('error' in decoded) return fatal(rsp, `cannot get Function input from *v1.RunFunctionRequest: ${decoded.error}`);
  const input = decoded.input;
  if (input.cacheTTL) {
    const err = goDurationError(input.cacheTTL);
    if (err) return fatal(rsp, `cannot set cacheTTL: ${err}`);
  }

  // GetDesiredComposedResources keeps a resource and its readiness only: connection details of
  // desired composed resources do not survive the step.
  const desired = new Map<string, ResourceState>();
  for (const [name, r] of Object.entries(req.desired.resources)) desired.set(name, { resource: r.resource, ...(r.ready ? { ready: r.ready } : {}) });
  const observed = req.observed.resources;
  const usages = new Map<string, ResourceState>();

  for (const rule of input.rules ?? []) {
    const sequence = rule.sequence ?? [];
    let skip = false;
    if (rule.condition) {
      let met: boolean;
      try {
        met = evaluateCondition(req, rule.condition);
      } catch (err) {
        return fatal(rsp, `cannot evaluate condition ${goQuote(rule.condition)} for sequence ${goList(sequence)}: ${errorMessage(err)}`);
      }
      if (!met) {
        rsp.results.push({ severity: 'SEVERITY_NORMAL', message: `Skipping sequence ${goList(sequence)}: condition ${goQuote(rule.condition)} evaluated to false` });
        skip = true;
      }
    }
    // Usages come first, even for a skipped sequence, so that deletion order holds.
    if (input.enableDeletionSequencing) {
      try {
        observedUsages(sequence, observed, desired, usages, input);
      } catch (err) {
        return fatal(rsp, `cannot generate usages for sequence: ${errorMessage(err)}`);
      }
    }
    if (skip) continue;
    const failure = sequenceCreation(rsp, rule.deleteOnly ?? false, sequence, observed, desired, input);
    if (failure) return fatal(rsp, failure);
  }

  for (const [name, u] of usages) desired.set(name, u);
  const resources: Record<string, ResourceState> = {};
  for (const [name, r] of desired) resources[name] = r;
  rsp.desired = { ...rsp.desired, resources };
  return rsp;
}

/** Creation sequencing of one rule; the fatal message when a pattern does not compile. */
function sequenceCreation(
  rsp: FunctionResponse, deleteOnly: boolean, sequence: readonly string[], observed: Readonly<Record<string, ResourceState>>,
  desired: Map<string, ResourceState>, input: SequencerInput,
): string | undefined {
  for (let i = 1; i < sequence.length; i++) {
    const r = sequence[i];
    if (Object.prototype.hasOwnProperty.call(observed, r)) continue;
    if (deleteOnly) continue;
    for (const before of sequence.slice(0, i)) {
      let beforeRe: GoRegexp;
      try {
        beforeRe = strictRegex(before);
      } catch (err) {
        return `cannot compile regex ${before}: ${errorMessage(err)}`;
      }
      const keys = [...desired.keys()].filter((k) => beforeRe.test(k));
      const ready = keys.filter((k) => desired.get(k)?.ready === 'READY_TRUE').length;
      let currentRe: GoRegexp;
      try {
        currentRe = strictRegex(r);
      } catch (err) {
        return `cannot compile regex ${r}: ${errorMessage(err)}`;
      }
      if (keys.length === 0 || keys.length !== ready) {
        const message = keys.length > 0
          ? `Delaying creation of resource(s) matching ${goQuote(r)} because ${goQuote(before)} is not fully ready (${ready} of ${keys.length})`
          : `Delaying creation of resource(s) matching ${goQuote(r)} because ${goQuote(before)} does not exist yet`;
        rsp.results.push({ severity: 'SEVERITY_NORMAL', message });
        for (const k of [...desired.keys()]) {
          if (!currentRe.test(k) || Object.prototype.hasOwnProperty.call(observed, k)) continue;
          desired.delete(k);
          if (input.resetCompositeReadiness && rsp.desired.composite) rsp.desired.composite = { ...rsp.desired.composite, ready: 'READY_FALSE' };
        }
        break;
      }
    }
  }
  return undefined;
}

function meta(o: ObjectValue, field: string): string {
  const m = o.metadata;
  return isObject(m) && typeof m[field] === 'string' ? (m[field] as string) : '';
}

function isUsage(o: ObjectValue, usageVersion: string | undefined): boolean {
  if (usageVersion === 'v1') return o.apiVersion === PROTECTION_V1 && o.kind === 'Usage';
  return o.apiVersion === PROTECTION_V2 && (o.kind === 'ClusterUsage' || o.kind === 'Usage');
}

/** `generateObservedUsages`: a Usage for each observed pair (earlier `of`, later `by`) of a sequence. */
function observedUsages(
  sequence: readonly string[], observed: Readonly<Record<string, ResourceState>>, desired: ReadonlyMap<string, ResourceState>,
  usages: Map<string, ResourceState>, input: SequencerInput,
): void {
  for (let i = 1; i < sequence.length; i++) {
    let byRe: GoRegexp;
    let ofRe: GoRegexp;
    try {
      byRe = strictRegex(sequence[i]);
    } catch (err) {
      throw new Error(`cannot compile regex ${sequence[i]}: ${errorMessage(err)}`);
    }
    try {
      ofRe = strictRegex(sequence[i - 1]);
    } catch (err) {
      throw new Error(`cannot compile regex ${sequence[i - 1]}: ${errorMessage(err)}`);
    }
    for (const [c, o] of Object.entries(observed)) {
      if (!byRe.test(c) || isUsage(o.resource, input.usageVersion)) continue;
      for (const k of desired.keys()) {
        if (!ofRe.test(k)) continue;
        const of = observed[k];
        if (!of) continue;
        usages.set(`${c}-${k}-usage`, { resource: generateUsage(of.resource, o.resource, input.replayDeletion ?? false, input.usageVersion), ready: 'READY_TRUE' });
      }
    }
  }
}

/** `GenerateUsage`: a v2 Usage or ClusterUsage, or a v1 Usage when `usageVersion` is v1. */
export function generateUsage(of: ObjectValue, by: ObjectValue, replayDeletion: boolean, usageVersion: string | undefined): ObjectValue {
  const name = `${by.kind ?? ''}-${meta(by, 'name')}-${of.kind ?? ''}-${meta(of, 'name')}`.toLowerCase();
  const metadata: ObjectValue = { name: generateName(name, 'dependency') };
  let apiVersion = PROTECTION_V2;
  let kind = 'ClusterUsage';
  if (usageVersion === 'v1') {
    apiVersion = PROTECTION_V1;
    kind = 'Usage';
  } else if (meta(of, 'namespace') !== '') {
    kind = 'Usage';
    metadata.namespace = meta(of, 'namespace');
  }
  const ref = (o: ObjectValue): ObjectValue => ({ apiVersion: o.apiVersion ?? '', kind: o.kind ?? '', resourceRef: { name: meta(o, 'name') } });
  return { apiVersion, kind, metadata, spec: { by: ref(by), of: ref(of), reason: 'dependency', replayDeletion } };
}

/** name.go `GenerateName`: `<name>-<sha256[:6]>-<suffix>`, the name cut to fit 63 characters. */
export function generateName(name: string, suffix: string): string {
  const hash = createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 6);
  const fullSuffix = `${hash}-${suffix}`;
  const full = `${name}-${fullSuffix}`;
  if (Buffer.byteLength(full, 'utf8') <= 63) return full;
  let truncated = Buffer.from(name, 'utf8').subarray(0, 63 - fullSuffix.length - 1).toString('utf8');
  if (!truncated.endsWith('-')) truncated += '-';
  return truncated + fullSuffix;
}
