import {
  HttpClient,
  HttpErrorResponse,
  provideHttpClient,
  withInterceptors,
} from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { API_PATHS, User } from '../api-contract';
import { DemoServerControls } from '../mock-api/demo-server-controls';
import {
  clearServerStorage,
  TEST_PASSWORD_ITERATIONS,
  TestClock,
} from '../mock-api/testing/mock-api-harness';
import { provideMockApi } from '../mock-api/provide-mock-api';
import { REFRESH_UNAVAILABLE } from './auth-errors';
import { AuthApi } from './auth-api';
import { AuthEvent, AuthEvents } from './auth-events';
import { authInterceptor } from './auth-interceptor';
import { AuthStore } from './auth-store';
import { provideJwtDecoder } from './provide-auth';
import { clearAuthStorage, eventsOfType } from './testing/auth-testing';

/**
 * The auth core against the real in-browser server (`provideMockApi`), wired as in app.config:
 * proves that both sides agree on paths, bodies, status codes and refusal reasons. The server's
 * clock is a `TestClock`, so access tokens expire on the server while they still look valid to
 * the client: every expiry here takes the 401 path.
 */
describe('auth flow against the in-browser server', () => {
  let http: HttpClient;
  let store: AuthStore;
  let controls: DemoServerControls;
  let clock: TestClock;
  let events: AuthEvent[];

  const me = () => firstValueFrom(http.get<User>(API_PATHS.me));
  const expireAccessTokens = () => clock.advance(controls.settings().accessTokenLifetime + 1);

  beforeEach(async () => {
    clearAuthStorage();
    clearServerStorage();
    clock = new TestClock();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideMockApi({ passwordIterations: TEST_PASSWORD_ITERATIONS, now: clock.now }),
        provideJwtDecoder(),
      ],
    });
    http = TestBed.inject(HttpClient);
    store = TestBed.inject(AuthStore);
    controls = TestBed.inject(DemoServerControls);
    events = [];
    TestBed.inject(AuthEvents).events$.subscribe((event) => events.push(event));
    await controls.setLatency(0);
    await store.signIn('demo', 'demo1234');
  });

  afterAll(() => {
    clearAuthStorage();
    clearServerStorage();
  });

  it('signs in with a seeded account and reads the protected profile', async () => {
    expect(store.user()?.displayName).toBe('Demo User');
    expect((await me()).username).toBe('demo');
  });

  it('renews an expired access token once for five parallel requests', async () => {
    expireAccessTokens();
    const users = await Promise.all(Array.from({ length: 5 }, () => me()));
    expect(users.every((user) => user.username === 'demo')).toBeTrue();
    expect(eventsOfType(events, 'tokenRefreshed').length).toBe(1);
    expect(store.previousRefreshToken()).not.toBeNull();
  });

  it('keeps the session through a failed refresh (server error) and renews on the next request', async () => {
    await controls.failNextRefresh('server-error');
    expireAccessTokens();
    const failed = await me().catch((error: HttpErrorResponse) => error);
    expect((failed as HttpErrorResponse).error?.error).toBe(REFRESH_UNAVAILABLE);
    expect(store.isSignedIn()).toBeTrue();
    expect((await me()).username).toBe('demo');
  });

  it('ends the session with the server’s reason when the refresh is refused', async () => {
    await controls.failNextRefresh('invalid-grant');
    expireAccessTokens();
    await expectAsync(me()).toBeRejectedWith(jasmine.objectContaining({ status: 400 }));
    expect(store.isSignedIn()).toBeFalse();
    expect(eventsOfType(events, 'sessionExpired')).toEqual([
      { type: 'sessionExpired', reason: 'the server refused the refresh token (simulated)' },
    ]);
  });

  it('ends the session as revoked when a rotated-out refresh token is replayed', async () => {
    await store.refresh();
    await expectAsync(store.replayPreviousRefreshToken()).toBeRejected();
    expect(store.isSignedIn()).toBeFalse();
    expect(store.sessionNotice()?.message).toBe(
      'Your session has ended: refresh token reuse was detected, so the session was revoked. ' +
        'Please sign in again.',
    );
  });

  it('answers 403 on the admin API for a non-admin without signing out', async () => {
    await expectAsync(firstValueFrom(http.get(API_PATHS.adminUsers))).toBeRejectedWith(
      jasmine.objectContaining({ status: 403 }),
    );
    expect(store.isSignedIn()).toBeTrue();
    expect(eventsOfType(events, 'tokenRefreshed').length).toBe(0);
  });

  it('revokes the refresh token on sign-out', async () => {
    const refreshToken = store.refreshToken() as string;
    await store.signOut();
    const api = TestBed.inject(AuthApi);
    const refused = firstValueFrom(api.refresh(refreshToken));
    await expectAsync(refused).toBeRejectedWith(jasmine.objectContaining({ status: 400 }));
  });

  it('registers a new account and signs it in', async () => {
    await store.signOut();
    const user = await store.register({
      username: 'new.user',
      password: 'long-enough-1',
      displayName: 'New User',
    });
    expect(user.username).toBe('new.user');
    expect(store.isSignedIn()).toBeTrue();
    expect((await me()).displayName).toBe('New User');
  });
});
