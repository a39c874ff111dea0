import type { HttpClient } from '@angular/common/http';
import { firstValueFrom } from 'rxjs';

import { API_PATHS } from '../api-contract';
import { until } from '../testing/until';
import {
  decodeClaims,
  forgeToken,
  type MockApiHarness,
  refreshWith,
  refusal,
  setUpMockApi,
  signIn,
  storedState,
  tamperedToken,
} from './testing/mock-api-harness';
import { generateSigningKey } from './token-service';

describe('Mock API refresh (POST api/auth/refresh)', () => {
  let server: MockApiHarness;
  let http: HttpClient;

  beforeEach(async () => {
    server = await setUpMockApi();
    http = server.http;
  });

  /** The invalid_grant message of a refused refresh. */
  async function refusedRefresh(refreshToken: unknown): Promise<string> {
    const error = await refusal(http.post(API_PATHS.refresh, { refreshToken }));
    expect(error.status).withContext('status').toBe(400);
    expect(error.error.error).withContext('error code').toBe('invalid_grant');
    return error.error.message;
  }

  it('rotates: answers a new access token and a different refresh token of the same session', async () => {
    const first = await signIn(http);
    server.clock.advance(5);
    const second = await refreshWith(http, first.refreshToken);

    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.tokenType).toBe('Bearer');
    expect(second.expiresIn).toBe(30);
    expect(second.user.username).toBe('demo');
    expect(decodeClaims(second.refreshToken).sid).toBe(decodeClaims(first.refreshToken).sid);
    expect(decodeClaims(second.accessToken).iat).toBe(decodeClaims(first.accessToken).iat + 5);
  });

  it('records the rotation: the old token is marked used and points to its successor', async () => {
    const first = await signIn(http);
    const second = await refreshWith(http, first.refreshToken);
    const records = storedState()!.refreshTokens;
    const old = records.find((r) => r.jti === decodeClaims(first.refreshToken).jti)!;

    expect(old.usedAt).toBe(server.clock.now());
    expect(old.replacedBy).toBe(decodeClaims(second.refreshToken).jti);
  });

  it('detects reuse of a rotated token, revokes the session and then refuses its newer token too', async () => {
    const first = await signIn(http);
    const second = await refreshWith(http, first.refreshToken);

    expect(await refusedRefresh(first.refreshToken)).toBe(
      'refresh token reuse was detected, so the session was revoked',
    );
    expect(await refusedRefresh(second.refreshToken)).toBe(
      'refresh token reuse was detected, so the session was revoked',
    );
  });

  it('leaves the other sessions of the user alone when one session is revoked for reuse', async () => {
    const stolen = await signIn(http);
    const other = await signIn(http);
    await refreshWith(http, stolen.refreshToken);
    await refusedRefresh(stolen.refreshToken);

    expect((await refreshWith(http, other.refreshToken)).user.username).toBe('demo');
  });

  it('refuses an expired refresh token', async () => {
    const { refreshToken } = await signIn(http);
    server.clock.advance(300);

    expect(await refusedRefresh(refreshToken)).toBe('the refresh token expired');
  });

  it('applies a changed refresh lifetime to the tokens issued after the change', async () => {
    await server.controls.setRefreshTokenLifetime(60);
    const tokens = await signIn(http);

    expect(tokens.refreshExpiresIn).toBe(60);
    server.clock.advance(60);
    expect(await refusedRefresh(tokens.refreshToken)).toBe('the refresh token expired');
  });

  it('never lets a rotated refresh token outlive the absolute session lifetime', async () => {
    await server.controls.setSessionLifetime(100);
    const first = await signIn(http);
    expect(first.refreshExpiresIn).toBe(100);

    server.clock.advance(70);
    const second = await refreshWith(http, first.refreshToken);
    expect(second.refreshExpiresIn).toBe(30);
    expect(decodeClaims(second.refreshToken).exp).toBe(decodeClaims(first.refreshToken).exp);

    server.clock.advance(30);
    expect(await refusedRefresh(second.refreshToken)).toBe(
      'the session reached its absolute lifetime',
    );
  });

  it('applies a shortened session lifetime to sessions already running', async () => {
    const { refreshToken } = await signIn(http);
    server.clock.advance(20);
    await server.controls.setSessionLifetime(20);

    expect(await refusedRefresh(refreshToken)).toBe('the session reached its absolute lifetime');
  });

  it('refuses an access token presented as a refresh token', async () => {
    const { accessToken } = await signIn(http);

    expect(await refusedRefresh(accessToken)).toBe('the token is not a refresh token');
  });

  it('refuses malformed, forged and tampered refresh tokens without naming a session', async () => {
    const { refreshToken } = await signIn(http);
    const forged = await forgeToken(decodeClaims(refreshToken), generateSigningKey());
    const tampered = tamperedToken(refreshToken, { exp: decodeClaims(refreshToken).exp + 3600 });

    for (const token of ['not-a-jwt', 'a.b.c', forged, tampered]) {
      expect(await refusedRefresh(token))
        .withContext(token)
        .toBe('the refresh token is not valid');
    }
    expect((await refreshWith(http, refreshToken)).user.username).toBe('demo');
  });

  it('refuses the refresh token of a session revoked through the demo controls', async () => {
    const { refreshToken } = await signIn(http);
    await server.controls.revokeSession(decodeClaims(refreshToken).sid);

    expect(await refusedRefresh(refreshToken)).toBe('the session was revoked');
    expect(storedState()!.refreshTokens[0].revokedAt).toBe(server.clock.now());
  });

  for (const [description, body] of [
    ['no body', null],
    ['a missing refreshToken', {}],
    ['an empty refreshToken', { refreshToken: '' }],
    ['a refreshToken that is not a string', { refreshToken: 42 }],
  ] as const) {
    it(`answers 400 invalid_request for ${description}`, async () => {
      const error = await refusal(http.post(API_PATHS.refresh, body));

      expect(error.status).toBe(400);
      expect(error.error.error).toBe('invalid_request');
    });
  }

  describe('simulated failures from the demo controls', () => {
    it('fails the next refresh once with 500 server_error', async () => {
      const { refreshToken } = await signIn(http);
      await server.controls.failNextRefresh('server-error');
      const error = await refusal(http.post(API_PATHS.refresh, { refreshToken }));

      expect(error.status).toBe(500);
      expect(error.error.error).toBe('server_error');
      expect(server.controls.settings().failNextRefresh).toBe('none');
      expect((await refreshWith(http, refreshToken)).user.username).toBe('demo');
    });

    it('fails the next refresh once with a network error (status 0)', async () => {
      const { refreshToken } = await signIn(http);
      await server.controls.failNextRefresh('network-error');
      const error = await refusal(http.post(API_PATHS.refresh, { refreshToken }));

      expect(error.status).toBe(0);
      expect(error.error).toEqual(jasmine.any(ProgressEvent));
      expect((await refreshWith(http, refreshToken)).user.username).toBe('demo');
    });

    it('never answers the next refresh (hangs) and rotates nothing; the one after works', async () => {
      const { refreshToken } = await signIn(http);
      await server.controls.failNextRefresh('hang');
      let settled = false;
      const hanging = firstValueFrom(http.post(API_PATHS.refresh, { refreshToken }));
      hanging.then(
        () => (settled = true),
        () => (settled = true),
      );
      await until(
        () => server.controls.settings().failNextRefresh === 'none',
        'the hanging refresh to use up the one-shot failure',
      );

      // The same token still works: the hanging call never reached the rotation.
      expect((await refreshWith(http, refreshToken)).user.username).toBe('demo');
      expect(settled).withContext('the hanging refresh settled').toBeFalse();
    });

    it('fails the next refresh once with 400 invalid_grant', async () => {
      const { refreshToken } = await signIn(http);
      await server.controls.failNextRefresh('invalid-grant');

      expect(await refusedRefresh(refreshToken)).toBe(
        'the server refused the refresh token (simulated)',
      );
      expect((await refreshWith(http, refreshToken)).user.username).toBe('demo');
    });

    it('fails only one of several parallel refreshes', async () => {
      const sessions = await Promise.all([signIn(http), signIn(http), signIn(http)]);
      await server.controls.failNextRefresh('server-error');
      const outcomes = await Promise.allSettled(
        sessions.map((s) => refreshWith(http, s.refreshToken)),
      );

      expect(outcomes.filter((o) => o.status === 'rejected').length).toBe(1);
    });

    it('leaves other endpoints untouched', async () => {
      await server.controls.failNextRefresh('server-error');
      await signIn(http);

      expect(server.controls.settings().failNextRefresh).toBe('server-error');
    });
  });
});
