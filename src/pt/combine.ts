import { UserError } from '../errors';
import { PathArg, resolvePathArg } from './field-path';

/** How a combine patch joins its variables; `string` is the only strategy P&T has. */
export enum CombineStrategy {
  STRING = 'string',
}

/**
 * The `combine` of a Combine* patch: several source fields formatted into one string with
 * Go's `fmt.Sprintf` (reference §3.6). `S` is the static type of the object the variables are
 * read from (the XR for CombineFromComposite).
 */
export class Combine<S = any> {
  /**
   * Formats the values of `variables` with `fmt`, one argument per variable in order. Every
   * variable must resolve, otherwise the whole patch counts as a missing source. Numbers read
   * from an XR are float64: use `%.0f` for integers, never `%d` (reference §3.6).
   */
  public static string<S = any>(fmt: string, variables: readonly PathArg<S>[]): Combine<S> {
    if (typeof fmt !== 'string') throw new UserError(`Combine.string fmt must be a string, got '${String(fmt)}'`);
    if (!Array.isArray(variables) || variables.length === 0) {
      throw new UserError('Combine.string variables must name at least one field, got \'[]\': P&T requires at least one variable');
    }
    const paths = variables.map((v, i) => resolvePathArg(v, `Combine.string variables[${i}]`));
    return new Combine<S>(fmt, paths);
  }

  /** Type-only marker carrying `S`; never set at run time. */
  public readonly __source?: (source: S) => void;

  private constructor(
    /** The Go format string. */
    public readonly fmt: string,
    private readonly paths: readonly string[],
  ) {}

  /** The field paths of the variables, in order. */
  public get variables(): string[] {
    return [...this.paths];
  }

  /** @internal */
  public _toJson(): Record<string, unknown> {
    return {
      variables: this.paths.map(fromFieldPath => ({ fromFieldPath })),
      strategy: CombineStrategy.STRING,
      string: { fmt: this.fmt },
    };
  }
}
