import { cloneJson } from '../_clone-json';
import { UserError } from '../errors';
import { AnyPathArg, ComposedView, PathArg, resolvePathArg } from './field-path';

/** The readiness check types of function-patch-and-transform (reference §3.9). */
export enum ReadinessCheckType {
  NONE = 'None',
  NON_EMPTY = 'NonEmpty',
  MATCH_STRING = 'MatchString',
  MATCH_INTEGER = 'MatchInteger',
  MATCH_TRUE = 'MatchTrue',
  MATCH_FALSE = 'MatchFalse',
  MATCH_CONDITION = 'MatchCondition',
}

/** Options of {@link ReadinessCheck.matchCondition}. */
export interface MatchConditionOptions {
  /**
   * The condition type.
   *
   * @default 'Ready'
   */
  readonly type?: string;
  /**
   * The status the condition must have; an absent condition counts as `Unknown`.
   *
   * @default 'True'
   */
  readonly status?: 'True' | 'False' | 'Unknown';
}

/**
 * A readiness check of a composed-resource template (`readinessChecks[]`, reference §3.9). All
 * checks of a template must pass. `T` is the composed resource's props type.
 */
export class ReadinessCheck<T = any> {
  /** Always ready. */
  public static none<T = any>(): ReadinessCheck<T> {
    return new ReadinessCheck<T>({ type: ReadinessCheckType.NONE });
  }

  /** Ready when the field exists, whatever its value (even `""` or `0`). */
  public static nonEmpty<T = any>(fieldPath: PathArg<ComposedView<T>>): ReadinessCheck<T> {
    return new ReadinessCheck<T>({ type: ReadinessCheckType.NON_EMPTY, fieldPath: path(fieldPath, 'nonEmpty') });
  }

  /** Ready when the field is a string equal to `value`. */
  public static matchString<T = any>(fieldPath: PathArg<ComposedView<T>>, value: string): ReadinessCheck<T> {
    if (typeof value !== 'string') throw new UserError(`ReadinessCheck.matchString value must be a string, got '${String(value)}'`);
    return new ReadinessCheck<T>({ type: ReadinessCheckType.MATCH_STRING, fieldPath: path(fieldPath, 'matchString'), matchString: value });
  }

  /**
   * Ready when the field is an int64 equal to `value`. Observed numbers arrive as float64, so in
   * practice this check always errors (reference §3.9); the lint flags it.
   */
  public static matchInteger<T = any>(fieldPath: PathArg<ComposedView<T>>, value: number): ReadinessCheck<T> {
    if (!Number.isSafeInteger(value)) throw new UserError(`ReadinessCheck.matchInteger value must be an integer, got '${value}'`);
    return new ReadinessCheck<T>({ type: ReadinessCheckType.MATCH_INTEGER, fieldPath: path(fieldPath, 'matchInteger'), matchInteger: value });
  }

  /** Ready when the field is boolean true. */
  public static matchTrue<T = any>(fieldPath: PathArg<ComposedView<T>>): ReadinessCheck<T> {
    return new ReadinessCheck<T>({ type: ReadinessCheckType.MATCH_TRUE, fieldPath: path(fieldPath, 'matchTrue') });
  }

  /** Ready when the field is boolean false (a missing field is not ready). */
  public static matchFalse<T = any>(fieldPath: PathArg<ComposedView<T>>): ReadinessCheck<T> {
    return new ReadinessCheck<T>({ type: ReadinessCheckType.MATCH_FALSE, fieldPath: path(fieldPath, 'matchFalse') });
  }

  /**
   * Ready when the condition has the status. `type` and `status` are always written: P&T has no
   * Go default for them and dereferences a missing `matchCondition` (reference §3.1, §3.2).
   */
  public static matchCondition<T = any>(options: MatchConditionOptions = {}): ReadinessCheck<T> {
    const type = options.type ?? 'Ready';
    const status = options.status ?? 'True';
    if (typeof type !== 'string' || type === '') throw new UserError(`ReadinessCheck.matchCondition type must be a non-empty string, got '${String(type)}'`);
    if (!['True', 'False', 'Unknown'].includes(status)) {
      throw new UserError(`ReadinessCheck.matchCondition status must be 'True', 'False' or 'Unknown', got '${String(status)}'`);
    }
    return new ReadinessCheck<T>({ type: ReadinessCheckType.MATCH_CONDITION, matchCondition: { type, status } });
  }

  /** Type-only marker carrying `T`; never set at run time. */
  public readonly __composed?: (composed: T) => void;

  private constructor(private readonly json: Record<string, unknown> & { type: ReadinessCheckType; fieldPath?: string }) {}

  /** The check type. */
  public get type(): ReadinessCheckType {
    return this.json.type;
  }

  /** The field checked, for every type but None and MatchCondition. */
  public get fieldPath(): string | undefined {
    return this.json.fieldPath;
  }

  /** @internal The exact P&T wire format. */
  public _toJson(): Record<string, unknown> {
    return cloneJson(this.json);
  }
}

function path(arg: AnyPathArg, factory: string): string {
  return resolvePathArg(arg, `ReadinessCheck.${factory} fieldPath`);
}
