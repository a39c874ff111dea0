/**
 * The shape of the server's persisted state (its "database tables") and a check that stored data
 * still has that shape. Times are epoch milliseconds unless a field mirrors a JWT claim.
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

type Row = Record<string, unknown>;

const isRow = (value: unknown): value is Row =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);
const isTime = (value: unknown): boolean => value === null || isNumber(value);
const isRole = (value: unknown): value is Role => value === 'user' || value === 'admin';

const isUser = (row: Row): boolean =>
  ['id', 'username', 'displayName', 'createdAt', 'passwordHash'].every((key) =>
    isString(row[key]),
  ) &&
  (row['lastLoginAt'] === null || isString(row['lastLoginAt'])) &&
  Array.isArray(row['roles']) &&
  row['roles'].every(isRole) &&
  isNumber(row['accessTokensValidFrom']);

const isSession = (row: Row): boolean =>
  isString(row['sid']) &&
  isString(row['userId']) &&
  isNumber(row['createdAt']) &&
  isTime(row['endedAt']) &&
  (row['endReason'] === null || isString(row['endReason']));

const isRefreshToken = (row: Row): boolean =>
  ['jti', 'sid', 'userId'].every((key) => isString(row[key])) &&
  isNumber(row['iat']) &&
  isNumber(row['exp']) &&
  isTime(row['usedAt']) &&
  isTime(row['revokedAt']) &&
  (row['replacedBy'] === null || isString(row['replacedBy'])) &&
  (row['name'] === undefined || isString(row['name'])) &&
  (row['roles'] === undefined || (Array.isArray(row['roles']) && row['roles'].every(isRole)));

const isTodo = (row: Row): boolean =>
  ['id', 'ownerId', 'title', 'createdAt'].every((key) => isString(row[key])) &&
  typeof row['done'] === 'boolean';

const isTable = (value: unknown, isRecord: (row: Row) => boolean): boolean =>
  Array.isArray(value) && value.every((row) => isRow(row) && isRecord(row));

/** Whether stored data is a complete state of the current version. */
export function isServerState(value: unknown): value is ServerState {
  if (!isRow(value) || value['version'] !== 1) return false;
  const failures = value['loginFailures'];
  return (
    isString(value['signingKey']) &&
    value['signingKey'].length >= 43 &&
    isTable(value['users'], isUser) &&
    isTable(value['sessions'], isSession) &&
    isTable(value['refreshTokens'], isRefreshToken) &&
    isTable(value['todos'], isTodo) &&
    isRow(failures) &&
    Object.values(failures).every((times) => Array.isArray(times) && times.every(isNumber))
  );
}
