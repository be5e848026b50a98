// The data-flow diagram: which patch becomes which edge, transforms and Required on the edge,
// status written back, Required dependencies between resources, reconcile numbers, escaping.
import { compositionDataFlow, dataFlowMermaid, requiredDependencies, simulate } from '../../src/simulate';

const composition = {
  apiVersion: 'apiextensions.crossplane.io/v1', kind: 'Composition', metadata: { name: 'things' },
  spec: {
    compositeTypeRef: { apiVersion: 'example.org/v1', kind: 'XThing' }, mode: 'Pipeline',
    pipeline: [{
      step: 'pt', functionRef: { name: 'function-patch-and-transform' },
      input: {
        apiVersion: 'pt.fn.crossplane.io/v1beta1', kind: 'Resources',
        patchSets: [{ name: 'common', patches: [{ fromFieldPath: 'spec.project', toFieldPath: 'spec.forProvider.project' }] }],
        resources: [
          {
            name: 'account', base: { apiVersion: 'cloudplatform.gcp.m.upbound.io/v1beta1', kind: 'ServiceAccount', spec: { forProvider: {} } },
            patches: [
              { type: 'PatchSet', patchSetName: 'common' },
              { fromFieldPath: 'metadata.name', toFieldPath: 'spec.forProvider.displayName', transforms: [{ type: 'string', string: { type: 'Format', fmt: 'SA "%s"' } }] },
              { type: 'ToCompositeFieldPath', fromFieldPath: 'status.atProvider.email', toFieldPath: 'status.email' },
            ],
          },
          {
            name: 'member', base: { apiVersion: 'cloudplatform.gcp.m.upbound.io/v1beta1', kind: 'ProjectIAMMember', spec: { forProvider: { role: 'roles/viewer' } } },
            patches: [
              { type: 'PatchSet', patchSetName: 'common' },
              { fromFieldPath: 'status.email', toFieldPath: 'spec.forProvider.member', policy: { fromFieldPath: 'Required' }, transforms: [{ type: 'string', string: { type: 'Format', fmt: 'serviceAccount:%s' } }] },
            ],
          },
        ],
      },
    }],
  },
};
const xr = { apiVersion: 'example.org/v1', kind: 'XThing', metadata: { name: 'demo', namespace: 'team' }, spec: { project: 'p1' } };

test('patch sets expanded, indexes as P&T counts them, and who sets a Required field', () => {
  const flow = compositionDataFlow(composition);
  expect(flow.resources.map(r => [r.name, r.kind, r.patches.map(p => `${p.index} ${p.from.join('+')} -> ${p.to}`)])).toStrictEqual([
    ['account', 'ServiceAccount', ['0 spec.project -> spec.forProvider.project', '1 metadata.name -> spec.forProvider.displayName', '2 status.atProvider.email -> status.email']],
    ['member', 'ProjectIAMMember', ['0 spec.project -> spec.forProvider.project', '1 status.email -> spec.forProvider.member']],
  ]);
  expect(requiredDependencies(flow)).toStrictEqual([
    { resource: 'member', patchIndex: 1, xrField: 'status.email', to: 'spec.forProvider.member', setBy: [{ resource: 'account', field: 'status.atProvider.email' }] },
  ]);
});

test('the diagram: XR fields, transforms on edges, status back to the XR, the Required dependency and first reconciles', () => {
  const sim = simulate({ xr, composition });
  expect(sim.firstAppearance).toStrictEqual({ account: 1, member: 3 });
  expect(dataFlowMermaid(compositionDataFlow(composition), { firstAppearance: sim.firstAppearance })).toBe(`flowchart LR
  subgraph xr["XR"]
    x0["spec.project"]
    x1["metadata.name"]
    x2["status.email"]
  end
  subgraph r0["account (ServiceAccount) · reconcile 1"]
    r0f0["spec.forProvider.project"]
    r0f1["spec.forProvider.displayName"]
    r0f2["status.atProvider.email"]
  end
  subgraph r1["member (ProjectIAMMember) · reconcile 3"]
    r1f0["spec.forProvider.project"]
    r1f1["spec.forProvider.member"]
  end
  x0 --> r0f0
  x1 -->|"format 'SA #quot;%s#quot;'"| r0f1
  r0f2 --> x2
  x0 --> r1f0
  x2 -->|"format 'serviceAccount:%s' → Required"| r1f1
  r0 -. "Required: status.email" .-> r1
`);
});

test('resources a simulation never composes are marked so', () => {
  const text = dataFlowMermaid(compositionDataFlow(composition), { firstAppearance: { account: 1 } });
  expect(text).toContain('subgraph r1["member (ProjectIAMMember) · never composed"]');
});

test('steps that do not run patch-and-transform add nothing', () => {
  const other = { ...composition, spec: { ...composition.spec, pipeline: [{ step: 'x', functionRef: { name: 'function-go-templating' }, input: { apiVersion: 'gotemplating.fn.crossplane.io/v1beta1', kind: 'GoTemplate' } }] } };
  expect(compositionDataFlow(other).resources).toStrictEqual([]);
});
