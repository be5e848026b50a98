import { UserError } from '../errors';

/**
 * Synth-time findings on a patch or a composed resource that Crossplane itself accepts, and that
 * the code can acknowledge by name where they occur (`suppress: [LintRule.NUMBER_FORMAT]`), so
 * that YAML which already runs this way converts to code that synthesizes the same YAML while
 * the finding stays visible in the code.
 */
export enum LintRule {
  /**
   * A number read from an object formatted with a verb Go prints wrongly for float64
   * (`%d` gives `%!d(float64=3)`), or printed in exponent form from 1000000 on.
   */
  NUMBER_FORMAT = 'number-format',
  /** A patch writing the XR outside `status`: Crossplane drops the write (reference §3.4). */
  XR_NON_STATUS_WRITE = 'xr-non-status-write',
  /** A composed resource whose apiVersion the known schemas of its kind do not serve. */
  UNSERVED_VERSION = 'unserved-version',
}

/** A lint message, with the rule that can suppress it when there is one. */
export interface LintFinding {
  /**
   * The rule the finding belongs to.
   * @default - a finding no suppression applies to
   */
  readonly rule?: LintRule;
  /** The message (shaped `<field> <constraint>, got '<value>': <fix>`). */
  readonly message: string;
}

/** Checks a `suppress` list; returns the rules, or throws naming `what`. */
export function checkSuppressions(what: string, suppress: readonly string[] | undefined): readonly LintRule[] {
  const list = [...(suppress ?? [])];
  for (const s of list) {
    if (!Object.values(LintRule).includes(s as LintRule)) {
      throw new UserError(`${what} suppress must hold LintRule values (${Object.values(LintRule).join(', ')}), got '${String(s)}'`);
    }
  }
  return list as LintRule[];
}
