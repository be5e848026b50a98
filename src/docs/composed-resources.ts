/**
 * The "Composed resources" section of an XRD's page: what each of its Compositions composes, and
 * what the provider schemas in force say of each composed apiVersion. The schemas are the ones
 * validation uses: the bundled imports, overlaid by the CRDs the platform repository lists in
 * the `imports` of its cdk8s.yaml (provider-crds.ts), so the page shows the provider versions
 * the repository runs, and which file each kind's schema comes from.
 */
import { importedGroup, splitApiVersion } from '../schema/imported-schemas';
import { projectCrds } from '../schema/provider-crds';
import { cellText, code, table } from './_markdown';

type Rec = Record<string, unknown>;

const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The templates of a Composition: its P&T step's `resources` (Pipeline mode) or `spec.resources` (Resources mode). */
function templatesOf(composition: Rec): Rec[] {
  const spec = isRec(composition.spec) ? composition.spec : {};
  const steps = Array.isArray(spec.pipeline) ? spec.pipeline.filter(isRec) : [];
  const inputs = steps.map((s) => s.input).filter((i): i is Rec => isRec(i) && i.kind === 'Resources'
    && typeof i.apiVersion === 'string' && i.apiVersion.startsWith('pt.fn.crossplane.io/'));
  const lists = steps.length > 0 ? inputs.map((i) => i.resources) : [spec.resources];
  return lists.flatMap((l) => (Array.isArray(l) ? l.filter(isRec) : []));
}

/** What the schemas in force say of one composed apiVersion and kind, and where the schema comes from. */
function schemaCell(apiVersion: string, kind: string): { scope: string; schema: string } {
  const { group, version } = splitApiVersion(apiVersion);
  const k = importedGroup(group)?.kinds.find((x) => x.kind === kind);
  if (!k) return { scope: '', schema: 'no schema: list its CRD in the imports of cdk8s.yaml' };
  const own = projectCrds()?.groups.get(group)?.kinds.find((x) => x.kind === kind);
  const from = own ? `from ${code(own.source)}` : 'bundled';
  const v = k.versions.find((x) => x.name === version);
  const served = k.versions.filter((x) => x.served).map((x) => x.name);
  const state = !v || !v.served ? `not served (serves ${served.map(code).join(', ') || 'none'})` : v.deprecated ? 'served, deprecated' : 'served';
  return { scope: code(k.scope), schema: `${state}; ${from}` };
}

/**
 * The section for the XRD of `group` and `kind`, listing the resources of every Composition in
 * `compositions` whose `compositeTypeRef` names it, in the order given; undefined when none does.
 */
export function composedResourcesSection(group: string, kind: string, compositions: readonly object[]): string | undefined {
  const mine = compositions.filter((c): c is Rec => {
    const ref = isRec(c) && isRec(c.spec) && isRec(c.spec.compositeTypeRef) ? c.spec.compositeTypeRef : undefined;
    return typeof ref?.apiVersion === 'string' && splitApiVersion(ref.apiVersion).group === group && ref.kind === kind;
  });
  if (mine.length === 0) return undefined;
  const rows: string[][] = [];
  for (const c of mine) {
    const name = isRec(c.metadata) && typeof c.metadata.name === 'string' ? c.metadata.name : '(unnamed)';
    for (const t of templatesOf(c)) {
      const base = isRec(t.base) ? t.base : {};
      const apiVersion = typeof base.apiVersion === 'string' ? base.apiVersion : '';
      const k = typeof base.kind === 'string' ? base.kind : '';
      const cell = apiVersion && k ? schemaCell(apiVersion, k) : { scope: '', schema: 'no base: patches what an earlier step composed' };
      rows.push([code(name), code(typeof t.name === 'string' ? t.name : '(unnamed)'), k ? code(k) : '', apiVersion ? code(apiVersion) : '', cell.scope, cellText(cell.schema)]);
    }
  }
  return [
    '## Composed resources',
    'What each Composition composes, checked against the provider schemas in force: the bundled ones and the CRDs listed in the imports of cdk8s.yaml.',
    rows.length > 0 ? table(['Composition', 'Resource', 'Kind', 'API version', 'Scope', 'Provider schema'], rows) : 'No resource templates.',
  ].join('\n\n');
}
