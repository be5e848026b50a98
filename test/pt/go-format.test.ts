import { analyzeGoFormat, goFormatArityProblem } from '../../src/pt';

describe('Go format strings (reference §3.6, §3.8)', () => {
  test.each<[string, string[], number]>([
    ['%s-%s', ['s', 's'], 2],
    ['100%%', [], 0],
    ['%%%s%%', ['s'], 1],
    ['%05.2f', ['f'], 1],
    ['%-10s|%+d', ['s', 'd'], 2],
    ['%[2]s-%[1]s', ['s', 's'], 2],
    ['%*d', ['d'], 2],
    ['%.*f', ['f'], 2],
    ['%#v', ['v'], 1],
  ])('%s prints verbs %j and references %i argument(s)', (fmt, verbs, referenced) => {
    const a = analyzeGoFormat(fmt);
    expect(a.verbs.map(v => v.verb)).toEqual(verbs);
    expect(a.argsReferenced).toBe(referenced);
  });

  test('explicit indexes name the argument each verb prints', () => {
    expect(analyzeGoFormat('%[2]d %s %[1]v').verbs.map(v => [v.text, v.argIndex])).toEqual([['%[2]d', 1], ['%s', 2], ['%[1]v', 0]]);
  });

  test.each<[string, number, RegExp | undefined]>([
    ['%s-%s', 2, undefined],
    ['%s', 2, /uses 1 argument\(s\) but gets 2.*EXTRA/],
    ['%s-%s-%s', 2, /uses 3 argument\(s\) but gets 2.*MISSING/],
    ['no verbs', 1, /EXTRA/],
    ['%[1]s', 2, undefined],
    ['%[3]s', 2, /MISSING/],
    ['%%', 0, undefined],
  ])('%s with %i argument(s)', (fmt, n, problem) => {
    const p = goFormatArityProblem(fmt, n);
    if (problem) expect(p).toMatch(problem); else expect(p).toBeUndefined();
  });
});
