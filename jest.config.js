/** Jest runs TypeScript transpile-only through esbuild; type-checking is `npm run typecheck`. */
module.exports = {
  testEnvironment: 'node',
  // Jest's default is one worker less than the cores: one worker on a 2-core machine, where the
  // suite then takes twice as long. The main process mostly waits for the workers.
  maxWorkers: '100%',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
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
  },
  coveragePathIgnorePatterns: ['/node_modules/', '/imports/'],
  snapshotFormat: { escapeString: false, printBasicPrototype: false },
};
