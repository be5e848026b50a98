/**
 * The in-memory API server a render reconcile runs against (crossplane/crossplane
 * `internal/render/client.go` `InMemoryClient`): reads come from a store keyed by
 * group/version/kind, namespace and name; writes are recorded as Crossplane's render records them.
 * Server-side applies go to `applied`, updates and status updates to `updated`, deletes to `deleted`;
 * a status write replaces only the stored object's top-level `status` (and `conditions`) and hands
 * the merged object back.
 */
import type { ObjectValue } from '../go/values';
import { stringValue as str } from '../go/decoded';
import { deepCopy, isObject } from '../go/values';
import { metaString } from './composite';

/** A stored object, and its place in the order objects were first stored. */
interface Slot {
  object: ObjectValue;
  readonly order: number;
}

/**
 * Stored objects by apiVersion, kind, namespace and name, one map per part: the parts are
 * strings already held by the objects, whose hashes V8 keeps, where one key joined from them
 * would be a new string to hash on every read and write.
 */
type Index = Map<string, Map<string, Map<string, Map<string, Slot>>>>;

function level<K, V>(m: Map<K, V>, key: K, create: () => V): V {
  let v = m.get(key);
  if (v === undefined) m.set(key, (v = create()));
  return v;
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
  private readonly index: Index = new Map();
  private stored = 0;
  /** Objects written by server-side apply (and status patches), in order. */
  public readonly applied: ObjectValue[] = [];
  /** Objects written by update and status update, in order. */
  public readonly updated: ObjectValue[] = [];
  /** Objects deleted, as they were stored. */
  public readonly deleted: ObjectValue[] = [];

  /** Stores `o` as given (the store takes ownership). A later object of the same key wins. */
  public add(o: ObjectValue): void {
    this.put(o);
  }

  /** The stored object (not a copy: do not modify it). */
  public get(apiVersion: string, kind: string, namespace: string, name: string): ObjectValue | undefined {
    return this.byName(apiVersion, kind, namespace)?.get(name)?.object;
  }

  /** The slots of one apiVersion, kind and namespace, by name (undefined when none is stored). */
  private byName(apiVersion: string, kind: string, namespace: string): Map<string, Slot> | undefined {
    return this.index.get(apiVersion)?.get(kind)?.get(namespace);
  }

  /** The slot of `o`'s key (undefined when nothing of that key is stored). */
  private slotOf(o: ObjectValue): Slot | undefined {
    return this.byName(str(o.apiVersion), str(o.kind), metaString(o, 'namespace'))?.get(metaString(o, 'name'));
  }

  /** Stores `o` under its key; an object replacing another keeps the other's place in the order. */
  private put(o: ObjectValue): void {
    const byKind = level(this.index, str(o.apiVersion), () => new Map());
    const byNamespace = level(byKind, str(o.kind), () => new Map());
    const byName = level(byNamespace, metaString(o, 'namespace'), () => new Map());
    const name = metaString(o, 'name');
    const slot = byName.get(name);
    if (slot) slot.object = o;
    else byName.set(name, { object: o, order: this.stored++ });
  }

  /** Every stored object, in the order of their keys' first store (a Map's order). */
  private all(): ObjectValue[] {
    const slots: Slot[] = [];
    for (const byKind of this.index.values()) {
      for (const byNamespace of byKind.values()) {
        for (const byName of byNamespace.values()) for (const slot of byName.values()) slots.push(slot);
      }
    }
    return slots.sort((a, b) => a.order - b.order).map((slot) => slot.object);
  }

  /**
   * List: objects of the group and kind (versions must agree when both are set), in `namespace`
   * when it is not empty, carrying every label of `labels` (none: all of them).
   */
  public list(apiVersion: string, kind: string, namespace: string, labels: Readonly<Record<string, string>>): ObjectValue[] {
    const want = groupOf(apiVersion);
    const out: ObjectValue[] = [];
    for (const o of this.all()) {
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
    for (const o of this.all()) if (o.kind === kind) out.push(o);
    return out;
  }

  /** Update: stores and records a copy (the caller goes on writing to `o`). */
  public update(o: ObjectValue): void {
    const copy = deepCopy(o);
    this.put(copy);
    this.updated.push(copy);
  }

  /** Server-side apply: stores and records `o` itself; the caller must not modify it afterwards. */
  public apply(o: ObjectValue): void {
    this.applied.push(o);
    this.put(o);
  }

  /**
   * Status patch (recorded as applied) or status update (recorded as updated). Returns the
   * merged object as stored: callers that go on writing copy what they write to.
   */
  public writeStatus(o: ObjectValue, how: 'patch' | 'update'): ObjectValue {
    const stored = this.slotOf(o)?.object;
    // Only the top-level status (and conditions) change: the rest is shared with the stored
    // object, which nobody modifies.
    const merged: ObjectValue = stored ? { ...stored } : deepCopy(o);
    if (stored) {
      if ('status' in o) merged.status = deepCopy(o.status!);
      if ('conditions' in o) merged.conditions = deepCopy(o.conditions!);
    }
    this.put(merged);
    (how === 'patch' ? this.applied : this.updated).push(merged);
    return merged;
  }

  /** Delete: records the stored object and removes it. */
  public delete(o: ObjectValue): void {
    const byName = this.byName(str(o.apiVersion), str(o.kind), metaString(o, 'namespace'));
    const name = metaString(o, 'name');
    const slot = byName?.get(name);
    if (!byName || !slot) return;
    this.deleted.push(slot.object);
    byName.delete(name);
  }
}
