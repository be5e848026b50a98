/**
 * What a simulation returns: the timeline of reconciles and the verdict. Plain data, so a test
 * can assert on any of it and the CLI can print it as YAML or JSON.
 */
import type { Readiness } from '../engine/protocol';
import type { StepResult } from '../engine/pipeline';

/** A field of the XR (`resource: 'xr'`) or of a composed resource. */
export interface FieldRef {
  /** `xr`, or the composition resource name. */
  readonly resource: string;
  /** The field path. */
  readonly path: string;
}

/** A composed resource whose desired state changed in a reconcile. */
export interface ChangedResource {
  /** The composition resource name. */
  readonly resource: string;
  /** The fields that changed, added or disappeared. */
  readonly fields: readonly string[];
}

/** A `Required` patch that found no value, as patch-and-transform reported it. */
export interface SkippedPatch {
  /** The composed resource the patch belongs to. */
  readonly resource: string;
  /** The pipeline step. */
  readonly step: string;
  /** The patch's index in the template (patch sets expanded). */
  readonly patchIndex: number;
  /** The patch type. */
  readonly type: string;
  /** The field the patch reads and found missing (`status.nodeServiceAccount` of the XR). */
  readonly field: string;
  /** The field it would have written. */
  readonly to: string;
  /** `true`: the resource was left out; `false`: it exists and keeps its value. */
  readonly blocksCreation: boolean;
  /** The resources whose status patches write the missing field, and the field they read. */
  readonly setBy: readonly FieldRef[];
  /** patch-and-transform's message. */
  readonly message: string;
}

/** A condition of the XR. */
export interface XrCondition {
  /** Condition type. */
  readonly type: string;
  /** `True`, `False` or `Unknown`. */
  readonly status: string;
  /** Reason. */
  readonly reason: string;
  /**
   * Message.
   * @default - none
   */
  readonly message?: string;
}

/** One reconcile of the XR, then one round of the simulated providers. */
export interface Reconcile {
  /** 1 for the first reconcile. */
  readonly number: number;
  /** Composed resources that appeared in desired state. */
  readonly created: readonly string[];
  /** Composed resources whose desired state changed. */
  readonly changed: readonly ChangedResource[];
  /** Composed resources no longer desired (garbage collected). */
  readonly deleted: readonly string[];
  /** The XR's status after the reconcile, conditions apart. */
  readonly xrStatus: Readonly<Record<string, unknown>>;
  /** The XR's conditions after the reconcile. */
  readonly conditions: readonly XrCondition[];
  /** Whether the XR is Ready after the reconcile. */
  readonly ready: boolean;
  /** Readiness of each desired composed resource. */
  readonly resourceReadiness: Readonly<Record<string, Readiness>>;
  /** `Required` patches that found no value. */
  readonly skipped: readonly SkippedPatch[];
  /** Non-fatal results of the functions (warnings included). */
  readonly results: readonly StepResult[];
  /** The composed resources as Crossplane applied them, sorted by composition resource name. */
  readonly resources: Record<string, any>[];
}

/** What a stuck XR waits on. */
export interface Wait {
  /** The composed resource that is missing or not ready. */
  readonly resource: string;
  /**
   * `required-field`: never composed, a `Required` patch found no value; `unready`: composed
   * but not ready; `failed`: its provider reports a failure.
   */
  readonly reason: 'required-field' | 'unready' | 'failed';
  /**
   * The missing field the resource reads (`required-field` only).
   * @default - none
   */
  readonly field?: string;
  /**
   * The field the patch would write (`required-field` only).
   * @default - none
   */
  readonly to?: string;
  /**
   * Resources whose status patches should set the missing field, with the field they read.
   * @default - none
   */
  readonly setBy?: readonly FieldRef[];
  /** Why, in a sentence. */
  readonly message: string;
}

/** The XR became Ready and nothing changed after. */
export interface ReadyVerdict {
  readonly kind: 'ready';
  /** The reconcile from which the XR stayed Ready. */
  readonly reconciles: number;
}

/** Nothing changes any more, and the XR is not Ready. */
export interface StuckVerdict {
  readonly kind: 'stuck';
  /** The reconcile after which nothing changed. */
  readonly reconciles: number;
  /** What the XR waits on. */
  readonly waitingOn: readonly Wait[];
}

/** The state never settled: it repeats a cycle, or the reconcile limit was reached. */
export interface OscillatingVerdict {
  readonly kind: 'oscillating';
  /** Reconciles run. */
  readonly reconciles: number;
  /** Length of the repeating cycle (0: no repetition seen before the limit). */
  readonly cycle: number;
  /** The fields that keep changing. */
  readonly fields: readonly FieldRef[];
}

/** A function returned a fatal result. */
export interface FailedVerdict {
  readonly kind: 'failed';
  /** The reconcile that failed. */
  readonly reconciles: number;
  /** The pipeline's message. */
  readonly message: string;
}

/** How a simulation ended. */
export type Verdict = ReadyVerdict | StuckVerdict | OscillatingVerdict | FailedVerdict;

/** A simulated life of an XR. */
export interface Simulation {
  /** How it ended. */
  readonly verdict: Verdict;
  /** Every reconcile, in order. */
  readonly reconciles: readonly Reconcile[];
  /** The XR at the end, with its status and conditions. */
  readonly xr: Record<string, any>;
  /** The composed resources at the end, as observed (provider status included), sorted by composition resource name. */
  readonly resources: Record<string, any>[];
  /** Readiness of each composed resource in the last reconcile. */
  readonly ready: Readonly<Record<string, Readiness>>;
  /** The reconcile at which each composed resource first appeared. */
  readonly firstAppearance: Readonly<Record<string, number>>;
}

/** The verdict in one line: `Ready after 4 reconciles`, `stuck after 2 reconciles: ...`. */
export function describeVerdict(v: Verdict): string {
  const n = (k: number) => `${k} reconcile${k === 1 ? '' : 's'}`;
  switch (v.kind) {
    case 'ready': return `Ready after ${n(v.reconciles)}`;
    case 'stuck': return `stuck after ${n(v.reconciles)}: ${v.waitingOn.map((w) => w.message).join('; ') || 'the XR is not Ready and nothing changes'}`;
    case 'oscillating': return `${v.cycle > 0 ? `oscillating with a cycle of ${n(v.cycle)}` : `not settled after ${n(v.reconciles)}`}; changing: ${v.fields.map((f) => `${f.resource} ${f.path}`).join(', ')}`;
    case 'failed': return `failed at reconcile ${v.reconciles}: ${v.message}`;
  }
}
