// Type-level tests of typed patch paths: checked by `tsc` (tsconfig includes test/**), not run by jest.
import { NetworkProps, SubnetworkProps } from '../../imports/compute.gcp.m.upbound.io';
import {
  Combine, ConnectionDetail, DeepPartial, EnvironmentPatch, fieldPathOf, Patch, PatchSet, ReadinessCheck, Transform,
} from '../../src/pt';

interface MyXR {
  readonly spec: {
    readonly region: string;
    readonly parameters: { readonly cidr: string; readonly nodes?: number; readonly tags?: Record<string, string> };
    readonly subnets: readonly { readonly name: string; readonly cidr: string }[];
  };
  readonly status?: { readonly networkId?: string };
  readonly free?: { readonly known: string; readonly [key: string]: unknown };
  readonly nullable?: { readonly inner: string } | null;
}

/** Stands in for the composition helper's typed template. */
declare class Resource<XR, T> {
  addPatch(patch: Patch<XR, T>): void;
  addReadinessCheck(check: ReadinessCheck<T>): void;
  addConnectionDetail(detail: ConnectionDetail<T>): void;
}
declare const network: Resource<MyXR, NetworkProps>;
declare const subnet: Resource<MyXR, SubnetworkProps>;

// XR and T are inferred from the method the patch is passed to.
network.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.region, r => r.spec.forProvider.description));
subnet.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.region, r => r.spec.forProvider.region));
subnet.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.subnets[0].cidr, r => r.spec.forProvider.ipCidrRange));
subnet.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.parameters.tags['team'], r => r.metadata.labels['team']));
subnet.addPatch(Patch.fromCompositeFieldPath('spec.region', 'spec.forProvider.region', { transforms: [Transform.string.format('%s-1')] }));
subnet.addPatch(Patch.toCompositeFieldPath(r => r.status.atProvider.id, xr => xr.status.networkId));
subnet.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.region, r => r.spec.forProvider.secondaryIpRange['*'].rangeName));
subnet.addPatch(Patch.combineFromComposite(Combine.string('%s-%s', [xr => xr.spec.region, xr => xr.spec.parameters.cidr]), r => r.spec.forProvider.description));
subnet.addPatch(Patch.fromEnvironmentFieldPath('project', r => r.spec.forProvider.project));
subnet.addReadinessCheck(ReadinessCheck.nonEmpty(r => r.status.atProvider.id));
subnet.addReadinessCheck(ReadinessCheck.matchCondition());
subnet.addConnectionDetail(ConnectionDetail.fromFieldPath('cidr', r => r.spec.forProvider.ipCidrRange));

// @ts-expect-error typo on the XR side
subnet.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.regoin, r => r.spec.forProvider.region));
// @ts-expect-error typo on the composed side
subnet.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.region, r => r.spec.forProvider.regoin));
// @ts-expect-error typo on the XR side of a ToCompositeFieldPath
subnet.addPatch(Patch.toCompositeFieldPath(r => r.status.atProvider.id, xr => xr.status.netwrokId));
// @ts-expect-error typo on the composed side of a ToCompositeFieldPath (spec is typed, only status is free-form)
subnet.addPatch(Patch.toCompositeFieldPath(r => r.spec.forProvidr.region, xr => xr.status.networkId));
// @ts-expect-error typo in a combine variable
subnet.addPatch(Patch.combineFromComposite(Combine.string('%s', [xr => xr.spec.regon]), r => r.spec.forProvider.description));
// @ts-expect-error a scalar has no fields
subnet.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.region.length, r => r.spec.forProvider.region));
// @ts-expect-error a patch for another composed type is rejected
subnet.addPatch(Patch.fromCompositeFieldPath<MyXR, NetworkProps>(xr => xr.spec.region, r => r.spec.forProvider.description));
// @ts-expect-error typo in a readiness check path
subnet.addReadinessCheck(ReadinessCheck.matchTrue(r => r.spec.forProvidr.region));

// Patch sets are typed on the XR side.
const common = PatchSet.of<MyXR>('common', [Patch.fromCompositeFieldPath(xr => xr.spec.region, 'spec.forProvider.region')]);
subnet.addPatch(Patch.patchSet(common));
// @ts-expect-error typo inside a typed patch set
PatchSet.of<MyXR>('bad', [Patch.fromCompositeFieldPath(xr => xr.spec.regio, 'spec.forProvider.region')]);

// Environment patches are typed on the XR side.
const envPatches: EnvironmentPatch<MyXR>[] = [EnvironmentPatch.fromCompositeFieldPath(xr => xr.spec.region, 'region')];
void envPatches;
// @ts-expect-error typo in an environment patch's XR path
const badEnv: EnvironmentPatch<MyXR>[] = [EnvironmentPatch.fromCompositeFieldPath(xr => xr.spec.regin, 'region')];
void badEnv;

// Without a typed context, paths are untyped.
const loose: string = fieldPathOf(x => x.anything.goes[3]);
void loose;
const typed: string = fieldPathOf<MyXR>(x => x.spec.parameters.cidr);
void typed;

// DeepPartial makes every field optional, at every depth.
const base: DeepPartial<SubnetworkProps> = { spec: { forProvider: { ipCidrRange: '10.0.0.0/24' } } };
void base;

// Free-form objects (preserve-unknown-fields) accept any key below them; declared keys stay typed.
subnet.addPatch(Patch.fromCompositeFieldPath(xr => xr.free.anything.deeper[2], r => r.spec.forProvider.description));
subnet.addPatch(Patch.fromCompositeFieldPath(xr => xr.free.known, r => r.spec.forProvider.description));
subnet.addPatch(Patch.fromCompositeFieldPath(xr => xr.nullable.inner, r => r.spec.forProvider.description));
// @ts-expect-error typo below a nullable object
subnet.addPatch(Patch.fromCompositeFieldPath(xr => xr.nullable.innr, r => r.spec.forProvider.description));

// Inference also works through arrays and rest parameters.
declare function addPatches(...patches: Patch<MyXR, SubnetworkProps>[]): void;
addPatches(
  Patch.fromCompositeFieldPath(xr => xr.spec.region, r => r.spec.forProvider.region),
  Patch.toCompositeFieldPath(r => r.status.atProvider.id, xr => xr.status.networkId),
);
// @ts-expect-error typo in a rest argument
addPatches(Patch.fromCompositeFieldPath(xr => xr.spec.region, r => r.spec.forProvidr.region));
const list: Patch<MyXR, SubnetworkProps>[] = [Patch.fromCompositeFieldPath(xr => xr.spec.parameters.cidr, r => r.spec.forProvider.ipCidrRange)];
void list;
// @ts-expect-error typo in a connection detail path
subnet.addConnectionDetail(ConnectionDetail.fromFieldPath('cidr', r => r.spec.forProvider.ipCidrRnage));
// @ts-expect-error typo on the XR side of an environment patch writing the XR
const badEnvTo: EnvironmentPatch<MyXR> = EnvironmentPatch.toCompositeFieldPath('region', xr => xr.status.netId);
void badEnvTo;
