/**
 * gRPC's limit on received messages, as it bounds what one pipeline step can exchange.
 *
 * Crossplane calls functions over gRPC and sets no receive limit of its own: the client
 * connections of crossplane/crossplane `internal/xfn/function_runner.go` (the cluster) and
 * `internal/render/runner.go` (`crossplane render`; `cmd/crank/render/render.go` before it)
 * pass no `MaxCallRecvMsgSize`, so grpc-go's default applies (`clientconn.go`
 * `defaultClientMaxReceiveMessageSize = 1024 * 1024 * 4`). Functions built on
 * crossplane/function-sdk-go serve with the same default on their side (`sdk.go`
 * `DefaultMaxRecvMsgSize`; function-go-templating and function-patch-and-transform expose it
 * as a flag defaulting to 4 MB). A RunFunctionResponse or a RunFunctionRequest whose protobuf
 * encoding is longer fails the call with grpc-go's `recvMsg` status, `ResourceExhausted`
 * `grpc: received message larger than max (N vs. 4194304)`, before the receiver reads it.
 *
 * The sizes follow crossplane/crossplane `proto/fn/v1/run_function.proto` (at 2d040d2daf4e; the
 * same fields in function-sdk-go `proto/v1`). Fields the offline pipeline does not model
 * (required schemas, a response's `output`) count as absent.
 */
import { RenderMemo } from './content-memo';
import { delimitedSize, stringBytes, structSize, structUpperToStruct, varintSize } from './go/protobuf-size';
import type { StringCount } from './go/protobuf-size';
import type { ObjectValue } from './go/values';
import type {
  FunctionCondition, FunctionRequest, FunctionResponse, FunctionResult, ResourceSelector, ResourceState, State,
} from './protocol';

/** grpc-go's default maximum size of a received message, in bytes (4 MiB). */
export const MAX_RECEIVE_MESSAGE_SIZE = 4 * 1024 * 1024;

/**
 * How Crossplane frames the messages of a step. Crossplane's composer tags each request with
 * the hex SHA-256 of the request (`composition_functions.go` `Tag`), which functions built on
 * function-sdk-go copy into their response's meta (`response.To`, with a 60 s TTL); the
 * `crossplane render` of cmd/crank sends no tag.
 */
export interface MessageFraming {
  /**
   * Whether requests carry the 64-character tag.
   * @default false
   */
  readonly tagged?: boolean;
}

/** The five capabilities Crossplane announces (`xfn.SupportedCapabilities`), packed: tag, length, five one-byte enums. */
const CAPABILITIES_SIZE = 1 + 1 + 5;
const TAG_SIZE = delimitedSize(64);
/** `ttl` of the response meta: a Duration of 60 seconds (`seconds = 60`: tag and one byte). */
const TTL_SIZE = delimitedSize(2);

/** `RequestMeta { string tag = 1; repeated Capability capabilities = 2 }`. */
function requestMetaSize(framing: MessageFraming): number {
  return (framing.tagged ? TAG_SIZE : 0) + CAPABILITIES_SIZE;
}

/** `ResponseMeta { string tag = 1; optional Duration ttl = 2 }`. */
function responseMetaSize(framing: MessageFraming): number {
  return (framing.tagged ? TAG_SIZE : 0) + TTL_SIZE;
}

/** An enum field: tag and value varint; proto3 leaves out the zero value unless the field is optional. */
function enumSize(n: number, optional = false): number {
  return n === 0 && !optional ? 0 : 1 + varintSize(n);
}

function stringField(s: string | undefined, count: StringCount, optional = false): number {
  if (s === undefined) return 0;
  const n = stringBytes(s, count);
  return n === 0 && !optional ? 0 : delimitedSize(n);
}

/** A `map<string, X>` field: one entry per key, each holding the key and the value message. */
function mapSize<T>(m: Readonly<Record<string, T>> | undefined, count: StringCount, value: (v: T) => number): number {
  let size = 0;
  if (!m) return 0;
  for (const k in m) size += delimitedSize(delimitedSize(stringBytes(k, count)) + delimitedSize(value(m[k])));
  return size;
}

const READY: Record<string, number> = { READY_UNSPECIFIED: 0, READY_TRUE: 1, READY_FALSE: 2 };
const SEVERITY: Record<string, number> = { SEVERITY_UNSPECIFIED: 0, SEVERITY_FATAL: 1, SEVERITY_WARNING: 2, SEVERITY_NORMAL: 3 };
const TARGET: Record<string, number> = { TARGET_UNSPECIFIED: 0, TARGET_COMPOSITE: 1, TARGET_COMPOSITE_AND_CLAIM: 2 };
const STATUS: Record<string, number> = {
  STATUS_CONDITION_UNSPECIFIED: 0, STATUS_CONDITION_UNKNOWN: 1, STATUS_CONDITION_TRUE: 2, STATUS_CONDITION_FALSE: 3,
};

/**
 * `upper` sizes of the Structs of objects a render reads in place without changing them (the
 * caller's observed resources), measured when the render checked their form: a state holding
 * them is counted without walking them again. See {@link rememberStructUpper}.
 */
const STRUCT_UPPERS = new RenderMemo<number>();

/**
 * Remembers, until the current render ends, the `upper` size of `o`'s Struct, for an object that
 * nothing changes before then.
 */
export function rememberStructUpper(o: ObjectValue, size: number): void {
  STRUCT_UPPERS.set(o, size);
}

function resourceStructSize(o: ObjectValue, count: StringCount): number {
  return (count === 'upper' ? STRUCT_UPPERS.get(o) : undefined) ?? structSize(o, count);
}

/**
 * `Resource { Struct resource = 1; map<string, bytes> connection_details = 2; Ready ready = 3 }`,
 * its Struct counted already (`structBytes`).
 */
function resourceSizeWith(r: ResourceState, count: StringCount, structBytes: number): number {
  return delimitedSize(structBytes)
    + mapSize(r.connectionDetails, count, (v) => stringBytes(v ?? '', count))
    + enumSize(READY[r.ready ?? 'READY_UNSPECIFIED'] ?? 0);
}

/** `Resource { Struct resource = 1; map<string, bytes> connection_details = 2; Ready ready = 3 }`. */
export function resourceSize(r: ResourceState, count: StringCount): number {
  return resourceSizeWith(r, count, resourceStructSize(r.resource ?? {}, count));
}

/** `State { Resource composite = 1; map<string, Resource> resources = 2 }`. */
export function stateSize(s: State, count: StringCount): number {
  return (s.composite ? delimitedSize(resourceSize(s.composite, count)) : 0)
    + mapSize(s.resources, count, (r) => resourceSize(r, count));
}

function resourceUpperToStruct(r: ResourceState): number {
  return resourceSizeWith(r, 'upper', r.resource ? structUpperToStruct(r.resource) : 0);
}

/**
 * `stateSize(s, 'upper')` of a state a built-in function returned (objects the pipeline owns),
 * turning its int64 values into float64 in place as it counts them (see
 * {@link structUpperToStruct}): the state is then as it crosses the step boundary.
 */
export function stateUpperToStruct(s: State): number {
  return (s.composite ? delimitedSize(resourceUpperToStruct(s.composite)) : 0)
    + mapSize(s.resources, 'upper', resourceUpperToStruct);
}

/** `Resources { repeated Resource items = 1 }`, each item holding only its Struct. */
function resourcesSize(items: readonly ObjectValue[], count: StringCount): number {
  let size = 0;
  for (const o of items) size += delimitedSize(delimitedSize(structSize(o, count)));
  return size;
}

/**
 * Sizes of parts of a message already counted with the same {@link StringCount}: the states
 * (without their tag and length) and the step input (the Struct's fields).
 */
export interface KnownSizes {
  /** @default - counted */
  readonly observed?: number;
  /** @default - counted */
  readonly desired?: number;
  /** @default - counted */
  readonly input?: number;
}

/**
 * Bytes of the RunFunctionRequest Crossplane sends for `req`: meta, observed and desired state,
 * the input, the context (always set), extra and required resources, and credentials
 * (`Credentials { CredentialData credential_data = 1 }`, `CredentialData { map<string, bytes> data = 1 }`).
 */
export function requestSize(req: FunctionRequest, framing: MessageFraming = {}, count: StringCount = 'exact', known: KnownSizes = {}): number {
  return delimitedSize(requestMetaSize(framing))
    + delimitedSize(known.observed ?? stateSize(req.observed, count))
    + delimitedSize(known.desired ?? stateSize(req.desired, count))
    + (req.input ? delimitedSize(known.input ?? structSize(req.input, count)) : 0)
    + delimitedSize(structSize(req.context ?? {}, count))
    + mapSize(req.extraResources, count, (items) => resourcesSize(items ?? [], count))
    + mapSize(req.credentials, count, (data) => delimitedSize(mapSize(data, count, (v) => stringBytes(v ?? '', count))))
    + mapSize(req.requiredResources, count, (items) => resourcesSize(items ?? [], count));
}

/** `Result { Severity severity = 1; string message = 2; optional string reason = 3; optional Target target = 4 }`. */
function resultSize(r: FunctionResult, count: StringCount): number {
  return enumSize(SEVERITY[r.severity] ?? 0) + stringField(r.message, count)
    + stringField(r.reason, count, true) + enumSize(TARGET[r.target ?? 'TARGET_COMPOSITE'] ?? 0, true);
}

/** `Condition { string type = 1; Status status = 2; string reason = 3; optional string message = 4; optional Target target = 5 }`. */
function conditionSize(c: FunctionCondition, count: StringCount): number {
  return stringField(c.type, count) + enumSize(STATUS[c.status] ?? 0) + stringField(c.reason, count)
    + stringField(c.message, count, true) + enumSize(TARGET[c.target ?? 'TARGET_COMPOSITE'] ?? 0, true);
}

/**
 * `ResourceSelector { string api_version = 1; string kind = 2; oneof match { string match_name = 3;
 * MatchLabels match_labels = 4 }; optional string namespace = 5 }`, `MatchLabels { map<string, string> labels = 1 }`.
 */
function selectorSize(s: ResourceSelector, count: StringCount): number {
  const match = s.matchName !== undefined
    ? delimitedSize(stringBytes(s.matchName, count))
    : s.matchLabels !== undefined ? delimitedSize(mapSize(s.matchLabels, count, (v) => stringBytes(v ?? '', count))) : 0;
  return stringField(s.apiVersion, count) + stringField(s.kind, count) + match + stringField(s.namespace, count, true);
}

/**
 * Bytes of the RunFunctionResponse a function sends for `rsp`, as function-sdk-go builds it:
 * meta, desired state and context always set, results and conditions with their target.
 */
export function responseSize(rsp: FunctionResponse, framing: MessageFraming = {}, count: StringCount = 'exact', known: KnownSizes = {}): number {
  let size = delimitedSize(responseMetaSize(framing))
    + delimitedSize(known.desired ?? stateSize(rsp.desired ?? { resources: {} }, count))
    + delimitedSize(structSize(rsp.context ?? {}, count));
  for (const r of rsp.results ?? []) size += delimitedSize(resultSize(r, count));
  for (const c of rsp.conditions ?? []) size += delimitedSize(conditionSize(c, count));
  const reqs = rsp.requirements;
  if (reqs) {
    size += delimitedSize(mapSize(reqs.extraResources, count, (s) => selectorSize(s, count))
      + mapSize(reqs.resources, count, (s) => selectorSize(s, count)));
  }
  return size;
}

/** A message over the limit; the pipeline fails the step with {@link messageTooLargeDetail}. */
export class MessageTooLarge extends Error {
  public constructor(
    /** The size of the message, or the bound it is known to exceed. */
    public readonly size: number,
    /** Whether `size` is the exact size or only a lower bound (a function that stopped early). */
    public readonly exact: boolean,
  ) {
    super(messageTooLargeDetail(size, exact));
    this.name = 'MessageTooLarge';
  }
}

/**
 * grpc-go's status error for a message over the limit (`rpc_util.go` `recvMsg`, printed by
 * `status.Error`). A function that stops as soon as its output is certain to be too large
 * knows only a bound: then the size reads `at least N`.
 */
export function messageTooLargeDetail(size: number, exact = true): string {
  return `rpc error: code = ResourceExhausted desc = grpc: received message larger than max (${exact ? '' : 'at least '}${size} vs. ${MAX_RECEIVE_MESSAGE_SIZE})`;
}

/**
 * The size of a message when it is over the limit, or `undefined`. The cheap bound (three bytes
 * per string code unit) settles nearly every render; only a message that might be too large is
 * counted in UTF-8.
 */
export function oversize(measure: (count: StringCount) => number): number | undefined {
  if (measure('upper') <= MAX_RECEIVE_MESSAGE_SIZE) return undefined;
  const exact = measure('exact');
  return exact > MAX_RECEIVE_MESSAGE_SIZE ? exact : undefined;
}

