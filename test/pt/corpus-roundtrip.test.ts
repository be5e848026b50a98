// Every patch, transform, readiness check and connection detail found in the real-world
// corpus is rebuilt with our factories and must serialise to the same P&T JSON.
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import {
  Combine, ConnectionDetail, ConvertFormat, ConvertToType, MatchPattern, Patch, PatchSet, ReadinessCheck, StringConversion, Transform,
} from '../../src/pt';

const corpus = path.resolve(__dirname, '../..', '../shared/corpus');
const haveCorpus = fs.existsSync(path.join(corpus, 'files.json'));
if (!haveCorpus) console.warn(`skipping corpus round-trip: ${corpus} not found`);

type Json = any;

function transformOf(t: Json): Transform {
  switch (t.type) {
    case 'map': return Transform.map(t.map);
    case 'match': return Transform.match(t.match.patterns.map((p: Json) => (p.type ?? 'literal') === 'regexp'
      ? MatchPattern.regexp(p.regexp, p.result) : MatchPattern.literal(p.literal, p.result)),
    { fallbackValue: t.match.fallbackValue, fallbackToInput: t.match.fallbackTo === 'Input' });
    case 'math': {
      const m = t.math;
      const type = m.type ?? 'Multiply';
      return type === 'Multiply' ? Transform.math.multiply(m.multiply) : type === 'ClampMin' ? Transform.math.clampMin(m.clampMin) : Transform.math.clampMax(m.clampMax);
    }
    case 'string': {
      const s = t.string;
      switch (s.type ?? 'Format') {
        case 'Format': return Transform.string.format(s.fmt);
        case 'Convert': return Transform.string.convert(s.convert as StringConversion);
        case 'TrimPrefix': return Transform.string.trimPrefix(s.trim);
        case 'TrimSuffix': return Transform.string.trimSuffix(s.trim);
        case 'Regexp': return Transform.string.regexp(s.regexp.match, s.regexp.group);
        case 'Join': return Transform.string.join(s.join.separator);
        case 'Replace': return Transform.string.replace(s.replace.search, s.replace.replace);
      }
      throw new Error(`unknown string transform ${s.type}`);
    }
    case 'convert': return Transform.convert(t.convert.toType as ConvertToType, { format: t.convert.format as ConvertFormat | undefined });
  }
  throw new Error(`unknown transform ${t.type}`);
}

function patchOf(p: Json): Patch {
  const options = {
    transforms: (p.transforms ?? []).map(transformOf),
    fromFieldPathPolicy: p.policy?.fromFieldPath,
    toFieldPathPolicy: p.policy?.toFieldPath,
  };
  const combine = p.combine ? Combine.string(p.combine.string.fmt, p.combine.variables.map((v: Json) => v.fromFieldPath)) : undefined;
  switch (p.type ?? 'FromCompositeFieldPath') {
    case 'FromCompositeFieldPath': return Patch.fromCompositeFieldPath(p.fromFieldPath, p.toFieldPath, options);
    case 'ToCompositeFieldPath': return Patch.toCompositeFieldPath(p.fromFieldPath, p.toFieldPath, options);
    case 'FromEnvironmentFieldPath': return Patch.fromEnvironmentFieldPath(p.fromFieldPath, p.toFieldPath, options);
    case 'ToEnvironmentFieldPath': return Patch.toEnvironmentFieldPath(p.fromFieldPath, p.toFieldPath, options);
    case 'CombineFromComposite': return Patch.combineFromComposite(combine!, p.toFieldPath, options);
    case 'CombineToComposite': return Patch.combineToComposite(combine!, p.toFieldPath, options);
    case 'CombineFromEnvironment': return Patch.combineFromEnvironment(combine!, p.toFieldPath, options);
    case 'CombineToEnvironment': return Patch.combineToEnvironment(combine!, p.toFieldPath, options);
    case 'PatchSet': return Patch.patchSet(p.patchSetName);
  }
  throw new Error(`unknown patch type ${p.type}`);
}

/** The corpus JSON with the fields P&T defaults in Go that we always write filled in. */
function normalisedPatch(p: Json): Json {
  const out = { ...p, type: p.type ?? 'FromCompositeFieldPath' };
  if (out.transforms?.length === 0) delete out.transforms;
  if (out.transforms) {
    out.transforms = out.transforms.map((t: Json) => {
      if (t.type === 'match') {
        const match = { ...t.match, patterns: t.match.patterns.map((pt: Json) => ({ type: 'literal', ...pt })) };
        if (match.fallbackTo === 'Value') delete match.fallbackTo;
        return { ...t, match };
      }
      return t;
    });
  }
  return out;
}

function inputs(): { where: string; input: Json }[] {
  if (!haveCorpus) return [];
  const files = JSON.parse(fs.readFileSync(path.join(corpus, 'files.json'), 'utf8'));
  const out: { where: string; input: Json }[] = [];
  for (const c of files.compositions) {
    if (c.validity && c.validity !== 'valid') continue;
    const file = path.join(corpus, c.snapshot, c.path);
    if (!fs.existsSync(file)) continue;
    const doc = YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'))[c.doc_index]?.toJSON();
    for (const step of doc?.spec?.pipeline ?? []) {
      if (step.input?.apiVersion === 'pt.fn.crossplane.io/v1beta1') out.push({ where: `${c.snapshot}/${c.path}#${c.doc_index}`, input: step.input });
    }
  }
  return out;
}

const all = inputs();
const d = haveCorpus ? describe : describe.skip;

d('the corpus P&T inputs round-trip through our factories', () => {
  test('the corpus has P&T inputs to compare', () => {
    expect(all.length).toBeGreaterThan(5);
  });

  test.each(all.map(a => [a.where, a.input] as const))('%s', (_where, input) => {
    for (const set of input.patchSets ?? []) {
      const built = PatchSet.of(set.name, set.patches.map(patchOf));
      expect(built._toJson()).toStrictEqual({ name: set.name, patches: set.patches.map(normalisedPatch) });
    }
    for (const r of input.resources ?? []) {
      for (const p of r.patches ?? []) expect(patchOf(p)._toJson()).toStrictEqual(normalisedPatch(p));
      for (const c of r.readinessChecks ?? []) {
        const check = c.type === 'None' ? ReadinessCheck.none()
          : c.type === 'NonEmpty' ? ReadinessCheck.nonEmpty(c.fieldPath)
            : c.type === 'MatchString' ? ReadinessCheck.matchString(c.fieldPath, c.matchString)
              : c.type === 'MatchTrue' ? ReadinessCheck.matchTrue(c.fieldPath)
                : c.type === 'MatchFalse' ? ReadinessCheck.matchFalse(c.fieldPath)
                  : c.type === 'MatchInteger' ? ReadinessCheck.matchInteger(c.fieldPath, c.matchInteger)
                    : ReadinessCheck.matchCondition(c.matchCondition);
        expect(check._toJson()).toStrictEqual(c);
      }
      for (const c of r.connectionDetails ?? []) {
        const type = c.type ?? (c.fromConnectionSecretKey !== undefined ? 'FromConnectionSecretKey' : c.fromFieldPath !== undefined ? 'FromFieldPath' : 'FromValue');
        const detail = type === 'FromConnectionSecretKey' ? ConnectionDetail.fromConnectionSecretKey(c.name, c.fromConnectionSecretKey)
          : type === 'FromFieldPath' ? ConnectionDetail.fromFieldPath(c.name, c.fromFieldPath) : ConnectionDetail.fromValue(c.name, c.value);
        expect(detail._toJson()).toStrictEqual({ ...c, type });
      }
    }
  });
});
