import { ConnectionDetail, ReadinessCheck, ReadinessCheckType } from '../../src/pt';

describe('ReadinessCheck factories emit the P&T wire format (reference §3.9)', () => {
  test.each<[string, () => ReadinessCheck, Record<string, unknown>]>([
    ['none', () => ReadinessCheck.none(), { type: 'None' }],
    ['nonEmpty', () => ReadinessCheck.nonEmpty('status.atProvider.id'), { type: 'NonEmpty', fieldPath: 'status.atProvider.id' }],
    ['matchString', () => ReadinessCheck.matchString('status.atProvider.state', 'RUNNING'),
      { type: 'MatchString', fieldPath: 'status.atProvider.state', matchString: 'RUNNING' }],
    ['matchInteger', () => ReadinessCheck.matchInteger('status.atProvider.code', 4), { type: 'MatchInteger', fieldPath: 'status.atProvider.code', matchInteger: 4 }],
    ['matchTrue', () => ReadinessCheck.matchTrue('status.atProvider.enabled'), { type: 'MatchTrue', fieldPath: 'status.atProvider.enabled' }],
    ['matchFalse', () => ReadinessCheck.matchFalse('status.atProvider.pending'), { type: 'MatchFalse', fieldPath: 'status.atProvider.pending' }],
    ['matchCondition writes its defaults explicitly', () => ReadinessCheck.matchCondition(),
      { type: 'MatchCondition', matchCondition: { type: 'Ready', status: 'True' } }],
    ['matchCondition with type and status', () => ReadinessCheck.matchCondition({ type: 'Synced', status: 'False' }),
      { type: 'MatchCondition', matchCondition: { type: 'Synced', status: 'False' } }],
    ['a lambda path', () => ReadinessCheck.nonEmpty((r: any) => r.status.atProvider.selfLink), { type: 'NonEmpty', fieldPath: 'status.atProvider.selfLink' }],
  ])('%s', (_name, build, expected) => {
    expect(build()._toJson()).toStrictEqual(expected);
  });

  test('accessors expose type and field path', () => {
    const c = ReadinessCheck.matchTrue('status.ok');
    expect([c.type, c.fieldPath]).toEqual([ReadinessCheckType.MATCH_TRUE, 'status.ok']);
  });
  test('fails if a matchCondition type is empty', () => {
    expect(() => ReadinessCheck.matchCondition({ type: '' })).toThrow(/type must be a non-empty string/);
  });
  test('fails if a matchCondition status is not a condition status', () => {
    expect(() => ReadinessCheck.matchCondition({ status: 'true' as 'True' })).toThrow(/status must be 'True', 'False' or 'Unknown', got 'true'/);
  });
  test('fails if a matchInteger value is not an integer', () => {
    expect(() => ReadinessCheck.matchInteger('a', 1.5)).toThrow(/must be an integer, got '1.5'/);
  });
  test('fails if a matchString value is not a string', () => {
    expect(() => ReadinessCheck.matchString('a', 1 as unknown as string)).toThrow(/must be a string/);
  });
  test('fails if a field path does not parse', () => {
    expect(() => ReadinessCheck.nonEmpty('status..id')).toThrow(/ReadinessCheck.nonEmpty fieldPath must be a valid field path, got 'status..id'/);
  });
});

describe('ConnectionDetail factories emit the P&T wire format (reference §3.10)', () => {
  test.each<[string, () => ConnectionDetail, Record<string, unknown>]>([
    ['fromConnectionSecretKey', () => ConnectionDetail.fromConnectionSecretKey('password', 'attribute.password'),
      { name: 'password', type: 'FromConnectionSecretKey', fromConnectionSecretKey: 'attribute.password' }],
    ['fromFieldPath', () => ConnectionDetail.fromFieldPath('endpoint', 'status.atProvider.endpoint'),
      { name: 'endpoint', type: 'FromFieldPath', fromFieldPath: 'status.atProvider.endpoint' }],
    ['fromValue', () => ConnectionDetail.fromValue('port', '5432'), { name: 'port', type: 'FromValue', value: '5432' }],
    ['fromFieldPath with a lambda', () => ConnectionDetail.fromFieldPath('host', (r: any) => r.status.atProvider.ipAddresses[0].ipAddress),
      { name: 'host', type: 'FromFieldPath', fromFieldPath: 'status.atProvider.ipAddresses[0].ipAddress' }],
  ])('%s', (_name, build, expected) => {
    expect(build()._toJson()).toStrictEqual(expected);
  });
  test('fails if the name is not a valid Secret key', () => {
    expect(() => ConnectionDetail.fromValue('my key', 'x')).toThrow(/name must be a valid Secret key .*got 'my key'/);
  });
  test('fails if a fromValue value is not a string', () => {
    expect(() => ConnectionDetail.fromValue('port', 5432 as unknown as string)).toThrow(/value must be a string, got '5432': quote numbers/);
  });
  test('fails if the connection secret key is empty', () => {
    expect(() => ConnectionDetail.fromConnectionSecretKey('a', '')).toThrow(/key must be a non-empty string/);
  });
});
