/**
 * Go (RE2) regular expressions evaluated with JS RegExp.
 *
 * P&T compiles `match` and `string.regexp` patterns with Go's `regexp` package (reference §3.8).
 * The common syntax is translated to an equivalent JS pattern with the `u` flag: named groups
 * `(?P<n>...)`, leading flags `(?i)(?s)(?m)`, `\A` and `\z`, Go's `.` (any rune but newline,
 * including `\r`), ASCII-only `\s`, POSIX classes `[[:alpha:]]`, `\Q...\E`, `\pL`, Go escapes
 * (`\x{...}`, octal, escaped punctuation) and literal braces. Syntax Go rejects throws
 * {@link GoRegexpSyntaxError} (P&T reports such patterns as invalid); valid Go syntax that JS
 * cannot express the same way (flag groups in the middle of a pattern, `(?U)`) throws
 * {@link GoRegexpUnsupportedError} instead of silently matching differently.
 */

/** Go's regexp package rejects the pattern (`error parsing regexp: ...`). */
export class GoRegexpSyntaxError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'GoRegexpSyntaxError';
  }
}

/** The pattern is valid for Go but cannot be evaluated faithfully here. */
export class GoRegexpUnsupportedError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'GoRegexpUnsupportedError';
  }
}

const JS_SYNTAX = new Set('^$\\.*+?()[]{}|/'.split(''));
const GO_SPACE = '\\t\\n\\f\\r ';
const NOT_GO_SPACE = '\\x00-\\x08\\x0b\\x0e-\\x1f\\x21-\\u{10FFFF}';
const CATEGORIES = new Set([
  'L', 'Lu', 'Ll', 'Lt', 'Lm', 'Lo', 'M', 'Mn', 'Mc', 'Me', 'N', 'Nd', 'Nl', 'No', 'P', 'Pc', 'Pd', 'Ps',
  'Pe', 'Pi', 'Pf', 'Po', 'S', 'Sm', 'Sc', 'Sk', 'So', 'Z', 'Zs', 'Zl', 'Zp', 'C', 'Cc', 'Cf', 'Co', 'Cs', 'Any',
]);
const POSIX: Record<string, string> = {
  alnum: '0-9A-Za-z', alpha: 'A-Za-z', ascii: '\\x00-\\x7f', blank: '\\t ', cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9', graph: '!-~', lower: 'a-z', print: ' -~', punct: '!-\\/:-@\\[-`{-~', space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z', word: '0-9A-Za-z_', xdigit: '0-9A-Fa-f',
};
const POSIX_NEG: Record<string, string> = {
  alnum: '\\x00-\\/:-@\\[-`{-\\u{10FFFF}', alpha: '\\x00-@\\[-`{-\\u{10FFFF}', ascii: '\\x80-\\u{10FFFF}',
  blank: '\\x00-\\x08\\n-\\x1f!-\\u{10FFFF}', cntrl: ' -~\\x80-\\u{10FFFF}', digit: '\\x00-\\/:-\\u{10FFFF}',
  graph: '\\x00-\\x20\\x7f-\\u{10FFFF}', lower: '\\x00-`{-\\u{10FFFF}', print: '\\x00-\\x1f\\x7f-\\u{10FFFF}',
  punct: '\\x00-\\x200-9A-Za-z\\x7f-\\u{10FFFF}', space: '\\x00-\\x08\\x0e-\\x1f!-\\u{10FFFF}',
  upper: '\\x00-@\\[-\\u{10FFFF}', word: '\\x00-\\/:-@\\[-\\^`{-\\u{10FFFF}', xdigit: '\\x00-\\/:-@G-`g-\\u{10FFFF}',
};

function syntax(kind: string, arg: string): GoRegexpSyntaxError {
  return new GoRegexpSyntaxError(`error parsing regexp: ${kind}: \`${arg}\``);
}

function escapeLiteral(ch: string, inClass: boolean): string {
  if (JS_SYNTAX.has(ch) || (inClass && ch === '-')) return '\\' + ch;
  const cp = ch.codePointAt(0)!;
  if (cp < 0x20 || cp === 0x7f) return '\\x' + cp.toString(16).padStart(2, '0');
  return ch;
}

/** JS source and flags equivalent to a Go regexp. */
export interface Translation {
  /** The JS pattern. */
  readonly source: string;
  /** The JS flags (always including `u`). */
  readonly flags: string;
}

class Translator {
  private i = 0;
  private out = '';
  private dotAll = false;
  private multi = false;
  private ignoreCase = false;
  private depth = 0;
  /** Whether the last item can take a repetition operator, and whether it already has one. */
  private canRepeat = false;
  private repeated = false;
  private readonly names = new Set<string>();

  public constructor(private readonly re: string) {}

  public run(): Translation {
    this.leadingFlags();
    const re = this.re;
    while (this.i < re.length) {
      const ch = String.fromCodePoint(re.codePointAt(this.i)!);
      switch (ch) {
        case '(': this.group(); break;
        case ')':
          if (this.depth === 0) throw syntax('unexpected )', re);
          this.depth--;
          this.emit(')', true);
          this.i++;
          break;
        case '|':
          this.emit('|', false);
          this.i++;
          break;
        case '*': case '+': case '?':
          this.repeat(ch, 1);
          break;
        case '{': {
          const m = /^\{(\d+)(,(\d*))?\}/.exec(re.slice(this.i));
          if (!m) {
            this.emit('\\{', true);
            this.i++;
            break;
          }
          const min = Number(m[1]);
          const max = m[3] === undefined ? min : m[3] === '' ? -1 : Number(m[3]);
          if (min > 1000 || max > 1000 || (max >= 0 && max < min)) throw syntax('invalid repeat count', m[0]);
          this.repeat(m[0], m[0].length);
          break;
        }
        case '[': this.charClass(); break;
        case '\\': this.escape(false); break;
        case '.':
          this.emit(this.dotAll ? '[\\s\\S]' : '[^\\n]', true);
          this.i++;
          break;
        case '^':
          this.emit(this.multi ? '(?<=^|\\n)' : '^', false, true);
          this.i++;
          break;
        case '$':
          this.emit(this.multi ? '(?=$|\\n)' : '$', false, true);
          this.i++;
          break;
        default:
          this.emit(escapeLiteral(ch, false), true);
          this.i += ch.length;
      }
    }
    if (this.depth > 0) throw syntax('missing closing )', re);
    return { source: this.out, flags: 'u' + (this.ignoreCase ? 'i' : '') };
  }

  private emit(s: string, repeatable: boolean, assertion = false): void {
    this.out += s;
    this.canRepeat = repeatable;
    this.repeated = false;
    this.assertion = assertion;
  }

  /** Whether the last item is an empty-width assertion (Go may repeat those, JS cannot). */
  private assertion = false;

  private repeat(op: string, len: number): void {
    const re = this.re;
    if (this.repeated) {
      // One '?' right after a repetition makes it non-greedy; anything else is nested.
      if (op === '?' && this.lazyAllowed) {
        this.out += '?';
        this.lazyAllowed = false;
        this.lastOpLen += 1;
        this.i++;
        return;
      }
      throw syntax('invalid nested repetition operator', re.slice(this.i - this.lastOpLen, this.i + len));
    }
    if (!this.canRepeat && this.assertion) {
      throw new GoRegexpUnsupportedError(`regexp ${JSON.stringify(re)} repeats an assertion, which the offline renderer cannot evaluate`);
    }
    if (!this.canRepeat) throw syntax('missing argument to repetition operator', op);
    this.out += op;
    this.lastOpLen = len;
    this.repeated = true;
    this.lazyAllowed = true;
    this.i += len;
  }

  private lastOpLen = 1;
  private lazyAllowed = false;

  private leadingFlags(): void {
    const m = /^\(\?([imsU]+)\)/.exec(this.re);
    if (!m) return;
    for (const f of m[1]) {
      if (f === 'i') this.ignoreCase = true;
      else if (f === 's') this.dotAll = true;
      else if (f === 'm') this.multi = true;
      else throw new GoRegexpUnsupportedError(`regexp flag (?U) is not supported by the offline renderer: ${this.re}`);
    }
    this.i = m[0].length;
  }

  private group(): void {
    const re = this.re;
    const rest = re.slice(this.i);
    const named = /^\(\?P?<([^>]*)>/.exec(rest);
    if (named) {
      const name = named[1];
      if (!/^[A-Za-z0-9_]+$/.test(name)) throw syntax('invalid named capture', named[0]);
      if (this.names.has(name)) throw syntax('duplicate capture group name', name);
      this.names.add(name);
      const jsName = /^[0-9]/.test(name) ? undefined : name;
      this.emit(jsName ? `(?<${jsName}>` : '(', false);
      this.depth++;
      this.i += named[0].length;
      return;
    }
    if (rest.startsWith('(?:')) {
      this.emit('(?:', false);
      this.depth++;
      this.i += 3;
      return;
    }
    if (rest.startsWith('(?')) {
      const flags = /^\(\?[imsU-]*[:)]/.exec(rest);
      if (flags) {
        throw new GoRegexpUnsupportedError(
          `regexp flag group ${flags[0]} is only supported at the start of the pattern by the offline renderer: ${re}`,
        );
      }
      throw syntax('invalid or unsupported Perl syntax', rest.slice(0, 3));
    }
    this.emit('(', false);
    this.depth++;
    this.i++;
  }

  /** Translates an escape at this.i; inside a class returns the text instead of emitting it. */
  private escape(inClass: boolean): string {
    const re = this.re;
    const start = this.i;
    this.i++;
    if (this.i >= re.length) throw syntax('trailing backslash at end of expression', '');
    const c = String.fromCodePoint(re.codePointAt(this.i)!);
    this.i += c.length;
    const put = (s: string, repeatable: boolean): string => {
      if (!inClass) this.emit(s, repeatable);
      return s;
    };
    switch (c) {
      case 'd': case 'D': case 'w': case 'W':
        return put('\\' + c, true);
      case 's':
        return put(inClass ? GO_SPACE : `[${GO_SPACE}]`, true);
      case 'S':
        return put(inClass ? NOT_GO_SPACE : `[^${GO_SPACE}]`, true);
      case 'b': case 'B':
        if (inClass) throw syntax('invalid escape sequence', re.slice(start, this.i));
        if (!inClass) this.emit('\\' + c, false, true);
        return '\\' + c;
      case 'A':
        if (inClass) throw syntax('invalid escape sequence', re.slice(start, this.i));
        this.emit('(?<![\\s\\S])', false, true);
        return '';
      case 'z':
        if (inClass) throw syntax('invalid escape sequence', re.slice(start, this.i));
        this.emit('(?![\\s\\S])', false, true);
        return '';
      case 'a': return put('\\x07', true);
      case 'f': return put('\\f', true);
      case 't': return put('\\t', true);
      case 'n': return put('\\n', true);
      case 'r': return put('\\r', true);
      case 'v': return put('\\x0b', true);
      case 'x': {
        const m = /^\{([0-9A-Fa-f]+)\}|^([0-9A-Fa-f]{2})/.exec(re.slice(this.i));
        if (!m) throw syntax('invalid escape sequence', re.slice(start, this.i + 2));
        const cp = parseInt(m[1] ?? m[2], 16);
        if (cp > 0x10ffff) throw syntax('invalid escape sequence', re.slice(start, this.i + m[0].length));
        this.i += m[0].length;
        return put(escapeLiteral(String.fromCodePoint(cp), inClass), true);
      }
      case 'p': case 'P': {
        let name: string;
        if (re[this.i] === '{') {
          const end = re.indexOf('}', this.i);
          if (end < 0) throw syntax('invalid character class range', re.slice(start));
          name = re.slice(this.i + 1, end);
          this.i = end + 1;
        } else {
          name = re[this.i] ?? '';
          this.i++;
        }
        let neg = c === 'P';
        if (name.startsWith('^')) {
          neg = !neg;
          name = name.slice(1);
        }
        const prop = CATEGORIES.has(name) ? name : `Script=${name}`;
        try {
          new RegExp(`\\p{${prop}}`, 'u');
        } catch {
          throw syntax('invalid character class range', re.slice(start, this.i));
        }
        return put(`\\${neg ? 'P' : 'p'}{${prop}}`, true);
      }
      case 'Q': {
        const end = re.indexOf('\\E', this.i);
        const lit = end < 0 ? re.slice(this.i) : re.slice(this.i, end);
        this.i = end < 0 ? re.length : end + 2;
        let s = '';
        for (const ch of lit) s += escapeLiteral(ch, inClass);
        if (!inClass) {
          this.out += s;
          this.canRepeat = lit.length > 0;
          this.repeated = false;
        }
        return s;
      }
      default:
        break;
    }
    if (c >= '0' && c <= '7') {
      // Octal: \0, or a digit followed by up to two more octal digits (a lone \1-\7 is a
      // backreference, which Go does not support).
      let digits = c;
      while (digits.length < 3 && /[0-7]/.test(re[this.i] ?? '')) digits += re[this.i++];
      if (c !== '0' && digits.length === 1) throw syntax('invalid escape sequence', re.slice(start, this.i));
      return put(escapeLiteral(String.fromCodePoint(parseInt(digits, 8)), inClass), true);
    }
    // Any escaped ASCII character that is not a letter or digit stands for itself.
    if (c.length === 1 && c.charCodeAt(0) < 0x80 && !/[A-Za-z0-9]/.test(c)) return put(escapeLiteral(c, inClass), true);
    throw syntax('invalid escape sequence', re.slice(start, this.i));
  }

  /** One class item: a single code point (may start a range) or a set (escape class, POSIX). */
  private classItem(): { text: string; cp?: number } {
    const re = this.re;
    const ch = String.fromCodePoint(re.codePointAt(this.i)!);
    if (ch === '[' && re[this.i + 1] === ':') {
      const m = /^\[:(\^?)([a-z]+):\]/.exec(re.slice(this.i));
      if (m) {
        const body = (m[1] ? POSIX_NEG : POSIX)[m[2]];
        if (body === undefined) throw syntax('invalid character class range', m[0]);
        this.i += m[0].length;
        return { text: body };
      }
    }
    if (ch === '\\') {
      const next = re[this.i + 1] ?? '';
      const text = this.escape(true);
      if ('dDwWsSpPQ'.includes(next)) return { text };
      return { text, cp: literalCodePoint(text) };
    }
    this.i += ch.length;
    return { text: ch === '-' ? '\\-' : escapeLiteral(ch, true), cp: ch.codePointAt(0)! };
  }

  private charClass(): void {
    const re = this.re;
    const start = this.i;
    this.i++;
    let out = '[';
    if (re[this.i] === '^') {
      out += '^';
      this.i++;
    }
    let first = true;
    for (;;) {
      if (this.i >= re.length) throw syntax('missing closing ]', re.slice(start));
      if (re[this.i] === ']' && !first) {
        this.i++;
        break;
      }
      first = false;
      const itemStart = this.i;
      const lo = this.classItem();
      if (lo.cp !== undefined && re[this.i] === '-' && this.i + 1 < re.length && re[this.i + 1] !== ']') {
        this.i++;
        const hi = this.classItem();
        if (hi.cp === undefined || hi.cp < lo.cp) throw syntax('invalid character class range', re.slice(itemStart, this.i));
        out += lo.text + '-' + hi.text;
        continue;
      }
      out += lo.text;
    }
    out += ']';
    try {
      new RegExp(out, 'u');
    } catch {
      throw syntax('invalid character class range', re.slice(start, this.i));
    }
    this.emit(out, true);
  }
}

/** The code point of one escaped literal produced by escapeLiteral or escape(). */
function literalCodePoint(text: string): number {
  if (text.startsWith('\\x')) return parseInt(text.slice(2), 16);
  if (text.startsWith('\\u{')) return parseInt(text.slice(3, -1), 16);
  const named: Record<string, number> = { '\\f': 12, '\\t': 9, '\\n': 10, '\\r': 13 };
  if (text in named) return named[text];
  if (text.startsWith('\\')) return text.codePointAt(1)!;
  return text.codePointAt(0)!;
}

/** Translates a Go regexp to JS source and flags. */
export function translateGoRegexp(re: string): Translation {
  return new Translator(re).run();
}

const CACHE_LIMIT = 512;
const cache = new Map<string, RegExp | Error>();

/**
 * Compiles a Go regexp to an equivalent JS RegExp (cached). Throws {@link GoRegexpSyntaxError}
 * when Go would reject the pattern, {@link GoRegexpUnsupportedError} when it cannot be evaluated
 * faithfully.
 */
export function compileGoRegexp(re: string): RegExp {
  let r = cache.get(re);
  if (r === undefined) {
    try {
      const t = translateGoRegexp(re);
      try {
        r = new RegExp(t.source, t.flags);
      } catch (e) {
        r = new GoRegexpUnsupportedError(`regexp ${JSON.stringify(re)} cannot be evaluated by the offline renderer: ${(e as Error).message}`);
      }
    } catch (e) {
      r = e as Error;
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(re, r);
  }
  if (r instanceof Error) throw r;
  return r;
}

/**
 * Go's verdict on a pattern's syntax: the {@link GoRegexpSyntaxError} `regexp.Compile` would
 * return, or undefined when Go accepts it (even if it cannot be evaluated here). The one syntax
 * check shared by P&T's input validation and the construct-time lints.
 */
export function goRegexpSyntaxError(re: string): GoRegexpSyntaxError | undefined {
  try {
    compileGoRegexp(re);
    return undefined;
  } catch (e) {
    if (e instanceof GoRegexpSyntaxError) return e;
    return undefined;
  }
}
