/**
 * Rendering helpers for jest: render a Composition (a construct, a cdk8s ApiObject, YAML text
 * or a plain object) for an example XR, and snapshot the YAML `crossplane composition render` would
 * print (or, with `output: 'classic'`, the classic `crossplane render` of Crossplane v2.2 and earlier).
 */
import { parseYamlDocuments, render } from '../engine';
import type { RenderOptions, RenderResult } from '../engine';
import { UserError } from '../errors';

/** Anything that renders to a Kubernetes object: a construct or ApiObject with `toJson()`. */
export interface JsonRenderable {
  /** The object as JSON. */
  toJson(): unknown;
}

/** Options of {@link renderComposition}: those of `render()`, with looser object inputs. */
export interface RenderCompositionOptions extends Omit<RenderOptions, 'xr' | 'composition' | 'observed' | 'xrd' | 'requiredResources'> {
  /** The XR: a plain object, YAML text, or anything with `toJson()`. */
  readonly xr: unknown;
  /** The Composition: a Composition construct, an ApiObject, YAML text or a plain object. */
  readonly composition: unknown;
  /**
   * Observed composed resources (objects, YAML text with several documents, or `toJson()`-ables).
   * @default - none
   */
  readonly observed?: unknown;
  /**
   * The XRD whose defaults apply to the XR.
   * @default - no defaulting
   */
  readonly xrd?: unknown;
  /**
   * Resources served to functions' requirements, e.g. `EnvironmentConfig` constructs (objects,
   * YAML text with several documents, or `toJson()`-ables).
   * @default - none
   */
  readonly requiredResources?: unknown;
}

/** The parts of a Composition construct the helpers read (duck-typed, no import cycle). */
interface CompositionLike {
  /** The L1 object. */
  readonly resource: JsonRenderable;
  /** The function packages of the pipeline. */
  readonly functionPackages?: readonly { readonly name: string; readonly packageReference: string }[];
}

function isCompositionLike(v: unknown): v is CompositionLike {
  const r = (v as { resource?: unknown } | null)?.resource;
  return typeof v === 'object' && v !== null && typeof (r as JsonRenderable | undefined)?.toJson === 'function';
}

/** Turns a construct, ApiObject, YAML text or plain object into plain objects. */
export function toObjects(value: unknown, what: string): Record<string, unknown>[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return parseYamlDocuments(value, what).map((d) => d.object);
  if (Array.isArray(value)) return value.flatMap((v, i) => toObjects(v, `${what}[${i}]`));
  if (typeof (value as JsonRenderable).toJson === 'function') return toObjects((value as JsonRenderable).toJson(), what);
  if (isCompositionLike(value)) return toObjects(value.resource.toJson(), what);
  // Any other construct of ours (an XRD, a Function) renders through its L1 child `Resource`.
  const child = (value as { node?: { defaultChild?: unknown } }).node?.defaultChild as JsonRenderable | undefined;
  if (typeof child?.toJson === 'function') return toObjects(child.toJson(), what);
  if (typeof value === 'object') return [value as Record<string, unknown>];
  throw new UserError(`${what} must be an object, YAML text or a construct with toJson(), got ${typeof value}`);
}

/**
 * The one object a value stands for.
 * @internal
 */
export function one(value: unknown, what: string): Record<string, unknown> {
  const list = toObjects(value, what);
  if (list.length !== 1) throw new UserError(`${what} must be exactly one object, got ${list.length}`);
  return list[0];
}

/**
 * The Function objects of a Composition construct's pipeline, so steps resolve by package
 * whatever the function names are.
 * @internal
 */
export function functionsOf(composition: unknown): Record<string, unknown>[] | undefined {
  if (!isCompositionLike(composition) || !composition.functionPackages) return undefined;
  const seen = new Map<string, Record<string, unknown>>();
  for (const pkg of composition.functionPackages) {
    seen.set(pkg.name, { apiVersion: 'pkg.crossplane.io/v1', kind: 'Function', metadata: { name: pkg.name }, spec: { package: pkg.packageReference } });
  }
  return [...seen.values()];
}

/**
 * Renders a Composition for an XR, offline, as `crossplane composition render` does (one XR
 * reconcile; `output: 'classic'` for the v2.2 output). A Composition
 * construct brings its own Function objects (from its pipeline's packages) unless `functions`
 * is given.
 */
export function renderComposition(options: RenderCompositionOptions): RenderResult {
  return render({ ...options, ...pipelineInputs(options), observed: toObjects(options.observed, 'observed') });
}

/** The loose inputs renderComposition and simulateComposition both take. */
export interface LoosePipelineInputs {
  readonly xr: unknown;
  readonly composition: unknown;
  readonly xrd?: unknown;
  readonly functions?: readonly unknown[];
  readonly requiredResources?: unknown;
}

/**
 * @internal The shared inputs as plain objects: the Composition construct's Function objects
 * unless `functions` is given, and constructs, ApiObjects and YAML text turned into objects.
 */
export function pipelineInputs(options: LoosePipelineInputs) {
  return {
    functions: options.functions ?? functionsOf(options.composition),
    xr: one(options.xr, 'xr'),
    composition: one(options.composition, 'composition'),
    requiredResources: toObjects(options.requiredResources, 'requiredResources'),
    xrd: options.xrd === undefined ? undefined : one(options.xrd, 'xrd'),
  };
}

/** A value whose jest snapshot is the YAML stream itself (no quotes, no escapes). */
export class YamlSnapshot {
  public constructor(
    /** The YAML text. */
    public readonly yaml: string,
  ) {}

  /** The YAML text. */
  public toString(): string {
    return this.yaml;
  }
}

/** The YAML stream of a render result, ready for `toMatchSnapshot()`. */
export function toYamlSnapshot(result: RenderResult): YamlSnapshot {
  return new YamlSnapshot(result.toYaml());
}

/** Jest snapshot serializer printing {@link YamlSnapshot}s verbatim (registered by `setupMatchers`). */
export const yamlSnapshotSerializer = {
  test: (v: unknown): boolean => v instanceof YamlSnapshot,
  serialize: (v: YamlSnapshot): string => v.yaml,
};
