import { safeFileName } from '../_safe-paths';
import { CodeWriter, NameAllocator, render } from './_code-writer';
import { ComposedKindVersion, emitComposition } from './emit-composition';
import { importedGroup, splitApiVersion } from '../schema/imported-schemas';
import { JsonSchema } from '../schema/json-schema';
import { ProviderCrds, readProviderCrds } from '../schema/provider-crds';
import { SchemaFallback } from './emit-schema';
import { emitXrd } from './emit-xrd';
import { L1Base, L1Imports, LIBRARY_NAMES, projectL1Base, projectL1Classes } from './l1-template';
import { InputDocument, InputKind, InputProblem, LoadedInputs } from './load';
import { migrateToV2, removeInjected } from './migrate-v2';
import { convertResourcesToPipeline } from './resources-to-pipeline';

/**
 * Turns loaded XRDs and Compositions into TypeScript: one module per API (an XRD and the
 * Compositions whose `compositeTypeRef` names its kind), plus a `main.ts` that synthesizes
 * them. Resources-mode Compositions go through {@link convertResourcesToPipeline} first.
 */

/** Options of {@link convertDocuments}. */
export interface ConvertDocumentsOptions {
  /**
   * Library module the generated code imports from.
   *
   * @default 'cdk8s-crossplane'
   */
  readonly libraryModule?: string;
  /**
   * `'v2'` also migrates legacy XRDs and their Compositions to Crossplane v2 (see migrate-v2.ts).
   *
   * @default - each XRD keeps its API version and scope
   */
  readonly target?: 'v2';
  /**
   * CRD sources (files, folders, `crossplane xpkg extract` output) of the provider versions the
   * Compositions run with: composed kinds they define are checked against them (served
   * versions) and written with the repository's own L1 classes (see `imports`), else as plain
   * objects. Relative paths resolve against `crdsBaseDir`.
   *
   * @default - the schemas of the schema lookup (bundled, or the repository's cdk8s.yaml imports)
   */
  readonly crds?: readonly string[];
  /**
   * The repository's generated imports folder (`cdk8s-crossplane import` writes it from the CRDs
   * its cdk8s.yaml lists) and the specifier the converted files import it by (relative to
   * them, e.g. `../imports`): a composed kind of `crds` whose class it holds is written with that
   * class (`addResource('db', DatabaseInstance, { spec: ... })`), typed by the provider version
   * the repository runs.
   *
   * @default - kinds of `crds` are written as plain objects
   */
  readonly imports?: { readonly dir: string; readonly specifier: string };
  /**
   * Folder relative `crds` paths start from.
   *
   * @default - the current directory
   */
  readonly crdsBaseDir?: string;
  /**
   * Rename the `functionRef` names of stock functions (`crossplane-contrib-function-patch-and-transform`)
   * to their stock names (`function-patch-and-transform`). Off, every name is kept as written, so
   * the converted Composition references the Functions the cluster has.
   *
   * @default false
   */
  readonly renameFunctions?: boolean;
}

/** What the CRDs given to convert, or else the schema lookup, know of a composed kind's version. */
function composedKindLookup(crds: ProviderCrds | undefined): (apiVersion: string, kind: string) => ComposedKindVersion {
  return (apiVersion, kind) => {
    const { group, version } = splitApiVersion(apiVersion);
    const own = crds?.groups.get(group)?.kinds.find(k => k.kind === kind);
    const k = own ?? importedGroup(group)?.kinds.find(x => x.kind === kind);
    if (!k) return { known: false, served: true, servedVersions: [], fromCrds: false };
    const v = k.versions.find(x => x.name === version);
    return { known: true, served: v?.served ?? false, servedVersions: k.versions.filter(x => x.served).map(x => x.name), fromCrds: own !== undefined };
  };
}

/**
 * A base of a kind `crds` defines as props of the repository's class for it (its imports folder
 * holds classes generated from the same CRDs), or a note saying why it stays a plain object.
 */
function projectL1Lookup(crds: ProviderCrds, imports: { readonly dir: string; readonly specifier: string }): (base: Obj) => L1Base | string | undefined {
  const classes = projectL1Classes(imports.dir, imports.specifier);
  return (base) => {
    const apiVersion = String(base.apiVersion);
    const kind = String(base.kind);
    const cls = classes(apiVersion, kind);
    if (!cls) {
      return `${apiVersion} ${kind} has no class in ${imports.dir}: written as a plain object; list its CRD in the imports of cdk8s.yaml, `
        + 'run `npm run import` (cdk8s-crossplane import) and convert again for a typed class';
    }
    const { group, version } = splitApiVersion(apiVersion);
    const schema = crds.groups.get(group)?.kinds.find(k => k.kind === kind)?.versions.find(v => v.name === version)?.schema;
    return schema ? projectL1Base(base, cls, schema) : undefined;
  };
}

/** The openAPIV3Schema of the XRD version Compositions reference (the referenceable one). */
function referenceableSchema(xrd: Obj): JsonSchema | undefined {
  const versions = (Array.isArray((xrd.spec as Obj | undefined)?.versions) ? (xrd.spec as Obj).versions : []) as Obj[];
  const v = versions.find(x => x.referenceable === true) ?? versions[0];
  const schema = (v?.schema as Obj | undefined)?.openAPIV3Schema;
  return schema !== null && typeof schema === 'object' ? schema as JsonSchema : undefined;
}

/** A generated file. */
export interface GeneratedFile {
  /** Path relative to the output directory. */
  readonly path: string;
  /** Content (TypeScript source). */
  readonly content: string;
}

/** A note tied to an input document. */
export interface DocumentNote {
  /** Input file. */
  readonly file: string;
  /** Document index in the file. */
  readonly index: number;
  /** Field path in the document. */
  readonly field: string;
  /** What happened. */
  readonly message: string;
}

/** What {@link convertDocuments} returns. */
export interface ConvertResult {
  /** The generated files, `main.ts` last. */
  readonly files: GeneratedFile[];
  /** Documents that were skipped or unreadable (from loading) or could not be converted. */
  readonly problems: InputProblem[];
  /** Everything converted with a loss or change beyond the documented rules. */
  readonly notes: DocumentNote[];
  /** Schema nodes written with `Schema.fromJson` (readable, but untyped). */
  readonly schemaFallbacks: DocumentNote[];
  /** How many XRDs and Compositions were converted. */
  readonly counts: { readonly xrds: number; readonly compositions: number; readonly resourcesMode: number };
}

type Obj = Record<string, unknown>;

interface Api {
  readonly xrd: InputDocument;
  readonly compositions: InputDocument[];
}

/** Where the phases of a conversion report, in input order: the lists of {@link ConvertResult}. */
interface Report {
  readonly problems: InputProblem[];
  readonly notes: DocumentNote[];
  readonly schemaFallbacks: DocumentNote[];
}

function note(report: Report, d: InputDocument, field: string, message: string): void {
  report.notes.push({ file: d.file, index: d.index, field, message });
}

/** What emitting one API's module reads, and the names every module of the batch shares. */
interface ModuleContext {
  readonly lib: string;
  readonly options: ConvertDocumentsOptions;
  readonly composedKind: (apiVersion: string, kind: string) => ComposedKindVersion;
  /** A base of a kind of the given CRDs as props of the repository's class for it (see `ConvertDocumentsOptions.imports`). */
  readonly projectL1?: (base: Obj) => L1Base | string | undefined;
  /** Each input document's object as converted so far (Resources mode, v2, injected fields). */
  readonly objectOf: ReadonlyMap<InputDocument, Obj>;
  readonly fileNames: NameAllocator;
  readonly functionNames: NameAllocator;
  readonly report: Report;
  /** Counts a Composition as converted. */
  readonly converted: () => void;
}

/** An API's module, and the `main.ts` line that calls its function. */
interface ApiModule {
  readonly generated: GeneratedFile;
  readonly main: { fn: string; file: string; chart: string };
}

/**
 * Converts every document; never throws on a document (problems and notes are returned). The
 * phases: group Compositions under their XRDs, rewrite the plain objects (Resources mode, the
 * optional v2 migration, the fields Crossplane injects), emit one module per API, then `main.ts`.
 *
 * @throws UserError when a source in `options.crds` is missing, unreadable or holds no CRD
 */
export function convertDocuments(inputs: LoadedInputs, options: ConvertDocumentsOptions = {}): ConvertResult {
  const crds = options.crds && options.crds.length > 0 ? readProviderCrds(options.crds, options.crdsBaseDir ?? process.cwd()) : undefined;
  const report: Report = { problems: [...inputs.problems], notes: [], schemaFallbacks: [] };
  const apis = groupByApi(inputs.documents, report);
  const { objectOf, resourcesMode } = convertObjects(apis, options.target, report);

  let compositions = 0;
  const context: ModuleContext = {
    lib: options.libraryModule ?? 'cdk8s-crossplane',
    options,
    composedKind: composedKindLookup(crds),
    projectL1: crds && options.imports ? projectL1Lookup(crds, options.imports) : undefined,
    objectOf,
    fileNames: new NameAllocator(['main']),
    functionNames: new NameAllocator(['app']),
    report,
    converted: () => { compositions++; },
  };
  const files: GeneratedFile[] = [];
  const mainImports: ApiModule['main'][] = [];
  for (const api of apis) {
    try {
      const module = emitApiModule(api, context);
      files.push(module.generated);
      mainImports.push(module.main);
    } catch (e) {
      // A converter bug must not stop the batch, nor pass silently.
      report.problems.push({
        file: api.xrd.file, index: api.xrd.index, skipped: false,
        message: `could not be converted (${(e as Error).message.split('\n')[0]}): please report this with the input file`,
      });
    }
  }
  files.push(mainModule(mainImports));
  const { problems, notes, schemaFallbacks } = report;
  return { files, problems, notes, schemaFallbacks, counts: { xrds: apis.length, compositions, resourcesMode } };
}

/**
 * One API per XRD, with the Compositions whose `compositeTypeRef` names its kind; a Composition
 * without an XRD is a problem.
 */
function groupByApi(documents: readonly InputDocument[], report: Report): Api[] {
  const apis: Api[] = [];
  const xrds = documents.filter(d => d.kind === InputKind.XRD_V1 || d.kind === InputKind.XRD_V2);
  for (const x of xrds) apis.push({ xrd: x, compositions: [] });
  for (const c of documents.filter(d => d.kind === InputKind.COMPOSITION_PIPELINE || d.kind === InputKind.COMPOSITION_RESOURCES)) {
    const ref = ((c.object.spec as Obj).compositeTypeRef ?? {}) as Obj;
    const [group] = String(ref.apiVersion ?? '').split('/');
    // Prefer an XRD from the same file, then the same directory, then anywhere.
    const candidates = apis.filter(a => {
      const s = a.xrd.object.spec as Obj;
      return s.group === group && ((s.names ?? {}) as Obj).kind === ref.kind;
    });
    const dir = (f: string) => f.replace(/[\\/][^\\/]*$/, '');
    const api = candidates.find(a => a.xrd.file === c.file) ?? candidates.find(a => dir(a.xrd.file) === dir(c.file))
      ?? candidates.find(a => dir(c.file).startsWith(dir(a.xrd.file))) ?? candidates[0];
    if (!api) {
      report.problems.push({
        file: c.file, index: c.index, field: 'spec.compositeTypeRef', skipped: false,
        message: `names ${String(ref.apiVersion)} ${String(ref.kind)}, for which no XRD was given: pass the XRD's file too (the Composition construct is built from its XRD)`,
      });
      continue;
    }
    api.compositions.push(c);
  }
  return apis;
}

/**
 * The object each document is emitted from, rewritten on plain objects: Resources mode first
 * (its rules), then the optional v2 migration, then the fields Crossplane injects into modern
 * XRDs, which the construct cannot declare (V9).
 */
function convertObjects(apis: readonly Api[], target: ConvertDocumentsOptions['target'], report: Report): { objectOf: Map<InputDocument, Obj>; resourcesMode: number } {
  const objectOf = new Map<InputDocument, Obj>();
  let resourcesMode = 0;
  for (const api of apis) {
    objectOf.set(api.xrd, api.xrd.object);
    for (const c of api.compositions) {
      if (c.kind !== InputKind.COMPOSITION_RESOURCES) {
        objectOf.set(c, c.object);
        continue;
      }
      resourcesMode++;
      const r = convertResourcesToPipeline(c.object);
      for (const w of r.warnings) note(report, c, w.field, w.message);
      objectOf.set(c, r.composition);
    }
  }
  if (target === 'v2') {
    const docs = [...objectOf.keys()];
    const migrated = migrateToV2(docs.map(d => objectOf.get(d)!));
    docs.forEach((d, i) => objectOf.set(d, migrated.objects[i]));
    for (const n of migrated.notes) note(report, docs[n.document], n.field, n.message);
  }
  for (const api of apis) {
    const xrd = objectOf.get(api.xrd)!;
    const spec = (xrd.spec ?? {}) as Obj;
    const modern = spec.scope === 'Namespaced' || spec.scope === 'Cluster' || (spec.scope === undefined && xrd.apiVersion === 'apiextensions.crossplane.io/v2');
    if (!modern) continue;
    const copy = structuredClone(xrd);
    removeInjected((copy.spec ?? {}) as Obj, 0, (_d, field, message) => note(report, api.xrd, field, message));
    objectOf.set(api.xrd, copy);
  }
  return { objectOf, resourcesMode };
}

/** The module of one API: its XRD's schemas and construct, then each Composition, in one function. */
function emitApiModule(api: Api, context: ModuleContext): ApiModule {
  const { objectOf, report } = context;
  const names = new NameAllocator(['scope', ...LIBRARY_NAMES]);
  const l1 = new L1Imports(names);
  const x = emitXrd(objectOf.get(api.xrd)!, names);
  for (const w of x.warnings) note(report, api.xrd, w.field, w.message);
  for (const f of x.fallbacks as SchemaFallback[]) report.schemaFallbacks.push({ file: api.xrd.file, index: api.xrd.index, field: f.path, message: f.reason });
  const imports = new Set<string>(x.imports);
  const constructIds = new NameAllocator([x.kind]);
  const body: string[] = [];
  for (const c of api.compositions) {
    const object = objectOf.get(c)!;
    const ref = ((object.spec as Obj).compositeTypeRef ?? {}) as Obj;
    if (ref.apiVersion !== x.compositeApiVersion) {
      note(report, c, 'spec.compositeTypeRef.apiVersion', `'${String(ref.apiVersion)}' is written as '${x.compositeApiVersion}', the XRD's referenceable version (the construct derives it from the XRD)`);
    }
    const e = emitComposition(object, x.variable, String((objectOf.get(api.xrd)!.metadata as Obj | undefined)?.name ?? ''), names, constructIds, l1, {
      xrSchema: referenceableSchema(objectOf.get(api.xrd)!), renameFunctions: context.options.renameFunctions, composedKind: context.composedKind, projectL1: context.projectL1,
    });
    for (const w of e.warnings) note(report, c, w.field, w.message);
    for (const i of e.imports) imports.add(i);
    body.push(`// From ${c.file} (document ${c.index}).`, ...e.statements);
    context.converted();
  }
  const base = safeFileName(x.kind.toLowerCase().replace(/[^a-z0-9]+/g, '-') || 'api');
  const file = context.fileNames.allocate(base);
  const fn = context.functionNames.allocate(`define${x.kind.replace(/[^A-Za-z0-9]/g, '')}`);
  const w = new CodeWriter();
  w.line(`// Converted from ${api.xrd.file} (document ${api.xrd.index}) by cdk8s-crossplane convert.`);
  w.line("import { Construct } from 'constructs';");
  w.line(`import { ${[...imports].sort().join(', ')} } from '${context.lib}';`);
  for (const line of l1.lines(context.lib)) w.line(line);
  w.line();
  for (const s of x.statements) {
    w.line(s);
    w.line();
  }
  w.line(`/** The ${x.kind} API: its XRD and ${api.compositions.length === 1 ? 'Composition' : 'Compositions'}. */`);
  w.block(`export function ${fn}(scope: Construct): CompositeResourceDefinition {`, () => {
    w.line(`const ${x.variable} = ${render(x.construct, 0)};`);
    for (const s of body) w.line(s);
    w.line(`return ${x.variable};`);
  });
  return { generated: { path: `${file}.ts`, content: w.toString() }, main: { fn, file, chart: file } };
}

/** `main.ts`: the cdk8s app that synthesizes every converted API, one chart each. */
function mainModule(apis: readonly ApiModule['main'][]): GeneratedFile {
  const m = new CodeWriter();
  m.line('// The cdk8s app: synthesizes every converted API into dist/.');
  m.line("import { App, Chart } from 'cdk8s';");
  for (const i of apis) m.line(`import { ${i.fn} } from './${i.file}';`);
  m.line();
  m.line('const app = new App();');
  for (const i of apis) m.line(`${i.fn}(new Chart(app, '${i.chart}'));`);
  m.line('app.synth();');
  return { path: 'main.ts', content: m.toString() };
}
