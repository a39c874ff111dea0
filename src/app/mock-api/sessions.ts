/**
 * Sessions and refresh-token records: start, rotate, end, count, prune, and the per-user
 * "access tokens revoked before" mark. Plain functions that change a `ServerState` in place;
 * callers run them inside `ServerDb.update`.
 */
import type { ServerSettings } from './server-settings';
import {
  type RefreshTokenRecord,
  type ServerState,
  SESSION_END_REASONS,
  type SessionEndReason,
  type SessionRecord,
  type UserRecord,
} from './server-state';

export const MAX_ACTIVE_SESSIONS = 5;

const seconds = (ms: number): number => Math.floor(ms / 1000);

/** When the session reaches its absolute lifetime (epoch ms); follows the current setting. */
export function sessionEndsAt(session: SessionRecord, settings: ServerSettings): number {
  return session.createdAt + settings.sessionLifetime * 1000;
}

/** How a session ended: early, for a reason, or at its absolute lifetime. */
export type SessionEnd = SessionEndReason | 'lifetime';

/**
 * How the session ended, or `null` while it runs: the one definition of "ended" for refresh,
 * the session count and `endSession`. Either field marks an early end, so a record that has only
 * one of them (written by an older version or by hand) is ended too; a reason this version does
 * not know reads as `revoked`.
 */
export function sessionEnd(
  session: SessionRecord,
  now: number,
  settings: ServerSettings,
): SessionEnd | null {
  const { endedAt, endReason } = session;
  if (endedAt !== null || endReason !== null) {
    return endReason !== null && SESSION_END_REASONS.includes(endReason) ? endReason : 'revoked';
  }
  return now >= sessionEndsAt(session, settings) ? 'lifetime' : null;
}

/** A token that can still be rotated: not used, not revoked, not expired. */
export function isLive(record: RefreshTokenRecord, now: number): boolean {
  return record.usedAt === null && record.revokedAt === null && record.exp * 1000 > now;
}

/** Not ended (see `sessionEnd`) and holding a live refresh token. */
export function isSessionActive(
  state: ServerState,
  session: SessionRecord,
  now: number,
  settings: ServerSettings,
): boolean {
  return (
    sessionEnd(session, now, settings) === null &&
    state.refreshTokens.some((record) => record.sid === session.sid && isLive(record, now))
  );
}

export function activeSessionsOf(
  state: ServerState,
  userId: string,
  now: number,
  settings: ServerSettings,
): SessionRecord[] {
  return state.sessions
    .filter(
      (session) => session.userId === userId && isSessionActive(state, session, now, settings),
    )
    .sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * A new session for a sign-in; ends older ones so that, with it, at most five are not ended:
 * first those that cannot refresh now (token expired, or past the lifetime), then the oldest
 * active ones. Counting only the active ones would leave the idle ones running, and a clock step
 * back would bring them back to life beside five others.
 */
export function startSession(
  state: ServerState,
  userId: string,
  now: number,
  settings: ServerSettings,
): SessionRecord {
  const idleFirst = (session: SessionRecord) =>
    isSessionActive(state, session, now, settings) ? 1 : 0;
  const open = state.sessions
    .filter((s) => s.userId === userId && s.endedAt === null && s.endReason === null)
    .sort((a, b) => idleFirst(a) - idleFirst(b) || a.createdAt - b.createdAt);
  for (const oldest of open.slice(0, Math.max(0, open.length - MAX_ACTIVE_SESSIONS + 1))) {
    endSession(state, oldest, 'evicted', now);
  }
  const session: SessionRecord = {
    sid: crypto.randomUUID(),
    userId,
    createdAt: now,
    endedAt: null,
    endReason: null,
  };
  state.sessions.push(session);
  return session;
}

/**
 * Ends a session and revokes every refresh token of it that was still unrevoked. The first end
 * time and reason stay; a record missing one of them gets it now.
 */
export function endSession(
  state: ServerState,
  session: SessionRecord,
  reason: SessionEndReason,
  now: number,
): void {
  session.endedAt ??= now;
  session.endReason ??= reason;
  for (const record of state.refreshTokens) {
    if (record.sid === session.sid && record.revokedAt === null) record.revokedAt = now;
  }
}

/**
 * Records a new refresh token for the session, signed for `user` as stored now. Its expiry is
 * the refresh lifetime, cut short at the session's absolute end; `null` when that end has been
 * reached.
 */
export function addRefreshToken(
  state: ServerState,
  session: SessionRecord,
  user: UserRecord,
  now: number,
  settings: ServerSettings,
): RefreshTokenRecord | null {
  const iat = seconds(now);
  const exp = Math.min(
    iat + settings.refreshTokenLifetime,
    seconds(sessionEndsAt(session, settings)),
  );
  if (exp <= iat) return null;
  const record: RefreshTokenRecord = {
    jti: crypto.randomUUID(),
    sid: session.sid,
    userId: session.userId,
    iat,
    exp,
    usedAt: null,
    revokedAt: null,
    replacedBy: null,
    name: user.displayName,
    roles: [...user.roles],
  };
  state.refreshTokens.push(record);
  return record;
}

/** Follows rotations from `record` to the newest token of its family. */
export function newestSuccessor(
  state: ServerState,
  record: RefreshTokenRecord,
): RefreshTokenRecord {
  let current = record;
  const seen = new Set<string>();
  while (current.replacedBy && !seen.has(current.jti)) {
    seen.add(current.jti);
    const next = state.refreshTokens.find((candidate) => candidate.jti === current.replacedBy);
    if (!next) break;
    current = next;
  }
  return current;
}

/** How long records outlive their token, so a late refusal can still name the session's fate. */
const RECORD_RETENTION_MS = 60 * 60 * 1000;

/**
 * Drops refresh-token records an hour after their token expired (an expired token is refused by
 * its `exp` claim anyway) and sessions left without any record, so storage stays small.
 */
export function pruneExpired(state: ServerState, now: number): void {
  state.refreshTokens = state.refreshTokens.filter(
    (record) => record.exp * 1000 + RECORD_RETENTION_MS > now,
  );
  const withTokens = new Set(state.refreshTokens.map((record) => record.sid));
  state.sessions = state.sessions.filter((session) => withTokens.has(session.sid));
}

/**
 * Refuses every access token the user holds now. `iat` has one-second resolution, so the mark is
 * the next whole second: a token issued in this second before the call is refused, and tokens
 * issued during the rest of it are stamped with that next second (see `accessTokenIssuedAt`).
 * A second revocation within the same second moves the mark past those stamped tokens too.
 */
export function revokeAccessTokens(user: UserRecord, now: number): void {
  user.accessTokensValidFrom = Math.max(seconds(now), user.accessTokensValidFrom) + 1;
}

/** The `iat` for a new access token: now, or the revocation mark if that is still ahead. */
export function accessTokenIssuedAt(user: UserRecord, now: number): number {
  return Math.max(seconds(now), user.accessTokensValidFrom);
}
