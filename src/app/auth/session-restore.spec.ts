import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { API_PATHS } from '../api-contract';
import { routes } from '../app.routes';
import { AUTH_SETTINGS_KEY } from './auth-settings';
import { authInterceptor } from './auth-interceptor';
import { AuthStore } from './auth-store';
import { provideAuth } from './provide-auth';
import { RESTORE_WAIT_LIMIT_MS, restoreSession } from './session-restore';
import { COPIED_TAB } from './session-notices';
import { TAB_ID_KEY, TAB_LOCK_PREFIX, TabIdentity } from './tab-identity';
import { fakeJwt, fakeTokenResponse, TEST_ADMIN, TEST_USER } from './testing/fake-tokens';
import {
  AuthTesting,
  clearAuthStorage,
  configureAuthTesting,
  eventsOfType,
  settle,
} from './testing/auth-testing';
import { StoredSession, TOKENS_KEY } from './token-storage';

function stored(accessIn: number, refreshIn: number, user = TEST_USER): StoredSession {
  return {
    accessToken: fakeJwt('access', accessIn, user),
    refreshToken: fakeJwt('refresh', refreshIn, user),
    user,
    previousRefreshToken: null,
  };
}

function keep(session: StoredSession): void {
  localStorage.setItem(TOKENS_KEY, JSON.stringify(session));
}

/** Runs the initializer and reports whether it has finished. */
function startRestore(): { done: Promise<void>; finished: () => boolean } {
  let finished = false;
  const done = TestBed.runInInjectionContext(restoreSession).then(() => {
    finished = true;
  });
  return { done, finished: () => finished };
}

describe('restoreSession', () => {
  let t: AuthTesting;

  beforeEach(() => {
    t = configureAuthTesting();
  });

  afterEach(() => t.httpMock.verify());
  afterAll(() => clearAuthStorage());

  // Issue test 10 (valid session)
  it('restores a valid session at once and confirms the user in the background', async () => {
    const session = stored(60, 3600);
    keep(session);
    await startRestore().done;

    expect(t.store.isSignedIn()).toBeTrue();
    expect(t.store.user()).toEqual(TEST_USER);
    expect(t.store.accessToken()).toBe(session.accessToken);
    const me = t.httpMock.expectOne(API_PATHS.me);
    expect(me.request.headers.get('Authorization')).toBe(`Bearer ${session.accessToken}`);
    me.flush({ ...TEST_USER, displayName: 'Renamed' });
    expect(t.store.user()?.displayName).toBe('Renamed');
  });

  it('builds the user from the access-token claims when none was stored', async () => {
    keep({ ...stored(60, 3600, TEST_ADMIN), user: null });
    await startRestore().done;

    expect(t.store.user()).toEqual(
      jasmine.objectContaining({ id: TEST_ADMIN.id, roles: ['user', 'admin'] }),
    );
    expect(t.store.isAdmin()).toBeTrue();
    t.httpMock.expectOne(API_PATHS.me).flush(null, { status: 503, statusText: 'Unavailable' });
  });

  // Issue test 10 (expired access token, live refresh token)
  it('refreshes an expired access token before it finishes', async () => {
    const session = stored(-60, 3600);
    keep(session);
    const restore = startRestore();

    const refresh = t.httpMock.expectOne(API_PATHS.refresh);
    expect(refresh.request.body).toEqual({ refreshToken: session.refreshToken });
    await settle();
    expect(restore.finished()).withContext('waits for the refresh').toBeFalse();
    const renewed = fakeTokenResponse();
    refresh.flush(renewed);
    await restore.done;

    expect(t.store.isSignedIn()).toBeTrue();
    expect(t.store.accessToken()).toBe(renewed.accessToken);
    expect(JSON.parse(localStorage.getItem(TOKENS_KEY) ?? '{}').accessToken).toBe(
      renewed.accessToken,
    );
  });

  // Issue test 10 (dead session). Issue 13, finding 3: the server, not this clock, says it is dead.
  it('starts signed out and clears storage when the server refuses an expired refresh token', async () => {
    const session = stored(-600, -10);
    keep(session);
    const restore = startRestore();
    const call = t.httpMock.expectOne(API_PATHS.refresh);
    expect(call.request.body).toEqual({ refreshToken: session.refreshToken });
    call.flush(
      { error: 'invalid_grant', message: 'The refresh token expired.' },
      { status: 400, statusText: 'Bad Request' },
    );
    await restore.done;
    expect(t.store.isSignedIn()).toBeFalse();
    expect(localStorage.getItem(TOKENS_KEY)).toBeNull();
    expect(t.store.sessionNotice()?.reason).toBe('the refresh token expired');
  });

  it('restores a session whose tokens look expired only on this browser’s fast clock', async () => {
    // This browser's clock is 10 min fast (the offset was measured at sign-in): the server's
    // tokens, 60 s and 300 s from expiry on its own clock, look expired here.
    const session: StoredSession = {
      accessToken: fakeJwt('access', 60, TEST_USER, {}, -600),
      refreshToken: fakeJwt('refresh', 300, TEST_USER, {}, -600),
      user: TEST_USER,
      previousRefreshToken: null,
      clockOffsetMs: -600_000,
    };
    keep(session);
    const restore = startRestore();
    t.httpMock.expectNone(API_PATHS.refresh);
    t.httpMock.expectOne(API_PATHS.me).flush(TEST_USER);
    await restore.done;
    expect(t.store.isSignedIn()).toBeTrue();
    expect(t.store.accessToken()).toBe(session.accessToken);
    expect(t.store.clockOffsetMs()).toBe(-600_000);
  });

  it('starts signed out, with the server’s reason as notice, when the refresh is refused', async () => {
    keep(stored(-60, 3600));
    const restore = startRestore();
    t.httpMock
      .expectOne(API_PATHS.refresh)
      .flush(
        { error: 'invalid_grant', message: 'the session was revoked' },
        { status: 400, statusText: 'Bad Request' },
      );
    await restore.done;
    expect(t.store.isSignedIn()).toBeFalse();
    expect(localStorage.getItem(TOKENS_KEY)).toBeNull();
    expect(t.store.sessionNotice()?.reason).toBe('the session was revoked');
  });

  it('stays signed in with the stored tokens when the refresh fails transiently', async () => {
    const session = stored(-60, 3600);
    keep(session);
    const restore = startRestore();
    t.httpMock.expectOne(API_PATHS.refresh).error(new ProgressEvent('error'));
    await restore.done;
    expect(t.store.isSignedIn()).toBeTrue();
    expect(t.store.refreshToken()).toBe(session.refreshToken);
    expect(eventsOfType(t.events, 'sessionExpired').length).toBe(0);
  });

  it('does not hold start-up longer than the wait limit for a refresh that hangs', async () => {
    keep(stored(-60, 3600));
    jasmine.clock().install();
    try {
      const restore = startRestore();
      const refresh = t.httpMock.expectOne(API_PATHS.refresh);
      jasmine.clock().tick(RESTORE_WAIT_LIMIT_MS);
      await restore.done;
      expect(t.store.isSignedIn()).toBeTrue();
      const stillRunning = t.store.refresh();
      const renewed = fakeTokenResponse();
      refresh.flush(renewed);
      expect((await stillRunning).joined)
        .withContext('the same refresh carried on')
        .toBeTrue();
      expect(t.store.accessToken()).toBe(renewed.accessToken);
    } finally {
      jasmine.clock().uninstall();
    }
  });

  // Issue test 8
  for (const [name, raw] of [
    ['not JSON', '%%%'],
    ['a non-JWT', '{"accessToken":"a.b.c","refreshToken":"x"}'],
    ['an empty object', '{}'],
  ]) {
    it(`starts signed out without an exception when storage holds ${name}`, async () => {
      localStorage.setItem(TOKENS_KEY, raw);
      localStorage.setItem(AUTH_SETTINGS_KEY, 'garbage too');
      await expectAsync(startRestore().done).toBeResolved();
      expect(t.store.isSignedIn()).toBeFalse();
      expect(localStorage.getItem(TOKENS_KEY)).toBeNull();
    });
  }
});

describe('restoreSession in a duplicated tab (session-storage mode)', () => {
  let t: AuthTesting;

  beforeEach(() => {
    t = configureAuthTesting();
    t.storage.setMode('session');
    sessionStorage.setItem(TAB_ID_KEY, 'aaaaaaaa'); // copied with the rest of sessionStorage
    sessionStorage.setItem(TOKENS_KEY, JSON.stringify(stored(60, 3600)));
  });

  afterEach(() => t.httpMock.verify());
  afterAll(() => clearAuthStorage());

  it('leaves the copied session to the original tab: signed out, no call, a notice', async () => {
    t.locks?.holdAsOtherTab(TAB_LOCK_PREFIX + 'aaaaaaaa'); // the original is still open
    void TestBed.inject(TabIdentity).claim(20); // start-up then waits 20 ms, not a second
    await startRestore().done;

    expect(t.store.isSignedIn()).toBeFalse();
    expect(t.store.sessionNotice()).toEqual(COPIED_TAB);
    expect(sessionStorage.getItem(TOKENS_KEY)).toBeNull();
    expect(sessionStorage.getItem(TAB_ID_KEY)).not.toBe('aaaaaaaa');
    t.httpMock.expectNone(API_PATHS.logout); // never revoked: the original keeps using it
    t.httpMock.expectNone(API_PATHS.refresh);
  });

  it('keeps the session when the tab it was copied from is gone (e.g. a reopened tab)', async () => {
    await startRestore().done;
    expect(t.store.isSignedIn()).toBeTrue();
    expect(t.store.sessionNotice()).toBeNull();
    t.httpMock.expectOne(API_PATHS.me).flush(TEST_USER);
  });
});

describe('provideAuth() at start-up', () => {
  beforeEach(() => {
    clearAuthStorage();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideAuth(),
        provideRouter(routes),
      ],
    });
  });

  afterAll(() => clearAuthStorage());

  it('keeps a signed-in user on /dashboard after a reload', async () => {
    keep(stored(60, 3600));
    await TestBed.inject(ApplicationInitStatus).donePromise;
    expect(TestBed.inject(AuthStore).isSignedIn()).toBeTrue();

    const harness = await RouterTestingHarness.create('/dashboard');
    expect(TestBed.inject(Router).url).toBe('/dashboard');
    expect(harness.routeNativeElement?.textContent).toContain('Dashboard');
    TestBed.inject(HttpTestingController).expectOne(API_PATHS.me).flush(TEST_USER);
  });

  it('sends a garbage session to /login with the returnUrl, without an exception', async () => {
    localStorage.setItem(TOKENS_KEY, '{"accessToken": 12');
    await TestBed.inject(ApplicationInitStatus).donePromise;
    await RouterTestingHarness.create('/dashboard');
    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Fdashboard');
  });
});
