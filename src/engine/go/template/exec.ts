/**
 * Go `text/template` execution (exec.go) over JSON-like data: field access on maps, variables,
 * pipelines, if/with/range (with else, break, continue), template/block calls, function calls
 * checked against Go signatures, and Go's error texts
 * (`template: NAME:LINE:COL: executing "NAME" at <NODE>: MESSAGE`).
 */
import { goQuote } from '../strconv';
import {
  BranchNode, ChainNode, CommandNode, FieldNode, IdentifierNode, ListNode, Node, nodeString, NumberNode,
  PipeNode, TemplateNode, VariableNode,
} from './nodes';
import {
  fmtValue, GoError, GoFunc, indirectInterface, isMap, isTrue, MaybeTV, PARAM_TYPE_NAMES, ParamType, STRING_SLICES, TV,
  typeName,
} from './value';

/** An execution failure, with Go's full message. */
export class TemplateExecError extends Error {}

export type MissingKey = 'invalid' | 'zero' | 'error';

/** What the executor needs from a template namespace. */
export interface ExecTemplate {
  readonly name: string;
  readonly parseName: string;
  readonly text: string;
  readonly root: ListNode | undefined;
  lookup(name: string): ExecTemplate | undefined;
  findFunction(name: string): { fn: GoFunc; builtin: boolean } | undefined;
  readonly missingKey: MissingKey;
}

const MISSING = Symbol('missing');
type Final = MaybeTV | typeof MISSING;

const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');
const MAX_EXEC_DEPTH = 100000;

interface Variable {
  name: string;
  value: MaybeTV;
  iface: boolean;
}

function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/**
 * Looks at the output of a running template (not Go's: a way for a caller to stop a template
 * whose output it already knows it cannot use). `seen` gets the output so far each time it has
 * grown by `every` characters, and may throw to end the execution with that error.
 */
export interface OutputWatcher {
  readonly every: number;
  seen(out: string): void;
}

export class State {
  private node: Node | undefined;
  private vars: Variable[];
  public out = '';
  private watcher: OutputWatcher | undefined;
  private nextMark = Infinity;

  public constructor(
    private tmpl: ExecTemplate,
    dot: MaybeTV,
    private depth = 0,
  ) {
    this.vars = [{ name: '$', value: dot, iface: false }];
  }

  public at(n: Node): void {
    this.node = n;
  }

  /** Has `watcher` look at this state's output (the top-level template's, not templates it calls). */
  public watch(watcher: OutputWatcher): void {
    this.watcher = watcher;
    this.nextMark = watcher.every;
  }

  private grew(): void {
    if (this.out.length < this.nextMark) return;
    this.nextMark = this.out.length + this.watcher!.every;
    this.watcher!.seen(this.out);
  }

  public errorf(message: string): never {
    const name = this.tmpl.name;
    if (this.node === undefined) throw new TemplateExecError(`template: ${name}: ${message}`);
    const pos = this.node.pos;
    const text = this.tmpl.text.slice(0, pos);
    const nl = text.lastIndexOf('\n');
    const col = nl === -1 ? byteLength(text) : byteLength(text.slice(nl + 1));
    const line = 1 + (text.match(/\n/g)?.length ?? 0);
    let context = nodeString(this.node);
    const runes = Array.from(context);
    if (context.length > 20 && runes.length > 20) context = runes.slice(0, 20).join('') + '...';
    throw new TemplateExecError(
      `template: ${this.tmpl.parseName}:${line}:${col}: executing ${goQuote(name)} at <${context}>: ${message}`,
    );
  }

  // --- variables ---
  private push(name: string, value: MaybeTV, iface = false): void {
    this.vars.push({ name, value, iface });
  }
  private mark(): number {
    return this.vars.length;
  }
  private pop(mark: number): void {
    this.vars.length = mark;
  }
  private setTopVar(n: number, value: MaybeTV, iface: boolean): void {
    const v = this.vars[this.vars.length - n];
    v.value = value;
    v.iface = iface;
  }
  private setVar(name: string, value: MaybeTV, iface = false): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) {
        this.vars[i].value = value;
        this.vars[i].iface = iface;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }
  private varValue(name: string): Variable {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i].name === name) return this.vars[i];
    this.errorf(`undefined variable: ${name}`);
  }

  // --- walking ---
  public walk(dot: MaybeTV, node: Node, dotIface = false): void {
    this.at(node);
    switch (node.type) {
      case 'action': {
        const val = this.evalPipeline(dot, node.pipe, dotIface);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return;
      }
      case 'break':
        throw BREAK;
      case 'continue':
        throw CONTINUE;
      case 'comment':
        return;
      case 'if':
      case 'with':
        this.walkIfOrWith(node, dot, dotIface);
        return;
      case 'list':
        for (const n of node.nodes) this.walk(dot, n, dotIface);
        return;
      case 'range':
        this.walkRange(dot, node, dotIface);
        return;
      case 'template':
        this.walkTemplate(dot, node, dotIface);
        return;
      case 'text':
        this.out += node.text;
        if (this.out.length >= this.nextMark) this.grew();
        return;
      default:
        this.errorf(`unknown node: ${nodeString(node)}`);
    }
  }

  private walkIfOrWith(node: BranchNode, dot: MaybeTV, dotIface: boolean): void {
    const mark = this.mark();
    try {
      const val = this.evalPipeline(dot, node.pipe, dotIface);
      const { truth } = isTrue(indirectInterface(val));
      if (truth) {
        if (node.type === 'with') this.walk(val, node.list);
        else this.walk(dot, node.list, dotIface);
      } else if (node.elseList) {
        this.walk(dot, node.elseList, dotIface);
      }
    } finally {
      this.pop(mark);
    }
  }

  private walkRange(dot: MaybeTV, r: BranchNode, dotIface: boolean): void {
    this.at(r);
    const outer = this.mark();
    try {
      const val = this.evalPipeline(dot, r.pipe, dotIface);
      const mark = this.mark();
      const decl = r.pipe.decl;
      const oneIteration = (index: MaybeTV, elem: MaybeTV, iface: boolean): void => {
        if (decl.length > 0) {
          if (r.pipe.isAssign) {
            if (decl.length > 1) this.setVar(decl[0].ident[0], index);
            else this.setVar(decl[0].ident[0], elem, iface);
          } else {
            this.setTopVar(1, elem, iface);
          }
        }
        if (decl.length > 1) {
          if (r.pipe.isAssign) this.setVar(decl[1].ident[0], elem, iface);
          else this.setTopVar(2, index, false);
        }
        try {
          this.walk(elem, r.list, iface);
        } catch (e) {
          if (e !== CONTINUE) throw e;
        } finally {
          this.pop(mark);
        }
      };
      let ran = false;
      try {
        if (Array.isArray(val)) {
          val.forEach((e, i) => {
            ran = true;
            oneIteration(BigInt(i), e, true);
          });
        } else if (isMap(val)) {
          for (const k of Object.keys(val).sort(compareStrings)) {
            ran = true;
            oneIteration(k, val[k], true);
          }
        } else if (typeof val === 'bigint') {
          if (decl.length > 1) this.errorf(`can't use ${fmtValue(val)} to iterate over more than one variable`);
          for (let i = 0n; i < val; i++) {
            ran = true;
            oneIteration(i, i, false);
          }
        } else if (val !== undefined && val !== null) {
          this.errorf(`range can't iterate over ${fmtValue(val)}`);
        }
      } catch (e) {
        if (e === BREAK) return;
        throw e;
      }
      if (!ran && r.elseList) this.walk(dot, r.elseList, dotIface);
    } finally {
      this.pop(outer);
    }
  }

  private walkTemplate(dot: MaybeTV, t: TemplateNode, dotIface: boolean): void {
    this.at(t);
    const tmpl = this.tmpl.lookup(t.name);
    if (tmpl === undefined) this.errorf(`template ${goQuote(t.name)} not defined`);
    if (this.depth === MAX_EXEC_DEPTH) this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
    const newDot = this.evalPipeline(dot, t.pipe, dotIface);
    const inner = new State(tmpl, newDot, this.depth + 1);
    try {
      if (tmpl.root) inner.walk(newDot, tmpl.root);
    } catch (e) {
      if (e instanceof RangeError) this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
      throw e;
    } finally {
      this.out += inner.out;
    }
    if (this.out.length >= this.nextMark) this.grew();
  }

  // --- evaluation ---
  public evalPipeline(dot: MaybeTV, pipe: PipeNode | undefined, dotIface = false): MaybeTV {
    if (pipe === undefined) return undefined;
    this.at(pipe);
    let value: Final = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value, dotIface);
      // An interface{} is looked through: a nil interface becomes the invalid value.
      if (value === null) value = undefined;
    }
    const v = value === MISSING ? undefined : value;
    for (const variable of pipe.decl) {
      if (pipe.isAssign) this.setVar(variable.ident[0], v);
      else this.push(variable.ident[0], v);
    }
    return v;
  }

  private notAFunction(args: Node[], final: Final): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${nodeString(args[0])}`);
  }

  private evalCommand(dot: MaybeTV, cmd: CommandNode, final: Final, dotIface: boolean): MaybeTV {
    const first = cmd.args[0];
    switch (first.type) {
      case 'field':
        return this.evalFieldNode(dot, first, cmd.args, final, dotIface);
      case 'chain':
        return this.evalChainNode(dot, first, cmd.args, final, dotIface);
      case 'identifier':
        return this.evalFunction(dot, first, cmd, cmd.args, final, dotIface);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first, dotIface);
      case 'variable':
        return this.evalVariableNode(dot, first, cmd.args, final, dotIface);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        this.errorf('nil is not a command');
      // eslint-disable-next-line no-fallthrough
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return first.text;
    }
    this.errorf(`can't evaluate command ${goQuote(nodeString(first))}`);
  }

  private idealConstant(n: NumberNode): MaybeTV {
    this.at(n);
    if (n.isComplex) this.errorf('complex constants are not supported');
    const isHexInt = /^[+-]?0[xX]/.test(n.text) && !/[pP]/.test(n.text);
    const isRune = n.text.startsWith("'");
    if (n.isFloat && !isHexInt && !isRune && /[.eEpP]/.test(n.text)) return n.float64;
    if (n.isInt) return n.int64;
    if (n.isUint) this.errorf(`${n.text} overflows int`);
    return undefined;
  }

  private evalFieldNode(dot: MaybeTV, field: FieldNode, args: Node[], final: Final, dotIface: boolean): MaybeTV {
    this.at(field);
    return this.evalFieldChain(dot, dotIface, field, field.ident, args, final);
  }

  private evalChainNode(dot: MaybeTV, chain: ChainNode, args: Node[], final: Final, dotIface: boolean): MaybeTV {
    this.at(chain);
    if (chain.field.length === 0) this.errorf('internal error: no fields in evalChainNode');
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, 'any-raw', chain.node, dotIface);
    return this.evalFieldChain(pipe, false, chain, chain.field, args, final);
  }

  private evalVariableNode(_dot: MaybeTV, v: VariableNode, args: Node[], final: Final, _dotIface: boolean): MaybeTV {
    this.at(v);
    const variable = this.varValue(v.ident[0]);
    if (v.ident.length === 1) {
      this.notAFunction(args, final);
      return variable.value;
    }
    return this.evalFieldChain(variable.value, variable.iface, v, v.ident.slice(1), args, final);
  }

  private evalFieldChain(
    receiver: MaybeTV, iface: boolean, node: Node, ident: string[], args: Node[], final: Final,
  ): MaybeTV {
    const n = ident.length;
    for (let i = 0; i < n - 1; i++) {
      receiver = this.evalField(ident[i], node, [], MISSING, receiver, iface);
      iface = true;
    }
    return this.evalField(ident[n - 1], node, args, final, receiver, iface);
  }

  private evalField(fieldName: string, _node: Node, args: Node[], final: Final, receiver: MaybeTV, iface: boolean): MaybeTV {
    if (receiver === undefined) {
      if (this.tmpl.missingKey === 'error') this.errorf(`nil data; no entry for key ${goQuote(fieldName)}`);
      return undefined;
    }
    const typ = iface ? 'interface {}' : typeName(receiver);
    if (receiver === null) this.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
    const hasArgs = args.length > 1 || final !== MISSING;
    if (isMap(receiver)) {
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
      if (Object.prototype.hasOwnProperty.call(receiver, fieldName)) return receiver[fieldName];
      switch (this.tmpl.missingKey) {
        case 'invalid':
          return undefined;
        case 'zero':
          return null;
        case 'error':
          this.errorf(`map has no entry for key ${goQuote(fieldName)}`);
      }
    }
    this.errorf(`can't evaluate field ${fieldName} in type ${typ}`);
  }

  private evalFunction(
    dot: MaybeTV, node: IdentifierNode, cmd: Node, args: Node[], final: Final, dotIface: boolean,
  ): MaybeTV {
    this.at(node);
    const name = node.ident;
    const found = this.tmpl.findFunction(name);
    if (found === undefined) this.errorf(`${goQuote(name)} is not a defined function`);
    return this.evalCall(dot, found.fn, found.builtin, cmd, name, args, final, dotIface);
  }

  private evalCall(
    dot: MaybeTV, fn: GoFunc, isBuiltin: boolean, node: Node, name: string, allArgs: Node[], final: Final,
    dotIface: boolean,
  ): MaybeTV {
    const args = allArgs.slice(1);
    let numIn = args.length;
    if (final !== MISSING) numIn++;
    const numParams = fn.params.length + (fn.variadic ? 1 : 0);
    let numFixed = args.length;
    if (fn.variadic) {
      numFixed = fn.params.length;
      if (numIn < numFixed) this.errorf(`wrong number of args for ${name}: want at least ${numFixed} got ${args.length}`);
    } else if (numIn !== numParams) {
      this.errorf(`wrong number of args for ${name}: want ${numParams} got ${numIn}`);
    }

    if (isBuiltin && (name === 'and' || name === 'or')) {
      let v: MaybeTV;
      for (const arg of args) {
        v = this.evalArg(dot, 'rv', arg, dotIface);
        if (isTrue(indirectInterface(v)).truth === (name === 'or')) return v;
      }
      if (final !== MISSING) v = final;
      return v;
    }

    const argv: MaybeTV[] = [];
    let i = 0;
    for (; i < numFixed && i < args.length; i++) argv.push(this.evalArg(dot, fn.params[i], args[i], dotIface));
    if (fn.variadic) {
      for (; i < args.length; i++) argv.push(this.evalArg(dot, fn.variadic, args[i], dotIface));
    }
    if (final !== MISSING) {
      let t: ParamType;
      if (fn.variadic) t = numIn - 1 < numFixed ? fn.params[numIn - 1] : fn.variadic;
      else t = fn.params[fn.params.length - 1];
      argv.push(this.validateType(final, t));
    }
    if (isBuiltin && name === 'call') {
      const callee = args.length === 0 ? fmtValue(final === MISSING ? undefined : final) : nodeString(args[0]);
      return this.callFunction(callee, argv, node, name);
    }
    try {
      return fn.impl(...argv);
    } catch (e) {
      if (e instanceof GoError) {
        this.at(node);
        this.errorf(`error calling ${name}: ${e.message}`);
      }
      throw e;
    }
  }

  /** The `call` builtin: its first argument must be a function value. */
  private callFunction(callee: string, argv: MaybeTV[], node: Node, name: string): MaybeTV {
    const [fn, ...rest] = argv;
    this.at(node);
    if (fn === undefined || fn === null) this.errorf(`error calling ${name}: call of nil`);
    if (!(fn instanceof GoFunc)) this.errorf(`error calling ${name}: non-function ${callee} of type ${typeName(fn)}`);
    try {
      return fn.impl(...rest);
    } catch (e) {
      if (e instanceof GoError) this.errorf(`error calling ${name}: error calling ${callee}: ${e.message}`);
      throw e;
    }
  }

  /** Go's validateType: an evaluated value against a parameter type. */
  private validateType(value: MaybeTV, typ: ParamType | 'any-raw'): MaybeTV {
    if (typ === 'any-raw' || typ === 'rv') return value;
    if (value === undefined) {
      if (typ === 'any') return null;
      if (typ === 'list' || typ === 'map' || typ === 'strings') return null;
      this.errorf(`invalid value; expected ${PARAM_TYPE_NAMES[typ]}`);
    }
    if (typ === 'any') return value;
    if (assignable(value, typ)) return value;
    this.errorf(`wrong type for value; expected ${PARAM_TYPE_NAMES[typ]}; got ${typeName(value)}`);
  }

  private evalArg(dot: MaybeTV, typ: ParamType | 'any-raw', n: Node, dotIface: boolean): MaybeTV {
    this.at(n);
    switch (n.type) {
      case 'dot':
        return this.validateType(dot, typ);
      case 'nil':
        if (typ === 'any-raw' || typ === 'rv' || typ === 'any' || typ === 'list' || typ === 'map' || typ === 'strings') {
          return typ === 'rv' || typ === 'any-raw' ? undefined : null;
        }
        this.errorf(`cannot assign nil to ${PARAM_TYPE_NAMES[typ]}`);
      // eslint-disable-next-line no-fallthrough
      case 'field':
        return this.validateType(this.evalFieldNode(dot, n, [n], MISSING, dotIface), typ);
      case 'variable':
        return this.validateType(this.evalVariableNode(dot, n, [n], MISSING, dotIface), typ);
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, n, dotIface), typ);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, n, n, [n], MISSING, dotIface), typ);
      case 'chain':
        return this.validateType(this.evalChainNode(dot, n, [n], MISSING, dotIface), typ);
    }
    switch (typ) {
      case 'bool':
        if (n.type === 'bool') return n.value;
        this.errorf(`expected bool; found ${nodeString(n)}`);
      // eslint-disable-next-line no-fallthrough
      case 'string':
        if (n.type === 'string') return n.text;
        this.errorf(`expected string; found ${nodeString(n)}`);
      // eslint-disable-next-line no-fallthrough
      case 'int':
      case 'int64':
        if (n.type === 'number' && n.isInt) return n.int64;
        this.errorf(`expected integer; found ${nodeString(n)}`);
      // eslint-disable-next-line no-fallthrough
      case 'float64':
        if (n.type === 'number' && n.isFloat) return n.float64;
        this.errorf(`expected float; found ${nodeString(n)}`);
      // eslint-disable-next-line no-fallthrough
      case 'any':
      case 'any-raw':
      case 'rv':
        return this.evalEmptyInterface(n);
    }
    this.errorf(`can't handle ${nodeString(n)} for arg of type ${PARAM_TYPE_NAMES[typ]}`);
  }

  private evalEmptyInterface(n: Node): MaybeTV {
    this.at(n);
    switch (n.type) {
      case 'bool':
        return n.value;
      case 'number':
        return this.idealConstant(n);
      case 'string':
        return n.text;
    }
    this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
  }

  private printValue(n: Node, v: MaybeTV): void {
    this.at(n);
    if (v === undefined) {
      this.out += '<no value>';
      return;
    }
    if (v instanceof GoFunc) this.errorf(`can't print ${nodeString(n)} of type ${typeName(v)}`);
    this.out += fmtValue(v);
    if (this.out.length >= this.nextMark) this.grew();
  }
}

function assignable(v: TV, typ: ParamType): boolean {
  switch (typ) {
    case 'string':
      return typeof v === 'string';
    case 'int':
    case 'int64':
      return typeof v === 'bigint';
    case 'float64':
      return typeof v === 'number';
    case 'bool':
      return typeof v === 'boolean';
    case 'list':
      return Array.isArray(v);
    case 'map':
      return isMap(v);
    case 'strings':
      return Array.isArray(v) && v.every((e) => typeof e === 'string') && STRING_SLICES.has(v);
    default:
      return true;
  }
}

/** Go's sort order for map keys (byte-wise on UTF-8, which for strings equals code point order). */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const ba = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  return Buffer.compare(ba, bb);
}

/**
 * Run a template tree with `data` as dot; returns the output or throws TemplateExecError (or
 * what `watcher` throws).
 */
export function executeTree(tmpl: ExecTemplate, input: MaybeTV, watcher?: OutputWatcher): string {
  // reflect.ValueOf(nil) is the invalid value: nil data behaves as a missing value.
  const data = input === null ? undefined : input;
  const state: State = new State(tmpl, data);
  if (watcher) state.watch(watcher);
  const root = tmpl.root;
  if (root === undefined) state.errorf(`${goQuote(tmpl.name)} is an incomplete or empty template`);
  state.walk(data, root);
  return state.out;
}
