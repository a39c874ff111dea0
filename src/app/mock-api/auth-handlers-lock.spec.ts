import type { HttpClient } from '@angular/common/http';

import { API_PATHS } from '../api-contract';
import {
  type MockApiHarness,
  refusal,
  send,
  setUpMockApi,
  signIn,
  storedState,
} from './testing/mock-api-harness';
import { STATE_KEY } from './server-db';
import { createQueueLock, type LockFn } from './server-lock';

/**
 * PBKDF2 is slow on purpose (600,000 iterations in the app), so it must not run while the state
 * lock is held: every other request, a refresh too, would wait behind each sign-in attempt.
 */
describe('Mock API password hashing outside the state lock', () => {
  let server: MockApiHarness;
  let http: HttpClient;
  let held = 0;
  /** Runs once, just before the next task that takes the lock: another request's write. */
  let beforeNextLock: (() => void) | null = null;
  /** For each PBKDF2 derivation: whether the state lock was held at the time. */
  let derivedUnderLock: boolean[];

  beforeEach(async () => {
    const queue = createQueueLock();
    const lock: LockFn = (name, task) =>
      queue(name, async () => {
        const write = beforeNextLock;
        beforeNextLock = null;
        write?.();
        held++;
        try {
          return await task();
        } finally {
          held--;
        }
      });
    server = await setUpMockApi({ lock });
    http = server.http;
    await signIn(http); // seeds the state, which hashes the demo passwords once
    derivedUnderLock = [];
    const derive = crypto.subtle.deriveBits.bind(crypto.subtle);
    spyOn(crypto.subtle, 'deriveBits').and.callFake((...args: Parameters<typeof derive>) => {
      derivedUnderLock.push(held > 0);
      return derive(...args);
    });
  });

  const failedSignIn = (username: string, password: string) =>
    refusal(http.post(API_PATHS.login, { username, password }));

  it('verifies a right password, a wrong one and an unknown user with the lock free', async () => {
    await signIn(http);
    expect((await failedSignIn('demo', 'wrong password')).status).toBe(401);
    expect((await failedSignIn('nobody', 'wrong password')).status).toBe(401);

    expect(derivedUnderLock).toEqual([false, false, false]);
  });

  it('refuses a password checked against a hash that changed before the lock was taken', async () => {
    beforeNextLock = () => {
      const state = storedState()!;
      const [demo, admin] = state.users;
      demo.passwordHash = admin.passwordHash;
      localStorage.setItem(STATE_KEY, JSON.stringify(state));
    };
    const error = await failedSignIn('demo', 'demo1234');

    expect(error.status).toBe(401);
    expect(storedState()!.loginFailures['demo'].length).toBe(1);
  });

  it('hashes a new user’s password with the lock free', async () => {
    const body = { username: 'carol', password: 'password1' };
    await send(http.post(API_PATHS.register, body, { observe: 'response' }));

    expect(derivedUnderLock).toEqual([false]);
  });

  it('still counts a failure found outside the lock toward the throttle', async () => {
    for (let i = 0; i < 5; i++) await failedSignIn('demo', 'wrong password');

    const throttled = await refusal(
      http.post(API_PATHS.login, { username: 'demo', password: 'demo1234' }),
    );
    expect(throttled.status).toBe(429);
    expect(derivedUnderLock.every((underLock) => !underLock)).toBeTrue();
  });
});
