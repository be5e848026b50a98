/**
 * Error wrapping the way Go's `errors.Wrap` does it: `<message>: <cause>`, keeping the cause so
 * that callers can still recognise it through the wrapping (crossplane-runtime's
 * `fieldpath.IsNotFound` unwraps; see `isNotFoundDeep` in runtime/fieldpath.ts).
 * @internal
 */

/** An error with a cause, printed as Go prints wrapped errors. */
export class WrappedError extends Error {
  public constructor(message: string, public readonly cause: unknown) {
    super(`${message}: ${errorMessage(cause)}`);
    this.name = 'WrappedError';
  }
}

/** Wraps `err` with `message` (Go: `errors.Wrap(err, message)`). */
export function wrap(err: unknown, message: string): WrappedError {
  return new WrappedError(message, err);
}

/** The message of anything thrown. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
