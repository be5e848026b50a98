/**
 * Sprig's encodings: encoding/json Marshal / MarshalIndent / an Encoder without HTML escaping,
 * base32 (StdEncoding, with Go's `illegal base32 data at input byte N`),
 * and Go regexp's ReplaceAllString template expansion.
 */
import { goJsonFloat, goJsonString, sortedKeys } from '../values';
import { GO_STRUCTS, GoError, GoFunc, isMap, MaybeTV, TV } from '../template';

/** json.Marshal; `indent` gives MarshalIndent(v, "", indent); `escapeHTML` false gives Encoder.SetEscapeHTML(false). */
export function jsonMarshal(v: MaybeTV, indent = '', escapeHTML = true): string {
  const str = (s: string): string => (escapeHTML ? goJsonString(s) : unescapeHtml(goJsonString(s)));
  const walk = (x: MaybeTV, depth: string): string => {
    if (x === undefined || x === null) return 'null';
    switch (typeof x) {
      case 'number':
        if (!Number.isFinite(x)) throw new GoError(`json: unsupported value: ${x === Infinity ? '+Inf' : x === -Infinity ? '-Inf' : 'NaN'}`);
        return goJsonFloat(x);
      case 'bigint':
        return x.toString();
      case 'string':
        return str(x);
      case 'boolean':
        return x ? 'true' : 'false';
    }
    if (x instanceof GoFunc) throw new GoError('json: unsupported type: func()');
    const inner = depth + indent;
    const nl = indent ? '\n' : '';
    if (Array.isArray(x)) {
      if (x.length === 0) return '[]';
      return '[' + nl + x.map((e) => inner + walk(e, inner)).join(',' + nl) + nl + depth + ']';
    }
    const struct = GO_STRUCTS.get(x);
    if (struct) {
      const fields: string[] = [];
      for (const f of struct.fields) {
        const fv = (x as Record<string, TV>)[f.name];
        if (f.omitEmpty && (fv === '' || fv === 0n || fv === 0 || fv === false || fv === null)) continue;
        fields.push(inner + str(f.json) + (indent ? ': ' : ':') + (f.time ? metaTimeJson(fv, str) : walk(fv, inner)));
      }
      return fields.length === 0 ? '{}' : '{' + nl + fields.join(',' + nl) + nl + depth + '}';
    }
    const keys = sortedKeys(x as Record<string, never>);
    if (keys.length === 0) return '{}';
    const sep = indent ? ': ' : ':';
    return '{' + nl + keys.map((k) => inner + str(k) + sep + walk((x as Record<string, TV>)[k], inner)).join(',' + nl) + nl + depth + '}';
  };
  return walk(v, '');
}

/** metav1.Time's MarshalJSON: null for the zero time, else RFC 3339 to the second in UTC. */
function metaTimeJson(v: TV, str: (s: string) => string): string {
  if (typeof v !== 'string' || v === '' || v.startsWith('0001-01-01T00:00:00')) return 'null';
  return str(v.replace(/\.\d+(?=Z$)/, ''));
}

function unescapeHtml(quoted: string): string {
  return quoted.replace(/(\\*)\\u00(3c|3e|26)/g, (m, slashes: string, hex: string) =>
    slashes.length % 2 === 0 ? slashes + String.fromCharCode(parseInt(hex, 16)) : m);
}

/** Deep copy of JSON-like data (copystructure.Copy for the values templates hold). */
export function deepCopyTV(v: MaybeTV): TV {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return v.map(deepCopyTV);
  if (isMap(v)) {
    const o: Record<string, TV> = {};
    for (const k of Object.keys(v)) o[k] = deepCopyTV(v[k]);
    return o;
  }
  return v;
}

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(b: Buffer): string {
  let out = '';
  for (let i = 0; i < b.length; i += 5) {
    const chunk = b.subarray(i, i + 5);
    let bits = 0n;
    for (let k = 0; k < 5; k++) bits = (bits << 8n) | BigInt(chunk[k] ?? 0);
    const chars = [0, 2, 4, 5, 7][chunk.length - 1];
    const n = chunk.length === 5 ? 8 : chars;
    for (let k = 0; k < 8; k++) {
      out += k < n ? B32[Number((bits >> BigInt(35 - 5 * k)) & 31n)] : '=';
    }
  }
  return out;
}

export function base32Decode(s: string): Buffer {
  const clean = s.replace(/[\r\n]/g, '');
  if (clean.length % 8 !== 0) throw new GoError(`illegal base32 data at input byte ${Math.floor(clean.length / 8) * 8}`);
  const out: number[] = [];
  for (let i = 0; i < clean.length; i += 8) {
    const block = clean.slice(i, i + 8);
    const pad = block.indexOf('=');
    const n = pad < 0 ? 8 : pad;
    if (pad >= 0 && !/^=+$/.test(block.slice(pad))) throw new GoError(`illegal base32 data at input byte ${i + pad}`);
    let bits = 0n;
    for (let k = 0; k < 8; k++) {
      const v = k < n ? B32.indexOf(block[k]) : 0;
      if (v < 0) throw new GoError(`illegal base32 data at input byte ${i + k}`);
      bits = (bits << 5n) | BigInt(v);
    }
    const bytes = { 8: 5, 7: 4, 5: 3, 4: 2, 2: 1 }[n as 8 | 7 | 5 | 4 | 2];
    if (bytes === undefined) throw new GoError(`illegal base32 data at input byte ${i + n}`);
    for (let k = 0; k < bytes; k++) out.push(Number((bits >> BigInt(32 - 8 * k)) & 0xffn));
  }
  return Buffer.from(out);
}

