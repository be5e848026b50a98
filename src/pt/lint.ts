import { JsonSchema } from '../schema/json-schema';
import { ConnectionDetail, ConnectionDetailType } from './connection-detail';
import { isBracketWildcard, isDotWildcard, isParsedPath, parseFieldPath } from './field-path';
import { analyzeGoFormat, goFormatArityProblem } from './go-format';
import { IPatch } from './patch-core';
import { LintFinding, LintRule } from './lint-rule';
import { PatchEnd, PatchType } from './patch-policy';
import type { PatchSet } from './patch-set';
import { checkFieldPath } from './path-check';
import { ReadinessCheck, ReadinessCheckType } from './readiness-check';
import { GoValueType, Transform, TransformType } from './transform';

/** What the lints know about the objects a patch connects. */
export interface LintContext {
  /**
   * The XR's `openAPIV3Schema` as written in the XRD.
   *
   * @default - XR-side paths and types are not checked
   */
  readonly xrSchema?: JsonSchema;
  /**
   * The composed resource's CRD schema (`openAPIV3Schema` of the version used).
   *
   * @default - composed-side paths and types are not checked
   */
  readonly composedSchema?: JsonSchema;
  /** Where the checked value sits, prefixed to every message, e.g. `resources[vpc].patches[0]`. */
  readonly where: string;
}

/** Fields Crossplane injects into every XR schema (reference §1.5); reading them is fine. */
const INJECTED_SPEC: Readonly<Record<string, JsonSchema>> = Object.fromEntries([
  'crossplane', 'compositionRef', 'compositionSelector', 'compositionRevisionRef', 'compositionRevisionSelector',
  'compositionUpdatePolicy', 'resourceRefs', 'claimRef', 'writeConnectionSecretToRef',
].map(n => [n, { 'x-kubernetes-preserve-unknown-fields': true } as JsonSchema]));

const INJECTED_STATUS: Readonly<Record<string, JsonSchema>> = {
  conditions: { type: 'array', items: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
  connectionDetails: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
  claimConditionTypes: { type: 'array', items: { type: 'string' } },
};

const withInjected = new WeakMap<JsonSchema, JsonSchema>();

/** The XR schema as the XR CRD has it: the user's schema plus Crossplane's machinery fields. */
function injected(xr: JsonSchema): JsonSchema {
  let out = withInjected.get(xr);
  if (!out) {
    const spec = xr.properties?.spec ?? { type: 'object' };
    const status = xr.properties?.status ?? { type: 'object' };
    out = {
      ...xr,
      properties: {
        ...(xr.properties ?? {}),
        spec: { ...spec, properties: { ...(spec.properties ?? {}), ...INJECTED_SPEC } },
        status: { ...status, type: 'object', properties: { ...(status.properties ?? {}), ...INJECTED_STATUS } },
      },
    };
    withInjected.set(xr, out);
  }
  return out;
}

/**
 * Synth-time checks of a patch (composed-resource or environment patch) for the traps of
 * reference §3 and §8 (items 11-15). Returns one message per problem, each saying how to fix
 * it; messages carry no construct path.
 */
export function lintPatch(patch: IPatch, ctx: LintContext): string[] {
  const accepted = patch.suppressions ?? [];
  return lintPatchFindings(patch, ctx).filter(f => f.rule === undefined || !accepted.includes(f.rule)).map(f => f.message);
}

/**
 * The findings of {@link lintPatch}, each with the {@link LintRule} that can suppress it, before
 * the patch's own suppressions are applied.
 */
export function lintPatchFindings(patch: IPatch, ctx: LintContext): LintFinding[] {
  if (patch.type === PatchType.PATCH_SET) return [];
  const out: LintFinding[] = [];
  const add = (message: string, rule?: LintRule) => { out.push(rule ? { rule, message } : { message }); };
  const w = ctx.where;
  const isCombine = patch.combine !== undefined;
  const readField = (i: number) => isCombine ? `${w}.combine.variables[${i}].fromFieldPath` : `${w}.fromFieldPath`;
  const reads = patch.fromFieldPaths;
  const to = patch.toFieldPath;

  // Wildcards (reference §3.7, §8.12)
  reads.forEach((p, i) => {
    const segs = parseFieldPath(p);
    if (!isParsedPath(segs)) return;
    if (segs.some(isBracketWildcard)) {
      add(`${readField(i)} must not contain a wildcard, got '${p}': P&T reads a single value (a wildcard fails the patch); `
        + 'name one element such as [0], wildcards only work in a toFieldPath');
    } else if (segs.some(isDotWildcard)) {
      add(`${readField(i)} must not contain a wildcard, got '${p}': '.*' reads a key named '*'; name one element such as [0]`);
    }
  });
  if (to !== undefined) {
    const segs = parseFieldPath(to);
    if (isParsedPath(segs)) {
      if (segs.some(isDotWildcard)) {
        add(`${w}.toFieldPath must write wildcards as '[*]', got '${to}': P&T only expands '[*]' and writes '.*' as a literal key '*'`);
      } else if (isCombine && segs.some(isBracketWildcard)) {
        add(`${w}.toFieldPath must not contain a wildcard in a ${patch.type} patch, got '${to}': combine patches do not expand wildcards; `
          + 'patch each element with its own index');
      }
    }
  }

  // Read paths and their types
  const readSchema = schemaFor(patch.readsFrom, ctx);
  const readTypes: (JsonSchema | undefined)[] = reads.map((p, i) => {
    if (!readSchema) return undefined;
    const problem = checkFieldPath(p, readSchema.schema);
    if (problem) {
      add(`${readField(i)} must name a field of the ${readSchema.label} schema, got '${p}': ${problem.message}`
        + `${problem.suggestion ? `; ${problem.suggestion}` : ''}`);
      return undefined;
    }
    return schemaAt(p, readSchema.schema);
  });

  // Destination
  if (to !== undefined) out.push(...lintDestination(patch, to, ctx));

  // Combine format (reference §3.6)
  if (patch.combine) {
    const fmt = patch.combine.fmt;
    const arity = goFormatArityProblem(fmt, reads.length);
    if (arity) add(`${w}.combine.string.fmt must use each of its ${reads.length} variable(s) once, got '${fmt}': it ${arity}`);
    for (const verb of analyzeGoFormat(fmt).verbs) {
      const s = readTypes[verb.argIndex];
      const problem = s ? numberVerbProblem(verb.verb, s) : undefined;
      if (problem) {
        add(`${w}.combine.string.fmt prints ${readField(verb.argIndex).slice(w.length + 1)} '${reads[verb.argIndex]}' with '${verb.text}', `
          + `got a number field: ${problem}; use '%.0f' for whole numbers (combine variables cannot be converted first)`, LintRule.NUMBER_FORMAT);
      }
    }
  }

  // Transforms: the first one sees the source type, later ones were checked when the patch was built.
  const first = !isCombine && readTypes[0] ? goTypeOf(readTypes[0]) : isCombine ? 'string' : undefined;
  let current: GoValueType | undefined = first;
  patch.transforms.forEach((t, i) => {
    const source = i === 0 && !isCombine && readTypes[0] ? ` (${patch.readsFrom} field '${reads[0]}' is ${schemaTypeText(readTypes[0])})` : '';
    if (i === 0 && current !== undefined) {
      const problem = t._inputProblem(current);
      if (problem) add(`${w}.transforms[0] ${problem}${source}: ${firstTransformFix(t, current)}`);
    }
    out.push(...lintFormatTransform(t, current, i === 0 && !isCombine ? readTypes[0] : undefined, `${w}.transforms[${i}]`));
    current = t._outputType;
  });

  // The value against the destination field (the synth-time twin of the typed lambdas' check).
  if (to !== undefined && current !== undefined) {
    const problem = valueTypeProblem(patch, current, to, ctx);
    if (problem) add(problem);
  }
  return out;
}

/**
 * Why the API server would reject the value a patch writes: the destination field's schema
 * type cannot hold the Go type the transform chain produces. Numbers fit integer and number
 * fields alike (P&T reads every number as float64 and writes whole ones without a fraction);
 * free-form and int-or-string fields take anything they can.
 */
function valueTypeProblem(patch: IPatch, value: GoValueType, to: string, ctx: LintContext): string | undefined {
  const dest = schemaFor(patch.writesTo, ctx);
  if (!dest) return undefined;
  const field = destinationSchemaAt(to, dest.schema);
  if (!field || field['x-kubernetes-preserve-unknown-fields'] || field.type === undefined) return undefined;
  const accepts = field['x-kubernetes-int-or-string'] ? ['string', 'int64', 'float64']
    : field.type === 'string' ? ['string']
      : field.type === 'integer' || field.type === 'number' ? ['int64', 'float64']
        : field.type === 'boolean' ? ['bool']
          : field.type === 'array' ? ['array']
            : field.type === 'object' ? ['object'] : undefined;
  if (!accepts || accepts.includes(value)) return undefined;
  const reads = patch.fromFieldPaths;
  const source = patch.combine ? `combine of ${reads.map(p => `'${p}'`).join(', ')}` : `fromFieldPath '${reads[0]}'`;
  const how = patch.transforms.length > 0 ? ' after its transforms' : '';
  return `${ctx.where}.toFieldPath '${to}' is ${schemaTypeText(field).replace(' and arrives as float64', '')} in the ${dest.label} schema, `
    + `got ${goTypeText(value)} from ${source}${how}: `
    + `${fixFor(value, field)}`;
}

function goTypeText(t: GoValueType): string {
  return t === 'int64' || t === 'float64' ? 'a number' : t === 'bool' ? 'a boolean' : t === 'array' ? 'an array' : t === 'object' ? 'an object' : 'a string';
}

function fixFor(value: GoValueType, field: JsonSchema): string {
  const to = field.type === 'integer' ? 'int64' : field.type === 'number' ? 'float64' : field.type === 'boolean' ? 'bool' : field.type;
  const convertible = (value === 'string' || value === 'bool' || value === 'int64' || value === 'float64')
    && (to === 'string' || to === 'int64' || to === 'float64' || to === 'bool');
  return convertible
    ? `add Transform.convert(ConvertToType.${to!.toUpperCase()}) as the last transform, or patch a field of that type`
    : 'patch a field of that type, or read a field that holds one';
}

/** The schema at a destination path; `[*]` walks into array items or map values. */
function destinationSchemaAt(path: string, schema: JsonSchema): JsonSchema | undefined {
  const segs = parseFieldPath(path);
  if (!isParsedPath(segs)) return undefined;
  let s: JsonSchema | undefined = schema;
  for (const seg of segs) {
    if (!s) return undefined;
    if (s['x-kubernetes-preserve-unknown-fields'] && !s.properties) return undefined;
    if (seg.kind === 'index' || (seg.name === '*' && s.items)) s = s.items;
    else s = s.properties?.[seg.name] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);
  }
  return s;
}

function lintDestination(patch: IPatch, to: string, ctx: LintContext): LintFinding[] {
  const w = ctx.where;
  if (patch.writesTo === PatchEnd.COMPOSITE) {
    if (/^spec\.crossplane(\.|\[|$)/.test(to)) {
      return [{ message: `${w}.toFieldPath must not write Crossplane's machinery, got '${to}': spec.crossplane is owned by Crossplane; write a status field instead` }];
    }
    if (!/^status(\.|\[)/.test(to)) {
      return [{
        rule: LintRule.XR_NON_STATUS_WRITE,
        message: `${w}.toFieldPath must be a status field of the XR, got '${to}': Crossplane only persists the XR's status from a pipeline `
          + '(reference §3.4); declare the field under status in the XRD and write there',
      }];
    }
    if (ctx.xrSchema) {
      const problem = checkFieldPath(to, ctx.xrSchema);
      if (problem) {
        return [{ message: `${w}.toFieldPath must be a status field declared in the XRD schema, got '${to}': ${problem.message}`
          + `${problem.suggestion ? `; ${problem.suggestion}` : '; declare it under status in the XRD'}` }];
      }
    }
  } else if (patch.writesTo === PatchEnd.COMPOSED && ctx.composedSchema) {
    const problem = checkFieldPath(to, ctx.composedSchema);
    if (problem) {
      return [{ message: `${w}.toFieldPath must name a field of the composed resource's schema, got '${to}': ${problem.message}`
        + `${problem.suggestion ? `; ${problem.suggestion}` : ''}` }];
    }
  }
  return [];
}

function lintFormatTransform(t: Transform, input: GoValueType | undefined, source: JsonSchema | undefined, where: string): LintFinding[] {
  if (t.type !== TransformType.STRING) return [];
  const spec = t._toJson().string as { type: string; fmt?: string };
  if (spec.type !== 'Format' || spec.fmt === undefined) return [];
  const out: LintFinding[] = [];
  const arity = goFormatArityProblem(spec.fmt, 1);
  if (arity) out.push({ message: `${where}.string.fmt must use its one input exactly once, got '${spec.fmt}': it ${arity}` });
  if (input === 'float64' || input === 'int64') {
    for (const verb of analyzeGoFormat(spec.fmt).verbs) {
      const problem = numberVerbProblem(verb.verb, source, input);
      if (problem) {
        out.push({
          rule: LintRule.NUMBER_FORMAT,
          message: `${where}.string.fmt formats a number with '${verb.text}', got '${spec.fmt}': ${problem}; `
            + 'insert Transform.convert(ConvertToType.STRING) before it and format with %s',
        });
      }
    }
  }
  return out;
}

/**
 * What Go prints wrongly when `verb` formats a number read from an object (float64, §3.7).
 * `s` is the field's schema when known (its `maximum` tells whether 1e+06 can happen).
 */
function numberVerbProblem(verb: string, s: JsonSchema | undefined, goType: GoValueType = 'float64'): string | undefined {
  if (s && s.type !== 'integer' && s.type !== 'number') return undefined;
  if (goType === 'int64') return verb === 's' || verb === 'q' ? `Go prints %!${verb}(int64=N)` : undefined;
  if (['d', 'o', 'O', 'c', 'U', 's', 'q'].includes(verb)) return `numbers arrive as float64, so Go prints %!${verb}(float64=N)`;
  if (s && (verb === 'v' || verb === 'g' || verb === 'G') && !(s.maximum !== undefined && s.maximum < 1e6)) {
    return 'numbers arrive as float64 and values of 1000000 or more print as 1e+06';
  }
  return undefined;
}

function firstTransformFix(t: Transform, input: GoValueType): string {
  if (t.type === TransformType.MAP || t.type === TransformType.MATCH) return 'insert Transform.convert(ConvertToType.STRING) before it';
  if (t.type === TransformType.MATH) return 'insert Transform.convert(ConvertToType.FLOAT64) before it, or read a number field';
  if (t.type === TransformType.CONVERT) return input === 'string' ? 'set the format the conversion needs' : 'convert to string first, or read a field of another type';
  return 'read a field of the type this transform needs';
}

function schemaFor(end: PatchEnd | undefined, ctx: LintContext): { schema: JsonSchema; label: string } | undefined {
  if (end === PatchEnd.COMPOSITE && ctx.xrSchema) return { schema: injected(ctx.xrSchema), label: 'XR' };
  if (end === PatchEnd.COMPOSED && ctx.composedSchema) return { schema: ctx.composedSchema, label: 'composed resource\'s' };
  return undefined;
}

/** The schema of the value at `path`, when the schema says exactly (no free-form parts). */
function schemaAt(path: string, schema: JsonSchema): JsonSchema | undefined {
  const segs = parseFieldPath(path);
  if (!isParsedPath(segs)) return undefined;
  let s: JsonSchema | undefined = schema;
  for (const seg of segs) {
    if (!s) return undefined;
    if (seg.kind === 'index') s = s.items;
    else s = s.properties?.[seg.name] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);
  }
  return s;
}

function goTypeOf(s: JsonSchema): GoValueType | undefined {
  if (s['x-kubernetes-int-or-string']) return undefined;
  switch (s.type) {
    case 'string': return 'string';
    case 'integer': case 'number': return 'float64';
    case 'boolean': return 'bool';
    case 'array': return 'array';
    case 'object': return 'object';
    default: return undefined;
  }
}

function schemaTypeText(s: JsonSchema): string {
  const t = s.type === 'integer' ? 'an integer' : s.type === 'array' ? 'an array' : s.type === 'object' ? 'an object' : `a ${s.type}`;
  return s.type === 'integer' || s.type === 'number' ? `${t} and arrives as float64` : t;
}

/** Checks a readiness check: MatchInteger never passes (§3.9), field paths against the composed schema. */
export function lintReadinessCheck(check: ReadinessCheck, ctx: LintContext): string[] {
  const out: string[] = [];
  if (check.type === ReadinessCheckType.MATCH_INTEGER) {
    out.push(`${ctx.where}.type must not be MatchInteger, got 'MatchInteger': observed numbers arrive as float64 so the check always errors; `
      + 'use ReadinessCheck.matchCondition(), matchString() or nonEmpty() instead');
  }
  const p = check.fieldPath;
  if (p !== undefined && hasWildcard(p)) {
    out.push(`${ctx.where}.fieldPath must not contain a wildcard, got '${p}': a readiness check reads a single value; name one element such as [0]`);
  } else if (p !== undefined && ctx.composedSchema) {
    const problem = checkFieldPath(p, ctx.composedSchema, { allowWildcards: false });
    if (problem) out.push(`${ctx.where}.fieldPath must name a field of the composed resource's schema, got '${p}': ${problem.message}${problem.suggestion ? `; ${problem.suggestion}` : ''}`);
  }
  return out;
}

function hasWildcard(p: string): boolean {
  const segs = parseFieldPath(p);
  return isParsedPath(segs) && segs.some(x => isBracketWildcard(x) || isDotWildcard(x));
}

/** Checks a FromFieldPath connection detail's path against the composed schema. */
export function lintConnectionDetail(detail: ConnectionDetail, ctx: LintContext): string[] {
  const p = detail.fromFieldPath;
  if (detail.type !== ConnectionDetailType.FROM_FIELD_PATH || p === undefined) return [];
  if (hasWildcard(p)) {
    return [`${ctx.where}.fromFieldPath must not contain a wildcard, got '${p}': a connection detail reads a single value; name one element such as [0]`];
  }
  if (!ctx.composedSchema) return [];
  const problem = checkFieldPath(p, ctx.composedSchema, { allowWildcards: false });
  return problem
    ? [`${ctx.where}.fromFieldPath must name a field of the composed resource's schema, got '${p}': ${problem.message}${problem.suggestion ? `; ${problem.suggestion}` : ''}`]
    : [];
}

/**
 * Checks every patch of a patch set against the XR schema; composed-side paths are not
 * checked since a set is shared across kinds. `ctx.where` names the set, e.g. `patchSets[common]`.
 */
export function lintPatchSet(set: PatchSet, ctx: LintContext): string[] {
  return set.patches.flatMap((p, i) => lintPatch(p, { xrSchema: ctx.xrSchema, where: `${ctx.where}.patches[${i}]` }));
}
