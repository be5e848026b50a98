import { migrateToV2 as migrate, MigrationNote, namespacedGroupOf, removeInjected } from '../../src/convert/migrate-v2';

type Obj = Record<string, any>;

/** The migration with its objects typed loosely, for terse assertions. */
const migrateToV2 = (docs: Obj[]) => migrate(docs) as { objects: Obj[]; notes: ReturnType<typeof migrate>['notes'] };

function legacyXrd(extra: Obj = {}): Obj {
  return {
    apiVersion: 'apiextensions.crossplane.io/v1', kind: 'CompositeResourceDefinition', metadata: { name: 'xnetworks.aws.example.org' },
    spec: {
      group: 'aws.example.org', names: { kind: 'XNetwork', plural: 'xnetworks' },
      claimNames: { kind: 'Network', plural: 'networks' }, connectionSecretKeys: ['id'], defaultCompositeDeletePolicy: 'Foreground',
      versions: [{ name: 'v1alpha1', served: true, referenceable: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: {} } } } } }],
      ...extra,
    },
  };
}

function composition(resources: Obj[]): Obj {
  return {
    apiVersion: 'apiextensions.crossplane.io/v1', kind: 'Composition', metadata: { name: 'xnetworks.aws.example.org' },
    spec: {
      compositeTypeRef: { apiVersion: 'aws.example.org/v1alpha1', kind: 'XNetwork' },
      writeConnectionSecretsToNamespace: 'crossplane-system',
      mode: 'Pipeline',
      pipeline: [{ step: 'patch-and-transform', functionRef: { name: 'function-patch-and-transform' }, input: { apiVersion: 'pt.fn.crossplane.io/v1beta1', kind: 'Resources', resources } }],
    },
  };
}

const vpc = {
  name: 'vpc',
  base: {
    apiVersion: 'ec2.aws.upbound.io/v1beta1', kind: 'VPC',
    spec: { deletionPolicy: 'Orphan', providerConfigRef: { name: 'default' }, writeConnectionSecretToRef: { namespace: 'crossplane-system' }, forProvider: { region: 'eu-west-1' } },
  },
  patches: [
    { type: 'FromCompositeFieldPath', fromFieldPath: 'spec.claimRef.namespace', toFieldPath: 'metadata.labels[team]' },
    { type: 'FromCompositeFieldPath', fromFieldPath: 'metadata.uid', toFieldPath: 'spec.writeConnectionSecretToRef.namespace' },
  ],
};

describe('migrateToV2', () => {
  test('V1-V5: a legacy XRD becomes a namespaced v2 XRD without claims, connection keys or delete policy', () => {
    const r = migrateToV2([legacyXrd(), composition([vpc])]);
    const xrd = r.objects[0];
    expect(xrd.apiVersion).toBe('apiextensions.crossplane.io/v2');
    expect(xrd.spec.scope).toBe('Namespaced');
    expect(xrd.spec.claimNames).toBeUndefined();
    expect(xrd.spec.connectionSecretKeys).toBeUndefined();
    expect(xrd.spec.defaultCompositeDeletePolicy).toBeUndefined();
    expect(r.notes.filter(n => n.document === 0).map(n => n.field)).toEqual(['spec.scope', 'spec.claimNames', 'spec.connectionSecretKeys', 'spec.defaultCompositeDeletePolicy']);
    expect(r.notes.find(n => n.field === 'spec.connectionSecretKeys')?.message).toMatch(/the key filter \(id\) no longer applies$/);
  });

  test('V6-V8: managed resources move to their namespaced .m. twin, with the fields v2 MRs do not have removed', () => {
    const r = migrateToV2([legacyXrd(), composition([vpc])]);
    const c = r.objects[1];
    expect(c.spec.writeConnectionSecretsToNamespace).toBeUndefined();
    const base = c.spec.pipeline[0].input.resources[0].base;
    expect(base).toEqual({
      apiVersion: 'ec2.aws.m.upbound.io/v1beta1', kind: 'VPC',
      spec: { providerConfigRef: { name: 'default', kind: 'ClusterProviderConfig' }, writeConnectionSecretToRef: {}, forProvider: { region: 'eu-west-1' } },
    });
    const fields = r.notes.filter(n => n.document === 1).map(n => n.field);
    expect(fields).toEqual([
      'spec.writeConnectionSecretsToNamespace',
      'spec.pipeline[0].input.resources[0].patches[0]',
      'spec.pipeline[0].input.resources[0].base.apiVersion',
      'spec.pipeline[0].input.resources[0].base.spec.deletionPolicy',
      'spec.pipeline[0].input.resources[0].base.spec.providerConfigRef.kind',
      'spec.pipeline[0].input.resources[0].base.spec.writeConnectionSecretToRef.namespace',
      'spec.pipeline[0].input.resources[0].patches[1].toFieldPath',
    ]);
    expect(r.notes.find(n => n.field.endsWith('patches[0]'))?.message).toMatch(/reads a claim field/);
  });

  test('V2: a kind with no namespaced twin at the same version keeps the XR cluster scoped and the bases unchanged', () => {
    const cluster = { name: 'gke', base: { apiVersion: 'container.gcp.upbound.io/v1beta2', kind: 'Cluster', spec: {} } };
    const r = migrateToV2([legacyXrd(), composition([vpc, cluster])]);
    expect(r.objects[0].spec.scope).toBe('Cluster');
    expect(r.objects[1].spec.pipeline[0].input.resources[0].base.apiVersion).toBe('ec2.aws.upbound.io/v1beta1');
    expect(r.notes.find(n => n.field === 'spec.scope')?.message).toMatch(/gke \(container\.gcp\.m\.upbound\.io has Cluster but not at version v1beta2 \(has v1beta1\)/);
  });

  test('V2: core namespaced kinds stay, cluster-scoped core kinds block', () => {
    const cm = { name: 'cm', base: { apiVersion: 'v1', kind: 'ConfigMap' } };
    expect(migrateToV2([legacyXrd(), composition([cm])]).objects[0].spec.scope).toBe('Namespaced');
    const ns = { name: 'ns', base: { apiVersion: 'v1', kind: 'Namespace' } };
    expect(migrateToV2([legacyXrd(), composition([ns])]).objects[0].spec.scope).toBe('Cluster');
  });

  test('XRDs that are not legacy only change API version; their Compositions are untouched', () => {
    const r = migrateToV2([legacyXrd({ scope: 'Cluster', claimNames: undefined, connectionSecretKeys: undefined, defaultCompositeDeletePolicy: undefined }), composition([vpc])]);
    expect(r.objects[0].apiVersion).toBe('apiextensions.crossplane.io/v2');
    expect(r.objects[0].spec.scope).toBe('Cluster');
    expect(r.objects[1]).toEqual(composition([vpc]));
  });

  test('V9: user declarations of the fields Crossplane injects are removed, with a note', () => {
    const xrd = legacyXrd();
    xrd.spec.versions[0].schema.openAPIV3Schema.properties.status = {
      type: 'object', required: ['conditions'], properties: { conditions: { type: 'array', items: { type: 'object' } }, ready: { type: 'boolean' } },
    };
    const notes: MigrationNote[] = [];
    removeInjected(xrd.spec, 0, (document, field, message) => notes.push({ document, field, message }));
    expect(xrd.spec.versions[0].schema.openAPIV3Schema.properties.status).toEqual({ type: 'object', properties: { ready: { type: 'boolean' } } });
    expect(notes.map(n => n.field)).toEqual(['spec.versions[0].schema.openAPIV3Schema.properties.status.properties.conditions']);
  });

  test('namespacedGroupOf inserts m before the provider domain', () => {
    expect(namespacedGroupOf('ec2.aws.upbound.io')).toBe('ec2.aws.m.upbound.io');
    expect(namespacedGroupOf('kubernetes.crossplane.io')).toBe('kubernetes.m.crossplane.io');
    expect(namespacedGroupOf('ec2.aws.m.upbound.io')).toBeUndefined();
    expect(namespacedGroupOf('apiextensions.crossplane.io')).toBeUndefined();
    expect(namespacedGroupOf('example.org')).toBeUndefined();
  });
});
