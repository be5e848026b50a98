// The README's quickstart must be code that compiles and runs: its blocks are copies of
// examples/quickstart/service-account-api.ts and test/examples/quickstart.test.ts, which the
// type-check and the test suite exercise.
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The text between `// --- <marker> ---` and `// --- end <marker> ---` in a file. */
function block(file: string, marker: string): string {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const start = text.indexOf(`// --- ${marker} ---\n`);
  const end = text.indexOf(`// --- end ${marker} ---`);
  if (start < 0 || end < 0) throw new Error(`${file} has no '${marker}' markers`);
  return text.slice(start + `// --- ${marker} ---\n`.length, end);
}

test('the quickstart API in the README is examples/quickstart/service-account-api.ts', () => {
  expect(readme).toContain('```ts\n' + block('examples/quickstart/service-account-api.ts', 'quickstart') + '```');
});

test('the quickstart test in the README is test/examples/quickstart.test.ts', () => {
  const test = block('test/examples/quickstart.test.ts', 'quickstart test')
    .replace("from '../../examples/quickstart/service-account-api'", "from './service-account-api'");
  expect(readme).toContain('```ts\n' + test + '```');
});

test('the simulation test in the README is the one in test/examples/quickstart.test.ts', () => {
  expect(readme).toContain('```ts\n' + block('test/examples/quickstart.test.ts', 'simulate test') + '```');
});
