/**
 * The data flow of a Composition's patch-and-transform steps, read from the Composition itself:
 * which XR fields reach which composed fields through which transforms, which composed status
 * fields are written back to the XR, and which resources wait on others through `Required`
 * patches. Simulation names what a stuck resource waits on with it; the Mermaid diagram draws it.
 */
import { UserError } from '../errors';
import type { ObjectValue, Value } from '../engine/go/values';
import { fromKubernetesJson, isObject } from '../engine/go/values';
import type { PtComposedTemplate, PtPatch } from '../engine/functions/patch-and-transform/input';
import { decodePtInput, fromPolicy, patchFrom, patchTo, patchType } from '../engine/functions/patch-and-transform/input';
import { resolvePatchSets } from '../engine/functions/patch-and-transform/patches';

/** Where a patch reads or writes: the XR, the composed resource, or the environment. */
export type FlowEnd = 'xr' | 'resource' | 'environment';

/** One patch of a composed template, as data flow. */
export interface FlowPatch {
  /** The index in the template's patches, patch sets expanded (as P&T's messages count). */
  readonly index: number;
  /** The P&T patch type. */
  readonly type: string;
  /** What the patch reads from. */
  readonly fromEnd: FlowEnd;
  /** The field paths it reads (several for a combine patch). */
  readonly from: readonly string[];
  /** What the patch writes to. */
  readonly toEnd: FlowEnd;
  /** The field path it writes. */
  readonly to: string;
  /** One short description per transform (`string format '%s-nodes'`), a combine first. */
  readonly transforms: readonly string[];
  /** Whether `policy.fromFieldPath` is `Required`. */
  readonly required: boolean;
}

/** A composed resource template of a patch-and-transform step. */
export interface FlowResource {
  /** The composition resource name. */
  readonly name: string;
  /** The pipeline step. */
  readonly step: string;
  /** apiVersion of the base (empty without a base). */
  readonly apiVersion: string;
  /** Kind of the base (empty without a base). */
  readonly kind: string;
  /** The patches. */
  readonly patches: readonly FlowPatch[];
  /** Connection details the XR gets from this resource: name and source. */
  readonly connectionDetails: readonly { readonly name: string; readonly from: string }[];
}

/** `Required` dependency: `resource` is composed only once `setBy`'s field reaches the XR. */
export interface RequiredDependency {
  /** The resource that waits. */
  readonly resource: string;
  /** The patch index in its template. */
  readonly patchIndex: number;
  /** The XR field it reads. */
  readonly xrField: string;
  /** The composed field it writes. */
  readonly to: string;
  /** Resources whose status patches write that XR field, with the field they read. */
  readonly setBy: readonly { readonly resource: string; readonly field: string }[];
}

/** The data flow of a Composition. */
export interface DataFlow {
  /** Every template of every patch-and-transform step, in pipeline order. */
  readonly resources: readonly FlowResource[];
}

const FROM_END: Record<string, FlowEnd> = {
  FromCompositeFieldPath: 'xr', CombineFromComposite: 'xr', ToCompositeFieldPath: 'resource', CombineToComposite: 'resource',
  FromEnvironmentFieldPath: 'environment', CombineFromEnvironment: 'environment', ToEnvironmentFieldPath: 'resource', CombineToEnvironment: 'resource',
};
const TO_END: Record<string, FlowEnd> = {
  FromCompositeFieldPath: 'resource', CombineFromComposite: 'resource', ToCompositeFieldPath: 'xr', CombineToComposite: 'xr',
  FromEnvironmentFieldPath: 'resource', CombineFromEnvironment: 'resource', ToEnvironmentFieldPath: 'environment', CombineToEnvironment: 'environment',
};

/** Whether a step runs function-patch-and-transform: its input is P&T's `Resources`. */
function isPtInput(input: Value | undefined): input is ObjectValue {
  return isObject(input) && input.kind === 'Resources' && typeof input.apiVersion === 'string' && input.apiVersion.startsWith('pt.fn.crossplane.io/');
}

const quote = (v: unknown) => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v));

/** A transform in a few words. */
export function describeTransform(t: unknown): string {
  if (!isObject(t as Value)) return 'transform';
  const o = t as ObjectValue;
  const sub = isObject(o[String(o.type)]) ? (o[String(o.type)] as ObjectValue) : {};
  switch (o.type) {
    case 'map': return `map (${Object.keys(isObject(o.map) ? o.map : {}).length} keys)`;
    case 'match': return 'match';
    case 'math': return `math ${String(sub.type ?? 'Multiply')} ${String(sub.multiply ?? sub.clampMin ?? sub.clampMax ?? '')}`.trim();
    case 'convert': return `convert to ${String(sub.toType ?? '')}`;
    case 'string': {
      const type = String(sub.type ?? 'Format');
      if (type === 'Format') return `format ${quote(sub.fmt)}`;
      if (type === 'Convert') return `string ${String(sub.convert ?? '')}`;
      if (type === 'Regexp') return `regexp ${quote(isObject(sub.regexp) ? sub.regexp.match : '')}`;
      if (type === 'TrimPrefix' || type === 'TrimSuffix') return `${type} ${quote(sub.trim)}`;
      if (type === 'Join') return `join ${quote(isObject(sub.join) ? sub.join.separator : '')}`;
      if (type === 'Replace') return `replace ${quote(isObject(sub.replace) ? sub.replace.search : '')}`;
      return `string ${type}`;
    }
    default: return String(o.type ?? 'transform');
  }
}

function flowPatch(p: PtPatch, index: number): FlowPatch {
  const type = patchType(p);
  const combine = p.combine;
  const from = combine ? (combine.variables ?? []).map((v) => v.fromFieldPath ?? '') : [patchFrom(p)];
  const transforms = [
    ...(combine ? [`combine ${combine.strategy === 'string' ? quote(combine.string?.fmt) : String(combine.strategy ?? '')}`] : []),
    ...(p.transforms ?? []).map(describeTransform),
  ];
  return {
    index, type, from, to: combine ? (p.toFieldPath ?? '') : patchTo(p), transforms,
    fromEnd: FROM_END[type] ?? 'xr', toEnd: TO_END[type] ?? 'resource', required: fromPolicy(p) === 'Required',
  };
}

function flowResource(t: PtComposedTemplate, step: string): FlowResource {
  const base = isObject(t.base) ? t.base : {};
  return {
    name: t.name ?? '',
    step,
    apiVersion: typeof base.apiVersion === 'string' ? base.apiVersion : '',
    kind: typeof base.kind === 'string' ? base.kind : '',
    patches: (t.patches ?? []).map(flowPatch),
    connectionDetails: (t.connectionDetails ?? []).map((c) => ({
      name: c.name ?? '',
      from: c.fromConnectionSecretKey !== undefined ? `connection secret key ${c.fromConnectionSecretKey}` : c.fromFieldPath ?? (c.value !== undefined ? 'a fixed value' : ''),
    })),
  };
}

/**
 * The data flow of a Composition (a plain object). Steps that do not run patch-and-transform
 * contribute nothing.
 * @throws UserError when a patch-and-transform input names a patch set that does not exist
 */
export function compositionDataFlow(composition: unknown): DataFlow {
  const comp = isObject(composition as Value) ? (fromKubernetesJson(composition) as ObjectValue) : {};
  const pipeline = isObject(comp.spec) && Array.isArray(comp.spec.pipeline) ? comp.spec.pipeline : [];
  const resources: FlowResource[] = [];
  for (const s of pipeline) {
    if (!isObject(s) || !isPtInput(s.input)) continue;
    const step = String(s.step ?? '');
    const decoded = decodePtInput(s.input);
    if ('error' in decoded) continue;
    let templates: PtComposedTemplate[];
    try {
      templates = resolvePatchSets(decoded.input);
    } catch (err) {
      throw new UserError(`Composition step '${step}': ${(err as Error).message}: define the patch set under input.patchSets`);
    }
    resources.push(...templates.map((t) => flowResource(t, step)));
  }
  return { resources };
}

/** Whether writing `written` sets (or is inside) the field `read`. */
function covers(written: string, read: string): boolean {
  return written === read || read.startsWith(`${written}.`) || read.startsWith(`${written}[`) || written.startsWith(`${read}.`) || written.startsWith(`${read}[`);
}

/** The resources whose status patches write `xrField` (or a field around it). */
export function writersOf(flow: DataFlow, xrField: string): { resource: string; field: string }[] {
  const out: { resource: string; field: string }[] = [];
  for (const r of flow.resources) {
    for (const p of r.patches) {
      if (p.toEnd === 'xr' && covers(p.to, xrField)) out.push(...p.from.map((field) => ({ resource: r.name, field })));
    }
  }
  return out;
}

/** Every `Required` patch reading the XR, with the resources that set the field it reads. */
export function requiredDependencies(flow: DataFlow): RequiredDependency[] {
  const out: RequiredDependency[] = [];
  for (const r of flow.resources) {
    for (const p of r.patches) {
      if (!p.required || p.fromEnd !== 'xr') continue;
      for (const xrField of p.from) out.push({ resource: r.name, patchIndex: p.index, xrField, to: p.to, setBy: writersOf(flow, xrField) });
    }
  }
  return out;
}
