// The shared corpus as `loadInputs` reads it, for the convert tests that take every corpus XRD
// and Composition as their input. Reading and classifying the corpus costs about 1.5 s of CPU,
// and five test files did it (one of them twice); here it is read once per change of the corpus
// or of the sources and kept under the temp folder, as jest keeps its transforms: the key
// hashes every corpus file and every source file, so any change to the reader reads again.
// What is kept is the structured clone of the result (v8.serialize), which gives back the same
// values, -0, Infinity and bigints included.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { LoadedInputs, loadInputs } from '../../src/convert/load';

const ROOT = path.resolve(__dirname, '..', '..');

/** The shared corpus folder (beside the repository). */
export const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function contentKey(): string {
  const hash = crypto.createHash('sha256').update(process.version).update('\0').update(CORPUS).update('\0').update(fs.readFileSync(__filename));
  for (const file of [...filesUnder(CORPUS), ...filesUnder(path.join(ROOT, 'src'))]) {
    hash.update(file).update('\0').update(fs.readFileSync(file)).update('\0');
  }
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

let loaded: LoadedInputs | undefined;

/**
 * `loadInputs([CORPUS])`: read once, then taken from the temp folder. Callers must not change
 * what it returns (within a file they share one copy).
 */
export function corpusInputs(): LoadedInputs {
  if (loaded) return loaded;
  const file = path.join(os.tmpdir(), `cdk8s-crossplane-corpus-inputs-${contentKey()}.bin`);
  try {
    loaded = inThisRealm(v8.deserialize(fs.readFileSync(file))) as LoadedInputs;
    return loaded;
  } catch {
    // Not written yet (or cut short): read the corpus.
  }
  loaded = loadInputs([CORPUS]);
  // Through a temporary file and a rename: a jest worker reading it never sees half of it.
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, v8.serialize(loaded));
    fs.renameSync(tmp, file);
  } catch {
    fs.rmSync(tmp, { force: true });
  }
  return loaded;
}
