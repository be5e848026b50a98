/**
 * Type-level tests of typed patch paths on both ends (checked by `tsc --noEmit`, never run).
 * Each `@ts-expect-error` fails the type check if the line below it compiles.
 */
import { Chart, Testing } from 'cdk8s';
import { Network } from '../../imports/compute.gcp.m.upbound.io';
import { Composition } from '../../src/composition';
import { Patch, ReadinessCheck } from '../../src/pt';
import { Schema } from '../../src/schema';
import { CompositeResourceDefinition } from '../../src/xrd';

const chart = new Chart(Testing.app(), 'types');
const xrd = new CompositeResourceDefinition(chart, 'Xrd', {
  group: 'types.example.org',
  names: { kind: 'XNet' },
  version: 'v1',
  spec: Schema.object({ parameters: Schema.object({ region: Schema.string() }) }),
  status: Schema.object({ id: Schema.optional(Schema.string()) }),
});
const comp = new Composition(chart, 'C', { xrd });

// Base props are typed DeepPartial<NetworkProps>.
// @ts-expect-error unknown field in the base
comp.addResource('bad-base', Network, { spec: { forProvider: { autoCreateSubnetwork: false } } });

const net = comp.addResource('network', Network, { spec: { forProvider: { autoCreateSubnetworks: false } } });

// Both ends typed.
net.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.parameters.region, n => n.spec.forProvider.description));
net.addPatch(Patch.toCompositeFieldPath(n => n.status.atProvider.id, xr => xr.status.id));

// @ts-expect-error typo on the XR side
net.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.parameters.regoin, n => n.spec.forProvider.description));

// @ts-expect-error typo on the composed side
net.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.parameters.region, n => n.spec.forProvider.descripton));

// @ts-expect-error typo in a ToCompositeFieldPath target
net.addPatch(Patch.toCompositeFieldPath(n => n.status.atProvider.id, xr => xr.status.idd));

// @ts-expect-error typo in a readiness check path
net.addReadinessCheck(ReadinessCheck.nonEmpty<import('../../imports/compute.gcp.m.upbound.io').NetworkProps>(n => n.spec.forProviderr));

// String paths compile (they are checked at synth).
net.addPatch(Patch.fromCompositeFieldPath('spec.parameters.region', 'spec.forProvider.description'));

// A nested XR is typed by its own XRD's schema on the composed side.
const inner = new CompositeResourceDefinition(chart, 'Inner', {
  group: 'types.example.org',
  names: { kind: 'XInner' },
  version: 'v1',
  spec: Schema.object({ size: Schema.string({ enum: ['small', 'large'] }) }),
});
const nested = comp.addResource('inner', inner, { spec: { size: 'small' } });
nested.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.parameters.region, i => i.spec.size));
// @ts-expect-error typo in the nested XR's spec
nested.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.parameters.region, i => i.spec.sise));
// @ts-expect-error the nested base is typed too
comp.addResource('inner-bad', inner, { spec: { size: 'medium' } });

// A template from an earlier step is typed by the L1 class given.
import { FromPreviousStep } from '../../src/composition';
const produced = comp.addResource('produced', FromPreviousStep.of(Network));
produced.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.parameters.region, n => n.spec.forProvider.description));
// @ts-expect-error typo on the composed side of a FromPreviousStep template
produced.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.parameters.region, n => n.spec.forProvider.descriptio));
