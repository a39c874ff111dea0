import type { HttpClient } from '@angular/common/http';

import { API_PATHS, type Todo } from '../api-contract';
import {
  bearer,
  TEST_PASSWORD_ITERATIONS,
  clearServerStorage,
  type MockApiHarness,
  send,
  setUpMockApi,
  signIn,
  storedState,
} from './testing/mock-api-harness';
import { createSeedState } from './seed';
import { ServerDb, STATE_KEY } from './server-db';
import { createQueueLock } from './server-lock';
import { BACKUP_PREFIX, MAX_BACKUPS } from './state-backups';
import type { ServerState } from './server-state';

describe('Mock API stored-state repair', () => {
  let server: MockApiHarness;
  let http: HttpClient;
  let seeded: ServerState;

  beforeEach(async () => {
    server = await setUpMockApi();
    http = server.http;
    await signIn(http); // seeds the state
    seeded = storedState()!;
    spyOn(console, 'warn');
  });

  afterEach(() => clearServerStorage());

  const store = (state: unknown) => localStorage.setItem(STATE_KEY, JSON.stringify(state));
  const backupKeys = () =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith(BACKUP_PREFIX))
      .sort();
  const todoTitles = async (username: string) => {
    const { accessToken } = await signIn(http, username);
    const response = await send(
      http.get<Todo[]>(API_PATHS.todos, { ...bearer(accessToken), observe: 'response' }),
    );
    return response.body!.map((todo) => todo.title);
  };
  const withBadTodo = (): ServerState => {
    const state = structuredClone(seeded);
    state.todos[1] = { ...state.todos[1], done: 'yes' as unknown as boolean };
    return state;
  };

  it('replaces a 43-character signing key that is not base64url, so sign-in answers 200', async () => {
    store({ ...seeded, signingKey: '!'.repeat(43) });

    const response = await send(
      http.post(
        API_PATHS.login,
        { username: 'demo', password: 'demo1234' },
        { observe: 'response' },
      ),
    );

    expect(response.status).toBe(200);
    const state = storedState()!;
    expect(state.signingKey).toMatch(/^[\w-]{43}$/);
    expect(state.users.map((user) => user.id)).toEqual(seeded.users.map((user) => user.id));
  });

  it('drops only a todo whose done is "yes", keeping every other user and todo', async () => {
    store(withBadTodo());

    const demoTitles = await todoTitles('demo');

    const dropped = seeded.todos[1].title;
    const kept = seeded.todos.filter((todo) => todo.title !== dropped);
    expect(demoTitles).not.toContain(dropped);
    expect(demoTitles.length).toBe(kept.filter((t) => t.ownerId === seeded.users[0].id).length);
    expect(await todoTitles('admin')).toEqual(
      kept.filter((t) => t.ownerId === seeded.users[1].id).map((t) => t.title),
    );
    const state = storedState()!;
    expect(state.users.map((user) => user.id)).toEqual(seeded.users.map((user) => user.id));
    expect(state.signingKey).toBe(seeded.signingKey);
    expect(state.todos.map((todo) => todo.id)).toEqual(kept.map((todo) => todo.id));
  });

  it('keeps the raw stored text under mock-api:backup:<ISO time> before repairing', async () => {
    const raw = JSON.stringify(withBadTodo());
    localStorage.setItem(STATE_KEY, raw);

    await signIn(http);

    const keys = backupKeys();
    expect(keys.length).toBe(1);
    const time = keys[0].slice(BACKUP_PREFIX.length);
    expect(new Date(time).toISOString()).toBe(time);
    expect(localStorage.getItem(keys[0])).toBe(raw);
  });

  it(`keeps at most the ${MAX_BACKUPS} newest backups`, async () => {
    const raws: string[] = [];
    for (let i = 0; i < MAX_BACKUPS + 2; i++) {
      server.clock.advance(1);
      const state = withBadTodo();
      state.todos[0].title = `Repair ${i}`;
      raws.push(JSON.stringify(state));
      localStorage.setItem(STATE_KEY, raws[i]);
      await signIn(http);
    }

    const keys = backupKeys();
    expect(keys.length).toBe(MAX_BACKUPS);
    expect(keys.map((key) => localStorage.getItem(key))).toEqual(raws.slice(-MAX_BACKUPS));
  });

  it('reports what was dropped and where the copy is, until dismissed', async () => {
    store({ ...withBadTodo(), signingKey: '!'.repeat(43) });
    expect(server.controls.repairs()).toEqual([]);

    await signIn(http);

    const [repair] = server.controls.repairs();
    expect(repair.backupKey).toBe(backupKeys()[0]);
    expect(repair.problems).toEqual([
      jasmine.stringMatching(/^Signing key: .*replaced/),
      jasmine.stringMatching(/^Todos: dropped row 2 of 5/),
    ]);
    expect(console.warn).toHaveBeenCalledWith(jasmine.stringContaining(repair.backupKey!));

    await server.controls.dismissRepairs();
    expect(server.controls.repairs()).toEqual([]);
    expect(localStorage.getItem(repair.backupKey!)).not.toBeNull();
  });

  it('reseeds a missing part alone: no todos stored gives the seed todos of the kept users', async () => {
    const partial: Partial<ServerState> = structuredClone(seeded);
    delete partial.todos;
    delete partial.loginFailures;
    store(partial);

    expect((await todoTitles('demo')).length).toBeGreaterThan(0);
    const state = storedState()!;
    expect(state.users.map((user) => user.id)).toEqual(seeded.users.map((user) => user.id));
    expect(state.todos.every((todo) => state.users.some((u) => u.id === todo.ownerId))).toBeTrue();
    expect(server.controls.repairs()[0].problems).toEqual([
      jasmine.stringMatching(/^Todos: missing; seeded again/),
      jasmine.stringMatching(/^Sign-in failures: missing/),
    ]);
  });

  it('reseeds unreadable JSON as a whole, after backing it up and reporting it', async () => {
    const raw = '{"version": 1, "users": [';
    localStorage.setItem(STATE_KEY, raw);

    expect((await signIn(http)).user.username).toBe('demo');

    const [repair] = server.controls.repairs();
    expect(localStorage.getItem(repair.backupKey!)).toBe(raw);
    expect(repair.problems).toEqual([jasmine.stringContaining('not readable')]);
  });

  for (const [description, stored, problem] of [
    ['is from an unknown version', { version: 99 }, /^The stored state is of unknown version 99/],
    ['is an array', [1, 2], /^The stored state was not readable/],
    ['has a part of the wrong shape', { version: 1, users: 'nope' }, /^Users: not a list/],
  ] as const) {
    it(`seeds again what it must when the stored state ${description}, so demo can sign in`, async () => {
      store(stored);

      expect((await signIn(http)).user.username).toBe('demo');

      expect(server.controls.repairs()[0].problems).toContain(jasmine.stringMatching(problem));
      expect(backupKeys().length).toBe(1);
    });
  }

  it('stores a repair even when the change that found it throws, so it is copied only once', async () => {
    store(withBadTodo());
    const db = new ServerDb({
      storage: localStorage,
      lock: createQueueLock(),
      seed: () => createSeedState(TEST_PASSWORD_ITERATIONS, Date.now()),
    });

    await expectAsync(db.update(() => Promise.reject(new Error('refused')))).toBeRejected();
    expect((await db.read()).todos.length).toBe(seeded.todos.length - 1);

    expect(backupKeys().length).toBe(1);
    expect(db.backups.reports().length).toBe(1);
  });

  it('leaves a valid state alone: no backup, no report', async () => {
    await signIn(http, 'admin');

    expect(backupKeys()).toEqual([]);
    expect(server.controls.repairs()).toEqual([]);
    expect(console.warn).not.toHaveBeenCalled();
  });
});
