/**
 * The input of function-environment-configs (`environmentconfigs.fn.crossplane.io/v1beta1`,
 * `Input`) as typed objects, its Go type for decoding, and the getters that apply the Go type's
 * defaults (input/v1beta1 of crossplane-contrib/function-environment-configs v0.7.1).
 */
import { goMap, goNamed, goSlice, goStruct, inputDecodeError } from '../../go/input-shape';
import type { ObjectValue, Value } from '../../go/values';

/** One label of a selector. */
export interface LabelMatcher {
  type?: string;
  key?: string;
  valueFromFieldPath?: string;
  fromFieldPathPolicy?: string;
  value?: string;
}

/** Selects EnvironmentConfigs by labels. */
export interface EnvironmentSourceSelector {
  mode?: string;
  maxMatch?: number | bigint;
  minMatch?: number | bigint;
  sortByFieldPath?: string;
  matchLabels?: LabelMatcher[];
}

/** One entry of `spec.environmentConfigs`. */
export interface EnvironmentSource {
  type?: string;
  ref?: { name?: string };
  selector?: EnvironmentSourceSelector;
  toFieldPath?: string;
}

/** The whole input. */
export interface EnvironmentConfigsInput {
  spec?: {
    defaultData?: Record<string, Value>;
    environmentConfigs?: EnvironmentSource[] | null;
    policy?: { resolution?: string };
  };
}

const LABEL_MATCHER = goStruct('v1beta1.EnvironmentSourceSelectorLabelMatcher', {
  type: goNamed('v1beta1.EnvironmentSourceSelectorLabelMatcherType', 'string'),
  key: 'string',
  valueFromFieldPath: 'string',
  fromFieldPathPolicy: goNamed('v1beta1.FromFieldPathPolicy', 'string'),
  value: 'string',
});

const INPUT = goStruct('v1beta1.Input', {
  apiVersion: 'string',
  kind: 'string',
  metadata: 'any',
  spec: goStruct('v1beta1.InputSpec', {
    defaultData: goMap('any', 'map[string]v1.JSON'),
    environmentConfigs: goSlice(goStruct('v1beta1.EnvironmentSource', {
      type: goNamed('v1beta1.EnvironmentSourceType', 'string'),
      ref: goStruct('v1beta1.EnvironmentSourceReference', { name: 'string' }),
      selector: goStruct('v1beta1.EnvironmentSourceSelector', {
        mode: goNamed('v1beta1.EnvironmentSourceSelectorModeType', 'string'),
        maxMatch: 'uint',
        minMatch: 'uint',
        sortByFieldPath: 'string',
        matchLabels: goSlice(LABEL_MATCHER, '[]v1beta1.EnvironmentSourceSelectorLabelMatcher'),
      }),
      toFieldPath: 'string',
    }), '[]v1beta1.EnvironmentSource'),
    // `resolve` is commented out in the Go type: an input that sets it does not decode.
    policy: goStruct('v1beta1.Policy', { resolution: goNamed('v1.ResolutionPolicy', 'string') }),
  }),
});

/** Decodes the step input as `request.GetInput` does; the SDK's error text on failure. */
export function decodeEnvironmentConfigsInput(input: ObjectValue | undefined): { input: EnvironmentConfigsInput } | { error: string } {
  const err = inputDecodeError(input, INPUT);
  if (err) return { error: err };
  return { input: (input ?? {}) as EnvironmentConfigsInput };
}

/** `type`, defaulting to Reference (`EnvironmentSource.GetType`). */
export function sourceType(s: EnvironmentSource): string {
  return s.type || 'Reference';
}

/** `selector.mode`, defaulting to Single (`GetMode`). */
export function selectorMode(s: EnvironmentSourceSelector | undefined): string {
  return s?.mode || 'Single';
}

/** `selector.sortByFieldPath`, defaulting to `metadata.name` (`GetSortByFieldPath`). */
export function sortByFieldPath(s: EnvironmentSourceSelector | undefined): string {
  return s?.sortByFieldPath || 'metadata.name';
}

/** A label matcher's `type`, defaulting to FromCompositeFieldPath. */
export function matcherType(m: LabelMatcher): string {
  return m.type || 'FromCompositeFieldPath';
}

/** Whether a missing `valueFromFieldPath` skips the label (`FromFieldPathIsOptional`). */
export function fromFieldPathIsOptional(m: LabelMatcher): boolean {
  return m.fromFieldPathPolicy === 'Optional';
}

/** Whether `policy.resolution` is Optional (`IsResolutionPolicyOptional`). */
export function resolutionIsOptional(input: EnvironmentConfigsInput): boolean {
  return input.spec?.policy?.resolution === 'Optional';
}
