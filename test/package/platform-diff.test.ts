// `diff` over two revisions of the example platform, given as synthesized objects: XRD changes
// are classified by diffXrd (test/package/xrd-diff.test.ts has the rules), example XRs are
// rendered on both sides with the offline render() and compared; nothing it could not compare
// is reported as unchanged.
import { parseAllDocuments } from 'yaml';
import { diffPlatform, platformDiffMarkdown } from '../../src/package/platform-diff';
import { unifiedDiff } from '../../src/package/_line-diff';
import { exampleOutput } from '../_helpers/example-output';

type Obj = Record<string, any>;

const objects: Obj[] = exampleOutput(true)
  .filter((f) => f.path.endsWith('.yaml'))
  .flatMap((f) => parseAllDocuments(f.content).map((d) => d.toJS()));
const base = { label: 'base (main)', objects };
const copy = () => structuredClone(objects);
const networkXrd = (objs: Obj[]) => objs.filter((o) => o.kind === 'CompositeResourceDefinition' && o.spec.names.kind === 'XNetwork');

test('the same platform: no XRD changes, every example XR rendered and unchanged', () => {
  const d = diffPlatform(base, { label: 'head', objects: copy() });
  expect(d.breaking).toBe(0);
  expect(d.failed).toBe(0);
  expect(d.xrds.length).toBeGreaterThanOrEqual(4);
  expect(d.xrds.every((x) => x.status === 'unchanged')).toBe(true);
  expect(d.examples.length).toBeGreaterThanOrEqual(7);
  expect(d.examples.every((e) => e.status === 'unchanged')).toBe(true);
  expect(platformDiffMarkdown(d)).toMatch(/\*\*✅ No breaking changes\*\*: \d+ XRDs compared · 0 of \d+ example XRs render differently/);
});

test('removing a field of an XRD is breaking, and the Markdown names the XRD, version and field', () => {
  const head = copy();
  const xrds = networkXrd(head);
  expect(xrds.length).toBeGreaterThan(0); // the package folder repeats the XRD; both copies change
  for (const x of xrds) {
    const parameters = x.spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.parameters;
    expect(parameters.properties.region).toBeDefined();
    delete parameters.properties.region;
  }
  const d = diffPlatform(base, { label: 'head (dist)', objects: head });
  expect(d.breaking).toBe(1);
  const md = platformDiffMarkdown(d);
  expect(md).toContain('**❌ 1 breaking change**');
  expect(md).toMatch(new RegExp(`\\| \`${xrds[0].metadata.name}\` \\| \`${xrds[0].spec.versions[0].name}\` \\| \`spec\\.parameters\\.region\` \\| field removed`));
});

test('an XRD that disappeared is named with the side it is missing from', () => {
  const head = copy().filter((o) => !(o.kind === 'CompositeResourceDefinition' && o.spec.names.kind === 'XNetwork'));
  const d = diffPlatform(base, { label: 'head (dist)', objects: head });
  const gone = d.xrds.find((x) => x.status === 'removed')!;
  expect(gone.changes[0].message).toBe('XRD present in base (main), missing from head (dist): its XRs lose their API');
  // Its example XRs can no longer be rendered on the head side: reported, never "unchanged".
  const networks = d.examples.filter((e) => e.id.startsWith('XNetwork '));
  expect(networks.length).toBeGreaterThan(0);
  for (const e of networks) {
    expect(e.status).toBe('failed');
    expect(e.errors).toStrictEqual(['head (dist): no XRD defines XNetwork']);
  }
  expect(platformDiffMarkdown(d)).toContain('### Could not compare');
});

test('a Composition change shows in the rendered output of the example XRs that use it', () => {
  const head = copy();
  let changed = 0;
  for (const c of head.filter((o) => o.kind === 'Composition' && o.spec.compositeTypeRef.kind === 'XNetwork')) {
    const step = c.spec.pipeline.find((s: Obj) => s.input?.kind === 'Resources');
    step.input.resources[0].base.metadata = { ...(step.input.resources[0].base.metadata ?? {}), labels: { team: 'network' } };
    changed++;
  }
  expect(changed).toBeGreaterThan(0);
  const d = diffPlatform(base, { label: 'head', objects: head });
  expect(d.breaking).toBe(0);
  const networks = d.examples.filter((e) => e.id.startsWith('XNetwork '));
  expect(networks.every((e) => e.status === 'changed')).toBe(true);
  expect(networks[0].diff!.text).toMatch(/^\+\s+team: network$/m);
  expect(d.examples.filter((e) => !e.id.startsWith('XNetwork ')).every((e) => e.status === 'unchanged')).toBe(true);
  const md = platformDiffMarkdown(d);
  expect(md).toMatch(/<details><summary>XNetwork .*: \+\d+ −\d+ lines<\/summary>\n\n```diff\n/);
});

test('an example that fails to render on one side is reported with the side and the error', () => {
  const head = copy();
  for (const c of head.filter((o) => o.kind === 'Composition' && o.spec.compositeTypeRef.kind === 'XNetwork')) {
    c.spec.pipeline[0].functionRef.name = 'function-missing';
  }
  const d = diffPlatform(base, { label: 'head', objects: head });
  const failed = d.examples.filter((e) => e.status === 'failed');
  expect(failed.length).toBeGreaterThan(0);
  expect(failed[0].errors[0]).toMatch(/^head: cannot render with Composition '.*': .*function-missing/);
  expect(platformDiffMarkdown(d)).toMatch(/\*\*⚠️ Could not compare everything\*\*/);
});

test('unifiedDiff: line changes with context, nothing for equal texts', () => {
  expect(unifiedDiff('a\nb\nc\n', 'a\nb\nc\n')).toStrictEqual({ added: 0, removed: 0, text: '' });
  expect(unifiedDiff('a\nb\nc', 'a\nB\nc')).toStrictEqual({ added: 1, removed: 1, text: ' a\n-b\n+B\n c' });
  const long = Array.from({ length: 20 }, (_, i) => `l${i}`);
  const changed = [...long];
  changed[1] = 'x';
  changed[18] = 'y';
  expect(unifiedDiff(long.join('\n'), changed.join('\n'), 1).text).toBe(' l0\n-l1\n+x\n l2\n@@\n l17\n-l18\n+y\n l19');
});

test('example claims are listed as not rendered, never silently dropped', () => {
  const withClaims = (objs: Obj[]) => {
    const out = structuredClone(objs);
    const x = networkXrd(out)[0];
    x.apiVersion = 'apiextensions.crossplane.io/v1';
    x.spec.claimNames = { kind: 'Network', plural: 'networks' };
    out.push({ apiVersion: `${x.spec.group}/${x.spec.versions[0].name}`, kind: 'Network', metadata: { name: 'claimed', namespace: 'team-a' }, spec: {} });
    return out;
  };
  const d = diffPlatform({ label: 'base', objects: withClaims(objects) }, { label: 'head', objects: withClaims(objects) });
  expect(d.claims).toStrictEqual(['Network team-a/claimed']);
  expect(platformDiffMarkdown(d)).toContain('Not rendered: 1 example claim (`Network team-a/claimed`)');
  expect(d.examples.some((e) => e.id.startsWith('Network '))).toBe(false);
});
