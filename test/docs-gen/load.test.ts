import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as YAML from 'yaml';
import { loadYamlLeniently, parseYamlLeniently } from '../../src/docs';

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

describe('parseYamlLeniently', () => {
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

  test('fails if a document is not YAML, naming the file, document index and line', () => {
    expect(() => parseYamlLeniently('a: 1\n---\nb: [1, 2\nc: 3\n', 'apis/x.yaml')).toThrow(/^apis\/x\.yaml document 1 line \d+: not valid YAML \(.+\): fix the YAML syntax of this document$/);
  });
});

describe('loadYamlLeniently', () => {
  test('reads files, folders (recursively, sorted by name, YAML and JSON only) and stdin', () => {
    // GIVEN a folder tree
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-load-'));
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'b.yaml'), 'n: b\n');
    fs.writeFileSync(path.join(dir, 'a.yml'), 'n: a\n');
    fs.writeFileSync(path.join(dir, 'sub', 'c.json'), '{"n": "c"}');
    fs.writeFileSync(path.join(dir, 'notes.md'), 'n: skipped\n');
    // WHEN
    const docs = loadYamlLeniently([dir, '-'], () => 'n: stdin\n');
    // THEN
    expect(docs.map((d) => [path.relative(dir, d.file), (d.value as any).n])).toStrictEqual([
      ['a.yml', 'a'], ['b.yaml', 'b'], [path.join('sub', 'c.json'), 'c'], [path.relative(dir, '<stdin>'), 'stdin'],
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('fails if a path does not exist', () => {
    expect(() => loadYamlLeniently(['/no/such/xrds'], () => '')).toThrow(/^\/no\/such\/xrds: no such file or directory: check the path$/);
  });
});
