/**
 * The `Required` patches patch-and-transform skipped in a reconcile. P&T reports each as a
 * warning result (fn.go: "not adding new composed resource ... because ... patch at index N
 * has 'policy.fromFieldPath: Required'" when the resource does not exist yet, "ignoring
 * 'policy.fromFieldPath: Required' because 'to' resource already exists" when it does); the
 * patch itself is looked up in the Composition's data flow, to name the field it reads.
 */
import type { StepResult } from '../engine/pipeline';
import type { DataFlow } from './data-flow';
import { writersOf } from './data-flow';
import type { SkippedPatch } from './timeline';

const NOT_ADDED = /^not adding new composed resource "((?:[^"\\]|\\.)*)" to desired state because "(\w+)" patch at index (\d+) has 'policy\.fromFieldPath: Required'/;
const KEPT = /^cannot render composed resource "((?:[^"\\]|\\.)*)" "(\w+)" patch at index (\d+): ignoring 'policy\.fromFieldPath: Required' because 'to' resource already exists/;

/** The skipped `Required` patches among a reconcile's results. */
export function skippedPatches(results: readonly StepResult[], flow: DataFlow): SkippedPatch[] {
  const out: SkippedPatch[] = [];
  for (const r of results) {
    const m = NOT_ADDED.exec(r.message) ?? KEPT.exec(r.message);
    if (!m) continue;
    const resource = JSON.parse(`"${m[1]}"`) as string;
    const patchIndex = Number(m[3]);
    const patch = flow.resources.find((t) => t.step === r.step && t.name === resource)?.patches[patchIndex];
    const fields = patch?.from ?? [];
    const field = fields.length === 1 ? fields[0] : fields.join(', ');
    out.push({
      resource, step: r.step, patchIndex, type: m[2], field, to: patch?.to ?? '',
      blocksCreation: r.message.startsWith('not adding'),
      setBy: patch?.fromEnd === 'xr' ? fields.flatMap((f) => writersOf(flow, f)).map((w) => ({ resource: w.resource, path: w.field })) : [],
      message: r.message,
    });
  }
  return out;
}
