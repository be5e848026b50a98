// The writer behind docs, convert and init refuses paths that would leave the root, and file
// names are mapped to names every file system accepts.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFiles } from '../../src/_write-files';
import { fileNameProblem, safeFileName } from '../../src/_safe-paths';

let root: string;
beforeEach(() => { root = fs.mkdtempSync(path.join(os.tmpdir(), 'write-files-')); });
afterEach(() => { fs.rmSync(root, { recursive: true, force: true }); });

test('a path that leaves the root, or a folder link that leads out of it, is refused before anything is written', () => {
  expect(() => writeFiles(root, [{ path: 'ok.md', content: '' }, { path: '../x.md', content: '' }])).toThrow(/refusing to write '..\/x.md'/);
  fs.mkdirSync(path.join(root, 'out'));
  fs.symlinkSync(os.tmpdir(), path.join(root, 'out', 'sub'));
  expect(() => writeFiles(path.join(root, 'out'), [{ path: 'sub/x.md', content: '' }])).toThrow(/sub is a symbolic link to .*, outside .*out: remove the link/);
  expect(fs.readdirSync(root)).toStrictEqual(['out']);
});

test.each([
  ['con.md', 'con_.md'], ['AUX', 'AUX_'], ['lpt1.ts', 'lpt1_.ts'], ['console.md', 'console.md'], ['xapp.md', 'xapp.md'],
])('safeFileName(%j) is %j', (name, expected) => expect(safeFileName(name)).toBe(expected));

test('safeFileName cuts an over-long name to 255 bytes with a hash of the whole name, deterministically', () => {
  const long = `${'a'.repeat(300)}.md`;
  const mapped = safeFileName(long);
  expect(Buffer.byteLength(mapped)).toBeLessThanOrEqual(255);
  expect(mapped).toMatch(/^a+-[0-9a-f]{12}\.md$/);
  expect(safeFileName(long)).toBe(mapped);
  expect(safeFileName(`${'a'.repeat(300)}b.md`)).not.toBe(mapped);
});

test('safeFileName measures an over-long name a bounded number of times, whatever its length', () => {
  // A fuzz input made a kind of 100,000 characters: cutting one character at a time and
  // measuring the whole rest each time took seconds (quadratic in the name's length).
  const measured: number[] = [];
  const byteLength = Buffer.byteLength;
  const spy = jest.spyOn(Buffer, 'byteLength').mockImplementation(((s: string) => { measured.push(s.length); return byteLength(s); }) as any);
  try {
    const mapped = safeFileName(`${'ä'.repeat(20_000)}.md`);
    expect(Buffer.byteLength(mapped)).toBeLessThanOrEqual(255);
    // 'ä' is two bytes: 255 - '-' - 12 hex - '.md' = 239 bytes hold 119 of them.
    expect(mapped).toMatch(/^ä{119}-[0-9a-f]{12}\.md$/);
    // The whole name once, then prefixes no longer than 255 characters.
    expect(measured.reduce((a, b) => a + b, 0)).toBeLessThan(20_003 + 300 * 300);
  } finally {
    spy.mockRestore();
  }
});

test.each(['', '.', '..', '/etc/x', 'a/b', 'a\\b', 'C:x', 'a\u0000b', 'a?', 'x.'])('fileNameProblem(%j) finds a problem', (name) => {
  expect(fileNameProblem(name)).toBeDefined();
});
