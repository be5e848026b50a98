import { ICompositeResourceDefinition } from './xrd-ref';

/** The `metadata` of a composite resource (XR) as a composition function sees it. */
export interface CompositeResourceMetadata {
  /** Name of the XR (at most 63 characters, reference §1.3). */
  name: string;
  /** Namespace of a `Namespaced` XR; absent for cluster and legacy XRs. */
  namespace?: string;
  /** Prefix the API server completes into `name`. */
  generateName?: string;
  /** Unique id the API server assigns. */
  uid?: string;
  /** Labels, including `crossplane.io/composite` set by Crossplane. */
  labels?: Record<string, string>;
  /** Annotations. */
  annotations?: Record<string, string>;
  /** Generation of the desired state. */
  generation?: number;
  /** Resource version for optimistic concurrency. */
  resourceVersion?: string;
  /** Creation time (RFC 3339). */
  creationTimestamp?: string;
}

/**
 * The static type of a composite resource whose XRD declares `Spec` and `Status`: what
 * Composition patches read from and write to.
 */
export interface CompositeResource<Spec, Status> {
  /** `<group>/<version>`. */
  apiVersion: string;
  /** The XR kind. */
  kind: string;
  /** Object metadata. */
  metadata: CompositeResourceMetadata;
  /** The XR spec, as declared by the referenceable version's spec schema. */
  spec: Spec;
  /** The XR status, as declared by the referenceable version's status schema. */
  status: Status;
}

/**
 * The composite resource type of an XRD, e.g. `XrOf<typeof network>`, for typing patch lambdas
 * and example XRs.
 */
export type XrOf<X> = X extends ICompositeResourceDefinition<infer XR> ? XR : never;

/** Alias of `XrOf`, reading like `CompositeOf<typeof xrd>`. */
export type CompositeOf<X> = XrOf<X>;
