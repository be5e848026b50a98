// An L1 class renders only the fields its schema knows: a props field it does not know must not
// vanish from the base, or a misspelling would pass every check without a word.
import { ProviderConfig } from '../../imports/aws.m.upbound.io';
import { Network } from '../../imports/compute.gcp.m.upbound.io';
import { formatFinding, validate } from '../../src/validate';
import { setup } from './_fixtures';

const providerConfigRef = { kind: 'ClusterProviderConfig', name: 'default' };

test('a props field the class does not know stays in the base, and validation names it as unknown', () => {
  // GIVEN a Network whose props misspell autoCreateSubnetworks (as a JavaScript caller or a cast can)
  const { comp } = setup();
  const net = comp.addResource('network', Network, {
    spec: { forProvider: { autoCreateSubnetwrks: false, routingMode: 'REGIONAL' }, providerConfigRef },
  } as any);
  // THEN the base keeps it beside the fields the class rendered
  expect((net.base as any).spec.forProvider).toStrictEqual({ autoCreateSubnetwrks: false, routingMode: 'REGIONAL' });
  // AND validation against the kind's schema reports it
  const findings = validate([{ ...net.base, metadata: { name: 'n' } }]).filter((f) => f.severity === 'error');
  expect(findings.map(formatFinding).join('\n')).toMatch(/spec\.forProvider\.autoCreateSubnetwrks: unknown field "autoCreateSubnetwrks"/);
});

test('fields the class renames (props name to schema name) are not taken for unknown ones', () => {
  // GIVEN props in the class's own names, which it writes under other schema names (s3_use_path_style, externalID)
  const { comp } = setup();
  const props = {
    spec: {
      credentials: { source: 'IRSA' as any },
      s3UsePathStyle: true,
      assumeRoleChain: [{ roleArn: 'arn:aws:iam::1:role/r', externalId: 'x' }],
    },
  };
  const pc = comp.addResource('config', ProviderConfig, props);
  // THEN the base is exactly what the class renders: nothing added under the props names
  expect(pc.base).toStrictEqual(JSON.parse(JSON.stringify(ProviderConfig.manifest(props))));
  expect((pc.base as any).spec).toHaveProperty('s3_use_path_style', true);
  expect((pc.base as any).spec.assumeRoleChain[0]).toHaveProperty('externalID', 'x');
});
