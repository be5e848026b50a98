// The order jest runs the test files in, and the start of the one expensive shared fixture.
//
// The repository's type-check (test/types/typecheck.test.ts) goes first: it is the longest
// single file, and a long file started last would leave the other cores idle at the end.
//
// The install tests (the files using test/_helpers/packed-package.ts) need the package built
// with `npm pack` and installed into a project: about 15 s of CPU on a new machine, most of it
// tsc and the validator precompilation. Built by the first of those tests, the build held one
// jest worker while the others waited for it, and a 2-core machine ran at half speed for the
// length of the build. So when any of them is selected, the build starts here, in a process of
// its own, while the workers run the other files; those tests are queued after half of the
// others, by when the build is done or nearly so, and they wait on its lock for the rest.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

const ROOT = path.resolve(__dirname, '..', '..');

/** Whether a test file uses the shared packed package. */
const usesPackedPackage = (file) => /_helpers\/packed-package['"]/.test(fs.readFileSync(file, 'utf8'));

/** The type-check of the whole repository: one long tsc process, best started first. */
const isTypeCheck = (file) => path.relative(ROOT, file) === path.join('test', 'types', 'typecheck.test.ts');

class InstallTestsInTheMiddle extends Sequencer {
  sort(tests) {
    // Jest's own order: failed first, then the slowest of the last run, else the largest.
    const ordered = super.sort(tests);
    const first = ordered.filter((t) => isTypeCheck(t.path));
    const install = ordered.filter((t) => usesPackedPackage(t.path));
    const others = ordered.filter((t) => !install.includes(t) && !first.includes(t));
    if (install.length === 0) return [...first, ...others];
    startPackageBuild();
    const half = Math.ceil(others.length / 2);
    return [...first, ...others.slice(0, half), ...install, ...others.slice(half)];
  }
}

/** Builds the shared package in the background; the tests that need it wait on its lock. */
function startPackageBuild() {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'build-packed-package.ts')], {
    cwd: ROOT,
    // Its failure is not reported here: the first test that needs the package builds it again
    // and fails with the build's output.
    stdio: 'ignore',
  });
  // Jest does not wait for it: an interrupted run leaves a lock that the next run sees is
  // stale (its process is gone).
  child.unref();
}

module.exports = InstallTestsInTheMiddle;
