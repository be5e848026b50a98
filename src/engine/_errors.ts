/**
 * Error wrapping the way Go's `errors.Wrap` does it: `<message>: <cause>`, keeping the cause so
 * that "not found" field-path errors are still recognised through the wrapping (P&T decides
 * between skipping and failing a patch with `fieldpath.IsNotFound`, which unwraps).
 * @internal
 */
import { isNotFound } from './fieldpath';

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

/** Whether `err` or any error it wraps is a field-path "not found" error. */
export function isNotFoundDeep(err: unknown): boolean {
  let e: unknown = err;
  for (let i = 0; i < 32 && e !== undefined; i++) {
    if (isNotFound(e)) return true;
    e = e instanceof WrappedError ? e.cause : undefined;
  }
  return false;
}

/** Go's `strconv.Quote` (what `%q` prints for a string). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case '"': out += '\\"'; continue;
      case '\\': out += '\\\\'; continue;
      case '\n': out += '\\n'; continue;
      case '\t': out += '\\t'; continue;
      case '\r': out += '\\r'; continue;
      case '\x07': out += '\\a'; continue;
      case '\b': out += '\\b'; continue;
      case '\f': out += '\\f'; continue;
      case '\v': out += '\\v'; continue;
    }
    if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c >= 0xd800 && c <= 0xdfff) out += '\\ufffd';
    else if ((c >= 0x80 && c <= 0x9f) || c === 0xfffd && ch !== '\ufffd') out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}
