import { TestBed } from '@angular/core/testing';

import { API_PATHS } from '../api-contract';
import { SESSION_END_REASONS } from './auth-errors';
import { AUTH_FLOW } from './request-context';
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

  it('refreshes at once when it becomes visible with an expired access token', async () => {
    await signInWith(t, fakeTokenResponse({ accessIn: -10 }));
    becomeVisible();
    const call = t.httpMock.expectOne(API_PATHS.refresh);
    expect(call.request.context.get(AUTH_FLOW).tags).toEqual(['refresh', 'proactive']);
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

  it('ends the session when the refresh token has expired meanwhile', async () => {
    const { refreshToken } = await signInWith(t, fakeTokenResponse({ refreshIn: -1 }));
    becomeVisible();
    expect(t.store.isSignedIn()).toBeFalse();
    expect(eventsOfType(t.events, 'sessionExpired')).toEqual([
      { type: 'sessionExpired', reason: SESSION_END_REASONS.refreshExpired },
    ]);
    expect(t.httpMock.expectOne(API_PATHS.logout).request.body).toEqual({ refreshToken });
    t.httpMock.expectNone(API_PATHS.refresh);
  });

  it('checks again when the network comes back', async () => {
    await signInWith(t, fakeTokenResponse({ accessIn: -10 }));
    window.dispatchEvent(new Event('online'));
    t.httpMock.expectOne(API_PATHS.refresh).flush(fakeTokenResponse());
    await settle();
    expect(t.store.accessTokenExpiresWithin(5)).toBeFalse();
  });

  it('checks again when the Back button restores the page from the back/forward cache', async () => {
    const { refreshToken } = await signInWith(t, fakeTokenResponse({ refreshIn: -1 }));
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }));
    expect(t.store.isSignedIn()).withContext('a first load is not a restore').toBeTrue();

    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    expect(t.store.isSignedIn()).toBeFalse();
    expect(eventsOfType(t.events, 'sessionExpired')).toEqual([
      { type: 'sessionExpired', reason: SESSION_END_REASONS.refreshExpired },
    ]);
    expect(t.httpMock.expectOne(API_PATHS.logout).request.body).toEqual({ refreshToken });
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
    expect(store.refreshInProgress()).toBeFalse();
    httpMock.expectNone(API_PATHS.refresh);
  });
});
