/**
 * `--xrd` for render: the XR CRD's schema defaults applied to the input XR (reference §4.4 A),
 * with the Kubernetes structural-defaulting rules: a property with a `default` is set when the
 * key is absent (or null and not nullable); defaults are applied inside existing objects,
 * `additionalProperties` values and array items. An XRD without `scope` has the scope the API
 * server defaults for its apiVersion: LegacyCluster for `v1`, Namespaced for `v2`.
 */
import { UserError } from '../errors';
import type { ObjectValue, Value } from './go/values';
import { deepCopy, fromKubernetesJson, isObject } from './go/values';

type Schema = ObjectValue;

function applyDefaults(v: Value, schema: Schema | undefined): void {
  if (!schema) return;
  if (isObject(v)) {
    const props = isObject(schema.properties) ? schema.properties : undefined;
    if (props) {
      for (const [k, ps] of Object.entries(props)) {
        if (!isObject(ps)) continue;
        const has = Object.prototype.hasOwnProperty.call(v, k);
        if (ps.default !== undefined && (!has || (v[k] === null && ps.nullable !== true))) {
          v[k] = fromKubernetesJson(deepCopy(ps.default)) as Value;
        }
      }
      for (const [k, ps] of Object.entries(props)) {
        if (isObject(ps) && v[k] !== undefined) applyDefaults(v[k], ps);
      }
    }
    const ap = schema.additionalProperties;
    if (isObject(ap)) {
      for (const k of Object.keys(v)) if (!props || !(k in props)) applyDefaults(v[k], ap);
    }
  } else if (Array.isArray(v)) {
    const items = schema.items;
    if (isObject(items)) for (const item of v) applyDefaults(item, items);
  }
}

/**
 * The XRD's scope as a cluster stores it: a missing `scope` is what the API server defaults it
 * to, `Namespaced` for `apiextensions.crossplane.io/v2` (crossplane/crossplane
 * apis/apiextensions/v2/xrd_types.go: `+kubebuilder:default=Namespaced`) and `LegacyCluster` for
 * `v1`. Real repositories ship v2 XRDs without a scope and namespaced XRs for them.
 */
export function xrdScope(xrd: ObjectValue): string {
  const spec = isObject(xrd.spec) ? xrd.spec : {};
  if (typeof spec.scope === 'string' && spec.scope !== '') return spec.scope;
  return xrd.apiVersion === 'apiextensions.crossplane.io/v2' ? 'Namespaced' : 'LegacyCluster';
}

/**
 * Applies the defaults of the XRD version matching the XR's apiVersion to `xr` (in place).
 * Throws a UserError naming the XRD when the XR's group/version is not in it.
 */
export function applyXrdDefaults(xr: ObjectValue, xrd: ObjectValue): void {
  const spec = isObject(xrd.spec) ? xrd.spec : {};
  const group = typeof spec.group === 'string' ? spec.group : '';
  const apiVersion = typeof xr.apiVersion === 'string' ? xr.apiVersion : '';
  const slash = apiVersion.indexOf('/');
  const xrGroup = slash >= 0 ? apiVersion.slice(0, slash) : '';
  const xrVersion = slash >= 0 ? apiVersion.slice(slash + 1) : apiVersion;
  const xrdName = isObject(xrd.metadata) && typeof xrd.metadata.name === 'string' ? xrd.metadata.name : '';
  if (xrGroup !== group) {
    throw new UserError(`cannot default values for XR: XRD ${JSON.stringify(xrdName)} defines group '${group}', but the XR's apiVersion is '${apiVersion}': pass the XRD of this XR`);
  }
  const versions = Array.isArray(spec.versions) ? spec.versions.filter(isObject) : [];
  const version = versions.find((v) => v.name === xrVersion);
  if (!version) {
    throw new UserError(`cannot default values for XR: XRD ${JSON.stringify(xrdName)} has no version '${xrVersion}' (versions: ${versions.map((v) => String(v.name)).join(', ')})`);
  }
  const schemaHolder = isObject(version.schema) ? version.schema : {};
  const user = isObject(schemaHolder.openAPIV3Schema) ? schemaHolder.openAPIV3Schema : {};
  const userProps = isObject(user.properties) ? user.properties : {};
  // The XR CRD keeps only the properties of the user's spec and status (reference §1.5):
  // other top-level properties and a default on spec itself are dropped.
  const part = (key: string): ObjectValue => {
    const u = isObject(userProps[key]) ? userProps[key] as ObjectValue : {};
    return { type: 'object', properties: deepCopy(isObject(u.properties) ? u.properties : {}) };
  };
  const specSchema = part('spec');
  const specProps = specSchema.properties as ObjectValue;
  // Crossplane's machinery properties override the user's; only the update policy has a default.
  const policy = typeof spec.defaultCompositionUpdatePolicy === 'string' ? spec.defaultCompositionUpdatePolicy : 'Automatic';
  const updatePolicy: ObjectValue = { type: 'string', enum: ['Automatic', 'Manual'], default: policy };
  if (xrdScope(xrd) === 'LegacyCluster') {
    specProps.compositionUpdatePolicy = updatePolicy;
  } else {
    specProps.crossplane = { type: 'object', properties: { compositionUpdatePolicy: updatePolicy } };
  }
  const schema: ObjectValue = { type: 'object', properties: { spec: specSchema, status: part('status') } };
  applyDefaults(xr, schema);
}
