/**
 * Regenerates `imports/` from the CRD files listed in `cdk8s.yaml`.
 *
 * `cdk8s import` writes one module per API group, but takes one source per invocation, so
 * importing the listed files one by one would leave only the last kind of every group. This
 * script groups the CRDs by API group, hands each group to `cdk8s import` as one multi-document
 * file, and writes the JSON schema of every kind and version to `imports/schemas/<group>.json`
 * for the validator (loaded with `require`, no YAML parsing at run time), and the status types
 * of every kind to `imports/<group>.status.ts` (`src/schema/generate-status-types.ts`). The schemas of
 * built-in Kubernetes kinds (Deployment, Service, ...) are written beside them by
 * `built-in-kinds.ts`, from the kubernetes-models devDependencies (one set per Kubernetes release).
 *
 * It also reads the generated modules back and records, in `imports/schemas/index.ts`, which
 * class `cdk8s import` generated for every kind and version (`L1_CLASSES`) and which schema
 * field names it renamed as props (`L1_PROPERTY_NAMES`), so that `cdk8s-crossplane convert` can
 * write composed resources as L1 classes without loading every module to find them.
 *
 * Usage: `npm run import [-- --crds DIR]` (or `CDK8S_CROSSPLANE_CRDS=DIR npm run import`).
 * Paths in cdk8s.yaml start with `../shared/crds`; that prefix is replaced by DIR.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseAllDocuments, parse, stringify } from 'yaml';
import { KUBERNETES_SCHEMA_SOURCES, writeBuiltInSchemas } from './built-in-kinds';
import { generatedClasses, writeStatusModule } from '../src/schema/generate-status-types';

const DEFAULT_PREFIX = '../shared/crds';

/**
 * Groups whose classes get a prefix: provider-kubernetes' kind `Object` would shadow the global
 * `Object` inside the generated module (TS2725), so its classes become `KubernetesObject`, ...
 */
const CLASS_PREFIX: Record<string, string> = {
  'kubernetes.crossplane.io': 'Kubernetes',
  'kubernetes.m.crossplane.io': 'Kubernetes',
};
const root = path.resolve(__dirname, '..');
const importsDir = path.join(root, 'imports');
const schemasDir = path.join(importsDir, 'schemas');

interface CrdVersion {
  readonly name: string;
  readonly served: boolean;
  readonly storage: boolean;
  readonly deprecated?: boolean;
  readonly schema: unknown;
}

interface CrdKind {
  readonly kind: string;
  readonly plural: string;
  readonly scope: 'Namespaced' | 'Cluster';
  readonly source: string;
  readonly versions: CrdVersion[];
}

function crdsDirFromArgs(): string {
  const i = process.argv.indexOf('--crds');
  const dir = i >= 0 ? process.argv[i + 1] : process.env.CDK8S_CROSSPLANE_CRDS;
  return path.resolve(root, dir ?? DEFAULT_PREFIX);
}

function listedSources(crdsDir: string): string[] {
  const config = parse(fs.readFileSync(path.join(root, 'cdk8s.yaml'), 'utf8')) as { imports?: string[] };
  return (config.imports ?? []).map((entry) =>
    entry.startsWith(DEFAULT_PREFIX) ? path.join(crdsDir, entry.slice(DEFAULT_PREFIX.length)) : path.resolve(root, entry));
}

function readCrds(file: string): any[] {
  if (!fs.existsSync(file)) {
    throw new Error(`${path.relative(root, file)}: listed in cdk8s.yaml but not found; pass --crds DIR to point at the CRD folder`);
  }
  return parseAllDocuments(fs.readFileSync(file, 'utf8'))
    .map((doc) => doc.toJS())
    .filter((obj) => obj?.kind === 'CustomResourceDefinition');
}

function main(): void {
  const crdsDir = crdsDirFromArgs();
  const byGroup = new Map<string, { crds: any[]; kinds: CrdKind[] }>();
  for (const file of listedSources(crdsDir)) {
    for (const crd of readCrds(file)) {
      const group: string = crd.spec.group;
      const entry = byGroup.get(group) ?? { crds: [], kinds: [] };
      entry.crds.push(crd);
      entry.kinds.push({
        kind: crd.spec.names.kind,
        plural: crd.spec.names.plural,
        scope: crd.spec.scope,
        source: path.relative(crdsDir, file),
        versions: crd.spec.versions.map((v: any) => ({
          name: v.name,
          served: v.served,
          storage: v.storage,
          ...(v.deprecated ? { deprecated: true } : {}),
          schema: v.schema?.openAPIV3Schema ?? null,
        })),
      });
      byGroup.set(group, entry);
    }
  }

  fs.rmSync(importsDir, { recursive: true, force: true });
  fs.mkdirSync(schemasDir, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-crossplane-import-'));
  const cdk8s = path.join(root, 'node_modules', '.bin', 'cdk8s');
  const groups = [...byGroup.keys()].sort();
  for (const group of groups) {
    const { crds, kinds } = byGroup.get(group)!;
    crds.sort((a, b) => a.spec.names.kind.localeCompare(b.spec.names.kind));
    kinds.sort((a, b) => a.kind.localeCompare(b.kind));
    const source = path.join(work, `${group}.yaml`);
    fs.writeFileSync(source, crds.map((crd) => stringify(crd)).join('---\n'));
    const prefix = CLASS_PREFIX[group] ? ['--class-prefix', CLASS_PREFIX[group]] : [];
    execFileSync(cdk8s, ['import', source, '--language', 'typescript', '--output', importsDir, '--no-save', '--no-check-upgrade', ...prefix], {
      cwd: work,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    writeStatusModule(importsDir, group, (apiVersion, kind) =>
      kinds.find((k) => k.kind === kind)?.versions.find((v) => `${group}/${v.name}` === apiVersion)?.schema);
    const doc = { $comment: 'generated by `npm run import` from the CRDs listed in cdk8s.yaml; do not edit', group, kinds };
    fs.writeFileSync(path.join(schemasDir, `${group}.json`), JSON.stringify(doc) + '\n');
    process.stdout.write(`${group}: ${kinds.map((k) => k.kind).join(', ')}\n`);
  }
  fs.rmSync(work, { recursive: true, force: true });
  // Built-in Kubernetes kinds: schemas only (cdk8s and cdk8s-plus provide their classes).
  writeBuiltInSchemas(root, schemasDir, groups);

  const { classes, propertyNames } = readGeneratedModules(groups);
  const index = [
    '// generated by `npm run import`; do not edit',
    '',
    '/** The API groups whose CRD schemas are stored beside this file as `<group>.json`. */',
    `export const SCHEMA_GROUPS: readonly string[] = ${JSON.stringify(groups, null, 2).replace(/"/g, '\'')};`,
    '',
    '/** The folder holding the `<group>.json` schema files. */',
    'export const SCHEMA_DIR: string = __dirname;',
    '',
    '/**',
    ' * The Kubernetes releases whose built-in kinds have schemas, newest first. The first is the',
    ' * default, stored as `<group>.json` here; the others in `kubernetes-<version>/<group>.json`.',
    ' */',
    `export const KUBERNETES_VERSIONS: readonly string[] = [${KUBERNETES_SCHEMA_SOURCES.map((s) => tsString(s.version)).join(', ')}];`,
    '',
    '/** The generated class of one kind and version: its module under `imports/` and its exported name. */',
    'export interface L1ClassRef {',
    '  /** Module file name under `imports/`, without `.ts` (the API group). */',
    '  readonly module: string;',
    '  /** The exported class name. */',
    '  readonly className: string;',
    '}',
    '',
    '/** The class `cdk8s import` generated for each kind and version, keyed by `<apiVersion>, Kind=<kind>`. */',
    `export const L1_CLASSES: Readonly<Record<string, L1ClassRef>> = ${tsRecord(classes, (c) => `{ module: ${tsString(c.module)}, className: ${tsString(c.className)} }`)};`,
    '',
    '/**',
    ' * Schema field names whose generated props name differs (`roleARN` is `roleArn`), keyed by the',
    ' * schema name; every other field keeps its name. `cdk8s import` derives the props name from the',
    ' * schema name alone, so one table serves every module.',
    ' */',
    `export const L1_PROPERTY_NAMES: Readonly<Record<string, string>> = ${tsRecord(propertyNames, tsString)};`,
    '',
  ].join('\n');
  fs.writeFileSync(path.join(schemasDir, 'index.ts'), index);
}

/** Orders strings by code point, so that the output does not depend on the machine's locale. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function tsString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, '\\\'')}'`;
}

function tsRecord<V>(record: Map<string, V>, value: (v: V) => string): string {
  const keys = [...record.keys()].sort(byCodePoint);
  if (keys.length === 0) return '{}';
  return `{\n${keys.map((k) => `  ${tsString(k)}: ${value(record.get(k)!)},`).join('\n')}\n}`;
}

/**
 * Reads the modules `cdk8s import` wrote: every `class X extends ApiObject` with its `GVK`, and
 * every `toJson_*` line `'<schema name>': ...obj.<props name>...` whose two names differ.
 */
function readGeneratedModules(groups: string[]): { classes: Map<string, { module: string; className: string }>; propertyNames: Map<string, string> } {
  const classes = new Map<string, { module: string; className: string }>();
  const propertyNames = new Map<string, string>();
  const fieldRe = /^\s*'([^']+)': .*?\bobj\.([A-Za-z0-9_$]+)/gm;
  for (const module of groups) {
    const source = fs.readFileSync(path.join(importsDir, `${module}.ts`), 'utf8');
    for (const { className, apiVersion, kind } of generatedClasses(source)) {
      const key = `${apiVersion}, Kind=${kind}`;
      if (classes.has(key)) throw new Error(`${module}.ts: ${key} generated twice (${classes.get(key)!.className} and ${className})`);
      classes.set(key, { module, className });
    }
    for (const [, schemaName, propName] of source.matchAll(fieldRe)) {
      if (schemaName === propName) continue;
      const seen = propertyNames.get(schemaName);
      if (seen !== undefined && seen !== propName) throw new Error(`${module}.ts: '${schemaName}' generated as both ${seen} and ${propName}`);
      propertyNames.set(schemaName, propName);
    }
  }
  const apiObjectClasses = groups.reduce((n, g) => n + (fs.readFileSync(path.join(importsDir, `${g}.ts`), 'utf8').match(/ extends ApiObject \{/g) ?? []).length, 0);
  if (apiObjectClasses !== classes.size) throw new Error(`found ${classes.size} classes with a GVK, but the modules hold ${apiObjectClasses} ApiObject classes: the module layout of cdk8s import changed`);
  return { classes, propertyNames };
}

main();
