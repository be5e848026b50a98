/**
 * Results computed from a caller's JSON value (a Composition's step input), remembered for as
 * long as the value holds the same content. Renders of one Composition decode and validate the
 * same input again and again, but callers may change their objects between two renders (a test
 * that edits a patch and renders again), so identity alone cannot tell that nothing changed,
 * and a content hash would cost about as much as the work it saves.
 *
 * The memo keeps a trace of the value instead: every object and array it reached (by identity),
 * each array's length, each object's keys and every primitive, in walk order. A later call walks
 * the value and compares it with the trace, allocating nothing; any change (a field set,
 * added or deleted anywhere, an object replaced by an equal copy) computes the result again.
 * Results may therefore hold the value's own objects: the walk covers all of them.
 */

/** Closes an object's keys in a trace (no key is a symbol). */
const END = Symbol('end');

/** Appends `v` and everything under it to `trace`. */
function record(v: unknown, trace: unknown[]): void {
  trace.push(v);
  if (typeof v !== 'object' || v === null) return;
  if (Array.isArray(v)) {
    trace.push(v.length);
    for (let i = 0; i < v.length; i++) record(v[i], trace);
    return;
  }
  // for-in allocates nothing; both walks see the same keys in the same order.
  const o = v as Record<string, unknown>;
  for (const k in o) {
    trace.push(k);
    record(o[k], trace);
  }
  trace.push(END);
}

/** The trace index after `v` when `v` matches the trace from `i`, else -1. */
function match(v: unknown, trace: readonly unknown[], i: number): number {
  if (trace[i] !== v) return -1;
  let at = i + 1;
  if (typeof v !== 'object' || v === null) return at;
  // Leaves (most of a value) are compared here rather than by a call each.
  if (Array.isArray(v)) {
    if (trace[at] !== v.length) return -1;
    at++;
    for (let j = 0; j < v.length; j++) {
      const e: unknown = v[j];
      if (typeof e !== 'object' || e === null) {
        if (trace[at] !== e) return -1;
        at++;
      } else {
        at = match(e, trace, at);
        if (at < 0) return -1;
      }
    }
    return at;
  }
  const o = v as Record<string, unknown>;
  for (const k in o) {
    if (trace[at] !== k) return -1;
    const e = o[k];
    if (typeof e !== 'object' || e === null) {
      if (trace[at + 1] !== e) return -1;
      at += 2;
    } else {
      at = match(e, trace, at + 1);
      if (at < 0) return -1;
    }
  }
  return trace[at] === END ? at + 1 : -1;
}

/**
 * Renders under way (nested renders count) and a number that changes whenever one starts or
 * ends: a value checked during a render is not checked again before that number changes.
 */
let rendering = 0;
let generation = 0;

/**
 * Runs one render: while it runs, a value found unchanged once is taken as unchanged (a render
 * does not change its own inputs: built-in functions only read them, other functions get
 * copies), so the step runner and the function reading the same step input walk it once.
 */
export function duringRender<T>(run: () => T): T {
  rendering++;
  generation++;
  try {
    return run();
  } finally {
    rendering--;
    generation++;
  }
}

/**
 * Facts about objects that hold for the rest of the current render only: the caller may change
 * its objects between renders, and nothing is remembered outside a render. A render reads an
 * object it does not own (an observed resource used in place) without changing it, so what it
 * learnt by walking one once stays true until the render ends.
 */
export class RenderMemo<T> {
  private readonly entries = new WeakMap<object, { readonly generation: number; readonly value: T }>();

  /** Remembers `value` for `o` until the current render ends (outside a render: not at all). */
  public set(o: object, value: T): void {
    if (rendering > 0) this.entries.set(o, { generation, value });
  }

  /** What was remembered for `o` in the current render, if anything. */
  public get(o: object): T | undefined {
    const e = this.entries.get(o);
    return e !== undefined && rendering > 0 && e.generation === generation ? e.value : undefined;
  }
}

/** A value's content as last seen: the same object for as long as the content is unchanged. */
interface Snapshot {
  readonly trace: readonly unknown[];
  /** The generation in which the value last matched the trace. */
  checked: number;
}

/** Snapshots by value, shared by every memo: a value is walked once per render, whatever reads it. */
const snapshots = new WeakMap<object, Snapshot>();

function snapshotOf(value: object): Snapshot {
  const s = snapshots.get(value);
  if (s !== undefined) {
    if (rendering > 0 && s.checked === generation) return s;
    if (match(value, s.trace, 0) === s.trace.length) {
      s.checked = generation;
      return s;
    }
  }
  const trace: unknown[] = [];
  record(value, trace);
  const fresh: Snapshot = { trace, checked: generation };
  snapshots.set(value, fresh);
  return fresh;
}

/** A memo of results per JSON value, valid while the value's content is unchanged. */
export class ContentMemo<T> {
  private readonly entries = new WeakMap<object, { readonly snapshot: Snapshot; readonly result: T }>();

  /**
   * The result of `compute()` for `value`: remembered from an earlier call when `value` still
   * holds the same content. `compute` must not modify `value`, and callers must not modify the
   * result (it is shared by every call).
   */
  public get(value: object, compute: () => T): T {
    const snapshot = snapshotOf(value);
    const e = this.entries.get(value);
    if (e !== undefined && e.snapshot === snapshot) return e.result;
    const result = compute();
    this.entries.set(value, { snapshot, result });
    return result;
  }
}
