/**
 * gzip (RFC 1952) whose bytes depend on nothing but the input: a fixed header (no file name, no
 * time, OS 255 "unknown" as Go writes it) and the data in stored (uncompressed) DEFLATE blocks
 * (RFC 1951 section 3.2.4). Compressed output would depend on the zlib build Node.js bundles,
 * which changes between Node.js versions, and with it the layer digest; stored blocks keep the
 * digest of a package the same on every machine. Package layers are small YAML streams, and
 * every gzip reader (Crossplane's included) reads stored blocks.
 */

const MAX_BLOCK = 0xffff;

let table: Uint32Array | undefined;

function crc32(data: Buffer): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of data) crc = table[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** `data` as a gzip member with stored DEFLATE blocks. */
export function gzipStored(data: Buffer): Buffer {
  const parts: Buffer[] = [Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff])];
  let at = 0;
  do {
    const len = Math.min(MAX_BLOCK, data.length - at);
    const last = at + len >= data.length;
    const head = Buffer.alloc(5);
    head[0] = last ? 1 : 0; // BFINAL, BTYPE 00 (stored)
    head.writeUInt16LE(len, 1);
    head.writeUInt16LE(~len & 0xffff, 3);
    parts.push(head, data.subarray(at, at + len));
    at += len;
  } while (at < data.length);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(data), 0);
  trailer.writeUInt32LE(data.length % 2 ** 32, 4);
  parts.push(trailer);
  return Buffer.concat(parts);
}
