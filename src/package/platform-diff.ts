/**
 * Compares two revisions of a platform, each given as the objects it synthesizes: for every
 * XRD, what changed and whether it breaks consumers (see {@link diffXrd}); for every example XR,
 * what it renders to before and after, with the same offline `render()` the tests use.
 *
 * It never reports "no changes" for something it could not compare: an example that does not
 * render on one side, or has no Composition there, is listed as failed, naming the side.
 */
import { render } from '../engine/render';
import { cellText, code, codeBlock, table } from '../docs/_markdown';
import { unifiedDiff } from './_line-diff';
import { ChangeSeverity, diffXrd, XrdChange } from './xrd-diff';

type Obj = Record<string, any>;

/** One side of the comparison. */
export interface PlatformRevision {
  /** How the side is named in messages: `base (main)`, `head (dist)`. */
  readonly label: string;
  /** Every object the revision synthesizes (other documents are ignored). */
  readonly objects: readonly unknown[];
}

/** One XRD compared. */
export interface XrdComparison {
  readonly name: string;
  readonly status: 'added' | 'removed' | 'changed' | 'unchanged';
  readonly changes: readonly XrdChange[];
}

/** One example XR rendered on both sides. */
export interface ExampleComparison {
  /** `Kind namespace/name` (or `Kind name` for a cluster-scoped XR). */
  readonly id: string;
  readonly status: 'added' | 'removed' | 'changed' | 'unchanged' | 'failed';
  /** Lines added and removed in the rendered output, and the unified diff (base to head). */
  readonly diff?: { readonly added: number; readonly removed: number; readonly text: string };
  /** Why it could not be compared, each message naming the side. */
  readonly errors: readonly string[];
}

/** The result of {@link diffPlatform}. */
export interface PlatformDiff {
  readonly base: string;
  readonly head: string;
  readonly xrds: readonly XrdComparison[];
  readonly examples: readonly ExampleComparison[];
  /** Number of breaking changes (a removed XRD counts as one). */
  readonly breaking: number;
  /** Number of examples that could not be compared. */
  readonly failed: number;
  /** Example claims (`Kind namespace/name`), which are not rendered: render takes XRs. */
  readonly claims: readonly string[];
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '');

interface Side {
  label: string;
  xrds: Map<string, Obj>;
  compositions: Obj[];
  functions: Obj[];
  examples: Map<string, Obj>;
}

function exampleId(xr: Obj): string {
  const ns = xr.metadata?.namespace;
  return `${xr.kind} ${ns ? `${ns}/` : ''}${xr.metadata?.name}`;
}

function objectsOf(rev: PlatformRevision): Obj[] {
  const seen = new Set<string>();
  const objects: Obj[] = [];
  for (const o of rev.objects) {
    if (!isObj(o) || typeof o.apiVersion !== 'string' || typeof o.kind !== 'string') continue;
    // The package folder repeats the XRDs and Compositions of the layers: keep one of each.
    const key = `${groupOf(o.apiVersion)}/${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    objects.push(o);
  }
  return objects;
}

const isCrossplane = (o: Obj, kind: string) => o.kind === kind && groupOf(o.apiVersion) === 'apiextensions.crossplane.io';

/** XR types (`group/Kind`) the XRDs among `objects` define. */
function xrTypesOf(objects: Obj[]): string[] {
  return objects.filter((o) => isCrossplane(o, 'CompositeResourceDefinition')).map((x) => `${x.spec?.group}/${x.spec?.names?.kind}`);
}

/** Claims among `objects`: objects of a claim kind some XRD of either side offers. */
function claimsOf(objects: Obj[], claimTypes: Set<string>): string[] {
  return objects.filter((o) => claimTypes.has(`${groupOf(o.apiVersion)}/${o.kind}`)).map(exampleId);
}

/** One side; example XRs are objects of an XR type either side defines, so an XR whose XRD disappeared still counts. */
function sideOf(rev: PlatformRevision, objects: Obj[], xrTypes: Set<string>): Side {
  const xrds = new Map(objects.filter((o) => isCrossplane(o, 'CompositeResourceDefinition')).map((x) => [String(x.metadata?.name), x]));
  const examples = new Map<string, Obj>();
  for (const o of objects) if (xrTypes.has(`${groupOf(o.apiVersion)}/${o.kind}`)) examples.set(exampleId(o), o);
  return {
    label: rev.label,
    xrds,
    compositions: objects.filter((o) => isCrossplane(o, 'Composition')),
    functions: objects.filter((o) => o.kind === 'Function' && groupOf(o.apiVersion) === 'pkg.crossplane.io'),
    examples,
  };
}

/** The Composition Crossplane selects for `xr` (reference 2.1): by reference, by labels, the XRD's default, the only one. */
function selectComposition(side: Side, xr: Obj, xrd: Obj): Obj | string {
  const candidates = side.compositions.filter((c) => c.spec?.compositeTypeRef?.kind === xr.kind && groupOf(String(c.spec?.compositeTypeRef?.apiVersion)) === groupOf(xr.apiVersion));
  const spec = xr.spec ?? {};
  const ref = spec.crossplane?.compositionRef?.name ?? spec.compositionRef?.name;
  if (ref) return candidates.find((c) => c.metadata?.name === ref) ?? `no Composition named '${ref}' for ${xr.kind}`;
  const labels = spec.crossplane?.compositionSelector?.matchLabels ?? spec.compositionSelector?.matchLabels;
  if (labels) {
    return candidates.find((c) => Object.entries(labels).every(([k, v]) => c.metadata?.labels?.[k] === v))
      ?? `no Composition for ${xr.kind} matches the labels ${JSON.stringify(labels)}`;
  }
  const dflt = xrd.spec?.defaultCompositionRef?.name;
  if (dflt) return candidates.find((c) => c.metadata?.name === dflt) ?? `the default Composition '${dflt}' of ${xr.kind} does not exist`;
  if (candidates.length === 1) return candidates[0];
  return candidates.length === 0 ? `no Composition for ${xr.kind}` : `${candidates.length} Compositions for ${xr.kind} and no way to choose: set a compositionRef or the XRD's defaultCompositionRef`;
}

function renderOn(side: Side, xr: Obj): { yaml?: string; error?: string } {
  const xrd = [...side.xrds.values()].find((x) => x.spec?.group === groupOf(xr.apiVersion) && x.spec?.names?.kind === xr.kind);
  if (!xrd) return { error: `${side.label}: no XRD defines ${xr.kind}` };
  const composition = selectComposition(side, xr, xrd);
  if (typeof composition === 'string') return { error: `${side.label}: ${composition}` };
  try {
    const out = render({ xr, composition, xrd, functions: side.functions.length > 0 ? side.functions : undefined });
    return { yaml: out.toYaml() };
  } catch (err) {
    return { error: `${side.label}: cannot render with Composition '${composition.metadata?.name}': ${(err as Error).message}` };
  }
}

/** Compares `base` with `head`. Deterministic: XRDs and examples in name order. */
export function diffPlatform(baseRev: PlatformRevision, headRev: PlatformRevision): PlatformDiff {
  const baseObjects = objectsOf(baseRev);
  const headObjects = objectsOf(headRev);
  const xrTypes = new Set([...xrTypesOf(baseObjects), ...xrTypesOf(headObjects)]);
  const claimTypes = new Set([...baseObjects, ...headObjects].filter((o) => isCrossplane(o, 'CompositeResourceDefinition') && o.spec?.claimNames?.kind)
    .map((x) => `${x.spec.group}/${x.spec.claimNames.kind}`));
  const claims = [...new Set([...claimsOf(baseObjects, claimTypes), ...claimsOf(headObjects, claimTypes)])].sort();
  const base = sideOf(baseRev, baseObjects, xrTypes);
  const head = sideOf(headRev, headObjects, xrTypes);
  const names = [...new Set([...base.xrds.keys(), ...head.xrds.keys()])].sort();
  const xrds: XrdComparison[] = names.map((name) => {
    const b = base.xrds.get(name);
    const h = head.xrds.get(name);
    if (!h) {
      return { name, status: 'removed', changes: [{ severity: 'breaking', path: 'metadata.name', message: `XRD present in ${base.label}, missing from ${head.label}: its XRs lose their API` }] };
    }
    if (!b) return { name, status: 'added', changes: [] };
    const changes = diffXrd(b, h);
    return { name, status: changes.length > 0 ? 'changed' : 'unchanged', changes };
  });
  const ids = [...new Set([...base.examples.keys(), ...head.examples.keys()])].sort();
  const examples: ExampleComparison[] = ids.map((id) => {
    const bx = base.examples.get(id);
    const hx = head.examples.get(id);
    const before = bx ? renderOn(base, bx) : undefined;
    const after = hx ? renderOn(head, hx) : undefined;
    const errors = [before?.error, after?.error].filter((e): e is string => !!e);
    if (errors.length > 0) return { id, status: 'failed', errors };
    if (!before) return { id, status: 'added', diff: unifiedDiff('', after!.yaml!), errors };
    if (!after) return { id, status: 'removed', diff: unifiedDiff(before.yaml!, ''), errors };
    const diff = unifiedDiff(before.yaml!, after.yaml!);
    return { id, status: diff.text ? 'changed' : 'unchanged', diff, errors };
  });
  return {
    base: base.label,
    head: head.label,
    xrds,
    examples,
    breaking: xrds.reduce((n, x) => n + x.changes.filter((c) => c.severity === 'breaking').length, 0),
    failed: examples.filter((e) => e.status === 'failed').length,
    claims,
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function changeTable(d: PlatformDiff, severity: ChangeSeverity): string {
  const rows = d.xrds.flatMap((x) => x.changes.filter((c) => c.severity === severity)
    .map((c) => [code(x.name), c.version ? code(c.version) : '', c.path ? code(c.path) : '', cellText(c.message)]));
  return rows.length > 0 ? table(['XRD', 'Version', 'Field', 'Change'], rows) : '';
}

/** The Markdown summary of `d` for a pull request. */
export function platformDiffMarkdown(d: PlatformDiff): string {
  const count = (s: ChangeSeverity) => d.xrds.reduce((n, x) => n + x.changes.filter((c) => c.severity === s).length, 0);
  const warnings = count('warning');
  const infos = count('info');
  const changedExamples = d.examples.filter((e) => e.status === 'changed' || e.status === 'added' || e.status === 'removed');
  const out: string[] = [`## Platform API changes: ${cellText(d.base)} → ${cellText(d.head)}`, ''];
  const verdict = d.breaking > 0 ? `**❌ ${plural(d.breaking, 'breaking change')}**` : d.failed > 0 ? '**⚠️ Could not compare everything**' : '**✅ No breaking changes**';
  const facts = [
    `${plural(d.xrds.length, 'XRD')} compared`,
    warnings > 0 ? plural(warnings, 'warning') : '',
    infos > 0 ? plural(infos, 'compatible change') : '',
    `${changedExamples.length} of ${plural(d.examples.length, 'example XR')} render differently`,
    d.failed > 0 ? `${plural(d.failed, 'example')} could not be compared` : '',
  ].filter(Boolean);
  out.push(`${verdict}: ${facts.join(' · ')}`, '');
  const failed = d.examples.filter((e) => e.status === 'failed');
  if (failed.length > 0) {
    out.push('### Could not compare', '', ...failed.flatMap((e) => e.errors.map((m) => `- ${code(e.id)}: ${cellText(m)}`)), '');
  }
  const breaking = changeTable(d, 'breaking');
  if (breaking) out.push('### Breaking changes', '', breaking, '');
  const warn = changeTable(d, 'warning');
  if (warn) out.push('### Warnings', '', warn, '');
  const info = changeTable(d, 'info');
  const added = d.xrds.filter((x) => x.status === 'added');
  if (info || added.length > 0) {
    out.push('### Compatible changes', '');
    if (added.length > 0) out.push(`New XRDs: ${added.map((x) => code(x.name)).join(', ')}`, '');
    if (info) out.push(`<details><summary>${plural(infos, 'compatible change')}</summary>`, '', info, '', '</details>', '');
  }
  if (d.examples.length > 0) {
    out.push('### Example XRs, rendered before and after', '');
    out.push(table(['Example', 'Rendered output'], d.examples.map((e) => [code(e.id), exampleResult(e)])), '');
    for (const e of changedExamples) {
      out.push(`<details><summary>${cellText(e.id)}: ${exampleResult(e)}</summary>`, '', codeBlock('diff', e.diff!.text), '', '</details>', '');
    }
  }
  if (d.claims.length > 0) {
    out.push(`Not rendered: ${plural(d.claims.length, 'example claim')} (${d.claims.map(code).join(', ')}); render takes XRs, so add an example XR to compare what a claim composes.`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function exampleResult(e: ExampleComparison): string {
  switch (e.status) {
    case 'failed': return 'could not compare';
    case 'unchanged': return 'unchanged';
    case 'added': return `new (${plural(e.diff!.added, 'line')})`;
    case 'removed': return 'removed';
    default: return `+${e.diff!.added} −${e.diff!.removed} lines`;
  }
}
