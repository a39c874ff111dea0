/**
 * The endpoints that take a refresh token in the body: `refresh` (rotation with reuse detection)
 * and `logout`.
 *
 * Each handler validates its input first, then works through the store's atomic operations
 * (`store/server-store.ts`): the rotation stores the successor only if the token is still unused,
 * so of two refreshes with one token exactly one rotates, and the other is judged as the replay it
 * is. Refresh refusals are sentence fragments: the client shows them after "Your session has
 * ended: ".
 */
import type { TokenClaims } from '../api-contract';
import { error, invalidRequest, noContent, type ServerRequest, type ServerResponse } from './http';
import { checkBody, textField, type TextRule } from './request-checks';
import type { ServerContext } from './server-context';
import type { ServerSettings } from './server-settings';
import type { SessionRecord } from './server-state';
import {
  isLive,
  issueRefreshToken,
  newestSuccessor,
  RECORD_RETENTION_MS,
  type SessionEnd,
  sessionEnd,
} from './sessions';
import { tokenResponse } from './token-response';
import { type TokenProblem, verifyToken } from './token-service';

const REFRESH_TOKEN: TextRule = { min: 1, max: 4096 };

const NOT_VALID = 'the refresh token is not valid';
const REUSE_DETECTED = 'refresh token reuse was detected, so the session was revoked';
const ABSOLUTE_LIFETIME = 'the session reached its absolute lifetime';
const SESSION_ENDED: Record<SessionEnd, string> = {
  logout: 'the session was signed out',
  reuse: REUSE_DETECTED,
  revoked: 'the session was revoked',
  evicted: 'the session was ended by a newer sign-in (at most 5 sessions per user)',
  lifetime: ABSOLUTE_LIFETIME,
};
const TOKEN_REFUSED: Record<TokenProblem, string> = {
  malformed: NOT_VALID,
  algorithm: NOT_VALID,
  signature: NOT_VALID,
  'issuer-or-audience': NOT_VALID,
  expired: 'the refresh token expired',
  'not-yet-valid': 'the refresh token is not valid yet',
  'wrong-type': 'the token is not a refresh token',
};

/** `POST api/auth/refresh {refreshToken}` → 200 token response with a new refresh token. */
export async function refresh(req: ServerRequest, ctx: ServerContext): Promise<ServerResponse> {
  const input = checkBody(req.body, (body) => ({
    refreshToken: textField(body, 'refreshToken', REFRESH_TOKEN),
  }));
  if (!input.ok) return invalidRequest(input.message);
  const settings = await ctx.store.settings();
  const now = ctx.now();

  await ctx.store.pruneExpired(now, RECORD_RETENTION_MS);
  const signingKey = await ctx.signingKey();
  const verified = await verifyToken(input.value.refreshToken, signingKey, 'refresh', now);
  if (!verified.ok) {
    const session = verified.claims && (await ctx.store.findSession(verified.claims.sid));
    const sessionGone =
      verified.problem === 'expired' && session && sessionRefusal(session, now, settings);
    return invalidGrant(sessionGone || TOKEN_REFUSED[verified.problem]);
  }
  const presented = { ctx, claims: verified.claims, signingKey, now, settings };
  // A rotation that lost a race (another refresh of the same token, a sign-out) decides again on
  // what the winner stored, which is then a used, revoked or ended token: it never rotates twice.
  return (await rotateOrRefuse(presented)) ?? (await rotateOrRefuse(presented)) ?? lostTwice();
}

interface Presented {
  ctx: ServerContext;
  claims: TokenClaims;
  signingKey: string;
  now: number;
  settings: ServerSettings;
}

/** The answer to a verified refresh token as stored now; `null` when its rotation lost a race. */
async function rotateOrRefuse(presented: Presented): Promise<ServerResponse | null> {
  const { ctx, claims, signingKey, now, settings } = presented;
  const [record, session, user] = await Promise.all([
    ctx.store.findRefreshToken(claims.jti),
    ctx.store.findSession(claims.sid),
    ctx.store.findUser(claims.sub),
  ]);
  const family = record && session && user && record.sid === session.sid;
  if (!family || record.userId !== user.id) return invalidGrant(NOT_VALID);
  const ended = sessionRefusal(session, now, settings);
  if (ended) return invalidGrant(ended);

  if (record.usedAt !== null) {
    // Reuse. Within the grace window (a lost response, two tabs refreshing at once) the caller
    // gets the family's current token; after it, the family is assumed stolen and revoked.
    const successor = newestSuccessor(await ctx.store.refreshTokensOf(session.sid), record);
    // A negative time since use (the clock stepped back) is not "within the grace": it proves
    // nothing about when the replay happened, so it is treated as reuse.
    const sinceUse = now - record.usedAt;
    const withinGrace = sinceUse >= 0 && sinceUse < settings.reuseGrace * 1000;
    if (withinGrace && isLive(successor, now)) {
      return tokenResponse(signingKey, user, successor, now, settings);
    }
    await ctx.store.endSession(session.sid, 'reuse', now);
    return invalidGrant(REUSE_DETECTED);
  }
  if (record.revokedAt !== null) return invalidGrant(SESSION_ENDED.revoked);

  const next = issueRefreshToken(session, user, now, settings);
  if (!next) return invalidGrant(ABSOLUTE_LIFETIME);
  if (!(await ctx.store.rotateRefreshToken(record.jti, next, now))) return null;
  return tokenResponse(signingKey, user, next, now, settings);
}

/** Cannot happen: a lost rotation leaves the token used or revoked, which never rotates. */
function lostTwice(): ServerResponse {
  return invalidGrant(NOT_VALID);
}

/** `POST api/auth/logout {refreshToken}` → 204, ending that token's session if it has one. */
export async function logout(req: ServerRequest, ctx: ServerContext): Promise<ServerResponse> {
  const input = checkBody(req.body, (body) => ({
    refreshToken: textField(body, 'refreshToken', REFRESH_TOKEN),
  }));
  if (!input.ok) return invalidRequest(input.message);

  const now = ctx.now();
  const token = input.value.refreshToken;
  const verified = await verifyToken(token, await ctx.signingKey(), 'refresh', now);
  // An expired token still proves which session it belongs to; a forged one proves nothing.
  const claims = verified.ok || verified.problem === 'expired' ? verified.claims : undefined;
  const session = claims && (await ctx.store.findSession(claims.sid));
  if (session && session.userId === claims.sub) {
    await ctx.store.endSession(session.sid, 'logout', now);
  }
  return noContent();
}

/** Why a session can no longer refresh, or `null` while it can. */
function sessionRefusal(
  session: SessionRecord,
  now: number,
  settings: ServerSettings,
): string | null {
  const end = sessionEnd(session, now, settings);
  return end ? SESSION_ENDED[end] : null;
}

function invalidGrant(message: string): ServerResponse {
  return error(400, 'invalid_grant', message);
}
