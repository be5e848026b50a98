/**
 * CEL over a function request, as functions built on cel-go declare it (function-cel-filter
 * fn.go `NewFunction`, function-sequencer fn.go `getCELEnv`): the variables `observed` and
 * `desired` are `apiextensions.fn.proto.v1.State` messages and `context` a
 * `google.protobuf.Struct`.
 *
 * Evaluation uses `@bufbuild/cel` over plain values shaped like those messages (proto field names:
 * `composite`, `resources`, `resource`, `connection_details`, `ready`; connection details are
 * bytes, `ready` the enum's number). cel-go also type-checks before it evaluates: the checker
 * here infers what cel-go's would for these declarations (unknown identifiers, unknown fields of
 * the State and Resource messages, the expression's output type), which is what the functions
 * act on. Message texts of parse, check and evaluation errors are this library's, not cel-go's.
 */
import type * as BufCel from '@bufbuild/cel';
import type { CelInput } from '@bufbuild/cel';
import type { ObjectValue, Value } from '../go/values';
import type { FunctionRequest, ResourceState, State } from '../protocol';

/** A CEL type as the checker tracks it. */
type CelKind =
  | 'bool' | 'int' | 'uint' | 'double' | 'string' | 'bytes' | 'null_type' | 'dyn' | 'type'
  | 'State' | 'Resource' | 'Struct' | 'list' | 'map(string, bytes)' | 'map(string, Resource)' | 'map' | 'Ready';

/** The name cel-go prints for a type in its messages. */
const TYPE_NAMES: Record<CelKind, string> = {
  bool: 'bool', int: 'int', uint: 'uint', double: 'double', string: 'string', bytes: 'bytes', null_type: 'null_type', dyn: 'dyn', type: 'type',
  State: 'apiextensions.fn.proto.v1.State', Resource: 'apiextensions.fn.proto.v1.Resource', Struct: 'google.protobuf.Struct',
  list: 'list(dyn)', 'map(string, bytes)': 'map(string, bytes)', 'map(string, Resource)': 'map(string, apiextensions.fn.proto.v1.Resource)', map: 'map(dyn, dyn)',
  Ready: 'apiextensions.fn.proto.v1.Ready',
};

const MESSAGE_FIELDS: Partial<Record<CelKind, Record<string, CelKind>>> = {
  State: { composite: 'Resource', resources: 'map(string, Resource)' },
  Resource: { resource: 'Struct', connection_details: 'map(string, bytes)', ready: 'Ready' },
};

const BOOL_FUNCTIONS = new Set([
  '_==_', '_!=_', '_<_', '_<=_', '_>_', '_>=_', '_&&_', '_||_', '!_', '@in', '@not_strictly_false',
  'startsWith', 'endsWith', 'contains', 'matches', 'exists', 'all', 'exists_one', 'bool',
]);
const RESULT_TYPES: Record<string, CelKind> = {
  size: 'int', int: 'int', uint: 'uint', double: 'double', string: 'string', bytes: 'bytes', type: 'type', dyn: 'dyn',
  lowerAscii: 'string', upperAscii: 'string', trim: 'string', replace: 'string', substring: 'string', charAt: 'string', join: 'string', split: 'list',
  indexOf: 'int', lastIndexOf: 'int', format: 'string',
};

/** A type-checking problem. */
export class CelCheckError extends Error {}

class Checker {
  private readonly scopes: Map<string, CelKind>[] = [new Map<string, CelKind>([['observed', 'State'], ['desired', 'State'], ['context', 'Struct']])];

  public typeOf(e: any): CelKind {
    const k = e.exprKind;
    switch (k.case) {
      case 'constExpr': return this.constType(k.value.constantKind.case);
      case 'identExpr': return this.ident(k.value.name);
      case 'selectExpr': {
        const operand = this.typeOf(k.value.operand);
        if (k.value.testOnly) {
          this.field(operand, k.value.field);
          return 'bool';
        }
        return this.field(operand, k.value.field);
      }
      case 'callExpr': return this.call(k.value);
      case 'listExpr':
        for (const el of k.value.elements) this.typeOf(el);
        return 'list';
      case 'structExpr':
        for (const en of k.value.entries) {
          if (en.keyKind?.case === 'mapKey') this.typeOf(en.keyKind.value);
          this.typeOf(en.value);
        }
        return k.value.messageName ? 'dyn' : 'map';
      case 'comprehensionExpr': {
        const c = k.value;
        this.typeOf(c.iterRange);
        const scope = new Map<string, CelKind>([[c.iterVar, 'dyn'], [c.accuVar, this.typeOf(c.accuInit)]]);
        if (c.iterVar2) scope.set(c.iterVar2, 'dyn');
        this.scopes.push(scope);
        try {
          this.typeOf(c.loopCondition);
          this.typeOf(c.loopStep);
          return this.typeOf(c.result);
        } finally {
          this.scopes.pop();
        }
      }
      default: return 'dyn';
    }
  }

  private constType(c: string): CelKind {
    switch (c) {
      case 'boolValue': return 'bool';
      case 'int64Value': return 'int';
      case 'uint64Value': return 'uint';
      case 'doubleValue': return 'double';
      case 'stringValue': return 'string';
      case 'bytesValue': return 'bytes';
      case 'nullValue': return 'null_type';
      default: return 'dyn';
    }
  }

  private ident(name: string): CelKind {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const t = this.scopes[i].get(name);
      if (t) return t;
    }
    if (['int', 'uint', 'double', 'string', 'bytes', 'bool', 'list', 'map', 'null_type', 'type'].includes(name)) return 'type';
    throw new CelCheckError(`undeclared reference to '${name}' (in container '')`);
  }

  private field(operand: CelKind, field: string): CelKind {
    const fields = MESSAGE_FIELDS[operand];
    if (fields) {
      const t = fields[field];
      if (!t) throw new CelCheckError(`undefined field '${field}'`);
      return t;
    }
    if (operand === 'map(string, bytes)') return 'bytes';
    if (operand === 'map(string, Resource)') return 'Resource';
    if (operand === 'Struct' || operand === 'map' || operand === 'dyn') return 'dyn';
    throw new CelCheckError(`type '${TYPE_NAMES[operand]}' does not support field selection`);
  }

  private call(c: any): CelKind {
    const target: CelKind | undefined = c.target ? this.typeOf(c.target) : undefined;
    const args: CelKind[] = c.args.map((a: any) => this.typeOf(a));
    const fn: string = c.function;
    if (BOOL_FUNCTIONS.has(fn)) return 'bool';
    if (fn === '_[_]') {
      const [on] = args;
      if (on === 'map(string, Resource)') return 'Resource';
      if (on === 'map(string, bytes)') return 'bytes';
      return 'dyn';
    }
    if (fn === '_?_:_') return args[1] === args[2] ? args[1] : 'dyn';
    if (fn === '-_') return args[0];
    if (['_+_', '_-_', '_*_', '_/_', '_%_'].includes(fn)) return args[0] === args[1] ? args[0] : 'dyn';
    if (RESULT_TYPES[fn]) return RESULT_TYPES[fn];
    return target === undefined ? 'dyn' : 'dyn';
  }
}

/** A compiled expression: its output type, and how to evaluate it on a request. */
export interface RequestCelProgram {
  /** The output type as cel-go names it (`bool`, `dyn`, `int`, ...). */
  readonly outputType: string;
  /** Evaluates; returns the value or throws with the evaluation error. */
  evaluate(req: FunctionRequest): unknown;
}

/** Which phase of `Parse`, `Check` and `Eval` failed. */
export class RequestCelError extends Error {
  public constructor(public readonly phase: 'parse' | 'check' | 'eval', message: string) {
    super(message);
  }
}

/**
 * `@bufbuild/cel` and its CEL environment, loaded on the first expression: building its protobuf
 * registry takes about a tenth of a second, which a render or validate that meets no sequencer
 * or cel-filter step should not pay at start-up.
 */
let loaded: { cel: typeof BufCel; env: BufCel.CelEnv } | undefined;
function bufCel(): { cel: typeof BufCel; env: BufCel.CelEnv } {
  if (!loaded) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cel = require('@bufbuild/cel') as typeof BufCel;
    loaded = { cel, env: cel.celEnv({}) };
  }
  return loaded;
}

const cache = new Map<string, RequestCelProgram | RequestCelError>();

/** Parses and checks `expression` (cached per expression text). Throws {@link RequestCelError}. */
export function compileRequestCel(expression: string): RequestCelProgram {
  let entry = cache.get(expression);
  if (!entry) {
    entry = compile(expression);
    if (cache.size > 1000) cache.clear();
    cache.set(expression, entry);
  }
  if (entry instanceof RequestCelError) throw entry;
  return entry;
}

function compile(expression: string): RequestCelProgram | RequestCelError {
  const { cel, env } = bufCel();
  let parsed;
  try {
    parsed = cel.parse(expression);
  } catch (err) {
    return new RequestCelError('parse', (err as Error).message);
  }
  let out: CelKind;
  try {
    out = new Checker().typeOf(parsed.expr);
  } catch (err) {
    return new RequestCelError('check', (err as Error).message);
  }
  const run = cel.plan(env, parsed);
  return {
    outputType: TYPE_NAMES[out],
    evaluate(req: FunctionRequest): unknown {
      const result = run({ observed: stateBinding(req.observed), desired: stateBinding(req.desired), context: req.context as CelInput } as any);
      if (cel.isCelError(result)) throw new RequestCelError('eval', result.message);
      return result;
    },
  };
}

const READY: Record<string, bigint> = { READY_UNSPECIFIED: 0n, READY_TRUE: 1n, READY_FALSE: 2n };
const encoder = new TextEncoder();

/** A Resource message as CEL reads it: unset fields read as their defaults. */
function resourceBinding(r: ResourceState | undefined): ObjectValue {
  const details: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(r?.connectionDetails ?? {})) details[k] = encoder.encode(v);
  return { resource: (r?.resource ?? {}) as Value, connection_details: details as unknown as Value, ready: READY[r?.ready ?? 'READY_UNSPECIFIED'] ?? 0n };
}

function stateBinding(s: State): ObjectValue {
  const resources: ObjectValue = {};
  for (const [k, r] of Object.entries(s.resources ?? {})) resources[k] = resourceBinding(r);
  return { composite: resourceBinding(s.composite), resources };
}
