import * as fs from 'node:fs';
import * as path from 'node:path';
import { Testing } from 'cdk8s';
import * as YAML from 'yaml';
import { render } from '../../src/engine/render';
import { convertDocuments } from '../../src/convert/convert';
import { isUserError } from '../../src/errors';
import { normalizePt } from '../../src/convert/emit-pt';
import { canonicalJson } from '../../src/convert/emit-schema';
import { InputKind, loadInputs } from '../../src/convert/load';
import { corpusInputs } from '../_helpers/corpus-inputs';
import { convertResourcesToPipeline } from '../../src/convert/resources-to-pipeline';
import { useCrdSources, useProjectCrds } from '../../src/schema/provider-crds';
import { evaluateModule } from './_eval';

const SHARED = path.resolve(__dirname, '../..', '../shared');
const CORPUS = path.join(SHARED, 'corpus');
const present = fs.existsSync(path.join(CORPUS, 'files.json'));
/**
 * CRDs of the provider version the corpus GCP Compositions were written for (provider-upjet-gcp
 * v1.x serves v1beta1 of the cluster-scoped kinds; the bundled imports serve v1beta2 of several).
 */
const GCP_V1_CRDS = path.resolve(__dirname, '../fixtures/provider-crds/provider-upjet-gcp-v1.14.0');

type Obj = Record<string, any>;

/** A Composition with P&T's Go defaults applied to its patches (reference §3.1), for comparison. */
function normalizeComposition(c: Obj): Obj {
  const out = structuredClone(c);
  for (const step of out.spec?.pipeline ?? []) {
    const input = step.input;
    if (input?.apiVersion !== 'pt.fn.crossplane.io/v1beta1') continue;
    for (const r of input.resources ?? []) if (Array.isArray(r.patches)) r.patches = r.patches.map((p: unknown) => normalizePt(p, 'patch'));
    for (const s of input.patchSets ?? []) if (Array.isArray(s.patches)) s.patches = s.patches.map((p: unknown) => normalizePt(p, 'patch'));
    if (Array.isArray(input.environment?.patches)) input.environment.patches = input.environment.patches.map((p: unknown) => normalizePt(p, 'patch'));
  }
  return { apiVersion: out.apiVersion, kind: out.kind, metadata: out.metadata, spec: out.spec };
}

/**
 * An XRD with versions in name order (the API server does not care about their order) and the
 * scope default of its API version made explicit (v1: LegacyCluster, v2: Namespaced; §1.2).
 */
function normalizeXrd(x: Obj): Obj {
  const out = structuredClone(x);
  if (out.spec && out.spec.scope === undefined) out.spec.scope = out.apiVersion === 'apiextensions.crossplane.io/v1' ? 'LegacyCluster' : 'Namespaced';
  if (Array.isArray(out.spec?.versions)) out.spec.versions.sort((a: Obj, b: Obj) => String(a.name).localeCompare(String(b.name)));
  return { apiVersion: out.apiVersion, kind: out.kind, metadata: out.metadata, spec: out.spec };
}

/** Dotted paths (`spec.versions[0].schema`) where two JSON values differ, down to the first difference. */
function differences(a: unknown, b: unknown, at = ''): string[] {
  if (canonicalJson(a) === canonicalJson(b)) return [];
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) return [at];
      return a.flatMap((x, i) => differences(x, b[i], `${at}[${i}]`));
    }
    const keys = [...new Set([...Object.keys(a as Obj), ...Object.keys(b as Obj)])];
    return keys.flatMap(k => differences((a as Obj)[k], (b as Obj)[k], at === '' ? k : `${at}.${k}`));
  }
  return [at];
}

/**
 * Whether a note on `field` accounts for a difference at `path`: one contains the other. A
 * Resources-mode note names the input (`spec.resources[1]`), the difference the converted
 * Pipeline (`spec.pipeline[0].input.resources[1]`), so both spellings are tried.
 */
function covers(field: string, path: string): boolean {
  const variants = [field, field.replace(/^spec\.(resources|patchSets)/, 'spec.pipeline[*].input.$1'), field.replace(/^spec\.pipeline\.input/, 'spec.pipeline[*].input')];
  const norm = (p: string) => p.replace(/^spec\.pipeline\[\d+\]/, 'spec.pipeline[*]');
  return variants.some(v => norm(path).startsWith(norm(v)) || norm(v).startsWith(norm(path)));
}

(present ? describe : describe.skip)('corpus round trip: convert, synthesize, compare', () => {
  if (!present) console.warn(`skipped: ${CORPUS} not found (the shared corpus is not checked out next to the repo)`);

  afterEach(() => useProjectCrds(undefined));

  test('every valid XRD and Composition comes back equal, or every difference is reported by the converter', () => {
    // Converted and synthesized against the CRDs of the provider version the files were written for.
    useCrdSources([GCP_V1_CRDS]);
    const files = JSON.parse(fs.readFileSync(path.join(CORPUS, 'files.json'), 'utf8'));
    const valid = new Set<string>([...files.xrds, ...files.compositions].filter((r: any) => r.validity === 'valid').map((r: any) => `${r.snapshot}/${r.path}#${r.doc_index}`));
    const key = (d: { file: string; index: number }) => `${path.relative(CORPUS, d.file)}#${d.index}`;
    const stats = { xrdEqual: 0, xrdExplained: 0, compEqual: 0, compExplained: 0, synthFailed: 0 };
    const unexplained: string[] = [];
    const rejected: string[] = [];
    // One directory at a time (an API's XRD and Compositions sit together), so that names are unique in a batch.
    const all = corpusInputs().documents.filter(d => valid.has(key(d)));
    const dirs = [...new Set(all.map(d => path.dirname(d.file)))].sort();
    for (const dir of dirs) {
      const docs = all.filter(d => path.dirname(d.file) === dir);
      const result = convertDocuments({ documents: docs, problems: [] }, { crds: [GCP_V1_CRDS] });
      const noted = new Set(result.notes.map(n => key(n)));
      for (const p of result.problems) if (p.index !== undefined) noted.add(key({ file: p.file, index: p.index }));
      for (const f of result.files.filter(x => x.path !== 'main.ts')) {
        let objects: Obj[];
        try {
          const mod = evaluateModule(f.content);
          const define = Object.values(mod).find(v => typeof v === 'function') as (s: unknown) => unknown;
          const chart = Testing.chart();
          define(chart);
          objects = Testing.synth(chart) as Obj[];
        } catch (e) {
          stats.synthFailed++;
          const message = (e as Error).message;
          const first = /Converted from (\S+) \(document (\d+)\)/.exec(f.content)!;
          // The construct's synth-time rules (cdk8s node validation) are stricter than Crossplane on
          // some real files (see the printed list); anything else is a converter bug.
          if (message.startsWith('Validation failed with the following errors:') || isUserError(e)) {
            rejected.push(`${key({ file: first[1], index: Number(first[2]) })}: ${(isUserError(e) ? message : message.split('\n')[1] ?? '').trim()}`);
          } else if (!noted.has(key({ file: first[1], index: Number(first[2]) }))) {
            unexplained.push(`${f.path}: synth failed: ${message.split('\n')[0]}`);
          }
          continue;
        }
        // The module names its sources: the XRD in its header, each Composition in a `// From` line.
        const sources = [...f.content.matchAll(/(?:Converted from|From) (\S+) \(document (\d+)\)/g)].map(m => key({ file: m[1], index: Number(m[2]) }));
        const fromModule = docs.filter(d => sources.includes(key(d)));
        for (const o of objects) {
          const input = fromModule.find(d => d.object.kind === o.kind && (d.object.metadata as Obj)?.name === o.metadata?.name);
          if (!input) continue;
          let same: boolean;
          if (o.kind === 'CompositeResourceDefinition') {
            same = canonicalJson(normalizeXrd(o)) === canonicalJson(normalizeXrd(input.object));
            if (same) stats.xrdEqual++; else stats.xrdExplained++;
          } else {
            const expected = input.kind === InputKind.COMPOSITION_RESOURCES ? convertResourcesToPipeline(input.object).composition : input.object;
            same = canonicalJson(normalizeComposition(o)) === canonicalJson(normalizeComposition(expected));
            if (same) stats.compEqual++; else stats.compExplained++;
          }
          if (!same) {
            const a = o.kind === 'CompositeResourceDefinition' ? normalizeXrd(o) : normalizeComposition(o);
            const b = o.kind === 'CompositeResourceDefinition' ? normalizeXrd(input.object)
              : normalizeComposition(input.kind === InputKind.COMPOSITION_RESOURCES ? convertResourcesToPipeline(input.object).composition : input.object);
            const fields = result.notes.filter(n => key(n) === key(input)).map(n => n.field);
            for (const d of differences(a, b)) {
              if (!fields.some(f => covers(f, d))) unexplained.push(`${key(input)}: ${d} differs without a note naming it (notes: ${fields.join(', ') || 'none'})`);
            }
          }
        }
      }
    }
    console.log(`corpus round trip: XRDs ${stats.xrdEqual} equal, ${stats.xrdExplained} different with notes; `
      + `Compositions ${stats.compEqual} equal, ${stats.compExplained} different with notes; ${stats.synthFailed} modules failed to synthesize`
      + (rejected.length > 0 ? `; rejected by the constructs' synth-time rules:\n  ${rejected.join('\n  ')}` : ''));
    expect(unexplained).toEqual([]);
    expect(rejected).toEqual([]);
    expect(stats.synthFailed).toBe(0);
  });

  test('with --target v2, every API synthesizes, or is rejected by a construct rule that is listed', () => {
    const files = JSON.parse(fs.readFileSync(path.join(CORPUS, 'files.json'), 'utf8'));
    const valid = new Set<string>([...files.xrds, ...files.compositions].filter((r: any) => r.validity === 'valid').map((r: any) => `${r.snapshot}/${r.path}#${r.doc_index}`));
    const all = corpusInputs().documents.filter(d => valid.has(`${path.relative(CORPUS, d.file)}#${d.index}`));
    let synthesized = 0;
    let namespaced = 0;
    const rejected: string[] = [];
    const crashed: string[] = [];
    for (const dir of [...new Set(all.map(d => path.dirname(d.file)))].sort()) {
      const result = convertDocuments({ documents: all.filter(d => path.dirname(d.file) === dir), problems: [] }, { target: 'v2' });
      for (const f of result.files.filter(x => x.path !== 'main.ts')) {
        try {
          const mod = evaluateModule(f.content);
          const chart = Testing.chart();
          (Object.values(mod).find(v => typeof v === 'function') as (s: unknown) => unknown)(chart);
          const objects = Testing.synth(chart) as Obj[];
          synthesized++;
          const xrd = objects.find(o => o.kind === 'CompositeResourceDefinition');
          expect(xrd?.apiVersion).toBe('apiextensions.crossplane.io/v2');
          if (xrd?.spec.scope === 'Namespaced') namespaced++;
        } catch (e) {
          const message = (e as Error).message;
          if (message.startsWith('Validation failed with the following errors:') || isUserError(e)) rejected.push(`${path.relative(CORPUS, dir)}: ${(isUserError(e) ? message : message.split('\n')[1] ?? '').trim()}`);
          else crashed.push(`${path.relative(CORPUS, dir)}/${f.path}: ${message.split('\n')[0]}`);
        }
      }
    }
    console.log(`corpus --target v2: ${synthesized} APIs synthesized (${namespaced} Namespaced), ${rejected.length} rejected by construct rules:\n  ${rejected.join('\n  ')}`);
    expect(crashed).toEqual([]);
    expect(synthesized).toBeGreaterThan(50);
  });

  test('Resources-mode render pairs: the generated Composition renders the same composed resources as Crossplane\'s documented conversion', () => {
    const files = JSON.parse(fs.readFileSync(path.join(CORPUS, 'files.json'), 'utf8'));
    const resourcesMode = new Set<string>(files.compositions.filter((c: any) => c.mode === 'Resources').map((c: any) => `${c.snapshot}/${c.path}`));
    const pairs = files.render_pairs.filter((p: any) => resourcesMode.has(`${p.snapshot}/${p.composition}`));
    let same = 0;
    const skipped: string[] = [];
    const bothFailed: string[] = [];
    const different: string[] = [];
    for (const pair of pairs) {
      const compFile = path.join(CORPUS, pair.snapshot, pair.composition);
      // The XRD may sit in another folder: files.json links it to its Compositions.
      const xrdRecord = files.xrds.find((x: any) => x.snapshot === pair.snapshot && (x.compositions ?? []).includes(`${pair.composition}#${pair.composition_name}`));
      const xrdFile = xrdRecord ? path.join(CORPUS, pair.snapshot, xrdRecord.path) : undefined;
      const loaded = loadInputs([path.dirname(compFile), ...(xrdFile && path.dirname(xrdFile) !== path.dirname(compFile) ? [xrdFile] : [])]).documents
        .filter(d => d.kind !== InputKind.COMPOSITION_PIPELINE && d.kind !== InputKind.COMPOSITION_RESOURCES || d.file === compFile);
      const input = loaded.find(d => d.file === compFile && (d.object.metadata as Obj)?.name === pair.composition_name);
      const exampleDoc = parseAll(path.join(CORPUS, pair.snapshot, pair.example))[pair.example_doc_index];
      if (!input || !exampleDoc) {
        skipped.push(`${pair.snapshot}/${pair.composition}: inputs not found`);
        continue;
      }
      const documented = convertResourcesToPipeline(input.object).composition;
      const ref = (documented.spec as Obj).compositeTypeRef;
      // A claim renders as the XR it stands for: same spec, the XR's kind, no namespace.
      const xr = { apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name: exampleDoc.metadata?.name ?? 'example' }, spec: exampleDoc.spec ?? {} };
      const result = convertDocuments({ documents: loaded, problems: [] });
      let synthesized: Obj | undefined;
      for (const f of result.files.filter(x => x.path !== 'main.ts')) {
        try {
          const mod = evaluateModule(f.content);
          const chart = Testing.chart();
          (Object.values(mod).find(v => typeof v === 'function') as (sc: unknown) => unknown)(chart);
          synthesized ??= (Testing.synth(chart) as Obj[]).find(o => o.kind === 'Composition' && o.metadata?.name === pair.composition_name);
        } catch {
          // Listed below as skipped: the construct rejected this API (see the round-trip test).
        }
      }
      if (!synthesized) {
        skipped.push(`${pair.snapshot}/${pair.composition}: the generated module did not synthesize`);
        continue;
      }
      const outcome = (composition: Obj) => {
        try {
          const r = render({ xr, composition });
          return canonicalJson({ xr: r.xr, resources: r.resources });
        } catch (e) {
          return `error: ${(e as Error).message}`;
        }
      };
      const a = outcome(documented);
      const b = outcome(synthesized);
      if (a.startsWith('error: ')) bothFailed.push(`${pair.snapshot}/${pair.composition}: ${a.slice(7, 200)}`);
      if (a === b) same++;
      else different.push(`${pair.snapshot}/${pair.composition} with ${pair.example}:\n    documented: ${a.slice(0, 300)}\n    generated:  ${b.slice(0, 300)}`);
    }
    console.log(`corpus Resources-mode render pairs: ${pairs.length} pairs, ${same} render the same (${bothFailed.length} of them fail the same way), `
      + `${different.length} differ, ${skipped.length} skipped:\n  ${[...skipped, ...bothFailed.map(f => `both fail: ${f}`)].join('\n  ')}`);
    expect(different).toEqual([]);
    expect(same - bothFailed.length).toBeGreaterThan(10);
  });
});

function parseAll(file: string): Obj[] {
  return YAML.parseAllDocuments(fs.readFileSync(file, 'utf8')).map(d => d.toJS() as Obj);
}
