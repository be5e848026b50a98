// `cdk8s-crossplane init`: the new repository must work as written, against what users install.
// The end-to-end tests work in a project created by `init --package <tarball>` with the packed
// package installed (test/_helpers/packed-package.ts: no registry, no npm cache): its `npm run
// synth` in test/install/release.test.ts, its type-check and jest run in
// test/install/own-providers.test.ts.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { run } from '../../src/cli/init';
import { UsageError, UserError } from '../../src/errors';
import { projectTemplate } from '../../src/init';
import { fakeIo } from '../_helpers/fake-io';
import { packedPackage } from '../_helpers/packed-package';

const ROOT = path.resolve(__dirname, '..', '..');
const OWN = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

let tmp: string;
beforeEach(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-crossplane-init-')); });
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('cdk8s-crossplane init', () => {
  test('writes the project files into a new folder and says what to run next', async () => {
    const io = fakeIo();
    const dir = path.join(tmp, 'acme-platform');
    expect(await run([dir], io)).toBe(0);
    const files = ['.github', '.gitignore', 'README.md', 'cdk8s.yaml', 'jest-transform.js', 'jest.config.js', 'main.test.ts', 'main.ts', 'package.json', 'tsconfig.json'];
    expect(fs.readdirSync(dir).sort()).toStrictEqual(files);
    expect(io.out).toContain(`created ${files.length} files in ${dir}`);
    expect(io.out).toMatch(/npm install\n {2}npm test\n {2}npm run synth\n$/);
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('acme-platform');
    const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
    expect(readme).toContain('npm test');
    expect(readme).toContain('npm run synth');
  });

  test('package.json depends on this version of the package and on the versions it is built with', () => {
    const pkg = JSON.parse(projectTemplate({ name: 'p' }).get('package.json')!);
    // cdk8s and constructs in the ranges this package accepts as peers, so the app has one copy of each.
    expect(pkg.dependencies).toStrictEqual({ 'cdk8s-crossplane': `^${OWN.version}`, cdk8s: OWN.peerDependencies.cdk8s, constructs: OWN.peerDependencies.constructs });
    for (const dev of ['cdk8s-cli', 'tsx', 'typescript', 'jest', 'esbuild', '@types/jest', '@types/node']) {
      expect(pkg.devDependencies[dev]).toBe(OWN.devDependencies[dev]);
    }
    expect(pkg.scripts.test).toBe('tsc --noEmit && jest');
  });

  test('its synth script turns off the upgrade check cdk8s-cli runs against the npm registry', () => {
    const pkg = JSON.parse(projectTemplate({ name: 'p' }).get('package.json')!);
    // cdk8s-cli reads `--check-upgrade` (default true) through yargs, from the command line or
    // CDK8S_CHECK_UPGRADE; cdk8s.yaml is not read for it (node_modules/cdk8s-cli/lib/cli/index.js).
    expect(pkg.scripts.synth).toBe('cdk8s synth --no-check-upgrade');
  });

  test('cdk8s.yaml loads the validation plugin the package ships, at its exact version', () => {
    const config = parseAllDocuments(projectTemplate({ name: 'p' }).get('cdk8s.yaml')!)[0].toJS();
    // tsx through node's --import: no npm start and no second node process, as `npx tsx` costs.
    expect(config.app).toBe('node --import tsx main.ts');
    const [plugin] = config.validations;
    // cdk8s-cli loads local plugins by path and refuses version ranges.
    expect(plugin).toMatchObject({ version: OWN.version, class: 'CrossplaneValidation' });
    expect(plugin.package).toBe('./node_modules/cdk8s-crossplane/lib/src/validate/cdk8s-plugin.js');
    expect(fs.existsSync(path.join(ROOT, 'src', 'validate', 'cdk8s-plugin.ts'))).toBe(true);
    expect(OWN.files).toContain('lib/src');
  });

  test('creates the project in a folder that holds only .git', async () => {
    fs.mkdirSync(path.join(tmp, '.git'));
    expect(await run([tmp, '--name', 'platform'], fakeIo())).toBe(0);
    expect(fs.existsSync(path.join(tmp, 'main.ts'))).toBe(true);
  });

  test('refuses a folder with files in it, names them and writes nothing', async () => {
    fs.writeFileSync(path.join(tmp, 'notes.md'), 'mine');
    fs.mkdirSync(path.join(tmp, 'src'));
    const err = await run([tmp], fakeIo()).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toBe(`'${tmp}' must be empty to create a project in it, got 'notes.md, src': `
      + `pass a new folder (e.g. \`cdk8s-crossplane init ${path.join(tmp, 'platform')}\`), empty this one, or pass --force to write over the project's files`);
    expect(fs.readdirSync(tmp).sort()).toStrictEqual(['notes.md', 'src']);
  });

  test('refuses a file where the folder should be', async () => {
    const file = path.join(tmp, 'taken');
    fs.writeFileSync(file, '');
    await expect(run([file], fakeIo())).rejects.toThrow(`'${file}' is a file, got a file where the new project's folder should be: pass a new or empty folder`);
  });

  test('refuses a name npm would reject, suggesting one it accepts', async () => {
    await expect(run([path.join(tmp, 'p'), '--name', 'My Platform'], fakeIo()))
      .rejects.toThrow("--name must be a lowercase npm package name (letters, digits, '-', '.', '_'), got 'My Platform': use e.g. 'my-platform'");
    expect(fs.existsSync(path.join(tmp, 'p'))).toBe(false);
  });

  test('derives a valid package name from any folder name', async () => {
    const dir = path.join(tmp, 'My Platform_Repo!');
    expect(await run([dir], fakeIo())).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name).toBe('my-platform_repo');
  });

  test('rejects two folders as a usage error and prints help on --help', async () => {
    await expect(run(['a', 'b'], fakeIo())).rejects.toBeInstanceOf(UsageError);
    const io = fakeIo();
    expect(await run(['--help'], io)).toBe(0);
    expect(io.out).toMatch(/^Usage: cdk8s-crossplane init \[DIR\]/);
  });
});

describe('init --package', () => {
  const created = async (args: string[]) => {
    const dir = path.join(tmp, 'platform');
    expect(await run([dir, ...args], fakeIo())).toBe(0);
    return {
      dependency: JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).dependencies['cdk8s-crossplane'],
      pluginVersion: parseAllDocuments(fs.readFileSync(path.join(dir, 'cdk8s.yaml'), 'utf8'))[0].toJS().validations[0].version,
    };
  };

  test.each([
    ['0.3.1', '0.3.1', '0.3.1'],
    ['^0.3.1', '^0.3.1', '0.3.1'],
    ['~1.0.0-rc.1', '~1.0.0-rc.1', '1.0.0-rc.1'],
  ])('a version %s is written as it is; the plugin entry gets the exact version', async (given, dependency, pluginVersion) => {
    expect(await created(['--package', given])).toStrictEqual({ dependency, pluginVersion });
  });

  test('a checkout is a file: dependency relative to the new project, with its version for the plugin', async () => {
    const checkout = path.join(tmp, 'src', 'cdk8s-crossplane');
    fs.mkdirSync(checkout, { recursive: true });
    fs.writeFileSync(path.join(checkout, 'package.json'), JSON.stringify({ name: 'cdk8s-crossplane', version: '0.4.0' }));
    expect(await created(['-p', checkout])).toStrictEqual({ dependency: 'file:../src/cdk8s-crossplane', pluginVersion: '0.4.0' });
  });

  // Slower than 10 s when it is the first test to need the packed package: it waits for the one
  // shared build (test/_helpers/packed-package.ts), which the tests below then reuse.
  test('the packed tarball is a file: dependency, with the version in its package.json', async () => {
    const { tarball } = await packedPackage();
    const local = path.join(tmp, 'cdk8s-crossplane-from-ci.tgz');
    fs.copyFileSync(tarball, local);
    expect(await created(['--package', local])).toStrictEqual({ dependency: 'file:../cdk8s-crossplane-from-ci.tgz', pluginVersion: OWN.version });
  }, 300_000);

  test.each([
    ['latest', () => 'latest', "which is neither a version nor an existing file or folder"],
    ['a folder of another package', () => {
      fs.mkdirSync(path.join(tmp, 'other'));
      fs.writeFileSync(path.join(tmp, 'other', 'package.json'), '{"name":"cdk8s","version":"2.0.0"}');
      return path.join(tmp, 'other');
    }, "which holds the package 'cdk8s', not 'cdk8s-crossplane'"],
    ['a folder without package.json', () => tmp, 'a folder without a package.json'],
    ['a file that is no tarball', () => {
      fs.writeFileSync(path.join(tmp, 'x.tgz'), 'not gzip');
      return path.join(tmp, 'x.tgz');
    }, 'a file that is not a gzipped tarball with package/package.json in it'],
  ])('refuses %s, naming what it found, and writes nothing', async (_what, given, found) => {
    const spec = given();
    const err = await run([path.join(tmp, 'platform'), '--package', spec], fakeIo()).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toBe(`--package must be a version (e.g. 0.1.0 or ^0.1.0), a folder holding cdk8s-crossplane or a tarball made by \`npm pack\`, got '${spec}', ${found}`);
    expect(fs.existsSync(path.join(tmp, 'platform'))).toBe(false);
  });
});

describe('a project created by init --package <tarball>, with the packed package installed offline', () => {
  let project: string;
  let readmeJest: Map<string, string>;

  beforeAll(async () => {
    // Waits for the shared build of the tarball and the installed project (read only here).
    ({ project } = await packedPackage());
    // The README's "Testing with jest" setup, as a reader copies it into the new repository.
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Testing with jest'), readme.indexOf('\n## ', readme.indexOf('## Testing with jest') + 1));
    readmeJest = new Map([...section.matchAll(/`([\w.-]+\.js)`:\n\n```js\n([\s\S]*?)```/g)].map((m) => [m[1], m[2]]));
  }, 300_000);

  test('depends on the tarball through a file: spec that npm resolves from the project', async () => {
    const { tarball } = await packedPackage();
    const spec = JSON.parse(fs.readFileSync(path.join(project, 'package.json'), 'utf8')).dependencies['cdk8s-crossplane'];
    expect(spec).toBe('file:../cdk8s-crossplane.tgz');
    expect(path.resolve(project, spec.slice('file:'.length))).toBe(tarball);
  });

  // The project's `npm test` (tsc, then jest with this setup) runs in test/install/own-providers.test.ts,
  // its `npm run synth` in test/install/release.test.ts.
  test('the README\'s jest setup is the one init writes, with the dev dependencies it installs', () => {
    expect([...readmeJest.keys()].sort()).toStrictEqual(['jest-transform.js', 'jest.config.js']);
    const template = projectTemplate({ name: 'p' });
    for (const [file, content] of readmeJest) expect(content).toBe(template.get(file));
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const install = /^npm install -D (.*)$/m.exec(readme.slice(readme.indexOf('## Testing with jest')))![1].split(' ');
    const pkg = JSON.parse(template.get('package.json')!);
    for (const dev of install) expect(Object.keys(pkg.devDependencies)).toContain(dev);
    expect(JSON.parse(template.get('tsconfig.json')!).compilerOptions.types).toStrictEqual(['node', 'jest']);
  });
});

test('the API in the generated main.ts is the README quickstart API, word for word', () => {
  // GIVEN the quickstart file the README copies, and the generated main.ts
  const quickstart = fs.readFileSync(path.resolve(__dirname, '../../examples/quickstart/service-account-api.ts'), 'utf8');
  const api = quickstart.slice(quickstart.indexOf('/** A GCP service account'), quickstart.indexOf('/** The XR type'));
  // THEN the generated API is the same text, so the two cannot drift apart
  expect(projectTemplate({ name: 'p' }).get('main.ts')).toContain(api);
});

describe('the CI workflow of a new project', () => {
  const workflow = parseAllDocuments(projectTemplate({ name: 'p' }).get('.github/workflows/ci.yaml')!)[0].toJS();
  const steps: Array<Record<string, any>> = workflow.jobs.platform.steps;

  test('installs, tests and synthesizes on every push and pull request, without the upgrade check', () => {
    expect(Object.keys(workflow.on).sort()).toStrictEqual(['pull_request', 'push']);
    expect(steps.filter((s) => s.run && !s.if).map((s) => s.run)).toStrictEqual(['npm ci', 'npm test', 'npx cdk8s synth']);
    expect(workflow.jobs.platform.env.CDK8S_CHECK_UPGRADE).toBe('false');
  });

  test('on a pull request, runs diff against the base branch with full history and shows its summary', async () => {
    expect(steps[0]).toMatchObject({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    const diff = steps.find((s) => /cdk8s-crossplane diff/.test(s.run ?? ''))!;
    expect(diff.if).toBe("github.event_name == 'pull_request'");
    expect(diff.run).toBe('npx cdk8s-crossplane diff --base "origin/${{ github.base_ref }}" --output api-diff.md');
    // The flags it passes are the command's own.
    const io = fakeIo();
    const { run: runDiff } = await import('../../src/cli/diff');
    expect(await runDiff(['--help'], io)).toBe(0);
    expect(io.out).toMatch(/--base REF\|DIR/);
    expect(io.out).toMatch(/--output FILE/);
    expect(steps.find((s) => /GITHUB_STEP_SUMMARY/.test(s.run ?? ''))!.if).toBe("always() && github.event_name == 'pull_request'");
  });
});
