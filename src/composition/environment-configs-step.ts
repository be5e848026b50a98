import { UserError } from '../errors';
import { FunctionPackage } from '../functions/function-package';
import type { EnvironmentConfig } from './environment-config';
import type { PipelineStepOptions, StepInput } from './pipeline-step';

/** How a label's value is found: a literal, or a field of the XR. */
export class LabelMatcher {
  /** The label `key` must have the literal `value` (`type: Value`). */
  public static value(key: string, value: string): LabelMatcher {
    LabelMatcher.checkKey(key);
    if (typeof value !== 'string') throw new UserError(`LabelMatcher.value('${key}') value must be a string, got '${String(value)}'`);
    return new LabelMatcher({ type: 'Value', key, value });
  }

  /**
   * The label `key` must have the value at `fieldPath` of the XR (`type: FromCompositeFieldPath`).
   * By default a missing field fails the step; `optional` drops the label instead.
   */
  public static fromCompositeFieldPath(key: string, fieldPath: string, options: LabelMatcherOptions = {}): LabelMatcher {
    LabelMatcher.checkKey(key);
    if (typeof fieldPath !== 'string' || fieldPath === '') {
      throw new UserError(`LabelMatcher.fromCompositeFieldPath('${key}') fieldPath must be a non-empty field path, got '${String(fieldPath)}': e.g. 'spec.parameters.region'`);
    }
    const json: Record<string, unknown> = { type: 'FromCompositeFieldPath', key, valueFromFieldPath: fieldPath };
    if (options.optional) json.fromFieldPathPolicy = 'Optional';
    return new LabelMatcher(json);
  }

  private static checkKey(key: string): void {
    if (typeof key !== 'string' || key === '') throw new UserError(`LabelMatcher key must be a non-empty label name, got '${String(key)}'`);
  }

  private constructor(private readonly json: Record<string, unknown>) {}

  /** @internal The wire format. */
  public _toJson(): Record<string, unknown> {
    return { ...this.json };
  }
}

/** Options of {@link LabelMatcher.fromCompositeFieldPath}. */
export interface LabelMatcherOptions {
  /**
   * Skip the label when the XR has no value at the field path (`fromFieldPathPolicy: Optional`).
   *
   * @default false
   */
  readonly optional?: boolean;
}

/** How many EnvironmentConfigs a selector takes. */
export enum SelectorMode {
  /** Exactly one must match (`Single`). */
  SINGLE = 'Single',
  /** Any number, sorted, optionally bounded (`Multiple`). */
  MULTIPLE = 'Multiple',
}

/** Options of {@link EnvironmentSource.reference}. */
export interface ReferenceSourceOptions {
  /**
   * Where in the environment to place the config's data.
   *
   * @default - the environment's root
   */
  readonly toFieldPath?: string;
}

/** Options of {@link EnvironmentSource.selector}. */
export interface SelectorSourceOptions {
  /** Labels an EnvironmentConfig must carry. */
  readonly matchLabels: readonly LabelMatcher[];
  /**
   * Single (exactly one match) or Multiple.
   *
   * @default SelectorMode.SINGLE
   */
  readonly mode?: SelectorMode;
  /**
   * In Multiple mode, fail unless at least this many match.
   *
   * @default - no minimum
   */
  readonly minMatch?: number;
  /**
   * In Multiple mode, keep at most this many (the first after sorting).
   *
   * @default - all matches
   */
  readonly maxMatch?: number;
  /**
   * In Multiple mode, the field the matches are sorted (and merged) by.
   *
   * @default 'metadata.name'
   */
  readonly sortByFieldPath?: string;
  /**
   * Where in the environment to place the configs' data.
   *
   * @default - the environment's root
   */
  readonly toFieldPath?: string;
}

/** One entry of the step's `environmentConfigs`: a reference by name or a label selector. */
export class EnvironmentSource {
  /** The EnvironmentConfig of that name (or construct) (`type: Reference`). */
  public static reference(config: string | EnvironmentConfig, options: ReferenceSourceOptions = {}): EnvironmentSource {
    const name = typeof config === 'string' ? config : config?.name;
    if (typeof name !== 'string' || name === '') {
      throw new UserError(`EnvironmentSource.reference config must be an EnvironmentConfig or its name, got '${String(config)}'`);
    }
    return new EnvironmentSource({ type: 'Reference', ref: { name }, ...EnvironmentSource.toPath(options.toFieldPath) });
  }

  /** The EnvironmentConfigs carrying all of `matchLabels` (`type: Selector`). */
  public static selector(options: SelectorSourceOptions): EnvironmentSource {
    const labels = options?.matchLabels ?? [];
    if (labels.length === 0) {
      throw new UserError('EnvironmentSource.selector matchLabels must name at least one label, got none: without labels the function asks for nothing and the source is skipped');
    }
    labels.forEach((m, i) => {
      if (!(m instanceof LabelMatcher)) throw new UserError(`EnvironmentSource.selector matchLabels[${i}] must be built with LabelMatcher.value or LabelMatcher.fromCompositeFieldPath, got '${JSON.stringify(m)}'`);
    });
    const mode = options.mode ?? SelectorMode.SINGLE;
    for (const key of ['minMatch', 'maxMatch'] as const) {
      const v = options[key];
      if (v === undefined) continue;
      if (!Number.isInteger(v) || v < 0) throw new UserError(`EnvironmentSource.selector ${key} must be a non-negative integer, got '${String(v)}'`);
      if (mode !== SelectorMode.MULTIPLE) {
        throw new UserError(`EnvironmentSource.selector ${key} is only read in Multiple mode, got it with mode '${mode}': set mode: SelectorMode.MULTIPLE or remove ${key}`);
      }
    }
    const selector: Record<string, unknown> = { mode, matchLabels: labels.map((m) => m._toJson()) };
    if (options.minMatch !== undefined) selector.minMatch = options.minMatch;
    if (options.maxMatch !== undefined) selector.maxMatch = options.maxMatch;
    if (options.sortByFieldPath !== undefined) selector.sortByFieldPath = options.sortByFieldPath;
    return new EnvironmentSource({ type: 'Selector', selector, ...EnvironmentSource.toPath(options.toFieldPath) });
  }

  private static toPath(toFieldPath: string | undefined): Record<string, unknown> {
    if (toFieldPath === undefined) return {};
    if (typeof toFieldPath !== 'string' || toFieldPath === '') throw new UserError(`EnvironmentSource toFieldPath must be a non-empty field path, got '${String(toFieldPath)}'`);
    return { toFieldPath };
  }

  private constructor(private readonly json: Record<string, unknown>) {}

  /** @internal The wire format. */
  public _toJson(): Record<string, unknown> {
    return JSON.parse(JSON.stringify(this.json));
  }
}

/** Whether a missing referenced EnvironmentConfig fails the step. */
export enum EnvironmentResolution {
  /** A missing reference fails the step (`Required`). */
  REQUIRED = 'Required',
  /** A missing reference is skipped (`Optional`). */
  OPTIONAL = 'Optional',
}

/** Props of {@link environmentConfigsStep}. */
export interface EnvironmentConfigsStepProps {
  /** The EnvironmentConfigs to load, merged in this order (later ones win). */
  readonly environmentConfigs: readonly EnvironmentSource[];
  /**
   * Data the environment starts from; the selected configs override it.
   *
   * @default - none
   */
  readonly defaultData?: { readonly [key: string]: unknown };
  /**
   * Whether a missing referenced EnvironmentConfig fails the step.
   *
   * @default EnvironmentResolution.REQUIRED
   */
  readonly resolution?: EnvironmentResolution;
  /**
   * The step name.
   *
   * @default 'environment-configs'
   */
  readonly step?: string;
  /**
   * The function package (e.g. pinned with `withVersion`).
   *
   * @default FunctionPackage.ENVIRONMENT_CONFIGS
   */
  readonly function?: FunctionPackage;
}

/**
 * A function-environment-configs step: loads EnvironmentConfigs into the environment (context
 * key `apiextensions.crossplane.io/environment`) that P&T's environment patches and later steps
 * read. Add it before the steps that read the environment:
 * `comp.addStep(environmentConfigsStep({...}), { before: comp.patchAndTransformStep })`.
 * The step's Function object and Configuration dependency come with it, as for P&T.
 */
export function environmentConfigsStep(props: EnvironmentConfigsStepProps): PipelineStepOptions {
  const sources = props?.environmentConfigs ?? [];
  sources.forEach((s, i) => {
    if (!(s instanceof EnvironmentSource)) {
      throw new UserError(`environmentConfigsStep environmentConfigs[${i}] must be built with EnvironmentSource.reference or EnvironmentSource.selector, got '${JSON.stringify(s)}'`);
    }
  });
  const spec: Record<string, unknown> = { environmentConfigs: sources.map((s) => s._toJson()) };
  if (props.defaultData !== undefined) spec.defaultData = JSON.parse(JSON.stringify(props.defaultData));
  if (props.resolution !== undefined) spec.policy = { resolution: props.resolution };
  const fn = props.function ?? FunctionPackage.ENVIRONMENT_CONFIGS;
  const input: StepInput = { apiVersion: fn.inputApiVersion ?? 'environmentconfigs.fn.crossplane.io/v1beta1', kind: fn.inputKind ?? 'Input', spec };
  return { step: props.step ?? 'environment-configs', function: fn, input };
}
