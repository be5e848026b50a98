/**
 * The Compositions of an app, indexed by name and by composite type, so the rules that compare
 * a Composition with its siblings (unique names, selection among several Compositions of one
 * type) cost O(siblings) instead of a walk over the whole construct tree.
 */
import { IConstruct } from 'constructs';
import type { CompositionView } from './_view';

interface AppIndex {
  readonly byName: Map<string, CompositionView[]>;
  readonly byType: Map<string, CompositionView[]>;
}

const INDEXES = new WeakMap<IConstruct, AppIndex>();

function indexOf(c: CompositionView): AppIndex {
  const root = c.node.root;
  let index = INDEXES.get(root);
  if (!index) {
    index = { byName: new Map(), byType: new Map() };
    INDEXES.set(root, index);
  }
  return index;
}

function push(map: Map<string, CompositionView[]>, key: string, c: CompositionView): void {
  map.set(key, [...(map.get(key) ?? []), c]);
}

/** The key of the composite type a Composition serves. */
function typeKey(c: CompositionView): string {
  return `${c.xrd.compositeApiVersion}, Kind=${c.xrd.kind}`;
}

/** Adds a new Composition to its app's index (its name and XRD never change). */
export function registerComposition(c: CompositionView): void {
  const index = indexOf(c);
  push(index.byName, c.name, c);
  push(index.byType, typeKey(c), c);
}

/** The Compositions of the app with the same `metadata.name` as `c`, `c` included. */
export function compositionsNamed(c: CompositionView): readonly CompositionView[] {
  return indexOf(c).byName.get(c.name) ?? [];
}

/** The Compositions of the app serving the same composite type as `c`, `c` included. */
export function compositionsOfType(c: CompositionView): readonly CompositionView[] {
  return indexOf(c).byType.get(typeKey(c)) ?? [];
}
