import { base64url, decodeProtectedHeader, decodeJwt, SignJWT } from 'jose';

import {
  CLIENT_ID,
  generateSigningKey,
  signToken,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  type TokenContents,
  verifyToken,
} from './token-service';

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

  // Issue 14: typed tokens (RFC 9068, RFC 8725 §3.11).
  it('types access tokens at+jwt with a client_id, and refresh tokens rt+jwt', async () => {
    const access = await signToken(contents('access', 300), key);
    const refresh = await signToken(contents('refresh', 300), key);

    expect(decodeProtectedHeader(access)).toEqual({ alg: 'HS256', typ: 'at+jwt' });
    expect(decodeProtectedHeader(refresh)).toEqual({ alg: 'HS256', typ: 'rt+jwt' });
    expect(decodeJwt(access)['client_id']).toBe(CLIENT_ID);
    expect(decodeJwt(refresh)['client_id']).toBeUndefined();
    expect((await verifyToken(access, key, 'access', now)).ok).toBeTrue();
    expect((await verifyToken(refresh, key, 'refresh', now)).ok).toBeTrue();
  });

  /** Signed with the server's key, its payload saying `payloadTyp`, its header `headerTyp`. */
  function signedAs(payloadTyp: TokenContents['typ'], headerTyp: string | undefined) {
    const { sub, jti, ...custom } = contents(payloadTyp, 300);
    return new SignJWT({ ...custom, iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE })
      .setProtectedHeader(headerTyp ? { alg: 'HS256', typ: headerTyp } : { alg: 'HS256' })
      .setSubject(sub)
      .setJti(jti)
      .sign(base64url.decode(key));
  }

  for (const [name, payloadTyp, headerTyp, expected] of [
    ['an untyped header (a token of the previous version)', 'access', 'JWT', 'access'],
    ['no header typ at all', 'refresh', undefined, 'refresh'],
    ['a refresh header on an access payload', 'access', 'rt+jwt', 'access'],
    ['an access header on a refresh payload', 'refresh', 'at+jwt', 'refresh'],
  ] as const) {
    it(`refuses a token with ${name} as "wrong-type", though its payload and signature are good`, async () => {
      const verified = await verifyToken(await signedAs(payloadTyp, headerTyp), key, expected, now);

      expect(verified.ok).toBeFalse();
      expect(verified.ok ? null : verified.problem).toBe('wrong-type');
    });
  }
});
