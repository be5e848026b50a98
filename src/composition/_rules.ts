/**
 * Synth-time rules of a Composition (STYLE C8b): each returns messages shaped
 * `<field> <constraint>, got '<value>': <fix>`; cdk8s prefixes the construct path. Private to
 * this folder.
 */
import { ptInputProblem } from '../engine/functions/patch-and-transform/validate';
import { fromKubernetesJson, ObjectValue } from '../engine/go/values';
import { lintConnectionDetail, lintPatch, lintPatchSet, lintReadinessCheck } from '../pt/lint';
import { LintRule } from '../pt/lint-rule';
import { PatchType } from '../pt/patch-policy';
import { closest } from '../pt/path-check';
import { XrdScope } from '../xrd/xrd-ref';
import { compositionsNamed, compositionsOfType } from './_app-index';
import { splitApiVersion } from '../schema/imported-schemas';
import { isNamespacedMrGroup, KindInfo, kindInfo } from './_kinds';
import { CDK8S_PLUS_SELECTOR_LABEL, GENERATED_NAME } from './template-scope';
import type { CompositionView } from './_view';
import { warnOnce } from '../_warn-once';
import { FunctionPackage } from '../functions/function-package';

/** The most steps a pipeline may have (CRD `maxItems`, reference §2.1). */
export const MAX_PIPELINE_STEPS = 99;

type Rule = (c: CompositionView) => string[];


const stepCount: Rule = c => {
  const n = c.resolvedSteps().length;
  if (n === 0) return ['spec.pipeline must have at least 1 step, got 0: add a resource with addResource() or a function step with addStep()'];
  if (n > MAX_PIPELINE_STEPS) return [`spec.pipeline must have at most ${MAX_PIPELINE_STEPS} steps, got ${n}: merge steps or split the Composition`];
  return [];
};

const functionRefs: Rule = c => c.resolvedSteps().flatMap(s => {
  const out: string[] = [];
  if (!c.functionRegistry.resolves(s.pkg.name)) {
    out.push(`spec.pipeline[${s.step}].functionRef.name must name a Function object of the app, got '${s.pkg.name}': `
      + 'pass the function to addStep as a FunctionPackage or CompositionFunction so the FunctionRegistry creates it');
  }
  const want = s.pkg.inputKind;
  if (want !== undefined && s.input !== undefined && (s.input.apiVersion !== s.pkg.inputApiVersion || s.input.kind !== want)) {
    out.push(`spec.pipeline[${s.step}].input must be ${s.pkg.inputApiVersion} ${want} for ${s.pkg.name}, got '${s.input.apiVersion} ${s.input.kind}': `
      + 'the function rejects other input kinds');
  }
  return out;
});

const uniqueName: Rule = c => {
  const clash = compositionsNamed(c).find(o => o !== c);
  return clash
    ? [`metadata.name must be unique in the app, got '${c.name}' here and at '${clash.node.path}': set name on one of them, e.g. '${c.name.split('.')[0]}-<variant>.${c.xrd.group}'`]
    : [];
};

const patchSetRefs: Rule = c => {
  const names = c.patchSets.map(s => s.name);
  return c.resources.flatMap(r => r.patches.flatMap((p, i) => {
    if (p.type !== PatchType.PATCH_SET || names.includes(p.patchSetName!)) return [];
    const guess = closest(p.patchSetName!, names);
    return [`resources[${r.name}].patches[${i}].patchSetName must name a patch set of this Composition, got '${p.patchSetName}': `
      + (guess ? `did you mean '${guess}'?` : names.length > 0 ? `declare it with addPatchSet() (known: ${names.join(', ')})` : 'declare it with addPatchSet()')];
  }));
};

const patchLints: Rule = c => {
  const xrSchema = c.xrd.referenceableSchema;
  const out: string[] = [];
  c.patchSets.forEach(s => out.push(...lintPatchSet(s, { xrSchema, where: `patchSets[${s.name}]` })));
  c.environmentPatches.forEach((p, i) => out.push(...lintPatch(p, { xrSchema, where: `environment.patches[${i}]` })));
  for (const r of c.resources) {
    const composedSchema = composedKind(r)?.schema;
    r.patches.forEach((p, i) => {
      const where = `resources[${r.name}].patches[${i}]`;
      if (p.type !== PatchType.PATCH_SET) {
        out.push(...lintPatch(p, { xrSchema, composedSchema, where }));
        return;
      }
      // A patch set's composed-side paths are checked against each resource that uses it; its
      // XR side was checked once above.
      const set = c.patchSets.find(s => s.name === p.patchSetName);
      if (!set || !composedSchema) return;
      set.patches.forEach((sp, j) => out.push(...lintPatch(sp, { composedSchema, where: `${where} (patchSets[${set.name}].patches[${j}])` })));
    });
    r.readinessChecks.forEach((k, i) => out.push(...lintReadinessCheck(k, { composedSchema, where: `resources[${r.name}].readinessChecks[${i}]` })));
    r.connectionDetails.forEach((d, i) => out.push(...lintConnectionDetail(d, { composedSchema, where: `resources[${r.name}].connectionDetails[${i}]` })));
  }
  return out;
};

const connectionSecretRef: Rule = c => {
  const patches = c.writeConnectionSecretToRef?.patches ?? [];
  const empty = c.writeConnectionSecretToRef !== undefined && c.resources.length === 0 && c.environmentPatches.length === 0
    ? ["writeConnectionSecretToRef needs a composed resource with connection details, got no resources: add one with addResource(), or drop writeConnectionSecretToRef"]
    : [];
  return [...empty, ...patches.flatMap((p, i) => {
    const where = `writeConnectionSecretToRef.patches[${i}]`;
    if (p.type !== PatchType.FROM_COMPOSITE_FIELD_PATH && p.type !== PatchType.COMBINE_FROM_COMPOSITE) {
      return [`${where}.type must be FromCompositeFieldPath or CombineFromComposite, got '${p.type}': P&T fails the whole step on other types`];
    }
    const out = lintPatch(p, { xrSchema: c.xrd.referenceableSchema, where });
    if (p.toFieldPath !== 'name' && p.toFieldPath !== 'namespace') {
      out.push(`${where}.toFieldPath must be 'name' or 'namespace', got '${p.toFieldPath}': these are the only fields of the Secret reference`);
    }
    return out;
  })];
};

// Crossplane accepts the field on any Composition and ignores it for modern XRs: a likely
// mistake, so a warning (house rule 4), and the YAML keeps what was written.
const legacyOnly: Rule = c => {
  if (c.writeConnectionSecretsToNamespace !== undefined && c.xrd.scope !== XrdScope.LEGACY_CLUSTER) {
    warnOnce(`legacy-only ${c.node.path}`, `[${c.node.path}] spec.writeConnectionSecretsToNamespace is only used for LegacyCluster XRs, got '${c.writeConnectionSecretsToNamespace}' `
      + `for a ${c.xrd.scope} XRD: Crossplane ignores it; use writeConnectionSecretToRef (the P&T input field) instead`);
  }
  return [];
};

/** Scope and schema of a composed resource: from its XRD for nested XRs, else from the imported CRDs. */
function composedKind(r: CompositionView['resources'][number]): KindInfo | undefined {
  if (r.xrd) {
    return {
      scope: r.xrd.scope === XrdScope.NAMESPACED ? 'Namespaced' : 'Cluster', schema: r.xrd.referenceableSchema, served: true, servedVersions: [],
    };
  }
  return kindInfo(r.apiVersion, r.kind);
}

const composedKinds: Rule = c => c.resources.flatMap(r => {
  const info = composedKind(r);
  if (!info?.schema && !(info && !info.served && info.servedVersions.length > 0)) {
    warnOnce(`no-schema ${r.apiVersion} ${r.kind}`, `[${c.node.path}] resources[${r.name}] composes ${r.apiVersion}, Kind=${r.kind}, which has no schema: `
      + 'its fields, scope and patch paths are not checked; list its CRD in the imports of cdk8s.yaml and run `npm run import` (warned once per kind)');
  }
  if (!info) return [];
  const out: string[] = [];
  if (info.servedVersions.length > 0 && !info.served && !r.suppressions.includes(LintRule.UNSERVED_VERSION)) {
    out.push(`resources[${r.name}].base.apiVersion must be a served version of ${r.kind}, got '${r.apiVersion}': `
      + `use ${info.servedVersions.map(v => `'${splitApiVersion(r.apiVersion).group}/${v}'`).join(' or ')}`);
  }
  if (c.xrd.scope === XrdScope.NAMESPACED && info.scope === 'Cluster') {
    const group = splitApiVersion(r.apiVersion).group;
    const twin = group.replace(/\.(upbound\.io|crossplane\.io)$/, '.m.$1');
    const hint = twin !== group && kindInfo(`${twin}/v1beta1`, r.kind) ? `compose the namespaced twin in group '${twin}'` : 'compose a namespaced kind, or make the XRD Cluster scoped';
    out.push(`resources[${r.name}].base.kind must be namespaced under a Namespaced XR, got cluster-scoped '${r.kind}' (${r.apiVersion}): `
      + `Crossplane refuses to apply it (reference §2.4); ${hint}`);
  }
  return out;
});

/** Field paths (P&T syntax) in `value` where `match(key, value)` holds; objects and arrays walked. */
function pathsWhere(value: unknown, match: (key: string, v: unknown) => boolean, at = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => pathsWhere(v, match, `${at}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const here = /^[A-Za-z0-9_-]+$/.test(k) ? (at ? `${at}.${k}` : k) : `${at}[${k}]`;
    return [...(match(k, v) ? [here] : []), ...pathsWhere(v, match, here)];
  });
}

// A template construct referring to another template (an HPA's scaleTargetRef, a binding's
// subject) gets the placeholder name of the other one, which no composed resource will have.
const templateNameLeaks: Rule = c => c.resources.flatMap(r =>
  pathsWhere(r.base, (_k, v) => v === GENERATED_NAME).map(p =>
    `resources[${r.name}].base.${p} refers to the generated name of another template, got '${GENERATED_NAME}': `
    + 'Crossplane names composed resources per XR; remove the field from the base and patch it, e.g. from metadata.name of the XR'));

// Reference §3.3: a template without base needs a desired resource of that name from an
// earlier step, else P&T stops with "has no base template".
const previousStep: Rule = c => {
  const baseless = c.resources.filter(r => r.fromPreviousStep);
  if (baseless.length === 0) return [];
  const steps = c.pipeline.map(s => s.step);
  const at = steps.indexOf(c.patchAndTransformStep);
  if (at > 0) return [];
  return baseless.map(r => `resources[${r.name}].base is required unless an earlier step produces '${r.name}', got no step before '${c.patchAndTransformStep}': `
    + 'add the producing step with addStep(..., { before: composition.patchAndTransformStep }) or give the resource a base');
};

/**
 * The P&T input as function-patch-and-transform itself judges it (strict decoding, then its
 * validation): the other rules catch mistakes with better messages, this one guarantees that
 * nothing we emit is rejected at run time.
 */
const ptInputAccepted: Rule = c => {
  if (c.resources.length === 0 && !c.pipeline.some(s => s.step === c.patchAndTransformStep)) return [];
  const problem = ptInputProblem(fromKubernetesJson(c.patchAndTransformInput()) as ObjectValue);
  return problem
    ? [`spec.pipeline[${c.patchAndTransformStep}].input${problem.field ? `.${problem.field}` : ''} is rejected by function-patch-and-transform, got '${problem.message}': `
      + 'fix the patch, transform or check named in the path']
    : [];
};

const RULES: readonly Rule[] = [
  previousStep, stepCount, functionRefs, uniqueName, patchSetRefs, patchLints, connectionSecretRef, legacyOnly, composedKinds, templateNameLeaks, ptInputAccepted,
];

/**
 * The XRD's `spec.defaultCompositionRef`, read from its synthesized object since the XRD
 * interface does not expose it.
 */
function xrdDefaultCompositionRef(c: CompositionView): unknown {
  const own = (c.xrd as { defaultCompositionRef?: unknown }).defaultCompositionRef;
  if (own !== undefined) return own;
  const child = c.xrd.node.tryFindChild('Resource') as { toJson?: () => { spec?: { defaultCompositionRef?: unknown } } } | undefined;
  try {
    return typeof child?.toJson === 'function' ? child.toJson().spec?.defaultCompositionRef : undefined;
  } catch {
    return undefined;
  }
}

/** Every error of the Composition. */
export function compositionProblems(c: CompositionView): string[] {
  return RULES.flatMap(rule => rule(c));
}

/** Non-fatal findings: things Crossplane accepts but that rarely do what was meant. */
export function compositionWarnings(c: CompositionView): string[] {
  const out: string[] = [];
  // Reference §2.1 / §8.10: several Compositions for one type are picked at random unless
  // XRs select by label or the XRD names a default.
  const siblings = compositionsOfType(c);
  if (siblings.length > 1 && xrdDefaultCompositionRef(c) === undefined) {
    const key = (x: CompositionView) => JSON.stringify(Object.entries(x.labels).sort());
    if (siblings.some(o => o !== c && key(o) === key(c))) {
      out.push(`metadata.labels must tell apart the ${siblings.length} Compositions serving ${c.xrd.kind}, got '${key(c)}' on several: `
        + 'Crossplane picks one at random; add distinguishing labels for compositionSelector or set the XRD\'s defaultCompositionRef');
    }
  }
  if (c.xrd.scope === XrdScope.NAMESPACED) {
    for (const r of c.resources) {
      if (!isNamespacedMrGroup(splitApiVersion(r.apiVersion).group)) continue;
      if (r.fromPreviousStep) continue;
      const kind = (r.base?.spec as { providerConfigRef?: { kind?: unknown } } | undefined)?.providerConfigRef?.kind;
      const patched = r.patches.some(p => p.toFieldPath?.startsWith('spec.providerConfigRef'));
      if (kind === undefined && !patched) {
        out.push(`resources[${r.name}].base.spec.providerConfigRef.kind should be set for a namespaced managed resource, got none: `
          + "set ClusterProviderConfig or ProviderConfig explicitly (reference §5, §8.16)");
      }
    }
  }
  for (const r of c.resources) {
    for (const p of pathsWhere(r.base, (k) => k === CDK8S_PLUS_SELECTOR_LABEL)) {
      out.push(`resources[${r.name}].base.${p} is the same for every XR (its value is the template's construct path), got '${CDK8S_PLUS_SELECTOR_LABEL}': `
        + 'selectors on it match the pods of every XR in the namespace; select on a label patched from the XR name (e.g. app.kubernetes.io/instance)');
    }
  }
  out.push(...environmentAfterReaders(c));
  if (c.writeConnectionSecretToRef && c.xrd.scope === XrdScope.LEGACY_CLUSTER) {
    out.push("writeConnectionSecretToRef is ignored for LegacyCluster XRs, got a value: use writeConnectionSecretsToNamespace and the XR's own writeConnectionSecretToRef");
  }
  if (c.xrd.scope === XrdScope.CLUSTER && c.resources.some(r => r.connectionDetails.length > 0)
    && c.writeConnectionSecretToRef?.namespace === undefined && !(c.writeConnectionSecretToRef?.patches ?? []).some(p => p.toFieldPath === 'namespace')) {
    out.push("writeConnectionSecretToRef.namespace should be set for a Cluster XR with connection details, got none: "
      + 'the Secret has no namespace to be written to (reference §3.10)');
  }
  return out;
}

/**
 * A function-environment-configs step placed after the P&T step that reads the environment:
 * the patches then see an environment without the EnvironmentConfigs (Crossplane runs the
 * steps in order), a likely placement mistake since `addStep` appends by default.
 */
function environmentAfterReaders(c: CompositionView): string[] {
  const steps = c.resolvedSteps();
  const pt = steps.findIndex(s => s.step === c.patchAndTransformStep);
  if (pt < 0 || !JSON.stringify(c.patchAndTransformInput()).includes('Environment')) return [];
  return steps
    .map((s, i) => ({ s, i }))
    .filter(({ s, i }) => i > pt && s.pkg.repository === FunctionPackage.ENVIRONMENT_CONFIGS.repository)
    .map(({ s }) => `pipeline step '${s.step}' (function-environment-configs) should run before '${c.patchAndTransformStep}', whose environment patches read what it loads, `
      + `got it after: add it with addStep(..., { before: comp.patchAndTransformStep })`);
}
