/**
 * Translates a Kubernetes structural OpenAPI v3 schema into a JSON schema ajv understands,
 * keeping the API server's meaning: `nullable`, `x-kubernetes-int-or-string`, unknown fields
 * (pruned by the API server, reported by us: `additionalProperties: false` wherever pruning
 * would drop fields), `x-kubernetes-preserve-unknown-fields`, embedded resources
 * (`apiVersion`/`kind`/`metadata` always allowed), OpenAPI 3.0 boolean `exclusiveMinimum`,
 * formats as the API server checks them (unknown formats are ignored, like the API server
 * does; numeric formats such as int32/int64/float/double are not range-checked), and `pattern`
 * with Go's regexp (RE2), as kube-openapi's validator evaluates it.
 */
import * as net from 'node:net';
import type Ajv from 'ajv';
import type { CodeOptions } from 'ajv';
import type { RegExpEngine } from 'ajv/dist/types';
import { compileGoRegexp, goRegexpSyntaxError } from '../engine/go/regexp';
import { isRecord } from './_util';

/** A translated schema plus what could not be translated faithfully. */
export interface Translation {
  readonly schema: Record<string, unknown>;
  /**
   * Patterns Go's regexp rejects (not checked): the API server refuses such a CRD, and
   * `validate`'s CRD checks report it there.
   */
  readonly skippedPatterns: readonly string[];
}

/** The module generated validator code requires the regexp engine from (resolved by `loadValidatorCode`). */
export const REGEXP_MODULE = 'cdk8s-crossplane:go-regexp';

/**
 * ajv's `code.regExp`: OpenAPI `pattern` is checked as the API server checks it, with Go's
 * `regexp.MatchString` (RE2: unanchored, linear time, Go's syntax), never with JavaScript's
 * backtracking RegExp. `code` is how generated validator code gets the same engine back.
 */
export const goRegExpEngine: RegExpEngine = Object.assign((pattern: string) => compileGoRegexp(pattern), {
  code: `require(${JSON.stringify(REGEXP_MODULE)}).goRegExpEngine`,
});

const DNS_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const HOSTNAME = new RegExp(`^(?=.{1,253}$)${DNS_LABEL}(\\.${DNS_LABEL})*$`, 'i');

/** String formats the API server validates (apiextensions supported formats), as predicates. */
export const KUBERNETES_FORMATS: Record<string, (s: string) => boolean> = {
  'date-time': (s) => /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:?\d{2})?$/.test(s),
  datetime: (s) => KUBERNETES_FORMATS['date-time'](s),
  date: (s) => /^\d{4}-\d{2}-\d{2}$/.test(s),
  duration: (s) => /^[-+]?(\d+(\.\d+)?\s*(ns|us|µs|ms|s|m|h|d|w|[a-z]+)\s*)+$/i.test(s) || s === '0',
  byte: (s) => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s),
  ipv4: (s) => net.isIPv4(s),
  ipv6: (s) => net.isIPv6(s),
  cidr: (s) => { const [ip, bits, extra] = s.split('/'); if (extra !== undefined || bits === undefined || !/^\d+$/.test(bits)) return false; const n = Number(bits); return (net.isIPv4(ip) && n <= 32) || (net.isIPv6(ip) && n <= 128); },
  mac: (s) => /^([0-9a-f]{2}[:-]){5}[0-9a-f]{2}$/i.test(s) || /^([0-9a-f]{2}[:-]){7}[0-9a-f]{2}$/i.test(s),
  uuid: (s) => /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(s),
  uuid3: (s) => /^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(s),
  uuid4: (s) => /^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i.test(s),
  uuid5: (s) => /^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i.test(s),
  hostname: (s) => HOSTNAME.test(s),
  email: (s) => /^[^\s@]+@[^\s@]+$/.test(s),
  uri: (s) => { if (s.startsWith('/')) return true; try { return new URL(s).protocol !== ''; } catch { return false; } },
  bsonobjectid: (s) => /^[0-9a-f]{24}$/i.test(s),
  hexcolor: (s) => /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.test(s),
  rgbcolor: (s) => /^rgb\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*\)$/.test(s),
};

const AJV_FORMAT_PREFIX = 'k8s-';

/** The options of every ajv instance here; they are part of the key of stored validator code. */
export const AJV_OPTIONS = { strict: false, allErrors: true, unicodeRegExp: false, validateFormats: true, messages: false, addUsedSchema: false, validateSchema: false } as const;

/**
 * ajv's code generation options, also part of the key. Its optimizer (on by default) takes
 * about half of the compile time of a large schema such as a pod template (350 ms against
 * 200 ms for a Deployment), and compiling is most of a first validation; the code it saves
 * validates only about 15% faster, microseconds per object.
 */
export const AJV_CODE_OPTIONS = { optimize: false } as const;

/**
 * A fresh ajv instance set up for translated Kubernetes schemas (`code` for generating
 * standalone code). ajv is loaded on first use: a process that only loads stored validator
 * code never pays for it.
 */
export function newAjv(code?: CodeOptions): Ajv {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const AjvClass = (require('ajv') as typeof import('ajv')).default;
  const ajv = new AjvClass({ ...AJV_OPTIONS, code: { ...code, ...AJV_CODE_OPTIONS, regExp: goRegExpEngine } });
  for (const [name, fn] of Object.entries(KUBERNETES_FORMATS)) ajv.addFormat(AJV_FORMAT_PREFIX + name, { type: 'string', validate: fn });
  return ajv;
}

/** Name of a format as registered in ajv, undefined when Kubernetes does not check it. */
export function ajvFormatName(format: string): string | undefined {
  return KUBERNETES_FORMATS[format] ? AJV_FORMAT_PREFIX + format : undefined;
}

const COPY = ['enum', 'maxLength', 'minLength', 'maximum', 'minimum', 'multipleOf', 'maxItems', 'minItems', 'uniqueItems', 'maxProperties', 'minProperties', 'required'];

interface Ctx {
  /** Inside allOf/anyOf/oneOf/not: value validations only, no pruning there. */
  readonly junctor: boolean;
  /** The node is the object root or an embedded resource: apiVersion/kind/metadata are kept. */
  readonly resourceRoot: boolean;
  readonly skipped: string[];
}

/** Translates a structural schema (root of a kind) for ajv. */
export function translateSchema(root: unknown): Translation {
  const skipped: string[] = [];
  const schema = tr(root, { junctor: false, resourceRoot: true, skipped });
  return { schema, skippedPatterns: skipped };
}

function tr(s: unknown, ctx: Ctx): Record<string, unknown> {
  if (!isRecord(s)) return {};
  const out: Record<string, unknown> = {};
  const nullable = s.nullable === true;
  if (s['x-kubernetes-int-or-string'] === true) out.type = nullable ? ['integer', 'string', 'null'] : ['integer', 'string'];
  else if (typeof s.type === 'string') out.type = nullable ? [s.type, 'null'] : s.type;
  for (const k of COPY) if (s[k] !== undefined) out[k] = s[k];
  if (nullable && Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  if (typeof s.pattern === 'string') {
    if (goRegexpSyntaxError(s.pattern)) ctx.skipped.push(s.pattern);
    else out.pattern = s.pattern;
  }
  if (s.exclusiveMinimum === true && typeof s.minimum === 'number') { out.exclusiveMinimum = s.minimum; delete out.minimum; }
  if (s.exclusiveMaximum === true && typeof s.maximum === 'number') { out.exclusiveMaximum = s.maximum; delete out.maximum; }
  if (typeof s.format === 'string') {
    const f = ajvFormatName(s.format);
    if (f) out.format = f;
  }
  const inner: Ctx = { junctor: ctx.junctor, resourceRoot: false, skipped: ctx.skipped };
  const embedded = s['x-kubernetes-embedded-resource'] === true;
  const preserve = s['x-kubernetes-preserve-unknown-fields'] === true;
  if (isRecord(s.properties)) {
    const props: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(s.properties)) {
      // Object metadata of a resource is validated by the API server's own rules
      // (see metadata.ts), not pruned: only the constraints the schema states are kept.
      props[k] = (ctx.resourceRoot || embedded) && k === 'metadata' ? metadataSchema(v, inner) : tr(v, { ...inner, resourceRoot: false });
    }
    if (ctx.resourceRoot || embedded) {
      props.apiVersion ??= { type: 'string' };
      props.kind ??= { type: 'string' };
      props.metadata ??= { type: 'object' };
    }
    out.properties = props;
  }
  if (isRecord(s.additionalProperties)) out.additionalProperties = tr(s.additionalProperties, inner);
  else if (typeof s.additionalProperties === 'boolean') out.additionalProperties = s.additionalProperties;
  else if (!ctx.junctor && !preserve && (s.type === 'object' || isRecord(s.properties))) {
    if (embedded && !isRecord(s.properties)) out.properties = { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' } };
    out.additionalProperties = false;
  }
  if (isRecord(s.items)) out.items = tr(s.items, inner);
  const junctor: Ctx = { junctor: true, resourceRoot: false, skipped: ctx.skipped };
  for (const k of ['allOf', 'anyOf', 'oneOf']) if (Array.isArray(s[k])) out[k] = (s[k] as unknown[]).map((x) => tr(x, junctor));
  if (isRecord(s.not)) out.not = tr(s.not, junctor);
  return out;
}

function metadataSchema(s: unknown, ctx: Ctx): Record<string, unknown> {
  const t = tr(s, { ...ctx, junctor: true });
  t.type = 'object';
  return t;
}
