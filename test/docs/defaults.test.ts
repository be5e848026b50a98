// Every optional prop of the public API documents its default (STYLE C4): this scans the
// sources for optional readonly members and checks the JSDoc right above them.
import * as fs from 'node:fs';
import * as path from 'node:path';

const SRC = path.resolve(__dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Optional `readonly name?:` members of exported `*Props`/`*Options` interfaces whose JSDoc lacks `@default`. */
export function undocumentedDefaults(source: string): string[] {
  const missing: string[] = [];
  const lines = source.split('\n');
  let inExportedInterface = false;
  let depth = 0;
  lines.forEach((line, i) => {
    if (/^export interface \w+(Props|Options)\b/.test(line)) { inExportedInterface = true; depth = 0; }
    if (!inExportedInterface) return;
    depth += (line.match(/{/g) ?? []).length - (line.match(/}/g) ?? []).length;
    const member = /^ {2}readonly (['\w-]+)\?:/.exec(line);
    if (member && depth === 1) {
      let j = i - 1;
      const doc: string[] = [];
      while (j >= 0 && /^\s*(\*|\/\*\*)/.test(lines[j])) doc.unshift(lines[j--]);
      if (!doc.some((d) => d.includes('@default')) && !doc.some((d) => d.includes('@internal'))) {
        missing.push(`${member[1]} (line ${i + 1})`);
      }
    }
    if (depth <= 0 && line.includes('}')) inExportedInterface = false;
  });
  return missing;
}

test('the scanner finds an optional prop without @default', () => {
  // GIVEN an interface with one documented and one undocumented optional prop
  const source = [
    'export interface FooProps {',
    '  /**',
    '   * Documented.',
    '   * @default 3',
    '   */',
    '  readonly a?: number;',
    '  /** Not documented. */',
    '  readonly b?: string;',
    '}',
  ].join('\n');
  // THEN only the undocumented one is reported
  expect(undocumentedDefaults(source)).toEqual(['b (line 8)']);
});

test('every optional prop in src/ has an @default', () => {
  const missing = sourceFiles(SRC).flatMap((file) =>
    undocumentedDefaults(fs.readFileSync(file, 'utf8')).map((m) => `${path.relative(SRC, file)}: ${m}`));
  expect(missing).toEqual([]);
});
