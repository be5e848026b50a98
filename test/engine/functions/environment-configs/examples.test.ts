/**
 * The example/ folder of crossplane-contrib/function-environment-configs at v0.7.1 (commit
 * 054a6b8d08ae3e0c957a0e75359b14f88340ca39), rendered as each README runs it:
 * `crossplane render --extra-resources environmentConfigs.yaml --include-context xr.yaml
 * composition.yaml functions.yaml`. The expected Context (and the XR status fields the
 * go-templating step fills) are the README outputs.
 *
 * The second step of every example is function-go-templating. When the engine has it built in,
 * the whole pipeline runs and the XR status is compared too; otherwise the pipeline is cut after
 * the environment step, the Context is still compared, and the test says so.
 */
import { parseAllDocuments } from 'yaml';
import { BUILT_IN_CATALOGUE, render } from '../../../../src/engine';

const hasGoTemplating = BUILT_IN_CATALOGUE.builtInNames.includes('function-go-templating');
if (!hasGoTemplating) {
  console.log('function-environment-configs examples: function-go-templating is not built in, so only the environment step runs and the XR status from its template is not compared');
}

const XR = { apiVersion: 'example.crossplane.io/v1', kind: 'XR', metadata: { name: 'example-xr' }, spec: {} };
const docs = (text: string) => parseAllDocuments(text).map((d) => d.toJSON());

function composition(envInput: unknown, template: string) {
  const pipeline: unknown[] = [{ step: 'environmentConfigs', functionRef: { name: 'function-environment-configs' }, input: envInput }];
  if (hasGoTemplating) {
    pipeline.push({
      step: 'go-templating',
      functionRef: { name: 'function-go-templating' },
      input: { apiVersion: 'gotemplating.fn.crossplane.io/v1beta1', kind: 'GoTemplate', source: 'Inline', inline: { template } },
    });
  }
  return {
    apiVersion: 'apiextensions.crossplane.io/v1',
    kind: 'Composition',
    metadata: { name: 'function-environment-configs' },
    spec: { compositeTypeRef: { apiVersion: 'example.crossplane.io/v1', kind: 'XR' }, mode: 'Pipeline', pipeline },
  };
}

const envInput = (environmentConfigs: unknown) => ({ apiVersion: 'environmentconfigs.fn.crossplane.io/v1beta1', kind: 'Input', spec: { environmentConfigs } });

interface Example {
  readonly name: string;
  readonly input: unknown;
  readonly template: string;
  readonly environmentConfigs: string;
  readonly environment: unknown;
  readonly status: Record<string, string>;
}

const EXAMPLES: Example[] = [
  {
    name: 'kubecon-2024',
    input: envInput([
      { type: 'Reference', ref: { name: 'example-config' } },
      { type: 'Selector', selector: { mode: 'Single', matchLabels: [{ type: 'Value', key: 'org', value: 'foo' }] } },
    ]),
    template: '---\napiVersion: example.crossplane.io/v1\nkind: XR\nstatus:\n  fromEnv: {{ index .context "apiextensions.crossplane.io/environment" "complex" "c" "d" }}\n',
    environmentConfigs: `
apiVersion: apiextensions.crossplane.io/v1beta1
kind: EnvironmentConfig
metadata:
  name: example-config
data:
  complex:
    a: b
    c:
      d: e
      f: "1"
---
apiVersion: apiextensions.crossplane.io/v1beta1
kind: EnvironmentConfig
metadata:
  name: example-config-by-label
  labels:
    org: foo
data:
  complex:
    c:
      d: by-label
      g: by-label
`,
    environment: { apiVersion: 'internal.crossplane.io/v1alpha1', kind: 'Environment', complex: { a: 'b', c: { d: 'by-label', f: '1', g: 'by-label' } } },
    status: { fromEnv: 'by-label' },
  },
  {
    name: 'match_label_multiple',
    input: envInput([{ type: 'Selector', selector: { mode: 'Multiple', matchLabels: [{ type: 'Value', key: 'matchingLabel', value: 'matchingKey' }] } }]),
    template: '---\napiVersion: example.crossplane.io/v1\nkind: XR\nstatus:\n  fromEnvOne: {{ index .context "apiextensions.crossplane.io/environment" "multiple" "c" "d" }}\n'
      + '  fromEnvTwo: {{ index .context "apiextensions.crossplane.io/environment" "multiple" "i" "j" }}\n',
    environmentConfigs: `
apiVersion: apiextensions.crossplane.io/v1beta1
kind: EnvironmentConfig
metadata:
  name: example-config-one
  labels:
    matchingLabel: "matchingKey"
data:
  multiple:
    a: b
    c:
      d: e
      f: "1"
---
apiVersion: apiextensions.crossplane.io/v1beta1
kind: EnvironmentConfig
metadata:
  name: example-config-two
  labels:
    matchingLabel: "matchingKey"
data:
  multiple:
    g: h
    i:
      j: k
`,
    environment: { apiVersion: 'internal.crossplane.io/v1alpha1', kind: 'Environment', multiple: { a: 'b', c: { d: 'e', f: '1' }, g: 'h', i: { j: 'k' } } },
    status: { fromEnvOne: 'e', fromEnvTwo: 'k' },
  },
  {
    name: 'match_label_single',
    input: envInput([{ type: 'Selector', selector: { mode: 'Multiple', matchLabels: [{ type: 'Value', key: 'matchingLabel', value: 'matchingOtherKey' }] } }]),
    template: '---\napiVersion: example.crossplane.io/v1\nkind: XR\nstatus:\n  fromEnvOne: {{ index .context "apiextensions.crossplane.io/environment" "singleStanza" "key" }}\n',
    environmentConfigs: `
apiVersion: apiextensions.crossplane.io/v1beta1
kind: EnvironmentConfig
metadata:
  name: example-config-one
  labels:
    matchingLabel: "matchingKey"
data:
  singleStanza:
    key: not-this-value
---
apiVersion: apiextensions.crossplane.io/v1beta1
kind: EnvironmentConfig
metadata:
  name: example-config-two
  labels:
    matchingLabel: "matchingOtherKey"
data:
  singleStanza:
    key: here-it-is
`,
    environment: { apiVersion: 'internal.crossplane.io/v1alpha1', kind: 'Environment', singleStanza: { key: 'here-it-is' } },
    status: { fromEnvOne: 'here-it-is' },
  },
  {
    name: 'reference_name',
    input: envInput([{ type: 'Reference', ref: { name: 'example-config' } }]),
    template: '---\napiVersion: example.crossplane.io/v1\nkind: XR\nstatus:\n  fromEnv: {{ index .context "apiextensions.crossplane.io/environment" "complex" "c" "d" }}\n',
    environmentConfigs: `
apiVersion: apiextensions.crossplane.io/v1beta1
kind: EnvironmentConfig
metadata:
  name: example-config
data:
  complex:
    a: b
    c:
      d: e
      f: "1"
`,
    environment: { apiVersion: 'internal.crossplane.io/v1alpha1', kind: 'Environment', complex: { a: 'b', c: { d: 'e', f: '1' } } },
    status: { fromEnv: 'e' },
  },
];

describe('function-environment-configs examples (v0.7.1 example/ READMEs)', () => {
  test.each(EXAMPLES.map((e) => [e.name, e] as const))('%s', (_name, e) => {
    const result = render({ xr: XR, composition: composition(e.input, e.template), extraResources: docs(e.environmentConfigs), includeContext: true });
    expect(result.context.fields['apiextensions.crossplane.io/environment']).toEqual(e.environment);
    expect(result.toYaml()).toContain('kind: Context');
    if (hasGoTemplating) expect(result.xr.status).toMatchObject(e.status);
  });
});
