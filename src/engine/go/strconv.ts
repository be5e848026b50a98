/**
 * Go `strconv` number and quoting behaviour used by the fmt emulation and the P&T transforms:
 * FormatFloat ('e', 'f', 'g', 'b', 'x' with Go's rounding and exponent rules), Quote,
 * QuoteToASCII, QuoteRune. Rounding of fixed precisions works on the exact decimal value of the
 * double and breaks ties to even, as Go does (JS toFixed rounds ties up).
 */

interface Digits {
  /** Significant decimal digits, no leading zeros; empty for zero. */
  d: string;
  /** Position of the decimal point relative to the start of `d`. */
  dp: number;
}

const view = new DataView(new ArrayBuffer(8));

function decompose(abs: number): { mant: bigint; exp: number } {
  view.setFloat64(0, abs);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (bexp === 0) {
    exp = -1074;
  } else {
    mant |= 1n << 52n;
    exp = bexp - 1075;
  }
  return { mant, exp };
}

/** The exact decimal expansion of a non-negative finite double. */
function exactDigits(abs: number): Digits {
  if (abs === 0) return { d: '', dp: 0 };
  const { mant, exp } = decompose(abs);
  let s: string;
  let dp: number;
  if (exp >= 0) {
    s = (mant << BigInt(exp)).toString();
    dp = s.length;
  } else {
    s = (mant * 5n ** BigInt(-exp)).toString();
    dp = s.length + exp;
  }
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 48) end--;
  return { d: s.slice(0, end), dp };
}

/** Shortest digits that read back as the same double (same choice as Go's shortest mode). */
function shortestDigits(abs: number): Digits {
  if (abs === 0) return { d: '', dp: 0 };
  const s = abs.toExponential();
  const e = s.indexOf('e');
  const mant = s.slice(0, e);
  const d = mant.length > 1 ? mant[0] + mant.slice(2) : mant;
  return { d, dp: Number(s.slice(e + 1)) + 1 };
}

/** Rounds to `nd` digits, half to even on exact ties (Go decimal.Round). */
function round(a: Digits, nd: number): Digits {
  if (nd < 0 || nd >= a.d.length) return a;
  const c = a.d.charCodeAt(nd);
  let up: boolean;
  if (c === 53 && nd + 1 === a.d.length) {
    up = nd > 0 && (a.d.charCodeAt(nd - 1) - 48) % 2 === 1;
  } else {
    up = c >= 53;
  }
  if (!up) {
    let end = nd;
    while (end > 0 && a.d.charCodeAt(end - 1) === 48) end--;
    return { d: a.d.slice(0, end), dp: a.dp };
  }
  let i = nd - 1;
  while (i >= 0 && a.d[i] === '9') i--;
  if (i < 0) return { d: '1', dp: a.dp + 1 };
  return { d: a.d.slice(0, i) + String.fromCharCode(a.d.charCodeAt(i) + 1), dp: a.dp };
}

function fmtE(neg: boolean, digs: Digits, prec: number, e: string): string {
  let out = neg ? '-' : '';
  const nd = digs.d.length;
  out += nd === 0 ? '0' : digs.d[0];
  if (prec > 0) {
    out += '.';
    const m = Math.min(nd, prec + 1);
    let i = 1;
    if (i < m) {
      out += digs.d.slice(1, m);
      i = m;
    }
    for (; i <= prec; i++) out += '0';
  }
  out += e;
  let exp = nd === 0 ? 0 : digs.dp - 1;
  if (exp < 0) {
    out += '-';
    exp = -exp;
  } else {
    out += '+';
  }
  out += exp < 10 ? '0' + exp : String(exp);
  return out;
}

function fmtF(neg: boolean, digs: Digits, prec: number): string {
  let out = neg ? '-' : '';
  const nd = digs.d.length;
  if (digs.dp > 0) {
    const m = Math.min(nd, digs.dp);
    out += digs.d.slice(0, m);
    for (let i = m; i < digs.dp; i++) out += '0';
  } else {
    out += '0';
  }
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) {
      const j = digs.dp + i - 1;
      out += j >= 0 && j < nd ? digs.d[j] : '0';
    }
  }
  return out;
}

function fmtB(neg: boolean, abs: number): string {
  const { mant, exp } = abs === 0 ? { mant: 0n, exp: -1074 } : decompose(abs);
  return `${neg ? '-' : ''}${mant}p${exp >= 0 ? '+' : ''}${exp}`;
}

/** %x / %X of a float64: hexadecimal mantissa and binary exponent (Go 'x' format). */
function fmtX(neg: boolean, abs: number, prec: number, upper: boolean): string {
  let mant = 0n;
  let exp = 0;
  if (abs !== 0) {
    const r = decompose(abs);
    mant = r.mant;
    exp = r.exp;
    // Normalise so that the leading 1 bit is bit 60 (mantissa 1.xxx with 15 hex digits).
    while (mant < 1n << 52n) {
      mant <<= 1n;
      exp--;
    }
    exp += 52;
    mant <<= 8n;
  }
  const shift = 60n;
  if (prec >= 0 && prec < 15) {
    const drop = BigInt(60 - 4 * prec);
    const half = 1n << (drop - 1n);
    const rem = mant & ((1n << drop) - 1n);
    mant >>= drop;
    if (rem > half || (rem === half && (mant & 1n) === 1n)) mant++;
    mant <<= drop;
    if (mant >> shift >= 2n) {
      mant >>= 1n;
      exp++;
    }
  }
  const lead = (mant >> shift).toString();
  let frac = (mant & ((1n << shift) - 1n)).toString(16).padStart(15, '0');
  if (prec < 0) frac = frac.replace(/0+$/, '');
  else frac = frac.slice(0, prec).padEnd(prec, '0');
  const e = exp >= 0 ? '+' + (exp < 10 ? '0' + exp : exp) : '-' + (-exp < 10 ? '0' + -exp : -exp);
  const s = `${neg ? '-' : ''}0x${lead}${frac.length > 0 ? '.' + frac : ''}p${e}`;
  return upper ? s.toUpperCase() : s;
}

/**
 * Shortest digits that read back as the same float32: the nearest p-digit decimal, for the
 * smallest p that rounds back to it.
 */
function shortestDigits32(abs: number): Digits {
  if (abs === 0) return { d: '', dp: 0 };
  let s = abs.toExponential(8);
  for (let p = 1; p <= 9; p++) {
    const t = abs.toExponential(p - 1);
    if (Math.fround(Number(t)) === abs) {
      s = t;
      break;
    }
  }
  const e = s.indexOf('e');
  const mant = s.slice(0, e);
  const d = (mant.length > 1 ? mant[0] + mant.slice(2) : mant).replace(/0+$/, '');
  return { d, dp: Number(s.slice(e + 1)) + 1 };
}

/**
 * Go strconv.FormatFloat(f, fmt, prec, bitSize) for fmt in e E f g G b x X; bitSize 32 (for
 * the shortest 'e', 'f' and 'g' forms only) rounds f to a float32 first and prints the
 * shortest digits of that.
 */
export function formatFloat(f: number, fmt: string, prec: number, bitSize: 32 | 64 = 64): string {
  if (bitSize === 32) f = Math.fround(f);
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  const neg = f < 0 || Object.is(f, -0);
  const abs = Math.abs(f);
  if (fmt === 'b') return fmtB(neg, abs);
  if (fmt === 'x' || fmt === 'X') return fmtX(neg, abs, prec, fmt === 'X');
  const shortest = prec < 0;
  let digs: Digits;
  if (shortest) {
    digs = bitSize === 32 ? shortestDigits32(abs) : shortestDigits(abs);
    if (fmt === 'e' || fmt === 'E') prec = digs.d.length - 1;
    else if (fmt === 'f') prec = Math.max(digs.d.length - digs.dp, 0);
    else prec = digs.d.length;
  } else {
    const exact = exactDigits(abs);
    if (fmt === 'e' || fmt === 'E') digs = round(exact, prec + 1);
    else if (fmt === 'f') digs = round(exact, exact.dp + prec);
    else {
      if (prec === 0) prec = 1;
      digs = round(exact, prec);
    }
  }
  if (fmt === 'e' || fmt === 'E') return fmtE(neg, digs, prec, fmt);
  if (fmt === 'f') return fmtF(neg, digs, prec);
  // 'g' / 'G'
  const nd = digs.d.length;
  let eprec = prec;
  if (eprec > nd && nd >= digs.dp) eprec = nd;
  if (shortest) eprec = 6;
  const exp = digs.dp - 1;
  if (exp < -4 || exp >= eprec) {
    if (prec > nd) prec = nd;
    return fmtE(neg, digs, prec - 1, fmt === 'g' ? 'e' : 'E');
  }
  if (prec > digs.dp) prec = nd;
  return fmtF(neg, digs, Math.max(prec - digs.dp, 0));
}

let printable: RegExp | undefined;

/** Go unicode.IsPrint for one code point (letters, marks, numbers, punctuation, symbols, space). */
export function isPrint(cp: number): boolean {
  if (cp >= 0x20 && cp < 0x7f) return true;
  if (cp < 0xa1) return false;
  printable ??= /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
  return printable.test(String.fromCodePoint(cp));
}

const HEX = '0123456789abcdef';

function hexN(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function escapeRune(cp: number, quote: number, asciiOnly: boolean): string {
  if (cp === quote || cp === 0x5c) return '\\' + String.fromCharCode(cp);
  if (asciiOnly ? cp < 0x80 && isPrint(cp) : isPrint(cp)) return String.fromCodePoint(cp);
  switch (cp) {
    case 7: return '\\a';
    case 8: return '\\b';
    case 12: return '\\f';
    case 10: return '\\n';
    case 13: return '\\r';
    case 9: return '\\t';
    case 11: return '\\v';
    default:
      if (cp < 0x20 || cp === 0x7f) return '\\x' + HEX[cp >> 4] + HEX[cp & 0xf];
      if (cp >= 0xd800 && cp <= 0xdfff) return '\\ufffd';
      if (cp < 0x10000) return '\\u' + hexN(cp, 4);
      return '\\U' + hexN(cp, 8);
  }
}

function quoteWith(s: string, quote: number, asciiOnly: boolean): string {
  const q = String.fromCharCode(quote);
  // Fast path: printable ASCII without the quote or a backslash.
  let simple = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c >= 0x7f || c === quote || c === 0x5c) {
      simple = false;
      break;
    }
  }
  if (simple) return q + s + q;
  let out = q;
  for (const ch of s) out += escapeRune(ch.codePointAt(0)!, quote, asciiOnly);
  return out + q;
}

/** Go strconv.Quote (what %q prints for a string). */
export function goQuote(s: string): string {
  return quoteWith(s, 0x22, false);
}

/** Go strconv.QuoteToASCII (%+q). */
export function goQuoteToAscii(s: string): string {
  return quoteWith(s, 0x22, true);
}

/** Go strconv.QuoteRune / QuoteRuneToASCII (%q of an integer). */
export function goQuoteRune(cp: number, asciiOnly = false): string {
  if (cp > 0x10ffff || cp < 0 || (cp >= 0xd800 && cp <= 0xdfff)) cp = 0xfffd;
  return "'" + escapeRune(cp, 0x27, asciiOnly) + "'";
}

/** Go strconv.CanBackquote. */
export function canBackquote(s: string): boolean {
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x60 || cp === 0xfeff) return false;
    if (cp < 0x20 && cp !== 9) return false;
    if (cp === 0x7f) return false;
    if (cp >= 0xd800 && cp <= 0xdfff) return false;
  }
  return true;
}

/** Go's `strconv.NumError`: the function, the input and why (`invalid syntax`, `value out of range`). */
export class NumError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'NumError';
  }
}

function numError(message: string): never {
  throw new NumError(message);
}

/** Go `strconv.ParseInt(s, 10, 64)`. */
export function parseInt64(s: string): bigint {
  if (!/^[+-]?[0-9]+$/.test(s)) numError(`strconv.ParseInt: parsing ${goQuote(s)}: invalid syntax`);
  const n = BigInt(s);
  if (n !== BigInt.asIntN(64, n)) numError(`strconv.ParseInt: parsing ${goQuote(s)}: value out of range`);
  return n;
}

/** Go `strconv.ParseBool`. */
export function parseBool(s: string): boolean {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return numError(`strconv.ParseBool: parsing ${goQuote(s)}: invalid syntax`);
}

function parseHexFloat(s: string): number | undefined {
  const m = /^([+-]?)0[xX](?:([0-9a-fA-F_]*)(?:\.([0-9a-fA-F_]*))?)[pP]([+-]?[0-9_]+)$/.exec(s);
  if (!m || (m[2] + (m[3] ?? '')).replace(/_/g, '') === '') return undefined;
  const intPart = m[2].replace(/_/g, '');
  const frac = (m[3] ?? '').replace(/_/g, '');
  const mant = BigInt('0x' + (intPart + frac || '0'));
  const exp = Number(m[4].replace(/_/g, '')) - 4 * frac.length;
  const v = Number(mant) * Math.pow(2, exp);
  return m[1] === '-' ? -v : v;
}

/** Go `strconv.ParseFloat(s, 64)`. */
export function parseFloat64(s: string): number {
  const invalid = (): never => numError(`strconv.ParseFloat: parsing ${goQuote(s)}: invalid syntax`);
  let v: number;
  if (/^[+-]?(inf|infinity)$/i.test(s)) return s[0] === '-' ? -Infinity : Infinity;
  if (/^nan$/i.test(s)) return NaN;
  if (/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(s)) {
    v = Number(s);
  } else {
    v = parseHexFloat(s) ?? invalid();
  }
  if (!Number.isFinite(v)) numError(`strconv.ParseFloat: parsing ${goQuote(s)}: value out of range`);
  return v;
}
