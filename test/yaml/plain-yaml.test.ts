/**
 * The plain-YAML reader must answer exactly what the full parser answers, or not at all.
 * Checked on every YAML file of the repository, the shared CRDs and the corpus, on hand-picked
 * YAML 1.1 corner cases, and on random objects written by the `yaml` library.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { parseYamlStream, parseYamlStreamFully } from '../../src/yaml/read-yaml';
import { parsePlainYamlStream } from '../../src/yaml/plain-yaml';

const ROOT = path.resolve(__dirname, '../..');
const SHARED = path.resolve(ROOT, '..', 'shared');

function yamlFiles(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) { if (e.name !== 'node_modules' && !e.name.startsWith('.')) yamlFiles(full, out); } else if (/\.ya?ml$/.test(e.name)) out.push(full);
  }
  return out;
}

/** The plain reader's documents, or undefined when it leaves the text to the full parser. */
function plain(text: string, intAsBigInt = false) {
  const docs = parsePlainYamlStream(text, intAsBigInt);
  return docs && docs.flatMap((value, index) => (value === null ? [] : [{ source: 's', index, value }]));
}

function full(text: string, intAsBigInt = false) {
  const r = parseYamlStreamFully(text, 's', { intAsBigInt });
  return r.problems.length > 0 ? undefined : r.documents;
}

describe('plain YAML reader', () => {
  const files = [...yamlFiles(path.join(ROOT, 'examples')), ...yamlFiles(path.join(ROOT, 'test')), ...yamlFiles(path.join(SHARED, 'crds')), ...yamlFiles(path.join(SHARED, 'corpus'))];
  if (!fs.existsSync(SHARED)) console.warn(`plain YAML reader: ${SHARED} is absent, only the repository's own files are compared`);

  // Every file is compared with integers read as numbers and as bigints, except the large ones
  // (over 16 KB, mostly provider CRDs: 2.3 of the 3.3 MB, and most of the full parser's time):
  // those one way each, taking turns, so that both ways meet large files. The random-object
  // properties below check both ways on every run.
  test('agrees with the full parser on every file it reads, and reads most Kubernetes files', () => {
    let read = 0;
    let large = 0;
    const disagree: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const modes = text.length <= 16 * 1024 ? [false, true] : [large++ % 2 === 1];
      for (const big of modes) {
        const p = plain(text, big);
        if (!p) continue;
        if (big === modes[0]) read++;
        // Node's strict deep equality: as exact as toEqual (stricter about undefined
        // properties) and cheaper on the large CRDs.
        if (!isDeepStrictEqual(p, full(text, big))) disagree.push(`${path.relative(ROOT, file)} (intAsBigInt ${big})`);
      }
    }
    console.log(`plain YAML reader: read ${read} of ${files.length} files, the full parser the rest; ${large} large files compared one way`);
    expect(disagree).toEqual([]);
    expect(read).toBeGreaterThan(files.length / 2);
    // Both ways meet large files (when the shared CRDs are there).
    if (fs.existsSync(SHARED)) expect(large).toBeGreaterThanOrEqual(2);
  });

  test.each([
    ['document separators and empty documents', '# head\n---\na: 1\n---\n---\nb: 2\n'],
    ['leading content without ---', 'a: 1\n---\nb: 2\n'],
    ['trailing separator', 'a: 1\n---\n'],
    ['nested block collections', 'a:\n  b:\n  - c: 1\n    d: []\n  e: {}\ng:\n  - - p\n    - q\n  - r\nf:\n- 1\n- -2\n- 1.50\n'],
    ['quoted scalars and escapes', `a: "x\\ty\\u00e9\\"" # c\nb: 'it''s'\n"c d": e\n'f': "1"\n`],
    ['plain scalars that stay strings', 'a: 10.0.0.0/8\nb: e2-standard-4\nc: http://x:80/y\nd: a b  c\ne: -name\nf: v1.30.2\n'],
    ['folded plain scalars', 'a: one\n  two\n\n  three\nb: x\n'],
    ['literal and folded block scalars', 'a: |\n  x\n   y\n\n  z\n\nb: |-\n  s\nc: >\n  p\n  q\n\n  r\nd: >-\n  t\ne: |\nf: 1\n'],
    ['null, booleans, numbers', 'a: ~\nb: null\nc: True\nd: FALSE\ne: 0\nf: -12\ng: 3.25\nh:\n'],
    ['quoted scalars folded over lines', 'a: "one\n  two\n\n  three \\\n  four"\nb: \'x\n  y\'\nc: 10.0.0.1\n'],
    ['same key twice keeps the last value', 'a: 1\nb: 2\na: 3\n'],
  ])('%s: same values as the full parser', (_name, text) => {
    expect(plain(text)).toBeDefined();
    expect(plain(text)).toEqual(full(text));
    expect(plain(text, true)).toEqual(full(text, true));
  });

  // Comments, as YAML 1.2 section 6.6 places them: `#` opens one at the start of a line or
  // after white space, never inside a quoted scalar, and `a#b` is a plain scalar.
  test.each([
    ['a comment after a plain value', 'a: b # c\nd: e #f\n'],
    ['a comment after a number, a boolean and null', 'a: 1 # c\nb: true #c\nc: ~ # c\nd: # c\n'],
    ['a # without white space before it is content', 'a: b#c\nd#e: f\ng: http://x/#frag\nh: x#\ni: 1# c\n'],
    ['# inside quoted scalars', `a: "x # y"\nb: 'x # y'\n"c #": d\ne: "#"\nf: "#x" #y\n`],
    ['comments after quoted scalars, flow and block headers', `a: "b" # c\nb: 'c' #d\nc: {} # e\nd: [] #f\ne: | # g\n  x\nf: >- #h\n  y\n  z\n`],
    ['a comment after a key opens the nested node', 'a: # c\n  b: 1\nc: #d\n- 1\n'],
    ['full-line comments at any indent', '# head\na:\n  # c\n  b: 1\n# c\n    # d\n  c: 2\n  # e\n'],
    ['comment lines inside block scalars are content', 'a: |\n  # c\n  x\n    # d\nb: >\n  x\n # less indented: a comment\nc: 1\n'],
    ['a comment ends a folded plain scalar', 'a: b\n  c # d\ne: f\n  # g\nh: i\n'],
    ['a comment as the first thing of a sequence entry', '- # c\n  a: 1\n- #c\n- 2\n- a # c\n- b: 1 # c\n  d: 2\n'],
    ['a comment on the document separator and comment-only documents', '# head\n--- # c\na: 1\n---  #c\n# only a comment\n---\nb: 2 # c\n'],
    ['several # on one line', 'a: x # y # z\nb: "p" # "q" # r\n'],
    ['a comment that looks like an entry', 'a: b # c: d\ne: f # - g\n'],
  ])('comments: %s: same values as the full parser', (_name, text) => {
    expect(plain(text)).toBeDefined();
    expect(plain(text)).toEqual(full(text));
    expect(plain(text, true)).toEqual(full(text, true));
  });

  // Where the full parser rejects the text, the plain reader must not answer. Note: go-yaml's
  // scanner (yaml_parser_scan_to_next_token in go.yaml.in/yaml/v2 scannerc.go, which
  // sigs.k8s.io/yaml v1.6.0 uses) eats a `#` right after a quoted scalar, `{}` or a block
  // header without white space before it; the full parser follows YAML 1.2 and refuses it.
  test.each([
    ['a comment glued to a double-quoted scalar', 'a: "b"# c\n'],
    ['a comment glued to a single-quoted scalar', "a: 'b'#c\n"],
    ['a comment glued to {}', 'a: {}# c\n'],
    ['a comment glued to a block header', 'a: |#c\n  x\n'],
    ['a comment glued to ---', '---#c\na: 1\n'],
    ['a plain scalar continued after a comment', 'a: b # c\n  d\n'],
    ['a plain scalar continued after a comment line', 'a: b\n  # c\n  d\n'],
    ['a quoted scalar continued after a comment', 'a: "b" #c\n  d\n'],
    ['a tab before a comment', 'a: "x" \t# c\n'],
  ])('comments: %s: left to the full parser', (_name, text) => {
    expect(parsePlainYamlStream(text, false)).toBeUndefined();
  });

  test('comments added anywhere to written YAML read as the full parser reads them', () => {
    const key = fc.stringMatching(/^[a-z][a-z0-9#.-]{0,6}$/);
    const scalar = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('# x', 'a #b', 'a#b', '#', ' #', 'x # y'));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(key, tie('node'), { maxKeys: 3 })),
    })).node;
    // What to do at each line: nothing, a trailing comment with or without white space before
    // it, or a comment line before it at some indent.
    const edit = fc.constantFrom('', ' # c', '  #c', '#c', ' #', '\n# c', '\n    # c', '\n #c: d', ' # - e', '\n---');
    let answered = 0;
    fc.assert(fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 4 }), fc.array(edit, { minLength: 1, maxLength: 30 }), fc.boolean(), (obj, edits, quote) => {
      const lines = stringify(obj, { defaultStringType: quote ? 'QUOTE_DOUBLE' : 'PLAIN' }).split('\n');
      const text = lines.map((l, i) => { const e = edits[i % edits.length]; return e.startsWith('\n') ? `${e.slice(1)}\n${l}` : l === '' ? l : l + e; }).join('\n');
      const p = plain(text, true);
      if (!p) return;
      answered++;
      expect(p).toEqual(full(text, true));
    }), { numRuns: 200 });
    // The property says something only where the plain reader answers.
    expect(answered).toBeGreaterThan(50);
  });

  test.each([
    ['on as a key', 'on: push\n'],
    ['infinity', 'a: .inf\n'],
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['merge keys', 'a: {x: 1}\nb:\n  <<: {y: 2}\n'],
    ['tags', 'a: !!str 1\n'],
    ['flow collections with content', 'a: [1, 2]\n'],
    ['tabs', 'a:\tb\n'],
    ['CRLF', 'a: b\r\n'],
    ['a quoted scalar continued at its key\'s column', 'a: "x\ny"\n'],
    ['keep chomping', 'a: |+\n  x\n\n'],
    ['a number as a key', '1.0: a\n'],
    ['mapping value on a plain scalar line', 'a: b: c\n'],
  ])('%s: left to the full parser', (_name, text) => {
    expect(parsePlainYamlStream(text, false)).toBeUndefined();
  });

  test('values that YAML 1.1 and go-yaml type differently: the plain reader answers as go-yaml', () => {
    const text = 'a: yes\nb: 0777\nc: 1:20\nd: 1e3\nE0: x\ne: 0o17\n';
    const goYaml = { a: true, b: 511, c: '1:20', d: 1000, E0: 'x', e: 15 };
    expect(parsePlainYamlStream(text, false)).toEqual([goYaml]);
    expect(full(text, false)).toEqual([{ source: 's', index: 0, value: goYaml }]);
  });

  test('parseYamlStream gives the same result whichever reader runs', () => {
    const text = 'a: yes\nb: &x 0777\n'; // needs the full parser
    expect(parseYamlStream(text, 'f').documents).toEqual([{ source: 'f', index: 0, value: { a: true, b: 511 } }]);
    expect(parseYamlStream('a: 1\n', 'f', { intAsBigInt: true }).documents).toEqual([{ source: 'f', index: 0, value: { a: 1n } }]);
  });

  test('random objects written by the yaml library read back the same', () => {
    const key = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_.\/-]{0,8}$/);
    const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.constantFrom('yes', 'on', '0777', '1:20', '10.0.0.0/8', 'a: b', '# x', '- y', 'line\nbreak', '  padded '));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(key, tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 }), fc.constantFrom(0, 2, 4, 6), (obj, width) => {
      const text = stringify(obj, { indentSeq: width !== 0, lineWidth: width >= 4 ? 20 : 80, defaultStringType: width === 6 ? 'QUOTE_DOUBLE' : 'PLAIN' });
      const p = plain(text);
      if (p) expect(p).toEqual(full(text));
    }), { numRuns: 1000 });
  });
});
