// The README's quickstart API, rendered and validated as its "test it" section shows. The block
// between the markers is copied verbatim into README.md (test/readme.test.ts checks).
import { ProviderRule } from 'cdk8s-crossplane';
import { ServiceAccount } from 'cdk8s-crossplane/imports/cloudplatform.gcp.m.upbound.io';
import { simulateComposition } from 'cdk8s-crossplane/testing';
// --- quickstart test ---
import { Testing } from 'cdk8s';
import { renderComposition, setupMatchers } from 'cdk8s-crossplane/testing';
import { ServiceAccountApi } from '../../examples/quickstart/service-account-api';

setupMatchers();
const api = new ServiceAccountApi(Testing.app(), 'service-account');
const xr = {
  apiVersion: 'iam.example.org/v1alpha1', kind: 'XServiceAccount',
  metadata: { name: 'ci-deployer', namespace: 'team-a' },
  spec: { project: 'acme-prod', role: 'editor' },
};

test('a new XServiceAccount composes the account, and the member once the email is known', () => {
  // First reconcile: the account has no email yet, so the Required patch holds the member back.
  const first = renderComposition({ composition: api.composition, xr });
  expect(first).toComposeResource('account');
  expect(first).not.toComposeResource('member');
  expect(first).not.toBeReady();
  expect(first.resources).toBeValidAgainst();          // provider CRD schemas and CEL rules

  // Next reconcile: the account reports its email, which the XR's status carries.
  const email = 'ci-deployer@acme-prod.iam.gserviceaccount.com';
  const next = renderComposition({
    composition: api.composition,
    xr: { ...xr, status: { email } },
    observed: [{ ...first.resources[0], status: { atProvider: { email } } }],
  });
  expect(next).toHaveFieldValue('member', 'spec.forProvider.member', `serviceAccount:${email}`);
  expect(next).toHaveFieldValue('member', 'spec.forProvider.role', 'roles/editor');
  expect(next.resources).toBeValidAgainst();
  expect(next.toYaml()).toMatchSnapshot();             // exactly what `crossplane composition render` prints
});
// --- end quickstart test ---

// --- simulate test ---
// import { ProviderRule } from 'cdk8s-crossplane';
// import { ServiceAccount } from 'cdk8s-crossplane/imports/cloudplatform.gcp.m.upbound.io';
// import { simulateComposition } from 'cdk8s-crossplane/testing';
test('a new XServiceAccount becomes Ready once its member is bound, and says what it waits on until then', () => {
  const sim = simulateComposition({ composition: api.composition, xr });
  expect(sim).toBecomeReadyWithin(4);
  expect(sim.reconciles[0].skipped[0]).toMatchObject({ resource: 'member', field: 'status.email' });
  expect(sim.firstAppearance).toStrictEqual({ account: 1, member: 3 });

  // A provider that never reports the email (a rule wins over the package's own): stuck, on what.
  const noEmail = ProviderRule.for(ServiceAccount, {});
  const stuck = simulateComposition({ composition: api.composition, xr, providers: [noEmail] });
  expect(stuck).toWaitOn('member', 'spec.forProvider.member');
});
// --- end simulate test ---
