import { HttpTestingController } from '@angular/common/http/testing';

import { API_PATHS } from '../api-contract';
import { clockOffsetAtReceipt, usableOffset } from './server-clock';
import { fakeTokenResponse } from './testing/fake-tokens';
import { AuthTesting, configureAuthTesting, signInWith } from './testing/auth-testing';
import { until } from '../testing/until';
import { TOKENS_KEY } from './token-storage';

const TODOS = API_PATHS.todos;

/**
 * Sends `GET api/todos` from a browser whose clock is `serverAheadBy` seconds behind the server's,
 * answering any refresh call on the way; returns how many refresh calls it took.
 */
async function requestTodos(t: AuthTesting, serverAheadBy: number): Promise<number> {
  t.http.get(TODOS).subscribe();
  let refreshes = 0;
  await until(() => {
    for (const call of t.httpMock.match(API_PATHS.refresh)) {
      refreshes++;
      call.flush(fakeTokenResponse({ serverAheadBy, accessIn: 30 }));
    }
    return t.httpMock.match(TODOS).length > 0;
  }, 'GET api/todos to go out');
  return refreshes;
}

describe('Clock skew: expiry is judged in server time (issue 13, finding 3)', () => {
  let t: AuthTesting;

  beforeEach(() => {
    t = configureAuthTesting();
  });

  afterEach(() => t.httpMock.verify());

  it('keeps the session of a browser 10 min fast and sends its requests with the token', async () => {
    // Demo lifetimes: access 30 s, refresh 300 s, both long gone on this browser's clock.
    const signedIn = await signInWith(
      t,
      fakeTokenResponse({ serverAheadBy: -600, accessIn: 30, refreshIn: 300 }),
    );
    expect(t.store.clockOffsetMs()).toBeCloseTo(-600_000, -4);

    t.http.get(TODOS).subscribe();
    await until(() => t.httpMock.match(TODOS).length === 1, 'the request to go out');
    t.httpMock.expectNone(API_PATHS.refresh);
    expect(t.store.isSignedIn()).toBeTrue();
    expect(JSON.parse(localStorage.getItem(TOKENS_KEY) ?? 'null')?.accessToken).toBe(
      signedIn.accessToken,
    );
  });

  it('does not refresh before every request on a browser 60 s fast', async () => {
    await signInWith(t, fakeTokenResponse({ serverAheadBy: -60, accessIn: 30 }));
    let refreshes = 0;
    for (let i = 0; i < 3; i++) refreshes += await requestTodos(t, -60);
    expect(refreshes).toBe(0);
    expect(t.store.isSignedIn()).toBeTrue();
  });

  it('refreshes proactively when the token is due on the server’s clock, though not on this one', async () => {
    // The server is 60 s ahead: its token expires in 3 s, which this clock would call 63 s.
    await signInWith(t, fakeTokenResponse({ serverAheadBy: 60, accessIn: 3 }));
    t.http.get(TODOS).subscribe();
    const refresh = await untilOne(t.httpMock, API_PATHS.refresh);
    expect(t.trace.refreshCalls).toEqual([{ refreshId: 1, proactive: true }]);
    const renewed = fakeTokenResponse({ serverAheadBy: 60 });
    refresh.flush(renewed);
    const sent = await untilOne(t.httpMock, TODOS);
    expect(sent.request.headers.get('Authorization')).toBe(`Bearer ${renewed.accessToken}`);
  });

  it('measures the offset again at each refresh, and keeps it with the session', async () => {
    await signInWith(t, fakeTokenResponse({ accessIn: -1 }));
    expect(t.store.clockOffsetMs()).withContext('a second or less is noise').toBe(0);
    const refreshed = t.store.refresh();
    (await untilOne(t.httpMock, API_PATHS.refresh)).flush(
      fakeTokenResponse({ serverAheadBy: 300 }),
    );
    await refreshed;
    expect(t.store.clockOffsetMs()).toBeCloseTo(300_000, -4);
    const stored = JSON.parse(localStorage.getItem(TOKENS_KEY) ?? 'null');
    expect(usableOffset(stored?.clockOffsetMs)).toBeCloseTo(300_000, -4);
    expect(t.store.serverNow() - Date.now()).toBeCloseTo(300_000, -4);
  });

  it('takes an offset under 2 s for network delay, and one over a day for a broken iat', () => {
    // Received in the middle of a second, so the rounding of `iat` is exactly undone.
    const receivedAt = 1_000_000_000_500;
    const at = (serverAheadMs: number) =>
      usableOffset(
        clockOffsetAtReceipt(Math.floor((receivedAt + serverAheadMs) / 1000), receivedAt),
      );
    expect(at(0)).toBe(0);
    expect(at(-1_400)).toBe(0);
    expect(at(1_400)).toBe(0);
    expect(at(-600_000)).toBe(-600_000);
    expect(at(60_000)).toBe(60_000);
    expect(at(2 * 86_400_000)).toBe(0);
    expect(usableOffset(Number.NaN)).toBe(0);
    expect(usableOffset(undefined)).toBe(0);
  });
});

async function untilOne(httpMock: HttpTestingController, url: string) {
  let found: ReturnType<HttpTestingController['match']> = [];
  await until(() => (found = httpMock.match(url)).length > 0, `a call to ${url}`);
  expect(found.length).withContext(`calls to ${url}`).toBe(1);
  return found[0];
}
