/**
 * Checks shared by the Flux layout and its sources. Each returns messages of the form
 * `<prop> <constraint>, got '<value>': <fix>` (no construct path; the caller adds it).
 */

// The duration format the Flux CRDs accept (their `pattern`): a Go duration without sign.
const DURATION = /^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A Go duration as Flux accepts it: `30s`, `10m`, `1h0m0s`. */
export function checkDuration(prop: string, value: unknown): string[] {
  if (typeof value === 'string' && DURATION.test(value)) return [];
  const text = String(value);
  const guess = /^\s*(\d+)\s*(h|hours?|m|min|mins|minutes?|s|sec|secs|seconds?)\s*$/i.exec(text);
  const fix = guess ? `write '${guess[1]}${guess[2][0].toLowerCase()}'` : "use a number followed by h, m, s or ms, e.g. '10m' or '1h0m0s'";
  return [`${prop} must be a duration like '10m' or '1h0m0s', got '${text}': ${fix}`];
}

/** A lowercase DNS label (RFC 1123) of at most `max` characters. */
export function checkDnsLabel(prop: string, value: unknown, max: number, what: string): string[] {
  const text = String(value);
  if (typeof value === 'string' && DNS_LABEL.test(value) && value.length <= max) return [];
  const slug = text.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, max) || 'platform';
  return [`${prop} must be a lowercase DNS label of at most ${max} characters (letters, digits and '-'; ${what}), got '${text}': use e.g. '${slug}'`];
}
