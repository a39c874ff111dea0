import type { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { HttpHeaders } from '@angular/common/http';

import { API_PATHS, type TokenResponse } from '../api-contract';
import {
  accessClaims,
  bearer,
  decodeClaims,
  forgeToken,
  type MockApiHarness,
  refreshWith,
  refusal,
  send,
  setUpMockApi,
  signIn,
  storedState,
  tamperedToken,
  unsignedToken,
} from './testing/mock-api-harness';
import { generateSigningKey } from './token-service';

describe('Mock API bearer check (protect / authenticate)', () => {
  let server: MockApiHarness;
  let http: HttpClient;
  let tokens: TokenResponse;

  beforeEach(async () => {
    server = await setUpMockApi();
    http = server.http;
    tokens = await signIn(http);
  });

  const getMe = (headers?: HttpHeaders) => refusal(http.get(API_PATHS.me, { headers }));
  const withToken = (token: string) => getMe(bearer(token).headers);
  const serverKey = () => storedState()!.signingKey;

  function expectInvalidToken(error: HttpErrorResponse, message: string): void {
    expect(error.status).withContext('status').toBe(401);
    expect(error.error).toEqual({ error: 'invalid_token', message });
    expect(error.headers.get('WWW-Authenticate')).toBe(
      `Bearer realm="api", error="invalid_token", error_description="${message}"`,
    );
  }

  it('lets a valid access token through', async () => {
    const me = await send(
      http.get(API_PATHS.me, { ...bearer(tokens.accessToken), observe: 'response' }),
    );

    expect(me.status).toBe(200);
  });

  it('refuses a malformed token', async () => {
    expectInvalidToken(await withToken('not.a-jwt'), 'the access token is malformed');
  });

  it('refuses an unsigned "alg: none" token', async () => {
    const token = unsignedToken(decodeClaims(tokens.accessToken));

    expectInvalidToken(
      await withToken(token),
      'the access token algorithm is not allowed (only HS256 is accepted)',
    );
  });

  it('refuses a token with another HMAC algorithm, even signed with the server key', async () => {
    const token = await forgeToken(decodeClaims(tokens.accessToken), serverKey(), 'HS512');

    expectInvalidToken(
      await withToken(token),
      'the access token algorithm is not allowed (only HS256 is accepted)',
    );
  });

  it('refuses a token signed with another key', async () => {
    const token = await forgeToken(decodeClaims(tokens.accessToken), generateSigningKey());

    expectInvalidToken(await withToken(token), 'the access token signature is invalid');
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const token = tamperedToken(tokens.accessToken, { roles: ['user', 'admin'] });

    expectInvalidToken(await withToken(token), 'the access token signature is invalid');
  });

  it('refuses an expired access token', async () => {
    server.clock.advance(30);

    expectInvalidToken(await withToken(tokens.accessToken), 'the access token expired');
  });

  it('accepts the access token until its last second', async () => {
    server.clock.advance(29);
    const me = await send(
      http.get(API_PATHS.me, { ...bearer(tokens.accessToken), observe: 'response' }),
    );

    expect(me.status).toBe(200);
  });

  it('refuses a token that is not valid yet (nbf in the future)', async () => {
    const now = server.clock.now();
    const claims = accessClaims(tokens.user.id, now, { nbf: Math.floor(now / 1000) + 60 });

    expectInvalidToken(
      await withToken(await forgeToken(claims, serverKey())),
      'the access token is not valid yet',
    );
  });

  it('refuses a token for another audience or from another issuer', async () => {
    const now = server.clock.now();
    const otherAudience = accessClaims(tokens.user.id, now, { aud: 'someone-else' });
    const otherIssuer = accessClaims(tokens.user.id, now, { iss: 'https://evil.example' });
    const message = 'the access token was issued by another issuer or for another audience';

    expectInvalidToken(await withToken(await forgeToken(otherAudience, serverKey())), message);
    expectInvalidToken(await withToken(await forgeToken(otherIssuer, serverKey())), message);
  });

  it('refuses a refresh token used as an access token', async () => {
    expectInvalidToken(
      await withToken(tokens.refreshToken),
      'a refresh token cannot be used as an access token',
    );
  });

  it('refuses a validly signed token for a user that does not exist', async () => {
    const claims = accessClaims('no-such-user', server.clock.now());

    expectInvalidToken(
      await withToken(await forgeToken(claims, serverKey())),
      'the access token belongs to a user that no longer exists',
    );
  });

  it('refuses access tokens issued before the user’s access tokens were revoked, then accepts refreshed ones', async () => {
    await server.controls.revokeAccessTokens(tokens.user.id);

    expectInvalidToken(await withToken(tokens.accessToken), 'the access token was revoked');
    const refreshed = await refreshWith(http, tokens.refreshToken);
    const me = await send(
      http.get(API_PATHS.me, { ...bearer(refreshed.accessToken), observe: 'response' }),
    );
    expect(me.status).toBe(200);
  });

  it('keeps refusing the revoked token in later seconds while tokens issued later work', async () => {
    server.clock.advance(0.5);
    await server.controls.revokeAccessTokens(tokens.user.id);
    server.clock.advance(0.2);
    const refreshed = await refreshWith(http, tokens.refreshToken);
    server.clock.advance(2);

    expectInvalidToken(await withToken(tokens.accessToken), 'the access token was revoked');
    expect(
      (
        await send(
          http.get(API_PATHS.me, { ...bearer(refreshed.accessToken), observe: 'response' }),
        )
      ).status,
    ).toBe(200);
  });

  it('refuses a token issued between two revocations in the same second', async () => {
    server.clock.advance((1000 - (server.clock.now() % 1000)) / 1000 + 0.1); // x.100 s
    await server.controls.revokeAccessTokens(tokens.user.id);
    const between = await refreshWith(http, tokens.refreshToken);
    server.clock.advance(0.1);
    await server.controls.revokeAccessTokens(tokens.user.id);

    expectInvalidToken(await withToken(between.accessToken), 'the access token was revoked');
  });

  it('only revokes the tokens of the chosen user', async () => {
    const admin = await signIn(http, 'admin');
    await server.controls.revokeAccessTokens(tokens.user.id);

    const me = await send(
      http.get(API_PATHS.me, { ...bearer(admin.accessToken), observe: 'response' }),
    );
    expect(me.status).toBe(200);
  });

  it('checks the token before the body, so a bad body without a token gets 401', async () => {
    const error = await refusal(http.post(API_PATHS.todos, { title: 42 }));

    expect(error.status).toBe(401);
  });
});
