/**
 * A refactoring guard, not a rule test: the code `convert` generates for the shared corpus, and
 * the notes and problems it reports, stay byte-identical unless a change means them to differ.
 * The rules themselves are tested by the other tests of this folder; this one catches a change
 * of behaviour slipped into a restructuring (splitting `convertDocuments` or `emitXrd` into
 * phases must not move a warning, rename an identifier or reorder a prop).
 *
 * Each generated module is recorded by a digest of its content, so the snapshot stays small and
 * a failure names the modules that changed. When a change of the generated code is intended,
 * look at the converted files (`cdk8s-crossplane convert` on the named corpus folder), then
 * update the digests with `npx jest test/convert/corpus-output-stable -u`.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { convertDocuments, ConvertDocumentsOptions } from '../../src/convert/convert';
import { corpusInputs } from '../_helpers/corpus-inputs';

const SHARED = path.resolve(__dirname, '../..', '../shared');
const CORPUS = path.join(SHARED, 'corpus');
const present = fs.existsSync(path.join(CORPUS, 'files.json'));
const GCP_V1_CRDS = path.resolve(__dirname, '../fixtures/provider-crds/provider-upjet-gcp-v1.14.0');

/** Digest of `text` with the corpus location taken out, so the digest is the same in every checkout. */
function digest(text: string): string {
  return crypto.createHash('sha256').update(text.split(CORPUS).join('<corpus>')).digest('hex').slice(0, 16);
}

(present ? describe : describe.skip)('convert output on the corpus', () => {
  if (!present) console.warn(`skipped: ${CORPUS} not found (the shared corpus is not checked out next to the repo)`);

  const loaded = present ? corpusInputs() : { documents: [], problems: [] };
  const dirs = [...new Set(loaded.documents.map(d => path.dirname(d.file)))].sort();

  test.each<[string, ConvertDocumentsOptions]>([
    ['as written', {}],
    ['with --target v2', { target: 'v2' }],
    ['with provider CRDs and --rename-functions', { crds: [GCP_V1_CRDS], renameFunctions: true }],
  ])('%s: every module, note and problem is unchanged', (_, options) => {
    const digests: Record<string, string> = {};
    for (const dir of dirs) {
      // One folder at a time, as the round-trip test converts them.
      const result = convertDocuments({ documents: loaded.documents.filter(d => path.dirname(d.file) === dir), problems: [] }, options);
      const at = path.relative(CORPUS, dir);
      for (const f of result.files) digests[`${at}/${f.path}`] = digest(f.content);
      const { problems, notes, schemaFallbacks, counts } = result;
      digests[`${at} (report)`] = digest(JSON.stringify({ problems, notes, schemaFallbacks, counts }));
    }
    // A floor, so that a corpus that loads nothing cannot pass against an empty snapshot.
    expect(Object.keys(digests).length).toBeGreaterThan(100);
    expect(digests).toMatchSnapshot();
  });
});
