/**
 * Flattens an XRD version's OpenAPI schema into documentation rows: one row per field, in the
 * order the author wrote the properties (JavaScript keeps object keys in insertion order, except
 * that integer-like keys such as `"1"` come first; such property names are rare in XRDs).
 */

/** A loosely typed schema node: XRD files are user data and may hold anything. */
type Node = Record<string, unknown>;

/** One documented field of a schema. */
export interface SchemaField {
  /** Dotted path from the schema root: `spec.nodes[].name`, `spec.labels{}`. */
  readonly path: string;
  /** Human-readable type: `string (date-time)`, `array of string`, `map of integer`, `int-or-string`. */
  readonly type: string;
  /** Whether the parent lists the field in `required`; `undefined` for array items and map values. */
  readonly required?: boolean;
  /** The schema default, as written. */
  readonly default?: unknown;
  /** Whether `default` is set (a default may be `null` or `false`). */
  readonly hasDefault: boolean;
  /** Allowed values, as written. */
  readonly enum?: readonly unknown[];
  /** Constraints: pattern, bounds, lengths, item counts, list and map semantics. */
  readonly constraints: readonly SchemaConstraint[];
  /** The field's description. */
  readonly description?: string;
}

/** One `x-kubernetes-validations` rule and the field it is declared on. */
export interface SchemaRule {
  /** Path of the field that declares the rule (`spec`, `spec.replicas`), or `(root)`. */
  readonly path: string;
  readonly rule: string;
  readonly message?: string;
  readonly messageExpression?: string;
  readonly reason?: string;
  readonly fieldPath?: string;
}

/** What walking a schema produced. */
export interface FlattenedSchema {
  readonly fields: SchemaField[];
  readonly rules: SchemaRule[];
}

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The human-readable type of a schema node. */
export function describeType(s: Node): string {
  if (s['x-kubernetes-int-or-string'] === true) return 'int-or-string';
  const type = typeof s.type === 'string' ? s.type : undefined;
  const format = typeof s.format === 'string' && s.format !== '' ? ` (${s.format})` : '';
  if (type === 'array') {
    return isNode(s.items) ? `array of ${describeType(s.items)}` : 'array';
  }
  if (type === 'object' || (type === undefined && (isNode(s.properties) || s.additionalProperties !== undefined))) {
    if (!isNode(s.properties) && isNode(s.additionalProperties)) return `map of ${describeType(s.additionalProperties)}`;
    if (!isNode(s.properties) && s.additionalProperties === true) return 'map of any';
    return 'object';
  }
  if (type === undefined) {
    if (s['x-kubernetes-preserve-unknown-fields'] === true) return 'any';
    if (Array.isArray(s.anyOf) || Array.isArray(s.oneOf)) return 'any of the listed schemas';
    return 'any';
  }
  return `${type}${format}`;
}

/** One constraint of a field: a label and, for keywords with a value, the value as text. */
export interface SchemaConstraint {
  readonly label: string;
  /** @default - a flag without a value (e.g. `unique items`) */
  readonly value?: string;
}

/** The constraints of a schema node, in a fixed keyword order. */
export function describeConstraints(s: Node): SchemaConstraint[] {
  const out: SchemaConstraint[] = [];
  const add = (label: string, key: string) => {
    const v = s[key];
    if (v !== undefined && v !== null) out.push({ label, value: typeof v === 'string' ? v : JSON.stringify(v) });
  };
  const flag = (label: string, on: boolean) => { if (on) out.push({ label }); };
  add('pattern', 'pattern');
  add('minimum', 'minimum');
  flag('exclusive minimum', s.exclusiveMinimum === true);
  add('maximum', 'maximum');
  flag('exclusive maximum', s.exclusiveMaximum === true);
  add('multipleOf', 'multipleOf');
  add('minLength', 'minLength');
  add('maxLength', 'maxLength');
  add('minItems', 'minItems');
  add('maxItems', 'maxItems');
  flag('unique items', s.uniqueItems === true);
  add('minProperties', 'minProperties');
  add('maxProperties', 'maxProperties');
  flag('nullable', s.nullable === true);
  add('list type', 'x-kubernetes-list-type');
  const mapKeys = s['x-kubernetes-list-map-keys'];
  if (Array.isArray(mapKeys)) out.push({ label: 'list map keys', value: mapKeys.join(', ') });
  add('map type', 'x-kubernetes-map-type');
  flag('preserves unknown fields', s['x-kubernetes-preserve-unknown-fields'] === true && describeType(s) !== 'any');
  flag('embedded resource', s['x-kubernetes-embedded-resource'] === true);
  return out;
}

/** Whether a node has something worth a row of its own when it is an array item or map value. */
function worthARow(s: Node): boolean {
  return s.description !== undefined || s.default !== undefined || Array.isArray(s.enum) || describeConstraints(s).length > 0;
}

/**
 * Walks `schema` (the node found at `rootPath`) and returns a row for every field below it and
 * every CEL rule declared on it or below it. The root node itself gets no row.
 */
export function flattenSchema(schema: unknown, rootPath: string): FlattenedSchema {
  const fields: SchemaField[] = [];
  const rules: SchemaRule[] = [];
  const visit = (s: Node, p: string, required: boolean | undefined, withRow: boolean): void => {
    if (withRow) {
      fields.push({
        path: p,
        type: describeType(s),
        required,
        default: s.default,
        hasDefault: Object.prototype.hasOwnProperty.call(s, 'default'),
        enum: Array.isArray(s.enum) ? s.enum : undefined,
        constraints: describeConstraints(s),
        description: typeof s.description === 'string' ? s.description : undefined,
      });
    }
    collectRules(s, p || '(root)', rules);
    walkChildren(s, p, visit);
  };
  if (isNode(schema)) {
    visit(schema, rootPath, undefined, false);
  }
  return { fields, rules };
}

type Visit = (child: Node, path: string, required: boolean | undefined, withRow: boolean) => void;

/**
 * Calls `each` for the properties, array items and map values of `s`. Array items and map
 * values get a row of their own only when they say something (a description, default, enum or
 * constraint); their children are visited either way.
 */
function walkChildren(s: Node, p: string, each: Visit): void {
  const required = new Set(Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === 'string') : []);
  if (isNode(s.properties)) {
    for (const [name, child] of Object.entries(s.properties)) {
      if (isNode(child)) each(child, p ? `${p}.${name}` : name, required.has(name), true);
    }
  }
  if (isNode(s.items)) each(s.items, `${p}[]`, undefined, worthARow(s.items));
  if (isNode(s.additionalProperties)) each(s.additionalProperties, `${p}{}`, undefined, worthARow(s.additionalProperties));
}

function collectRules(s: Node, p: string, rules: SchemaRule[]): void {
  const list = s['x-kubernetes-validations'];
  if (!Array.isArray(list)) return;
  for (const r of list) {
    if (!isNode(r)) continue;
    const str = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : undefined);
    rules.push({
      path: p,
      rule: str('rule') ?? String(r.rule ?? ''),
      message: str('message'),
      messageExpression: str('messageExpression'),
      reason: str('reason'),
      fieldPath: str('fieldPath'),
    });
  }
}
