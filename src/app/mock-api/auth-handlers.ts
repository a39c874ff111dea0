/**
 * The credential endpoints: `register` and `login` (which starts a session). The endpoints that
 * take a refresh token, `refresh` and `logout`, are in `refresh-token-handlers.ts`.
 *
 * Each handler validates its input first, hashes or verifies the password before any write
 * (PBKDF2 is slow on purpose), then writes through the store's atomic operations, which re-check
 * what may have changed meanwhile: the username is still free, the password hash is still the one
 * checked, the throttle's limit is not reached.
 */
import { CREDENTIAL_RULES } from '../api-contract';
import { error, invalidRequest, json, type ServerRequest, type ServerResponse } from './http';
import { LOGIN_FAILURE_WINDOW_MS, LOGIN_FAILURES, loginRetryAfter } from './login-throttle';
import { hashPassword, verifyPassword } from './passwords';
import { checkBody, textField, type TextRule } from './request-checks';
import type { ServerContext } from './server-context';
import { toUser, type UserRecord } from './server-state';
import {
  issueRefreshToken,
  MAX_ACTIVE_SESSIONS,
  newSession,
  RECORD_RETENTION_MS,
} from './sessions';
import type { ServerStore } from './store/server-store';
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
  if (!(await ctx.store.createUserIfFree(user))) {
    return error(409, 'username_taken', `The username "${username}" is already taken.`);
  }
  return json(201, { user: toUser(user) });
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
  const { store } = ctx;
  const settings = await store.settings();

  if (throttled(await store.loginFailures(username), ctx.now())) {
    // Refused without a hash, but the failures are pruned first (see `pruneLoginFailures`:
    // after a clock step back they must start expiring now).
    const refusal = await throttledAfterPruning(store, username, ctx.now());
    if (refusal) return refusal;
  }
  // PBKDF2 is slow on purpose, so it runs before any write; the writes below re-check what may
  // have changed meanwhile (more failures, another password).
  const checked = await store.findUserByUsername(username);
  // Hash even for an unknown username, so the answer takes as long as for a wrong password.
  const valid = checked
    ? await verifyPassword(password, checked.passwordHash)
    : await hashPassword(password, ctx.passwordIterations).then(() => false);

  const now = ctx.now();
  const throttledNow = await throttledAfterPruning(store, username, now);
  if (throttledNow) return throttledNow;
  const at = new Date(now).toISOString();
  const user =
    checked && valid ? await store.recordSignIn(checked.id, checked.passwordHash, at) : null;
  if (!user) {
    const recorded = await store.recordLoginFailure(username, now, LOGIN_FAILURES);
    const refusal = recorded ? null : throttled(await store.loginFailures(username), now);
    return (
      refusal ??
      error(401, 'invalid_credentials', 'The username or password is incorrect.', {
        headers: PASSWORD_CHALLENGE,
      })
    );
  }
  await store.clearLoginFailures(username);
  await store.pruneExpired(now, RECORD_RETENTION_MS);
  const session = newSession(user.id, now);
  const refreshToken = issueRefreshToken(session, user, now, settings);
  if (!refreshToken) throw new Error('A new session ended before it started.');
  await store.startSession({ session, refreshToken, maxOpen: MAX_ACTIVE_SESSIONS, now, settings });
  return tokenResponse(await ctx.signingKey(), user, refreshToken, now, settings);
}

/** Prunes the stored failures, then answers the 429 if the username is throttled. */
async function throttledAfterPruning(
  store: ServerStore,
  username: string,
  now: number,
): Promise<ServerResponse | null> {
  await store.pruneLoginFailures(now, LOGIN_FAILURE_WINDOW_MS);
  return throttled(await store.loginFailures(username), now);
}

/** The 429 for a username with too many recent failures, or `null` when it may try. */
function throttled(failures: readonly number[], now: number): ServerResponse | null {
  const retryAfter = loginRetryAfter(failures, now);
  if (retryAfter === 0) return null;
  const message = `Too many failed sign-in attempts. Try again in ${retryAfter} seconds.`;
  return error(429, 'too_many_attempts', message, {
    retryAfter,
    headers: { 'Retry-After': String(retryAfter) },
  });
}
