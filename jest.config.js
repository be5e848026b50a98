/**
 * Jest runs TypeScript transpile-only through esbuild; the type-check is one of the tests
 * (test/types/typecheck.test.ts), and `npm run typecheck` on its own.
 * `npm test` starts jest with node's --max-semi-space-size=64, which its workers inherit: a
 * larger young generation takes about 8% off the CPU time of these allocation-heavy tests.
 */
module.exports = {
  testEnvironment: 'node',
  // Jest's default is one worker less than the cores: one worker on a 2-core machine, where the
  // suite then takes twice as long. The main process mostly waits for the workers.
  maxWorkers: '100%',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testSequencer: '<rootDir>/test/_setup/sequencer.js',
  setupFilesAfterEnv: [
    '<rootDir>/test/_setup/after-file.ts',
    // CPU seconds per test and file, written to the file JEST_CPU_TIMES names (scripts/jest-cpu-times.js).
    ...(process.env.JEST_CPU_TIMES ? ['<rootDir>/scripts/jest-cpu-times.js'] : []),
  ],
  transform: {
    '^.+\\.tsx?$': '<rootDir>/scripts/jest-transform.js',
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Examples import the package by its published name, as users do (tsconfig `paths` maps the
  // same names for tsc and tsx).
  moduleNameMapper: {
    '^cdk8s-crossplane$': '<rootDir>/src/index.ts',
    '^cdk8s-crossplane/testing$': '<rootDir>/src/testing/index.ts',
    '^cdk8s-crossplane/imports/(.*)$': '<rootDir>/imports/$1',
    // cdk8s with Testing.app removing its temp folders, and the validator set to the
    // repository's validator cache: set up when a test file loads them (test/_setup/cdk8s.js,
    // test/_setup/object-validator.js), not in a setup file that every test file pays for.
    '^cdk8s$': '<rootDir>/test/_setup/cdk8s.js',
    '^(\\.{1,2}/)+((src/)?validate/)?object-validator$': '<rootDir>/test/_setup/object-validator.js',
  },
  coveragePathIgnorePatterns: ['/node_modules/', '/imports/'],
  snapshotFormat: { escapeString: false, printBasicPrototype: false },
};
