// The YAML readers report the first parse error of a document, and must not pay for
// formatting the others: the yaml library's default formatting copies each error's whole line,
// errors × line length, seconds for a template output that repeats a 10,000-item value.
import * as path from 'node:path';
import { parseAllDocuments, parseDocument } from 'yaml';
import { decodeManifests, parsedDocumentsRemembered } from '../../src/engine/functions/go-templating/decode';
import { errorPosition, errorText, positionedErrors } from '../../src/yaml/error-position';
import { parseYamlStream } from '../../src/yaml';

// One line the parser rejects at each of its items (printf "%v" of a list of maps), as a fuzzed
// XR name printed by a go-templating template did.
// The library's formatter, from the module its parse functions call it through (the package's
// exports map hides the file, so it is required by path).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yamlErrors = require(path.join(path.dirname(require.resolve('yaml')), 'errors.js')) as { prettifyError: (...args: unknown[]) => unknown };

const LONG_BAD_LINE = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [${Array.from({ length: 300 }, (_, i) => `map[name:n${i} v:${i}]`).join(' ')}]\n    oops: x\n`;

const BROKEN = [
  'a: 1\n b: 2\n',
  'a:\n  - x\n - y\n',
  'key: "open\n',
  'a: b: c\n',
  '- a\nb: 1\n',
  '\t- x\n',
  LONG_BAD_LINE,
];

describe('errorPosition and errorText', () => {
  test.each(BROKEN.map((text, i) => [i, text]))('give the line, column and first line the yaml library prints (broken text %i)', (_i, text) => {
    const pretty = parseDocument(text, { version: '1.1' });
    const positions = positionedErrors();
    const plain = parseDocument(text, { version: '1.1', ...positions });
    expect(plain.errors.length).toBeGreaterThan(0);
    const [p, q] = [pretty.errors[0], plain.errors[0]];
    expect(errorPosition(q, positions.lineCounter)).toEqual(p.linePos?.[0]);
    expect(errorText(q, positions.lineCounter)).toBe(p.message.split('\n')[0].replace(/:$/, ''));
  });

  test('the long line gives the parser many errors (what makes formatting them all costly)', () => {
    expect(parseDocument(LONG_BAD_LINE, { version: '1.1', prettyErrors: false }).errors.length).toBeGreaterThan(100);
  });
});

describe('the readers format no error the user is not shown', () => {
  let prettify: jest.SpyInstance;
  beforeEach(() => { prettify = jest.spyOn(yamlErrors, 'prettifyError'); });
  afterEach(() => prettify.mockRestore());

  test('the spy sees the yaml library format errors by default', () => {
    parseAllDocuments(LONG_BAD_LINE);
    expect(prettify).toHaveBeenCalled();
  });

  test('go-templating decoding', () => {
    expect(() => decodeManifests(LONG_BAD_LINE)).toThrow(/^error converting YAML to JSON: yaml: line \d+ \(document 1, line \d+\) near: '.+': did not find expected key$/);
    expect(prettify).not.toHaveBeenCalled();
  });

  test('parseYamlStream', () => {
    const r = parseYamlStream(LONG_BAD_LINE, 'long.yaml');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].message).toMatch(/^not valid YAML at line \d+ \(.+ at line \d+, column \d+\): fix the YAML syntax of this document$/);
    expect(prettify).not.toHaveBeenCalled();
  });
});

describe('go-templating decoding remembers documents of a usual size only', () => {
  // Documents the plain reader reads are never remembered (reading them is cheaper than a
  // lookup and a copy); these use an anchor, which only the full parser reads.
  test('a large document is parsed but not kept, a small one is kept', () => {
    const before = parsedDocumentsRemembered();
    const big = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: &n big\ndata:\n${Array.from({ length: 2000 }, (_, i) => `  k${i}: v${i}\n`).join('')}`;
    expect(big.length).toBeGreaterThan(16_384);
    expect(decodeManifests(big)[0].data).toHaveProperty('k1999', 'v1999');
    expect(parsedDocumentsRemembered()).toBe(before);
    decodeManifests('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: &n small-and-new\n');
    expect(parsedDocumentsRemembered()).toBe(before + 1);
    decodeManifests('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain-and-new # a comment\n');
    expect(parsedDocumentsRemembered()).toBe(before + 1);
  });
});
