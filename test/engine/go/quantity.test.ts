// Kubernetes resource.ParseQuantity + AsApproximateFloat64 (as P&T's convert with format quantity uses them; reference §3.8), no upstream test file.
import { pow10, QuantityError, quantityToFloat64 } from '../../../src/engine/go/quantity';

describe('quantityToFloat64', () => {
  test.each<[string, number]>([
    ['0', 0], ['500m', 0.5], ['1000m', 1], ['1Gi', 1073741824], ['100Mi', 104857600], ['1Ki', 1024], ['-1k', -1000],
    ['1e3', 1000], ['12E', 12e18], ['0.1', 0.1], ['1.5', 15 * 0.1], ['+2', 2], ['007', 7],
  ])('%s is %p', (q, want) => {
    expect(quantityToFloat64(q)).toBe(want);
  });
  test('values beyond 18 digits take the arbitrary-precision path: nano scale, then value * 10^-9', () => {
    expect(quantityToFloat64('123456789012345678901')).toBe(Number(123456789012345678901n * 10n ** 9n) * 1e-9);
  });
  test('a fractional binary quantity is scaled to nano precision before converting', () => {
    expect(quantityToFloat64('1.5Gi')).toBe(Number(15n * 2n ** 30n * 10n ** 8n) * 1e-9);
  });
  test('huge binary quantities are capped at the largest int64', () => {
    expect(quantityToFloat64('100000Ei')).toBe(9223372036854775807);
  });
  test.each<[string, string]>([
    ['', "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
    ['1x', "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
    ['1000 blabla', "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
    ['1mm', "unable to parse quantity's suffix"],
  ])('%p fails', (q, message) => {
    expect(() => quantityToFloat64(q)).toThrow(new QuantityError(message));
  });
});

describe('pow10 (math.Pow10)', () => {
  test('small powers are the exact literals', () => {
    expect(pow10(-3)).toBe(0.001);
    expect(pow10(9)).toBe(1e9);
    expect(pow10(0)).toBe(1);
  });
  test('out-of-range powers saturate', () => {
    expect(pow10(400)).toBe(Infinity);
    expect(pow10(-400)).toBe(0);
  });
});
