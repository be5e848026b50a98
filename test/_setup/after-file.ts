// Clean-up that a test file needs only when it loaded a particular module (test/_setup/cdk8s.js,
// test/_setup/object-validator.js): those modules register it here when jest loads them, and it
// runs once the file's tests are done. Most test files load neither module; loading both in a
// setup file of every test file cost each of them the module graphs of cdk8s and the validator.
const KEY = Symbol.for('cdk8s-crossplane.test.afterFile');

// One list per test file: each has a global object of its own.
const tasks: Array<() => void> = [];
(globalThis as Record<symbol, unknown>)[KEY] = tasks;

afterAll(() => {
  for (const task of tasks.splice(0)) task();
});
