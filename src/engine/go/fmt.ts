/**
 * Go `fmt.Sprintf` for the argument types a P&T transform sees (float64, int64, string, bool,
 * nil, `[]interface{}`, `map[string]interface{}`): verbs, flags, width, precision, argument
 * indexes and Go's error texts (`%!d(float64=3)`, `%!v(MISSING)`, `%!(EXTRA string=x)`).
 * This is what makes `string` transforms print exactly what Crossplane prints (reference §3.8).
 */
import { canBackquote, formatFloat, goQuote, goQuoteRune, goQuoteToAscii, isPrint } from './strconv';
import { goTypeName, isObject, sortedKeys, Value } from './values';

export { goQuote, formatFloat } from './strconv';

interface Flags {
  wid: number;
  prec: number;
  widPresent: boolean;
  precPresent: boolean;
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  plusV: boolean;
  sharpV: boolean;
}

function clearFlags(): Flags {
  return {
    wid: 0, prec: 0, widPresent: false, precPresent: false, minus: false, plus: false,
    sharp: false, space: false, zero: false, plusV: false, sharpV: false,
  };
}

const LDIGITS = '0123456789abcdefx';
const UDIGITS = '0123456789ABCDEFX';
const TOO_LARGE = 1e6;

function runeCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

class Printer {
  public out = '';
  public f: Flags = clearFlags();
  public reordered = false;
  public goodArgNum = true;

  private writePadding(n: number): void {
    if (n <= 0) return;
    this.out += (this.f.zero && !this.f.minus ? '0' : ' ').repeat(n);
  }

  /** Writes `s` padded to the width (in runes). */
  public pad(s: string): void {
    if (!this.f.widPresent || this.f.wid === 0) {
      this.out += s;
      return;
    }
    const width = this.f.wid - runeCount(s);
    if (!this.f.minus) {
      this.writePadding(width);
      this.out += s;
    } else {
      this.out += s;
      this.writePadding(width);
    }
  }

  private truncate(s: string): string {
    if (!this.f.precPresent) return s;
    let n = this.f.prec;
    let i = 0;
    for (const ch of s) {
      if (n-- <= 0) return s.slice(0, i);
      i += ch.length;
    }
    return s;
  }

  private fmtS(s: string): void {
    this.pad(this.truncate(s));
  }

  private fmtQ(s: string): void {
    s = this.truncate(s);
    if (this.f.sharp && canBackquote(s)) this.pad('`' + s + '`');
    else this.pad(this.f.plus ? goQuoteToAscii(s) : goQuote(s));
  }

  private fmtSx(s: string, digits: string): void {
    const bytes = Buffer.from(s, 'utf8');
    let length = bytes.length;
    if (this.f.precPresent && this.f.prec < length) length = this.f.prec;
    let width = 2 * length;
    if (width > 0) {
      if (this.f.space) {
        if (this.f.sharp) width *= 2;
        width += length - 1;
      } else if (this.f.sharp) {
        width += 2;
      }
    } else {
      if (this.f.widPresent) this.writePadding(this.f.wid);
      return;
    }
    if (this.f.widPresent && this.f.wid > width && !this.f.minus) this.writePadding(this.f.wid - width);
    let buf = this.f.sharp ? '0' + digits[16] : '';
    for (let i = 0; i < length; i++) {
      if (this.f.space && i > 0) {
        buf += ' ';
        if (this.f.sharp) buf += '0' + digits[16];
      }
      const c = bytes[i];
      buf += digits[c >> 4] + digits[c & 0xf];
    }
    this.out += buf;
    if (this.f.widPresent && this.f.wid > width && this.f.minus) this.writePadding(this.f.wid - width);
  }

  private fmtInteger(v: bigint, base: number, verb: string, digits: string): void {
    const negative = v < 0n;
    let u = negative ? -v : v;
    let prec = 0;
    if (this.f.precPresent) {
      prec = this.f.prec;
      if (prec === 0 && u === 0n) {
        const oldZero = this.f.zero;
        this.f.zero = false;
        this.writePadding(this.f.wid);
        this.f.zero = oldZero;
        return;
      }
    } else if (this.f.zero && !this.f.minus && this.f.widPresent) {
      prec = this.f.wid;
      if (negative || this.f.plus || this.f.space) prec--;
    }
    let s = '';
    if (base === 10) {
      s = u.toString();
    } else {
      const b = BigInt(base);
      do {
        s = digits[Number(u % b)] + s;
        u /= b;
      } while (u > 0n);
    }
    while (prec > s.length) s = '0' + s;
    if (this.f.sharp) {
      if (base === 2) s = '0b' + s;
      else if (base === 8 && s[0] !== '0') s = '0' + s;
      else if (base === 16) s = '0' + digits[16] + s;
    }
    if (verb === 'O') s = '0o' + s;
    if (negative) s = '-' + s;
    else if (this.f.plus) s = '+' + s;
    else if (this.f.space) s = ' ' + s;
    const oldZero = this.f.zero;
    this.f.zero = false;
    this.pad(s);
    this.f.zero = oldZero;
  }

  private fmtFloatWith(v: number, verb: string, defPrec: number): void {
    const prec = this.f.precPresent ? this.f.prec : defPrec;
    let num = formatFloat(v, verb, prec);
    num = num[0] === '-' || num[0] === '+' ? num : '+' + num;
    if (this.f.space && num[0] === '+' && !this.f.plus) num = ' ' + num.slice(1);
    if (num[1] === 'I' || num[1] === 'N') {
      const oldZero = this.f.zero;
      this.f.zero = false;
      if (num[1] === 'N' && !this.f.space && !this.f.plus) num = num.slice(1);
      this.pad(num);
      this.f.zero = oldZero;
      return;
    }
    if (this.f.sharp && verb !== 'b') {
      let digits = 0;
      if (verb === 'v' || verb === 'g' || verb === 'G' || verb === 'x') {
        digits = prec;
        if (digits === -1) digits = 6;
      }
      let tail = '';
      let body = num;
      let hasPoint = false;
      let sawNonzero = false;
      for (let i = 1; i < body.length; i++) {
        const c = body[i];
        if (c === '.') {
          hasPoint = true;
        } else if (c === 'p' || c === 'P' || ((c === 'e' || c === 'E') && verb !== 'x' && verb !== 'X')) {
          tail = body.slice(i);
          body = body.slice(0, i);
          break;
        } else {
          if (c !== '0') sawNonzero = true;
          if (sawNonzero) digits--;
        }
      }
      if (!hasPoint) {
        if (body.length === 2 && body[1] === '0') digits--;
        body += '.';
      }
      while (digits > 0) {
        body += '0';
        digits--;
      }
      num = body + tail;
    }
    if (this.f.plus || num[0] !== '+') {
      if (this.f.zero && !this.f.minus && this.f.widPresent && this.f.wid > num.length) {
        this.out += num[0];
        this.writePadding(this.f.wid - num.length);
        this.out += num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  private fmtFloat(v: number, verb: string): void {
    switch (verb) {
      case 'v':
        this.fmtFloatWith(v, 'g', -1);
        break;
      case 'b': case 'g': case 'G': case 'x': case 'X':
        this.fmtFloatWith(v, verb, -1);
        break;
      case 'f': case 'e': case 'E':
        this.fmtFloatWith(v, verb, 6);
        break;
      case 'F':
        this.fmtFloatWith(v, 'f', 6);
        break;
      default:
        this.badVerb(verb, v);
    }
  }

  private fmtInt(v: bigint, verb: string): void {
    switch (verb) {
      case 'v': case 'd':
        this.fmtInteger(v, 10, verb, LDIGITS);
        break;
      case 'b':
        this.fmtInteger(v, 2, verb, LDIGITS);
        break;
      case 'o': case 'O':
        this.fmtInteger(v, 8, verb, LDIGITS);
        break;
      case 'x':
        this.fmtInteger(v, 16, verb, LDIGITS);
        break;
      case 'X':
        this.fmtInteger(v, 16, verb, UDIGITS);
        break;
      case 'c': {
        const cp = v < 0n || v > 0x10ffffn || (v >= 0xd800n && v <= 0xdfffn) ? 0xfffd : Number(v);
        this.pad(String.fromCodePoint(cp));
        break;
      }
      case 'q':
        this.pad(goQuoteRune(v < 0n || v > 0x10ffffn ? 0xfffd : Number(v), this.f.plus));
        break;
      case 'U':
        this.fmtUnicode(v);
        break;
      default:
        this.badVerb(verb, v);
    }
  }

  private fmtUnicode(v: bigint): void {
    let prec = 4;
    if (this.f.precPresent && this.f.prec > 4) prec = this.f.prec;
    let s = 'U+' + (v < 0n ? BigInt.asUintN(64, v) : v).toString(16).toUpperCase().padStart(prec, '0');
    if (this.f.sharp && v >= 0n && v <= 0x10ffffn && isPrint(Number(v))) s += ` '${String.fromCodePoint(Number(v))}'`;
    const oldZero = this.f.zero;
    this.f.zero = false;
    this.pad(s);
    this.f.zero = oldZero;
  }

  private fmtString(v: string, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.f.sharpV) this.fmtQ(v);
        else this.fmtS(v);
        break;
      case 's':
        this.fmtS(v);
        break;
      case 'x':
        this.fmtSx(v, LDIGITS);
        break;
      case 'X':
        this.fmtSx(v, UDIGITS);
        break;
      case 'q':
        this.fmtQ(v);
        break;
      default:
        this.badVerb(verb, v);
    }
  }

  /** `%!verb(type=value)`, printing the value with %v and the current flags, as Go does. */
  public badVerb(verb: string, arg: Value | undefined): void {
    this.out += '%!' + verb + '(';
    if (arg === null || arg === undefined) {
      this.out += '<nil>';
    } else {
      this.out += goTypeName(arg) + '=';
      this.printArg(arg, 'v');
    }
    this.out += ')';
  }

  public printArg(arg: Value | undefined, verb: string): void {
    if (arg === null || arg === undefined) {
      if (verb === 'T' || verb === 'v') this.pad('<nil>');
      else this.badVerb(verb, arg);
      return;
    }
    if (verb === 'T') {
      this.fmtS(goTypeName(arg));
      return;
    }
    if (verb === 'p') {
      if (typeof arg === 'object') this.fmtInteger(0xc000010000n, 16, 'v', LDIGITS);
      else this.badVerb(verb, arg);
      return;
    }
    this.printValue(arg, verb, 0);
  }

  private printValue(v: Value, verb: string, depth: number): void {
    switch (typeof v) {
      case 'boolean':
        if (verb === 't' || verb === 'v') this.pad(v ? 'true' : 'false');
        else this.badVerb(verb, v);
        return;
      case 'number':
        this.fmtFloat(v, verb);
        return;
      case 'bigint':
        this.fmtInt(v, verb);
        return;
      case 'string':
        this.fmtString(v, verb);
        return;
      default:
        break;
    }
    if (v === null) {
      // Only reached for elements inside maps and slices.
      this.out += this.f.sharpV ? 'interface {}(nil)' : '<nil>';
      return;
    }
    if (depth === 0 && verb === 'w') {
      this.badVerb(verb, v);
      return;
    }
    if (Array.isArray(v)) {
      if (this.f.sharpV) {
        this.out += '[]interface {}{';
        v.forEach((e, i) => {
          if (i > 0) this.out += ', ';
          this.printValue(e, verb, depth + 1);
        });
        this.out += '}';
        return;
      }
      this.out += '[';
      v.forEach((e, i) => {
        if (i > 0) this.out += ' ';
        this.printValue(e, verb, depth + 1);
      });
      this.out += ']';
      return;
    }
    if (isObject(v)) {
      const keys = sortedKeys(v);
      this.out += this.f.sharpV ? 'map[string]interface {}{' : 'map[';
      keys.forEach((k, i) => {
        if (i > 0) this.out += this.f.sharpV ? ', ' : ' ';
        this.printValue(k, verb, depth + 1);
        this.out += ':';
        this.printValue(v[k], verb, depth + 1);
      });
      this.out += this.f.sharpV ? '}' : ']';
    }
  }
}

function parseNum(s: string, start: number, end: number): { num: number; isNum: boolean; next: number } {
  if (start >= end) return { num: 0, isNum: false, next: end };
  let num = 0;
  let isNum = false;
  let i = start;
  for (; i < end && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57; i++) {
    if (num > TOO_LARGE || num < -TOO_LARGE) return { num: 0, isNum: false, next: end };
    num = num * 10 + (s.charCodeAt(i) - 48);
    isNum = true;
  }
  return { num, isNum, next: i };
}

function parseArgNumber(s: string, at: number): { index: number; wid: number; ok: boolean } {
  if (s.length - at < 3) return { index: 0, wid: 1, ok: false };
  for (let i = at + 1; i < s.length; i++) {
    if (s[i] === ']') {
      const r = parseNum(s, at + 1, i);
      if (!r.isNum || r.next !== i) return { index: 0, wid: i - at + 1, ok: false };
      return { index: r.num - 1, wid: i - at + 1, ok: true };
    }
  }
  return { index: 0, wid: 1, ok: false };
}

function intFromArg(args: readonly Value[], argNum: number): { num: number; isInt: boolean; next: number } {
  if (argNum >= args.length) return { num: 0, isInt: false, next: argNum };
  const a = args[argNum];
  let num = 0;
  let isInt = false;
  if (typeof a === 'bigint') {
    num = Number(a);
    isInt = true;
  }
  if (num > TOO_LARGE || num < -TOO_LARGE) {
    num = 0;
    isInt = false;
  }
  return { num, isInt, next: argNum + 1 };
}

/** One verb of a Go `fmt` format string, e.g. `%s`, `%08.3f`, `%[2]d`. */
export interface GoFormatVerb {
  /** The verb letter (`s`, `d`, `v`...). */
  readonly verb: string;
  /** Zero-based index of the argument the verb prints. */
  readonly argIndex: number;
  /** The verb as written, e.g. `%[2]d`. */
  readonly text: string;
}

/** What a Go format string does with its arguments. */
export interface GoFormatAnalysis {
  /** Verbs that print an argument, in order. `%%` is not a verb. */
  readonly verbs: readonly GoFormatVerb[];
  /** Highest argument index referenced + 1 (including `*` width/precision arguments). */
  readonly argsReferenced: number;
  /** Whether an explicit `[n]` index was used: Go then never reports extra arguments. */
  readonly reordered: boolean;
  /** Number of arguments consumed in order when not reordered. */
  readonly argsConsumed: number;
}

/**
 * Records what a format string does instead of printing: as if it had as many integer
 * arguments as it asks for.
 */
interface Probe {
  readonly verbs: GoFormatVerb[];
  maxArg: number;
}

/**
 * Walks `format` exactly as Go's `doPrintf` does: flags, `[n]` argument indexes, `*` widths and
 * precisions, verbs. Prints through `p`, or, with a probe, records each verb's argument
 * instead. Returns the argument number after the last verb. The one format-string parser of
 * the project: `sprintf` and the construct-time lints (`analyzeGoFormat`) both use it.
 */
function walkFormat(p: Printer, format: string, args: readonly Value[], probe?: Probe): number {
  return new FormatWalker(p, format, args, probe).run();
}

/** The state of one walk over a format string, in the steps of Go's `doPrintf`. */
class FormatWalker {
  private readonly end: number;
  private readonly argCount: number;
  private i = 0;
  private argNum = 0;
  /** Whether the last thing read was a `[n]` index (Go's `afterIndex`). */
  private afterIndex = false;

  public constructor(
    private readonly p: Printer,
    private readonly format: string,
    private readonly args: readonly Value[],
    private readonly probe: Probe | undefined,
  ) {
    this.end = format.length;
    this.argCount = probe ? Infinity : args.length;
  }

  /** Walks the whole format; returns the argument number after the last verb. */
  public run(): number {
    const { p, format, end } = this;
    while (this.i < end) {
      p.goodArgNum = true;
      const lasti = this.i;
      while (this.i < end && format[this.i] !== '%') this.i++;
      if (this.i > lasti) p.out += format.slice(lasti, this.i);
      if (this.i >= end) break;
      const start = this.i;
      this.i++;
      p.f = clearFlags();
      if (this.flags(start)) continue;
      this.argIndex();
      this.width();
      if (this.i + 1 < end && format[this.i] === '.') this.precision();
      if (!this.afterIndex) this.argIndex();
      if (this.i >= end) {
        p.out += '%!(NOVERB)';
        break;
      }
      this.verb(start);
    }
    return this.argNum;
  }

  /** Flags; a plain verb right after them is printed at once (true). */
  private flags(start: number): boolean {
    const { format, end } = this;
    const f = this.p.f;
    for (; this.i < end; this.i++) {
      const c = format[this.i];
      switch (c) {
        case '#': f.sharp = true; break;
        case '0': f.zero = true; break;
        case '+': f.plus = true; break;
        case '-': f.minus = true; break;
        case ' ': f.space = true; break;
        default:
          if (c >= 'a' && c <= 'z' && this.argNum < this.argCount) {
            this.print(c, start, this.i + 1);
            this.i++;
            return true;
          }
          return false;
      }
    }
    return false;
  }

  /** An optional `[n]` argument index (Go's `argNumber`). */
  private argIndex(): void {
    const { p, format } = this;
    const at = this.i;
    this.afterIndex = false;
    if (at >= this.end || format[at] !== '[') return;
    p.reordered = true;
    const r = parseArgNumber(format, at);
    this.i = at + r.wid;
    if (r.ok && r.index >= 0 && r.index < this.argCount) {
      this.argNum = r.index;
      this.afterIndex = true;
      return;
    }
    p.goodArgNum = false;
    this.afterIndex = r.ok;
  }

  /** The width: `*` (from an argument) or digits. */
  private width(): void {
    const { p } = this;
    const f = p.f;
    if (this.i < this.end && this.format[this.i] === '*') {
      this.i++;
      const w = this.starArg();
      f.wid = w.num;
      f.widPresent = w.isInt;
      if (!f.widPresent) p.out += '%!(BADWIDTH)';
      if (f.wid < 0) {
        f.wid = -f.wid;
        f.minus = true;
        f.zero = false;
      }
      this.afterIndex = false;
      return;
    }
    const n = parseNum(this.format, this.i, this.end);
    f.wid = n.num;
    f.widPresent = n.isNum;
    this.i = n.next;
    if (this.afterIndex && f.widPresent) p.goodArgNum = false;
  }

  /** The precision after `.`: an optional index, then `*` or digits (none means 0). */
  private precision(): void {
    const { p } = this;
    const f = p.f;
    this.i++;
    if (this.afterIndex) p.goodArgNum = false;
    this.argIndex();
    if (this.i < this.end && this.format[this.i] === '*') {
      this.i++;
      const w = this.starArg();
      f.prec = w.num;
      f.precPresent = w.isInt;
      if (f.prec < 0) {
        f.prec = 0;
        f.precPresent = false;
      }
      if (!f.precPresent) p.out += '%!(BADPREC)';
      this.afterIndex = false;
      return;
    }
    const n = parseNum(this.format, this.i, this.end);
    f.prec = n.num;
    f.precPresent = n.isNum;
    this.i = n.next;
    if (!f.precPresent) {
      f.prec = 0;
      f.precPresent = true;
    }
  }

  /** The verb: `%%`, a bad index, a missing argument, or the argument printed. */
  private verb(start: number): void {
    const { p } = this;
    const verb = String.fromCodePoint(this.format.codePointAt(this.i)!);
    this.i += verb.length;
    if (verb === '%') p.out += '%';
    else if (!p.goodArgNum) p.out += `%!${verb}(BADINDEX)`;
    else if (this.argNum >= this.argCount) p.out += `%!${verb}(MISSING)`;
    else this.print(verb, start, this.i);
  }

  /** A `*` width or precision: the next argument as an int (Go's `intFromArg`). */
  private starArg(): { num: number; isInt: boolean } {
    const n = this.argNum;
    if (!this.probe) {
      const r = intFromArg(this.args, n);
      this.argNum = r.next;
      return r;
    }
    this.probe.maxArg = Math.max(this.probe.maxArg, n + 1);
    this.argNum = n + 1;
    return { num: 0, isInt: true };
  }

  /** Prints the current argument with `verb` (or records it), and moves to the next. */
  private print(verb: string, start: number, stop: number): void {
    const n = this.argNum;
    this.argNum++;
    if (verb === 'v' || verb === 'w') {
      const f = this.p.f;
      f.sharpV = f.sharp;
      f.sharp = false;
      f.plusV = f.plus;
      f.plus = false;
    }
    if (!this.probe) {
      this.p.printArg(this.args[n], verb);
      return;
    }
    this.probe.verbs.push({ verb, argIndex: n, text: this.format.slice(start, stop) });
    this.probe.maxArg = Math.max(this.probe.maxArg, n + 1);
  }
}

/**
 * Go `fmt.Sprintf(format, args...)` for the verbs/flags P&T users write (%s %d %v %q %f %t %x
 * %X %e %g %o %b %c %U %%, width, precision, flags `+ - # 0 space`, `[n]` argument indexes).
 */
export function sprintf(format: string, ...args: Value[]): string {
  const p = new Printer();
  const argNum = walkFormat(p, format, args);
  if (!p.reordered && argNum < args.length) {
    p.f = clearFlags();
    p.out += '%!(EXTRA ';
    for (let k = argNum; k < args.length; k++) {
      if (k > argNum) p.out += ', ';
      const a = args[k];
      if (a === null || a === undefined) {
        p.out += '<nil>';
      } else {
        p.out += goTypeName(a) + '=';
        p.printArg(a, 'v');
      }
    }
    p.out += ')';
  }
  return p.out;
}

/**
 * What `format` does with its arguments, walked as {@link sprintf} walks it: the verbs and the
 * argument each prints, and how many arguments it references and consumes (reference §3.6,
 * §3.8). Indexes Go would report as `%!v(BADINDEX)` name no verb.
 */
export function analyzeGoFormat(format: string): GoFormatAnalysis {
  const p = new Printer();
  const probe: Probe = { verbs: [], maxArg: 0 };
  const argsConsumed = walkFormat(p, format, [], probe);
  return { verbs: probe.verbs, argsReferenced: Math.max(probe.maxArg, argsConsumed), reordered: p.reordered, argsConsumed };
}

/** Go `fmt.Sprintf("%v", v)`, fast for the common scalar cases. */
export function formatV(v: Value): string {
  switch (typeof v) {
    case 'string':
      return v;
    case 'bigint':
      return v.toString();
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      return formatFloat(v, 'g', -1);
    default:
      return sprintf('%v', v);
  }
}
