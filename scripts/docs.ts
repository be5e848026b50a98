/**
 * `npm run docs`: regenerates docs/reference/ (a Markdown page per example XRD, with the
 * data flow of its Compositions and the example XRs, plus index.md) from the example app in
 * examples/main.ts. `npm run docs -- --check` writes nothing and exits 1 when the pages on
 * disk are stale; test/examples/docs-current.test.ts runs the same comparison.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App } from 'cdk8s';
import { DOCS_GENERATED_MARKER, generateDocs, layerOf, PlatformLayer } from 'cdk8s-crossplane';
import { build } from '../examples/main';

/** The folder of the generated reference, from the repository root. */
export const REFERENCE_DIR = path.resolve(__dirname, '..', 'docs', 'reference');

/** Every object of the example app's platform charts, example XRs included, chart by chart. */
export function exampleObjects(): Array<{ readonly chart: string; readonly objects: Record<string, any>[] }> {
  const { platform } = build(new App(), { examples: true });
  return platform.map((chart) => ({ chart: chart.node.id, objects: chart.toJson() }));
}

/** The reference pages of the example XRDs (file name to Markdown), as `generateDocs` renders them. */
export function referenceDocs(charts = exampleObjects()): Map<string, string> {
  const xrds: object[] = [];
  const sources: string[] = [];
  const examples: object[] = [];
  const compositions: object[] = [];
  for (const { chart, objects } of charts) {
    objects.forEach((o, i) => {
      if (o.kind === 'CompositeResourceDefinition') {
        xrds.push(o);
        sources.push(`examples/main.ts chart '${chart}' object ${i}`);
      } else if (o.kind === 'Composition') {
        compositions.push(o);
      } else if (layerOf(o) === PlatformLayer.EXAMPLES && o.kind !== 'Namespace') {
        examples.push(o);
      }
    });
  }
  return generateDocs(xrds, examples, { sources, compositions });
}

/** How `dir` differs from `pages`: missing, out-of-date and no-longer-generated files, sorted. */
export function staleDocs(pages: ReadonlyMap<string, string>, dir: string = REFERENCE_DIR): string[] {
  const stale: string[] = [];
  for (const [name, content] of pages) {
    const full = path.join(dir, name);
    if (!fs.existsSync(full)) stale.push(`${name} (missing)`);
    else if (fs.readFileSync(full, 'utf8') !== content) stale.push(`${name} (out of date)`);
  }
  for (const name of generatedPages(dir)) if (!pages.has(name)) stale.push(`${name} (no longer generated)`);
  return stale.sort();
}

/** Markdown files in `dir` that the generator wrote (their first line is its marker). */
function generatedPages(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((name) => name.endsWith('.md')
    && fs.readFileSync(path.join(dir, name), 'utf8').split('\n', 1)[0] === DOCS_GENERATED_MARKER);
}

function main(args: string[]): number {
  const pages = referenceDocs();
  const stale = staleDocs(pages);
  const shown = path.relative(process.cwd(), REFERENCE_DIR) || '.';
  if (args.includes('--check')) {
    if (stale.length === 0) {
      process.stdout.write(`${shown} is up to date (${pages.size} files)\n`);
      return 0;
    }
    process.stderr.write(`${shown} is stale:\n${stale.map((s) => `  ${s}\n`).join('')}run \`npm run docs\` to update it\n`);
    return 1;
  }
  fs.mkdirSync(REFERENCE_DIR, { recursive: true });
  for (const [name, content] of pages) fs.writeFileSync(path.join(REFERENCE_DIR, name), content);
  for (const name of generatedPages(REFERENCE_DIR)) if (!pages.has(name)) fs.unlinkSync(path.join(REFERENCE_DIR, name));
  process.stdout.write(`wrote ${pages.size} files to ${shown}${stale.length ? ` (${stale.length} changed)` : ' (unchanged)'}\n`);
  return 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
