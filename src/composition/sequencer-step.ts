import { compileRequestCel } from '../engine/cel/request-cel';
import { goRegexpSyntaxError } from '../engine/go/regexp';
import { UserError } from '../errors';
import { FunctionPackage } from '../functions/function-package';
import type { ComposedResource } from './composed-resource';
import type { PipelineStepOptions, StepInput } from './pipeline-step';

/** One rule of the sequencer: resources created in this order. */
export interface SequencingRule {
  /**
   * Composition resource names (or the resources), earliest first. A string is a Go regular
   * expression anchored at both ends unless it starts with `^` or ends with `$` (`bucket-.*`).
   */
  readonly sequence: readonly (string | ComposedResource<any, any>)[];
  /**
   * A CEL expression over `observed`, `desired` and `context`; when false, the rule does not
   * hold back creation (deletion ordering still applies).
   *
   * @default - always applies
   */
  readonly condition?: string;
  /**
   * Only order deletion (with Usages); never hold back creation.
   *
   * @default false
   */
  readonly deleteOnly?: boolean;
}

/** Which Usage API deletion ordering uses. */
export enum UsageVersion {
  /** `protection.crossplane.io/v1beta1` Usage/ClusterUsage (Crossplane v2). */
  V2 = 'v2',
  /** `apiextensions.crossplane.io/v1beta1` Usage (Crossplane v1, cluster-scoped resources only). */
  V1 = 'v1',
}

/** Props of {@link sequencerStep}. */
export interface SequencerStepProps {
  /** The sequences. */
  readonly rules: readonly SequencingRule[];
  /**
   * Also order deletion: a Usage keeps each earlier resource while a later one exists.
   *
   * @default false
   */
  readonly enableDeletionSequencing?: boolean;
  /**
   * `replayDeletion` of the generated Usages.
   *
   * @default false
   */
  readonly replayDeletion?: boolean;
  /**
   * The Usage API of the generated Usages.
   *
   * @default UsageVersion.V2
   */
  readonly usageVersion?: UsageVersion;
  /**
   * Mark the XR not ready while resources are held back.
   *
   * @default false
   */
  readonly resetCompositeReadiness?: boolean;
  /**
   * TTL of the function's response (a Go duration, `5m`).
   *
   * @default - the function's default (1m)
   */
  readonly cacheTTL?: string;
  /**
   * The step name.
   *
   * @default 'sequence-creation'
   */
  readonly step?: string;
  /**
   * The function package.
   *
   * @default FunctionPackage.SEQUENCER
   */
  readonly function?: FunctionPackage;
}

function resourceName(r: string | ComposedResource<any, any>): string {
  return typeof r === 'string' ? r : r?.name;
}

/** Throws when `condition` is not a CEL expression the function accepts (bool or dyn). */
export function checkCondition(where: string, condition: string, accept: readonly string[]): void {
  let outputType: string;
  try {
    outputType = compileRequestCel(condition).outputType;
  } catch (err) {
    throw new UserError(`${where} must be a CEL expression over observed, desired and context, got '${condition}': ${(err as Error).message}`);
  }
  if (!accept.includes(outputType)) {
    throw new UserError(`${where} must be a boolean CEL expression, got '${condition}' of type ${outputType}: compare the value, e.g. '... == true'`);
  }
}

/**
 * A function-sequencer step: holds back composed resources until the ones before them in a rule
 * are ready, and optionally orders their deletion. Add it after the steps that produce the
 * resources: `comp.addStep(sequencerStep({ rules: [{ sequence: [network, cluster] }] }))`.
 * The step's Function object and Configuration dependency come with it.
 */
export function sequencerStep(props: SequencerStepProps): PipelineStepOptions {
  const rules = (props?.rules ?? []).map((rule, i) => {
    const where = `sequencerStep rules[${i}]`;
    const sequence = (rule?.sequence ?? []).map(resourceName);
    if (sequence.length < 2) throw new UserError(`${where}.sequence must name at least two resources, got ${sequence.length}: a sequence orders one resource after another`);
    sequence.forEach((name, j) => {
      if (typeof name !== 'string' || name === '') throw new UserError(`${where}.sequence[${j}] must be a resource name or ComposedResource, got '${String(name)}'`);
      const anchored = !name.startsWith('^') && !name.endsWith('$') ? `^${name}$` : name;
      const bad = goRegexpSyntaxError(anchored);
      if (bad) throw new UserError(`${where}.sequence[${j}] must be a Go regular expression, got '${name}': ${bad.message}`);
    });
    const json: Record<string, unknown> = { sequence };
    if (rule.condition !== undefined) {
      checkCondition(`${where}.condition`, rule.condition, ['bool', 'dyn']);
      json.condition = rule.condition;
    }
    if (rule.deleteOnly) json.deleteOnly = true;
    return json;
  });
  if (rules.length === 0) throw new UserError('sequencerStep rules must hold at least one rule, got none');
  const fn = props.function ?? FunctionPackage.SEQUENCER;
  const input: StepInput = { apiVersion: fn.inputApiVersion ?? 'sequencer.fn.crossplane.io/v1beta1', kind: fn.inputKind ?? 'Input', rules };
  const extra = input as Record<string, unknown>;
  if (props.enableDeletionSequencing) extra.enableDeletionSequencing = true;
  if (props.replayDeletion) extra.replayDeletion = true;
  if (props.usageVersion !== undefined) extra.usageVersion = props.usageVersion;
  if (props.resetCompositeReadiness) extra.resetCompositeReadiness = true;
  if (props.cacheTTL !== undefined) extra.cacheTTL = props.cacheTTL;
  return { step: props.step ?? 'sequence-creation', function: fn, input };
}
