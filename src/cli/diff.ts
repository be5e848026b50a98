/**
 * `cdk8s-crossplane diff --base <git-ref|dir> [--head DIR]`: compares two revisions of the
 * platform (src/package/platform-diff.ts) and prints a Markdown summary for a pull request;
 * exits 1 on a breaking change or when something could not be compared.
 *
 * A git ref is exported (`git archive`) into a temporary folder and synthesized there by the
 * `app` command of its cdk8s.yaml, as `cdk8s synth` runs it, with this checkout's node_modules
 * linked in: the base is built with today's dependencies, not its own lockfile.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UsageError, UserError } from '../errors';
import { diffPlatform, platformDiffMarkdown, PlatformRevision } from '../package/platform-diff';
import { loadSynthesized, synthesize, synthesizeRef } from './_revisions';
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
      ? { label: `base (${v.base})`, objects: loadSynthesized(baseDir, `base (${v.base})`) }
      : synthesizeRef(v.base, cwd, tmp, env);
    let head: PlatformRevision;
    if (v.head) {
      const headDir = path.resolve(cwd, v.head);
      if (!fs.existsSync(headDir) || !fs.statSync(headDir).isDirectory()) throw new UserError(`head (${v.head}): no such folder: run \`npx cdk8s synth\` or pass the folder of synthesized YAML`);
      head = { label: `head (${v.head})`, objects: loadSynthesized(headDir, `head (${v.head})`) };
    } else {
      const out = path.join(tmp, 'head-dist');
      synthesize(cwd, out, 'head (working tree)', env);
      head = { label: 'head (working tree)', objects: loadSynthesized(out, 'head (working tree)') };
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
