import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { Function as FunctionL1 } from '../../imports/pkg.crossplane.io';
import { touchConstructs } from '../_validation-memo';
import { FunctionPackage } from './function-package';

/** Props of {@link CompositionFunction}. */
export interface CompositionFunctionProps {
  /** The function package to install; its `name` becomes the object's `metadata.name`. */
  readonly package: FunctionPackage;
}

const COMPOSITION_FUNCTION = Symbol.for('cdk8s-crossplane.CompositionFunction');

/**
 * A `pkg.crossplane.io/v1` Function: installs a composition function package in the cluster
 * (reference §6.2). Its `metadata.name` is what Composition steps put in `functionRef.name`.
 *
 * Compositions create these on demand through the app's {@link FunctionRegistry}; create one
 * yourself only to place it in a chart of your choice.
 */
export class CompositionFunction extends Construct {
  /** Whether `x` is a CompositionFunction (works across copies of this package). */
  public static isCompositionFunction(x: unknown): x is CompositionFunction {
    return typeof x === 'object' && x !== null && (x as { [COMPOSITION_FUNCTION]?: boolean })[COMPOSITION_FUNCTION] === true;
  }

  /** The package installed. */
  public readonly package: FunctionPackage;
  /** `metadata.name` of the Function object. */
  public readonly functionName: string;
  /** The L1 object (construct id `Resource`), the escape hatch for fields this construct does not model. */
  public readonly resource: ApiObject;

  public constructor(scope: Construct, id: string, props: CompositionFunctionProps) {
    super(scope, id);
    touchConstructs();
    Object.defineProperty(this, COMPOSITION_FUNCTION, { value: true });
    this.package = props.package;
    this.functionName = props.package.name;
    this.resource = new FunctionL1(this, 'Resource', {
      metadata: { name: this.functionName },
      spec: { package: props.package.packageReference },
    });
  }
}
