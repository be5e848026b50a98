/**
 * `cdk8s-crossplane render XR COMPOSITION [FUNCTIONS]`: `crossplane composition render` offline.
 * By default the output is the current Crossplane CLI's (v2.3 and later: one XR reconcile,
 * reference §4.4 B); `--classic` prints what `crossplane render` of Crossplane v2.2 and earlier
 * printed (§4.4 A). The function pipeline runs in-process, nothing is pulled or started. Same
 * flags, same YAML stream on stdout. On any failure nothing is printed on stdout, as the
 * Crossplane CLI prints nothing when a step returns a fatal result.
 */
import { UsageError, UserError } from '../errors';
import { expectKind, loadYamlPath, parseYamlDocuments, render, RenderError } from '../engine';
import { parseCommandLine } from './args';
import { readCompositionInputs, readXrd } from './_composition-inputs';
import { CliIo } from './io';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompositionFunctionImpl } from '../engine';
import { goTemplatingRunner } from '../engine';

const USAGE = `Usage: cdk8s-crossplane render XR COMPOSITION [FUNCTIONS] [flags]

Render an XR with its Composition offline, as \`crossplane composition render\` of
Crossplane v2.3 and later does (one XR reconcile), running function-patch-and-transform,
function-auto-ready and function-go-templating in-process. --classic prints what
\`crossplane render\` of Crossplane v2.2 and earlier printed instead.

Arguments:
  XR            a YAML file with the composite resource (\`-\` for stdin)
  COMPOSITION   a YAML file with the Composition (\`-\` for stdin)
  FUNCTIONS     a YAML file or directory of Function objects (default: the stock
                functions under their usual names)

Flags:
  -o, --observed-resources=PATH    observed composed resources (file or directory)
  -e, --required-resources=PATH    resources served to function requirements (file or
                                   directory, repeatable), e.g. the EnvironmentConfigs that
                                   function-environment-configs selects
      --extra-resources=PATH       same as --required-resources (deprecated, repeatable)
      --context-files=KEY=FILE,... context keys read from YAML/JSON files
      --context-values=KEY=JSON,.. context keys given inline (win over files)
      --function-credentials=PATH  Secrets for pipeline step credentials
      --composition=NAME           the Composition to render when COMPOSITION holds several
      --xrd=PATH                   apply the XRD's schema defaults to the XR; a LegacyCluster
                                   XRD (v1 without scope) selects the legacy XR field paths
      --function-implementations=PATH
                                   a JavaScript module exporting { '<function name>': fn }
                                   for functions other than the built-in ones
      --function-mounts=DIR=LOCAL,...
                                   folders function-go-templating's FileSystem source
                                   reads, as the Function's DeploymentRuntimeConfig
                                   mounts them (/templates=./templates); other
                                   paths are read as written, from the current folder
  -x, --include-full-xr            merge the rendered XR over the input XR (classic: copy
                                   the input's spec and metadata onto it)
  -r, --include-function-results   print every reconcile event (classic: every function
                                   result) as a Result document
  -c, --include-context            print the final context as a Context document
      --timeout=DURATION           accepted for compatibility; rendering is synchronous
  -s, --required-schemas=DIR       accepted for compatibility; the built-in functions
                                   request no schemas
  -a, --function-annotations=K=V   accepted for compatibility; there is no function runtime
      --crossplane-version=VERSION, --crossplane-image=IMAGE, --crossplane-binary=PATH,
      --crossplane-docker-network=NAME
                                   accepted for compatibility; the reconcile runs in-process
      --classic                    print the classic output of Crossplane v2.2 and earlier
  -h, --help                       show this help
`;

/** Splits `k=v,k2=v2` (and repeated flags); a comma only separates when a new `key=` follows. */
export function parseKeyValues(values: readonly string[], flag: string): [string, string][] {
  const out: [string, string][] = [];
  for (const raw of values) {
    const parts: string[] = [];
    let cur = '';
    const pieces = raw.split(',');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      if (i > 0 && /^[^=,{}[\]"'\s]+=/.test(piece)) {
        parts.push(cur);
        cur = piece;
      } else {
        cur = i === 0 ? piece : `${cur},${piece}`;
      }
    }
    parts.push(cur);
    for (const p of parts) {
      const eq = p.indexOf('=');
      if (eq <= 0) throw new UsageError(`--${flag}: expected KEY=VALUE, got '${p}': write it as --${flag}=apiextensions.crossplane.io/environment=...`);
      out.push([p.slice(0, eq), p.slice(eq + 1)]);
    }
  }
  return out;
}

function parseContextValue(text: string, key: string, source: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const docs = parseYamlDocuments(text, source);
  if (docs.length === 0) {
    // Scalars and lists are valid context values too.
    try {
      return JSON.parse(trimmed);
    } catch {
      throw new UserError(`cannot unmarshal YAML/JSON for context key ${JSON.stringify(key)} from ${source}: expected a YAML or JSON value`);
    }
  }
  return docs[0].object;
}

function contextValue(text: string, key: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return parseContextValue(text, key, source);
    } catch (err) {
      if (err instanceof UserError && /expected a Kubernetes object/.test(err.message)) {
        throw new UserError(`cannot unmarshal YAML/JSON for context key ${JSON.stringify(key)} from ${source}: not a YAML or JSON value`);
      }
      throw err;
    }
  }
}

/** Loads `{ name: fn }` from a JavaScript module (CommonJS, or its `default` export). */
export function loadImplementations(file: string): Record<string, CompositionFunctionImpl> {
  let mod: unknown;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require(path.resolve(file));
  } catch (err) {
    throw new UserError(`--function-implementations: cannot load ${file}: ${(err as Error).message.split('\n')[0]}`);
  }
  const m = mod as { default?: unknown };
  const table = (m && typeof m === 'object' && m.default && typeof m.default === 'object' ? m.default : mod) as Record<string, unknown>;
  if (!table || typeof table !== 'object') throw new UserError(`--function-implementations: ${file} must export an object mapping function names to functions`);
  const out: Record<string, CompositionFunctionImpl> = {};
  for (const [name, fn] of Object.entries(table)) {
    if (name === 'default' || name === '__esModule') continue;
    if (typeof fn !== 'function') throw new UserError(`--function-implementations: ${file} export '${name}' must be a function (request) => response, got ${typeof fn}`);
    out[name] = fn as CompositionFunctionImpl;
  }
  return out;
}

/**
 * `--function-mounts` as container folder to local folder (absolute); undefined when not given.
 * A local folder that does not exist is a mistake in the command line, said before rendering.
 */
function functionMounts(values: readonly string[]): Record<string, string> | undefined {
  const pairs = parseKeyValues(values, 'function-mounts');
  if (pairs.length === 0) return undefined;
  const mounts: Record<string, string> = {};
  for (const [dir, local] of pairs) {
    const abs = path.resolve(local);
    if (!fs.existsSync(abs)) {
      throw new UsageError(`--function-mounts: ${dir}=${local}: ${abs} does not exist: give the local folder that holds the templates mounted at ${dir}`);
    }
    mounts[dir] = abs;
  }
  return mounts;
}

/**
 * A second line for function-go-templating's missing-folder error, saying where render looked:
 * the function's message names the folder as the Composition wrote it, a path inside the
 * function's container.
 */
function folderHint(message: string, mounts: Record<string, string> | undefined): string {
  const m = /cannot read tmpl from the folder \{(.*?)\}: open (.*?): no such file or directory/.exec(message);
  if (!m) return '';
  const where = mounts ? `, or under the --function-mounts folders (${Object.keys(mounts).join(', ')})` : '';
  return `\nthe FileSystem source's folder ${m[1]} is read from the local disk as written (relative paths from ${process.cwd()})${where}: `
    + `map the container folder to a local one with --function-mounts=${m[1]}=LOCAL_FOLDER, or fix fileSystem.dirPath`;
}

/** Runs `render`; returns the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine(args, {
    'observed-resources': { type: 'string', short: 'o' },
    'required-resources': { type: 'string', short: 'e', multiple: true },
    'extra-resources': { type: 'string', multiple: true },
    'context-files': { type: 'string', multiple: true },
    'context-values': { type: 'string', multiple: true },
    'function-credentials': { type: 'string' },
    'composition': { type: 'string' },
    'xrd': { type: 'string' },
    'function-implementations': { type: 'string' },
    'function-mounts': { type: 'string', multiple: true },
    'include-full-xr': { type: 'boolean', short: 'x' },
    'include-function-results': { type: 'boolean', short: 'r' },
    'include-context': { type: 'boolean', short: 'c' },
    'timeout': { type: 'string' },
    'required-schemas': { type: 'string', short: 's' },
    'function-annotations': { type: 'string', short: 'a', multiple: true },
    'crossplane-version': { type: 'string' },
    'crossplane-image': { type: 'string' },
    'crossplane-binary': { type: 'string' },
    'crossplane-docker-network': { type: 'string' },
    'classic': { type: 'boolean' },
  }, USAGE, io);
  if (!parsed) return 0;
  const v = parsed.values;
  const [xrPath, compPath, fnPath, ...extra] = parsed.positionals;
  if (!xrPath || !compPath) throw new UsageError('expected arguments XR and COMPOSITION', USAGE);
  if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`, USAGE);
  const stdinUsers = [xrPath, compPath, fnPath].filter((p) => p === '-').length;
  if (stdinUsers > 1) throw new UsageError('only one argument can be `-` (stdin)');

  const stdin = () => io.stdin();
  const { xrDoc, compDoc, functions } = readCompositionInputs({ xrPath, compPath, fnPath, composition: v.composition }, stdin);
  const load = (p: string | undefined) => (p ? loadYamlPath(p, stdin).map((d) => {
    expectKind(d, 'resource', []);
    return d.object;
  }) : undefined);
  const loadAll = (ps: readonly string[] | undefined) => (ps && ps.length > 0 ? ps.flatMap((p) => load(p) ?? []) : undefined);
  const observed = load(v['observed-resources']);
  const required = loadAll(v['required-resources']);
  const extraResources = loadAll(v['extra-resources']);
  const credentials = load(v['function-credentials']);
  const xrd = v.xrd ? readXrd(v.xrd, stdin) : undefined;

  const context: Record<string, unknown> = {};
  for (const [key, file] of parseKeyValues(v['context-files'] ?? [], 'context-files')) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      throw new UserError(`cannot read context value for key ${JSON.stringify(key)}: ${file}: no such file`);
    }
    context[key] = contextValue(text, key, file);
  }
  for (const [key, value] of parseKeyValues(v['context-values'] ?? [], 'context-values')) {
    context[key] = contextValue(value, key, `--context-values ${key}`);
  }

  const functionImplementations: Record<string, CompositionFunctionImpl> = v['function-implementations'] ? loadImplementations(v['function-implementations']) : {};
  const mounts = functionMounts(v['function-mounts'] ?? []);
  // The user's own go-templating implementation, when given, wins over the mounted built-in one.
  if (mounts && !functionImplementations['function-go-templating']) {
    functionImplementations['function-go-templating'] = goTemplatingRunner({ files: { mounts } });
  }

  let yaml: string;
  try {
    const result = render({
      output: v.classic ? 'classic' : 'reconcile',
      functionImplementations,
      xr: xrDoc.object,
      composition: compDoc.object,
      functions,
      observed,
      requiredResources: required,
      extraResources,
      functionCredentials: credentials,
      context,
      xrd,
      includeFullXr: v['include-full-xr'] ?? false,
      includeFunctionResults: v['include-function-results'] ?? false,
      includeContext: v['include-context'] ?? false,
    });
    yaml = result.toYaml();
  } catch (err) {
    if (err instanceof RenderError && err.phase === 'pipeline') {
      // Reconcile output: the message already says what the Crossplane CLI says, and (as the CLI)
      // nothing is printed of the partial output a fatal result leaves.
      throw new UserError(`${v.classic ? `cannot render composite resource: ${err.message}` : err.message}${folderHint(err.message, mounts)}`);
    }
    if (err instanceof RenderError && err.field) throw new UserError(`${compDoc.source}: document ${compDoc.index}: ${err.message}`);
    throw err;
  }
  io.stdout(yaml);
  return 0;
}
