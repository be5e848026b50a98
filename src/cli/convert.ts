/**
 * `cdk8s-crossplane convert FILES_OR_DIRS... --out DIR [--target v2]`: turns existing XRDs and
 * Compositions (Pipeline or the old Resources mode) into TypeScript that uses this library, one
 * module per API plus a `main.ts`. Everything that is not carried over as is gets a line on
 * stderr naming the file, document and field.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { convertDocuments } from '../convert/convert';
import { formatProblem, loadInputs } from '../convert/load';
import { UsageError } from '../errors';
import { parseCommandLine } from './args';
import { CliIo } from './io';

const USAGE = `Usage: cdk8s-crossplane convert FILES_OR_DIRS... --out DIR [--target v2] [--crds PATH]... [--rename-functions]

Reads XRDs (v1, v2) and Compositions (Pipeline mode, or Resources mode, which is first
converted as Crossplane's own converter did) from the files or directories (searched
recursively for .yaml, .yml and .json; '-' reads stdin) and writes one TypeScript module per API and a main.ts
into DIR. Other kinds of documents are skipped and listed.

Options:
  -o, --out DIR        folder for the generated code (created when missing)
      --target v2      also migrate legacy XRDs to Crossplane v2: namespaced (or cluster)
                       XRs without claims, managed resources moved to their namespaced
                       .m. groups where known; every change is listed on stderr
      --crds PATH      CRDs of the provider versions the Compositions run with (a file, a
                       folder such as a provider's package/crds, or \`crossplane xpkg extract\`
                       output; repeatable): composed versions are checked against them and
                       their kinds written as plain objects (list the same sources in the
                       imports of cdk8s.yaml for their classes and checks). Without them, a
                       version the bundled schemas do not serve is written as a plain object
                       with LintRule.UNSERVED_VERSION and a note
      --rename-functions
                       write stock functions under their stock names
                       (crossplane-contrib-function-patch-and-transform becomes
                       function-patch-and-transform); by default every functionRef name is kept
  -h, --help           show this help

Exit code: 0 when every document converted, 1 when a document could not be read or converted.
`;

/** Runs `convert`; returns the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine(args, {
    out: { type: 'string', short: 'o' },
    target: { type: 'string' },
    crds: { type: 'string', multiple: true },
    'rename-functions': { type: 'boolean' },
  }, USAGE, io);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError(`no input given: pass the YAML files or folders to convert\n\n${USAGE}`);
  if (!values.out) throw new UsageError(`--out is required, got nothing: pass the folder for the generated code\n\n${USAGE}`);
  if (values.target !== undefined && values.target !== 'v2') {
    throw new UsageError(`--target must be v2, got '${values.target}': leave it out to keep the input's Crossplane version`);
  }
  const loaded = loadInputs(positionals, io.stdin);
  const result = convertDocuments(loaded, {
    target: values.target as 'v2' | undefined, crds: values.crds, renameFunctions: values['rename-functions'] === true,
  });
  const out = values.out;
  fs.mkdirSync(out, { recursive: true });
  for (const f of result.files) fs.writeFileSync(path.join(out, f.path), f.content);

  const errors = result.problems.filter(p => !p.skipped);
  for (const p of result.problems.filter(x => x.skipped)) io.stderr(`skipped: ${formatProblem(p)}\n`);
  for (const p of errors) io.stderr(`error: ${formatProblem(p)}\n`);
  for (const n of result.notes) io.stderr(`note: ${n.file} document ${n.index}: ${n.field} ${n.message}\n`);
  for (const n of result.schemaFallbacks) io.stderr(`note: ${n.file} document ${n.index}: schema ${n.field} written with Schema.fromJson (${n.message})\n`);
  const { xrds, compositions, resourcesMode } = result.counts;
  io.stdout(`converted ${xrds} XRD${xrds === 1 ? '' : 's'} and ${compositions} Composition${compositions === 1 ? '' : 's'}`
    + ` (${resourcesMode} from Resources mode) into ${out}: ${result.files.map(f => f.path).join(', ')}\n`);
  return errors.length > 0 ? 1 : 0;
}
