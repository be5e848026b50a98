// Templates built with cdk8s-plus carry construct-path artefacts that are the same for every XR.
import { ApiObject } from 'cdk8s';
import { setup } from './_fixtures';

test('fails if a template refers to another template\'s generated name', () => {
  // GIVEN an HPA template whose target is a Deployment template without an explicit name
  const { app, comp } = setup();
  const deployment = new ApiObject(comp.templateScope, 'deploy', { apiVersion: 'apps/v1', kind: 'Deployment' });
  const hpa = new ApiObject(comp.templateScope, 'hpa', {
    apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler',
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.name } },
  } as any);
  comp.addResource('deployment', deployment);
  comp.addResource('hpa', hpa);
  // THEN synth names the field and the fix
  expect(() => app.synthYaml()).toThrow(
    /resources\[hpa\]\.base\.spec\.scaleTargetRef\.name refers to the generated name of another template, got 'cdk8s-crossplane-template-generated-name': .*patch it/);
});

test('warns when a template selects on the cdk8s-plus construct-path label', () => {
  // GIVEN a Deployment template selecting its pods by cdk8s-plus' label
  const { comp } = setup();
  const labels = { 'cdk8s.io/metadata.addr': 'templates-Deployment-c8a0e5b3' };
  comp.addResource('deployment', {
    apiVersion: 'apps/v1', kind: 'Deployment',
    spec: { selector: { matchLabels: labels }, template: { metadata: { labels } } },
  });
  // THEN both places are reported, with the fix
  expect(comp.warnings.filter(w => w.includes('cdk8s.io/metadata.addr'))).toEqual([
    expect.stringMatching(/^resources\[deployment\]\.base\.spec\.selector\.matchLabels\[cdk8s\.io\/metadata\.addr\] is the same for every XR .*app\.kubernetes\.io\/instance/),
    expect.stringMatching(/^resources\[deployment\]\.base\.spec\.template\.metadata\.labels\[cdk8s\.io\/metadata\.addr\] is the same for every XR/),
  ]);
});

test('built-in kinds get their scope and served versions from the generated schemas', () => {
  // GIVEN a namespaced XR composing an autoscaling/v1 HPA (served, like v2) and a ClusterRole
  const { comp } = setup();
  comp.addResource('hpa', { apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', spec: { maxReplicas: 3, scaleTargetRef: { kind: 'Deployment', name: 'x' } } });
  comp.addResource('role', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole' });
  // THEN only the cluster-scoped kind is rejected
  const problems = comp.node.validate();
  expect(problems.filter(p => p.includes('resources[hpa]'))).toEqual([]);
  expect(problems).toEqual([expect.stringMatching(/^resources\[role\]\.base\.kind must be namespaced under a Namespaced XR, got cluster-scoped 'ClusterRole'/)]);
});
