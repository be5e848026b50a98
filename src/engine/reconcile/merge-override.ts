/**
 * How the render CLI prints `--include-full-xr` (crossplane/cli `cmd/crossplane/render/xr/cmd.go`):
 * `mergo.Merge(&inputXR, renderedXR, mergo.WithOverride)` (dario.cat/mergo v1.0.2 `deepMerge` on
 * `map[string]any`). For every key of the rendered object: a nested object merges into an input
 * object that is not empty; anything else (a list, a scalar, even an empty one, or null) replaces
 * the input's value. Keys only the input has stay.
 */
import type { ObjectValue } from '../go/values';
import { isObject } from '../go/values';

/** Merges `src` into `dst` (modified in place) with mergo's override rules; returns `dst`. */
export function mergeOverride(dst: ObjectValue, src: ObjectValue): ObjectValue {
  for (const k of Object.keys(src)) {
    const s = src[k];
    const d = dst[k];
    if (isObject(s) && isObject(d) && Object.keys(d).length > 0) mergeOverride(d, s);
    else dst[k] = s;
  }
  return dst;
}
