/**
 * The input of function-sequencer (`sequencer.fn.crossplane.io/v1beta1`, `Input`) as typed
 * objects and its Go type for decoding (input/v1beta1 of crossplane-contrib/function-sequencer
 * v0.6.0).
 */
import { goNamed, goSlice, goStruct, inputDecodeError } from '../../go/input-shape';
import type { ObjectValue } from '../../go/values';

/** One rule: resources created in order, optionally only when `condition` holds. */
export interface SequencingRule {
  condition?: string;
  deleteOnly?: boolean;
  sequence?: string[];
}

/** The whole input. */
export interface SequencerInput {
  cacheTTL?: string;
  enableDeletionSequencing?: boolean;
  replayDeletion?: boolean;
  usageVersion?: string;
  resetCompositeReadiness?: boolean;
  rules?: SequencingRule[];
}

const INPUT = goStruct('v1beta1.Input', {
  apiVersion: 'string',
  kind: 'string',
  metadata: 'any',
  cacheTTL: 'string',
  enableDeletionSequencing: 'bool',
  replayDeletion: 'bool',
  usageVersion: goNamed('v1beta1.UsageVersion', 'string'),
  resetCompositeReadiness: 'bool',
  rules: goSlice(goStruct('v1beta1.SequencingRule', {
    condition: 'string',
    deleteOnly: 'bool',
    sequence: goSlice(goNamed('resource.Name', 'string'), '[]resource.Name'),
  }), '[]v1beta1.SequencingRule'),
});

/** Decodes the step input as `request.GetInput` does; the SDK's error text on failure. */
export function decodeSequencerInput(input: ObjectValue | undefined): { input: SequencerInput } | { error: string } {
  const err = inputDecodeError(input, INPUT);
  if (err) return { error: err };
  return { input: (input ?? {}) as SequencerInput };
}
