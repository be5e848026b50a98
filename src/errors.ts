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
  /**
   * @param message what is wrong and how to fix it
   * @param usage the command's usage text, printed after the message
   */
  public constructor(message: string, public readonly usage?: string) {
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

const FS_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'is a folder, not a file',
  EEXIST: 'already exists',
  ENAMETOOLONG: 'the name is too long for the file system',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  EBUSY: 'the file is in use',
};

/**
 * A file system failure (permissions, a full disk, a missing folder) as a user-facing message,
 * or undefined when `err` is not one: the machine's state, not a fault in this package.
 */
export function fileSystemProblem(err: unknown): string | undefined {
  // Duck-typed: errors from Node's core come from another realm under jest, so `instanceof` fails.
  const e = err as NodeJS.ErrnoException | null | undefined;
  if (typeof e !== 'object' || e === null || typeof e.code !== 'string' || typeof e.syscall !== 'string') return undefined;
  const reason = FS_REASONS[e.code] ?? e.code;
  return `${e.path ?? e.syscall}: ${reason} (${e.code}): check the path, its permissions and the free space`;
}
