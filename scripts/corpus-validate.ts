/**
 * Runs `cdk8s-crossplane validate` over every file of the real-world corpus
 * (`../shared/corpus`) the way a user would run it on that repository, and counts the files
 * with errors per kind of file. Files the corpus marks invalid (`validity: invalid` in
 * files.json, Resources-mode Compositions, the castai placeholder examples) are counted apart:
 * an error there is expected.
 *
 * For each file: `cdk8s-crossplane validate -o json <XRD and CRD files> <file>`, the extensions being
 * the files that define an XRD or a CRD (the invalid ones left out) under the nearest folder,
 * from the file's own up to the snapshot root, that holds any: an end-to-end test folder of
 * crossplane/crossplane is its own little repository, while `examples/xr.yaml` of a
 * configuration repository takes the XRDs of the whole repository, as
 * `validate apis/ examples/xr.yaml` would there.
 *
 *   npx tsx scripts/corpus-validate.ts [--verbose] [CORPUS_DIR]
 *
 * `test/corpus/cli-validate.test.ts` runs the same measurement and requires zero errors on
 * valid files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../src/cli/main';
import { Finding, formatFinding } from '../src/validate/finding';

/** Kind of corpus file, for the per-kind figures. */
export type CorpusFileKind = 'XRD' | 'Composition' | 'example XR/claim' | 'package metadata' | 'other';

/** The outcome of validating one corpus file. */
export interface CorpusFileResult {
  readonly file: string;
  readonly kind: CorpusFileKind;
  /** Whether the corpus marks the file (or one of its documents) as deliberately invalid. */
  readonly invalid: boolean;
  /** Its error findings, one line each. */
  readonly errors: readonly string[];
  /** Exit status of the run that validated it (together with the files sharing its extensions). */
  readonly exitCode: number;
}

interface Rec { snapshot: string; path: string; validity?: string; mode?: string }

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out;
}

function kindOf(text: string, rel: string, examples: Set<string>): CorpusFileKind {
  if (/^kind:\s*CompositeResourceDefinition\s*$/m.test(text)) return 'XRD';
  if (/^kind:\s*Composition\s*$/m.test(text)) return 'Composition';
  if (examples.has(rel)) return 'example XR/claim';
  if (/^apiVersion:\s*meta\.pkg\.crossplane\.io\//m.test(text)) return 'package metadata';
  return 'other';
}

/** Validates every YAML file of the corpus through the CLI. */
export async function validateCorpus(corpus: string): Promise<CorpusFileResult[]> {
  const files = JSON.parse(fs.readFileSync(path.join(corpus, 'files.json'), 'utf8')) as { xrds: Rec[]; compositions: Rec[]; examples: Rec[] };
  const invalid = new Set<string>();
  for (const r of [...files.xrds, ...files.compositions]) if (r.validity === 'invalid') invalid.add(`${r.snapshot}/${r.path}`);
  // Compositions without mode are Crossplane v1's Resources mode, which v2's CRD rejects.
  for (const r of files.compositions) if (r.mode !== 'Pipeline') invalid.add(`${r.snapshot}/${r.path}`);
  // The castai examples leave required parameters out or as null placeholders (corpus README).
  const placeholders = (rel: string) => rel.startsWith('upbound__configuration-gcp-gke-castai/examples/');
  const examples = new Set(files.examples.map((r) => `${r.snapshot}/${r.path}`));
  const results: CorpusFileResult[] = [];
  for (const snapshot of fs.readdirSync(corpus).sort()) {
    const dir = path.join(corpus, snapshot);
    if (!fs.statSync(dir).isDirectory()) continue;
    const all = yamlFiles(dir);
    const texts = new Map(all.map((f) => [f, fs.readFileSync(f, 'utf8')]));
    const definitions = all.filter((f) => /^kind:\s*(CompositeResourceDefinition|CustomResourceDefinition)\s*$/m.test(texts.get(f)!)
      && !invalid.has(`${snapshot}/${path.relative(dir, f)}`));
    // Files sharing the same extensions are validated in one run (as one comma-separated
    // RESOURCES list); each finding names its file, which is how they are told apart again.
    const groups = new Map<string, string[]>();
    for (const file of all) {
      let scope = path.dirname(file);
      while (scope !== dir && !definitions.some((f) => f.startsWith(scope + path.sep))) scope = path.dirname(scope);
      const extensions = definitions.filter((f) => f.startsWith(scope + path.sep)).join(',');
      groups.set(extensions, [...(groups.get(extensions) ?? []), file]);
    }
    for (const [extensions, files] of groups) {
      let out = '';
      let err = '';
      const io = { stdout: (t: string) => { out += t; }, stderr: (t: string) => { err += t; }, stdin: () => '' };
      const exitCode = await main(['validate', '-o', 'json', extensions || files[0], files.join(',')], io);
      if (!out) throw new Error(`validate printed no report: ${err}`);
      const report = JSON.parse(out) as { general: Finding[]; results: { findings: Finding[] }[] };
      const findings = [...report.general, ...report.results.flatMap((r) => r.findings)].filter((f) => f.severity === 'error');
      for (const file of files) {
        const rel = `${snapshot}/${path.relative(dir, file)}`;
        const errors = findings.filter((f) => f.object.file === file).map(formatFinding);
        results.push({ file: rel, kind: kindOf(texts.get(file)!, rel, examples), invalid: invalid.has(rel) || placeholders(rel), errors, exitCode });
      }
    }
  }
  return results;
}

/** One line per kind: files, files with errors among the valid ones, invalid ones rejected. */
export function summarizeCorpus(results: readonly CorpusFileResult[]): string[] {
  const kinds: CorpusFileKind[] = ['XRD', 'Composition', 'example XR/claim', 'package metadata', 'other'];
  return kinds.map((k) => {
    const of = results.filter((r) => r.kind === k);
    const valid = of.filter((r) => !r.invalid);
    const bad = of.filter((r) => r.invalid);
    return `${k}: ${valid.length} valid files, ${valid.filter((r) => r.errors.length).length} with errors (false positives); ${bad.length} invalid, ${bad.filter((r) => r.errors.length).length} rejected`;
  });
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const corpus = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(__dirname, '..', '..', 'shared', 'corpus'));
  validateCorpus(corpus).then((results) => {
    for (const line of summarizeCorpus(results)) process.stdout.write(line + '\n');
    if (verbose) for (const r of results) if (!r.invalid && r.errors.length) process.stdout.write(`\n${r.file} (${r.kind}):\n  ${r.errors.join('\n  ')}\n`);
  }, (err) => { process.stderr.write(`${err?.stack ?? err}\n`); process.exitCode = 1; });
}
