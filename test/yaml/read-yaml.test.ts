import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as YAML from 'yaml';
import { loadYamlSources, parseYamlStream, YamlDocument } from '../../src/yaml';

/** The documents of a text, failing the test on any problem. */
function parseYamlLeniently(text: string, file: string): YamlDocument[] {
  const r = parseYamlStream(text, file);
  if (r.problems.length > 0) throw new Error(`${r.problems[0].source} document ${r.problems[0].index}: ${r.problems[0].message}`);
  return r.documents;
}

// The shape found in real XRDs: a double-quoted scalar whose continuation line is indented
// no deeper than its key. Kubernetes' YAML reader folds it into one line.
const UNDER_INDENTED = [
  'spec:',
  '  networkRef:',
  '    type: object',
  '    description: "A reference to the Network object that this database should be',
  '    connected to."',
  '    properties:',
  '      id:',
  '        type: string',
].join('\n');

describe('parseYamlStream', () => {
  test('the strict parser of the yaml package rejects the under-indented quoted scalar, with any option', () => {
    for (const options of [{}, { strict: false }, { uniqueKeys: false }]) {
      expect(YAML.parseAllDocuments(UNDER_INDENTED, options)[0].errors.length).toBeGreaterThan(0);
    }
  });

  test('reads an under-indented double-quoted scalar as Kubernetes does', () => {
    const [doc] = parseYamlLeniently(UNDER_INDENTED, 'x.yaml');
    expect(doc.value).toStrictEqual({
      spec: { networkRef: { type: 'object', description: 'A reference to the Network object that this database should be connected to.', properties: { id: { type: 'string' } } } },
    });
  });

  test('reads an under-indented single-quoted scalar with an escaped quote', () => {
    const text = "a:\n  b: 'it''s long\n  and folded'\n  c: 1\n";
    expect(parseYamlLeniently(text, 'x.yaml')[0].value).toStrictEqual({ a: { b: "it's long and folded", c: 1 } });
  });

  test('skips empty documents but keeps the index of each document in its stream', () => {
    const docs = parseYamlLeniently('---\na: 1\n---\n---\nb: 2\n', 'x.yaml');
    expect(docs.map((d) => [d.index, d.value])).toStrictEqual([[0, { a: 1 }], [2, { b: 2 }]]);
  });

  test('reports a document that is not YAML, naming the file, document index and line, and keeps the others', () => {
    const r = parseYamlStream('a: 1\n---\nb: [1, 2\nc: 3\n', 'apis/x.yaml');
    expect(r.documents.map((d) => d.value)).toStrictEqual([{ a: 1 }]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ source: 'apis/x.yaml', index: 1 });
    expect(r.problems[0].message).toMatch(/^not valid YAML at line \d+ \(.+\): fix the YAML syntax of this document$/);
  });

  test('reads YAML 1.1 as Kubernetes does: on/yes are booleans (even as keys), timestamps stay strings', () => {
    const [doc] = parseYamlLeniently('a: on\nb: yes\nc: 2024-01-01T00:00:00Z\nn: 1\n', 'x.yaml');
    expect(doc.value).toStrictEqual({ a: true, b: true, c: '2024-01-01T00:00:00Z', false: 1 });
  });

  test('keeps integers as int64 (bigint) when asked, as the render engine needs', () => {
    const r = parseYamlStream('num: 9007199254740993\nf: 1.5\n', 'x.yaml', { intAsBigInt: true });
    expect(r.documents[0].value).toStrictEqual({ num: 9007199254740993n, f: 1.5 });
  });
});

describe('loadYamlSources', () => {
  test('reads files, folders (recursively, sorted by name, YAML and JSON only) and stdin', () => {
    // GIVEN a folder tree
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-load-'));
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'b.yaml'), 'name: b\n');
    fs.writeFileSync(path.join(dir, 'a.yml'), 'name: a\n');
    fs.writeFileSync(path.join(dir, 'sub', 'c.json'), '{"name": "c"}');
    fs.writeFileSync(path.join(dir, 'notes.md'), 'name: skipped\n');
    // WHEN
    const docs = loadYamlSources([dir, '-'], () => 'name: stdin\n');
    // THEN
    expect(docs.map((d) => [path.relative(dir, d.source), (d.value as any).name])).toStrictEqual([
      ['a.yml', 'a'], ['b.yaml', 'b'], [path.join('sub', 'c.json'), 'c'], [path.relative(dir, '<stdin>'), 'stdin'],
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('fails if a path does not exist', () => {
    expect(() => loadYamlSources(['/no/such/xrds'], () => '')).toThrow(/^\/no\/such\/xrds: no such file or directory: check the path$/);
  });
});
