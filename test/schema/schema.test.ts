import { Yaml } from 'cdk8s';
import { checkStructural, Schema, toPlainSchema, ValidationReason } from '../../src/schema';

describe('Schema factories write plain Kubernetes JSON schema', () => {
  test('object derives required from the properties not wrapped in optional', () => {
    // GIVEN / WHEN
    const s = Schema.object({ a: Schema.string(), b: Schema.optional(Schema.integer()), c: Schema.boolean() });
    // THEN
    expect(s).toStrictEqual({
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'integer' }, c: { type: 'boolean' } },
      required: ['a', 'c'],
    });
  });

  test('object with only optional properties has no required list', () => {
    expect(Schema.object({ a: Schema.optional(Schema.string()) })).toStrictEqual({
      type: 'object', properties: { a: { type: 'string' } },
    });
  });

  test('object options map to their Kubernetes keywords', () => {
    const s = Schema.object({}, {
      preserveUnknownFields: true, mapType: 'atomic', default: {}, minProperties: 1, maxProperties: 3, description: 'd',
    });
    expect(s).toStrictEqual({
      'type': 'object',
      'properties': {},
      'default': {},
      'minProperties': 1,
      'maxProperties': 3,
      'x-kubernetes-preserve-unknown-fields': true,
      'x-kubernetes-map-type': 'atomic',
      'description': 'd',
    });
  });

  test('string writes enum, default, format, pattern and lengths', () => {
    const s = Schema.string({ enum: ['small', 'large'], default: 'small', format: 'hostname', pattern: '^[a-z]+$', minLength: 1, maxLength: 9 });
    expect(s).toStrictEqual({
      type: 'string', enum: ['small', 'large'], default: 'small', format: 'hostname', pattern: '^[a-z]+$', minLength: 1, maxLength: 9,
    });
  });

  test('integer and number write their bounds and format', () => {
    expect(Schema.integer({ minimum: 1, maximum: 10, exclusiveMaximum: true, format: 'int32', default: 2, multipleOf: 2 })).toStrictEqual({
      type: 'integer', default: 2, format: 'int32', minimum: 1, maximum: 10, exclusiveMaximum: true, multipleOf: 2,
    });
    expect(Schema.number({ exclusiveMinimum: true, minimum: 0 })).toStrictEqual({ type: 'number', minimum: 0, exclusiveMinimum: true });
  });

  test('boolean writes its default', () => {
    expect(Schema.boolean({ default: false })).toStrictEqual({ type: 'boolean', default: false });
  });

  test('map writes additionalProperties and no properties', () => {
    expect(Schema.map(Schema.string(), { maxProperties: 5 })).toStrictEqual({
      type: 'object', additionalProperties: { type: 'string' }, maxProperties: 5,
    });
  });

  test('array writes items, bounds, list type and list-map keys', () => {
    const s = Schema.array(Schema.object({ name: Schema.string(), port: Schema.integer() }), {
      listType: 'map', listMapKeys: ['name'], minItems: 1, maxItems: 4,
    });
    expect(s).toStrictEqual({
      'type': 'array',
      'items': { type: 'object', properties: { name: { type: 'string' }, port: { type: 'integer' } }, required: ['name', 'port'] },
      'minItems': 1,
      'maxItems': 4,
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['name'],
    });
  });

  test('intOrString has no type, as the API server requires', () => {
    expect(Schema.intOrString({ default: 80 })).toStrictEqual({ 'x-kubernetes-int-or-string': true, 'default': 80 });
  });

  test('unknown keeps any value without a type', () => {
    expect(Schema.unknown({ description: 'free' })).toStrictEqual({ 'x-kubernetes-preserve-unknown-fields': true, 'description': 'free' });
  });

  test('embeddedResource marks an object as a Kubernetes object that keeps unknown fields', () => {
    expect(Schema.embeddedResource()).toStrictEqual({
      'type': 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true,
    });
  });

  test('nullable adds nullable: true and keeps the node optional', () => {
    const n = Schema.nullable(Schema.optional(Schema.string()));
    expect(n).toStrictEqual({ type: 'string', nullable: true });
    expect(Schema.object({ a: n })).toStrictEqual({ type: 'object', properties: { a: { type: 'string', nullable: true } } });
  });

  test('CEL validations are written with every field the user set', () => {
    const s = Schema.object({ min: Schema.integer(), max: Schema.integer() }, {
      validations: [
        { rule: 'self.min <= self.max', message: 'min must not exceed max' },
        { rule: 'self.max < 100', messageExpression: "'max is ' + string(self.max)", reason: ValidationReason.FIELD_VALUE_FORBIDDEN, fieldPath: '.max' },
        { rule: 'self.min == oldSelf.min', optionalOldSelf: true },
      ],
    });
    expect(s['x-kubernetes-validations']).toStrictEqual([
      { rule: 'self.min <= self.max', message: 'min must not exceed max' },
      { rule: 'self.max < 100', messageExpression: "'max is ' + string(self.max)", reason: 'FieldValueForbidden', fieldPath: '.max' },
      { rule: 'self.min == oldSelf.min', optionalOldSelf: true },
    ]);
  });

  test('junctor options hold value validations only', () => {
    const s = Schema.object({ a: Schema.optional(Schema.string()), b: Schema.optional(Schema.string()) }, {
      oneOf: [{ required: ['a'] }, { required: ['b'] }],
    });
    expect(s.oneOf).toStrictEqual([{ required: ['a'] }, { required: ['b'] }]);
    expect(checkStructural(s, 'spec')).toStrictEqual([]);
  });

  test('fromJson copies a plain schema', () => {
    const json = { type: 'object' as const, properties: { a: { type: 'string' as const } } };
    const s = Schema.fromJson<{ a?: string }>(json);
    expect(s).toStrictEqual(json);
    expect(s).not.toBe(json);
  });
});

describe('markers never reach the YAML', () => {
  test('the optional marker is not enumerable and not serialized', () => {
    const s = Schema.optional(Schema.string());
    expect(Object.keys(s)).toStrictEqual(['type']);
    expect(JSON.stringify(s)).toBe('{"type":"string"}');
    expect((s as Record<string, unknown>)['~optional']).toBe(true);
  });

  test('a nested schema serializes to YAML without any ~ keys', () => {
    const s = Schema.object({ a: Schema.optional(Schema.object({ b: Schema.optional(Schema.nullable(Schema.string())) })) });
    expect(Yaml.stringify(s)).not.toMatch(/~/);
  });

  test('TypeBox-style schemas (non-enumerable ~kind / ~optional) mix in and lose their brands', () => {
    // GIVEN a schema shaped like TypeBox's output: brands are non-enumerable own properties
    const tb = Object.defineProperties({ type: 'string' }, {
      '~kind': { value: 'String', enumerable: false },
      '~optional': { value: true, enumerable: false },
    });
    // WHEN it is used as a property
    const s = Schema.object({ name: Schema.string(), nick: tb as never });
    // THEN it counts as optional and its brands are gone from the JSON
    expect(s.required).toStrictEqual(['name']);
    expect(Reflect.ownKeys(s.properties!.nick)).toStrictEqual(['type']);
    expect(toPlainSchema(tb as never)).toStrictEqual({ type: 'string' });
  });
});

describe('schemas built with the factories are structural', () => {
  test('a schema using every factory has no violation', () => {
    const s = Schema.object({
      name: Schema.string({ enum: ['a', 'b'], default: 'a' }),
      count: Schema.optional(Schema.integer({ minimum: 0, default: 1 })),
      ratio: Schema.optional(Schema.number()),
      on: Schema.optional(Schema.boolean({ default: true })),
      port: Schema.optional(Schema.intOrString()),
      labels: Schema.optional(Schema.map(Schema.string())),
      ports: Schema.optional(Schema.array(Schema.object({ name: Schema.string(), port: Schema.integer() }), { listType: 'map', listMapKeys: ['name'] })),
      tags: Schema.optional(Schema.array(Schema.string(), { listType: 'set' })),
      raw: Schema.optional(Schema.unknown()),
      manifest: Schema.optional(Schema.embeddedResource()),
      note: Schema.optional(Schema.nullable(Schema.string())),
      extra: Schema.optional(Schema.object({ known: Schema.string() }, { preserveUnknownFields: true })),
    }, { validations: [{ rule: 'self.name != ""', message: 'name must not be empty' }] });
    expect(checkStructural(s, 'spec')).toStrictEqual([]);
  });
});
