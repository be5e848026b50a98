// Issue-level check: every example XR shipped in examples/ renders with the Composition that
// Crossplane would select for it, and the rendered XR (-x) and composed resources validate with
// zero findings, warnings included, against the XRD and the provider/Kubernetes schemas.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Testing } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { validate } from 'cdk8s-crossplane';
import { renderComposition } from 'cdk8s-crossplane/testing';
import { build } from '../../examples/main';

const EXAMPLES = path.resolve(__dirname, '../../examples');
const app = Testing.app();
build(app);
const objects = app.charts.flatMap(c => c.toJson());
const xrds = objects.filter((o: any) => o.kind === 'CompositeResourceDefinition');
const compositions = objects.filter((o: any) => o.kind === 'Composition');

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e =>
    e.isDirectory() ? yamlFiles(path.join(dir, e.name)) : e.name.endsWith('.yaml') ? [path.join(dir, e.name)] : []);
}

/** The XRs among the example files: objects whose kind an example XRD defines. */
const exampleXrs = yamlFiles(EXAMPLES).flatMap(file => parseAllDocuments(fs.readFileSync(file, 'utf8')).map(d => d.toJS())
  .filter((o: any) => xrds.some((x: any) => x.spec.names.kind === o?.kind && o.apiVersion.startsWith(`${x.spec.group}/`)))
  .map((xr: any) => [path.relative(EXAMPLES, file), xr] as const));

/** The Composition Crossplane selects (reference 2.1): the label selector, else the XRD's default. */
function selectComposition(xr: any, xrd: any): any {
  const labels = xr.spec?.crossplane?.compositionSelector?.matchLabels;
  const candidates = compositions.filter((c: any) => c.spec.compositeTypeRef.kind === xr.kind);
  if (labels) return candidates.find((c: any) => Object.entries(labels).every(([k, v]) => c.metadata.labels?.[k] === v));
  return candidates.find((c: any) => c.metadata.name === xrd.spec.defaultCompositionRef?.name) ?? candidates[0];
}

test('the examples hold XRs of every example API', () => {
  const kinds = new Set(exampleXrs.map(([, xr]) => xr.kind));
  expect([...kinds].sort()).toEqual(['App', 'GKECluster', 'XGKECluster', 'XNetwork'].sort());
});

test.each(exampleXrs)('%s renders and validates with zero findings', (_file, xr) => {
  const xrd = xrds.find((x: any) => x.spec.names.kind === xr.kind)!;
  const composition = selectComposition(xr, xrd);
  const out = renderComposition({ xr, composition, xrd, includeFullXr: true });
  expect(out.resources.length).toBeGreaterThan(0);
  expect(validate([out.xr, ...out.resources], { schemas: [xrd] })).toStrictEqual([]);
});
