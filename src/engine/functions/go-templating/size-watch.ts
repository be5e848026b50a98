/**
 * Stops a template whose composed resources can no longer fit in a gRPC response.
 *
 * Crossplane receives at most 4 MiB from a function (see `message-size.ts`); the pipeline checks
 * every response exactly. A template loop can emit hundreds of thousands of resources, though,
 * and rendering and reading them all back takes seconds before that check. While the template
 * runs, this watcher reads the documents it has finished and adds up a lower bound of what they
 * put in the response: for each distinct `composition-resource-name` (a later document of the
 * same name replaces the earlier one, as fn.go's map does) the map entry of the resource as
 * fn.go sends it, without metadata, strings counted by UTF-16 code units. Once that bound is over the
 * limit the response is certain to be too large, and the template stops with the size error.
 *
 * It stays out of the way of everything else: it starts looking only after 1 MiB of output, the
 * documents it reads are handed to the decoder instead of being read twice, and a stream of JSON
 * objects, a document it cannot read or an object without a kind make it stop looking (the
 * decoder after the template reports those as fn.go does).
 *
 * Known difference: fn.go renders the whole template before decoding, so when a template whose
 * output is too large also fails later (an execution error, an unreadable document, a missing
 * annotation), the function answers with that fatal result, and Crossplane reports it; here the
 * size error comes first, as `received message larger than max (at least N vs. 4194304)`.
 */
import { delimitedSize, stringBytes, valueSize } from '../../go/protobuf-size';
import type { OutputWatcher } from '../../go/template';
import type { ObjectValue, Value } from '../../go/values';
import { isObject } from '../../go/values';
import { MAX_RECEIVE_MESSAGE_SIZE, MessageTooLarge } from '../../message-size';
import { splitYamlDocuments, yamlValue } from './decode';

/** How much output (in UTF-16 code units) the watcher lets pass between two looks. */
export const WATCH_EVERY = 1024 * 1024;

/**
 * The lower bound of one composed resource's entry in the response's `desired.resources` map:
 * the key, and a Resource holding the object's fields other than `metadata` (fn.go edits the
 * annotations; leaving all of metadata out keeps the bound below whatever it sends).
 */
export function composedEntryLowerBound(name: string, obj: ObjectValue): number {
  let fields = 0;
  for (const k in obj) {
    const v = obj[k];
    if (k === 'metadata' || v === undefined) continue;
    fields += delimitedSize(delimitedSize(stringBytes(k, 'lower')) + delimitedSize(valueSize(v, 'lower')));
  }
  return delimitedSize(delimitedSize(stringBytes(name, 'lower')) + delimitedSize(delimitedSize(fields)));
}

/** Watches one template execution of function-go-templating. */
export interface SizeWatcher extends OutputWatcher {
  /** The values of the documents read so far, in order, for {@link decodeManifests}' `readAhead`. */
  readonly readAhead: readonly Value[];
}

/** A watcher for one template execution of function-go-templating. */
export function outputSizeWatcher(nameAnnotation: string, metaApiVersion: string): SizeWatcher {
  let start = 0;
  let at = 0;
  let stopped = false;
  let total = 0;
  const entries = new Map<string, number>();
  const readAhead: Value[] = [];
  return {
    every: WATCH_EVERY,
    readAhead,
    seen(out: string): void {
      if (stopped) return;
      // A stream whose first character is `{` is read as JSON (decode.ts); not watched.
      if (start === 0 && out[out.search(/\S/)] === '{') {
        stopped = true;
        return;
      }
      const split = splitYamlDocuments(out, start, at, false);
      start = split.start;
      at = split.at;
      for (const chunk of split.chunks) {
        const r = yamlValue(chunk);
        if (!('value' in r)) {
          stopped = true;
          return;
        }
        const v: Value = r.value;
        readAhead.push(v);
        if (v === null) continue;
        if (!isObject(v) || typeof v.kind !== 'string' || v.kind === '') {
          stopped = true;
          return;
        }
        if (v.apiVersion === metaApiVersion) continue;
        const meta = v.metadata;
        const annotations = isObject(meta) ? meta.annotations : undefined;
        const name = isObject(annotations) ? annotations[nameAnnotation] : undefined;
        if (typeof name !== 'string') continue;
        const size = composedEntryLowerBound(name, v);
        total += size - (entries.get(name) ?? 0);
        entries.set(name, size);
      }
      if (total > MAX_RECEIVE_MESSAGE_SIZE) throw new MessageTooLarge(total, false);
    },
  };
}
