/**
 * YAML text exactly as `crossplane render` prints objects: Kubernetes' YAML serializer, i.e.
 * `json.Marshal` and then sigs.k8s.io/yaml's JSON-to-YAML conversion with go-yaml v2
 * (reference §4.4). The rules that matter for byte equality:
 *
 * - map keys sorted with go-yaml's natural order (digit runs compare as numbers, non-letters
 *   before letters); block style; sequences inside maps are not indented;
 * - numbers: whatever JSON text Go writes, re-read as YAML: integers stay integers, anything
 *   else is a float printed with Go's shortest `%g` (`1e+06`, `0.5`, `1.2345675e+06`);
 * - strings that would read back as another type (`"true"`, `"123"`, `""`, timestamps) are
 *   double-quoted; strings that plain style cannot carry are single-quoted; strings with a
 *   line break use literal style (`|-`); long plain and quoted scalars wrap at column 80.
 */
import { formatFloat } from './strconv';
import type { ObjectValue, Value } from './values';
import { goJsonFloat, isObject, plainFields } from './values';

const BEST_WIDTH = 80;

function isLetter(c: string): boolean {
  const x = c.charCodeAt(0);
  if (x < 0x80) return (x >= 0x41 && x <= 0x5a) || (x >= 0x61 && x <= 0x7a);
  return /\p{L}/u.test(c);
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** go-yaml v2's ordering of map keys (its `keyList.Less`). */
export function yamlKeyLess(a: string, b: string): boolean {
  // Fast path for the usual keys: the first difference decides unless digits or a
  // letter/non-letter pair are involved.
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length < b.length;
  const ca = a.charCodeAt(i);
  const cb = b.charCodeAt(i);
  if (ca < 0x80 && cb < 0x80) {
    const la = (ca >= 0x41 && ca <= 0x5a) || (ca >= 0x61 && ca <= 0x7a);
    const lb = (cb >= 0x41 && cb <= 0x5a) || (cb >= 0x61 && cb <= 0x7a);
    if (la && lb) return ca < cb;
    if (la || lb) return lb;
    const da = ca >= 0x30 && ca <= 0x39;
    const db = cb >= 0x30 && cb <= 0x39;
    if (!da && !db) return ca < cb;
  }
  return slowKeyLess(a, b);
}

function slowKeyLess(a: string, b: string): boolean {
  const ar = Array.from(a);
  const br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10n + BigInt(ar[ai].charCodeAt(0) - 48);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10n + BigInt(br[bi].charCodeAt(0) - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

/**
 * Key lists by nesting depth, kept from one call to the next: listing and sorting a mapping's
 * keys allocates nothing once the lists have grown (one array per mapping was the largest
 * allocation of a render with its YAML stream).
 */
const keyLists: string[][] = [];

/**
 * {@link yamlKeyLess}, deciding at once the usual case of keys that start with two different
 * lower-case letters.
 */
function keyBefore(a: string, b: string): boolean {
  const ca = a.charCodeAt(0);
  const cb = b.charCodeAt(0);
  if (ca !== cb && ca >= 0x61 && ca <= 0x7a && cb >= 0x61 && cb <= 0x7a) return ca < cb;
  return yamlKeyLess(a, b);
}

/**
 * Lists the keys of `o` in go-yaml's order into the list for `depth` (valid until the next call
 * at that depth) and returns how many there are. A binary insertion sort: keys already in order
 * (often the case) cost one comparison each, and a key out of order finds its place in log n
 * comparisons, for mappings of any size (keys are distinct, so stability does not matter).
 */
function sortKeys(o: ObjectValue, depth: number): number {
  let keys = keyLists[depth];
  if (keys === undefined) keys = keyLists[depth] = [];
  let n = 0;
  for (const k in plainFields(o)) keys[n++] = k;
  for (let i = 1; i < n; i++) {
    const k = keys[i];
    if (!keyBefore(k, keys[i - 1])) continue;
    let lo = 0;
    let hi = i - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keyBefore(k, keys[mid])) hi = mid;
      else lo = mid + 1;
    }
    for (let j = i; j > lo; j--) keys[j] = keys[j - 1];
    keys[lo] = k;
  }
  return n;
}

// ---- resolution: would a plain scalar read back as something other than a string? ----

const RESOLVE_MAP = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF',
  'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '<<',
]);
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const TIMESTAMP = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?$/,
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
];

function isTimestamp(s: string): boolean {
  for (const re of TIMESTAMP) {
    const m = re.exec(s);
    if (!m) continue;
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month < 1 || month > 12 || day < 1 || day > 31) return false;
    if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59)) return false;
    return true;
  }
  return false;
}

function parsesAsGoInt(s: string): boolean {
  // strconv.ParseInt / ParseUint with base 0 (prefixes 0x, 0o, 0b, leading-0 octal).
  const body = s.replace(/^[-+]/, '');
  if (/^0[xX][0-9a-fA-F]+$/.test(body) || /^0[oO][0-7]+$/.test(body) || /^0[bB][01]+$/.test(body)) return fitsInt(s);
  if (/^0[0-7]*$/.test(body) || /^[1-9][0-9]*$/.test(body)) return fitsInt(s);
  return false;
}

function fitsInt(s: string): boolean {
  try {
    const neg = s.startsWith('-');
    const body = s.replace(/^[-+]/, '');
    let v: bigint;
    if (/^0[oO]/.test(body)) v = BigInt('0o' + body.slice(2));
    else if (/^0[0-7]+$/.test(body)) v = BigInt('0o' + body.slice(1));
    else v = BigInt(body);
    if (neg) v = -v;
    if (s.startsWith('+') && v > 2n ** 63n - 1n) return false;
    return v >= -(2n ** 63n) && v <= 2n ** 64n - 1n && !(neg && v < -(2n ** 63n));
  } catch {
    return false;
  }
}

/** Whether go-yaml would read the plain text `s` as something other than a string. */
function resolvesToNonString(s: string): boolean {
  if (RESOLVE_MAP.has(s)) return true;
  const c = s[0];
  if (c === '.') return YAML_FLOAT.test(s) || /^\.\d/.test(s) && !Number.isNaN(Number(s));
  if (c === '+' || c === '-' || isDigit(c)) {
    if (isTimestamp(s)) return true;
    const plain = s.replace(/_/g, '');
    if (parsesAsGoInt(plain)) return true;
    if (YAML_FLOAT.test(plain)) return true;
    if (/^-?0b[01]+$/.test(plain)) return true;
  }
  return false;
}

// ---- scalar analysis (libyaml's yaml_emitter_analyze_scalar) ----

interface Analysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

const isBreak = (c: string) => c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isBlankz = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || isBreak(c) || c === '\0';

function isPrintable(c: string): boolean {
  const x = c.codePointAt(0)!;
  return x === 0x0a || (x >= 0x20 && x <= 0x7e) || x === 0x85 || (x >= 0xa0 && x <= 0xd7ff)
    || (x >= 0xe000 && x <= 0xfffd && x !== 0xfeff) || x >= 0x10000;
}

/**
 * The characters (code points) of a scalar: the string itself when it is ASCII (indexing it
 * gives the same characters, without an array per scalar), else `Array.from` of it.
 */
type Chars = string | readonly string[];

function analyze(s: string, chars: Chars): Analysis {
  let blockIndicators = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  if (s.startsWith('---') || s.startsWith('...')) {
    if (isBlankz(chars[3])) blockIndicators = true;
  }
  let precededByWhitespace = true;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const followedByWhitespace = isBlankz(chars[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true;
      if ((c === '?' || c === ':') && followedByWhitespace) blockIndicators = true;
      if (c === '-' && followedByWhitespace) blockIndicators = true;
    } else {
      if (c === ':' && followedByWhitespace) blockIndicators = true;
      if (c === '#' && precededByWhitespace) blockIndicators = true;
    }
    if (!isPrintable(c)) special = true;
    if (isBreak(c)) lineBreaks = true;
    if (c === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousBreak = true;
      previousSpace = false;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankz(c);
  }
  const a: Analysis = { multiline: lineBreaks, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.blockPlainAllowed = false;
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) {
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
  }
  if (spaceBreak || special) {
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
    a.blockAllowed = false;
  }
  if (lineBreaks) a.blockPlainAllowed = false;
  if (blockIndicators) a.blockPlainAllowed = false;
  return a;
}

// ---- writers ----

/**
 * The text of a document being written, with the column of its next character. ASCII text
 * (nearly all of it: keys, names, numbers) is copied into a byte buffer, and read out as one
 * string at the end; any other text is kept as the string it is, so the result is exactly the
 * concatenation of what was written. Appending the pieces to a string instead made a chain of
 * thousands of small strings per render that V8 then had to allocate, walk and copy.
 */
class Writer {
  /** Text before the buffer's, in order. */
  private parts: string[] = [];
  private buf: Buffer;
  private pos = 0;
  /**
   * The buffer's length, kept in a field: every append checks it, and reading a typed array's
   * length each time was a measurable part of writing a render's stream.
   */
  private capacity: number;
  public column = 0;

  public constructor(buf: Buffer) {
    this.buf = buf;
    this.capacity = buf.length;
  }

  /** The buffer, for the next writer (a grown one replaces the one given). */
  public get buffer(): Buffer {
    return this.buf;
  }

  private room(n: number): void {
    if (this.pos + n <= this.capacity) return;
    const grown = Buffer.allocUnsafe(Math.max(this.capacity * 2, this.pos + n));
    this.buf.copy(grown, 0, 0, this.pos);
    this.buf = grown;
    this.capacity = grown.length;
  }

  /** Moves the buffer's text into `parts`. */
  private flush(): void {
    if (this.pos === 0) return;
    this.parts.push(this.buf.toString('latin1', 0, this.pos));
    this.pos = 0;
  }

  /** Appends ASCII text without changing the column. */
  public raw(s: string): void {
    const n = s.length;
    this.room(n);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** Appends text without line breaks. */
  public write(s: string): void {
    if (NON_ASCII.test(s)) {
      this.flush();
      this.parts.push(s);
      // Columns count characters (code points), as the emitter does.
      this.column += Array.from(s).length;
      return;
    }
    this.raw(s);
    this.column += s.length;
  }

  /** Appends ASCII text without line breaks. */
  public ascii(s: string): void {
    this.raw(s);
    this.column += s.length;
  }

  /** Appends one character (code point). */
  public char(c: string): void {
    if (c.length === 1 && c.charCodeAt(0) < 0x80) {
      this.room(1);
      this.buf[this.pos++] = c.charCodeAt(0);
    } else {
      this.flush();
      this.parts.push(c);
    }
    this.column += 1;
  }

  public newline(indent: number): void {
    this.room(indent + 1);
    const b = this.buf;
    let p = this.pos;
    b[p++] = 0x0a;
    for (let i = 0; i < indent; i++) b[p++] = 0x20;
    this.pos = p;
    this.column = indent;
  }

  /**
   * A mapping key that is a simple name (see {@link copyName}) with its colon, on a new line
   * indented by `indent` (or, with -1, where the writer is: the first key of a mapping). The
   * line break, the key and the colon are checked for room and written in one call, as every
   * key of a render needs them. False, with nothing written, when the key is not a simple name.
   */
  public keyLine(indent: number, s: string): boolean {
    this.room(indent + s.length + 2);
    const b = this.buf;
    let p = this.pos;
    if (indent >= 0) {
      b[p++] = 0x0a;
      for (let i = 0; i < indent; i++) b[p++] = 0x20;
    }
    p = this.copyName(s, p);
    if (p < 0) return false;
    b[p++] = 0x3a;
    this.column = (indent >= 0 ? indent : this.column) + s.length + 1;
    this.pos = p;
    return true;
  }

  /**
   * A scalar after a `key:` or a `-` that is a simple name (see {@link copyName}), with the
   * space before it. False, with nothing written, otherwise.
   */
  public simpleValue(s: string): boolean {
    this.room(s.length + 1);
    this.buf[this.pos] = 0x20;
    const p = this.copyName(s, this.pos + 1);
    if (p < 0) return false;
    this.column += p - this.pos;
    this.pos = p;
    return true;
  }

  /**
   * Copies `s` into the buffer at `p` (room checked by the caller) when it is certainly plain and
   * cannot wrap: `[A-Za-z_/][A-Za-z0-9_./-]*` (no spaces, no indicators, no line breaks) and not
   * read back as a boolean or null. Returns the position after it, or -1 (the caller then keeps
   * its position: nothing counts as written). Most keys and values of a render are such names:
   * checked and copied in one pass, which is cheaper than remembering them (and the many distinct
   * names of a large render would only churn the scalar cache).
   */
  private copyName(s: string, p: number): number {
    const n = s.length;
    if (n === 0) return -1;
    const b = this.buf;
    let c = s.charCodeAt(0);
    // A-Z, a-z, '_', '/'
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x2f)) return -1;
    b[p++] = c;
    for (let i = 1; i < n; i++) {
      c = s.charCodeAt(i);
      // a-z, A-Z, '-' '.' '/' '0'-'9' (0x2d-0x39), '_'
      if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x2d && c <= 0x39) || c === 0x5f)) return -1;
      b[p++] = c;
    }
    // The words of RESOLVE_MAP that pass the loop (y, on, true, FALSE, ...) have 5 letters at most.
    if (n <= 5 && RESOLVE_MAP.has(s)) return -1;
    return p;
  }

  /** Removes the last character written, an ASCII one. */
  public dropLast(): void {
    this.pos--;
  }

  /** Starts capturing what is written next, for {@link endCapture}. */
  public startCapture(): number {
    this.flush();
    return this.parts.length;
  }

  /** The text written since {@link startCapture} returned `mark` (it stays written). */
  public endCapture(mark: number): string {
    this.flush();
    const text = this.parts.length === mark + 1 ? this.parts[mark] : this.parts.splice(mark).join('');
    if (this.parts.length === mark) this.parts.push(text);
    return text;
  }

  /** Everything written. */
  public text(): string {
    this.flush();
    return this.parts.length === 1 ? this.parts[0] : this.parts.join('');
  }
}

function writePlain(w: Writer, chars: Chars, indent: number, allowBreaks: boolean): void {
  let spaces = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === ' ') {
      if (allowBreaks && !spaces && w.column > BEST_WIDTH && chars[i + 1] !== ' ') w.newline(indent);
      else w.char(c);
      spaces = true;
    } else {
      w.char(c);
      spaces = false;
    }
  }
}

function writeSingle(w: Writer, chars: Chars, indent: number, allowBreaks: boolean): void {
  w.write("'");
  let spaces = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === ' ') {
      if (allowBreaks && !spaces && w.column > BEST_WIDTH && i !== 0 && i !== chars.length - 1 && chars[i + 1] !== ' ') w.newline(indent);
      else w.char(c);
      spaces = true;
    } else {
      w.write(c === "'" ? "''" : c);
      spaces = false;
    }
  }
  w.write("'");
}

const ESCAPES: Record<string, string> = {
  '\0': '0', '\x07': 'a', '\b': 'b', '\t': 't', '\n': 'n', '\x0b': 'v', '\f': 'f', '\r': 'r', '\x1b': 'e',
  '"': '"', '\\': '\\', '\u0085': 'N', '\u00a0': '_', '\u2028': 'L', '\u2029': 'P',
};

function writeDouble(w: Writer, chars: Chars, indent: number, allowBreaks: boolean): void {
  w.write('"');
  let spaces = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const x = c.codePointAt(0)!;
    if (!isPrintable(c) || x === 0xfeff || isBreak(c) || c === '"' || c === '\\') {
      const e = ESCAPES[c];
      if (e !== undefined) w.write('\\' + e);
      else if (x <= 0xff) w.write('\\x' + x.toString(16).toUpperCase().padStart(2, '0'));
      else if (x <= 0xffff) w.write('\\u' + x.toString(16).toUpperCase().padStart(4, '0'));
      else w.write('\\U' + x.toString(16).toUpperCase().padStart(8, '0'));
      spaces = false;
    } else if (c === ' ') {
      if (allowBreaks && !spaces && w.column > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
        w.newline(indent);
        if (chars[i + 1] === ' ') w.write('\\');
      } else {
        w.char(c);
      }
      spaces = true;
    } else {
      w.char(c);
      spaces = false;
    }
  }
  w.write('"');
}

function writeLiteral(w: Writer, chars: Chars, indent: number): void {
  let hints = '';
  if (chars[0] === ' ' || isBreak(chars[0])) hints += '2';
  const last = chars[chars.length - 1];
  if (!isBreak(last)) hints += '-';
  else if (chars.length === 1 || isBreak(chars[chars.length - 2])) hints += '+';
  w.write('|' + hints);
  w.raw('\n');
  w.column = 0;
  let breaks = true;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (isBreak(c)) {
      // Every line break is written as \n, as the emitter writes them.
      w.raw('\n');
      w.column = 0;
      breaks = true;
    } else {
      if (breaks) {
        w.raw(' '.repeat(indent));
        w.column = indent;
      }
      w.char(c);
      breaks = false;
    }
  }
  // A value ending in a line break leaves the writer at column 0; the caller's next newline
  // must not add another empty line.
  if (breaks) w.dropLast();
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Scalars without spaces or line breaks render the same at every column and indent (wrapping
 * happens only at spaces, literal style only for line breaks), and the same keys and values
 * come back in every render: their text is remembered, per key or value position (bounded).
 */
/** A remembered scalar: its text, how many columns it takes, and whether it is all ASCII. */
interface FixedScalar {
  readonly text: string;
  readonly width: number;
  readonly ascii: boolean;
}
const fixedKeys = new Map<string, FixedScalar>();
const fixedValues = new Map<string, FixedScalar>();
const MAX_FIXED_SCALARS = 50_000;
// Only short scalars repeat from render to render (names, kinds, labels); remembering long ones
// (a list printed with toJson) kept up to 50,000 of them, gigabytes over a long session.
const MAX_FIXED_LENGTH = 256;
const POSITION_DEPENDENT = /[ \n\r\u0085\u2028\u2029]/;

/** Emits a string scalar; `key` scalars never wrap and never use literal style. */
function writeString(w: Writer, s: string, indent: number, key: boolean): void {
  // Keys and values in mappings and sequences reach here only when they are not simple
  // (Writer.keyLine, Writer.simpleValue).
  const cache = key ? fixedKeys : fixedValues;
  const hit = cache.get(s);
  if (hit) {
    const column = w.column;
    if (hit.ascii) w.raw(hit.text);
    else w.write(hit.text);
    w.column = column + hit.width;
    return;
  }
  if (s.length > MAX_FIXED_LENGTH || POSITION_DEPENDENT.test(s)) {
    writeStringUncached(w, s, indent, key);
    return;
  }
  // The scalar's text is captured, to be remembered as one string.
  const mark = w.startCapture();
  const column = w.column;
  writeStringUncached(w, s, indent, key);
  const text = w.endCapture(mark);
  if (cache.size >= MAX_FIXED_SCALARS) cache.clear();
  cache.set(s, { text, width: w.column - column, ascii: !NON_ASCII.test(text) });
}

function writeStringUncached(w: Writer, s: string, indent: number, key: boolean): void {
  const chars: Chars = NON_ASCII.test(s) ? Array.from(s) : s;
  let style: 'plain' | 'single' | 'double' | 'literal';
  if (resolvesToNonString(s) || BASE60_FLOAT.test(s)) style = 'double';
  else if (s.includes('\n')) style = 'literal';
  else style = 'plain';
  const a = analyze(s, chars);
  if (style === 'plain' && (!a.blockPlainAllowed || (chars.length === 0 && key))) style = 'single';
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!a.blockAllowed || key)) style = 'double';
  const allowBreaks = !key;
  if (style === 'plain') writePlain(w, chars, indent, allowBreaks);
  else if (style === 'single') writeSingle(w, chars, indent, allowBreaks);
  else if (style === 'double') writeDouble(w, chars, indent, allowBreaks);
  else writeLiteral(w, chars, indent);
}

function numberText(v: number | bigint): string {
  if (typeof v === 'bigint') return v.toString();
  // Safe integers print as their decimal digits either way (-0 is JSON `-0`, YAML int 0).
  if (Number.isSafeInteger(v) && !Object.is(v, -0)) return String(v);
  const json = goJsonFloat(v);
  // Re-read as YAML: integral JSON text is an int, anything else a float printed with %g.
  if (/^-?\d+$/.test(json) && fitsInt(json)) return BigInt(json).toString();
  return formatFloat(v, 'g', -1);
}

function writeScalar(w: Writer, v: Value, indent: number): void {
  if (v === null) w.ascii('null');
  else if (typeof v === 'boolean') w.ascii(v ? 'true' : 'false');
  else if (typeof v === 'number' || typeof v === 'bigint') w.ascii(numberText(v));
  else if (typeof v === 'string') writeString(w, v, indent, false);
}

function isEmptyCollection(v: Value): boolean {
  return (Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0);
}

/** Writes the `n` keys of `o` listed for `depth` (see {@link sortKeys}) and their values. */
function writeMapping(w: Writer, o: ObjectValue, n: number, indent: number, depth: number): void {
  const keys = keyLists[depth];
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    if (!w.keyLine(i > 0 ? indent : -1, k)) {
      if (i > 0) w.newline(indent);
      writeString(w, k, indent + 2, true);
      w.ascii(':');
    }
    writeValue(w, o[k], indent, true, depth + 1);
  }
}

function writeSequence(w: Writer, a: Value[], indent: number, depth: number): void {
  for (let i = 0; i < a.length; i++) {
    if (i > 0) w.newline(indent);
    w.ascii('-');
    writeValue(w, a[i], indent, false, depth);
  }
}

/** Writes a value after a `key:` (inMapping) or a `-` (in a sequence); `depth` counts the mappings around it. */
function writeValue(w: Writer, v: Value, indent: number, inMapping: boolean, depth: number): void {
  if (typeof v === 'object' && v !== null) {
    if (!Array.isArray(v)) {
      const n = sortKeys(v, depth);
      if (n === 0) {
        w.ascii(' {}');
      } else if (inMapping) {
        w.newline(indent + 2);
        writeMapping(w, v, n, indent + 2, depth);
      } else {
        w.ascii(' ');
        writeMapping(w, v, n, indent + 2, depth);
      }
    } else if (v.length === 0) {
      w.ascii(' []');
    } else if (inMapping) {
      // go-yaml does not indent a sequence that is a mapping value.
      w.newline(indent);
      writeSequence(w, v, indent, depth);
    } else {
      w.ascii(' ');
      writeSequence(w, v, indent + 2, depth);
    }
    return;
  }
  if (typeof v === 'string' && w.simpleValue(v)) return;
  w.ascii(' ');
  writeScalar(w, v, indent + 2);
}

function writeDocument(w: Writer, v: Value): void {
  if (isObject(v) && !isEmptyCollection(v)) writeMapping(w, v, sortKeys(v, 0), 0, 0);
  else if (Array.isArray(v) && v.length > 0) writeSequence(w, v, 0, 0);
  else if (Array.isArray(v)) w.ascii('[]');
  else if (isObject(v)) w.ascii('{}');
  else writeScalar(w, v, 0);
  w.raw('\n');
  w.column = 0;
}

/**
 * The buffer writers start with, kept from one call to the next (one render writes one stream,
 * and renders run one at a time); one grown past BUFFER_KEPT is not kept.
 */
let spare: Buffer | undefined;
const BUFFER_KEPT = 1 << 20;

function writeWith(write: (w: Writer) => void): string {
  const w = new Writer(spare ?? Buffer.allocUnsafe(16384));
  spare = undefined;
  write(w);
  const text = w.text();
  if (w.buffer.length <= BUFFER_KEPT) spare = w.buffer;
  return text;
}

/** One object as YAML text, as the Kubernetes YAML serializer prints it (ends with a newline). */
export function toGoYaml(v: Value): string {
  return writeWith((w) => writeDocument(w, v));
}

/**
 * A YAML stream of documents, each preceded by `---` (what `crossplane render` prints); the same
 * text as joining {@link toGoYaml} of each, built in one string.
 */
export function toGoYamlStream(docs: readonly Value[]): string {
  return writeWith((w) => {
    for (const d of docs) {
      w.ascii('---\n');
      w.column = 0;
      writeDocument(w, d);
    }
  });
}
