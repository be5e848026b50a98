/**
 * `cdk8s-crossplane docs XRD_FILES_OR_DIRS... --out DIR [--examples DIR]... [--check]`: writes a
 * Markdown reference page per XRD plus `index.md`; with `--check` writes nothing and exits 1
 * when the pages on disk differ from what the XRDs produce (for a CI step or a test).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateDocs, DOCS_GENERATED_MARKER } from '../docs';
import { loadYamlSources } from '../yaml';
import { isUserError, UsageError, UserError } from '../errors';
import { compositionDataFlow, dataFlowMermaid, simulate } from '../simulate';
import { fileNameProblem } from '../_safe-paths';
import { writeFiles } from '../_write-files';
import { parseCommandLine } from './args';
import { prepareBackstageTemplates } from './docs-backstage';
import { CliIo } from './io';

const USAGE = `Usage: cdk8s-crossplane docs XRD_FILES_OR_DIRS... --out DIR [--examples DIR]... [--check] [--force] [--backstage DIR]
       cdk8s-crossplane docs --graph COMPOSITION_FILES_OR_DIRS... [--examples DIR]...

Writes one <kind>.md per CompositeResourceDefinition found in the files or directories
(searched recursively; '-' reads stdin; other kinds of documents are skipped) and an index.md.
Compositions found there are listed on their XRD's page with what they compose, checked against
the provider schemas validate uses (bundled, and the CRDs in the imports of ./cdk8s.yaml).
Pages a previous run generated are updated in place; any other file in the way is left alone
unless --force is given. When anything fails, nothing is written. Compositions found beside
the XRDs get a data flow diagram on their XRD's page. With --graph, prints the data flow of
every Composition found as a Mermaid diagram instead, and writes nothing.

Options:
  -o, --out DIR        folder for the pages (created when missing)
  -e, --examples PATH  example XRs/claims shown on their XRD's page (file or folder; repeatable)
      --check          write nothing; exit 1 and list the stale pages when DIR is out of date
      --force          overwrite files in DIR that this command did not generate
      --backstage DIR  also (or, without --out, only) write a Backstage software template per
                       XRD to DIR: a form for the XR's spec and a pull request to a GitOps repo
      --backstage-owner REF   spec.owner of the templates (e.g. group:platform-team)
      --backstage-path PATH   folder of the GitOps repository the XRs go to (default xrs)
      --graph          print each Composition's data flow as a Mermaid flowchart (with the
                       reconcile at which each resource first appears when an example XR
                       can be simulated)
  -h, --help           show this help
`;

function isXrd(v: unknown): v is object {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return o.kind === 'CompositeResourceDefinition' && typeof o.apiVersion === 'string' && o.apiVersion.startsWith('apiextensions.crossplane.io/');
}

function isComposition(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && (v as Record<string, unknown>).kind === 'Composition'
    && String((v as Record<string, unknown>).apiVersion ?? '').startsWith('apiextensions.crossplane.io/');
}

/** `--graph`: a Mermaid diagram per Composition, reconcile numbers from the first example XR it simulates. */
function printGraphs(paths: string[], examplePaths: string[], io: CliIo): number {
  const docs = loadYamlSources(paths, io.stdin);
  const compositions = docs.filter((d) => isComposition(d.value));
  if (compositions.length === 0) throw new UserError(`no Composition found in ${paths.join(', ')}: pass Composition files or the folders that hold them`);
  const xrds = docs.map((d) => d.value).filter(isXrd) as Record<string, any>[];
  const examples = (examplePaths.length ? loadYamlSources(examplePaths, io.stdin) : []).map((d) => d.value).filter((v): v is Record<string, any> => typeof v === 'object' && v !== null);
  const out: string[] = [];
  for (const d of compositions) {
    const comp = d.value as Record<string, any>;
    const ref = comp.spec?.compositeTypeRef ?? {};
    const xrd = xrds.find((x) => x.spec?.names?.kind === ref.kind && `${x.spec?.group}` === String(ref.apiVersion ?? '').split('/')[0]);
    let firstAppearance: Readonly<Record<string, number>> | undefined;
    for (const xr of examples.filter((e) => e.kind === ref.kind && e.apiVersion === ref.apiVersion)) {
      try {
        firstAppearance = simulate({ xr, composition: comp, xrd }).firstAppearance;
        break;
      } catch (err) {
        if (!isUserError(err)) throw err;
      }
    }
    const diagram = dataFlowMermaid(compositionDataFlow(comp), { firstAppearance });
    out.push(diagram.replace('\n', `\n  %% ${String(comp.metadata?.name ?? '')} (${d.source})\n`));
  }
  io.stdout(out.join('\n'));
  return 0;
}

/** Pages in `dir` that a previous run generated (first line is our marker). */
function generatedPagesOnDisk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((name) => {
    // Only names this command could have generated; anything else is not ours to remove.
    if (!name.endsWith('.md') || fileNameProblem(name) !== undefined) return false;
    const full = path.join(dir, name);
    return fs.statSync(full).isFile() && fs.readFileSync(full, 'utf8').split('\n', 1)[0] === DOCS_GENERATED_MARKER;
  }).sort();
}

/** Runs `docs`; returns the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine(args, {
    'out': { type: 'string', short: 'o' },
    'examples': { type: 'string', short: 'e', multiple: true },
    'check': { type: 'boolean' },
    'force': { type: 'boolean' },
    'backstage': { type: 'string' },
    'backstage-owner': { type: 'string' },
    'backstage-path': { type: 'string' },
    'graph': { type: 'boolean' },
  }, USAGE, io);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError('missing XRD files or directories', USAGE);
  if (values.graph) return printGraphs(positionals, values.examples ?? [], io);
  if (!values.out && !values.backstage) throw new UsageError('missing --out DIR: the folder to write the pages to', USAGE);
  if (values.check && !values.out) throw new UsageError('--check compares the pages in --out DIR; Backstage templates are not checked', USAGE);
  const outDir = values.out ?? '';
  if (fs.existsSync(outDir) && !fs.statSync(outDir).isDirectory()) {
    throw new UserError(`--out '${outDir}' is a file, not a folder: pass the folder to write the pages to`);
  }

  const docs = loadYamlSources(positionals, io.stdin);
  const xrds = docs.filter((d) => isXrd(d.value));
  if (xrds.length === 0) {
    throw new UserError(`no CompositeResourceDefinition found in ${positionals.join(', ')}: pass XRD files or the folders that hold them`);
  }
  const options = { owner: values['backstage-owner'], targetPath: values['backstage-path'] };
  const writeBackstage = values.backstage && !values.check
    ? prepareBackstageTemplates(values.backstage, xrds.map((d) => d.value as object), xrds.map((d) => `${d.source} document ${d.index}`), options, values.force)
    : undefined;
  if (!values.out) {
    writeBackstage?.(io);
    return 0;
  }
  const examples = (values.examples ? loadYamlSources(values.examples, io.stdin) : [])
    .map((d) => d.value)
    .filter((v): v is object => typeof v === 'object' && v !== null);
  // Compositions among the inputs: each page draws their data flow and lists what they compose,
  // checked against the provider schemas this repository uses (its cdk8s.yaml imports).
  const compositions = docs.map((d) => d.value).filter(isComposition);
  const pages = generateDocs(xrds.map((d) => d.value as object), examples, { sources: xrds.map((d) => `${d.source} document ${d.index}`), compositions });

  const stale: string[] = [];
  for (const [name, content] of pages) {
    const full = path.join(outDir, name);
    const current = fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : undefined;
    if (current === undefined) stale.push(`${full} (missing)`);
    else if (current !== content) stale.push(`${full} (out of date)`);
  }
  const obsolete = generatedPagesOnDisk(outDir).filter((name) => !pages.has(name));
  stale.push(...obsolete.map((name) => `${path.join(outDir, name)} (no longer generated)`));

  if (values.check) {
    if (stale.length === 0) {
      io.stdout(`docs in ${outDir} are up to date (${pages.size} files)\n`);
      return 0;
    }
    const command = `cdk8s-crossplane docs ${positionals.join(' ')} --out ${outDir}`;
    io.stderr(`docs in ${outDir} are stale:\n${stale.map((s) => `  ${s}\n`).join('')}run \`${command}\` to update them\n`);
    return 1;
  }

  // Pages of an earlier run (our marker on the first line) are ours to replace; anything else needs --force.
  const result = writeFiles(outDir, [...pages].map(([name, content]) => ({ path: name, content })), {
    force: values.force,
    replaceable: (current) => current.split('\n', 1)[0] === DOCS_GENERATED_MARKER,
    remove: obsolete,
    rootName: '--out folder',
  });
  writeBackstage?.(io);
  io.stdout(`wrote ${pages.size} files to ${outDir}${result.removed.length ? `, removed ${result.removed.length} obsolete` : ''}\n`);
  return 0;
}
