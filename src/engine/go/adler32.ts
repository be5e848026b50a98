/** Go's `hash/adler32`. */

/** Go `adler32.Checksum`. */
export function adler32(b: Uint8Array): number {
  let a = 1;
  let c = 0;
  for (let i = 0; i < b.length; i++) {
    a = (a + b[i]) % 65521;
    c = (c + a) % 65521;
  }
  return ((c << 16) | a) >>> 0;
}
