// The docs list what each XRD's Compositions compose, checked against the provider schemas
// validate uses: the bundled ones, overlaid by the CRDs the repository lists in cdk8s.yaml.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as YAML from 'yaml';
import { run } from '../../src/cli/docs';
import { useProjectCrds } from '../../src/schema/provider-crds';
import { fakeIo } from '../_helpers/fake-io';

const GCP_V1 = path.resolve(__dirname, '..', 'fixtures', 'provider-crds', 'provider-upjet-gcp-v1.14.0');
const CRD = 'cloudplatform.gcp.upbound.io_projectiammembers.yaml';

const XRD = {
  apiVersion: 'apiextensions.crossplane.io/v2', kind: 'CompositeResourceDefinition', metadata: { name: 'xaccounts.iam.example.org' },
  spec: {
    group: 'iam.example.org', scope: 'Cluster', names: { kind: 'XAccount', plural: 'xaccounts' },
    versions: [{ name: 'v1', served: true, referenceable: true, schema: { openAPIV3Schema: { type: 'object' } } }],
  },
};
const COMPOSITION = {
  apiVersion: 'apiextensions.crossplane.io/v1', kind: 'Composition', metadata: { name: 'xaccounts-gcp' },
  spec: {
    compositeTypeRef: { apiVersion: 'iam.example.org/v1', kind: 'XAccount' },
    mode: 'Pipeline',
    pipeline: [{
      step: 'patch-and-transform', functionRef: { name: 'function-patch-and-transform' },
      input: {
        apiVersion: 'pt.fn.crossplane.io/v1beta1', kind: 'Resources',
        resources: [
          { name: 'account', base: { apiVersion: 'cloudplatform.gcp.upbound.io/v1beta1', kind: 'ProjectIAMMember' } },
          { name: 'thing', base: { apiVersion: 'unknown.example.org/v1', kind: 'Thing' } },
        ],
      },
    }],
  },
};
// Another XRD's Composition: not on this page.
const OTHER = { ...COMPOSITION, metadata: { name: 'other' }, spec: { ...COMPOSITION.spec, compositeTypeRef: { apiVersion: 'iam.example.org/v1', kind: 'XOther' } } };

let tmp: string;
beforeEach(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-crossplane-docs-composed-')); });
afterEach(() => {
  useProjectCrds(undefined);
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function page(): Promise<string> {
  const input = path.join(tmp, 'apis.yaml');
  fs.writeFileSync(input, [XRD, COMPOSITION, OTHER].map((d) => YAML.stringify(d)).join('---\n'));
  expect(await run([input, '--out', path.join(tmp, 'docs')], fakeIo())).toBe(0);
  const md = fs.readFileSync(path.join(tmp, 'docs', 'xaccount.md'), 'utf8');
  return md.slice(md.indexOf('## Composed resources'));
}

test('with the bundled schemas: a version they do not serve, and a kind they do not know, are named as such', async () => {
  useProjectCrds(null);
  const section = await page();
  expect(section).toContain('| `xaccounts-gcp` | `account` | `ProjectIAMMember` | `cloudplatform.gcp.upbound.io/v1beta1` | `Cluster` | not served (serves `v1beta2`); bundled |');
  expect(section).toContain('| `xaccounts-gcp` | `thing` | `Thing` | `unknown.example.org/v1` |  | no schema: list its CRD in the imports of cdk8s.yaml |');
  expect(section).not.toContain('`other`');
});

test('in a repository whose cdk8s.yaml lists the provider version it runs, the page uses that schema and names its file', async () => {
  fs.mkdirSync(path.join(tmp, 'crds'));
  fs.copyFileSync(path.join(GCP_V1, CRD), path.join(tmp, 'crds', CRD));
  fs.writeFileSync(path.join(tmp, 'cdk8s.yaml'), `app: npx tsx main.ts\nimports:\n  - crds/${CRD}\n`);
  useProjectCrds(tmp);
  const section = await page();
  expect(section).toContain(`| \`xaccounts-gcp\` | \`account\` | \`ProjectIAMMember\` | \`cloudplatform.gcp.upbound.io/v1beta1\` | \`Cluster\` | served; from \`crds/${CRD}\` |`);
});
