/** Jest runs TypeScript transpile-only through esbuild; type-checking is `npm run typecheck`. */
module.exports = {
  testEnvironment: 'node',
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
