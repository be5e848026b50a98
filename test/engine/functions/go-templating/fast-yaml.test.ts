// The fast block-YAML reader must give exactly what the full reader gives, or step aside.
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { fastBlockYaml } from '../../../../src/engine/functions/go-templating/fast-yaml';

const full = (text: string): unknown => parseDocument(text, {
  version: '1.1', intAsBigInt: true, merge: true, uniqueKeys: false,
  customTags: (tags: any[]) => tags.filter((t) => t.tag !== 'tag:yaml.org,2002:timestamp'),
} as any).toJS();

const docs = [
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\n  annotations:\n    gotemplating.fn.crossplane.io/composition-resource-name: cm\ndata:\n  a: "1"\n  b: x\n',
  'apiVersion: compute.gcp.m.upbound.io/v1beta1\nkind: Subnetwork\nspec:\n  forProvider:\n    region: europe-west1\n    ipCidrRange: 10.10.0.0/20\n    networkRef:\n      name: payments\n',
  'a:\n- x\n- w: 1\n  z: 2\n- 3\nb:\n  - c\n',
  'list:\n  - name: a\n    value: b\n  - name: c\n    nested:\n      deep: 7\nempty:\nlast: -12\n',
];

describe('fastBlockYaml', () => {
  test.each(docs)('reads %j as the full parser does', (doc) => {
    const fast = fastBlockYaml(doc);
    expect(fast).not.toBeUndefined();
    expect(fast).toEqual(full(doc));
  });

  test.each([
    'a: yes', 'a: on', 'on: 1', 'a: 1.5', 'a: 2024-01-01', 'a: 1:20', 'a: 0755', 'a: ~', 'a: [1]', 'a: {b: 1}', 'a: "x\\ty"',
    "a: 'q'", 'a: b # c', 'a: |\n  x', 'a: &x 1', 'y: 1', 'a: e5', 'just text', 'a: b: c', 'a: 1e3', 'a: 0x1f',
  ])('steps aside for %j', (doc) => {
    expect(fastBlockYaml(doc)).toBeUndefined();
  });

  test('random documents of the accepted shape read the same', () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9./-]{0,6}$/).filter((w) => !/^(y|n|yes|no|on|off|true|false|null|nan|inf|e[0-9]+)$/i.test(w) && !w.endsWith('-'));
    const scalar = fc.oneof(word, fc.integer({ min: -999, max: 999 }).map(String), word.map((w) => `"${w} ${w}"`));
    const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, scalar, fc.dictionary(word, tie('v'), { minKeys: 1, maxKeys: 3 }), fc.array(tie('v'), { minLength: 1, maxLength: 3 })),
    })).v;
    const emit = (v: unknown, indent: string): string => {
      if (typeof v === 'string') return ` ${v}\n`;
      if (Array.isArray(v)) return '\n' + v.map((e) => `${indent}-${emit(e, indent + '  ').replace(/^\n\s*/, ' ')}`).join('');
      return '\n' + Object.entries(v as object).map(([k, e]) => `${indent}${k}:${emit(e, indent + '  ')}`).join('');
    };
    fc.assert(fc.property(fc.dictionary(word, value, { minKeys: 1, maxKeys: 4 }), (o) => {
      const text = emit(o, '').replace(/^\n/, '');
      const fast = fastBlockYaml(text);
      if (fast !== undefined) expect(fast).toEqual(full(text));
    }), { numRuns: 300 });
  });
});
