import type { HttpClient, HttpErrorResponse } from '@angular/common/http';

import { API_PATHS, type TokenResponse } from '../api-contract';
import {
  accessClaims,
  bearer,
  clearServerStorage,
  decodeClaims,
  forgeToken,
  type MockApiHarness,
  refusal,
  send,
  setUpMockApi,
  signIn,
  storedState,
} from './testing/mock-api-harness';
import { InvalidSettingError } from './server-settings';

/**
 * The session check of `authenticate` (RFC 7009 §2.1: revoking a refresh token should stop the
 * access tokens of its grant too): with **Check the session on every request** on, an access
 * token is refused as soon as its session (`sid`) is gone or has ended; off, it runs out.
 */
describe('Mock API bearer check: the session of the access token', () => {
  const SESSION_ENDED = 'the session has ended';
  let server: MockApiHarness;
  let http: HttpClient;

  beforeEach(async () => {
    server = await setUpMockApi();
    http = server.http;
  });

  afterEach(() => clearServerStorage());

  const meStatus = async (token: string) =>
    (await send(http.get(API_PATHS.me, { ...bearer(token), observe: 'response' }))).status;
  const meRefusal = (token: string) => refusal(http.get(API_PATHS.me, bearer(token)));
  const logout = (tokens: TokenResponse) =>
    send(
      http.post(API_PATHS.logout, { refreshToken: tokens.refreshToken }, { observe: 'response' }),
    );
  const revoke = (tokens: TokenResponse) =>
    server.controls.revokeSession(decodeClaims(tokens.accessToken).sid);
  /** Six sign-ins of `demo`: the first session is evicted by the sixth. */
  async function evictFirst(): Promise<TokenResponse> {
    const first = await signIn(http);
    for (let i = 0; i < 5; i++) {
      server.clock.advance(1);
      await signIn(http);
    }
    return first;
  }

  function expectSessionEnded(error: HttpErrorResponse): void {
    expect(error.status).withContext('status').toBe(401);
    expect(error.error).toEqual({ error: 'invalid_token', message: SESSION_ENDED });
    expect(error.headers.get('WWW-Authenticate')).toBe(
      `Bearer realm="api", error="invalid_token", error_description="${SESSION_ENDED}"`,
    );
  }

  it('is on by default', () => {
    expect(server.controls.settings().checkSessionOnRequests).toBeTrue();
  });

  describe('with the check on (the default)', () => {
    it('refuses the access token of a signed-out session', async () => {
      const tokens = await signIn(http);
      await logout(tokens);

      expectSessionEnded(await meRefusal(tokens.accessToken));
    });

    it('refuses the access token of a revoked session, on every protected endpoint', async () => {
      const tokens = await signIn(http);
      await revoke(tokens);

      expectSessionEnded(await meRefusal(tokens.accessToken));
      expectSessionEnded(await refusal(http.get(API_PATHS.todos, bearer(tokens.accessToken))));
    });

    it('refuses the access token of a session evicted by a newer sign-in', async () => {
      const first = await evictFirst();

      expectSessionEnded(await meRefusal(first.accessToken));
    });

    it('refuses the access token of a session past its absolute lifetime', async () => {
      await server.controls.setSessionLifetime(10);
      const tokens = await signIn(http);
      server.clock.advance(10);

      expectSessionEnded(await meRefusal(tokens.accessToken));
    });

    it('refuses a validly signed access token whose session the server does not know', async () => {
      const tokens = await signIn(http);
      const claims = accessClaims(tokens.user.id, server.clock.now(), { sid: 'no-such-session' });
      const token = await forgeToken(claims, storedState()!.signingKey);

      expectSessionEnded(await meRefusal(token));
    });

    it('lets the access tokens of the user’s other sessions through', async () => {
      const phone = await signIn(http);
      const laptop = await signIn(http);
      await logout(phone);

      expect(await meStatus(laptop.accessToken)).toBe(200);
    });
  });

  describe('with the check off (stateless access tokens)', () => {
    beforeEach(() => server.controls.setCheckSessionOnRequests(false));

    it('lets the access token of a signed-out, revoked or evicted session through until it expires', async () => {
      const signedOut = await signIn(http);
      await logout(signedOut);
      const revoked = await signIn(http);
      await revoke(revoked);
      const evicted = await evictFirst();

      for (const tokens of [signedOut, revoked, evicted]) {
        expect(await meStatus(tokens.accessToken)).toBe(200);
      }
      server.clock.advance(30);
      expect((await meRefusal(evicted.accessToken)).error.message).toBe('the access token expired');
    });

    it('checks again once it is turned back on', async () => {
      const tokens = await signIn(http);
      await revoke(tokens);
      await server.controls.setCheckSessionOnRequests(true);

      expectSessionEnded(await meRefusal(tokens.accessToken));
    });
  });

  it('refuses a setting that is not a boolean, naming the setting', async () => {
    const refused = server.controls.setCheckSessionOnRequests('yes' as never);

    await expectAsync(refused).toBeRejectedWith(jasmine.any(InvalidSettingError));
    expect(((await refused.catch((e: unknown) => e)) as InvalidSettingError).setting).toBe(
      'checkSessionOnRequests',
    );
    expect(server.controls.settings().checkSessionOnRequests).toBeTrue();
  });
});
