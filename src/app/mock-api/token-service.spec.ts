import { generateSigningKey, signToken, type TokenContents, verifyToken } from './token-service';

describe('verifyToken', () => {
  const key = generateSigningKey();
  const now = Date.now();

  function contents(typ: TokenContents['typ'], expiresInSeconds: number): TokenContents {
    const iat = Math.floor(now / 1000);
    const [jti, sid] = [crypto.randomUUID(), crypto.randomUUID()];
    return {
      sub: 'user-1',
      name: 'User',
      roles: ['user'],
      iat,
      exp: iat + expiresInSeconds,
      jti,
      sid,
      typ,
    };
  }

  for (const [actual, expected] of [
    ['access', 'refresh'],
    ['refresh', 'access'],
  ] as const) {
    for (const [age, expiresIn] of [
      ['a valid', 300],
      ['an expired', -10],
    ] as const) {
      it(`refuses ${age} ${actual} token as "wrong-type" where the ${expected} type is expected`, async () => {
        const token = await signToken(contents(actual, expiresIn), key);
        const verified = await verifyToken(token, key, expected, now);

        expect(verified.ok).toBeFalse();
        expect(verified.ok ? null : verified.problem).toBe('wrong-type');
      });
    }
  }

  it('answers "expired" with the claims for an expired token of the expected type', async () => {
    const token = await signToken(contents('refresh', -10), key);
    const verified = await verifyToken(token, key, 'refresh', now);

    expect(verified).toEqual({ ok: false, problem: 'expired', claims: jasmine.any(Object) });
  });
});
