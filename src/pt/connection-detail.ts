import { UserError } from '../errors';
import { ComposedView, PathArg, resolvePathArg } from './field-path';

/** Where a connection detail's value comes from (reference §3.10). */
export enum ConnectionDetailType {
  FROM_CONNECTION_SECRET_KEY = 'FromConnectionSecretKey',
  FROM_FIELD_PATH = 'FromFieldPath',
  FROM_VALUE = 'FromValue',
}

/**
 * A connection detail of a composed-resource template (`connectionDetails[]`, reference §3.10):
 * a key of the XR's connection secret. `type` is always written (P&T has no Go default).
 */
export class ConnectionDetail<T = any> {
  /** The composed resource's own connection secret key `key`, published as `name`. */
  public static fromConnectionSecretKey<T = any>(name: string, key: string): ConnectionDetail<T> {
    checkKey(name, 'fromConnectionSecretKey name');
    if (typeof key !== 'string' || key === '') throw new UserError(`ConnectionDetail.fromConnectionSecretKey key must be a non-empty string, got '${String(key)}'`);
    return new ConnectionDetail<T>({ name, type: ConnectionDetailType.FROM_CONNECTION_SECRET_KEY, fromConnectionSecretKey: key });
  }

  /** A field of the observed composed resource (strings as is, anything else JSON-encoded). */
  public static fromFieldPath<T = any>(name: string, fieldPath: PathArg<ComposedView<T>>): ConnectionDetail<T> {
    checkKey(name, 'fromFieldPath name');
    const fromFieldPath = resolvePathArg(fieldPath, 'ConnectionDetail.fromFieldPath fieldPath');
    return new ConnectionDetail<T>({ name, type: ConnectionDetailType.FROM_FIELD_PATH, fromFieldPath });
  }

  /** A fixed, non-sensitive value such as a well-known port. */
  public static fromValue<T = any>(name: string, value: string): ConnectionDetail<T> {
    checkKey(name, 'fromValue name');
    if (typeof value !== 'string') {
      throw new UserError(`ConnectionDetail.fromValue value must be a string, got '${String(value)}': quote numbers, e.g. '5432'`);
    }
    return new ConnectionDetail<T>({ name, type: ConnectionDetailType.FROM_VALUE, value });
  }

  /** Type-only marker carrying `T`; never set at run time. */
  public readonly __composed?: (composed: T) => void;

  private constructor(private readonly json: { name: string; type: ConnectionDetailType; fromFieldPath?: string; [k: string]: unknown }) {}

  /** The key in the XR's connection secret. */
  public get name(): string {
    return this.json.name;
  }

  /** The detail type. */
  public get type(): ConnectionDetailType {
    return this.json.type;
  }

  /** The field read, for FromFieldPath details. */
  public get fromFieldPath(): string | undefined {
    return this.json.fromFieldPath;
  }

  /** @internal The exact P&T wire format. */
  public _toJson(): Record<string, unknown> {
    return { ...this.json };
  }
}

function checkKey(name: string, what: string): void {
  // Secret data keys must be valid Kubernetes config keys, or the connection secret is rejected.
  if (typeof name !== 'string' || !/^[-._a-zA-Z0-9]+$/.test(name) || name.length > 253) {
    throw new UserError(`ConnectionDetail.${what} must be a valid Secret key (letters, digits, '-', '_', '.'), got '${String(name)}': `
      + 'rename the key, e.g. \'endpoint\'');
  }
}
