import { HttpErrorResponse } from '@angular/common/http';
import { TestRequest } from '@angular/common/http/testing';

import { API_PATHS, TokenResponse } from '../api-contract';
import { SIGNED_OUT_IN_OTHER_TAB } from './session-notices';
import { fakeTokenResponse, newSid } from './testing/fake-tokens';
import { FakeWebLocks } from './testing/fake-web-locks';
import {
  AuthTesting,
  configureAuthTesting,
  eventsOfType,
  settle,
  signInWith,
} from './testing/auth-testing';
import { SESSION_END_KEY } from './session-end-mark';
import { StoredSession, TOKENS_KEY } from './token-storage';
import { REFRESH_LOCK_NAME, WEB_LOCKS } from './web-locks';

/** What another tab's `TokenStorage.write` leaves in localStorage after its refresh. */
function storeAsOtherTab(response: TokenResponse, previousRefreshToken: string): void {
  const session: StoredSession = {
    accessToken: response.accessToken,
    refreshToken: response.refreshToken,
    user: response.user,
    previousRefreshToken,
  };
  localStorage.setItem(TOKENS_KEY, JSON.stringify(session));
}

const bearer = (request: TestRequest) => request.request.headers.get('Authorization');
const EXPIRED_ACCESS = { error: 'invalid_token', message: 'The access token expired.' };
const UNAUTHORIZED = { status: 401, statusText: 'Unauthorized' };

describe('refresh across tabs (Web Locks)', () => {
  let t: AuthTesting;
  let locks: FakeWebLocks;
  let sid: string;
  let login: TokenResponse;

  beforeEach(async () => {
    t = configureAuthTesting();
    locks = t.locks as FakeWebLocks;
    sid = newSid();
    login = await signInWith(t, fakeTokenResponse({ sid }));
  });

  afterEach(() => t.httpMock.verify());

  it('reports cross-tab locking as available', () => {
    expect(t.store.crossTabLocking).toBeTrue();
  });

  it('holds auth:refresh during the call and stores the new pair before letting go', async () => {
    const refreshed = t.store.refresh();
    expect(locks.isHeld(REFRESH_LOCK_NAME)).toBeTrue();
    const call = t.httpMock.expectOne(API_PATHS.refresh);
    expect(call.request.body).toEqual({ refreshToken: login.refreshToken });

    // Another tab asks for the lock now and looks at storage as soon as it gets it.
    const seenByOtherTab: string[] = [];
    const otherTab = locks.request(REFRESH_LOCK_NAME, {}, async () => {
      seenByOtherTab.push(JSON.parse(localStorage.getItem(TOKENS_KEY) ?? '{}').refreshToken);
    });
    const renewed = fakeTokenResponse({ sid });
    call.flush(renewed);
    await refreshed;
    await otherTab;

    expect(seenByOtherTab)
      .withContext('the other tab sees the new pair')
      .toEqual([renewed.refreshToken]);
    expect(locks.isHeld(REFRESH_LOCK_NAME)).toBeFalse();
  });

  it('makes no refresh call when another tab rotated the tokens while it waited for the lock', async () => {
    const releaseOtherTab = locks.holdAsOtherTab(REFRESH_LOCK_NAME);
    const refreshed = t.store.refresh();
    t.httpMock.expectNone(API_PATHS.refresh);

    const rotated = fakeTokenResponse({ sid });
    storeAsOtherTab(rotated, login.refreshToken);
    releaseOtherTab();
    const result = await refreshed;

    t.httpMock.expectNone(API_PATHS.refresh);
    expect(result).toEqual(
      jasmine.objectContaining({
        accessToken: rotated.accessToken,
        fromOtherTab: true,
        joined: false,
      }),
    );
    expect(t.store.refreshToken()).toBe(rotated.refreshToken);
    expect(t.store.accessExpiresAt()).toBeCloseTo(Date.now() + 60_000, -4);
    expect(eventsOfType(t.events, 'tokensAdopted')).toEqual([
      { type: 'tokensAdopted', refreshId: result.refreshId },
    ]);
    expect(eventsOfType(t.events, 'tokenRefreshed')).toEqual([]);
  });

  it('refreshes with the stored token when nothing changed while it waited', async () => {
    const releaseOtherTab = locks.holdAsOtherTab(REFRESH_LOCK_NAME);
    const refreshed = t.store.refresh();
    releaseOtherTab();
    const call = t.httpMock.expectOne(API_PATHS.refresh);
    expect(call.request.body).toEqual({ refreshToken: login.refreshToken });
    const renewed = fakeTokenResponse({ sid });
    call.flush(renewed);

    expect((await refreshed).fromOtherTab).toBeFalse();
    expect(eventsOfType(t.events, 'tokenRefreshed').length).toBe(1);
  });

  it('takes a rotated access token that is inside the proactive leeway but not expired', async () => {
    const releaseOtherTab = locks.holdAsOtherTab(REFRESH_LOCK_NAME);
    const refreshed = t.store.refresh({ proactive: true });
    const rotated = fakeTokenResponse({ sid, accessIn: 3 }); // a 5 s lifetime, 5 s leeway
    storeAsOtherTab(rotated, login.refreshToken);
    releaseOtherTab();

    expect((await refreshed).fromOtherTab).toBeTrue();
    t.httpMock.expectNone(API_PATHS.refresh);
  });

  it('renews with the newer refresh token when the other tab’s access token has expired too', async () => {
    const releaseOtherTab = locks.holdAsOtherTab(REFRESH_LOCK_NAME);
    const refreshed = t.store.refresh();
    const rotated = fakeTokenResponse({ sid, accessIn: -1 });
    storeAsOtherTab(rotated, login.refreshToken);
    releaseOtherTab();

    const call = t.httpMock.expectOne(API_PATHS.refresh);
    expect(call.request.body)
      .withContext('never the rotated-out token, which would be reuse')
      .toEqual({ refreshToken: rotated.refreshToken });
    call.flush(fakeTokenResponse({ sid }));
    await refreshed;
  });

  it('ends with “You signed out in another tab” when the other tab signed out meanwhile', async () => {
    const releaseOtherTab = locks.holdAsOtherTab(REFRESH_LOCK_NAME);
    const refreshed = t.store.refresh();
    localStorage.setItem(
      SESSION_END_KEY,
      JSON.stringify({ kind: 'signedOut', reason: null, sid, at: Date.now() }),
    );
    localStorage.removeItem(TOKENS_KEY);
    releaseOtherTab();

    await expectAsync(refreshed).toBeRejectedWith(jasmine.objectContaining({ status: 401 }));
    expect(t.store.isSignedIn()).toBeFalse();
    expect(t.store.sessionNotice()).toEqual(SIGNED_OUT_IN_OTHER_TAB);
    expect(eventsOfType(t.events, 'signedOut')).toEqual([
      { type: 'signedOut', fromOtherTab: true },
    ]);
    t.httpMock.expectNone(API_PATHS.refresh);
    t.httpMock.expectNone(API_PATHS.logout);
  });

  it('answers ten parallel 401s with the other tab’s tokens: no refresh call, all retried and tagged', async () => {
    const releaseOtherTab = locks.holdAsOtherTab(REFRESH_LOCK_NAME);
    const results: unknown[] = [];
    for (let i = 0; i < 10; i++) {
      t.http.get(API_PATHS.todos).subscribe({ next: (v) => results.push(v), error: fail });
    }
    t.httpMock.match(API_PATHS.todos).forEach((r) => r.flush(EXPIRED_ACCESS, UNAUTHORIZED));
    const rotated = fakeTokenResponse({ sid });
    storeAsOtherTab(rotated, login.refreshToken);
    releaseOtherTab();
    await settle();

    t.httpMock.expectNone(API_PATHS.refresh);
    const retries = t.httpMock.match(API_PATHS.todos);
    expect(retries.length).toBe(10);
    retries.forEach((retry) => expect(bearer(retry)).toBe(`Bearer ${rotated.accessToken}`));
    const refreshes = retries.map((retry) => t.trace.sentWith(retry)?.refresh);
    expect(refreshes[0]).toEqual(jasmine.objectContaining({ joined: false, fromOtherTab: true }));
    expect(refreshes.every((refresh) => refresh?.fromOtherTab)).toBeTrue();
    expect(t.trace.refreshCalls).withContext('no call: the other tab refreshed').toEqual([]);
    retries.forEach((retry) => retry.flush([]));
    expect(results.length).toBe(10);
    expect(t.store.isSignedIn()).toBeTrue();
  });

  it('passes the lock on once after a sign-out, so the next holder sees the session gone', async () => {
    const requested = locks.requested.length;
    const signedOut = t.store.signOut();
    expect(locks.requested.slice(requested)).toEqual([REFRESH_LOCK_NAME]);
    t.httpMock.expectOne(API_PATHS.logout).flush(null);
    await signedOut;
  });

  it('takes no lock in session-storage mode, where every tab has its own session', async () => {
    t.storage.setMode('session');
    const refreshed = t.store.refresh();
    t.httpMock.expectOne(API_PATHS.refresh).flush(fakeTokenResponse({ sid }));
    await refreshed;
    expect(locks.requested).not.toContain(REFRESH_LOCK_NAME);
  });
});

describe('refresh without Web Locks', () => {
  let t: AuthTesting;

  beforeEach(() => {
    t = configureAuthTesting([{ provide: WEB_LOCKS, useValue: null }]);
  });

  afterEach(() => t.httpMock.verify());

  it('reports cross-tab locking as missing and still sends one call for parallel callers', async () => {
    expect(t.store.crossTabLocking).toBeFalse();
    await signInWith(t);
    const both = Promise.all([t.store.refresh(), t.store.refresh()]);
    t.httpMock.expectOne(API_PATHS.refresh).flush(fakeTokenResponse());
    expect((await both).map((result) => result.joined)).toEqual([false, true]);
  });

  it('still treats a refused refresh as the end of the session', async () => {
    await signInWith(t);
    const refreshed = t.store.refresh();
    t.httpMock
      .expectOne(API_PATHS.refresh)
      .flush(
        { error: 'invalid_grant', message: 'the session was revoked' },
        { status: 400, statusText: 'Bad Request' },
      );
    await expectAsync(refreshed).toBeRejectedWith(jasmine.any(HttpErrorResponse));
    expect(t.store.sessionNotice()?.reason).toBe('the session was revoked');
  });
});
