import * as fs from 'node:fs';
import * as path from 'node:path';
import { emitConnectionDetail, emitPatch, emitPatchSet, emitReadinessCheck, PtContext } from '../../src/convert/emit-pt';
import { InputKind } from '../../src/convert/load';
import { corpusInputs } from '../_helpers/corpus-inputs';
import { convertResourcesToPipeline } from '../../src/convert/resources-to-pipeline';

const SHARED = path.resolve(__dirname, '../..', '../shared');
const CORPUS = path.join(SHARED, 'corpus');
const present = fs.existsSync(path.join(CORPUS, 'files.json'));

/**
 * Every warning the converter gives on the corpus must be one of these, each explained by a
 * documented divergence from Crossplane's converter (resources-to-pipeline.ts header).
 */
const EXPLAINED: Record<string, RegExp> = {
  'spec.environment.policy.resolve': /^dropped: function-environment-configs selects EnvironmentConfigs on every run/,
};

(present ? describe : describe.skip)('corpus: Resources-mode Compositions', () => {
  if (!present) console.warn(`skipped: ${CORPUS} not found (the shared corpus is not checked out next to the repo)`);

  const files = present ? JSON.parse(fs.readFileSync(path.join(CORPUS, 'files.json'), 'utf8')) : { compositions: [] };
  const records: any[] = files.compositions.filter((c: any) => c.mode === 'Resources');
  const loaded = present ? corpusInputs() : { documents: [], problems: [] };
  const byKey = new Map(loaded.documents.map(d => [`${path.relative(CORPUS, d.file)}#${d.index}`, d]));

  test('files.json lists Resources-mode Compositions and the loader finds every one', () => {
    expect(records.length).toBeGreaterThan(25);
    for (const r of records) {
      const d = byKey.get(`${r.snapshot}/${r.path}#${r.doc_index}`);
      expect(d?.kind).toBe(InputKind.COMPOSITION_RESOURCES);
    }
  });

  test('each converts without throwing, every warning is explained, and every P&T element is expressible with the builders', () => {
    let converted = 0;
    let elements = 0;
    let unnamedAssigned = 0;
    let unnamedExpected = 0;
    const unexplained: string[] = [];
    for (const r of records) {
      const d = byKey.get(`${r.snapshot}/${r.path}#${r.doc_index}`)!;
      const result = convertResourcesToPipeline(d.object);
      converted++;
      for (const w of result.warnings) {
        if (!EXPLAINED[w.field]?.test(w.message)) unexplained.push(`${r.snapshot}/${r.path}#${r.doc_index} ${w.field}: ${w.message}`);
      }
      const spec = result.composition.spec as any;
      expect(spec.mode).toBe('Pipeline');
      expect(spec.resources).toBeUndefined();
      expect(spec.environment).toBeUndefined();
      const steps = spec.pipeline.map((s: any) => s.step);
      const hasEnvSelection = (d.object.spec as any).environment?.environmentConfigs !== undefined;
      expect(steps).toEqual(hasEnvSelection ? ['environment-configs', 'patch-and-transform'] : ['patch-and-transform']);
      const input = spec.pipeline[spec.pipeline.length - 1].input;
      const original = (d.object.spec as any).resources as any[];
      expect(input.resources).toHaveLength(original.length);
      original.forEach((t, i) => {
        if (t.name === undefined) {
          unnamedExpected++;
          if (input.resources[i].name === `resource-${i}`) unnamedAssigned++;
        } else {
          expect(input.resources[i].name).toBe(t.name);
        }
      });
      // P&T rule (§3.2): after conversion no patch lacks a type.
      for (const t of input.resources) for (const p of t.patches ?? []) expect(p.type).toBeDefined();
      const ctx: PtContext = { imports: new Set(), patchSetIds: new Map(), patchSetValues: new Map() };
      (input.patchSets ?? []).forEach((s: any, i: number) => { emitPatchSet(s, `patchSets[${i}]`, ctx); elements++; });
      (input.environment?.patches ?? []).forEach((p: any, i: number) => { emitPatch(p, `environment.patches[${i}]`, ctx, true); elements++; });
      input.resources.forEach((t: any, i: number) => {
        (t.patches ?? []).forEach((p: any, j: number) => { emitPatch(p, `resources[${i}].patches[${j}]`, ctx); elements++; });
        (t.readinessChecks ?? []).forEach((p: any, j: number) => { emitReadinessCheck(p, `resources[${i}].readinessChecks[${j}]`, ctx); elements++; });
        (t.connectionDetails ?? []).forEach((p: any, j: number) => { emitConnectionDetail(p, `resources[${i}].connectionDetails[${j}]`, ctx); elements++; });
      });
    }
    console.log(`corpus Resources-mode Compositions: ${converted} converted, ${unnamedAssigned}/${unnamedExpected} unnamed templates named resource-<index>, `
      + `${elements} P&T elements expressed with the builders`);
    expect(unexplained).toEqual([]);
    expect(unnamedAssigned).toBe(unnamedExpected);
    const featureUnnamed = records.reduce((n, r) => n + (r.features?.features?.unnamed_resources ?? 0), 0);
    expect(unnamedExpected).toBe(featureUnnamed);
  });
});
