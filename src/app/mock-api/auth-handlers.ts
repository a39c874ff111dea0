/**
 * The credential endpoints: `register` and `login` (which starts a session). The endpoints that
 * take a refresh token, `refresh` and `logout`, are in `refresh-token-handlers.ts`.
 *
 * Each handler validates its input first, hashes or verifies the password outside the state lock
 * (PBKDF2 is slow on purpose), then does its writes in one short `ctx.db.update` that re-checks
 * what may have changed meanwhile.
 */
import { CREDENTIAL_RULES } from '../api-contract';
import { error, invalidRequest, json, type ServerRequest, type ServerResponse } from './http';
import { LOGIN_FAILURE_WINDOW_MS, LOGIN_FAILURES, loginRetryAfter } from './login-throttle';
import { hashPassword, verifyPassword } from './passwords';
import { checkBody, textField, type TextRule } from './request-checks';
import type { ServerContext } from './server-context';
import { type ServerState, toUser, type UserRecord } from './server-state';
import {
  issueRefreshToken,
  MAX_ACTIVE_SESSIONS,
  newSession,
  RECORD_RETENTION_MS,
} from './sessions';
import {
  clearFailuresIn,
  failuresIn,
  pruneExpiredIn,
  pruneFailuresIn,
  recordFailureIn,
  startSessionIn,
} from './store/state-changes';
import { tokenResponse } from './token-response';

const USERNAME: TextRule = {
  min: CREDENTIAL_RULES.usernameMin,
  max: CREDENTIAL_RULES.usernameMax,
  pattern: CREDENTIAL_RULES.usernamePattern,
  patternHint: "may only contain lowercase letters a-z, digits 0-9, '.', '_' and '-'",
};
const PASSWORD: TextRule = { min: CREDENTIAL_RULES.passwordMin, max: CREDENTIAL_RULES.passwordMax };
/**
 * The challenge of a refused sign-in. Every 401 must carry one (RFC 9110 §11.6.1), but no
 * registered scheme fits credentials sent as a JSON body: `Basic` would make browsers open their
 * own sign-in dialog, and `Bearer` with `invalid_token` would claim a bad token where none was
 * sent. So the scheme is this API's own, `Password` (any token is a valid scheme name, and
 * clients that do not know it ignore it), with the same realm as the bearer challenges.
 */
const PASSWORD_CHALLENGE = { 'WWW-Authenticate': 'Password realm="api"' };
const DISPLAY_NAME: TextRule & { optional: true } = {
  optional: true,
  trim: true,
  min: 0,
  max: CREDENTIAL_RULES.displayNameMax,
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

  // PBKDF2 is slow on purpose, so the password is checked against a snapshot, outside the state
  // lock that every other request waits for; only the short update below holds it.
  const snapshot = await ctx.db.read();
  if (throttled(snapshot, username, ctx.now())) {
    // Refused without a hash, but under the lock, so the pruned failures are stored (see
    // `pruneLoginFailures`: after a clock step back they must start expiring now).
    const refusal = await ctx.db.update((state) => {
      const now = ctx.now();
      pruneFailuresIn(state, now, LOGIN_FAILURE_WINDOW_MS);
      return throttled(state, username, now);
    });
    if (refusal) return refusal;
  }
  const checked = snapshot.users.find((candidate) => candidate.username === username);
  // Hash even for an unknown username, so the answer takes as long as for a wrong password.
  const valid = checked
    ? await verifyPassword(password, checked.passwordHash)
    : await hashPassword(password, ctx.passwordIterations).then(() => false);

  return ctx.db.update(async (state) => {
    const now = ctx.now();
    pruneFailuresIn(state, now, LOGIN_FAILURE_WINDOW_MS);
    // Re-checked under the lock: failures may have been added, or the user changed, meanwhile.
    const throttledNow = throttled(state, username, now);
    if (throttledNow) return throttledNow;
    const user = state.users.find((candidate) => candidate.username === username);
    const sameHash =
      user && checked && user.id === checked.id && user.passwordHash === checked.passwordHash;
    if (!user || !valid || !sameHash) {
      recordFailureIn(state, username, now, LOGIN_FAILURES);
      return error(401, 'invalid_credentials', 'The username or password is incorrect.', {
        headers: PASSWORD_CHALLENGE,
      });
    }
    clearFailuresIn(state, username);
    pruneExpiredIn(state, now, RECORD_RETENTION_MS);
    user.lastLoginAt = new Date(now).toISOString();
    const session = newSession(user.id, now);
    const refreshToken = issueRefreshToken(session, user, now, settings);
    if (!refreshToken) throw new Error('A new session ended before it started.');
    startSessionIn(state, { session, refreshToken, maxOpen: MAX_ACTIVE_SESSIONS, now, settings });
    return tokenResponse(state.signingKey, user, refreshToken, now, settings);
  });
}

/** The 429 for a username with too many recent failures, or `null` when it may try. */
function throttled(state: ServerState, username: string, now: number): ServerResponse | null {
  const retryAfter = loginRetryAfter(failuresIn(state, username), now);
  if (retryAfter === 0) return null;
  const message = `Too many failed sign-in attempts. Try again in ${retryAfter} seconds.`;
  return error(429, 'too_many_attempts', message, {
    retryAfter,
    headers: { 'Retry-After': String(retryAfter) },
  });
}
