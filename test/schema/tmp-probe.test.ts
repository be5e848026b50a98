import { Type } from 'typebox';
test('x', () => { const s = Type.Object({a: Type.String()}); expect(JSON.stringify(s)).toBe('{"type":"object","properties":{"a":{"type":"string"}}}'); });
