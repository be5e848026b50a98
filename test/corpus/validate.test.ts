/**
 * Real-world check: every XRD and Composition of the corpus against the Crossplane CRDs, and
 * every example XR/claim against its XRD. Valid files must give zero errors (a false positive
 * is a bug); files the corpus marks invalid must be rejected where the reason is visible
 * statically. See shared/corpus/README.md for the quirks handled here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isRecord } from '../../src/validate/_util';
import { SchemaRegistry } from '../../src/validate/registry';
import { validateSourced } from '../../src/validate/validate';
import { readYamlStream, ReadResult, SourcedObject } from '../../src/validate/yaml-input';

const shared = path.resolve(__dirname, '../..', '../shared');
const corpus = path.join(shared, 'corpus');
const have = fs.existsSync(path.join(corpus, 'files.json'));
if (!have) console.warn(`skipped corpus validation: ${corpus} does not exist in this clone`);
const maybe = have ? describe : describe.skip;

interface Rec { snapshot: string; path: string; doc_index: number; validity?: string; validity_note?: string; mode?: string; kind?: string; xrd?: string | null }

const cache = new Map<string, ReadResult>();
function load(snapshot: string, rel: string): ReadResult {
  const file = path.join(corpus, snapshot, rel);
  let r = cache.get(file);
  if (!r) { r = readYamlStream(fs.readFileSync(file, 'utf8'), path.join(snapshot, rel)); cache.set(file, r); }
  return r;
}
function docOf(rec: Rec): SourcedObject | undefined {
  return load(rec.snapshot, rec.path).objects.find((o) => o.document === rec.doc_index);
}

// The corpus composes kinds of providers whose CRDs are not bundled (castai, sql, s3, nop, ...):
// a Composition composing one is not wrong, only unchecked on that side. The opt-out is
// explicit here, and the count of such composed kinds is printed with the Composition figures.
const OPTIONS = { errorOnMissingSchemas: false } as const;

maybe('corpus validation', () => {
  const files = have ? JSON.parse(fs.readFileSync(path.join(corpus, 'files.json'), 'utf8')) as { xrds: Rec[]; compositions: Rec[]; examples: Rec[] } : { xrds: [], compositions: [], examples: [] };
  const registry = new SchemaRegistry();

  test('XRDs: valid ones give no error, invalid ones are rejected', () => {
    const fp: string[] = [];
    const missed: string[] = [];
    let valid = 0;
    let invalid = 0;
    for (const rec of files.xrds) {
      const o = docOf(rec);
      expect(o).toBeDefined();
      const errors = validateSourced([o!], registry, OPTIONS)[0].findings.filter((f) => f.severity === 'error');
      // update-only-invalid files are valid on their own (no old object offline).
      if (rec.validity === 'invalid') { invalid++; if (errors.length === 0) missed.push(`${rec.snapshot}/${rec.path}`); } else { valid++; if (errors.length) fp.push(`${rec.snapshot}/${rec.path}: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`); }
    }
    console.log(`corpus XRDs: ${valid} valid -> ${fp.length} false positives; ${invalid} invalid -> ${invalid - missed.length} rejected`);
    expect(fp).toEqual([]);
    expect(missed).toEqual([]);
  });

  test('Compositions: valid Pipeline ones give no error; invalid and Resources-mode ones are rejected', () => {
    const fp: string[] = [];
    const missed: string[] = [];
    let accepted = 0;
    let rejected = 0;
    let unchecked = 0;
    for (const rec of files.compositions) {
      const o = docOf(rec);
      expect(o).toBeDefined();
      const findings = validateSourced([o!], registry, OPTIONS)[0].findings;
      const errors = findings.filter((f) => f.severity === 'error');
      unchecked += findings.filter((f) => f.rule === 'missing-schema').length;
      // Compositions without mode are Crossplane v1 Resources mode: invalid against today's CRD.
      const shouldFail = rec.validity === 'invalid' || rec.mode !== 'Pipeline';
      // Visible only with schema-aware type checks of patches (string -> integer), which are not static here.
      const notStatic = rec.validity === 'invalid' && /schema-aware/.test(rec.validity_note ?? '');
      if (shouldFail) { rejected++; if (errors.length === 0 && !notStatic) missed.push(`${rec.snapshot}/${rec.path} (${rec.validity_note ?? 'no mode'})`); } else { accepted++; if (errors.length) fp.push(`${rec.snapshot}/${rec.path}: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`); }
    }
    console.log(`corpus Compositions: ${accepted} valid -> ${fp.length} false positives; ${rejected} invalid or Resources-mode -> ${rejected - missed.length} rejected; `
      + `${unchecked} composed resources of kinds without a schema (missing-schema warnings under errorOnMissingSchemas: false)`);
    expect(fp).toEqual([]);
    expect(missed.length).toBeLessThanOrEqual(1);
  });

  test('Pipeline compositions checked with the XRD of their own directory have no cross-check errors', () => {
    const fp: string[] = [];
    let paired = 0;
    for (const rec of files.compositions) {
      if (rec.mode !== 'Pipeline' || rec.validity !== 'valid') continue;
      const o = docOf(rec)!;
      const ref = isRecord(o.object.spec) && isRecord(o.object.spec.compositeTypeRef) ? o.object.spec.compositeTypeRef : {};
      const group = String(ref.apiVersion ?? '').split('/')[0];
      const dir = path.dirname(rec.path);
      const dirs = [dir, path.join(dir, 'setup'), path.dirname(dir)];
      // Candidates: XRDs of the composite type in the composition's own folder, its setup/
      // folder and its parent; a test folder may hold the XRD before and after a version
      // change, so prefer the one whose referenceable version the composition targets.
      const candidates: SourcedObject[] = [];
      for (const d of dirs) {
        const abs = path.join(corpus, rec.snapshot, d);
        if (!fs.existsSync(abs) || !fs.statSync(abs).isDirectory()) continue;
        for (const f of fs.readdirSync(abs).sort()) {
          if (!/\.ya?ml$/.test(f)) continue;
          candidates.push(...load(rec.snapshot, path.join(d, f)).objects.filter((x) => x.object.kind === 'CompositeResourceDefinition' && isRecord(x.object.spec)
            && x.object.spec.group === group && (x.object.spec as any).names?.kind === ref.kind));
        }
      }
      const version = String(ref.apiVersion ?? '').split('/')[1];
      const xrd = candidates.find((x) => ((x.object.spec as any).versions ?? []).some((v: any) => v.referenceable && v.name === version)) ?? candidates[0];
      if (!xrd) continue;
      paired++;
      const reg = new SchemaRegistry();
      reg.addObjects([xrd]);
      const errors = validateSourced([o], reg, OPTIONS)[0].findings.filter((f) => f.severity === 'error');
      if (errors.length) fp.push(`${rec.snapshot}/${rec.path}: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    }
    console.log(`corpus Compositions with their XRD: ${paired} paired, ${fp.length} with errors`);
    expect(fp).toEqual([]);
  });

  test('examples: each XR/claim is valid against its XRD, castai placeholders are rejected', () => {
    const fp: string[] = [];
    const missed: string[] = [];
    let checked = 0;
    for (const ex of files.examples) {
      if (!ex.xrd) continue;
      const o = docOf(ex)!;
      const group = String(o.object.apiVersion).split('/')[0];
      const defines = (x: SourcedObject) => x.object.kind === 'CompositeResourceDefinition' && isRecord(x.object.spec) && x.object.spec.group === group
        && ((x.object.spec as any).names?.kind === ex.kind || (x.object.spec as any).claimNames?.kind === ex.kind);
      // Some claim examples link a sibling test's XRD; the right one sits in their own directory.
      const dir = path.dirname(ex.path);
      const own: SourcedObject[] = [];
      for (const d of [dir, path.join(dir, 'setup')]) {
        const abs = path.join(corpus, ex.snapshot, d);
        if (!fs.existsSync(abs)) continue;
        for (const f of fs.readdirSync(abs).sort()) if (/\.ya?ml$/.test(f)) own.push(...load(ex.snapshot, path.join(d, f)).objects.filter(defines));
      }
      const xrd = own[0] ?? load(ex.snapshot, ex.xrd).objects.find(defines);
      expect(xrd).toBeDefined();
      const reg = new SchemaRegistry();
      reg.addObjects([xrd!]);
      const errors = validateSourced([o], reg, OPTIONS)[0].findings.filter((f) => f.severity === 'error');
      checked++;
      const invalid = ex.snapshot.includes('gke-castai');
      if (invalid && errors.length === 0) missed.push(ex.path);
      if (!invalid && errors.length) fp.push(`${ex.snapshot}/${ex.path}: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    }
    console.log(`corpus examples: ${checked} checked against their XRD, ${fp.length} false positives, ${missed.length} castai placeholders missed`);
    expect(fp).toEqual([]);
    expect(missed).toEqual([]);
  });
});
