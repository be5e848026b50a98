/**
 * The engine's errors, and which of them reach users.
 *
 * Reach users, all `UserError`s (message complete, printed without a stack):
 * - {@link RenderError}: `render()` rejected its input, or the pipeline failed (it carries a
 *   {@link PipelineError}'s message).
 * - {@link PipelineError}: `runPipeline()` met a fatal result, an unknown Function, a Function
 *   without implementation, missing step credentials or unstable requirements.
 * - Function errors a caller can meet by calling a function's exported helpers directly (a
 *   transform's `TransformError`, a patch's `PatchError`): defined in the function's folder.
 *   Inside a render they never escape: the function turns them into a fatal result, which
 *   reaches the user as a RenderError.
 * - `load.ts`, `xrd-defaults.ts` and `output.ts` throw plain `UserError`s: unreadable files,
 *   an XR its XRD does not serve, output `crossplane render` itself refuses to print.
 *
 * - The reconcile's own errors (`reconcile/`: `ReconcileInputError`, `ComposeError`) never leave
 *   `render()`: they become a RenderError with the Crossplane CLI's wording ("cannot render
 *   composite resource: ..."), `fatal` set for a fatal result, and the partial output attached.
 *
 * Never reach users on their own: the Go package's errors (go/: json, regexp, quantity,
 * `WrappedError`) and crossplane-runtime's (runtime/: field paths, merge) extend `Error`,
 * because go/ imports nothing from the project; functions quote their message in a result, as
 * the Go code they port does.
 */
import { UserError } from '../errors';
import type { RenderResult } from './render-result';

/** A failure of the pipeline (a fatal result, an unknown or unimplemented Function). */
export class PipelineError extends UserError {
  public constructor(message: string, public readonly step?: string) {
    super(message);
    this.name = 'PipelineError';
  }
}

/** A render input problem or a pipeline failure. */
export class RenderError extends UserError {
  /**
   * What the reconcile wrote before a step returned a fatal result (reconcile output only): the
   * XR with `Synced: False` and the events so far, as `crossplane internal render` returns them
   * beside the error. The `crossplane composition render` command prints none of it.
   */
  public partial?: RenderResult;

  public constructor(
    message: string,
    /** Whether the input was rejected before running, or the pipeline failed. */
    public readonly phase: 'input' | 'pipeline' = 'input',
    /** The Composition field at fault, for structural problems. */
    public readonly field?: string,
    /** Whether a pipeline step returned a fatal result (Crossplane's `PipelineFatalError`). */
    public readonly fatal = false,
  ) {
    super(message);
    this.name = 'RenderError';
  }
}
