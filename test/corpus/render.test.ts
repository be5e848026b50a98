/**
 * Every pure-P&T render pair of the real-world corpus (files.json `render_pairs`): it either
 * renders or fails for the documented reason in the table below, with the message `crossplane
 * render` gives for that reason. The classic output is snapshotted; the reconcile output is
 * checked against it by Crossplane's rules (composition_functions.go, names.go): the same
 * composed resources, each named ChildName(generateName, XR UID, resource name) and owned by the
 * XR's deterministic UID.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseYamlDocuments, render } from '../../src/engine';
import { childName, compositeUid } from '../../src/engine/reconcile/names';

const SHARED = path.resolve(__dirname, '../..', '../shared');
const CORPUS = path.join(SHARED, 'corpus');

interface Pair {
  snapshot: string; composition: string; composition_name: string; engine: string;
  example: string; example_doc_index: number; role: string; pt_class: string;
}

/** Why a pair does not render, and the error crossplane render gives for it. */
const EXPECTED_FAILURES: { reason: string; applies: (p: Pair) => boolean; message: RegExp }[] = [
  {
    reason: 'the example is a Claim: render takes an XR, and the Claim kind differs from compositeTypeRef.kind',
    applies: (p) => p.role === 'Claim',
    message: /^composition's compositeTypeRef\.kind \(X\w+\) does not match XR's kind \(\w+\)$/,
  },
  {
    reason: 'the Composition is Crossplane v1 Resources mode (no spec.mode: Pipeline)',
    applies: (p) => p.engine.includes('Resources mode'),
    message: /^render only supports Composition Function pipelines: Composition "[^"]+" must use spec\.mode: Pipeline$/,
  },
  {
    reason: 'the example leaves spec.parameters.clusterName as a null `# set-me` placeholder; the match transform rejects null input (reference §3.8)',
    applies: (p) => p.snapshot === 'upbound__configuration-gcp-gke-castai',
    message: /^(cannot render composite resource: cannot compose resources: )?pipeline step "patch-and-transform" returned a fatal result: cannot render composed resource "agent" "FromCompositeFieldPath" patch at index 3: transform at index 0 returned error: match transform could not resolve: cannot match pattern at index 0: unsupported input type 'null'$/,
  },
];

const available = fs.existsSync(path.join(CORPUS, 'files.json'));
if (!available) console.warn(`corpus render tests skipped: ${CORPUS} does not exist (it ships with the CI checkout)`);
const pairs: Pair[] = available
  ? (JSON.parse(fs.readFileSync(path.join(CORPUS, 'files.json'), 'utf8')).render_pairs as Pair[]).filter((p) => p.pt_class === 'pure-P&T')
  : [];

function load(p: Pair) {
  const dir = path.join(CORPUS, p.snapshot);
  const comps = parseYamlDocuments(fs.readFileSync(path.join(dir, p.composition), 'utf8'), p.composition).map((d) => d.object);
  const composition = comps.find((c: any) => c.metadata?.name === p.composition_name) ?? comps[0];
  const xr = parseYamlDocuments(fs.readFileSync(path.join(dir, p.example), 'utf8'), p.example)[p.example_doc_index].object;
  return { xr, composition };
}

(available ? describe : describe.skip)('corpus: pure P&T render pairs', () => {
  afterAll(() => {
    // Each pair counts under the first reason that applies, as the test itself decides.
    const byReason = EXPECTED_FAILURES.map((f) => `${pairs.filter((p) => EXPECTED_FAILURES.find((g) => g.applies(p)) === f).length} fail because ${f.reason}`);
    const rendered = pairs.filter((p) => !EXPECTED_FAILURES.some((f) => f.applies(p))).length;
    console.log(`corpus render pairs (pure P&T): ${pairs.length}; ${rendered} render (snapshotted); ${byReason.join('; ')}`);
  });

  test('the corpus has pure-P&T pairs', () => {
    expect(pairs.length).toBeGreaterThan(0);
  });

  test.each(pairs.map((p) => [`${p.snapshot}/${p.composition} + ${p.example}`, p] as const))('%s', (_id, p) => {
    const { xr, composition } = load(p);
    const failure = EXPECTED_FAILURES.find((f) => f.applies(p));
    if (failure) {
      expect(() => render({ xr, composition, output: 'classic' })).toThrow(failure.message);
      expect(() => render({ xr, composition })).toThrow(failure.message);
      return;
    }
    const result = render({ xr, composition, output: 'classic' });
    expect(result.resources.length).toBeGreaterThan(0);
    expect(result.toYaml()).toMatchSnapshot();

    const current = render({ xr, composition });
    const x = xr as { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; uid?: string } };
    const uid = x.metadata.uid ?? compositeUid(x.apiVersion, x.kind, x.metadata.namespace ?? '', x.metadata.name);
    const expected = result.resources.map((r) => {
      const name = r.metadata.annotations['crossplane.io/composition-resource-name'];
      return {
        ...r,
        metadata: {
          ...r.metadata,
          name: r.metadata.name ?? childName(r.metadata.generateName, uid, name),
          ownerReferences: r.metadata.ownerReferences.map((o: Record<string, unknown>) => ({ ...o, uid })),
        },
      };
    });
    expect(current.resources).toEqual(expected);
  });
});
