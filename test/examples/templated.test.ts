// The go-templating example API, rendered offline as function-go-templating renders it.
import { Testing } from 'cdk8s';
import { renderComposition, setupMatchers } from 'cdk8s-crossplane/testing';
import { TeamNetworkApi } from '../../examples/templated/team-network-api';

setupMatchers();
const api = new TeamNetworkApi(Testing.app(), 'team-network');
const xr = {
  apiVersion: 'network.example.org/v1alpha1', kind: 'XTeamNetwork',
  metadata: { name: 'payments', namespace: 'team-payments' },
  spec: { regions: ['europe-west1', 'us-central1'] },
};

test('one network and one subnetwork per region, numbered in order', () => {
  const r = renderComposition({ composition: api.composition, xr });
  expect(r).toComposeResource('network');
  expect(r).toHaveFieldValue('network', 'metadata.name', 'payments');
  expect(r).toHaveFieldValue('network', 'spec.forProvider.description', 'Network of team payments');
  expect(r).toHaveFieldValue('subnet-europe-west1', 'spec.forProvider.ipCidrRange', '10.10.0.0/20');
  expect(r).toHaveFieldValue('subnet-us-central1', 'spec.forProvider.ipCidrRange', '10.11.0.0/20');
  expect(r).toHaveFieldValue('subnet-us-central1', 'spec.forProvider.networkRef.name', 'payments');
  expect(r.resources).toHaveLength(3);
  expect(r.resources).toBeValidAgainst();
  expect(r.toYaml()).toMatchSnapshot();
});

test('a template error names the step and carries the function\'s message', () => {
  expect(() => renderComposition({ composition: api.composition, xr: { ...xr, spec: {} } }))
    .toThrow(/subnetworks.*cannot execute template: template: manifests:2:.*map has no entry for key "regions"/s);
});
