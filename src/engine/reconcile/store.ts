/**
 * The in-memory API server a render reconcile runs against (crossplane/crossplane
 * `internal/render/client.go` `InMemoryClient`): reads come from a store keyed by
 * group/version/kind, namespace and name; writes are recorded as Crossplane's render records them.
 * Server-side applies go to `applied`, updates and status updates to `updated`, deletes to `deleted`;
 * a status write replaces only the stored object's top-level `status` (and `conditions`) and hands
 * the merged object back.
 */
import type { ObjectValue } from '../go/values';
import { deepCopy, isObject } from '../go/values';
import { metaString } from './composite';

function typeKey(apiVersion: string, kind: string, namespace: string, name: string): string {
  return `${apiVersion}\x00${kind}\x00${namespace}\x00${name}`;
}

/** The store key of an object. */
function keyOf(o: ObjectValue): string {
  return typeKey(typeof o.apiVersion === 'string' ? o.apiVersion : '', typeof o.kind === 'string' ? o.kind : '', metaString(o, 'namespace'), metaString(o, 'name'));
}

function groupOf(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash >= 0 ? { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) } : { group: '', version: apiVersion };
}

/**
 * The in-memory client. Stored and recorded objects are never modified while the reconcile runs:
 * `get` callers copy before they write, and every write stores and records one object (or a
 * copy, where the caller keeps writing to its own).
 */
export class InMemoryStore {
  private readonly objects = new Map<string, ObjectValue>();
  /** Objects written by server-side apply (and status patches), in order. */
  public readonly applied: ObjectValue[] = [];
  /** Objects written by update and status update, in order. */
  public readonly updated: ObjectValue[] = [];
  /** Objects deleted, as they were stored. */
  public readonly deleted: ObjectValue[] = [];

  /** Stores `o` as given (the store takes ownership). A later object of the same key wins. */
  public add(o: ObjectValue): void {
    this.objects.set(keyOf(o), o);
  }

  /** The stored object (not a copy: do not modify it). */
  public get(apiVersion: string, kind: string, namespace: string, name: string): ObjectValue | undefined {
    return this.objects.get(typeKey(apiVersion, kind, namespace, name));
  }

  /**
   * List: objects of the group and kind (versions must agree when both are set), in `namespace`
   * when it is not empty, carrying every label of `labels` (none: all of them).
   */
  public list(apiVersion: string, kind: string, namespace: string, labels: Readonly<Record<string, string>>): ObjectValue[] {
    const want = groupOf(apiVersion);
    const out: ObjectValue[] = [];
    for (const o of this.objects.values()) {
      if (o.kind !== kind) continue;
      const have = groupOf(typeof o.apiVersion === 'string' ? o.apiVersion : '');
      if (have.group !== want.group) continue;
      if (want.version !== '' && have.version !== '' && have.version !== want.version) continue;
      if (namespace !== '' && metaString(o, 'namespace') !== namespace) continue;
      const m = isObject(o.metadata) && isObject(o.metadata.labels) ? o.metadata.labels : {};
      if (!Object.keys(labels).every((k) => m[k] === labels[k])) continue;
      out.push(o);
    }
    return out;
  }

  /** Every stored object of `kind`, at any apiVersion (not copies: do not modify them). */
  public ofKind(kind: string): ObjectValue[] {
    const out: ObjectValue[] = [];
    for (const o of this.objects.values()) if (o.kind === kind) out.push(o);
    return out;
  }

  /** Update: stores and records a copy (the caller goes on writing to `o`). */
  public update(o: ObjectValue): void {
    const copy = deepCopy(o);
    this.objects.set(keyOf(copy), copy);
    this.updated.push(copy);
  }

  /** Server-side apply: stores and records `o` itself; the caller must not modify it afterwards. */
  public apply(o: ObjectValue): void {
    this.applied.push(o);
    this.objects.set(keyOf(o), o);
  }

  /**
   * Status patch (recorded as applied) or status update (recorded as updated). Returns the
   * merged object as stored: callers that go on writing copy what they write to.
   */
  public writeStatus(o: ObjectValue, how: 'patch' | 'update'): ObjectValue {
    const key = keyOf(o);
    const stored = this.objects.get(key);
    // Only the top-level status (and conditions) change: the rest is shared with the stored
    // object, which nobody modifies.
    const merged: ObjectValue = stored ? { ...stored } : deepCopy(o);
    if (stored) {
      if ('status' in o) merged.status = deepCopy(o.status!);
      if ('conditions' in o) merged.conditions = deepCopy(o.conditions!);
    }
    this.objects.set(key, merged);
    (how === 'patch' ? this.applied : this.updated).push(merged);
    return merged;
  }

  /** Delete: records the stored object and removes it. */
  public delete(o: ObjectValue): void {
    const key = keyOf(o);
    const stored = this.objects.get(key);
    if (!stored) return;
    this.deleted.push(stored);
    this.objects.delete(key);
  }
}
