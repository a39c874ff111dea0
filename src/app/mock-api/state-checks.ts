/**
 * Checks that stored data still has the shape of the server state (`server-state.ts`), one part
 * and one row at a time, so that a repair (`state-repair.ts`) can keep every part and row that is
 * good. The checks are strict: the handlers trust every field they read.
 */
import type { Role } from '../api-contract';
import type { ServerState } from './server-state';
import { isSigningKey } from './token-service';

export type Row = Record<string, unknown>;

/** The parts of the state that are lists of rows. */
export type TableName = 'users' | 'sessions' | 'refreshTokens' | 'todos';

/** Every part a state of the current version has, in the order a repair reports them. */
export const STATE_PARTS = [
  'version',
  'signingKey',
  'users',
  'sessions',
  'refreshTokens',
  'todos',
  'loginFailures',
] as const satisfies readonly (keyof ServerState)[];

export const isRow = (value: unknown): value is Row =>
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

/** The check each row of a table must pass. */
export const ROW_CHECKS: Readonly<Record<TableName, (row: Row) => boolean>> = {
  users: isUser,
  sessions: isSession,
  refreshTokens: isRefreshToken,
  todos: isTodo,
};

/** Whether one entry of `loginFailures` (the failure times of one username) is good. */
export const isFailureTimes = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every(isNumber);

/** Whether a row of `table` is good. */
export const isGoodRow = (table: TableName, row: unknown): boolean =>
  isRow(row) && ROW_CHECKS[table](row);

/** Whether stored data is a complete state of the current version, with nothing else in it. */
export function isServerState(value: unknown): value is ServerState {
  if (!isRow(value) || value['version'] !== 1) return false;
  const failures = value['loginFailures'];
  const tables = Object.keys(ROW_CHECKS) as TableName[];
  return (
    Object.keys(value).every((part) => (STATE_PARTS as readonly string[]).includes(part)) &&
    isSigningKey(value['signingKey']) &&
    tables.every((table) => {
      const rows = value[table];
      return Array.isArray(rows) && rows.every((row) => isGoodRow(table, row));
    }) &&
    isRow(failures) &&
    Object.values(failures).every(isFailureTimes)
  );
}
