/**
 * Jest matcher `toBeValidAgainst(schemas)`: passes when `validate(received, { schemas })` has no
 * error finding, and prints every finding otherwise. Register it once with
 * `expect.extend(validationMatchers)` (or import `cdk8s-crossplane/testing`).
 */
import { formatFinding } from './finding';
import { validate, ValidateOptions } from './validate';

/** The result shape jest expects from a matcher. */
export interface MatcherResult {
  /** Whether the objects are valid. */
  readonly pass: boolean;
  /** Explains the outcome. */
  message(): string;
}

/**
 * Checks that objects (plain objects, YAML text, a chart or construct with `toJson()`) are valid
 * against `schemas` (see {@link ValidateOptions.schemas}).
 */
export function toBeValidAgainst(received: unknown, schemas?: ValidateOptions['schemas'], options: Omit<ValidateOptions, 'schemas'> = {}): MatcherResult {
  const findings = validate(received, { ...options, schemas });
  const errors = findings.filter((f) => f.severity === 'error');
  return {
    pass: errors.length === 0,
    message: () => errors.length === 0
      ? 'expected validation errors, found none'
      : `expected no validation errors, found ${errors.length}:\n${errors.map((f) => `  ${formatFinding(f)}`).join('\n')}`,
  };
}

/** Matchers to pass to `expect.extend`. */
export const validationMatchers = { toBeValidAgainst };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      /** Passes when the objects validate without errors against `schemas`. */
      toBeValidAgainst(schemas?: ValidateOptions['schemas'], options?: Omit<ValidateOptions, 'schemas'>): R;
    }
  }
}
