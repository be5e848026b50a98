import * as fs from 'node:fs';
import * as path from 'node:path';
import { emitSchema, schemaEqual } from '../../src/convert/emit-schema';
import { corpusInputs } from '../_helpers/corpus-inputs';
import { evaluateModule } from './_eval';

const SHARED = path.resolve(__dirname, '../..', '../shared');

function roundTrip(schema: Record<string, unknown>) {
  const emitted = emitSchema(schema);
  const mod = evaluateModule(`import { Schema } from 'cdk8s-crossplane';\nexport const schema = ${emitted.code};\n`);
  return { emitted, value: mod.schema };
}

describe('emitSchema', () => {
  test('scalars with options become Schema.string/integer/number/boolean calls', () => {
    const s = {
      type: 'object',
      properties: {
        region: { type: 'string', enum: ['eu', 'us'], description: 'Where.' },
        size: { type: 'integer', minimum: 1, default: 3 },
        ratio: { type: 'number' },
        enabled: { type: 'boolean', default: false },
      },
      required: ['region'],
    };
    const { emitted, value } = roundTrip(s);
    expect(emitted.fallbacks).toEqual([]);
    expect(emitted.code).toBe([
      'Schema.object({',
      "  region: Schema.string({ enum: ['eu', 'us'], description: 'Where.' }),",
      '  size: Schema.optional(Schema.integer({ default: 3, minimum: 1 })),',
      '  ratio: Schema.optional(Schema.number()),',
      '  enabled: Schema.optional(Schema.boolean({ default: false })),',
      '})',
    ].join('\n'));
    expect(schemaEqual(value, s)).toBe(true);
  });

  test('arrays, maps, nullable, int-or-string, unknown and embedded resources round-trip', () => {
    const s = {
      type: 'object',
      properties: {
        tags: { type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'set' },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        note: { type: 'string', nullable: true },
        port: { 'x-kubernetes-int-or-string': true },
        extra: { 'x-kubernetes-preserve-unknown-fields': true },
        manifest: { type: 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true },
        rules: { type: 'object', properties: { a: { type: 'string' } }, 'x-kubernetes-validations': [{ rule: 'has(self.a)', message: 'a is required' }] },
      },
    };
    const { emitted, value } = roundTrip(s);
    expect(emitted.fallbacks).toEqual([]);
    expect(emitted.code).toContain("tags: Schema.optional(Schema.array(Schema.string(), { listType: 'set' })),");
    expect(emitted.code).toContain('note: Schema.optional(Schema.nullable(Schema.string())),');
    expect(emitted.code).toContain("validations: [{ rule: 'has(self.a)', message: 'a is required' }]");
    expect(schemaEqual(value, s)).toBe(true);
  });

  test('a node the builders cannot express falls back to Schema.fromJson and is reported by path', () => {
    const s = { type: 'object', properties: { status: { type: 'object', properties: { raw: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } } } };
    const { emitted, value } = roundTrip(s);
    expect(emitted.fallbacks).toEqual([{ path: 'status.raw', reason: 'an object without properties (Schema.object always writes properties)' }]);
    expect(emitted.code).toContain("raw: Schema.optional(Schema.fromJson({ type: 'object', 'x-kubernetes-preserve-unknown-fields': true })),");
    expect(schemaEqual(value, s)).toBe(true);
  });

  test('required naming an undeclared property is kept verbatim', () => {
    const s = { type: 'object', properties: { a: { type: 'string' } }, required: ['a', 'b'] };
    const { emitted, value } = roundTrip(s);
    expect(emitted.fallbacks.map(f => f.path)).toEqual(['<root>']);
    expect(value).toEqual(s);
  });

  test('strings with quotes, backslashes and newlines are quoted correctly', () => {
    const s = { type: 'string', description: "it's a \\path\\ with\nnewline", pattern: '^[a-z]+\\d$' };
    const { value } = roundTrip(s);
    expect(value).toEqual(s);
  });
});

const corpus = fs.existsSync(path.join(SHARED, 'corpus'));
(corpus ? describe : describe.skip)('every corpus XRD schema round-trips through builder code', () => {
  if (!corpus) console.warn(`skipped: ${SHARED}/corpus not found (the shared corpus is not checked out next to the repo)`);
  test('emitted code evaluates back to the same schema (modulo key order)', () => {
    const { documents } = corpusInputs();
    let versions = 0;
    let fallbackNodes = 0;
    const mismatches: string[] = [];
    for (const d of documents.filter(x => x.kind === 'xrd-v1' || x.kind === 'xrd-v2')) {
      for (const v of ((d.object.spec as any).versions ?? []) as any[]) {
        const schema = v.schema?.openAPIV3Schema;
        if (schema === undefined) continue;
        versions++;
        const { emitted, value } = roundTrip(schema);
        fallbackNodes += emitted.fallbacks.length;
        if (!schemaEqual(value, schema)) mismatches.push(`${d.file}#${d.index} ${v.name}`);
      }
    }
    console.log(`corpus XRD schemas: ${versions} versions round-tripped, ${mismatches.length} mismatches, ${fallbackNodes} nodes written as Schema.fromJson`);
    expect(versions).toBeGreaterThan(60);
    expect(mismatches).toEqual([]);
  });
});
