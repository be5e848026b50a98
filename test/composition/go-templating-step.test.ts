import { Network } from '../../imports/compute.gcp.m.upbound.io';
import { GoTemplateSource, goTemplatingStep, MissingKey } from '../../src/composition';
import { FunctionPackage } from '../../src/functions';
import { renderComposition } from '../../src/testing';
import { compositionJson, setup } from './_fixtures';

const xr = {
  apiVersion: 'test.example.org/v1alpha1', kind: 'XThing',
  metadata: { name: 'demo', namespace: 'team-a' },
  spec: { parameters: { region: 'europe-west1', size: 3 } },
};

const template = `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .observed.composite.resource.metadata.name }}-settings
  annotations:
    {{ setResourceNameAnnotation "settings" }}
data:
  region: {{ .observed.composite.resource.spec.parameters.region | quote }}
`;

describe('goTemplatingStep', () => {
  test('an inline template becomes a GoTemplate step and adds function-go-templating to the app', () => {
    const { app, comp } = setup();
    comp.addStep(goTemplatingStep({ step: 'render', source: GoTemplateSource.inline(template), missingKey: MissingKey.ERROR }));
    const json = compositionJson(app);
    expect(json.spec.pipeline[0]).toStrictEqual({
      step: 'render',
      functionRef: { name: 'function-go-templating' },
      input: {
        apiVersion: 'gotemplating.fn.crossplane.io/v1beta1', kind: 'GoTemplate',
        source: 'Inline', inline: { template }, options: ['missingkey=error'],
      },
    });
    expect(comp.functionPackages.map((p) => p.name)).toContain(FunctionPackage.GO_TEMPLATING.name);
  });

  test('the step renders offline as the function does', () => {
    const { comp } = setup();
    comp.addStep(goTemplatingStep({ step: 'render', source: GoTemplateSource.inline(template) }));
    const r = renderComposition({ composition: comp, xr });
    const cm = r.resources.find((o: any) => o.kind === 'ConfigMap') as any;
    expect(cm.metadata.name).toBe('demo-settings');
    expect(cm.data).toStrictEqual({ region: 'europe-west1' });
    expect(cm.metadata.annotations['crossplane.io/composition-resource-name']).toBe('settings');
  });

  test('a template the function cannot parse fails at construct time with its message', () => {
    expect(() => goTemplatingStep({ step: 'render', source: GoTemplateSource.inline('{{ .a.b-c }}') }))
      .toThrow("go-templating step 'render': invalid function input: cannot parse the provided templates: template: manifests:1: bad character U+002D '-': fix the template");
  });

  test('objects built in TypeScript: whole values keep their type, parts interpolate', () => {
    const source = GoTemplateSource.objects((t) => ({
      network: Network.manifest({
        metadata: { name: `${t.xr('metadata.name')}-net` },
        spec: { forProvider: { autoCreateSubnetworks: false, mtu: t.xr('spec.parameters.size') as unknown as number } },
      }),
    }));
    const { comp } = setup();
    comp.addStep(goTemplatingStep({ step: 'render', source }));
    const r = renderComposition({ composition: comp, xr });
    const net = r.resources.find((o: any) => o.kind === 'Network') as any;
    expect(net.metadata.name).toBe('demo-net');
    expect(net.spec.forProvider).toStrictEqual({ autoCreateSubnetworks: false, mtu: 3 });
    expect(net.metadata.annotations['crossplane.io/composition-resource-name']).toBe('network');
  });

  test('other sources and options are written as the function reads them', () => {
    const fs = goTemplatingStep({ step: 'a', source: GoTemplateSource.fileSystem('/templates'), delimiters: { left: '[[', right: ']]' } });
    expect(fs.input).toStrictEqual({
      apiVersion: 'gotemplating.fn.crossplane.io/v1beta1', kind: 'GoTemplate',
      source: 'FileSystem', fileSystem: { dirPath: '/templates' }, delims: { left: '[[', right: ']]' },
    });
    expect(goTemplatingStep({ step: 'b', source: GoTemplateSource.environment('tmpl') }).input)
      .toMatchObject({ source: 'Environment', environment: { key: 'tmpl' } });
    expect(() => GoTemplateSource.inline('')).toThrow(/needs the template text/);
    expect(() => GoTemplateSource.objects(() => ({}))).toThrow(/at least one object/);
  });
});
