// Generates the page of every XRD in the real-world corpus and checks it against what
// files.json (written independently of this code) says about each XRD.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { xrdToMarkdown } from '../../src/docs';
import { parseYamlStream } from '../../src/yaml';
import { rowOf } from './_xrd-fixture';

const SHARED = path.resolve(__dirname, '..', '..', '../shared');
const CORPUS = path.join(SHARED, 'corpus');
const present = fs.existsSync(path.join(CORPUS, 'files.json'));
if (!present) console.warn(`skipping the corpus docs tests: ${CORPUS} is absent (it ships beside the repository in CI)`);

interface XrdRecord {
  name: string; kind: string; group: string; claimKind: string | null; snapshot: string; path: string;
  versions: { name: string; served: boolean; referenceable: boolean; deprecated: boolean }[];
  examples: { path: string; role: string }[];
}

const records: XrdRecord[] = present ? JSON.parse(fs.readFileSync(path.join(CORPUS, 'files.json'), 'utf8')).xrds : [];
const cache = new Map<string, unknown[]>();
const docsOf = (file: string) => {
  if (!cache.has(file)) cache.set(file, parseYamlStream(fs.readFileSync(file, 'utf8'), file).documents.map((d) => d.value));
  return cache.get(file)!;
};

/** Every table row has as many cells as its header: no unescaped pipe or line break leaked. */
function brokenTableRows(md: string): string[] {
  const broken: string[] = [];
  let width = -1;
  for (const line of md.split('\n')) {
    if (!line.startsWith('|')) { width = -1; continue; }
    const cells = line.replace(/\\\\/g, '').split(/(?<!\\)\|/).length;
    if (width < 0) width = cells;
    else if (cells !== width) broken.push(line);
  }
  return broken;
}

(present ? describe : describe.skip)('docs for every corpus XRD', () => {
  test.each(records.map((r) => [`${r.snapshot}/${r.path} ${r.name}`, r] as const))('%s', (_label, r) => {
    // GIVEN the XRD and the example documents files.json links to it
    const file = path.join(CORPUS, r.snapshot, r.path);
    const xrd = docsOf(file).find((d: any) => d?.kind === 'CompositeResourceDefinition' && d?.metadata?.name === r.name) as any;
    expect(xrd).toBeDefined();
    const examples = r.examples.flatMap((e) => docsOf(path.join(CORPUS, r.snapshot, e.path))).filter((e): e is object => typeof e === 'object' && e !== null);
    // WHEN
    const md = xrdToMarkdown(xrd, { examples, source: `${file} ${r.name}` });
    // THEN the title and every version match files.json
    expect(md).toContain(`\n# ${r.kind} (${r.group})\n`);
    for (const v of r.versions) {
      const yes = (b: boolean) => (b ? 'yes' : 'no');
      expect(rowOf(md, `\`${v.name}\``, '## Versions')?.slice(0, 4)).toStrictEqual([`\`${v.name}\``, yes(v.served), yes(v.referenceable), yes(v.deprecated)]);
    }
    // AND every top-level spec field of the referenceable version has a row
    const ref = xrd.spec.versions.find((v: any) => v.referenceable === true);
    const specProps = Object.keys(ref?.schema?.openAPIV3Schema?.properties?.spec?.properties ?? {});
    for (const p of specProps) expect(rowOf(md, `\`spec.${p}\``)).toBeDefined();
    // AND the referenceable version lists as many CEL rules as its schema declares
    const countRules = (s: any): number => (typeof s !== 'object' || s === null ? 0
      : (Array.isArray(s['x-kubernetes-validations']) ? s['x-kubernetes-validations'].length : 0)
        + Object.entries(s).filter(([k]) => k !== 'x-kubernetes-validations').reduce((n, [, v]) => n + countRules(v), 0));
    // The referenceable version's section is the first '## Version' one; it ends at the next '## '.
    const start = md.indexOf('\n## Version ');
    const end = md.indexOf('\n## ', start + 1);
    const refSection = md.slice(start, end < 0 ? undefined : end);
    const rulesTable = refSection.includes('### Validation rules') ? refSection.slice(refSection.indexOf('### Validation rules')).split('\n### ')[0] : '';
    const ruleRows = rulesTable.split('\n').filter((l) => l.startsWith('| `')).length;
    expect(ruleRows).toBe(countRules(ref?.schema?.openAPIV3Schema));
    // AND each example of this XRD's kinds is shown
    const kinds = [r.kind, r.claimKind].filter((k) => k);
    const mine = examples.filter((e: any) => kinds.includes(e.kind) && String(e.apiVersion).split('/')[0] === r.group);
    expect(md.split('\n').filter((l) => /^### `[^`]+` `/.test(l)).length).toBe(mine.length);
    // AND no table is broken by the content
    expect(brokenTableRows(md)).toStrictEqual([]);
  });

  test('the XRD with an under-indented quoted description reads as Kubernetes reads it', () => {
    const file = path.join(CORPUS, 'upbound__configuration-gcp-database', 'apis', 'definition.yaml');
    const md = xrdToMarkdown(docsOf(file)[0] as object);
    expect(rowOf(md, '`spec.parameters.networkRef`')?.[6]).toBe('A reference to the Network object that this postgres should be connected to.');
  });
});
