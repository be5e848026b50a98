/**
 * The input of function-cel-filter (`cel.fn.crossplane.io/v1beta1`, `Filters`) as typed
 * objects and its Go type for decoding (input/v1beta1 of crossplane-contrib/function-cel-filter
 * v0.2.0).
 */
import { goSlice, goStruct, inputDecodeError } from '../../go/input-shape';
import type { ObjectValue } from '../../go/values';

/** One filter: desired resources whose name matches `name` stay only while `expression` holds. */
export interface CelFilter {
  name?: string;
  expression?: string;
}

/** The whole input. */
export interface CelFilterInput {
  filters?: CelFilter[] | null;
}

const INPUT = goStruct('v1beta1.Filters', {
  apiVersion: 'string',
  kind: 'string',
  metadata: 'any',
  filters: goSlice(goStruct('v1beta1.Filter', { name: 'string', expression: 'string' }), '[]v1beta1.Filter'),
});

/** Decodes the step input as `request.GetInput` does; the SDK's error text on failure. */
export function decodeCelFilterInput(input: ObjectValue | undefined): { input: CelFilterInput } | { error: string } {
  const err = inputDecodeError(input, INPUT);
  if (err) return { error: err };
  return { input: (input ?? {}) as CelFilterInput };
}
