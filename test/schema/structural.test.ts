import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { checkStructural, formatViolation, JsonSchema, SchemaViolation } from '../../src/schema';

const SHARED = path.resolve(__dirname, '..', '..', '../shared');

function obj(properties: Record<string, unknown>, extra: Record<string, unknown> = {}): JsonSchema {
  return { type: 'object', properties, ...extra } as JsonSchema;
}

// Each row: the rule, a schema breaking only it, the path reported, the message expected.
const RULES: [string, JsonSchema, string, RegExp][] = [
  ['a node has no type', obj({ a: { description: 'x' } }), 'spec.properties.a.type', /must be set, got none/],
  ['the type is not a Kubernetes type', obj({ a: { type: 'null' } }), 'spec.properties.a.type', /must be one of object, array, string.*got 'null'/],
  ['the type is a list of types', obj({ a: { type: ['string', 'null'] } }), 'spec.properties.a.type', /got '\["string","null"\]'.*nullable: true/],
  ['a node uses $ref', obj({ a: { $ref: '#/definitions/x' } }), 'spec.properties.a.$ref', /is not supported.*inline/],
  ['a node declares definitions', obj({}, { definitions: {} }), 'spec.definitions', /is not supported/],
  ['a node uses patternProperties', obj({ a: { type: 'object', patternProperties: {} } }), 'spec.properties.a.patternProperties', /is not supported/],
  ['a keyword is unknown to Kubernetes', obj({ a: { type: 'string', examples: ['x'] } }), 'spec.properties.a.examples', /not a Kubernetes schema keyword and is dropped/],
  ['additionalProperties is false', obj({ a: { type: 'object', additionalProperties: false } }), 'spec.properties.a.additionalProperties', /must not be false/],
  ['additionalProperties is true', obj({ a: { type: 'object', additionalProperties: true } }), 'spec.properties.a.additionalProperties', /must be a schema, got 'true'.*preserve-unknown-fields/],
  ['additionalProperties sits beside properties', obj({ a: { type: 'object', properties: {}, additionalProperties: { type: 'string' } } }),
    'spec.properties.a.additionalProperties', /must not be set together with properties/],
  ['uniqueItems is true', obj({ a: { type: 'array', items: { type: 'string' }, uniqueItems: true } }), 'spec.properties.a.uniqueItems', /list-type: set/],
  ['items is a tuple', obj({ a: { type: 'array', items: [{ type: 'string' }] } }), 'spec.properties.a.items', /single schema/],
  ['an array has no items', obj({ a: { type: 'array' } }), 'spec.properties.a.items', /must be set for type array/],
  ['items sits on a non-array', obj({ a: { type: 'string', items: { type: 'string' } } }), 'spec.properties.a.items', /only be used with type array/],
  ['properties sit on a non-object', obj({ a: { type: 'string', properties: {} } }), 'spec.properties.a.properties', /only be used with type object/],
  ['nullable has no type', obj({ a: { 'nullable': true, 'x-kubernetes-preserve-unknown-fields': true } }), 'spec.properties.a.nullable', /only be set together with type/],
  ['preserve-unknown-fields is false', obj({ a: { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': false } }),
    'spec.properties.a.x-kubernetes-preserve-unknown-fields', /must be true or omitted, got 'false'/],
  ['int-or-string has a type', obj({ a: { 'type': 'string', 'x-kubernetes-int-or-string': true } }), 'spec.properties.a.type', /must be omitted with x-kubernetes-int-or-string/],
  ['an embedded resource is not an object', obj({ a: { 'type': 'string', 'x-kubernetes-embedded-resource': true } }), 'spec.properties.a.type', /must be 'object' with x-kubernetes-embedded-resource/],
  ['an embedded resource has neither properties nor preserve-unknown-fields', obj({ a: { 'type': 'object', 'x-kubernetes-embedded-resource': true } }),
    'spec.properties.a.x-kubernetes-embedded-resource', /needs properties or x-kubernetes-preserve-unknown-fields/],
  ['the map type is unknown', obj({ a: { 'type': 'object', 'x-kubernetes-map-type': 'merge' } }), 'spec.properties.a.x-kubernetes-map-type', /'atomic' or 'granular', got 'merge'/],
  ['the map type sits on a non-object', obj({ a: { 'type': 'string', 'x-kubernetes-map-type': 'atomic' } }), 'spec.properties.a.x-kubernetes-map-type', /only be used with type object/],
  ['the list type is unknown', obj({ a: { 'type': 'array', 'items': { type: 'string' }, 'x-kubernetes-list-type': 'bag' } }), 'spec.properties.a.x-kubernetes-list-type', /got 'bag'/],
  ['the list type sits on a non-array', obj({ a: { 'type': 'string', 'x-kubernetes-list-type': 'set' } }), 'spec.properties.a.x-kubernetes-list-type', /only be used with type array/],
  ['a list-map has no keys', obj({ a: { 'type': 'array', 'items': obj({ name: { type: 'string' } }, { required: ['name'] }), 'x-kubernetes-list-type': 'map' } }),
    'spec.properties.a.x-kubernetes-list-map-keys', /at least one key/],
  ['a list-map key is not an item property', obj({ a: { 'type': 'array', 'items': obj({ name: { type: 'string' } }, { required: ['name'] }), 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['id'] } }),
    'spec.properties.a.x-kubernetes-list-map-keys', /must name properties of the items, got 'id'/],
  ['a list-map key is neither required nor defaulted', obj({ a: { 'type': 'array', 'items': obj({ name: { type: 'string' } }), 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'] } }),
    'spec.properties.a.items.properties.name', /must be required or have a default/],
  ['a list-map key is not a scalar', obj({ a: { 'type': 'array', 'items': obj({ name: obj({}) }, { required: ['name'] }), 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'] } }),
    'spec.properties.a.items.properties.name.type', /must be a scalar for a list-map key/],
  ['list-map items are not objects', obj({ a: { 'type': 'array', 'items': { type: 'string' }, 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'] } }),
    'spec.properties.a.items.type', /must be 'object' for list type map/],
  ['list-map keys are set without list type map', obj({ a: { 'type': 'array', 'items': obj({ n: { type: 'string' } }), 'x-kubernetes-list-map-keys': ['n'] } }),
    'spec.properties.a.x-kubernetes-list-map-keys', /only be set with list type map/],
  ['a set holds non-atomic objects', obj({ a: { 'type': 'array', 'items': obj({}), 'x-kubernetes-list-type': 'set' } }), 'spec.properties.a.items.type', /must be a scalar for list type set/],
  ['an enum value has the wrong type', obj({ a: { type: 'integer', enum: [1, 'two'] } }), 'spec.properties.a.enum[1]', /must be of type integer, got 'two'/],
  ['the enum is empty', obj({ a: { type: 'string', enum: [] } }), 'spec.properties.a.enum', /non-empty list/],
  ['the default has the wrong type', obj({ a: { type: 'integer', default: '3' } }), 'spec.properties.a.default', /must be of type integer, got '3'/],
  ['the default is not an enum value', obj({ a: { type: 'string', enum: ['a'], default: 'b' } }), 'spec.properties.a.default', /must be one of the enum values \(a\), got 'b'/],
  ['a CEL rule is empty', obj({}, { 'x-kubernetes-validations': [{ rule: ' ' }] }), 'spec.x-kubernetes-validations[0].rule', /non-empty CEL expression/],
  ['a CEL message spans lines', obj({}, { 'x-kubernetes-validations': [{ rule: 'true', message: 'a\nb' }] }), 'spec.x-kubernetes-validations[0].message', /single-line/],
  ['a CEL messageExpression is empty', obj({}, { 'x-kubernetes-validations': [{ rule: 'true', messageExpression: '' }] }),
    'spec.x-kubernetes-validations[0].messageExpression', /non-empty CEL expression/],
  ['a CEL reason is unknown', obj({}, { 'x-kubernetes-validations': [{ rule: 'true', reason: 'Bad' }] }), 'spec.x-kubernetes-validations[0].reason', /FieldValueInvalid.*got 'Bad'/],
  ['a CEL fieldPath is not relative', obj({}, { 'x-kubernetes-validations': [{ rule: 'true', fieldPath: 'spec.a' }] }), 'spec.x-kubernetes-validations[0].fieldPath', /starting with '\.'/],
  ['a CEL rule has an unknown field', obj({}, { 'x-kubernetes-validations': [{ rule: 'true', severity: 'high' }] }), 'spec.x-kubernetes-validations[0].severity', /not a validation rule field/],
  ['a junctor branch sets a type', obj({ a: { type: 'string' } }, { anyOf: [{ properties: { a: { type: 'string' } } }] }),
    'spec.anyOf[0].properties.a.type', /must not be set inside allOf\/anyOf\/oneOf\/not/],
  ['a junctor branch sets a default', obj({ a: { type: 'string' } }, { oneOf: [{ properties: { a: { default: 'x' } } }] }),
    'spec.oneOf[0].properties.a.default', /must not be set inside.*move default/],
  ['a junctor branch sets a description', obj({}, { not: { description: 'x' } }), 'spec.not.description', /must not be set inside/],
  ['a junctor branch sets nullable', obj({}, { allOf: [{ nullable: true }] }), 'spec.allOf[0].nullable', /must not be set inside/],
  ['a junctor branch has CEL rules', obj({}, { allOf: [{ 'x-kubernetes-validations': [{ rule: 'true' }] }] }), 'spec.allOf[0].x-kubernetes-validations', /must not be set inside/],
  ['a junctor branch names a field the object does not declare', obj({ a: { type: 'string' } }, { oneOf: [{ required: ['a'] }, { properties: { b: { minLength: 1 } } }] }),
    'spec.oneOf[1].properties.b', /must also be declared outside.*got 'b' only inside/],
  // apiextensions validation compiles each pattern with Go's regexp.Compile: "must be a valid regular expression, but isn't".
  ['a pattern is not a Go regular expression', obj({ a: { type: 'string', pattern: '^(?!admin).*$' } }), 'spec.properties.a.pattern',
    /must be a valid regular expression, but isn't: error parsing regexp: invalid or unsupported Perl syntax: `\(\?!`.*RE2/],
  ['a junctor branch restricts items the array does not declare', { type: 'object', anyOf: [{ items: { minLength: 1 } }] } as JsonSchema,
    'spec.anyOf[0].items', /must also be declared outside/],
];

describe('checkStructural', () => {
  test.each(RULES)('fails if %s', (_rule, schema, at, message) => {
    // WHEN the schema is checked
    const violations = checkStructural(schema, 'spec');
    // THEN the rule is reported at the offending field, with its message and a fix
    const hit = violations.find(v => v.path === at);
    expect(violations.map(v => v.path)).toContain(at);
    expect(formatViolation(hit!)).toMatch(message);
    expect(hit!.fix.length).toBeGreaterThan(0);
  });

  test('fails if the root of a resource schema is not an object', () => {
    expect(checkStructural({ type: 'string' }, 'openAPIV3Schema', { root: true }).map(formatViolation))
      .toStrictEqual(["openAPIV3Schema.type must be 'object' at the root, got 'string': set type: 'object'"]);
  });

  test('fails if a resource root restricts metadata beyond name and generateName', () => {
    // GIVEN a root whose metadata declares labels and a default on name
    const schema = obj({ metadata: obj({ name: { type: 'string', maxLength: 20, default: 'x' }, labels: { type: 'object' } }) });
    // WHEN / THEN
    const paths = checkStructural(schema, 'openAPIV3Schema', { root: true }).map(v => v.path);
    expect(paths).toStrictEqual([
      'openAPIV3Schema.properties.metadata.properties.name.default',
      'openAPIV3Schema.properties.metadata.properties.labels',
    ]);
  });

  test('a property called metadata below the root is an ordinary field', () => {
    const schema = obj({ spec: obj({ metadata: obj({ labels: { type: 'object', additionalProperties: { type: 'string' } } }) }) });
    expect(checkStructural(schema, 'openAPIV3Schema', { root: true })).toStrictEqual([]);
  });

  test('accepts the API server\'s own int-or-string shape with typed anyOf branches', () => {
    const schema = obj({ port: { 'x-kubernetes-int-or-string': true, 'anyOf': [{ type: 'integer' }, { type: 'string' }] } });
    expect(checkStructural(schema, 'spec')).toStrictEqual([]);
  });

  test('returns every violation at once, with paths through properties, items and additionalProperties', () => {
    // GIVEN three independent mistakes at different depths
    const schema = obj({
      a: { type: 'array', items: obj({ b: {} }) },
      c: { type: 'object', additionalProperties: { type: 'object', additionalProperties: false } },
      'd.e': { type: 'string', uniqueItems: true },
    });
    // WHEN
    const found: SchemaViolation[] = checkStructural(schema, 'spec.properties.parameters');
    // THEN
    expect(found.map(v => v.path)).toStrictEqual([
      'spec.properties.parameters.properties.a.items.properties.b.type',
      'spec.properties.parameters.properties.c.additionalProperties.additionalProperties',
      "spec.properties.parameters.properties['d.e'].uniqueItems",
    ]);
  });

  test('formats a violation in the house error shape', () => {
    const [v] = checkStructural(obj({ size: { type: 'object', additionalProperties: false } }), 'spec');
    expect(formatViolation(v)).toBe(
      "spec.properties.size.additionalProperties must not be false, got 'false': remove it: unknown fields are already pruned by the API server");
  });
});

describe('conformance with schemas the API server accepted', () => {
  const crdDir = path.join(SHARED, 'crds');
  const corpusDir = path.join(SHARED, 'corpus');
  const haveShared = fs.existsSync(crdDir) && fs.existsSync(corpusDir);
  if (!haveShared) {
    console.warn(`skipping CRD/corpus conformance: ${SHARED} is absent (it ships with CI, not with every clone)`);
  }
  const maybe = haveShared ? test : test.skip;

  function yamlFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e =>
      e.isDirectory() ? yamlFiles(path.join(dir, e.name)) : e.name.endsWith('.yaml') ? [path.join(dir, e.name)] : []);
  }

  maybe('every version schema of every shared CRD (installed on real clusters) is structural', () => {
    // GIVEN the provider, Crossplane, Flux and function CRDs, which controller-gen generated and the API server installs
    const problems: string[] = [];
    let versions = 0;
    for (const file of yamlFiles(crdDir)) {
      for (const doc of parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
        const crd = doc.toJS();
        if (crd?.kind !== 'CustomResourceDefinition') continue;
        for (const v of crd.spec.versions) {
          versions++;
          const at = `${path.relative(crdDir, file)} ${v.name}`;
          problems.push(...checkStructural(v.schema.openAPIV3Schema, at, { root: true }).map(formatViolation));
        }
      }
    }
    // THEN none is reported
    expect(versions).toBeGreaterThan(50);
    expect(problems).toStrictEqual([]);
  });

  maybe('corpus XRD schemas break no structural rule; only keywords the API server silently drops are reported', () => {
    // GIVEN the real XRDs listed in the corpus (accepted by Crossplane, so their CRDs were installed)
    const index = JSON.parse(fs.readFileSync(path.join(corpusDir, 'files.json'), 'utf8')) as { xrds: { snapshot: string; path: string; doc_index: number }[] };
    const other: string[] = [];
    let checked = 0;
    for (const x of index.xrds) {
      const xrd = parseAllDocuments(fs.readFileSync(path.join(corpusDir, x.snapshot, x.path), 'utf8'))[x.doc_index].toJS();
      for (const v of xrd.spec.versions) {
        if (!v.schema) continue; // old XRDs without a schema; Crossplane v2 refuses those (reference §1.2)
        checked++;
        for (const violation of checkStructural(v.schema.openAPIV3Schema, `${x.snapshot}/${x.path}`, { root: true })) {
          // A mis-indented YAML key becomes an unknown keyword: Kubernetes drops it, it does not reject the CRD.
          if (!/is not a Kubernetes schema keyword and is dropped/.test(violation.message)) {
            other.push(formatViolation(violation));
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect(other).toStrictEqual([]);
  });
});
