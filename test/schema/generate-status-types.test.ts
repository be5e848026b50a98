// How a CRD's status schema becomes the status type provider rules are checked against. That
// the types reach ProviderRule.for: for the bundled kinds, test/types/provider-rule.test-d.ts
// (compiled by the repository type-check); for a repository's own kinds imported with
// `npm run import`, the project type-check of test/install/own-providers.test.ts.
import { statusModule } from '../../src/schema/generate-status-types';
import type { JsonSchema } from '../../src/schema/json-schema';

describe('statusModule', () => {
  const cls = { apiVersion: 'example.org/v1', kind: 'Thing', className: 'Thing' };
  const typeOf = (field: JsonSchema) => /readonly f\?: (.*);\n/s.exec(statusModule('example.org', [cls], () => ({ type: 'object', properties: { f: field } }))!)![1];

  test.each<[string, JsonSchema, string]>([
    ['a string', { type: 'string' }, 'string'],
    ['an integer', { type: 'integer', format: 'int64' }, 'number'],
    ['a boolean', { type: 'boolean' }, 'boolean'],
    ['int-or-string', { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] }, 'number | string'],
    ['an enum', { type: 'string', enum: ['Ready', 'Failed'] }, "'Ready' | 'Failed'"],
    ['a list of strings', { type: 'array', items: { type: 'string' } }, 'readonly string[]'],
    ['a map', { type: 'object', additionalProperties: { type: 'string' } }, 'Readonly<Record<string, string>>'],
    ['a free-form object', { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }, 'Readonly<Record<string, unknown>>'],
    ['an object keeping unknown fields beside known ones', { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { a: { type: 'string' } } },
      '{\n    readonly a?: string;\n    readonly [field: string]: unknown;\n  }'],
  ])('%s', (_, field, type) => {
    expect(typeOf(field)).toBe(type);
  });

  test('attaches each status type to its class\'s props, and writes nothing for a module without status schemas', () => {
    const text = statusModule('example.org', [cls, { ...cls, kind: 'Bare', className: 'Bare' }], (c) => (c.kind === 'Thing' ? { type: 'object', properties: { phase: { type: 'string' } } } : undefined))!;
    expect(text).toContain("declare module './example.org' {\n  interface ThingProps { readonly [STATUS_TYPE]?: ThingStatus }\n}\n");
    expect(text).not.toContain('Bare');
    expect(statusModule('example.org', [cls], () => undefined)).toBeUndefined();
  });
});
