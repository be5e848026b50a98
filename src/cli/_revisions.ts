/**
 * The revisions `diff` compares, as objects: a folder of synthesized YAML, the working tree
 * synthesized by its cdk8s app, or a git ref exported with `git archive` and synthesized with
 * this checkout's node_modules linked in. Errors name the side.
 */
import { execFileSync, execSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { UserError } from '../errors';
import type { PlatformRevision } from '../package/platform-diff';
import { formatYamlProblem, readYamlSources } from '../yaml/read-yaml';

/** Loads every object of a folder of synthesized YAML; throws naming the side on a problem. */
export function loadSynthesized(dir: string, label: string): unknown[] {
  const read = readYamlSources([dir], () => '');
  if (read.problems.length > 0) throw new UserError(`${label}: cannot read the synthesized YAML: ${formatYamlProblem(read.problems[0])}`);
  return read.documents.map((d) => d.value);
}

function firstLines(text: string, n = 12): string {
  const lines = text.trim().split('\n');
  return lines.length > n ? [...lines.slice(0, n), `... (${lines.length - n} more lines)`].join('\n') : lines.join('\n');
}

/** Runs the cdk8s `app` of the project in `root`, writing to `outdir`. */
export function synthesize(root: string, outdir: string, label: string, env: NodeJS.ProcessEnv): void {
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
export function synthesizeRef(ref: string, cwd: string, tmp: string, env: NodeJS.ProcessEnv): PlatformRevision {
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
  return { label, objects: loadSynthesized(out, label) };
}
