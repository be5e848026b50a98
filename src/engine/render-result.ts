/**
 * What `render()` returns, apart from render itself so that its errors can carry a partial
 * result without an import cycle.
 */
import type { Readiness } from './protocol';

/**
 * A `Result` document (`render.crossplane.io/v1beta1`). Reconcile output: an event, with
 * `severity` `Normal` or `Warning` and a `reason`. Classic output: a function result, with its
 * `step` and a `SEVERITY_*` severity.
 */
export interface RenderResultDocument {
  readonly apiVersion: 'render.crossplane.io/v1beta1';
  readonly kind: 'Result';
  /**
   * The pipeline step (classic output only).
   * @default - none
   */
  readonly step?: string;
  readonly severity: string;
  /**
   * The event reason (reconcile output only).
   * @default - none
   */
  readonly reason?: string;
  readonly message: string;
}

/** What {@link render} returns. */
export interface RenderResult {
  /** The rendered XR, as printed. */
  readonly xr: Record<string, any>;
  /** Composed resources sorted by composition resource name, as printed. */
  readonly resources: Record<string, any>[];
  /** Reconcile events, or (classic) non-fatal function results: always collected, printed only with `includeFunctionResults`. */
  readonly results: RenderResultDocument[];
  /** The final context document (always collected; printed only with `includeContext`; `{}` when the pipeline did not finish). */
  readonly context: Record<string, any>;
  /**
   * Composed resources the reconcile garbage collected, as they were before deletion (reconcile
   * output; not printed, as the Crossplane CLI prints none; always empty in classic output).
   */
  readonly deleted: Record<string, any>[];
  /** Readiness of each desired composed resource, by composition resource name (not printed). */
  readonly ready: Readonly<Record<string, Readiness>>;
  /** The YAML stream `crossplane render` prints for these options. */
  toYaml(): string;
}
