/**
 * `cdk8s-crossplane convert FILES_OR_DIRS... --out DIR [--target v2]`: turns existing XRDs and
 * Compositions (Pipeline or the old Resources mode) into TypeScript that uses this library, one
 * module per API plus a `main.ts`. Everything that is not carried over as is gets a line on
 * stderr naming the file, document and field.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { convertDocuments } from '../convert/convert';
import { formatProblem, InputKind, InputProblem, LoadedInputs, loadInputs } from '../convert/load';
import { UsageError, UserError } from '../errors';
import { isKind } from '../xrd/xrd-naming';
import { quoteName } from '../_safe-paths';
import { writeFiles } from '../_write-files';
import { parseCommandLine } from './args';
import { CliIo, prefixLines } from './io';

const USAGE = `Usage: cdk8s-crossplane convert FILES_OR_DIRS... --out DIR [--target v2] [--crds PATH]... [--imports DIR] [--rename-functions] [--force]

Reads XRDs (v1, v2) and Compositions (Pipeline mode, or Resources mode, which is first
converted as Crossplane's own converter did) from the files or directories (searched
recursively for .yaml, .yml and .json; '-' reads stdin) and writes one TypeScript module per API and a main.ts
into DIR. Other kinds of documents are skipped and listed. When a document cannot be read or
converted, nothing is written; existing files are never overwritten without --force.

Options:
  -o, --out DIR        folder for the generated code (created when missing)
      --target v2      also migrate legacy XRDs to Crossplane v2: namespaced (or cluster)
                       XRs without claims, managed resources moved to their namespaced
                       .m. groups where known; every change is listed on stderr
      --crds PATH      CRDs of the provider versions the Compositions run with (a file, a
                       folder such as a provider's package/crds, or \`crossplane xpkg extract\`
                       output; repeatable): composed versions are checked against them and
                       their kinds written with the classes in --imports, else as plain
                       objects. Without them, a version the bundled schemas do not serve is
                       written as a plain object with LintRule.UNSERVED_VERSION and a note
      --imports DIR    the repository's generated L1 classes (\`npm run import\` writes them
                       to imports/ from the CRDs its cdk8s.yaml lists): kinds of --crds whose
                       class is there are written with it, imported relative to DIR
      --rename-functions
                       write stock functions under their stock names
                       (crossplane-contrib-function-patch-and-transform becomes
                       function-patch-and-transform); by default every functionRef name is kept
      --force          overwrite files that already exist in DIR
  -h, --help           show this help

Exit code: 0 when every document converted, 1 when a document could not be read or converted
(then nothing is written).
`;

/**
 * XRDs whose kind the API server would reject: the kind names the generated module, so it is
 * checked before it becomes a file name.
 */
function kindProblems(loaded: LoadedInputs): InputProblem[] {
  return loaded.documents.filter(d => d.kind === InputKind.XRD_V1 || d.kind === InputKind.XRD_V2).flatMap((d) => {
    const kind = ((((d.object.spec ?? {}) as Record<string, unknown>).names ?? {}) as Record<string, unknown>).kind;
    if (typeof kind === 'string' && isKind(kind)) return [];
    return [{
      file: d.file, index: d.index, field: 'spec.names.kind', skipped: false,
      message: `must be a kind the API server accepts (a letter, then letters, digits or '-'; at most 63 characters), got ${typeof kind === 'string' ? quoteName(kind) : kind === undefined ? 'nothing' : typeof kind}: use e.g. 'XNetwork'`,
    }];
  });
}

/** How a file in `out` imports the folder `dir`: a relative specifier with `/` (`../imports`). */
function importSpecifier(out: string, dir: string): string {
  const rel = path.relative(path.resolve(out), path.resolve(dir)).split(path.sep).join('/');
  return rel === '' ? '.' : rel.startsWith('.') ? rel : `./${rel}`;
}

/** Runs `convert`; returns the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine(args, {
    out: { type: 'string', short: 'o' },
    target: { type: 'string' },
    crds: { type: 'string', multiple: true },
    imports: { type: 'string' },
    'rename-functions': { type: 'boolean' },
    force: { type: 'boolean' },
  }, USAGE, io);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError('no input given: pass the YAML files or folders to convert', USAGE);
  if (!values.out) throw new UsageError('--out is required, got nothing: pass the folder for the generated code', USAGE);
  if (values.target !== undefined && values.target !== 'v2') {
    throw new UsageError(`--target must be v2, got '${values.target}': leave it out to keep the input's Crossplane version`);
  }
  if (values.imports !== undefined) {
    if (!values.crds?.length) throw new UsageError('--imports needs --crds: the classes are used for the kinds of the CRDs given', USAGE);
    if (!fs.existsSync(values.imports) || !fs.statSync(values.imports).isDirectory()) {
      throw new UserError(`--imports '${values.imports}' is not a folder: pass the repository's imports folder (run \`npm run import\` to write it)`);
    }
  }
  const loaded = loadInputs(positionals, io.stdin);
  const result = convertDocuments(loaded, {
    target: values.target as 'v2' | undefined, crds: values.crds, renameFunctions: values['rename-functions'] === true,
    imports: values.imports === undefined ? undefined : { dir: values.imports, specifier: importSpecifier(values.out, values.imports) },
  });
  const out = values.out;

  const errors = [...kindProblems(loaded), ...result.problems.filter(p => !p.skipped)];
  const report = (line: string) => io.stderr(prefixLines('convert', line));
  for (const p of result.problems.filter(x => x.skipped)) report(`skipped: ${formatProblem(p)}`);
  for (const n of result.notes) report(`note: ${n.file} document ${n.index}: ${n.field} ${n.message}`);
  for (const n of result.schemaFallbacks) report(`note: ${n.file} document ${n.index}: schema ${n.field} written with Schema.fromJson (${n.message})`);
  if (errors.length > 0) {
    // All or nothing: a half-converted platform would look complete and silently miss an API.
    throw new UserError([...errors.map(formatProblem),
      `nothing was written to ${out}: fix ${errors.length === 1 ? 'this document' : `these ${errors.length} documents`} or leave ${errors.length === 1 ? 'it' : 'them'} out, then run again`].join('\n'));
  }
  writeFiles(out, result.files, { force: values.force, rootName: '--out folder' });
  const { xrds, compositions, resourcesMode } = result.counts;
  io.stdout(`converted ${xrds} XRD${xrds === 1 ? '' : 's'} and ${compositions} Composition${compositions === 1 ? '' : 's'}`
    + ` (${resourcesMode} from Resources mode) into ${out}: ${result.files.map(f => f.path).join(', ')}\n`);
  return 0;
}
