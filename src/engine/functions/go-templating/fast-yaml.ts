/**
 * A fast reader for the plainest block YAML templates produce: nested mappings and sequences,
 * keys and plain scalars made of letters, digits and `._/-`, decimal integers, and double-quoted
 * strings without escapes. Anything else (flow style, comments, anchors, multi-line scalars,
 * booleans, floats, any word YAML 1.1 might resolve to another type) returns undefined and the
 * full parser reads the document, so the result is always what the full parser gives.
 */
import type { ObjectValue, Value } from '../../go/values';

const KEY = /^[A-Za-z_][A-Za-z0-9._/-]*$/;
const PLAIN = /^[A-Za-z][A-Za-z0-9._/-]*$/;
const INT = /^-?(0|[1-9][0-9]{0,14})$/;
const QUOTED = /^"[^"\\]*"$/;
// YAML 1.1 words with another type (go-yaml v2's resolve table, any case the table lists).
// Exponent-only words (`e5`) are floats to the full reader, so they are left to it too.
const SPECIAL = /^(y|n|yes|no|on|off|true|false|null|nan|inf|[eE][-+]?[0-9]+)$/i;

interface Line {
  readonly indent: number;
  readonly text: string;
}

class Bail extends Error {}

function scalar(s: string): Value {
  if (QUOTED.test(s)) return s.slice(1, -1);
  if (INT.test(s)) return BigInt(s);
  if (PLAIN.test(s) && !SPECIAL.test(s) && !s.endsWith('-')) return s;
  // A digit-led word with a slash is no number, date or time in YAML 1.1 (e.g. a CIDR).
  if (/^[0-9][A-Za-z0-9._/-]*\/[A-Za-z0-9._/-]*$/.test(s)) return s;
  throw new Bail();
}

export function fastBlockYaml(text: string): Value | undefined {
  const lines: Line[] = [];
  for (const raw of text.split('\n')) {
    if (raw.trim() === '') continue;
    if (/[\t#&*!|>%@`{}[\]',]/.test(raw) || raw.endsWith(' ')) return undefined;
    const indent = raw.length - raw.trimStart().length;
    lines.push({ indent, text: raw.slice(indent) });
  }
  if (lines.length === 0) return undefined;
  try {
    let i = 0;
    const block = (indent: number): Value => {
      const seq = lines[i].text.startsWith('- ') || lines[i].text === '-';
      if (seq) {
        const out: Value[] = [];
        while (i < lines.length && lines[i].indent === indent && (lines[i].text.startsWith('- ') || lines[i].text === '-')) {
          const rest = lines[i].text.slice(2);
          if (rest === '' || lines[i].text === '-') throw new Bail();
          // "- key: value" opens a mapping whose keys align two columns in.
          const m = /^([^:"]+):( (.*))?$/.exec(rest);
          if (m && KEY.test(m[1]) && !SPECIAL.test(m[1])) {
            lines[i] = { indent: indent + 2, text: rest };
            out.push(block(indent + 2));
          } else {
            out.push(scalar(rest));
            i++;
          }
        }
        return out;
      }
      const obj: ObjectValue = {};
      while (i < lines.length && lines[i].indent === indent) {
        const m = /^([^:"]+):(?: (.*))?$/.exec(lines[i].text);
        if (!m || !KEY.test(m[1]) || SPECIAL.test(m[1]) || lines[i].text.startsWith('- ')) throw new Bail();
        const key = m[1];
        i++;
        if (m[2] !== undefined) {
          obj[key] = scalar(m[2]);
          continue;
        }
        if (i < lines.length && (lines[i].indent > indent || (lines[i].indent === indent && lines[i].text.startsWith('- ')))) {
          obj[key] = block(lines[i].indent);
        } else {
          obj[key] = null;
        }
      }
      return obj;
    };
    const v = block(lines[0].indent);
    if (i !== lines.length || lines[0].indent !== 0) return undefined;
    return v;
  } catch (e) {
    if (e instanceof Bail) return undefined;
    throw e;
  }
}
