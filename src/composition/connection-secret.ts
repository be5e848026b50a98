import { Patch } from '../pt/patch';

/** The fields of the connection Secret reference that its patches may write. */
export interface ConnectionSecretRefFields {
  /** Name of the Secret. */
  readonly name: string;
  /** Namespace of the Secret. */
  readonly namespace: string;
}

/**
 * Where P&T writes the connection Secret of a modern (v2) XR: the input's
 * `writeConnectionSecretToRef` (reference §3.10).
 */
export interface WriteConnectionSecretToRef<XR = any> {
  /**
   * Name of the Secret.
   *
   * @default - `<xr-name>-connection` when neither `name` nor `namespace` is set; once
   * `namespace` is set, P&T takes `name` as given, so set it (or patch it) too (reference §3.10)
   */
  readonly name?: string;
  /**
   * Namespace of the Secret.
   *
   * @default - the XR's namespace (a cluster-scoped XR has none: set one)
   */
  readonly namespace?: string;
  /**
   * Patches from the XR into `name` / `namespace`; only `Patch.fromCompositeFieldPath` and
   * `Patch.combineFromComposite` are allowed.
   *
   * @default - none
   */
  readonly patches?: readonly Patch<XR, ConnectionSecretRefFields>[];
}
