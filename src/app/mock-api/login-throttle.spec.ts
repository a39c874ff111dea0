import type { HttpClient } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';

import { API_PATHS, CREDENTIAL_RULES } from '../api-contract';
import {
  type MockApiHarness,
  refusal,
  send,
  setUpMockApi,
  signIn,
} from './testing/mock-api-harness';
import { STATE_KEY } from './server-db';
import { LOGIN_FAILURE_LIMIT, LOGIN_FAILURE_WINDOW_MS } from './login-throttle';

/** Every name an object inherits, e.g. `constructor`, `__proto__`, `toString`. */
const BUILT_IN_NAMES = Object.getOwnPropertyNames(Object.prototype);
/** Those a user can register under. */
const REGISTRABLE_NAMES = BUILT_IN_NAMES.filter((name) =>
  CREDENTIAL_RULES.usernamePattern.test(name),
);

describe('Mock API sign-in throttle', () => {
  let server: MockApiHarness;
  let http: HttpClient;

  beforeEach(async () => {
    server = await setUpMockApi();
    http = server.http;
  });

  const failedSignIn = (username: string) =>
    refusal(http.post(API_PATHS.login, { username, password: 'wrong password' }));

  it('knows which built-in names the username rules allow', () => {
    expect(REGISTRABLE_NAMES).toEqual(jasmine.arrayContaining(['constructor', '__proto__']));
  });

  for (const username of REGISTRABLE_NAMES) {
    it(`registers "${username}", then signs in, refuses a wrong password and signs in again`, async () => {
      const registered = await send(
        http.post(API_PATHS.register, { username, password: 'password1' }, { observe: 'response' }),
      );
      expect(registered.status).toBe(201);

      expect((await signIn(http, username, 'password1')).user.username).toBe(username);
      const wrong = await failedSignIn(username);
      expect(wrong.status).withContext(wrong.error?.message).toBe(401);
      expect((await signIn(http, username, 'password1')).user.username).toBe(username);
    });

    it(`throttles "${username}" after ${LOGIN_FAILURE_LIMIT} failures, also after a restart`, async () => {
      for (let i = 0; i < LOGIN_FAILURE_LIMIT; i++) {
        expect((await failedSignIn(username)).status).toBe(401);
      }
      TestBed.resetTestingModule();
      const restarted = await setUpMockApi({ keepStorage: true, now: server.clock.now });

      const throttled = await refusal(
        restarted.http.post(API_PATHS.login, { username, password: 'wrong password' }),
      );
      expect(throttled.status).toBe(429);
      expect(throttled.error.retryAfter).toBeLessThanOrEqual(60);
    });
  }

  it('answers 401, never 500, for a wrong sign-in under any built-in name', async () => {
    for (const username of BUILT_IN_NAMES) {
      const error = await failedSignIn(username);
      expect(error.status).withContext(username).toBe(401);
    }
  });

  it('never asks for a wait longer than its window after the clock steps back an hour', async () => {
    for (let i = 0; i < LOGIN_FAILURE_LIMIT; i++) await failedSignIn('demo');
    server.clock.advance(-3600);

    const throttled = await refusal(
      http.post(API_PATHS.login, { username: 'demo', password: 'demo1234' }),
    );
    expect(throttled.status).toBe(429);
    expect(throttled.error.retryAfter).toBeLessThanOrEqual(LOGIN_FAILURE_WINDOW_MS / 1000);
    expect(Number(throttled.headers.get('Retry-After'))).toBe(throttled.error.retryAfter);

    server.clock.advance(LOGIN_FAILURE_WINDOW_MS / 1000);
    expect((await signIn(http)).user.username).toBe('demo');
  });

  it('still throttles the failures stored by the previous version', async () => {
    await signIn(http);
    const stored = JSON.parse(localStorage.getItem(STATE_KEY)!);
    const now = server.clock.now();
    stored.loginFailures = { demo: [now - 4, now - 3, now - 2, now - 1, now] };
    localStorage.setItem(STATE_KEY, JSON.stringify(stored));

    expect((await failedSignIn('demo')).status).toBe(429);
  });
});
