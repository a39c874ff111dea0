/**
 * The body of a successful sign-in or refresh: a new access token plus the session's refresh
 * token, both signed for the user as stored now.
 */
import type { TokenResponse } from '../api-contract';
import { json, type ServerResponse } from './http';
import type { ServerSettings } from './server-settings';
import { toUser, type RefreshTokenRecord, type UserRecord } from './server-state';
import { accessTokenIssuedAt } from './sessions';
import { signToken } from './token-service';

/** Token responses must not be cached (RFC 6749, section 5.1). */
const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

/** Signs a fresh access token and the token recorded in `refresh`, and answers 200. */
export async function tokenResponse(
  signingKey: string,
  user: UserRecord,
  refresh: RefreshTokenRecord,
  now: number,
  settings: ServerSettings,
): Promise<ServerResponse> {
  const identity = { sub: user.id, name: user.displayName, roles: user.roles, sid: refresh.sid };
  const iat = accessTokenIssuedAt(user, now);
  const exp = iat + settings.accessTokenLifetime;
  const accessToken = await signToken(
    { ...identity, jti: crypto.randomUUID(), typ: 'access', iat, exp },
    signingKey,
  );
  // Signing is deterministic and every claim of a refresh token comes from its record (name and
  // roles as at issue), so the same record always gives the same string, even after a rename;
  // the reuse grace relies on that.
  const signedFor = { name: refresh.name ?? user.displayName, roles: refresh.roles ?? user.roles };
  const refreshToken = await signToken(
    {
      ...identity,
      ...signedFor,
      jti: refresh.jti,
      typ: 'refresh',
      iat: refresh.iat,
      exp: refresh.exp,
    },
    signingKey,
  );
  const nowSeconds = Math.floor(now / 1000);
  const body: TokenResponse = {
    accessToken,
    refreshToken,
    tokenType: 'Bearer',
    expiresIn: exp - nowSeconds,
    refreshExpiresIn: Math.max(0, refresh.exp - nowSeconds),
    user: toUser(user),
  };
  return json(200, body, NO_STORE);
}
