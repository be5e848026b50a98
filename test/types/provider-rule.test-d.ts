/**
 * Type-level tests of provider rules (checked by `tsc --noEmit`, never run): the L1 class types
 * the applied spec a rule reads and the spec fields it fills in. Each `@ts-expect-error` fails
 * the type check if the line below it compiles.
 */
import { Network } from '../../imports/compute.gcp.m.upbound.io';
import { ProviderRule } from '../../src/simulate';

// The applied spec is the class's spec.
ProviderRule.for(Network, n => ({ atProvider: { selfLink: `https://example.org/${n.spec.forProvider?.project ?? ''}` } }));
// @ts-expect-error no such forProvider field
ProviderRule.for(Network, n => ({ atProvider: { selfLink: String(n.spec.forProvider?.projct) } }));

// Late-initialized spec fields are typed by the class.
ProviderRule.for(Network, { spec: { forProvider: { mtu: 1460 } } });
// @ts-expect-error wrong type for a spec field
ProviderRule.for(Network, { spec: { forProvider: { mtu: '1460' } } });
// @ts-expect-error unknown spec field
ProviderRule.for(Network, { spec: { forProvider: { mtuu: 1460 } } });
