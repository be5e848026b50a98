/**
 * Writes provider CRDs as test data: each file read from a git checkout at a pinned tag, every
 * OpenAPI `description` keyword removed (a property *named* `description` is kept), nothing
 * else changed. Used for test/fixtures/provider-crds; the SOURCES file there names repo, tag and
 * paths.
 *
 * Usage: tsx scripts/strip-crd-descriptions.ts GIT_DIR TAG OUT_DIR PATH...
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';

function strip(node: unknown, inPropertyMap = false): unknown {
  if (Array.isArray(node)) return node.map((n) => strip(n));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    // In a `properties` map the keys are field names, so `description` there is a field.
    if (!inPropertyMap && k === 'description' && typeof v === 'string') continue;
    out[k] = strip(v, !inPropertyMap && (k === 'properties' || k === 'patternProperties'));
  }
  return out;
}

const [gitDir, tag, outDir, ...files] = process.argv.slice(2);
fs.mkdirSync(outDir, { recursive: true });
for (const file of files) {
  const text = execFileSync('git', ['--git-dir', gitDir, 'show', `${tag}:${file}`], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const docs = parseAllDocuments(text).map((d) => stringify(strip(d.toJS()), { lineWidth: 0 }));
  fs.writeFileSync(path.join(outDir, path.basename(file)), docs.join('---\n'));
}
