/**
 * Validators loaded from stored code (shipped with the package, or cached on disk) must judge
 * exactly as validators compiled in the process; a damaged cache entry must cost time, never a
 * result.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { _setValidatorStores, applyDefaults, compileTranslated, keepCompiledValidators, useValidatorCache, validateObject } from '../../src/validate/object-validator';
import { translateSchema } from '../../src/validate/openapi-ajv';
import { JsonSchema } from '../../src/schema/json-schema';
import { SchemaRegistry } from '../../src/validate/registry';
import { CodeCacheDir, defaultCacheDir, generateValidatorCode, loadValidatorCode, ValidatorDir, validatorKey } from '../../src/validate/validator-code';
import { readYamlStream, SourcedObject } from '../../src/validate/yaml-input';

const ROOT = path.resolve(__dirname, '../..');
const corpus = path.resolve(ROOT, '../shared/corpus');
const haveCorpus = fs.existsSync(path.join(corpus, 'files.json'));
if (!haveCorpus) console.warn(`skipped the corpus half of validator-code tests: ${corpus} does not exist in this clone`);

afterEach(() => _setValidatorStores(undefined));

/** Every XRD, Composition and example of the corpus, plus objects that break rules. */
function corpusObjects(): SourcedObject[] {
  if (!haveCorpus) return [];
  const files = JSON.parse(fs.readFileSync(path.join(corpus, 'files.json'), 'utf8')) as Record<string, { snapshot: string; path: string }[]>;
  const seen = new Set<string>();
  const out: SourcedObject[] = [];
  for (const rec of [...files.xrds, ...files.compositions, ...files.examples]) {
    const file = path.join(corpus, rec.snapshot, rec.path);
    if (seen.has(file)) continue;
    seen.add(file);
    out.push(...readYamlStream(fs.readFileSync(file, 'utf8'), file).objects);
  }
  return out;
}

const broken: Record<string, unknown>[] = [
  { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { replicas: 'two', selector: {}, template: { spec: { containers: [{ name: 'c', ports: [{ containerPort: 70000 }] }] } }, extra: 1 } },
  { apiVersion: 'container.gcp.m.upbound.io/v1beta1', kind: 'Cluster', metadata: { name: 'c' }, spec: { forProvider: { location: 1, unknown: true, ipAllocationPolicy: { clusterIpv4CidrBlock: 5 } } } },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 'x' }], type: 7 } },
];

/**
 * The suite's validator cache (test/_setup/validator-cache.ts): the code `validate` loads, which
 * another test file or the package build generated for the same key. Generated here, and
 * stored for the others, when absent (always on a new clone, and for a schema nothing else
 * compiled): compiling each schema a second time, into code, was most of this file's time.
 */
const suiteCache = ((dir) => (dir === undefined ? undefined : new ValidatorDir(dir)))(defaultCacheDir(ROOT));

function storedValidator(translated: Record<string, unknown>, key: string): ReturnType<typeof compileTranslated> {
  const stored = suiteCache?.read(key);
  if (stored) return stored;
  const code = generateValidatorCode(translated);
  suiteCache?.write(key, code);
  return loadValidatorCode(code);
}

test('stored code and in-process compilation give the same ajv errors on the corpus and on broken objects', () => {
  const registry = new SchemaRegistry();
  const objects = corpusObjects();
  registry.addObjects(objects);
  const all = [...objects.map((o) => o.object), ...broken];
  const byKey = new Map<string, { runtime: ReturnType<typeof compileTranslated>; stored: ReturnType<typeof compileTranslated> }>();
  let compared = 0;
  let failing = 0;
  for (const obj of all) {
    if (typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string') continue;
    const entry = registry.lookup(obj.apiVersion, obj.kind);
    if (!entry) continue;
    const translated = translateSchema(entry.schema).schema;
    const key = validatorKey(translated);
    let pair = byKey.get(key);
    if (!pair) {
      pair = { runtime: compileTranslated(translated), stored: storedValidator(translated, key) };
      byKey.set(key, pair);
    }
    const data = structuredClone(obj);
    applyDefaults(data, entry.schema);
    const a = pair.runtime(data);
    const errorsA = pair.runtime.errors;
    const b = pair.stored(data);
    expect(b).toBe(a);
    expect(pair.stored.errors).toEqual(errorsA);
    compared++;
    if (!a) failing++;
  }
  console.log(`validator code: ${compared} objects, ${byKey.size} schemas, ${failing} with errors, same verdicts`);
  expect(compared).toBeGreaterThanOrEqual(broken.length + (haveCorpus ? 100 : 0));
  expect(failing).toBeGreaterThanOrEqual(broken.length);
});

test('stored code checks pattern with the same Go regexp engine as in-process compilation', () => {
  const translated = translateSchema({ type: 'object', properties: { s: { type: 'string', pattern: '^[0-9]+\\z' }, t: { type: 'string', pattern: '^(a+)+$' } } }).schema;
  const code = generateValidatorCode(translated);
  expect(code).toContain('cdk8s-crossplane:go-regexp');
  const stored = loadValidatorCode(code);
  const runtime = compileTranslated(translated);
  for (const data of [{ s: '123' }, { s: '123\n' }, { s: '123z' }, { t: 'a'.repeat(40) + 'b' }, { t: 'aaa' }]) {
    expect([data, stored(data)]).toEqual([data, runtime(data)]);
  }
  // \z is the end of text in Go, and a literal z in a JavaScript RegExp without the u flag.
  expect(stored({ s: '123' })).toBe(true);
  expect(stored({ s: '123z' })).toBe(false);
});

describe('on-disk validator cache', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'validator-cache-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const crdSchema: JsonSchema = { type: 'object', properties: { spec: { type: 'object', properties: { size: { type: 'integer', minimum: 1 }, name: { type: 'string', format: 'hostname' } }, required: ['size'] } } };
  const bad = { apiVersion: 'x.example.org/v1', kind: 'X', metadata: { name: 'x' }, spec: { size: 0, name: 'Not_A_Host', extra: 1 } };

  test('a schema compiled once is written, then read back with the same findings', () => {
    const reference = validateObject(bad, structuredClone(crdSchema));
    expect(reference.map((i) => i.path).sort()).toEqual(['spec.extra', 'spec.name', 'spec.size']);
    _setValidatorStores({ cache: new ValidatorDir(dir) });
    expect(validateObject(bad, structuredClone(crdSchema))).toEqual(reference);
    const files = fs.readdirSync(dir);
    expect(files).toEqual([`${validatorKey(translateSchema(crdSchema).schema)}.js.gz`]);
    // A new process: nothing in memory, the entry on disk.
    _setValidatorStores({ cache: new ValidatorDir(dir) });
    expect(new ValidatorDir(dir).read(files[0].replace('.js.gz', ''))).toBeInstanceOf(Function);
    expect(validateObject(bad, structuredClone(crdSchema))).toEqual(reference);
  });

  test.each([
    ['truncated', (b: Buffer) => b.subarray(0, Math.floor(b.length / 2))],
    ['garbage', () => Buffer.from('not gzip at all')],
    ['valid gzip of code that exports nothing', () => require('node:zlib').gzipSync('module.exports = 1;')],
    ['empty', () => Buffer.alloc(0)],
  ])('a %s entry is ignored and rewritten', (_name, damage) => {
    const reference = validateObject(bad, structuredClone(crdSchema));
    _setValidatorStores({ cache: new ValidatorDir(dir) });
    validateObject(bad, structuredClone(crdSchema));
    const [file] = fs.readdirSync(dir);
    const full = path.join(dir, file);
    const good = fs.readFileSync(full);
    fs.writeFileSync(full, damage(good));
    _setValidatorStores({ cache: new ValidatorDir(dir) });
    expect(validateObject(bad, structuredClone(crdSchema))).toEqual(reference);
    // Rewritten with working code (names inside may differ from the first write).
    expect(new ValidatorDir(dir).read(file.replace('.js.gz', ''))).toBeInstanceOf(Function);
  });

  test('an unwritable cache folder only costs the compilation', () => {
    const file = path.join(dir, 'a-file');
    fs.writeFileSync(file, '');
    _setValidatorStores({ cache: new ValidatorDir(path.join(file, 'below-a-file')) });
    expect(validateObject(bad, structuredClone(crdSchema)).length).toBe(3);
  });

  test('the default folder is node_modules/.cache of the nearest package; the variable overrides or turns it off', () => {
    const nested = path.join(dir, 'a', 'b');
    fs.mkdirSync(nested, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
    expect(defaultCacheDir(nested, {})).toBe(path.join(dir, 'node_modules', '.cache', 'cdk8s-crossplane'));
    expect(defaultCacheDir(nested, { CDK8S_CROSSPLANE_CACHE_DIR: 'c' })).toBe(path.join(nested, 'c'));
    expect(defaultCacheDir(nested, { CDK8S_CROSSPLANE_CACHE_DIR: 'off' })).toBeUndefined();
  });
});

describe("V8's compiled form of validator code", () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'validator-v8-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const schema: JsonSchema = { type: 'object', properties: { spec: { type: 'object', properties: { size: { type: 'integer', maximum: 9 }, tags: { type: 'array', items: { type: 'string', maxLength: 3 } } }, required: ['size'] } } };
  const objects = [
    { apiVersion: 'x.example.org/v1', kind: 'X', metadata: { name: 'ok' }, spec: { size: 1, tags: ['a'] } },
    { apiVersion: 'x.example.org/v1', kind: 'X', metadata: { name: 'bad' }, spec: { size: 10, tags: ['long', 2], extra: true } },
    { apiVersion: 'x.example.org/v1', kind: 'X', metadata: { name: 'empty' }, spec: {} },
  ];
  const findings = () => objects.map((o) => validateObject(structuredClone(o), structuredClone(schema)));
  /** As in a new process: nothing compiled in memory, the cache folder on disk. */
  const newProcess = () => {
    _setValidatorStores(undefined);
    useValidatorCache(dir);
  };

  test('is written once validation is done, used by the next process, and judges the same', () => {
    const reference = findings();
    expect(reference[1].length).toBeGreaterThanOrEqual(3);
    newProcess();
    expect(findings()).toEqual(reference);
    const v8Dir = new CodeCacheDir(dir).dir;
    expect(fs.existsSync(v8Dir)).toBe(false);
    keepCompiledValidators();
    const key = validatorKey(translateSchema(schema).schema);
    expect(fs.readdirSync(v8Dir)).toEqual([`${key}.bin`]);
    // A new process: the stored code, compiled from V8's data, which V8 accepts.
    const cache = new CodeCacheDir(dir);
    const code = require('node:zlib').gunzipSync(fs.readFileSync(path.join(dir, `${key}.js.gz`))).toString('utf8');
    loadValidatorCode(code, { cache, key });
    // Nothing to write again: the data was found and taken.
    expect((cache as unknown as { pending: Map<string, unknown> }).pending.size).toBe(0);
    newProcess();
    expect(findings()).toEqual(reference);
  });

  test('damaged data costs a compilation, never a result, and a new process rewrites it', () => {
    const reference = findings();
    newProcess();
    findings();
    keepCompiledValidators();
    const v8Dir = new CodeCacheDir(dir).dir;
    const [file] = fs.readdirSync(v8Dir);
    const damaged = Buffer.alloc(fs.statSync(path.join(v8Dir, file)).size, 7);
    fs.writeFileSync(path.join(v8Dir, file), damaged);
    newProcess();
    expect(findings()).toEqual(reference);
    // V8 reports data as rejected only in a process that has not compiled the same source
    // already (it then takes its own in-memory copy), so the rewrite is checked in a new one.
    const key = file.replace(/\.bin$/, '');
    const script = `
      const fs = require('node:fs');
      const zlib = require('node:zlib');
      const { CodeCacheDir, loadValidatorCode } = require('./src/validate/validator-code.ts');
      const cache = new CodeCacheDir(${JSON.stringify(dir)});
      const code = zlib.gunzipSync(fs.readFileSync(${JSON.stringify(path.join(dir, `${key}.js.gz`))})).toString('utf8');
      const validate = loadValidatorCode(code, { cache, key: ${JSON.stringify(key)} });
      process.stdout.write(String(validate({ spec: { size: 10 } })));
      cache.flush();`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('false');
    expect(fs.readFileSync(path.join(v8Dir, file)).equals(damaged)).toBe(false);
    expect(fs.statSync(path.join(v8Dir, file)).size).toBeGreaterThan(100);
  });
});

test('generated code loads only the formats, the Go regexp engine and ajv runtime helpers', () => {
  expect(() => loadValidatorCode('require("fs"); module.exports = function () { return true; };')).toThrow(/unexpected module: fs/);
});
