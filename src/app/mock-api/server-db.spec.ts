import type { HttpClient } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';

import { API_PATHS, type Todo } from '../api-contract';
import {
  bearer,
  clearServerStorage,
  type MockApiHarness,
  refreshWith,
  send,
  setUpMockApi,
  signIn,
  storedState,
  TEST_PASSWORD_ITERATIONS,
} from './testing/mock-api-harness';
import { createSeedState } from './seed';
import { ServerDb, STATE_KEY } from './server-db';
import { createQueueLock, defaultLock, type LockFn } from './server-lock';

describe('Mock API persisted state (ServerDb)', () => {
  let server: MockApiHarness;
  let http: HttpClient;

  beforeEach(async () => {
    server = await setUpMockApi();
    http = server.http;
  });

  afterEach(() => clearServerStorage());

  const todoTitles = async (token: string) =>
    (
      await send(http.get<Todo[]>(API_PATHS.todos, { ...bearer(token), observe: 'response' }))
    ).body!.map((todo) => todo.title);

  it('seeds the two demo accounts and a signing key on first use', async () => {
    expect(storedState()).toBeNull();
    await signIn(http, 'demo');
    await signIn(http, 'admin');

    const state = storedState()!;
    expect(state.users.map((u) => [u.username, u.roles])).toEqual([
      ['demo', ['user']],
      ['admin', ['user', 'admin']],
    ]);
    expect(state.signingKey).toMatch(/^[\w-]{43}$/);
  });

  it('survives a new server instance: users, sessions, todos, settings and the signing key', async () => {
    await server.controls.setAccessTokenLifetime(90);
    const tokens = await signIn(http);
    await send(
      http.post(
        API_PATHS.todos,
        { title: 'Persisted' },
        { ...bearer(tokens.accessToken), observe: 'response' },
      ),
    );
    const keyBefore = storedState()!.signingKey;

    TestBed.resetTestingModule();
    const restarted = await setUpMockApi({ keepStorage: true });
    http = restarted.http;

    expect(restarted.controls.settings().accessTokenLifetime).toBe(90);
    expect(storedState()!.signingKey).toBe(keyBefore);
    expect(await todoTitles(tokens.accessToken)).toContain('Persisted');
    const refreshed = await refreshWith(http, tokens.refreshToken);
    expect(refreshed.expiresIn).toBe(90);
  });

  it('reads the stored state on every request, so a change made by another tab is seen at once', async () => {
    const tokens = await signIn(http);
    const state = storedState()!;
    state.todos.push({
      id: 'from-other-tab',
      ownerId: tokens.user.id,
      title: 'Written by another tab',
      done: false,
      createdAt: new Date().toISOString(),
    });
    localStorage.setItem(STATE_KEY, JSON.stringify(state));

    expect(await todoTitles(tokens.accessToken)).toContain('Written by another tab');
  });

  it('keeps only mock-api: keys and never touches the client app’s storage', async () => {
    localStorage.setItem('auth:refreshToken', 'client-value');
    await signIn(http);
    await server.controls.reset();

    expect(localStorage.getItem('auth:refreshToken')).toBe('client-value');
    const serverKeys = Object.keys(localStorage).filter((key) => !key.startsWith('auth:'));
    expect(serverKeys.every((key) => key.startsWith('mock-api:'))).toBeTrue();
    localStorage.removeItem('auth:refreshToken');
  });
});

describe('Mock API write lock', () => {
  afterEach(() => clearServerStorage());

  async function fiftyParallelTodos(lock: LockFn): Promise<number> {
    TestBed.resetTestingModule();
    const { http } = await setUpMockApi({ lock });
    const { accessToken } = await signIn(http);
    const before = storedState()!.todos.length;
    const posts = Array.from({ length: 50 }, (_, i) =>
      send(
        http.post(
          API_PATHS.todos,
          { title: `Todo ${i}` },
          { ...bearer(accessToken), observe: 'response' },
        ),
      ),
    );
    await Promise.all(posts);
    return storedState()!.todos.length - before;
  }

  it('uses navigator.locks by default with the lock name mock-api:state', async () => {
    const request = spyOn(navigator.locks, 'request').and.callThrough();
    const { http } = await setUpMockApi();
    await signIn(http);

    expect(request.calls.allArgs().map((args) => args[0])).toContain('mock-api:state');
  });

  it('keeps every one of 50 parallel POSTs with the in-tab queue (navigator.locks unavailable)', async () => {
    const queue = createQueueLock();
    const lock = jasmine.createSpy('queueLock', queue).and.callFake(queue);
    const request = spyOn(navigator.locks, 'request').and.callThrough();

    expect(await fiftyParallelTodos(lock as LockFn)).toBe(50);
    expect(lock).toHaveBeenCalledWith('mock-api:state', jasmine.any(Function));
    expect(request).not.toHaveBeenCalled();
  });

  it('keeps all 50 writes two tabs make at once (two servers, one storage, navigator.locks)', async () => {
    const openTab = () =>
      new ServerDb({
        storage: localStorage,
        lock: defaultLock(),
        seed: () => createSeedState(TEST_PASSWORD_ITERATIONS, Date.now()),
      });
    const tabs = [openTab(), openTab()];
    const before = (await tabs[0].read()).todos.length;
    const writes = Array.from({ length: 50 }, (_, i) =>
      tabs[i % 2].update((state) => {
        state.todos.push({ ...state.todos[0], id: `two-tabs-${i}`, title: `Todo ${i}` });
      }),
    );
    await Promise.all(writes);

    expect((await tabs[1].read()).todos.length - before).toBe(50);
  });

  it('loses writes without a lock, which is what the lock prevents', async () => {
    const noLock: LockFn = (_name, task) => task();

    expect(await fiftyParallelTodos(noLock)).toBeLessThan(50);
  });
});
