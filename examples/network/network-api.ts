import { Chart, ChartProps } from 'cdk8s';
import { Construct } from 'constructs';
import { Network, NetworkProps, Router, RouterNat, Subnetwork } from 'cdk8s-crossplane/imports/compute.gcp.m.upbound.io';
import { Composition } from 'cdk8s-crossplane';
import { CompositeResource, CompositeResourceDefinition } from 'cdk8s-crossplane';
import { ConvertToType, Patch, PatchSet, ReadinessCheck, StringConversion, Transform } from 'cdk8s-crossplane';
import { Schema, Static } from 'cdk8s-crossplane';

/** The `spec` of an XNetwork: what a team asks for. */
export const networkSpec = Schema.object({
  parameters: Schema.object({
    project: Schema.string({ description: 'GCP project id the network lives in.', minLength: 6, maxLength: 30 }),
    region: Schema.optional(Schema.string({ description: 'Region of the subnetwork, router and NAT.', default: 'europe-west1' })),
    routingMode: Schema.optional(Schema.string({ enum: ['regional', 'global'], default: 'regional', description: 'Dynamic routing scope of the VPC.' })),
    cidr: Schema.optional(Schema.string({ description: 'Primary range of the subnetwork (nodes).', default: '10.0.0.0/20', format: 'cidr' })),
    podsCidr: Schema.optional(Schema.string({ description: 'Secondary range named "pods".', default: '10.4.0.0/14', format: 'cidr' })),
    servicesCidr: Schema.optional(Schema.string({ description: 'Secondary range named "services".', default: '10.8.0.0/20', format: 'cidr' })),
    nat: Schema.optional(Schema.object({
      ipAllocation: Schema.optional(Schema.string({ enum: ['auto', 'manual'], default: 'auto', description: 'How NAT IPs are allocated.' })),
      minPortsPerVm: Schema.optional(Schema.integer({ minimum: 32, maximum: 65536, default: 64 })),
      logErrors: Schema.optional(Schema.boolean({ default: false, description: 'Log NAT translation errors.' })),
    }, { default: {} })),
    providerConfigName: Schema.optional(Schema.string({ default: 'default', description: 'ClusterProviderConfig holding the GCP credentials.' })),
  }, {
    validations: [
      { rule: 'self.cidr != self.podsCidr && self.cidr != self.servicesCidr && self.podsCidr != self.servicesCidr', message: 'cidr, podsCidr and servicesCidr must differ' },
    ],
  }),
});

/** The `status` an XNetwork reports back. */
export const networkStatus = Schema.object({
  networkId: Schema.optional(Schema.string({ description: 'Id of the VPC network.' })),
  selfLink: Schema.optional(Schema.string({ description: 'Self link of the VPC network.' })),
  subnetworkSelfLink: Schema.optional(Schema.string({ description: 'Self link of the subnetwork.' })),
});

/** Namespaced MRs name their ProviderConfig kind explicitly (reference §5, §8.16). */
const providerConfigRef = { kind: 'ClusterProviderConfig', name: 'default' };

/** The XNetwork API (XRD) and its Composition, added to `scope`. */
export class NetworkApi extends Construct {
  /** The XRD `xnetworks.platform.example.org`. */
  public readonly xrd: CompositeResourceDefinition<typeof networkSpec, typeof networkStatus>;
  /** The default Composition: Network, Subnetwork, Router and RouterNAT. */
  public readonly composition: Composition<XNetwork>;
  /** The Composition for private networks without NAT (label `nat: disabled`). */
  public readonly compositionWithoutNat: Composition<XNetwork>;

  public constructor(scope: Construct, id: string) {
    super(scope, id);
    this.xrd = new CompositeResourceDefinition(this, 'Definition', {
      group: 'platform.example.org',
      names: { kind: 'XNetwork', plural: 'xnetworks' },
      version: 'v1alpha1',
      spec: networkSpec,
      status: networkStatus,
      defaultCompositionRef: { name: 'xnetworks.platform.example.org' },
    });

    // Two Compositions for one type: XRs pick one with
    // spec.crossplane.compositionSelector.matchLabels.nat; without a selector the XRD's
    // defaultCompositionRef (the NAT variant) applies (reference §2.1).
    this.composition = new Composition(this, 'Composition', { xrd: this.xrd, labels: { provider: 'gcp', nat: 'enabled' } });
    composeNetwork(this.composition, { nat: true });
    this.compositionWithoutNat = new Composition(this, 'CompositionWithoutNat', {
      xrd: this.xrd, name: 'xnetworks-without-nat.platform.example.org', labels: { provider: 'gcp', nat: 'disabled' },
    });
    composeNetwork(this.compositionWithoutNat, { nat: false });
  }
}

/** The static type of an XNetwork, which types the patch lambdas. */
export type XNetwork = CompositeResource<Static<typeof networkSpec>, Static<typeof networkStatus>>;

/** Options of {@link composeNetwork}. */
interface ComposeNetworkOptions {
  /** Whether a Cloud Router and NAT give the subnetwork outbound internet access. */
  readonly nat: boolean;
}

/** Adds the network resources to `comp`: VPC, subnetwork with secondary ranges, and optionally router + NAT. */
function composeNetwork(comp: Composition<XNetwork>, options: ComposeNetworkOptions): void {
    // Fields every GCP resource takes from the XR.
    comp.addPatchSet(PatchSet.of('gcp', [
      Patch.fromCompositeFieldPath(xr => xr.spec.parameters.project, 'spec.forProvider.project'),
      Patch.fromCompositeFieldPath(xr => xr.spec.parameters.providerConfigName, 'spec.providerConfigRef.name'),
    ]));
    const regional = Patch.fromCompositeFieldPath<any, any>('spec.parameters.region', 'spec.forProvider.region');

    const network = comp.addResource('network', Network, {
      spec: { forProvider: { autoCreateSubnetworks: false, routingMode: 'REGIONAL' }, providerConfigRef },
    });
    network.addPatch(
      Patch.patchSet('gcp'),
      Patch.fromCompositeFieldPath(xr => xr.spec.parameters.routingMode, n => n.spec.forProvider.routingMode, {
        transforms: [Transform.map({ regional: 'REGIONAL', global: 'GLOBAL' })],
      }),
      Patch.fromCompositeFieldPath(xr => xr.metadata.name, n => n.spec.forProvider.description, {
        transforms: [Transform.string.format('VPC of XNetwork %s, managed by Crossplane')],
      }),
      Patch.toCompositeFieldPath(n => n.status.atProvider.id, xr => xr.status.networkId),
      Patch.toCompositeFieldPath(n => n.status.atProvider.selfLink, xr => xr.status.selfLink),
    );

    const subnetwork = comp.addResource('subnetwork', Subnetwork, {
      spec: {
        forProvider: {
          networkSelector: { matchControllerRef: true },
          privateIpGoogleAccess: true,
          // Two entries so the patches below can fill them in by index (reference §8.12).
          secondaryIpRange: [{ rangeName: 'pods' }, { rangeName: 'services' }],
        },
        providerConfigRef,
      },
    });
    subnetwork.addPatch(
      Patch.patchSet('gcp'),
      regional,
      Patch.fromCompositeFieldPath(xr => xr.spec.parameters.cidr, s => s.spec.forProvider.ipCidrRange),
      Patch.fromCompositeFieldPath(xr => xr.spec.parameters.podsCidr, s => s.spec.forProvider.secondaryIpRange[0].ipCidrRange),
      Patch.fromCompositeFieldPath(xr => xr.spec.parameters.servicesCidr, s => s.spec.forProvider.secondaryIpRange[1].ipCidrRange),
      Patch.toCompositeFieldPath('status.atProvider.selfLink', xr => xr.status.subnetworkSelfLink),
    );

    if (!options.nat) return;

    const router = comp.addResource('router', Router, {
      spec: { forProvider: { networkSelector: { matchControllerRef: true } }, providerConfigRef },
    });
    router.addPatch(Patch.patchSet('gcp'), regional);

    const nat = comp.addResource('nat', RouterNat, {
      spec: {
        forProvider: {
          routerSelector: { matchControllerRef: true },
          sourceSubnetworkIpRangesToNat: 'ALL_SUBNETWORKS_ALL_IP_RANGES',
          natIpAllocateOption: 'AUTO_ONLY',
          logConfig: { enable: false, filter: 'ERRORS_ONLY' },
        },
        providerConfigRef,
      },
    }, { readinessChecks: [ReadinessCheck.matchCondition({ type: 'Ready', status: 'True' })] });
    nat.addPatch(
      Patch.patchSet('gcp'),
      regional,
      Patch.fromCompositeFieldPath(xr => xr.spec.parameters.nat.ipAllocation, r => r.spec.forProvider.natIpAllocateOption, {
        transforms: [Transform.string.convert(StringConversion.TO_UPPER), Transform.string.format('%s_ONLY')],
      }),
      // XR integers arrive as float64: convert before writing an integer field (reference §8.13).
      Patch.fromCompositeFieldPath(xr => xr.spec.parameters.nat.minPortsPerVm, r => r.spec.forProvider.minPortsPerVm, {
        transforms: [Transform.convert(ConvertToType.INT64)],
      }),
      Patch.fromCompositeFieldPath(xr => xr.spec.parameters.nat.logErrors, r => r.spec.forProvider.logConfig.enable),
    );
}

/** A chart holding the XNetwork API: what `examples/main.ts` synthesizes to `dist/network.k8s.yaml`. */
export class NetworkChart extends Chart {
  /** The API. */
  public readonly api: NetworkApi;

  public constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    this.api = new NetworkApi(this, 'XNetwork');
  }
}

/** The props type of the composed Network, re-exported for tests of typed patches. */
export type { NetworkProps };
