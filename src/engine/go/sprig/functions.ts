/**
 * Sprig v3.3.0's function map (functions.go `genericMap`), each with its Go signature so the
 * template engine checks arguments as Go does, and its behaviour from strings.go, defaults.go,
 * dict.go, list.go, numeric.go, regex.go, reflect.go, url.go.
 *
 * Functions that read the clock, the network or generate keys and certificates are registered
 * but fail with a message naming them, so a template using one is never rendered differently
 * from Crossplane without saying so.
 */
import * as crypto from 'node:crypto';
import * as path from 'node:path';
import { adler32 } from '../adler32';
import { decodeBase64 } from '../base64';
import { compileGoRegexp, type GoRegexp, GoRegexpSyntaxError, quoteMeta } from '../regexp';
import { goJsonUnmarshal } from '../json';
import { fmtSprintf, GoError, GoFunc, isMap, MaybeTV, ParamType, STRING_SLICES, TV, typeName } from '../template';
import {
  deepEqualTV, isEmpty, kindName, listOf, nilTypePanic, strslice, strval, toFloat64, toInt64,
} from './cast';
import { decimalOp, DecimalOp } from './decimal';
import {
  base32Decode, base32Encode, deepCopyTV, jsonMarshal,
} from './encoding';
import {
  abbreviateFull, byteLen, byteSlice, deleteWhiteSpace, initials, kebabCase, pascalCase, snakeCase, splitN,
  swapCase, title, trimSet, trimSpace, untitle, wrapCustom,
} from './strings';

type Impl = (...args: MaybeTV[]) => MaybeTV;
const fn = (params: ParamType[], impl: Impl, variadic?: ParamType): GoFunc => new GoFunc(params, impl, variadic);

const s = (v: MaybeTV): string => v as string;
const n = (v: MaybeTV): number => Number(v as bigint);
const m = (v: MaybeTV): Record<string, TV> => (v ?? {}) as Record<string, TV>;

/** A []string result (Go keeps the element type; `join` and `sortAlpha` see it). */
function strings(list: string[]): TV[] {
  STRING_SLICES.add(list);
  return list;
}

function intList(list: number[]): TV[] {
  return list.map((x) => BigInt(x));
}

/**
 * The largest list or string the template functions build. Go would try to allocate a list of
 * `until 1e18` and run out of memory; JavaScript stops at about 2^29 characters and 2^27 array
 * elements and aborts the process. A clean error instead, far above what templates produce.
 */
const MAX_GENERATED = 1 << 24;

function tooLarge(what: string, size: number): GoError {
  return new GoError(`${what} of ${size} elements is larger than the offline renderer builds (${MAX_GENERATED})`);
}

function untilStep(start: number, stop: number, step: number): number[] {
  const v: number[] = [];
  const count = step === 0 ? 0 : Math.ceil((stop - start) / step);
  if (count > MAX_GENERATED) throw tooLarge('list', count);
  if (stop < start) {
    if (step >= 0) return v;
    for (let i = start; i > stop; i += step) v.push(i);
    return v;
  }
  if (step <= 0) return v;
  for (let i = start; i < stop; i += step) v.push(i);
  return v;
}

function seq(...params: number[]): string {
  let inc = 1;
  let list: number[];
  switch (params.length) {
    case 0:
      return '';
    case 1: {
      const end = params[0];
      if (end < 1) inc = -1;
      list = untilStep(1, end + inc, inc);
      break;
    }
    case 2: {
      const [start, end] = params;
      const step = end < start ? -1 : 1;
      list = untilStep(start, end + step, step);
      break;
    }
    case 3: {
      const [start, step, end] = params;
      if (end < start) {
        inc = -1;
        if (step > 0) return '';
      }
      list = untilStep(start, end + inc, step);
      break;
    }
    default:
      return '';
  }
  return list.join(' ');
}

function regexp(re: string): GoRegexp {
  try {
    return compileGoRegexp(re);
  } catch (e) {
    if (e instanceof GoRegexpSyntaxError) throw new GoError(e.message);
    throw e;
  }
}

/** regexp.MustCompile panics with this text. */
function mustCompile(re: string): GoRegexp {
  try {
    return compileGoRegexp(re);
  } catch (e) {
    if (e instanceof GoRegexpSyntaxError) throw new GoError(`regexp: Compile(${JSON.stringify(re)}): ${e.message}`);
    throw e;
  }
}

function listFn(verb: string, body: (l: TV[]) => MaybeTV): Impl {
  return (list) => body(listOf(list, (k) => `Cannot ${verb} on type ${k}`));
}

function mustList<T>(_name: string, verb: string, body: (l: TV[]) => T): [Impl, Impl] {
  const impl = listFn(verb, body as (l: TV[]) => MaybeTV);
  return [impl, impl];
}

function merge(dst: Record<string, TV>, src: Record<string, TV>, overwrite: boolean): void {
  for (const k of Object.keys(src)) {
    const sv = src[k];
    const dv = dst[k];
    if (isMap(dv) && isMap(sv)) {
      merge(dv, sv, overwrite);
    } else if (!(k in dst) || (overwrite ? !isEmpty(sv) : isEmpty(dv))) {
      dst[k] = sv;
    }
  }
}

function dig(...ps: MaybeTV[]): MaybeTV {
  if (ps.length < 3) throw new GoError('dig needs at least three arguments');
  let dict = ps[ps.length - 1];
  const def = ps[ps.length - 2];
  const keys = ps.slice(0, -2);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (typeof k !== 'string') throw new GoError(`interface conversion: interface {} is ${kindName(k)}, not string`);
    if (!isMap(dict)) throw new GoError(`interface conversion: interface {} is ${kindName(dict)}, not map[string]interface {}`);
    if (!Object.prototype.hasOwnProperty.call(dict, k)) return def;
    if (i === keys.length - 1) return dict[k];
    dict = dict[k];
  }
  return def;
}

function chunk(size: number, list: TV[]): TV[] {
  const l = list.length;
  const cs = Math.floor((l - 1) / size) + 1;
  const out: TV[] = [];
  for (let i = 0; i < cs; i++) {
    let clen = size;
    if (i === cs - 1) {
      clen = Math.floor(l % size);
      if (clen === 0) clen = size;
    }
    out.push(list.slice(i * size, i * size + clen));
  }
  return out;
}

function round(a: MaybeTV, p: MaybeTV, ...opt: MaybeTV[]): number {
  const roundOn = opt.length > 0 ? (opt[0] as number) : 0.5;
  const val = toFloat64(a);
  const pow = Math.pow(10, n(p));
  const digit = pow * val;
  const frac = digit - Math.trunc(digit);
  const r = frac >= roundOn ? Math.ceil(digit) : Math.floor(digit);
  return r / pow;
}

function goPathClean(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!rooted) parts.push('..');
      continue;
    }
    parts.push(seg);
  }
  const out = (rooted ? '/' : '') + parts.join('/');
  return out === '' ? '.' : out;
}

function goPathBase(p: string): string {
  if (p === '') return '.';
  const t = p.replace(/\/+$/, '');
  if (t === '') return '/';
  return t.slice(t.lastIndexOf('/') + 1);
}

function goPathDir(p: string): string {
  const i = p.lastIndexOf('/');
  return goPathClean(p.slice(0, i + 1));
}

function goPathExt(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) if (p[i] === '.') return p.slice(i);
  return '';
}

/** net/url.Parse for the parts urlParse reports. */
function urlParse(v: string): TV {
  const re = /^(?:([A-Za-z][A-Za-z0-9+.-]*):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/;
  const r = re.exec(v);
  if (!r) throw new GoError(`unable to parse url: parse ${JSON.stringify(v)}: invalid URI`);
  const scheme = (r[1] ?? '').toLowerCase();
  const authority = r[2];
  let userinfo = '';
  let host = '';
  if (authority !== undefined) {
    const at = authority.lastIndexOf('@');
    if (at >= 0) {
      userinfo = authority.slice(0, at);
      host = authority.slice(at + 1);
    } else host = authority;
  }
  let pathPart = r[3] ?? '';
  let opaque = '';
  if (scheme && authority === undefined && pathPart !== '' && !pathPart.startsWith('/')) {
    opaque = pathPart;
    pathPart = '';
  }
  let hostname = host;
  if (hostname.startsWith('[')) hostname = hostname.slice(1, hostname.indexOf(']'));
  else hostname = hostname.replace(/:\d*$/, '');
  return {
    scheme,
    host,
    hostname,
    path: decodeURIComponentSafe(pathPart),
    query: r[4] ?? '',
    opaque,
    fragment: decodeURIComponentSafe(r[5] ?? ''),
    userinfo,
  };
}

function decodeURIComponentSafe(x: string): string {
  try {
    return decodeURIComponent(x);
  } catch {
    return x;
  }
}

function urlJoin(d: Record<string, TV>): string {
  const get = (k: string): string => {
    if (!(k in d)) return '';
    const v = d[k];
    if (typeof v !== 'string') throw new GoError(`unable to parse ${k} key, must be of type string, but ${kindName(v)} found`);
    return v;
  };
  const scheme = get('scheme');
  const host = get('host');
  const p = get('path');
  const query = get('query');
  const opaque = get('opaque');
  const fragment = get('fragment');
  const userinfo = get('userinfo');
  let out = '';
  if (scheme) out += scheme + ':';
  if (opaque) out += opaque;
  else {
    if (scheme || host || userinfo) {
      if (host || p || userinfo) out += '//';
      if (userinfo) out += userinfo + '@';
      out += host;
    }
    if (p && !p.startsWith('/') && host) out += '/';
    out += encodeURI(p);
  }
  if (query) out += '?' + query;
  if (fragment) out += '#' + encodeURIComponent(fragment);
  return out;
}

const ALPHA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';

function randomString(count: number, alphabet: string): string {
  let out = '';
  for (let i = 0; i < count; i++) out += alphabet[crypto.randomInt(alphabet.length)];
  return out;
}

function asciiPrintable(): string {
  let a = '';
  for (let c = 32; c <= 126; c++) a += String.fromCharCode(c);
  return a;
}

function hash(alg: string): Impl {
  return (v) => crypto.createHash(alg).update(s(v), 'utf8').digest('hex');
}

function unavailable(name: string, why: string): GoFunc {
  return fn([], () => {
    throw new GoError(`${name} is not available in offline render: ${why}`);
  }, 'any');
}

function decimalFn(op: DecimalOp, first: 'zero' | 'arg'): Impl {
  return (...args) => {
    if (first === 'zero') return decimalOp(0, args.map(toFloat64), op);
    return decimalOp(toFloat64(args[0]), args.slice(1).map(toFloat64), op);
  };
}

function int64Div(a: bigint, b: bigint, kind: 'div' | 'mod'): bigint {
  if (b === 0n) throw new GoError('runtime error: integer divide by zero');
  return kind === 'div' ? a / b : a % b;
}

function wrapInt64(v: bigint): bigint {
  return BigInt.asIntN(64, v);
}

const [first, mustFirst] = mustList('first', 'find first', (l) => (l.length === 0 ? null : l[0]));
const [last, mustLast] = mustList('last', 'find last', (l) => (l.length === 0 ? null : l[l.length - 1]));
// An empty list gives a nil []interface{}, which prints as [] (unlike first/last's untyped nil).
const [rest, mustRest] = mustList('rest', 'find rest', (l) => l.slice(1));
const [initial, mustInitial] = mustList('initial', 'find initial', (l) => l.slice(0, -1));
const [reverse, mustReverse] = mustList('reverse', 'find reverse', (l) => [...l].reverse());
const [compact, mustCompact] = mustList('compact', 'compact', (l) => l.filter((x) => !isEmpty(x)));
const [uniq, mustUniq] = mustList('uniq', 'find uniq', (l) => {
  const out: TV[] = [];
  for (const x of l) if (!out.some((y) => deepEqualTV(x, y))) out.push(x);
  return out;
});

function push(where: 'append' | 'prepend'): Impl {
  return (list, v) => {
    const l = listOf(list, (k) => `Cannot ${where === 'append' ? 'push' : 'prepend'} on type ${k}`);
    const val = v === undefined ? null : v;
    return where === 'append' ? [...l, val] : [val, ...l];
  };
}

function without(list: MaybeTV, ...omit: MaybeTV[]): MaybeTV {
  const l = listOf(list, (k) => `Cannot find without on type ${k}`);
  return l.filter((x) => !omit.some((o) => deepEqualTV(x, o)));
}

function has(needle: MaybeTV, haystack: MaybeTV): MaybeTV {
  if (haystack === undefined || haystack === null) return false;
  const l = listOf(haystack, (k) => `Cannot find has on type ${k}`);
  return l.some((x) => deepEqualTV(needle, x));
}

function sliceList(list: MaybeTV, ...indices: MaybeTV[]): MaybeTV {
  const l = listOf(list, (k) => `list should be type of slice or array but ${k}`);
  if (l.length === 0) return null;
  const start = indices.length > 0 ? Number(toInt64(indices[0])) : 0;
  const end = indices.length < 2 ? l.length : Number(toInt64(indices[1]));
  if (start < 0 || end > l.length || start > end) {
    throw new GoError(`reflect: slice index out of range`);
  }
  return l.slice(start, end);
}

function concat(...lists: MaybeTV[]): MaybeTV {
  let res: TV[] | undefined;
  for (const list of lists) {
    if (list === undefined || list === null) throw nilTypePanic();
    if (!Array.isArray(list)) throw new GoError(`Cannot concat type ${kindName(list)} as list`);
    res = [...(res ?? []), ...list];
  }
  return res ?? [];
}

/** Sprig's typeOf is fmt's %T: reflect's type name, and `<nil>` for a nil interface. */
function typeOfTV(v: MaybeTV): string {
  return v === undefined || v === null ? '<nil>' : typeName(v);
}

function kindOfTV(v: MaybeTV): string {
  if (v === undefined || v === null) return 'invalid';
  return kindName(v);
}

/** Sprig's FuncMap, less `env` and `expandenv` (function-go-templating deletes them). */
export function sprigFunctions(): Map<string, GoFunc> {
  const f = new Map<string, GoFunc>();
  const add = (name: string, g: GoFunc): void => {
    f.set(name, g);
  };

  add('hello', fn([], () => 'Hello!'));

  // Strings.
  add('abbrev', fn(['int', 'string'], (w, str) => (n(w) < 4 ? s(str) : abbreviateFull(s(str), 0, n(w)))));
  add('abbrevboth', fn(['int', 'int', 'string'], (l, r, str) => {
    const left = n(l);
    const right = n(r);
    if (right < 4 || (left > 0 && right < 7)) return s(str);
    return abbreviateFull(s(str), left, right);
  }));
  add('trunc', fn(['int', 'string'], (c, str) => {
    const len = byteLen(s(str));
    const cnt = n(c);
    if (cnt < 0 && len + cnt > 0) return byteSlice(s(str), len + cnt, len);
    if (cnt >= 0 && len > cnt) return byteSlice(s(str), 0, cnt);
    return s(str);
  }));
  add('trim', fn(['string'], (x) => trimSpace(s(x))));
  add('upper', fn(['string'], (x) => s(x).toUpperCase()));
  add('lower', fn(['string'], (x) => s(x).toLowerCase()));
  add('title', fn(['string'], (x) => title(s(x))));
  add('untitle', fn(['string'], (x) => untitle(s(x))));
  add('substr', fn(['int', 'int', 'string'], (a, b, str) => {
    const start = n(a);
    const end = n(b);
    if (start < 0) return byteSlice(s(str), 0, end);
    if (end < 0 || end > byteLen(s(str))) return byteSlice(s(str), start, undefined);
    return byteSlice(s(str), start, end);
  }));
  add('repeat', fn(['int', 'string'], (c, str) => {
    if (n(c) < 0) throw new GoError('strings: negative Repeat count');
    if (n(c) * s(str).length > MAX_GENERATED) throw tooLarge('string', n(c) * s(str).length);
    return s(str).repeat(n(c));
  }));
  add('trimall', fn(['string', 'string'], (a, b) => trimSet(s(b), s(a))));
  add('trimAll', fn(['string', 'string'], (a, b) => trimSet(s(b), s(a))));
  add('trimSuffix', fn(['string', 'string'], (a, b) => (s(b).endsWith(s(a)) ? s(b).slice(0, s(b).length - s(a).length) : s(b))));
  add('trimPrefix', fn(['string', 'string'], (a, b) => (s(b).startsWith(s(a)) ? s(b).slice(s(a).length) : s(b))));
  add('nospace', fn(['string'], (x) => deleteWhiteSpace(s(x))));
  add('initials', fn(['string'], (x) => initials(s(x))));
  add('randAlphaNum', fn(['int'], (c) => randomString(n(c), ALPHA + DIGITS)));
  add('randAlpha', fn(['int'], (c) => randomString(n(c), ALPHA)));
  add('randAscii', fn(['int'], (c) => randomString(n(c), asciiPrintable())));
  add('randNumeric', fn(['int'], (c) => randomString(n(c), DIGITS)));
  add('swapcase', fn(['string'], (x) => swapCase(s(x))));
  add('shuffle', fn(['string'], (x) => {
    const chars = Array.from(s(x));
    for (let i = chars.length - 1; i > 0; i--) {
      const j = crypto.randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j], chars[i]];
    }
    return chars.join('');
  }));
  add('snakecase', fn(['string'], (x) => snakeCase(s(x))));
  add('camelcase', fn(['string'], (x) => pascalCase(s(x))));
  add('kebabcase', fn(['string'], (x) => kebabCase(s(x))));
  add('wrap', fn(['int', 'string'], (l, str) => wrapCustom(s(str), n(l), '\n', false)));
  add('wrapWith', fn(['int', 'string', 'string'], (l, sep, str) => wrapCustom(s(str), n(l), s(sep), true)));
  add('contains', fn(['string', 'string'], (sub, str) => s(str).includes(s(sub))));
  add('hasPrefix', fn(['string', 'string'], (sub, str) => s(str).startsWith(s(sub))));
  add('hasSuffix', fn(['string', 'string'], (sub, str) => s(str).endsWith(s(sub))));
  add('quote', fn([], (...args) => args.filter((a) => a !== null && a !== undefined).map((a) => fmtSprintf('%q', [strval(a)])).join(' '), 'any'));
  add('squote', fn([], (...args) => args.filter((a) => a !== null && a !== undefined).map((a) => fmtSprintf("'%v'", [a])).join(' '), 'any'));
  add('cat', fn([], (...args) => {
    const v = args.filter((a) => a !== null && a !== undefined);
    return fmtSprintf('%v '.repeat(v.length).trim(), v);
  }, 'any'));
  add('indent', fn(['int', 'string'], (sp, v) => {
    if (n(sp) > MAX_GENERATED) throw tooLarge('indentation', n(sp));
    const pad = ' '.repeat(Math.max(0, n(sp)));
    return pad + s(v).split('\n').join('\n' + pad);
  }));
  add('nindent', fn(['int', 'string'], (sp, v) => {
    if (n(sp) > MAX_GENERATED) throw tooLarge('indentation', n(sp));
    const pad = ' '.repeat(Math.max(0, n(sp)));
    return '\n' + pad + s(v).split('\n').join('\n' + pad);
  }));
  add('replace', fn(['string', 'string', 'string'], (o, nw, src) => replaceAllLiteral(s(src), s(o), s(nw))));
  add('plural', fn(['string', 'string', 'int'], (one, many, c) => (n(c) === 1 ? s(one) : s(many))));
  add('sha1sum', fn(['string'], hash('sha1')));
  add('sha256sum', fn(['string'], hash('sha256')));
  add('sha512sum', fn(['string'], hash('sha512')));
  add('adler32sum', fn(['string'], (x) => String(adler32(Buffer.from(s(x), 'utf8')))));
  add('toString', fn(['any'], (v) => strval(v)));

  // Conversions and numbers.
  add('atoi', fn(['string'], (a) => {
    const t = s(a);
    return /^[+-]?\d+$/.test(t) && BigInt(t) >= -(1n << 63n) && BigInt(t) < 1n << 63n ? BigInt(t) : 0n;
  }));
  add('int64', fn(['any'], (v) => toInt64(v)));
  add('int', fn(['any'], (v) => toInt64(v)));
  add('float64', fn(['any'], (v) => toFloat64(v)));
  add('seq', fn([], (...p) => seq(...p.map(n)), 'int'));
  add('toDecimal', fn(['any'], (v) => {
    const t = strval(v);
    return /^[+-]?[0-7]+$/.test(t) ? BigInt.asIntN(64, BigInt('0o' + t.replace(/^[+-]/, '')) * (t.startsWith('-') ? -1n : 1n)) : 0n;
  }));
  add('split', fn(['string', 'string'], (sep, orig) => {
    const res: Record<string, TV> = {};
    splitN(s(orig), s(sep), -1).forEach((p, i) => {
      res['_' + i] = p;
    });
    return res;
  }));
  add('splitList', fn(['string', 'string'], (sep, orig) => strings(splitN(s(orig), s(sep), -1))));
  add('splitn', fn(['string', 'int', 'string'], (sep, c, orig) => {
    const res: Record<string, TV> = {};
    splitN(s(orig), s(sep), n(c)).forEach((p, i) => {
      res['_' + i] = p;
    });
    return res;
  }));
  add('toStrings', fn(['any'], (v) => strings(strslice(v))));
  add('until', fn(['int'], (c) => intList(untilStep(0, n(c), n(c) < 0 ? -1 : 1))));
  add('untilStep', fn(['int', 'int', 'int'], (a, b, c) => intList(untilStep(n(a), n(b), n(c)))));
  add('add1', fn(['any'], (i) => wrapInt64(toInt64(i) + 1n)));
  add('add', fn([], (...i) => wrapInt64(i.reduce<bigint>((acc, b) => acc + toInt64(b), 0n)), 'any'));
  add('sub', fn(['any', 'any'], (a, b) => wrapInt64(toInt64(a) - toInt64(b))));
  add('div', fn(['any', 'any'], (a, b) => int64Div(toInt64(a), toInt64(b), 'div')));
  add('mod', fn(['any', 'any'], (a, b) => int64Div(toInt64(a), toInt64(b), 'mod')));
  add('mul', fn(['any'], (a, ...v) => wrapInt64(v.reduce<bigint>((acc, b) => acc * toInt64(b), toInt64(a))), 'any'));
  add('randInt', fn(['int', 'int'], (lo, hi) => {
    if (n(hi) - n(lo) <= 0) throw new GoError('invalid argument to Intn');
    return BigInt(crypto.randomInt(n(hi) - n(lo)) + n(lo));
  }));
  add('add1f', fn(['any'], (i) => decimalOp(toFloat64(i), [1], 'add')));
  add('addf', fn([], decimalFn('add', 'zero'), 'any'));
  add('subf', fn(['any'], decimalFn('sub', 'arg'), 'any'));
  add('divf', fn(['any'], decimalFn('div', 'arg'), 'any'));
  add('mulf', fn(['any'], decimalFn('mul', 'arg'), 'any'));
  const maxI = fn(['any'], (a, ...i) => i.reduce<bigint>((acc, b) => (toInt64(b) > acc ? toInt64(b) : acc), toInt64(a)), 'any');
  add('biggest', maxI);
  add('max', maxI);
  add('min', fn(['any'], (a, ...i) => i.reduce<bigint>((acc, b) => (toInt64(b) < acc ? toInt64(b) : acc), toInt64(a)), 'any'));
  add('maxf', fn(['any'], (a, ...i) => i.reduce<number>((acc, b) => Math.max(acc, toFloat64(b)), toFloat64(a)), 'any'));
  add('minf', fn(['any'], (a, ...i) => i.reduce<number>((acc, b) => Math.min(acc, toFloat64(b)), toFloat64(a)), 'any'));
  add('ceil', fn(['any'], (a) => Math.ceil(toFloat64(a))));
  add('floor', fn(['any'], (a) => Math.floor(toFloat64(a))));
  add('round', fn(['any', 'int'], round, 'float64'));

  // String slices.
  add('join', fn(['string', 'any'], (sep, v) => strslice(v).join(s(sep))));
  add('sortAlpha', fn(['any'], (v) => {
    if (!Array.isArray(v)) return strings([strval(v)]);
    return strings(strslice(v).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
  }));

  // Defaults.
  add('default', fn(['any'], (d, ...given) => (given.length === 0 || isEmpty(given[0]) ? d : given[0]), 'any'));
  add('empty', fn(['any'], (v) => isEmpty(v)));
  add('coalesce', fn([], (...v) => v.find((x) => !isEmpty(x)) ?? null, 'any'));
  add('all', fn([], (...v) => v.every((x) => !isEmpty(x)), 'any'));
  add('any', fn([], (...v) => v.some((x) => !isEmpty(x)), 'any'));
  add('compact', fn(['any'], compact));
  add('mustCompact', fn(['any'], mustCompact));
  add('fromJson', fn(['string'], (v) => {
    try {
      return goJsonUnmarshal(s(v), 'any') as TV;
    } catch {
      return null;
    }
  }));
  add('mustFromJson', fn(['string'], (v) => {
    try {
      return goJsonUnmarshal(s(v), 'any') as TV;
    } catch (e) {
      throw new GoError((e as Error).message);
    }
  }));
  add('toJson', fn(['any'], (v) => {
    try {
      return jsonMarshal(v);
    } catch {
      return '';
    }
  }));
  add('toPrettyJson', fn(['any'], (v) => {
    try {
      return jsonMarshal(v, '  ');
    } catch {
      return '';
    }
  }));
  add('toRawJson', fn(['any'], (v) => jsonMarshal(v, '', false)));
  add('mustToJson', fn(['any'], (v) => jsonMarshal(v)));
  add('mustToPrettyJson', fn(['any'], (v) => jsonMarshal(v, '  ')));
  add('mustToRawJson', fn(['any'], (v) => jsonMarshal(v, '', false)));
  add('ternary', fn(['any', 'any', 'bool'], (vt, vf, b) => (b ? vt : vf)));
  add('deepCopy', fn(['any'], (v) => deepCopyTV(v)));
  add('mustDeepCopy', fn(['any'], (v) => deepCopyTV(v)));

  // Reflection.
  add('typeOf', fn(['any'], (v) => typeOfTV(v)));
  add('typeIs', fn(['string', 'any'], (t, v) => s(t) === typeOfTV(v)));
  add('typeIsLike', fn(['string', 'any'], (t, v) => s(t) === typeOfTV(v) || '*' + s(t) === typeOfTV(v)));
  add('kindOf', fn(['any'], (v) => kindOfTV(v)));
  add('kindIs', fn(['string', 'any'], (t, v) => s(t) === kindOfTV(v)));
  add('deepEqual', fn(['any', 'any'], (a, b) => deepEqualTV(a, b)));

  // Network and the environment: never consulted offline.
  add('getHostByName', unavailable('getHostByName', 'it resolves names over the network'));

  // Paths (path and, on Linux, path/filepath behave the same).
  for (const [a, b] of [['base', 'osBase'], ['dir', 'osDir'], ['clean', 'osClean'], ['ext', 'osExt'], ['isAbs', 'osIsAbs']]) {
    const impl: Impl = {
      base: (p: MaybeTV) => goPathBase(s(p)),
      dir: (p: MaybeTV) => goPathDir(s(p)),
      clean: (p: MaybeTV) => goPathClean(s(p)),
      ext: (p: MaybeTV) => goPathExt(s(p)),
      isAbs: (p: MaybeTV) => path.posix.isAbsolute(s(p)),
    }[a]!;
    add(a, fn(['string'], impl));
    add(b, fn(['string'], impl));
  }

  // Encoding.
  add('b64enc', fn(['string'], (v) => Buffer.from(s(v), 'utf8').toString('base64')));
  add('b64dec', fn(['string'], (v) => {
    try {
      return decodeBase64(s(v));
    } catch (e) {
      return (e as Error).message;
    }
  }));
  add('b32enc', fn(['string'], (v) => base32Encode(Buffer.from(s(v), 'utf8'))));
  add('b32dec', fn(['string'], (v) => {
    try {
      return base32Decode(s(v)).toString('utf8');
    } catch (e) {
      return (e as Error).message;
    }
  }));

  // Data structures.
  const list = fn([], (...v) => v.map((x) => (x === undefined ? null : x)), 'any');
  add('tuple', list);
  add('list', list);
  add('dict', fn([], (...v) => {
    const d: Record<string, TV> = {};
    for (let i = 0; i < v.length; i += 2) {
      const key = strval(v[i]);
      d[key] = i + 1 >= v.length ? '' : (v[i + 1] ?? null);
    }
    return d;
  }, 'any'));
  add('get', fn(['map', 'string'], (d, k) => (Object.prototype.hasOwnProperty.call(m(d), s(k)) ? m(d)[s(k)] : '')));
  add('set', fn(['map', 'string', 'any'], (d, k, v) => {
    if (d === null) throw new GoError('assignment to entry in nil map');
    m(d)[s(k)] = v ?? null;
    return d;
  }));
  add('unset', fn(['map', 'string'], (d, k) => {
    if (d !== null) delete m(d)[s(k)];
    return d;
  }));
  add('hasKey', fn(['map', 'string'], (d, k) => Object.prototype.hasOwnProperty.call(m(d), s(k))));
  add('pluck', fn(['string'], (k, ...ds) => ds.filter((d) => Object.prototype.hasOwnProperty.call(m(d), s(k))).map((d) => m(d)[s(k)]), 'map'));
  add('keys', fn([], (...ds) => strings(ds.flatMap((d) => Object.keys(m(d)))), 'map'));
  add('pick', fn(['map'], (d, ...ks) => {
    const res: Record<string, TV> = {};
    for (const k of ks) if (Object.prototype.hasOwnProperty.call(m(d), s(k))) res[s(k)] = m(d)[s(k)];
    return res;
  }, 'string'));
  add('omit', fn(['map'], (d, ...ks) => {
    const res: Record<string, TV> = {};
    const drop = new Set(ks.map(s));
    for (const k of Object.keys(m(d))) if (!drop.has(k)) res[k] = m(d)[k];
    return res;
  }, 'string'));
  const mergeFn = (overwrite: boolean): Impl => (dst, ...srcs) => {
    const d = dst === null ? {} : m(dst);
    for (const src of srcs) if (src !== null) merge(d, m(src), overwrite);
    return d;
  };
  add('merge', fn(['map'], mergeFn(false), 'map'));
  add('mergeOverwrite', fn(['map'], mergeFn(true), 'map'));
  add('mustMerge', fn(['map'], mergeFn(false), 'map'));
  add('mustMergeOverwrite', fn(['map'], mergeFn(true), 'map'));
  add('values', fn(['map'], (d) => Object.keys(m(d)).map((k) => m(d)[k])));
  add('append', fn(['any', 'any'], push('append')));
  add('push', fn(['any', 'any'], push('append')));
  add('mustAppend', fn(['any', 'any'], push('append')));
  add('mustPush', fn(['any', 'any'], push('append')));
  add('prepend', fn(['any', 'any'], push('prepend')));
  add('mustPrepend', fn(['any', 'any'], push('prepend')));
  add('first', fn(['any'], first));
  add('mustFirst', fn(['any'], mustFirst));
  add('rest', fn(['any'], rest));
  add('mustRest', fn(['any'], mustRest));
  add('last', fn(['any'], last));
  add('mustLast', fn(['any'], mustLast));
  add('initial', fn(['any'], initial));
  add('mustInitial', fn(['any'], mustInitial));
  add('reverse', fn(['any'], reverse));
  add('mustReverse', fn(['any'], mustReverse));
  add('uniq', fn(['any'], uniq));
  add('mustUniq', fn(['any'], mustUniq));
  add('without', fn(['any'], without, 'any'));
  add('mustWithout', fn(['any'], without, 'any'));
  add('has', fn(['any', 'any'], has));
  add('mustHas', fn(['any', 'any'], has));
  add('slice', fn(['any'], sliceList, 'any'));
  add('mustSlice', fn(['any'], sliceList, 'any'));
  add('concat', fn([], concat, 'any'));
  add('dig', fn([], dig, 'any'));
  add('chunk', fn(['int', 'any'], (size, l) => chunk(n(size), listOf(l, (k) => `Cannot chunk type ${k}`))));
  add('mustChunk', fn(['int', 'any'], (size, l) => chunk(n(size), listOf(l, (k) => `Cannot chunk type ${k}`))));

  // Crypto and certificates: random keys offline would not match a live render either.
  for (const name of ['bcrypt', 'htpasswd', 'genPrivateKey', 'derivePassword', 'buildCustomCert', 'genCA', 'genCAWithKey',
    'genSelfSignedCert', 'genSelfSignedCertWithKey', 'genSignedCert', 'genSignedCertWithKey', 'encryptAES', 'decryptAES']) {
    add(name, unavailable(name, 'key and certificate functions are not implemented offline'));
  }
  add('randBytes', fn(['int'], (c) => crypto.randomBytes(Math.max(0, n(c))).toString('base64')));
  add('uuidv4', fn([], () => crypto.randomUUID()));

  // Dates read the clock or time zones.
  for (const name of ['ago', 'date', 'date_in_zone', 'date_modify', 'dateInZone', 'dateModify', 'duration', 'durationRound',
    'htmlDate', 'htmlDateInZone', 'must_date_modify', 'mustDateModify', 'mustToDate', 'now', 'toDate', 'unixEpoch']) {
    add(name, unavailable(name, 'date and time functions are not implemented offline'));
  }
  for (const name of ['semver', 'semverCompare']) {
    add(name, unavailable(name, 'semantic version functions are not implemented offline'));
  }

  add('fail', fn(['string'], (msg) => {
    throw new GoError(s(msg));
  }));

  // Regular expressions (Go RE2 syntax).
  add('regexMatch', fn(['string', 'string'], (re, str) => {
    try {
      return regexp(s(re)).test(s(str));
    } catch (e) {
      if (e instanceof GoError) return false;
      throw e;
    }
  }));
  add('mustRegexMatch', fn(['string', 'string'], (re, str) => regexp(s(re)).test(s(str))));
  add('regexFindAll', fn(['string', 'string', 'int'], (re, str, c) => strings(mustCompile(s(re)).findAllString(s(str), n(c)) ?? [])));
  add('mustRegexFindAll', fn(['string', 'string', 'int'], (re, str, c) => strings(regexp(s(re)).findAllString(s(str), n(c)) ?? [])));
  add('regexFind', fn(['string', 'string'], (re, str) => mustCompile(s(re)).findString(s(str))));
  add('mustRegexFind', fn(['string', 'string'], (re, str) => regexp(s(re)).findString(s(str))));
  add('regexReplaceAll', fn(['string', 'string', 'string'], (re, str, repl) => mustCompile(s(re)).replaceAllString(s(str), s(repl))));
  add('mustRegexReplaceAll', fn(['string', 'string', 'string'], (re, str, repl) => regexp(s(re)).replaceAllString(s(str), s(repl))));
  add('regexReplaceAllLiteral', fn(['string', 'string', 'string'], (re, str, repl) => mustCompile(s(re)).replaceAllLiteralString(s(str), s(repl))));
  add('mustRegexReplaceAllLiteral', fn(['string', 'string', 'string'], (re, str, repl) => regexp(s(re)).replaceAllLiteralString(s(str), s(repl))));
  add('regexSplit', fn(['string', 'string', 'int'], (re, str, c) => strings(mustCompile(s(re)).split(s(str), n(c)))));
  add('mustRegexSplit', fn(['string', 'string', 'int'], (re, str, c) => strings(regexp(s(re)).split(s(str), n(c)))));
  add('regexQuoteMeta', fn(['string'], (str) => quoteMeta(s(str))));

  // URLs.
  add('urlParse', fn(['string'], (v) => urlParse(s(v))));
  add('urlJoin', fn(['map'], (d) => urlJoin(m(d))));

  return f;
}

/** strings.Replace(s, old, new, -1), including Go's rule for an empty `old`. */
function replaceAllLiteral(src: string, old: string, nw: string): string {
  if (old === '') {
    const chars = Array.from(src);
    return nw + chars.map((c) => c + nw).join('');
  }
  return src.split(old).join(nw);
}

