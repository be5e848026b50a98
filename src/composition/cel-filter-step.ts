import { goRegexpSyntaxError } from '../engine/go/regexp';
import { UserError } from '../errors';
import { FunctionPackage } from '../functions/function-package';
import type { ComposedResource } from './composed-resource';
import type { PipelineStepOptions, StepInput } from './pipeline-step';
import { checkCondition } from './sequencer-step';

/** One filter: the desired resources it names stay only while `expression` is true. */
export interface CelFilter {
  /**
   * Composition resource name (or the resource); a string is a Go regular expression anchored
   * at both ends (`bucket-.*`).
   */
  readonly name: string | ComposedResource<any, any>;
  /**
   * A CEL expression over `observed`, `desired` and `context` whose type is bool, e.g.
   * `observed.composite.resource.spec.export == "S3"`.
   */
  readonly expression: string;
}

/** Props of {@link celFilterStep}. */
export interface CelFilterStepProps {
  /** The filters. */
  readonly filters: readonly CelFilter[];
  /**
   * The step name.
   *
   * @default 'filter-composed-resources'
   */
  readonly step?: string;
  /**
   * The function package.
   *
   * @default FunctionPackage.CEL_FILTER
   */
  readonly function?: FunctionPackage;
}

/**
 * A function-cel-filter step: removes desired composed resources whose filter expression is
 * false. Add it after the steps that produce them:
 * `comp.addStep(celFilterStep({ filters: [{ name: bucket, expression: 'observed.composite.resource.spec.export == "S3"' }] }))`.
 * The step's Function object and Configuration dependency come with it.
 */
export function celFilterStep(props: CelFilterStepProps): PipelineStepOptions {
  const filters = (props?.filters ?? []).map((f, i) => {
    const where = `celFilterStep filters[${i}]`;
    const name = typeof f?.name === 'string' ? f.name : f?.name?.name;
    if (typeof name !== 'string' || name === '') throw new UserError(`${where}.name must be a resource name or ComposedResource, got '${String(f?.name)}'`);
    const bad = goRegexpSyntaxError(`^${name}$`);
    if (bad) throw new UserError(`${where}.name must be a Go regular expression, got '${name}': ${bad.message}`);
    if (typeof f.expression !== 'string' || f.expression === '') throw new UserError(`${where}.expression must be a CEL expression, got '${String(f.expression)}'`);
    // function-cel-filter accepts only expressions whose type is exactly bool.
    checkCondition(`${where}.expression`, f.expression, ['bool']);
    return { name, expression: f.expression };
  });
  if (filters.length === 0) throw new UserError('celFilterStep filters must hold at least one filter, got none');
  const fn = props.function ?? FunctionPackage.CEL_FILTER;
  const input: StepInput = { apiVersion: fn.inputApiVersion ?? 'cel.fn.crossplane.io/v1beta1', kind: fn.inputKind ?? 'Filters', filters };
  return { step: props.step ?? 'filter-composed-resources', function: fn, input };
}
