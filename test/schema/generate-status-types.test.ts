// Status types for a repository's own provider CRDs: `cdk8s-crossplane import` (generateL1Classes
// with the real cdk8s-cli) on a fixture CRD the package does not bundle, then tsc over a snippet
// that declares provider rules for the generated class. The bundled kinds are covered by
// test/types/provider-rule.test-d.ts, which the repository type-check compiles.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateL1Classes } from '../../src/schema/generate-l1';
import { statusModule } from '../../src/schema/generate-status-types';
import type { JsonSchema } from '../../src/schema/json-schema';
import { readProviderCrds } from '../../src/schema/provider-crds';

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'provider-crds', 'provider-upjet-gcp-v1.14.0', 'sql.gcp.upbound.io_users.yaml');

const SNIPPET = `import { User } from './imports/sql.gcp.upbound.io';
import { ProviderRule } from 'cdk8s-crossplane';

ProviderRule.for(User, u => ({ atProvider: { host: 'db.internal', instance: u.spec.forProvider?.instance } }));
ProviderRule.for(User, { atProvider: { sqlServerUserDetails: [{ disabled: false, serverRoles: ['reader'] }] } });
// @ts-expect-error misspelt atProvider field
ProviderRule.for(User, { atProvider: { hots: 'db.internal' } });
// @ts-expect-error wrong type for an atProvider field
ProviderRule.for(User, { atProvider: { sqlServerUserDetails: [{ disabled: 'no' }] } });
`;

// Slow for a unit test (one cdk8s-cli start and one tsc run, about 3 s), and the only check that
// the status module of a repository's own CRDs is found from its class.
test("cdk8s-crossplane import types the status of a repository's own kinds for ProviderRule.for", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-crossplane-status-'));
  try {
    generateL1Classes(readProviderCrds([FIXTURE], ROOT), { outDir: path.join(dir, 'imports') });
    expect(fs.readFileSync(path.join(dir, 'imports', 'sql.gcp.upbound.io.ts'), 'utf8')).toMatch(/import '\.\/sql\.gcp\.upbound\.io\.status';\n$/);
    fs.writeFileSync(path.join(dir, 'good.ts'), SNIPPET);
    // The same rules with the misspelling not expected: the check must be able to fail.
    fs.writeFileSync(path.join(dir, 'bad.ts'), SNIPPET.replace(/^\/\/ @ts-expect-error.*\n/gm, ''));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        strict: true, noEmit: true, skipLibCheck: true, module: 'commonjs', moduleResolution: 'bundler', target: 'ES2022', lib: ['ES2022'], types: ['node'],
        // What a repository resolves from the installed package: the library's types.
        paths: { 'cdk8s-crossplane': [path.join(ROOT, 'src', 'simulate', 'providers', 'index.ts')] },
      },
      files: ['good.ts', 'bad.ts'],
    }));
    let output = '';
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir, '--pretty', 'false', '--singleThreaded'], { cwd: dir, encoding: 'utf8' });
    } catch (err) {
      output = String((err as { stdout?: string }).stdout ?? '');
    }
    // Each error as `file code first-quoted-word`: good.ts compiles, bad.ts fails on both lines.
    const errors = output.split('\n').filter(Boolean).map((line) => line.replace(/^(\S+?)\(\d+,\d+\): error (TS\d+): .*?'(\w+)'.*$/, '$1 $2 $3'));
    expect(errors).toStrictEqual(['bad.ts TS2353 hots', 'bad.ts TS2322 string']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

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
