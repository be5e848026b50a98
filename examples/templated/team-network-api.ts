// A platform API written with function-go-templating instead of patch-and-transform: one VPC
// network per team and one subnetwork per requested region, a loop P&T cannot express. The
// network is built in TypeScript (typed by the imported Network class); the subnetworks come
// from a Go template string. Both render offline exactly as the function renders them.
import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { Network } from 'cdk8s-crossplane/imports/compute.gcp.m.upbound.io';
import {
  CompositeResourceDefinition, Composition, GoTemplateSource, goTemplatingStep, MissingKey, Schema,
} from 'cdk8s-crossplane';

/** Subnetworks: one per region, numbered from 10.<n>.0.0/20, named after the team. */
const SUBNETWORKS = `{{- $xr := .observed.composite.resource }}
{{- range $i, $region := $xr.spec.regions }}
---
apiVersion: compute.gcp.m.upbound.io/v1beta1
kind: Subnetwork
metadata:
  name: {{ $xr.metadata.name }}-{{ $region }}
  annotations:
    {{ setResourceNameAnnotation (printf "subnet-%s" $region) }}
spec:
  forProvider:
    region: {{ $region }}
    ipCidrRange: {{ printf "10.%d.0.0/20" (add 10 $i) }}
    networkRef:
      name: {{ $xr.metadata.name }}
  providerConfigRef:
    kind: ClusterProviderConfig
    name: default
{{- end }}
`;

/** A team's network, with a subnetwork in each of its regions. */
export class TeamNetworkApi extends Chart {
  public readonly xrd = new CompositeResourceDefinition(this, 'Definition', {
    group: 'network.example.org',
    names: { kind: 'XTeamNetwork', plural: 'xteamnetworks' },
    version: 'v1alpha1',
    spec: Schema.object({
      regions: Schema.array(Schema.string({ description: 'GCP region, e.g. europe-west1.' }), {
        description: 'Regions that get a subnetwork.', minItems: 1,
      }),
    }),
  });

  public readonly composition = new Composition(this, 'Composition', { xrd: this.xrd });

  public constructor(scope: Construct, id: string) {
    super(scope, id);
    this.composition.addStep(goTemplatingStep({
      step: 'network',
      source: GoTemplateSource.objects((t) => ({
        network: Network.manifest({
          metadata: { name: t.xr('metadata.name') },
          spec: {
            forProvider: { autoCreateSubnetworks: false, description: `Network of team ${t.xr('metadata.name')}` },
            providerConfigRef: { kind: 'ClusterProviderConfig', name: 'default' },
          },
        }),
      })),
    }));
    this.composition.addStep(goTemplatingStep({
      step: 'subnetworks',
      source: GoTemplateSource.inline(SUBNETWORKS),
      missingKey: MissingKey.ERROR,
    }));
  }
}
