/**
 * `cdk8s-crossplane validate` run over every YAML file of the real-world corpus the way a user
 * runs it in that repository (scripts/corpus-validate.ts says which extensions each file gets).
 * Files Crossplane accepts must give zero errors: a false positive is a user who stops trusting
 * the tool. The figures per kind of file are printed; `npx tsx scripts/corpus-validate.ts`
 * prints the same.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CorpusFileResult, summarizeCorpus, validateCorpus } from '../../scripts/corpus-validate';

const corpus = path.resolve(__dirname, '../..', '../shared/corpus');
const have = fs.existsSync(path.join(corpus, 'files.json'));
if (!have) console.warn(`skipped corpus CLI validation: ${corpus} does not exist in this clone`);
const maybe = have ? describe : describe.skip;

maybe('validate CLI over the corpus', () => {
  let results: CorpusFileResult[] = [];
  beforeAll(async () => { results = await validateCorpus(corpus); }, 60_000);

  test('every file is read and counted', () => {
    console.log(`corpus files through the validate CLI:\n${summarizeCorpus(results).join('\n')}`);
    expect(results.length).toBeGreaterThan(300);
    for (const kind of ['XRD', 'Composition', 'example XR/claim', 'package metadata'] as const) expect(results.filter((r) => r.kind === kind).length).toBeGreaterThan(10);
  });

  test('valid files give zero errors', () => {
    const fp = results.filter((r) => !r.invalid && r.errors.length > 0).map((r) => `${r.file} (${r.kind}):\n  ${r.errors.join('\n  ')}`);
    expect(fp).toEqual([]);
  });

  test('the XRDs and Compositions the corpus marks invalid are rejected', () => {
    // The deliberate negative files of crossplane/crossplane and the Resources-mode
    // Compositions that Crossplane v2's Composition CRD rejects (files.json `validity`).
    const missed = results.filter((r) => r.invalid && (r.kind === 'XRD' || r.kind === 'Composition') && r.errors.length === 0).map((r) => r.file);
    expect(missed).toEqual([]);
  });
});
