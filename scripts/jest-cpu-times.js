// CPU seconds per test and per test file, for telling slow tests from a busy machine: on the
// shared 2-core machine a test's wall time says more about the load than about the test.
//
// As a jest setup file (jest.config.js adds it when JEST_CPU_TIMES is set), appends one JSON
// line per test (and one per file, hooks included) to the file $JEST_CPU_TIMES names. The
// figures are the worker's CPU time plus that of the child processes it waited for (tsc, npm,
// node), read from /proc (Linux only):
//   rm -f /tmp/jest-cpu-times.jsonl
//   JEST_CPU_TIMES=/tmp/jest-cpu-times.jsonl npx jest
// Run directly, prints the files and tests above a threshold (seconds, default 3):
//   node scripts/jest-cpu-times.js [/tmp/jest-cpu-times.jsonl] [3]
const fs = require('node:fs');
const path = require('node:path');

const OUT = process.env.JEST_CPU_TIMES || '/tmp/jest-cpu-times.jsonl';

/** CPU seconds of this process and of its waited-for children (fields 14-17 of /proc/self/stat). */
function cpu() {
  const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  const ticks = (i) => Number(fields[i]) / 100;
  return ticks(11) + ticks(12) + ticks(13) + ticks(14);
}

function record(test, seconds, wall = {}) {
  fs.appendFileSync(OUT, `${JSON.stringify({ file: path.relative(process.cwd(), expect.getState().testPath), test, cpu: Number(seconds.toFixed(2)), ...wall })}\n`);
}

if (require.main === module) {
  const [file = OUT, threshold = '3'] = process.argv.slice(2);
  const rows = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const above = rows.filter((r) => r.cpu >= Number(threshold)).sort((a, b) => b.cpu - a.cpu);
  const total = rows.filter((r) => r.test === null).reduce((n, r) => n + r.cpu, 0);
  console.log(`${total.toFixed(1)} s CPU in ${rows.filter((r) => r.test === null).length} files; at least ${threshold} s:`);
  for (const r of above) console.log(`${r.cpu.toFixed(1).padStart(6)} s  ${r.file}${r.test === null ? ' (whole file, hooks included)' : ` :: ${r.test}`}`);
} else {
  const fileStart = cpu();
  const started = Date.now();
  let testStart = 0;
  beforeEach(() => { testStart = cpu(); });
  afterEach(() => record(expect.getState().currentTestName, cpu() - testStart));
  // Wall-clock start and end of the file (ms since the epoch), to see how the workers were used.
  afterAll(() => record(null, cpu() - fileStart, { started, ended: Date.now(), worker: process.pid }));
}
