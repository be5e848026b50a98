// Every test file validates with the repository's validator cache, as the CLI and the cdk8s
// plugin do: a schema is compiled once per `npm test` run (by whichever jest worker needs it
// first) instead of once per test file, which made compiling the big provider and pod-template
// schemas one of the largest costs of the suite. The build's validator precompilation reads the
// same folder, so the package the install tests build reuses them too.
//
// test/validate/validator-code.test.ts checks that stored code and in-process compilation give
// the same verdicts, and sets its own stores where it tests the cache itself.
import * as path from 'node:path';
import { keepCompiledValidators, useValidatorCache } from '../../src/validate/object-validator';
import { defaultCacheDir } from '../../src/validate/validator-code';

// CDK8S_CROSSPLANE_CACHE_DIR=off runs the suite with in-process compilation only.
useValidatorCache(defaultCacheDir(path.join(__dirname, '..', '..')));
afterAll(() => keepCompiledValidators());
