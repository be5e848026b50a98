// docs/reference/ is generated from the example XRDs (scripts/docs.ts, `npm run docs`) and
// committed; this fails as soon as an example API changes without regenerating it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DOCS_GENERATED_MARKER } from '../../src/docs';
import { exampleObjects, REFERENCE_DIR, referenceDocs, staleDocs } from '../../scripts/docs';

const charts = exampleObjects();
const pages = referenceDocs(charts);

test('docs/reference/ matches what the example XRDs generate', () => {
  const stale = staleDocs(pages);
  if (stale.length > 0) {
    throw new Error(`docs/reference/ is stale:\n  ${stale.join('\n  ')}\nrun \`npm run docs\` to regenerate it, then commit the result`);
  }
  expect(fs.existsSync(path.join(REFERENCE_DIR, 'index.md'))).toBe(true);
});

test('every example XRD has a page linked from the index, with its example XRs', () => {
  const objects = charts.flatMap((c) => c.objects);
  const xrds = objects.filter((o) => o.kind === 'CompositeResourceDefinition');
  expect(pages.size).toBe(xrds.length + 1);
  const index = pages.get('index.md')!;
  for (const xrd of xrds) {
    const kind: string = xrd.spec.names.kind;
    const file = [...pages.keys()].find((f) => f.startsWith(`${kind.toLowerCase()}.`))!;
    expect(index).toContain(`(${file})`);
    const page = pages.get(file)!;
    expect(page.split('\n', 1)[0]).toBe(DOCS_GENERATED_MARKER);
    // Every field the schema declares is documented.
    for (const field of Object.keys(xrd.spec.versions[0].schema.openAPIV3Schema.properties.spec.properties ?? {})) {
      expect(page).toContain(`\`spec.${field}`);
    }
    const examples = objects.filter((o) => o.kind === kind && o.apiVersion.startsWith(`${xrd.spec.group}/`));
    for (const xr of examples) expect(page).toContain(`name: ${xr.metadata.name}`);
    // The data flow of every Composition of the API, with the reconcile each resource first
    // appears at in a simulation of an example XR.
    const compositions = objects.filter((o) => o.kind === 'Composition' && o.spec.compositeTypeRef.kind === kind);
    expect(compositions.length).toBeGreaterThan(0);
    for (const c of compositions) expect(page).toContain(`### \`${c.metadata.name}\`\n\n\`\`\`mermaid\nflowchart LR\n`);
    expect(page).toMatch(/subgraph r0\["[^"]+ · reconcile 1"\]/);
  }
});

describe('the staleness check', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-current-'));
    for (const [name, content] of pages) fs.writeFileSync(path.join(dir, name), content);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('passes on freshly generated pages and ignores hand-written ones', () => {
    fs.writeFileSync(path.join(dir, 'README.md'), '# Hand-written\n');
    expect(staleDocs(pages, dir)).toStrictEqual([]);
  });

  test('names a missing, an edited and a no-longer-generated page', () => {
    const [first, second] = [...pages.keys()];
    fs.rmSync(path.join(dir, first));
    fs.appendFileSync(path.join(dir, second), 'edited by hand\n');
    fs.writeFileSync(path.join(dir, 'xremoved.md'), `${DOCS_GENERATED_MARKER}\n\n# XRemoved\n`);
    expect(staleDocs(pages, dir)).toStrictEqual([`${first} (missing)`, `${second} (out of date)`, 'xremoved.md (no longer generated)'].sort());
  });
});
