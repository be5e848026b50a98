// Hostile input through every command that writes files: whatever a kind, a name or a folder
// holds, `docs`, `convert` and `init` write only inside the folder they are given, never over an
// existing file without --force, and nothing at all when any input fails; the CLI answers with
// exit 1 and prefixed error lines, never a stack trace.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as YAML from 'yaml';
import { main } from '../../src/cli/main';
import { fakeIo } from '../_helpers/fake-io';

let root: string;
let inDir: string;
let out: string;

beforeEach(() => {
  // Output three levels down, so '../../x' from it still lands inside `root`, where we can see it.
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-'));
  inDir = path.join(root, 'in');
  out = path.join(root, 'a', 'b', 'out');
  fs.mkdirSync(inDir);
  fs.mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function xrd(kind: unknown, group: unknown = 'platform.example.org'): Record<string, unknown> {
  return {
    apiVersion: 'apiextensions.crossplane.io/v2',
    kind: 'CompositeResourceDefinition',
    metadata: { name: `xthings.${String(group)}` },
    spec: {
      group,
      names: { kind, plural: 'xthings' },
      scope: 'Namespaced',
      versions: [{
        name: 'v1alpha1', served: true, referenceable: true,
        schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { size: { type: 'string' } } } } } },
      }],
    },
  };
}

function writeInput(name: string, ...docs: unknown[]): string {
  const file = path.join(inDir, name);
  fs.writeFileSync(file, docs.map((d) => YAML.stringify(d)).join('---\n'));
  return file;
}

/** Every entry under `dir` with its type and content: what "the file system is unchanged" compares. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d).sort()) {
      const full = path.join(d, name);
      const rel = path.relative(dir, full);
      const st = fs.lstatSync(full);
      if (st.isSymbolicLink()) out[rel] = `link -> ${fs.readlinkSync(full)}`;
      else if (st.isDirectory()) {
        out[rel] = 'dir';
        walk(full);
      } else out[rel] = `file: ${fs.readFileSync(full, 'utf8')}`;
    }
  };
  walk(dir);
  return out;
}

/** Runs the CLI and checks the shape every failure shares: prefixed lines, no stack. */
async function fails(command: string, args: string[], exitCode = 1): Promise<string> {
  const io = fakeIo();
  const code = await main([command, ...args], io);
  expect({ code, stdout: io.out }).toStrictEqual({ code: exitCode, stdout: '' });
  const lines = io.err.trimEnd().split('\n').filter((l) => l !== '');
  for (const line of lines) expect(line.startsWith(`cdk8s-crossplane ${command}: `)).toBe(true);
  expect(io.err).not.toMatch(/\n\s+at /);
  expect(io.err).not.toMatch(/internal error/);
  return io.err;
}

// Kinds the API server rejects, each of which would name a file outside --out, or no file at all.
const HOSTILE_KINDS: [string, string, string][] = [
  ['a parent path', '../../pwned', "'../../pwned'"],
  ['an absolute path', '/etc/x', "'/etc/x'"],
  ['a path with a separator', 'a/b', "'a/b'"],
  ['the parent folder', '..', "'..'"],
  ['a Windows path', '..\\..\\pwned', "'..\\\\..\\\\pwned'"],
  ['a Windows drive', 'C:pwned', "'C:pwned'"],
  ['a NUL character', 'X\u0000.md', "'X\\u0000.md'"],
  ['a very long name', `X${'a'.repeat(9999)}`, `'X${'a'.repeat(59)}...' (10000 characters)`],
  ['an empty name', '', "''"],
];

describe.each(['docs', 'convert'])('%s: a kind the API server rejects', (command) => {
  test.each(HOSTILE_KINDS)('%s is refused with file, document, field, value and fix; nothing is written', async (_what, kind, shown) => {
    // GIVEN a valid XRD first, then the hostile one
    writeInput('a.yaml', xrd('XGood'));
    const bad = writeInput('b.yaml', { kind: 'Note' }, xrd(kind));
    const before = tree(root);
    // WHEN
    const err = await fails(command, [inDir, '--out', out]);
    // THEN
    expect(err).toContain(`${bad} document 1: spec.names.kind must be a kind the API server accepts`);
    expect(err).toContain(`got ${shown}: use e.g. 'XNetwork'`);
    expect(tree(root)).toStrictEqual(before);
  });
});

test('docs: a group the API server rejects is refused, naming the field', async () => {
  const bad = writeInput('x.yaml', xrd('XThing', '../../pwned'));
  const before = tree(root);
  const err = await fails('docs', [inDir, '--out', out]);
  expect(err).toBe(`cdk8s-crossplane docs: ${bad} document 0: spec.group must be a lowercase DNS subdomain with at least one dot, got '../../pwned': `
    + "use a domain you own, e.g. 'platform.example.org'\n");
  expect(tree(root)).toStrictEqual(before);
});

test('docs: a kind the API server accepts but Windows reserves gets a safe page name, linked from the index', async () => {
  writeInput('x.yaml', xrd('Con'));
  const io = fakeIo();
  expect(await main(['docs', inDir, '--out', out], io)).toBe(0);
  expect(fs.readdirSync(out).sort()).toStrictEqual(['con_.md', 'index.md']);
  expect(fs.readFileSync(path.join(out, 'index.md'), 'utf8')).toContain('[Con](con_.md)');
});

test('convert: a kind Windows reserves names the module con_.ts, and main.ts imports it from there', async () => {
  writeInput('x.yaml', xrd('Con'));
  expect(await main(['convert', inDir, '--out', out], fakeIo())).toBe(0);
  expect(fs.readdirSync(out).sort()).toStrictEqual(['con_.ts', 'main.ts']);
  expect(fs.readFileSync(path.join(out, 'main.ts'), 'utf8')).toContain("from './con_';");
});

test('convert: names that never become file names (metadata.name, resource names) write only inside --out', async () => {
  writeInput('x.yaml', { ...xrd('XThing'), metadata: { name: '../../pwned' } }, {
    apiVersion: 'apiextensions.crossplane.io/v1',
    kind: 'Composition',
    metadata: { name: '../../../pwned' },
    spec: {
      compositeTypeRef: { apiVersion: 'platform.example.org/v1alpha1', kind: 'XThing' },
      mode: 'Pipeline',
      pipeline: [{
        step: '../../step', functionRef: { name: 'function-patch-and-transform' },
        input: { apiVersion: 'pt.fn.crossplane.io/v1beta1', kind: 'Resources', resources: [{ name: '/etc/passwd', base: { apiVersion: 'v1', kind: 'ConfigMap' } }] },
      }],
    },
  });
  const before = tree(root);
  await main(['convert', inDir, '--out', out], fakeIo());
  const after = tree(root);
  const added = Object.keys(after).filter((k) => !(k in before));
  expect(added.every((k) => k === path.join('a', 'b', 'out') || k.startsWith(path.join('a', 'b', 'out') + path.sep))).toBe(true);
});

test('init: a package name npm rejects is refused and nothing is written', async () => {
  for (const name of ['../../pwned', '/etc/x', 'a\u0000b', 'x'.repeat(300)]) {
    const before = tree(root);
    const err = await fails('init', [out, '--name', name]);
    expect(err).toContain('--name must be a lowercase npm package name');
    expect(tree(root)).toStrictEqual(before);
  }
});

describe('an existing file is never overwritten without --force', () => {
  test('docs: a hand-written page where a page goes', async () => {
    writeInput('x.yaml', xrd('XThing'));
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'xthing.md'), '# mine\n');
    const before = tree(root);
    const err = await fails('docs', [inDir, '--out', out]);
    expect(err).toBe(`cdk8s-crossplane docs: ${path.join(out, 'xthing.md')} already exists: pass --force to overwrite it, or choose another --out folder\n`
      + 'cdk8s-crossplane docs: nothing was written\n');
    expect(tree(root)).toStrictEqual(before);

    expect(await main(['docs', inDir, '--out', out, '--force'], fakeIo())).toBe(0);
    expect(fs.readFileSync(path.join(out, 'xthing.md'), 'utf8')).toContain('XThing');
  });

  test('docs: a page it generated before is updated without --force', async () => {
    writeInput('x.yaml', xrd('XThing'));
    expect(await main(['docs', inDir, '--out', out], fakeIo())).toBe(0);
    writeInput('x.yaml', { ...xrd('XThing'), metadata: { name: 'xthings.platform.example.org' }, spec: { ...xrd('XThing').spec as object, scope: 'Cluster' } });
    expect(await main(['docs', inDir, '--out', out], fakeIo())).toBe(0);
    expect(fs.readFileSync(path.join(out, 'xthing.md'), 'utf8')).toContain('Cluster');
  });

  test('convert: a module that exists (perhaps edited since)', async () => {
    writeInput('x.yaml', xrd('XThing'));
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'main.ts'), '// edited\n');
    fs.writeFileSync(path.join(out, 'xthing.ts'), '// edited too\n');
    const before = tree(root);
    const err = await fails('convert', [inDir, '--out', out]);
    expect(err).toBe(`cdk8s-crossplane convert: 2 files already exist: ${path.join(out, 'xthing.ts')}, ${path.join(out, 'main.ts')}: `
      + 'pass --force to overwrite them, or choose another --out folder\ncdk8s-crossplane convert: nothing was written\n');
    expect(tree(root)).toStrictEqual(before);

    expect(await main(['convert', inDir, '--out', out, '--force'], fakeIo())).toBe(0);
    expect(fs.readFileSync(path.join(out, 'main.ts'), 'utf8')).toContain('app.synth()');
  });

  test('init: a folder with files in it', async () => {
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'main.ts'), '// mine\n');
    fs.writeFileSync(path.join(out, 'notes.md'), 'keep\n');
    const before = tree(root);
    const err = await fails('init', [out]);
    expect(err).toContain(`'${out}' must be empty to create a project in it, got 'main.ts, notes.md'`);
    expect(tree(root)).toStrictEqual(before);

    expect(await main(['init', out, '--force'], fakeIo())).toBe(0);
    expect(fs.readFileSync(path.join(out, 'main.ts'), 'utf8')).not.toBe('// mine\n');
    expect(fs.readFileSync(path.join(out, 'notes.md'), 'utf8')).toBe('keep\n');
  });
});

describe('symbolic links are never written through', () => {
  test('docs: a page that is a link to a file outside --out is refused, and with --force the link itself is replaced', async () => {
    writeInput('x.yaml', xrd('XThing'));
    const victim = path.join(root, 'victim.txt');
    fs.writeFileSync(victim, 'precious\n');
    fs.mkdirSync(out);
    fs.symlinkSync(victim, path.join(out, 'xthing.md'));
    const before = tree(root);
    const err = await fails('docs', [inDir, '--out', out]);
    expect(err).toContain(`${path.join(out, 'xthing.md')} already exists: pass --force`);
    expect(tree(root)).toStrictEqual(before);

    expect(await main(['docs', inDir, '--out', out, '--force'], fakeIo())).toBe(0);
    expect(fs.readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(fs.lstatSync(path.join(out, 'xthing.md')).isFile()).toBe(true);
  });

  test('init --force: a template file that is a link outside the folder is replaced, not followed', async () => {
    const victim = path.join(root, 'victim.json');
    fs.writeFileSync(victim, '{}\n');
    fs.mkdirSync(out);
    fs.symlinkSync(victim, path.join(out, 'package.json'));
    expect(await main(['init', out, '--force'], fakeIo())).toBe(0);
    expect(fs.readFileSync(victim, 'utf8')).toBe('{}\n');
    expect(fs.lstatSync(path.join(out, 'package.json')).isFile()).toBe(true);
  });
});

describe('a failing input after a valid one leaves no files', () => {
  test('docs: the second XRD lacks its kind; an existing --out keeps its pages as they were', async () => {
    writeInput('a.yaml', xrd('XGood'));
    expect(await main(['docs', inDir, '--out', out], fakeIo())).toBe(0);
    writeInput('a.yaml', { ...xrd('XGood'), spec: { ...xrd('XGood').spec as object, scope: 'Cluster' } });
    const bad = writeInput('b.yaml', xrd(undefined));
    const before = tree(root);
    const err = await fails('docs', [inDir, '--out', out]);
    expect(err).toBe(`cdk8s-crossplane docs: ${bad} document 0: spec.names.kind must be a string, got nothing: set the kind of the XR\n`);
    expect(tree(root)).toStrictEqual(before);
  });

  test('convert: the second file is not YAML', async () => {
    writeInput('a.yaml', xrd('XGood'));
    fs.writeFileSync(path.join(inDir, 'b.yaml'), 'kind: [\n');
    const before = tree(root);
    const err = await fails('convert', [inDir, '--out', out]);
    expect(err).toMatch(new RegExp(`^cdk8s-crossplane convert: ${path.join(inDir, 'b.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} document 0: not valid YAML at line`));
    expect(err).toContain(`cdk8s-crossplane convert: nothing was written to ${out}: fix this document or leave it out, then run again\n`);
    expect(tree(root)).toStrictEqual(before);
  });
});

describe('exit codes and error lines', () => {
  test.each(['docs', 'convert', 'init'])('%s: an unknown flag is a usage error (exit 2): a prefixed message, then the usage', async (command) => {
    const io = fakeIo();
    expect(await main([command, '--bogus'], io)).toBe(2);
    expect(io.err).toMatch(new RegExp(`^cdk8s-crossplane ${command}: unknown flag '--bogus'.*\n\nUsage: cdk8s-crossplane ${command} `));
  });

  test('a file system failure (a file where --out needs a folder) is a user error, not a fault', async () => {
    writeInput('x.yaml', xrd('XThing'));
    const file = path.join(root, 'a', 'b', 'file');
    fs.writeFileSync(file, '');
    const before = tree(root);
    const err = await fails('docs', [inDir, '--out', path.join(file, 'out')]);
    expect(err).toMatch(/a part of the path is a file, not a folder \(ENOTDIR\)/);
    expect(tree(root)).toStrictEqual(before);
  });

  test('a fault in the package exits 70 with its stack, every line prefixed', async () => {
    jest.resetModules();
    jest.doMock('../../src/cli/docs', () => ({ run: async () => { throw new TypeError('boom'); } }));
    try {
      const { main: isolatedMain } = await import('../../src/cli/main');
      const io = fakeIo();
      expect(await isolatedMain(['docs'], io)).toBe(70);
      expect(io.err).toMatch(/^cdk8s-crossplane docs: internal error, please report it with the command and its input files:\ncdk8s-crossplane docs: TypeError: boom\ncdk8s-crossplane docs:\s+at /);
      for (const line of io.err.trimEnd().split('\n')) expect(line.startsWith('cdk8s-crossplane docs: ')).toBe(true);
    } finally {
      jest.dontMock('../../src/cli/docs');
      jest.resetModules();
    }
  });
});
