import { main } from '../../src/cli/main';
import { fakeIo } from '../_helpers/fake-io';

describe('unknown flags', () => {
  test.each([
    [['render', 'xr.yaml', 'c.yaml', '--obsreved-resources', 'o.yaml'], "cdk8s-crossplane render: unknown flag '--obsreved-resources': did you mean '--observed-resources'?"],
    [['render', 'xr.yaml', 'c.yaml', '--include-full-x'], "cdk8s-crossplane render: unknown flag '--include-full-x': did you mean '--include-full-xr'?"],
    [['validate', 'a', 'b', '--skip-success-result'], "cdk8s-crossplane validate: unknown flag '--skip-success-result': did you mean '--skip-success-results'?"],
    [['validate', 'a', 'b', '--hepl'], "cdk8s-crossplane validate: unknown flag '--hepl': did you mean '--help'?"],
  ])('%j says which flag was meant, and exits 2 with the usage', async (args, line) => {
    const io = fakeIo();
    expect(await main(args, io)).toBe(2);
    expect(io.err.split('\n')[0]).toBe(line);
    expect(io.err).toContain('Usage: cdk8s-crossplane');
  });

  test('a flag close to none is named without a guess', async () => {
    const io = fakeIo();
    expect(await main(['render', 'xr.yaml', 'c.yaml', '--zzzzzz'], io)).toBe(2);
    expect(io.err.split('\n')[0]).toBe("cdk8s-crossplane render: unknown flag '--zzzzzz'");
  });
});
