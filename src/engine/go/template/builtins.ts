/**
 * text/template's predefined functions (funcs.go): and, or, not, len, index, slice, print,
 * printf, println, html, js, urlquery, call and the comparisons, with Go's error texts.
 */
import {
  fmtSprint, fmtSprintf, fmtSprintln, GoError, GoFunc, indirectInterface, isMap, isTrue, MaybeTV, STRING_SLICES, TV,
  typeName,
  utf8Length,
} from './value';

const notImplemented = (): never => {
  throw new GoError('not implemented');
};

function indexArg(index: MaybeTV, cap: number): number {
  let x: bigint;
  if (typeof index === 'bigint') x = index;
  else if (index === undefined || index === null) throw new GoError('cannot index slice/array with nil');
  else throw new GoError(`cannot index slice/array with type ${typeName(index)}`);
  if (x < 0n || x > BigInt(cap)) throw new GoError(`index out of range: ${x}`);
  return Number(x);
}

function index(item: MaybeTV, ...indexes: MaybeTV[]): MaybeTV {
  let cur = indirectInterface(item);
  if (cur === undefined) throw new GoError('index of untyped nil');
  for (const raw of indexes) {
    const idx = indirectInterface(raw);
    if (cur === null || cur === undefined) throw new GoError('index of nil pointer');
    if (typeof cur === 'string') {
      const bytes = Buffer.from(cur, 'utf8');
      const x = indexArg(idx, bytes.length);
      if (x === bytes.length) throw new GoError(`index out of range: ${x}`);
      cur = BigInt(bytes[x]);
    } else if (Array.isArray(cur)) {
      const x = indexArg(idx, cur.length);
      if (x === cur.length) throw new GoError(`index out of range: ${x}`);
      cur = cur[x];
    } else if (isMap(cur)) {
      if (idx === undefined) throw new GoError('value is nil; should be of type string');
      if (typeof idx !== 'string') throw new GoError(`value has type ${typeName(idx)}; should be string`);
      cur = Object.prototype.hasOwnProperty.call(cur, idx) ? cur[idx] : null;
    } else {
      throw new GoError(`can't index item of type ${typeName(cur)}`);
    }
  }
  return cur;
}

function slice(item: MaybeTV, ...indexes: MaybeTV[]): MaybeTV {
  const v = indirectInterface(item);
  if (v === undefined) throw new GoError('slice of untyped nil');
  if (indexes.length > 3) throw new GoError(`too many slice indexes: ${indexes.length}`);
  let cap: number;
  let len: number;
  let bytes: Buffer | undefined;
  if (typeof v === 'string') {
    if (indexes.length === 3) throw new GoError('cannot 3-index slice a string');
    bytes = Buffer.from(v, 'utf8');
    cap = len = bytes.length;
  } else if (Array.isArray(v)) {
    cap = len = v.length;
  } else {
    throw new GoError(`can't slice item of type ${typeName(v)}`);
  }
  const idx = [0, len, 0];
  indexes.forEach((x, i) => {
    idx[i] = indexArg(x, cap);
  });
  if (idx[0] > idx[1]) throw new GoError(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1] > idx[2]) throw new GoError(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (bytes) return bytes.subarray(idx[0], idx[1]).toString('utf8');
  const out = (v as TV[]).slice(idx[0], idx[1]);
  if (STRING_SLICES.has(v as TV[])) STRING_SLICES.add(out);
  return out;
}

function length(item: MaybeTV): MaybeTV {
  if (item === null) throw new GoError('len of nil pointer');
  if (item === undefined) throw new GoError('reflect: call of reflect.Value.Type on zero Value');
  if (typeof item === 'string') return BigInt(utf8Length(item));
  if (Array.isArray(item)) return BigInt(item.length);
  if (isMap(item)) return BigInt(Object.keys(item).length);
  throw new GoError(`len of type ${typeName(item)}`);
}

// --- comparisons (funcs.go eq/lt) ---
type Kind = 'bool' | 'int' | 'float' | 'string' | 'invalid';

const ERR_BAD_TYPE = 'invalid type for comparison';
const ERR_BAD_COMPARISON = 'incompatible types for comparison';
const ERR_NO_COMPARISON = 'missing argument for comparison';

function basicKind(v: MaybeTV): { kind: Kind; err?: string } {
  switch (typeof v) {
    case 'boolean':
      return { kind: 'bool' };
    case 'bigint':
      return { kind: 'int' };
    case 'number':
      return { kind: 'float' };
    case 'string':
      return { kind: 'string' };
    default:
      return { kind: 'invalid', err: ERR_BAD_TYPE };
  }
}

function isNilValue(v: MaybeTV): boolean {
  return v === undefined || v === null;
}

function eq(arg1: MaybeTV, ...arg2: MaybeTV[]): MaybeTV {
  const a = indirectInterface(arg1);
  if (arg2.length === 0) throw new GoError(ERR_NO_COMPARISON);
  const k1 = basicKind(a).kind;
  for (const raw of arg2) {
    const b = indirectInterface(raw);
    const k2 = basicKind(b).kind;
    let truth = false;
    if (k1 !== k2) {
      if (a !== undefined && b !== undefined) throw new GoError(ERR_BAD_COMPARISON);
    } else if (k1 === 'invalid') {
      if (a !== undefined && b !== undefined && typeName(a) !== typeName(b)) {
        throw new GoError(`non-comparable types ${fmtSprint([a])}: ${typeName(a)}, ${typeName(b)}: ${fmtSprint([b])}`);
      }
      if (isNilValue(a) || isNilValue(b)) truth = isNilValue(a) === isNilValue(b);
      else throw new GoError(`non-comparable type ${fmtSprint([b])}: ${typeName(b)}`);
    } else {
      truth = a === b;
    }
    if (truth) return true;
  }
  return false;
}

function lt(arg1: MaybeTV, arg2: MaybeTV): boolean {
  const a = indirectInterface(arg1);
  const k1 = basicKind(a);
  if (k1.err) throw new GoError(k1.err);
  const b = indirectInterface(arg2);
  const k2 = basicKind(b);
  if (k2.err) throw new GoError(k2.err);
  if (k1.kind !== k2.kind) throw new GoError(ERR_BAD_COMPARISON);
  if (k1.kind === 'bool') throw new GoError(ERR_BAD_TYPE);
  if (k1.kind === 'string') return Buffer.compare(Buffer.from(a as string), Buffer.from(b as string)) < 0;
  return (a as number | bigint) < (b as number | bigint);
}

function le(a: MaybeTV, b: MaybeTV): boolean {
  return lt(a, b) || eq(a, b) === true;
}

// --- escapers (funcs.go HTMLEscapeString, JSEscapeString, url.QueryEscape) ---
/** evalArgs: one string argument as is, otherwise fmt.Sprint with invalid values as `<no value>`. */
function evalArgs(args: MaybeTV[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  const printable = args.map((a) => (a === undefined || a === null ? '<no value>' : a));
  return fmtSprint(printable);
}

export function htmlEscapeString(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => {
    switch (c) {
      case '\0':
        return '\uFFFD';
      case '"':
        return '&#34;';
      case "'":
        return '&#39;';
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      default:
        return '&gt;';
    }
  });
}

const JS_ESCAPES: Record<string, string> = {
  '\\': '\\\\', "'": "\\'", '"': '\\"', '<': '\\u003C', '>': '\\u003E', '&': '\\u0026', '=': '\\u003D',
};

export function jsEscapeString(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (JS_ESCAPES[ch]) out += JS_ESCAPES[ch];
    else if (cp < 0x20) out += '\\u00' + cp.toString(16).toUpperCase().padStart(2, '0');
    else if (cp < 0x80) out += ch;
    else if (isGoPrint(cp)) out += ch;
    else out += '\\u' + cp.toString(16).toUpperCase().padStart(4, '0');
  }
  return out;
}

/** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
export function isGoPrint(cp: number): boolean {
  if (cp === 0x20) return true;
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(String.fromCodePoint(cp));
}

export function queryEscape(s: string): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** The builtin function table, in Go's signatures. */
export const BUILTINS: ReadonlyMap<string, GoFunc> = new Map<string, GoFunc>([
  ['and', new GoFunc(['rv'], notImplemented, 'rv')],
  ['or', new GoFunc(['rv'], notImplemented, 'rv')],
  ['call', new GoFunc(['rv'], notImplemented, 'rv')],
  ['html', new GoFunc([], (...a) => htmlEscapeString(evalArgs(a)), 'any')],
  ['js', new GoFunc([], (...a) => jsEscapeString(evalArgs(a)), 'any')],
  ['urlquery', new GoFunc([], (...a) => queryEscape(evalArgs(a)), 'any')],
  ['index', new GoFunc(['rv'], index, 'rv')],
  ['slice', new GoFunc(['rv'], slice, 'rv')],
  ['len', new GoFunc(['rv'], length)],
  ['not', new GoFunc(['rv'], (a) => !isTrue(indirectInterface(a)).truth)],
  ['print', new GoFunc([], (...a) => fmtSprint(a), 'any')],
  ['printf', new GoFunc(['string'], (f, ...a) => fmtSprintf(f as string, a), 'any')],
  ['println', new GoFunc([], (...a) => fmtSprintln(a), 'any')],
  ['eq', new GoFunc(['rv'], eq, 'rv')],
  ['ne', new GoFunc(['rv', 'rv'], (a, b) => !eq(a, b))],
  ['lt', new GoFunc(['rv', 'rv'], lt)],
  ['le', new GoFunc(['rv', 'rv'], le)],
  ['gt', new GoFunc(['rv', 'rv'], (a, b) => !le(a, b))],
  ['ge', new GoFunc(['rv', 'rv'], (a, b) => !lt(a, b))],
]);
