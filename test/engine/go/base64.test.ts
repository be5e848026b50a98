// Go's encoding/base64 StdEncoding decoding. The corruption offsets are TestDecodeCorrupt of
// Go's src/encoding/base64/base64_test.go; the bytes returned beside an error follow Decode and
// decodeQuantum in base64.go (every quantum before the failing one; a padded quantum followed
// by stray bytes is written before the error is reported).
import { decodeBase64, decodeBase64Bytes, decodeBase64Prefix } from '../../../src/engine/go/base64';

test.each<[string, number]>([
  ['', -1], ['\n', -1], ['AAA=\n', -1], ['AAAA\n', -1], ['!!!!', 0], ['====', 0], ['x===', 1], ['=AAA', 0],
  ['A=AA', 1], ['AA=A', 2], ['AA==A', 4], ['AAA=AAAA', 4], ['AAAAA', 4], ['AAAAAA', 4], ['A=', 1], ['A==', 1],
  ['AA=', 3], ['AA==', -1], ['AAA=', -1], ['AAAA', -1], ['AAAAAA=', 7], ['YWJjZA=====', 8], ['A!\n', 1], ['A=\n', 1],
])('TestDecodeCorrupt %j: offset %d', (input, offset) => {
  if (offset === -1) expect(() => decodeBase64Bytes(input)).not.toThrow();
  else expect(() => decodeBase64Bytes(input)).toThrow(`illegal base64 data at input byte ${offset}`);
});

test.each<[string, string, number | undefined]>([
  ['dmFsdWU=', 'value', undefined],
  ['dmFsdWU=!', 'value', 8],
  ['dmFs!!!!', 'val', 4],
  ['dmFsdW', 'val', 4],
  ['!!!!', '', 0],
])('the bytes DecodeString returns beside its error: %j', (input, text, offset) => {
  const { bytes, error } = decodeBase64Prefix(input);
  expect(Buffer.from(bytes).toString('utf8')).toBe(text);
  expect(error?.message).toBe(offset === undefined ? undefined : `illegal base64 data at input byte ${offset}`);
});

test('decodeBase64 reads the bytes as UTF-8 text', () => {
  expect(decodeBase64('aMOpbGxv')).toBe('héllo');
});
