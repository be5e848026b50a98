// The validation plugin `npx cdk8s synth` loads in this repository (cdk8s.yaml). It takes the
// compiled plugin from lib/ when `npm run build` built lib/ from the sources as they are now
// (scripts/build-stamp.js): loading the compiled code costs a tenth of compiling src/. Otherwise
// (no build after `npm ci`, which does not build lib/, or src/ edited since the build) it
// compiles src/ on the fly through tsx, so synth never validates with a stale build.
const { libIsCurrent } = require('./build-stamp');

module.exports = libIsCurrent()
  ? require('../lib/src/validate/cdk8s-plugin.js')
  : require('tsx/cjs/api').require('../src/validate/cdk8s-plugin.ts', __filename);
