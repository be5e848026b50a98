/**
 * Validates one object against the schema of its kind with the API server's semantics, in the
 * order `crossplane resource validate` uses (reference 4.5): structural defaults first, then
 * OpenAPI validation, unknown fields (what pruning would drop), then CEL rules. Compiled
 * validators are cached per schema object, so repeated calls only pay for the checks, and are
 * read from stored code when the package or the repository has it (see `validator-code.ts`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ValidateFunction, ErrorObject } from 'ajv';
import { SCHEMA_DIR } from '../../imports/schemas';
import { cloneJson } from '../_clone-json';
import { JsonSchema } from '../schema/json-schema';
import { CelRule, celTypeName, evaluateRule, isTransitionRule, toCelValue } from './cel';
import { isRecord } from './_util';
import { checkMetadata } from './metadata';
import { newAjv, translateSchema } from './openapi-ajv';
import { CodeCacheDir, generateValidatorCode, loadValidatorCode, ValidatorDir, validatorKey } from './validator-code';

/** One problem in one object, before it is attached to the object's identity. */
export interface ObjectIssue {
  /** Field path in the object. */
  readonly path: string;
  /** The check that produced it (see `FindingRule`). */
  readonly rule: string;
  /** The API server's wording of the problem. */
  readonly message: string;
  /** `error` or `warning` (rules that could not be evaluated). */
  readonly severity: 'error' | 'warning';
}

/** Options of {@link validateObject}. */
export interface ObjectValidationOptions {
  /**
   * Evaluate `x-kubernetes-validations` rules.
   * @default true
   */
  readonly cel?: boolean;
  /**
   * Check object metadata (names, labels, annotations) as the API server does.
   * @default true
   */
  readonly metadata?: boolean;
}

interface Compiled {
  readonly validate: ValidateFunction | undefined;
  readonly compileError?: string;
  readonly skippedPatterns: readonly string[];
  readonly hasDefaults: boolean;
}

let ajv: ReturnType<typeof newAjv> | undefined;
const compiled = new WeakMap<object, Compiled>();
// Second-level cache by content: registries rebuilt per call (XRDs converted again, CRDs read
// again) produce equal schemas as new objects, which then reuse the compiled validator.
const compiledByContent = new Map<string, Compiled>();
const MAX_CONTENT_CACHE = 500;
const defaultsMemo = new WeakMap<object, boolean>();
const rulesMemo = new WeakMap<object, boolean>();
const listMemo = new WeakMap<object, boolean>();

/** Where validator code is looked up (and, for `cache`, written). @internal */
export interface ValidatorStores {
  /** Validators compiled when the package was built (read only). @default - none */
  readonly shipped?: ValidatorDir;
  /** Validators compiled on first use, kept across processes. @default - none */
  readonly cache?: ValidatorDir;
  /** V8's compiled form of the validators' code, kept across processes. @default - none */
  readonly compiled?: CodeCacheDir;
}

const SHIPPED_DIR = path.join(SCHEMA_DIR, 'validators');
let stores: ValidatorStores | undefined;

function currentStores(): ValidatorStores {
  // The build writes the shipped folder into lib/ only; from the sources it is absent and
  // every schema is compiled at run time.
  stores ??= fs.existsSync(SHIPPED_DIR) ? { shipped: new ValidatorDir(SHIPPED_DIR) } : {};
  return stores;
}

/**
 * Keeps validators compiled in this process in `dir` for the next one (`undefined`: no
 * on-disk cache). The CLI and the cdk8s plugin use the repository's cache folder.
 */
export function useValidatorCache(dir: string | undefined): void {
  const { shipped } = currentStores();
  stores = { ...(shipped ? { shipped } : {}), ...(dir ? { cache: new ValidatorDir(dir), compiled: new CodeCacheDir(dir) } : {}) };
}

/**
 * Writes V8's compiled form of the validators this process loaded without it, for the next
 * process (see {@link CodeCacheDir}). Call once validation is done: the data then holds what
 * V8 compiled while validating. Nothing without a cache folder ({@link useValidatorCache}).
 */
export function keepCompiledValidators(): void {
  currentStores().compiled?.flush();
}

/** Replaces the validator stores (tests). @internal */
export function _setValidatorStores(s: ValidatorStores | undefined): void {
  stores = s;
  compiledByContent.clear();
}

/** Compiles (or returns the cached) validator of a schema. */
export function compileSchema(schema: JsonSchema): Compiled {
  const hit = compiled.get(schema);
  if (hit) return hit;
  let content: string | undefined;
  try {
    content = JSON.stringify(schema);
  } catch {
    content = undefined;
  }
  const byContent = content !== undefined ? compiledByContent.get(content) : undefined;
  if (byContent) {
    compiled.set(schema, byContent);
    return byContent;
  }
  const t = translateSchema(schema);
  let c: Compiled;
  try {
    c = { validate: storedOrCompiled(t.schema), skippedPatterns: t.skippedPatterns, hasDefaults: subtreeHas(schema, 'default', defaultsMemo) };
  } catch (err) {
    c = { validate: undefined, compileError: (err as Error).message, skippedPatterns: t.skippedPatterns, hasDefaults: false };
  }
  compiled.set(schema, c);
  if (content !== undefined) {
    if (compiledByContent.size >= MAX_CONTENT_CACHE) compiledByContent.delete(compiledByContent.keys().next().value as string);
    compiledByContent.set(content, c);
  }
  return c;
}

/** The validator of a translated schema: stored code when there is some, else compiled. */
function storedOrCompiled(translated: Record<string, unknown>): ValidateFunction {
  const { shipped, cache, compiled } = currentStores();
  if (!shipped && !cache) return compileTranslated(translated);
  const key = validatorKey(translated);
  const stored = shipped?.read(key, compiled) ?? cache?.read(key, compiled);
  if (stored) return stored;
  if (!cache) return compileTranslated(translated);
  const code = generateValidatorCode(translated);
  cache.write(key, code);
  return loadValidatorCode(code, compiled && { cache: compiled, key });
}

/** Compiles a translated schema with ajv in this process (no stored code). @internal */
export function compileTranslated(translated: Record<string, unknown>): ValidateFunction {
  ajv ??= newAjv();
  try {
    return ajv.compile(translated);
  } finally {
    // ajv keeps every compiled schema in its own cache, for ever; ours above is bounded.
    ajv.removeSchema(translated);
  }
}

function children(s: Record<string, unknown>): unknown[] {
  const out: unknown[] = [];
  if (isRecord(s.properties)) out.push(...Object.values(s.properties));
  if (isRecord(s.additionalProperties)) out.push(s.additionalProperties);
  if (isRecord(s.items)) out.push(s.items);
  return out;
}

function subtreeHas(s: unknown, keyword: string, memo: WeakMap<object, boolean>): boolean {
  if (!isRecord(s)) return false;
  const hit = memo.get(s);
  if (hit !== undefined) return hit;
  memo.set(s, false);
  const v = s[keyword] !== undefined || children(s).some((c) => subtreeHas(c, keyword, memo));
  memo.set(s, v);
  return v;
}

/**
 * Applies structural defaults in place, as the API server does: a property with a `default`
 * that is absent (or null without `nullable`) gets the default; missing parents are never
 * created. A null in a non-nullable property without a default is dropped, as the API server
 * prunes it before validation (so a required field set to null reads as missing).
 */
export function applyDefaults(v: unknown, s: unknown): void {
  if (!isRecord(s)) return;
  if (Array.isArray(v)) {
    if (isRecord(s.items)) for (const item of v) applyDefaults(item, s.items);
    return;
  }
  if (!isRecord(v)) return;
  const props = isRecord(s.properties) ? s.properties : undefined;
  if (props) {
    for (const [k, ps] of Object.entries(props)) {
      if (!isRecord(ps)) continue;
      if (v[k] === null && ps.nullable !== true) {
        if (ps.default !== undefined) v[k] = cloneJson(ps.default);
        else delete v[k];
      } else if (v[k] === undefined && ps.default !== undefined) {
        v[k] = cloneJson(ps.default);
      }
      if (v[k] !== undefined && v[k] !== null) applyDefaults(v[k], ps);
    }
  }
  if (isRecord(s.additionalProperties)) {
    for (const k of Object.keys(v)) if (!props || !(k in props)) applyDefaults(v[k], s.additionalProperties);
  }
}

function containsNull(v: unknown): boolean {
  if (v === null) return true;
  if (Array.isArray(v)) return v.some(containsNull);
  if (isRecord(v)) for (const k in v) if (containsNull(v[k])) return true;
  return false;
}

/** Converts an ajv JSON pointer into a Kubernetes field path (`spec.items[0].name`). */
export function pointerToPath(pointer: string, data: unknown): string {
  if (pointer === '') return '';
  let out = '';
  let cur: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) {
      out += `[${seg}]`;
      cur = cur[Number(seg)];
    } else {
      out += out === '' ? seg : `.${seg}`;
      cur = isRecord(cur) ? cur[seg] : undefined;
    }
  }
  return out;
}

function valueAt(pointer: string, data: unknown): unknown {
  if (pointer === '') return data;
  let cur: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    cur = Array.isArray(cur) ? cur[Number(seg)] : isRecord(cur) ? cur[seg] : undefined;
  }
  return cur;
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return '"array"';
  if (isRecord(v)) return '"object"';
  return String(v);
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** Turns an ajv error into the API server's wording. */
function issueFromAjv(e: ErrorObject, data: unknown): ObjectIssue | undefined {
  const path = pointerToPath(e.instancePath, data);
  const value = valueAt(e.instancePath, data);
  const p = e.params as Record<string, any>;
  const at = path === '' ? '<root>' : path;
  const mk = (rule: string, p2: string, message: string): ObjectIssue => ({ path: p2, rule, message, severity: 'error' });
  switch (e.keyword) {
    case 'required': return mk('required', join(path, p.missingProperty), 'Required value');
    case 'additionalProperties': return mk('unknown-field', join(path, p.additionalProperty), `unknown field "${p.additionalProperty}"`);
    case 'type': {
      const want = Array.isArray(p.type) ? p.type.filter((t: string) => t !== 'null').join(' or ') : String(p.type).split(',').filter((t) => t !== 'null').join(' or ');
      const got = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'object' ? 'object' : typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value;
      return mk('schema', path, `Invalid value: ${show(value)}: ${at} in body must be of type ${want}: "${got}"`);
    }
    case 'enum': return mk('schema', path, `Unsupported value: ${show(value)}: supported values: ${(p.allowedValues as unknown[]).map((x) => JSON.stringify(x)).join(', ')}`);
    case 'maxLength': return mk('schema', path, `Too long: may not be more than ${p.limit} bytes`);
    case 'minLength': return mk('schema', path, `Invalid value: ${show(value)}: ${at} in body should be at least ${p.limit} chars long`);
    case 'pattern': return mk('schema', path, `Invalid value: ${show(value)}: ${at} in body should match '${p.pattern}'`);
    case 'format': return mk('schema', path, `Invalid value: ${show(value)}: ${at} in body must be of type ${String(p.format).replace(/^k8s-/, '')}: ${show(value)}`);
    case 'maximum': case 'exclusiveMaximum': return mk('schema', path, `Invalid value: ${show(value)}: ${at} in body should be less than ${e.keyword === 'maximum' ? 'or equal to ' : ''}${p.limit}`);
    case 'minimum': case 'exclusiveMinimum': return mk('schema', path, `Invalid value: ${show(value)}: ${at} in body should be greater than ${e.keyword === 'minimum' ? 'or equal to ' : ''}${p.limit}`);
    case 'multipleOf': return mk('schema', path, `Invalid value: ${show(value)}: ${at} in body should be a multiple of ${p.multipleOf}`);
    case 'maxItems': return mk('schema', path, `Too many: ${Array.isArray(value) ? value.length : '?'}: must have at most ${p.limit} items`);
    case 'minItems': return mk('schema', path, `Invalid value: ${Array.isArray(value) ? value.length : '?'}: ${at} in body should have at least ${p.limit} items`);
    case 'uniqueItems': return mk('schema', path, `Duplicate value: ${at} in body shouldn't contain duplicates`);
    case 'maxProperties': return mk('schema', path, `Too many: must have at most ${p.limit} properties`);
    case 'minProperties': return mk('schema', path, `Invalid value: ${at} in body should have at least ${p.limit} properties`);
    case 'oneOf': return mk('schema', path, `Invalid value: ${show(value)}: ${at} in body must match exactly one schema in oneOf`);
    case 'anyOf': return mk('schema', path, `Invalid value: ${show(value)}: ${at} in body must match at least one schema in anyOf`);
    case 'not': return mk('schema', path, `Invalid value: ${show(value)}: ${at} in body must not match the schema in not`);
    case 'if': case 'then': case 'else': case 'false schema': return undefined;
    default: return mk('schema', path, `Invalid value: ${show(value)}: ${at} in body failed ${e.keyword}`);
  }
}

/**
 * Checks `x-kubernetes-list-type: set` (unique items) and `map` (unique key combinations),
 * which the API server enforces and JSON schema cannot express.
 */
function walkListTypes(v: unknown, s: unknown, path: string, out: ObjectIssue[]): void {
  if (v === undefined || v === null || !isRecord(s) || !subtreeHas(s, 'x-kubernetes-list-type', listMemo)) return;
  if (Array.isArray(v)) {
    const lt = s['x-kubernetes-list-type'];
    if (lt === 'set' || lt === 'map') {
      const keys = lt === 'map' && Array.isArray(s['x-kubernetes-list-map-keys']) ? s['x-kubernetes-list-map-keys'] as string[] : undefined;
      const seen = new Set<string>();
      v.forEach((item, i) => {
        const id = keys ? JSON.stringify(Object.fromEntries(keys.map((k) => [k, isRecord(item) ? item[k] ?? null : null]))) : JSON.stringify(item);
        if (seen.has(id)) out.push({ path: `${path}[${i}]`, rule: 'schema', severity: 'error', message: `Duplicate value: ${id}` });
        seen.add(id);
      });
    }
    if (isRecord(s.items)) v.forEach((item, i) => walkListTypes(item, s.items, `${path}[${i}]`, out));
    return;
  }
  if (!isRecord(v)) return;
  const props = isRecord(s.properties) ? s.properties : undefined;
  if (props) for (const [k, ps] of Object.entries(props)) if (v[k] !== undefined) walkListTypes(v[k], ps, join(path, k), out);
  if (isRecord(s.additionalProperties)) for (const k of Object.keys(v)) if (!props || !(k in props)) walkListTypes(v[k], s.additionalProperties, `${path}[${k}]`, out);
}

/** Walks the object with its schema and evaluates every `x-kubernetes-validations` rule. */
function walkCel(v: unknown, s: unknown, path: string, out: ObjectIssue[]): void {
  if (v === undefined || v === null || !isRecord(s) || !subtreeHas(s, 'x-kubernetes-validations', rulesMemo)) return;
  const rules = s['x-kubernetes-validations'];
  if (Array.isArray(rules) && rules.length > 0) {
    let self: unknown;
    let converted = false;
    for (const r of rules as CelRule[]) {
      if (!isRecord(r) || typeof r.rule !== 'string') continue;
      if (isTransitionRule(r.rule) && !r.optionalOldSelf) continue;
      if (!converted) { self = toCelValue(v, s as JsonSchema); converted = true; }
      const res = isTransitionRule(r.rule)
        ? { kind: 'not-evaluated' as const, message: `rule not evaluated (optionalOldSelf transition rules need the old object): ${r.rule}` }
        : evaluateRule(r, self, celTypeName(s as JsonSchema, v));
      if (res.kind === 'pass') continue;
      const fp = typeof r.fieldPath === 'string' && r.fieldPath !== '' ? path + (r.fieldPath.startsWith('.') || r.fieldPath.startsWith('[') ? r.fieldPath : `.${r.fieldPath}`) : path;
      const at = fp.startsWith('.') ? fp.slice(1) : fp;
      out.push({ path: at, rule: res.kind === 'not-evaluated' ? 'cel-not-evaluated' : 'cel', message: res.message, severity: res.kind === 'not-evaluated' ? 'warning' : 'error' });
    }
  }
  if (Array.isArray(v)) {
    if (isRecord(s.items)) v.forEach((item, i) => walkCel(item, s.items, `${path}[${i}]`, out));
    return;
  }
  if (!isRecord(v)) return;
  const props = isRecord(s.properties) ? s.properties : undefined;
  if (props) for (const [k, ps] of Object.entries(props)) if (v[k] !== undefined) walkCel(v[k], ps, join(path, k), out);
  if (isRecord(s.additionalProperties)) for (const k of Object.keys(v)) if (!props || !(k in props)) walkCel(v[k], s.additionalProperties, `${path}[${k}]`, out);
}

/**
 * Validates one top-level object against the `openAPIV3Schema` of its kind and version.
 * Never throws on user data.
 */
export function validateObject(obj: Record<string, unknown>, schema: JsonSchema, options: ObjectValidationOptions = {}): ObjectIssue[] {
  const out: ObjectIssue[] = [];
  const c = compileSchema(schema);
  let data: Record<string, unknown> = obj;
  if (c.hasDefaults || containsNull(obj)) {
    try {
      data = cloneJson(obj);
      applyDefaults(data, schema);
    } catch (err) {
      out.push({ path: '', rule: 'defaults', severity: 'warning', message: `failed to apply defaults: ${(err as Error).message}` });
      data = obj;
    }
  }
  if (!c.validate) {
    out.push({ path: '', rule: 'schema', severity: 'warning', message: `schema not checked: it cannot be compiled (${c.compileError})` });
  } else if (!c.validate(data)) {
    const seen = new Set<string>();
    for (const e of c.validate.errors ?? []) {
      const issue = issueFromAjv(e, data);
      if (!issue) continue;
      const k = `${issue.path}\u0000${issue.message}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(issue);
    }
  }
  walkListTypes(data, schema, '', out);
  if (options.metadata !== false) for (const m of checkMetadata(data)) out.push({ path: m.path, rule: 'metadata', severity: 'error', message: m.message });
  if (options.cel !== false) walkCel(data, schema, '', out);
  return out;
}
