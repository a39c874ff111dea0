/**
 * How `LocalStore` carries out the port's writes on the stored `ServerState`, inside one
 * `ServerDb.update` each: plain functions that change the state in place and answer what the
 * port promises. A relational adapter does the same with the statements named in
 * `server-store.ts`.
 */
import { emptyRecord } from '../json-records';
import type { RefreshTokenRecord, ServerState, SessionEndReason } from '../server-state';
import { isEndedEarly, isSessionActive, nextAccessTokensValidFrom } from '../sessions';
import { recentFailures } from '../login-throttle';
import type { FailureLimit, SessionStart } from './server-store';

/** Ends the surplus of the user's open sessions (idle ones first), then adds the new one. */
export function startSessionIn(state: ServerState, start: SessionStart): void {
  const { session, refreshToken, maxOpen, now, settings } = start;
  const idleFirst = (candidate: typeof session) =>
    isSessionActive(candidate, state.refreshTokens, now, settings) ? 1 : 0;
  const open = state.sessions
    .filter((s) => s.userId === session.userId && !isEndedEarly(s))
    .sort((a, b) => idleFirst(a) - idleFirst(b) || a.createdAt - b.createdAt);
  for (const oldest of open.slice(0, Math.max(0, open.length - maxOpen + 1))) {
    endSessionIn(state, oldest.sid, 'evicted', now);
  }
  state.sessions.push(session);
  state.refreshTokens.push(refreshToken);
}

/** Ends the session and revokes its unrevoked tokens; the first end time and reason stay. */
export function endSessionIn(
  state: ServerState,
  sid: string,
  reason: SessionEndReason,
  now: number,
): boolean {
  const session = state.sessions.find((candidate) => candidate.sid === sid);
  if (!session) return false;
  session.endedAt ??= now;
  session.endReason ??= reason;
  for (const record of state.refreshTokens) {
    if (record.sid === sid && record.revokedAt === null) record.revokedAt = now;
  }
  return true;
}

/** Marks `jti` used and adds its successor, only if it is unused, unrevoked, its session open. */
export function rotateIn(
  state: ServerState,
  jti: string,
  successor: RefreshTokenRecord,
  now: number,
): boolean {
  const record = state.refreshTokens.find((candidate) => candidate.jti === jti);
  if (!record || record.usedAt !== null || record.revokedAt !== null) return false;
  const session = state.sessions.find((candidate) => candidate.sid === record.sid);
  if (!session || isEndedEarly(session)) return false;
  record.usedAt = now;
  record.replacedBy = successor.jti;
  state.refreshTokens.push(successor);
  return true;
}

/** Drops tokens expired more than `retentionMs` ago, then the sessions left without any. */
export function pruneExpiredIn(state: ServerState, now: number, retentionMs: number): void {
  state.refreshTokens = state.refreshTokens.filter(
    (record) => record.exp * 1000 + retentionMs > now,
  );
  const withTokens = new Set(state.refreshTokens.map((record) => record.sid));
  state.sessions = state.sessions.filter((session) => withTokens.has(session.sid));
}

export function revokeAccessTokensIn(state: ServerState, userId: string, now: number): boolean {
  const user = state.users.find((candidate) => candidate.id === userId);
  if (!user) return false;
  user.accessTokensValidFrom = nextAccessTokensValidFrom(user, now);
  return true;
}

/** The failures of `username`, read as an own key only (`__proto__` is a username too). */
export function failuresIn(state: ServerState, username: string): number[] {
  return Object.hasOwn(state.loginFailures, username) ? state.loginFailures[username] : [];
}

/** Adds a failure at `now` unless the limit is reached within the window. */
export function recordFailureIn(
  state: ServerState,
  username: string,
  now: number,
  { limit, windowMs }: FailureLimit,
): boolean {
  const recent = recentFailures(failuresIn(state, username), now, windowMs);
  if (recent.length >= limit) return false;
  state.loginFailures[username] = [...recent, now];
  return true;
}

/** Keeps each username's failures inside the window, those in the future moved to now. */
export function pruneFailuresIn(state: ServerState, now: number, windowMs: number): void {
  const kept = emptyRecord<number[]>();
  for (const name of Object.keys(state.loginFailures)) {
    const recent = recentFailures(failuresIn(state, name), now, windowMs);
    if (recent.length > 0) kept[name] = recent;
  }
  state.loginFailures = kept;
}

export function clearFailuresIn(state: ServerState, username: string): void {
  if (Object.hasOwn(state.loginFailures, username)) delete state.loginFailures[username];
}
