// JSON null decodes to the zero value of the Go type (encoding/json and go-json-experiment,
// which function-sdk-go's request.GetInput uses): a null slice item is a zero struct, a null
// struct field leaves the field at its zero value.
import { goSlice, goStruct, withGoZeroValues } from '../../../src/engine/go/input-shape';
import { decodePtInput } from '../../../src/engine/functions/patch-and-transform/input';

const SHAPE = goStruct('v1.Input', {
  name: 'string',
  base: 'raw',
  items: goSlice(goStruct('v1.Item', { name: 'string', count: 'int' }), '[]v1.Item'),
  names: goSlice('string', '[]string'),
});

describe('withGoZeroValues', () => {
  test('null slice items become zero values of their type', () => {
    expect(withGoZeroValues({ items: [{ name: 'a' }, null], names: ['x', null] }, SHAPE)).toEqual({ items: [{ name: 'a' }, {}], names: ['x', ''] });
  });

  test('a null typed field is left out; RawExtension and interface {} fields keep null', () => {
    expect(withGoZeroValues({ name: null, base: null, items: [{ name: null, count: 1 }] }, SHAPE)).toEqual({ base: null, items: [{ count: 1 }] });
  });

  test('a value without nulls is returned as it is, not copied', () => {
    const v = { name: 'a', items: [{ name: 'b' }], names: ['c'] };
    expect(withGoZeroValues(v, SHAPE)).toBe(v);
  });

  test('the input is not changed', () => {
    const v = { items: [null] };
    withGoZeroValues(v, SHAPE);
    expect(v).toEqual({ items: [null] });
  });
});

describe('patch-and-transform input', () => {
  test('a null PatchSet is an empty PatchSet, not a fault', () => {
    const decoded = decodePtInput({ apiVersion: 'pt.fn.crossplane.io/v1beta1', kind: 'Resources', patchSets: [null], resources: [] });
    expect(decoded).toEqual({ input: { apiVersion: 'pt.fn.crossplane.io/v1beta1', kind: 'Resources', patchSets: [{}], resources: [] } });
  });
});
