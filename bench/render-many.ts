/**
 * Render time against the number of composed resources (DESIGN.md: render stays linear in the
 * size of its input). The XR and Composition are function-go-templating's `recursive` example
 * (example/recursive/xr.yaml and composition-wrapper.yaml): one template loop over
 * `until .spec.count` emits one XR per iteration, each with a trailing `# comment`. 19,000 XRs
 * make a response just under gRPC's 4 MiB limit; 113,026, the input of the 100,000-input fuzz
 * run of docs/reliability.md, fails with the size error, and the figure is how fast it fails.
 *
 * Run: `npx tsx bench/render-many.ts [count ...]`; prints render and YAML output times, their
 * cost per composed resource, and their ratio to a JSON round trip of the same resources
 * measured in the same run. Nothing here fails.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as sourceEngine from '../src/engine';

// As bench/render.ts: the compiled engine (lib/) when built, which is what users run.
const COMPILED_ENGINE = path.resolve(__dirname, '../lib/src/engine/index.js');
const compiled = fs.existsSync(COMPILED_ENGINE);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { render } = (compiled ? require(COMPILED_ENGINE) : sourceEngine) as typeof sourceEngine;
console.log(`in-process figures use the ${compiled ? 'compiled engine (lib/)' : 'TypeScript sources via tsx'}`);

const TEMPLATE = `{{- range $i := until ( .observed.composite.resource.spec.count | int ) }}
---
apiVersion: example.crossplane.io/v1beta1
kind: XR
metadata:
  annotations:
    {{ setResourceNameAnnotation (print "test-xr-" $i) }}
spec:
  compositionRef:
    name: example-recursive-real # instantiating the real composition
  region: {{ print "us-west-" (add $i 1) }}
{{ end }}
`;

const composition = {
  apiVersion: 'apiextensions.crossplane.io/v1', kind: 'Composition',
  metadata: { name: 'example-recursive-wrapper' },
  spec: {
    compositeTypeRef: { apiVersion: 'example.crossplane.io/v1beta1', kind: 'XR' },
    mode: 'Pipeline',
    pipeline: [{
      step: 'render-templates', functionRef: { name: 'function-go-templating' },
      input: { apiVersion: 'gotemplating.fn.crossplane.io/v1beta1', kind: 'GoTemplate', source: 'Inline', inline: { template: TEMPLATE } },
    }],
  },
};

const counts = process.argv.slice(2).map(Number);
for (const count of counts.length > 0 ? counts : [2500, 10000, 19000, 113026]) {
  const xr = { apiVersion: 'example.crossplane.io/v1beta1', kind: 'XR', metadata: { name: 'example' }, spec: { compositionRef: { name: 'example-recursive-wrapper' }, count } };
  const t0 = performance.now();
  // As the fuzz run renders: function results and the context included.
  let out: ReturnType<typeof render>;
  try {
    out = render({ xr, composition, includeFunctionResults: true, includeContext: true });
  } catch (e) {
    console.log(`${String(Math.abs(Math.trunc(count))).padStart(7)} composed resources: failed in ${(performance.now() - t0).toFixed(0)} ms: ${(e as Error).message}`);
    continue;
  }
  const t1 = performance.now();
  const text = out.toYaml();
  const t2 = performance.now();
  const n = Math.abs(Math.trunc(count));
  // The floor: a JSON round trip of what the render produced, the least any tool must write and
  // read back for the same resources.
  const t3 = performance.now();
  JSON.parse(JSON.stringify(out.resources));
  const floor = performance.now() - t3;
  console.log(`${String(n).padStart(7)} composed resources: render ${(t1 - t0).toFixed(0)} ms, YAML ${(t2 - t1).toFixed(0)} ms (${(text.length / 1e6).toFixed(1)} MB), ${((t2 - t0) / n).toFixed(3)} ms per resource; ${((t2 - t0) / floor).toFixed(1)}x the floor (a JSON round trip of the resources, ${floor.toFixed(0)} ms)`);
}
