import { HttpClient, HttpContext, HttpContextToken, HttpErrorResponse } from '@angular/common/http';
import { TestRequest } from '@angular/common/http/testing';
import { firstValueFrom } from 'rxjs';

import { API_PATHS } from '../api-contract';
import { REFRESH_UNAVAILABLE, REFRESH_UNAVAILABLE_MESSAGE } from './auth-errors';
import { REFRESH_WAIT_LIMIT_MS } from './refresh-wait-limit';
import { RefreshFacts } from './auth-trace';
import { fakeTokenResponse, TEST_ADMIN } from './testing/fake-tokens';
import {
  AuthTesting,
  configureAuthTesting,
  eventsOfType,
  settle,
  signInWith,
} from './testing/auth-testing';
import { TOKENS_KEY } from './token-storage';

const TODOS = API_PATHS.todos;
const UNAUTHORIZED = { status: 401, statusText: 'Unauthorized' };
const NOT_FOUND = { status: 404, statusText: 'Not Found' };
const EXPIRED_ACCESS = { error: 'invalid_token', message: 'The access token expired.' };

/** What became of one `http.get` subscription. */
interface Call {
  value?: unknown;
  error?: unknown;
  settled: boolean;
}

function fire(http: HttpClient, count: number, url: string = TODOS): Call[] {
  return Array.from({ length: count }, () => {
    const call: Call = { settled: false };
    http.get(url).subscribe({
      next: (value) => (call.value = value),
      error: (error: unknown) => {
        call.error = error;
        call.settled = true;
      },
      complete: () => (call.settled = true),
    });
    return call;
  });
}

const bearer = (request: TestRequest) => request.request.headers.get('Authorization');
/** The facts of refresh `refreshId` as a request that waited for it reports them. */
const refreshed = (refreshId: number, joined: boolean, proactive = false): RefreshFacts => ({
  refreshId,
  proactive,
  joined,
  fromOtherTab: false,
});

describe('authInterceptor', () => {
  let t: AuthTesting;

  beforeEach(() => {
    t = configureAuthTesting();
  });

  afterEach(() => {
    t.httpMock.verify();
  });

  it('attaches the bearer token to relative and same-origin absolute API URLs', async () => {
    const { accessToken } = await signInWith(t);
    fire(t.http, 1, TODOS);
    fire(t.http, 1, `${location.origin}/api/users/me`);
    expect(bearer(t.httpMock.expectOne(TODOS))).toBe(`Bearer ${accessToken}`);
    expect(bearer(t.httpMock.expectOne(`${location.origin}/api/users/me`))).toBe(
      `Bearer ${accessToken}`,
    );
  });

  // Issue test 1
  it('sends one refresh call for ten parallel 401s and retries all ten with the new token', async () => {
    const login = await signInWith(t);
    const calls = fire(t.http, 10);

    const first = t.httpMock.match(TODOS);
    expect(first.length).toBe(10);
    first.forEach((request) => expect(bearer(request)).toBe(`Bearer ${login.accessToken}`));
    first.forEach((request) => request.flush(EXPIRED_ACCESS, UNAUTHORIZED));

    const refreshes = t.httpMock.match(API_PATHS.refresh);
    expect(refreshes.length).toBe(1);
    expect(refreshes[0].request.body).toEqual({ refreshToken: login.refreshToken });
    expect(t.trace.refreshCalls).toEqual([{ refreshId: 1, proactive: false }]);
    const renewed = fakeTokenResponse();
    refreshes[0].flush(renewed);
    await settle();

    const retries = t.httpMock.match(TODOS);
    expect(retries.length).toBe(10);
    retries.forEach((request) => expect(bearer(request)).toBe(`Bearer ${renewed.accessToken}`));
    expect(retries.map((request) => t.trace.sentWith(request))).toEqual(
      jasmine.arrayWithExactContents([
        { attempt: 'retry', refresh: refreshed(1, false) },
        ...Array.from({ length: 9 }, () => ({ attempt: 'retry', refresh: refreshed(1, true) })),
      ]),
    );
    expect(t.trace.sentWith(first[0])).toEqual({ attempt: 'first', refresh: null });
    expect(t.trace.requests.map((request) => request.waitedOn)).toEqual(
      Array.from({ length: 10 }, () => [1]),
    );
    retries.forEach((request, index) => request.flush({ index }));

    expect(calls.every((call) => call.settled && call.error === undefined)).toBeTrue();
    expect(calls.map((call) => call.value)).toEqual(
      jasmine.arrayWithExactContents(Array.from({ length: 10 }, (_, index) => ({ index }))),
    );
    expect(t.httpMock.match(API_PATHS.refresh).length).toBe(0);
    expect(eventsOfType(t.events, 'tokenRefreshed').length).toBe(1);
  });

  it('retries a 401 that arrives after the refresh finished with the new token, without a second refresh', async () => {
    await signInWith(t);
    const calls = fire(t.http, 2);
    const [early, late] = t.httpMock.match(TODOS);
    early.flush(EXPIRED_ACCESS, UNAUTHORIZED);
    const renewed = fakeTokenResponse();
    t.httpMock.expectOne(API_PATHS.refresh).flush(renewed);
    await settle();
    t.httpMock.expectOne(TODOS).flush('early');

    late.flush(EXPIRED_ACCESS, UNAUTHORIZED);
    await settle();
    const retry = t.httpMock.expectOne(TODOS);
    expect(bearer(retry)).toBe(`Bearer ${renewed.accessToken}`);
    expect(t.trace.sentWith(retry)).toEqual({ attempt: 'retry', refresh: null });
    expect(t.trace.requests[1].waitedOn).withContext('no refresh for the late one').toEqual([]);
    retry.flush('late');

    expect(calls.map((call) => call.value)).toEqual(['early', 'late']);
  });

  // Found by the e2e 'Two tabs' run on a busy machine: the other tab's token had run out too.
  it('refreshes for a late 401 instead of retrying with a newer token that has expired as well', async () => {
    const sid = 'sid-of-both-tabs';
    const login = await signInWith(t, fakeTokenResponse({ sid }));
    const [call] = fire(t.http, 1);
    const late = t.httpMock.expectOne(TODOS);
    // Meanwhile another tab rotated the pair, and that access token has run out by now as well.
    const adopted = fakeTokenResponse({ accessIn: -5, sid });
    localStorage.setItem(
      TOKENS_KEY,
      JSON.stringify({ ...adopted, previousRefreshToken: login.refreshToken }),
    );
    t.store.syncWithStorage();
    expect(t.store.accessToken()).toBe(adopted.accessToken);

    late.flush(EXPIRED_ACCESS, UNAUTHORIZED);
    await settle();

    t.httpMock.expectNone(
      (request) => request.headers.get('Authorization') === `Bearer ${adopted.accessToken}`,
    );
    const refresh = t.httpMock.expectOne(API_PATHS.refresh);
    expect(refresh.request.body).toEqual({ refreshToken: adopted.refreshToken });
    const renewed = fakeTokenResponse();
    refresh.flush(renewed);
    await settle();
    const retry = t.httpMock.expectOne(TODOS);
    expect(bearer(retry)).toBe(`Bearer ${renewed.accessToken}`);
    retry.flush('done');

    expect(call.value).toBe('done');
    expect(t.store.isSignedIn()).toBeTrue();
    expect(eventsOfType(t.events, 'sessionExpired')).toEqual([]);
  });

  // Issue 13, finding 2: a request belongs to the session it started in.
  it('never retries a late 401 of the previous session with the next session’s token, nor ends the next session', async () => {
    await signInWith(t);
    const firstSession = t.store.sessionEpoch();
    const [call] = fire(t.http, 1);
    const late = t.httpMock.expectOne(TODOS);
    const signedOut = t.store.signOut();
    t.httpMock.expectOne(API_PATHS.logout).flush(null);
    await signedOut;
    const admin = await signInWith(t, fakeTokenResponse({ user: TEST_ADMIN }));

    late.flush(EXPIRED_ACCESS, UNAUTHORIZED);
    await settle();

    t.httpMock.expectNone(
      (request) => request.headers.get('Authorization') === `Bearer ${admin.accessToken}`,
    );
    t.httpMock.expectNone(API_PATHS.refresh);
    expect(call.error).toBeInstanceOf(HttpErrorResponse);
    expect(t.trace.requests.map((request) => request.session)).toEqual([firstSession]);
    expect(t.store.sessionEpoch()).not.toBe(firstSession);
    expect(t.store.accessToken()).toBe(admin.accessToken);
    expect(eventsOfType(t.events, 'sessionExpired')).toEqual([]);
  });

  it('holds a request that starts while a refresh runs and sends it once with the new token', async () => {
    await signInWith(t);
    fire(t.http, 1);
    t.httpMock.expectOne(TODOS).flush(EXPIRED_ACCESS, UNAUTHORIZED);
    const refresh = t.httpMock.expectOne(API_PATHS.refresh);

    const [waiting] = fire(t.http, 1, API_PATHS.me);
    expect(t.httpMock.match(API_PATHS.me).length).toBe(0);
    const renewed = fakeTokenResponse();
    refresh.flush(renewed);
    await settle();

    const held = t.httpMock.expectOne(API_PATHS.me);
    expect(bearer(held)).toBe(`Bearer ${renewed.accessToken}`);
    expect(t.trace.sentWith(held)).toEqual({ attempt: 'first', refresh: refreshed(1, true) });
    held.flush({ ok: true });
    t.httpMock.expectOne(TODOS).flush([]);
    expect(waiting.value).toEqual({ ok: true });
  });

  // Issue test 2
  for (const refusal of [
    { status: 400, statusText: 'Bad Request' },
    { status: 401, statusText: 'Unauthorized' },
  ]) {
    it(`fails all ten waiting requests and ends the session once when the refresh is refused (${refusal.status})`, async () => {
      await signInWith(t);
      const calls = fire(t.http, 10);
      t.httpMock.match(TODOS).forEach((request) => request.flush(EXPIRED_ACCESS, UNAUTHORIZED));
      const reason = 'the refresh token expired';
      t.httpMock
        .expectOne(API_PATHS.refresh)
        .flush({ error: 'invalid_grant', message: 'The refresh token expired.' }, refusal);
      await settle();

      expect(calls.every((call) => call.settled)).toBeTrue();
      calls.forEach((call) => {
        expect(call.error).toBeInstanceOf(HttpErrorResponse);
        expect((call.error as HttpErrorResponse).status).toBe(refusal.status);
      });
      expect(eventsOfType(t.events, 'sessionExpired')).toEqual([
        { type: 'sessionExpired', reason },
      ]);
      expect(t.store.isSignedIn()).toBeFalse();
      expect(t.store.accessToken()).toBeNull();
      expect(localStorage.getItem(TOKENS_KEY)).toBeNull();
      expect(t.store.sessionNotice()?.message).toBe(
        'Your session has ended: the refresh token expired. Please sign in again.',
      );
      expect(t.httpMock.match(TODOS).length).toBe(0);
    });
  }

  // Issue test 3
  for (const failure of ['500', 'network error'] as const) {
    it(`keeps the session when the refresh fails with a ${failure}, fails the waiters, and refreshes again on the next request`, async () => {
      const login = await signInWith(t);
      const calls = fire(t.http, 10);
      t.httpMock.match(TODOS).forEach((request) => request.flush(EXPIRED_ACCESS, UNAUTHORIZED));
      const refresh = t.httpMock.expectOne(API_PATHS.refresh);
      if (failure === '500') {
        refresh.flush(
          { error: 'server_error', message: 'boom' },
          { status: 500, statusText: 'Server Error' },
        );
      } else {
        refresh.error(new ProgressEvent('error'));
      }
      await settle();

      expect(calls.every((call) => call.settled)).toBeTrue();
      calls.forEach((call) => {
        const error = call.error as HttpErrorResponse;
        expect(error).toBeInstanceOf(HttpErrorResponse);
        expect(error.status).toBe(failure === '500' ? 500 : 0);
        expect(error.error).toEqual({
          error: REFRESH_UNAVAILABLE,
          message: REFRESH_UNAVAILABLE_MESSAGE,
        });
      });
      expect(eventsOfType(t.events, 'sessionExpired').length).toBe(0);
      expect(eventsOfType(t.events, 'refreshFailed')).toEqual([
        { type: 'refreshFailed', refreshId: 1, transient: true },
      ]);
      expect(t.store.isSignedIn()).toBeTrue();
      expect(t.store.refreshToken()).toBe(login.refreshToken);
      expect(localStorage.getItem(TOKENS_KEY)).toContain(login.refreshToken);

      const [next] = fire(t.http, 1);
      t.httpMock.expectOne(TODOS).flush(EXPIRED_ACCESS, UNAUTHORIZED);
      const again = t.httpMock.expectOne(API_PATHS.refresh);
      expect(again.request.body).toEqual({ refreshToken: login.refreshToken });
      again.flush(fakeTokenResponse());
      await settle();
      t.httpMock.expectOne(TODOS).flush(['ok']);
      expect(next.value).toEqual(['ok']);
    });
  }

  // Issue 13, finding 6: only a refusal (400 invalid_grant, 401) ends the session.
  const notRefusals: {
    name: string;
    answer: (refresh: TestRequest) => void;
    status: number;
  }[] = [
    {
      name: 'a 404 during a deploy',
      answer: (r) => r.flush({ error: 'not_found', message: 'No such path.' }, NOT_FOUND),
      status: 404,
    },
    {
      name: "a proxy's 403 with an HTML page",
      answer: (r) => r.flush('<html>Forbidden</html>', { status: 403, statusText: 'Forbidden' }),
      status: 403,
    },
    {
      name: 'a 200 whose body is not JSON (an SPA fallback answering index.html)',
      answer: (r) => r.error(new ProgressEvent('error'), { status: 200, statusText: 'OK' }),
      status: 200,
    },
    {
      name: 'a 400 that is not invalid_grant',
      answer: (r) =>
        r.flush(
          { error: 'invalid_request', message: 'Bad body.' },
          { status: 400, statusText: 'Bad Request' },
        ),
      status: 400,
    },
  ];
  for (const { name, answer, status } of notRefusals) {
    it(`keeps the session when the refresh answers ${name}: the waiters fail with "could not renew"`, async () => {
      const login = await signInWith(t);
      const [call] = fire(t.http, 1);
      t.httpMock.expectOne(TODOS).flush(EXPIRED_ACCESS, UNAUTHORIZED);
      answer(t.httpMock.expectOne(API_PATHS.refresh));
      await settle();

      const error = call.error as HttpErrorResponse;
      expect(error).toBeInstanceOf(HttpErrorResponse);
      expect(error.status).toBe(status);
      expect(error.error).toEqual({
        error: REFRESH_UNAVAILABLE,
        message: REFRESH_UNAVAILABLE_MESSAGE,
      });
      expect(eventsOfType(t.events, 'sessionExpired')).toEqual([]);
      expect(t.store.isSignedIn()).toBeTrue();
      expect(t.store.refreshToken()).toBe(login.refreshToken);
    });
  }

  // Issue test 4
  it('does not refresh again when the retried request gets a 401: the request fails and the session ends once', async () => {
    await signInWith(t);
    const calls = fire(t.http, 2);
    t.httpMock.match(TODOS).forEach((request) => request.flush(EXPIRED_ACCESS, UNAUTHORIZED));
    const renewed = fakeTokenResponse();
    t.httpMock.expectOne(API_PATHS.refresh).flush(renewed);
    await settle();

    const retries = t.httpMock.match(TODOS);
    expect(retries.length).toBe(2);
    retries.forEach((request) => request.flush(EXPIRED_ACCESS, UNAUTHORIZED));
    await settle();

    expect(t.httpMock.match(API_PATHS.refresh).length).toBe(0);
    expect(t.httpMock.match(TODOS).length).toBe(0);
    calls.forEach((call) => expect((call.error as HttpErrorResponse).status).toBe(401));
    expect(eventsOfType(t.events, 'sessionExpired').length).toBe(1);
    expect(t.store.isSignedIn()).toBeFalse();
    const revoke = t.httpMock.expectOne(API_PATHS.logout);
    expect(revoke.request.body).toEqual({ refreshToken: renewed.refreshToken });
    revoke.flush(null, { status: 204, statusText: 'No Content' });
  });

  // Issue test 5
  it('sends no Authorization header to login, register, refresh, logout or another origin', async () => {
    const { refreshToken } = await signInWith(t);
    const other = ['https://other.example.com/api/todos', '//other.example.com/api/todos'];
    const ignore = { error: () => undefined };
    t.api.login({ username: 'demo', password: 'demo1234' }).subscribe(ignore);
    t.api.register({ username: 'new-user', password: 'password1' }).subscribe(ignore);
    t.api.refresh(refreshToken).subscribe(ignore);
    t.api.logout(refreshToken).subscribe(ignore);
    other.forEach((url) => fire(t.http, 1, url));
    fire(t.http, 1, 'assets/config.json');

    const sent = [
      API_PATHS.login,
      API_PATHS.register,
      API_PATHS.refresh,
      API_PATHS.logout,
      ...other,
      'assets/config.json',
    ].map((url) => t.httpMock.expectOne(url));
    sent.forEach((request) => {
      expect(request.request.headers.has('Authorization'))
        .withContext(request.request.url)
        .toBeFalse();
    });
    sent.forEach((request) => request.flush(null, UNAUTHORIZED));
    await settle();
    expect(t.httpMock.match(API_PATHS.refresh).length).withContext('no refresh').toBe(0);
    expect(t.store.isSignedIn()).toBeTrue();
  });

  // Issue test 6
  it('refreshes an expired access token before sending when proactive mode is on (no 401 round trip)', async () => {
    await signInWith(t, fakeTokenResponse({ accessIn: -10 }));
    const calls = fire(t.http, 3);

    expect(t.httpMock.match(TODOS).length).toBe(0);
    const refresh = t.httpMock.expectOne(API_PATHS.refresh);
    expect(t.trace.refreshCalls).toEqual([{ refreshId: 1, proactive: true }]);
    const renewed = fakeTokenResponse();
    refresh.flush(renewed);
    await settle();

    const sent = t.httpMock.match(TODOS);
    expect(sent.length).toBe(3);
    sent.forEach((request) => expect(bearer(request)).toBe(`Bearer ${renewed.accessToken}`));
    expect(sent.map((request) => t.trace.sentWith(request))).toEqual(
      jasmine.arrayWithExactContents([
        { attempt: 'first', refresh: refreshed(1, false, true) },
        { attempt: 'first', refresh: refreshed(1, true, true) },
        { attempt: 'first', refresh: refreshed(1, true, true) },
      ]),
    );
    sent.forEach((request) => request.flush([]));
    expect(calls.every((call) => call.settled && !call.error)).toBeTrue();
    expect(eventsOfType(t.events, 'tokenRefreshed')).toEqual([
      { type: 'tokenRefreshed', refreshId: 1, proactive: true },
    ]);
  });

  // Issue 13, finding 4: a failing proactive refresh never costs a request whose token is valid.
  it('sends with the current token when a proactive refresh fails transiently and that token has not expired', async () => {
    const login = await signInWith(t, fakeTokenResponse({ accessIn: 4 }));
    const [call] = fire(t.http, 1);
    t.httpMock
      .expectOne(API_PATHS.refresh)
      .flush(
        { error: 'server_error', message: 'Down.' },
        { status: 503, statusText: 'Service Unavailable' },
      );
    await settle();

    const sent = t.httpMock.expectOne(TODOS);
    expect(bearer(sent)).toBe(`Bearer ${login.accessToken}`);
    sent.flush(['still fine']);
    expect(call.value).toEqual(['still fine']);
    expect(t.store.isSignedIn()).toBeTrue();
  });

  it('fails the request when a proactive refresh fails transiently and the token has expired', async () => {
    await signInWith(t, fakeTokenResponse({ accessIn: -1 }));
    const [call] = fire(t.http, 1);
    t.httpMock
      .expectOne(API_PATHS.refresh)
      .flush(
        { error: 'server_error', message: 'Down.' },
        { status: 503, statusText: 'Service Unavailable' },
      );
    await settle();

    t.httpMock.expectNone(TODOS);
    expect((call.error as HttpErrorResponse).error).toEqual({
      error: REFRESH_UNAVAILABLE,
      message: REFRESH_UNAVAILABLE_MESSAGE,
    });
  });

  it('takes the 401 path with an expired access token when proactive mode is off', async () => {
    const login = await signInWith(t, fakeTokenResponse({ accessIn: -10 }));
    t.settings.setProactiveRefresh(false);
    const [call] = fire(t.http, 1);

    const first = t.httpMock.expectOne(TODOS);
    expect(bearer(first)).toBe(`Bearer ${login.accessToken}`);
    expect(t.httpMock.match(API_PATHS.refresh).length).toBe(0);
    first.flush(EXPIRED_ACCESS, UNAUTHORIZED);
    const refresh = t.httpMock.expectOne(API_PATHS.refresh);
    expect(t.trace.refreshCalls).toEqual([{ refreshId: 1, proactive: false }]);
    refresh.flush(fakeTokenResponse());
    await settle();
    const retry = t.httpMock.expectOne(TODOS);
    expect(t.trace.sentWith(retry)).toEqual({ attempt: 'retry', refresh: refreshed(1, false) });
    retry.flush([]);
    expect(call.value).toEqual([]);
  });

  it('refreshes proactively inside the leeway and not outside it', async () => {
    await signInWith(t, fakeTokenResponse({ accessIn: 3 }));
    t.settings.setLeewaySeconds(0);
    fire(t.http, 1);
    t.httpMock.expectOne(TODOS).flush([]);

    t.settings.setLeewaySeconds(5);
    fire(t.http, 1);
    expect(t.httpMock.match(TODOS).length).toBe(0);
    t.httpMock.expectOne(API_PATHS.refresh).flush(fakeTokenResponse());
    await settle();
    t.httpMock.expectOne(TODOS).flush([]);
  });

  // Issue test 7
  it('passes a 403 to the caller without refreshing or signing out', async () => {
    const login = await signInWith(t);
    const eventsBefore = t.events.length;
    const [call] = fire(t.http, 1, API_PATHS.adminUsers);
    t.httpMock
      .expectOne(API_PATHS.adminUsers)
      .flush(
        { error: 'insufficient_scope', message: 'This needs the admin role.' },
        { status: 403, statusText: 'Forbidden' },
      );
    await settle();

    expect((call.error as HttpErrorResponse).status).toBe(403);
    expect(t.httpMock.match(API_PATHS.refresh).length).toBe(0);
    expect(t.store.isSignedIn()).toBeTrue();
    expect(t.store.accessToken()).toBe(login.accessToken);
    expect(t.events.length).toBe(eventsBefore);
  });

  it('sends requests without a token while signed out and does not refresh on their 401', async () => {
    const [call] = fire(t.http, 1);
    const request = t.httpMock.expectOne(TODOS);
    expect(request.request.headers.has('Authorization')).toBeFalse();
    request.flush(EXPIRED_ACCESS, UNAUTHORIZED);
    await settle();
    expect((call.error as HttpErrorResponse).status).toBe(401);
    expect(t.events).toEqual([]);
  });

  it('fails a waiting request as "could not reach the server" when the refresh never answers', async () => {
    await signInWith(t);
    jasmine.clock().install();
    try {
      const pending = firstValueFrom(t.http.get(TODOS));
      t.httpMock.expectOne(TODOS).flush(EXPIRED_ACCESS, UNAUTHORIZED);
      const refresh = t.httpMock.expectOne(API_PATHS.refresh);
      jasmine.clock().tick(REFRESH_WAIT_LIMIT_MS);
      await expectAsync(pending).toBeRejectedWith(
        jasmine.objectContaining({
          status: 0,
          error: jasmine.objectContaining({ error: REFRESH_UNAVAILABLE }),
        }),
      );
      expect(t.store.isSignedIn()).toBeTrue();
      refresh.flush(fakeTokenResponse());
    } finally {
      jasmine.clock().uninstall();
    }
  });

  it('keeps the caller’s own context tokens on the retry', async () => {
    await signInWith(t);
    const callerContext = new HttpContext().set(CALLER_TAG, 'from the page');
    t.http.get(TODOS, { context: callerContext }).subscribe();
    const first = t.httpMock.expectOne(TODOS);
    first.flush(EXPIRED_ACCESS, UNAUTHORIZED);
    t.httpMock.expectOne(API_PATHS.refresh).flush(fakeTokenResponse());
    await settle();

    const retry = t.httpMock.expectOne(TODOS);
    expect(retry.request.context.get(CALLER_TAG)).toBe('from the page');
    expect(t.trace.sentWith(retry)?.attempt).toBe('retry');
    expect(t.trace.sentWith(first)).toEqual({ attempt: 'first', refresh: null });
    retry.flush([]);
  });
});

const CALLER_TAG = new HttpContextToken<string>(() => '');
