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
