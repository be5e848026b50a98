// `cdk8s-crossplane init`: the new repository must work as written, against what users install.
// The end-to-end test packs this package (compiled into a staging folder, so that the working
// tree's lib/ is left alone), installs the tarball and the template's dependencies offline from
// the npm cache, and runs the new project's `npm test` and `cdk8s synth`.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { run } from '../../src/cli/init';
import { UsageError, UserError } from '../../src/errors';
import { projectTemplate } from '../../src/init';
import { fakeIo } from '../_helpers/fake-io';

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
    expect(io.out).toMatch(/npm install\n {2}npm test\n {2}npx cdk8s synth\n$/);
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('acme-platform');
    const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
    expect(readme).toContain('npm test');
    expect(readme).toContain('npx cdk8s synth');
  });

  test('package.json depends on this version of the package and on the versions it is built with', () => {
    const pkg = JSON.parse(projectTemplate({ name: 'p' }).get('package.json')!);
    expect(pkg.dependencies).toStrictEqual({ 'cdk8s-crossplane': `^${OWN.version}`, cdk8s: OWN.dependencies.cdk8s, constructs: OWN.dependencies.constructs });
    for (const dev of ['cdk8s-cli', 'tsx', 'typescript', 'jest', 'esbuild', '@types/jest', '@types/node']) {
      expect(pkg.devDependencies[dev]).toBe(OWN.devDependencies[dev]);
    }
    expect(pkg.scripts.test).toBe('tsc --noEmit && jest');
  });

  test('cdk8s.yaml loads the validation plugin the package ships, at its exact version', () => {
    const config = parseAllDocuments(projectTemplate({ name: 'p' }).get('cdk8s.yaml')!)[0].toJS();
    expect(config.app).toBe('npx tsx main.ts');
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
      + `pass a new folder (e.g. \`cdk8s-crossplane init ${path.join(tmp, 'platform')}\`) or empty this one`);
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

describe('a project created by init, with the packed package installed offline', () => {
  let project: string;
  let work: string;
  /** Runs a command; returns stdout and stderr together, throws both when it fails. */
  const sh = (cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string => {
    const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false', ...env } });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}:\n${r.stdout}\n${r.stderr}`);
    return `${r.stdout}\n${r.stderr}`;
  };

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-crossplane-init-e2e-'));
    const tarball = packInto(work);
    project = path.join(work, 'platform');
    await run([project], fakeIo());
    sh('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], project);
  }, 120_000);

  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  function npmCache(): string {
    const r = spawnSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' });
    return r.stdout.trim();
  }

  function packInto(dir: string): string {
    // What `prepare` builds, compiled into a staging copy: type errors are the typecheck's job,
    // so emitted output is packed even when tsc reports some.
    const stage = path.join(dir, 'stage');
    try {
      sh(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json', '--outDir', path.join(stage, 'lib')], ROOT);
    } catch (err) {
      if (!fs.existsSync(path.join(stage, 'lib', 'src', 'index.js'))) throw err;
    }
    fs.cpSync(path.join(ROOT, 'imports', 'schemas'), path.join(stage, 'lib', 'imports', 'schemas'), { recursive: true, filter: (f) => !f.endsWith('.ts') });
    for (const f of ['package.json', 'README.md', 'bin']) fs.cpSync(path.join(ROOT, f), path.join(stage, f), { recursive: true });
    sh('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], stage);
    return path.join(dir, `cdk8s-crossplane-${OWN.version}.tgz`);
  }

  test('its `npm test` type-checks the project and passes the render-and-validate test', () => {
    const out = sh('npm', ['test'], project);
    expect(out).toMatch(/Tests: +1 passed, 1 total/);
  }, 60_000);

  test('its `cdk8s synth` writes the XRD, the Composition, the Functions and crossplane.yaml, and validates them', () => {
    // cdk8s-cli asks npm for a newer version of itself unless its cache file in HOME is fresh.
    const home = path.join(work, 'home');
    fs.mkdirSync(home, { recursive: true });
    const cli = JSON.parse(fs.readFileSync(path.join(project, 'node_modules', 'cdk8s-cli', 'package.json'), 'utf8'));
    fs.writeFileSync(path.join(home, '.cdk8s-cli.version'), cli.version);
    const out = sh(path.join(project, 'node_modules', '.bin', 'cdk8s'), ['synth'], project, { HOME: home, npm_config_cache: npmCache() });
    expect(out).toContain('Validations ended succesfully');
    expect(fs.readdirSync(path.join(project, 'dist')).filter((f) => f.endsWith('.yaml')).sort())
      .toStrictEqual(['crossplane.yaml', 'functions.k8s.yaml', 'service-account.k8s.yaml']);
    const objects = parseAllDocuments(fs.readFileSync(path.join(project, 'dist', 'service-account.k8s.yaml'), 'utf8')).map((d) => d.toJS());
    expect(objects.map((o) => `${o.kind} ${o.metadata.name}`)).toStrictEqual([
      'CompositeResourceDefinition xserviceaccounts.iam.example.org', 'Composition xserviceaccounts.iam.example.org',
    ]);
    const meta = parseAllDocuments(fs.readFileSync(path.join(project, 'dist', 'crossplane.yaml'), 'utf8'))[0].toJS();
    expect(meta).toMatchObject({ apiVersion: 'meta.pkg.crossplane.io/v1', kind: 'Configuration', metadata: { name: 'platform' } });
  }, 60_000);
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
