/**
 * Go's `regexp` package (RE2), for every pattern Crossplane, a function or the API server
 * evaluates with it: P&T `match` patterns and `string` `Regexp` transforms, OpenAPI `pattern`,
 * CEL's `matches()`/`find()`/`findAll()`.
 *
 * Parsing and matching are re2js, a JavaScript port of RE2 that follows Go's `regexp/syntax`:
 * the same Perl flags `regexp.Compile` uses, the same error texts (`error parsing regexp: ...`),
 * leftmost-first submatches, and linear time in the input whatever the pattern (no
 * backtracking: `(a+)+$` on a long run of `a`s is as fast as `a+$`). Syntax Go rejects
 * (lookaround, backreferences, possessive quantifiers) is rejected here too.
 *
 * On top of it sit the few `regexp.Regexp` methods whose Go semantics matter and that re2js
 * does not expose in Go's shape: `FindStringSubmatch` ("" for a group that did not take part),
 * the `All` variants with Go's rule for empty matches, `ReplaceAllString` with `Expand`'s
 * template rules (`$1`, `${name}`, `$$`; `$1x` is the group named `1x`), `Split` and
 * `QuoteMeta`. Indexes are UTF-16 offsets into the JavaScript string; for valid text they
 * delimit the same substrings as Go's byte offsets.
 *
 * Known difference: a group name used twice (`(?P<x>a)|(?P<x>b)`) is rejected ("duplicate
 * capture group name"), as older Go releases did; the newest Go accepts it.
 */
import type { RE2JSSyntaxException } from 're2js';

let re2jsModule: typeof import('re2js') | undefined;

/** re2js, loaded on the first pattern: a render or validate that meets none never pays for it. */
function re2js(): typeof import('re2js') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  re2jsModule ??= require('re2js') as typeof import('re2js');
  return re2jsModule;
}

/** Go's regexp package rejects the pattern (`error parsing regexp: ...`). */
export class GoRegexpSyntaxError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'GoRegexpSyntaxError';
  }
}

/** The compiled program re2js keeps behind its Java-style facade (Go's `*regexp.Regexp`). */
interface Program {
  match(s: string): boolean;
  numberOfCapturingGroups(): number;
  findSubmatchIndex(s: string): number[] | null;
  findAllSubmatchIndex(s: string, n: number): number[][] | null;
}

/** A compiled Go regular expression (`*regexp.Regexp`). */
export class GoRegexp {
  private readonly names: readonly string[];

  /** @internal use {@link compileGoRegexp} */
  public constructor(
    /** The pattern as written (Go's `String()`). */
    public readonly source: string,
    private readonly prog: Program,
    named: Record<string, number>,
  ) {
    const names = new Array<string>(prog.numberOfCapturingGroups() + 1).fill('');
    for (const [name, i] of Object.entries(named)) names[i] = name;
    this.names = names;
  }

  /** Number of parenthesized subexpressions (`NumSubexp`). */
  public numSubexp(): number {
    return this.names.length - 1;
  }

  /** Names of the subexpressions, "" for unnamed ones; index 0 is the whole match (`SubexpNames`). */
  public subexpNames(): readonly string[] {
    return this.names;
  }

  /** Whether the pattern matches anywhere in `s` (`MatchString`). */
  public test(s: string): boolean {
    return this.prog.match(s);
  }

  /** `FindStringSubmatchIndex`: start/end pairs of the match and its groups, -1 for a group that did not take part. */
  public findStringSubmatchIndex(s: string): number[] | null {
    const a = this.prog.findSubmatchIndex(s);
    return a === null ? null : this.pad(a);
  }

  /** `FindStringSubmatch`: the leftmost match and its groups ("" for a group that did not take part); null when none. */
  public findStringSubmatch(s: string): string[] | null {
    const a = this.findStringSubmatchIndex(s);
    return a === null ? null : this.texts(s, a);
  }

  /** `FindString`: the leftmost match, "" when there is none. */
  public findString(s: string): string {
    const a = this.prog.findSubmatchIndex(s);
    return a === null ? '' : s.slice(a[0], a[1]);
  }

  /**
   * `FindAllStringSubmatchIndex`: at most `n` successive non-overlapping matches (all when
   * `n < 0`), without an empty match right after a previous match; null when none.
   */
  public findAllStringSubmatchIndex(s: string, n: number): number[][] | null {
    if (n === 0) return null;
    const all = this.prog.findAllSubmatchIndex(s, n < 0 ? -1 : n);
    return all === null || all.length === 0 ? null : all.map((a) => this.pad(a));
  }

  /** `FindAllString`: the text of {@link findAllStringSubmatchIndex}'s matches; null when none. */
  public findAllString(s: string, n: number): string[] | null {
    return this.findAllStringSubmatchIndex(s, n)?.map((a) => s.slice(a[0], a[1])) ?? null;
  }

  /** `FindAllStringSubmatch`: every match with its groups; null when none. */
  public findAllStringSubmatch(s: string, n: number): string[][] | null {
    return this.findAllStringSubmatchIndex(s, n)?.map((a) => this.texts(s, a)) ?? null;
  }

  /** `ReplaceAllString`: every match replaced by `template` expanded with {@link expandString}. */
  public replaceAllString(src: string, template: string): string {
    return this.replace(src, (a) => this.expandString(template, src, a));
  }

  /** `ReplaceAllLiteralString`: every match replaced by `repl`, taken literally. */
  public replaceAllLiteralString(src: string, repl: string): string {
    return this.replace(src, () => repl);
  }

  /**
   * `Expand`: `template` with `$name`/`${name}` replaced by the group of that number or name
   * in `match` (indexes into `src`). A name is the longest run of letters, digits and `_`; a
   * number with a leading zero, an unknown name or a group that did not match gives "";
   * `$$` is a `$`; a `$` that starts no valid name stays as it is.
   */
  public expandString(template: string, src: string, match: readonly number[]): string {
    let out = '';
    let i = 0;
    while (i < template.length) {
      const dollar = template.indexOf('$', i);
      if (dollar < 0) break;
      out += template.slice(i, dollar);
      i = dollar + 1;
      if (template[i] === '$') {
        out += '$';
        i++;
        continue;
      }
      const ref = groupReference(template, i);
      if (ref === undefined) {
        out += '$';
        continue;
      }
      i = ref.end;
      const taken = (g: number): boolean => 2 * g + 1 < match.length && match[2 * g] >= 0;
      // By name: the first group of that name that took part in the match.
      const g = ref.num >= 0 ? ref.num : this.names.findIndex((n, k) => k > 0 && n === ref.name && taken(k));
      if (g >= 0 && taken(g)) out += src.slice(match[2 * g], match[2 * g + 1]);
    }
    return out + template.slice(i);
  }

  /**
   * `Split`: the substrings between matches, at most `n` of them (the last one holds the
   * rest; all when `n < 0`, none when `n == 0`).
   */
  public split(s: string, n: number): string[] {
    if (n === 0) return [];
    if (this.source.length > 0 && s.length === 0) return [''];
    const matches = this.findAllStringSubmatchIndex(s, n) ?? [];
    const out: string[] = [];
    let beg = 0;
    let end = 0;
    for (const m of matches) {
      if (n > 0 && out.length === n - 1) break;
      end = m[0];
      if (m[1] !== 0) out.push(s.slice(beg, end));
      beg = m[1];
    }
    if (end !== s.length) out.push(s.slice(beg));
    return out;
  }

  /** The pattern, as Go's `String()` returns it. */
  public toString(): string {
    return this.source;
  }

  private replace(src: string, repl: (match: number[]) => string): string {
    // Go's ReplaceAll and FindAll agree on which matches count: an empty match right after
    // the previous match is skipped.
    const matches = this.findAllStringSubmatchIndex(src, -1);
    if (matches === null) return src;
    let out = '';
    let last = 0;
    for (const m of matches) {
      out += src.slice(last, m[0]) + repl(m);
      last = m[1];
    }
    return out + src.slice(last);
  }

  private pad(a: readonly number[]): number[] {
    const out = new Array<number>(2 * this.names.length).fill(-1);
    for (let i = 0; i < a.length && i < out.length; i++) out[i] = a[i] ?? -1;
    return out;
  }

  private texts(s: string, a: readonly number[]): string[] {
    const out: string[] = [];
    for (let i = 0; i < a.length; i += 2) out.push(a[i] >= 0 ? s.slice(a[i], a[i + 1]) : '');
    return out;
  }
}

/** A `$name` or `${name}` reference at `template[i]` (just after the `$`), as Go's Expand reads it. */
function groupReference(template: string, i: number): { name: string; num: number; end: number } | undefined {
  const brace = template[i] === '{';
  let j = brace ? i + 1 : i;
  const start = j;
  while (j < template.length) {
    const cp = template.codePointAt(j)!;
    const ch = String.fromCodePoint(cp);
    if (!(ch === '_' || /^[\p{L}\p{Nd}]$/u.test(ch))) break;
    j += ch.length;
  }
  if (j === start) return undefined;
  const name = template.slice(start, j);
  if (brace) {
    if (template[j] !== '}') return undefined;
    j++;
  }
  // Only ASCII digits make a number, and not with a leading zero (`$01` is a name).
  let num = -1;
  if (/^[0-9]+$/.test(name) && !(name.length > 1 && name[0] === '0') && name.length <= 9) num = Number(name);
  return { name, num, end: j };
}

/** `QuoteMeta`: `s` with every regexp metacharacter escaped, so the pattern matches `s` literally. */
export function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/** Go's error text for a pattern re2js rejects: `error parsing regexp: <code>: \`<expr>\``. */
function syntaxError(re: string, e: RE2JSSyntaxException): GoRegexpSyntaxError {
  const code = e.getDescription();
  // Go reports these two with the whole pattern, and a trailing backslash with an empty one.
  const expr = code === 'expression nests too deeply' || code === 'expression too large' ? re : e.getPattern() ?? '';
  return new GoRegexpSyntaxError(`error parsing regexp: ${code}: \`${expr}\``);
}

const CACHE_LIMIT = 512;
const cache = new Map<string, GoRegexp | GoRegexpSyntaxError>();

/**
 * `regexp.Compile` (cached): throws {@link GoRegexpSyntaxError} with Go's text when Go
 * rejects the pattern.
 */
export function compileGoRegexp(re: string): GoRegexp {
  let r = cache.get(re);
  if (r === undefined) {
    try {
      const compiled = re2js().RE2JS.compile(re);
      r = new GoRegexp(re, compiled.re2() as unknown as Program, compiled.namedGroups());
    } catch (e) {
      if (!(e instanceof re2js().RE2JSSyntaxException)) throw e;
      r = syntaxError(re, e);
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(re, r);
  }
  if (r instanceof GoRegexpSyntaxError) throw r;
  return r;
}

/**
 * Go's verdict on a pattern's syntax: the {@link GoRegexpSyntaxError} `regexp.Compile` would
 * return, or undefined when Go accepts it. The one syntax check shared by P&T's input
 * validation, the construct-time lints and schema translation.
 */
export function goRegexpSyntaxError(re: string): GoRegexpSyntaxError | undefined {
  try {
    compileGoRegexp(re);
    return undefined;
  } catch (e) {
    if (e instanceof GoRegexpSyntaxError) return e;
    throw e;
  }
}
