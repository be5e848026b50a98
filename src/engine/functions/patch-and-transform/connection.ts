/**
 * P&T connection details (reference §3.10; P&T's connection.go): extraction from observed
 * composed resources, and the connection Secret P&T composes for modern (v2) XRs.
 *
 * Connection detail values are kept as text (the protocol carries bytes).
 */
import { wrap } from '../../go/errors';
import { MissingField, Paved } from '../../runtime/fieldpath';
import { applyCombinePatch, applyFromFieldPathPatch } from './patches';
import type { PtConnectionDetail, PtInput } from './input';
import { fromPolicy, patchType } from './input';
import { validateConnectionDetail } from './validate';
import type { ObjectValue, Value } from '../../go/values';
import { goJsonMarshal, isObject } from '../../go/values';

/**
 * Extracts XR connection details from an observed composed resource. Missing keys and fields
 * are skipped silently (they may appear later); an invalid detail throws `invalid: ...`.
 */
export function extractConnectionDetails(
  observed: ObjectValue, observedDetails: Record<string, string> | undefined, cfgs: readonly PtConnectionDetail[] | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const cfg of cfgs ?? []) {
    const invalid = validateConnectionDetail(cfg);
    if (invalid) throw wrap(invalid.toString(), 'invalid');
    switch (cfg.type) {
      case 'FromValue':
        out[cfg.name!] = cfg.value!;
        break;
      case 'FromConnectionSecretKey': {
        const v = observedDetails?.[cfg.fromConnectionSecretKey!];
        if (v !== undefined) out[cfg.name!] = v;
        break;
      }
      case 'FromFieldPath': {
        const v = fromFieldPath(observed, cfg.fromFieldPath!);
        if (v !== undefined) out[cfg.name!] = v;
        break;
      }
    }
  }
  return out;
}

/**
 * A detail read from a field of the observed resource: a string as it is, any other value as
 * Go's JSON encoding. Undefined when it cannot be read (P&T leaves the detail out: the field
 * may appear later). A missing field, the usual case before a resource is ready, is looked up
 * rather than thrown.
 */
function fromFieldPath(observed: ObjectValue, path: string): string | undefined {
  try {
    const v = new Paved(observed).lookup(path);
    if (v instanceof MissingField) return undefined;
    return typeof v === 'string' ? v : goJsonMarshal(v);
  } catch {
    return undefined;
  }
}

/** Whether the observed XR is a modern (v2) XR: it has `spec.crossplane` (reference §3.10). */
export function isModernXr(oxr: ObjectValue): boolean {
  const spec = oxr.spec;
  return isObject(spec) && spec.crossplane !== undefined;
}

/** The desired-resource key of the connection Secret P&T composes for a modern XR. */
export function connectionSecretKey(oxr: ObjectValue): string {
  return `${metaString(oxr, 'name')}-connection-secret`;
}

function metaString(o: ObjectValue, key: string): string {
  const m = o.metadata;
  const v = isObject(m) ? m[key] : undefined;
  return typeof v === 'string' ? v : '';
}

/**
 * The XR's own `spec.writeConnectionSecretToRef` as function-sdk-go's composite reads it
 * (GetWriteConnectionSecretToReference: decoded into a SecretReference, undefined when it is
 * absent or does not decode; a null decodes to the empty reference).
 */
function xrSecretRef(oxr: ObjectValue): ObjectValue | undefined {
  const spec = oxr.spec;
  if (!isObject(spec) || !Object.prototype.hasOwnProperty.call(spec, 'writeConnectionSecretToRef')) return undefined;
  const r = spec.writeConnectionSecretToRef;
  if (r === null) return { name: '', namespace: '' };
  if (!isObject(r)) return undefined;
  const field = (v: Value | undefined) => (v === undefined || v === null ? '' : typeof v === 'string' ? v : undefined);
  const name = field(r.name);
  const namespace = field(r.namespace);
  return name === undefined || namespace === undefined ? undefined : { name, namespace };
}

/**
 * The connection Secret for a modern XR (P&T's composeConnectionSecret). Name and namespace
 * (getBaseConnectionSecretRef): the XR's own `spec.writeConnectionSecretToRef` when it has one,
 * else the input's `writeConnectionSecretToRef` when it sets either, else `<xr-name>-connection`
 * in the XR's namespace; then
 * the ref's patches (FromCompositeFieldPath, skipped on any error when Optional, and
 * CombineFromComposite). Throws with P&T's wrapped messages.
 */
export function composeConnectionSecret(oxr: ObjectValue, details: Record<string, string>, input: PtInput): ObjectValue {
  const inputRef = input.writeConnectionSecretToRef;
  const xrRef = xrSecretRef(oxr);
  let ref: ObjectValue;
  if (xrRef) {
    ref = xrRef;
  } else if (inputRef && (inputRef.name || inputRef.namespace)) {
    ref = { name: inputRef.name ?? '', namespace: inputRef.namespace ?? '' };
  } else {
    ref = { name: `${metaString(oxr, 'name')}-connection`, namespace: metaString(oxr, 'namespace') };
  }
  const patches = inputRef?.patches ?? [];
  const refObj: ObjectValue = { apiVersion: 'v1', kind: 'SecretReference', name: ref.name, namespace: ref.namespace };
  const fail = (err: unknown) => wrap(wrap(err, 'cannot apply connection secret patches'), 'cannot generate connection secret reference');
  for (let i = 0; i < patches.length; i++) {
    const p = patches[i] ?? {};
    const type = patchType(p);
    if (type === 'FromCompositeFieldPath') {
      try {
        applyFromFieldPathPatch(p, oxr, refObj);
      } catch (err) {
        if (fromPolicy(p) === 'Optional') continue;
        throw fail(wrap(err, `cannot apply patch type ${type} at index ${i}`));
      }
    } else if (type === 'CombineFromComposite') {
      try {
        applyCombinePatch(p, oxr, refObj);
      } catch (err) {
        throw fail(wrap(err, `cannot apply patch type ${type} at index ${i}`));
      }
    } else {
      throw fail(new Error(`unsupported patch type ${type} at index ${i}`));
    }
  }
  if (typeof refObj.name === 'string') ref.name = refObj.name;
  if (typeof refObj.namespace === 'string') ref.namespace = refObj.namespace;
  const data: ObjectValue = {};
  for (const k of Object.keys(details).sort()) data[k] = Buffer.from(details[k], 'utf8').toString('base64');
  const metadata: ObjectValue = {};
  if (typeof ref.name === 'string' && ref.name !== '') metadata.name = ref.name;
  if (typeof ref.namespace === 'string' && ref.namespace !== '') metadata.namespace = ref.namespace;
  return { apiVersion: 'v1', kind: 'Secret', metadata, data, type: 'connection.crossplane.io/v1alpha1' };
}
