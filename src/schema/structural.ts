import { goRegexpSyntaxError } from '../engine/go/regexp';
import { AnySchema } from './schema-types';
import { VALIDATION_REASONS } from './validation-rule';

/**
 * One way a schema breaks Kubernetes' structural-schema rules (or uses something the API server
 * drops), found by `checkStructural`.
 */
export interface SchemaViolation {
  /** Field path of the offending node, e.g. `spec.properties.parameters.properties.size`. */
  readonly path: string;
  /** What is wrong, with the value found, e.g. `additionalProperties must not be false, got 'false'`. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
  /**
   * `warning` for what the API server accepts and silently drops (an unknown keyword such as a
   * misspelt `decription`): the object works in a cluster, so it must not fail validation.
   * @default 'error'
   */
  readonly severity?: 'error' | 'warning';
}

/** Options of `checkStructural`. */
export interface CheckStructuralOptions {
  /**
   * Whether the schema is the root of a resource (`openAPIV3Schema`): it must be `type: object`
   * and its `metadata` may only restrict `name` and `generateName`.
   *
   * @default false
   */
  readonly root?: boolean;
  /**
   * Whether the schema is an XRD version's `openAPIV3Schema`. Crossplane does not hand it to
   * the API server as it is: it builds the XR CRD from a base schema of its own and copies in
   * only the root's description and CEL rules and, from `spec` and `status`, their properties,
   * required lists, CEL rules, oneOf and description (crossplane-runtime `pkg/xcrd/crd.go`
   * `genCrdVersion`). A missing `type: object` on the root, `spec` or `status` is therefore
   * harmless, and is not reported.
   *
   * @default false
   */
  readonly xrd?: boolean;
}

/** `<path> <message>: <fix>`, the house error shape. */
export function formatViolation(v: SchemaViolation): string {
  return `${v.path} ${v.message}: ${v.fix}`;
}

const TYPES = ['object', 'array', 'string', 'integer', 'number', 'boolean'];

/** The keywords of Kubernetes' `JSONSchemaProps`; anything else is dropped by the API server. */
const KNOWN_KEYWORDS = new Set([
  'id', '$schema', '$ref', 'description', 'type', 'format', 'title', 'default', 'maximum', 'exclusiveMaximum',
  'minimum', 'exclusiveMinimum', 'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems',
  'multipleOf', 'enum', 'maxProperties', 'minProperties', 'required', 'items', 'allOf', 'oneOf', 'anyOf', 'not',
  'properties', 'additionalProperties', 'patternProperties', 'dependencies', 'additionalItems', 'definitions',
  'externalDocs', 'example', 'nullable', 'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-embedded-resource',
  'x-kubernetes-int-or-string', 'x-kubernetes-list-map-keys', 'x-kubernetes-list-type', 'x-kubernetes-map-type',
  'x-kubernetes-validations',
]);

/** Keywords `JSONSchemaProps` has but CRDs (`apiextensions.k8s.io/v1`) reject. */
const UNSUPPORTED: Record<string, string> = {
  '$ref': 'inline the referenced schema',
  '$schema': 'remove it',
  'id': 'remove it',
  'definitions': 'inline the definitions where they are used',
  'patternProperties': 'use additionalProperties with a schema, plus CEL rules on the keys if needed',
  'dependencies': 'express the dependency as a CEL rule in x-kubernetes-validations',
  'additionalItems': 'remove it; arrays have a single items schema',
};

/** Keywords that must not appear inside allOf/anyOf/oneOf/not (structural rule 3). */
const FORBIDDEN_IN_JUNCTORS = [
  'type', 'default', 'additionalProperties', 'nullable', 'description',
  'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-embedded-resource', 'x-kubernetes-int-or-string',
  'x-kubernetes-list-type', 'x-kubernetes-list-map-keys', 'x-kubernetes-map-type', 'x-kubernetes-validations',
];

const JUNCTORS = ['allOf', 'anyOf', 'oneOf'] as const;

type Node = Record<string, unknown>;

/**
 * Checks a schema against Kubernetes' structural-schema rules and the CRD restrictions the API
 * server applies to every `openAPIV3Schema` (Crossplane hands the XRD schema to it unchanged, so
 * a violation shows up only later, as a failed CRD on the XRD's status; reference §1.4 item 9).
 *
 * Returns every violation (never throws), each with its field path under `path`.
 *
 * @see https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#specifying-a-structural-schema
 */
export function checkStructural(schema: AnySchema, path: string, options: CheckStructuralOptions = {}): SchemaViolation[] {
  const out: SchemaViolation[] = [];
  const report: Report = (at, message, fix, severity) => out.push({ path: at, message, fix, ...(severity === 'warning' ? { severity } : {}) });
  if (!isNode(schema)) {
    report(path, `must be a schema object, got '${show(schema)}'`, 'write a JSON schema object');
    return out;
  }
  const xrd = options.xrd === true;
  if (options.root || xrd) {
    if (schema.type !== 'object' && !(xrd && schema.type === undefined)) {
      report(`${path}.type`, `must be 'object' at the root, got '${show(schema.type)}'`, "set type: 'object'");
    }
  }
  walk(schema as Node, path, options.root === true || xrd, report, xrd ? XRD_PARTS : undefined);
  return out;
}

/** In an XRD version schema: the nodes whose own `type` Crossplane replaces by `object`. */
const XRD_PARTS = new Set(['', 'spec', 'status']);

type Report = (at: string, message: string, fix: string, severity?: 'warning') => void;

/**
 * Checks one node and its children. `typeless` names the nodes, by their property name below
 * the root ('' for the root itself), that may leave out `type` (XRD roots, see
 * {@link CheckStructuralOptions.xrd}); it is only passed on to the root's direct properties.
 */
function walk(n: Node, path: string, resourceRoot: boolean, report: Report, typeless?: ReadonlySet<string>, self = ''): void {
  checkKeywords(n, path, report);
  if (!(typeless?.has(self) && n.type === undefined)) checkType(n, path, report);
  checkExtensions(n, path, report);
  checkValues(n, path, report);
  checkLists(n, path, report);
  checkValidations(n, path, report);

  const props = isNode(n.properties) ? n.properties : undefined;
  if (props) {
    for (const [name, child] of Object.entries(props)) {
      const at = `${path}.properties${key(name)}`;
      if (!isNode(child)) {
        report(at, `must be a schema object, got '${show(child)}'`, 'write a JSON schema object');
      } else if (resourceRoot && name === 'metadata') {
        checkMetadata(child, at, report);
      } else {
        walk(child, at, child['x-kubernetes-embedded-resource'] === true, report, typeless && self === '' ? typeless : undefined, name);
      }
    }
  }
  if (isNode(n.additionalProperties)) {
    walk(n.additionalProperties, `${path}.additionalProperties`, false, report);
  }
  if (isNode(n.items)) {
    walk(n.items, `${path}.items`, n.items['x-kubernetes-embedded-resource'] === true, report);
  }
  for (const j of JUNCTORS) {
    if (Array.isArray(n[j])) {
      (n[j] as unknown[]).forEach((branch, i) => junctor(branch, n, `${path}.${j}[${i}]`, report, j !== 'allOf' && isIntOrString(n)));
    }
  }
  if (n.not !== undefined) { junctor(n.not, n, `${path}.not`, report, false); }
}

function checkKeywords(n: Node, path: string, report: Report): void {
  for (const k of Object.keys(n)) {
    if (k in UNSUPPORTED) {
      report(`${path}.${k}`, `is not supported in Kubernetes schemas, got '${show(n[k])}'`, UNSUPPORTED[k]);
    } else if (!KNOWN_KEYWORDS.has(k)) {
      // Go's JSON decoder ignores unknown keys, so the API server stores the schema without it
      // and the object works: a warning (a typo such as `decription` loses only that keyword).
      report(`${path}.${k}`, `is not a Kubernetes schema keyword and is dropped by the API server, got '${show(n[k])}'`,
        'remove it, or fix its spelling (extensions must be one of the x-kubernetes-* keywords)', 'warning');
    }
  }
  if (n.uniqueItems === true) {
    report(`${path}.uniqueItems`, "must not be true, got 'true'", "use 'x-kubernetes-list-type: set' (listType: 'set') instead");
  }
  if (n.additionalProperties === false) {
    report(`${path}.additionalProperties`, "must not be false, got 'false'",
      'remove it: unknown fields are already pruned by the API server');
  } else if (n.additionalProperties === true) {
    report(`${path}.additionalProperties`, "must be a schema, got 'true'",
      "use 'x-kubernetes-preserve-unknown-fields: true' (Schema.unknown() or preserveUnknownFields) to keep any field");
  }
  if (n.properties !== undefined && n.additionalProperties !== undefined) {
    report(`${path}.additionalProperties`, 'must not be set together with properties, got both',
      'use either named properties (Schema.object) or free keys (Schema.map), not both');
  }
  if (Array.isArray(n.items)) {
    report(`${path}.items`, 'must be a single schema, got an array of schemas', 'use one items schema for every element');
  }
}

function checkType(n: Node, path: string, report: Report): void {
  const type = n.type;
  if (type === undefined) {
    if (!isIntOrString(n) && n['x-kubernetes-preserve-unknown-fields'] !== true) {
      report(`${path}.type`, 'must be set, got none', "set a type (object, array, string, integer, number, boolean), or use Schema.unknown() / Schema.intOrString() for untyped values");
    }
  } else if (typeof type !== 'string' || !TYPES.includes(type)) {
    report(`${path}.type`, `must be one of ${TYPES.join(', ')}, got '${show(type)}'`,
      Array.isArray(type) ? 'use a single type, plus nullable: true to allow null' : 'use one of the listed types');
  }
  if (n.nullable !== undefined && type === undefined) {
    report(`${path}.nullable`, `must only be set together with type, got '${show(n.nullable)}' without a type`, 'set a type or remove nullable');
  }
  if (n.items !== undefined && type !== undefined && type !== 'array') {
    report(`${path}.items`, `must only be used with type array, got type '${show(type)}'`, "set type: 'array' or remove items");
  }
  if (type === 'array' && n.items === undefined) {
    report(`${path}.items`, 'must be set for type array, got none', 'give the schema of the array elements');
  }
  for (const k of ['properties', 'additionalProperties']) {
    if (n[k] !== undefined && type !== undefined && type !== 'object') {
      report(`${path}.${k}`, `must only be used with type object, got type '${show(type)}'`, `set type: 'object' or remove ${k}`);
    }
  }
}

function checkExtensions(n: Node, path: string, report: Report): void {
  for (const k of ['x-kubernetes-preserve-unknown-fields', 'x-kubernetes-int-or-string', 'x-kubernetes-embedded-resource']) {
    if (n[k] !== undefined && n[k] !== true) {
      report(`${path}.${k}`, `must be true or omitted, got '${show(n[k])}'`, `remove ${k} or set it to true`);
    }
  }
  if (isIntOrString(n) && n.type !== undefined) {
    report(`${path}.type`, `must be omitted with x-kubernetes-int-or-string, got '${show(n.type)}'`, 'remove type');
  }
  if (n['x-kubernetes-embedded-resource'] === true) {
    if (n.type !== 'object') {
      report(`${path}.type`, `must be 'object' with x-kubernetes-embedded-resource, got '${show(n.type)}'`, "set type: 'object'");
    }
    if (n.properties === undefined && n['x-kubernetes-preserve-unknown-fields'] !== true) {
      report(`${path}.x-kubernetes-embedded-resource`, 'needs properties or x-kubernetes-preserve-unknown-fields, got neither',
        'add x-kubernetes-preserve-unknown-fields: true (Schema.embeddedResource() does)');
    }
  }
  const mapType = n['x-kubernetes-map-type'];
  if (mapType !== undefined) {
    if (mapType !== 'atomic' && mapType !== 'granular') {
      report(`${path}.x-kubernetes-map-type`, `must be 'atomic' or 'granular', got '${show(mapType)}'`, 'use atomic or granular');
    }
    if (n.type !== 'object') {
      report(`${path}.x-kubernetes-map-type`, `must only be used with type object, got type '${show(n.type)}'`, 'remove it');
    }
  }
}

function checkValues(n: Node, path: string, report: Report): void {
  const type = typeof n.type === 'string' ? n.type : undefined;
  // The API server compiles every pattern with Go's regexp and refuses the CRD when it cannot.
  if (typeof n.pattern === 'string') {
    const err = goRegexpSyntaxError(n.pattern);
    if (err) report(`${path}.pattern`, `must be a valid regular expression, but isn't: ${err.message}`, 'write a Go (RE2) regular expression: no lookahead, lookbehind or backreferences');
  }
  if (n.enum !== undefined) {
    if (!Array.isArray(n.enum) || n.enum.length === 0) {
      report(`${path}.enum`, `must be a non-empty list, got '${show(n.enum)}'`, 'list the allowed values or remove enum');
    } else if (type) {
      n.enum.forEach((v, i) => {
        if (!matchesType(v, type, n.nullable === true)) {
          report(`${path}.enum[${i}]`, `must be of type ${type}, got '${show(v)}'`, `use a ${type} value`);
        }
      });
    }
  }
  if (n.default !== undefined && type) {
    if (!matchesType(n.default, type, n.nullable === true)) {
      report(`${path}.default`, `must be of type ${type}, got '${show(n.default)}'`, `use a ${type} value`);
    } else if (Array.isArray(n.enum) && !n.enum.some(v => JSON.stringify(v) === JSON.stringify(n.default))) {
      report(`${path}.default`, `must be one of the enum values (${n.enum.map(show).join(', ')}), got '${show(n.default)}'`,
        'use one of the enum values');
    }
  }
}

function checkLists(n: Node, path: string, report: Report): void {
  const listType = n['x-kubernetes-list-type'];
  const keys = n['x-kubernetes-list-map-keys'];
  if (listType !== undefined) {
    if (listType !== 'atomic' && listType !== 'set' && listType !== 'map') {
      report(`${path}.x-kubernetes-list-type`, `must be 'atomic', 'set' or 'map', got '${show(listType)}'`, 'use one of them');
    }
    if (n.type !== 'array') {
      report(`${path}.x-kubernetes-list-type`, `must only be used with type array, got type '${show(n.type)}'`, 'remove it');
    }
  }
  const items = isNode(n.items) ? n.items : undefined;
  if (listType === 'set' && items && (items.type === 'array' || (items.type === 'object' && items['x-kubernetes-map-type'] !== 'atomic'))) {
    report(`${path}.items.type`, `must be a scalar for list type set, got '${show(items.type)}'`,
      "use listType 'map' with keys for objects, or mark the items atomic (mapType: 'atomic')");
  }
  if (listType === 'map') {
    if (!Array.isArray(keys) || keys.length === 0) {
      report(`${path}.x-kubernetes-list-map-keys`, 'must list at least one key for list type map, got none',
        "set listMapKeys to the item fields that identify an item (e.g. ['name'])");
    } else if (items) {
      if (items.type !== 'object') {
        report(`${path}.items.type`, `must be 'object' for list type map, got '${show(items.type)}'`, "make the items objects or use listType 'set'");
      }
      const itemProps = isNode(items.properties) ? items.properties : {};
      const required = Array.isArray(items.required) ? items.required : [];
      for (const k of keys) {
        const prop = itemProps[String(k)];
        if (!isNode(prop)) {
          report(`${path}.x-kubernetes-list-map-keys`, `must name properties of the items, got '${show(k)}'`,
            `add '${show(k)}' to the item properties or remove it from the keys`);
        } else {
          if (prop.type === 'object' || prop.type === 'array') {
            report(`${path}.items.properties${key(String(k))}.type`, `must be a scalar for a list-map key, got '${show(prop.type)}'`,
              'use a string, integer or boolean key field');
          }
          if (!required.includes(k) && prop.default === undefined) {
            report(`${path}.items.properties${key(String(k))}`, `must be required or have a default as a list-map key, got '${show(k)}' optional without default`,
              'make the key property required (do not wrap it in Schema.optional) or give it a default');
          }
        }
      }
    }
  } else if (keys !== undefined) {
    report(`${path}.x-kubernetes-list-map-keys`, `must only be set with list type map, got list type '${show(listType)}'`,
      "set listType: 'map' or remove listMapKeys");
  }
}

function checkValidations(n: Node, path: string, report: Report): void {
  const rules = n['x-kubernetes-validations'];
  if (rules === undefined) { return; }
  if (!Array.isArray(rules)) {
    report(`${path}.x-kubernetes-validations`, `must be a list of rules, got '${show(rules)}'`, 'write a list of {rule, message}');
    return;
  }
  rules.forEach((r, i) => {
    const at = `${path}.x-kubernetes-validations[${i}]`;
    if (!isNode(r)) {
      report(at, `must be an object with a rule, got '${show(r)}'`, 'write {rule, message}');
      return;
    }
    if (typeof r.rule !== 'string' || r.rule.trim() === '') {
      report(`${at}.rule`, `must be a non-empty CEL expression, got '${show(r.rule)}'`, "write the rule, e.g. 'self.min <= self.max'");
    }
    if (r.message !== undefined && (typeof r.message !== 'string' || r.message.trim() === '' || /[\r\n]/.test(r.message))) {
      report(`${at}.message`, `must be a non-empty single-line string, got '${show(r.message)}'`, 'write a one-line message or remove it');
    }
    if (r.messageExpression !== undefined && (typeof r.messageExpression !== 'string' || r.messageExpression.trim() === '')) {
      report(`${at}.messageExpression`, `must be a non-empty CEL expression, got '${show(r.messageExpression)}'`, 'write the expression or remove it');
    }
    if (r.reason !== undefined && !VALIDATION_REASONS.includes(String(r.reason))) {
      report(`${at}.reason`, `must be one of ${VALIDATION_REASONS.join(', ')}, got '${show(r.reason)}'`, 'use ValidationReason');
    }
    if (r.fieldPath !== undefined && (typeof r.fieldPath !== 'string' || !/^[.[]/.test(r.fieldPath))) {
      report(`${at}.fieldPath`, `must be a relative JSON path starting with '.', got '${show(r.fieldPath)}'`, "write it like '.spec.size'");
    }
    for (const k of Object.keys(r)) {
      if (!['rule', 'message', 'messageExpression', 'reason', 'fieldPath', 'optionalOldSelf'].includes(k)) {
        report(`${at}.${k}`, `is not a validation rule field, got '${show(r[k])}'`, 'use rule, message, messageExpression, reason, fieldPath or optionalOldSelf');
      }
    }
  });
}

/** `metadata` of a resource root: only name/generateName restrictions (structural rule 4). */
function checkMetadata(m: Node, path: string, report: Report): void {
  for (const k of Object.keys(m)) {
    if (k !== 'type' && k !== 'properties') {
      report(`${path}.${k}`, `must not be set on metadata, got '${show(m[k])}'`, 'only restrict metadata.name or metadata.generateName');
    }
  }
  if (m.type !== undefined && m.type !== 'object') {
    report(`${path}.type`, `must be 'object', got '${show(m.type)}'`, "set type: 'object'");
  }
  const props = isNode(m.properties) ? m.properties : {};
  for (const [name, p] of Object.entries(props)) {
    const at = `${path}.properties${key(name)}`;
    if (name !== 'name' && name !== 'generateName') {
      report(at, `must not be declared, got '${name}'`, 'only metadata.name and metadata.generateName may be restricted');
      continue;
    }
    if (!isNode(p)) { continue; }
    for (const k of Object.keys(p)) {
      if (!['type', 'maxLength', 'minLength', 'pattern', 'format', 'enum', 'description', 'x-kubernetes-validations'].includes(k)) {
        report(`${at}.${k}`, `must not be set on metadata.${name}, got '${show(p[k])}'`, 'only value restrictions (maxLength, pattern, ...) are allowed');
      }
    }
    if (p.type !== 'string') {
      report(`${at}.type`, `must be 'string', got '${show(p.type)}'`, "set type: 'string'");
    }
  }
}

/** A branch of allOf/anyOf/oneOf/not: value validations only, on fields the outer schema declares. */
function junctor(branch: unknown, outer: Node | undefined, path: string, report: Report, intOrStringBranch: boolean): void {
  if (!isNode(branch)) {
    report(path, `must be a schema object, got '${show(branch)}'`, 'write a JSON schema object');
    return;
  }
  checkKeywords(branch, path, report);
  for (const k of FORBIDDEN_IN_JUNCTORS) {
    if (branch[k] === undefined) { continue; }
    // The API server's own int-or-string shape: anyOf/oneOf [{type: integer}, {type: string}].
    if (k === 'type' && intOrStringBranch && (branch.type === 'integer' || branch.type === 'string')) { continue; }
    report(`${path}.${k}`, `must not be set inside allOf/anyOf/oneOf/not, got '${show(branch[k])}'`,
      k === 'type' || k === 'nullable' || k === 'additionalProperties'
        ? 'declare the field outside the junctor and keep only value validations (required, enum, pattern, ...) inside'
        : `move ${k} to the schema outside the junctor`);
  }
  const props = isNode(branch.properties) ? branch.properties : undefined;
  const outerProps = outer && isNode(outer.properties) ? outer.properties : {};
  if (props) {
    for (const [name, child] of Object.entries(props)) {
      const at = `${path}.properties${key(name)}`;
      const o = outerProps[name];
      if (!isNode(o)) {
        report(at, `must also be declared outside allOf/anyOf/oneOf/not, got '${name}' only inside`, `add '${name}' to the properties of the enclosing object`);
      }
      junctor(child, isNode(o) ? o : undefined, at, report, false);
    }
  }
  if (branch.items !== undefined) {
    const o = outer && isNode(outer.items) ? outer.items : undefined;
    if (!o) {
      report(`${path}.items`, 'must also be declared outside allOf/anyOf/oneOf/not, got items only inside', 'declare items on the enclosing array');
    }
    junctor(branch.items, o, `${path}.items`, report, false);
  }
  for (const j of JUNCTORS) {
    if (Array.isArray(branch[j])) {
      (branch[j] as unknown[]).forEach((b, i) => junctor(b, outer, `${path}.${j}[${i}]`, report, false));
    }
  }
  if (branch.not !== undefined) { junctor(branch.not, outer, `${path}.not`, report, false); }
}

function isIntOrString(n: Node): boolean {
  return n['x-kubernetes-int-or-string'] === true;
}

function matchesType(v: unknown, type: string, nullable: boolean): boolean {
  if (v === null) { return nullable; }
  switch (type) {
    case 'object': return typeof v === 'object' && !Array.isArray(v);
    case 'array': return Array.isArray(v);
    case 'string': return typeof v === 'string';
    case 'integer': return typeof v === 'number' && Number.isInteger(v);
    case 'number': return typeof v === 'number';
    case 'boolean': return typeof v === 'boolean';
    default: return true;
  }
}

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `.name` for plain names, `['a.b']` for names a dotted path could not show. */
function key(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(name) ? `.${name}` : `['${name}']`;
}

function show(v: unknown): string {
  if (typeof v === 'string') { return v; }
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
