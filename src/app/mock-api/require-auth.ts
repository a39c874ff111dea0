/**
 * The bearer-token middleware: `protect(handler)` lets a request through only with a valid access
 * token (and, optionally, a role), and hands the handler the caller it identified.
 *
 * Access tokens are checked for signature, algorithm, issuer, audience, expiry and type, then
 * looked up: the user must exist and must not have had their access tokens revoked since the
 * token was issued, and, with **Check the session on every request** on (the default), the
 * token's session (`sid`) must exist and not have ended (`sessionEnd`). That second lookup is
 * what makes a sign-out, a revoked or evicted session stop its access token at once (RFC 7009
 * §2.1); the price is state read on every request. Off, a session's end only stops its refresh,
 * and its access token works until it expires: the stateless trade-off, for the demo.
 *
 * A role is checked against that user record, as stored now, never against the token's `roles`
 * claim: the claim is a hint for the client's UI, and it would keep a demoted admin in until the
 * token expires.
 */
import type { Role, TokenClaims } from '../api-contract';
import { error, type ServerRequest, type ServerResponse } from './http';
import type { ServerContext } from './server-context';
import type { ServerSettings } from './server-settings';
import type { UserRecord } from './server-state';
import { sessionEnd } from './sessions';
import { type TokenProblem, verifyToken } from './token-service';

export interface Caller {
  /** The user as stored when the request was authenticated; the source of their roles. */
  user: UserRecord;
  /** The access token's claims; its `roles` are what the user had at issue, for display only. */
  claims: TokenClaims;
}

export interface AuthedRequest extends ServerRequest {
  caller: Caller;
}

export type Handler = (req: ServerRequest, ctx: ServerContext) => Promise<ServerResponse>;
export type ProtectedHandler = (req: AuthedRequest, ctx: ServerContext) => Promise<ServerResponse>;

type AccessProblem = TokenProblem | 'revoked' | 'unknown-user' | 'session-ended';
type HeaderProblem = 'missing' | 'other-scheme' | 'not-one-token';

/** The realm of every challenge; the API's protected resources form one protection space. */
const REALM = 'realm="api"';

/** Each refusal names its reason (sent in the body and, for a bad token, `WWW-Authenticate`). */
const HEADER_PROBLEMS: Record<HeaderProblem, string> = {
  missing: 'the request has no access token (send Authorization: Bearer <token>)',
  'other-scheme':
    'the Authorization header is not a Bearer token (send Authorization: Bearer <token>)',
  'not-one-token': 'the Authorization header is not of the form Bearer <token>',
};
const ACCESS_PROBLEMS: Record<AccessProblem, string> = {
  malformed: 'the access token is malformed',
  algorithm: 'the access token algorithm is not allowed (only HS256 is accepted)',
  signature: 'the access token signature is invalid',
  expired: 'the access token expired',
  'not-yet-valid': 'the access token is not valid yet',
  'issuer-or-audience': 'the access token was issued by another issuer or for another audience',
  'wrong-type': 'a refresh token cannot be used as an access token',
  revoked: 'the access token was revoked',
  'unknown-user': 'the access token belongs to a user that no longer exists',
  'session-ended': 'the session has ended',
};

/** Wraps a handler so it runs only for a caller with a valid access token and `role`. */
export function protect(handler: ProtectedHandler, role?: Role): Handler {
  return async (req, ctx) => {
    const result = await authenticate(req, ctx);
    if ('refusal' in result) return result.refusal;
    if (role && !result.caller.user.roles.includes(role)) return insufficientScope(role);
    return handler({ ...req, caller: result.caller }, ctx);
  };
}

/** The caller behind the request's bearer token, or the 401 to answer. */
export async function authenticate(
  req: ServerRequest,
  ctx: ServerContext,
): Promise<{ caller: Caller } | { refusal: ServerResponse }> {
  const [scheme = '', ...credentials] = (req.headers['authorization'] ?? '').trim().split(/\s+/);
  if (scheme === '') return { refusal: missingToken('missing') };
  if (scheme.toLowerCase() !== 'bearer') return { refusal: missingToken('other-scheme') };
  const token = credentials.length === 1 ? credentials[0] : null;
  if (!token) return { refusal: malformedHeader() };

  const now = ctx.now();
  const verified = await verifyToken(token, await ctx.signingKey(), 'access', now);
  if (!verified.ok) return { refusal: invalidToken(verified.problem) };
  const { claims } = verified;
  const user = await ctx.store.findUser(claims.sub);
  if (!user) return { refusal: invalidToken('unknown-user') };
  if (claims.iat < user.accessTokensValidFrom) return { refusal: invalidToken('revoked') };
  const settings = await ctx.store.settings();
  if (settings.checkSessionOnRequests && !(await sessionRuns(ctx, claims.sid, now, settings))) {
    return { refusal: invalidToken('session-ended') };
  }
  return { caller: { user, claims } };
}

/**
 * The session check: the session must still be stored (a missing one was pruned, dropped by a
 * repair or never issued here) and not ended by the one definition refresh uses, `sessionEnd`.
 */
async function sessionRuns(
  ctx: ServerContext,
  sid: string,
  now: number,
  settings: ServerSettings,
): Promise<boolean> {
  const session = await ctx.store.findSession(sid);
  return session !== null && sessionEnd(session, now, settings) === null;
}

/**
 * 401 with a bare challenge: RFC 6750 §3.1 says a request that sent no token (none at all, or
 * another scheme) gets no error code, only the scheme and realm. The body still says what is
 * missing, for people.
 */
function missingToken(problem: 'missing' | 'other-scheme'): ServerResponse {
  return error(401, 'missing_token', HEADER_PROBLEMS[problem], {
    headers: { 'WWW-Authenticate': `Bearer ${REALM}` },
  });
}

/** 400 `invalid_request` (RFC 6750 §3.1): `Bearer` with no token, or with more than one. */
function malformedHeader(): ServerResponse {
  const message = HEADER_PROBLEMS['not-one-token'];
  return error(400, 'invalid_request', message, {
    headers: { 'WWW-Authenticate': challenge('invalid_request', message) },
  });
}

function invalidToken(problem: AccessProblem): ServerResponse {
  const message = ACCESS_PROBLEMS[problem];
  return error(401, 'invalid_token', message, {
    headers: { 'WWW-Authenticate': challenge('invalid_token', message) },
  });
}

function insufficientScope(role: Role): ServerResponse {
  const message = `This endpoint needs the "${role}" role.`;
  return error(403, 'insufficient_scope', message, {
    headers: {
      'WWW-Authenticate': challenge('insufficient_scope', `the ${role} role is required`),
    },
  });
}

/** An RFC 6750 challenge; the description may not contain quotes or backslashes. */
function challenge(code: string, description: string): string {
  return `Bearer ${REALM}, error="${code}", error_description="${description.replace(/["\\]/g, "'")}"`;
}
