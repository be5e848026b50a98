/**
 * Go `encoding/json.Unmarshal` into `interface{}`, `map[string]interface{}` and
 * `[]interface{}`: numbers become float64, and errors carry Go's texts (`invalid character 'x'
 * looking for beginning of value`, `unexpected end of JSON input`, `json: cannot unmarshal
 * array into Go value of type map[string]interface {}`). Used by P&T's `convert` transform with
 * `format: json` (reference §3.8).
 */
import { goQuote } from './strconv';
import { ObjectValue, setKey, Value } from './values';

/** The text is not valid JSON for the target, with Go's message. */
export class GoJsonSyntaxError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'GoJsonSyntaxError';
  }
}

function quoteChar(s: string, i: number): string {
  const c = s.charCodeAt(i);
  if (Number.isNaN(c)) return "' '";
  if (c === 0x27) return "'\\''";
  if (c === 0x22) return "'\"'";
  // The scanner reports a byte: for non-ASCII text that is the first UTF-8 byte.
  const b = c < 0x80 ? c : Buffer.from(String.fromCodePoint(s.codePointAt(i)!), 'utf8')[0];
  const q = goQuote(String.fromCharCode(b));
  return "'" + q.slice(1, -1) + "'";
}

class Checker {
  private i = 0;

  public constructor(private readonly s: string) {}

  private fail(context: string): never {
    throw new GoJsonSyntaxError(`invalid character ${quoteChar(this.s, this.i)} ${context}`);
  }

  private eof(): never {
    throw new GoJsonSyntaxError('unexpected end of JSON input');
  }

  private ws(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return;
      this.i++;
    }
  }

  /** Skips whitespace where the input may not end yet. */
  private wsBeforeMore(): void {
    this.ws();
    if (this.i >= this.s.length) this.eof();
  }

  /**
   * After an object member or array element: `,` means another follows (true), `close` ends the
   * container (false), anything else is Go's `invalid character ... <context>`.
   */
  private nextMember(close: string, context: string): boolean {
    this.wsBeforeMore();
    const c = this.s[this.i];
    if (c === ',') {
      this.i++;
      this.wsBeforeMore();
      return true;
    }
    if (c === close) {
      this.i++;
      return false;
    }
    this.fail(context);
  }

  /** Steps into a container; false when it closes at once (`{}`, `[]`). */
  private open(close: string): boolean {
    this.i++;
    this.wsBeforeMore();
    if (this.s[this.i] !== close) return true;
    this.i++;
    return false;
  }

  public check(): void {
    this.wsBeforeMore();
    this.value('looking for beginning of value');
    this.ws();
    if (this.i < this.s.length) this.fail('after top-level value');
  }

  private value(context: string): void {
    const s = this.s;
    const c = s[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    if (c === 't') return this.literal('true');
    if (c === 'f') return this.literal('false');
    if (c === 'n') return this.literal('null');
    this.fail(context);
  }

  private object(): void {
    if (!this.open('}')) return;
    do {
      if (this.s[this.i] !== '"') this.fail('looking for beginning of object key string');
      this.string();
      this.wsBeforeMore();
      if (this.s[this.i] !== ':') this.fail('after object key');
      this.i++;
      this.wsBeforeMore();
      this.value('looking for beginning of value');
    } while (this.nextMember('}', 'after object key:value pair'));
  }

  private array(): void {
    if (!this.open(']')) return;
    do {
      this.value('looking for beginning of value');
    } while (this.nextMember(']', 'after array element'));
  }

  private string(): void {
    const s = this.s;
    this.i++;
    for (;;) {
      if (this.i >= s.length) this.eof();
      const c = s.charCodeAt(this.i);
      if (c === 0x22) {
        this.i++;
        return;
      }
      if (c === 0x5c) {
        this.i++;
        if (this.i >= s.length) this.eof();
        const e = s[this.i];
        if ('"\\/bfnrt'.includes(e)) {
          this.i++;
        } else if (e === 'u') {
          this.i++;
          for (let k = 0; k < 4; k++) {
            if (this.i >= s.length) this.eof();
            if (!/[0-9a-fA-F]/.test(s[this.i])) this.fail('in \\u hexadecimal character escape');
            this.i++;
          }
        } else {
          this.fail('in string escape code');
        }
        continue;
      }
      if (c < 0x20) this.fail('in string literal');
      this.i++;
    }
  }

  private digits(): void {
    while (this.i < this.s.length && this.s[this.i] >= '0' && this.s[this.i] <= '9') this.i++;
  }

  private isDigit(): boolean {
    return this.i < this.s.length && this.s[this.i] >= '0' && this.s[this.i] <= '9';
  }

  private number(): void {
    const s = this.s;
    if (s[this.i] === '-') {
      this.i++;
      if (!this.isDigit()) this.fail('in numeric literal');
    }
    if (s[this.i] === '0') this.i++;
    else this.digits();
    if (s[this.i] === '.') {
      this.i++;
      if (!this.isDigit()) this.fail('after decimal point in numeric literal');
      this.digits();
    }
    if (s[this.i] === 'e' || s[this.i] === 'E') {
      this.i++;
      if (s[this.i] === '+' || s[this.i] === '-') this.i++;
      if (!this.isDigit()) this.fail('in exponent of numeric literal');
      this.digits();
    }
  }

  private literal(word: string): void {
    this.i++;
    for (let k = 1; k < word.length; k++) {
      if (this.s[this.i] !== word[k]) this.fail(`in literal ${word} (expecting '${word[k]}')`);
      this.i++;
    }
  }
}

function convert(v: unknown): Value {
  if (v === null) return null;
  switch (typeof v) {
    case 'number':
      return v;
    case 'string':
      return v.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
    case 'boolean':
      return v;
    default: {
      if (Array.isArray(v)) return v.map((e) => convert(e));
      const out: ObjectValue = {};
      for (const [k, e] of Object.entries(v as Record<string, unknown>)) setKey(out, convert(k) as string, convert(e));
      return out;
    }
  }
}

function kindOf(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  switch (typeof v) {
    case 'number': return 'number';
    case 'string': return 'string';
    case 'boolean': return 'bool';
    default: return 'object';
  }
}

function checkNumbers(v: unknown, text: string): void {
  if (typeof v === 'number' && !Number.isFinite(v)) {
    const m = /-?\d+(\.\d+)?[eE][+-]?\d+|-?\d{309,}(\.\d+)?/.exec(text);
    throw new GoJsonSyntaxError(`json: cannot unmarshal number ${m ? m[0] : v} into Go value of type float64`);
  }
  if (typeof v === 'object' && v !== null) for (const e of Object.values(v)) checkNumbers(e, text);
}

/**
 * json.Unmarshal of `text` into the Go target type: 'any' (`interface{}`), 'object'
 * (`map[string]interface{}`) or 'array' (`[]interface{}`). JSON null gives null.
 */
export function goJsonUnmarshal(text: string, target: 'any' | 'object' | 'array'): Value {
  new Checker(text).check();
  const parsed: unknown = JSON.parse(text);
  if (parsed !== null && target !== 'any') {
    const kind = kindOf(parsed);
    if (target === 'object' && kind !== 'object') {
      throw new GoJsonSyntaxError(`json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`);
    }
    if (target === 'array' && kind !== 'array') {
      throw new GoJsonSyntaxError(`json: cannot unmarshal ${kind} into Go value of type []interface {}`);
    }
  }
  checkNumbers(parsed, text);
  return convert(parsed);
}
