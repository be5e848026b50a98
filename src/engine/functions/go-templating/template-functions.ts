/**
 * The functions function-go-templating adds to Sprig's (function_maps.go): toYaml, fromYaml,
 * getResourceCondition, setResourceNameAnnotation, getComposedResource, getCompositeResource,
 * getExtraResources, getExtraResourcesFromContext, getCredentialData, randomChoice and include.
 */
import * as crypto from 'node:crypto';
import { parseDocument } from 'yaml';
import { errorPosition, positionedErrors } from '../../../yaml/error-position';
import { collectionKeyV3 } from '../../../yaml/kubernetes-keys';
import { toGoYaml, yamlKeyLess } from '../../go/yaml';
import { BYTE_SLICES, GO_STRUCTS, GoError, GoFunc, GoStructType, isMap, MaybeTV, Template, TemplateExecError, TV } from '../../go/template';
import type { Value } from '../../go/values';
import { EXTRA_RESOURCES_CONTEXT_KEY } from './request-map';

const RECURSION_MAX = 1000;

const s = (v: MaybeTV): string => v as string;

/** Mappings yaml.v3 writes in the order given: structs, whose fields keep declaration order. */
const DECLARATION_ORDER = new WeakSet<object>();

function plain(v: MaybeTV): Value {
  if (v === undefined || v === null || v instanceof GoFunc) return null;
  if (Array.isArray(v)) return v.map(plain);
  const struct = isMap(v) ? GO_STRUCTS.get(v) : undefined;
  if (struct) {
    // yaml.v3 names a struct field by its lowercased Go name; the json tags play no part.
    const o: Record<string, Value> = {};
    for (const f of struct.fields) o[f.name.toLowerCase()] = plain((v as Record<string, TV>)[f.name]);
    DECLARATION_ORDER.add(o);
    return o;
  }
  if (isMap(v)) {
    const o: Record<string, Value> = {};
    for (const k of Object.keys(v)) o[k] = plain(v[k]);
    return o;
  }
  return v;
}

/**
 * yaml.v3 Marshal, which toYaml calls: block style, four-space indentation, sequences indented
 * under their mapping key, a mapping inside a sequence item starting after `- `. Scalars are
 * written with the same quoting rules as the Kubernetes serializer's YAML (go-yaml).
 */
export function yamlV3Marshal(v: Value): string {
  const out: string[] = [];
  const scalar = (x: Value, indent: number): string => {
    const text = toGoYaml(x).replace(/\n$/, '');
    if (!text.includes('\n')) return text;
    // A block scalar: its content lines sit one indentation step deeper.
    const [head, ...rest] = text.split('\n');
    return [head, ...rest.map((l) => (l === '' ? '' : ' '.repeat(indent + 4) + l.replace(/^ {2}/, '')))].join('\n');
  };
  const isEmpty = (x: Value): boolean => (Array.isArray(x) && x.length === 0) || (isMapValue(x) && Object.keys(x).length === 0);
  const inline = (x: Value, indent: number): string | undefined => {
    if (Array.isArray(x)) return x.length === 0 ? '[]' : undefined;
    if (isMapValue(x)) return Object.keys(x).length === 0 ? '{}' : undefined;
    return scalar(x, indent);
  };
  const mapping = (o: Record<string, Value>, indent: number, firstPrefix: string | undefined): void => {
    (DECLARATION_ORDER.has(o) ? Object.keys(o) : sortKeys(o)).forEach((k, i) => {
      const lead = i === 0 && firstPrefix !== undefined ? firstPrefix : ' '.repeat(indent);
      const key = toGoYaml(k).replace(/\n$/, '');
      const val = o[k];
      const one = isEmpty(val) || !(Array.isArray(val) || isMapValue(val)) ? inline(val, indent) : undefined;
      if (one !== undefined) {
        out.push(`${lead}${key}: ${one}`);
        return;
      }
      out.push(`${lead}${key}:`);
      if (Array.isArray(val)) sequence(val, indent + 4);
      else mapping(val as Record<string, Value>, indent + 4, undefined);
    });
  };
  const sequence = (a: Value[], indent: number): void => {
    for (const item of a) {
      const dash = ' '.repeat(indent) + '- ';
      if (isMapValue(item) && Object.keys(item).length > 0) mapping(item, indent + 2, dash);
      else if (Array.isArray(item) && item.length > 0) {
        out.push(dash.trimEnd());
        sequence(item, indent + 2);
      } else out.push(dash + inline(item, indent));
    }
  };
  if (isMapValue(v) && Object.keys(v).length > 0) mapping(v, 0, undefined);
  else if (Array.isArray(v) && v.length > 0) sequence(v, 0);
  else out.push(inline(v, 0)!);
  return out.join('\n') + '\n';
}

function isMapValue(x: Value): x is Record<string, Value> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Map keys in yaml.v3's order, which is go-yaml's natural order (digit runs compare as numbers). */
function sortKeys(o: Record<string, Value>): string[] {
  return Object.keys(o).sort((a, b) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0));
}

/** yaml.v3 Unmarshal into interface{}: YAML 1.2 scalars, integers as int. */
function fromYaml(text: string): MaybeTV {
  const positions = positionedErrors();
  const doc = parseDocument(text, { version: '1.2', intAsBigInt: true, merge: true, uniqueKeys: false, ...positions });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = errorPosition(e, positions.lineCounter)?.line ?? 1;
    throw new GoError(`yaml: line ${line}: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  // yaml.v3 refuses a mapping or sequence as a key when decoding into interface{}.
  const refused = collectionKeyV3(doc);
  if (refused) throw new GoError(refused.goMessage);
  const v = doc.toJS({ maxAliasCount: 1000 }) as unknown;
  return toTV(v);
}

function toTV(v: unknown): TV {
  if (v === undefined || v === null) return null;
  if (typeof v === 'bigint' || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') return v;
  if (Array.isArray(v)) return v.map(toTV);
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Map) {
    const o: Record<string, TV> = {};
    for (const [k, val] of v) o[String(k)] = toTV(val);
    return o;
  }
  const o: Record<string, TV> = {};
  for (const k of Object.keys(v as object)) o[k] = toTV((v as Record<string, unknown>)[k]);
  return o;
}

function at(v: MaybeTV, ...keys: string[]): MaybeTV {
  let cur = v;
  for (const k of keys) {
    if (!isMap(cur) || !Object.prototype.hasOwnProperty.call(cur, k)) return undefined;
    cur = cur[k];
  }
  return cur;
}

/** crossplane-runtime's xpv1.Condition, as templates see it. */
const CONDITION: GoStructType = {
  typeName: 'v1.Condition',
  fields: [
    { name: 'Type', json: 'type' },
    { name: 'Status', json: 'status' },
    { name: 'LastTransitionTime', json: 'lastTransitionTime', time: true },
    { name: 'Reason', json: 'reason' },
    { name: 'Message', json: 'message', omitEmpty: true },
    { name: 'ObservedGeneration', json: 'observedGeneration', omitEmpty: true },
  ],
};

const ZERO_TIME = '0001-01-01T00:00:00Z';
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * metav1.Time read from JSON (RFC 3339, kept in the function container's local zone, UTC) and
 * written back by MarshalText (RFC 3339 with fractional seconds, trailing zeros dropped);
 * undefined when Go would fail to read it.
 */
function metaTime(v: MaybeTV): string | undefined {
  if (v === undefined || v === null) return ZERO_TIME;
  if (typeof v !== 'string') return undefined;
  const m = RFC3339.exec(v);
  if (!m) return undefined;
  const ms = Date.parse(v);
  if (Number.isNaN(ms)) return undefined;
  const frac = (m[7] ?? '').replace(/0+$/, '');
  return new Date(ms).toISOString().replace(/\.\d+Z$/, `${frac === '.' ? '' : frac}Z`);
}

/**
 * xpv1.ConditionedStatus.GetCondition: the condition of that type, or an Unknown one. The
 * status is read as the function reads it (resource.status, else status); one it cannot read
 * (a lastTransitionTime that is not RFC 3339) counts as no status.
 */
function getResourceCondition(ct: string, res: MaybeTV): TV {
  const read = (status: MaybeTV): TV[] | undefined => {
    if (!isMap(status)) return undefined;
    const list = status.conditions === undefined || status.conditions === null ? [] : status.conditions;
    if (!Array.isArray(list) || !list.every((c) => isMap(c) && metaTime(c.lastTransitionTime) !== undefined)) return undefined;
    return list;
  };
  const conditions = read(at(res, 'resource', 'status')) ?? read(at(res, 'status')) ?? [];
  const found = conditions.find((c) => isMap(c) && c.type === ct);
  const c = isMap(found) ? found : { type: ct, status: 'Unknown' };
  const str = (x: MaybeTV): string => (typeof x === 'string' ? x : '');
  const out: Record<string, TV> = {
    Type: str(c.type),
    Status: str(c.status),
    LastTransitionTime: metaTime(c.lastTransitionTime) ?? ZERO_TIME,
    Reason: str(c.reason),
    Message: str(c.message),
    ObservedGeneration: typeof c.observedGeneration === 'bigint' ? c.observedGeneration : 0n,
  };
  GO_STRUCTS.set(out, CONDITION);
  return out;
}

/** The template functions, `include` bound to the template being built. */
export function goTemplatingFunctions(tpl: () => Template): Record<string, GoFunc> {
  const includedNames = new Map<string, number>();
  return {
    randomChoice: new GoFunc([], (...choices) => {
      if (choices.length === 0) throw new GoError('invalid argument to Intn');
      return choices[crypto.randomInt(choices.length)];
    }, 'string'),
    toYaml: new GoFunc(['any'], (v) => yamlV3Marshal(plain(v))),
    fromYaml: new GoFunc(['string'], (v) => fromYaml(s(v))),
    getResourceCondition: new GoFunc(['string', 'map'], (ct, res) => getResourceCondition(s(ct), res)),
    setResourceNameAnnotation: new GoFunc(['string'], (name) => `gotemplating.fn.crossplane.io/composition-resource-name: ${s(name)}`),
    getComposedResource: new GoFunc(['map', 'string'], (req, name) => {
      const r = at(req, 'observed', 'resources', s(name), 'resource');
      return isMap(r) ? r : {};
    }),
    getCompositeResource: new GoFunc(['map'], (req) => {
      const r = at(req, 'observed', 'composite', 'resource');
      return isMap(r) ? r : {};
    }),
    getExtraResources: new GoFunc(['map', 'string'], (req, name) => {
      const req1 = at(req, 'requiredResources', s(name), 'items');
      if (Array.isArray(req1)) return req1;
      const ex = at(req, 'extraResources', s(name), 'items');
      return Array.isArray(ex) ? ex : [];
    }),
    getExtraResourcesFromContext: new GoFunc(['map', 'string'], (req, name) => {
      const items = at(req, 'context', EXTRA_RESOURCES_CONTEXT_KEY, s(name), 'items');
      return Array.isArray(items) ? items : [];
    }),
    getCredentialData: new GoFunc(['map', 'string'], (req, name) => {
      const data = at(req, 'credentials', s(name), 'credentialData', 'data');
      if (!isMap(data)) return {};
      const out: Record<string, TV> = {};
      for (const k of Object.keys(data)) {
        // map[string][]byte: each value a byte slice, which string() / toString turn back into text.
        const bytes: TV[] = [...Buffer.from(typeof data[k] === 'string' ? (data[k] as string) : '', 'base64')].map((b) => BigInt(b));
        BYTE_SLICES.add(bytes);
        out[k] = bytes;
      }
      return out;
    }),
    include: new GoFunc(['string', 'any'], (name, data) => {
      const n = s(name);
      const count = includedNames.get(n) ?? 0;
      if (count > RECURSION_MAX) {
        throw new GoError(`rendering template has a nested reference name: ${n}: unable to execute template`);
      }
      includedNames.set(n, count + 1);
      try {
        return tpl().executeTemplate(n, data);
      } catch (e) {
        if (e instanceof TemplateExecError) throw new GoError(e.message);
        throw e;
      } finally {
        includedNames.set(n, (includedNames.get(n) ?? 1) - 1);
      }
    }),
  };
}
