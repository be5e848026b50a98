/**
 * The composition function protocol as plain objects (reference §4.1), shared by every step
 * of the offline pipeline: the built-in functions and the JavaScript implementations users
 * add for other functions.
 *
 * Values use Go's number types (see `go/values.ts`): between steps Crossplane moves every object
 * through a protobuf `Struct`, so the pipeline hands each step plain numbers (Go float64).
 */
import type { ObjectValue } from './go/values';

/** Readiness of a desired resource, as the protocol's `Ready` enum. */
export type Readiness = 'READY_UNSPECIFIED' | 'READY_TRUE' | 'READY_FALSE';

/** Severity of a function result. */
export type Severity = 'SEVERITY_FATAL' | 'SEVERITY_WARNING' | 'SEVERITY_NORMAL' | 'SEVERITY_UNSPECIFIED';

/** One resource in observed or desired state. */
export interface ResourceState {
  /** The object itself. */
  resource: ObjectValue;
  /**
   * Connection details as raw text (the protocol carries bytes; we keep them decoded).
   * @default - none
   */
  connectionDetails?: Record<string, string>;
  /**
   * Readiness, only meaningful in desired state.
   * @default 'READY_UNSPECIFIED'
   */
  ready?: Readiness;
}

/** Observed or desired state of the XR and its composed resources. */
export interface State {
  /** The composite resource (XR). Absent in desired state until a step sets it. */
  composite?: ResourceState;
  /** Composed resources keyed by composition resource name. */
  resources: Record<string, ResourceState>;
}

/** A function result (a warning or a normal event; a fatal one stops the pipeline). */
export interface FunctionResult {
  /** How serious the result is. */
  severity: Severity;
  /** Human-readable message. */
  message: string;
  /**
   * Machine-readable reason.
   * @default - none
   */
  reason?: string;
  /**
   * Whether Crossplane also reports the result on the claim.
   * @default 'TARGET_COMPOSITE'
   */
  target?: Target;
}

/** Where Crossplane reports a result or a condition: the XR, or the XR and its claim. */
export type Target = 'TARGET_COMPOSITE' | 'TARGET_COMPOSITE_AND_CLAIM';

/** A condition a function asks Crossplane to set on the XR. */
export interface FunctionCondition {
  /** Condition type, e.g. `DatabaseReady`. */
  type: string;
  /** Condition status. */
  status: 'STATUS_CONDITION_TRUE' | 'STATUS_CONDITION_FALSE' | 'STATUS_CONDITION_UNKNOWN' | 'STATUS_CONDITION_UNSPECIFIED';
  /** Condition reason. */
  reason: string;
  /**
   * Condition message.
   * @default - none
   */
  message?: string;
  /**
   * Whether Crossplane also sets the condition on the claim.
   * @default 'TARGET_COMPOSITE'
   */
  target?: Target;
}

/** Selects resources a function requires (apiVersion + kind, then a name or labels). */
export interface ResourceSelector {
  /** apiVersion of the resources. */
  apiVersion: string;
  /** kind of the resources. */
  kind: string;
  /**
   * Match one resource by name.
   * @default - match by labels
   */
  matchName?: string;
  /**
   * Match resources carrying all of these labels.
   * @default - match by name
   */
  matchLabels?: Record<string, string>;
  /**
   * Namespace of the resources.
   * @default - any namespace
   */
  namespace?: string;
}

/** What one step receives. */
export interface FunctionRequest {
  /** The XR and the composed resources that exist. */
  observed: State;
  /** What earlier steps want (empty for the first step). */
  desired: State;
  /**
   * The step's `input`.
   * @default - none
   */
  input?: ObjectValue;
  /** Context carried from step to step. */
  context: ObjectValue;
  /** Credentials by name (Secret data, decoded). */
  credentials: Record<string, Record<string, string>>;
  /** Resources the step required, by requirement name. */
  requiredResources: Record<string, ObjectValue[]>;
  /**
   * Resources served for the deprecated `requirements.extraResources` field, by name (older
   * functions read them here).
   * @default - none
   */
  extraResources?: Record<string, ObjectValue[]>;
}

/** What a function asks Crossplane to fetch before calling it again. */
export interface Requirements {
  /**
   * Resources by requirement name, served in the request's `requiredResources`.
   * @default - none
   */
  resources?: Record<string, ResourceSelector>;
  /**
   * The deprecated form of `resources`, served in the request's `extraResources`.
   * @default - none
   */
  extraResources?: Record<string, ResourceSelector>;
}

/** What one step returns. */
export interface FunctionResponse {
  /** The whole desired state the function wants (anything omitted is dropped). */
  desired: State;
  /** The context for the next step. */
  context: ObjectValue;
  /** Results (fatal ones stop the pipeline). */
  results: FunctionResult[];
  /**
   * Conditions to set on the XR.
   * @default - none
   */
  conditions?: FunctionCondition[];
  /**
   * Resources the function needs; the pipeline calls the step again with them.
   * @default - none
   */
  requirements?: Requirements;
}

/**
 * A composition function implemented in JavaScript. It must be synchronous: the offline
 * renderer runs thousands of renders per second and never awaits.
 */
export type CompositionFunctionImpl = (request: FunctionRequest) => FunctionResponse;

/** Context key under which the Composition environment travels (reference §3.11). */
export const ENVIRONMENT_CONTEXT_KEY = 'apiextensions.crossplane.io/environment';
