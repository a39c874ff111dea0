/**
 * The auth endpoints: `register`, `login`, `refresh` (rotation with reuse detection) and `logout`.
 *
 * Each handler validates its input first, then does its work in one `ctx.db.update` so the checks
 * and the writes see the same state. Refresh refusals are sentence fragments: the client shows
 * them after "Your session has ended: ".
 */
import { CREDENTIAL_RULES } from '../api-contract';
import {
  error,
  invalidRequest,
  json,
  networkError,
  noContent,
  type ServerRequest,
  type ServerResponse,
} from './http';
import {
  clearLoginFailures,
  loginRetryAfter,
  pruneLoginFailures,
  recordLoginFailure,
} from './login-throttle';
import { hashPassword, verifyPassword } from './passwords';
import { checkBody, textField, type TextRule } from './request-checks';
import type { ServerContext } from './server-context';
import type { ServerSettings } from './server-settings';
import { toUser, type SessionRecord, type UserRecord } from './server-state';
import {
  addRefreshToken,
  endSession,
  isLive,
  newestSuccessor,
  pruneExpired,
  sessionEndsAt,
  startSession,
} from './sessions';
import { tokenResponse } from './token-response';
import { type TokenProblem, verifyToken } from './token-service';

const USERNAME: TextRule = {
  min: CREDENTIAL_RULES.usernameMin,
  max: CREDENTIAL_RULES.usernameMax,
  pattern: CREDENTIAL_RULES.usernamePattern,
  patternHint: "may only contain lowercase letters a-z, digits 0-9, '.', '_' and '-'",
};
const PASSWORD: TextRule = { min: CREDENTIAL_RULES.passwordMin, max: CREDENTIAL_RULES.passwordMax };
const DISPLAY_NAME: TextRule & { optional: true } = {
  optional: true,
  trim: true,
  min: 0,
  max: CREDENTIAL_RULES.displayNameMax,
};
const REFRESH_TOKEN: TextRule = { min: 1, max: 4096 };

const NOT_VALID = 'the refresh token is not valid';
const REUSE_DETECTED = 'refresh token reuse was detected, so the session was revoked';
const ABSOLUTE_LIFETIME = 'the session reached its absolute lifetime';
const SESSION_ENDED: Record<NonNullable<SessionRecord['endReason']>, string> = {
  logout: 'the session was signed out',
  reuse: REUSE_DETECTED,
  revoked: 'the session was revoked',
  evicted: 'the session was ended by a newer sign-in (at most 5 sessions per user)',
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

/** `POST api/auth/register {username, password, displayName?}` → 201 `{user}`. */
export async function register(req: ServerRequest, ctx: ServerContext): Promise<ServerResponse> {
  const input = checkBody(req.body, (body) => ({
    username: textField(body, 'username', USERNAME),
    password: textField(body, 'password', PASSWORD),
    displayName: textField(body, 'displayName', DISPLAY_NAME),
  }));
  if (!input.ok) return invalidRequest(input.message);
  const { username, password, displayName } = input.value;

  const passwordHash = await hashPassword(password, ctx.passwordIterations);
  return ctx.db.update((state) => {
    if (state.users.some((user) => user.username === username)) {
      return error(409, 'username_taken', `The username "${username}" is already taken.`);
    }
    const user: UserRecord = {
      id: crypto.randomUUID(),
      username,
      displayName: displayName || username,
      roles: ['user'],
      createdAt: new Date(ctx.now()).toISOString(),
      lastLoginAt: null,
      passwordHash,
      accessTokensValidFrom: 0,
    };
    state.users.push(user);
    return json(201, { user: toUser(user) });
  });
}

/** `POST api/auth/login {username, password}` → 200 token response. Usernames ignore case. */
export async function login(req: ServerRequest, ctx: ServerContext): Promise<ServerResponse> {
  const input = checkBody(req.body, (body) => ({
    username: textField(body, 'username', { min: 1, max: 256, trim: true }),
    password: textField(body, 'password', { min: 1, max: 1024 }),
  }));
  if (!input.ok) return invalidRequest(input.message);
  const username = input.value.username.toLowerCase();
  const { password } = input.value;
  const settings = ctx.db.readSettings();

  return ctx.db.update(async (state) => {
    const now = ctx.now();
    pruneLoginFailures(state, now);
    const retryAfter = loginRetryAfter(state, username, now);
    if (retryAfter > 0) {
      const message = `Too many failed sign-in attempts. Try again in ${retryAfter} seconds.`;
      return error(429, 'too_many_attempts', message, {
        retryAfter,
        headers: { 'Retry-After': String(retryAfter) },
      });
    }
    const user = state.users.find((candidate) => candidate.username === username);
    // Hash even for an unknown username, so the answer takes as long as for a wrong password.
    const valid = user
      ? await verifyPassword(password, user.passwordHash)
      : await hashPassword(password, ctx.passwordIterations).then(() => false);
    if (!user || !valid) {
      recordLoginFailure(state, username, now);
      return error(401, 'invalid_credentials', 'The username or password is incorrect.');
    }
    clearLoginFailures(state, username);
    pruneExpired(state, now);
    user.lastLoginAt = new Date(now).toISOString();
    const session = startSession(state, user.id, now, settings);
    const refreshToken = addRefreshToken(state, session, now, settings);
    if (!refreshToken) throw new Error('A new session ended before it started.');
    return tokenResponse(state.signingKey, user, refreshToken, now, settings);
  });
}

/** `POST api/auth/refresh {refreshToken}` → 200 token response with a new refresh token. */
export async function refresh(req: ServerRequest, ctx: ServerContext): Promise<ServerResponse> {
  const input = checkBody(req.body, (body) => ({
    refreshToken: textField(body, 'refreshToken', REFRESH_TOKEN),
  }));
  if (!input.ok) return invalidRequest(input.message);
  const simulated = await simulatedRefreshFailure(ctx);
  if (simulated) return simulated;
  const settings = ctx.db.readSettings();

  return ctx.db.update(async (state) => {
    const now = ctx.now();
    pruneExpired(state, now);
    const verified = await verifyToken(input.value.refreshToken, state.signingKey, 'refresh', now);
    const { claims } = verified;
    const session = claims && state.sessions.find((s) => s.sid === claims.sid);
    if (!verified.ok) {
      const sessionGone =
        verified.problem === 'expired' && session && sessionRefusal(session, now, settings);
      return invalidGrant(sessionGone || TOKEN_REFUSED[verified.problem]);
    }
    const record = state.refreshTokens.find((r) => r.jti === verified.claims.jti);
    const user = state.users.find((candidate) => candidate.id === verified.claims.sub);
    const family = record && session && user && record.sid === session.sid;
    if (!family || record.userId !== user.id) return invalidGrant(NOT_VALID);
    const ended = sessionRefusal(session, now, settings);
    if (ended) return invalidGrant(ended);

    if (record.usedAt !== null) {
      // Reuse. Within the grace window (a lost response, two tabs refreshing at once) the caller
      // gets the family's current token; after it, the family is assumed stolen and revoked.
      const successor = newestSuccessor(state, record);
      // A negative time since use (the clock stepped back) is not "within the grace": it proves
      // nothing about when the replay happened, so it is treated as reuse.
      const sinceUse = now - record.usedAt;
      const withinGrace = sinceUse >= 0 && sinceUse < settings.reuseGrace * 1000;
      if (withinGrace && isLive(successor, now)) {
        return tokenResponse(state.signingKey, user, successor, now, settings);
      }
      endSession(state, session, 'reuse', now);
      return invalidGrant(REUSE_DETECTED);
    }
    if (record.revokedAt !== null) return invalidGrant(SESSION_ENDED.revoked);

    const next = addRefreshToken(state, session, now, settings);
    if (!next) return invalidGrant(ABSOLUTE_LIFETIME);
    record.usedAt = now;
    record.replacedBy = next.jti;
    return tokenResponse(state.signingKey, user, next, now, settings);
  });
}

/** `POST api/auth/logout {refreshToken}` → 204, ending that token's session if it has one. */
export async function logout(req: ServerRequest, ctx: ServerContext): Promise<ServerResponse> {
  const input = checkBody(req.body, (body) => ({
    refreshToken: textField(body, 'refreshToken', REFRESH_TOKEN),
  }));
  if (!input.ok) return invalidRequest(input.message);

  await ctx.db.update(async (state) => {
    const now = ctx.now();
    const verified = await verifyToken(input.value.refreshToken, state.signingKey, 'refresh', now);
    // An expired token still proves which session it belongs to; a forged one proves nothing.
    const claims = verified.ok || verified.problem === 'expired' ? verified.claims : undefined;
    const session = claims && state.sessions.find((s) => s.sid === claims.sid);
    if (session && session.userId === claims.sub) endSession(state, session, 'logout', now);
  });
  return noContent();
}

/** Why a session can no longer refresh, or `null` while it can. */
function sessionRefusal(
  session: SessionRecord,
  now: number,
  settings: ServerSettings,
): string | null {
  if (session.endReason) return SESSION_ENDED[session.endReason];
  return now >= sessionEndsAt(session, settings) ? ABSOLUTE_LIFETIME : null;
}

function invalidGrant(message: string): ServerResponse {
  return error(400, 'invalid_grant', message);
}

/** Consumes the one-shot failure set by `DemoServerControls.failNextRefresh`, if any. */
async function simulatedRefreshFailure(ctx: ServerContext): Promise<ServerResponse | null> {
  if (ctx.db.readSettings().failNextRefresh === 'none') return null;
  const mode = await ctx.db.updateSettings((settings) => {
    const pending = settings.failNextRefresh;
    settings.failNextRefresh = 'none';
    return pending;
  });
  switch (mode) {
    case 'server-error':
      return error(500, 'server_error', 'The refresh failed on the server (simulated).');
    case 'network-error':
      return networkError();
    case 'invalid-grant':
      return invalidGrant('the server refused the refresh token (simulated)');
    default:
      return null;
  }
}
