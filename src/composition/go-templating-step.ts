import { goTemplateProblems } from '../engine/functions/go-templating';
import { UserError } from '../errors';
import { CompositionFunction } from '../functions/composition-function';
import { FunctionPackage } from '../functions/function-package';
import type { PipelineStepOptions, StepCredential, StepInput, StepRequirements } from './pipeline-step';

/** What function-go-templating does when a template reads a missing map key (Go's `missingkey` option). */
export enum MissingKey {
  /** Print `<no value>` (Go's default). */
  DEFAULT = 'default',
  /** Use the zero value; for the request's maps this still prints `<no value>`. */
  ZERO = 'zero',
  /** Fail the step with `map has no entry for key`. */
  ERROR = 'error',
}

const RESOURCE_NAME_ANNOTATION = 'gotemplating.fn.crossplane.io/composition-resource-name';

/**
 * Builds Go template expressions for {@link GoTemplateSource.objects}. Each method returns a
 * placeholder string; used as a whole value it becomes the value itself (numbers stay numbers),
 * inside a longer string it is interpolated as text.
 */
export class TemplateValues {
  /** @internal */
  public readonly _exprs: string[] = [];

  /** @internal */
  public constructor(private readonly token: string) {}

  /** A field of the observed XR, e.g. `xr('spec.parameters.region')`. */
  public xr(path: string): string {
    return this.expr(`index .observed.composite.resource ${pathArgs(path)}`);
  }

  /** A field of an observed composed resource, by its composition resource name. */
  public observed(resourceName: string, path: string): string {
    return this.expr(`index .observed.resources ${JSON.stringify(resourceName)} "resource" ${pathArgs(path)}`);
  }

  /** Any Go template pipeline over the request, e.g. `expr('.observed.composite.resource.metadata.name | upper')`. */
  public expr(pipeline: string): string {
    if (typeof pipeline !== 'string' || pipeline.trim() === '') {
      throw new UserError(`a template expression must be a non-empty Go template pipeline, got '${String(pipeline)}'`);
    }
    this._exprs.push(pipeline);
    return `${this.token}${this._exprs.length - 1}${this.token}`;
  }
}

function pathArgs(path: string): string {
  if (typeof path !== 'string' || path === '' || path.split('.').some((s) => s === '')) {
    throw new UserError(`a field path must be dot-separated field names, got '${String(path)}', e.g. 'spec.parameters.region'`);
  }
  return path.split('.').map((s) => JSON.stringify(s)).join(' ');
}

/** Composed resources by composition resource name, built by a TypeScript function. */
export type TemplateObjects = (t: TemplateValues) => Readonly<Record<string, object>>;

/**
 * Where function-go-templating reads its templates: inline text, objects built by a TypeScript
 * function (typed with the imported `Kind.manifest(...)` helpers), a folder in the function's
 * file system, or a key of the Composition environment.
 */
export class GoTemplateSource {
  /** Inline template text (`source: Inline`, `inline.template`). */
  public static inline(template: string): GoTemplateSource {
    if (typeof template !== 'string' || template.trim() === '') {
      throw new UserError(`GoTemplateSource.inline needs the template text, got '${String(template)}'`);
    }
    return new GoTemplateSource({ source: 'Inline', inline: { template } });
  }

  /**
   * Inline templates generated from objects: each entry becomes one JSON document annotated with
   * its composition resource name; `TemplateValues` placeholders become Go template expressions.
   */
  public static objects(build: TemplateObjects): GoTemplateSource {
    if (typeof build !== 'function') throw new UserError(`GoTemplateSource.objects needs a function returning objects by resource name, got '${String(build)}'`);
    const token = '@@gotemplating@@';
    const t = new TemplateValues(token);
    const objects = build(t);
    if (objects === null || typeof objects !== 'object' || Object.keys(objects).length === 0) {
      throw new UserError('GoTemplateSource.objects must return at least one object, keyed by composition resource name, e.g. { bucket: Bucket.manifest({...}) }');
    }
    const docs = Object.entries(objects).map(([name, obj]) => {
      const o = JSON.parse(JSON.stringify(obj)) as Record<string, any>;
      if (typeof o.apiVersion !== 'string' || typeof o.kind !== 'string') {
        throw new UserError(`GoTemplateSource.objects resource '${name}' needs apiVersion and kind, got '${JSON.stringify(obj).slice(0, 120)}': build it with the imported Kind.manifest(...)`);
      }
      o.metadata = { ...(o.metadata ?? {}), annotations: { ...(o.metadata?.annotations ?? {}), [RESOURCE_NAME_ANNOTATION]: name } };
      return substitute(JSON.stringify(o), token, t._exprs);
    });
    return new GoTemplateSource({ source: 'Inline', inline: { template: docs.join('\n') } });
  }

  /**
   * Every file under a folder of the function's file system (`source: FileSystem`), usually a
   * ConfigMap a DeploymentRuntimeConfig mounts into the function (`/templates`). Offline render
   * reads the path from the local disk; to stand a local folder in for the mount, pass
   * `functionImplementations: { 'function-go-templating': goTemplatingRunner({ files: { mounts:
   * { '/templates': './templates' } } }) }` (CLI: `--function-mounts=/templates=./templates`).
   */
  public static fileSystem(dirPath: string): GoTemplateSource {
    if (typeof dirPath !== 'string' || dirPath === '') throw new UserError(`GoTemplateSource.fileSystem needs a folder path, got '${String(dirPath)}'`);
    return new GoTemplateSource({ source: 'FileSystem', fileSystem: { dirPath } });
  }

  /** A template stored under a key of the Composition environment (`source: Environment`). */
  public static environment(key: string): GoTemplateSource {
    if (typeof key !== 'string' || key === '') throw new UserError(`GoTemplateSource.environment needs the environment key, got '${String(key)}'`);
    return new GoTemplateSource({ source: 'Environment', environment: { key } });
  }

  private constructor(private readonly json: Record<string, unknown>) {}

  /** @internal A copy of the input fields. */
  public _toJson(): Record<string, unknown> {
    return JSON.parse(JSON.stringify(this.json));
  }
}

/** Replaces placeholders in JSON text: a whole string value becomes the raw value, a part is interpolated. */
function substitute(json: string, token: string, exprs: readonly string[]): string {
  const whole = new RegExp(`"${token}(\\d+)${token}"`, 'g');
  const part = new RegExp(`${token}(\\d+)${token}`, 'g');
  return json
    .replace(whole, (_m, i: string) => `{{ toJson (${exprs[Number(i)]}) }}`)
    .replace(part, (_m, i: string) => `{{ (${exprs[Number(i)]}) | toString | toJson | trimPrefix "\\"" | trimSuffix "\\"" }}`);
}

/** Options of {@link goTemplatingStep}. */
export interface GoTemplatingStepProps {
  /** Step name, unique within the pipeline. */
  readonly step: string;
  /** Where the templates come from. */
  readonly source: GoTemplateSource;
  /**
   * Template delimiters.
   *
   * @default - `{{` and `}}`
   */
  readonly delimiters?: { readonly left: string; readonly right: string };
  /**
   * What a missing map key does.
   *
   * @default MissingKey.DEFAULT
   */
  readonly missingKey?: MissingKey;
  /**
   * The function package (to pin another version).
   *
   * @default FunctionPackage.GO_TEMPLATING
   */
  readonly function?: FunctionPackage | CompositionFunction;
  /**
   * Secrets passed to the function (`getCredentialData`).
   *
   * @default - none
   */
  readonly credentials?: readonly StepCredential[];
  /**
   * Resources fetched before the step first runs (`getExtraResources`).
   *
   * @default - none
   */
  readonly requirements?: StepRequirements;
}

/**
 * A function-go-templating step for `Composition.addStep`. Inline templates are parsed with the
 * same Go template engine offline render uses, so a template the function would reject fails
 * here with the function's message.
 */
export function goTemplatingStep(props: GoTemplatingStepProps): PipelineStepOptions {
  const where = `go-templating step '${props?.step}'`;
  if (!(props?.source instanceof GoTemplateSource)) {
    throw new UserError(`${where} source must be built with GoTemplateSource.inline/objects/fileSystem/environment, got '${JSON.stringify(props?.source)}'`);
  }
  const input: Record<string, unknown> = { apiVersion: 'gotemplating.fn.crossplane.io/v1beta1', kind: 'GoTemplate', ...props.source._toJson() };
  if (props.delimiters !== undefined) {
    if (!props.delimiters.left || !props.delimiters.right) {
      throw new UserError(`${where} delimiters need left and right, got '${JSON.stringify(props.delimiters)}'`);
    }
    input.delims = { left: props.delimiters.left, right: props.delimiters.right };
  }
  const missingKey = props.missingKey ?? MissingKey.DEFAULT;
  if (!Object.values(MissingKey).includes(missingKey)) {
    throw new UserError(`${where} missingKey must be one of ${Object.values(MissingKey).join(', ')}, got '${String(missingKey)}'`);
  }
  if (missingKey !== MissingKey.DEFAULT) input.options = [`missingkey=${missingKey}`];
  const problems = goTemplateProblems(input as never);
  if (problems.length > 0) throw new UserError(`${where}: ${problems.join('; ')}: fix the template`);
  return {
    step: props.step,
    function: props.function ?? FunctionPackage.GO_TEMPLATING,
    input: input as StepInput,
    credentials: props.credentials,
    requirements: props.requirements,
  };
}
