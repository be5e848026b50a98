/** Go's `encoding/base64` standard encoding, with Go's error texts. */

/** Go's `base64.CorruptInputError`: where decoding failed. */
export class CorruptInputError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'CorruptInputError';
  }
}

const B64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_MAP = new Int16Array(256).fill(-1);
for (let i = 0; i < 64; i++) B64_MAP[B64_ALPHABET.charCodeAt(i)] = i;

/**
 * Go base64.StdEncoding.DecodeString, read as UTF-8 text (what `string(bytes)` shows): see
 * {@link decodeBase64Bytes}.
 */
export function decodeBase64(text: string): string {
  return new TextDecoder('utf-8').decode(decodeBase64Bytes(text));
}

/**
 * Go base64.StdEncoding.DecodeString: padding required, CR and LF skipped, errors name the byte
 * offset (in the UTF-8 input) where decoding failed (`illegal base64 data at input byte N`).
 */
export function decodeBase64Bytes(text: string): Uint8Array {
  const { bytes, error } = decodeBase64Prefix(text);
  if (error) throw error;
  return bytes;
}

/**
 * What Go's DecodeString returns beside its error: the bytes of every quantum decoded before
 * the failing one (a padded last quantum followed by stray bytes still counts), and the error.
 * Callers that ignore the error, as some functions do, get exactly these bytes.
 */
export function decodeBase64Prefix(text: string): { bytes: Uint8Array; error?: CorruptInputError } {
  const src = Buffer.from(text, 'utf8');
  const out: number[] = [];
  const done = (at?: number) => ({
    bytes: Uint8Array.from(out),
    error: at === undefined ? undefined : new CorruptInputError(`illegal base64 data at input byte ${at}`),
  });
  const isNl = (c: number): boolean => c === 0x0a || c === 0x0d;
  let si = 0;
  while (si < src.length) {
    const q = [0, 0, 0, 0];
    let dlen = 4;
    let trailing: number | undefined;
    for (let j = 0; j < 4; j++) {
      if (si === src.length) return done(j === 0 ? undefined : si - j);
      const c = src[si++];
      const v = B64_MAP[c];
      if (v >= 0) {
        q[j] = v;
        continue;
      }
      if (isNl(c)) {
        j--;
        continue;
      }
      if (c !== 0x3d || j < 2) return done(si - 1);
      if (j === 2) {
        while (si < src.length && isNl(src[si])) si++;
        if (si === src.length) return done(src.length);
        if (src[si] !== 0x3d) return done(si - 1);
        si++;
      }
      while (si < src.length && isNl(src[si])) si++;
      if (si < src.length) trailing = si;
      dlen = j;
      break;
    }
    const val = (q[0] << 18) | (q[1] << 12) | (q[2] << 6) | q[3];
    const bytes = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff];
    for (let k = 0; k < dlen - 1; k++) out.push(bytes[k]);
    if (trailing !== undefined) return done(trailing);
  }
  return done();
}
