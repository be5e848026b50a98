import { Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { ConstructError, failConstruct, isUserError, UserError } from '../../src/errors';
import { fakeIo } from '../_helpers/fake-io';

function thing(): Construct {
  const app = Testing.app();
  return new Construct(new Chart(app, 'platform'), 'Network');
}

function errorOf(run: () => void): ConstructError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(ConstructError);
    return e as ConstructError;
  }
  throw new Error('expected a ConstructError');
}

describe('failConstruct', () => {
  test('does nothing when there is no problem', () => {
    expect(() => failConstruct(thing(), [])).not.toThrow();
  });

  test('throws every problem at once, each line prefixed with the construct path', () => {
    const err = errorOf(() => failConstruct(thing(), [
      "name must be a DNS-1123 subdomain, got 'Bad_Name': use lowercase letters",
      "autoReady must be one of auto, on, off, got 'sometimes': use AutoReady.AUTO",
    ]));
    expect(err.message).toBe([
      "[platform/Network] name must be a DNS-1123 subdomain, got 'Bad_Name': use lowercase letters",
      "[platform/Network] autoReady must be one of auto, on, off, got 'sometimes': use AutoReady.AUTO",
    ].join('\n'));
    expect(err.constructPath).toBe('platform/Network');
    expect(err.problems).toEqual([
      "name must be a DNS-1123 subdomain, got 'Bad_Name': use lowercase letters",
      "autoReady must be one of auto, on, off, got 'sometimes': use AutoReady.AUTO",
    ]);
  });

  test('throws a UserError, so callers print the message without a stack', () => {
    const err = errorOf(() => failConstruct(thing(), ['x must be set, got nothing: set x']));
    expect(err).toBeInstanceOf(UserError);
    expect(isUserError(err)).toBe(true);
  });

  test('keeps its own copy of the problems', () => {
    const problems = ['x must be set, got nothing: set x'];
    const err = errorOf(() => failConstruct(thing(), problems));
    problems.push('y must be set, got nothing: set y');
    expect(err.problems).toEqual(['x must be set, got nothing: set x']);
  });
});

describe('a construct error on the command line', () => {
  afterEach(() => {
    jest.resetModules();
  });

  test('prints the message alone, without a stack trace, and exits with 1', async () => {
    // A command whose run throws what a user's app would throw at construct time.
    jest.resetModules();
    jest.doMock('../../src/cli/render', () => ({
      run: async () => {
        const errors = require('../../src/errors') as typeof import('../../src/errors');
        errors.failConstruct(thing(), ["name must be a DNS-1123 subdomain, got 'Bad_Name': use lowercase letters"]);
        return 0;
      },
    }));
    const cli = require('../../src/cli/main') as typeof import('../../src/cli/main');
    const io = fakeIo();
    const code = await cli.main(['render', 'x.yaml'], io);
    expect(io.err).toBe("cdk8s-crossplane render: [platform/Network] name must be a DNS-1123 subdomain, got 'Bad_Name': use lowercase letters\n");
    expect(code).toBe(1);
  });
});
