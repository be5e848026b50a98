import { cloneJson } from '../_clone-json';
import { importedGroup } from '../schema/imported-schemas';
import { PT_INPUT_API_VERSION } from './resources-to-pipeline';

/**
 * `--target v2`: migrates legacy (Crossplane v1) XRDs and their Pipeline Compositions to
 * Crossplane v2 at the YAML level (reference §5). Rules, in order (test names follow them):
 *
 * | rule | input | output |
 * |---|---|---|
 * | V1 | XRD `apiextensions.crossplane.io/v1` | `apiextensions.crossplane.io/v2` |
 * | V2 | scope `LegacyCluster` or absent | `Namespaced` when every composed kind is, or has a namespaced `.m.` twin (V6); otherwise `Cluster`, bases unchanged, with a note naming each blocking kind |
 * | V3 | `claimNames` | removed: XRs are created directly (in a namespace) |
 * | V4 | `connectionSecretKeys` | removed: P&T composes a Secret with every connection detail in the XR's namespace (§3.10) |
 * | V5 | `defaultCompositeDeletePolicy` | removed (claims only) |
 * | V6 | composed base `<service>.<provider>.<domain>` (`upbound.io`, `crossplane.io`) | `<service>.<provider>.m.<domain>` when the imports know that kind at the same version and it is namespaced |
 * | V7 | migrated base | `spec.deletionPolicy` removed (use managementPolicies); `spec.providerConfigRef` gets `kind: ClusterProviderConfig` (v1 ProviderConfigs were cluster scoped); `spec.writeConnectionSecretToRef.namespace` removed (same namespace only) |
 * | V8 | Composition `writeConnectionSecretsToNamespace`, `publishConnectionDetailsWithStoreConfigRef` | removed |
 * | V9 | schema properties `spec.crossplane` and `status.conditions` declared by the user | removed by the converter for every modern XRD, migrated or not ({@link removeInjected}) |
 *
 * Everything that still needs a person (patches writing removed fields, patches reading claim
 * fields, kinds of unknown scope) is listed in the notes, never changed silently.
 */

type Obj = Record<string, unknown>;

/** A note about one migrated document. */
export interface MigrationNote {
  /** Index in the `documents` array given to {@link migrateToV2}. */
  readonly document: number;
  /** Field path in that document. */
  readonly field: string;
  /** What was changed or needs attention. */
  readonly message: string;
}

/** What {@link migrateToV2} returns. */
export interface V2Migration {
  /** The documents, migrated (copies; same order as the input). */
  readonly objects: Obj[];
  /** Everything changed or left for a person, by document. */
  readonly notes: MigrationNote[];
}

interface KindEntry {
  readonly kind: string;
  readonly scope: 'Namespaced' | 'Cluster';
  readonly versions: readonly { readonly name: string }[];
}

function kindsOf(group: string): readonly KindEntry[] | undefined {
  return importedGroup(group)?.kinds;
}

/** `s3.aws.upbound.io` -> `s3.aws.m.upbound.io`; undefined for groups without a `.m.` family. */
export function namespacedGroupOf(group: string): string | undefined {
  const m = /^(.+)\.(upbound\.io|crossplane\.io)$/.exec(group);
  if (!m || /(^|\.)m$/.test(m[1]) || group === 'apiextensions.crossplane.io' || group === 'pkg.crossplane.io') return undefined;
  return `${m[1]}.m.${m[2]}`;
}

const CORE_CLUSTER = new Set(['Namespace', 'Node', 'PersistentVolume', 'ClusterRole', 'ClusterRoleBinding', 'StorageClass', 'CustomResourceDefinition']);

type Plan = { readonly kind: 'keep' } | { readonly kind: 'move'; readonly apiVersion: string } | { readonly kind: 'blocked'; readonly why: string };

/** What V6 does with one composed base. */
function planBase(apiVersion: string, kind: string): Plan {
  const i = apiVersion.lastIndexOf('/');
  const group = i < 0 ? '' : apiVersion.slice(0, i);
  const version = apiVersion.slice(i + 1);
  const own = kindsOf(group)?.find(k => k.kind === kind);
  if (own?.scope === 'Namespaced') return { kind: 'keep' };
  if (group === '' || !group.includes('.') || group.endsWith('.k8s.io')) {
    return CORE_CLUSTER.has(kind) ? { kind: 'blocked', why: `${kind} is cluster scoped` } : { kind: 'keep' };
  }
  const mGroup = namespacedGroupOf(group);
  const twin = mGroup ? kindsOf(mGroup)?.find(k => k.kind === kind) : undefined;
  if (twin && twin.scope === 'Namespaced' && twin.versions.some(v => v.name === version)) return { kind: 'move', apiVersion: `${mGroup}/${version}` };
  if (twin) return { kind: 'blocked', why: `${mGroup} has ${kind} but not at version ${version} (has ${twin.versions.map(v => v.name).join(', ')}); its schema differs, so it is not switched automatically` };
  if (own) return { kind: 'blocked', why: `${apiVersion} ${kind} is cluster scoped and no namespaced twin is known` };
  return { kind: 'blocked', why: `the scope of ${apiVersion} ${kind} is unknown (not in imports/)` };
}

function ptInputs(composition: Obj): { input: Obj; at: string }[] {
  const pipeline = ((composition.spec as Obj | undefined)?.pipeline ?? []) as Obj[];
  if (!Array.isArray(pipeline)) return [];
  return pipeline.map((s, i) => ({ input: s?.input as Obj, at: `spec.pipeline[${i}].input` }))
    .filter(x => x.input?.apiVersion === PT_INPUT_API_VERSION && x.input.kind === 'Resources');
}

function templates(input: Obj): Obj[] {
  return (Array.isArray(input.resources) ? input.resources : []).filter(r => r !== null && typeof r === 'object') as Obj[];
}

const CLAIM_READS = [/^spec\.claimRef\b/, /crossplane\.io\/claim-(name|namespace)/];
const REMOVED_WRITES = [/^spec\.deletionPolicy$/, /^spec\.writeConnectionSecretToRef\.namespace$/];

/**
 * Migrates legacy XRDs among `documents` (plain objects: XRDs and Pipeline Compositions; convert
 * Resources mode first) to v2, with their Compositions. Compositions of XRDs that are not legacy
 * (or not in the batch) are left unchanged. Never throws on user data.
 */
export function migrateToV2(documents: readonly Obj[]): V2Migration {
  const objects = documents.map(d => cloneJson(d));
  const notes: MigrationNote[] = [];
  const note = (document: number, field: string, message: string) => notes.push({ document, field, message });
  const isXrd = (o: Obj) => o.kind === 'CompositeResourceDefinition';
  objects.forEach((xrd, xi) => {
    if (!isXrd(xrd)) return;
    const spec = (xrd.spec ?? {}) as Obj;
    const legacy = xrd.apiVersion === 'apiextensions.crossplane.io/v1' && (spec.scope === undefined || spec.scope === 'LegacyCluster');
    if (xrd.apiVersion === 'apiextensions.crossplane.io/v1') {
      xrd.apiVersion = 'apiextensions.crossplane.io/v2'; // V1
    }
    if (!legacy) return;
    const names = (spec.names ?? {}) as Obj;
    const comps = objects.map((c, ci) => ({ c, ci })).filter(({ c }) => c.kind === 'Composition'
      && ((c.spec as Obj | undefined)?.compositeTypeRef as Obj | undefined)?.kind === names.kind
      && String(((c.spec as Obj).compositeTypeRef as Obj).apiVersion ?? '').split('/')[0] === spec.group);
    // V2: Namespaced only when every composed kind can live in the XR's namespace.
    const blockers: string[] = [];
    for (const { c, ci } of comps) {
      for (const { input, at } of ptInputs(c)) {
        templates(input).forEach((t, ti) => {
          const base = t.base as Obj | undefined;
          if (!base || typeof base.apiVersion !== 'string' || typeof base.kind !== 'string') return;
          const plan = planBase(base.apiVersion, base.kind);
          if (plan.kind === 'blocked') {
            blockers.push(`${String(t.name ?? ti)} (${plan.why})`);
            note(ci, `${at}.resources[${ti}].base`, `not migrated: ${plan.why}`);
          }
        });
      }
    }
    const scope = blockers.length === 0 ? 'Namespaced' : 'Cluster';
    spec.scope = scope;
    note(xi, 'spec.scope', scope === 'Namespaced'
      ? 'LegacyCluster becomes Namespaced: XRs now live in a namespace and compose namespaced resources there'
      : `LegacyCluster becomes Cluster, because these composed resources cannot be namespaced: ${blockers.join('; ')}`);
    if (spec.claimNames !== undefined) { // V3
      note(xi, 'spec.claimNames', `removed: v2 XRDs have no claims; create ${String(names.kind)} XRs directly${scope === 'Namespaced' ? ' in the namespace where the claims were' : ''}`);
      delete spec.claimNames;
    }
    if (spec.connectionSecretKeys !== undefined) { // V4
      const keys = Array.isArray(spec.connectionSecretKeys) ? spec.connectionSecretKeys.join(', ') : String(spec.connectionSecretKeys);
      note(xi, 'spec.connectionSecretKeys', `removed: function-patch-and-transform now writes every connection detail into a Secret '<xr-name>-connection' in the XR's namespace (reference §3.10); the key filter (${keys || 'none'}) no longer applies`);
      delete spec.connectionSecretKeys;
    }
    if (spec.defaultCompositeDeletePolicy !== undefined) { // V5
      note(xi, 'spec.defaultCompositeDeletePolicy', 'removed: it only applied to claims');
      delete spec.defaultCompositeDeletePolicy;
    }
    for (const { c, ci } of comps) migrateComposition(c, ci, scope === 'Namespaced', note);
  });
  return { objects, notes };
}

/**
 * V9, also applied by the converter to every modern (Namespaced or Cluster) XRD: removes the
 * user's declarations of `spec.crossplane` and `status.conditions`, which Crossplane injects
 * and overrides (reference §1.5), and which the XRD construct rejects.
 */
export function removeInjected(spec: Obj, xi: number, note: (d: number, field: string, message: string) => void): void {
  const versions = Array.isArray(spec.versions) ? spec.versions as Obj[] : [];
  versions.forEach((v, i) => {
    const root = ((v?.schema as Obj | undefined)?.openAPIV3Schema as Obj | undefined)?.properties as Obj | undefined;
    for (const [part, name] of [['spec', 'crossplane'], ['status', 'conditions']] as const) {
      const props = (root?.[part] as Obj | undefined)?.properties as Obj | undefined;
      if (props && typeof props === 'object' && name in props) {
        delete props[name];
        const required = (root![part] as Obj).required;
        if (Array.isArray(required) && required.includes(name)) {
          const rest = required.filter(r => r !== name);
          if (rest.length > 0) (root![part] as Obj).required = rest;
          else delete (root![part] as Obj).required;
        }
        note(xi, `spec.versions[${i}].schema.openAPIV3Schema.properties.${part}.properties.${name}`,
          'removed: Crossplane injects this field into v2 XRs and overrides a user declaration of it (reference §1.5)');
      }
    }
  });
}

function migrateComposition(c: Obj, ci: number, moveBases: boolean, note: (d: number, field: string, message: string) => void): void {
  const spec = c.spec as Obj;
  if (spec.writeConnectionSecretsToNamespace !== undefined) { // V8
    note(ci, 'spec.writeConnectionSecretsToNamespace', 'removed: XRs of v2 XRDs get their connection Secret from function-patch-and-transform, in the XR\'s namespace (reference §3.10)');
    delete spec.writeConnectionSecretsToNamespace;
  }
  if (spec.publishConnectionDetailsWithStoreConfigRef !== undefined) {
    note(ci, 'spec.publishConnectionDetailsWithStoreConfigRef', 'removed: Crossplane v2 has no external secret stores');
    delete spec.publishConnectionDetailsWithStoreConfigRef;
  }
  for (const { input, at } of ptInputs(c)) {
    templates(input).forEach((t, ti) => {
      const where = `${at}.resources[${ti}]`;
      for (const [pi, p] of (Array.isArray(t.patches) ? t.patches : []).entries()) {
        const from = [String((p as Obj)?.fromFieldPath ?? ''), ...(((p as Obj)?.combine as Obj | undefined)?.variables as Obj[] ?? []).map(v => String(v?.fromFieldPath ?? ''))];
        if (from.some(f => CLAIM_READS.some(r => r.test(f)))) note(ci, `${where}.patches[${pi}]`, 'reads a claim field, which v2 XRs do not have: rewrite or remove this patch');
      }
      const base = t.base as Obj | undefined;
      if (!moveBases || !base || typeof base.apiVersion !== 'string' || typeof base.kind !== 'string') return;
      const plan = planBase(base.apiVersion, base.kind);
      if (plan.kind !== 'move') return;
      note(ci, `${where}.base.apiVersion`, `${base.apiVersion} becomes ${plan.apiVersion}, the namespaced ${base.kind}`); // V6
      base.apiVersion = plan.apiVersion;
      const bs = base.spec as Obj | undefined;
      if (bs && typeof bs === 'object') { // V7
        if (bs.deletionPolicy !== undefined) {
          note(ci, `${where}.base.spec.deletionPolicy`, `removed: namespaced managed resources have no deletionPolicy; to keep the external resource ('${String(bs.deletionPolicy)}') use spec.managementPolicies`);
          delete bs.deletionPolicy;
        }
        const pcr = bs.providerConfigRef as Obj | undefined;
        if (pcr && typeof pcr === 'object' && pcr.kind === undefined) {
          pcr.kind = 'ClusterProviderConfig';
          note(ci, `${where}.base.spec.providerConfigRef.kind`, 'set to ClusterProviderConfig, the cluster-wide config the v1 ProviderConfig was; use ProviderConfig for one in the XR\'s namespace');
        }
        const wcs = bs.writeConnectionSecretToRef as Obj | undefined;
        if (wcs && typeof wcs === 'object' && wcs.namespace !== undefined) {
          note(ci, `${where}.base.spec.writeConnectionSecretToRef.namespace`, 'removed: namespaced managed resources write their Secret in their own namespace');
          delete wcs.namespace;
        }
      }
      for (const [pi, p] of (Array.isArray(t.patches) ? t.patches : []).entries()) {
        const to = String((p as Obj)?.toFieldPath ?? '');
        if (REMOVED_WRITES.some(r => r.test(to))) note(ci, `${where}.patches[${pi}].toFieldPath`, `writes ${to}, which namespaced managed resources do not have: remove this patch`);
        if (to === 'spec.providerConfigRef.name') note(ci, `${where}.patches[${pi}]`, 'patches the provider config name: check that providerConfigRef.kind matches the config it names');
      }
    });
  }
}
