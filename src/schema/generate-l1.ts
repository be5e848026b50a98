/**
 * Generates the L1 classes of a platform repository's provider CRDs into its `imports/`.
 *
 * `cdk8s import` writes one module per API group but takes one source per run, so importing
 * the listed files one by one would leave only the last kind of each group. The CRDs are
 * grouped by API group and each group is handed to `cdk8s import` as one multi-document file:
 * one module per group holding every kind the repository lists. Beside each module,
 * `<group>.status.ts` types the kinds' `status` (see `generate-status-types.ts`).
 *
 * One `cdk8s import` run reads every group file (it imports all the sources its cdk8s.yaml
 * lists when given none): starting cdk8s-cli takes about a second, once per run, which a
 * repository with ten provider groups would otherwise pay ten times. Groups with a class
 * prefix need a run of their own, since the prefix applies to the whole run.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { UserError } from '../errors';
import { writeStatusModule } from './generate-status-types';
import { ProviderCrds } from './provider-crds';

/**
 * Groups whose classes get a prefix: provider-kubernetes' kind `Object` would shadow the global
 * `Object` inside the generated module (TS2725), so its classes become `KubernetesObject`, ...
 */
export const CLASS_PREFIX: Readonly<Record<string, string>> = {
  'kubernetes.crossplane.io': 'Kubernetes',
  'kubernetes.m.crossplane.io': 'Kubernetes',
};

/** Options of {@link generateL1Classes}. */
export interface GenerateL1Options {
  /** Folder the modules are written to (`<group>.ts` each). */
  readonly outDir: string;
  /**
   * Path of the `cdk8s` command-line script.
   * @default - `cdk8s-cli` resolved from `outDir`'s repository, then from this package
   */
  readonly cdk8sBin?: string;
  /**
   * Called with each group and its kinds once written.
   * @default - nothing is reported
   */
  readonly onGroup?: (group: string, kinds: readonly string[]) => void;
}

function findCdk8s(from: string): string {
  for (const base of [from, __dirname]) {
    try {
      // The package exports only package.json and its plugins; the script sits beside them.
      const pkg = require.resolve('cdk8s-cli/package.json', { paths: [base] });
      return path.join(path.dirname(pkg), (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { bin: { cdk8s: string } }).bin.cdk8s);
    } catch {
      // try the next place
    }
  }
  throw new UserError('cannot find the cdk8s command (package cdk8s-cli): add it to the devDependencies of the repository and run npm install');
}

/**
 * Writes `<outDir>/<group>.ts` for every group of `crds`, replacing only those modules: other
 * files in `outDir` stay (merge per group). Returns the groups written, sorted.
 */
export function generateL1Classes(crds: Pick<ProviderCrds, 'crds'>, options: GenerateL1Options): string[] {
  const outDir = path.resolve(options.outDir);
  const cdk8s = options.cdk8sBin ?? findCdk8s(outDir);
  fs.mkdirSync(outDir, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-crossplane-import-'));
  const groups = [...crds.crds.keys()].sort();
  const kindsOf = (group: string) => [...crds.crds.get(group)!].sort((a, b) => (a.spec.names.kind < b.spec.names.kind ? -1 : a.spec.names.kind > b.spec.names.kind ? 1 : 0));
  try {
    const runs = new Map<string, string[]>();
    for (const group of groups) {
      fs.writeFileSync(path.join(work, `${group}.yaml`), kindsOf(group).map(crd => stringify(crd)).join('---\n'));
      const prefix = CLASS_PREFIX[group] ?? '';
      runs.set(prefix, [...runs.get(prefix) ?? [], group]);
    }
    for (const [prefix, batch] of runs) importGroups(cdk8s, work, outDir, batch, prefix);
    for (const group of groups) {
      writeStatusModule(outDir, group, (apiVersion, kind) => kindsOf(group).find(crd => crd.spec.names.kind === kind)
        ?.spec.versions?.find((v: { name: string }) => `${group}/${v.name}` === apiVersion)?.schema?.openAPIV3Schema);
    }
    for (const group of groups) options.onGroup?.(group, kindsOf(group).map(c => c.spec.names.kind));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return groups;
}

/** One `cdk8s import` run over the group files `<work>/<group>.yaml`; a failure names the group it comes from. */
function importGroups(cdk8s: string, work: string, outDir: string, groups: readonly string[], prefix: string): void {
  const runIn = fs.mkdtempSync(path.join(work, 'run-'));
  // Given no source, cdk8s import reads every entry of the cdk8s.yaml in its working folder.
  fs.writeFileSync(path.join(runIn, 'cdk8s.yaml'), stringify({ language: 'typescript', imports: groups.map(g => path.join(work, `${g}.yaml`)) }));
  try {
    execFileSync(process.execPath, [cdk8s, 'import', '--language', 'typescript', '--output', outDir, '--no-save', '--no-check-upgrade', ...(prefix ? ['--class-prefix', prefix] : [])], {
      cwd: runIn, stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (err) {
    // Which group broke the run: each again on its own, so the message can name it.
    if (groups.length > 1) {
      for (const group of groups) importGroups(cdk8s, work, outDir, [group], prefix);
    }
    const stderr = String((err as { stderr?: Buffer }).stderr ?? '').trim().split('\n').slice(-3).join(' ');
    throw new UserError(`cdk8s import failed for API group ${groups.join(', ')}: ${stderr || (err as Error).message}`);
  }
}
