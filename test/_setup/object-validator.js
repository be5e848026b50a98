// src/validate/object-validator.ts as test files and the sources they load get it
// (jest.config.js moduleNameMapper): set to the repository's validator cache, as the CLI and
// the cdk8s plugin set it, so that a schema is compiled once per `npm test` run (by whichever
// jest worker needs it first) instead of once per test file, which made compiling the big
// provider and pod-template schemas one of the largest costs of the suite. The build's
// validator precompilation reads the same folder, so the package the install tests build
// reuses them too. Done when the module is loaded: most test files never validate, and a
// setup file made each of them load the validator.
//
// test/validate/validator-code.test.ts checks that stored code and in-process compilation give
// the same verdicts, and sets its own stores where it tests the cache itself.
// CDK8S_CROSSPLANE_CACHE_DIR=off runs the suite with in-process compilation only.
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
// Paths, which the mapping of `.../object-validator` does not match.
const validator = require(path.join(ROOT, 'src', 'validate', 'object-validator.ts'));
const { defaultCacheDir } = require(path.join(ROOT, 'src', 'validate', 'validator-code.ts'));

validator.useValidatorCache(defaultCacheDir(ROOT));
globalThis[Symbol.for('cdk8s-crossplane.test.afterFile')].push(() => validator.keepCompiledValidators());

module.exports = validator;
