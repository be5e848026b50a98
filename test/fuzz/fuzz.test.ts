// Property tests over real corpus files (../shared/corpus): mutated structures, edited YAML
// text, deep nesting, large arrays and number edge cases through load, render, validate and
// convert. Every input either works or ends in a UserError; validate never throws. Bounded to a
// few seconds with a fixed seed (FUZZ_SEED=<n> tries others); `npm run fuzz -- --runs N` runs
// long campaigns with the same generators.
import fc from 'fast-check';
import { fuzzProperties, loadSeeds, CORPUS } from './_fuzz';

const seeds = loadSeeds();
if (!seeds) console.warn(`skipped the fuzz properties: the corpus ${CORPUS} does not exist in this clone`);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20261205;

(seeds ? describe : describe.skip)('fuzz: the entry points never crash', () => {
  const properties = seeds ? fuzzProperties(seeds, { maxArray: 2000, maxDepth: 1200 }) : [];
  test.each(properties.map((p) => [p.name, p] as const))('%s', (_name, p) => {
    fc.assert(fc.property(p.arbitrary, (input) => {
      for (const o of p.run(input)) if (o.kind === 'crash') throw o.error;
    }), { seed, numRuns: 60, interruptAfterTimeLimit: 1000, markInterruptAsFailure: false });
  });
});
