/**
 * Go `text/template/parse` lexer (lex.go): the same items, the same trim-marker and comment rules
 * and the same error texts, so a template that Go rejects is rejected here with Go's message.
 * Positions are JavaScript string indexes; execution errors turn them into Go's byte columns.
 */

import { goQuote } from '../strconv';

export enum ItemType {
  Error,
  Bool,
  Char,
  CharConstant,
  Comment,
  Complex,
  Assign,
  Declare,
  EOF,
  Field,
  Identifier,
  LeftDelim,
  LeftParen,
  Number,
  Pipe,
  RawString,
  RightDelim,
  RightParen,
  Space,
  String,
  Text,
  Variable,
  // Keywords come after all the rest (Go's itemKeyword boundary).
  Keyword,
  Block,
  Break,
  Continue,
  Dot,
  Define,
  Else,
  End,
  If,
  Nil,
  Range,
  Template,
  With,
}

const KEYWORDS: Record<string, ItemType> = {
  '.': ItemType.Dot,
  block: ItemType.Block,
  break: ItemType.Break,
  continue: ItemType.Continue,
  define: ItemType.Define,
  else: ItemType.Else,
  end: ItemType.End,
  if: ItemType.If,
  range: ItemType.Range,
  nil: ItemType.Nil,
  template: ItemType.Template,
  with: ItemType.With,
};

export interface Item {
  readonly typ: ItemType;
  readonly pos: number;
  readonly val: string;
  readonly line: number;
}

/** Go's `item.String()`, used inside parse error messages. */
export function itemString(i: Item): string {
  if (i.typ === ItemType.EOF) return 'EOF';
  if (i.typ === ItemType.Error) return i.val;
  if (i.typ > ItemType.Keyword) return `<${i.val}>`;
  const runes = Array.from(i.val);
  if (runes.length > 10) return goQuote(runes.slice(0, 10).join('')) + '...';
  return goQuote(i.val);
}

const LEFT_COMMENT = '/*';
const RIGHT_COMMENT = '*/';
const TRIM_MARKER_LEN = 2;
const EOF = -1;

export function isSpace(r: number): boolean {
  return r === 0x20 || r === 0x09 || r === 0x0d || r === 0x0a;
}

export function isAlphaNumeric(r: number): boolean {
  if (r === 0x5f) return true;
  if (r < 0) return false;
  if (r < 0x80) return (r >= 0x30 && r <= 0x39) || (r >= 0x41 && r <= 0x5a) || (r >= 0x61 && r <= 0x7a);
  return /[\p{L}\p{Nd}]/u.test(String.fromCodePoint(r));
}

function hasLeftTrimMarker(s: string, at: number): boolean {
  return s.length - at >= 2 && s[at] === '-' && isSpace(s.charCodeAt(at + 1));
}

function hasRightTrimMarker(s: string, at: number): boolean {
  return s.length - at >= 2 && isSpace(s.charCodeAt(at)) && s[at + 1] === '-';
}

function isPrintAscii(r: number): boolean {
  return r >= 0x20 && r < 0x7f;
}

/** %#U of Go's fmt: `U+0023 '#'`. */
function formatSharpU(r: number): string {
  const hex = r.toString(16).toUpperCase().padStart(4, '0');
  if (/\p{L}|\p{N}|\p{P}|\p{S}|[ ]/u.test(String.fromCodePoint(r))) {
    return `U+${hex} '${String.fromCodePoint(r)}'`;
  }
  return `U+${hex}`;
}

export interface LexOptions {
  readonly emitComment: boolean;
  readonly breakOK: boolean;
  readonly continueOK: boolean;
}

type StateFn = ((l: Lexer) => StateFn) | null;

/** The lexer runs lazily, one item per `nextItem()` call, exactly as Go's does. */
export class Lexer {
  private pos = 0;
  private start = 0;
  private atEOF = false;
  private parenDepth = 0;
  private line = 1;
  private startLine = 1;
  private item: Item | undefined;
  private insideAction = false;
  public input: string;

  public constructor(
    public readonly name: string,
    input: string,
    public readonly leftDelim: string,
    public readonly rightDelim: string,
    public readonly options: LexOptions,
  ) {
    this.input = input;
  }

  /** Go's nextItem: run state functions until one emits (returns null). */
  public nextItem(): Item {
    this.item = { typ: ItemType.EOF, pos: this.pos, val: 'EOF', line: this.startLine };
    let state: StateFn = this.insideAction ? lexInsideAction : lexText;
    while (state !== null) state = state(this);
    return this.item;
  }

  // --- cursor helpers (lex.go next/peek/backup) ---
  public next(): number {
    if (this.pos >= this.input.length) {
      this.atEOF = true;
      return EOF;
    }
    const r = this.input.codePointAt(this.pos)!;
    this.pos += r > 0xffff ? 2 : 1;
    if (r === 0x0a) this.line++;
    return r;
  }

  public peek(): number {
    if (this.pos >= this.input.length) return EOF;
    return this.input.codePointAt(this.pos)!;
  }

  public backup(): void {
    if (!this.atEOF && this.pos > 0) {
      const c = this.input.charCodeAt(this.pos - 1);
      const w = c >= 0xdc00 && c <= 0xdfff && this.pos > 1 ? 2 : 1;
      this.pos -= w;
      if (this.input.charCodeAt(this.pos) === 0x0a) this.line--;
    }
    this.atEOF = false;
  }

  public thisItem(t: ItemType): Item {
    const i = { typ: t, pos: this.start, val: this.input.slice(this.start, this.pos), line: this.startLine };
    this.start = this.pos;
    this.startLine = this.line;
    return i;
  }

  public emit(t: ItemType): StateFn {
    return this.emitItem(this.thisItem(t));
  }

  public emitItem(i: Item): StateFn {
    this.item = i;
    return null;
  }

  public ignore(): void {
    this.line += countNewlines(this.input, this.start, this.pos);
    this.start = this.pos;
    this.startLine = this.line;
  }

  public accept(valid: string): boolean {
    const r = this.next();
    if (r >= 0 && valid.includes(String.fromCodePoint(r))) return true;
    this.backup();
    return false;
  }

  public acceptRun(valid: string): void {
    for (;;) {
      const r = this.next();
      if (!(r >= 0 && valid.includes(String.fromCodePoint(r)))) break;
    }
    this.backup();
  }

  public errorf(message: string): StateFn {
    this.item = { typ: ItemType.Error, pos: this.start, val: message, line: this.startLine };
    // Go empties the input after an error, so the next item is EOF.
    this.start = 0;
    this.pos = 0;
    this.input = '';
    return null;
  }

  public atRightDelim(): { delim: boolean; trimSpaces: boolean } {
    if (hasRightTrimMarker(this.input, this.pos) && this.input.startsWith(this.rightDelim, this.pos + TRIM_MARKER_LEN)) {
      return { delim: true, trimSpaces: true };
    }
    if (this.input.startsWith(this.rightDelim, this.pos)) return { delim: true, trimSpaces: false };
    return { delim: false, trimSpaces: false };
  }

  public atTerminator(): boolean {
    const r = this.peek();
    if (isSpace(r)) return true;
    switch (r) {
      case EOF:
      case 0x2e: // .
      case 0x2c: // ,
      case 0x7c: // |
      case 0x3a: // :
      case 0x29: // )
      case 0x28: // (
        return true;
    }
    return this.input.startsWith(this.rightDelim, this.pos);
  }

  /** Internal state accessors for the state functions below. */
  public get p(): number {
    return this.pos;
  }
  public set p(v: number) {
    this.pos = v;
  }
  public get s(): number {
    return this.start;
  }
  public set inAction(v: boolean) {
    this.insideAction = v;
  }
  public get depth(): number {
    return this.parenDepth;
  }
  public set depth(v: number) {
    this.parenDepth = v;
  }
  public addLines(n: number): void {
    this.line += n;
  }
}

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === 0x0a) n++;
  return n;
}

function rightTrimLength(s: string, from: number, to: number): number {
  let end = to;
  while (end > from && isSpace(s.charCodeAt(end - 1))) end--;
  return to - end;
}

function leftTrimLength(s: string, at: number): number {
  let i = at;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i - at;
}

function lexText(l: Lexer): StateFn {
  const x = l.input.indexOf(l.leftDelim, l.p);
  if (x >= 0) {
    if (x > l.p) {
      l.p = x;
      let trimLength = 0;
      const delimEnd = l.p + l.leftDelim.length;
      if (hasLeftTrimMarker(l.input, delimEnd)) trimLength = rightTrimLength(l.input, l.s, l.p);
      l.p -= trimLength;
      l.addLines(countNewlines(l.input, l.s, l.p));
      const i = l.thisItem(ItemType.Text);
      l.p += trimLength;
      l.ignore();
      if (i.val.length > 0) return l.emitItem(i);
    }
    return lexLeftDelim;
  }
  l.p = l.input.length;
  if (l.p > l.s) {
    l.addLines(countNewlines(l.input, l.s, l.p));
    return l.emit(ItemType.Text);
  }
  return l.emit(ItemType.EOF);
}

function lexLeftDelim(l: Lexer): StateFn {
  l.p += l.leftDelim.length;
  const trimSpace = hasLeftTrimMarker(l.input, l.p);
  const afterMarker = trimSpace ? TRIM_MARKER_LEN : 0;
  if (l.input.startsWith(LEFT_COMMENT, l.p + afterMarker)) {
    l.p += afterMarker;
    l.ignore();
    return lexComment;
  }
  const i = l.thisItem(ItemType.LeftDelim);
  l.inAction = true;
  l.p += afterMarker;
  l.ignore();
  l.depth = 0;
  return l.emitItem(i);
}

function lexComment(l: Lexer): StateFn {
  l.p += LEFT_COMMENT.length;
  const x = l.input.indexOf(RIGHT_COMMENT, l.p);
  if (x < 0) return l.errorf('unclosed comment');
  l.p = x + RIGHT_COMMENT.length;
  const { delim, trimSpaces } = l.atRightDelim();
  if (!delim) return l.errorf('comment ends before closing delimiter');
  const i = l.thisItem(ItemType.Comment);
  if (trimSpaces) l.p += TRIM_MARKER_LEN;
  l.p += l.rightDelim.length;
  if (trimSpaces) l.p += leftTrimLength(l.input, l.p);
  l.ignore();
  if (l.options.emitComment) return l.emitItem(i);
  return lexText;
}

function lexRightDelim(l: Lexer): StateFn {
  const { trimSpaces } = l.atRightDelim();
  if (trimSpaces) {
    l.p += TRIM_MARKER_LEN;
    l.ignore();
  }
  l.p += l.rightDelim.length;
  const i = l.thisItem(ItemType.RightDelim);
  if (trimSpaces) {
    l.p += leftTrimLength(l.input, l.p);
    l.ignore();
  }
  l.inAction = false;
  return l.emitItem(i);
}

function lexInsideAction(l: Lexer): StateFn {
  const { delim } = l.atRightDelim();
  if (delim) {
    if (l.depth === 0) return lexRightDelim;
    return l.errorf('unclosed left paren');
  }
  const r = l.next();
  if (r === EOF) return l.errorf('unclosed action');
  if (isSpace(r)) {
    l.backup();
    return lexSpace;
  }
  switch (r) {
    case 0x3d: // =
      return l.emit(ItemType.Assign);
    case 0x3a: // :
      if (l.next() !== 0x3d) return l.errorf('expected :=');
      return l.emit(ItemType.Declare);
    case 0x7c:
      return l.emit(ItemType.Pipe);
    case 0x22:
      return lexQuote;
    case 0x60:
      return lexRawQuote;
    case 0x24:
      return lexVariable;
    case 0x27:
      return lexChar;
    case 0x28:
      l.depth++;
      return l.emit(ItemType.LeftParen);
    case 0x29:
      l.depth--;
      if (l.depth < 0) return l.errorf('unexpected right paren');
      return l.emit(ItemType.RightParen);
  }
  if (r === 0x2e) {
    if (l.p < l.input.length) {
      const c = l.input.charCodeAt(l.p);
      if (c < 0x30 || c > 0x39) return lexField;
    }
    l.backup();
    return lexNumber;
  }
  if (r === 0x2b || r === 0x2d || (r >= 0x30 && r <= 0x39)) {
    l.backup();
    return lexNumber;
  }
  if (isAlphaNumeric(r)) {
    l.backup();
    return lexIdentifier;
  }
  if (r <= 0x7f && isPrintAscii(r)) return l.emit(ItemType.Char);
  return l.errorf(`unrecognized character in action: ${formatSharpU(r)}`);
}

function lexSpace(l: Lexer): StateFn {
  let numSpaces = 0;
  for (;;) {
    const r = l.peek();
    if (!isSpace(r)) break;
    l.next();
    numSpaces++;
  }
  if (hasRightTrimMarker(l.input, l.p - 1) && l.input.startsWith(l.rightDelim, l.p - 1 + TRIM_MARKER_LEN)) {
    l.backup();
    if (numSpaces === 1) return lexInsideAction;
  }
  return l.emit(ItemType.Space);
}

function lexIdentifier(l: Lexer): StateFn {
  for (;;) {
    const r = l.next();
    if (isAlphaNumeric(r)) continue;
    l.backup();
    const word = l.input.slice(l.s, l.p);
    if (!l.atTerminator()) return l.errorf(`bad character ${formatSharpU(r)}`);
    const kw = KEYWORDS[word];
    if (kw !== undefined && kw > ItemType.Keyword) {
      if ((kw === ItemType.Break && !l.options.breakOK) || (kw === ItemType.Continue && !l.options.continueOK)) {
        return l.emit(ItemType.Identifier);
      }
      return l.emit(kw);
    }
    if (word[0] === '.') return l.emit(ItemType.Field);
    if (word === 'true' || word === 'false') return l.emit(ItemType.Bool);
    return l.emit(ItemType.Identifier);
  }
}

function lexField(l: Lexer): StateFn {
  return lexFieldOrVariable(l, ItemType.Field);
}

function lexVariable(l: Lexer): StateFn {
  if (l.atTerminator()) return l.emit(ItemType.Variable);
  return lexFieldOrVariable(l, ItemType.Variable);
}

function lexFieldOrVariable(l: Lexer, typ: ItemType): StateFn {
  if (l.atTerminator()) {
    if (typ === ItemType.Variable) return l.emit(ItemType.Variable);
    return l.emit(ItemType.Dot);
  }
  let r: number;
  for (;;) {
    r = l.next();
    if (!isAlphaNumeric(r)) {
      l.backup();
      break;
    }
  }
  if (!l.atTerminator()) return l.errorf(`bad character ${formatSharpU(r)}`);
  return l.emit(typ);
}

function lexChar(l: Lexer): StateFn {
  for (;;) {
    let r = l.next();
    if (r === 0x5c) {
      r = l.next();
      if (r !== EOF && r !== 0x0a) continue;
    }
    if (r === EOF || r === 0x0a) return l.errorf('unterminated character constant');
    if (r === 0x27) break;
  }
  return l.emit(ItemType.CharConstant);
}

function lexQuote(l: Lexer): StateFn {
  for (;;) {
    let r = l.next();
    if (r === 0x5c) {
      r = l.next();
      if (r !== EOF && r !== 0x0a) continue;
    }
    if (r === EOF || r === 0x0a) return l.errorf('unterminated quoted string');
    if (r === 0x22) break;
  }
  return l.emit(ItemType.String);
}

function lexRawQuote(l: Lexer): StateFn {
  for (;;) {
    const r = l.next();
    if (r === EOF) return l.errorf('unterminated raw quoted string');
    if (r === 0x60) break;
  }
  return l.emit(ItemType.RawString);
}

function scanNumber(l: Lexer): boolean {
  l.accept('+-');
  let digits = '0123456789_';
  if (l.accept('0')) {
    if (l.accept('xX')) digits = '0123456789abcdefABCDEF_';
    else if (l.accept('oO')) digits = '01234567_';
    else if (l.accept('bB')) digits = '01_';
  }
  l.acceptRun(digits);
  if (l.accept('.')) l.acceptRun(digits);
  if (digits.length === 10 + 1 && l.accept('eE')) {
    l.accept('+-');
    l.acceptRun('0123456789_');
  }
  if (digits.length === 16 + 6 + 1 && l.accept('pP')) {
    l.accept('+-');
    l.acceptRun('0123456789_');
  }
  l.accept('i');
  if (isAlphaNumeric(l.peek())) {
    l.next();
    return false;
  }
  return true;
}

function lexNumber(l: Lexer): StateFn {
  if (!scanNumber(l)) return l.errorf(`bad number syntax: ${goQuote(l.input.slice(l.s, l.p))}`);
  const sign = l.peek();
  if (sign === 0x2b || sign === 0x2d) {
    if (!scanNumber(l) || l.input[l.p - 1] !== 'i') {
      return l.errorf(`bad number syntax: ${goQuote(l.input.slice(l.s, l.p))}`);
    }
    return l.emit(ItemType.Complex);
  }
  return l.emit(ItemType.Number);
}
