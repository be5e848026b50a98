/**
 * Go `text/template/parse` nodes (node.go), with `nodeString` printing a node as Go's
 * `String()` does: execution errors quote it (`executing "x" at <.a.b>: ...`).
 */

import { goQuote } from '../strconv';

export interface NumberInfo {
  readonly isInt: boolean;
  readonly isUint: boolean;
  readonly isFloat: boolean;
  readonly isComplex: boolean;
  readonly int64: bigint;
  readonly float64: number;
  readonly complex?: readonly [number, number];
}

interface Base {
  readonly pos: number;
}

export interface TextNode extends Base { readonly type: 'text'; readonly text: string }
export interface CommentNode extends Base { readonly type: 'comment'; readonly text: string }
export interface ActionNode extends Base { readonly type: 'action'; readonly line: number; readonly pipe: PipeNode }
export interface BreakNode extends Base { readonly type: 'break'; readonly line: number }
export interface ContinueNode extends Base { readonly type: 'continue'; readonly line: number }
export interface ListNode extends Base { readonly type: 'list'; readonly nodes: Node[] }
export interface PipeNode extends Base {
  readonly type: 'pipe';
  readonly line: number;
  isAssign: boolean;
  readonly decl: VariableNode[];
  readonly cmds: CommandNode[];
}
export interface CommandNode extends Base { readonly type: 'command'; readonly args: Node[] }
export interface IdentifierNode extends Base { readonly type: 'identifier'; readonly ident: string }
export interface VariableNode extends Base { readonly type: 'variable'; readonly ident: string[] }
export interface DotNode extends Base { readonly type: 'dot' }
export interface NilNode extends Base { readonly type: 'nil' }
export interface FieldNode extends Base { readonly type: 'field'; readonly ident: string[] }
export interface ChainNode extends Base { readonly type: 'chain'; readonly node: Node; readonly field: string[] }
export interface BoolNode extends Base { readonly type: 'bool'; readonly value: boolean }
export interface NumberNode extends Base, NumberInfo { readonly type: 'number'; readonly text: string }
export interface StringNode extends Base { readonly type: 'string'; readonly quoted: string; readonly text: string }
export interface EndNode extends Base { readonly type: 'end' }
export interface ElseNode extends Base { readonly type: 'else'; readonly line: number }
export interface BranchNode extends Base {
  readonly type: 'if' | 'range' | 'with';
  readonly line: number;
  readonly pipe: PipeNode;
  readonly list: ListNode;
  readonly elseList: ListNode | undefined;
}
export interface TemplateNode extends Base {
  readonly type: 'template';
  readonly line: number;
  readonly name: string;
  readonly pipe: PipeNode | undefined;
}

export type Node =
  | TextNode | CommentNode | ActionNode | BreakNode | ContinueNode | ListNode | PipeNode
  | CommandNode | IdentifierNode | VariableNode | DotNode | NilNode | FieldNode | ChainNode
  | BoolNode | NumberNode | StringNode | EndNode | ElseNode | BranchNode | TemplateNode;

export function nodeString(n: Node, quoteText?: (s: string) => string): string {
  return nodeStringWith(n, quoteText);
}

/**
 * `quoteText` prints text nodes the way Go's parser tests do (textFormat "%q"); execution
 * errors print them raw.
 */
function nodeStringWith(n: Node, quoteText: ((s: string) => string) | undefined): string {
  const nodeString = (m: Node): string => nodeStringWith(m, quoteText);
  switch (n.type) {
    case 'text':
      return quoteText ? quoteText(n.text) : n.text;
    case 'comment':
      return `{{${n.text}}}`;
    case 'action':
      return `{{${nodeString(n.pipe)}}}`;
    case 'break':
      return '{{break}}';
    case 'continue':
      return '{{continue}}';
    case 'list':
      return n.nodes.map(nodeString).join('');
    case 'pipe': {
      let s = '';
      if (n.decl.length > 0) {
        s = n.decl.map(nodeString).join(', ') + (n.isAssign ? ' = ' : ' := ');
      }
      return s + n.cmds.map(nodeString).join(' | ');
    }
    case 'command':
      return n.args.map((a) => (a.type === 'pipe' ? `(${nodeString(a)})` : nodeString(a))).join(' ');
    case 'identifier':
      return n.ident;
    case 'variable':
      return n.ident.join('.');
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'field':
      return n.ident.map((i) => '.' + i).join('');
    case 'chain': {
      const head = n.node.type === 'pipe' ? `(${nodeString(n.node)})` : nodeString(n.node);
      return head + n.field.map((f) => '.' + f).join('');
    }
    case 'bool':
      return n.value ? 'true' : 'false';
    case 'number':
      return n.text;
    case 'string':
      return n.quoted;
    case 'end':
      return '{{end}}';
    case 'else':
      return '{{else}}';
    case 'if':
    case 'range':
    case 'with': {
      let s = `{{${n.type} ${nodeString(n.pipe)}}}${nodeString(n.list)}`;
      if (n.elseList) s += `{{else}}${nodeString(n.elseList)}`;
      return s + '{{end}}';
    }
    case 'template':
      return n.pipe ? `{{template ${goQuote(n.name)} ${nodeString(n.pipe)}}}` : `{{template ${goQuote(n.name)}}}`;
  }
}

/** parse.IsEmptyTree: only whitespace text and comments. */
export function isEmptyTree(n: Node | undefined): boolean {
  if (n === undefined) return true;
  switch (n.type) {
    case 'comment':
      return true;
    case 'list':
      return n.nodes.every(isEmptyTree);
    case 'text':
      return n.text.trim().length === 0 || /^[\s]*$/.test(n.text);
    default:
      return false;
  }
}
