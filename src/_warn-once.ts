/**
 * Synth-time warnings: a likely mistake Crossplane accepts is reported, not thrown (house rule
 * 4). Each is printed once per process under its key, so an app composing a kind fifty times
 * says it once. Written to stderr, where `cdk8s synth` shows the app's output.
 */
const seen = new Set<string>();

/** Prints `message` as a warning unless a warning with `key` was printed before. */
export function warnOnce(key: string, message: string): void {
  if (seen.has(key)) return;
  seen.add(key);
  process.stderr.write(`cdk8s-crossplane: warning: ${message}\n`);
}
