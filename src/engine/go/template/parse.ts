/**
 * Go `text/template/parse` parser (parse.go): one Tree per template, `define`/`block` adding
 * trees to the set, variables scoped until `end`, and Go's error texts
 * (`template: NAME:LINE: unexpected "}" in operand`).
 */
import { Item, ItemType, itemString, Lexer } from './lex';
import { parseFloat64, parseInt64, parseUint64, SyntaxError, unquote, unquoteChar } from './literals';
import {
  BranchNode, CommandNode, isEmptyTree, ListNode, Node, NumberNode, PipeNode, TemplateNode, VariableNode,
} from './nodes';

/** A parse failure, with Go's full message. */
export class TemplateParseError extends Error {}

export interface Tree {
  name: string;
  /** The name of the top-level template whose text this tree came from (Go's ParseName). */
  readonly parseName: string;
  root: ListNode | undefined;
  readonly text: string;
}

export type TreeSet = Map<string, Tree>;

export interface ParseOptions {
  readonly leftDelim: string;
  readonly rightDelim: string;
  /** Names of functions callable from the template (user functions and builtins). */
  readonly hasFunction: (name: string) => boolean;
  /**
   * Keep comments as nodes (Go's parse.ParseComments mode).
   * @default false
   */
  readonly emitComments?: boolean;
  /**
   * Accept calls of undefined functions (Go's parse.SkipFuncCheck mode).
   * @default false
   */
  readonly skipFuncCheck?: boolean;
}

class Parser {
  private readonly token: Item[] = [];
  private peekCount = 0;
  private vars: string[] = ['$'];
  private rangeDepth = 0;
  private actionLine = 0;
  public root: ListNode | undefined;

  public constructor(
    public name: string,
    private readonly parseName: string,
    private readonly text: string,
    private readonly lex: Lexer,
    private readonly treeSet: TreeSet,
    private readonly opts: ParseOptions,
  ) {}

  // --- token buffer (parse.go next/backup/peek) ---
  private next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.lex.nextItem();
    return this.token[this.peekCount];
  }
  private backup(): void {
    this.peekCount++;
  }
  private backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }
  private backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }
  private peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1];
    this.peekCount = 1;
    this.token[0] = this.lex.nextItem();
    return this.token[0];
  }
  private nextNonSpace(): Item {
    let t: Item;
    for (;;) {
      t = this.next();
      if (t.typ !== ItemType.Space) break;
    }
    return t;
  }
  private peekNonSpace(): Item {
    const t = this.nextNonSpace();
    this.backup();
    return t;
  }

  private errorf(message: string): never {
    this.root = undefined;
    throw new TemplateParseError(`template: ${this.parseName}:${this.token[0].line}: ${message}`);
  }

  private expect(expected: ItemType, context: string): Item {
    const token = this.nextNonSpace();
    if (token.typ !== expected) this.unexpected(token, context);
    return token;
  }

  private expectOneOf(e1: ItemType, e2: ItemType, context: string): Item {
    const token = this.nextNonSpace();
    if (token.typ !== e1 && token.typ !== e2) this.unexpected(token, context);
    return token;
  }

  private unexpected(token: Item, context: string): never {
    if (token.typ === ItemType.Error) {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.parseName}:${this.actionLine}`;
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${itemString(token)}${extra}`);
    }
    this.errorf(`unexpected ${itemString(token)} in ${context}`);
  }

  private unquoteOrFail(s: string): string {
    try {
      return unquote(s);
    } catch (e) {
      if (e instanceof SyntaxError) this.errorf('invalid syntax');
      throw e;
    }
  }

  // --- top level ---
  public parse(): void {
    this.root = { type: 'list', pos: this.peek().pos, nodes: [] };
    while (this.peek().typ !== ItemType.EOF) {
      if (this.peek().typ === ItemType.LeftDelim) {
        const delim = this.next();
        if (this.nextNonSpace().typ === ItemType.Define) {
          const def = new Parser('definition', this.parseName, this.text, this.lex, this.treeSet, this.opts);
          def.parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') this.errorf(`unexpected ${nodeWord(n)}`);
      this.root.nodes.push(n);
    }
  }

  public add(): void {
    const tree = this.treeSet.get(this.name);
    if (tree === undefined || isEmptyTree(tree.root)) {
      this.treeSet.set(this.name, { name: this.name, parseName: this.parseName, root: this.root, text: this.text });
      return;
    }
    if (!isEmptyTree(this.root)) this.errorf(`template: multiple definition of template ${JSON.stringify(this.name)}`);
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const name = this.expectOneOf(ItemType.String, ItemType.RawString, context);
    this.name = this.unquoteOrFail(name.val);
    this.expect(ItemType.RightDelim, context);
    const { list, next } = this.itemList();
    this.root = list;
    if (next.type !== 'end') this.errorf(`unexpected ${nodeWord(next)} in ${context}`);
    this.add();
  }

  private itemList(): { list: ListNode; next: Node } {
    const list: ListNode = { type: 'list', pos: this.peekNonSpace().pos, nodes: [] };
    while (this.peekNonSpace().typ !== ItemType.EOF) {
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') return { list, next: n };
      list.nodes.push(n);
    }
    this.errorf('unexpected EOF');
  }

  private textOrAction(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case ItemType.Text:
        return { type: 'text', pos: token.pos, text: token.val };
      case ItemType.LeftDelim: {
        this.actionLine = token.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      }
      case ItemType.Comment:
        return { type: 'comment', pos: token.pos, text: token.val };
      default:
        this.unexpected(token, 'input');
    }
  }

  private action(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case ItemType.Block:
        return this.blockControl();
      case ItemType.Break:
        return this.breakControl(token, '{{break}}', 'break');
      case ItemType.Continue:
        return this.breakControl(token, '{{continue}}', 'continue');
      case ItemType.Else:
        return this.elseControl();
      case ItemType.End:
        return { type: 'end', pos: this.expect(ItemType.RightDelim, 'end').pos };
      case ItemType.If:
        return this.branchControl('if');
      case ItemType.Range:
        return this.branchControl('range');
      case ItemType.Template:
        return this.templateControl();
      case ItemType.With:
        return this.branchControl('with');
    }
    this.backup();
    const t = this.peek();
    return { type: 'action', pos: t.pos, line: t.line, pipe: this.pipeline('command', ItemType.RightDelim) };
  }

  private breakControl(token: Item, word: string, type: 'break' | 'continue'): Node {
    const next = this.nextNonSpace();
    if (next.typ !== ItemType.RightDelim) this.unexpected(next, word);
    if (this.rangeDepth === 0) this.errorf(`${word} outside {{range}}`);
    return { type, pos: token.pos, line: token.line };
  }

  private pipeline(context: string, end: ItemType): PipeNode {
    const token = this.peekNonSpace();
    const pipe: PipeNode = { type: 'pipe', pos: token.pos, line: token.line, isAssign: false, decl: [], cmds: [] };
    decls: for (;;) {
      const v = this.peekNonSpace();
      if (v.typ === ItemType.Variable) {
        this.next();
        const tokenAfterVariable = this.peek();
        const next = this.peekNonSpace();
        if (next.typ === ItemType.Assign || next.typ === ItemType.Declare) {
          pipe.isAssign = next.typ === ItemType.Assign;
          this.nextNonSpace();
          pipe.decl.push(newVariable(v.pos, v.val));
          this.vars.push(v.val);
        } else if (next.typ === ItemType.Char && next.val === ',') {
          this.nextNonSpace();
          pipe.decl.push(newVariable(v.pos, v.val));
          this.vars.push(v.val);
          if (context === 'range' && pipe.decl.length < 2) {
            const p = this.peekNonSpace().typ;
            if (p === ItemType.Variable || p === ItemType.RightDelim || p === ItemType.RightParen) continue decls;
            this.errorf('range can only initialize variables');
          }
          this.errorf(`too many declarations in ${context}`);
        } else if (tokenAfterVariable.typ === ItemType.Space) {
          this.backup3(v, tokenAfterVariable);
        } else {
          this.backup2(v);
        }
      }
      break;
    }
    for (;;) {
      const t = this.nextNonSpace();
      switch (t.typ) {
        case end:
          this.checkPipeline(pipe, context);
          return pipe;
        case ItemType.Bool:
        case ItemType.CharConstant:
        case ItemType.Complex:
        case ItemType.Dot:
        case ItemType.Field:
        case ItemType.Identifier:
        case ItemType.Number:
        case ItemType.Nil:
        case ItemType.RawString:
        case ItemType.String:
        case ItemType.Variable:
        case ItemType.LeftParen:
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(t, context);
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      const t = c.args[0].type;
      if (t === 'bool' || t === 'dot' || t === 'nil' || t === 'number' || t === 'string') {
        this.errorf(`non executable command in pipeline stage ${i + 2}`);
      }
    });
  }

  private parseControl(context: 'if' | 'range' | 'with'): BranchNode {
    const mark = this.vars.length;
    try {
      const pipe = this.pipeline(context, ItemType.RightDelim);
      if (context === 'range') this.rangeDepth++;
      const { list, next } = this.itemList();
      if (context === 'range') this.rangeDepth--;
      let elseList: ListNode | undefined;
      if (next.type === 'else') {
        if (context === 'if' && this.peek().typ === ItemType.If) {
          this.next();
          elseList = { type: 'list', pos: next.pos, nodes: [this.branchControl('if')] };
        } else if (context === 'with' && this.peek().typ === ItemType.With) {
          this.next();
          elseList = { type: 'list', pos: next.pos, nodes: [this.branchControl('with')] };
        } else {
          const r = this.itemList();
          elseList = r.list;
          if (r.next.type !== 'end') this.errorf(`expected end; found ${nodeWord(r.next)}`);
        }
      }
      return { type: context, pos: pipe.pos, line: pipe.line, pipe, list, elseList };
    } finally {
      this.vars.length = mark;
    }
  }

  private branchControl(context: 'if' | 'range' | 'with'): BranchNode {
    return this.parseControl(context);
  }

  private elseControl(): Node {
    const peek = this.peekNonSpace();
    if (peek.typ === ItemType.If || peek.typ === ItemType.With) return { type: 'else', pos: peek.pos, line: peek.line };
    const token = this.expect(ItemType.RightDelim, 'else');
    return { type: 'else', pos: token.pos, line: token.line };
  }

  private blockControl(): Node {
    const context = 'block clause';
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    const pipe = this.pipeline(context, ItemType.RightDelim);
    const block = new Parser(name, this.parseName, this.text, this.lex, this.treeSet, this.opts);
    const { list, next } = block.itemList();
    block.root = list;
    if (next.type !== 'end') this.errorf(`unexpected ${nodeWord(next)} in ${context}`);
    block.add();
    return { type: 'template', pos: token.pos, line: token.line, name, pipe } satisfies TemplateNode;
  }

  private templateControl(): Node {
    const context = 'template clause';
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    let pipe: PipeNode | undefined;
    if (this.nextNonSpace().typ !== ItemType.RightDelim) {
      this.backup();
      pipe = this.pipeline(context, ItemType.RightDelim);
    }
    return { type: 'template', pos: token.pos, line: token.line, name, pipe };
  }

  private parseTemplateName(token: Item, context: string): string {
    if (token.typ === ItemType.String || token.typ === ItemType.RawString) return this.unquoteOrFail(token.val);
    this.unexpected(token, context);
  }

  private command(): CommandNode {
    const cmd: CommandNode = { type: 'command', pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand !== undefined) cmd.args.push(operand);
      const token = this.next();
      if (token.typ === ItemType.Space) continue;
      if (token.typ === ItemType.RightDelim || token.typ === ItemType.RightParen) this.backup();
      else if (token.typ !== ItemType.Pipe) this.unexpected(token, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  private operand(): Node | undefined {
    let node = this.term();
    if (node === undefined) return undefined;
    if (this.peek().typ === ItemType.Field) {
      const pos = this.peek().pos;
      const fields: string[] = [];
      while (this.peek().typ === ItemType.Field) fields.push(this.next().val.slice(1));
      switch (node.type) {
        case 'field':
          node = { type: 'field', pos, ident: [...node.ident, ...fields] };
          break;
        case 'variable':
          node = { type: 'variable', pos, ident: [...node.ident, ...fields] };
          break;
        case 'bool':
        case 'string':
        case 'number':
        case 'nil':
        case 'dot':
          this.errorf(`unexpected . after term ${JSON.stringify(nodeTermString(node))}`);
          break;
        default:
          node = { type: 'chain', pos, node, field: fields };
      }
    }
    return node;
  }

  private term(): Node | undefined {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case ItemType.Identifier:
        if (!this.opts.skipFuncCheck && !this.opts.hasFunction(token.val)) {
          this.errorf(`function ${JSON.stringify(token.val)} not defined`);
        }
        return { type: 'identifier', pos: token.pos, ident: token.val };
      case ItemType.Dot:
        return { type: 'dot', pos: token.pos };
      case ItemType.Nil:
        return { type: 'nil', pos: token.pos };
      case ItemType.Variable:
        return this.useVar(token.pos, token.val);
      case ItemType.Field:
        return { type: 'field', pos: token.pos, ident: token.val.slice(1).split('.') };
      case ItemType.Bool:
        return { type: 'bool', pos: token.pos, value: token.val === 'true' };
      case ItemType.CharConstant:
      case ItemType.Complex:
      case ItemType.Number:
        return this.newNumber(token);
      case ItemType.LeftParen:
        return this.pipeline('parenthesized pipeline', ItemType.RightParen);
      case ItemType.String:
      case ItemType.RawString:
        return { type: 'string', pos: token.pos, quoted: token.val, text: this.unquoteOrFail(token.val) };
    }
    this.backup();
    return undefined;
  }

  private useVar(pos: number, name: string): VariableNode {
    const v = newVariable(pos, name);
    if (this.vars.includes(v.ident[0])) return v;
    this.errorf(`undefined variable ${JSON.stringify(v.ident[0])}`);
  }

  private newNumber(token: Item): NumberNode {
    const text = token.val;
    const base = { type: 'number' as const, pos: token.pos, text };
    if (token.typ === ItemType.CharConstant) {
      let r: { cp: number; next: number };
      try {
        r = unquoteChar(text, 1, "'");
      } catch {
        this.errorf('invalid syntax');
      }
      if (text.slice(r.next) !== "'") this.errorf(`malformed character constant: ${text}`);
      const v = BigInt(r.cp);
      return { ...base, isInt: true, isUint: true, isFloat: true, isComplex: false, int64: v, float64: r.cp };
    }
    if (token.typ === ItemType.Complex) {
      const m = /^([+-]?[^+-]+(?:[eE][+-]?\d+)?)([+-].*)i$/.exec(text);
      const re = m ? parseFloat64(m[1]) : undefined;
      const im = m ? parseFloat64(m[2]) : undefined;
      if (re === undefined || im === undefined) this.errorf(`expected integer`);
      return simplifyComplex({ ...base, isInt: false, isUint: false, isFloat: false, isComplex: true, int64: 0n, float64: 0, complex: [re, im] });
    }
    if (text.endsWith('i')) {
      const f = parseFloat64(text.slice(0, -1));
      if (f !== undefined) {
        return simplifyComplex({ ...base, isInt: false, isUint: false, isFloat: false, isComplex: true, int64: 0n, float64: 0, complex: [0, f] });
      }
    }
    const u = parseUint64(text);
    const i = parseInt64(text);
    let isInt = false;
    let isUint = false;
    let isFloat = false;
    let int64 = 0n;
    let float64 = 0;
    if (u !== undefined) isUint = true;
    if (i !== undefined) {
      isInt = true;
      int64 = i;
      if (i === 0n) isUint = true;
    }
    if (isInt) {
      isFloat = true;
      float64 = Number(int64);
    } else if (isUint) {
      isFloat = true;
      float64 = Number(u);
    } else {
      const f = parseFloat64(text);
      if (f !== undefined) {
        if (!/[.eEpP]/.test(text)) this.errorf(`integer overflow: ${JSON.stringify(text)}`);
        isFloat = true;
        float64 = f;
        if (Number.isInteger(f) && Math.abs(f) <= 2 ** 63) {
          const bi = BigInt(f);
          if (bi >= -(1n << 63n) && bi < 1n << 63n) {
            isInt = true;
            int64 = bi;
          }
          if (bi >= 0n && bi < 1n << 64n) isUint = true;
        }
      }
    }
    if (!isInt && !isUint && !isFloat) this.errorf(`illegal number syntax: ${JSON.stringify(text)}`);
    return { ...base, isInt, isUint, isFloat, isComplex: false, int64, float64 };
  }
}

function simplifyComplex(n: NumberNode): NumberNode {
  const [re, im] = n.complex!;
  if (im !== 0) return n;
  const isFloat = true;
  const isInt = Number.isInteger(re) && Math.abs(re) < 2 ** 63;
  return { ...n, isFloat, float64: re, isInt, int64: isInt ? BigInt(re) : 0n, isUint: isInt && re >= 0 };
}

function newVariable(pos: number, name: string): VariableNode {
  return { type: 'variable', pos, ident: name.split('.') };
}

/** How Go prints an end/else node inside "unexpected %s". */
function nodeWord(n: Node): string {
  return n.type === 'end' ? '{{end}}' : n.type === 'else' ? '{{else}}' : '';
}

function nodeTermString(n: Node): string {
  switch (n.type) {
    case 'bool':
      return n.value ? 'true' : 'false';
    case 'string':
      return n.quoted;
    case 'number':
      return n.text;
    case 'nil':
      return 'nil';
    default:
      return '.';
  }
}

/**
 * parse.Parse: parses `text` as the template `name` and returns every tree it defines
 * (the named one plus each `define`/`block`).
 */
export function parseTemplate(name: string, text: string, opts: ParseOptions): TreeSet {
  const treeSet: TreeSet = new Map();
  const lex = new Lexer(name, text, opts.leftDelim || '{{', opts.rightDelim || '}}', {
    emitComment: opts.emitComments ?? false,
    breakOK: !opts.hasFunction('break'),
    continueOK: !opts.hasFunction('continue'),
  });
  const p = new Parser(name, name, text, lex, treeSet, opts);
  p.parse();
  p.add();
  return treeSet;
}
