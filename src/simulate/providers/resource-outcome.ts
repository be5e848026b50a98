/**
 * What happens to one composed resource in a simulation, other than becoming ready: it stays
 * unready, or its provider fails to create it. For testing how the XR reports such resources.
 */

/** How a composed resource behaves in a simulation. */
export class ResourceOutcome {
  /**
   * The resource is created but never becomes ready: a managed resource reports `Ready`
   * `False` (reason `Creating`); a Kubernetes kind gets no status (a Deployment never becomes
   * Available). Kinds Kubernetes always counts as ready (a ConfigMap) stay ready.
   */
  public static unready(): ResourceOutcome {
    return new ResourceOutcome('unready', '');
  }

  /**
   * The provider fails: a managed resource reports `Synced` `False` (reason `ReconcileError`)
   * with `message` and is never ready; for a Kubernetes kind the API server rejects the apply,
   * so the resource never exists.
   */
  public static fail(message: string): ResourceOutcome {
    return new ResourceOutcome('fail', message);
  }

  private constructor(
    /** `unready` or `fail`. */
    public readonly kind: 'unready' | 'fail',
    /** The failure message (`fail` only). */
    public readonly message: string,
  ) {}
}
