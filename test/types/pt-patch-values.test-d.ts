// Type-level tests of patch values: checked by `tsc` (tsconfig includes test/**), not run by jest.
// Every `@ts-expect-error` below is a patch TypeScript must reject; if the typing loosens, the
// directive becomes unused and `npm run typecheck` fails.
import { ProjectIamMemberProps } from '../../imports/cloudplatform.gcp.m.upbound.io';
import { NetworkProps } from '../../imports/compute.gcp.m.upbound.io';
import { NodePoolProps } from '../../imports/container.gcp.m.upbound.io';
import { Combine, ConvertToType, MatchPattern, Patch, StringConversion, Transform } from '../../src/pt';

interface XR {
  readonly spec: {
    readonly role: string;
    readonly size: 'small' | 'large';
    readonly nodes: number;
    readonly private: boolean;
    readonly condition: { readonly expression: string; readonly title: string };
    readonly labels: Record<string, string>;
    readonly free: any;
    readonly policies: readonly string[];
  };
  readonly status?: { readonly memberId?: string; readonly nodeCount?: number };
}

/** Stands in for the composition helper's typed template. */
declare class Resource<XR, T> {
  addPatch(patch: Patch<XR, T>): void;
}
declare const member: Resource<XR, ProjectIamMemberProps>;
declare const network: Resource<XR, NetworkProps>;
declare const pool: Resource<XR, NodePoolProps>;

// No transform keeps the source type.
member.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.role, m => m.spec.forProvider.role));
member.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.condition, m => m.spec.forProvider.condition));
pool.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.nodes, p => p.spec.forProvider.nodeCount));
network.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.private, n => n.spec.forProvider.autoCreateSubnetworks));
network.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.labels, n => n.metadata.labels));
// A string literal union (a schema enum) into a string field.
network.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.size, n => n.spec.forProvider.description));
// A string into a string enum field: the API server checks the members, P&T copies any string.
network.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.policies, n => n.spec.managementPolicies));
network.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.role, n => n.spec.managementPolicies[0]));
// Free-form sources and string paths are checked at synth time, not by TypeScript.
network.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.free.anything, n => n.spec.forProvider.mtu));
network.addPatch(Patch.fromCompositeFieldPath('spec.role', n => n.spec.forProvider.mtu));
network.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.role, 'spec.forProvider.mtu'));

// string.* and Combine give a string.
network.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.role, n => n.spec.forProvider.description, { transforms: [Transform.string.format('%s-net')] }));
network.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.labels, n => n.spec.forProvider.description, { transforms: [Transform.string.convert(StringConversion.TO_JSON)] }));
network.addPatch(Patch.combineFromComposite(Combine.string('%s-%s', [xr => xr.spec.role, xr => xr.spec.size]), n => n.spec.forProvider.description));
// @ts-expect-error string.format gives a string, and mtu is a number
network.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.nodes, n => n.spec.forProvider.mtu, { transforms: [Transform.convert(ConvertToType.STRING), Transform.string.format('%s')] }));
// @ts-expect-error a Combine gives a string, and autoCreateSubnetworks is a boolean
network.addPatch(Patch.combineFromComposite(Combine.string('%s', [xr => xr.spec.role]), n => n.spec.forProvider.autoCreateSubnetworks));

// convert gives its target type; math gives a number.
network.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.role, n => n.spec.forProvider.mtu, { transforms: [Transform.convert(ConvertToType.INT64)] }));
network.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.role, n => n.spec.forProvider.autoCreateSubnetworks, { transforms: [Transform.convert('bool')] }));
network.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.nodes, n => n.spec.forProvider.description, { transforms: [Transform.convert(ConvertToType.STRING)] }));
pool.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.nodes, p => p.spec.forProvider.nodeCount, { transforms: [Transform.math.multiply(2)] }));
// @ts-expect-error convert to string gives a string, and mtu is a number
network.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.nodes, n => n.spec.forProvider.mtu, { transforms: [Transform.convert(ConvertToType.STRING)] }));
// @ts-expect-error math gives a number, and description is a string
network.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.nodes, n => n.spec.forProvider.description, { transforms: [Transform.math.clampMin(1)] }));

// map and match give the union of their results.
pool.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.size, p => p.spec.forProvider.nodeCount, { transforms: [Transform.map({ small: 1, large: 5 })] }));
network.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.size, n => n.spec.forProvider.description, { transforms: [Transform.match([MatchPattern.literal('small', 'a'), MatchPattern.regexp('^l', 'b')])] }));
// @ts-expect-error map results are numbers or strings, and nodeCount is a number
pool.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.size, p => p.spec.forProvider.nodeCount, { transforms: [Transform.map({ small: 1, large: 'five' })] }));
// @ts-expect-error fallbackToInput adds the (string) input to the results
pool.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.size, p => p.spec.forProvider.nodeCount, { transforms: [Transform.match([MatchPattern.literal('small', 1)], { fallbackToInput: true })] }));
// @ts-expect-error a string fallbackValue joins the results
pool.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.size, p => p.spec.forProvider.nodeCount, { transforms: [Transform.match([MatchPattern.literal('small', 1)], { fallbackValue: 'none' })] }));

// The last transform decides.
network.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.nodes, n => n.spec.forProvider.description, { transforms: [Transform.math.multiply(2), Transform.convert(ConvertToType.STRING)] }));

// ToCompositeFieldPath: the composed value into the XR status.
member.addPatch(Patch.toCompositeFieldPath(m => m.spec.forProvider.member, xr => xr.status.memberId));
pool.addPatch(Patch.toCompositeFieldPath(p => p.spec.forProvider.nodeCount, xr => xr.status.nodeCount));
// @ts-expect-error a number into a string status field
pool.addPatch(Patch.toCompositeFieldPath(p => p.spec.forProvider.nodeCount, xr => xr.status.memberId));

// The example: a string into an object field.
// @ts-expect-error condition is an object, role a string
member.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.role, m => m.spec.forProvider.condition));
// @ts-expect-error an object into a string field
member.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.condition, m => m.spec.forProvider.role));
// @ts-expect-error a number into a string field
member.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.nodes, m => m.spec.forProvider.role));
// @ts-expect-error a boolean into a number field
network.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.private, n => n.spec.forProvider.mtu));
// @ts-expect-error an array into a string field
network.addPatch(Patch.fromCompositeFieldPath(xr => xr.spec.policies, n => n.spec.forProvider.description));
