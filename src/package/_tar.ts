/**
 * Tar archives byte for byte as Go's `archive/tar` Writer writes a header with only name, mode
 * and size set (what crossplane-runtime's `xpkg.Layer` and go-containerregistry's
 * `tarball.Write` do): USTAR format, zero uid/gid, empty user and group names, modification
 * time 0 (Go writes the Unix epoch for a zero time), type '0', each header and body padded to
 * 512 bytes, and two zero blocks at the end with no further record padding.
 *
 * Upstream: golang/go src/archive/tar/writer.go (`templateV7Plus`, `writeUSTARHeader`, `Close`)
 * and format.go (`setFormat`, checksum), read at commit 0081f17f.
 */
import { UserError } from '../errors';

const BLOCK = 512;

/** One regular file of an archive. */
export interface TarEntry {
  /** Path inside the archive; at most 100 bytes of ASCII (every name this package writes is). */
  readonly name: string;
  readonly data: Buffer;
}

// Go's formatOctal: leading zeros, room left for a terminating NUL.
function octal(block: Buffer, offset: number, width: number, value: number): void {
  const digits = value.toString(8).padStart(width - 1, '0');
  block.write(digits, offset, 'ascii');
  block[offset + width - 1] = 0;
}

function header(name: string, size: number, mode: number): Buffer {
  if (!/^[\x20-\x7e]{1,100}$/.test(name)) throw new UserError(`tar entry name must be 1 to 100 ASCII characters, got '${name}'`);
  const b = Buffer.alloc(BLOCK);
  b.write(name, 0, 'ascii');
  octal(b, 100, 8, mode);
  octal(b, 108, 8, 0); // uid
  octal(b, 116, 8, 0); // gid
  octal(b, 124, 12, size);
  octal(b, 136, 12, 0); // mtime: the epoch
  b[156] = 0x30; // '0', regular file
  b.write('ustar\0', 257, 'ascii');
  b.write('00', 263, 'ascii');
  octal(b, 329, 8, 0); // devmajor
  octal(b, 337, 8, 0); // devminor
  // The checksum is computed with its own field read as spaces, then written as six octal
  // digits, a NUL and a space.
  b.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of b) sum += byte;
  octal(b, 148, 7, sum);
  b[155] = 0x20;
  return b;
}

/** The archive of `entries`, in the order given, every file with mode 0644. */
export function tarArchive(entries: readonly TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    parts.push(header(e.name, e.data.length, 0o644), e.data);
    const pad = (BLOCK - (e.data.length % BLOCK)) % BLOCK;
    if (pad > 0) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(2 * BLOCK));
  return Buffer.concat(parts);
}

/** The regular files of an archive this module wrote (or any USTAR archive of regular files). */
export function readTar(archive: Buffer): TarEntry[] {
  const out: TarEntry[] = [];
  let at = 0;
  while (at + BLOCK <= archive.length) {
    const h = archive.subarray(at, at + BLOCK);
    if (h.every((x) => x === 0)) break;
    const name = h.subarray(0, 100).toString('ascii').replace(/\0.*$/s, '');
    const size = parseInt(h.subarray(124, 136).toString('ascii').replace(/\0.*$/s, '').trim() || '0', 8);
    at += BLOCK;
    out.push({ name, data: archive.subarray(at, at + size) });
    at += Math.ceil(size / BLOCK) * BLOCK;
  }
  return out;
}
