/**
 * Type-level tests: a base typed `DeepPartial<Props>` accepts the literal values of the generated
 * string enums, as a base copied from YAML writes them (checked by `tsc --noEmit`, never run).
 * Each `@ts-expect-error` fails the type check if the line below it compiles.
 */
import { Chart, Testing } from 'cdk8s';
import { Network, NetworkProps, NetworkSpecDeletionPolicy, NetworkSpecManagementPolicies } from '../../imports/compute.gcp.upbound.io';
import { Composition } from '../../src/composition';
import { DeepPartial } from '../../src/pt';
import { Schema } from '../../src/schema';
import { CompositeResourceDefinition } from '../../src/xrd';

const chart = new Chart(Testing.app(), 'types');
const xrd = new CompositeResourceDefinition(chart, 'Xrd', {
  group: 'types.example.org',
  names: { kind: 'XEnumNet' },
  version: 'v1',
  spec: Schema.object({ region: Schema.string() }),
});
const comp = new Composition(chart, 'C', { xrd });

// The literal value of a string enum member, as YAML writes it.
comp.addResource('net', Network, { spec: { deletionPolicy: 'Delete' } });
// The enum member itself still works.
comp.addResource('net-member', Network, { spec: { deletionPolicy: NetworkSpecDeletionPolicy.ORPHAN } });
// Literal values inside arrays of enums.
comp.addResource('net-observe', Network, { spec: { managementPolicies: ['Observe', 'LateInitialize', '*'] } });
// Mixed members and literals in one array.
comp.addResource('net-mixed', Network, { spec: { managementPolicies: [NetworkSpecManagementPolicies.CREATE, 'Update'] } });

// @ts-expect-error a value outside the enum
comp.addResource('net-bad', Network, { spec: { deletionPolicy: 'Remove' } });
// @ts-expect-error the enum values are case-sensitive
comp.addResource('net-case', Network, { spec: { deletionPolicy: 'delete' } });
// @ts-expect-error a value outside the enum, inside an array
comp.addResource('net-bad-array', Network, { spec: { managementPolicies: ['Observe', 'Watch'] } });

// The same rules on the type itself, at depth.
const base: DeepPartial<NetworkProps> = { spec: { deletionPolicy: 'Orphan', providerConfigRef: { name: 'default', policy: { resolution: 'Optional' } } } };
// @ts-expect-error a value outside a nested enum
const badNested: DeepPartial<NetworkProps> = { spec: { providerConfigRef: { policy: { resolution: 'Sometimes' } } } };
// Plain strings stay plain strings: any value is accepted where the schema has no enum.
const free: DeepPartial<NetworkProps> = { spec: { forProvider: { description: 'any text' } } };
// @ts-expect-error numbers and booleans are not widened to strings
const wrongType: DeepPartial<NetworkProps> = { spec: { forProvider: { autoCreateSubnetworks: 'false' } } };

export { base, badNested, free, wrongType };
