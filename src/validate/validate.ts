/**
 * `validate(objects, options)`: checks objects the way `crossplane resource validate` does
 * (reference 4.5), plus the checks only a whole set of objects allows (XRDs, Compositions).
 * Usable from plain JavaScript; never throws on user data: every problem is a finding.
 */
import * as fs from 'node:fs';
import { Finding, FindingObject, findingObject } from './finding';
import { isRecord } from './_util';
import { checkCompositionReferences } from './composition-checks';
import { validateObject } from './object-validator';
import { splitApiVersion } from '../schema/imported-schemas';
import { isSourced, SchemaRegistry, XrdSource } from './registry';
import { checkXrd } from './xrd-checks';
import { isV2WithoutScope } from './xrd-crd';
import { readSources, readYamlStream, SourcedObject } from './yaml-input';
import { deepestPath, documentLimitProblem, isStackOverflow, tooDeepMessage, withJsonNumbers } from '../yaml/limits';

/**
 * Where schemas come from: a {@link SchemaRegistry}, CRD or XRD objects, XRD constructs (any
 * value with `toJson()` returning an XRD), or paths of YAML files/directories holding CRDs/XRDs.
 */
export type SchemaInput = SchemaRegistry | Record<string, unknown> | XrdSource | string;

/** Options of {@link validate}. */
export interface ValidateOptions {
  /**
   * Extra schemas (CRDs, XRDs, XRD constructs, files, or a registry to use as is).
   * @default - only the built-in schemas, plus CRDs/XRDs found among the objects
   */
  readonly schemas?: SchemaInput | readonly SchemaInput[];
  /**
   * Use the schemas this package was built with (`imports/schemas`: the imported CRDs and the
   * built-in Kubernetes kinds).
   * @default true
   */
  readonly builtInSchemas?: boolean;
  /**
   * Kubernetes release (`major.minor`) whose schemas validate built-in kinds (Deployment,
   * Service, ...): one of `KUBERNETES_VERSIONS`. Ignored when `schemas` holds a registry.
   * @default - the newest release this package has schemas for
   */
  readonly kubernetesVersion?: string;
  /**
   * Report objects whose kind has no schema (and Composition resources composing such a kind,
   * whose paths then go unchecked) as errors. Set it to `false` to make them warnings, as
   * `crossplane resource validate` does without `--error-on-missing-schemas`; to let only some
   * kinds go without a schema, list them in `allowMissingSchemas`.
   * @default true
   */
  readonly errorOnMissingSchemas?: boolean;
  /**
   * Kinds that may have no schema: each entry is a kind (`Bucket`) or a group and kind
   * (`storage.gcp.upbound.io/Bucket`; `/Pod` for the core group). Objects of these kinds get
   * a `missing-schema` warning instead of an error.
   * @default - none: every kind without a schema is an error (see `errorOnMissingSchemas`)
   */
  readonly allowMissingSchemas?: readonly string[];
  /**
   * Evaluate CEL rules (`x-kubernetes-validations`).
   * @default true
   */
  readonly cel?: boolean;
  /**
   * Check metadata (names, labels, annotations) as the API server does.
   * @default true
   */
  readonly metadata?: boolean;
  /**
   * Run the XRD and Composition checks (structural schemas, patch paths, function references, P&T input).
   * @default true
   */
  readonly crossChecks?: boolean;
  /**
   * Names of installed Functions (`pkg.crossplane.io` Function `metadata.name`) that
   * Composition `functionRef`s may name, in addition to the Function objects among the objects.
   * @default - only the Function objects among the objects; without any, references are not checked
   */
  readonly functionNames?: readonly string[];
  /**
   * Register CRDs and XRDs found among the objects, so XRs are checked against XRDs passed alongside.
   * @default true
   */
  readonly registerObjects?: boolean;
}

/** The outcome for one object. */
export interface ObjectResult {
  /** The object. */
  readonly object: FindingObject;
  /** `success`, `failure` (an error finding), or `missing-schema` (no schema and no error). */
  readonly status: 'success' | 'failure' | 'missing-schema';
  /** `<group>/<version>, Kind=<Kind>` as crossplane prints it. */
  readonly gvk: string;
  /** Its findings (errors and warnings). */
  readonly findings: readonly Finding[];
}

/** Everything a validation run produced. */
export interface ValidationReport {
  /** One result per validated object, in input order. */
  readonly results: readonly ObjectResult[];
  /** Findings not tied to one validated object (unreadable files, unusable schemas). */
  readonly general: readonly Finding[];
}

/** crossplane's GVK text: `<group>/<version>, Kind=<Kind>`. */
export function gvkText(apiVersion: string, kind: string): string {
  return `${apiVersion}, Kind=${kind}`;
}

/** Turns what a caller passes (objects, arrays, YAML text, constructs) into sourced objects. */
export function normalizeObjects(input: unknown, findings: Finding[]): SourcedObject[] {
  const out: SourcedObject[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (v === null || v === undefined) return;
    if (typeof v === 'string') {
      const r = readYamlStream(v, '<input>');
      out.push(...r.objects);
      findings.push(...r.findings);
      return;
    }
    if (Array.isArray(v)) {
      if (depth >= 100) {
        findings.push({ object: { apiVersion: '', kind: '', name: '' }, path: '', rule: 'document', severity: 'error', message: 'expected Kubernetes objects or lists of them, got lists nested more than 100 deep: pass a flat list' });
        return;
      }
      v.forEach((x) => visit(x, depth + 1));
      return;
    }
    // The checks work on JSON values: bigints from JavaScript callers become JSON numbers.
    if (isSourced(v)) { out.push(documentLimitProblem(v.object) ? v : { ...v, object: withJsonNumbers(v.object) }); return; }
    if (typeof v === 'object' && typeof (v as { toJson?: unknown }).toJson === 'function' && depth < 4) {
      try {
        visit((v as XrdSource).toJson(), depth + 1);
      } catch (err) {
        findings.push({ object: { apiVersion: '', kind: '', name: '' }, path: '', rule: 'document', severity: 'error', message: `cannot render object: ${(err as Error).message}` });
      }
      return;
    }
    if (isRecord(v)) { out.push({ object: documentLimitProblem(v) ? v : withJsonNumbers(v) }); return; }
    findings.push({ object: { apiVersion: '', kind: '', name: '' }, path: '', rule: 'document', severity: 'error', message: `expected a Kubernetes object, got ${typeof v}` });
  };
  visit(input, 0);
  return out;
}

/** Builds the registry described by `options`, collecting findings about unusable schemas. */
export function buildRegistry(options: ValidateOptions, findings: Finding[]): SchemaRegistry {
  const inputs = options.schemas === undefined ? [] : Array.isArray(options.schemas) ? options.schemas : [options.schemas];
  const given = inputs.find((s): s is SchemaRegistry => s instanceof SchemaRegistry);
  const registry = given ?? new SchemaRegistry({ builtIn: options.builtInSchemas ?? true, kubernetesVersion: options.kubernetesVersion });
  for (const s of inputs) {
    if (s === given) continue;
    if (typeof s === 'string') {
      const r = fs.existsSync(s) ? readSources(s, () => '') : readYamlStream(s, '<schemas>');
      findings.push(...r.findings, ...registry.addObjects(r.objects));
    } else if (isRecord(s) && typeof s.kind === 'string') {
      findings.push(...registry.addObjects([s]));
    } else if (s && typeof (s as XrdSource).toJson === 'function') {
      const objs = normalizeObjects(s, findings);
      findings.push(...registry.addObjects(objs));
    }
  }
  return registry;
}

function isFunctionObject(o: Record<string, unknown>): boolean {
  return o.kind === 'Function' && typeof o.apiVersion === 'string' && o.apiVersion.startsWith('pkg.crossplane.io/');
}

/** Why `spec.crossplane` is unknown when a v1 XRD omits `spec.scope` (LegacyCluster, reference 1.1). */
function implicitScopeHint(registry: SchemaRegistry, group: string, kind: string): string {
  const x = registry.xrdFor(group, kind);
  const spec = x && isRecord(x.object.spec) ? x.object.spec : undefined;
  if (!x || x.scope !== 'LegacyCluster' || !spec || spec.scope !== undefined) return '';
  return `XRD ${x.name} is apiextensions.crossplane.io/v1 without spec.scope, so it is LegacyCluster (machinery fields directly under spec); write scope: Namespaced or Cluster in the XRD`;
}

/**
 * The warning for an XR that uses `spec.crossplane` under a v2 XRD without scope: valid in a
 * cluster (Namespaced), reported as an unknown field by the Crossplane CLI.
 */
function cliScopeWarning(registry: SchemaRegistry, group: string, kind: string, o: Record<string, unknown>): string {
  const x = registry.xrdFor(group, kind);
  if (!x || !isV2WithoutScope(x.object) || !isRecord(o.spec) || o.spec.crossplane === undefined) return '';
  return `XRD ${x.name} is apiextensions.crossplane.io/v2 without spec.scope: the API server makes it Namespaced, so spec.crossplane is valid here, `
    + 'but the Crossplane CLI (crossplane resource validate) reads the XRD as LegacyCluster and reports "unknown field: crossplane"; write scope: Namespaced in the XRD so both agree';
}

/** `metadata.name` of every `pkg.crossplane.io` Function among `objects`. */
export function functionNamesOf(objects: readonly (SourcedObject | Record<string, unknown>)[]): string[] {
  const out: string[] = [];
  for (const item of objects) {
    const o = isSourced(item) ? item.object : item;
    if (isFunctionObject(o) && isRecord(o.metadata) && typeof o.metadata.name === 'string') out.push(o.metadata.name);
  }
  return out;
}

function schemaObjects(options: ValidateOptions): Record<string, unknown>[] {
  const inputs = options.schemas === undefined ? [] : Array.isArray(options.schemas) ? options.schemas : [options.schemas];
  return inputs.filter((s): s is Record<string, unknown> => isRecord(s) && !(s instanceof SchemaRegistry) && typeof s.kind === 'string');
}

/**
 * How loud a kind without a schema is: an error unless the caller opted out for every kind
 * (`errorOnMissingSchemas: false`) or for this one (`allowMissingSchemas`).
 */
export function missingSchemaSeverity(options: ValidateOptions, group: string, kind: string): 'error' | 'warning' {
  if (options.errorOnMissingSchemas === false) return 'warning';
  const allowed = options.allowMissingSchemas ?? [];
  return allowed.includes(kind) || allowed.includes(`${group}/${kind}`) ? 'warning' : 'error';
}

/** Validates sourced objects against a registry; the engine under {@link validate} and the CLI. */
export function validateSourced(objects: readonly SourcedObject[], registry: SchemaRegistry, options: ValidateOptions = {}): ObjectResult[] {
  const results: ObjectResult[] = [];
  const fnNames = new Set<string>(options.functionNames ?? []);
  for (const so of objects) if (isFunctionObject(so.object) && isRecord(so.object.metadata) && typeof so.object.metadata.name === 'string') fnNames.add(so.object.metadata.name);
  for (const so of objects) {
    const o = so.object;
    const limit = documentLimitProblem(o);
    const object = findingObject(o, so.file, so.document);
    const findings: Finding[] = [];
    const add = (path: string, rule: string, message: string, severity: 'error' | 'warning') => findings.push({ object, path, rule, message, severity });
    let status: ObjectResult['status'] = 'success';
    let gvk = '';
    try {
      if (limit) {
        // Checked before any walk: the checks recurse, and the data could never reach the API server.
        add(limit.path, 'document', limit.message, 'error');
      } else if (typeof o.apiVersion !== 'string' || o.apiVersion === '' || typeof o.kind !== 'string' || o.kind === '') {
        add(typeof o.apiVersion !== 'string' || o.apiVersion === '' ? 'apiVersion' : 'kind', 'document', 'Required value: every object needs apiVersion and kind', 'error');
      } else {
        gvk = gvkText(o.apiVersion, o.kind);
        const entry = registry.lookup(o.apiVersion, o.kind);
        if (!entry) {
          status = 'missing-schema';
          const { group } = splitApiVersion(o.apiVersion);
          const known = registry.versionsOf(group, o.kind);
          // Crossplane's exact text, plus the versions we do know (e.g. a provider dropped v1beta1).
          const hint = known.length ? ` (${o.kind} is known at ${known.map((v) => `${group}/${v}`).join(', ')}: use one of these versions)` : '';
          const severity = missingSchemaSeverity(options, group, o.kind);
          const fix = severity === 'error' && !known.length ? `: pass its CRD in schemas, or allow it with allowMissingSchemas: ['${o.kind}']` : '';
          add('', 'missing-schema', `could not find CRD/XRD for: ${gvk}${hint}${fix}`, severity);
        } else {
          const scopeHint = entry.origin === 'xrd' ? implicitScopeHint(registry, entry.group, entry.kind) : '';
          for (const i of validateObject(o, entry.schema, { cel: options.cel, metadata: options.metadata })) {
            findings.push({ object, ...i, ...(scopeHint && i.rule === 'unknown-field' && i.path === 'spec.crossplane' ? { message: `${i.message}: ${scopeHint}` } : {}) });
          }
          const cliWarning = entry.origin === 'xrd' ? cliScopeWarning(registry, entry.group, entry.kind, o) : '';
          if (cliWarning) add('spec.crossplane', 'xrd-scope', cliWarning, 'warning');
          if (!entry.served) add('apiVersion', 'schema', `Invalid value: "${o.apiVersion}": version ${entry.version} of ${o.kind} is not served`, 'error');
        }
        if (options.crossChecks !== false && o.apiVersion.startsWith('apiextensions.crossplane.io/')) {
          if (o.kind === 'CompositeResourceDefinition') findings.push(...checkXrd(o, object));
          else if (o.kind === 'Composition') {
            findings.push(...checkCompositionReferences(o, object, {
              registry, functionNames: fnNames.size ? fnNames : undefined, missingSchemaSeverity: (group, kind) => missingSchemaSeverity(options, group, kind),
            }));
          }
        }
      }
    } catch (err) {
      // Too deep for the recursive checks: a finding about the object. Anything else is a
      // fault of this package, not of the object, and is not dressed up as a finding.
      if (!isStackOverflow(err)) throw err;
      add('', 'document', `the checks ran out of stack: the object ${tooDeepMessage(deepestPath(o).depth)}`, 'error');
    }
    if (findings.some((f) => f.severity === 'error' && !(f.rule === 'missing-schema' && f.path === ''))) status = 'failure';
    results.push({ object, status, gvk, findings });
  }
  return results;
}

/**
 * Validates objects and returns every finding (errors and warnings). Objects can be plain
 * objects, arrays, YAML text, or constructs/charts with `toJson()`. Never throws on user data.
 *
 * @example
 * const findings = validate(yamlText, { schemas: ['./crds', xrdObject] });
 * const errors = findings.filter((f) => f.severity === 'error');
 */
export function validate(objects: unknown, options: ValidateOptions = {}): Finding[] {
  const report = validateReport(objects, options);
  return [...report.general, ...report.results.flatMap((r) => r.findings)];
}

/** Like {@link validate}, with the outcome per object. */
export function validateReport(objects: unknown, options: ValidateOptions = {}): ValidationReport {
  const general: Finding[] = [];
  const sourced = normalizeObjects(objects, general);
  const registry = buildRegistry(options, general);
  if (options.registerObjects !== false) registry.addObjects(sourced);
  const fromSchemas = functionNamesOf(schemaObjects(options));
  const opts = fromSchemas.length ? { ...options, functionNames: [...(options.functionNames ?? []), ...fromSchemas] } : options;
  return { results: validateSourced(sourced, registry, opts), general };
}
