/**
 * `LocalStore`: the in-browser server's adapter of the storage port (`server-store.ts`). It keeps
 * the whole state as one JSON text in localStorage (`ServerDb`, with its lock across tabs, its
 * storage fence, its repair of damaged parts and its backups), so every write is one
 * `ServerDb.update`: under the lock, on a fresh copy, all or nothing. That makes each operation
 * atomic, including the conditional ones, which check and write under the same lock.
 *
 * Beside the port it offers what only the in-browser server has: the signing key it keeps in the
 * same storage, a synchronous view of the settings (the clock's offset, the devtools), the repair
 * reports, a reset, the one-shot simulated refresh failure and a copy of the whole state (tests).
 */
import type { RefreshFailureMode, ServerSettings } from '../server-settings';
import type { ServerDb } from '../server-db';
import type {
  RefreshTokenRecord,
  ServerState,
  SessionEndReason,
  SessionRecord,
  TodoRecord,
  UserRecord,
} from '../server-state';
import type { StateBackups } from '../state-backups';
import {
  clearFailuresIn,
  endSessionIn,
  failuresIn,
  pruneExpiredIn,
  pruneFailuresIn,
  recordFailureIn,
  revokeAccessTokensIn,
  rotateIn,
  startSessionIn,
} from './state-changes';
import type { FailureLimit, ServerStore, SessionStart, TodoChanges } from './server-store';

export class LocalStore implements ServerStore {
  readonly #db: ServerDb;

  constructor(db: ServerDb) {
    this.#db = db;
  }

  // In-browser only.

  /** The HS256 secret, kept with the state (a real server reads it from its configuration). */
  async signingKey(): Promise<string> {
    return (await this.#db.read()).signingKey;
  }

  /** The settings as stored now, read synchronously. */
  settingsNow(): ServerSettings {
    return this.#db.readSettings();
  }

  /** Calls `listener` after each settings change made in this tab; returns an unsubscribe. */
  onSettingsChange(listener: (settings: ServerSettings) => void): () => void {
    return this.#db.onSettingsChange(listener);
  }

  get backups(): StateBackups {
    return this.#db.backups;
  }

  /** Back to a fresh install (see `ServerDb.reset`). */
  reset(): Promise<void> {
    return this.#db.reset();
  }

  /** The pending simulated refresh failure, set back to `'none'` in the same step. */
  async takeRefreshFailure(): Promise<RefreshFailureMode> {
    if (this.#db.readSettings().failNextRefresh === 'none') return 'none';
    return this.#db.updateSettings((settings) => {
      const pending = settings.failNextRefresh;
      settings.failNextRefresh = 'none';
      return pending;
    });
  }

  /** A fresh copy of the whole stored state. */
  snapshot(): Promise<ServerState> {
    return this.#db.read();
  }

  // The port.

  async settings(): Promise<ServerSettings> {
    return this.#db.readSettings();
  }

  updateSettings(changes: Partial<ServerSettings>): Promise<ServerSettings> {
    return this.#db.updateSettings((settings) => ({ ...Object.assign(settings, changes) }));
  }

  findUser(id: string): Promise<UserRecord | null> {
    return this.#find((state) => state.users.find((user) => user.id === id));
  }

  findUserByUsername(username: string): Promise<UserRecord | null> {
    const folded = username.toLowerCase();
    return this.#find((state) =>
      state.users.find((user) => user.username.toLowerCase() === folded),
    );
  }

  listUsers(): Promise<UserRecord[]> {
    return this.#read((state) => state.users);
  }

  createUserIfFree(user: UserRecord): Promise<boolean> {
    const folded = user.username.toLowerCase();
    return this.#db.update((state) => {
      if (state.users.some((other) => other.username.toLowerCase() === folded)) return false;
      state.users.push(user);
      return true;
    });
  }

  recordSignIn(userId: string, passwordHash: string, at: string): Promise<UserRecord | null> {
    return this.#db.update((state) => {
      const user = state.users.find((candidate) => candidate.id === userId);
      if (!user || user.passwordHash !== passwordHash) return null;
      user.lastLoginAt = at;
      return user;
    });
  }

  renameUser(userId: string, displayName: string): Promise<UserRecord | null> {
    return this.#db.update((state) => {
      const user = state.users.find((candidate) => candidate.id === userId);
      if (user) user.displayName = displayName;
      return user ?? null;
    });
  }

  revokeAccessTokens(userId: string, now: number): Promise<boolean> {
    return this.#db.update((state) => revokeAccessTokensIn(state, userId, now));
  }

  findSession(sid: string): Promise<SessionRecord | null> {
    return this.#find((state) => state.sessions.find((session) => session.sid === sid));
  }

  sessionsOf(userId: string): Promise<{ session: SessionRecord; tokens: RefreshTokenRecord[] }[]> {
    return this.#read((state) =>
      state.sessions
        .filter((session) => session.userId === userId)
        .sort((a, b) => a.createdAt - b.createdAt)
        .map((session) => ({
          session,
          tokens: state.refreshTokens.filter((record) => record.sid === session.sid),
        })),
    );
  }

  startSession(start: SessionStart): Promise<void> {
    return this.#db.update((state) => startSessionIn(state, start));
  }

  endSession(sid: string, reason: SessionEndReason, now: number): Promise<boolean> {
    return this.#db.update((state) => endSessionIn(state, sid, reason, now));
  }

  findRefreshToken(jti: string): Promise<RefreshTokenRecord | null> {
    return this.#find((state) => state.refreshTokens.find((record) => record.jti === jti));
  }

  refreshTokensOf(sid: string): Promise<RefreshTokenRecord[]> {
    return this.#read((state) => state.refreshTokens.filter((record) => record.sid === sid));
  }

  rotateRefreshToken(jti: string, successor: RefreshTokenRecord, now: number): Promise<boolean> {
    return this.#db.update((state) => rotateIn(state, jti, successor, now));
  }

  pruneExpired(now: number, retentionMs: number): Promise<void> {
    return this.#db.update((state) => pruneExpiredIn(state, now, retentionMs));
  }

  loginFailures(username: string): Promise<number[]> {
    return this.#read((state) => failuresIn(state, username));
  }

  recordLoginFailure(username: string, now: number, limit: FailureLimit): Promise<boolean> {
    return this.#db.update((state) => recordFailureIn(state, username, now, limit));
  }

  pruneLoginFailures(now: number, windowMs: number): Promise<void> {
    return this.#db.update((state) => pruneFailuresIn(state, now, windowMs));
  }

  clearLoginFailures(username: string): Promise<void> {
    return this.#db.update((state) => clearFailuresIn(state, username));
  }

  todosOf(ownerId: string): Promise<TodoRecord[]> {
    return this.#read((state) => state.todos.filter((todo) => todo.ownerId === ownerId));
  }

  async addTodo(todo: TodoRecord): Promise<void> {
    await this.#db.update((state) => state.todos.push(todo));
  }

  updateTodo(ownerId: string, id: string, changes: TodoChanges): Promise<TodoRecord | null> {
    return this.#db.update((state) => {
      const todo = state.todos.find((t) => t.id === id && t.ownerId === ownerId);
      if (!todo) return null;
      if (changes.title !== undefined) todo.title = changes.title;
      if (changes.done !== undefined) todo.done = changes.done;
      return todo;
    });
  }

  deleteTodo(ownerId: string, id: string): Promise<boolean> {
    return this.#db.update((state) => {
      const kept = state.todos.filter((t) => !(t.id === id && t.ownerId === ownerId));
      const found = kept.length < state.todos.length;
      state.todos = kept;
      return found;
    });
  }

  /** Reads a fresh copy of the state (seeded or repaired first when needed) and picks from it. */
  async #read<T>(pick: (state: ServerState) => T): Promise<T> {
    return pick(await this.#db.read());
  }

  /** Like `#read`, for one row or none. */
  async #find<T>(pick: (state: ServerState) => T | undefined): Promise<T | null> {
    return pick(await this.#db.read()) ?? null;
  }
}
