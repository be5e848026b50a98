/**
 * `cdk8s-crossplane diff --base <git-ref|dir> [--head DIR]`: compares two revisions of the
 * platform (src/package/platform-diff.ts) and prints a Markdown summary for a pull request;
 * exits 1 on a breaking change or when something could not be compared.
 *
 * A git ref is exported (`git archive`) into a temporary folder and synthesized there by the
 * `app` command of its cdk8s.yaml, as `cdk8s synth` runs it, with this checkout's node_modules
 * linked in: the base is built with today's dependencies, not its own lockfile.
 */
import { execFileSync, execSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { UsageError, UserError } from '../errors';
import { diffPlatform, platformDiffMarkdown, PlatformRevision } from '../package/platform-diff';
import { formatYamlProblem, readYamlSources } from '../yaml/read-yaml';
import { parseCommandLine } from './args';
import { CliIo } from './io';
import { writeFileAtomic } from './write-file';

const USAGE = `Usage: cdk8s-crossplane diff --base <git-ref|dir> [options]

Compares the platform at BASE with the head revision: for every XRD, the changes and whether
they break existing XRs (removed or renamed fields, changed types, new required fields without
a default, narrowed enums, removed or unserved versions, scope changes); for every example XR,
its rendered output before and after. Prints a Markdown summary a pull request can show, and
exits 1 when there is a breaking change or something could not be compared.

BASE is a folder of synthesized YAML (a dist/ from another revision) or a git ref (main,
origin/main, a commit): the ref is exported to a temporary folder and synthesized there with the
app command of its cdk8s.yaml and this checkout's node_modules (example XRs included:
INCLUDE_EXAMPLES=1).

Options:
  -b, --base REF|DIR   the revision to compare with (required)
      --head DIR       synthesized YAML of the head revision (default: synthesize the working
                       tree into a temporary folder)
  -o, --output FILE    write the Markdown there instead of stdout
      --json           print the comparison as JSON instead of Markdown
  -h, --help           show this help
`;

/** Loads every object of a folder of synthesized YAML; throws naming the side on a problem. */
function loadDir(dir: string, label: string): unknown[] {
  const read = readYamlSources([dir], () => '');
  if (read.problems.length > 0) throw new UserError(`${label}: cannot read the synthesized YAML: ${formatYamlProblem(read.problems[0])}`);
  return read.documents.map((d) => d.value);
}

function firstLines(text: string, n = 12): string {
  const lines = text.trim().split('\n');
  return lines.length > n ? [...lines.slice(0, n), `... (${lines.length - n} more lines)`].join('\n') : lines.join('\n');
}

/** Runs the cdk8s `app` of the project in `root`, writing to `outdir`. */
function synthesize(root: string, outdir: string, label: string, env: NodeJS.ProcessEnv): void {
  const config = path.join(root, 'cdk8s.yaml');
  let app: unknown;
  try {
    app = (parse(fs.readFileSync(config, 'utf8')) as { app?: unknown } | null)?.app;
  } catch (err) {
    throw new UserError(`${label}: cannot read cdk8s.yaml (${(err as Error).message.split('\n')[0]}): the revision needs a cdk8s.yaml with an app command`);
  }
  if (typeof app !== 'string' || !app.trim()) throw new UserError(`${label}: cdk8s.yaml has no app command: the revision must be a cdk8s project`);
  try {
    execSync(app, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...env, CDK8S_OUTDIR: outdir, INCLUDE_EXAMPLES: '1', CDK8S_CHECK_UPGRADE: 'false' } });
  } catch (err) {
    const e = err as { stderr?: Buffer; stdout?: Buffer; message: string };
    const detail = firstLines(String(e.stderr ?? '') || String(e.stdout ?? '') || e.message);
    throw new UserError(`${label}: the revision does not synthesize: '${app}' failed:\n${detail}\n`
      + 'nothing was compared; fix the revision, or pass a folder of its synthesized YAML as --base');
  }
}

function git(args: string[], cwd: string): Buffer {
  return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
}

/** Exports `ref` of the repository at `cwd` into a temporary folder and synthesizes it there. */
function synthesizeRef(ref: string, cwd: string, tmp: string, env: NodeJS.ProcessEnv): PlatformRevision {
  const label = `base (${ref})`;
  let commit: string;
  try {
    commit = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd).toString().trim();
  } catch {
    throw new UserError(`${label}: '${ref}' is neither a folder nor a commit of the git repository at ${path.resolve(cwd)}: `
      + 'pass a branch, tag or commit that exists (fetch it first in a shallow CI checkout) or a folder of synthesized YAML');
  }
  const top = git(['rev-parse', '--show-toplevel'], cwd).toString().trim();
  const prefix = git(['rev-parse', '--show-prefix'], cwd).toString().trim();
  const src = path.join(tmp, 'source');
  fs.mkdirSync(src);
  execFileSync('tar', ['-x', '-C', src], { input: git(['archive', '--format=tar', commit], top), stdio: ['pipe', 'ignore', 'pipe'] });
  const root = path.join(src, prefix);
  const modules = path.resolve(cwd, 'node_modules');
  if (fs.existsSync(modules) && !fs.existsSync(path.join(root, 'node_modules'))) fs.symlinkSync(modules, path.join(root, 'node_modules'), 'junction');
  const out = path.join(tmp, 'base-dist');
  synthesize(root, out, `${label} at ${commit.slice(0, 12)}`, env);
  return { label, objects: loadDir(out, label) };
}

/** Runs `diff`; returns the exit code. */
export async function run(args: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Promise<number> {
  const parsed = parseCommandLine(args, {
    base: { type: 'string', short: 'b' },
    head: { type: 'string' },
    output: { type: 'string', short: 'o' },
    json: { type: 'boolean', default: false },
  }, USAGE, io);
  if (!parsed) return 0;
  const v = parsed.values;
  if (!v.base) throw new UsageError(`missing --base: the git ref or folder to compare with\n\n${USAGE}`);
  if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument '${parsed.positionals[0]}'\n\n${USAGE}`);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-crossplane-diff-'));
  try {
    const baseDir = path.resolve(cwd, v.base);
    const base: PlatformRevision = fs.existsSync(baseDir) && fs.statSync(baseDir).isDirectory()
      ? { label: `base (${v.base})`, objects: loadDir(baseDir, `base (${v.base})`) }
      : synthesizeRef(v.base, cwd, tmp, env);
    let head: PlatformRevision;
    if (v.head) {
      const headDir = path.resolve(cwd, v.head);
      if (!fs.existsSync(headDir) || !fs.statSync(headDir).isDirectory()) throw new UserError(`head (${v.head}): no such folder: run \`npx cdk8s synth\` or pass the folder of synthesized YAML`);
      head = { label: `head (${v.head})`, objects: loadDir(headDir, `head (${v.head})`) };
    } else {
      const out = path.join(tmp, 'head-dist');
      synthesize(cwd, out, 'head (working tree)', env);
      head = { label: 'head (working tree)', objects: loadDir(out, 'head (working tree)') };
    }
    for (const side of [base, head]) {
      const hasXrd = side.objects.some((o) => (o as { kind?: unknown })?.kind === 'CompositeResourceDefinition');
      if (!hasXrd) throw new UserError(`${side.label}: no CompositeResourceDefinition found: nothing to compare; is it the synthesized output of the platform?`);
    }
    const d = diffPlatform(base, head);
    const text = v.json ? `${JSON.stringify(d, null, 2)}\n` : platformDiffMarkdown(d);
    if (v.output) writeFileAtomic(path.resolve(cwd, v.output), text);
    else io.stdout(text);
    if (d.breaking > 0 || d.failed > 0) {
      throw new UserError([d.breaking > 0 ? `${d.breaking} breaking change(s)` : '', d.failed > 0 ? `${d.failed} example(s) could not be compared` : ''].filter(Boolean).join(', '));
    }
    return 0;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
