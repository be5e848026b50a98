/** The API version the XRD object itself is written in. */
export enum XrdApiVersion {
  /** Crossplane v1 API: the only one for `LegacyCluster` XRs, claims and connection secret keys. */
  V1 = 'apiextensions.crossplane.io/v1',
  /** Crossplane v2 API: `Namespaced` or `Cluster` XRs. */
  V2 = 'apiextensions.crossplane.io/v2',
}

/** Whether XRs follow new Composition revisions automatically. */
export enum CompositionUpdatePolicy {
  /** XRs move to the newest revision of their Composition. */
  AUTOMATIC = 'Automatic',
  /** XRs stay on their revision until someone changes it. */
  MANUAL = 'Manual',
}

/** How deleting a legacy claim deletes its composite resource. */
export enum CompositeDeletePolicy {
  /** The XR is deleted in the background. */
  BACKGROUND = 'Background',
  /** The claim waits until the XR and its resources are gone. */
  FOREGROUND = 'Foreground',
}

/** A reference to a Composition by name (a `Composition` construct fits). */
export interface CompositionReference {
  /** `metadata.name` of the Composition. */
  readonly name: string;
}

/** A label selector requirement (`matchExpressions` entry). */
export interface LabelSelectorRequirement {
  /** Label key. */
  readonly key: string;
  /** `In`, `NotIn`, `Exists` or `DoesNotExist`. */
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  /**
   * Values for `In`/`NotIn`.
   *
   * @default - none (required for In and NotIn)
   */
  readonly values?: readonly string[];
}

/** Selects Composition revisions by label. */
export interface CompositionRevisionSelector {
  /**
   * Labels a revision must carry.
   *
   * @default - no label equality requirements
   */
  readonly matchLabels?: Readonly<Record<string, string>>;
  /**
   * Set-based requirements.
   *
   * @default - none
   */
  readonly matchExpressions?: readonly LabelSelectorRequirement[];
}

/** Labels and annotations Crossplane puts on the generated XR (and claim) CRDs (`spec.metadata`). */
export interface GeneratedCrdMetadata {
  /**
   * Labels, merged over the XRD's own labels.
   *
   * @default - the XRD's own labels only
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * Annotations (the XRD's own annotations are not copied).
   *
   * @default - none
   */
  readonly annotations?: Readonly<Record<string, string>>;
}

/** A Kubernetes service that serves the conversion webhook. */
export interface ConversionWebhookService {
  /** Service name. */
  readonly name: string;
  /** Service namespace. */
  readonly namespace: string;
  /**
   * URL path of the webhook.
   *
   * @default - `/`
   */
  readonly path?: string;
  /**
   * Service port.
   *
   * @default 443
   */
  readonly port?: number;
}

/**
 * A conversion webhook between XR versions; Crossplane copies it to the XR CRD. Without one the
 * API server converts by changing `apiVersion` only (the XRD then omits `conversion`).
 */
export interface ConversionWebhook {
  /**
   * HTTPS URL of the webhook (set either this or `service`).
   *
   * @default - `service` is used
   */
  readonly url?: string;
  /**
   * In-cluster service of the webhook (set either this or `url`).
   *
   * @default - `url` is used
   */
  readonly service?: ConversionWebhookService;
  /**
   * PEM CA bundle (base64) to verify the webhook's certificate.
   *
   * @default - the API server's system trust roots
   */
  readonly caBundle?: string;
  /**
   * ConversionReview versions the webhook understands, in order of preference.
   *
   * @default ['v1']
   */
  readonly conversionReviewVersions?: readonly string[];
}
