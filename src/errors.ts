/**
 * A mistake in what the user gave us: a construct prop, a YAML file, a CLI argument.
 *
 * The message already says where (construct path or file and field path), what was found and
 * how to fix it, so callers print `message` alone and never the stack. The CLI exits with 1.
 */
export class UserError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** A wrong command line (unknown flag, missing argument). The CLI exits with 2. */
export class UsageError extends UserError {
  public constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Whether `err` is a user mistake whose message is complete without a stack trace. */
export function isUserError(err: unknown): err is UserError {
  return err instanceof UserError;
}

/**
 * What construct errors need of a construct: its path. Structural, so this module depends on
 * no construct library.
 */
export interface ConstructWithPath {
  /** The construct's node; only `path` is read. */
  readonly node: { readonly path: string };
}

/**
 * Every problem found in one construct's props or in one call on it, thrown at once so the
 * user fixes them in one go. Each line of `message` is `[<construct path>] <problem>`, where a
 * problem reads `<prop path> <constraint>, got <value>: <how to fix>`.
 */
export class ConstructError extends UserError {
  /** Path of the construct, as `node.path` gives it. */
  public readonly constructPath: string;
  /** The problems, without the path prefix, in the order found. */
  public readonly problems: readonly string[];

  public constructor(constructPath: string, problems: readonly string[]) {
    super(problems.map(p => `[${constructPath}] ${p}`).join('\n'));
    this.name = 'ConstructError';
    this.constructPath = constructPath;
    this.problems = [...problems];
  }
}

/**
 * Throws one {@link ConstructError} naming `scope` with every problem collected, when there is
 * any; does nothing for an empty list. Collect the independent checks of a constructor or a
 * mutator first, then call this once.
 */
export function failConstruct(scope: ConstructWithPath, problems: readonly string[]): void {
  if (problems.length > 0) throw new ConstructError(scope.node.path, problems);
}
