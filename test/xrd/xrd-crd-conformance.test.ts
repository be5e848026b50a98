// The XRDs we synthesize must be accepted by Crossplane's own XRD CRD: validate each shape against
// the openAPIV3Schema of the version it is written in (apiextensions.crossplane.io v1 or v2).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { Testing } from 'cdk8s';
import { parse } from 'yaml';
import { Schema } from '../../src/schema';
import {
  CompositeDeletePolicy, CompositeResourceDefinition, CompositeResourceDefinitionProps, CompositionUpdatePolicy,
  PrinterColumnType, XrdApiVersion, XrdScope,
} from '../../src/xrd';

const SHARED = path.resolve(__dirname, '..', '..', '../shared');
const CRD_FILE = path.join(SHARED, 'crds', 'crossplane', 'apiextensions.crossplane.io_compositeresourcedefinitions.yaml');
const haveCrd = fs.existsSync(CRD_FILE);
if (!haveCrd) {
  console.warn(`skipping XRD CRD conformance: ${CRD_FILE} is absent (it ships with CI, not with every clone)`);
}
const maybe = haveCrd ? test : test.skip;

let cache: Record<string, ValidateFunction> | undefined;

function validators(): Record<string, ValidateFunction> {
  if (cache) { return cache; }
  const crd = parse(fs.readFileSync(CRD_FILE, 'utf8'));
  // The CRD schema is OpenAPI with x-kubernetes-* extensions, which ajv must ignore (strict: false).
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const out: Record<string, ValidateFunction> = {};
  for (const v of crd.spec.versions) {
    out[`${crd.spec.group}/${v.name}`] = ajv.compile(v.schema.openAPIV3Schema);
  }
  cache = out;
  return out;
}

/** Every CEL rule of a CRD version, as `<field path> :: <rule>`. */
function celRules(version: string): string[] {
  const crd = parse(fs.readFileSync(CRD_FILE, 'utf8'));
  const schema = crd.spec.versions.find((v: { name: string }) => v.name === version).schema.openAPIV3Schema;
  const out: string[] = [];
  const walk = (n: any, at: string) => {
    for (const r of n?.['x-kubernetes-validations'] ?? []) { out.push(`${at} :: ${r.rule}`); }
    for (const [k, c] of Object.entries(n?.properties ?? {})) { walk(c, `${at}.${k}`); }
    if (n?.items) { walk(n.items, `${at}[]`); }
  };
  walk(schema, '');
  return out;
}

const spec = Schema.object({
  parameters: Schema.object({
    region: Schema.string({ enum: ['eu', 'us'] }),
    nodes: Schema.optional(Schema.integer({ minimum: 1, default: 3 })),
    ports: Schema.optional(Schema.array(Schema.object({ name: Schema.string(), port: Schema.intOrString() }), { listType: 'map', listMapKeys: ['name'] })),
    labels: Schema.optional(Schema.map(Schema.string())),
  }, { validations: [{ rule: 'self.nodes <= 10', message: 'at most 10 nodes' }] }),
});
const status = Schema.object({ endpoint: Schema.optional(Schema.string()) });

const SHAPES: [string, CompositeResourceDefinitionProps][] = [
  ['a minimal namespaced v2 XRD', { group: 'platform.example.org', names: { kind: 'XNetwork' }, version: 'v1alpha1', spec }],
  ['a cluster v2 XRD using every optional field', {
    group: 'platform.example.org',
    names: { kind: 'XCluster', plural: 'xclusters', singular: 'xcluster', listKind: 'XClusterList', shortNames: ['xc'], categories: ['platform'] },
    scope: XrdScope.CLUSTER,
    version: 'v1beta1',
    spec,
    status,
    printerColumns: [{ name: 'ENDPOINT', type: PrinterColumnType.STRING, jsonPath: '.status.endpoint', priority: 1, description: 'API endpoint' }],
    maxNameLength: 40,
    versions: [{ name: 'v1alpha1', spec, served: true, deprecated: true, deprecationWarning: 'use v1beta1' }],
    defaultCompositionRef: { name: 'cluster-gke' },
    enforcedCompositionRef: { name: 'cluster-gke' },
    defaultCompositionUpdatePolicy: CompositionUpdatePolicy.MANUAL,
    defaultCompositionRevisionSelector: { matchLabels: { channel: 'stable' }, matchExpressions: [{ key: 'tier', operator: 'Exists' }] },
    metadata: { labels: { team: 'platform' }, annotations: { owner: 'sre' } },
    conversionWebhook: { url: 'https://conversion.example.org/convert', caBundle: 'Zm9v', conversionReviewVersions: ['v1'] },
  }],
  ['a legacy v1 XRD with claims', {
    group: 'storage.example.org',
    names: { kind: 'XBucket' },
    scope: XrdScope.LEGACY_CLUSTER,
    claimNames: { kind: 'Bucket' },
    connectionSecretKeys: ['endpoint'],
    defaultCompositeDeletePolicy: CompositeDeletePolicy.FOREGROUND,
    version: 'v1',
    spec,
    status,
  }],
  ['a cluster XRD written as v1', { group: 'platform.example.org', names: { kind: 'XDns' }, scope: XrdScope.CLUSTER, apiVersion: XrdApiVersion.V1, version: 'v1', spec }],
];

describe('synthesized XRDs are accepted by the XRD CRD', () => {
  maybe.each(SHAPES)('%s', (_name, props) => {
    // GIVEN
    const validate = validators();
    const chart = Testing.chart();
    new CompositeResourceDefinition(chart, 'Xrd', props);
    // WHEN
    const [xrd] = Testing.synth(chart);
    // THEN the schema of the version the XRD is written in accepts it
    const v = validate[xrd.apiVersion];
    expect(v).toBeDefined();
    const ok = v(xrd);
    expect(v.errors ?? []).toStrictEqual([]);
    expect(ok).toBe(true);
  });

  maybe('the check rejects an XRD the CRD does not accept', () => {
    // GIVEN a synthesized XRD with a required field removed and an unknown scope
    const chart = Testing.chart();
    new CompositeResourceDefinition(chart, 'Xrd', SHAPES[0][1]);
    const [xrd] = Testing.synth(chart);
    delete xrd.spec.group;
    xrd.spec.scope = 'Galaxy';
    // THEN validation fails
    expect(validators()[xrd.apiVersion](xrd)).toBe(false);
  });
});

describe('the XRD CRD\'s create-time CEL rules', () => {
  // Transition rules (`self == oldSelf`) only fire on update and concern the cluster, not synthesis.
  // Every other rule must be enforced by the construct: a props value that breaks it is rejected.
  const minimal = SHAPES[0][1];
  const REJECTED_BY_CONSTRUCT: Record<string, CompositeResourceDefinitionProps> = {
    'v2 .spec :: !has(self.claimNames)': { ...minimal, claimNames: { kind: 'Network' } },
    'v2 .spec :: !has(self.connectionSecretKeys)': { ...minimal, connectionSecretKeys: [] },
    'v2 .spec.names :: self.plural == self.plural.lowerAscii()': { ...minimal, names: { kind: 'XNetwork', plural: 'XNetworks' } },
    'v2 .spec.names :: !has(self.singular) || self.singular == self.singular.lowerAscii()': { ...minimal, names: { kind: 'XNetwork', singular: 'XNetwork' } },
    "v1 .spec :: self.scope == 'LegacyCluster' || !has(self.claimNames)": { ...minimal, apiVersion: XrdApiVersion.V1, claimNames: { kind: 'Network' } },
    "v1 .spec :: self.scope == 'LegacyCluster' || !has(self.connectionSecretKeys)": { ...minimal, apiVersion: XrdApiVersion.V1, connectionSecretKeys: [] },
    'v1 .spec.names :: self.plural == self.plural.lowerAscii()': { ...minimal, scope: XrdScope.LEGACY_CLUSTER, names: { kind: 'XNetwork', plural: 'XNetworks' } },
    'v1 .spec.names :: !has(self.singular) || self.singular == self.singular.lowerAscii()': { ...minimal, scope: XrdScope.LEGACY_CLUSTER, names: { kind: 'XNetwork', singular: 'XN' } },
    'v1 .spec.claimNames :: self.plural == self.plural.lowerAscii()': { ...minimal, scope: XrdScope.LEGACY_CLUSTER, claimNames: { kind: 'Network', plural: 'Networks' } },
    'v1 .spec.claimNames :: !has(self.singular) || self.singular == self.singular.lowerAscii()': { ...minimal, scope: XrdScope.LEGACY_CLUSTER, claimNames: { kind: 'Network', singular: 'Network' } },
  };
  // Rules no props value can break, because the construct always writes the field in the accepted form.
  const SATISFIED_BY_CONSTRUCTION = ["v1 .spec.conversion :: self.strategy == 'Webhook' && has(self.webhook)"];

  maybe('each one is known, and is either rejected by the construct or always satisfied', () => {
    const rules = ['v1', 'v2'].flatMap(v => celRules(v).map(r => `${v} ${r}`)).filter(r => !r.endsWith(':: self == oldSelf'));
    expect(rules.sort()).toStrictEqual([...Object.keys(REJECTED_BY_CONSTRUCT), ...SATISFIED_BY_CONSTRUCTION].sort());
  });

  maybe.each(Object.entries(REJECTED_BY_CONSTRUCT))('%s is enforced at synthesis', (_rule, props) => {
    expect(() => new CompositeResourceDefinition(Testing.chart(), 'Xrd', props)).toThrow();
  });

  maybe('the conversion the construct writes has strategy Webhook and a webhook', () => {
    const chart = Testing.chart();
    new CompositeResourceDefinition(chart, 'Xrd', { ...minimal, apiVersion: XrdApiVersion.V1, scope: XrdScope.CLUSTER, conversionWebhook: { url: 'https://c.example.org' } });
    const conversion = Testing.synth(chart)[0].spec.conversion;
    expect(conversion.strategy === 'Webhook' && conversion.webhook !== undefined).toBe(true);
  });
});
