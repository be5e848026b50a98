/**
 * What the AWS provider (provider-upjet-aws) reports for the AWS kinds this package ships,
 * beyond the echo of `forProvider`: ids and ARNs, an EKS cluster's endpoint, CA data, OIDC
 * issuer and kubeconfig, a node group's autoscaling group. Made up, shaped as AWS returns
 * them, stable for a resource.
 */
import type { ProviderReport, ProviderRule, SimulatedResource } from './provider-rule';
import { familyRules, simulatedCa, simulatedKubeconfig } from './_families';
import { stableHash } from './gcp';

/** The account id simulated AWS resources belong to. */
const ACCOUNT = '123456789012';

type Fp = Record<string, unknown>;
const fp = (r: SimulatedResource): Fp => ((r.spec as { forProvider?: Fp }).forProvider ?? {});
const region = (r: SimulatedResource): string => (typeof fp(r).region === 'string' ? fp(r).region as string : 'us-east-1');
const hex = (text: string, length: number): string => {
  let out = '';
  for (let i = 0; out.length < length; i++) out += stableHash(`${text}/${i}`).toString(16).padStart(8, '0');
  return out.slice(0, length);
};

const REPORTS: Record<string, Record<string, (r: SimulatedResource) => ProviderReport>> = {
  'ec2.aws': {
    VPC: (r) => {
      const id = `vpc-${hex(r.externalName, 17)}`;
      return { atProvider: { id, arn: `arn:aws:ec2:${region(r)}:${ACCOUNT}:vpc/${id}`, ownerId: ACCOUNT, defaultRouteTableId: `rtb-${hex(`${id}/default`, 17)}`, mainRouteTableId: `rtb-${hex(`${id}/main`, 17)}` } };
    },
    Subnet: (r) => {
      const id = `subnet-${hex(r.externalName, 17)}`;
      const zone = typeof fp(r).availabilityZone === 'string' ? fp(r).availabilityZone as string : `${region(r)}a`;
      return { atProvider: { id, arn: `arn:aws:ec2:${region(r)}:${ACCOUNT}:subnet/${id}`, ownerId: ACCOUNT, availabilityZone: zone } };
    },
  },
  'eks.aws': {
    Cluster: (r) => {
      const h = hex(r.externalName, 32).toUpperCase();
      const endpoint = `https://${h}.gr7.${region(r)}.eks.amazonaws.com`;
      const ca = simulatedCa(r.externalName);
      return {
        atProvider: {
          id: r.externalName, arn: `arn:aws:eks:${region(r)}:${ACCOUNT}:cluster/${r.externalName}`, endpoint, status: 'ACTIVE',
          version: typeof fp(r).version === 'string' ? fp(r).version : '1.33', platformVersion: 'eks.1',
          certificateAuthority: [{ data: ca }], identity: [{ oidc: [{ issuer: `https://oidc.eks.${region(r)}.amazonaws.com/id/${h}` }] }],
        },
        connectionDetails: { kubeconfig: simulatedKubeconfig(r.externalName, endpoint, ca, 'aws') },
      };
    },
    NodeGroup: (r) => {
      const cluster = typeof fp(r).clusterName === 'string' ? fp(r).clusterName as string : '';
      return {
        atProvider: {
          id: `${cluster}:${r.externalName}`, arn: `arn:aws:eks:${region(r)}:${ACCOUNT}:nodegroup/${cluster}/${r.externalName}/${hex(r.externalName, 8)}`,
          status: 'ACTIVE', version: typeof fp(r).version === 'string' ? fp(r).version : '1.33',
          resources: [{ autoscalingGroups: [{ name: `eks-${r.externalName}-${hex(r.externalName, 8)}` }] }],
        },
      };
    },
  },
};

/** The rules for the AWS kinds, every served version of both families. */
export const AWS_RULES: readonly ProviderRule[] = Object.entries(REPORTS).flatMap(([base, kinds]) => familyRules(base, kinds));
