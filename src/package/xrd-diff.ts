/**
 * What changed in an XRD between two revisions, and whether it breaks its consumers: the XRs
 * (and claims) already in clusters and the manifests in GitOps repositories that create them.
 *
 * Breaking: the API is gone or moved (scope, group, kind, claim names changed; a version removed
 * or no longer served), a field is removed (or renamed: a removal plus an addition), a type
 * changes (widening integer to number excepted), a field becomes required without a default,
 * an enum loses values or appears, a constraint tightens (maximum, minLength, maxItems...),
 * unknown fields are no longer preserved. Warnings: changes that may break some inputs and not
 * others (a pattern or format changes, a CEL rule is added, a default changes). Everything
 * else that differs is reported as a non-breaking change.
 *
 * The rules follow what the API server does with the XR CRD Crossplane derives from the XRD
 * (reference 1.x): an object stored under the old schema must still be valid and still mean the
 * same thing under the new one. `status` is written by Crossplane and the functions, so new
 * required fields there are not a consumer's problem; removals there still are, since
 * consumers read them.
 */

/** How bad a change is for the XRD's consumers. */
export type ChangeSeverity = 'breaking' | 'warning' | 'info';

/** One difference between two revisions of an XRD. */
export interface XrdChange {
  readonly severity: ChangeSeverity;
  /** The XRD version the change is in, or undefined for the XRD as a whole. */
  readonly version?: string;
  /** Field path inside the version's schema (`spec.parameters.region`), or the XRD field. */
  readonly path: string;
  /** What changed, with the old and new values. */
  readonly message: string;
}

type Schema = Record<string, any>;
type Obj = Record<string, any>;

const q = (v: unknown) => JSON.stringify(v);
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function effectiveScope(xrd: Obj): string {
  return xrd.spec?.scope ?? (String(xrd.apiVersion).endsWith('/v1') ? 'LegacyCluster' : 'Namespaced');
}

function join(path: string, key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${q(key)}]`;
}

class Collector {
  public readonly changes: XrdChange[] = [];
  public constructor(private readonly version?: string) {}
  public add(severity: ChangeSeverity, path: string, message: string): void {
    this.changes.push({ severity, version: this.version, path, message });
  }
}

// Bounds whose tightening rejects values that were valid: [keyword, true when a larger value is tighter].
const LOWER_BOUNDS = ['minimum', 'minLength', 'minItems', 'minProperties'] as const;
const UPPER_BOUNDS = ['maximum', 'maxLength', 'maxItems', 'maxProperties'] as const;

function compareBounds(c: Collector, path: string, base: Schema, head: Schema): void {
  for (const k of LOWER_BOUNDS) {
    if (head[k] === undefined || base[k] === head[k]) continue;
    if (base[k] === undefined || head[k] > base[k]) c.add('breaking', path, `${k} tightened from ${base[k] ?? 'none'} to ${head[k]}: values valid before are rejected`);
    else c.add('info', path, `${k} relaxed from ${base[k]} to ${head[k]}`);
  }
  for (const k of UPPER_BOUNDS) {
    if (head[k] === undefined || base[k] === head[k]) continue;
    if (base[k] === undefined || head[k] < base[k]) c.add('breaking', path, `${k} tightened from ${base[k] ?? 'none'} to ${head[k]}: values valid before are rejected`);
    else c.add('info', path, `${k} relaxed from ${base[k]} to ${head[k]}`);
  }
  for (const k of UPPER_BOUNDS.concat(LOWER_BOUNDS as any)) {
    if (base[k] !== undefined && head[k] === undefined) c.add('info', path, `${k} ${base[k]} removed`);
  }
  for (const k of ['exclusiveMinimum', 'exclusiveMaximum'] as const) {
    if (!base[k] && head[k]) c.add('breaking', path, `${k} set: the bound itself is no longer valid`);
  }
  for (const k of ['pattern', 'format'] as const) {
    if (base[k] === head[k]) continue;
    if (head[k] === undefined) c.add('info', path, `${k} ${q(base[k])} removed`);
    else c.add('warning', path, `${k} changed from ${base[k] === undefined ? 'none' : q(base[k])} to ${q(head[k])}: values valid before may be rejected`);
  }
}

function compareEnum(c: Collector, path: string, base: Schema, head: Schema): void {
  const b: unknown[] | undefined = base.enum;
  const h: unknown[] | undefined = head.enum;
  if (!h) {
    if (b) c.add('info', path, `enum ${q(b)} removed: any value is accepted`);
    return;
  }
  if (!b) return void c.add('breaking', path, `enum ${q(h)} added: other values valid before are rejected`);
  const key = (v: unknown) => JSON.stringify(v);
  const removed = b.filter((v) => !h.map(key).includes(key(v)));
  const added = h.filter((v) => !b.map(key).includes(key(v)));
  if (removed.length > 0) c.add('breaking', path, `enum narrowed: ${removed.map(q).join(', ')} no longer allowed`);
  if (added.length > 0) c.add('info', path, `enum widened: ${added.map(q).join(', ')} allowed`);
}

function compareValidations(c: Collector, path: string, base: Schema, head: Schema): void {
  const rules = (s: Schema) => (Array.isArray(s['x-kubernetes-validations']) ? s['x-kubernetes-validations'].map((r: Obj) => String(r.rule)) : []);
  const b = rules(base);
  for (const r of rules(head)) if (!b.includes(r)) c.add('warning', path, `validation rule ${q(r)} added: XRs valid before may be rejected`);
  for (const r of b) if (!rules(head).includes(r)) c.add('info', path, `validation rule ${q(r)} removed`);
}

// Property schemas that are not objects are malformed input; they are skipped, not compared.
function propertiesOf(s: Schema): Record<string, Schema> {
  return isObj(s.properties) ? Object.fromEntries(Object.entries(s.properties).filter(([, v]) => isObj(v))) : {};
}

function typeOf(s: Schema): string | undefined {
  if (s.type) return s.type;
  if (s['x-kubernetes-int-or-string']) return 'int-or-string';
  return undefined;
}

/** Compares two schemas of one field; `inStatus` relaxes the rules for required fields. */
function compareSchema(c: Collector, path: string, base: Schema, head: Schema, inStatus: boolean): void {
  const bt = typeOf(base);
  const ht = typeOf(head);
  if (bt !== ht) {
    if (bt === 'integer' && ht === 'number') c.add('info', path, 'type widened from integer to number');
    else if (bt === undefined && ht !== undefined && !base['x-kubernetes-preserve-unknown-fields']) c.add('warning', path, `type ${q(ht)} set where any type was accepted`);
    else return void c.add('breaking', path, `type changed from ${q(bt ?? 'any')} to ${q(ht ?? 'any')}`);
  }
  compareEnum(c, path, base, head);
  compareBounds(c, path, base, head);
  compareValidations(c, path, base, head);
  if (JSON.stringify(base.default) !== JSON.stringify(head.default)) {
    if (base.default === undefined) c.add('info', path, `default ${q(head.default)} added`);
    else c.add('warning', path, `default changed from ${q(base.default)} to ${head.default === undefined ? 'none' : q(head.default)}: XRs that omit the field change meaning`);
  }
  if (base['x-kubernetes-preserve-unknown-fields'] && !head['x-kubernetes-preserve-unknown-fields']) {
    c.add('breaking', path, 'x-kubernetes-preserve-unknown-fields removed: unknown fields set before are pruned');
  }
  if (base.nullable && !head.nullable) c.add('breaking', path, 'nullable removed: null values valid before are rejected');

  const bp = propertiesOf(base);
  const hp = propertiesOf(head);
  const bReq = new Set<string>(Array.isArray(base.required) ? base.required : []);
  const hReq = new Set<string>(Array.isArray(head.required) ? head.required : []);
  const removed = Object.keys(bp).filter((k) => !(k in hp));
  const added = Object.keys(hp).filter((k) => !(k in bp));
  for (const k of removed) {
    const same = added.filter((a) => typeOf(hp[a]) === typeOf(bp[k]));
    const hint = same.length > 0 ? ` (renamed to ${same.map((a) => q(a)).join(' or ')}?)` : '';
    if (head['x-kubernetes-preserve-unknown-fields']) c.add('warning', join(path, k), `field removed${hint}: still accepted as an unknown field, no longer validated`);
    else c.add('breaking', join(path, k), `field removed${hint}: XRs that set it are rejected or lose the value`);
  }
  for (const k of added) {
    const p = join(path, k);
    if (hReq.has(k) && hp[k].default === undefined && !inStatus) c.add('breaking', p, 'new required field without a default: existing XRs do not set it and become invalid');
    else c.add('info', p, hReq.has(k) ? 'new required field, with a default' : 'new optional field');
  }
  for (const k of Object.keys(hp)) {
    if (!(k in bp)) continue;
    const p = join(path, k);
    if (hReq.has(k) && !bReq.has(k) && !inStatus) {
      if (hp[k].default === undefined) c.add('breaking', p, 'now required, without a default: XRs that omit it become invalid');
      else c.add('info', p, 'now required, with a default');
    } else if (!hReq.has(k) && bReq.has(k)) c.add('info', p, 'no longer required');
    compareSchema(c, p, bp[k], hp[k], inStatus || (path === '' && k === 'status'));
  }
  if (isObj(base.items) && isObj(head.items)) compareSchema(c, `${path}[*]`, base.items, head.items, inStatus);
  else if (isObj(base.items) !== isObj(head.items) && bt === ht) c.add('breaking', `${path}[*]`, 'item schema changed');
  const bAdd = base.additionalProperties;
  const hAdd = head.additionalProperties;
  if (isObj(bAdd) && isObj(hAdd)) compareSchema(c, `${path}{*}`, bAdd, hAdd, inStatus);
  else if (isObj(bAdd) && !isObj(hAdd) && hAdd !== true) c.add('breaking', `${path}{*}`, 'additionalProperties removed: map entries set before are pruned');
}

function versionsOf(xrd: Obj): Map<string, Obj> {
  const out = new Map<string, Obj>();
  for (const v of Array.isArray(xrd.spec?.versions) ? xrd.spec.versions : []) if (isObj(v) && typeof v.name === 'string') out.set(v.name, v);
  return out;
}

/**
 * The changes from `base` to `head`, two revisions of the same XRD (same `metadata.name`):
 * XRD-level changes first, then each version base served, in base's order, with its schema
 * differences in field order.
 */
export function diffXrd(base: Obj, head: Obj): XrdChange[] {
  const top = new Collector();
  const bs = effectiveScope(base);
  const hs = effectiveScope(head);
  if (bs !== hs) top.add('breaking', 'spec.scope', `scope changed from ${bs} to ${hs}: existing XRs cannot move`);
  for (const f of ['group', 'names.kind', 'names.plural'] as const) {
    const get = (x: Obj) => f.split('.').reduce<any>((o, k) => o?.[k], x.spec);
    if (get(base) !== get(head)) top.add('breaking', `spec.${f}`, `changed from ${q(get(base))} to ${q(get(head))}: it is a different API`);
  }
  const bClaim = base.spec?.claimNames;
  const hClaim = head.spec?.claimNames;
  if (bClaim && !hClaim) top.add('breaking', 'spec.claimNames', `claims (${q(bClaim.kind)}) removed: existing claims are orphaned`);
  else if (bClaim && hClaim && (bClaim.kind !== hClaim.kind || bClaim.plural !== hClaim.plural)) {
    top.add('breaking', 'spec.claimNames', `changed from ${q(bClaim)} to ${q(hClaim)}: existing claims are orphaned`);
  } else if (!bClaim && hClaim) top.add('info', 'spec.claimNames', `claims (${q(hClaim.kind)}) offered`);

  const changes = [...top.changes];
  const bv = versionsOf(base);
  const hv = versionsOf(head);
  for (const [name, v] of bv) {
    const c = new Collector(name);
    const h = hv.get(name);
    if (v.served === false) {
      if (h?.served) c.add('info', 'served', 'now served');
      changes.push(...c.changes);
      continue;
    }
    if (!h) c.add('breaking', `spec.versions[${q(name)}]`, 'version removed: clients and stored XRs of this version fail');
    else if (h.served === false) c.add('breaking', `spec.versions[${q(name)}].served`, 'version no longer served: clients of this version fail');
    else {
      if (!v.deprecated && h.deprecated) c.add('info', `spec.versions[${q(name)}].deprecated`, 'version deprecated');
      const sb = v.schema?.openAPIV3Schema;
      const sh = h.schema?.openAPIV3Schema;
      if (isObj(sb) && isObj(sh)) compareSchema(c, '', sb, sh, false);
      else if (isObj(sb) !== isObj(sh)) c.add('warning', `spec.versions[${q(name)}].schema`, isObj(sb) ? 'schema removed' : 'schema added');
    }
    changes.push(...c.changes);
  }
  for (const [name, h] of hv) {
    if (!bv.has(name)) changes.push({ severity: 'info', version: name, path: `spec.versions[${q(name)}]`, message: `version added${h.served === false ? ' (not served)' : ''}` });
  }
  return changes;
}
