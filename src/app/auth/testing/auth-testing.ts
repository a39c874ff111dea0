import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { EnvironmentProviders, Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { API_PATHS, TokenResponse } from '../../api-contract';
import { AuthApi } from '../auth-api';
import { AuthEvent, AuthEvents } from '../auth-events';
import { authInterceptor } from '../auth-interceptor';
import { AUTH_TRACE } from '../auth-trace';
import { AuthSettings } from '../auth-settings';
import { AuthStore } from '../auth-store';
import { provideJwtDecoder } from '../provide-auth';
import { TokenStorage } from '../token-storage';
import { NO_FENCE } from '../../storage-fence';
import { TAB_CHANNEL } from '../tab-channel';
import { REFRESH_FENCE, WEB_LOCKS } from '../web-locks';
import { fakeTokenResponse } from './fake-tokens';
import { FakeTabChannels } from './fake-tab-channels';
import { FakeWebLocks } from './fake-web-locks';
import { RecordingTrace } from './recording-trace';

/**
 * Test-only set-up shared by the auth specs: `HttpClient` with the real interceptor in front of
 * `HttpTestingController`, clean `auth:` storage, a log of every auth event, what the flow
 * reported to `AUTH_TRACE`, and `FakeWebLocks` in place of `navigator.locks` (pass
 * `{ provide: WEB_LOCKS, useValue: null }` for a browser without Web Locks).
 */
export interface AuthTesting {
  http: HttpClient;
  httpMock: HttpTestingController;
  store: AuthStore;
  api: AuthApi;
  settings: AuthSettings;
  storage: TokenStorage;
  events: AuthEvent[];
  trace: RecordingTrace;
  /** The fake Web Locks, or null when a spec provided its own `WEB_LOCKS`. */
  locks: FakeWebLocks | null;
  /** The tabs' messages: this tab's `TAB_CHANNEL` is one end (unless a spec provided its own). */
  channels: FakeTabChannels;
}

/** Removes every `auth:` key (never the server's `mock-api:` keys). */
export function clearAuthStorage(): void {
  for (const storage of [localStorage, sessionStorage]) {
    for (const key of Object.keys(storage)) {
      if (key.startsWith('auth:')) storage.removeItem(key);
    }
  }
}

export function configureAuthTesting(
  providers: (Provider | EnvironmentProviders)[] = [],
): AuthTesting {
  clearAuthStorage();
  const locks = new FakeWebLocks();
  const channels = new FakeTabChannels();
  const trace = new RecordingTrace();
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(withInterceptors([authInterceptor])),
      provideHttpClientTesting(),
      provideJwtDecoder(),
      { provide: WEB_LOCKS, useValue: locks },
      { provide: REFRESH_FENCE, useValue: NO_FENCE },
      { provide: FakeTabChannels, useValue: channels },
      { provide: TAB_CHANNEL, useFactory: () => channels.channel() },
      { provide: AUTH_TRACE, useValue: trace },
      ...providers,
    ],
  });
  const events: AuthEvent[] = [];
  TestBed.inject(AuthEvents).events$.subscribe((event) => events.push(event));
  return {
    http: TestBed.inject(HttpClient),
    httpMock: TestBed.inject(HttpTestingController),
    store: TestBed.inject(AuthStore),
    api: TestBed.inject(AuthApi),
    settings: TestBed.inject(AuthSettings),
    storage: TestBed.inject(TokenStorage),
    events,
    trace,
    locks: TestBed.inject(WEB_LOCKS) === locks ? locks : null,
    channels,
  };
}

/** Signs in through the real login call, answered with `response`. */
export async function signInWith(
  { store, httpMock }: AuthTesting,
  response: TokenResponse = fakeTokenResponse(),
): Promise<TokenResponse> {
  const signedIn = store.signIn('demo', 'demo1234');
  httpMock.expectOne(API_PATHS.login).flush(response);
  await signedIn;
  return response;
}

/**
 * Runs a refresh of `store` (this tab's unless told) that the server refuses with `invalid_grant`
 * and `message`, and waits for it to fail.
 */
export async function refusedRefresh(
  { httpMock }: Pick<AuthTesting, 'httpMock'>,
  store: AuthStore,
  message = 'the session was revoked',
): Promise<void> {
  const refreshed = store.refresh();
  httpMock
    .expectOne(API_PATHS.refresh)
    .flush({ error: 'invalid_grant', message }, { status: 400, statusText: 'Bad Request' });
  await refreshed.catch(() => undefined);
}

/** Lets every pending promise callback run (one macrotask turn). Not usable under jasmine.clock. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve));
}

/** The events of one type, for counting. */
export function eventsOfType<T extends AuthEvent['type']>(events: AuthEvent[], type: T) {
  return events.filter((event) => event.type === type);
}
