/** Small Compositions and XRs for render tests. */
export const XR = {
  apiVersion: 'example.org/v1', kind: 'XNetwork',
  metadata: { name: 'net', uid: 'uid-1' },
  spec: { region: 'eu-west-1', cidr: '10.0.0.0/16' },
};

export function composition(steps: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'apiextensions.crossplane.io/v1', kind: 'Composition',
    metadata: { name: 'xnetworks', ...(extra.metadata as object ?? {}) },
    spec: { compositeTypeRef: { apiVersion: 'example.org/v1', kind: 'XNetwork' }, mode: 'Pipeline', pipeline: steps },
  };
}

export function ptStep(resources: unknown[], extra: Record<string, unknown> = {}, name = 'function-patch-and-transform'): Record<string, unknown> {
  return {
    step: 'patch-and-transform', functionRef: { name },
    input: { apiVersion: 'pt.fn.crossplane.io/v1beta1', kind: 'Resources', resources, ...extra },
  };
}

export const AUTO_READY = { step: 'automatically-detect-ready-composed-resources', functionRef: { name: 'function-auto-ready' } };

export const VPC = {
  name: 'vpc',
  base: { apiVersion: 'ec2.aws.upbound.io/v1beta1', kind: 'VPC', spec: { forProvider: { enableDnsSupport: true } } },
  patches: [
    { fromFieldPath: 'spec.region', toFieldPath: 'spec.forProvider.region' },
    { fromFieldPath: 'spec.cidr', toFieldPath: 'spec.forProvider.cidrBlock' },
  ],
};
