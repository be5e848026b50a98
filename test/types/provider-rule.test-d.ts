/**
 * Type-level tests of provider rules (checked by `tsc --noEmit`, never run): the L1 class types
 * the applied spec a rule reads and the spec fields it fills in, and its generated status module
 * types the status fields it reports. Each `@ts-expect-error` fails
 * the type check if the line below it compiles.
 */
import { ServiceAccount, type ServiceAccountProps } from '../../imports/cloudplatform.gcp.m.upbound.io';
import { Network } from '../../imports/compute.gcp.m.upbound.io';
import { Cluster } from '../../imports/container.gcp.m.upbound.io';
import { ProviderRule, type ProviderKind, type ProviderReport } from '../../src/simulate';

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

// Status fields are typed by the status module generated beside the class
// (imports/<group>.status.ts): a misspelt or mistyped atProvider field is a compile error.
ProviderRule.for(ServiceAccount, sa => ({ atProvider: { email: `${sa.externalName}@example.iam.gserviceaccount.com`, disabled: false } }));
ProviderRule.for(ServiceAccount, { atProvider: { email: 'sa@example.iam.gserviceaccount.com' } });
// @ts-expect-error misspelt atProvider field (a function's report)
ProviderRule.for(ServiceAccount, sa => ({ atProvider: { emial: `${sa.externalName}@example.iam.gserviceaccount.com` } }));
// @ts-expect-error misspelt atProvider field (a fixed report)
ProviderRule.for(ServiceAccount, { atProvider: { emial: 'sa@example.iam.gserviceaccount.com' } });
// TypeScript checks a function's returned literal for unknown fields only when the function
// declares its return type (or when every field is unknown, as above); otherwise the run-time
// check reports it on the first reconcile.
// @ts-expect-error misspelt atProvider field beside a correct one, return type declared
ProviderRule.for(ServiceAccount, (sa): ProviderReport<ServiceAccountProps> => ({ atProvider: { email: sa.externalName, emial: sa.externalName } }));
// @ts-expect-error wrong type for an atProvider field
ProviderRule.for(ServiceAccount, { atProvider: { disabled: 'no' } });
// Nested atProvider fields and other status fields are typed too.
ProviderRule.for(Cluster, { atProvider: { endpoint: '203.0.113.1', masterAuth: { clusterCaCertificate: 'Q0E=' } }, status: { observedGeneration: 1 } });
// @ts-expect-error misspelt nested atProvider field
ProviderRule.for(Cluster, { atProvider: { masterAuth: { clusterCaCertificat: 'Q0E=' } } });
// @ts-expect-error misspelt status field
ProviderRule.for(Cluster, { status: { observedGeneraton: 1 } });

// A props type without a status type keeps the untyped report (checked at run time only).
declare const untyped: ProviderKind<{ spec?: { forProvider?: { name?: string } } }>;
ProviderRule.for(untyped, { atProvider: { anything: 1 }, status: { phase: 'Ready' } });
