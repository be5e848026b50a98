// Type-level test: an XR type derived from the schema builder types patch lambdas (not run by jest).
import { Schema, Static } from '../../src/schema';
import { SubnetworkProps } from '../../imports/compute.gcp.m.upbound.io';
import { Patch } from '../../src/pt';

const spec = Schema.object({
  region: Schema.string(),
  tags: Schema.optional(Schema.map(Schema.string())),
  subnets: Schema.array(Schema.object({ cidr: Schema.string() })),
  free: Schema.object({ a: Schema.string() }, { preserveUnknownFields: true }),
});
type XR = { spec: Static<typeof spec> };

declare function addPatch(patch: Patch<XR, SubnetworkProps>): void;
addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.region, r => r.spec.forProvider.region));
addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.tags['team'], r => r.spec.forProvider.description));
addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.subnets[0].cidr, r => r.spec.forProvider.ipCidrRange));
addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.free.anything, r => r.spec.forProvider.description));
// @ts-expect-error typo in a schema-derived XR type
addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.regoin, r => r.spec.forProvider.region));
