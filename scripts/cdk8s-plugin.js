// The validation plugin `npx cdk8s synth` loads in this repository (cdk8s.yaml), compiled from
// src/ on the fly by tsx: `npm ci` does not build lib/ (the package builds on `prepack`), and
// synth then validates with the code as it is edited, never with a stale build.
const { require: tsxRequire } = require('tsx/cjs/api');

module.exports = tsxRequire('../src/validate/cdk8s-plugin.ts', __filename);
