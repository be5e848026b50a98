/**
 * The inputs `render` and `simulate` share: the XR, the Composition (one of several with
 * `--composition`), the Function objects and an XRD, each checked for its kind, with messages
 * that name the file and document.
 */
import { UserError } from '../errors';
import { expectKind, loadYamlPath, LoadedDocument } from '../engine';
import { closest } from '../pt/path-check';

export function single(docs: LoadedDocument[], what: string, file: string): LoadedDocument {
  if (docs.length === 0) throw new UserError(`cannot load ${what} from ${JSON.stringify(file)}: the file has no YAML document`);
  return docs[0];
}

/**
 * The one document of `kind` in a file, else the first document (whose kind check then fails
 * with the usual message). cdk8s writes a chart's XRD and Composition into one file; crossplane
 * render reads only the first document, we take the one that is meant.
 */
export function singleOfKind(docs: LoadedDocument[], kind: string, file: string): LoadedDocument {
  const matching = docs.filter((d) => d.object.kind === kind);
  if (matching.length > 1) {
    const names = matching.map((d) => `${(d.object.metadata as { name?: string } | undefined)?.name ?? '?'} (document ${d.index})`);
    const fix = kind === 'Composition' ? 'choose one with --composition NAME' : 'pass a file with only the one to use';
    throw new UserError(`${file}: holds ${matching.length} ${kind}s, ${names.join(', ')}: ${fix}`);
  }
  return matching[0] ?? single(docs, kind, file);
}

/** The Composition named `name` among a file's documents (`--composition`), with a did-you-mean. */
export function namedComposition(docs: LoadedDocument[], name: string, file: string): LoadedDocument {
  const compositions = docs.filter((d) => d.object.kind === 'Composition');
  const nameOf = (d: LoadedDocument) => (d.object.metadata as { name?: unknown } | undefined)?.name;
  const hit = compositions.find((d) => nameOf(d) === name);
  if (hit) return hit;
  const names = compositions.map(nameOf).filter((n): n is string => typeof n === 'string');
  const guess = closest(name, names);
  const known = names.length ? `it holds ${names.map((n) => `'${n}'`).join(', ')}` : 'it holds no Composition';
  throw new UserError(`--composition: ${file} has no Composition named '${name}': ${guess ? `did you mean '${guess}'?` : known}`);
}

/** What {@link readCompositionInputs} reads: the positional files and `--composition`. */
export interface CompositionInputPaths {
  readonly xrPath: string;
  readonly compPath: string;
  readonly fnPath?: string;
  /** `--composition NAME`; undefined takes the file's only Composition. */
  readonly composition?: string;
}

/** The XR, the Composition and the Function objects (undefined when no FUNCTIONS file is given). */
export function readCompositionInputs(paths: CompositionInputPaths, stdin: () => string): {
  xrDoc: LoadedDocument; compDoc: LoadedDocument; functions: Record<string, unknown>[] | undefined;
} {
  const xrDoc = single(loadYamlPath(paths.xrPath, stdin), 'composite resource', paths.xrPath);
  expectKind(xrDoc, 'composite resource', []);
  const compDocs = loadYamlPath(paths.compPath, stdin);
  const compDoc = paths.composition !== undefined
    ? namedComposition(compDocs, paths.composition, paths.compPath)
    : singleOfKind(compDocs, 'Composition', paths.compPath);
  expectKind(compDoc, 'Composition', [{ apiVersion: ['apiextensions.crossplane.io/v1'], kind: 'Composition' }]);
  let functions: Record<string, unknown>[] | undefined;
  if (paths.fnPath) {
    const docs = loadYamlPath(paths.fnPath, stdin);
    for (const d of docs) expectKind(d, 'Function', [{ apiVersion: ['pkg.crossplane.io/v1', 'pkg.crossplane.io/v1beta1'], kind: 'Function' }]);
    functions = docs.map((d) => d.object);
  }
  return { xrDoc, compDoc, functions };
}

/** The XRD of `--xrd`: the file's only CompositeResourceDefinition. */
export function readXrd(file: string, stdin: () => string): Record<string, unknown> {
  const d = singleOfKind(loadYamlPath(file, stdin), 'CompositeResourceDefinition', file);
  expectKind(d, 'CompositeResourceDefinition', [{ apiVersion: ['apiextensions.crossplane.io/v1', 'apiextensions.crossplane.io/v2'], kind: 'CompositeResourceDefinition' }]);
  return d.object;
}
