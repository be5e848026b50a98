/**
 * Stops a template whose composed resources can no longer fit in a gRPC response.
 *
 * Crossplane receives at most 4 MiB from a function (see `message-size.ts`); the pipeline checks
 * every response exactly. A template loop can emit hundreds of thousands of resources, though,
 * and rendering and reading them all back takes seconds before that check. While the template
 * runs, this watcher reads the documents it has finished and adds up a lower bound of what they
 * put in the response: for each distinct `composition-resource-name` (a later document of the
 * same name replaces the earlier one, as fn.go's map does) the map entry of the resource as
 * fn.go sends it, with its strings counted by UTF-16 code units. Once that bound is over the
 * limit the response is certain to be too large, and the template stops with the size error.
 *
 * It stays out of the way of everything else: it starts looking only after 1 MiB of output, and
 * a stream of JSON objects, a document it cannot read or an object without a kind makes it stop
 * looking (the decoder after the template reports those as fn.go does).
 *
 * Known difference: fn.go renders the whole template before decoding, so when a template whose
 * output is too large also fails later (an execution error, an unreadable document, a missing
 * annotation), the function answers with that fatal result, and Crossplane reports it; here the
 * size error comes first, as `received message larger than max (at least N vs. 4194304)`.
 */
import { delimitedSize, stringBytes, structSize } from '../../go/protobuf-size';
import type { OutputWatcher } from '../../go/template';
import type { ObjectValue, Value } from '../../go/values';
import { isObject } from '../../go/values';
import { MAX_RECEIVE_MESSAGE_SIZE, MessageTooLarge } from '../../message-size';
import { splitYamlDocuments, yamlValue } from './decode';

/** How much output (in UTF-16 code units) the watcher lets pass between two looks. */
export const WATCH_EVERY = 1024 * 1024;

/**
 * The lower bound of one composed resource's entry in the response's `desired.resources` map:
 * key, and a Resource holding the object as fn.go sends it (without the function's two
 * annotations, which it deletes).
 */
export function composedEntryLowerBound(name: string, obj: ObjectValue, dropAnnotations: readonly string[]): number {
  let sent: ObjectValue = obj;
  const meta = obj.metadata;
  if (isObject(meta) && isObject(meta.annotations)) {
    const annotations: ObjectValue = { ...meta.annotations };
    for (const a of dropAnnotations) delete annotations[a];
    sent = { ...obj, metadata: { ...meta, annotations } };
  }
  const resource = delimitedSize(structSize(sent, 'lower'));
  return delimitedSize(delimitedSize(stringBytes(name, 'lower')) + delimitedSize(resource));
}

/** A watcher for one template execution of function-go-templating. */
export function outputSizeWatcher(nameAnnotation: string, readyAnnotation: string, metaApiVersion: string): OutputWatcher {
  let start = 0;
  let at = 0;
  let stopped = false;
  let total = 0;
  const entries = new Map<string, number>();
  return {
    every: WATCH_EVERY,
    seen(out: string): void {
      if (stopped) return;
      if (start === 0 && out.trimStart().startsWith('{')) {
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
        const size = composedEntryLowerBound(name, v, [nameAnnotation, readyAnnotation]);
        total += size - (entries.get(name) ?? 0);
        entries.set(name, size);
      }
      if (total > MAX_RECEIVE_MESSAGE_SIZE) throw new MessageTooLarge(total, false);
    },
  };
}
