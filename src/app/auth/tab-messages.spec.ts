import { TestBed } from '@angular/core/testing';

import { API_PATHS, TokenResponse } from '../api-contract';
import { SIGNED_OUT_IN_OTHER_TAB } from './session-notices';
import { TabChannel } from './tab-channel';
import { TabSync } from './tab-sync';
import { TEST_ADMIN, TEST_USER, fakeTokenResponse, newSid } from './testing/fake-tokens';
import { OtherTab, openOtherTab, withStorageEvents } from './testing/other-tab';
import {
  AuthTesting,
  configureAuthTesting,
  eventsOfType,
  refusedRefresh,
  signInWith,
} from './testing/auth-testing';
import { TOKENS_KEY } from './token-storage';

/**
 * The tabs' messages (`TabChannel`, BroadcastChannel in the browser) in localStorage mode. Unless
 * a test fires `storage` events itself (`withStorageEvents`), this tab hears of the other tab
 * through its messages only.
 */
describe('Tab messages: one session across tabs', () => {
  let t: AuthTesting;
  let other: OtherTab;

  /** Stores a session in localStorage as another tab would, without telling anyone. */
  function storeQuietly(response: TokenResponse): void {
    const { accessToken, refreshToken, user } = response;
    const session = { accessToken, refreshToken, user, previousRefreshToken: null };
    localStorage.setItem(TOKENS_KEY, JSON.stringify(session));
  }

  async function otherTabSignsIn(response = fakeTokenResponse()): Promise<TokenResponse> {
    const signedIn = other.store.signIn('demo', 'demo1234');
    t.httpMock.expectOne(API_PATHS.login).flush(response);
    await signedIn;
    return response;
  }

  async function otherTabRefreshes(response: TokenResponse): Promise<void> {
    const refreshed = other.store.refresh();
    t.httpMock.expectOne(API_PATHS.refresh).flush(response);
    await refreshed;
  }

  beforeEach(() => {
    t = configureAuthTesting();
    TestBed.inject(TabSync).start();
    other = openOtherTab();
  });

  afterEach(() => {
    other.injector.destroy();
    t.httpMock.verify();
  });

  describe('what a tab posts', () => {
    it('posts signedIn, rotated and signedOut with the sid of the session concerned', async () => {
      const sid = newSid();
      const response = await otherTabSignsIn(fakeTokenResponse({ sid }));
      await otherTabRefreshes(fakeTokenResponse({ sid }));
      const signedOut = other.store.signOut();
      t.httpMock.expectOne(API_PATHS.logout).flush(null);
      await signedOut;

      expect(t.channels.posted).toEqual([
        { type: 'signedIn', sid, user: response.user },
        { type: 'rotated', sid },
        { type: 'signedOut', sid },
      ]);
    });

    it('posts ended with the server’s reason when the refresh is refused', async () => {
      const sid = newSid();
      await signInWith(t, fakeTokenResponse({ sid }));
      await refusedRefresh(t, t.store);

      expect(t.channels.posted.at(-1)).toEqual({
        type: 'ended',
        sid,
        reason: 'the session was revoked',
      });
    });

    it('posts nothing in session-storage mode: nothing is shared', async () => {
      t.storage.setMode('session');
      await signInWith(t);
      const signedOut = t.store.signOut();
      t.httpMock.expectOne(API_PATHS.logout).flush(null);
      await signedOut;
      expect(t.channels.posted).toEqual([]);
    });
  });

  describe('what a tab does with them', () => {
    it('follows a sign-in in the other tab', async () => {
      const response = await otherTabSignsIn();
      expect(t.store.refreshToken()).toBe(response.refreshToken);
      expect(t.events).toEqual([{ type: 'signedIn', user: response.user, fromOtherTab: true }]);
    });

    it('takes over the other tab’s rotation', async () => {
      const sid = newSid();
      await otherTabSignsIn(fakeTokenResponse({ sid }));
      const rotated = fakeTokenResponse({ sid });
      await otherTabRefreshes(rotated);
      expect(t.store.refreshToken()).toBe(rotated.refreshToken);
      expect(eventsOfType(t.events, 'tokensAdopted').length).toBe(1);
    });

    it('signs out with “You signed out in another tab”', async () => {
      await otherTabSignsIn();
      const signedOut = other.store.signOut();
      t.httpMock.expectOne(API_PATHS.logout).flush(null); // the other tab's revoke, the only one
      await signedOut;
      expect(t.store.isSignedIn()).toBeFalse();
      expect(t.store.sessionNotice()).toEqual(SIGNED_OUT_IN_OTHER_TAB);
      expect(eventsOfType(t.events, 'signedOut')).toEqual([
        { type: 'signedOut', fromOtherTab: true },
      ]);
    });

    it('ends with the server’s reason when the other tab’s refresh was refused', async () => {
      await otherTabSignsIn();
      await refusedRefresh(t, other.store);
      expect(eventsOfType(t.events, 'sessionExpired')).toEqual([
        { type: 'sessionExpired', reason: 'the session was revoked', fromOtherTab: true },
      ]);
    });

    it('ignores news of a session it does not hold, but not a sign-in', async () => {
      const sid = newSid();
      await signInWith(t, fakeTokenResponse({ sid }));
      const rotated = fakeTokenResponse({ sid });
      storeQuietly(rotated); // re-reading storage would take this pair over
      const stranger: TabChannel = t.channels.channel();

      stranger.post({ type: 'rotated', sid: newSid() });
      stranger.post({ type: 'signedOut', sid: newSid() });
      stranger.post({ type: 'ended', sid: newSid(), reason: 'whatever' });
      expect(t.store.refreshToken()).withContext('not re-read').not.toBe(rotated.refreshToken);
      expect(t.store.isSignedIn()).toBeTrue();

      stranger.post({ type: 'signedIn', sid: newSid(), user: TEST_ADMIN });
      expect(t.store.refreshToken()).withContext('re-read').toBe(rotated.refreshToken);
    });

    it('ends on a sign-out message that overtakes storage, and never takes the ended session back', async () => {
      const sid = newSid();
      const response = await otherTabSignsIn(fakeTokenResponse({ sid }));
      t.events.length = 0;
      // This tab's copy of localStorage lags behind (whatwg/html#403): it still holds the session.
      t.channels.channel().post({ type: 'signedOut', sid });

      expect(t.store.isSignedIn()).toBeFalse();
      expect(t.store.sessionNotice()).toEqual(SIGNED_OUT_IN_OTHER_TAB);
      expect(localStorage.getItem(TOKENS_KEY))
        .withContext('storage is not ours to touch')
        .toContain(response.refreshToken);
      t.store.syncWithStorage(); // a re-read before the copy has caught up
      expect(t.store.isSignedIn()).toBeFalse();
      expect(t.events).toEqual([{ type: 'signedOut', fromOtherTab: true }]);
    });
  });

  describe('messages and storage events together (the fallback) apply once', () => {
    it('a sign-in, a rotation, a rename and a sign-out each change this tab once', async () => {
      const sid = newSid();
      await withStorageEvents(() => otherTabSignsIn(fakeTokenResponse({ sid })));
      await withStorageEvents(() => otherTabRefreshes(fakeTokenResponse({ sid })));
      await withStorageEvents(() => other.store.setUser({ ...TEST_USER, displayName: 'Renamed' }));
      await withStorageEvents(async () => {
        const signedOut = other.store.signOut();
        t.httpMock.expectOne(API_PATHS.logout).flush(null);
        await signedOut;
      });

      expect(t.events.map((event) => event.type)).toEqual([
        'signedIn',
        'tokensAdopted',
        'signedOut',
      ]);
      expect(t.store.sessionNotice()).toEqual(SIGNED_OUT_IN_OTHER_TAB);
    });

    it('a message that arrives after the storage event changes nothing more', async () => {
      t.channels.hold();
      await withStorageEvents(() => otherTabSignsIn());
      expect(t.store.isSignedIn()).withContext('from the storage event').toBeTrue();
      t.channels.release();
      expect(eventsOfType(t.events, 'signedIn').length).toBe(1);
    });
  });
});
