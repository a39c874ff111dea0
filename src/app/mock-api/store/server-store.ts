/**
 * `ServerStore`: the one port through which the server's handlers reach everything they keep
 * (users, sessions, refresh tokens, todos, sign-in failures, settings). The handlers never read,
 * change and write back the whole state; they call these operations, each of which is atomic on
 * its own: it sees and leaves the data consistent whatever runs beside it, in this tab, in another
 * tab or on another instance. An operation that depends on a condition checks it as part of its
 * write and answers whether it won ("mark this refresh token used, only if it is unused"), so a
 * caller that lost a race finds out and can decide again.
 *
 * Every operation is async and small enough for one SQL statement or one short transaction, so a
 * relational adapter (Postgres) implements the same port; the note on each says how. The adapter
 * of the in-browser server is `LocalStore` (`local-store.ts`): localStorage under one lock.
 *
 * The rules (when a session has ended, lifetimes, the reuse grace, the throttle) are plain
 * functions the handlers call (`sessions.ts`, `login-throttle.ts`); what a store needs of them
 * comes in as arguments. The signing key is not here: a real server takes it from its
 * configuration, and the in-browser server's context reads it from its own storage.
 */
import type { ServerSettings } from '../server-settings';
import type {
  RefreshTokenRecord,
  SessionEndReason,
  SessionRecord,
  TodoRecord,
  UserRecord,
} from '../server-state';

/** A new session and its first refresh token, under the per-user cap. */
export interface SessionStart {
  session: SessionRecord;
  refreshToken: RefreshTokenRecord;
  /** How many sessions of the user may be left not ended, the new one included. */
  maxOpen: number;
  now: number;
  /** To tell idle sessions (past the absolute lifetime) from active ones, which go last. */
  settings: ServerSettings;
}

/** The sign-in throttle's limit: at most `limit` failures per username within `windowMs`. */
export interface FailureLimit {
  limit: number;
  windowMs: number;
}

export interface TodoChanges {
  title?: string;
  done?: boolean;
}

export interface ServerStore {
  // Settings (a real server reads most of them from its configuration).

  /** The current settings. `SELECT … FROM settings`. */
  settings(): Promise<ServerSettings>;
  /** Changes some settings; answers them all. `UPDATE settings SET … RETURNING *`. */
  updateSettings(changes: Partial<ServerSettings>): Promise<ServerSettings>;

  // Users.

  /** `SELECT … FROM users WHERE id = $1`. */
  findUser(id: string): Promise<UserRecord | null>;
  /** By the case-folded username. `… WHERE lower(username) = lower($1)`. */
  findUserByUsername(username: string): Promise<UserRecord | null>;
  /** Every user, in the order created. */
  listUsers(): Promise<UserRecord[]>;
  /**
   * Stores `user` only if no user has the same case-folded username; answers whether it did.
   * `INSERT … ON CONFLICT (lower(username)) DO NOTHING RETURNING id`.
   */
  createUserIfFree(user: UserRecord): Promise<boolean>;
  /**
   * Sets `lastLoginAt`, only if the password hash is still `passwordHash` (the one the password
   * was checked against); answers the user as stored now, or `null`.
   * `UPDATE users SET last_login_at = $3 WHERE id = $1 AND password_hash = $2 RETURNING *`.
   */
  recordSignIn(userId: string, passwordHash: string, at: string): Promise<UserRecord | null>;
  /** `UPDATE users SET display_name = $2 WHERE id = $1 RETURNING *`. */
  renameUser(userId: string, displayName: string): Promise<UserRecord | null>;
  /**
   * Refuses every access token issued to the user until now: `accessTokensValidFrom` becomes the
   * next whole second, or one past its current mark if that is later (`sessions.ts`); answers
   * whether the user exists. `UPDATE users SET … = GREATEST($2, …) + 1 WHERE id = $1`.
   */
  revokeAccessTokens(userId: string, now: number): Promise<boolean>;

  // Sessions and refresh tokens.

  /** `SELECT … FROM sessions WHERE sid = $1`. */
  findSession(sid: string): Promise<SessionRecord | null>;
  /** The user's sessions, oldest first, each with its refresh tokens (admin counts). */
  sessionsOf(userId: string): Promise<{ session: SessionRecord; tokens: RefreshTokenRecord[] }[]>;
  /**
   * Stores a new session and its first refresh token after ending (`evicted`) the user's oldest
   * sessions not yet ended, those that cannot refresh now first, so that at most `maxOpen` are
   * left. One transaction: `SELECT … FOR UPDATE` the user's open sessions, end the surplus (as
   * `endSession`), `INSERT` both rows.
   */
  startSession(start: SessionStart): Promise<void>;
  /**
   * Ends the session (the first end time and reason stay) and revokes each of its refresh tokens
   * not yet revoked; answers whether the session exists. One transaction: `UPDATE sessions SET
   * ended_at = COALESCE(ended_at, $3), end_reason = COALESCE(end_reason, $2) WHERE sid = $1`,
   * then `UPDATE refresh_tokens SET revoked_at = $3 WHERE sid = $1 AND revoked_at IS NULL`.
   */
  endSession(sid: string, reason: SessionEndReason, now: number): Promise<boolean>;
  /** `SELECT … FROM refresh_tokens WHERE jti = $1`. */
  findRefreshToken(jti: string): Promise<RefreshTokenRecord | null>;
  /** The session's refresh tokens, in the order issued. `… WHERE sid = $1 ORDER BY iat`. */
  refreshTokensOf(sid: string): Promise<RefreshTokenRecord[]>;
  /**
   * Rotation: marks `jti` used at `now` with `successor` as its replacement and stores the
   * successor, only if `jti` is unused and unrevoked and its session exists and has not ended;
   * answers whether it won. One transaction: lock the session row (`SELECT … FOR UPDATE`, which
   * `endSession` waits for too), `UPDATE refresh_tokens SET used_at = $2, replaced_by = $3 WHERE
   * jti = $1 AND used_at IS NULL AND revoked_at IS NULL RETURNING jti`, and `INSERT` the
   * successor only when a row came back.
   */
  rotateRefreshToken(jti: string, successor: RefreshTokenRecord, now: number): Promise<boolean>;
  /**
   * Forgets refresh tokens that expired more than `retentionMs` ago and the sessions left with
   * none. `DELETE FROM refresh_tokens WHERE exp * 1000 + $2 <= $1`, then the sessions.
   */
  pruneExpired(now: number, retentionMs: number): Promise<void>;

  // Sign-in failures, by case-folded username.

  /** The stored failure times (epoch ms) of a username. */
  loginFailures(username: string): Promise<number[]>;
  /**
   * Records a failure at `now`, only if fewer than `limit.limit` are within the window; answers
   * whether it did. `INSERT … SELECT $1, $2 WHERE (SELECT count(*) …) < $3` (serialised per
   * username, e.g. with an advisory lock).
   */
  recordLoginFailure(username: string, now: number, limit: FailureLimit): Promise<boolean>;
  /**
   * Forgets every username's failures outside the window and moves those stamped after `now`
   * (the clock stepped back) to `now`, so they expire one window from now.
   */
  pruneLoginFailures(now: number, windowMs: number): Promise<void>;
  /** `DELETE FROM login_failures WHERE username = $1`. */
  clearLoginFailures(username: string): Promise<void>;

  // Todos, always of one owner.

  /** The owner's todos, oldest first. */
  todosOf(ownerId: string): Promise<TodoRecord[]>;
  /** `INSERT INTO todos …`. */
  addTodo(todo: TodoRecord): Promise<void>;
  /** `UPDATE todos SET … WHERE id = $1 AND owner_id = $2 RETURNING *`; `null`: no such todo. */
  updateTodo(ownerId: string, id: string, changes: TodoChanges): Promise<TodoRecord | null>;
  /** `DELETE FROM todos WHERE id = $1 AND owner_id = $2`; answers whether there was one. */
  deleteTodo(ownerId: string, id: string): Promise<boolean>;
}
