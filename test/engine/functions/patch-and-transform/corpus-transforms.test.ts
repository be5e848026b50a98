// Real-world transforms from ../shared/corpus (files.json compositions): P&T accepts them, so validation, regexp compilation and formatting must too.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { validateTransform } from '../../../../src/engine/functions/patch-and-transform/validate';
import { compileGoRegexp } from '../../../../src/engine/go/regexp';
import { sprintf } from '../../../../src/engine/go/fmt';

const SHARED = path.resolve(__dirname, '../../../..', '../shared');
const CORPUS = path.join(SHARED, 'corpus');

interface Found {
  where: string;
  transform: Record<string, unknown>;
}

function collect(node: unknown, where: string, out: Found[]): void {
  if (Array.isArray(node)) {
    node.forEach((e, i) => collect(e, `${where}[${i}]`, out));
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  for (const [k, v] of Object.entries(node)) {
    if (k === 'transforms' && Array.isArray(v)) {
      v.forEach((t, i) => out.push({ where: `${where}.transforms[${i}]`, transform: t as Record<string, unknown> }));
    }
    collect(v, `${where}.${k}`, out);
  }
}

function loadTransforms(): Found[] {
  const index = JSON.parse(fs.readFileSync(path.join(CORPUS, 'files.json'), 'utf8')) as {
    compositions: { snapshot: string; path: string; validity: string; doc_index: number; pt_class?: string }[];
  };
  const found: Found[] = [];
  for (const c of index.compositions) {
    if (c.validity !== 'valid') continue;
    const file = path.join(CORPUS, c.snapshot, c.path);
    if (!fs.existsSync(file)) continue;
    const docs = parseAllDocuments(fs.readFileSync(file, 'utf8'));
    const doc = docs[c.doc_index ?? 0]?.toJS() as { spec?: { mode?: string; pipeline?: { input?: unknown }[] } } | undefined;
    // Only P&T function inputs (Pipeline mode): legacy Resources-mode transforms predate some rules.
    for (const step of doc?.spec?.pipeline ?? []) {
      const input = step.input as { apiVersion?: string } | undefined;
      if (input?.apiVersion?.startsWith('pt.fn.crossplane.io/')) collect(input, `${c.snapshot}/${c.path}`, found);
    }
  }
  return found;
}

const available = fs.existsSync(path.join(CORPUS, 'files.json'));
if (!available) console.warn(`skipping corpus transform tests: ${CORPUS} does not exist (it is part of the shared workspace, not of a clone)`);
const suite = available ? describe : describe.skip;

suite('corpus transforms', () => {
  const found = available ? loadTransforms() : [];

  test('the corpus has P&T transforms to check', () => {
    expect(found.length).toBeGreaterThan(10);
  });

  test('every transform passes P&T validation', () => {
    const problems = found.map((f) => [f.where, validateTransform(f.transform)?.toString()]).filter(([, e]) => e !== undefined);
    expect(problems).toEqual([]);
  });

  test('every regexp compiles as Go compiles it', () => {
    const problems: string[] = [];
    for (const f of found) {
      const m = f.transform.match as { patterns?: { regexp?: string }[] } | undefined;
      const s = f.transform.string as { regexp?: { match?: string } } | undefined;
      const res = [...(m?.patterns ?? []).map((p) => p.regexp), s?.regexp?.match].filter((r): r is string => typeof r === 'string');
      for (const re of res) {
        try {
          compileGoRegexp(re);
        } catch (e) {
          problems.push(`${f.where}: ${(e as Error).message}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('every format string formats a string argument without fmt error text', () => {
    const problems: string[] = [];
    for (const f of found) {
      const s = f.transform.string as { type?: string; fmt?: string } | undefined;
      if (s?.type !== 'Format' || typeof s.fmt !== 'string') continue;
      const out = sprintf(s.fmt, 'value');
      if (out.includes('%!')) problems.push(`${f.where}: ${JSON.stringify(s.fmt)} -> ${out}`);
    }
    expect(problems).toEqual([]);
  });
});
