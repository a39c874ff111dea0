/**
 * The rules of sessions and refresh tokens, as plain functions of records: when a session ends,
 * which token is live, what a new session or rotated token looks like, which token a rotation
 * chain leads to, and the per-user "access tokens revoked before" mark. The handlers call them;
 * the store (`store/server-store.ts`) only keeps the records they make.
 */
import type { ServerSettings } from './server-settings';
import {
  type RefreshTokenRecord,
  SESSION_END_REASONS,
  type SessionEndReason,
  type SessionRecord,
  type UserRecord,
} from './server-state';

export const MAX_ACTIVE_SESSIONS = 5;

/** How long records outlive their token, so a late refusal can still name the session's fate. */
export const RECORD_RETENTION_MS = 60 * 60 * 1000;

const seconds = (ms: number): number => Math.floor(ms / 1000);

/** When the session reaches its absolute lifetime (epoch ms); follows the current setting. */
export function sessionEndsAt(session: SessionRecord, settings: ServerSettings): number {
  return session.createdAt + settings.sessionLifetime * 1000;
}

/** How a session ended: early, for a reason, or at its absolute lifetime. */
export type SessionEnd = SessionEndReason | 'lifetime';

/**
 * How the session ended, or `null` while it runs: the one definition of "ended" for refresh,
 * the session count and the session check. Either field marks an early end, so a record that has
 * only one of them (written by an older version or by hand) is ended too; a reason this version
 * does not know reads as `revoked`.
 */
export function sessionEnd(
  session: SessionRecord,
  now: number,
  settings: ServerSettings,
): SessionEnd | null {
  if (isEndedEarly(session)) {
    const { endReason } = session;
    return endReason !== null && SESSION_END_REASONS.includes(endReason) ? endReason : 'revoked';
  }
  return now >= sessionEndsAt(session, settings) ? 'lifetime' : null;
}

/** Ended for a reason (sign-out, reuse, revocation, eviction), whatever the clock says. */
export function isEndedEarly(session: SessionRecord): boolean {
  return session.endedAt !== null || session.endReason !== null;
}

/** A token that can still be rotated: not used, not revoked, not expired. */
export function isLive(record: RefreshTokenRecord, now: number): boolean {
  return record.usedAt === null && record.revokedAt === null && record.exp * 1000 > now;
}

/** Not ended (see `sessionEnd`) and holding a live refresh token among `tokens`. */
export function isSessionActive(
  session: SessionRecord,
  tokens: readonly RefreshTokenRecord[],
  now: number,
  settings: ServerSettings,
): boolean {
  return (
    sessionEnd(session, now, settings) === null &&
    tokens.some((record) => record.sid === session.sid && isLive(record, now))
  );
}

/** The user's active sessions among `sessions`, oldest first. */
export function activeSessionsOf(
  { sessions, refreshTokens }: { sessions: SessionRecord[]; refreshTokens: RefreshTokenRecord[] },
  userId: string,
  now: number,
  settings: ServerSettings,
): SessionRecord[] {
  return sessions
    .filter((s) => s.userId === userId && isSessionActive(s, refreshTokens, now, settings))
    .sort((a, b) => a.createdAt - b.createdAt);
}

/** A new session for a sign-in at `now`. */
export function newSession(userId: string, now: number): SessionRecord {
  return { sid: crypto.randomUUID(), userId, createdAt: now, endedAt: null, endReason: null };
}

/**
 * A new refresh token of the session, signed for `user` as stored now. Its expiry is the refresh
 * lifetime, cut short at the session's absolute end; `null` when that end has been reached.
 */
export function issueRefreshToken(
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
  return {
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
}

/** Follows rotations from `record` through `tokens` to the newest token of its family. */
export function newestSuccessor(
  tokens: readonly RefreshTokenRecord[],
  record: RefreshTokenRecord,
): RefreshTokenRecord {
  let current = record;
  const seen = new Set<string>();
  while (current.replacedBy && !seen.has(current.jti)) {
    seen.add(current.jti);
    const next = tokens.find((candidate) => candidate.jti === current.replacedBy);
    if (!next) break;
    current = next;
  }
  return current;
}

/**
 * The mark that refuses every access token the user holds now. `iat` has one-second resolution,
 * so the mark is the next whole second: a token issued in this second before the call is
 * refused, and tokens issued during the rest of it are stamped with that next second (see
 * `accessTokenIssuedAt`). A second revocation within the same second moves the mark past those
 * stamped tokens too.
 */
export function nextAccessTokensValidFrom(user: UserRecord, now: number): number {
  return Math.max(seconds(now), user.accessTokensValidFrom) + 1;
}

/** The `iat` for a new access token: now, or the revocation mark if that is still ahead. */
export function accessTokenIssuedAt(user: UserRecord, now: number): number {
  return Math.max(seconds(now), user.accessTokensValidFrom);
}
