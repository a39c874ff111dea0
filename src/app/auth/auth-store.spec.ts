import { HttpErrorResponse } from '@angular/common/http';

import { API_PATHS } from '../api-contract';
import { SESSION_END_REASONS } from './auth-errors';
import { LOGOUT_TIMEOUT_MS } from './session-core';
import { fakeTokenResponse, TEST_ADMIN, TEST_USER } from './testing/fake-tokens';
import {
  AuthTesting,
  configureAuthTesting,
  eventsOfType,
  settle,
  signInWith,
} from './testing/auth-testing';
import { TOKENS_KEY } from './token-storage';

describe('AuthStore', () => {
  let t: AuthTesting;

  beforeEach(() => {
    t = configureAuthTesting();
  });

  afterEach(() => {
    t.httpMock.verify();
  });

  describe('signIn', () => {
    it('starts a session: user, tokens, expiry times, storage and a signedIn event', async () => {
      const response = fakeTokenResponse({ accessIn: 60, refreshIn: 3600 });
      const signedIn = t.store.signIn('demo', 'demo1234');
      const login = t.httpMock.expectOne(API_PATHS.login);
      expect(login.request.body).toEqual({ username: 'demo', password: 'demo1234' });
      login.flush(response);

      await expectAsync(signedIn).toBeResolvedTo(TEST_USER);
      expect(t.store.isSignedIn()).toBeTrue();
      expect(t.store.user()).toEqual(TEST_USER);
      expect(t.store.accessToken()).toBe(response.accessToken);
      expect(t.store.refreshToken()).toBe(response.refreshToken);
      expect(t.store.accessExpiresAt()).toBeCloseTo(Date.now() + 60_000, -4);
      expect(t.store.refreshExpiresAt()).toBeCloseTo(Date.now() + 3_600_000, -4);
      expect(JSON.parse(localStorage.getItem(TOKENS_KEY) ?? '{}').accessToken).toBe(
        response.accessToken,
      );
      expect(t.events).toEqual([{ type: 'signedIn', user: TEST_USER }]);
    });

    it('rejects with the original HttpErrorResponse and stays signed out', async () => {
      const signedIn = t.store.signIn('demo', 'wrong');
      t.httpMock
        .expectOne(API_PATHS.login)
        .flush(
          { error: 'invalid_credentials', message: 'Wrong username or password.' },
          { status: 401, statusText: 'Unauthorized' },
        );
      await expectAsync(signedIn).toBeRejectedWith(
        jasmine.objectContaining({
          status: 401,
          error: jasmine.objectContaining({ error: 'invalid_credentials' }),
        }),
      );
      expect(t.store.isSignedIn()).toBeFalse();
      expect(t.events).toEqual([]);
    });

    it('rejects a login answer whose tokens cannot be decoded, without starting a session', async () => {
      const signedIn = t.store.signIn('demo', 'demo1234');
      t.httpMock
        .expectOne(API_PATHS.login)
        .flush({ ...fakeTokenResponse(), accessToken: 'not-a-jwt' });
      await expectAsync(signedIn).toBeRejectedWith(jasmine.any(HttpErrorResponse));
      expect(t.store.isSignedIn()).toBeFalse();
    });

    it('clears the session notice of an earlier expired session', async () => {
      await signInWith(t);
      t.store.endSession('the server said so');
      t.httpMock.expectOne(API_PATHS.logout).flush(null);
      expect(t.store.sessionNotice()?.reason).toBe('the server said so');
      await signInWith(t);
      expect(t.store.sessionNotice()).toBeNull();
    });

    it('derives isAdmin from the user roles', async () => {
      await signInWith(t);
      expect(t.store.isAdmin()).toBeFalse();
      await signInWith(t, fakeTokenResponse({ user: TEST_ADMIN }));
      t.httpMock.expectOne(API_PATHS.logout).flush(null); // the replaced session is revoked
      expect(t.store.isAdmin()).toBeTrue();
      expect(t.store.hasRole('admin')).toBeTrue();
    });
  });

  describe('register', () => {
    const request = { username: 'new-user', password: 'password1', displayName: 'New' };

    it('signs in at once when the server answers with tokens', async () => {
      const registered = t.store.register(request);
      const call = t.httpMock.expectOne(API_PATHS.register);
      expect(call.request.body).toEqual(request);
      call.flush(fakeTokenResponse(), { status: 201, statusText: 'Created' });
      await expectAsync(registered).toBeResolvedTo(TEST_USER);
      expect(t.store.isSignedIn()).toBeTrue();
    });

    it('signs in with the same credentials when the server answers with the user only', async () => {
      const registered = t.store.register(request);
      t.httpMock
        .expectOne(API_PATHS.register)
        .flush({ user: TEST_USER }, { status: 201, statusText: 'Created' });
      await settle();
      const login = t.httpMock.expectOne(API_PATHS.login);
      expect(login.request.body).toEqual({ username: 'new-user', password: 'password1' });
      login.flush(fakeTokenResponse());
      await expectAsync(registered).toBeResolvedTo(TEST_USER);
      expect(t.store.isSignedIn()).toBeTrue();
    });

    it('rejects with the server error (e.g. 409 username_taken)', async () => {
      const registered = t.store.register(request);
      t.httpMock
        .expectOne(API_PATHS.register)
        .flush(
          { error: 'username_taken', message: 'That username is taken.' },
          { status: 409, statusText: 'Conflict' },
        );
      await expectAsync(registered).toBeRejectedWith(jasmine.objectContaining({ status: 409 }));
      expect(t.store.isSignedIn()).toBeFalse();
    });
  });

  describe('signOut', () => {
    it('revokes the refresh token, clears the session and emits signedOut without a notice', async () => {
      const { refreshToken } = await signInWith(t);
      const signedOut = t.store.signOut();
      expect(t.store.isSignedIn()).withContext('cleared before the server answers').toBeFalse();
      const logout = t.httpMock.expectOne(API_PATHS.logout);
      expect(logout.request.body).toEqual({ refreshToken });
      logout.flush(null, { status: 204, statusText: 'No Content' });
      await signedOut;

      expect(localStorage.getItem(TOKENS_KEY)).toBeNull();
      expect(eventsOfType(t.events, 'signedOut').length).toBe(1);
      expect(eventsOfType(t.events, 'sessionExpired').length).toBe(0);
      expect(t.store.sessionNotice()).toBeNull();
    });

    it('clears the session even when the logout call fails', async () => {
      await signInWith(t);
      const signedOut = t.store.signOut();
      t.httpMock.expectOne(API_PATHS.logout).error(new ProgressEvent('error'));
      await expectAsync(signedOut).toBeResolved();
      expect(t.store.isSignedIn()).toBeFalse();
      expect(localStorage.getItem(TOKENS_KEY)).toBeNull();
    });

    it('does not wait more than 3 s for a logout call that never answers', async () => {
      await signInWith(t);
      jasmine.clock().install();
      try {
        const signedOut = t.store.signOut();
        const logout = t.httpMock.expectOne(API_PATHS.logout);
        jasmine.clock().tick(LOGOUT_TIMEOUT_MS);
        await expectAsync(signedOut).toBeResolved();
        expect(logout.cancelled).toBeTrue();
      } finally {
        jasmine.clock().uninstall();
      }
    });

    it('does not revive the session when a refresh answers after sign-out', async () => {
      await signInWith(t);
      const refreshed = t.store.refresh();
      const refresh = t.httpMock.expectOne(API_PATHS.refresh);
      const signedOut = t.store.signOut();
      t.httpMock.expectOne(API_PATHS.logout).flush(null);
      await signedOut;

      const late = fakeTokenResponse();
      refresh.flush(late);
      await expectAsync(refreshed).toBeRejectedWith(jasmine.any(HttpErrorResponse));
      expect(t.store.isSignedIn()).toBeFalse();
      expect(localStorage.getItem(TOKENS_KEY)).toBeNull();
      const revoke = t.httpMock.expectOne(API_PATHS.logout);
      expect(revoke.request.body).toEqual({ refreshToken: late.refreshToken });
      revoke.flush(null);
    });
  });

  // Issue 13, finding 1: a refresh of the old session must not hold up the next session.
  it('leaves a refresh of the previous session behind: after sign-out and sign-in, requests go out at once', async () => {
    await signInWith(t);
    const oldRefresh = t.store.refresh();
    const hanging = t.httpMock.expectOne(API_PATHS.refresh);
    const signedOut = t.store.signOut();
    t.httpMock.expectOne(API_PATHS.logout).flush(null);
    await signedOut;
    const second = await signInWith(t, fakeTokenResponse({ user: TEST_ADMIN }));

    expect(t.store.refreshInProgress()).toBeFalse();
    t.http.get(API_PATHS.todos).subscribe();
    const sent = t.httpMock.expectOne(API_PATHS.todos);
    expect(sent.request.headers.get('Authorization')).toBe(`Bearer ${second.accessToken}`);
    sent.flush([]);

    hanging.flush(fakeTokenResponse());
    await expectAsync(oldRefresh).toBeRejected();
    expect(t.store.accessToken()).toBe(second.accessToken);
    t.httpMock.match(API_PATHS.logout).forEach((revoke) => revoke.flush(null));
  });

  // Issue 13, finding 9: ending a session marks and removes that session only.
  it('signing out of a stale session leaves the newer shared session in storage alone', async () => {
    await signInWith(t);
    const newer = fakeTokenResponse({ user: TEST_ADMIN }); // another tab's sign-in, not synced yet
    const stored = JSON.stringify({ ...newer, previousRefreshToken: null });
    localStorage.setItem(TOKENS_KEY, stored);

    const signedOut = t.store.signOut();
    t.httpMock.expectOne(API_PATHS.logout).flush(null);
    await signedOut;

    expect(localStorage.getItem(TOKENS_KEY)).toBe(stored);
    expect(t.storage.endOf(t.storage.sessionId(newer as never))).toBeNull();
  });

  // Issue 13, finding 8: the user is written without the token pair of a stale copy.
  it('setUser never writes this tab’s stale token pair over a newer rotation in storage', async () => {
    const login = await signInWith(t, fakeTokenResponse({ sid: 'sid-shared' }));
    const rotated = fakeTokenResponse({ sid: 'sid-shared' }); // another tab's refresh, not synced
    localStorage.setItem(
      TOKENS_KEY,
      JSON.stringify({ ...rotated, previousRefreshToken: login.refreshToken }),
    );

    t.store.setUser({ ...TEST_USER, displayName: 'Renamed' });

    const stored = JSON.parse(localStorage.getItem(TOKENS_KEY) ?? '{}');
    expect(stored.refreshToken).toBe(rotated.refreshToken);
    expect(t.store.user()?.displayName).toBe('Renamed');
  });

  describe('refresh', () => {
    it('shares one HTTP call between concurrent callers and tells who joined', async () => {
      const login = await signInWith(t);
      const first = t.store.refresh();
      const second = t.store.refresh();
      expect(t.store.refreshInProgress()).toBeTrue();
      const renewed = fakeTokenResponse();
      t.httpMock.expectOne(API_PATHS.refresh).flush(renewed);

      const results = await Promise.all([first, second]);
      expect(results.map((result) => result.joined)).toEqual([false, true]);
      expect(results.every((result) => result.accessToken === renewed.accessToken)).toBeTrue();
      expect(results.every((result) => result.refreshId === 1)).toBeTrue();
      expect(t.store.refreshInProgress()).toBeFalse();
      expect(t.store.previousRefreshToken()).toBe(login.refreshToken);
    });

    it('rejects at once, without an HTTP call, when signed out', async () => {
      await expectAsync(t.store.refresh()).toBeRejectedWith(
        jasmine.objectContaining({ status: 401 }),
      );
      expect(t.events).toEqual([]);
    });

    it('starts a new call (with a new id) once the previous one has finished', async () => {
      await signInWith(t);
      const first = t.store.refresh();
      t.httpMock.expectOne(API_PATHS.refresh).flush(fakeTokenResponse());
      await first;
      const second = t.store.refresh();
      t.httpMock.expectOne(API_PATHS.refresh).flush(fakeTokenResponse());
      expect((await second).refreshId).toBe(2);
    });

    it('treats an unreadable token answer as a transient failure and keeps the session', async () => {
      const login = await signInWith(t);
      const refreshed = t.store.refresh();
      t.httpMock
        .expectOne(API_PATHS.refresh)
        .flush({ ...fakeTokenResponse(), refreshToken: '{garbage' });
      await expectAsync(refreshed).toBeRejectedWith(jasmine.objectContaining({ status: 502 }));
      expect(t.store.refreshToken()).toBe(login.refreshToken);
    });
  });

  describe('replayPreviousRefreshToken', () => {
    it('posts the rotated-out token and ends the session with the server reason when it is refused', async () => {
      const login = await signInWith(t);
      const refreshed = t.store.refresh();
      t.httpMock.expectOne(API_PATHS.refresh).flush(fakeTokenResponse());
      await refreshed;

      const replay = t.store.replayPreviousRefreshToken();
      const call = t.httpMock.expectOne(API_PATHS.refresh);
      expect(call.request.body).toEqual({ refreshToken: login.refreshToken });
      call.flush(
        {
          error: 'invalid_grant',
          message: 'refresh token reuse was detected, so the session was revoked',
        },
        { status: 400, statusText: 'Bad Request' },
      );
      await expectAsync(replay).toBeRejectedWith(jasmine.objectContaining({ status: 400 }));
      expect(t.store.isSignedIn()).toBeFalse();
      expect(eventsOfType(t.events, 'sessionExpired')).toEqual([
        {
          type: 'sessionExpired',
          reason: 'refresh token reuse was detected, so the session was revoked',
        },
      ]);
    });

    it('rejects without a network call when nothing has been rotated out yet', async () => {
      await signInWith(t);
      await expectAsync(t.store.replayPreviousRefreshToken()).toBeRejectedWithError(/no previous/);
    });
  });

  describe('endSession', () => {
    it('emits sessionExpired once, keeps the notice and revokes in the background', async () => {
      const { refreshToken } = await signInWith(t);
      t.store.endSession(SESSION_END_REASONS.retryRejected);
      t.store.endSession('a second call');
      expect(eventsOfType(t.events, 'sessionExpired')).toEqual([
        { type: 'sessionExpired', reason: SESSION_END_REASONS.retryRejected },
      ]);
      expect(t.store.sessionNotice()?.message).toBe(
        `Your session has ended: ${SESSION_END_REASONS.retryRejected}. Please sign in again.`,
      );
      expect(t.httpMock.expectOne(API_PATHS.logout).request.body).toEqual({ refreshToken });
      t.store.clearSessionNotice();
      expect(t.store.sessionNotice()).toBeNull();
    });
  });
});
