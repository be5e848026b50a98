/**
 * The "Data flow" section of an API's reference page: one Mermaid diagram per Composition of
 * the XRD, with the reconcile at which each resource first appears when an example XR of the
 * Composition can be simulated.
 */
import { isUserError } from '../errors';
import { compositionDataFlow, dataFlowMermaid, simulate } from '../simulate';
import { code, codeBlock } from './_markdown';

type Rec = Record<string, any>;

const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a Composition composes XRs of group `group` and kind `kind`. */
function composesKind(comp: unknown, group: string, kind: string): comp is Rec {
  if (!isRec(comp) || comp.kind !== 'Composition' || !isRec(comp.spec) || !isRec(comp.spec.compositeTypeRef)) return false;
  const ref = comp.spec.compositeTypeRef;
  return ref.kind === kind && String(ref.apiVersion ?? '').split('/')[0] === group;
}

/**
 * The first reconcile of each composed resource, from simulating the first example XR this
 * Composition accepts (its selector labels must match); undefined when none can be simulated.
 */
function firstAppearance(comp: Rec, xrd: object, examples: readonly object[], kind: string): Readonly<Record<string, number>> | undefined {
  for (const xr of examples) {
    if (!isRec(xr) || xr.kind !== kind) continue;
    try {
      return simulate({ xr, composition: comp, xrd }).firstAppearance;
    } catch (err) {
      // Not this Composition's XR (its selector wants another), or not simulatable offline.
      if (!isUserError(err)) throw err;
    }
  }
  return undefined;
}

/** The section for the XRD of `group`/`kind`, or undefined when no Composition composes it. */
export function dataFlowSection(xrd: object, group: string, kind: string, compositions: readonly object[], examples: readonly object[]): string | undefined {
  const mine = compositions.filter((c) => composesKind(c, group, kind));
  if (mine.length === 0) return undefined;
  const out = ['## Data flow', 'How each Composition moves data: XR fields through their transforms into composed fields, '
    + 'composed status back into the XR status, and (dotted) the resources a `Required` patch makes wait for another. '
    + 'With an example XR, each resource shows the reconcile at which a simulation first composes it.'];
  for (const comp of mine) {
    const name = isRec(comp.metadata) ? String(comp.metadata.name ?? '') : '';
    out.push(`### ${code(name)}`);
    out.push(codeBlock('mermaid', dataFlowMermaid(compositionDataFlow(comp), { firstAppearance: firstAppearance(comp, xrd, examples, kind) }).trimEnd()));
  }
  return out.join('\n\n');
}
