import { TestBed } from '@angular/core/testing';

import { API_PATHS } from '../api-contract';
import { SessionRecheck } from './session-recheck';
import { fakeTokenResponse, newSid } from './testing/fake-tokens';
import {
  AuthTesting,
  configureAuthTesting,
  eventsOfType,
  settle,
  signInWith,
} from './testing/auth-testing';
import { TOKENS_KEY } from './token-storage';

describe('SessionRecheck: a tab that comes back', () => {
  let t: AuthTesting;
  let visibility: jasmine.Spy;

  const becomeVisible = () => {
    visibility.and.returnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
  };

  beforeEach(() => {
    t = configureAuthTesting();
    visibility = spyOnProperty(Document.prototype, 'visibilityState').and.returnValue('hidden');
    TestBed.inject(SessionRecheck).start();
  });

  afterEach(() => t.httpMock.verify());

  /** The refresh presents `refreshToken`; the server refuses it, and only that ends the session. */
  async function expectPresentedAndRefused(refreshToken: string): Promise<void> {
    const call = t.httpMock.expectOne(API_PATHS.refresh);
    expect(call.request.body).toEqual({ refreshToken });
    call.flush(
      { error: 'invalid_grant', message: 'The refresh token expired.' },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(t.store.isSignedIn()).toBeFalse();
    expect(eventsOfType(t.events, 'sessionExpired')).toEqual([
      { type: 'sessionExpired', reason: 'the refresh token expired' },
    ]);
    t.httpMock.expectNone(API_PATHS.logout);
  }

  it('refreshes at once when it becomes visible with an expired access token', async () => {
    await signInWith(t, fakeTokenResponse({ accessIn: -10 }));
    becomeVisible();
    const call = t.httpMock.expectOne(API_PATHS.refresh);
    expect(t.trace.refreshCalls).toEqual([{ refreshId: 1, proactive: true }]);
    const renewed = fakeTokenResponse();
    call.flush(renewed);
    await settle();
    expect(t.store.accessToken()).toBe(renewed.accessToken);
  });

  it('does nothing while hidden', async () => {
    await signInWith(t, fakeTokenResponse({ accessIn: -10 }));
    document.dispatchEvent(new Event('visibilitychange'));
    t.httpMock.expectNone(API_PATHS.refresh);
    expect(t.store.refreshInProgress()).toBeFalse();
  });

  it('leaves a fresh access token alone', async () => {
    await signInWith(t, fakeTokenResponse({ accessIn: 60 }));
    becomeVisible();
    t.httpMock.expectNone(API_PATHS.refresh);
    expect(t.store.refreshInProgress()).toBeFalse();
    expect(t.store.isSignedIn()).toBeTrue();
  });

  it('waits for a request when proactive refresh is off', async () => {
    t.settings.setProactiveRefresh(false);
    await signInWith(t, fakeTokenResponse({ accessIn: -10 }));
    becomeVisible();
    t.httpMock.expectNone(API_PATHS.refresh);
    expect(t.store.refreshInProgress()).toBeFalse();
  });

  // Issue 13, finding 3: the client's clock alone never ends a session.
  it('presents a refresh token that looks expired, and ends the session only on the refusal', async () => {
    const { refreshToken } = await signInWith(t, fakeTokenResponse({ refreshIn: -1 }));
    becomeVisible();
    expect(t.store.isSignedIn()).withContext('not ended on this clock alone').toBeTrue();
    await expectPresentedAndRefused(refreshToken);
  });

  it('keeps a session whose tokens look expired only on this browser’s fast clock', async () => {
    // This browser's clock is 10 min fast: the server's fresh tokens look expired here.
    await signInWith(t, fakeTokenResponse({ serverAheadBy: -600, accessIn: 60, refreshIn: 300 }));
    becomeVisible();
    t.httpMock.expectNone(API_PATHS.refresh);
    expect(t.store.isSignedIn()).toBeTrue();
    expect(t.store.accessTokenExpiresWithin(t.settings.leewaySeconds())).toBeFalse();
  });

  for (const [when, target, type] of [
    ['the network comes back', () => window, 'online'],
    ['the browser lets a frozen tab run again', () => document, 'resume'],
  ] as const) {
    it(`checks again when ${when} (${type})`, async () => {
      await signInWith(t, fakeTokenResponse({ accessIn: -10 }));
      target().dispatchEvent(new Event(type));
      t.httpMock.expectOne(API_PATHS.refresh).flush(fakeTokenResponse());
      await settle();
      expect(t.store.accessTokenExpiresWithin(5)).toBeFalse();
    });
  }

  it('checks again when the Back button restores the page from the back/forward cache', async () => {
    const { refreshToken } = await signInWith(t, fakeTokenResponse({ refreshIn: -1 }));
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }));
    expect(t.store.isSignedIn()).withContext('a first load is not a restore').toBeTrue();
    t.httpMock.expectNone(API_PATHS.refresh);

    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await expectPresentedAndRefused(refreshToken);
  });

  it('first takes over tokens another tab refreshed while this one was hidden', async () => {
    const sid = newSid();
    await signInWith(t, fakeTokenResponse({ sid, accessIn: -10 }));
    const rotated = fakeTokenResponse({ sid });
    localStorage.setItem(TOKENS_KEY, JSON.stringify({ ...rotated, previousRefreshToken: null }));
    becomeVisible();
    t.httpMock.expectNone(API_PATHS.refresh);
    expect(t.store.accessToken()).toBe(rotated.accessToken);
  });

  it('stops listening when the app goes away', async () => {
    await signInWith(t, fakeTokenResponse({ accessIn: -10 }));
    const store = t.store;
    const httpMock = t.httpMock;
    TestBed.resetTestingModule();
    becomeVisible();
    window.dispatchEvent(new Event('online'));
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    document.dispatchEvent(new Event('resume'));
    expect(store.refreshInProgress()).toBeFalse();
    httpMock.expectNone(API_PATHS.refresh);
  });
});
