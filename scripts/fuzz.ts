// Long fuzz campaigns over the corpus: `npm run fuzz -- --runs N [--seed S] [--max-array A] [--max-depth D]`.
// Splits N inputs over the properties of test/fuzz/_fuzz.ts and prints, per property, the inputs
// tried, how many worked, how many ended in a clean UserError, every crash (any other throw from
// load/render/validate/convert) with its minimal input as fast-check shrinks it, and every input
// that took more than 5 s (a hang). Exits 1 when it found a crash or a hang.
// FUZZ_LAST=<file> keeps the input being run in <file> (fast-check's notation), for a process
// that dies; FUZZ_TRACE=1 prints every input with its time and the heap.
// `--dump N` runs only input #N of each property (numbered from 0 as FUZZ_TRACE numbers them, for
// the same --seed): it prints its outcome and CPU time and writes the whole input, as fed to the
// entry points, to <tmpdir>/fuzz-input-<property>-<N>.json (with --only, one property).
import { writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { fuzzProperties, loadSeeds, CORPUS, type Outcome } from '../test/fuzz/_fuzz';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? Number(process.argv[i + 1]) : fallback;
}

const runs = flag('runs', 1000);
const seed = flag('seed', Date.now() % 2 ** 31);
const scale = { maxArray: flag('max-array', 10000), maxDepth: flag('max-depth', 1500) };
const HANG_MS = 5000;
const SHRINK_BUDGET = 500;
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
// Mutated CRDs and XRDs must not fill the repository's validator cache.
process.env.CDK8S_CROSSPLANE_CACHE_DIR = 'off';

const seeds = loadSeeds();
if (!seeds) {
  console.error(`fuzz: the corpus ${CORPUS} does not exist beside this clone; nothing to fuzz`);
  process.exit(2);
}

console.log(`fuzz: ${runs} inputs, seed ${seed}, arrays up to ${scale.maxArray}, nesting up to ${scale.maxDepth}; ${seeds.pairs.length} render pairs and ${seeds.texts.length} files of ${CORPUS}`);
console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), node ${process.version}, ${new Date().toISOString()}`);

const properties = fuzzProperties(seeds, scale).filter((p) => !only || p.name.includes(only));
const per = Math.ceil(runs / properties.length);

const dump = process.argv.includes('--dump') ? flag('dump', 0) : undefined;
if (dump !== undefined) {
  // fc.sample draws the same values as the campaign's first round (same seed, same run indices).
  for (const p of properties) {
    const input = fc.sample(p.arbitrary, { seed, numRuns: dump + 1 })[dump];
    const file = path.join(os.tmpdir(), `fuzz-input-${p.name.split(':')[0].replace(/\W+/g, '-')}-${dump}.json`);
    writeFileSync(file, p.show(input, Infinity));
    const built = p.build(input);
    const cpu = process.cpuUsage();
    const start = performance.now();
    const outcomes = p.run(built);
    const used = process.cpuUsage(cpu);
    const summary = outcomes.map((o) => (o.kind === 'crash' ? `crash: ${String((o.error as Error)?.message ?? o.error).slice(0, 200)}` : o.kind === 'clean' ? `clean: ${o.message.slice(0, 200)}` : 'ok')).join('; ');
    console.log(`${p.name} #${dump}: ${summary}; ${((used.user + used.system) / 1000).toFixed(0)} ms CPU, ${(performance.now() - start).toFixed(0)} ms wall; input in ${file}`);
  }
  process.exit(0);
}
let crashes = 0;
let hangs = 0;
let tried = 0;
const t0 = Date.now();

for (const p of properties) {
  const counts = { tried: 0, ok: 0, clean: 0, crash: 0 };
  const slow: { ms: number; input: string }[] = [];
  const found: { error: string; first: string; minimal: string }[] = [];
  const messages = new Map<string, number>();
  let left = per;
  let round = 0;
  while (left > 0) {
    let shrinking = false;
    let shrinkCalls = 0;
    let first = '';
    const result = fc.check(fc.property(p.arbitrary, (input) => {
      // Shrinking tries many candidates; past a budget every candidate passes, which ends it
      // with the smallest crash found so far.
      if (shrinking && ++shrinkCalls > SHRINK_BUDGET) return;
      if (process.env.FUZZ_LAST) writeFileSync(process.env.FUZZ_LAST, fc.stringify(input));
      // The entry points are timed, not the harness building their input.
      const built = p.build(input);
      const start = performance.now();
      let outcomes: Outcome[];
      try {
        outcomes = p.run(built);
      } finally {
        const ms = performance.now() - start;
        if (!shrinking && ms > HANG_MS) slow.push({ ms, input: p.show(input) });
        if (process.env.FUZZ_TRACE) console.log(`  #${counts.tried}${shrinking ? " (shrinking)" : ""} ${ms.toFixed(0)} ms, heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB: ${p.show(input).slice(0, 200)}`);
      }
      if (!shrinking) {
        counts.tried++;
        if (counts.tried % 5000 === 0) console.log(`  ... ${p.name}: ${counts.tried} inputs, ${counts.clean} clean errors, ${counts.crash} crashes, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
        for (const o of outcomes) {
          if (o.kind === 'ok') counts.ok++;
          else if (o.kind === 'clean') {
            counts.clean++;
            const key = o.message.replace(/\d+/g, 'N').slice(0, 90);
            messages.set(key, (messages.get(key) ?? 0) + 1);
          }
        }
      }
      const crash = outcomes.find((o) => o.kind === 'crash');
      if (crash && crash.kind === 'crash') {
        if (!shrinking) {
          counts.crash++;
          first = p.show(input);
        }
        shrinking = true;
        throw crash.error;
      }
    }), { seed: seed + round, numRuns: left, endOnFailure: false });
    round++;
    const ran = result.numRuns;
    left -= Math.max(ran, 1);
    if (result.failed) {
      const err = result.errorInstance as Error | undefined;
      const where = (err?.stack ?? '').split('\n').filter((l) => l.includes('/src/')).slice(0, 3).map((l) => l.trim()).join(' < ');
      found.push({ error: `${err?.name ?? 'Error'}: ${err?.message ?? String(result.errorInstance)}`.slice(0, 400) + (where ? ` (${where})` : ''), first, minimal: p.show(result.counterexample?.[0]) });
    }
  }
  tried += counts.tried;
  crashes += found.length;
  hangs += slow.length;
  console.log(`\n${p.name}: ${counts.tried} inputs tried, ${counts.ok} entry-point runs worked, ${counts.clean} ended in a clean error, ${found.length} crashes, ${slow.length} over ${HANG_MS / 1000} s`);
  const top = [...messages.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
  for (const [m, n] of top) console.log(`  clean x${n}: ${m}`);
  for (const f of found) {
    console.log(`  CRASH ${f.error}`);
    console.log(`    minimal input: ${f.minimal}`);
  }
  for (const s of slow) console.log(`  HANG ${(s.ms / 1000).toFixed(1)} s: ${s.input}`);
}

console.log(`\nfuzz: ${tried} inputs in ${((Date.now() - t0) / 1000).toFixed(0)} s: ${crashes} crashes, ${hangs} hangs over ${HANG_MS / 1000} s (seed ${seed})`);
process.exitCode = crashes > 0 || hangs > 0 ? 1 : 0;
