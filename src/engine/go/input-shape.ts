/**
 * Decoding a function's step input the way function-sdk-go's `request.GetInput` does: the input
 * Struct is marshalled to JSON and decoded into the function's Go input type with
 * go-json-experiment, which rejects a JSON type that does not fit the Go field and any member
 * the type does not declare. Only those two kinds of problems fail here; what the fields mean is
 * each function's own validation.
 *
 * A shape is a small description of the Go type: enough to produce the same error text.
 * @internal
 */
import type { ObjectValue, Value } from './values';

/** A Go input type, as far as JSON decoding can fail on it. */
export type InputShape =
  | 'string' | 'int' | 'uint' | 'bool' | 'any' | 'raw'
  | { readonly named: string; readonly base: 'string' | 'int' | 'uint' | 'bool' }
  | { readonly array: InputShape; readonly goType: string }
  | { readonly map: InputShape; readonly goType: string }
  | StructShape;

/** A Go struct type. */
export interface StructShape {
  /** The Go type name, `v1beta1.Input`. */
  readonly struct: string;
  /** Its JSON fields. */
  readonly fields: Readonly<Record<string, InputShape>>;
  /** Whether members other than `fields` are accepted (a Go type with its own JSON decoding). */
  readonly open?: boolean;
}

/** A Go struct `pkg.name` with the given JSON fields; `open` accepts any other member too. */
export function goStruct(name: string, fields: Record<string, InputShape>, open = false): StructShape {
  return open ? { struct: name, fields, open } : { struct: name, fields };
}

/** A Go slice type. */
export function goSlice(item: InputShape, goType: string): InputShape {
  return { array: item, goType };
}

/** A named Go type over a basic one (`type EnvironmentSourceType string`). */
export function goNamed(name: string, base: 'string' | 'int' | 'uint' | 'bool'): InputShape {
  return { named: name, base };
}

/** A Go map type with string keys. */
export function goMap(item: InputShape, goType: string): InputShape {
  return { map: item, goType };
}

function jsonKind(v: Value): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number' || typeof v === 'bigint') return 'number';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

function goTypeOf(shape: InputShape): string {
  if (shape === 'string') return 'string';
  if (shape === 'int') return 'int64';
  if (shape === 'uint') return 'uint64';
  if (shape === 'bool') return 'bool';
  if (shape === 'any') return 'interface {}';
  if (shape === 'raw') return 'runtime.RawExtension';
  if ('named' in shape) return shape.named;
  if ('array' in shape) return shape.goType;
  if ('map' in shape) return shape.goType;
  return shape.struct;
}

function pointerOf(path: readonly (string | number)[]): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function within(path: readonly (string | number)[]): string {
  return path.length > 0 ? ` within ${JSON.stringify(pointerOf(path))}` : '';
}

function mismatch(kind: string, path: readonly (string | number)[], shape: InputShape): string {
  return `json: cannot unmarshal JSON ${kind} into Go ${goTypeOf(shape)}${within(path)}`;
}

function check(v: Value | undefined, shape: InputShape, path: (string | number)[]): string | undefined {
  // JSON null decodes to the zero value of any Go type.
  // A RawExtension (like interface {}) takes any JSON value.
  if (v === undefined || v === null || shape === 'any' || shape === 'raw') return undefined;
  if (typeof shape === 'object' && 'named' in shape) {
    const err = check(v, shape.base, path);
    return err === undefined ? undefined : err.replace(`into Go ${goTypeOf(shape.base)}`, `into Go ${shape.named}`);
  }
  if (shape === 'string') return typeof v === 'string' ? undefined : mismatch(jsonKind(v), path, shape);
  if (shape === 'bool') return typeof v === 'boolean' ? undefined : mismatch(jsonKind(v), path, shape);
  if (shape === 'int' || shape === 'uint') {
    if (typeof v === 'bigint') return shape === 'uint' && v < 0n ? `json: cannot unmarshal JSON number ${v} into Go uint64${within(path)}` : undefined;
    if (typeof v !== 'number') return mismatch(jsonKind(v), path, shape);
    if (!Number.isInteger(v) || (shape === 'uint' && v < 0)) return `json: cannot unmarshal JSON number ${v} into Go ${goTypeOf(shape)}${within(path)}`;
    return undefined;
  }
  if ('array' in shape) {
    if (!Array.isArray(v)) return mismatch(jsonKind(v), path, shape);
    for (let i = 0; i < v.length; i++) {
      path.push(i);
      const err = check(v[i], shape.array, path);
      path.pop();
      if (err) return err;
    }
    return undefined;
  }
  if (typeof v !== 'object' || Array.isArray(v)) return mismatch(jsonKind(v), path, shape);
  const o = v as ObjectValue;
  if ('map' in shape) {
    for (const key of Object.keys(o)) {
      path.push(key);
      const err = check(o[key], shape.map, path);
      path.pop();
      if (err) return err;
    }
    return undefined;
  }
  if (shape.open) return undefined;
  for (const key of Object.keys(o)) {
    if (!Object.prototype.hasOwnProperty.call(shape.fields, key)) {
      return `json: cannot unmarshal into Go ${shape.struct}: unknown object member name ${JSON.stringify(key)}${within(path)}`;
    }
    path.push(key);
    const err = check(o[key], shape.fields[key], path);
    path.pop();
    if (err) return err;
  }
  return undefined;
}

function zeroOf(shape: InputShape): Value {
  if (shape === 'string') return '';
  if (shape === 'int' || shape === 'uint') return 0;
  if (shape === 'bool') return false;
  if (shape === 'any' || shape === 'raw') return null;
  if ('named' in shape) return zeroOf(shape.base);
  if ('array' in shape || 'map' in shape) return null;
  return {};
}

/**
 * `v` (which decodes into `shape`) as the function's code sees the decoded Go value: a JSON null
 * leaves a typed struct field at its zero value (so the member is left out, as an absent one;
 * `interface {}` and RawExtension fields keep their null) and
 * makes a slice or map item the zero value of its type (`patchSets: [null]` holds one empty
 * PatchSet). Values without nulls are returned as they are.
 */
export function withGoZeroValues(v: Value, shape: InputShape): Value {
  if (v === null || typeof v !== 'object' || shape === 'any' || shape === 'raw' || typeof shape !== 'object' || 'named' in shape) return v;
  if ('array' in shape) {
    if (!Array.isArray(v)) return v;
    let out: Value[] | undefined;
    v.forEach((item, i) => {
      const d = item === null ? zeroOf(shape.array) : withGoZeroValues(item, shape.array);
      if (d !== item) (out ??= v.slice())[i] = d;
    });
    return out ?? v;
  }
  if (Array.isArray(v)) return v;
  const o = v as ObjectValue;
  let out: ObjectValue | undefined;
  for (const key of Object.keys(o)) {
    const item = o[key];
    if ('map' in shape) {
      const d = item === null ? zeroOf(shape.map) : withGoZeroValues(item, shape.map);
      if (d !== item) (out ??= { ...o })[key] = d;
      continue;
    }
    const field = shape.fields[key];
    if (field === undefined || field === 'any' || field === 'raw') continue;
    if (item === null) {
      out ??= { ...o };
      delete out[key];
      continue;
    }
    const d = withGoZeroValues(item, field);
    if (d !== item) (out ??= { ...o })[key] = d;
  }
  return out ?? o;
}

/**
 * Decodes `input` as `GetInput` would into the Go type `shape` (a struct named like
 * `v1beta1.Input`). Returns the SDK's error text, or undefined when it decodes.
 */
export function inputDecodeError(input: ObjectValue | undefined, shape: StructShape): string | undefined {
  if (!input) return undefined;
  const err = check(input, shape, []);
  if (!err) return undefined;
  const t = `*${shape.struct}`;
  return `cannot get function input ${t} from *v1.RunFunctionRequest: cannot unmarshal JSON from *structpb.Struct into ${t}: ${err}`;
}
