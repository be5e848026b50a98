// `cdk8s` as test files get it (jest.config.js moduleNameMapper): the installed package, whose
// Testing.app also removes the temp folders it made once the test file is done.
//
// cdk8s's Testing.app() makes a new temp folder for every app (`cdk8s.outdir.*`) and never
// removes it: a run of this suite left about 1,800 of them behind, so a developer's temp
// folder filled up run after run. Only test files that load cdk8s make such folders, so the
// wrapping is done here, when cdk8s is loaded, not in a setup file every test file pays for.
const os = require('node:os');
const path = require('node:path');

// A path, which the mapping of the bare name `cdk8s` does not match.
const cdk8s = require(path.join(__dirname, '..', '..', 'node_modules', 'cdk8s'));

const made = [];
const app = cdk8s.Testing.app.bind(cdk8s.Testing);
cdk8s.Testing.app = (props) => {
  const created = app(props);
  // Only the folders Testing.app made itself: an outdir a test passes in is the test's own.
  if (props?.outdir === undefined && path.dirname(created.outdir) === os.tmpdir()) made.push(created.outdir);
  return created;
};
globalThis[Symbol.for('cdk8s-crossplane.test.afterFile')].push(() => {
  const fs = require('node:fs');
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

module.exports = cdk8s;
