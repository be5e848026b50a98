import { ApiObject, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Network, Subnetwork } from '../../imports/compute.gcp.m.upbound.io';
import { Network as ClusterNetwork } from '../../imports/compute.gcp.upbound.io';
import { AutoReady, Composition } from '../../src/composition';
import { FunctionPackage } from '../../src/functions';
import { Patch, PatchSet, ReadinessCheck } from '../../src/pt';
import { XrdScope } from '../../src/xrd';
import { compositionJson, setup, synthAll, testXrd } from './_fixtures';

const pcr = { kind: 'ClusterProviderConfig', name: 'default' };

describe('Composition defaults', () => {
  test('writes name, compositeTypeRef, Pipeline mode and the P&T step with its input', () => {
    // GIVEN
    const { app, comp } = setup();
    // WHEN
    comp.addResource('network', Network, { spec: { forProvider: { autoCreateSubnetworks: false }, providerConfigRef: pcr } });
    // THEN
    const json = compositionJson(app);
    expect(json.metadata).toStrictEqual({ name: 'xthings.test.example.org' });
    expect(json.spec).toStrictEqual({
      compositeTypeRef: { apiVersion: 'test.example.org/v1alpha1', kind: 'XThing' },
      mode: 'Pipeline',
      pipeline: [{
        functionRef: { name: 'function-patch-and-transform' },
        input: {
          apiVersion: 'pt.fn.crossplane.io/v1beta1',
          kind: 'Resources',
          resources: [{
            base: {
              apiVersion: 'compute.gcp.m.upbound.io/v1beta1',
              kind: 'Network',
              spec: { forProvider: { autoCreateSubnetworks: false }, providerConfigRef: pcr },
            },
            name: 'network',
          }],
        },
        step: 'patch-and-transform',
      }],
    });
    expect(comp.autoReady).toBe(AutoReady.AUTO);
  });

  test('labels and an explicit name are written to metadata', () => {
    const { app, comp } = setup({ name: 'xthings-gcp.test.example.org', labels: { provider: 'gcp' } });
    comp.addResource('network', Network, { spec: { providerConfigRef: pcr } });
    expect(compositionJson(app).metadata).toStrictEqual({ name: 'xthings-gcp.test.example.org', labels: { provider: 'gcp' } });
  });

  test('patches, readiness checks and patch sets are written in P&T wire format', () => {
    const { app, comp } = setup();
    comp.addPatchSet(PatchSet.of('common', [Patch.fromCompositeFieldPath('spec.parameters.region', 'spec.forProvider.region')]));
    const sub = comp.addResource('subnetwork', Subnetwork, { spec: { providerConfigRef: pcr } }, {
      readinessChecks: [ReadinessCheck.nonEmpty('status.atProvider.selfLink')],
    });
    sub.addPatch(Patch.patchSet('common'), Patch.toCompositeFieldPath(s => s.status.atProvider.id, xr => xr.status.id));
    const input = compositionJson(app).spec.pipeline[0].input;
    expect(input.patchSets).toStrictEqual([{ name: 'common', patches: [{ fromFieldPath: 'spec.parameters.region', toFieldPath: 'spec.forProvider.region', type: 'FromCompositeFieldPath' }] }]);
    expect(input.resources[0].patches).toStrictEqual([
      { patchSetName: 'common', type: 'PatchSet' },
      { fromFieldPath: 'status.atProvider.id', toFieldPath: 'status.id', type: 'ToCompositeFieldPath' },
    ]);
    expect(input.resources[0].readinessChecks).toStrictEqual([{ fieldPath: 'status.atProvider.selfLink', type: 'NonEmpty' }]);
  });

  test('a plain object template is copied as the base', () => {
    const { app, comp } = setup();
    const base = { apiVersion: 'v1', kind: 'ConfigMap', data: { a: 'b' } };
    comp.addResource('config', base);
    (base.data as any).a = 'changed';
    expect(compositionJson(app).spec.pipeline[0].input.resources[0].base).toStrictEqual({ apiVersion: 'v1', data: { a: 'b' }, kind: 'ConfigMap' });
  });

  test('writeConnectionSecretToRef goes into the P&T input', () => {
    const { app, comp } = setup({
      writeConnectionSecretToRef: { patches: [Patch.fromCompositeFieldPath<any, any>('metadata.name', 'name', {})] },
    });
    comp.addResource('network', Network, { spec: { providerConfigRef: pcr } });
    expect(compositionJson(app).spec.pipeline[0].input.writeConnectionSecretToRef)
      .toStrictEqual({ patches: [{ fromFieldPath: 'metadata.name', toFieldPath: 'name', type: 'FromCompositeFieldPath' }] });
  });
});

describe('templates from cdk8s-plus and ApiObjects', () => {
  test('a cdk8s-plus Deployment in templateScope becomes a base without a generated name and is not synthesized alone', () => {
    const { app, comp } = setup();
    const web = new kplus.Deployment(comp.templateScope, 'web', { containers: [{ image: 'nginx:1.27' }] });
    comp.addResource('web', web);
    const all = synthAll(app);
    expect(all.filter(o => o.kind === 'Deployment')).toStrictEqual([]);
    const base = compositionJson(app).spec.pipeline[0].input.resources[0].base;
    expect(base.kind).toBe('Deployment');
    expect(base.metadata).toBeUndefined();
    expect(base.spec.template.spec.containers[0].image).toBe('nginx:1.27');
  });

  test('fails if an ApiObject template belongs to a synthesized chart', () => {
    const { chart, comp } = setup();
    const cm = new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap' });
    expect(() => comp.addResource('cm', cm)).toThrow(/resources\[cm\] template 'test\/cm' belongs to chart 'test'.*create it in composition.templateScope/);
  });

  test('fails if a plain template has no kind', () => {
    const { comp } = setup();
    expect(() => comp.addResource('x', { apiVersion: 'v1' } as any)).toThrow(/resources\[x\] template must have apiVersion and kind/);
  });
});

describe('eager rules', () => {
  test('fails if two resources share a name, naming both', () => {
    const { comp } = setup();
    comp.addResource('net', Network, {});
    expect(() => comp.addResource('net', Subnetwork, {})).toThrow(/resources\[net\] name must be unique within the Composition, got 'net' for both Network and the new resource/);
  });

  test('fails if a resource name is not a valid annotation-friendly name', () => {
    const { comp } = setup();
    expect(() => comp.addResource('my network', Network, {})).toThrow(/resource name must be 1-63 letters.*got 'my network'/);
  });

  test('fails if two steps share a name', () => {
    const { comp } = setup();
    comp.addStep({ step: 'render', function: FunctionPackage.GO_TEMPLATING });
    expect(() => comp.addStep({ step: 'render', function: FunctionPackage.KCL })).toThrow(/pipeline step name must be unique, got 'render'/);
  });

  test('fails if a step is placed relative to an unknown step', () => {
    const { comp } = setup();
    expect(() => comp.addStep({ step: 'x', function: FunctionPackage.KCL }, { before: 'nope' })).toThrow(/placement names an unknown step, got 'nope': use one of 'patch-and-transform'/);
  });

  test('fails if a credential has no secretRef namespace', () => {
    const { comp } = setup();
    expect(() => comp.addStep({ step: 'x', function: FunctionPackage.KCL, credentials: [{ name: 'c', secretRef: { name: 's', namespace: '' } }] }))
      .toThrow(/credentials\[0\].secretRef needs name and namespace/);
  });

  test('fails if a required resource sets both name and matchLabels', () => {
    const { comp } = setup();
    expect(() => comp.addStep({
      step: 'x', function: FunctionPackage.KCL,
      requirements: { requiredResources: [{ requirementName: 'r', apiVersion: 'v1', kind: 'ConfigMap', name: 'a', matchLabels: { a: 'b' } }] },
    })).toThrow(/requiredResources\[0\] must not set both name and matchLabels/);
  });

  test('fails if the name is not a DNS subdomain', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    expect(() => new Composition(chart, 'C', { xrd: testXrd(chart), name: 'Bad_Name' })).toThrow(/name must be a DNS-1123 subdomain, got 'Bad_Name'/);
  });

  test('reports every wrong prop at once, each with the construct path', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    const xrd = testXrd(chart);
    expect(() => new Composition(chart, 'C', { xrd, name: 'Bad_Name', autoReady: 'sometimes' as AutoReady, patchAndTransformStep: ' ' })).toThrow([
      "[c/C] name must be a DNS-1123 subdomain, got 'Bad_Name': use lowercase letters, digits, '-' and '.', e.g. 'xnetworks.platform.example.org'",
      "[c/C] autoReady must be one of auto, on, off, got 'sometimes': use AutoReady.AUTO, AutoReady.ON or AutoReady.OFF",
      "[c/C] patchAndTransformStep must be a non-empty string, got '': leave it unset for 'patch-and-transform'",
    ].join('\n'));
  });

  test('reports every problem of one addStep call at once', () => {
    const { comp } = setup();
    comp.addStep({ step: 'render', function: FunctionPackage.GO_TEMPLATING });
    let message = '';
    try {
      comp.addStep({
        step: 'render', function: 'kcl' as any,
        credentials: [{ name: '', secretRef: { name: 's', namespace: '' } }],
      }, { before: 'a', after: 'b' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.split('\n')).toEqual([
      "[test/Composition] pipeline step 'render' credentials[0].name must be a non-empty string, got '': name the credential the function reads",
      "[test/Composition] pipeline step 'render' credentials[0].secretRef needs name and namespace, got '{\"name\":\"s\",\"namespace\":\"\"}': Crossplane only admits Secret credentials with both set",
      "[test/Composition] pipeline step name must be unique, got 'render' for an existing step and the new one: rename one",
      "[test/Composition] pipeline step 'render' function must be a FunctionPackage or a CompositionFunction, got 'kcl': e.g. FunctionPackage.GO_TEMPLATING",
      "[test/Composition] pipeline step 'render' placement must give before or after, got both ('a', 'b'): keep one",
    ]);
  });

  test('reports a bad resource name and a bad template together', () => {
    const { comp } = setup();
    expect(() => comp.addResource('my network', { apiVersion: 'v1' } as any)).toThrow([
      "[test/Composition] resource name must be 1-63 letters, digits, '-', '_' or '.', starting and ending alphanumeric, got 'my network': "
        + "it becomes the crossplane.io/composition-resource-name annotation, e.g. 'network'",
      "[test/Composition] resources[my network] template must have apiVersion and kind, got '{\"apiVersion\":\"v1\"}': P&T needs both to create the resource",
    ].join('\n'));
  });
});

describe('synth-time rules', () => {
  test('fails if the pipeline is empty', () => {
    const { app } = setup();
    expect(() => app.synthYaml()).toThrow(/spec.pipeline must have at least 1 step, got 0/);
  });

  test('fails if the pipeline has more than 99 steps', () => {
    const { app, comp } = setup({ autoReady: AutoReady.OFF });
    for (let i = 0; i < 100; i++) comp.addStep({ step: `s${i}`, function: FunctionPackage.KCL });
    expect(() => app.synthYaml()).toThrow(/spec.pipeline must have at most 99 steps, got 100/);
  });

  test('fails at synth with a did-you-mean if an XR-side string path has a typo', () => {
    const { app, comp } = setup();
    comp.addResource('network', Network, { spec: { providerConfigRef: pcr } })
      .addPatch(Patch.fromCompositeFieldPath('spec.parameters.regoin', 'spec.forProvider.description'));
    expect(() => app.synthYaml()).toThrow(/resources\[network\]\.patches\[0\]\.fromFieldPath must name a field of the .*got 'spec.parameters.regoin'.*region/);
  });

  test('fails at synth with a did-you-mean if a composed-side string path has a typo', () => {
    const { app, comp } = setup();
    comp.addResource('network', Network, { spec: { providerConfigRef: pcr } })
      .addPatch(Patch.fromCompositeFieldPath('spec.parameters.region', 'spec.forProvider.descripton'));
    expect(() => app.synthYaml()).toThrow(/resources\[network\]\.patches\[0\]\.toFieldPath .*got 'spec.forProvider.descripton'.*description/);
  });

  test('fails if a patch references an undeclared patch set, suggesting the closest', () => {
    const { app, comp } = setup();
    comp.addPatchSet(PatchSet.of('common', [Patch.fromCompositeFieldPath('spec.parameters.region', 'spec.forProvider.region')]));
    comp.addResource('network', Network, { spec: { providerConfigRef: pcr } }).addPatch(Patch.patchSet('comon'));
    expect(() => app.synthYaml()).toThrow(/resources\[network\]\.patches\[0\]\.patchSetName must name a patch set of this Composition, got 'comon': did you mean 'common'\?/);
  });

  test('fails if a Namespaced XR composes a cluster-scoped kind, pointing at the .m. twin', () => {
    const { app, comp } = setup();
    comp.addResource('network', ClusterNetwork, {});
    expect(() => app.synthYaml()).toThrow(/resources\[network\]\.base\.kind must be namespaced under a Namespaced XR, got cluster-scoped 'Network'.*compute\.gcp\.m\.upbound\.io/);
  });

  test('a Cluster XR may compose cluster-scoped kinds', () => {
    const { app, comp } = setup({}, XrdScope.CLUSTER);
    comp.addResource('network', ClusterNetwork, {});
    expect(() => app.synthYaml()).not.toThrow();
  });

  test('warns if writeConnectionSecretsToNamespace is set for a modern XRD, which Crossplane ignores', () => {
    const { app, comp } = setup({ writeConnectionSecretsToNamespace: 'crossplane-system' });
    comp.addResource('network', Network, { spec: { providerConfigRef: pcr } });
    const writes: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((text: string | Uint8Array) => { writes.push(String(text)); return true; });
    try {
      expect(() => app.synthYaml()).not.toThrow();
    } finally {
      spy.mockRestore();
    }
    expect(writes.filter(w => w.includes('writeConnectionSecretsToNamespace'))).toEqual([expect.stringMatching(
      /^cdk8s-crossplane: warning: \[test\/Composition\] spec.writeConnectionSecretsToNamespace is only used for LegacyCluster XRs, got 'crossplane-system' for a Namespaced XRD: Crossplane ignores it/)]);
    expect(compositionJson(app).spec.writeConnectionSecretsToNamespace).toBe('crossplane-system');
  });

  test('fails if a writeConnectionSecretToRef patch targets anything but name or namespace', () => {
    const { app, comp } = setup({ writeConnectionSecretToRef: { patches: [Patch.fromCompositeFieldPath<any, any>('metadata.name', 'labels')] } });
    comp.addResource('network', Network, { spec: { providerConfigRef: pcr } });
    expect(() => app.synthYaml()).toThrow(/writeConnectionSecretToRef.patches\[0\].toFieldPath must be 'name' or 'namespace', got 'labels'/);
  });

  test('fails if a step input is not the input kind of its function', () => {
    const { app, comp } = setup();
    comp.addStep({ step: 'render', function: FunctionPackage.GO_TEMPLATING, input: { apiVersion: 'pt.fn.crossplane.io/v1beta1', kind: 'Resources' } });
    expect(() => app.synthYaml()).toThrow(/spec.pipeline\[render\].input must be gotemplating.fn.crossplane.io\/v1beta1 GoTemplate for function-go-templating, got 'pt.fn.crossplane.io\/v1beta1 Resources'/);
  });

  test('fails if two Compositions in the app have the same name', () => {
    const { app, chart, xrd, comp } = setup();
    comp.addResource('network', Network, { spec: { providerConfigRef: pcr } });
    new Composition(chart, 'Other', { xrd }).addResource('network', Network, { spec: { providerConfigRef: pcr } });
    expect(() => app.synthYaml()).toThrow(/metadata.name must be unique in the app, got 'xthings.test.example.org' here and at 'test\/Other'/);
  });

  test('fails if a composed apiVersion is not served', () => {
    const { app, comp } = setup();
    comp.addResource('network', { apiVersion: 'compute.gcp.m.upbound.io/v1beta2', kind: 'Network', spec: { providerConfigRef: pcr } });
    expect(() => app.synthYaml()).toThrow(/base.apiVersion must be a served version of Network, got 'compute.gcp.m.upbound.io\/v1beta2': use 'compute.gcp.m.upbound.io\/v1beta1'/);
  });
});

describe('warnings', () => {
  test('warns when a namespaced managed resource has no providerConfigRef.kind', () => {
    const { comp } = setup();
    comp.addResource('network', Network, {});
    expect(comp.warnings).toEqual([expect.stringMatching(/resources\[network\]\.base\.spec\.providerConfigRef\.kind should be set/)]);
  });

  test('warns when several Compositions serve one type without distinguishing labels', () => {
    const { chart, xrd, comp } = setup();
    new Composition(chart, 'Other', { xrd, name: 'other.test.example.org' });
    expect(comp.warnings).toEqual([expect.stringMatching(/metadata.labels must tell apart the 2 Compositions serving XThing/)]);
  });

  test('does not warn when the Compositions carry different labels', () => {
    const { chart, xrd, comp } = setup({ labels: { provider: 'gcp' } });
    new Composition(chart, 'Other', { xrd, name: 'other.test.example.org', labels: { provider: 'aws' } });
    expect(comp.warnings).toStrictEqual([]);
  });
});

describe('pipeline steps and function-auto-ready', () => {
  test('AUTO adds auto-ready last when a built-in Kubernetes kind is composed', () => {
    const { app, comp } = setup();
    comp.addResource('config', { apiVersion: 'v1', kind: 'ConfigMap' });
    expect(compositionJson(app).spec.pipeline.map((s: any) => [s.step, s.functionRef.name])).toStrictEqual([
      ['patch-and-transform', 'function-patch-and-transform'],
      ['automatically-detect-ready-composed-resources', 'function-auto-ready'],
    ]);
  });

  test('AUTO leaves auto-ready out when only managed resources are composed by P&T', () => {
    const { comp } = setup();
    comp.addResource('network', Network, { spec: { providerConfigRef: pcr } });
    expect(comp.pipeline.map(s => s.step)).toStrictEqual(['patch-and-transform']);
  });

  test('ON always adds auto-ready; OFF never does', () => {
    const on = setup({ autoReady: AutoReady.ON });
    on.comp.addResource('network', Network, { spec: { providerConfigRef: pcr } });
    expect(on.comp.pipeline.map(s => s.functionName)).toStrictEqual(['function-patch-and-transform', 'function-auto-ready']);
    const off = setup({ autoReady: AutoReady.OFF });
    off.comp.addResource('config', { apiVersion: 'v1', kind: 'ConfigMap' });
    expect(off.comp.pipeline.map(s => s.functionName)).toStrictEqual(['function-patch-and-transform']);
  });

  test('addStep places steps before or after others and auto-ready stays last', () => {
    const { app, comp } = setup();
    comp.addResource('network', Network, { spec: { providerConfigRef: pcr } });
    comp.addStep({
      step: 'environment', function: FunctionPackage.ENVIRONMENT_CONFIGS,
      input: { apiVersion: 'environmentconfigs.fn.crossplane.io/v1beta1', kind: 'Input', spec: { environmentConfigs: [{ type: 'Reference', ref: { name: 'gcp' } }] } },
    }, { before: comp.patchAndTransformStep });
    comp.addStep({
      step: 'templates', function: FunctionPackage.GO_TEMPLATING,
      input: { apiVersion: 'gotemplating.fn.crossplane.io/v1beta1', kind: 'GoTemplate', source: 'Inline', inline: { template: '' } },
      credentials: [{ name: 'token', secretRef: { name: 'token', namespace: 'crossplane-system' } }],
      requirements: { requiredSchemas: [{ requirementName: 'xr', apiVersion: 'test.example.org/v1alpha1', kind: 'XThing' }] },
    });
    const pipeline = compositionJson(app).spec.pipeline;
    expect(pipeline.map((s: any) => s.step)).toStrictEqual(['environment', 'patch-and-transform', 'templates', 'automatically-detect-ready-composed-resources']);
    expect(pipeline[2].credentials).toStrictEqual([{ name: 'token', secretRef: { name: 'token', namespace: 'crossplane-system' }, source: 'Secret' }]);
    expect(pipeline[2].requirements).toStrictEqual({ requiredSchemas: [{ apiVersion: 'test.example.org/v1alpha1', kind: 'XThing', requirementName: 'xr' }] });
  });

  test('a pipeline of function steps only has no P&T step', () => {
    const { comp } = setup({ autoReady: AutoReady.OFF });
    comp.addStep({ step: 'kcl', function: FunctionPackage.KCL });
    expect(comp.pipeline).toStrictEqual([{ step: 'kcl', functionName: 'function-kcl' }]);
  });
});

describe('selection among several Compositions', () => {
  test('does not warn when the XRD names a defaultCompositionRef', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    const { CompositeResourceDefinition } = require('../../src/xrd');
    const { Schema } = require('../../src/schema');
    const xrd = new CompositeResourceDefinition(chart, 'Xrd', {
      group: 'test.example.org', names: { kind: 'XThing', plural: 'xthings' }, version: 'v1alpha1',
      spec: Schema.object({ a: Schema.optional(Schema.string()) }), defaultCompositionRef: { name: 'xthings.test.example.org' },
    });
    const comp = new Composition(chart, 'A', { xrd });
    new Composition(chart, 'B', { xrd, name: 'b.test.example.org' });
    expect(comp.warnings).toStrictEqual([]);
  });
});

describe('nested composite resources and patch sets', () => {
  test('an XRD as template composes an XR of its referenceable version', () => {
    const { app, chart, comp } = setup();
    const { CompositeResourceDefinition } = require('../../src/xrd');
    const { Schema } = require('../../src/schema');
    const inner = new CompositeResourceDefinition(chart, 'Inner', {
      group: 'inner.example.org', names: { kind: 'XInner', plural: 'xinners' }, version: 'v1beta1',
      spec: Schema.object({ size: Schema.optional(Schema.string()) }),
    });
    comp.addResource('inner', inner, { spec: { size: 'small' } })
      .addPatch(Patch.fromCompositeFieldPath('spec.parameters.region', 'spec.sise'));
    expect(() => app.synthYaml()).toThrow(/resources\[inner\]\.patches\[0\]\.toFieldPath .*got 'spec.sise'.*size/);
  });

  test('an XRD template is written with its apiVersion and kind', () => {
    const { app, chart, comp } = setup();
    const { CompositeResourceDefinition } = require('../../src/xrd');
    const { Schema } = require('../../src/schema');
    const inner = new CompositeResourceDefinition(chart, 'Inner', {
      group: 'inner.example.org', names: { kind: 'XInner', plural: 'xinners' }, version: 'v1beta1',
      spec: Schema.object({ size: Schema.optional(Schema.string()) }),
    });
    comp.addResource('inner', inner, { spec: { size: 'small' } });
    expect(compositionJson(app).spec.pipeline[0].input.resources[0].base).toStrictEqual({ apiVersion: 'inner.example.org/v1beta1', kind: 'XInner', spec: { size: 'small' } });
  });

  test('fails if a patch set writes a path the resource using it does not have', () => {
    const { app, comp } = setup();
    comp.addPatchSet(PatchSet.of('common', [Patch.fromCompositeFieldPath('spec.parameters.region', 'spec.forProvider.regoin')]));
    comp.addResource('network', Network, { spec: { providerConfigRef: pcr } }).addPatch(Patch.patchSet('common'));
    expect(() => app.synthYaml()).toThrow(/resources\[network\]\.patches\[0\] \(patchSets\[common\]\.patches\[0\]\)\.toFieldPath .*got 'spec.forProvider.regoin'/);
  });
});

describe('environment patches and the connection secret', () => {
  test('environment patches are written to environment.patches before the resources', () => {
    const { EnvironmentPatch } = require('../../src/pt');
    const { app, comp } = setup({ environmentPatches: [EnvironmentPatch.fromCompositeFieldPath('spec.parameters.region', 'region')] });
    comp.addResource('network', Network, { spec: { providerConfigRef: pcr } })
      .addPatch(Patch.fromEnvironmentFieldPath('region', 'spec.forProvider.description'));
    const input = compositionJson(app).spec.pipeline[0].input;
    expect(Object.keys(input)).toStrictEqual(['apiVersion', 'environment', 'kind', 'resources']);
    expect(input.environment).toStrictEqual({ patches: [{ fromFieldPath: 'spec.parameters.region', toFieldPath: 'region', type: 'FromCompositeFieldPath' }] });
  });

  test('fails if writeConnectionSecretToRef is set without any resource', () => {
    const { app } = setup({ writeConnectionSecretToRef: { name: 'conn' } });
    expect(() => app.synthYaml()).toThrow(/writeConnectionSecretToRef needs a composed resource with connection details, got no resources/);
  });

  test('warns when a Cluster XR exposes connection details without a Secret namespace', () => {
    const { ConnectionDetail } = require('../../src/pt');
    const { comp } = setup({}, XrdScope.CLUSTER);
    comp.addResource('network', ClusterNetwork, {}, { connectionDetails: [ConnectionDetail.fromValue('user', 'admin')] });
    expect(comp.warnings).toEqual([expect.stringMatching(/writeConnectionSecretToRef.namespace should be set for a Cluster XR with connection details/)]);
  });
});

describe('path lambdas at run time', () => {
  test('fails at synth if an untyped lambda records a path the XR schema lacks', () => {
    const { app, comp } = setup();
    comp.addResource('network', Network, { spec: { providerConfigRef: pcr } })
      .addPatch(Patch.fromCompositeFieldPath((xr: any) => xr.spec.parameters.regoin, n => n.spec.forProvider.description));
    expect(() => app.synthYaml()).toThrow(/got 'spec.parameters.regoin'.*did you mean 'region'\?/);
  });
});

describe('scopes', () => {
  test('fails if a Namespaced XR composes a cluster-scoped core kind', () => {
    const { app, comp } = setup();
    comp.addResource('ns', new kplus.Namespace(comp.templateScope, 'ns'));
    expect(() => app.synthYaml()).toThrow(/resources\[ns\]\.base\.kind must be namespaced under a Namespaced XR, got cluster-scoped 'Namespace' \(v1\).*make the XRD Cluster scoped/);
  });

  test('kinds nobody knows are not scope-checked', () => {
    const { app, comp } = setup();
    comp.addResource('thing', { apiVersion: 'unknown.example.com/v1', kind: 'Thing' });
    expect(() => app.synthYaml()).not.toThrow();
  });

  test('a LegacyCluster XRD may set writeConnectionSecretsToNamespace, written to the spec', () => {
    const { app, comp } = setup({ writeConnectionSecretsToNamespace: 'crossplane-system' }, XrdScope.LEGACY_CLUSTER);
    comp.addResource('network', ClusterNetwork, {});
    expect(compositionJson(app).spec.writeConnectionSecretsToNamespace).toBe('crossplane-system');
  });
});

describe('warnings as construct metadata', () => {
  test('each warning is recorded once on the construct, however often the app validates', () => {
    const { app, comp } = setup();
    comp.addResource('network', Network, {});
    app.synthYaml();
    app.synthYaml();
    const entries = comp.node.metadata.filter(m => m.type === 'cdk8s-crossplane/warning').map(m => m.data);
    expect(entries).toEqual([expect.stringMatching(/providerConfigRef.kind should be set/)]);
  });
});

describe('templates produced by an earlier step', () => {
  const goTemplate = { apiVersion: 'gotemplating.fn.crossplane.io/v1beta1', kind: 'GoTemplate', source: 'Inline', inline: { template: '' } };

  test('FromPreviousStep writes a template without base, patched by P&T after the producing step', () => {
    const { FromPreviousStep } = require('../../src/composition');
    const { app, comp } = setup({ autoReady: AutoReady.OFF });
    comp.addStep({ step: 'templates', function: FunctionPackage.GO_TEMPLATING, input: goTemplate }, { before: comp.patchAndTransformStep });
    comp.addResource('network', FromPreviousStep.of(Network)).addPatch(Patch.fromCompositeFieldPath('spec.parameters.region', 'spec.forProvider.description'));
    const pipeline = compositionJson(app).spec.pipeline;
    expect(pipeline.map((s: any) => s.step)).toStrictEqual(['templates', 'patch-and-transform']);
    expect(pipeline[1].input.resources).toStrictEqual([{
      name: 'network', patches: [{ fromFieldPath: 'spec.parameters.region', toFieldPath: 'spec.forProvider.description', type: 'FromCompositeFieldPath' }],
    }]);
  });

  test('fails if no step runs before P&T to produce a FromPreviousStep resource', () => {
    const { FromPreviousStep } = require('../../src/composition');
    const { app, comp } = setup();
    comp.addResource('network', FromPreviousStep.of(Network));
    comp.addStep({ step: 'templates', function: FunctionPackage.GO_TEMPLATING, input: goTemplate });
    expect(() => app.synthYaml()).toThrow(/resources\[network\]\.base is required unless an earlier step produces 'network', got no step before 'patch-and-transform'/);
  });

  test('composed-side string paths of a FromPreviousStep resource are checked against its kind', () => {
    const { FromPreviousStep } = require('../../src/composition');
    const { app, comp } = setup();
    comp.addStep({ step: 'templates', function: FunctionPackage.GO_TEMPLATING, input: goTemplate }, { before: comp.patchAndTransformStep });
    comp.addResource('network', FromPreviousStep.of(Network)).addPatch(Patch.fromCompositeFieldPath('spec.parameters.region', 'spec.forProvider.regio'));
    expect(() => app.synthYaml()).toThrow(/resources\[network\]\.patches\[0\]\.toFieldPath .*got 'spec.forProvider.regio'/);
  });
});
