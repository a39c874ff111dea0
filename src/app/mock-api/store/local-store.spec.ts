import { MemoryStorage } from '../../browser-storage';
import { createSeedState } from '../seed';
import type { RefreshTokenRecord, ServerState, SessionRecord, UserRecord } from '../server-state';
import { ServerDb } from '../server-db';
import { createQueueLock, type LockFn } from '../server-lock';
import { DEFAULT_SERVER_SETTINGS } from '../server-settings';
import { issueRefreshToken, newSession } from '../sessions';
import { LocalStore } from './local-store';

/** Cheap hashing: these specs never check a password. */
const ITERATIONS = 1000;
const settings = { ...DEFAULT_SERVER_SETTINGS };

/**
 * The atomic operations of the storage port on its localStorage adapter. Two `LocalStore`s on one
 * storage and one lock stand for two tabs (or two server instances) on one database; each race
 * below is started on both at once, so an operation that checked and wrote in two steps would
 * let both callers win.
 */
describe('LocalStore (the storage port on localStorage)', () => {
  let seed: ServerState;
  let tabs: [LocalStore, LocalStore];
  let now: number;

  beforeAll(async () => {
    seed = await createSeedState(ITERATIONS, Date.now());
  });

  beforeEach(async () => {
    const storage = new MemoryStorage();
    const lock: LockFn = createQueueLock();
    const open = () =>
      new LocalStore(new ServerDb({ storage, lock, seed: async () => structuredClone(seed) }));
    tabs = [open(), open()];
    now = Date.now();
  });

  const demo = (): UserRecord => seed.users.find((user) => user.username === 'demo')!;

  /** A session of demo with its first refresh token, stored. */
  async function startedSession(): Promise<{ session: SessionRecord; token: RefreshTokenRecord }> {
    const session = newSession(demo().id, now);
    const token = issueRefreshToken(session, demo(), now, settings)!;
    await tabs[0].startSession({ session, refreshToken: token, maxOpen: 5, now, settings });
    return { session, token };
  }

  const successorOf = (session: SessionRecord) =>
    issueRefreshToken(session, demo(), now, settings)!;

  it('lets exactly one of two parallel rotations of one refresh token win', async () => {
    const { session, token } = await startedSession();
    const successors = [successorOf(session), successorOf(session)];

    const won = await Promise.all(
      tabs.map((tab, i) => tab.rotateRefreshToken(token.jti, successors[i], now)),
    );

    expect(won.filter(Boolean).length).toBe(1);
    const stored = await tabs[1].refreshTokensOf(session.sid);
    const winner = successors[won.indexOf(true)];
    expect(stored.map((record) => record.jti)).toEqual([token.jti, winner.jti]);
    expect(stored[0].replacedBy).toBe(winner.jti);
    expect(stored[0].usedAt).toBe(now);
  });

  it('refuses to rotate a token of an ended session, or a revoked one', async () => {
    const { session, token } = await startedSession();
    await tabs[0].endSession(session.sid, 'logout', now);

    expect(await tabs[1].rotateRefreshToken(token.jti, successorOf(session), now)).toBeFalse();
    expect((await tabs[1].refreshTokensOf(session.sid)).length).toBe(1);
  });

  it('ends a session once: the first reason and time stay, every token is revoked', async () => {
    const { session, token } = await startedSession();
    const later = now + 5000;

    const ended = await Promise.all([
      tabs[0].endSession(session.sid, 'reuse', now),
      tabs[1].endSession(session.sid, 'logout', later),
    ]);

    expect(ended).toEqual([true, true]);
    expect(await tabs[0].findSession(session.sid)).toEqual({
      ...session,
      endedAt: now,
      endReason: 'reuse',
    });
    expect((await tabs[0].findRefreshToken(token.jti))!.revokedAt).toBe(now);
    expect(await tabs[0].endSession('no-such-session', 'revoked', now)).toBeFalse();
  });

  it('creates only one of two users registered at once under case variants of one name', async () => {
    const user = (username: string): UserRecord => ({
      ...demo(),
      id: crypto.randomUUID(),
      username,
    });

    const created = await Promise.all([
      tabs[0].createUserIfFree(user('Carol')),
      tabs[1].createUserIfFree(user('carol')),
    ]);

    expect(created.filter(Boolean).length).toBe(1);
    const carols = (await tabs[0].listUsers()).filter((u) => u.username.toLowerCase() === 'carol');
    expect(carols.length).toBe(1);
    expect((await tabs[1].findUserByUsername('CAROL'))!.id).toBe(carols[0].id);
  });

  it('records at most the limit of sign-in failures when many arrive at once', async () => {
    const limit = { limit: 5, windowMs: 60_000 };

    const recorded = await Promise.all(
      Array.from({ length: 8 }, (_, i) => tabs[i % 2].recordLoginFailure('demo', now, limit)),
    );

    expect(recorded.filter(Boolean).length).toBe(5);
    expect((await tabs[0].loginFailures('demo')).length).toBe(5);
  });

  it('leaves at most the cap of sessions open when sign-ins start sessions at once', async () => {
    const starts = Array.from({ length: 7 }, (_, i) => {
      const session = newSession(demo().id, now + i);
      const refreshToken = issueRefreshToken(session, demo(), now + i, settings)!;
      return tabs[i % 2].startSession({
        session,
        refreshToken,
        maxOpen: 5,
        now: now + i,
        settings,
      });
    });
    await Promise.all(starts);

    const sessions = (await tabs[0].sessionsOf(demo().id)).map(({ session }) => session);
    expect(sessions.length).toBe(7);
    expect(sessions.filter((s) => s.endedAt === null).length).toBe(5);
    expect(sessions.filter((s) => s.endReason === 'evicted').length).toBe(2);
  });

  it('records a sign-in only while the password hash is the one that was checked', async () => {
    const at = new Date(now).toISOString();

    expect(await tabs[0].recordSignIn(demo().id, 'another hash', at)).toBeNull();
    const user = await tabs[1].recordSignIn(demo().id, demo().passwordHash, at);
    expect(user!.lastLoginAt).toBe(at);
    expect((await tabs[0].findUser(demo().id))!.lastLoginAt).toBe(at);
  });

  it('changes and deletes a todo only for its owner', async () => {
    const [todo] = await tabs[0].todosOf(demo().id);
    const admin = seed.users.find((user) => user.username === 'admin')!;

    expect(await tabs[0].updateTodo(admin.id, todo.id, { done: !todo.done })).toBeNull();
    expect(await tabs[1].deleteTodo(admin.id, todo.id)).toBeFalse();
    expect((await tabs[0].updateTodo(demo().id, todo.id, { title: 'Renamed' }))!.title).toBe(
      'Renamed',
    );
    expect(await tabs[1].deleteTodo(demo().id, todo.id)).toBeTrue();
    expect((await tabs[0].todosOf(demo().id)).map((t) => t.id)).not.toContain(todo.id);
  });
});
