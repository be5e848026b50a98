/**
 * function-go-templating's RunFunction, in-process (fn.go at v0.12.2): templates from the input
 * source rendered with Go's text/template, Sprig and the function's own helpers over the
 * request, the output read back as objects, and each object sent where fn.go sends it —
 * composed resources by their `composition-resource-name` annotation, the XR's status and
 * readiness, and the `meta.gotemplating.fn.crossplane.io` kinds for connection details, claim
 * conditions, context and extra resources. Messages and severities are the function's own.
 */
import { decodeBase64Prefix } from '../../go/base64';
import { sprigFunctions } from '../../go/sprig';
import { goQuote } from '../../go/strconv';
import { GoFunc, Template, TemplateExecError, TemplateParseError } from '../../go/template';
import type {
  CompositionFunctionImpl, FunctionCondition, FunctionRequest, FunctionResponse, Readiness, ResourceSelector, ResourceState,
} from '../../protocol';
import type { ObjectValue, Value } from '../../go/values';
import { deepCopy, isObject } from '../../go/values';
import { mergeOverride } from '../../runtime/merge';
import { DecodeError, decodeManifests } from './decode';
import { decodeGoTemplateInput, GoTemplateInput, InputError } from './input';
import { EXTRA_RESOURCES_CONTEXT_KEY, requestMap, requiredResourcesJson } from './request-map';
import { outputSizeWatcher } from './size-watch';
import { SourceError, TemplateFileSystem, templatesOf } from './sources';
import { goTemplatingFunctions } from './template-functions';

export const ANNOTATION_RESOURCE_NAME = 'gotemplating.fn.crossplane.io/composition-resource-name';
export const ANNOTATION_READY = 'gotemplating.fn.crossplane.io/ready';
export const META_API_VERSION = 'meta.gotemplating.fn.crossplane.io/v1alpha1';
const SYSTEM_CONDITION_TYPES = new Set(['Ready', 'Synced', 'Healthy']);

const SPRIG = sprigFunctions();

class Fatal extends Error {}

/** Values as they travel in a protobuf Struct: every number a float64. */
function structValue(v: Value): Value {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(structValue);
  if (isObject(v)) {
    const o: ObjectValue = {};
    for (const k of Object.keys(v)) o[k] = structValue(v[k]);
    return o;
  }
  return v;
}

function annotationsOf(o: ObjectValue): ObjectValue | undefined {
  const m = o.metadata;
  const a = isObject(m) ? m.annotations : undefined;
  return isObject(a) ? a : undefined;
}

/** unstructured.NestedStringMap on metadata.annotations. */
function checkAnnotations(o: ObjectValue): void {
  const a = annotationsOf(o);
  if (!a) return;
  for (const k of Object.keys(a).sort()) {
    const v = a[k];
    if (typeof v !== 'string') {
      const api = typeof o.apiVersion === 'string' ? o.apiVersion : '';
      const slash = api.indexOf('/');
      const gvk = `${slash >= 0 ? api.slice(0, slash) : ''}/${slash >= 0 ? api.slice(slash + 1) : api}, Kind=${o.kind as string}`;
      const shown = typeof v === 'bigint' ? v.toString() : JSON.stringify(v);
      const type = typeof v === 'bigint' ? 'int64' : typeof v === 'number' ? 'float64' : typeof v === 'boolean' ? 'bool' : v === null ? '<nil>' : Array.isArray(v) ? '[]interface {}' : 'map[string]interface {}';
      const name = a[ANNOTATION_RESOURCE_NAME];
      throw new Fatal(`invalid annotations in resource '${gvk} resource-name=${name === undefined ? '<nil>' : String(name)}': `
        + `.metadata.annotations accessor error: contains non-string value in the map under key ${goQuote(k)}: ${shown} is of the type ${type}, expected string`);
    }
  }
}

const READY: Record<string, Readiness> = { True: 'READY_TRUE', False: 'READY_FALSE', Unspecified: 'READY_UNSPECIFIED' };

function jsonKind(v: Value): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (isObject(v)) return 'object';
  return 'number';
}

/** fieldpath GetValueInto(field, &map[string]any) errors. */
function mapField(o: ObjectValue, field: string, goType: string): ObjectValue {
  if (!Object.prototype.hasOwnProperty.call(o, field)) throw new Error(`${field}: no such field`);
  const v = o[field];
  if (v === null) return {};
  if (!isObject(v)) throw new Error(`cannot unmarshal value from JSON: json: cannot unmarshal ${jsonKind(v)} into Go value of type ${goType}`);
  return v;
}

function selectorOf(v: Value, key: string): ResourceSelector {
  if (!isObject(v)) {
    throw new Error(`cannot unmarshal value from JSON: json: cannot unmarshal ${jsonKind(v)} into Go value of type main.ExtraResourcesRequirement`);
  }
  const str = (f: string): string => {
    const x = v[f];
    if (x === undefined || x === null) return '';
    if (typeof x !== 'string') {
      throw new Error(`cannot unmarshal value from JSON: json: cannot unmarshal ${jsonKind(x)} into Go struct field ExtraResourcesRequirement.${key}.${f} of type string`);
    }
    return x;
  };
  const sel: ResourceSelector = { apiVersion: str('apiVersion'), kind: str('kind') };
  const matchName = str('matchName');
  if (matchName === '') {
    const labels: Record<string, string> = {};
    if (isObject(v.matchLabels)) for (const [k, l] of Object.entries(v.matchLabels)) labels[k] = String(l);
    sel.matchLabels = labels;
    return sel;
  }
  sel.matchName = matchName;
  const ns = str('namespace');
  if (ns !== '') sel.namespace = ns;
  return sel;
}

function conditionOf(c: Value): FunctionCondition {
  const o = isObject(c) ? c : {};
  const s = (f: string): string => (typeof o[f] === 'string' ? (o[f] as string) : '');
  const status = s('status') === 'True' ? 'STATUS_CONDITION_TRUE' : s('status') === 'False' ? 'STATUS_CONDITION_FALSE' : 'STATUS_CONDITION_UNKNOWN';
  const out: FunctionCondition = { type: s('type'), status, reason: s('reason') };
  if (s('message') !== '') out.message = s('message');
  return out;
}

/** Builds the template set function-go-templating builds (GetNewTemplateWithFunctionMaps). */
export function newTemplate(input: Pick<GoTemplateInput, 'delims'>): Template {
  let tpl = Template.create('manifests');
  const left = input.delims?.left;
  const right = input.delims?.right;
  if (left !== undefined && right !== undefined) tpl = tpl.delims(left, right);
  const own = goTemplatingFunctions(() => tpl);
  const { include, ...rest } = own;
  tpl.funcs(rest as Record<string, GoFunc>);
  tpl.funcs({ include });
  tpl.funcs(SPRIG);
  return tpl;
}

const TEMPLATE_CACHE_LIMIT = 256;
const templateCache = new Map<string, Template | string>();

/**
 * The parsed template set, or the fatal message. The function parses on every call; parsing is
 * a pure function of the text, delimiters and options, so renders of the same step reuse it.
 */
function preparedTemplate(input: GoTemplateInput, text: string): Template | string {
  const key = JSON.stringify([text, input.delims?.left, input.delims?.right, input.options]);
  const hit = templateCache.get(key);
  if (hit !== undefined) return hit;
  let result: Template | string;
  const tpl = newTemplate(input);
  try {
    tpl.parse(text);
    result = tpl;
    if (input.options) {
      try {
        tpl.option(...input.options);
      } catch (e) {
        result = `cannot apply template options: panic occurred while applying template options: ${(e as Error).message}`;
      }
    }
  } catch (e) {
    if (!(e instanceof TemplateParseError)) throw e;
    result = `invalid function input: cannot parse the provided templates: ${e.message}`;
  }
  if (templateCache.size >= TEMPLATE_CACHE_LIMIT) templateCache.clear();
  templateCache.set(key, result);
  return result;
}

/** How the offline function is set up, as the function binary's flags and its container set it up. */
export interface GoTemplatingOptions {
  /**
   * The function's `--default-source` flag (`FUNCTION_GO_TEMPLATING_DEFAULT_SOURCE`): a folder
   * read as the FileSystem source when a step has no input source.
   *
   * @default - none: a step without a source fails with "source is required"
   */
  readonly defaultSource?: string;
  /**
   * Where the function's FileSystem source reads folders.
   *
   * @default - the local disk, paths as written
   */
  readonly files?: TemplateFileSystem;
}

/**
 * function-go-templating set up with `options`; {@link runGoTemplating} is the one with none,
 * which the built-in catalogue uses.
 */
export function goTemplatingRunner(options: GoTemplatingOptions = {}): CompositionFunctionImpl {
  return (req) => runWith(req, options);
}

/** Runs function-go-templating for one pipeline step. Never throws on user data: problems are results. */
export function runGoTemplating(req: FunctionRequest): FunctionResponse {
  return runWith(req, {});
}

function runWith(req: FunctionRequest, options: GoTemplatingOptions): FunctionResponse {
  const rsp: FunctionResponse = {
    desired: { composite: req.desired.composite, resources: { ...req.desired.resources } },
    context: { ...req.context },
    results: [],
  };
  const fatal = (message: string): FunctionResponse => {
    rsp.results.push({ severity: 'SEVERITY_FATAL', message });
    return rsp;
  };

  let input: GoTemplateInput;
  try {
    input = decodeGoTemplateInput(req.input);
  } catch (e) {
    if (e instanceof InputError) return fatal(`cannot get Function input from *v1.RunFunctionRequest: ${e.message}`);
    throw e;
  }

  if (input.source === '' && options.defaultSource) {
    input = { ...input, source: 'FileSystem', fileSystem: { dirPath: options.defaultSource } };
  }

  let text: string;
  try {
    text = templatesOf(input, req.context, options.files);
  } catch (e) {
    if (e instanceof SourceError) return fatal(`invalid function input: ${e.message}`);
    throw e;
  }

  const prepared = preparedTemplate(input, text);
  if (typeof prepared === 'string') return fatal(prepared);
  const tpl = prepared;

  let rendered: string;
  // Ends a template whose resources cannot fit in a gRPC response (size-watch.ts).
  const watcher = outputSizeWatcher(ANNOTATION_RESOURCE_NAME, META_API_VERSION);
  try {
    rendered = tpl.execute(requestMap(req), watcher);
  } catch (e) {
    if (e instanceof TemplateExecError) return fatal(`cannot execute template: ${e.message}`);
    throw e;
  }

  let objs: ObjectValue[];
  try {
    objs = decodeManifests(rendered, checkAnnotations, watcher.readAhead);
  } catch (e) {
    if (e instanceof DecodeError) return fatal(`cannot decode manifest: ${e.message}`);
    if (e instanceof Fatal) return fatal(e.message);
    throw e;
  }

  try {
    return compose(req, rsp, objs);
  } catch (e) {
    if (e instanceof Fatal) {
      // fn.go returns the response as it stands: conditions set so far stay, desired is unchanged.
      rsp.desired = { composite: req.desired.composite, resources: { ...req.desired.resources } };
      return fatal(e.message);
    }
    throw e;
  }
}

function compose(req: FunctionRequest, rsp: FunctionResponse, objs: ObjectValue[]): FunctionResponse {
  const observedXr = req.observed.composite?.resource ?? {};
  const dxr: ObjectValue = deepCopy(req.desired.composite?.resource ?? {});
  const dxrDetails: Record<string, string> = { ...(req.desired.composite?.connectionDetails ?? {}) };
  let dxrReady: Readiness | undefined;
  const composed: Record<string, ResourceState> = {};
  for (const [name, r] of Object.entries(req.desired.resources)) {
    composed[name] = r.ready && r.ready !== 'READY_UNSPECIFIED' ? { resource: r.resource, ready: r.ready } : { resource: r.resource };
  }
  const resources: Record<string, ResourceSelector> = {};
  const extraKeys = new Set<string>();

  for (const obj of objs) {
    let ready: Readiness | undefined;
    const annotations = annotationsOf(obj);
    if (obj.apiVersion !== META_API_VERSION && annotations && Object.prototype.hasOwnProperty.call(annotations, ANNOTATION_READY)) {
      const v = annotations[ANNOTATION_READY] as string;
      if (!(v in READY)) {
        throw new Fatal(`invalid function input: invalid ${goQuote(ANNOTATION_READY)} annotation value ${goQuote(v)}: must be True, False, or Unspecified`);
      }
      ready = READY[v];
      delete annotations[ANNOTATION_READY];
    }
    const nameFound = annotations !== undefined && Object.prototype.hasOwnProperty.call(annotations, ANNOTATION_RESOURCE_NAME);
    const name = nameFound ? (annotations![ANNOTATION_RESOURCE_NAME] as string) : '';

    if ((obj.apiVersion ?? '') === (observedXr.apiVersion ?? '') && obj.kind === observedXr.kind && !nameFound) {
      const dstExists = Object.prototype.hasOwnProperty.call(dxr, 'status');
      const srcExists = Object.prototype.hasOwnProperty.call(obj, 'status');
      if (dstExists || srcExists) {
        let dst: ObjectValue;
        let src: ObjectValue;
        try {
          dst = dstExists ? deepCopy(mapField(dxr, 'status', 'map[string]interface {}')) : {};
        } catch (e) {
          throw new Fatal(`cannot get desired composite status: ${(e as Error).message}`);
        }
        try {
          src = srcExists ? deepCopy(mapField(obj, 'status', 'map[string]interface {}')) : {};
        } catch (e) {
          throw new Fatal(`cannot get templated composite status: ${(e as Error).message}`);
        }
        dxr.status = mergeOverride(dst, src);
      }
      if (ready !== undefined) dxrReady = ready;
      continue;
    }

    if (obj.apiVersion === META_API_VERSION) {
      switch (obj.kind) {
        case 'CompositeConnectionDetails': {
          const data = obj.data;
          if (isObject(data) && Object.values(data).every((v) => typeof v === 'string')) {
            for (const [k, v] of Object.entries(data)) dxrDetails[k] = decodeBase64Lenient(v as string);
          }
          break;
        }
        case 'ClaimConditions': {
          if (!Object.prototype.hasOwnProperty.call(obj, 'conditions')) throw new Fatal('cannot get Conditions from input: conditions: no such field');
          const conds = obj.conditions;
          if (conds !== null && !Array.isArray(conds)) {
            throw new Fatal(`cannot get Conditions from input: cannot unmarshal value from JSON: json: cannot unmarshal ${jsonKind(conds)} into Go value of type []main.TargetedCondition`);
          }
          for (const c of conds ?? []) {
            const cond = conditionOf(c);
            if (SYSTEM_CONDITION_TYPES.has(cond.type)) {
              throw new Fatal(`cannot set ClaimCondition type: ${cond.type} is a reserved Crossplane Condition`);
            }
            (rsp.conditions ??= []).push(cond);
          }
          break;
        }
        case 'Context': {
          let data: ObjectValue;
          try {
            data = mapField(obj, 'data', 'map[string]interface {}');
          } catch (e) {
            throw new Fatal(`cannot get Contexts from input: ${(e as Error).message}`);
          }
          const merged = Object.keys(data).length === 0 ? deepCopy(req.context) : mergeOverride(deepCopy(req.context), deepCopy(data));
          for (const key of Object.keys(merged)) rsp.context[key] = structValue(merged[key]);
          break;
        }
        case 'ExtraResources': {
          let reqs: ObjectValue;
          try {
            reqs = mapField(obj, 'requirements', 'main.ExtraResourcesRequirements');
          } catch (e) {
            throw new Fatal(`cannot get extra resources requirements: ${(e as Error).message}`);
          }
          for (const k of Object.keys(reqs)) {
            let sel: ResourceSelector;
            try {
              sel = selectorOf(reqs[k], k);
            } catch (e) {
              throw new Fatal(`cannot get extra resources requirements: ${(e as Error).message}`);
            }
            if (extraKeys.has(k)) throw new Fatal(`duplicate extra resource key ${goQuote(k)}`);
            resources[k] = sel;
            const ns = isObject(reqs[k]) ? (reqs[k] as ObjectValue).namespace : undefined;
            if (typeof ns !== 'string' || ns === '') extraKeys.add(k);
          }
          break;
        }
        default:
          throw new Fatal(`invalid kind ${goQuote(String(obj.kind))} for apiVersion ${goQuote(META_API_VERSION)} - must be one of CompositeConnectionDetails, Context or ExtraResources`);
      }
      continue;
    }

    if (annotations && nameFound) delete annotations[ANNOTATION_RESOURCE_NAME];
    if (!nameFound) throw new Fatal(`${goQuote(String(obj.kind))} template is missing required ${goQuote(ANNOTATION_RESOURCE_NAME)} annotation`);
    const state: ResourceState = { resource: structValue(obj) as ObjectValue };
    if (ready !== undefined && ready !== 'READY_UNSPECIFIED') state.ready = ready;
    composed[name] = state;
  }

  const composite: ResourceState = { resource: structValue(dxr) as ObjectValue };
  if (Object.keys(dxrDetails).length > 0) composite.connectionDetails = dxrDetails;
  if (dxrReady !== undefined && dxrReady !== 'READY_UNSPECIFIED') composite.ready = dxrReady;
  rsp.desired = { composite, resources: composed };
  if (Object.keys(resources).length > 0) rsp.requirements = { resources };

  if (Object.keys(req.requiredResources).length > 0) {
    const existing = req.context[EXTRA_RESOURCES_CONTEXT_KEY];
    const merged: ObjectValue = isObject(existing) ? { ...existing } : {};
    Object.assign(merged, structValue(requiredResourcesJson(req) as unknown as Value) as ObjectValue);
    rsp.context[EXTRA_RESOURCES_CONTEXT_KEY] = merged;
  }
  return rsp;
}

/** base64.StdEncoding.DecodeString with the error ignored, as fn.go does: what decoded before the error. */
function decodeBase64Lenient(v: string): string {
  return new TextDecoder('utf-8').decode(decodeBase64Prefix(v).bytes);
}
