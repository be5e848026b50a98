import { ApiObject } from 'cdk8s';

/**
 * A Kubernetes manifest as far as layering needs it: plain objects from YAML or `toJson()`.
 */
export interface PlatformManifest {
  readonly apiVersion?: unknown;
  readonly kind?: unknown;
  readonly metadata?: { readonly name?: unknown; readonly namespace?: unknown };
}

/** apiVersion, kind, name and namespace of a manifest or ApiObject, as strings. */
export interface ObjectIdentity {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name?: string;
  readonly namespace?: string;
}

/** Reads the identity of a cdk8s ApiObject or a plain manifest. */
export function identityOf(obj: ApiObject | PlatformManifest): ObjectIdentity {
  if (ApiObject.isApiObject(obj)) {
    return { apiVersion: obj.apiVersion, kind: obj.kind, name: obj.name, namespace: obj.metadata.namespace };
  }
  const md = obj.metadata ?? {};
  return {
    apiVersion: typeof obj.apiVersion === 'string' ? obj.apiVersion : '',
    kind: typeof obj.kind === 'string' ? obj.kind : '',
    name: typeof md.name === 'string' ? md.name : undefined,
    namespace: typeof md.namespace === 'string' ? md.namespace : undefined,
  };
}

