import { TestBed } from '@angular/core/testing';

import { API_PATHS, TokenResponse } from '../api-contract';
import { SESSION_MOVED_TO_OTHER_TAB, SIGNED_OUT_IN_OTHER_TAB } from './session-notices';
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
 * Two tabs in localStorage mode: "this tab" is the TestBed's store (behind the interceptor),
 * "the other tab" a second store instance. The other tab acts; this tab only hears `storage`
 * events, exactly as a browser delivers them: the fallback where `BroadcastChannel` is missing,
 * so the tabs' messages are lost here (they have their own spec, tab-messages.spec.ts).
 */
describe('TabSync: one session across tabs, through storage events alone', () => {
  let t: AuthTesting;
  let other: OtherTab;

  /** The other tab signs in through the (shared) HTTP stack. */
  async function otherTabSignsIn(response = fakeTokenResponse()): Promise<TokenResponse> {
    await withStorageEvents(async () => {
      const signedIn = other.store.signIn('demo', 'demo1234');
      t.httpMock.expectOne(API_PATHS.login).flush(response);
      await signedIn;
    });
    return response;
  }

  beforeEach(() => {
    t = configureAuthTesting();
    t.channels.lose();
    TestBed.inject(TabSync).start();
    other = openOtherTab();
  });

  afterEach(() => {
    other.injector.destroy();
    t.httpMock.verify();
  });

  it('signs this tab in at once when the other tab signs in, without a call of its own', async () => {
    const response = await otherTabSignsIn();

    expect(t.store.isSignedIn()).toBeTrue();
    expect(t.store.user()).toEqual(response.user);
    expect(t.store.accessToken()).toBe(response.accessToken);
    expect(t.store.accessExpiresAt()).toBe(other.store.accessExpiresAt());
    expect(t.store.refreshExpiresAt()).toBe(other.store.refreshExpiresAt());
    expect(t.events).toEqual([{ type: 'signedIn', user: response.user, fromOtherTab: true }]);
  });

  it('takes over the other tab’s rotation and tags the requests that use it', async () => {
    const sid = newSid();
    await otherTabSignsIn(fakeTokenResponse({ sid }));
    const rotated = fakeTokenResponse({ sid, accessIn: 120 });
    await withStorageEvents(async () => {
      const refreshed = other.store.refresh();
      t.httpMock.expectOne(API_PATHS.refresh).flush(rotated);
      await refreshed;
    });

    expect(t.store.accessToken()).toBe(rotated.accessToken);
    expect(t.store.refreshToken()).toBe(rotated.refreshToken);
    expect(t.store.accessExpiresAt()).toBeCloseTo(Date.now() + 120_000, -4);
    expect(eventsOfType(t.events, 'tokensAdopted')).toEqual([
      { type: 'tokensAdopted', refreshId: null },
    ]);
    expect(eventsOfType(t.events, 'signedIn').length).withContext('same session').toBe(1);

    t.http.get(API_PATHS.todos).subscribe();
    const request = t.httpMock.expectOne(API_PATHS.todos);
    expect(request.request.headers.get('Authorization')).toBe(`Bearer ${rotated.accessToken}`);
    expect(t.trace.sentWith(request)).toEqual({ attempt: 'first', refresh: null });
    request.flush([]);
  });

  it('signs this tab out with “You signed out in another tab” when the other tab signs out', async () => {
    await otherTabSignsIn();
    await withStorageEvents(async () => {
      const signedOut = other.store.signOut();
      t.httpMock.expectOne(API_PATHS.logout).flush(null); // the other tab's revoke, the only one
      await signedOut;
    });

    expect(t.store.isSignedIn()).toBeFalse();
    expect(t.store.sessionNotice()).toEqual(SIGNED_OUT_IN_OTHER_TAB);
    expect(t.store.sessionNotice()?.message).toBe('You signed out in another tab.');
    expect(eventsOfType(t.events, 'signedOut')).toEqual([
      { type: 'signedOut', fromOtherTab: true },
    ]);
  });

  it('passes a forced sign-out (refresh refused) on with the server’s reason', async () => {
    await otherTabSignsIn();
    await withStorageEvents(() => refusedRefresh(t, other.store));

    expect(t.store.isSignedIn()).toBeFalse();
    expect(eventsOfType(t.events, 'sessionExpired')).toEqual([
      { type: 'sessionExpired', reason: 'the session was revoked', fromOtherTab: true },
    ]);
    expect(t.store.sessionNotice()?.message).toBe(
      'Your session has ended: the session was revoked. Please sign in again.',
    );
  });

  it('follows a sign-in as another user, replacing the session and its user', async () => {
    await otherTabSignsIn();
    const admin = fakeTokenResponse({ user: TEST_ADMIN });
    await withStorageEvents(async () => {
      const signedIn = other.store.signIn('admin', 'admin1234');
      t.httpMock.expectOne(API_PATHS.login).flush(admin);
      await signedIn;
      t.httpMock.expectOne(API_PATHS.logout).flush(null); // the other tab revokes the old one
    });
    expect(t.store.isAdmin()).toBeTrue();
    expect(t.store.refreshToken()).toBe(admin.refreshToken);
    expect(eventsOfType(t.events, 'signedIn').at(-1)).toEqual({
      type: 'signedIn',
      user: admin.user,
      fromOtherTab: true,
      previousUser: TEST_USER,
    });
  });

  // Issue 13, finding 7: the switch, learnt late, must not pass for a plain sign-in.
  it('reports a user switch learnt late (no storage events: this tab was frozen) as a switch', async () => {
    await signInWith(t);
    const admin = fakeTokenResponse({ user: TEST_ADMIN });
    const { accessToken, refreshToken, user } = admin;
    localStorage.setItem(
      TOKENS_KEY,
      JSON.stringify({ accessToken, refreshToken, user, previousRefreshToken: null }),
    );
    t.events.length = 0;
    t.store.syncWithStorage(); // what the tab does when it wakes (SessionRecheck)

    expect(t.store.user()).toEqual(TEST_ADMIN);
    expect(t.events).toEqual([
      { type: 'signedIn', user: TEST_ADMIN, fromOtherTab: true, previousUser: TEST_USER },
    ]);
  });

  it('does not call a new session of the same user a switch', async () => {
    await signInWith(t);
    const again = fakeTokenResponse();
    const { accessToken, refreshToken, user } = again;
    localStorage.setItem(
      TOKENS_KEY,
      JSON.stringify({ accessToken, refreshToken, user, previousRefreshToken: null }),
    );
    t.events.length = 0;
    t.store.syncWithStorage();

    expect(t.store.refreshToken()).toBe(refreshToken);
    expect(t.events).toEqual([{ type: 'signedIn', user: TEST_USER, fromOtherTab: true }]);
  });

  // Issue 13, finding 2: nothing of the old session is sent with the new session's token.
  it('fails the requests waiting on a refresh when the other tab signs in meanwhile, and keeps the new session', async () => {
    await otherTabSignsIn();
    const refreshed = t.store.refresh();
    const call = t.httpMock.expectOne(API_PATHS.refresh);
    const admin = await otherTabSignsIn(fakeTokenResponse({ user: TEST_ADMIN }));
    t.httpMock.expectOne(API_PATHS.logout).flush(null); // the other tab revokes the old session
    const late = fakeTokenResponse(); // the old session's renewal, arriving too late
    call.flush(late);

    await expectAsync(refreshed).toBeRejectedWith(
      jasmine.objectContaining({
        error: jasmine.objectContaining({ message: jasmine.stringContaining('has ended') }),
      }),
    );
    expect(t.store.refreshToken()).toBe(admin.refreshToken);
    expect(t.store.isSignedIn()).toBeTrue();
    const revoke = t.httpMock.expectOne(API_PATHS.logout);
    expect(revoke.request.body)
      .withContext('the orphaned pair')
      .toEqual({ refreshToken: late.refreshToken });
    revoke.flush(null);
  });

  it('keeps a session-storage tab out of it: one session per tab', async () => {
    const own = await signInWith(t);
    t.storage.setMode('session');
    localStorage.setItem(
      TOKENS_KEY,
      JSON.stringify({ ...fakeTokenResponse(), previousRefreshToken: null }),
    );
    window.dispatchEvent(
      new StorageEvent('storage', { key: TOKENS_KEY, storageArea: localStorage }),
    );
    expect(t.store.refreshToken()).toBe(own.refreshToken);
    expect(t.events.filter((event) => 'fromOtherTab' in event)).toEqual([]);
  });

  it('re-reads the switches when the other tab changes them', async () => {
    await withStorageEvents(() => {
      other.settings.setProactiveRefresh(false);
      other.settings.setLeewaySeconds(20);
    });
    expect(t.settings.proactiveRefresh()).toBeFalse();
    expect(t.settings.leewaySeconds()).toBe(20);
  });

  it('lets the other tab take the shared session into session storage, without revoking it', async () => {
    const response = await otherTabSignsIn();
    await withStorageEvents(() => other.storage.setMode('session'));

    expect(t.store.isSignedIn()).toBeFalse();
    expect(t.store.sessionNotice()).toEqual(SESSION_MOVED_TO_OTHER_TAB);
    expect(t.storage.mode()).toBe('session');
    expect(other.store.refreshToken()).toBe(response.refreshToken);
    expect(other.storage.read()?.refreshToken).toBe(response.refreshToken);
    t.httpMock.expectNone(API_PATHS.logout);
  });

  it('does not bring back a session that was signed out while a refresh was under way', async () => {
    const sid = newSid();
    await otherTabSignsIn(fakeTokenResponse({ sid }));
    const refreshed = t.store.refresh();
    const call = t.httpMock.expectOne(API_PATHS.refresh);
    const signedOut = other.store.signOut(); // this tab has not heard of it yet
    t.httpMock.expectOne(API_PATHS.logout).flush(null);
    await signedOut;
    const late = fakeTokenResponse({ sid });
    call.flush(late); // this tab stores the rotated, already-ended session
    await refreshed;

    other.store.syncWithStorage();
    expect(other.store.isSignedIn()).withContext('the other tab does not adopt it').toBeFalse();
    t.store.syncWithStorage(); // the sign-out's storage event arrives
    expect(t.store.isSignedIn()).toBeFalse();
    expect(t.store.sessionNotice()).toEqual(SIGNED_OUT_IN_OTHER_TAB);
    expect(localStorage.getItem(TOKENS_KEY)).toBeNull();
  });

  it('stops listening when its tab goes away', async () => {
    other.sync.start();
    other.injector.destroy();
    await withStorageEvents(() => signInWith(t));
    expect(other.store.isSignedIn()).toBeFalse();
    other = openOtherTab();
  });
});
