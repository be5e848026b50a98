/** Go's `strings` functions whose results differ from JavaScript's. */

/** Go strings.ToUpper / ToLower: per-rune simple case mapping. */
function mapCase(s: string, upper: boolean): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(s)) return upper ? s.toUpperCase() : s.toLowerCase();
  let out = '';
  for (const ch of s) {
    const m = upper ? ch.toUpperCase() : ch.toLowerCase();
    out += [...m].length === 1 ? m : ch;
  }
  return out;
}

/** Go `strings.ToUpper`. */
export function toUpper(s: string): string {
  return mapCase(s, true);
}

/** Go `strings.ToLower`. */
export function toLower(s: string): string {
  return mapCase(s, false);
}
