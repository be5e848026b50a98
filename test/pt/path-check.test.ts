import * as fs from 'fs';
import * as path from 'path';
import { JsonSchema } from '../../src/schema/json-schema';
import { checkFieldPath, closest, editDistance } from '../../src/pt';

const xr: JsonSchema = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      properties: {
        parameters: {
          type: 'object',
          properties: {
            region: { type: 'string' },
            nodeCount: { type: 'integer' },
            tags: { type: 'object', additionalProperties: { type: 'string' } },
            subnets: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, cidr: { type: 'string' } } } },
            extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
            partly: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { known: { type: 'string' } } },
            port: { 'x-kubernetes-int-or-string': true },
            template: { type: 'object', 'x-kubernetes-embedded-resource': true, properties: { spec: { type: 'object', properties: { a: { type: 'string' } } } } },
            anything: {},
            either: { type: 'object', oneOf: [{ properties: { a: { type: 'string' } } }, { properties: { b: { type: 'string' } } }] },
          },
        },
      },
    },
    status: { type: 'object', properties: { networkId: { type: 'string' } } },
  },
};

describe('checkFieldPath accepts paths the schema declares', () => {
  test.each([
    'spec.parameters.region',
    'spec.parameters.tags.team',
    'spec.parameters.tags[app.kubernetes.io/name]',
    'spec.parameters.subnets[0].cidr',
    'spec.parameters.subnets[*].cidr',
    'spec.parameters.tags[*]',
    'spec.parameters.extra.whatever.deep[3]',
    'spec.parameters.partly.known',
    'spec.parameters.partly.unknownButPreserved',
    'spec.parameters.port',
    'spec.parameters.template.apiVersion',
    'spec.parameters.template.metadata.labels.team',
    'spec.parameters.template.spec.a',
    'spec.parameters.anything.goes.here',
    'spec.parameters.either.a',
    'spec.parameters.either.b',
    'metadata.name',
    'metadata.namespace',
    'metadata.uid',
    'metadata.labels[crossplane.io/composite]',
    'metadata.annotations[crossplane.io/external-name]',
    'apiVersion',
    'kind',
    'status.networkId',
  ])('%s', p => {
    expect(checkFieldPath(p, xr)).toBeUndefined();
  });
});

describe('checkFieldPath reports the first segment that does not fit', () => {
  test.each<[string, string, RegExp, string | undefined]>([
    ['spec.parameters.regoin', 'spec.parameters.regoin', /'regoin' is not a field of 'spec.parameters'/, "did you mean 'region'?"],
    ['spec.parameters.Region', 'spec.parameters.Region', /'Region' is not a field/, "did you mean 'region'?"],
    ['spec.parameters.nodecount', 'spec.parameters.nodecount', /not a field/, "did you mean 'nodeCount'?"],
    ['spec.paramters.region', 'spec.paramters', /'paramters' is not a field of 'spec'/, "did you mean 'parameters'?"],
    ['spec.parameters.zzzzzz', 'spec.parameters.zzzzzz', /not a field/, undefined],
    ['spec.parameters.region.x', 'spec.parameters.region.x', /'spec.parameters.region' is a string, so it has no field 'x'/, undefined],
    ['spec.parameters.subnets.name', 'spec.parameters.subnets.name', /is an array, so it has no field 'name'/, 'use an index such as [0]'],
    ['spec.parameters.region[0]', 'spec.parameters.region[0]', /is a string, not an array/, undefined],
    ['spec.parameters.subnets[0].cdir', 'spec.parameters.subnets[0].cdir', /'cdir' is not a field of 'spec.parameters.subnets\[0\]'/, "did you mean 'cidr'?"],
    ['metadata.lables.a', 'metadata.lables', /'lables' is not a field of 'metadata'/, "did you mean 'labels'?"],
    ['spec.parameters.port.x', 'spec.parameters.port.x', /is an int-or-string/, undefined],
    ['status.netwrokId', 'status.netwrokId', /not a field of 'status'/, "did you mean 'networkId'?"],
  ])('%s', (p, failedAt, message, suggestion) => {
    const problem = checkFieldPath(p, xr);
    expect(problem?.path).toBe(failedAt);
    expect(problem?.message).toMatch(message);
    expect(problem?.suggestion).toBe(suggestion);
  });

  test('fails if a wildcard is used where none is allowed', () => {
    expect(checkFieldPath('spec.parameters.subnets[*].cidr', xr, { allowWildcards: false })?.message).toMatch(/wildcard/);
  });
  test('fails if the path does not parse', () => {
    expect(checkFieldPath('spec..a', xr)?.message).toMatch(/not a valid field path/);
  });
  test('metadata is only standard when the schema is not an object root', () => {
    expect(checkFieldPath('metadata.name', { type: 'object', properties: { spec: {} } }, { objectRoot: false })?.message).toMatch(/'metadata' is not a field/);
  });
});

describe('did-you-mean', () => {
  test('edit distance counts an adjacent swap as one edit', () => {
    expect(editDistance('regoin', 'region')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
  test('a case-insensitive match wins over a closer-looking name', () => {
    expect(closest('ipcidrrange', ['ipCidrRange', 'ipCidrRanges'])).toBe('ipCidrRange');
  });
  test('nothing is suggested for an unrelated name', () => {
    expect(closest('banana', ['region', 'project'])).toBeUndefined();
  });
});

const schemaFile = path.resolve(__dirname, '../../imports/schemas/compute.gcp.m.upbound.io.json');
const describeIfSchemas = fs.existsSync(schemaFile) ? describe : describe.skip;
if (!fs.existsSync(schemaFile)) console.warn(`skipping provider schema path checks: ${schemaFile} not found (run npm run import)`);

describeIfSchemas('checkFieldPath on a real provider CRD schema (Subnetwork)', () => {
  const group = fs.existsSync(schemaFile) ? JSON.parse(fs.readFileSync(schemaFile, 'utf8')) : { kinds: [] };
  const subnet: JsonSchema = group.kinds.find((k: { kind: string }) => k.kind === 'Subnetwork')?.versions[0].schema;
  test.each([
    'spec.forProvider.region',
    'spec.forProvider.secondaryIpRange[0].rangeName',
    'spec.forProvider.secondaryIpRange[*].ipCidrRange',
    'spec.forProvider.params.resourceManagerTags[tagKeys/123]',
    'status.atProvider.id',
    'metadata.annotations[crossplane.io/external-name]',
  ])('accepts %s', p => {
    expect(checkFieldPath(p, subnet)).toBeUndefined();
  });
  test('suggests the declared name for a typo', () => {
    expect(checkFieldPath('spec.forProvider.ipCidrRnage', subnet)?.suggestion).toBe("did you mean 'ipCidrRange'?");
    expect(checkFieldPath('spec.forprovider.region', subnet)?.suggestion).toBe("did you mean 'forProvider'?");
  });
});
