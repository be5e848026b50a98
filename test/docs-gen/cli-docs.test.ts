import { fakeIo } from '../_helpers/fake-io';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as YAML from 'yaml';
import { run } from '../../src/cli/docs';
import { UsageError, UserError } from '../../src/errors';
import { APP_EXAMPLE, appXrd } from './_xrd-fixture';

let dir: string;
let xrds: string;
let out: string;

beforeEach(() => {
  // GIVEN a folder with two XRDs and a Composition, and a folder with an example
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-cli-'));
  xrds = path.join(dir, 'apis');
  out = path.join(dir, 'docs');
  fs.mkdirSync(xrds);
  const db = appXrd();
  db.spec.names = { kind: 'XDatabase', plural: 'xdatabases' };
  db.metadata.name = 'xdatabases.platform.acme.io';
  fs.writeFileSync(path.join(xrds, 'app.yaml'), YAML.stringify(appXrd()));
  fs.writeFileSync(path.join(xrds, 'db.yaml'), `${YAML.stringify({ apiVersion: 'apiextensions.crossplane.io/v1', kind: 'Composition', metadata: { name: 'c' } })}---\n${YAML.stringify(db)}`);
  fs.mkdirSync(path.join(dir, 'examples'));
  fs.writeFileSync(path.join(dir, 'examples', 'web.yaml'), YAML.stringify(APP_EXAMPLE));
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('writes one page per XRD and an index, skipping other kinds', async () => {
  const io = fakeIo();
  expect(await run([xrds, '--out', out, '--examples', path.join(dir, 'examples')], io)).toBe(0);
  expect(fs.readdirSync(out).sort()).toStrictEqual(['index.md', 'xapp.md', 'xdatabase.md']);
  expect(fs.readFileSync(path.join(out, 'xapp.md'), 'utf8')).toContain('### `XApp` `team-a/web`');
  expect(io.out).toBe(`wrote 3 files to ${out}\n`);
});

test('--check passes when the pages are up to date', async () => {
  await run([xrds, '-o', out], fakeIo());
  const io = fakeIo();
  expect(await run([xrds, '-o', out, '--check'], io)).toBe(0);
  expect(io.out).toBe(`docs in ${out} are up to date (3 files)\n`);
});

test('--check fails and lists edited, missing and obsolete pages, writing nothing', async () => {
  // GIVEN pages generated once, then one edited, one deleted, one no longer generated, and a hand-written page
  await run([xrds, '-o', out], fakeIo());
  fs.appendFileSync(path.join(out, 'xapp.md'), 'hand edit\n');
  fs.rmSync(path.join(out, 'xdatabase.md'));
  fs.writeFileSync(path.join(out, 'xold.md'), fs.readFileSync(path.join(out, 'index.md')));
  fs.writeFileSync(path.join(out, 'README.md'), '# hand-written\n');
  // WHEN
  const io = fakeIo();
  const code = await run([xrds, '-o', out, '--check'], io);
  // THEN
  expect(code).toBe(1);
  expect(io.err).toBe([
    `docs in ${out} are stale:`,
    `  ${path.join(out, 'xapp.md')} (out of date)`,
    `  ${path.join(out, 'xdatabase.md')} (missing)`,
    `  ${path.join(out, 'xold.md')} (no longer generated)`,
    `run \`cdk8s-crossplane docs ${xrds} --out ${out}\` to update them`,
    '',
  ].join('\n'));
  expect(fs.existsSync(path.join(out, 'xdatabase.md'))).toBe(false);
});

test('--check fails when an XRD changed after the pages were generated', async () => {
  await run([xrds, '-o', out], fakeIo());
  const changed = appXrd();
  changed.spec.versions[1].schema.openAPIV3Schema.properties.spec.properties.image.description = 'changed';
  fs.writeFileSync(path.join(xrds, 'app.yaml'), YAML.stringify(changed));
  const io = fakeIo();
  expect(await run([xrds, '-o', out, '--check'], io)).toBe(1);
  expect(io.err).toContain(`${path.join(out, 'xapp.md')} (out of date)`);
});

test('regenerating removes obsolete generated pages and keeps hand-written ones', async () => {
  await run([xrds, '-o', out], fakeIo());
  fs.writeFileSync(path.join(out, 'xold.md'), fs.readFileSync(path.join(out, 'index.md')));
  fs.writeFileSync(path.join(out, 'README.md'), '# hand-written\n');
  const io = fakeIo();
  expect(await run([xrds, '-o', out], io)).toBe(0);
  expect(fs.readdirSync(out).sort()).toStrictEqual(['README.md', 'index.md', 'xapp.md', 'xdatabase.md']);
  expect(io.out).toBe(`wrote 3 files to ${out}, removed 1 obsolete\n`);
});

test('reads XRDs from stdin with -', async () => {
  const io = fakeIo(YAML.stringify(appXrd()));
  expect(await run(['-', '--out', out], io)).toBe(0);
  expect(fs.readdirSync(out).sort()).toStrictEqual(['index.md', 'xapp.md']);
});

test('--help prints the usage', async () => {
  const io = fakeIo();
  expect(await run(['--help'], io)).toBe(0);
  expect(io.out).toMatch(/^Usage: cdk8s-crossplane docs XRD_FILES_OR_DIRS\.\.\. --out DIR/);
});

describe('errors', () => {
  test('fails if no XRD files are given (usage)', async () => {
    await expect(run(['--out', out], fakeIo())).rejects.toThrow(UsageError);
    await expect(run(['--out', out], fakeIo())).rejects.toThrow(/^missing XRD files or directories/);
  });
  test('fails if --out is missing (usage)', async () => {
    await expect(run([xrds], fakeIo())).rejects.toThrow(/^missing --out DIR/);
  });
  test('fails on an unknown flag (usage)', async () => {
    await expect(run([xrds, '--out', out, '--bogus'], fakeIo())).rejects.toThrow(UsageError);
  });
  test('fails if an XRD lacks a field, naming file, document index and field', async () => {
    const bad = appXrd();
    delete bad.spec.names.kind;
    fs.writeFileSync(path.join(xrds, 'db.yaml'), `kind: Note\n---\n${YAML.stringify(bad)}`);
    const err = await run([xrds, '--out', out], fakeIo()).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toBe(`${path.join(xrds, 'db.yaml')} document 1: spec.names.kind must be a string, got nothing: set the kind of the XR`);
  });
  test('fails if a file is not YAML, naming file, document index and line', async () => {
    fs.writeFileSync(path.join(xrds, 'db.yaml'), 'a: [1\n');
    await expect(run([xrds, '--out', out], fakeIo())).rejects.toThrow(/db\.yaml: document 0: not valid YAML at line \d+/);
  });
  test('fails if the inputs hold no XRD', async () => {
    await expect(run([path.join(dir, 'examples'), '--out', out], fakeIo())).rejects.toThrow(/^no CompositeResourceDefinition found in .*examples: pass XRD files or the folders that hold them$/);
  });
  test('fails if the same XRD is passed twice', async () => {
    const app = path.join(xrds, 'app.yaml');
    await expect(run([app, app, '--out', out], fakeIo())).rejects.toThrow(/document 0: spec\.names\.kind 'XApp' in group 'platform\.acme\.io' is already documented from .*app\.yaml document 0/);
  });
  test('fails if --out is a file', async () => {
    const file = path.join(dir, 'examples', 'web.yaml');
    await expect(run([xrds, '--out', file], fakeIo())).rejects.toThrow(/^--out '.*web\.yaml' is a file, not a folder/);
  });
});

describe('--graph', () => {
  const composition = (name: string) => ({
    apiVersion: 'apiextensions.crossplane.io/v1', kind: 'Composition', metadata: { name },
    spec: {
      compositeTypeRef: { apiVersion: APP_EXAMPLE.apiVersion, kind: APP_EXAMPLE.kind }, mode: 'Pipeline',
      pipeline: [{
        step: 'pt', functionRef: { name: 'function-patch-and-transform' },
        input: { apiVersion: 'pt.fn.crossplane.io/v1beta1', kind: 'Resources', resources: [{ name: 'cm', base: { apiVersion: 'v1', kind: 'ConfigMap' }, patches: [{ fromFieldPath: 'metadata.name', toFieldPath: 'data.owner' }] }] },
      }],
    },
  });

  test('prints the data flow of every Composition found, with reconcile numbers from an example XR', async () => {
    fs.writeFileSync(path.join(xrds, 'comp.yaml'), `${YAML.stringify(composition('web'))}---\n${YAML.stringify(composition('web-2'))}`);
    const io = fakeIo();
    expect(await run(['--graph', path.join(xrds, 'comp.yaml'), '--examples', path.join(dir, 'examples')], io)).toBe(0);
    const diagrams = io.out.split(/\n(?=flowchart LR\n)/);
    expect(diagrams).toHaveLength(2);
    expect(diagrams[0]).toBe(`flowchart LR
  %% web (${path.join(xrds, 'comp.yaml')})
  subgraph xr["XR"]
    x0["metadata.name"]
  end
  subgraph r0["cm (ConfigMap) · reconcile 1"]
    r0f0["data.owner"]
  end
  x0 --> r0f0
`);
    expect(diagrams[1]).toContain('%% web-2');
  });

  test('without a Composition in the files it is an error saying what to pass', async () => {
    await expect(run(['--graph', path.join(dir, 'examples')], fakeIo())).rejects.toThrow(/no Composition found in .*examples: pass Composition files/);
  });
});
