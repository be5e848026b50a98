import { IConstruct } from 'constructs';
import { JsonSchema } from '../schema/json-schema';

/** How Crossplane scopes the composite resources of an XRD. */
export enum XrdScope {
  /** A v2 XR that lives in a namespace and composes namespaced resources only. */
  NAMESPACED = 'Namespaced',
  /** A v2 XR without a namespace. */
  CLUSTER = 'Cluster',
  /** A Crossplane v1 XR (cluster scoped, optional claims, connection secret keys). */
  LEGACY_CLUSTER = 'LegacyCluster',
}

/**
 * What a Composition, the validator and the jest helpers need to know of an XRD, whoever
 * built it. `XR` is the static type of the composite resource (phantom: only used for typing).
 */
export interface ICompositeResourceDefinition<XR = unknown> extends IConstruct {
  /** API group of the XR, e.g. `platform.example.org`. */
  readonly group: string;
  /** Kind of the XR, e.g. `XNetwork`. */
  readonly kind: string;
  /** `metadata.name` of the XRD: `<plural>.<group>`. */
  readonly name: string;
  readonly scope: XrdScope;
  /** Name of the one version marked `referenceable`, e.g. `v1alpha1`. */
  readonly referenceableVersion: string;
  /** `<group>/<referenceableVersion>`: what Compositions put in `compositeTypeRef.apiVersion`. */
  readonly compositeApiVersion: string;
  /** The `openAPIV3Schema` of the referenceable version, exactly as written in the XRD. */
  readonly referenceableSchema: JsonSchema;
  /**
   * Phantom member that carries the XR type to typed APIs (patch lambdas); never set at run time.
   * Public on purpose: the published declarations must keep it for the inference to work.
   */
  readonly _xr?: XR;
}
