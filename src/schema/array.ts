import { CommonOptions } from './schema-options';
import { Static } from './schema-types';

/**
 * How the API server merges a list on server-side apply (`x-kubernetes-list-type`):
 * `atomic` replaces the whole list, `set` merges unique scalars, `map` merges items by key.
 */
export type ListType = 'atomic' | 'set' | 'map';

/** Options of `Schema.array()`. `K` are the item keys usable as list-map keys. */
export interface ArrayOptions<K extends string = string> extends CommonOptions {
  /**
   * Server-side apply semantics (`x-kubernetes-list-type`).
   *
   * @default - atomic: the API server treats an unset list type as atomic
   */
  readonly listType?: ListType;
  /**
   * Item fields that identify an item when `listType` is `map` (`x-kubernetes-list-map-keys`);
   * each must be a required (or defaulted) scalar property of the items.
   *
   * @default - none; required when `listType` is `map`
   */
  readonly listMapKeys?: readonly K[];
  /**
   * Minimum number of items.
   *
   * @default - no minimum
   */
  readonly minItems?: number;
  /**
   * Maximum number of items.
   *
   * @default - no maximum
   */
  readonly maxItems?: number;
  /**
   * Value the API server sets when the field is absent.
   *
   * @default - no default
   */
  readonly default?: readonly unknown[];
}

/** Keys of the item type that can serve as list-map keys. */
export type ItemKeys<I> = Static<I> extends object ? Extract<keyof Static<I>, string> : never;
