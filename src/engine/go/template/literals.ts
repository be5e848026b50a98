/**
 * The Go literal rules the template parser needs: strconv.Unquote / UnquoteChar for string and
 * character constants, and strconv.ParseInt / ParseUint / ParseFloat with base 0 (prefixes and
 * underscores) for number constants.
 */

export class SyntaxError extends Error {
  public constructor() {
    super('invalid syntax');
  }
}

const SIMPLE_ESCAPES: Record<string, number> = {
  a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 0x5c,
};

/** One escape or rune of `s` at `i` (strconv.UnquoteChar); quote is the enclosing quote. */
export function unquoteChar(s: string, i: number, quote: string): { cp: number; next: number } {
  const c = s[i];
  if (c === quote && (quote === "'" || quote === '"')) throw new SyntaxError();
  if (c !== '\\') {
    const cp = s.codePointAt(i)!;
    return { cp, next: i + (cp > 0xffff ? 2 : 1) };
  }
  if (i + 1 >= s.length) throw new SyntaxError();
  const e = s[i + 1];
  if (e in SIMPLE_ESCAPES) return { cp: SIMPLE_ESCAPES[e], next: i + 2 };
  if (e === quote) return { cp: e.charCodeAt(0), next: i + 2 };
  if (e === 'x' || e === 'u' || e === 'U') {
    const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
    const hex = s.slice(i + 2, i + 2 + n);
    if (hex.length !== n || !/^[0-9a-fA-F]+$/.test(hex)) throw new SyntaxError();
    const cp = parseInt(hex, 16);
    if (e !== 'x' && (cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000))) throw new SyntaxError();
    return { cp, next: i + 2 + n };
  }
  if (e >= '0' && e <= '7') {
    const oct = s.slice(i + 1, i + 4);
    if (!/^[0-7]{3}$/.test(oct)) throw new SyntaxError();
    const cp = parseInt(oct, 8);
    if (cp > 255) throw new SyntaxError();
    return { cp, next: i + 4 };
  }
  throw new SyntaxError();
}

/**
 * strconv.Unquote for "..." and `...` literals. `\x` and octal escapes are bytes in Go; a byte
 * below 0x80 is the same character, higher bytes are kept as their Latin-1 code point.
 */
export function unquote(q: string): string {
  if (q.length < 2) throw new SyntaxError();
  const quote = q[0];
  if (quote !== q[q.length - 1]) throw new SyntaxError();
  const body = q.slice(1, -1);
  if (quote === '`') {
    if (body.includes('`')) throw new SyntaxError();
    return body.replace(/\r/g, '');
  }
  if (quote !== '"' && quote !== "'") throw new SyntaxError();
  if (body.includes('\n')) throw new SyntaxError();
  let out = '';
  let i = 0;
  while (i < body.length) {
    const { cp, next } = unquoteChar(body, i, quote);
    out += String.fromCodePoint(cp);
    i = next;
  }
  if (quote === "'" && Array.from(out).length !== 1) throw new SyntaxError();
  return out;
}

function underscoreOK(s: string): boolean {
  // Go's rule: underscores only between digits or between a base prefix and a digit.
  let saw = '^';
  let i = 0;
  if (s[0] === '+' || s[0] === '-') s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && /[bBoOxX]/.test(s[1])) {
    i = 2;
    saw = '0';
    hex = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** strconv.ParseUint(s, 0, 64) magnitude (no sign); undefined when Go would fail. */
function parseUnsigned(s: string): bigint | undefined {
  if (s.length === 0) return undefined;
  let base = 10;
  let digits = s;
  let prefixed = false;
  if (s[0] === '0') {
    if (s.length >= 3 && (s[1] === 'x' || s[1] === 'X')) {
      base = 16;
      digits = s.slice(2);
      prefixed = true;
    } else if (s.length >= 3 && (s[1] === 'b' || s[1] === 'B')) {
      base = 2;
      digits = s.slice(2);
      prefixed = true;
    } else if (s.length >= 3 && (s[1] === 'o' || s[1] === 'O')) {
      base = 8;
      digits = s.slice(2);
      prefixed = true;
    } else {
      base = 8;
      digits = s.slice(1);
      prefixed = true;
    }
  }
  if (s.includes('_') && !underscoreOK(s)) return undefined;
  digits = digits.replace(/_/g, '');
  if (digits.length === 0) return prefixed && base === 8 && s.length === 1 ? 0n : s === '0' ? 0n : undefined;
  const valid = base === 16 ? /^[0-9a-fA-F]+$/ : base === 8 ? /^[0-7]+$/ : base === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!valid.test(digits)) return undefined;
  let v = 0n;
  const b = BigInt(base);
  for (const d of digits) v = v * b + BigInt(parseInt(d, 16));
  return v;
}

const MAX_INT64 = (1n << 63n) - 1n;
const MAX_UINT64 = (1n << 64n) - 1n;

/** strconv.ParseInt(s, 0, 64): an optional sign, then what {@link parseUint64} reads. */
export function parseInt64(s: string): bigint | undefined {
  let neg = false;
  let body = s;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    body = s.slice(1);
  }
  const u = parseUnsigned(body);
  if (u === undefined) return undefined;
  if (neg) return u > MAX_INT64 + 1n ? undefined : -u;
  return u > MAX_INT64 ? undefined : u;
}

/** strconv.ParseUint(s, 0, 64): no sign allowed, `+` included. */
export function parseUint64(s: string): bigint | undefined {
  if (s[0] === '+' || s[0] === '-') return undefined;
  const u = parseUnsigned(s);
  return u === undefined || u > MAX_UINT64 ? undefined : u;
}

/** strconv.ParseFloat(s, 64) for the forms the lexer accepts (decimal and hex mantissas). */
export function parseFloat64(s: string): number | undefined {
  if (s.includes('_') && !underscoreOK(s)) return undefined;
  const t = s.replace(/_/g, '');
  let sign = 1;
  let body = t;
  if (body[0] === '+' || body[0] === '-') {
    sign = body[0] === '-' ? -1 : 1;
    body = body.slice(1);
  }
  const hex = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?[0-9]+)$/.exec(body);
  if (hex) {
    const intPart = hex[1] || '';
    const frac = hex[2] || '';
    if (intPart.length + frac.length === 0) return undefined;
    let mant = 0;
    for (const d of intPart + frac) mant = mant * 16 + parseInt(d, 16);
    return sign * mant * Math.pow(2, Number(hex[3]) - 4 * frac.length);
  }
  if (!/^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(body)) return undefined;
  const v = Number(body);
  if (!Number.isFinite(v)) return undefined;
  return sign * v;
}
