// Property tests over real corpus files (../shared/corpus): mutated structures, edited YAML
// text, deep nesting, large arrays and number edge cases through load, render, validate and
// convert. Every input either works or ends in a UserError; validate never throws. Bounded to a
// few seconds with a fixed seed (FUZZ_SEED=<n> tries others); `npm run fuzz -- --runs N` runs
// long campaigns with the same generators.
import fc from 'fast-check';
import { parse } from 'yaml';
import { deepestPath } from '../../src/yaml/limits';
import { fuzzProperties, loadSeeds, CORPUS, FLOW_DEPTH, nested, yamlText } from './_fuzz';

const seeds = loadSeeds();
if (!seeds) console.warn(`skipped the fuzz properties: the corpus ${CORPUS} does not exist in this clone`);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20261205;

(seeds ? describe : describe.skip)('fuzz: the entry points never crash', () => {
  const properties = seeds ? fuzzProperties(seeds, { maxArray: 2000, maxDepth: 1200 }) : [];
  test.each(properties.map((p) => [p.name, p] as const))('%s', (_name, p) => {
    fc.assert(fc.property(p.arbitrary, (input) => {
      for (const o of p.run(p.build(input))) if (o.kind === 'crash') throw o.error;
    }), { seed, numRuns: 60, interruptAfterTimeLimit: 1000, markInterruptAsFailure: false });
  });
});

describe('the convert property writes its inputs as YAML in time and size linear in them', () => {
  // Block style indents every line by its depth: a 10,000-item list 500 levels down was 7-10 MB
  // of text that took the YAML writer seconds, counted as convert's time by `npm run fuzz`.
  test('a deep document is written on one line, about the size of its JSON, and reads back the same', () => {
    const doc = { kind: 'X', spec: nested(400, Array.from({ length: 2000 }, (_, i) => (i % 3 ? i : { name: `n${i}` }))) };
    const text = yamlText([doc]);
    expect(text.length).toBeLessThan(1.5 * JSON.stringify(doc).length); // block style: about 100 times
    expect(text.trimEnd().split('\n')).toHaveLength(1);
    expect(parse(text, { version: '1.1', maxAliasCount: -1 })).toEqual(doc);
  });
  test('documents up to FLOW_DEPTH stay in block style, as the corpus files are written', () => {
    const spec = (depth: number) => ({ kind: 'X', spec: nested(depth, [1, 'two']) });
    const deepest = Array.from({ length: FLOW_DEPTH }, (_, i) => spec(i)).find((d) => deepestPath(d).depth === FLOW_DEPTH)!;
    const block = yamlText([deepest, deepest]);
    expect(block).toMatch(/^kind: X\nspec:\n {2}(- )?a:\n/);
    expect(block).not.toContain('{');
    expect(block.split('---\n')).toHaveLength(2);
    expect(yamlText([{ kind: 'X', spec: [deepest] }])).toMatch(/^\{ kind: X, spec: \[ \{ kind: X, spec: [[{] /);
  });
});
