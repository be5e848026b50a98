/**
 * Sprig's string helpers that need more than a line (strings.go and the goutils / xstrings
 * functions it calls): abbreviation, initials, case conversions, wrapping, substrings with Go's
 * byte indexing and its slice-bounds panics, title case.
 */
import { GoError } from '../template';

const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');

/** s[from:to] on UTF-8 bytes, with Go's panic text when out of range. */
export function byteSlice(s: string, from: number | undefined, to: number | undefined): string {
  const b = utf8(s);
  const lo = from ?? 0;
  const hi = to ?? b.length;
  if (hi > b.length || hi < 0) {
    throw new GoError(`runtime error: slice bounds out of range [:${hi}] with length ${b.length}`);
  }
  if (lo > hi || lo < 0) throw new GoError(`runtime error: slice bounds out of range [${lo}:${hi}]`);
  return b.subarray(lo, hi).toString('utf8');
}

export function byteLen(s: string): number {
  return utf8(s).length;
}

/** goutils.AbbreviateFull. */
export function abbreviateFull(str: string, offset: number, maxWidth: number): string {
  if (str === '') return '';
  if (maxWidth < 4) return '';
  const n = byteLen(str);
  if (n <= maxWidth) return str;
  if (offset > n) offset = n;
  if (n - offset < maxWidth - 3) offset = n - (maxWidth - 3);
  const marker = '...';
  if (offset <= 4) return byteSlice(str, 0, maxWidth - 3) + marker;
  if (maxWidth < 7) return '';
  if (offset + maxWidth - 3 < n) return marker + abbreviateFull(byteSlice(str, offset, n), 0, maxWidth - 3);
  return marker + byteSlice(str, n - (maxWidth - 3), n);
}

const isWhite = (ch: string): boolean => /\s/u.test(ch);

/** goutils.Initials: the first rune of each whitespace-separated word. */
export function initials(s: string): string {
  let out = '';
  let prevSpace = true;
  for (const ch of s) {
    if (isWhite(ch)) prevSpace = true;
    else {
      if (prevSpace) out += ch;
      prevSpace = false;
    }
  }
  return out;
}

/** strings.Title: upper-case the first letter of each word (Go's isSeparator rules). */
export function title(s: string): string {
  let prev = ' ';
  let out = '';
  for (const ch of s) {
    out += isSeparator(prev) ? ch.toUpperCase() : ch;
    prev = ch;
  }
  return out;
}

function isSeparator(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  if (c <= 0x7f) {
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f) return false;
    return true;
  }
  if (/[\p{L}\p{Nd}]/u.test(ch)) return false;
  return /\s/u.test(ch);
}

export function untitle(s: string): string {
  const first = Array.from(s)[0];
  return first === undefined ? s : first.toLowerCase() + s.slice(first.length);
}

export function swapCase(s: string): string {
  let out = '';
  for (const ch of s) {
    const up = ch.toUpperCase();
    const low = ch.toLowerCase();
    if (ch === up && ch !== low) out += low;
    else if (ch === low && ch !== up) out += up;
    else out += ch;
  }
  return out;
}

/** Splits a name into words the way xstrings does for snake/kebab/camel case. */
function words(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  const chars = Array.from(s);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === '_' || ch === '-' || ch === ' ' || ch === '.') {
      if (cur) out.push(cur);
      cur = '';
      continue;
    }
    const isUpper = ch !== ch.toLowerCase();
    const prev = chars[i - 1];
    const next = chars[i + 1];
    const prevLower = prev !== undefined && prev === prev.toLowerCase() && prev !== prev.toUpperCase();
    const prevDigit = prev !== undefined && /\d/.test(prev);
    const prevUpper = prev !== undefined && prev !== prev.toLowerCase();
    const nextLower = next !== undefined && next === next.toLowerCase() && next !== next.toUpperCase();
    if (cur && isUpper && (prevLower || prevDigit || (prevUpper && nextLower))) {
      out.push(cur);
      cur = '';
    }
    cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

function delimited(s: string, sep: string): string {
  return words(s).map((w) => w.toLowerCase()).join(sep);
}

export function snakeCase(s: string): string {
  return delimited(s, '_');
}

export function kebabCase(s: string): string {
  return delimited(s, '-');
}

/** xstrings.ToPascalCase: underscores/spaces/dashes removed, each word capitalised; leading and doubled underscores kept once. */
export function pascalCase(s: string): string {
  let out = '';
  let upperNext = true;
  const chars = Array.from(s);
  let i = 0;
  // Leading separators are kept.
  while (i < chars.length && chars[i] === '_') {
    out += '_';
    i++;
  }
  for (; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === '_' || ch === '-' || ch === ' ') {
      if (chars[i + 1] === ch && ch === '_') {
        out += '_';
        i++;
      }
      upperNext = true;
      if (i === chars.length - 1 && ch === '_') out += '_';
      continue;
    }
    if (upperNext) {
      out += ch.toUpperCase();
      upperNext = false;
    } else {
      out += ch.toLowerCase();
    }
  }
  return out;
}

/** goutils.WrapCustom(str, wrapLength, newLineStr, wrapLongWords). */
export function wrapCustom(str: string, wrapLength: number, newLine: string, wrapLong: boolean): string {
  if (str === '') return '';
  if (newLine === '') newLine = '\n';
  if (wrapLength < 1) wrapLength = 1;
  const input = str;
  const len = input.length;
  let offset = 0;
  let out = '';
  while (len - offset > wrapLength) {
    if (input[offset] === ' ') {
      offset++;
      continue;
    }
    const window = input.slice(offset, offset + wrapLength + 1);
    const spaceToWrapAt = window.lastIndexOf(' ');
    if (spaceToWrapAt > 0) {
      out += input.slice(offset, offset + spaceToWrapAt) + newLine;
      offset += spaceToWrapAt + 1;
    } else if (wrapLong) {
      out += input.slice(offset, offset + wrapLength) + newLine;
      offset += wrapLength;
    } else {
      const rest = input.slice(offset + wrapLength);
      const next = rest.indexOf(' ');
      if (next >= 0) {
        out += input.slice(offset, offset + wrapLength + next) + newLine;
        offset += wrapLength + next + 1;
      } else {
        out += input.slice(offset);
        offset = len;
      }
    }
  }
  return out + input.slice(offset);
}

/** strings.Trim(s, cutset), TrimLeft/TrimRight by a set of runes. */
export function trimSet(s: string, cutset: string): string {
  const set = new Set(Array.from(cutset));
  const chars = Array.from(s);
  let a = 0;
  let b = chars.length;
  while (a < b && set.has(chars[a])) a++;
  while (b > a && set.has(chars[b - 1])) b--;
  return chars.slice(a, b).join('');
}

/** strings.TrimSpace (Unicode white space). */
export function trimSpace(s: string): string {
  return s.replace(/^[\s\u0085]+|[\s\u0085]+$/gu, '');
}

/** goutils.DeleteWhiteSpace. */
export function deleteWhiteSpace(s: string): string {
  return s.replace(/[\s\u0085]/gu, '');
}

/** strings.SplitN semantics (n < 0: all; n == 0: nil). */
export function splitN(s: string, sep: string, n: number): string[] {
  if (n === 0) return [];
  if (sep === '') {
    const chars = Array.from(s);
    if (n < 0 || n >= chars.length) return chars;
    return [...chars.slice(0, n - 1), chars.slice(n - 1).join('')];
  }
  const parts = s.split(sep);
  if (n < 0 || parts.length <= n) return parts;
  return [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}

export function mustNot(message: string): never {
  throw new GoError(message);
}
