// Results several test files compute the same way from the same sources (the shared corpus as
// loadInputs reads it, the example app's output), kept under the temp folder so that one test
// file computes them and the others read them, as jest keeps its transforms: the key hashes
// every file of the sources named, the installed dependencies and the Node version, so any
// change computes again. What is kept is the structured clone (v8.serialize), which gives back
// the same values, -0, Infinity and bigints included.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';

const ROOT = path.resolve(__dirname, '..', '..');

function filesUnder(file: string): string[] {
  if (!fs.statSync(file).isDirectory()) return [file];
  return fs.readdirSync(file).sort().flatMap((e) => filesUnder(path.join(file, e)));
}

function contentKey(name: string, sources: readonly string[]): string {
  const hash = crypto.createHash('sha256').update(name).update('\0').update(process.version).update('\0').update(fs.readFileSync(__filename));
  // npm writes node_modules/.package-lock.json on every install: it names what is installed.
  const installed = path.join(ROOT, 'node_modules', '.package-lock.json');
  if (fs.existsSync(installed)) hash.update(fs.readFileSync(installed));
  for (const file of sources.flatMap(filesUnder)) hash.update(file).update('\0').update(fs.readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/**
 * `v` rebuilt from this file's own Object and Array: v8.deserialize makes them in Node's main
 * context, whose prototypes differ from a jest test file's (toStrictEqual tells them apart).
 */
function inThisRealm(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(inThisRealm);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = inThisRealm(x);
  return out;
}

/**
 * What `compute` returns (plain data: objects, arrays, strings, numbers, bigints), computed by
 * the first test file that asks since a file under `sources` (absolute paths of files or
 * folders) changed, and read back by the others.
 */
export function sharedResult<T>(name: string, sources: readonly string[], compute: () => T): T {
  const file = path.join(os.tmpdir(), `cdk8s-crossplane-${name}-${contentKey(name, sources)}.bin`);
  try {
    return inThisRealm(v8.deserialize(fs.readFileSync(file))) as T;
  } catch {
    // Not written yet (or cut short): computed here.
  }
  const result = compute();
  // Through a temporary file and a rename: another jest worker never reads half of it.
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, v8.serialize(result));
    fs.renameSync(tmp, file);
  } catch {
    fs.rmSync(tmp, { force: true });
  }
  return result;
}
