/**
 * The shape of the server's persisted state (its "database tables"). Times are epoch milliseconds
 * unless a field mirrors a JWT claim. `state-checks.ts` checks that stored data still has this
 * shape; `state-repair.ts` mends it part by part when it does not.
 */
import type { Role, Todo, User } from '../api-contract';

export interface UserRecord extends User {
  /** `pbkdf2-sha256$<iterations>$<salt>$<hash>` (see `passwords.ts`); never sent to a client. */
  passwordHash: string;
  /** Access tokens whose `iat` (epoch seconds) is below this are refused; 0 when never revoked. */
  accessTokensValidFrom: number;
}

/** Why a session ended early; each has its own refresh refusal message. */
export type SessionEndReason = 'logout' | 'reuse' | 'revoked' | 'evicted';

export const SESSION_END_REASONS: readonly SessionEndReason[] = [
  'logout',
  'reuse',
  'revoked',
  'evicted',
];

/** A sign-in: one family of rotated refresh tokens sharing the `sid` claim. */
export interface SessionRecord {
  sid: string;
  userId: string;
  createdAt: number;
  endedAt: number | null;
  endReason: SessionEndReason | null;
}

/** One issued refresh token. The token itself is never stored, only its id and fate. */
export interface RefreshTokenRecord {
  jti: string;
  sid: string;
  userId: string;
  /** The token's `iat` and `exp` claims, in epoch seconds. */
  iat: number;
  exp: number;
  /** When it was rotated; presenting it again after that is reuse. */
  usedAt: number | null;
  revokedAt: number | null;
  /** The `jti` of the token that replaced it on rotation. */
  replacedBy: string | null;
  /**
   * The `name` and `roles` claims it is signed with, fixed at issue so that signing it again (a
   * replay within the reuse grace) gives the same string after a rename. Missing in records
   * written by the previous version, which sign with the user as stored now.
   */
  name?: string;
  roles?: Role[];
}

export interface TodoRecord extends Todo {
  ownerId: string;
}

export interface ServerState {
  version: 1;
  /** The HS256 secret, 32 random bytes, base64url. */
  signingKey: string;
  users: UserRecord[];
  sessions: SessionRecord[];
  refreshTokens: RefreshTokenRecord[];
  todos: TodoRecord[];
  /**
   * Recent failed sign-ins (epoch ms) by lower-case username, for the rate limit. A record
   * without a prototype (see `json-records.ts`): a username can be any key, `__proto__` too.
   */
  loginFailures: Record<string, number[]>;
}

/** The public view of a user record (what `api/users/me` returns). */
export function toUser(record: UserRecord): User {
  const { id, username, displayName, roles, createdAt, lastLoginAt } = record;
  return { id, username, displayName, roles: [...roles], createdAt, lastLoginAt };
}

/** The public view of a todo record. */
export function toTodo(record: TodoRecord): Todo {
  const { id, title, done, createdAt } = record;
  return { id, title, done, createdAt };
}
