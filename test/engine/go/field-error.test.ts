// field.Error formatting as k8s.io/apimachinery prints it (pkg/util/validation/field/errors.go).
import { FieldError, prefixFieldPath } from '../../../src/engine/go/field-error';

describe('FieldError text (apimachinery field.Error)', () => {
  test('a required value prints its detail', () => {
    expect(FieldError.required('math.type', 'math transform type is required').toString()).toBe('math.type: Required value: math transform type is required');
  });
  test('an invalid string value is quoted', () => {
    expect(FieldError.invalid('type', 'a"b', 'unknown transform type').toString()).toBe('type: Invalid value: "a\\"b": unknown transform type');
  });
  test('an invalid null value prints null, numbers print plainly', () => {
    expect(FieldError.invalid('x', null, 'd').toString()).toBe('x: Invalid value: null: d');
    expect(FieldError.invalid('x', 5n, 'd').toString()).toBe('x: Invalid value: 5: d');
  });
  test('an unsupported value lists the supported values quoted', () => {
    expect(FieldError.notSupported('policy', 'X', ['Replace', 'MergeObjects']).toString()).toBe(
      'policy: Unsupported value: "X": supported values: "Replace", "MergeObjects"',
    );
  });
  test('under() prefixes the field path like WrapFieldError', () => {
    const e = FieldError.required('math.type', 'd').under('resources[0].patches[2].transforms[0]');
    expect(e.field).toBe('resources[0].patches[2].transforms[0].math.type');
    expect(prefixFieldPath('', 'a')).toBe('a');
  });
});
