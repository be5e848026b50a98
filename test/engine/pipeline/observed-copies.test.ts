// Observed objects are read in place when they are already in Struct form (no copy per render),
// so nothing may write to them: checks that the caller's objects stay untouched and that a
// user function's changes to its request never reach a later step, as in Crossplane, where
// every function gets its own request.
import { isStructForm, render } from '../../../src/engine';
import { MissingField, Paved } from '../../../src/engine/runtime/fieldpath';

const composition = (steps: object[]) => ({
  apiVersion: 'apiextensions.crossplane.io/v1', kind: 'Composition', metadata: { name: 'c' },
  spec: { compositeTypeRef: { apiVersion: 'example.org/v1', kind: 'XThing' }, mode: 'Pipeline', pipeline: steps },
});
const functions = ['one', 'two'].map((name) => ({ apiVersion: 'pkg.crossplane.io/v1', kind: 'Function', metadata: { name }, spec: { package: `xpkg.example.org/${name}:v1` } }));

describe('isStructForm', () => {
  test.each([
    ['a plain JSON object', { a: 1, b: ['x', true, null, { c: 0.5 }] }, true],
    ['a bigint (int64 from a YAML parse)', { a: 1n }, false],
    ['an undefined member', { a: undefined }, false],
    ['an array hole', [1, , 3], false],
    ['a Date', { d: new Date(0) }, false],
    ['a class instance', { m: new Map() }, false],
  ])('%s', (_name, value, expected) => {
    expect(isStructForm(value)).toBe(expected);
  });
});

describe('observed state', () => {
  test('a user function gets its own copy: its changes reach neither the caller nor a later step', () => {
    // GIVEN an observed resource in Struct form and two user functions
    const observed = [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', annotations: { 'crossplane.io/composition-resource-name': 'cm' } }, data: { a: 'original' } }];
    const seen: string[] = [];
    const mutate = (req: any) => { req.observed.resources.cm.resource.data.a = 'changed'; return { desired: req.desired, context: req.context, results: [] }; };
    const read = (req: any) => { seen.push(req.observed.resources.cm.resource.data.a); return { desired: req.desired, context: req.context, results: [] }; };
    const xr = { apiVersion: 'example.org/v1', kind: 'XThing', metadata: { name: 'x' }, spec: {} };
    // WHEN the first step changes its observed copy
    render({
      xr, observed, functions,
      composition: composition([{ step: 'one', functionRef: { name: 'one' } }, { step: 'two', functionRef: { name: 'two' } }]),
      functionImplementations: { one: mutate, two: read },
    });
    // THEN the second step and the caller still see the original
    expect(seen).toEqual(['original']);
    expect(observed[0].data.a).toBe('original');
  });
});

describe('Paved.lookup', () => {
  test('returns the value, or a MissingField whose error is crossplane-runtime\'s not-found text', () => {
    const paved = new Paved({ spec: { items: [{ name: 'a' }] } });
    expect(paved.lookup('spec.items[0].name')).toBe('a');
    const field = paved.lookup('spec.items[0].size');
    expect(field).toBeInstanceOf(MissingField);
    expect((field as MissingField).error().message).toBe('spec.items[0].size: no such field');
    expect((paved.lookup('spec.items[3]') as MissingField).error().message).toBe('spec.items[3]: no such element');
  });

  test('still throws for a wrong type on the way, as getValue does', () => {
    expect(() => new Paved({ spec: 'text' }).lookup('spec.a')).toThrow('spec: not an object');
  });
});
