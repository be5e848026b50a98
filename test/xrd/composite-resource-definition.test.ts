import { ApiObject, Chart, Testing, Yaml } from 'cdk8s';
import { isUserError } from '../../src/errors';
import { Schema } from '../../src/schema';
import {
  CompositeDeletePolicy, CompositeResourceDefinition, CompositeResourceDefinitionProps, CompositionUpdatePolicy,
  PrinterColumnType, XrdApiVersion, XrdScope,
} from '../../src/xrd';

const spec = Schema.object({
  parameters: Schema.object({
    region: Schema.string({ enum: ['eu', 'us'], description: 'Where the network lives.' }),
    cidr: Schema.optional(Schema.string({ default: '10.0.0.0/16' })),
  }),
});
const status = Schema.object({ networkId: Schema.optional(Schema.string()) });

function base(overrides: Partial<CompositeResourceDefinitionProps> = {}): CompositeResourceDefinitionProps {
  return { group: 'platform.example.org', names: { kind: 'XNetwork' }, version: 'v1alpha1', spec, ...overrides };
}

function synth(chart: Chart): any[] {
  return Testing.synth(chart);
}

/** Builds an XRD and returns the thrown message (the test fails if nothing is thrown). */
function errorOf(props: CompositeResourceDefinitionProps): string {
  const chart = Testing.chart();
  try {
    new CompositeResourceDefinition(chart, 'Network', props);
  } catch (e) {
    expect(isUserError(e)).toBe(true);
    return (e as Error).message;
  }
  throw new Error('expected the XRD to be rejected');
}

describe('defaults', () => {
  test('a v2 XRD with Namespaced scope written explicitly, a derived plural and name', () => {
    // GIVEN / WHEN
    const chart = Testing.chart();
    new CompositeResourceDefinition(chart, 'Network', base());
    const [xrd] = synth(chart);
    // THEN
    expect(xrd.apiVersion).toBe('apiextensions.crossplane.io/v2');
    expect(xrd.kind).toBe('CompositeResourceDefinition');
    expect(xrd.metadata).toStrictEqual({ name: 'xnetworks.platform.example.org' });
    expect(xrd.spec.scope).toBe('Namespaced');
    expect(xrd.spec.names).toStrictEqual({ kind: 'XNetwork', plural: 'xnetworks' });
  });

  test('the spec has only the fields the user set', () => {
    const chart = Testing.chart();
    new CompositeResourceDefinition(chart, 'Network', base());
    expect(Object.keys(synth(chart)[0].spec)).toStrictEqual(['group', 'names', 'scope', 'versions']);
  });

  test('the referenceable version is served and its schema is type object with spec (and no status unless given)', () => {
    const chart = Testing.chart();
    new CompositeResourceDefinition(chart, 'Network', base());
    expect(synth(chart)[0].spec.versions).toStrictEqual([{
      name: 'v1alpha1',
      referenceable: true,
      served: true,
      schema: { openAPIV3Schema: { type: 'object', properties: { spec: JSON.parse(JSON.stringify(spec)) } } },
    }]);
  });

  test('the status schema is written when given', () => {
    const chart = Testing.chart();
    new CompositeResourceDefinition(chart, 'Network', base({ status }));
    expect(synth(chart)[0].spec.versions[0].schema.openAPIV3Schema.properties.status).toStrictEqual({
      type: 'object', properties: { networkId: { type: 'string' } },
    });
  });

  test.each([
    ['XNetwork', 'xnetworks'], ['XPolicy', 'xpolicies'], ['XIngress', 'xingresses'], ['XBox', 'xboxes'],
    ['XGateway', 'xgateways'], ['XMesh', 'xmeshes'],
  ])('the plural of %s is derived as %s', (kind, plural) => {
    const chart = Testing.chart();
    const xrd = new CompositeResourceDefinition(chart, 'X', base({ names: { kind } }));
    expect(xrd.plural).toBe(plural);
    expect(synth(chart)[0].spec.names.plural).toBe(plural);
  });

  test('a LegacyCluster XRD is written as apiextensions.crossplane.io/v1', () => {
    const chart = Testing.chart();
    const xrd = new CompositeResourceDefinition(chart, 'Network', base({ scope: XrdScope.LEGACY_CLUSTER }));
    expect(xrd.apiVersion).toBe(XrdApiVersion.V1);
    expect(synth(chart)[0].apiVersion).toBe('apiextensions.crossplane.io/v1');
    expect(synth(chart)[0].spec.scope).toBe('LegacyCluster');
  });

  test('v1 can be requested for a Cluster XRD', () => {
    const chart = Testing.chart();
    new CompositeResourceDefinition(chart, 'Network', base({ scope: XrdScope.CLUSTER, apiVersion: XrdApiVersion.V1 }));
    const [xrd] = synth(chart);
    expect([xrd.apiVersion, xrd.spec.scope]).toStrictEqual(['apiextensions.crossplane.io/v1', 'Cluster']);
  });

  test('the construct exposes what Compositions need', () => {
    const chart = Testing.chart();
    const xrd = new CompositeResourceDefinition(chart, 'Network', base({ status }));
    expect({
      group: xrd.group, kind: xrd.kind, name: xrd.name, scope: xrd.scope,
      referenceableVersion: xrd.referenceableVersion, compositeApiVersion: xrd.compositeApiVersion,
    }).toStrictEqual({
      group: 'platform.example.org', kind: 'XNetwork', name: 'xnetworks.platform.example.org', scope: XrdScope.NAMESPACED,
      referenceableVersion: 'v1alpha1', compositeApiVersion: 'platform.example.org/v1alpha1',
    });
    expect(xrd.referenceableSchema).toStrictEqual(synth(chart)[0].spec.versions[0].schema.openAPIV3Schema);
  });

  test('the L1 child is Resource, so ApiObject.of() reaches the XRD object', () => {
    const chart = Testing.chart();
    const xrd = new CompositeResourceDefinition(chart, 'Network', base());
    ApiObject.of(xrd).metadata.addLabel('team', 'net');
    expect(xrd.node.defaultChild?.node.id).toBe('Resource');
    expect(synth(chart)[0].metadata.labels).toStrictEqual({ team: 'net' });
  });

  test('maxNameLength writes the only metadata schema Crossplane reads', () => {
    const chart = Testing.chart();
    new CompositeResourceDefinition(chart, 'Network', base({ maxNameLength: 30 }));
    expect(synth(chart)[0].spec.versions[0].schema.openAPIV3Schema.properties.metadata).toStrictEqual({
      type: 'object', properties: { name: { type: 'string', maxLength: 30 } },
    });
  });

  test('every optional XRD field is written as given', () => {
    const chart = Testing.chart();
    new CompositeResourceDefinition(chart, 'Network', base({
      names: { kind: 'XNetwork', plural: 'xnets', singular: 'xnet', listKind: 'XNetworkList', shortNames: ['xn'], categories: ['network'] },
      defaultCompositionRef: { name: 'network-gcp' },
      enforcedCompositionRef: { name: 'network-enforced' },
      defaultCompositionUpdatePolicy: CompositionUpdatePolicy.MANUAL,
      defaultCompositionRevisionSelector: { matchLabels: { channel: 'stable' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['a'] }] },
      metadata: { labels: { team: 'net' }, annotations: { owner: 'platform' } },
      printerColumns: [{ name: 'REGION', type: PrinterColumnType.STRING, jsonPath: '.spec.parameters.region' }],
    }));
    const s = synth(chart)[0].spec;
    expect(s.names).toStrictEqual({ kind: 'XNetwork', plural: 'xnets', singular: 'xnet', listKind: 'XNetworkList', shortNames: ['xn'], categories: ['network'] });
    expect(s.defaultCompositionRef).toStrictEqual({ name: 'network-gcp' });
    expect(s.enforcedCompositionRef).toStrictEqual({ name: 'network-enforced' });
    expect(s.defaultCompositionUpdatePolicy).toBe('Manual');
    expect(s.defaultCompositionRevisionSelector).toStrictEqual({ matchLabels: { channel: 'stable' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['a'] }] });
    expect(s.metadata).toStrictEqual({ labels: { team: 'net' }, annotations: { owner: 'platform' } });
    expect(s.versions[0].additionalPrinterColumns).toStrictEqual([{ name: 'REGION', type: 'string', jsonPath: '.spec.parameters.region' }]);
  });

  test('a conversion webhook is written with strategy Webhook and review version v1 by default', () => {
    const chart = Testing.chart();
    new CompositeResourceDefinition(chart, 'Network', base({ conversionWebhook: { service: { name: 'conv', namespace: 'crossplane-system' } } }));
    expect(synth(chart)[0].spec.conversion).toStrictEqual({
      strategy: 'Webhook',
      webhook: { clientConfig: { service: { name: 'conv', namespace: 'crossplane-system' } }, conversionReviewVersions: ['v1'] },
    });
  });

  test('legacy fields are written for a LegacyCluster XRD', () => {
    const chart = Testing.chart();
    new CompositeResourceDefinition(chart, 'Network', base({
      scope: XrdScope.LEGACY_CLUSTER, claimNames: { kind: 'Network' }, connectionSecretKeys: ['kubeconfig'],
      defaultCompositeDeletePolicy: CompositeDeletePolicy.FOREGROUND,
    }));
    const s = synth(chart)[0].spec;
    expect([s.claimNames, s.connectionSecretKeys, s.defaultCompositeDeletePolicy])
      .toStrictEqual([{ kind: 'Network', plural: 'networks' }, ['kubeconfig'], 'Foreground']);
  });
});

describe('versions', () => {
  test('addVersion after construction still synthesizes; added versions are served and not referenceable by default', () => {
    // GIVEN an XRD
    const chart = Testing.chart();
    const xrd = new CompositeResourceDefinition(chart, 'Network', base({ version: 'v1beta1' }));
    // WHEN a version is added afterwards
    xrd.addVersion({ name: 'v1alpha1', spec, deprecated: true, deprecationWarning: 'use v1beta1' });
    // THEN it is part of the output
    const versions = synth(chart)[0].spec.versions;
    expect(versions.map((v: any) => [v.name, v.referenceable, v.served, v.deprecated, v.deprecationWarning])).toStrictEqual([
      ['v1beta1', true, true, undefined, undefined],
      ['v1alpha1', false, true, true, 'use v1beta1'],
    ]);
    expect(xrd.versionNames).toStrictEqual(['v1beta1', 'v1alpha1']);
  });

  test('the versions prop is the same as addVersion; served can be turned off', () => {
    const chart = Testing.chart();
    const xrd = new CompositeResourceDefinition(chart, 'Network', base({ version: 'v1', versions: [{ name: 'v1beta1', spec, served: false }] }));
    expect(synth(chart)[0].spec.versions[1]).toMatchObject({ name: 'v1beta1', served: false, referenceable: false });
    expect(xrd.servedVersions).toStrictEqual(['v1']);
  });
});

describe('rules', () => {
  test('fails if the given name is not <plural>.<group>', () => {
    expect(errorOf(base({ name: 'networks.platform.example.org' })))
      .toMatch(/\[test\/Network\] name must be '<names.plural>.<group>', got 'networks.platform.example.org': .*use 'xnetworks.platform.example.org'/);
  });

  test('fails if plural is not lowercase', () => {
    expect(errorOf(base({ names: { kind: 'XNetwork', plural: 'XNetworks' } }))).toMatch(/names.plural must be all lowercase, got 'XNetworks': use 'xnetworks'/);
  });

  test('fails if singular is not lowercase', () => {
    expect(errorOf(base({ names: { kind: 'XNetwork', singular: 'XNetwork' } }))).toMatch(/names.singular must be all lowercase, got 'XNetwork'/);
  });

  test('fails if plural is not a DNS label', () => {
    expect(errorOf(base({ names: { kind: 'XNetwork', plural: 'x_networks' } }))).toMatch(/names.plural must be a DNS-1035 label.*got 'x_networks'/);
  });

  test('fails if a short name is not a DNS label', () => {
    expect(errorOf(base({ names: { kind: 'XNetwork', shortNames: ['x.n'] } }))).toMatch(/names.shortNames\[0\] must be a DNS-1035 label.*got 'x.n'/);
  });

  test('fails if the group has no dot', () => {
    expect(errorOf(base({ group: 'platform' }))).toMatch(/group must contain at least one dot, got 'platform': use a domain you own/);
  });

  test('fails if the group is not a DNS subdomain', () => {
    expect(errorOf(base({ group: 'Platform.example_org' }))).toMatch(/group must be a lowercase DNS subdomain.*got 'Platform.example_org'/);
  });

  test('fails if the group is empty', () => {
    expect(errorOf(base({ group: '' }))).toMatch(/group must not be empty/);
  });

  test('fails if the kind is not a valid kind', () => {
    expect(errorOf(base({ names: { kind: '1Network', plural: 'networks' } }))).toMatch(/names.kind must be a CamelCase name.*got '1Network'/);
  });

  test('fails if listKind equals kind', () => {
    expect(errorOf(base({ names: { kind: 'XNetwork', listKind: 'XNetwork' } }))).toMatch(/names.listKind must differ from kind, got 'XNetwork'/);
  });

  test('fails if the version name is not a Kubernetes version', () => {
    expect(errorOf(base({ version: 'alpha' }))).toMatch(/version must be a Kubernetes version .*got 'alpha': use e.g. 'v1alpha1'/);
  });

  test('fails if an added version name is not a Kubernetes version', () => {
    const xrd = new CompositeResourceDefinition(Testing.chart(), 'Network', base());
    expect(() => xrd.addVersion({ name: 'V2', spec })).toThrow(/versions\[1\].name must be a Kubernetes version .*got 'V2'/);
  });

  test('fails if a version name is used twice', () => {
    const xrd = new CompositeResourceDefinition(Testing.chart(), 'Network', base());
    expect(() => xrd.addVersion({ name: 'v1alpha1', spec })).toThrow(/versions\[1\].name must be unique, got 'v1alpha1'/);
  });

  test('fails if a v2 XRD is LegacyCluster', () => {
    expect(errorOf(base({ scope: XrdScope.LEGACY_CLUSTER, apiVersion: XrdApiVersion.V2 })))
      .toMatch(/scope must be Namespaced or Cluster in apiextensions.crossplane.io\/v2, got 'LegacyCluster': set apiVersion: XrdApiVersion.V1/);
  });

  test.each([
    ['claimNames', { claimNames: { kind: 'Network' } }],
    ['connectionSecretKeys', { connectionSecretKeys: ['kubeconfig'] }],
    ['defaultCompositeDeletePolicy', { defaultCompositeDeletePolicy: CompositeDeletePolicy.BACKGROUND }],
  ])('fails if a v2 XRD sets %s', (field, extra) => {
    expect(errorOf(base(extra))).toMatch(new RegExp(`${field} is not allowed in apiextensions.crossplane.io/v2, got .*compose a Secret instead`));
  });

  test('fails if a v1 XRD with Cluster scope sets claimNames', () => {
    expect(errorOf(base({ apiVersion: XrdApiVersion.V1, scope: XrdScope.CLUSTER, claimNames: { kind: 'Network' } })))
      .toMatch(/claimNames is only allowed with scope LegacyCluster, got .* with scope 'Cluster'/);
  });

  test.each([
    ['kind', { kind: 'XNetwork', plural: 'networkclaims' }],
    ['plural', { kind: 'Network', plural: 'xnetworks' }],
    ['singular', { kind: 'Network', singular: 'xnet' }],
    ['listKind', { kind: 'Network', listKind: 'XNetworkList' }],
  ])('fails if the claim %s equals the composite one', (field, claimNames) => {
    expect(errorOf(base({ scope: XrdScope.LEGACY_CLUSTER, names: { kind: 'XNetwork', singular: 'xnet', listKind: 'XNetworkList' }, claimNames })))
      .toMatch(new RegExp(`claimNames.${field} must differ from names.${field}`));
  });

  test('fails if claim names are not lowercase', () => {
    expect(errorOf(base({ scope: XrdScope.LEGACY_CLUSTER, claimNames: { kind: 'Network', plural: 'Networks' } })))
      .toMatch(/claimNames.plural must be all lowercase, got 'Networks'/);
  });

  test('fails if the spec declares spec.crossplane', () => {
    expect(errorOf(base({ spec: Schema.object({ crossplane: Schema.object({}) }) })))
      .toMatch(/versions\[0\].schema.openAPIV3Schema.properties.spec.properties.crossplane must not be declared, got 'crossplane': Crossplane injects it into every Namespaced XR/);
  });

  test.each(['compositionRef', 'compositionSelector', 'compositionRevisionRef', 'compositionRevisionSelector',
    'compositionUpdatePolicy', 'resourceRefs', 'claimRef', 'writeConnectionSecretToRef'])('fails if a legacy spec declares %s', (field) => {
    expect(errorOf(base({ scope: XrdScope.LEGACY_CLUSTER, spec: Schema.object({ [field]: Schema.object({}) }) })))
      .toMatch(new RegExp(`properties.spec.properties.${field} must not be declared, got '${field}': .*LegacyCluster XR.*rename the field`));
  });

  test('a modern spec may use the names only legacy XRs reserve', () => {
    expect(() => new CompositeResourceDefinition(Testing.chart(), 'N', base({ spec: Schema.object({ resourceRefs: Schema.string() }) }))).not.toThrow();
  });

  test('fails if the status declares conditions', () => {
    expect(errorOf(base({ status: Schema.object({ conditions: Schema.array(Schema.string()) }) })))
      .toMatch(/properties.status.properties.conditions must not be declared, got 'conditions'/);
  });

  test.each(['connectionDetails', 'claimConditionTypes'])('fails if a legacy status declares %s', (field) => {
    expect(errorOf(base({ scope: XrdScope.LEGACY_CLUSTER, status: Schema.object({ [field]: Schema.string() }) })))
      .toMatch(new RegExp(`properties.status.properties.${field} must not be declared`));
  });

  test('fails if the spec schema is not structural, naming the field path and the fix', () => {
    const bad = Schema.fromJson({ type: 'object', properties: { size: { type: 'object', additionalProperties: false } } });
    expect(errorOf(base({ spec: bad })))
      .toMatch(/versions\[0\].schema.openAPIV3Schema.properties.spec.properties.size.additionalProperties must not be false, got 'false': remove it/);
  });

  test.each([
    ['default', { default: {} }], ['anyOf', { anyOf: [{ required: ['a'] }] }], ['additionalProperties', { additionalProperties: { type: 'string' } }],
  ])('fails if the spec uses %s, which Crossplane drops', (keyword, extra) => {
    const s = Schema.fromJson({ type: 'object', properties: { a: { type: 'string' } }, ...(extra as Record<string, unknown>) });
    expect(errorOf(base({ spec: s }))).toMatch(new RegExp(`properties.spec.${keyword} must not be set, got .*: Crossplane drops it when it generates the XR CRD`));
  });

  test('fails if the status keeps unknown fields, which Crossplane drops', () => {
    expect(errorOf(base({ status: Schema.object({}, { preserveUnknownFields: true }) })))
      .toMatch(/properties.status.x-kubernetes-preserve-unknown-fields must not be set, got 'true': Crossplane drops it.*only properties, required, x-kubernetes-validations, oneOf, description/);
  });

  test('fails if the spec is not an object', () => {
    expect(errorOf(base({ spec: Schema.string() }))).toMatch(/properties.spec.type must be 'object', got 'string'/);
  });

  test('fails if maxNameLength exceeds what Crossplane enforces', () => {
    expect(errorOf(base({ maxNameLength: 100 }))).toMatch(/versions\[0\].maxNameLength must be an integer from 1 to 63, got '100'/);
  });

  test('fails if deprecationWarning is set on a version that is not deprecated', () => {
    expect(errorOf(base({ deprecationWarning: 'old' }))).toMatch(/versions\[0\].deprecationWarning must only be set on a deprecated version, got 'old'/);
  });

  test('fails if deprecationWarning is longer than 256 characters', () => {
    expect(errorOf(base({ deprecated: true, deprecationWarning: 'x'.repeat(257) }))).toMatch(/deprecationWarning must be at most 256 characters, got 257/);
  });

  test.each([
    ['the name is empty', { name: ' ', type: PrinterColumnType.STRING, jsonPath: '.spec.a' }, /additionalPrinterColumns\[0\].name must not be empty/],
    ['the type is unknown', { name: 'A', type: 'text' as PrinterColumnType, jsonPath: '.spec.a' }, /additionalPrinterColumns\[0\].type must be one of integer, number, string, boolean, date, got 'text'/],
    ['the jsonPath does not start with a dot', { name: 'A', type: PrinterColumnType.STRING, jsonPath: 'spec.a' }, /jsonPath must be a JSONPath starting with '.', got 'spec.a'/],
    ['the format is unknown', { name: 'A', type: PrinterColumnType.STRING, jsonPath: '.spec.a', format: 'money' }, /format must be one of .*got 'money'/],
    ['the priority is negative', { name: 'A', type: PrinterColumnType.STRING, jsonPath: '.spec.a', priority: -1 }, /priority must be a non-negative integer, got '-1'/],
  ])('fails if a printer column is invalid: %s', (_why, column, message) => {
    expect(errorOf(base({ printerColumns: [column] }))).toMatch(message);
  });

  test('fails if two printer columns share a name', () => {
    const c = { name: 'A', type: PrinterColumnType.STRING, jsonPath: '.spec.a' };
    expect(errorOf(base({ printerColumns: [c, c] }))).toMatch(/additionalPrinterColumns\[1\].name must be unique, got 'A' twice/);
  });

  test('fails if defaultCompositionRef is not a Composition name', () => {
    expect(errorOf(base({ defaultCompositionRef: { name: 'My Composition' } }))).toMatch(/defaultCompositionRef.name must be a Composition name .*got 'My Composition'/);
  });

  test.each([
    ['neither', {}], ['both', { url: 'https://conv.example.org', service: { name: 'c', namespace: 'n' } }],
  ])('fails if the conversion webhook sets %s of url and service', (word, webhook) => {
    expect(errorOf(base({ conversionWebhook: webhook }))).toMatch(new RegExp(`conversionWebhook must set exactly one of url and service, got ${word}`));
  });

  test('fails if the conversion webhook lists no review versions', () => {
    expect(errorOf(base({ conversionWebhook: { url: 'https://c.example.org', conversionReviewVersions: [] } }))).toMatch(/conversionReviewVersions must not be empty/);
  });

  test('reports every mistake at once, each line prefixed with the construct path', () => {
    const message = errorOf(base({ group: 'platform', names: { kind: 'XNetwork', plural: 'XNets' }, version: 'one' }));
    expect(message.split('\n')).toStrictEqual([
      expect.stringMatching(/^\[test\/Network\] group must contain at least one dot/),
      expect.stringMatching(/^\[test\/Network\] names.plural must be all lowercase/),
      expect.stringMatching(/^\[test\/Network\] version must be a Kubernetes version/),
    ]);
  });
});

describe('YAML output', () => {
  test('a v2 XRD synthesizes to this YAML', () => {
    const chart = Testing.chart();
    const xrd = new CompositeResourceDefinition(chart, 'Network', base({
      status,
      defaultCompositionRef: { name: 'network-gcp' },
      printerColumns: [{ name: 'REGION', type: PrinterColumnType.STRING, jsonPath: '.spec.parameters.region' }],
    }));
    xrd.addVersion({ name: 'v1beta1', spec, served: false });
    expect(Yaml.stringify(...synth(chart))).toMatchSnapshot();
  });

  test('a legacy v1 XRD synthesizes to this YAML', () => {
    const chart = Testing.chart();
    new CompositeResourceDefinition(chart, 'Bucket', {
      group: 'storage.example.org',
      names: { kind: 'XBucket' },
      scope: XrdScope.LEGACY_CLUSTER,
      claimNames: { kind: 'Bucket' },
      connectionSecretKeys: ['endpoint', 'accessKey'],
      version: 'v1',
      spec: Schema.object({ parameters: Schema.object({ location: Schema.string() }) }),
    });
    expect(Yaml.stringify(...synth(chart))).toMatchSnapshot();
  });
});

describe('schemas Crossplane accepts as they are', () => {
  test('a raw spec schema with properties but no type: object is accepted, as Crossplane copies only its properties', () => {
    // crossplane/crossplane-runtime 4e7ed235565d, pkg/xcrd/crd.go genCrdVersion: the XR CRD's
    // spec is Crossplane's own `type: object` with the user's properties merged in.
    const chart = Testing.chart();
    const raw = { properties: { region: { type: 'string' } } } as unknown as typeof spec;
    new CompositeResourceDefinition(chart, 'Network', base({ spec: raw }));
    const [xrd] = synth(chart);
    expect(xrd.spec.versions[0].schema.openAPIV3Schema.properties.spec).toEqual({ properties: { region: { type: 'string' } } });
  });

  test('a keyword the API server drops (a misspelt description) is a warning on the construct, not an error', () => {
    // Go's JSON decoding of JSONSchemaProps ignores unknown keys (pkg/xcrd/crd.go parseSchema
    // unmarshals into apiextensions' JSONSchemaProps), so the XRD works in a cluster.
    const chart = Testing.chart();
    const raw = { type: 'object', properties: { region: { type: 'string', decription: 'typo' } } } as unknown as typeof spec;
    const xrd = new CompositeResourceDefinition(chart, 'Network', base({ spec: raw }));
    const warnings = xrd.node.metadata.filter((m) => m.type === 'warning').map((m) => m.data);
    expect(warnings).toEqual([expect.stringMatching(/^\[test\/Network\] versions\[0\]\.schema\.openAPIV3Schema\.properties\.spec\.properties\.region\.decription is not a Kubernetes schema keyword and is dropped by the API server/)]);
    expect(synth(chart)).toHaveLength(1);
  });
});
