import { CompositionFunction } from '../functions/composition-function';
import { FunctionPackage } from '../functions/function-package';

/**
 * The input of a pipeline step: any object with `apiVersion` and `kind` (the field is an
 * embedded resource, reference §2.1). Crossplane passes it to the function unvalidated.
 */
export interface StepInput {
  /** `apiVersion` of the input kind, e.g. `gotemplating.fn.crossplane.io/v1beta1`. */
  readonly apiVersion: string;
  /** The input kind, e.g. `GoTemplate`. */
  readonly kind: string;
  /** The function-specific fields. */
  readonly [field: string]: unknown;
}

/**
 * A credential passed to a step: the data of a Secret. Only `source: Secret` exists in
 * practice (the CRD's CEL rule rejects anything else, reference §2.1 and §8.9).
 */
export interface StepCredential {
  /** Name the function reads the credential under; unique within the step. */
  readonly name: string;
  /** The Secret holding the credential data. */
  readonly secretRef: {
    /** Name of the Secret. */
    readonly name: string;
    /** Namespace of the Secret. */
    readonly namespace: string;
  };
}

/** A resource Crossplane fetches before the step first runs (`requirements.requiredResources[]`). */
export interface RequiredResource {
  /** Key under which the function finds the resources; unique within the step. */
  readonly requirementName: string;
  /** `apiVersion` of the resources. */
  readonly apiVersion: string;
  /** Kind of the resources. */
  readonly kind: string;
  /**
   * Namespace to look in.
   *
   * @default - cluster-scoped lookup
   */
  readonly namespace?: string;
  /**
   * Name of the one resource to fetch; not together with `matchLabels`.
   *
   * @default - selected by `matchLabels`
   */
  readonly name?: string;
  /**
   * Labels selecting the resources; not together with `name`.
   *
   * @default - selected by `name`
   */
  readonly matchLabels?: { readonly [key: string]: string };
}

/** An OpenAPI schema Crossplane fetches before the step runs (`requirements.requiredSchemas[]`, Crossplane ≥ v2.2). */
export interface RequiredSchema {
  /** Key under which the function finds the schema; unique within the step. */
  readonly requirementName: string;
  /** `apiVersion` of the kind. */
  readonly apiVersion: string;
  /** The kind whose schema is fetched. */
  readonly kind: string;
}

/** What a step needs before it first runs. */
export interface StepRequirements {
  /**
   * Resources to fetch.
   *
   * @default - none
   */
  readonly requiredResources?: readonly RequiredResource[];
  /**
   * Schemas to fetch.
   *
   * @default - none
   */
  readonly requiredSchemas?: readonly RequiredSchema[];
}

/** Options of `Composition.addStep`: one `spec.pipeline[]` entry. */
export interface PipelineStepOptions {
  /** Step name, unique within the pipeline. */
  readonly step: string;
  /**
   * The function to call: a catalogue package (its Function object is created once per app by
   * the FunctionRegistry) or a CompositionFunction construct.
   */
  readonly function: FunctionPackage | CompositionFunction;
  /**
   * The step's input object.
   *
   * @default - no input
   */
  readonly input?: StepInput;
  /**
   * Secrets passed to the function.
   *
   * @default - none
   */
  readonly credentials?: readonly StepCredential[];
  /**
   * Resources and schemas fetched before the step first runs.
   *
   * @default - none
   */
  readonly requirements?: StepRequirements;
}

/** Where `addStep` places a step; give at most one of the two. */
export interface StepPlacement {
  /**
   * Name of the step to run this one before (the P&T step is `Composition.patchAndTransformStep`).
   *
   * @default - after the last step added, before function-auto-ready
   */
  readonly before?: string;
  /**
   * Name of the step to run this one after.
   *
   * @default - after the last step added, before function-auto-ready
   */
  readonly after?: string;
}

/** A resolved pipeline step. @internal */
export interface ResolvedStep {
  readonly step: string;
  readonly pkg: FunctionPackage;
  readonly input?: StepInput;
  readonly credentials: readonly StepCredential[];
  readonly requirements?: StepRequirements;
}

/**
 * Every problem of one step's own fields, path-free (`pipeline step '<name>' ...`); the
 * Composition adds its construct path.
 */
export function stepOptionProblems(o: PipelineStepOptions): string[] {
  if (typeof o?.step !== 'string' || o.step.trim() === '') {
    return [`pipeline step must be a non-empty string, got '${o?.step}': name the step, e.g. 'render-templates'`];
  }
  const at = `pipeline step '${o.step}'`;
  const problems: string[] = [];
  if (o.input !== undefined && (typeof o.input?.apiVersion !== 'string' || o.input.apiVersion === '' || typeof o.input.kind !== 'string' || o.input.kind === '')) {
    problems.push(`${at} input must have apiVersion and kind, got '${JSON.stringify(o.input)}': `
      + 'Crossplane stores the input as an embedded resource, e.g. { apiVersion: \'gotemplating.fn.crossplane.io/v1beta1\', kind: \'GoTemplate\', ... }');
  }
  problems.push(...credentialProblems(at, o.credentials ?? []));
  problems.push(...requirementProblems(at, o.requirements));
  return problems;
}

function credentialProblems(at: string, credentials: readonly StepCredential[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  credentials.forEach((c, i) => {
    if (typeof c?.name !== 'string' || c.name === '') {
      problems.push(`${at} credentials[${i}].name must be a non-empty string, got '${c?.name}': name the credential the function reads`);
    } else if (seen.has(c.name)) {
      problems.push(`${at} credentials[${i}].name must be unique within the step, got '${c.name}' twice: rename one`);
    } else {
      seen.add(c.name);
    }
    if (!c?.secretRef?.name || !c?.secretRef?.namespace) {
      problems.push(`${at} credentials[${i}].secretRef needs name and namespace, got '${JSON.stringify(c?.secretRef)}': `
        + 'Crossplane only admits Secret credentials with both set');
    }
  });
  return problems;
}

function requirementProblems(at: string, reqs: StepRequirements | undefined): string[] {
  const problems: string[] = [];
  for (const [list, items] of [['requiredResources', reqs?.requiredResources], ['requiredSchemas', reqs?.requiredSchemas]] as const) {
    const seen = new Set<string>();
    (items ?? []).forEach((r, i) => {
      const f = `${at} requirements.${list}[${i}]`;
      if (!r?.requirementName) {
        problems.push(`${f}.requirementName must be a non-empty string, got '${r?.requirementName}': name the requirement the function reads`);
      } else if (seen.has(r.requirementName)) {
        problems.push(`${f}.requirementName must be unique, got '${r.requirementName}' twice: rename one`);
      } else {
        seen.add(r.requirementName);
      }
      if (!r?.apiVersion || !r?.kind) problems.push(`${f} needs apiVersion and kind, got '${r?.apiVersion}' and '${r?.kind}': name the kind to fetch`);
      const rr = r as RequiredResource;
      if (rr?.name !== undefined && rr?.matchLabels !== undefined) {
        problems.push(`${f} must not set both name and matchLabels, got name '${rr.name}': keep one (Crossplane's CEL rule rejects both)`);
      }
    });
  }
  return problems;
}

/** The wire format of one `spec.pipeline[]` entry. */
export function stepToJson(s: ResolvedStep): Record<string, unknown> {
  const json: Record<string, unknown> = { step: s.step, functionRef: { name: s.pkg.name } };
  if (s.input !== undefined) json.input = { ...s.input };
  if (s.credentials.length > 0) {
    json.credentials = s.credentials.map(c => ({ name: c.name, source: 'Secret', secretRef: { name: c.secretRef.name, namespace: c.secretRef.namespace } }));
  }
  const rr = s.requirements?.requiredResources ?? [];
  const rs = s.requirements?.requiredSchemas ?? [];
  if (rr.length > 0 || rs.length > 0) {
    const req: Record<string, unknown> = {};
    if (rr.length > 0) req.requiredResources = rr.map(r => ({ ...r, ...(r.matchLabels ? { matchLabels: { ...r.matchLabels } } : {}) }));
    if (rs.length > 0) req.requiredSchemas = rs.map(r => ({ ...r }));
    json.requirements = req;
  }
  return json;
}
